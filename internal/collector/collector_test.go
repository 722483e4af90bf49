package collector

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// The tests change the process's collector: none runs in parallel.

func gogc() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(int64(s[0].Value.Uint64()))
}

func cycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// setOwn sets GOGC for the test and gives the one before back after it.
func setOwn(t *testing.T, percent int) {
	t.Helper()
	t.Setenv("GOGC", "") // Budget keeps a GOGC the user set: none here
	before := debug.SetGCPercent(percent)
	t.Cleanup(func() { debug.SetGCPercent(before) })
}

// sink keeps what the tests allocate from being optimized away.
var sink [][]byte

// garbage allocates n bytes a megabyte at a time, keeping none.
func garbage(n int) {
	for range n >> 20 {
		sink = append(sink[:0], make([]byte, 1<<20))
	}
	sink = nil
}

// TestPauseNests: pauses that overlap keep the collector off while any runs,
// and the last to end gives back the setting there was before the first.
func TestPauseNests(t *testing.T) {
	setOwn(t, 123)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				resume := Pause()
				if got := gogc(); got != -1 {
					t.Errorf("GOGC %d during a pause, want off (-1)", got)
				}
				resume()
			}
		})
	}
	wg.Wait()
	if got := gogc(); got != 123 {
		t.Errorf("GOGC %d after the pauses, want 123 as before", got)
	}
}

// TestBudgetCollectsNothingUnderIt: while a budget of 256 MB holds, 64 MB of
// garbage set off no cycle, which they would at GOGC 100 on a heap of a few
// megabytes; the setting comes back when it ends.
func TestBudgetCollectsNothingUnderIt(t *testing.T) {
	setOwn(t, 100)
	runtime.GC()
	before := cycles()
	garbage(64 << 20)
	if cycles() == before {
		t.Fatal("64 MB of garbage set off no cycle at GOGC 100: the test proves nothing")
	}
	runtime.GC()
	end := Budget(256 << 20)
	if got := gogc(); got <= 100 {
		t.Errorf("GOGC %d under a budget, want it raised", got)
	}
	before = cycles()
	garbage(64 << 20)
	if n := cycles() - before; n != 0 {
		t.Errorf("64 MB of garbage under a 256 MB budget set off %d cycles, want none", n)
	}
	end()
	if got := gogc(); got != 100 {
		t.Errorf("GOGC %d once the budget ended, want 100 as before", got)
	}
}

// TestBudgetOutgrown: a heap whose live part outgrows half the budget has the
// collector pace itself as before (GOGC 100), found after the cycle that sees it.
func TestBudgetOutgrown(t *testing.T) {
	setOwn(t, 100)
	runtime.GC()
	end := Budget(16 << 20)
	defer end()
	if got := gogc(); got <= 100 {
		t.Fatalf("GOGC %d under a budget, want it raised", got)
	}
	live := make([][]byte, 32)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	deadline := time.Now().Add(10 * time.Second)
	for gogc() != 100 && time.Now().Before(deadline) {
		runtime.GC() // the watch runs after a cycle, as a finalizer
		time.Sleep(10 * time.Millisecond)
	}
	if got := gogc(); got != 100 {
		t.Errorf("GOGC %d with 32 MB live under a 16 MB budget, want 100: the collector's own pace", got)
	}
	runtime.KeepAlive(live)
}

// TestBudgetAndPause: a pause within a budget turns the collector off, and the
// budget's setting comes back after it; the user's own after both.
func TestBudgetAndPause(t *testing.T) {
	setOwn(t, 100)
	runtime.GC()
	end := Budget(256 << 20)
	raised := gogc()
	resume := Pause()
	if got := gogc(); got != -1 {
		t.Errorf("GOGC %d in a pause within a budget, want off (-1)", got)
	}
	resume()
	if got := gogc(); got != raised {
		t.Errorf("GOGC %d after the pause, want the budget's %d", got, raised)
	}
	end()
	if got := gogc(); got != 100 {
		t.Errorf("GOGC %d after both, want 100", got)
	}
}

// TestBudgetKeepsTheUsersChoice: with GOGC set in the environment, or the
// collector off, a budget changes nothing.
func TestBudgetKeepsTheUsersChoice(t *testing.T) {
	setOwn(t, 150)
	t.Setenv("GOGC", "150")
	Budget(256 << 20)()
	end := Budget(256 << 20)
	if got := gogc(); got != 150 {
		t.Errorf("GOGC %d under a budget with GOGC=150 set, want 150", got)
	}
	end()
	t.Setenv("GOGC", "")
	debug.SetGCPercent(-1)
	end = Budget(256 << 20)
	if got := gogc(); got != -1 {
		t.Errorf("GOGC %d under a budget with the collector off, want off", got)
	}
	end()
}

// TestPercentFor: the goal is live and GOGC percent of it, reckoned from 4 MB at
// least, and GOGC never goes below the user's own.
func TestPercentFor(t *testing.T) {
	for _, tc := range []struct {
		target, live int64
		own, want    int
	}{
		{128 << 20, 16 << 20, 100, 700},
		{128 << 20, 1 << 20, 100, 3100}, // reckoned from 4 MB
		{128 << 20, 100 << 20, 100, 100},
		{128 << 20, 16 << 20, 1000, 1000},
	} {
		if got := percentFor(tc.target, tc.live, tc.own); got != tc.want {
			t.Errorf("percentFor(%d, %d, %d) = %d, want %d", tc.target, tc.live, tc.own, got, tc.want)
		}
	}
}
