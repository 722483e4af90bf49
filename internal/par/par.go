// Package par runs independent pieces of work on several cores. Each piece
// writes its result into a place of its own, so that the results come out in
// order whatever the scheduling.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for i from 0 to n-1 on workers goroutines (0: one per core).
// Each worker takes the next item itself: handing thousands of small items over
// a channel costs more than the items.
func Each(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(1, n)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Bounds cuts n items into runs stretches of about the same length: stretch k is
// items bounds[k] to bounds[k+1]-1.
func Bounds(n, runs int) []int {
	bounds := make([]int, runs+1)
	for k := range bounds {
		bounds[k] = n * k / runs
	}
	return bounds
}

// Ranges calls fn(k, lo, hi) for every stretch the bounds give, all at once.
func Ranges(bounds []int, fn func(k, lo, hi int)) {
	var wg sync.WaitGroup
	for k := range len(bounds) - 1 {
		wg.Go(func() { fn(k, bounds[k], bounds[k+1]) })
	}
	wg.Wait()
}
