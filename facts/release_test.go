package facts

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/factcheck-tools/compare/seeds"
)

// TestTextsAreLetGo: each of the two readings of a source reads its text into a
// buffer its worker reads the next source into (readInto, sourceBuffers), so that
// memory grows with the claims and not with the texts; nothing kept once a source
// is read may point into that buffer. Here each buffer given back is overwritten
// and dropped (givenBack). Then: the names the texts teach are whole; the claims
// of the corpus, every field as the cache writes them, are those of each source
// extracted alone from a text of its own, and so are those of a second
// extraction, which reads what the profile remembered during the first; and no
// buffer is still reachable, though the corpus, its profile (which remembers words
// from the texts) and the claims are all in use. One worker, every core, and every
// core writing a cache.
func TestTextsAreLetGo(t *testing.T) {
	var watch bufferWatch
	overwrite := watch.overwrite
	defer func() { givenBack = nil }()
	taught := 0
	defer func() {
		if taught == 0 {
			t.Error("no text taught a name: the test tries nothing")
		}
	}()
	for name, fsys := range map[string]fs.FS{"seeds": seeds.FS, "amber": os.DirFS("../testdata/corpora/amber"), "hostile": os.DirFS("../testdata/corpora/hostile")} {
		for run, o := range map[string]ExtractOptions{"one worker": {Workers: 1}, "every core": {}, "every core, writing a cache": {Cache: OpenCache(t.TempDir(), "test")}} {
			t.Run(name+"/"+run, func(t *testing.T) {
				// What the texts teach, each read into a buffer of its own that
				// stays as it is.
				givenBack = func([]byte) {}
				plain, err := LoadCorpus(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				givenBack = overwrite
				c, err := LoadCorpusWith(fsys, name, o)
				if err != nil {
					t.Fatal(err)
				}
				rs, err := c.Rules()
				if err != nil {
					t.Fatal(err)
				}
				if got, want := fmt.Sprint(c.Learned), fmt.Sprint(plain.Learned); got != want {
					t.Errorf("the texts taught %s, read alone %s", got, want)
				}
				taught += len(c.Learned)
				var claims []Claim
				for round := range 2 {
					claims, err = ExtractCorpus(c, rs, o)
					if err != nil || len(claims) == 0 {
						t.Fatalf("%d claims, %v", len(claims), err)
					}
					if got, want := encodeClaims(claims), encodeClaims(extractAlone(t, c, rs)); !bytes.Equal(got, want) {
						t.Errorf("extraction %d: the claims are not those of each source read alone", round+1)
					}
				}
				watch.held(t)
				runtime.KeepAlive(c)
				runtime.KeepAlive(rs)
				runtime.KeepAlive(claims)
			})
		}
	}
}

// bufferWatch is a givenBack hook that overwrites each buffer given back and
// counts those not yet collected; held waits for the collector and reports any
// still held.
type bufferWatch struct{ live atomic.Int64 }

func (w *bufferWatch) overwrite(b []byte) {
	for i := range b[:cap(b)] {
		b[:cap(b)][i] = 0xff
	}
	if cap(b) > 0 {
		w.live.Add(1)
		runtime.AddCleanup(&b[:1][0], func(live *atomic.Int64) { live.Add(-1) }, &w.live)
	}
}

func (w *bufferWatch) held(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for w.live.Load() > 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := w.live.Load(); n > 0 {
		t.Errorf("%d buffers texts were read into are still held", n)
	}
}

// extractAlone extracts each source of c from a text read for it alone.
func extractAlone(t *testing.T, c *Corpus, rs *RuleSet) []Claim {
	t.Helper()
	var out []Claim
	for i, s := range c.Sources {
		doc, err := c.Read(s)
		if err != nil {
			t.Fatal(err)
		}
		claims := Extract(s, doc, c.Profile, rs)
		placeIn(claims, s.ID, i)
		out = append(out, claims...)
	}
	return out
}

// encodeClaims is every field of the claims, as the cache writes them.
func encodeClaims(claims []Claim) []byte {
	var e encoder
	for i := range claims {
		e.claim(&claims[i])
	}
	return e.b
}

// TestAroundLetsTextsGo: Around, which the page asks for the sentences around
// every quote, reads a source into a worker's buffer like extraction does; what it
// returns must be copies, whole once the buffer is overwritten, and no buffer may
// be held once it has answered.
func TestAroundLetsTextsGo(t *testing.T) {
	var watch bufferWatch
	defer func() { givenBack = nil }()
	c, rs, claims := loadForRelease(t)
	givenBack = watch.overwrite
	var answers [][][2]string
	contexts := 0
	for _, s := range c.Sources {
		var spans []Span
		for _, cl := range claims {
			if cl.Source == s.ID {
				spans = append(spans, cl.QuoteSpan)
			}
		}
		got, err := c.Around(s, spans)
		if err != nil {
			t.Fatal(err)
		}
		answers = append(answers, got)
		doc, err := c.Read(s) // into a buffer of its own
		if err != nil {
			t.Fatal(err)
		}
		for k, sp := range spans {
			before, after := doc.Around(sp)
			if got[k] != [2]string{before, after} {
				t.Errorf("%s, quote %d: Around gives %q, the text %q", s.ID, k+1, got[k], [2]string{before, after})
			}
			if before != "" || after != "" {
				contexts++
			}
		}
	}
	if contexts == 0 {
		t.Error("no quote has a sentence around it: the test tries nothing")
	}
	watch.held(t)
	runtime.KeepAlive(answers)
	runtime.KeepAlive(rs)
}

// loadForRelease is the embedded corpus loaded, with its rules and claims, each
// text read into a buffer of its own.
func loadForRelease(t *testing.T) (*Corpus, *RuleSet, []Claim) {
	t.Helper()
	givenBack = func([]byte) {}
	defer func() { givenBack = nil }()
	c, rs := loadRules(t, seeds.FS, "seeds")
	claims, err := ExtractCorpus(c, rs, ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c, rs, claims
}

// TestClaimsOfASentenceShareTheirQuote: the claims of one sentence hold one copy
// of its words between them, not one each (a list of hundreds of names run
// together is one sentence of up to 2 KB), and each still quotes them verbatim.
func TestClaimsOfASentenceShareTheirQuote(t *testing.T) {
	c, err := LoadCorpus(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	claims := mustExtractAll(t, c, rs)
	texts := map[SourceID]string{}
	shared := 0
	for i := range claims {
		cl := &claims[i]
		if texts[cl.Source] == "" {
			doc, err := c.Read(c.Source(cl.Source))
			if err != nil {
				t.Fatal(err)
			}
			texts[cl.Source] = doc.Text
		}
		if got := texts[cl.Source][cl.QuoteSpan.Start:cl.QuoteSpan.End]; cl.Quote != got {
			t.Fatalf("%s:%d quotes %q, its sentence is %q", cl.Source, cl.Line, cl.Quote, got)
		}
		if i == 0 {
			continue
		}
		prev := &claims[i-1]
		if prev.Source != cl.Source || prev.QuoteSpan != cl.QuoteSpan {
			continue
		}
		if unsafe.StringData(prev.Quote) != unsafe.StringData(cl.Quote) {
			t.Errorf("%s:%d: two claims of one sentence hold a copy each of its words", cl.Source, cl.Line)
		}
		shared++
	}
	if shared == 0 {
		t.Fatal("no sentence holds two claims: the test tries nothing")
	}
	t.Logf("%d claims share the quote of the claim before", shared)
}
