package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factcheck-tools/compare/internal/gencorpus"

	"github.com/factcheck-tools/compare/compare"
)

// The browser tests drive Debian's chromium through chromedp. Without chromium
// they skip, except under CI=true, where .ci/run installs it and a skip would hide
// a broken page.

// chromiumPath finds the browser.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one browser tab for one test, with what the page wrote to its console and
// any dialog it tried to open.
type tab struct {
	ctx     context.Context
	mu      sync.Mutex
	console []string
	dialogs []string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	path := chromiumPath()
	switch {
	case path == "" && os.Getenv("CI") == "true":
		t.Fatal("chromium is not installed; .ci/run installs it with apt-get install chromium")
	case path == "":
		t.Skip("chromium is not installed (apt-get install chromium); skipping the browser test")
	case testing.Short():
		t.Skip("browser tests do not run with -short")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-component-update", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	tb := &tab{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // start the browser and open the tab
		t.Fatalf("starting chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	dialogs := make(chan struct{}, 16)
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			tb.console = append(tb.console, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				tb.console = append(tb.console, fmt.Sprintf("%s: %s", e.Entry.Level, e.Entry.Text))
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				tb.console = append(tb.console, fmt.Sprintf("console.%s", e.Type))
			}
		case *page.EventJavascriptDialogOpening:
			tb.dialogs = append(tb.dialogs, string(e.Type)+": "+e.Message)
			select {
			case dialogs <- struct{}{}:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// A dialog blocks the page; dismiss it so the test can report it.
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-dialogs:
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		}
	}()
	return tb
}

// problems returns what the page wrote to its console as errors or warnings, and
// the dialogs it opened.
func (tb *tab) problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append(append([]string(nil), tb.console...), tb.dialogs...)
}

func eval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func do(t *testing.T, tb *tab, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// renderHTML runs "compare report --format html" as a user would and writes the
// page to a file.
func renderHTML(t *testing.T, args ...string) (string, []byte) {
	t.Helper()
	var out, errb bytes.Buffer
	args = append([]string{"report", "--format", "html", "--cache", testCache}, args...)
	if code := run(args, nil, &out, &errb); code != 0 {
		t.Fatalf("compare %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, out.Bytes()
}

// screenshot saves a full-page screenshot in the test's temporary folder, and in
// $COMPARE_SCREENSHOTS when that is set, to look at.
func screenshot(t *testing.T, tb *tab, name string, full bool) {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(90)
	}
	png, err := chromedp.Run(tb.ctx, shot)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(png))
	if dir := os.Getenv("COMPARE_SCREENSHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type violation struct {
	ID, Impact, Help string
	Nodes            []string
}

// accessibility runs axe-core (testdata/axe) on the page: WCAG 2.0 and 2.1, levels
// A and AA, and axe's best practices (labels, contrast, headings, landmarks).
func accessibility(t *testing.T, tb *tab) []violation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](string(src)+";void 0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	out, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
		resultTypes: ["violations"]
	}).then(r => JSON.stringify(r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary)
	}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var vs []violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

var cardRE = regexp.MustCompile(`<li class="card [a-z]+" id="c-([0-9a-f]+)" tabindex="-1" data-class="([a-z]+)" data-status="([a-z]+)" data-family="([a-z-]+)" data-sources="([^"]*)"`)

type card struct{ id, class, status, family, sources string }

// cards reads the cards from the page as written, to know what the filters must
// show without asking the page's own script.
func cards(page []byte) []card {
	var out []card
	for _, m := range cardRE.FindAllSubmatch(page, -1) {
		out = append(out, card{string(m[1]), string(m[2]), string(m[3]), string(m[4]), string(m[5])})
	}
	return out
}

const visibleCards = `Array.from(document.querySelectorAll("li.card")).filter(c => !c.hidden && c.offsetParent !== null).map(c => c.id)`

