package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hostile is source text that would run in a page that did not escape it.
var hostile = []string{
	`<script>alert("pwned")</script>`,
	`<img src=x onerror=alert(1)>`,
	`<a href="javascript:alert(1)">click</a>`,
	`"><svg onload=alert(1)>`,
	`</textarea><script>alert(2)</script>`,
}

// hostileReport puts hostile text in every field a source or a manifest can fill.
func hostileReport() *Report {
	h := strings.Join(hostile, " ")
	cl := Claim{
		Source: "evil" + h, SourceName: "Evil " + h, File: "evil.txt", Path: "x/evil.txt", Line: 3, Column: 1,
		Text: h, Value: h, Quote: h, Before: h, Match: h, After: h, ContextBefore: h, ContextAfter: h,
		Attribution: h, Claimant: h, Citation: h, Rule: h, Section: h,
	}
	return &Report{
		Subject: h, Corpus: h, Claims: 1,
		Sources:  []Source{{ID: "evil", File: "evil.txt", Name: h, Title: h, Publisher: h, AsOf: "2020", AsOfHuman: h, Claims: 1}},
		ByClass:  []ClassCount{{Class: "hard", N: 1}},
		ByStatus: []ClassCount{{Class: "unreviewed", N: 1}},
		Conflicts: []Conflict{{N: 1, ID: "abc", Key: h, Family: h, Title: h, Class: "hard", Explanation: h, Claims: []Claim{cl, cl}, Omitted: 7,
			Values: []ValueCount{{Value: h, Text: h, Claims: 8, Sources: 1}}, Sources: []SourceRef{{"evil" + h, "Evil " + h}}, Diffs: []Diff{{From: h, To: h, Ops: []DiffOp{{-1, h}, {1, h}, {0, h}}}}, Review: Review{Status: "unreviewed", Note: h, Verdict: h, By: h, New: []Claim{cl}}}},
		Agreements: []Agreement{{Key: h, Title: h, Value: h, Values: []string{h}, SourceNames: []string{h}}},
		Orphaned:   []Orphan{{ID: h, Title: h, Verdict: h}},
		Timelines: []Timeline{{ID: "t", Title: h, Kind: "lanes", Rows: []TimelineRow{{SourceName: h, AsOfHuman: h, AsOf: 2020,
			Marks: []Mark{{From: 2000, To: 2010, Group: h, Label: h, Text: h, Value: h, Quote: h, Period: h, SourceName: h}}}}}},
	}
}

// TestHTMLEscapesSourceText: nothing a source says runs. Every hostile string shows
// as text, in the static page and in the served page with its forms.
func TestHTMLEscapesSourceText(t *testing.T) {
	for _, p := range []Page{{}, {Editable: true, Token: "tok", Action: "/review", By: strings.Join(hostile, " "), Flash: hostile[0], Error: hostile[1]}} {
		var b bytes.Buffer
		if err := WritePage(&b, hostileReport(), p); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		// Attribute values are always double-quoted by html/template, with any quote
		// inside escaped; what is left outside them is the page's markup.
		markup := regexp.MustCompile(`="[^"]*"`).ReplaceAllString(page, `=""`)
		if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
			t.Errorf("%d <script> elements; want only the page's own", n)
		}
		for _, bad := range []*regexp.Regexp{
			regexp.MustCompile(`(?i)<[^>]*\son(error|load)\s*=`),
			regexp.MustCompile(`(?i)href\s*=\s*["']?\s*javascript:`),
			regexp.MustCompile(`(?i)<img\b`),
			regexp.MustCompile(`(?i)<svg onload`),
		} {
			if m := bad.FindString(markup); m != "" {
				t.Errorf("hostile markup reached the page: %q", m)
			}
		}
		if !strings.Contains(page, "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;") {
			t.Error("the <script> text is not shown as text")
		}
	}
}

// TestHTMLPolicyAllowsOnlyItsOwnCode: the Content-Security-Policy names the hashes
// of exactly the inline style and script the page carries, so they run and nothing
// else does.
func TestHTMLPolicyAllowsOnlyItsOwnCode(t *testing.T) {
	var b bytes.Buffer
	r := seedsReport(t)
	AddContext(r, seedsClaims.c)
	if err := HTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if meta == nil {
		t.Fatal("the page has no Content-Security-Policy")
	}
	policy := html.UnescapeString(meta[1])
	for _, tag := range []string{"style", "script"} {
		m := regexp.MustCompile(`(?s)<`+tag+`>(.*?)</`+tag+`>`).FindAllStringSubmatch(page, -1)
		if len(m) != 1 {
			t.Fatalf("%d <%s> elements, want 1", len(m), tag)
		}
		sum := sha256.Sum256([]byte(m[0][1]))
		want := tag + "-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"
		if !strings.Contains(policy, want) {
			t.Errorf("the policy %q does not allow the page's own %s (%s)", policy, tag, want)
		}
	}
	if !strings.HasPrefix(policy, "default-src 'none';") {
		t.Errorf("the policy must deny by default: %q", policy)
	}
	if regexp.MustCompile(`(?i)\s(src|href|action)="(https?:)?//`).MatchString(page) {
		t.Error("the page loads something from the network")
	}
}

