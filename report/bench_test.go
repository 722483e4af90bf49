package report

import (
	"io"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkRender builds the view and renders it in each format for a generated
// corpus as the command makes it (the page and the table BuildForReading); MB/s is
// of the source text.
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
				// Each as compare report makes it.
				r := Build(res, dir)
				switch f.name {
				case "json":
					r = BuildForJSON(res, dir)
				case "html":
					r = BuildForReading(res, dir)
					AddContext(r, c)
				case "table":
					r = BuildForReading(res, dir)
					CountValues(r)
				}
				if err := f.render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
