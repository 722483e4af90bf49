package facts_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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

// seedsWithRules loads the embedded corpus and compiles its rules.
func seedsWithRules(t *testing.T) (*facts.Corpus, *facts.RuleSet) {
	t.Helper()
	c, err := facts.LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	return c, rs
}

// TestCacheColdWarmParallel: the claims of the embedded corpus are the same on one
// core and on all, with the cache cold and warm.
func TestCacheColdWarmParallel(t *testing.T) {
	c, rs := seedsWithRules(t)
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

// TestExtractBySource: ExtractBySource gives each source's claims in a slice of
// their own, in manifest order, placed in their source (Source, SourceIndex),
// uncached, with the cache cold and warm; their concatenation is what
// ExtractCorpus gives.
func TestExtractBySource(t *testing.T) {
	c, rs := seedsWithRules(t)
	want := extract(t, c, rs, facts.ExtractOptions{Workers: 1})
	cache := facts.OpenCache(t.TempDir(), "test")
	for _, tc := range []struct {
		name  string
		cache *facts.Cache
	}{{"uncached", nil}, {"cold", cache}, {"warm", cache}} {
		by, err := facts.ExtractBySource(c, rs, facts.ExtractOptions{Cache: tc.cache})
		if err != nil {
			t.Fatal(err)
		}
		if len(by) != len(c.Sources) {
			t.Fatalf("%s: %d slices for %d sources", tc.name, len(by), len(c.Sources))
		}
		for i, claims := range by {
			if len(claims) == 0 {
				t.Errorf("%s: no claims for %s", tc.name, c.Sources[i].ID)
			}
			for k := range claims {
				if claims[k].Source != c.Sources[i].ID || c.SourceIndex(&claims[k]) != i {
					t.Fatalf("%s: claim %d of %s is placed in %s (index %d)", tc.name, k, c.Sources[i].ID, claims[k].Source, c.SourceIndex(&claims[k]))
				}
			}
		}
		if got := fmt.Sprint(slices.Concat(by...)); got != want {
			t.Errorf("%s: the slices together differ from ExtractCorpus's claims", tc.name)
		}
	}
	if hits, _ := cache.Stats(); hits != int64(len(c.Sources)) {
		t.Errorf("warm: %d hits, want %d", hits, len(c.Sources))
	}
}

// cachedSeeds extracts the embedded corpus without a cache (want) and into a new
// cache folder (dir), and lists that folder's entry files.
func cachedSeeds(t *testing.T) (c *facts.Corpus, rs *facts.RuleSet, dir, want string, files []string) {
	t.Helper()
	c, rs = seedsWithRules(t)
	dir = t.TempDir()
	want = extract(t, c, rs, facts.ExtractOptions{Workers: 1})
	extract(t, c, rs, facts.ExtractOptions{Cache: facts.OpenCache(dir, "v1")})
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return c, rs, dir, want, files
}

// TestCacheDistrusts: an entry that is corrupt, or was written by another version,
// is ignored and rebuilt.
func TestCacheDistrusts(t *testing.T) {
	c, rs, dir, want, files := cachedSeeds(t)

	// Corrupt every entry: truncate one, garble the others.
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
			data, err := fs.ReadFile(seeds.FS, s.File)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			if hash := hex.EncodeToString(sum[:]); s.Hash != hash || s.Size != plain.Sources[i].Size {
				t.Errorf("%s: %s has %d bytes and hash %s, want %d and %s", run, s.ID, s.Size, s.Hash, plain.Sources[i].Size, hash)
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

// amberCopy copies the second test corpus into a new folder, to be changed.
func amberCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "testdata", "corpora", "amber")
	for _, f := range []string{"compare.yaml", "almanac.txt", "review.txt", "wiki.txt"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCacheKnowsFilesBySizeAndTime: with a warm cache, a source unchanged since
// the last run (same size, same modification time) is not read again; a source
// that changed is, and its new claims are found.
func TestCacheKnowsFilesBySizeAndTime(t *testing.T) {
	dir := amberCopy(t)
	cache := facts.OpenCache(t.TempDir(), "test")
	load := func() (*facts.CountingFS, string) {
		t.Helper()
		fsys := &facts.CountingFS{FS: os.DirFS(dir), Opened: map[string]int{}}
		o := facts.ExtractOptions{Cache: cache, Root: dir}
		c, err := facts.LoadCorpusWith(fsys, "amber", o)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := c.Rules()
		if err != nil {
			t.Fatal(err)
		}
		return fsys, extract(t, c, rs, o)
	}
	_, cold := load()
	fsys, warm := load()
	if warm != cold {
		t.Error("the warm run found other claims")
	}
	for _, f := range []string{"almanac.txt", "review.txt", "wiki.txt"} {
		if fsys.Opened[f] != 0 {
			t.Errorf("%s was read %d times on a warm run", f, fsys.Opened[f])
		}
	}

	// Change one source, keeping its size; its time moves on as an editor's save would.
	p := filepath.Join(dir, "wiki.txt")
	b, _ := os.ReadFile(p)
	changed := bytes.Replace(b, []byte("1971"), []byte("1974"), 1)
	if bytes.Equal(changed, b) || len(changed) != len(b) {
		t.Fatal("the test needs a 1971 in wiki.txt")
	}
	if err := os.WriteFile(p, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	fsys, after := load()
	if fsys.Opened["wiki.txt"] == 0 || fsys.Opened["almanac.txt"] != 0 {
		t.Errorf("after a change: wiki.txt read %d times, almanac.txt %d", fsys.Opened["wiki.txt"], fsys.Opened["almanac.txt"])
	}
	if after == warm || !strings.Contains(after, "1974") {
		t.Error("the changed source's claims were not extracted again")
	}
}

// TestCacheDistrustsWhatDoesNotDecode: an entry whose sum is right but whose
// claims do not decode (written by a faulty build, say) is found out when its
// claims are decoded in place, and its source is extracted anew.
func TestCacheDistrustsWhatDoesNotDecode(t *testing.T) {
	c, rs, dir, want, files := cachedSeeds(t)
	// Cut the end off one entry's payload and sign it again: the sum holds, the
	// decoding fails after the claims' count.
	data, err := os.ReadFile(files[2])
	if err != nil {
		t.Fatal(err)
	}
	magic, rest, _ := bytes.Cut(data, []byte("\n"))
	_, payload, _ := bytes.Cut(rest, []byte("\n"))
	payload = payload[:len(payload)-3]
	sum := fmt.Sprintf("%08x", crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
	signed := append(append(append(magic, '\n'), sum+"\n"...), payload...)
	if err := os.WriteFile(files[2], signed, 0o644); err != nil {
		t.Fatal(err)
	}
	cache := facts.OpenCache(dir, "v1")
	for _, workers := range []int{1, 0} {
		if got := extract(t, c, rs, facts.ExtractOptions{Cache: cache, Workers: workers}); got != want {
			t.Fatalf("workers %d: an entry that does not decode changed the claims", workers)
		}
	}
	if hits, misses := cache.Stats(); hits != 9 || misses != 1 {
		t.Errorf("%d hits and %d misses, want 9 and 1: the bad entry is rebuilt once, then read", hits, misses)
	}
}

// TestCacheKnowsTheManifest: what a folder's manifest said is taken from the
// cache, for the same bytes or with a source appended, and gives the corpus that
// parsing it gives; changed otherwise, it is parsed again; and a source file
// missing on a warm run is still reported at its line and column.
func TestCacheKnowsTheManifest(t *testing.T) {
	dir := amberCopy(t)
	cache := facts.OpenCache(t.TempDir(), "test")
	load := func(cache *facts.Cache) (*facts.Corpus, error) {
		return facts.LoadCorpusWith(os.DirFS(dir), "amber", facts.ExtractOptions{Cache: cache, Root: dir})
	}
	describe := func(c *facts.Corpus, cached bool) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%v %q %+v\n", c.Tolerance, c.ReviewsFile, c.RuleFiles)
		fmt.Fprintf(&b, "%+v\n", *c.Profile.Subject)
		for _, k := range c.Profile.Known(facts.EntityPerson) {
			fmt.Fprintf(&b, "%+v\n", *k)
		}
		for _, k := range c.Profile.Known(facts.EntityPlace) {
			fmt.Fprintf(&b, "%+v\n", *k)
		}
		for _, s := range c.Sources {
			// Every field but how reading the file again will check it: by
			// CRC-32C when loading read it, by SHA-256 when the cache knew it;
			// the SHA-256 itself only loading with a cache makes (it keys the
			// cache), so it is checked against the file's.
			v := reflect.ValueOf(*s)
			for i := range v.NumField() {
				if name := v.Type().Field(i).Name; name != "crc" && name != "read" && name != "Hash" {
					fmt.Fprintf(&b, "%s:%v ", name, v.Field(i))
				}
			}
			data, err := os.ReadFile(filepath.Join(dir, s.File))
			if sum := sha256.Sum256(data); err == nil && cached != (s.Hash == hex.EncodeToString(sum[:])) {
				fmt.Fprintf(&b, "Hash:%q is wrong ", s.Hash)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	same := func(what string) {
		t.Helper()
		plain, err := load(nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, run := range []string{"cold", "warm"} {
			c, err := load(cache)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describe(c, true), describe(plain, false); got != want {
				t.Errorf("%s, %s: the corpus is\n%s\nwant\n%s", what, run, got, want)
			}
		}
	}
	same("as it is")

	// A source appended (its text a copy of another's), as "compare add" does.
	manifest := filepath.Join(dir, "compare.yaml")
	b, _ := os.ReadFile(manifest)
	copyFile := func(from, to string) {
		data, _ := os.ReadFile(filepath.Join(dir, from))
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("wiki.txt", "wiki2.txt")
	orig := b
	// On another branch, another source appended to the same manifest.
	copyFile("almanac.txt", "almanac2.txt")
	if err := os.WriteFile(manifest, append(slices.Clip(orig), "  - id: almanac2\n    file: almanac2.txt\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	same("another source appended")
	b = append(slices.Clip(orig), "  - id: wiki2\n    file: wiki2.txt\n    as_of: \"2024\"\n"...)
	if err := os.WriteFile(manifest, b, 0o644); err != nil {
		t.Fatal(err)
	}
	same("a source appended")

	// Changed before its end, the manifest is read again.
	if err := os.WriteFile(manifest, append([]byte("tolerance: 0.25\n"), b...), 0o644); err != nil {
		t.Fatal(err)
	}
	same("a line added at the top")
	if c, _ := load(cache); c == nil || c.Tolerance != 0.25 {
		t.Errorf("the changed manifest's tolerance is not 0.25")
	}

	// A missing file is reported where the manifest names it, warm as cold, for
	// a source listed from the start (review.txt, on line 29, 30 since the line
	// added above) as for the appended one.
	for _, f := range []string{"review.txt", "wiki2.txt"} {
		copyFile(f, f+".kept")
		os.Remove(filepath.Join(dir, f))
		_, cold := load(nil)
		_, warm := load(cache)
		if cold == nil || warm == nil || warm.Error() != cold.Error() {
			t.Errorf("%s missing: %v on a warm run, want %v", f, warm, cold)
		}
		copyFile(f+".kept", f)
	}
	if _, err := load(cache); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "review.txt"))
	if _, err := load(cache); err == nil || !strings.Contains(err.Error(), "compare.yaml:30:11:") {
		t.Errorf("review.txt missing: %v, want it at compare.yaml:30:11", err)
	}
}

// TestReadFindsAChangedFile: a source whose file changes between loading and
// extraction is refused, not extracted: one byte changed, the size kept, whether
// loading read the file or knew it from the cache by its size and time (then the
// time is put back too, as a tool that keeps times would).
func TestReadFindsAChangedFile(t *testing.T) {
	dir := amberCopy(t)
	p := filepath.Join(dir, "wiki.txt")
	orig, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(orig, []byte("1971"), []byte("1974"), 1)
	if bytes.Equal(changed, orig) {
		t.Fatal("the test needs a 1971 in wiki.txt")
	}
	cache := facts.OpenCache(t.TempDir(), "test")
	for _, run := range []string{"cold", "warm"} { // warm: the file is known by its size and time
		c, err := facts.LoadCorpusWith(os.DirFS(dir), "amber", facts.ExtractOptions{Cache: cache, Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		var wiki *facts.Source
		for _, s := range c.Sources {
			if s.File == "wiki.txt" {
				wiki = s
			}
		}
		if _, err := c.Read(wiki); err != nil {
			t.Fatalf("%s: the unchanged file is refused: %v", run, err)
		}
		if err := os.WriteFile(p, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Read(wiki); err == nil || !strings.Contains(err.Error(), "changed") {
			t.Errorf("%s: a changed file is read: %v", run, err)
		}
		if err := os.WriteFile(p, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
}
