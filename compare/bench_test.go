package compare_test

import (
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkJudge groups and judges the claims of a generated corpus; MB/s is of
// the source text the claims come from, and claims/s is reported too.
func BenchmarkJudge(b *testing.B) {
	l := benchcorpus.Load(b, benchcorpus.Sources())
	c, claims := l.Corpus, l.Claims(b)
	b.SetBytes(l.Bytes)
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
	b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}
