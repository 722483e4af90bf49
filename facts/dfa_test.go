package facts

import (
	"regexp"
	"sync"
	"testing"
)

// dfaEdgeExprs are expressions that try what the automaton must get right:
// preference among alternatives and repetitions (greedy and not), every
// empty-width assertion, case folding, characters beyond ASCII, matches of the
// empty string.
var dfaEdgeExprs = []string{
	`^(?:(?:by|b) )?1\d?`,
	`(?i)^(?:(?:A|ab)-)?(?:1|a1|b)`,
	`^(?:a??b|a+?1|\b1-)`,
	`(?i)^(?:a*b|1*-|b+a?)(?:\b|$)`,
	`^(?:(?:a|)1|-?b)`,
	`(?i)^(?:\d{1,2} ?(?:-|a) ?\d{2}|(?:ab )?\d)`,
	`(?i)^(?:(?:from|between) )?` + reDayRange,
	`^(a)?(a+)`, `^(a|ab)(b)?`, `^(a??)(a)`, `^(?:(ab?)*)(b)`, `(?i)^(A)?(a)\b`, `^(a*?)(a)(1)?`,
	`^(?:(b)|(a))*?(1)`, `^(?:a)?(?:a|aab)`, `^(?:a)??(?:a|aab)`, `^(?:a)*(?:a|aab)`, `^(?:a)*?(?:a|aab)`,
	`^a*`, `^a*?\b`, `^(?:a|b)*?$`, `^\B`, `^\b`, `^a\B`, `^.\b.`, `^(?s:.)\Bb`,
	`(?m)^a$`, `(?m)^a\n^b`, `^a$`, `^a\z`, `(?m)^(?:a|b)*$`, `^(?:\Ab|a\A)`,
	`(?i)^é+`, `^[^a]+`, `^(?:é|e)\w`, `(?i)^(?:\x{212a}|s)`, `^.+?b`, `^(?:.*)1`,
}

// anchoredEnd is where the match regexp finds at the start of text ends, or -1:
// a leftmost search returns the match at the start when there is one.
func anchoredEnd(re *regexp.Regexp, text string) int {
	if m := re.FindStringIndex(text); m != nil && m[0] == 0 {
		return m[1]
	}
	return -1
}

// dfaTexts are every text of up to four characters over a small alphabet, and a
// few longer ones.
func dfaTexts() []string {
	alphabet := []string{"a", "b", "1", " ", "-", "B", "\n", "é", "\u212a"}
	var texts []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		texts = append(texts, prefix)
		if n == 4 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, n+1)
		}
	}
	grow("", 0)
	return append(texts, "1 to 2 June", "between 24 to 27 June 1990", "June 24-27", "Between 1 and", "\xffa\xc3")
}

// TestDFAEndsWhereRegexpEnds: the automaton's match ends where regexp's says, for
// expressions built to try it on every short text, for the date grammar from
// every word of the test corpora a date can open with (where FindDates runs it),
// and for every rule expression (anchored one character in, as starts runs it)
// from wherever starts would try it.
func TestDFAEndsWhereRegexpEnds(t *testing.T) {
	// matched returns how many texts the expression matches, and at how many
	// different ends.
	matched := func(t *testing.T, expr string, texts []string) (n, ends int) {
		t.Helper()
		re, d, seen := regexp.MustCompile(expr), newDFA(expr), map[int]bool{}
		for _, text := range texts {
			want := anchoredEnd(re, text)
			if want >= 0 {
				n++
			}
			if got := d.end(text); got != want {
				t.Errorf("%s on %q: the automaton ends at %d, regexp at %d", expr, text, got, want)
			}
			seen[want] = true
		}
		return n, len(seen)
	}
	texts := dfaTexts()
	for _, expr := range dfaEdgeExprs {
		if n, ends := matched(t, expr, texts); n == 0 || ends < 2 {
			t.Errorf("%s matches %d of %d texts, ending in %d places: the test tells nothing of it", expr, n, len(texts), ends)
		}
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var texts, rests []string // the sentences, and each from every word a date can open with
		eachSentence(t, c, rs, func(x *extractor, s *Sentence) {
			text := s.Folded().Text
			texts = append(texts, text)
			for p := range len(text) {
				if opensDate(text, p) {
					rests = append(rests, text[p:])
				}
			}
		})
		if n, _ := matched(t, `(?i)^(?:`+DatePattern+`)`, rests); n == 0 {
			t.Error("the date grammar matched nowhere")
		}
		// The rule expressions, from where starts would try them (in every fifth
		// sentence under the race detector, which slows regexp twentyfold).
		n, stride := 0, 1
		if raceEnabled {
			stride = 5
		}
		for _, e := range startsOf(rs) {
			var afters []string
			for i := 0; i < len(texts); i += stride {
				text := texts[i]
				for p := range len(text) {
					if e.st.mayOpen(text, p) {
						afters = append(afters, from(text, p))
					}
				}
			}
			m, _ := matched(t, `^(?s:.)(?:`+e.st.src+`)`, afters)
			n += m
		}
		if n == 0 {
			t.Error("no rule expression matched")
		}
	})
}

// TestDFAStartsAfresh: an automaton held to a few states drops them and goes on
// with the same answers, also while other goroutines run it.
func TestDFAStartsAfresh(t *testing.T) {
	expr := `(?i)^(?:` + DatePattern + `)`
	re, d := regexp.MustCompile(expr), newDFA(expr)
	d.limit = 8
	texts := []string{"24 February 1990", "between 1981 and 1986", "the mid-1990s", "June 24-27, 2003", "no date", "1986–present", "early 2003", "1990–2003", "24 févr. 1990", "١٩٩٠ 1990"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, text := range texts {
					want := anchoredEnd(re, text)
					if got := d.end(text); got != want {
						t.Errorf("on %q the automaton ends at %d, regexp at %d", text, got, want)
					}
				}
			}
		})
	}
	wg.Wait()
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.states) > d.limit {
		t.Errorf("%d states kept, the limit is %d", len(d.states), d.limit)
	}
}

// FuzzDFA: for any text, the automaton of each edge expression and of the date
// grammar ends where regexp does.
func FuzzDFA(f *testing.F) {
	for _, s := range []string{"ab-1", "24 February 1990", "a\nb", "éé", "between 24 to 27 June 1990", "B1 -a"} {
		f.Add(s)
	}
	exprs := append([]string{`(?i)^(?:` + DatePattern + `)`}, dfaEdgeExprs...)
	res := make([]*regexp.Regexp, len(exprs))
	dfas := make([]*dfa, len(exprs))
	for i, e := range exprs {
		res[i], dfas[i] = regexp.MustCompile(e), newDFA(e)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, re := range res {
			want := anchoredEnd(re, s)
			if got := dfas[i].end(s); got != want {
				t.Fatalf("%s on %q: the automaton ends at %d, regexp at %d", exprs[i], s, got, want)
			}
		}
	})
}
