package facts_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/seeds"
)

// extract runs ExtractCorpus and prints its claims, for comparing runs.
func extract(t *testing.T, c *facts.Corpus, rs *facts.RuleSet, o facts.ExtractOptions) string {
	t.Helper()
	claims, err := facts.ExtractCorpus(c, rs, o)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(claims)
}

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
	want := extract(t, c, rs, facts.ExtractOptions{Workers: 1})
	cache := facts.OpenCache(t.TempDir(), "test")
	for _, tc := range []struct {
		name    string
		workers int
		hits    int64
	}{{"cold, all cores", 0, 0}, {"warm, all cores", 0, 5}, {"warm, one core", 1, 10}} {
		got := extract(t, c, rs, facts.ExtractOptions{Workers: tc.workers, Cache: cache})
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
	want := extract(t, c, rs, facts.ExtractOptions{Workers: 1})
	extract(t, c, rs, facts.ExtractOptions{Cache: facts.OpenCache(dir, "v1")})

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
	if got := extract(t, c, rs, facts.ExtractOptions{Cache: cache}); got != want {
		t.Error("a corrupt cache changed the claims")
	}
	if hits, misses := cache.Stats(); hits != 0 || misses != 5 {
		t.Errorf("corrupt entries trusted: %d hits, %d misses", hits, misses)
	}
	other := facts.OpenCache(dir, "v2")
	extract(t, c, rs, facts.ExtractOptions{Cache: other})
	if hits, _ := other.Stats(); hits != 0 {
		t.Errorf("another version's entries were used: %d hits", hits)
	}
}

// TestCacheKnowsWhatTextsTeach: loading with a warm cache reads what each text
// teaches from it, and finds the same names, sentence counts and claims as loading
// without one.
func TestCacheKnowsWhatTextsTeach(t *testing.T) {
	plain, err := facts.LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := plain.Rules()
	want := extract(t, plain, rs, facts.ExtractOptions{Workers: 1})
	cache := facts.OpenCache(t.TempDir(), "test")
	for _, run := range []string{"cold", "warm"} {
		c, err := facts.LoadCorpusWith(seeds.FS, "seeds", facts.ExtractOptions{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(c.Learned) != fmt.Sprint(plain.Learned) {
			t.Errorf("%s: learned %v, want %v", run, c.Learned, plain.Learned)
		}
		for i, s := range c.Sources {
			if s.Sentences != plain.Sources[i].Sentences || s.Hash != plain.Sources[i].Hash || s.Sentences == 0 {
				t.Errorf("%s: %s has %d sentences and hash %s, want %d and %s", run, s.ID, s.Sentences, s.Hash, plain.Sources[i].Sentences, plain.Sources[i].Hash)
			}
		}
		crs, err := c.Rules()
		if err != nil {
			t.Fatal(err)
		}
		if crs.Digest != rs.Digest {
			t.Errorf("%s: the rules digest differs", run)
		}
		if got := extract(t, c, crs, facts.ExtractOptions{Cache: cache}); got != want {
			t.Errorf("%s: the claims differ", run)
		}
	}
}

// TestCacheKeyFollowsTheProfile: a name added to the manifest changes the key of
// every source's claims, since any source may mention it.
func TestCacheKeyFollowsTheProfile(t *testing.T) {
	c, err := facts.LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := c.Rules()
	data, err := fs.ReadFile(seeds.FS, "compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	_ = fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(seeds.FS, p)
			fsys[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	fsys["compare.yaml"] = &fstest.MapFile{Data: bytes.Replace(data, []byte("entities:\n"), []byte("entities:\n  - {name: Camp Nowhere, kind: place, country: Norway}\n"), 1)}
	c2, err := facts.LoadCorpus(fsys, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs2, _ := c2.Rules()
	if rs.Digest == rs2.Digest {
		t.Error("adding a place to the manifest left the rules digest, and so the cache keys, unchanged")
	}
}
