package facts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"unsafe"
)

// A pack holds, in one file, every cache entry one corpus folder used in its last
// run: with thousands of sources, opening two small files per source was most of a
// warm run. A run reads its corpus's pack once and looks entries up in it before
// their own files; entries not in the pack (a source added since) are read from
// their files as before. Each entry in a pack is the bytes of its file, checked by
// its own CRC-32C when it is used, so a pack can do no more harm than the files: a
// pack that does not parse is ignored whole.
//
// A run writes a new pack when at least a tenth of the entries it used were not
// in the pack, so that adding one source to thousands does not rewrite them all.

// packMagic opens every pack.
const packMagic = "compare cache pack 1\n"

// packMinEntries is the fewest entries worth a pack (a source uses two or three).
// A variable for the tests.
var packMinEntries = 64

// pack is a corpus's pack read into memory.
type pack struct {
	data    []byte            // the file, never written after it is read (or mapped)
	s       string            // data as a string, sharing its memory
	entries map[string][2]int // key → where the entry's bytes are in data
}

// packPath names the pack of a corpus folder.
func (c *Cache) packPath(root string) string {
	h := sha256.Sum256([]byte(cacheMagic + "\x00" + c.version + "\x00pack\x00" + root))
	return filepath.Join(c.Dir, "packs", hex.EncodeToString(h[:16])+".pack")
}

// openPack reads the pack of the corpus folder root, if there is one, and starts
// recording the entries this run uses. root "" (no folder on disk) has none.
func (c *Cache) openPack(root string) {
	if c == nil || root == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.root, c.used = root, map[string]string{}
	read := os.ReadFile
	if c.mapPacks {
		read = mapFile
	}
	data, err := read(c.packPath(root))
	if err != nil {
		return
	}
	c.pack = readPack(data)
}

// MapPacks has packs mapped into memory rather than read: a hundred megabytes
// are not copied, only the pages a run touches are read, and the claims decoded
// from them share them. A mapped pack is never unmapped, so only a process that
// loads its corpus once should ask for it; one that loads it again and again
// (compare serve) reads the pack, which the collector frees.
func (c *Cache) MapPacks() {
	if c != nil {
		c.mapPacks = true
	}
}

// readPack parses a pack: its magic, then for each entry its key and its bytes,
// each after its length as a varint. Nil when anything is amiss.
func readPack(data []byte) *pack {
	if !bytes.HasPrefix(data, []byte(packMagic)) {
		return nil
	}
	// The strings cut from the file share its memory: the claims decoded from
	// them hold their texts without a copy. data is never written again.
	p := &pack{data: data, s: unsafe.String(unsafe.SliceData(data), len(data)), entries: map[string][2]int{}}
	at := len(packMagic)
	field := func() (int, int, bool) {
		n, k := binary.Uvarint(data[at:])
		if k <= 0 || n > uint64(len(data)-at-k) {
			return 0, 0, false
		}
		from := at + k
		at = from + int(n)
		return from, at, true
	}
	for at < len(data) {
		k0, k1, ok1 := field()
		b0, b1, ok2 := field()
		if !ok1 || !ok2 {
			return nil
		}
		p.entries[p.s[k0:k1]] = [2]int{b0, b1}
	}
	return p
}

// fromPack returns the entry under key in the pack, as a string and as bytes.
func (c *Cache) fromPack(key string) (string, []byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pack == nil {
		return "", nil, false
	}
	at, ok := c.pack.entries[key]
	if !ok {
		return "", nil, false
	}
	return c.pack.s[at[0]:at[1]], c.pack.data[at[0]:at[1]], true
}

// use records that this run used the entry under key, and whether it came from
// the pack.
func (c *Cache) use(key, blob string, inPack bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.used == nil {
		return
	}
	c.used[key] = blob
	if !inPack {
		c.unpacked++
	}
}

// writePack writes a new pack of the entries this run used when enough of them
// were not in the old one. A failure to write is not an error.
func (c *Cache) writePack() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.used == nil || len(c.used) < packMinEntries || c.unpacked*10 < len(c.used) {
		return
	}
	keys := make([]string, 0, len(c.used))
	size := len(packMagic)
	for k, blob := range c.used {
		keys = append(keys, k)
		size += len(k) + len(blob) + 2*binary.MaxVarintLen64
	}
	sort.Strings(keys)
	b := make([]byte, 0, size)
	b = append(b, packMagic...)
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
		b = binary.AppendUvarint(b, uint64(len(c.used[k])))
		b = append(b, c.used[k]...)
	}
	p := c.packPath(c.root)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	if err := writeAtomic(p, b, false); err == nil {
		c.unpacked = 0
		c.packsWritten++
	}
}

// PackStats says how many of the entries this run used were not in the pack, and
// how many packs it wrote.
func (c *Cache) PackStats() (unpacked, written int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.unpacked, c.packsWritten
}
