package facts

import (
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
)

// TestPauseGCNests: decodings that overlap (compare serve loads a corpus for each
// request) keep the collector off while any runs, and the last to end gives back
// the setting there was before the first, however they interleave.
func TestPauseGCNests(t *testing.T) {
	before := debug.SetGCPercent(123)
	defer debug.SetGCPercent(before)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				resume := pauseGC()
				if got := debug.SetGCPercent(-1); got != -1 {
					t.Errorf("the collector is at %d during a decoding, want off", got)
				}
				resume()
			}
		})
	}
	wg.Wait()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("after the decodings the collector is at %d, want 123 as before", got)
	}
}

// TestCompileRulesGivesTheCollectorBack: compiling the rules keeps the collector
// off (what it allocates is mostly kept, and collecting while the compiled
// programs pile up scanned them again and again), and gives the setting back,
// whether the rules compile or not.
func TestCompileRulesGivesTheCollectorBack(t *testing.T) {
	before := debug.SetGCPercent(123)
	defer debug.SetGCPercent(before)
	p := &Profile{}
	p.complete()
	for _, data := range [][]byte{DefaultRules, []byte("rules:\n  - name: x\n    kind: pattern\n    predicates: [founded]\n    pattern: '(unclosed'\n")} {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		cycles := ms.NumGC
		rs, err := CompileRules(p, RuleFile{"default.yaml", data})
		if (rs == nil) == (err == nil) {
			t.Fatalf("CompileRules gave %v and %v", rs, err)
		}
		runtime.ReadMemStats(&ms)
		if ms.NumGC != cycles {
			t.Errorf("the collector ran %d times while the rules compiled (error %v)", ms.NumGC-cycles, err)
		}
		if got := debug.SetGCPercent(123); got != 123 {
			t.Errorf("after compiling rules (error %v) the collector is at %d, want 123 as before", err, got)
		}
	}
}
