package facts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
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

	mu           sync.Mutex
	root         string            // the corpus folder whose pack is open
	pack         *pack             // its pack, when it has one
	used         map[string]string // the entries this run used, for the next pack
	unpacked     int               // how many of them were not in the pack
	packsWritten int
	mapPacks     bool // see MapPacks
}

// cacheMagic opens every entry; a file without it is not ours.
const cacheMagic = "compare claims cache 3\n"

// An entry's payload is checked by its CRC-32C, as LevelDB and RocksDB check
// their blocks: it finds the damage a disk or a torn write does, and the
// processor computes it at memory speed, where a SHA-256 of the hundred megabytes
// a warm run of thousands of sources reads took a tenth of a second. It is no
// seal against someone who can write the cache: a SHA-256 sum, written by the
// same hand, was not one either. Entries are named by SHA-256 keys as before.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// entrySum is the check written before an entry's payload.
func entrySum(payload []byte) string {
	var b [8]byte
	return string(hex.AppendEncode(b[:0], binary.BigEndian.AppendUint32(nil, crc32.Checksum(payload, crcTable))))
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

// key is the name of the entry holding one source's claims.
func (c *Cache) key(src *Source, digest string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00claims\x00%s\x00%s\x00%s\x00%s", cacheMagic, c.version, digest, src.ID, src.AsOfText, src.Hash)
	return hex.EncodeToString(h.Sum(nil))
}

// textKey is the name of the entry holding what a text teaches: it depends on the
// text and the tool's version only.
func (c *Cache) textKey(hash string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00text\x00%s", cacheMagic, c.version, hash)
	return hex.EncodeToString(h.Sum(nil))
}

// statKey names the entry that remembers a file by its place, size and
// modification time, so that a file unchanged since the last run is not read again
// to be hashed: with thousands of sources, reading them is most of a warm run. It is
// "" when the file cannot be known that way (no folder on disk, or no time).
func (c *Cache) statKey(root, file string, info fs.FileInfo) string {
	if c == nil || root == "" || info == nil || info.ModTime().IsZero() {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00stat\x00%s\x00%s\x00%d\x00%d", cacheMagic, c.version, root, file, info.Size(), info.ModTime().UnixNano())
	return hex.EncodeToString(h.Sum(nil))
}

// loadStat returns what the cache knows of a file unchanged since it was read.
func (c *Cache) loadStat(key string) (textEntry, bool) {
	if c == nil || key == "" {
		return textEntry{}, false
	}
	e, ok := c.load(key)
	return e.Text, ok && e.Text.Hash != ""
}

// storeStat remembers a file by its size and time. A nil cache forgets.
func (c *Cache) storeStat(key string, t textEntry) {
	if c != nil && key != "" {
		c.store(entry{Key: key, Text: t})
	}
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.Dir, key[:2], key+".gob")
}

// entry is what a cache file holds after its magic line.
type entry struct {
	Key      string
	Claims   []Claim
	Text     textEntry
	Manifest *manifest // in the entry of a manifest: what it says
	Recent   []recent  // in the entry of a folder's recent manifests
	Blob     string    // in an entry another package keeps (StoreBlob)
}

// textEntry is what reading a text found: its lessons and, in an entry found by
// the file's size and time (statKey), its hash.
type textEntry struct {
	Lessons []Lesson
	Hash    string
}

// load returns the entry cached under key, or false.
func (c *Cache) load(key string) (entry, bool) {
	d, blob, packed, ok := c.open(key)
	if !ok {
		return entry{}, false
	}
	e, err := d.entry()
	if err != nil || e.Key != key {
		return entry{}, false
	}
	c.use(key, blob, packed)
	return e, true
}

// open finds the entry cached under key, in the pack or in its file, and checks
// its sum, ready to decode. It returns the entry's bytes too, and whether they
// came from the pack.
func (c *Cache) open(key string) (d *decoder, blob string, packed, ok bool) {
	if blob, raw, ok := c.fromPack(key); ok {
		if d, ok := checkEntry(blob, raw); ok {
			return d, blob, true, true
		}
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, "", false, false
	}
	blob = string(data)
	d, ok = checkEntry(blob, data)
	return d, blob, false, ok
}

// holds reports whether the cache has an entry under key, without reading it:
// one that turns out damaged is found so when it is read, and rebuilt then.
func (c *Cache) holds(key string) bool {
	if c == nil {
		return false
	}
	if _, _, ok := c.fromPack(key); ok {
		return true
	}
	_, err := os.Stat(c.path(key))
	return err == nil
}

// checkEntry checks the magic line and the sum of an entry (blob and raw are the
// same bytes) and returns a decoder of its payload.
func checkEntry(blob string, raw []byte) (*decoder, bool) {
	if !strings.HasPrefix(blob, cacheMagic) {
		return nil, false
	}
	// After the magic line: the CRC-32C of the payload, then the payload. A byte
	// changed anywhere fails the check.
	rest := blob[len(cacheMagic):]
	i := strings.IndexByte(rest, '\n')
	if i < 0 {
		return nil, false
	}
	start := len(cacheMagic) + i + 1
	if rest[:i] != entrySum(raw[start:]) {
		return nil, false
	}
	return &decoder{s: blob[start:]}, true
}

// store writes an entry. A failure to write is not an error: the cache only saves
// time.
func (c *Cache) store(e entry) {
	c.use(e.Key, c.write(e), false)
}

// write writes an entry's file and returns its bytes.
func (c *Cache) write(e entry) string {
	enc := &encoder{}
	enc.entry(e)
	var b bytes.Buffer
	b.WriteString(cacheMagic)
	b.WriteString(entrySum(enc.b) + "\n")
	b.Write(enc.b)
	p := c.path(e.Key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
		_ = writeAtomic(p, b.Bytes(), false)
	}
	return b.String()
}

// loadText returns what a text teaches, if it is cached. A nil cache has nothing.
func (c *Cache) loadText(hash string) (textEntry, bool) {
	if c == nil {
		return textEntry{}, false
	}
	e, ok := c.load(c.textKey(hash))
	return e.Text, ok
}

// storeText remembers what a text teaches. A nil cache forgets.
func (c *Cache) storeText(hash string, t textEntry) {
	if c != nil {
		c.store(entry{Key: c.textKey(hash), Text: t})
	}
}

// manifestKey names the entry of what a manifest says, by the SHA-256 of its
// bytes (in hex).
func (c *Cache) manifestKey(sum string) string {
	return sha256Hex([]byte(cacheMagic + "\x00" + c.version + "\x00manifest\x00" + sum))
}

// recentKey names the entry that lists the recent manifests of the corpus folder
// root, newest first.
func (c *Cache) recentKey(root string) string {
	return sha256Hex([]byte(cacheMagic + "\x00" + c.version + "\x00recent manifests\x00" + root))
}

// recentManifestsKept is how many of a folder's manifests the cache remembers:
// the main branch's and those of a few branches that add to it.
const recentManifestsKept = 4

// recent is one of a folder's recent manifests: its size and SHA-256.
type recent struct {
	size int
	sum  string
}

// loadManifest returns what the manifest with the SHA-256 sum says, if the
// cache knows it. Manifest entries are read from their own files, never from the
// pack, which is read meanwhile.
func (c *Cache) loadManifest(sum string) (*manifest, bool) {
	if c == nil {
		return nil, false
	}
	key := c.manifestKey(sum)
	e, ok := c.loadFile(key)
	if !ok || e.Manifest == nil || e.Manifest.sum != sum {
		return nil, false
	}
	return e.Manifest, true
}

// recentManifests lists the recent manifests of the folder root, newest first.
// A nil cache, or a corpus not in a folder (root ""), has none.
func (c *Cache) recentManifests(root string) []recent {
	if c == nil || root == "" {
		return nil
	}
	e, ok := c.loadFile(c.recentKey(root))
	if !ok {
		return nil
	}
	return e.Recent
}

// rememberManifest makes m the newest of the folder's recent manifests (old,
// as recentManifests gave them), storing what it says when asked (when it was
// not read from the cache). base is the sum of the manifest m was read from with
// sources appended, or "": it is kept next, so that the branches that each add a
// source to one manifest all find it.
func (c *Cache) rememberManifest(root string, m *manifest, store bool, base string, old []recent) {
	if c == nil || root == "" {
		return
	}
	if store {
		c.write(entry{Key: c.manifestKey(m.sum), Manifest: m})
	}
	if len(old) > 0 && old[0].sum == m.sum {
		return
	}
	list := []recent{{m.size, m.sum}}
	if i := slices.IndexFunc(old, func(r recent) bool { return r.sum == base }); i >= 0 {
		list = append(list, old[i])
	}
	for _, r := range old {
		if r.sum != m.sum && r.sum != base && len(list) < recentManifestsKept {
			list = append(list, r)
		}
	}
	c.write(entry{Key: c.recentKey(root), Recent: list})
}

// blobKey names the entry of what another package made of a thing of its kind
// (a file, by its path).
func (c *Cache) blobKey(kind, id string) string {
	return sha256Hex([]byte(cacheMagic + "\x00" + c.version + "\x00blob\x00" + kind + "\x00" + id))
}

// LoadBlob returns what StoreBlob last kept for kind and id, if the cache has it
// whole. A nil cache has nothing.
func (c *Cache) LoadBlob(kind, id string) (string, bool) {
	if c == nil {
		return "", false
	}
	key := c.blobKey(kind, id)
	e, ok := c.loadFile(key)
	if !ok {
		return "", false
	}
	return e.Blob, true
}

// StoreBlob keeps blob, what another package made of a thing of its kind (the
// reviews of a file), under its id, in an entry of its own checked as every
// entry is, in place of the one kept before. What the blob was made from is for
// the caller to record in it and check (the file's SHA-256). A nil cache forgets.
func (c *Cache) StoreBlob(kind, id, blob string) {
	if c == nil {
		return
	}
	c.write(entry{Key: c.blobKey(kind, id), Blob: blob})
}

// loadFile reads the entry under key from its own file.
func (c *Cache) loadFile(key string) (entry, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return entry{}, false
	}
	d, ok := checkEntry(string(data), data)
	if !ok {
		return entry{}, false
	}
	e, err := d.entry()
	if err != nil || e.Key != key {
		return entry{}, false
	}
	return e, true
}

// cached opens the entry of a source's claims and decodes it up to the claims,
// which the caller decodes where they are to go (decoder.claims, then tail).
func (c *Cache) cached(src *Source, digest string) (*decoder, int, bool) {
	if c == nil {
		return nil, 0, false
	}
	key := c.key(src, digest)
	d, blob, packed, ok := c.open(key)
	if !ok {
		return nil, 0, false
	}
	if k, n := d.head(); d.err == nil && k == key {
		c.use(key, blob, packed)
		return d, n, true
	}
	return nil, 0, false
}

// extractAnew reads a source, extracts its claims and stores them under key.
func (c *Cache) extractAnew(corpus *Corpus, src *Source, rs *RuleSet, key string) ([]Claim, error) {
	if c != nil {
		c.misses.Add(1)
	}
	doc, done, err := corpus.readForExtraction(src)
	if err != nil {
		return nil, err
	}
	claims := Extract(src, doc, corpus.Profile, rs)
	done()
	if c != nil {
		c.store(entry{Key: key, Claims: claims})
	}
	return claims, nil
}
