package facts

import (
	"reflect"
	"strings"
	"testing"
)

// TestContextReadWhenAskedAsInTurn: the contexts of sentences without a digit,
// read only when first asked (readCarried), are those readContext read in its
// turn before it left them for later (contextsInTurn, its loop as it was), asked
// in any order: here from the last sentence back, so that chains of sentences
// each carrying the time of the one before are read from their end.
func TestContextReadWhenAskedAsInTurn(t *testing.T) {
	chained := Segment("== Moves ==\nIn March 1986 the group moved to Baghdad. Then it built a camp. " +
		"There it trained. Then it grew.[3] Later it left.\n\nThen it came back. At the time it was small.\n\n" +
		"== Later ==\nThen nothing. In 1990 it split. Thereafter it waned. \u201cThen\u201d it was over.\n")
	carried, total := 0, 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		check := func(src *Source, doc *Document) {
			want := contextsInTurn(newExtractor(src, doc, c.Profile, rs))
			x := newExtractor(src, doc, c.Profile, rs)
			defer x.giveBack()
			x.allHits()
			x.readContext()
			for i := len(doc.Sentences) - 1; i >= 0; i-- {
				got := *x.context(i)
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s line %d %q: context %+v, read in turn %+v", src.ID, doc.Sentences[i].Line, doc.Sentences[i].Text, got, want[i])
				}
				if want[i].hasFrame && !doc.Sentences[i].hasDigit() {
					carried++
				}
				total++
			}
		}
		eachDocument(t, c, check)
		check(c.Sources[0], chained)
	})
	if carried == 0 {
		t.Fatalf("no sentence of %d carries the time of the one before: the test tells nothing", total)
	}
	t.Logf("%d sentences, %d carrying the time of the one before", total, carried)
}

// contextsInTurn is readContext as it was, reading every sentence in its turn:
// each sentence's context, copied.
func contextsInTurn(x *extractor) []sentenceContext {
	defer x.giveBack()
	x.allHits()
	out := make([]sentenceContext, len(x.doc.Sentences))
	year, section := 0, ""
	prev := -1
	for i := range x.doc.Sentences {
		s := &x.doc.Sentences[i]
		if s.Section != section {
			year, section, prev = 0, s.Section, -1
		}
		if s.Kind == Heading || s.Kind == RefLine || s.Kind == Debris {
			continue
		}
		digits := s.hasDigit()
		if !digits && (prev < 0 || !mayContinue(s.Text)) {
			prev = i
			continue
		}
		var c sentenceContext
		f := s.Folded()
		start, end := -1, -1
		if digits && mayOpenWithDate(f.Text) {
			start, end = openingDate(f.Text)
		}
		if start >= 0 {
			if d, err := x.parseDate(f.Text[start:end], year, true); err == nil {
				c.frame, c.frameSpan, c.hasFrame = d, f.Span(start, end), true
			}
		} else if prev >= 0 && continuesTime(f.Text) {
			c.carryFrom(&out[prev])
		}
		if digits && strings.ContainsAny(f.Text, "0123456789") {
			for _, m := range appendDates(nil, f.Text) {
				d, err := x.parseDate(f.Text[m[0]:m[1]], year, true)
				if err != nil {
					continue
				}
				c.dates = append(c.dates, mention{m, d})
				c.last, c.lastSpan, c.hasLast = d, f.Span(m[0], m[1]), true
				if !d.YearFromContext {
					year = statedYear(d)
				}
			}
		}
		if c.hasFrame || c.hasLast {
			out[i] = c
		}
		prev = i
	}
	return out
}
