package compare

import (
	"slices"
	"sort"

	"github.com/factcheck-tools/compare/facts"
)

// Dates disagree when their days do not meet, and a question with thousands of
// distinct dates has millions of pairs that do not: listing them (as splitGroup
// does) took 3.9 s and 889 MB for 5,000 founding dates in one source. A split of
// dates lists none. Who disagrees with whom is read from the dates' days instead:
// a date meets no other of a set when it ends before the latest start of the
// others or starts after their earliest end, so the two latest starts and the
// two earliest ends of a set answer it for every date of the set.

// daySpan is a date's first and last day (facts.Date.Days).
type daySpan struct{ lo, hi int }

// splitDates buckets a group of dates by value, as splitGroup does with dates
// that disagree when they do not intersect, without listing the pairs.
func splitDates(j *judge, group []*facts.Claim) *split {
	s := bucketed(j, group, valueKey)
	s.spans = make([]daySpan, len(s.buckets))
	all := newExtremes()
	for i, b := range s.buckets {
		lo, hi := date(s.first(b)).Days()
		s.spans[i] = daySpan{lo, hi}
		all.add(s.spans, i)
	}
	s.all = all
	return s
}

// extremes are the places of the two latest starts and the two earliest ends of
// a set of spans (-1 where the set has fewer).
type extremes struct {
	late, early [2]int
}

func newExtremes() extremes { return extremes{late: [2]int{-1, -1}, early: [2]int{-1, -1}} }

// add puts the span at place p into the set.
func (x *extremes) add(spans []daySpan, p int) {
	switch {
	case x.late[0] < 0 || spans[p].lo > spans[x.late[0]].lo:
		x.late[1], x.late[0] = x.late[0], p
	case x.late[1] < 0 || spans[p].lo > spans[x.late[1]].lo:
		x.late[1] = p
	}
	switch {
	case x.early[0] < 0 || spans[p].hi < spans[x.early[0]].hi:
		x.early[1], x.early[0] = x.early[0], p
	case x.early[1] < 0 || spans[p].hi < spans[x.early[1]].hi:
		x.early[1] = p
	}
}

// apart reports whether the span at place p, one of the set, meets no other span
// of the set.
func (x *extremes) apart(spans []daySpan, p int) bool {
	late, early := x.late[0], x.early[0]
	if late == p {
		late = x.late[1]
	}
	if early == p {
		early = x.early[1]
	}
	return late >= 0 && spans[p].hi < spans[late].lo || early >= 0 && spans[p].lo > spans[early].hi
}

// any reports whether two spans of the set do not meet.
func (x *extremes) any(spans []daySpan) bool {
	return x.late[0] >= 0 && spans[x.early[0]].hi < spans[x.late[0]].lo
}

// firstApart is selfContradictions' first for a split of dates: the least place
// in the group of the first claims of l's buckets whose dates meet no other of
// l's, or -1.
func (s *split) firstApart(l []held) int {
	x := newExtremes()
	for _, h := range l {
		x.add(s.spans, h.b.n)
	}
	f := -1
	for _, h := range l {
		if x.apart(s.spans, h.b.n) && (f < 0 || h.at < f) {
			f = h.at
		}
	}
	return f
}

// anyApartOfOneClaimant reports whether two claims of one claimant that satisfy
// ok give dates that do not meet: anyPair's question, for a split of dates.
func (s *split) anyApartOfOneClaimant(ok func(*facts.Claim) bool) bool {
	by := map[string]*extremes{}
	var spans []daySpan
	for _, c := range s.group {
		if !ok(c) {
			continue
		}
		x := by[c.Claimant]
		if x == nil {
			e := newExtremes()
			x = &e
			by[c.Claimant] = x
		}
		lo, hi := date(c).Days()
		spans = append(spans, daySpan{lo, hi})
		x.add(spans, len(spans)-1)
	}
	for _, x := range by {
		if x.any(spans) {
			return true
		}
	}
	return false
}

// otherClaimants is withOtherClaimant for a split of dates: the dates a date
// meets none of are those that end before it starts and those that start after
// it ends, and among each lot the first two claimants are enough to say whether
// one is not the claim's own.
func (s *split) otherClaimants() []*facts.Claim {
	type two struct {
		who [2]string
		n   int
	}
	addTo := func(t *two, claimant string) {
		if t.n == 0 || t.n == 1 && t.who[0] != claimant {
			t.who[t.n] = claimant
			t.n++
		}
	}
	// The buckets by end; before[k]: the claimants of the first k of them.
	byEnd := make([]int, len(s.buckets))
	byStart := make([]int, len(s.buckets))
	for i := range s.buckets {
		byEnd[i], byStart[i] = i, i
	}
	slices.SortStableFunc(byEnd, func(a, b int) int { return s.spans[a].hi - s.spans[b].hi })
	slices.SortStableFunc(byStart, func(a, b int) int { return s.spans[a].lo - s.spans[b].lo })
	before := make([]two, len(byEnd)+1)
	for k, p := range byEnd {
		before[k+1] = before[k]
		for _, at := range s.buckets[p].at {
			addTo(&before[k+1], s.group[at].Claimant)
		}
	}
	after := make([]two, len(byStart)+1) // after[k]: the claimants of byStart[k:]
	for k := len(byStart) - 1; k >= 0; k-- {
		after[k] = after[k+1]
		for _, at := range s.buckets[byStart[k]].at {
			addTo(&after[k], s.group[at].Claimant)
		}
	}
	other := func(t two, claimant string) bool { return t.n > 1 || t.n == 1 && t.who[0] != claimant }
	var out []*facts.Claim
	for i, c := range s.group {
		sp := s.spans[s.of[i].n]
		ended := sort.Search(len(byEnd), func(k int) bool { return s.spans[byEnd[k]].hi >= sp.lo })
		starts := sort.Search(len(byStart), func(k int) bool { return s.spans[byStart[k]].lo > sp.hi })
		if other(before[ended], c.Claimant) || other(after[starts], c.Claimant) {
			out = append(out, c)
		}
	}
	return out
}
