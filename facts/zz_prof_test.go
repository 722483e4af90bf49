package facts

import (
	"os"
	"testing"
)

func BenchmarkProfBig(b *testing.B) {
	dir := "/tmp/big"
	c, err := LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		b.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, s := range c.Sources[:25] {
		n += int64(len(s.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range c.Sources[:25] {
			Extract(s, c.Profile, rs)
		}
	}
}

func BenchmarkProfSegment(b *testing.B) {
	dir := "/tmp/big"
	c, err := LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, s := range c.Sources[:25] {
		n += int64(len(s.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range c.Sources[:25] {
			Segment(s.Text)
		}
	}
}
