package facts

import (
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
