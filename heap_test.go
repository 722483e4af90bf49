package main

import (
	"io"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
)

// TestHeapReservedWhileReading: once sixteen sources are read, the heap is
// reserved for the text they foretell (their bytes over their number, times the
// sources), once; every call still reaches the progress bars.
func TestHeapReservedWhileReading(t *testing.T) {
	defer func(advise bool, reserve func(int64)) { adviseHeap, reserveText = advise, reserve }(adviseHeap, reserveText)
	defer func() { heapSized = sync.Once{} }()
	var reserved []int64
	adviseHeap, reserveText, heapSized = true, func(text int64) { reserved = append(reserved, text) }, sync.Once{}
	calls := 0
	progress := reserveHeapWhileReading(func(string, int, int, int64) { calls++ })
	for done := 1; done <= 40; done++ {
		progress("reading", done, 1000, int64(done)*50_000)
	}
	for done := 1; done <= 1000; done++ {
		progress("extracting", done, 1000, int64(done)*50_000)
	}
	if len(reserved) != 1 || reserved[0] != 50_000_000 {
		t.Errorf("reserved %v, want once for 50,000,000 bytes of text", reserved)
	}
	if calls != 1040 {
		t.Errorf("the progress bars were called %d times, want 1040", calls)
	}
	// A corpus of fewer sources is reckoned from all of them.
	reserved, heapSized = nil, sync.Once{}
	for done := 1; done <= 3; done++ {
		reserveHeapWhileReading(nil)("reading", done, 3, int64(done)*7_000_000)
	}
	if len(reserved) != 1 || reserved[0] != 21_000_000 {
		t.Errorf("reserved %v, want once for 21,000,000 bytes of text", reserved)
	}
	// Not advised: the callback is the progress bars' own.
	adviseHeap = false
	if reserveHeapWhileReading(nil) != nil {
		t.Error("not advised, yet a callback was made")
	}
}

// TestBatchCommandsRunUnderTheBudget: a batch command advised as main advises
// raises GOGC while it runs (collector.Budget) and gives it back; not advised,
// as tests calling run are, it leaves the collector alone.
func TestBatchCommandsRunUnderTheBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	defer func(advise bool) { adviseHeap = advise }(adviseHeap)
	for _, advise := range []bool{false, true} {
		adviseHeap = advise
		end := budgetHeap()
		during := gogcNow()
		end()
		if raised := during > 100; raised != advise {
			t.Errorf("advised %v: GOGC %d during a batch command", advise, during)
		}
		if got := gogcNow(); got != 100 {
			t.Errorf("advised %v: GOGC %d after the command, want 100 as before", advise, got)
		}
	}
	// The whole command, as run calls it: GOGC is read as it writes the report.
	defer func(reserve func(int64)) { reserveText = reserve }(reserveText)
	adviseHeap, reserveText = true, func(int64) {}
	heapStarted.Do(func() {}) // no reservation made for the test
	w := &gogcWriter{}
	if code := run([]string{"report", "--format", "json"}, nil, w, io.Discard); code != 0 {
		t.Fatalf("report: exit %d", code)
	}
	if w.writes == 0 || w.min <= 100 {
		t.Errorf("GOGC %d at least while report wrote (%d writes), want it raised", w.min, w.writes)
	}
	if got := gogcNow(); got != 100 {
		t.Errorf("GOGC %d after a report, want 100 as before", got)
	}
}

// gogcWriter notes the least GOGC in force at its writes.
type gogcWriter struct{ writes, min int }

func (w *gogcWriter) Write(p []byte) (int, error) {
	if g := gogcNow(); w.writes == 0 || g < w.min {
		w.min = g
	}
	w.writes++
	return len(p), nil
}

func gogcNow() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(int64(s[0].Value.Uint64()))
}