// TestHTMLReportIsSmallAndComplete: under 1 MB, a card per conflict with its quotes
// and a timeline for the facts that have one.
func TestHTMLReportIsSmallAndComplete(t *testing.T) {
	r := seedsReport(t)
	AddContext(r, seedsClaims.c)
	var b bytes.Buffer
	if err := HTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if b.Len() >= 1<<20 {
		t.Errorf("the report is %d bytes; it must stay under 1 MB", b.Len())
	}
	if n := strings.Count(page, `<li class="card `); n != len(r.Conflicts) || n == 0 {
		t.Errorf("%d cards for %d conflicts", n, len(r.Conflicts))
	}
	if n := strings.Count(page, "<mark>"); n < len(r.Conflicts)*2 {
		t.Errorf("%d highlighted claims; every conflict has at least two", n)
	}
	for _, id := range []string{`id="timeline-home-base"`, `id="timeline-membership"`} {
		if !strings.Contains(page, id) {
			t.Errorf("no %s", id)
		}
	}
	if strings.Contains(page, `class="review-form"`) {
		t.Error("the static report has verdict forms")
	}
}

// TestTimelinesComeFromClaims: the home-base timeline of the embedded corpus draws
// the periods the sources state, with the countries the text names.
func TestTimelinesComeFromClaims(t *testing.T) {
	r := seedsReport(t)
	AddContext(r, seedsClaims.c)
	var home *Timeline
	for i := range r.Timelines {
		if r.Timelines[i].Family == "home-base" {
			home = &r.Timelines[i]
		}
	}
	if home == nil {
		t.Fatal("no home-base timeline")
	}
	found := map[string]bool{}
	for _, row := range home.Rows {
		for _, m := range row.Marks {
			if m.From > m.To {
				t.Errorf("%s line %d: mark runs backwards (%v > %v)", row.Source, m.Line, m.From, m.To)
			}
			if !m.Event {
				found[row.Source+" "+m.Group] = true
			}
		}
	}
	// START's list puts the group in Iraq to its own date; later sources put it in
	// Albania. Both must be on the timeline for the disagreement to show.
	for _, want := range []string{"start Iraq", "start France", "start Iran", "wikipedia Albania"} {
		if !found[want] {
			t.Errorf("the home-base timeline lacks %q; has %v", want, found)
		}
	}
}

func TestLayoutKeepsMarksInsideTheChart(t *testing.T) {
	r := seedsReport(t)
	AddContext(r, seedsClaims.c)
	if len(r.Timelines) == 0 {
		t.Fatal("no timelines")
	}
	for _, tl := range r.Timelines {
		c := layout(tl)
		num := regexp.MustCompile(`^-?\d+(\.\d)?$`)
		for _, b := range c.Bars {
			for _, v := range []string{b.X, b.Y, b.W, b.H} {
				if !num.MatchString(v) {
					t.Fatalf("%s: coordinate %q", tl.ID, v)
				}
			}
			x, w := atof(b.X), atof(b.W)
			if x < 0 || x+w > float64(c.Width)+1 || atof(b.Y) < 0 || atof(b.Y)+atof(b.H) > float64(c.Height) {
				t.Errorf("%s: bar %q outside the %dx%d chart: %+v", tl.ID, b.Title, c.Width, c.Height, b)
			}
		}
	}
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// TestCondense: rows that draw the same marks become one, named by the first
// source and standing for the others; past max rows, those that stand for the
// fewest sources are left out and counted. The rows given are not changed.
func TestCondense(t *testing.T) {
	row := func(name string, asOf float64, from ...float64) TimelineRow {
		r := TimelineRow{Source: name, SourceName: name, AsOf: asOf}
		for _, f := range from {
			r.Marks = append(r.Marks, Mark{From: f, To: f + 5, Group: "Iraq", Label: "Iraq", SourceName: name, Line: int(f)})
		}
		return r
	}
	rows := []TimelineRow{
		row("a", 2020, 1986), row("b", 2020, 1990), row("c", 2020, 1986), row("d", 2021, 1986),
		row("e", 2020, 1986), row("f", 2020, 1990), row("g", 2020, 1970), row("h", 2020, 1986, 1990),
	}
	got, hidden := condense(rows, 2)
	var names []string
	for _, r := range got {
		names = append(names, r.Label())
	}
	// a, c and e draw the same; b and f; d (another as-of date), g and h alone.
	if fmt.Sprint(names) != "[a +2 b +1]" || hidden != 3 {
		t.Errorf("condensed to %v leaving %d sources out; want [a +2 b +1] and 3", names, hidden)
	}
	if got[0].Marks[0].SourceName != "a (and 2 more sources with the same account)" || rows[0].Marks[0].SourceName != "a" {
		t.Errorf("the marks of the row for a are named %q, and a's own %q", got[0].Marks[0].SourceName, rows[0].Marks[0].SourceName)
	}
	if got, hidden := condense(rows, 8); len(got) != 8 || hidden != 0 {
		t.Errorf("8 rows condensed to %d for at most 8", len(got))
	}
	if got, _ := condense(rows, 6); len(got) != 5 || got[0].Others != 2 || got[1].Others != 1 {
		t.Errorf("8 rows condensed to %d for at most 6, want 5: a +2, b +1, d, g, h", len(got))
	}
}
