package facts

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/factcheck-tools/compare/seeds"
)

// ruleStarts is a rule expression that runs with starts.
type ruleStarts struct {
	rule   *patternRule
	re     *regexp.Regexp
	st     *starts
	masked bool
}

// startsOf returns the expressions of rs that run with starts.
func startsOf(rs *RuleSet) []ruleStarts {
	var out []ruleStarts
	for _, r := range rs.rules {
		pr, ok := r.(*patternRule)
		if !ok {
			continue
		}
		if pr.maskedStarts != nil {
			out = append(out, ruleStarts{pr, pr.masked, pr.maskedStarts, true})
		}
		if pr.reStarts != nil {
			out = append(out, ruleStarts{pr, pr.re, pr.reStarts, false})
		}
	}
	return out
}

// sameMatches fails the test where st finds other matches in text than re.
func sameMatches(t *testing.T, name string, re *regexp.Regexp, st *starts, text string) bool {
	t.Helper()
	want, got := re.FindAllStringSubmatchIndex(text, -1), st.findAll(text)
	if fmt.Sprint(want) != fmt.Sprint(got) {
		t.Errorf("%s on %q: starts find %v, the search %v", name, text, got, want)
		return false
	}
	return len(want) > 0
}

// TestStartsFindWhatTheSearchFinds: every rule expression tried only where a
// match can begin finds what the unanchored search finds, on every sentence of
// the corpora at hand and a generated one that the rule's trigger words and
// skeleton let through, folded or with its dates masked as the rule reads it.
func TestStartsFindWhatTheSearchFinds(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		exprs := startsOf(rs)
		if len(exprs) < 20 {
			t.Fatalf("only %d rule expressions run with starts", len(exprs))
		}
		tried, matched := 0, 0
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			x := &extractor{doc: doc, filter: rs.filter, hit: make([]hits, len(doc.Sentences))}
			for i := range doc.Sentences {
				s := &doc.Sentences[i]
				for _, e := range exprs {
					text := s.Folded().Text
					if !e.rule.triggered(x.hits(s)) || e.rule.skeleton != nil && !e.rule.skeleton.MatchString(text) {
						continue
					}
					if e.masked {
						text = maskDates(text)
					}
					tried++
					if sameMatches(t, e.rule.name, e.re, e.st, text) {
						matched++
					}
				}
			}
		}
		if matched == 0 {
			t.Fatalf("no expression matched in %d tries: the test compares nothing", tried)
		}
	})
}

// TestStartsAtTheEdges: matches inside words, after characters beyond ASCII and
// invalid bytes, at the start and the end of the text, and one after another.
func TestStartsAtTheEdges(t *testing.T) {
	for _, tc := range []struct{ expr, text string }{
		{`(?i)\bmek\b`, "MEK, the MEKs and MEK"},
		{`(?i)mek`, "xMEKy MEK éMEK"},
		{`(?i)\b(?:it|the group) (?:was|were) founded`, "bit was founded; it was founded; It was founded"},
		{`(?i)\Bus\b`, "bus us fus"},
		{`(?i)(?:é|e)cole \d+`, "école 12, ecole 3, Écoles 4"},
		{`(?i)k\w+`, "\u212a (Kelvin) kilo KILO"},
		{`(?i)s\w*`, "\u017f long s, s, S"},
		{`\x{FFFD}a|b`, "\xffa b \xc3a"},
		{`(?i)\d[\d,]* members`, "3,000 members and 200 members"},
		{`[A-Z\x{e9}]x`, "\u00e9x Ax ax \xc3x"},
		{`(?:from|since) \d{4}`, "from 1981 since 1986from 1990"},
	} {
		re := regexp.MustCompile(tc.expr)
		st := newStarts(re)
		if st == nil {
			t.Errorf("%s: no starts", tc.expr)
			continue
		}
		if !sameMatches(t, tc.expr, re, st, tc.text) {
			t.Errorf("%s: nothing matched in %q", tc.expr, tc.text)
		}
	}
	for _, expr := range []string{`^foo`, `(?i)x*`, `(?:a|)`, `.b`, `(?m)^a`} {
		if newStarts(regexp.MustCompile(expr)) != nil {
			t.Errorf("%s: starts made for an expression they cannot serve", expr)
		}
	}
}

// FuzzStarts: on any text, the default rules' expressions tried where a match
// can begin find what the unanchored search finds.
func FuzzStarts(f *testing.F) {
	c, err := LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		f.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		f.Fatal(err)
	}
	exprs := startsOf(rs)
	for _, s := range []string{
		"In 1981, about 3,000 members of MEK moved to Iraq.",
		"Massoud Rajavi was killed in Paris on \x01\x02\x02\x03.",
		"the United States designated the MEK a terrorist organization in 1997",
		"\u00e9MEK had 5,000 fighters; \xffMEK had 10 members",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range exprs {
			sameMatches(t, e.rule.name, e.re, e.st, s)
		}
	})
}
