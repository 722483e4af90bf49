package facts_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// The benchmarks of the facts stages read a generated corpus
// (internal/benchcorpus): segmenting, the trigger-word prefilter alone, loading
// (reading, checking, hashing, learning), extracting on one core and on all, and
// extracting with a warm cache. Each reports MB/s of source text and allocations.

type benchCorpus struct {
	c     *facts.Corpus
	rs    *facts.RuleSet
	docs  []*facts.Document
	bytes int64
}

func loadBench(b *testing.B) benchCorpus {
	b.Helper()
	l := benchcorpus.Load(b, benchcorpus.Sources())
	bc := benchCorpus{c: l.Corpus, rs: l.Rules, bytes: l.Bytes}
	for _, s := range l.Corpus.Sources {
		d, err := l.Corpus.Read(s)
		if err != nil {
			b.Fatal(err)
		}
		bc.docs = append(bc.docs, d)
	}
	return bc
}

func BenchmarkSegment(b *testing.B) {
	bc := loadBench(b)
	b.SetBytes(bc.bytes)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range bc.docs {
			facts.Segment(d.Text)
		}
	}
}

// BenchmarkSegmentShapes segments the corpus's texts in shapes prose takes
// besides a paragraph per line: hard-wrapped at 72 columns (plain-text mail), and
// as one paragraph of a line per word, every line opening in lower case, which
// joining hard-wrapped lines must not read again and again (it took minutes for
// a million lines).
func BenchmarkSegmentShapes(b *testing.B) {
	bc := loadBench(b)
	shapes := map[string]func(string) string{
		"wrapped": func(text string) string {
			var out strings.Builder
			for _, para := range strings.Split(text, "\n") {
				col := 0
				for _, w := range strings.Fields(para) {
					if col > 0 && col+1+len(w) > 72 {
						out.WriteByte('\n')
						col = 0
					} else if col > 0 {
						out.WriteByte(' ')
						col++
					}
					out.WriteString(w)
					col += len(w)
				}
				out.WriteString("\n\n")
			}
			return out.String()
		},
		"word-lines": func(text string) string {
			return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer(".", "", "!", "", "?", "", ";", "", ":", "", ",", "").Replace(text)), "\n"))
		},
	}
	for _, name := range []string{"wrapped", "word-lines"} {
		var texts []string
		var n int64
		for _, d := range bc.docs {
			texts = append(texts, shapes[name](d.Text))
			n += int64(len(texts[len(texts)-1]))
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					facts.Segment(t)
				}
			}
		})
	}
}

