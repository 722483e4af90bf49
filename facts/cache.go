package facts

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
)

// Cache keeps each source's claims on disk, so that adding or changing one source
// re-extracts only that source. An entry is keyed by everything a source's claims
// depend on: the tool's version, the rules and the profile they were compiled with
// (Digest), the names the texts taught that occur in this source, the source's id
// and as-of date, and its text. An entry that cannot be read, or was written for
// another key, is ignored and rebuilt, never trusted.
type Cache struct {
	Dir     string
	version string
	hits    atomic.Int64
	misses  atomic.Int64
}

// cacheMagic opens every entry; a file without it is not ours.
const cacheMagic = "compare claims cache\n"

func init() {
	gob.Register(Date{})
	gob.Register(Period{})
	gob.Register(Quantity{})
	gob.Register(Place{})
	gob.Register(Entity{})
	gob.Register(Text{})
}

// OpenCache uses dir as the cache folder (made when first written).
func OpenCache(dir, version string) *Cache { return &Cache{Dir: dir, version: version} }

// DefaultCacheDir is where the cache goes unless told otherwise: $COMPARE_CACHE_DIR,
// else the user's cache folder.
func DefaultCacheDir() string {
	if d := os.Getenv("COMPARE_CACHE_DIR"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "compare")
	}
	return filepath.Join(os.TempDir(), "compare-cache")
}

// Stats returns how many sources were read from the cache and how many extracted.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// key is the entry's name for one source.
func (c *Cache) key(src *Source, rs *RuleSet, learned []Learned) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", cacheMagic, c.version, rs.Digest, src.ID, src.AsOfText)
	// Only the learned names that occur in this source can change its claims.
	var names []string
	for _, l := range learned {
		if strings.Contains(src.Text, l.Name) {
			names = append(names, l.Name+"="+l.What)
		}
	}
	sort.Strings(names)
	fmt.Fprintf(h, "%s\x00", strings.Join(names, "\x01"))
	io.WriteString(h, src.Text)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.Dir, key[:2], key+".gob")
}

// entry is what a cache file holds after its magic line.
type entry struct {
	Key    string
	Claims []Claim
}

// load returns the claims cached under key, or false.
func (c *Cache) load(key string) ([]Claim, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil || !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil, false
	}
	// After the magic line: the SHA-256 of the payload, then the payload. A byte
	// changed anywhere fails the sum.
	rest := data[len(cacheMagic):]
	sum, payload, ok := bytes.Cut(rest, []byte("\n"))
	got := sha256.Sum256(payload)
	if !ok || string(sum) != hex.EncodeToString(got[:]) {
		return nil, false
	}
	var e entry
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&e); err != nil || e.Key != key {
		return nil, false
	}
	return e.Claims, true
}

// store writes the claims under key. A failure to write is not an error: the cache
// only saves time.
func (c *Cache) store(key string, claims []Claim) {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(entry{Key: key, Claims: claims}); err != nil {
		return
	}
	sum := sha256.Sum256(payload.Bytes())
	var b bytes.Buffer
	b.WriteString(cacheMagic)
	b.WriteString(hex.EncodeToString(sum[:]) + "\n")
	b.Write(payload.Bytes())
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	_ = WriteAtomic(p, b.Bytes())
}

// Extract returns a source's claims from the cache, or extracts and stores them.
func (c *Cache) Extract(src *Source, p *Profile, rs *RuleSet, learned []Learned) []Claim {
	key := c.key(src, rs, learned)
	if claims, ok := c.load(key); ok {
		c.hits.Add(1)
		return claims
	}
	c.misses.Add(1)
	claims := Extract(src, p, rs)
	c.store(key, claims)
	return claims
}