// TestBrowserReport opens the HTML report of the embedded corpus in chromium: the
// cards are there, the filters and the keys work, the page loads in under a second,
// passes axe-core, reads on a phone, prints without its controls, and writes
// nothing to the console (a blocked style or script would).
func TestBrowserReport(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	path, html := renderHTML(t)
	all := cards(html)
	if len(all) == 0 {
		t.Fatal("the page has no cards")
	}
	do(t, tb, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#filters")))

	// How long the page took, by the browser's own navigation timing. The other
	// browser tests run beside this one on a machine of two cores, and one load
	// may wait on them (1.2 s once, where the page alone takes 0.1-0.5 s): the
	// page's own time is the fastest of up to three loads.
	loaded := func() float64 {
		return eval[float64](t, tb, `performance.getEntriesByType("navigation")[0].loadEventEnd`)
	}
	ms := loaded()
	for try := 1; try < 3 && ms >= 1000; try++ {
		t.Logf("load %d took %.0f ms: loading again", try, ms)
		do(t, tb, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#filters")))
		ms = min(ms, loaded())
	}
	t.Logf("the report of the embedded corpus (%d bytes, %d conflicts) loaded in %.0f ms", len(html), len(all), ms)
	if ms <= 0 || ms >= 1000 {
		t.Errorf("the page took %.0f ms to load; it must render in under a second", ms)
	}

	screenshot(t, tb, "report-first-screen.png", false) // what an editor sees first
	shown := func() []string { return eval[[]string](t, tb, visibleCards) }
	if got := shown(); len(got) != len(all) {
		t.Fatalf("%d cards visible, want all %d", len(got), len(all))
	}
	if got := eval[string](t, tb, `document.getElementById("shown").textContent`); got != fmt.Sprintf("Showing %d of %d conflicts.", len(all), len(all)) {
		t.Errorf("count line: %q", got)
	}

	// Unticking a class hides its cards.
	want := func(keep func(card) bool) []string {
		var ids []string
		for _, c := range all {
			if keep(c) {
				ids = append(ids, "c-"+c.id)
			}
		}
		return ids
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`input[name=class][value=spelling]`)))
	notSpelling := want(func(c card) bool { return c.class != "spelling" })
	if got := shown(); strings.Join(got, " ") != strings.Join(notSpelling, " ") {
		t.Errorf("without spelling: %v, want %v", got, notSpelling)
	}
	if got, w := eval[string](t, tb, `document.getElementById("shown").textContent`), fmt.Sprintf("Showing %d of %d conflicts.", len(notSpelling), len(all)); got != w {
		t.Errorf("count line %q, want %q", got, w)
	}

	// Choosing a source keeps the conflicts that quote it.
	do(t, tb, chromedp.SetValue(chromedp.CSS(`#filter-source`), "start"))
	eval[any](t, tb, `document.getElementById("filter-source").dispatchEvent(new Event("change", {bubbles: true}))`)
	startOnly := want(func(c card) bool { return c.class != "spelling" && strings.Contains(" "+c.sources+" ", " start ") })
	if got := shown(); len(startOnly) == 0 || strings.Join(got, " ") != strings.Join(startOnly, " ") {
		t.Errorf("START, without spelling: %v, want %v", got, startOnly)
	}

	// A family narrows further; "Show all" brings every card back.
	do(t, tb, chromedp.SetValue(chromedp.CSS(`#filter-family`), "home-base"))
	eval[any](t, tb, `document.getElementById("filter-family").dispatchEvent(new Event("change", {bubbles: true}))`)
	homeBase := want(func(c card) bool {
		return c.class != "spelling" && strings.Contains(" "+c.sources+" ", " start ") && c.family == "home-base"
	})
	if got := shown(); len(homeBase) == 0 || strings.Join(got, " ") != strings.Join(homeBase, " ") {
		t.Errorf("START's home-base conflicts: %v, want %v", got, homeBase)
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`#filters button[type=reset]`)))
	time.Sleep(50 * time.Millisecond) // the reset applies after the form clears
	if got := shown(); len(got) != len(all) {
		t.Errorf("after Show all: %d cards, want %d", len(got), len(all))
	}

	// j and k move between cards.
	eval[any](t, tb, `document.activeElement.blur()`)
	do(t, tb, chromedp.KeyEvent("j"))
	if got := eval[string](t, tb, `document.activeElement.id`); got != "c-"+all[0].id {
		t.Errorf("after j: focus on %q, want the first card c-%s", got, all[0].id)
	}
	do(t, tb, chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("k"))
	if got := eval[string](t, tb, `document.activeElement.id`); got != "c-"+all[1].id {
		t.Errorf("after j j k: focus on %q, want the second card c-%s", got, all[1].id)
	}

	screenshot(t, tb, "report.png", true)

	for _, v := range accessibility(t, tb) {
		t.Errorf("accessibility: %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}

	// A phone: nothing wider than the screen.
	do(t, tb, chromedp.EmulateViewport(390, 844))
	if w := eval[float64](t, tb, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("on a 390-pixel screen the page is %.0f pixels wide", w)
	}
	screenshot(t, tb, "report-narrow.png", false)
	do(t, tb, chromedp.EmulateViewport(1280, 900))

	// Print: the filters are not printed.
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, tb, `getComputedStyle(document.getElementById("filters")).display`); d != "none" {
		t.Errorf("printed, the filters show (display %q)", d)
	}

	for _, p := range tb.problems() {
		t.Errorf("the page reported: %s", p)
	}
}

