package facts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
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
	texts := allTexts([]string{"a", "b", "1", " ", "-", "B", "\n", "é", "\u212a"}, 4)
	return append(texts, "1 to 2 June", "between 24 to 27 June 1990", "June 24-27", "Between 1 and", "\xffa\xc3")
}

// allTexts is every text of up to n characters of the alphabet, the empty one
// first, for the tests that compare a quick reading with a plain one everywhere.
func allTexts(alphabet []string, n int) []string {
	var texts []string
	var grow func(prefix string, n int)
	grow = func(prefix string, left int) {
		texts = append(texts, prefix)
		if left == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, left-1)
		}
	}
	grow("", n)
	return texts
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

// TestWholeREsAnswerAsRegexp: every form a value is read by answers, asked of its
// automaton first and its groups then of its backtracker, what regexp answers: on the dates, counts and periods the test
// corpora state (as written, lower case and folded), on the values their claims
// hold, and on texts made for each form. Every form is tried with texts it fits.
func TestWholeREsAnswerAsRegexp(t *testing.T) {
	texts := []string{"", "1986", "24 april 1990", "april 24, 1990", "june 24 to 27", "24-27 june 1990", "from june 24 to 27, 1990",
		"about 1990", "around april 1990", "sometime in 1986", "some time during the 1980s", "by 1987", "since 1986", "prior to 1979",
		"no later than 2003", "1981 to 1986", "between 1981 and 1986", "the late 1970s", "mid-1980s", "early 1980", "the end of 1990",
		"the first half of 2003", "24 april", "april 24", "april of 1990", "1990-05-24", "1990-05", "199x", "19xx", "199X", "19XX",
		"1990~", "3,000", "about 3,500", "over 4,000", "up to 200", "5,000- 10,000", "between 1,000 and 2,000", "several thousand",
		"fifty", "twenty-five", "two thousand", "$1.3 million", "~3500", "5000..10000 members", "4000..", "..300", "3 million",
		"1981-present", "1965-1979", "from 1973 to 1979", "since 2009", "2016-present", "1981 - the present day", "at least",
		"more than", "nearly", "up to", "fewer than", "x", "1990 x", "april", "31 february 1990", "1986.", " 1986", "\u212a", "\u017fince 1986", "1990\n"}
	seen := map[string]bool{}
	add := func(s string) {
		for _, v := range []string{s, strings.ToLower(s), FoldString(s), strings.ToLower(FoldString(s))} {
			if !seen[v] {
				seen[v] = true
				texts = append(texts, v)
			}
		}
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, cl := range mustExtractAll(t, c, rs) {
			add(cl.Text)
			add(cl.Value.String())
		}
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			text := s.Folded().Text
			for _, m := range FindDates(text) {
				add(text[m[0]:m[1]])
			}
		})
	})
	for _, w := range wholeREs {
		fits := 0
		for _, s := range texts {
			want := w.regexp().FindStringSubmatch(s)
			if got := w.FindStringSubmatch(s); fmt.Sprint(got) != fmt.Sprint(want) || (got == nil) != (want == nil) {
				t.Errorf("%s on %q: %q, regexp finds %q", w.src, s, got, want)
			}
			// And where the text is too long to backtrack over, regexp answers.
			old := btMaxBits
			btMaxBits = 0
			got := w.FindStringSubmatch(s)
			btMaxBits = old
			if fmt.Sprint(got) != fmt.Sprint(want) || (got == nil) != (want == nil) {
				t.Errorf("%s on %q, too long to backtrack: %q, regexp finds %q", w.src, s, got, want)
			}
			if got := w.MatchString(s); got != (want != nil) {
				t.Errorf("%s on %q: matches %v, regexp says %v", w.src, s, got, want != nil)
			}
			if want != nil {
				fits++
			}
		}
		if fits == 0 {
			t.Errorf("no text fits %s: the test tells nothing of it", w.src)
		}
	}
}

// TestWholeREsAreAnchored: every form made by mustWhole is anchored at the start
// on every way through it, as its automaton's answers assume (mustWhole no longer
// checks when the package loads).
func TestWholeREsAreAnchored(t *testing.T) {
	if len(wholeREs) < 10 {
		t.Fatalf("%d forms: the package's forms are not all listed", len(wholeREs))
	}
	for _, w := range wholeREs {
		tree, err := syntax.Parse(w.src, syntax.Perl)
		if err != nil {
			t.Fatalf("%s: %v", w.src, err)
		}
		if !opensAnchored(tree.Simplify()) {
			t.Errorf("not anchored at the start: %s", w.src)
		}
	}
}

// TestOpensAnchored: a form is asked of its automaton only if every match of it
// begins at the start of the text.
func TestOpensAnchored(t *testing.T) {
	for expr, want := range map[string]bool{`^a`: true, `(?i)^a$`: true, `(?i:^a)`: true, `^a$|^b$`: true, `(^a)b`: true,
		`^a|b`: false, `a`: false, `(?m)^a`: false, `\Aa`: true, `a^`: false,
		`(?:)^a`: false, // anchored, but it says no where it is not sure: such a form is refused, never misread
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := opensAnchored(tree.Simplify()); got != want {
			t.Errorf("opensAnchored(%s) = %v, want %v", expr, got, want)
		}
	}
}
