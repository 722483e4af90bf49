package gencorpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
)

// small keeps the tests fast under -race: sources of about 3 KB instead of 50 KB.
// Their statements of facts are as many as in full-size sources; only the filler
// between them is shorter.
const small = 3000

// writeCorpus writes a corpus into a fresh folder and returns the folder.
func writeCorpus(t *testing.T, o Options, record func(source, family, text string)) (string, Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := (&generator{opts: o, record: record}).write(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDeterministic writes the same corpus twice and compares every byte, and checks
// that a source does not depend on how many sources the corpus has.
func TestDeterministic(t *testing.T) {
	o := Options{Sources: 10, Seed: 7, SourceBytes: small}
	a, sa := writeCorpus(t, o, nil)
	b, sb := writeCorpus(t, o, nil)
	if sa.String() != sb.String() {
		t.Errorf("stats differ:\n%v\n%v", sa, sb)
	}
	o.Sources = 20
	c, _ := writeCorpus(t, o, nil)
	if !bytes.Equal(readFile(t, filepath.Join(a, "compare.yaml")), readFile(t, filepath.Join(b, "compare.yaml"))) {
		t.Error("two runs wrote different manifests")
	}
	for i := range 10 {
		name := filepath.Join("sources", fmt.Sprintf("s%05d.txt", i))
		first := readFile(t, filepath.Join(a, name))
		if !bytes.Equal(first, readFile(t, filepath.Join(b, name))) {
			t.Errorf("%s: two runs differ", name)
		}
		if !bytes.Equal(first, readFile(t, filepath.Join(c, name))) {
			t.Errorf("%s: differs between the corpus of 10 sources and that of 20", name)
		}
	}
	other, _ := writeCorpus(t, Options{Sources: 1, Seed: 8, SourceBytes: small}, nil)
	if bytes.Equal(readFile(t, filepath.Join(a, "sources", "s00000.txt")), readFile(t, filepath.Join(other, "sources", "s00000.txt"))) {
		t.Error("seeds 7 and 8 wrote the same source")
	}
}

// TestSizes checks that sources of the default size range from about 20 KB to
// 100 KB and average about 50 KB, and that the filler makes up most of them.
func TestSizes(t *testing.T) {
	dir, st := writeCorpus(t, Options{Sources: 10, Seed: 1}, nil)
	var sum int64
	for i := range 10 {
		info, err := os.Stat(filepath.Join(dir, "sources", fmt.Sprintf("s%05d.txt", i)))
		if err != nil {
			t.Fatal(err)
		}
		if n := info.Size(); n < 18_000 || n > 115_000 {
			t.Errorf("source %d has %d bytes, want about 20 KB to 100 KB", i, n)
		}
		sum += info.Size()
	}
	if avg := sum / 10; avg < 35_000 || avg > 70_000 {
		t.Errorf("sources average %d bytes, want about 50 KB", avg)
	}
	if st.Bytes < sum || st.Sources != 10 {
		t.Errorf("stats say %d sources and %d bytes; the sources alone hold %d", st.Sources, st.Bytes, sum)
	}
}

var sentenceEndRE = regexp.MustCompile(`[.!?]+["')\]]*\s+|\n`)

// sentences splits text into normalized sentences of eight words or more.
func sentences(text string) []string {
	var out []string
	for _, s := range sentenceEndRE.Split(text, -1) {
		w := strings.Fields(strings.ToLower(strings.Trim(s, ` "'.,;:!?`)))
		if len(w) >= 8 {
			out = append(out, strings.Join(w, " "))
		}
	}
	return out
}

// TestNoSeedSentences checks that no sentence of eight words or more of the
// generated text is taken from the seed documents.
func TestNoSeedSentences(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Skip("the seed documents (../../../shared/seeds) are not here")
	}
	seen := map[string]string{}
	for _, f := range seeds {
		for _, s := range sentences(string(readFile(t, f))) {
			seen[s] = filepath.Base(f)
		}
	}
	t.Parallel()
	dir, _ := writeCorpus(t, Options{Sources: 6, Seed: 3}, nil)
	files, _ := filepath.Glob(filepath.Join(dir, "sources", "*.txt"))
	for _, f := range files {
		for _, s := range sentences(string(readFile(t, f))) {
			if from, ok := seen[s]; ok {
				t.Errorf("%s: %q is a sentence of %s", filepath.Base(f), s, from)
			}
		}
	}
}

// extract loads a corpus and judges it, as the command line does.
func extract(t *testing.T, dir string) (*facts.Corpus, []facts.Claim, *compare.Result) {
	t.Helper()
	c, err := facts.LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	claims, err := facts.ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	return c, claims, compare.Judge(c, claims)
}

// statement is a statement of a fact as the generator wrote it.
type statement struct{ source, family, text string }

// plantedRun is the 10-source corpus the tool is run on, written, extracted and
// judged once for the tests that read it.
type plantedRun struct {
	sync.Once
	dir     string
	stats   Stats
	written []statement
	claims  []facts.Claim
	result  *compare.Result
	err     error
}

var planted plantedRun

func plantedCorpus(t *testing.T) *plantedRun {
	t.Helper()
	p := &planted
	p.Do(func() {
		p.dir, p.err = os.MkdirTemp("", "gencorpus-test-")
		if p.err != nil {
			return
		}
		g := &generator{opts: Options{Sources: 10, Seed: 1, SourceBytes: small}, record: func(source, family, text string) {
			p.written = append(p.written, statement{source, family, text})
		}}
		if p.stats, p.err = g.write(p.dir); p.err != nil {
			return
		}
		c, err := facts.LoadCorpus(os.DirFS(p.dir), p.dir)
		if err != nil {
			p.err = err
			return
		}
		rs, err := c.Rules()
		if err != nil {
			p.err = err
			return
		}
		if p.claims, p.err = facts.ExtractAll(c, rs); p.err == nil {
			p.result = compare.Judge(c, p.claims)
		}
	})
	if p.err != nil {
		t.Fatal(p.err)
	}
	return p
}

func TestMain(m *testing.M) {
	code := m.Run()
	if planted.dir != "" {
		os.RemoveAll(planted.dir)
	}
	os.Exit(code)
}

// TestToolFindsPlantedFacts runs the tool on a generated corpus of 10 sources: it
// must find claims of every family, agreements, and conflicts of the classes
// planted.
func TestToolFindsPlantedFacts(t *testing.T) {
	t.Parallel()
	p := plantedCorpus(t)
	families := map[string]int{}
	for _, c := range p.claims {
		spec, _ := c.Predicate.Spec()
		families[spec.Family]++
	}
	for _, f := range []string{famFounding, famHomeBase, famMembership, famDesignation, famLeaders, famKilled, famEvents, famNames} {
		if families[f] == 0 {
			t.Errorf("no claim of family %s (found %v)", f, families)
		}
		if p.stats.Facts[f] == 0 {
			t.Errorf("stats count no statement of family %s", f)
		}
	}
	classes := map[compare.Class]int{}
	for _, c := range p.result.Conflicts {
		classes[c.Class]++
	}
	for _, want := range []compare.Class{compare.Hard, compare.Stale, compare.Spelling} {
		if classes[want] == 0 {
			t.Errorf("no %s conflict among %d conflicts", want, len(p.result.Conflicts))
		}
	}
	if len(p.result.Agreements) == 0 {
		t.Error("no agreement")
	}
	t.Logf("%v; %d claims, %d conflicts %v, %d agreements", p.stats, len(p.claims), len(p.result.Conflicts), classes, len(p.result.Agreements))
}

var markerRE = regexp.MustCompile(`\[\d+\]| \(\d+\)`)

// TestEveryStatementIsExtracted checks each statement of a fact the generator
// wrote against the claims the tool extracts: the sentence must yield a claim of
// the family it was written for. It is what keeps the phrasings in step with the
// rules.
func TestEveryStatementIsExtracted(t *testing.T) {
	t.Parallel()
	p := plantedCorpus(t)
	found := map[string]bool{} // source|family|sentence
	for _, c := range p.claims {
		spec, _ := c.Predicate.Spec()
		found[string(c.Source)+"|"+spec.Family+"|"+strings.TrimSpace(markerRE.ReplaceAllString(c.Quote, ""))] = true
	}
	missed := 0
	for _, s := range p.written {
		if !found[s.source+"|"+s.family+"|"+s.text] {
			missed++
			if missed <= 20 {
				t.Errorf("%s: no %s claim from %q", s.source, s.family, s.text)
			}
		}
	}
	if missed > 0 {
		t.Errorf("%d of %d statements yield no claim of their family", missed, len(p.written))
	}
}

// TestFillerStatesNoFacts writes filler alone, every sentence opening with a date
// so that rules which take their date from the sentence's opening have one, and
// checks that the tool finds nothing in it but names.
func TestFillerStatesNoFacts(t *testing.T) {
	t.Parallel()
	w := newWorld(5)
	dir := t.TempDir()
	var manifest strings.Builder
	manifest.WriteString(manifestHead(w, Options{Sources: 2, Seed: 5}))
	for i := range 2 {
		r := newSourceRand(5, i)
		m, _ := newMeta(w, r, i, small)
		manifest.WriteString(manifestEntry(m))
		sw := &sourceWriter{w: w, r: r, m: m, towns: w.towns()}
		sw.prose = newExpander(prose, r, sw.slot)
		var text []byte
		for p := range 30 {
			text = append(text, "In 1990, the group met.\n\n"...)
			for range 6 {
				text = append(text, "In 1991, "...)
				at := len(text)
				text = sw.prose.sentence(text, topics[p%len(topics)])
				if text[at] != '"' {
					text[at] += 'a' - 'A'
				}
				text = append(text, ' ')
			}
			text = append(text, "\n\n"...)
		}
		if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(m.file)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "compare.yaml"), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, claims, _ := extract(t, dir)
	for _, c := range claims {
		if c.Predicate != facts.Named {
			t.Errorf("%s:%d: filler makes a %s claim (%s, rule %s): %q", c.Source, c.Line, c.Predicate, c.Normalized(), c.Rule, c.Quote)
		}
	}
}

// TestTruthfulSourcesAgree writes a corpus with nothing planted: every source tells
// the truth as of its own date. The tool must then find no conflict but stale ones
// (sources dated before a move still place the group where it was), which shows
// that the conflicts of a planted corpus come from its plants.
func TestTruthfulSourcesAgree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := (&generator{opts: Options{Sources: 10, Seed: 2, SourceBytes: 1500}, truth: true}).write(dir); err != nil {
		t.Fatal(err)
	}
	_, _, res := extract(t, dir)
	stale := 0
	for _, c := range res.Conflicts {
		if c.Class != compare.Stale {
			t.Errorf("a %s conflict with nothing planted: %s", c.Class, c.Explanation)
			continue
		}
		stale++
	}
	if stale == 0 || len(res.Agreements) == 0 {
		t.Errorf("%d stale conflicts and %d agreements, want some of each", stale, len(res.Agreements))
	}
}