// TestBrowserSourceTextDoesNotRun opens the report of a corpus whose texts carry a
// <script>, an onerror= attribute and a javascript: link, with the page's
// Content-Security-Policy turned off, so that escaping alone must keep them from
// running: no dialog opens, the title stays, and the markup shows as text.
func TestBrowserSourceTextDoesNotRun(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	path, _ := renderHTML(t, filepath.Join("testdata", "corpora", "hostile"))
	if _, err := chromedp.Call(tb.ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	do(t, tb, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("li.card")))
	time.Sleep(200 * time.Millisecond) // time for anything that would run to run
	if got := eval[string](t, tb, `document.title`); got != "Discrepancies about NLF — compare" {
		t.Errorf("a script changed the title to %q", got)
	}
	if n := eval[float64](t, tb, `document.scripts.length`); n != 1 {
		t.Errorf("%v scripts on the page; only the page's own may be there", n)
	}
	if n := eval[float64](t, tb, `document.querySelectorAll("img, a[href^='javascript:' i], [onerror], [onload]").length`); n != 0 {
		t.Errorf("%v elements from the sources' markup", n)
	}
	text := eval[string](t, tb, `document.body.innerText`)
	for _, want := range []string{`<script>document.title = "pwned"; alert("two")</script>`, `<img src=x onerror=alert("one")>`, `Source One <script>alert("name")</script>`} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	for _, p := range tb.problems() {
		t.Errorf("the page reported: %s", p)
	}
}

