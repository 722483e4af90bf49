package facts_test

import (
	"errors"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/factcheck-tools/compare/facts"
)

var fuzzTexts = []string{
	"The Mujahedin-E Khalq (MEK) was formed in 1965 by a group of leftist students.[1]\n\n[1] Masters, 2014.",
	"Home Base\n\n  • 1965-1979: Iran[16]\n  • 1981-present: Iraq[18]\n",
	"On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva.",
	"From there they relocated to Iraq.(1)\n\n(1) - Merat, A. (2018, November 9).",
	"== Settlement in Albania (2016–present) ==\nIn 2016, the United States brokered a deal to relocate the MEK to Albania.",
	"Also Lt. Col. Louis Lee Hawkins, a U.S. Army comptroller, was shot dead in Tehran by MEK assailants in 1973.",
	"[[[ ((( 1. 2. 3. ]]] ))) \u00a0\u2013\u2014 …",
}

// FuzzSegment: whatever the text, segments lie inside it, in order, without
// overlapping, and hold exactly their bytes.
func FuzzSegment(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := facts.Segment(text)
		prev := 0
		for _, s := range d.Sentences {
			if s.Span.Start < prev || s.Span.End > len(text) || s.Span.Start > s.Span.End {
				t.Fatalf("bad span %v (previous end %d, text %d bytes)", s.Span, prev, len(text))
			}
			if text[s.Span.Start:s.Span.End] != s.Text {
				t.Fatalf("span %v does not hold %q", s.Span, s.Text)
			}
			prev = s.Span.End
		}
	})
}

const fuzzManifest = `
subject: {name: MEK, aliases: [PMOI, Mujahedin-e Khalq]}
entities:
  - {name: National Council of Resistance of Iran, kind: organization, aliases: [NCRI]}
  - {name: Kazem Rajavi, kind: person}
  - {name: Geneva, kind: place, country: Switzerland}
  - {name: Camp Ashraf, kind: place, country: Iraq}
sources:
  - {id: a, file: a.txt, as_of: "2015-01"}
`

// FuzzExtract: whatever the text, every claim's value and quote are exact byte
// ranges of the source, the value lies inside its quote, and the line is right.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	base, err := facts.LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(fuzzManifest)}, "a.txt": {Data: []byte("x")}}, "t")
	if err != nil {
		f.Fatal(err)
	}
	rs, err := base.Rules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the loader rejects such files before extraction
		}
		doc := facts.Segment(text)
		for _, c := range facts.Extract(&facts.Source{ID: "a"}, doc, base.Profile, rs) {
			if c.Span.Start < 0 || c.Span.End > len(text) || c.Span.Start > c.Span.End || text[c.Span.Start:c.Span.End] != c.Text {
				t.Fatalf("claim %s: span %v does not hold %q", c.Key(), c.Span, c.Text)
			}
			if text[c.QuoteSpan.Start:c.QuoteSpan.End] != c.Quote || !c.QuoteSpan.Contains(c.Span) {
				t.Fatalf("claim %s: quote %v does not hold the value %v", c.Key(), c.QuoteSpan, c.Span)
			}
			if doc.LineOf(c.Span.Start) != c.Line {
				t.Fatalf("claim %s: line %d", c.Key(), c.Line)
			}
		}
	})
}

// FuzzLoadCorpus: whatever the manifest holds, loading never panics, and every
// problem is an input error naming the manifest.
func FuzzLoadCorpus(f *testing.F) {
	f.Add(fuzzManifest)
	f.Add("subject: {name: X}\nsources:\n  - {id: a, file: a.txt, asof: 2015}\n")
	f.Add("subject: [\n")
	f.Add("sources:\n  - id: a\n    file: ../a.txt\n  - id: a\n    file: a.txt\n")
	f.Fuzz(func(t *testing.T, manifest string) {
		_, err := facts.LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(manifest)}, "a.txt": {Data: []byte("The group was founded in 1965.")}}, "t")
		if err == nil {
			return
		}
		for _, e := range unjoin(err) {
			var ie *facts.InputError
			if !errors.As(e, &ie) || ie.File == "" {
				t.Fatalf("not an input error naming a file: %v", e)
			}
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}
