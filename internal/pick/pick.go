// Package pick chooses which few of many things a report names: at newsroom
// scale a conflict has dozens of values and a timeline thousands of sources, and
// a reader is shown those that weigh most, in their own order, with the rest
// counted.
package pick

import (
	"slices"
	"sort"
)

// Heaviest splits the indexes 0 to count-1 into the n of the largest weight
// (ties go to the earlier) and the others, each in increasing order. With count
// at most n, all are kept.
func Heaviest(count, n int, weight func(i int) int) (kept, left []int) {
	order := make([]int, count)
	for i := range order {
		order[i] = i
	}
	if count <= n {
		return order, nil
	}
	sort.SliceStable(order, func(a, b int) bool { return weight(order[a]) > weight(order[b]) })
	kept, left = order[:n:n], order[n:]
	slices.Sort(kept)
	slices.Sort(left)
	return kept, left
}
