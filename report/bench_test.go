package report

import (
	"io"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkRender builds the view and renders it in each format for a generated
// corpus, the page as the command makes it (BuildForReading, AddContext); MB/s is of
// the source text.
func BenchmarkRender(b *testing.B) {
	l := benchcorpus.Load(b, benchcorpus.Sources())
	c, dir, bytes := l.Corpus, l.Dir, l.Bytes
	res := compare.Judge(c, l.Claims(b))
	for _, f := range []struct {
		name   string
		render func(io.Writer, *Report) error
	}{{"json", JSON}, {"markdown", Markdown}, {"table", Table}, {"html", HTML}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				r := Build(res, dir)
				if f.name == "html" { // as compare report --format html makes it
					r = BuildForReading(res, dir)
					AddContext(r, c)
				}
				if err := f.render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
