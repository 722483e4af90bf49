package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheck-tools/compare/internal/gencorpus"
	"github.com/factcheck-tools/compare/seeds"
)

// testCorpora are every corpus at hand and a small generated one.
func testCorpora(t *testing.T) map[string]func() (*Corpus, error) {
	gen := t.TempDir()
	if _, err := gencorpus.Write(gen, 4, 7); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "testdata", "corpora")
	return map[string]func() (*Corpus, error){
		"seeds":     func() (*Corpus, error) { return LoadCorpus(seeds.FS, "seeds") },
		"amber":     func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "amber")), "amber") },
		"hostile":   func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "hostile")), "hostile") },
		"generated": func() (*Corpus, error) { return LoadCorpus(os.DirFS(gen), "generated") },
	}
}

// sameClaims reports the claims one extraction has and the other lacks.
func sameClaims(t *testing.T, what string, want, got []Claim) {
	t.Helper()
	if fmt.Sprint(want) == fmt.Sprint(got) {
		return
	}
	t.Errorf("%s: %d claims, against %d", what, len(got), len(want))
	for _, pair := range [][2][]Claim{{want, got}, {got, want}} {
		seen := map[string]bool{}
		for _, cl := range pair[1] {
			seen[fmt.Sprint(cl)] = true
		}
		for _, cl := range pair[0] {
			if !seen[fmt.Sprint(cl)] {
				t.Errorf("%s: only one way: %s %s %s %q (rule %s)", what, cl.Source, cl.Predicate, cl.Value, cl.Quote, cl.Rule)
			}
		}
	}
}

// TestMaskedDatesChangeNothing: the rules with {date} read the sentence with its
// dates masked (one token each) rather than running the date grammar themselves;
// every corpus at hand gives the same claims either way.
func TestMaskedDatesChangeNothing(t *testing.T) {
	defer func() { noMasks = false }()
	for name, load := range testCorpora(t) {
		t.Run(name, func(t *testing.T) {
			c, err := load()
			if err != nil {
				t.Fatal(err)
			}
			rs, err := c.Rules()
			if err != nil {
				t.Fatal(err)
			}
			masked := 0
			for _, r := range rs.rules {
				if p, ok := r.(*patternRule); ok && p.masked != nil {
					masked++
				}
			}
			if masked == 0 {
				t.Fatal("no rule reads masked dates: the test compares nothing")
			}
			noMasks = true
			want, err := ExtractAll(c, rs)
			if err != nil {
				t.Fatal(err)
			}
			noMasks = false
			got, err := ExtractAll(c, rs)
			if err != nil {
				t.Fatal(err)
			}
			sameClaims(t, name, want, got)
		})
	}
}

// TestTriggersHideNothing: the trigger words only spare the rules sentences they
// cannot match. Every corpus at hand, and a generated one, gives the same claims
// with the triggers as with every rule tried on every sentence.
func TestTriggersHideNothing(t *testing.T) {
	for name, load := range testCorpora(t) {
		t.Run(name, func(t *testing.T) {
			c, err := load()
			if err != nil {
				t.Fatal(err)
			}
			rs, err := c.Rules()
			if err != nil {
				t.Fatal(err)
			}
			with, err := ExtractAll(c, rs)
			if err != nil {
				t.Fatal(err)
			}
			triggered := 0
			for _, r := range rs.rules {
				b := r.base()
				triggered += len(b.triggerIDs)
				b.triggers, b.triggerIDs = nil, nil
			}
			if triggered == 0 {
				t.Fatal("no rule has triggers: the test compares nothing")
			}
			without, err := ExtractAll(c, rs)
			if err != nil {
				t.Fatal(err)
			}
			if len(with) == 0 {
				t.Fatal("no claims")
			}
			sameClaims(t, "without triggers", without, with)
		})
	}
}
