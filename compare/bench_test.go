package compare_test

import (
	"os"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkJudge groups and judges the claims of a generated corpus; MB/s is of
// the source text the claims come from, and claims/s is reported too.
func BenchmarkJudge(b *testing.B) {
	dir := benchcorpus.Dir(b, benchcorpus.Sources())
	c, err := facts.LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		b.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		b.Fatal(err)
	}
	claims, err := facts.ExtractCorpus(c, rs, facts.ExtractOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, s := range c.Sources {
		bytes += s.Size
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
	b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}
