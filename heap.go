package main

import (
	"sync"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/hugeheap"
)

var heapReserved sync.Once

// reserveHeap has the memory a run is about to fill backed by huge pages
// (package hugeheap), once a process, when its sources are large enough to need
// more than main reserved: a run's peak heap on the generated corpora is about
// 64 MB and a quarter more than the sources' text (95 MB for 51 MB of text,
// 662 MB for 518 MB; a warm check less). Only address space is asked for.
func reserveHeap(c *facts.Corpus) {
	heapReserved.Do(func() {
		var text int64
		for _, s := range c.Sources {
			text += s.Size
		}
		if text >= 16<<20 {
			hugeheap.Reserve(64<<20 + int(text+text/4))
		}
	})
}
