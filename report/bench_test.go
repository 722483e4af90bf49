package report

import (
	"io"
	"os"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkRender builds the view and renders it in each format for a generated
// corpus; MB/s is of the source text.
func BenchmarkRender(b *testing.B) {
	dir := benchcorpus.Dir(b, benchcorpus.Sources())
	c, err := facts.LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		b.Fatal(err)
	}
	rs, _ := c.Rules()
	claims, err := facts.ExtractCorpus(c, rs, facts.ExtractOptions{})
	if err != nil {
		b.Fatal(err)
	}
	res := compare.Judge(c, claims)
	var bytes int64
	for _, s := range c.Sources {
		bytes += s.Size
	}
	for _, f := range []struct {
		name   string
		render func(io.Writer, *Report) error
	}{{"json", JSON}, {"markdown", Markdown}, {"table", Table}, {"html", HTML}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				r := Build(res, dir)
				if f.name == "html" {
					AddContext(r, c)
				}
				if err := f.render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
