package pick

import (
	"fmt"
	"testing"
)

func TestHeaviest(t *testing.T) {
	w := []int{1, 9, 1, 2, 1, 1, 1, 3}
	weight := func(i int) int { return w[i] }
	for _, tc := range []struct {
		n          int
		kept, left string
	}{
		{6, "[0 1 2 3 4 7]", "[5 6]"}, // 9, 3, 2, then the first of the 1s
		{2, "[1 7]", "[0 2 3 4 5 6]"},
		{8, "[0 1 2 3 4 5 6 7]", "[]"},
		{20, "[0 1 2 3 4 5 6 7]", "[]"},
	} {
		kept, left := Heaviest(len(w), tc.n, weight)
		if fmt.Sprint(kept) != tc.kept || fmt.Sprint(left) != tc.left {
			t.Errorf("n=%d: kept %v, left %v; want %s and %s", tc.n, kept, left, tc.kept, tc.left)
		}
	}
}
