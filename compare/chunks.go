package compare

import (
	"runtime"
	"sync"
)

// minChunk is the fewest claims worth a core of their own.
const minChunk = 4096

// runsFor is how many runs inChunks cuts n items into: about one per core.
func runsFor(n int) int { return min(runtime.GOMAXPROCS(0), n/minChunk+1) }

// inChunks cuts n items into runs, in order, and calls fn on every run at once:
// fn(k, lo, hi) handles items lo to hi-1 of run k. The caller puts the runs'
// results together in order, so that the passes over every claim that judging
// makes before it can group them give the same result on any number of cores.
func inChunks(n, runs int, fn func(k, lo, hi int)) { inRanges(chunkBounds(n, runs), fn) }

// chunkBounds is where inChunks cuts n items into runs: run k is items
// bounds[k] to bounds[k+1]-1.
func chunkBounds(n, runs int) []int {
	bounds := make([]int, runs+1)
	for k := range bounds {
		bounds[k] = n * k / runs
	}
	return bounds
}

// inRanges calls fn on every run the bounds give, at once.
func inRanges(bounds []int, fn func(k, lo, hi int)) {
	var wg sync.WaitGroup
	for k := range len(bounds) - 1 {
		wg.Go(func() { fn(k, bounds[k], bounds[k+1]) })
	}
	wg.Wait()
}
