package facts

import (
	"bytes"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factcheck-tools/compare/seeds"
)

// releaseFS hands out each source text in a buffer of its own and counts the
// buffers still reachable.
type releaseFS struct {
	fs.FS
	live atomic.Int64
}

func (c *releaseFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(c.FS, name)
	if err != nil || !strings.HasSuffix(name, ".txt") || len(b) == 0 {
		return b, err
	}
	b = bytes.Clone(b)
	c.live.Add(1)
	runtime.AddCleanup(&b[0], func(live *atomic.Int64) { live.Add(-1) }, &c.live)
	return b, nil
}

// TestTextsAreLetGo: once a corpus's claims are out, no source text is kept,
// though the corpus, its profile (which remembers words from the texts) and the
// claims (which quote them) are all still in use.
func TestTextsAreLetGo(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"seeds": seeds.FS, "amber": os.DirFS("../testdata/corpora/amber")} {
		t.Run(name+"/one worker", func(t *testing.T) { textsAreLetGo(t, name, fsys, ExtractOptions{Workers: 1}) })
		t.Run(name+"/every core, writing a cache", func(t *testing.T) {
			textsAreLetGo(t, name, fsys, ExtractOptions{Cache: OpenCache(t.TempDir(), "test")})
		})
	}
}

// textsAreLetGo loads and extracts a corpus read through a releaseFS with the
// options o, and fails if any of its texts is still reachable afterwards.
func textsAreLetGo(t *testing.T, name string, fsys fs.FS, o ExtractOptions) {
	counted := &releaseFS{FS: fsys}
	c, rs := loadRules(t, counted, name)
	claims, err := ExtractCorpus(c, rs, o)
	if err != nil || len(claims) == 0 {
		t.Fatalf("%d claims, %v", len(claims), err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for counted.live.Load() > 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := counted.live.Load(); n > 0 {
		t.Errorf("%d source texts are still held after extraction", n)
	}
	runtime.KeepAlive(c)
	runtime.KeepAlive(rs)
	runtime.KeepAlive(claims)
}
