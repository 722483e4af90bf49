package main

import (
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
