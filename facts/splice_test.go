package facts

import (
	"fmt"
	"regexp/syntax"
	"testing"
)

// TestSplicedAsParsed: every expression of the default rules, as searched and
// masked, parsed by pieces is the tree the parser makes of it whole, for each
// test corpus's profile.
func TestSplicedAsParsed(t *testing.T) {
	y, err := ParseYAML("default rules", DefaultRules)
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, rule := range sequenceItems(mappingValue(y.Root, "rules")) {
		if pat := mappingScalar(rule, "pattern"); pat != "" {
			patterns = append(patterns, pat)
		}
	}
	patterns = append(patterns, `(?-i:{org}) was founded`, `{org}(?i) x`, "\uF8FF {org}", `[{acronym}] {place}`, `[{date}] x`, `x{1,3}{count}`, `{org}(`)
	eachTestCorpus(t, func(t *testing.T, c *Corpus, _ *RuleSet) {
		p, spliced := c.Profile, 0
		for _, src := range patterns {
			for _, masked := range []bool{false, true} {
				out, err := expandSource(src, p, maskedFragments(masked))
				if err != nil {
					continue
				}
				want, wantErr := syntax.Parse(out, syntax.Perl)
				got, err := p.parseExpanded(src, out, maskedFragments(masked))
				if wantErr != nil || err != nil {
					if fmt.Sprint(err) != fmt.Sprint(wantErr) {
						t.Errorf("%s: error %v, want %v", src, err, wantErr)
					}
					continue
				}
				if !got.Equal(want) {
					t.Errorf("%s (masked %v):\n got %s\nwant %s", src, masked, got, want)
				}
				spliced++
			}
		}
		// A fragment with groups of its own, numbered where it stands, twice.
		groups := map[string]string{"date": `(a|(b))c`}
		for _, src := range []string{`(x) {date} (y) {count} {date2} (z)`, `({date})`} {
			out, err := expandSource(src, p, groups)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := syntax.Parse(out, syntax.Perl)
			if got, err := p.parseExpanded(src, out, groups); err != nil || !got.Equal(want) {
				t.Errorf("%s: got %v (%v), want %s", src, got, err, want)
			}
		}
		if spliced < 100 {
			t.Fatalf("only %d expressions compared", spliced)
		}
	})
}
