package par

import (
	"slices"
	"sync/atomic"
	"testing"
)

// TestEachCallsEveryItemOnce: every item is handed to exactly one call, on one
// worker or many, for no items, fewer items than workers, and many.
func TestEachCallsEveryItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		for _, workers := range []int{0, 1, 4} {
			calls := make([]atomic.Int32, n)
			Each(n, workers, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("n %d, workers %d: item %d called %d times", n, workers, i, c)
				}
			}
		}
	}
}

// TestRangesCoverTheBounds: the stretches Bounds gives cover every item once, in
// order, and Ranges hands each to one call.
func TestRangesCoverTheBounds(t *testing.T) {
	for _, tc := range []struct{ n, runs int }{{0, 1}, {1, 3}, {10, 3}, {10000, 4}} {
		bounds := Bounds(tc.n, tc.runs)
		if len(bounds) != tc.runs+1 || bounds[0] != 0 || bounds[tc.runs] != tc.n || !slices.IsSorted(bounds) {
			t.Fatalf("Bounds(%d, %d) = %v", tc.n, tc.runs, bounds)
		}
		seen := make([]atomic.Int32, tc.n)
		Ranges(bounds, func(k, lo, hi int) {
			if lo != bounds[k] || hi != bounds[k+1] {
				t.Errorf("stretch %d: %d..%d, want %d..%d", k, lo, hi, bounds[k], bounds[k+1])
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("n %d, runs %d: item %d seen %d times", tc.n, tc.runs, i, seen[i].Load())
			}
		}
	}
}