// copyCorpus copies a corpus from testdata to a temporary folder, leaving out the
// expectations that belong to the tests.
func copyCorpus(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	src := os.DirFS(filepath.Join("testdata", "corpora", name))
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "expected.yaml" {
			return err
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestBrowserServeRecordsVerdicts drives compare serve: it opens the link the
// server prints, records one verdict by clicking and another by choosing the value
// held correct, and finds both in reviews.yaml.
func TestBrowserServeRecordsVerdicts(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	dir := copyCorpus(t, "amber")
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	s, err := newServer(e, dir, corpusFlags{cacheDir: testCache}, "Browser Test")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s.handler()}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	do(t, tb, chromedp.Navigate(s.url), chromedp.WaitVisible(chromedp.CSS("form.review-form")))
	if loc, _ := chromedp.Run(tb.ctx, chromedp.Location()); strings.Contains(loc, "token=") {
		t.Errorf("the token stays in the address bar: %s", loc)
	}
	ids := eval[[]string](t, tb, `Array.from(document.querySelectorAll("form.review-form input[name=id]")).map(i => i.value)`)
	if len(ids) < 2 {
		t.Fatalf("%d verdict forms; the amber corpus has more unreviewed conflicts", len(ids))
	}

	// confirmed, with a note
	first := "#c-" + ids[0]
	do(t, tb, chromedp.Click(chromedp.CSS(first+` input[name=verdict][value=confirmed]`)))
	do(t, tb, chromedp.SendKeys(chromedp.CSS(`#note-`+ids[0]), "checked in the browser"))
	do(t, tb, chromedp.Click(chromedp.CSS(first+` button[type=submit]`)))

	do(t, tb, chromedp.WaitVisible(chromedp.CSS(first+` .flash[role=status]`)))
	flash := eval[string](t, tb, `document.querySelector("`+first+` .flash").textContent`)
	if !strings.Contains(flash, "reviews.yaml: confirmed") {
		t.Errorf("after recording, the page says %q", flash)
	}
	if st := eval[string](t, tb, `document.querySelector("`+first+`").dataset.status`); st != "reviewed" {
		t.Errorf("after recording, the card's status is %q", st)
	}
	if n := eval[float64](t, tb, `document.querySelectorAll("`+first+` form").length`); n != 0 {
		t.Error("a reviewed conflict still has its verdict form")
	}

	// resolved: the value select appears only for resolved; pick the last value
	second := "#c-" + ids[1]
	if hidden := eval[bool](t, tb, `document.querySelector("`+second+` [data-for=resolved]").hidden`); !hidden {
		t.Error("the value held correct is asked before resolved is chosen")
	}
	do(t, tb, chromedp.Click(chromedp.CSS(second+` input[name=verdict][value=resolved]`)))
	if hidden := eval[bool](t, tb, `document.querySelector("`+second+` [data-for=resolved]").hidden`); hidden {
		t.Error("choosing resolved does not ask for the value held correct")
	}
	value := eval[string](t, tb, `(() => { const s = document.querySelector("#value-`+ids[1]+`"); s.selectedIndex = s.options.length - 1; return s.value })()`)
	do(t, tb, chromedp.Click(chromedp.CSS(second+` button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(second+`[data-status=reviewed]`)))

	revs, err := compare.LoadReviews(os.DirFS(dir), "reviews.yaml", "reviews.yaml", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*compare.Review{}
	for _, r := range revs.List {
		got[r.ID] = r
	}
	if r := got[ids[0]]; r == nil || r.Verdict != compare.Confirmed || r.Note != "checked in the browser" || r.By != "Browser Test" {
		t.Errorf("reviews.yaml lacks the confirmed verdict on %s: %+v", ids[0], r)
	}
	if r := got[ids[1]]; r == nil || r.Verdict != compare.Resolved || r.Value != value {
		t.Errorf("reviews.yaml lacks the resolved verdict on %s with value %q: %+v", ids[1], value, r)
	}
	screenshot(t, tb, "serve.png", false)
	for _, p := range tb.problems() {
		t.Errorf("the page reported: %s", p)
	}
}

// TestBrowserPageAtScale: the page of a generated corpus of 150 sources, whose
// cards sum up conflicts of dozens of claims (an answers table, a note of the
// claims not shown) and whose timelines leave sources out, passes axe-core too
// and logs no console errors. Its load time is logged, not asserted: the test
// runs beside the others, under the race detector in CI.
func TestBrowserPageAtScale(t *testing.T) {
	// Not in parallel: TestBrowserReport times its page's load.
	dir := t.TempDir()
	if _, err := gencorpus.WriteOptions(dir, gencorpus.Options{Sources: 150, Seed: 3, SourceBytes: 3000}); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	path, html := renderHTML(t, dir)
	if !bytes.Contains(html, []byte(`<table class="answers">`)) || !bytes.Contains(html, []byte("not drawn")) {
		t.Fatal("no card sums up its claims or no timeline leaves sources out: the test tries nothing new")
	}
	do(t, tb, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#filters")))
	ms := eval[float64](t, tb, `performance.getEntriesByType("navigation")[0].loadEventEnd`)
	t.Logf("the page of 150 sources (%d bytes, %d conflicts) loaded in %.0f ms", len(html), len(cards(html)), ms)
	for _, v := range accessibility(t, tb) {
		t.Errorf("accessibility: %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	for _, p := range tb.problems() {
		t.Errorf("console: %s", p)
	}
}
