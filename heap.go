package main

import (
	"sync"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/hugeheap"
)

// adviseHeap is set by main: backing the heap with huge pages is a choice for the
// whole process, which tests calling run leave alone.
var adviseHeap bool

var heapStarted, heapSized sync.Once

// reserveHeapToLoad has the heap's next 64 MB backed by huge pages (package
// hugeheap), once a process and when main asked for it: reading the manifest and
// the sources and compiling the rules fill most of them.
func reserveHeapToLoad() {
	if adviseHeap {
		heapStarted.Do(func() { hugeheap.Reserve(64 << 20) })
	}
}

// reserveHeapFor does the same for what the corpus c will fill, once its sources'
// sizes are known, if they are large enough to need more: a run's peak heap on the
// generated corpora is about 64 MB and a quarter more than the sources' text (95
// MB for 51 MB of text, 662 MB for 518 MB; a warm check less). Only address space
// is asked for.
func reserveHeapFor(c *facts.Corpus) {
	if !adviseHeap {
		return
	}
	heapSized.Do(func() {
		var text int64
		for _, s := range c.Sources {
			text += s.Size
		}
		if text >= 16<<20 {
			hugeheap.Reserve(64<<20 + int(text+text/4))
		}
	})
}