// TestBystandersChangeNothingButTheProfile writes the planted corpus again with
// 600 bystanders: the manifest lists 600 more people, every source is the same
// byte for byte, and the tool finds the same claims and the same conflicts, as
// no text names a bystander and none is near a name the texts misspell.
func TestBystandersChangeNothingButTheProfile(t *testing.T) {
	t.Parallel()
	p := plantedCorpus(t)
	dir, _ := writeCorpus(t, Options{Sources: 10, Seed: 1, SourceBytes: small, Bystanders: 600}, nil)
	before, after := string(readFile(t, filepath.Join(p.dir, "compare.yaml"))), string(readFile(t, filepath.Join(dir, "compare.yaml")))
	if n := strings.Count(after, "kind: person") - strings.Count(before, "kind: person"); n != 600 {
		t.Errorf("the manifest lists %d more people, want 600", n)
	}
	for i := range 10 {
		name := filepath.Join("sources", fmt.Sprintf("s%05d.txt", i))
		if !bytes.Equal(readFile(t, filepath.Join(p.dir, name)), readFile(t, filepath.Join(dir, name))) {
			t.Errorf("%s differs with bystanders", name)
		}
	}
	_, claims, res := extract(t, dir)
	describe := func(claims []facts.Claim, res *compare.Result) string {
		var b strings.Builder
		for _, c := range claims {
			fmt.Fprintf(&b, "%s %d %s %s %s\n", c.Source, c.Line, c.Predicate, c.Subject.ID, c.ValueString())
		}
		for _, c := range res.Conflicts {
			fmt.Fprintf(&b, "%s %s\n", c.ID, c.Class)
		}
		return b.String()
	}
	if got, want := describe(claims, res), describe(p.claims, p.result); got != want {
		t.Errorf("with bystanders the tool finds otherwise:\n%s\nwithout:\n%s", got, want)
	}
}
