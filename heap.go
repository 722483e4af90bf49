package main

import (
	"sync"

	"github.com/factcheck-tools/compare/internal/collector"
	"github.com/factcheck-tools/compare/internal/hugeheap"
)

// adviseHeap is set by main: backing the heap with huge pages, and letting it
// grow by heapBudget before collecting, are choices for the whole process, which
// tests calling run leave alone.
var adviseHeap bool

// heapBudget is how far a batch command's heap grows before the collector's
// first cycle (collector.Budget): a run that stays under it (1,000 generated
// sources) is not collected at all, and one that outgrows it (10,000) keeps no
// more than it would have. Measured on 1,000 generated sources, "report --format
// json --no-cache", four runs each, alternated: on both cores 0.28-0.30 s
// against 0.31-0.33 s, on one worker 0.49-0.53 s against 0.50-0.55 s; peak
// memory 104-105 MB against 87-92 MB.
const heapBudget = 128 << 20

// budgetHeap is collector.Budget(heapBudget) when main advises the heap; it
// returns what ends it.
func budgetHeap() (end func()) {
	if !adviseHeap {
		return func() {}
	}
	return collector.Budget(heapBudget)
}

var heapStarted, heapSized sync.Once

// reserveHeapToLoad has the heap's next 64 MB backed by huge pages (package
// hugeheap), once a process and when main asked for it: reading the manifest and
// the sources and compiling the rules fill most of them.
func reserveHeapToLoad() {
	if adviseHeap {
		heapStarted.Do(func() { reserve(64 << 20) })
	}
}

// reserveHeapWhileReading returns the loading's progress callback, next (which may
// be nil) after a look at the sources read, or next itself when the heap is not
// advised. The claims are extracted while the sources are read, so the heap is
// filled before loading ends: once a few sources are read (or known by the
// cache, which reports them too), the text is reckoned from their size (the
// sources of a corpus are alike) and room made for it: 64 MB and a quarter more
// than the sources' text, what a run's peak heap on the generated corpora came
// to when it was sized (95 MB for 51 MB of text, 662 MB for 518 MB; since
// session 23, with the heap's budget and the claims kept where they are made,
// 103 and 492 MB; a warm check less). Only address space is asked for.
func reserveHeapWhileReading(next func(string, int, int, int64)) func(string, int, int, int64) {
	if !adviseHeap {
		return next
	}
	return func(phase string, done, total int, bytes int64) {
		if phase == "reading" && done == min(reckonAfter, total) {
			heapSized.Do(func() { reserveText(bytes * int64(total) / int64(done)) })
		}
		if next != nil {
			next(phase, done, total, bytes)
		}
	}
}

// reckonAfter is how many sources are read before the text is reckoned.
const reckonAfter = 16

// reserveText makes the room a corpus of text bytes needs, if it is large enough
// to need more than reserveHeapToLoad made; a variable, for the test.
var reserveText = func(text int64) {
	if text >= 16<<20 {
		reserve(64<<20 + int(text+text/4))
	}
}

// reserve is hugeheap.Reserve with the collector off: the reservation is a
// moment's garbage, which Reserve collects at once, and a cycle it set off
// while held would find it live, and end the heap's budget (budgetHeap) for a
// heap that seemed to have outgrown it.
func reserve(n int) {
	defer collector.Pause()()
	hugeheap.Reserve(n)
}