// BenchmarkPrefilter is the trigger-word automaton alone over every text: the
// floor under what extraction can cost.
func BenchmarkPrefilter(b *testing.B) {
	bc := loadBench(b)
	b.SetBytes(bc.bytes)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range bc.docs {
			bc.rs.ScanTriggers(d.Text)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	bc := loadBench(b)
	dir := bc.c.Dir
	b.SetBytes(bc.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := facts.LoadCorpusWith(os.DirFS(dir), dir, facts.ExtractOptions{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchExtract(b *testing.B, o facts.ExtractOptions) {
	bc := loadBench(b)
	b.SetBytes(bc.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := facts.ExtractCorpus(bc.c, bc.rs, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtract1Core(b *testing.B) { benchExtract(b, facts.ExtractOptions{Workers: 1}) }

// BenchmarkExtractLargeProfile extracts the corpus on one core with a profile
// that lists 0, 1,000 and 4,000 more people than the corpus's own, whom no text
// names: the MB/s should hardly fall as the profile grows, as a newsroom's list
// of the people of a story does. The rules, whose expressions hold every name,
// are compiled outside the timing (compile-ms reports how long that took).
func BenchmarkExtractLargeProfile(b *testing.B) {
	for _, people := range []int{0, 1000, 4000} {
		b.Run(fmt.Sprintf("people=%d", people), func(b *testing.B) {
			l := benchcorpus.LoadWithBystanders(b, benchcorpus.Sources(), people)
			b.SetBytes(l.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := facts.ExtractCorpus(l.Corpus, l.Rules, facts.ExtractOptions{Workers: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(l.Compile.Microseconds())/1000, "compile-ms")
		})
	}
}
func BenchmarkExtractAllCores(b *testing.B) { benchExtract(b, facts.ExtractOptions{}) }

// BenchmarkExtractRunOn extracts on one core the corpus written as runs of text
// with no sentence end (benchcorpus.LoadRunOn): cut into pieces of at most 2 KB,
// it should cost about what the corpus does as prose, and allocate as little; as
// sentences of 50 KB each claim copied all of its run.
func BenchmarkExtractRunOn(b *testing.B) {
	l := benchcorpus.LoadRunOn(b, benchcorpus.Sources())
	b.SetBytes(l.Bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := facts.ExtractCorpus(l.Corpus, l.Rules, facts.ExtractOptions{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractShapes extracts on one core the corpus written again in
// shapes sources take besides the generated prose: as a chronology, a date
// opening every sentence (benchcorpus.Chronology), and with a footnote marker
// after every sentence (benchcorpus.Footnoted). Each should cost about what the
// prose does.
func BenchmarkExtractShapes(b *testing.B) {
	for _, shape := range []struct {
		name    string
		reshape func(string) string
	}{{"chronology", benchcorpus.Chronology}, {"footnoted", benchcorpus.Footnoted}} {
		b.Run(shape.name, func(b *testing.B) {
			l := benchcorpus.LoadReshaped(b, benchcorpus.Sources(), shape.reshape)
			b.SetBytes(l.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := facts.ExtractCorpus(l.Corpus, l.Rules, facts.ExtractOptions{Workers: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExtractWarmCache(b *testing.B) {
	cache := facts.OpenCache(b.TempDir(), "bench")
	bc := loadBench(b)
	if _, err := facts.ExtractCorpus(bc.c, bc.rs, facts.ExtractOptions{Cache: cache}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(bc.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := facts.ExtractCorpus(bc.c, bc.rs, facts.ExtractOptions{Cache: cache}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNormalize reads every date, period and count the corpus's claims hold,
// as its source wrote it, into its typed value, and writes the value's normal
// form ("1990-04-24", "5000..10000"): what extraction does with each value a rule
// finds. MB/s is of the values' words; values/s is reported too.
func BenchmarkNormalize(b *testing.B) {
	l := benchcorpus.Load(b, benchcorpus.Sources())
	type written struct {
		kind facts.ValueKind
		text string
		asOf facts.Date
	}
	var values []written
	var n int64
	for _, c := range l.Claims(b) {
		switch k := c.Value.Kind(); k {
		case facts.KindDate, facts.KindPeriod, facts.KindQuantity:
			values = append(values, written{k, c.Text, l.Corpus.Source(c.Source).AsOf})
			n += int64(len(c.Text))
		}
	}
	if len(values) == 0 {
		b.Fatal("the corpus's claims hold no dates, periods or counts")
	}
	b.SetBytes(n)
	b.ReportAllocs()
	read := 0
	for b.Loop() {
		read = 0
		for _, v := range values {
			var typed facts.Value
			var err error
			switch v.kind {
			case facts.KindDate:
				typed, err = facts.ParseDate(v.text, 0)
			case facts.KindPeriod:
				typed, err = facts.ParsePeriod(v.text, v.asOf)
			case facts.KindQuantity:
				typed, err = facts.ParseQuantity(v.text)
			}
			if err == nil {
				_ = typed.String()
				read++
			}
		}
	}
	if read < len(values)/2 {
		b.Fatalf("only %d of %d values read back: the benchmark measures failures", read, len(values))
	}
	b.ReportMetric(float64(len(values))*float64(b.N)/b.Elapsed().Seconds(), "values/s")
}

// BenchmarkLearnAliases learns 5,000 aliases of one organization, one lesson
// each ("The Kessel Front, also known as the Varo Legion, …"): each lesson looks
// for the organization named before it among every name known, the aliases
// learned before included, so the cost grows with the lessons times the names.
func BenchmarkLearnAliases(b *testing.B) {
	const manifest = "subject:\n  name: \"Kessel Front\"\nsources:\n  - {id: a, file: a.txt}\n"
	var lessons []facts.Lesson
	for i := range 5000 {
		alias := fmt.Sprintf("%s Legion", strings.ToUpper(string(rune('A'+i%26)))+strings.Repeat("o", 1+i/26%9)+fmt.Sprint(i))
		lessons = append(lessons, facts.Lesson{Kind: facts.LessonAlias, Line: i + 1, Before: "The Kessel Front, ", Names: []string{alias, "", "", ""}})
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := facts.LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(manifest)}, "a.txt": {Data: []byte("The Kessel Front.")}}, "aliases")
		if err != nil {
			b.Fatal(err)
		}
		if learned := c.Profile.Learn("a", lessons); len(learned) != len(lessons) {
			b.Fatalf("learned %d of %d aliases", len(learned), len(lessons))
		}
	}
}
