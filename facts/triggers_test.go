package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheck-tools/compare/internal/gencorpus"
	"github.com/factcheck-tools/compare/seeds"
)

// TestTriggersHideNothing: the trigger words only spare the rules sentences they
// cannot match. Every corpus at hand, and a generated one, gives the same claims
// with the triggers as with every rule tried on every sentence.
func TestTriggersHideNothing(t *testing.T) {
	gen := t.TempDir()
	if _, err := gencorpus.Write(gen, 4, 7); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "testdata", "corpora")
	corpora := map[string]func() (*Corpus, error){
		"seeds":     func() (*Corpus, error) { return LoadCorpus(seeds.FS, "seeds") },
		"amber":     func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "amber")), "amber") },
		"hostile":   func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "hostile")), "hostile") },
		"generated": func() (*Corpus, error) { return LoadCorpus(os.DirFS(gen), "generated") },
	}
	for name, load := range corpora {
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
			if a, b := fmt.Sprint(with), fmt.Sprint(without); a != b {
				t.Errorf("%d claims with triggers, %d without", len(with), len(without))
				seen := map[string]bool{}
				for _, cl := range with {
					seen[fmt.Sprint(cl)] = true
				}
				for _, cl := range without {
					if !seen[fmt.Sprint(cl)] {
						t.Errorf("hidden by the triggers: %s %s %q (rule %s)", cl.Source, cl.Predicate, cl.Quote, cl.Rule)
					}
				}
			}
		})
	}
}
