package facts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"testing"
)

// TestRestrictFirstKeepsTheMatch: an anchored expression cut down to the ways
// that open with a text's first byte finds what the whole expression finds in
// it (a cut may hold a group twice, so only the match is compared), for expressions with optional and repeated openings,
// greedy and not, alternatives, assertions and case folding, on every text of up
// to six characters over a small alphabet.
func TestRestrictFirstKeepsTheMatch(t *testing.T) {
	exprs := []string{
		`^(?:(?:by|b) )?1\d?`,
		`(?i)^(?:(?:A|ab)-)?(?:1|a1|b)`,
		`^(?:a??b|a+?1|\b1-)`,
		`(?i)^(?:a*b|1*-|b+a?)(?:\b|$)`,
		`^(?:(?:a|)1|-?b)`,
		`(?i)^(?:\d{1,2} ?(?:-|a) ?\d{2}|(?:ab )?\d)`,
		`(?i)^(?:(?:from|between) )?` + reDayRange,
		`^(a)?(a+)`, `^(a|ab)(b)?`, `^(a??)(a)`, `^(?:(ab?)*)(b)`, `(?i)^(A)?(a)\b`, `^(a*?)(a)(1)?`,
		`^(?:(b)|(a))*?(1)`, `^(?:a)?(?:a|aab)`, `^(?:a)??(?:a|aab)`, `^(?:a)*(?:a|aab)`, `^(?:a)*?(?:a|aab)`, `(?i)^(?:(ab|b)-)?(a)?(b1|1)`,
	}
	alphabet := []byte("ab1 -B")
	var texts []string
	var grow func(prefix []byte)
	grow = func(prefix []byte) {
		texts = append(texts, string(prefix))
		if len(prefix) == 6 {
			return
		}
		for _, c := range alphabet {
			grow(append(prefix, c))
		}
	}
	grow(nil)
	texts = append(texts, "1 to 2 June", "between 24 to 27 June 1990", "June 24-27", "Between 1 and")
	for _, expr := range exprs {
		whole := regexp.MustCompile(expr)
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		tree = tree.Simplify()
		cut := map[byte]*regexp.Regexp{}
		for _, c := range alphabet {
			r := restrictFirst(tree, func(b byte) bool { return b == c })
			cut[c] = regexp.MustCompile(r.String())
		}
		matched := 0
		for _, text := range texts {
			if text == "" || cut[text[0]] == nil {
				continue
			}
			want, got := whole.FindStringIndex(text), cut[text[0]].FindStringIndex(text)
			if fmt.Sprint(want) != fmt.Sprint(got) {
				t.Errorf("%s on %q: cut %v, whole %v", expr, text, got, want)
			}
			if want != nil {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("%s matched nothing", expr)
		}
	}
}
