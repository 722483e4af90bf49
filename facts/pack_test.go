package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies a corpus folder, so that a test can change it.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// packRun loads and extracts the corpus in dir with the cache, as the command does.
func packRun(t *testing.T, dir string, cache *Cache) string {
	t.Helper()
	c, err := LoadCorpusWith(os.DirFS(dir), dir, ExtractOptions{Cache: cache, Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	claims, err := ExtractCorpus(c, rs, ExtractOptions{Cache: cache, Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) == 0 {
		t.Fatal("no claims")
	}
	return fmt.Sprint(claims)
}

// entryFiles lists the cache's one-entry files (not the packs).
func entryFiles(t *testing.T, dir string) []string {
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.Contains(p, string(filepath.Separator)+"packs"+string(filepath.Separator)) {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// TestPackServesARun: a run writes its corpus's pack; the next run finds every
// entry in it, mapped into memory, with the entries' own files gone, and the same
// claims; a pack that is damaged is ignored and written again.
func TestPackServesARun(t *testing.T) {
	defer func(n int) { packMinEntries = n }(packMinEntries)
	packMinEntries = 1
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "testdata", "corpora", "amber"), dir)
	cacheDir := t.TempDir()

	first := OpenCache(cacheDir, "test")
	want := packRun(t, dir, first)
	if _, written := first.PackStats(); written != 1 {
		t.Fatalf("the first run wrote %d packs, want 1", written)
	}
	packFile := first.packPath(dir)
	if _, err := os.Stat(packFile); err != nil {
		t.Fatal(err)
	}

	for _, f := range entryFiles(t, cacheDir) {
		os.Remove(f)
	}
	second := OpenCache(cacheDir, "test")
	second.MapPacks() // mapped, not read (the third run reads it)
	if got := packRun(t, dir, second); got != want {
		t.Error("the claims read from the pack differ")
	}
	hits, misses := second.Stats()
	if unpacked, written := second.PackStats(); hits == 0 || misses != 0 || unpacked != 0 || written != 0 {
		t.Errorf("from the pack alone: %d hits, %d misses, %d entries not in the pack, %d packs written; want all hits, 0, 0, 0", hits, misses, unpacked, written)
	}

	// Garble the pack: it is ignored, the sources are extracted again, and a new
	// pack is written.
	data, _ := os.ReadFile(packFile)
	for i := len(packMagic); i < len(data); i += 97 {
		data[i] ^= 0x5a
	}
	os.WriteFile(packFile, data, 0o644)
	third := OpenCache(cacheDir, "test")
	if got := packRun(t, dir, third); got != want {
		t.Error("a damaged pack changed the claims")
	}
	if _, written := third.PackStats(); written != 1 {
		t.Errorf("after a damaged pack, %d packs written, want 1", written)
	}
	fourth := OpenCache(cacheDir, "test")
	if got := packRun(t, dir, fourth); got != want {
		t.Error("the rewritten pack changed the claims")
	}
	if _, misses := fourth.Stats(); misses != 0 {
		t.Errorf("%d misses after the pack was written again", misses)
	}
}

// TestPackIsRewrittenOnlyForMuchNew: a run rewrites the pack when a tenth or more
// of the entries it used were not in it, not for one new source among many.
func TestPackIsRewrittenOnlyForMuchNew(t *testing.T) {
	for _, tc := range []struct {
		used, unpacked int
		write          bool
	}{{100, 0, false}, {100, 9, false}, {100, 10, true}, {1000, 3, false}, {10, 10, false}, {64, 64, true}} {
		c := OpenCache(t.TempDir(), "test")
		c.root, c.used, c.unpacked = "/corpus", map[string]string{}, tc.unpacked
		for i := range tc.used {
			c.used[fmt.Sprint(i)] = "entry"
		}
		c.writePack()
		if _, written := c.PackStats(); (written == 1) != tc.write {
			t.Errorf("%d entries used, %d not in the pack: wrote %d packs, want write=%v", tc.used, tc.unpacked, written, tc.write)
		}
	}
}

// TestAdviseHugePages: advising the claims' memory, small or large, keeps what
// it holds.
func TestAdviseHugePages(t *testing.T) {
	for _, n := range []int{0, 1, 3, 100_000} {
		claims := make([]Claim, n)
		for i := range claims {
			claims[i].Line = i + 1
		}
		adviseHugePages(claims)
		for i := range claims {
			if claims[i].Line != i+1 {
				t.Fatalf("%d claims: claim %d changed", n, i)
			}
		}
	}
}
