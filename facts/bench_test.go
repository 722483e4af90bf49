package facts_test

import (
	"os"
	"testing"

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

func BenchmarkExtract1Core(b *testing.B)    { benchExtract(b, facts.ExtractOptions{Workers: 1}) }
func BenchmarkExtractAllCores(b *testing.B) { benchExtract(b, facts.ExtractOptions{}) }

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
