package facts_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/seeds"
)

// TestCacheColdWarmParallel: the claims of the embedded corpus are the same on one
// core and on all, with the cache cold and warm.
func TestCacheColdWarmParallel(t *testing.T) {
	c, err := facts.LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(facts.ExtractCorpus(c, rs, facts.ExtractOptions{Workers: 1}))
	cache := facts.OpenCache(t.TempDir(), "test")
	for _, tc := range []struct {
		name    string
		workers int
		hits    int64
	}{{"cold, all cores", 0, 0}, {"warm, all cores", 0, 5}, {"warm, one core", 1, 10}} {
		got := fmt.Sprint(facts.ExtractCorpus(c, rs, facts.ExtractOptions{Workers: tc.workers, Cache: cache}))
		if got != want {
			t.Errorf("%s: the claims differ from one uncached core", tc.name)
		}
		if hits, _ := cache.Stats(); hits != tc.hits {
			t.Errorf("%s: %d hits, want %d", tc.name, hits, tc.hits)
		}
	}
}

// TestCacheDistrusts: an entry that is corrupt, or was written by another version,
// is ignored and rebuilt.
func TestCacheDistrusts(t *testing.T) {
	c, err := facts.LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := c.Rules()
	dir := t.TempDir()
	want := fmt.Sprint(facts.ExtractAll(c, rs))
	facts.ExtractCorpus(c, rs, facts.ExtractOptions{Cache: facts.OpenCache(dir, "v1")})

	// Corrupt every entry: truncate one, garble the others.
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 5 {
		t.Fatalf("%d cache files, want 5", len(files))
	}
	for i, f := range files {
		data, _ := os.ReadFile(f)
		if i == 0 {
			data = data[:len(data)/2]
		} else {
			for j := len(data) / 2; j < len(data); j += 7 {
				data[j] ^= 0x5a
			}
		}
		os.WriteFile(f, data, 0o644)
	}
	cache := facts.OpenCache(dir, "v1")
	if got := fmt.Sprint(facts.ExtractCorpus(c, rs, facts.ExtractOptions{Cache: cache})); got != want {
		t.Error("a corrupt cache changed the claims")
	}
	if hits, misses := cache.Stats(); hits != 0 || misses != 5 {
		t.Errorf("corrupt entries trusted: %d hits, %d misses", hits, misses)
	}
	other := facts.OpenCache(dir, "v2")
	facts.ExtractCorpus(c, rs, facts.ExtractOptions{Cache: other})
	if hits, _ := other.Stats(); hits != 0 {
		t.Errorf("another version's entries were used: %d hits", hits)
	}
}
