package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck-tools/compare/facts"
)

// quantities judges a group of counts of one thing (members at a place, people who
// set themselves on fire in one year). Two counts are compared only when they are
// about the same time: their dates intersect and neither is open-ended ("by 2018"
// counts everything up to then). Compared counts agree when their ranges overlap
// once approximate wording ("about 3,000") is stretched by the corpus tolerance.
//
// A disagreement is hard when both counts are plain numbers from the same
// claimant for the same stretch of time; it is soft when either is approximate or
// vague, when they come from different claimants, or when one is for a year and the
// other for a decade.
func (j *judge) quantities(key string, group []*facts.Claim) {
	tol := j.corpus.Tolerance
	// Only counts about the same time are compared (sameTimePairs); those disagree
	// whose ranges miss.
	s := splitGroupBy(j, group, countKey, countOf, sameTimePairs, func(a, b *count) bool { return !a.q.Overlaps(b.q, tol) })
	title := group[0].Title()
	if s.empty() {
		// The counts agree; those compared with another (about the same time) are
		// the agreement.
		compared := map[*bucket]bool{}
		sums := make([]count, len(s.buckets))
		for i, a := range s.buckets {
			sums[i] = countOf(s.first(a))
			if len(a.at) > 1 && sameTime(s.first(a), s.first(a)) {
				compared[a] = true
			}
		}
		for _, p := range sameTimePairs(sums) {
			compared[s.buckets[p[0]]], compared[s.buckets[p[1]]] = true, true
		}
		var agreeing []*facts.Claim
		for i, c := range group {
			if compared[s.of[i]] {
				agreeing = append(agreeing, c)
			}
		}
		if len(agreeing) > 1 {
			best := agreeing[0]
			for _, c := range agreeing[1:] {
				if width(qty(c)) < width(qty(best)) {
					best = c
				}
			}
			j.agree(key, title, agreeing, best.Value)
		}
		return
	}
	// Counts disagree about one time and another: 1970's with 1970's, the 1990s'
	// with 1995's. Each stretch of time whose counts disagree with each other,
	// directly or through others, is a question of its own, a conflict keyed by
	// the question and its years ("…|members@1970", "…|members@1970/1979");
	// when the disagreements all hang together, the conflict is the question's,
	// as it was before there were stretches (reviews of either still apply:
	// ApplyReviews). An event's counts are its own already: the event is in the
	// key.
	parts := []*split{s}
	if group[0].Predicate != facts.EventCount {
		parts = s.components()
	}
	used := map[string]int{}
	for _, part := range parts {
		key, title, when := key, title, ""
		if len(parts) > 1 {
			stretch := ""
			switch from, to := yearsOf(part.claims()); {
			case from > to: // counts with no time, which disagree only with each other
				stretch, when = "undated", " at no stated time"
			case from == to:
				stretch, when = strconv.Itoa(from), " in "+strconv.Itoa(from)
			default:
				stretch, when = fmt.Sprintf("%d/%d", from, to), fmt.Sprintf(" from %d to %d", from, to)
			}
			// Two stretches over the same years whose counts disagree only
			// among themselves are told apart by their order.
			if used[stretch]++; used[stretch] > 1 {
				stretch += "#" + strconv.Itoa(used[stretch])
			}
			key, title = key+"@"+stretch, title+when
		}
		j.countConflict(key, title, when, part)
	}
}

// countConflict records the conflict of a split of counts: hard when two plain
// counts from one claimant, for the same stretch of time, miss. For an event the
// date names the event; for a membership it is when the count was true, and a
// year against a decade may be two moments. when is the stretch of time in words
// (" in 1970"), or "" for the whole question.
func (j *judge) countConflict(key, title, when string, s *split) {
	class := Soft
	if anyPair(s, func(c *facts.Claim) string { return c.Claimant }, func(a, b *facts.Claim) bool {
		samePrecision := a.Predicate == facts.EventCount || a.When.Outer().Precision() == b.When.Outer().Precision()
		return plain(qty(a)) && plain(qty(b)) && a.Claimant == b.Claimant && samePrecision
	}) {
		class = Hard
	}
	c := j.newConflict(key, title, s.claims(), class)
	c.IntraSource = s.intraSource()
	c.Sides = s.sides()
	c.Explanation = j.explainQuantities(c, s, when)
}

// yearsOf is the first and last year the times of counts cover.
func yearsOf(claims []*facts.Claim) (from, to int) {
	from, to = math.MaxInt, math.MinInt
	for _, c := range claims {
		if c.When == nil {
			continue
		}
		o := c.When.Outer()
		if !o.Lo.IsZero() {
			from, to = min(from, o.Lo.Y), max(to, o.Lo.Y)
		}
		if !o.Hi.IsZero() {
			from, to = min(from, o.Hi.Y), max(to, o.Hi.Y)
		}
	}
	return from, to
}

// countKey buckets counts by value and by the time they are for.
func countKey(c *facts.Claim) [2]string { return [2]string{c.ValueString(), c.Normalized()} }

func qty(c *facts.Claim) facts.Quantity { return c.Value.(facts.Quantity) }

func width(q facts.Quantity) float64 { return q.Max - q.Min }

// plain reports whether a count is a plain number: not approximate, not a range or
// a bound.
func plain(q facts.Quantity) bool { return !q.Approx && q.Min == q.Max }

// sameTime reports whether two counts are about the same time.
// count is what comparing a claim's count with others needs, made once.
type count struct {
	q        facts.Quantity
	untimed  bool // no time given
	open     bool // an open-ended time ("by 2018")
	from, to int  // the days of the time (facts.Date.Days)
}

func countOf(c *facts.Claim) count {
	x := count{q: qty(c), untimed: c.When == nil}
	if c.When != nil {
		o := c.When.Outer()
		x.open = o.Precision() == facts.PrecisionOpen
		x.from, x.to = o.Days()
	}
	return x
}

// sameTime is sameTime of the claims the counts were made from.
func (a *count) sameTime(b *count) bool {
	if a.untimed || b.untimed {
		return a.untimed && b.untimed
	}
	return !a.open && !b.open && a.from <= b.to && b.from <= a.to
}

// sameTimePairs lists the pairs of counts about the same time (sameTime), each
// as its two places in counts, in the order of a loop over every two. Counts
// with no time pair with each other; open-ended ones with none; the others are
// taken in the order of their first days, each paired with those that begin
// before it ends: a question with counts for hundreds of years costs the pairs
// within each time, not the pairs of every two counts.
func sameTimePairs(counts []count) [][2]int32 {
	var out [][2]int32
	var untimed, timed []int32
	for i := range counts {
		switch c := &counts[i]; {
		case c.untimed:
			untimed = append(untimed, int32(i))
		case !c.open:
			timed = append(timed, int32(i))
		}
	}
	for x, a := range untimed {
		for _, b := range untimed[x+1:] {
			out = append(out, [2]int32{a, b})
		}
	}
	slices.SortStableFunc(timed, func(a, b int32) int { return cmp.Compare(counts[a].from, counts[b].from) })
	for x, a := range timed {
		for _, b := range timed[x+1:] {
			if counts[b].from > counts[a].to {
				break // and so do all after it
			}
			if counts[a].sameTime(&counts[b]) { // they do: a begins first, b before a ends
				out = append(out, [2]int32{min(a, b), max(a, b)})
			}
		}
	}
	slices.SortFunc(out, func(p, q [2]int32) int {
		if c := cmp.Compare(p[0], q[0]); c != 0 {
			return c
		}
		return cmp.Compare(p[1], q[1])
	})
	return out
}

func sameTime(a, b *facts.Claim) bool {
	if a.When == nil || b.When == nil {
		return a.When == nil && b.When == nil
	}
	oa, ob := a.When.Outer(), b.When.Outer()
	if oa.Precision() == facts.PrecisionOpen || ob.Precision() == facts.PrecisionOpen {
		return false
	}
	return oa.Intersects(ob)
}

// splitByTime splits a count that several sources state for several times into
// one cluster per time: "2,900 for 1970, 1984 and 1992 in A, B, C and 178 more
// sources" does not say which source gives which year. One source's count for
// two years stays one ("3,000 for 2003 and 2004 in START (lines 72, 73)"); event
// counts are named without their times.
func splitByTime(cs []cluster) []cluster {
	var out []cluster
	for _, cl := range cs {
		first := cl.claims[0]
		sources, times := false, false
		for _, x := range cl.claims[1:] {
			sources = sources || x.Source != first.Source
			times = times || timeWords(x) != timeWords(first)
		}
		if first.Predicate == facts.EventCount || !sources || !times {
			out = append(out, cl)
			continue
		}
		out = append(out, clustersBy(cl.claims, timeWords)...)
	}
	return out
}

// timeWords is the time a count is for, in words; "" for none.
func timeWords(c *facts.Claim) string {
	if c.When == nil {
		return ""
	}
	return c.When.Outer().Human()
}

// explainQuantities explains a conflict of counts; stretch is its stretch of time
// in words (" in 1970", " from 1970 to 1979"), or "" when it is the whole question.
// Within a stretch of one year the counts are not each said to be for it again.
func (j *judge) explainQuantities(c *Conflict, s *split, stretch string) string {
	var b strings.Builder
	var parts []string
	cs := splitByTime(clusters(c.Claims))
	for _, cl := range cs {
		when := ""
		var times distinct
		for _, x := range cl.claims {
			if x.When != nil && x.Predicate != facts.EventCount {
				times.add(x.When.Outer().Human())
			}
		}
		if len(times.list) > 0 && !(len(times.list) == 1 && stretch == " in "+times.list[0]) {
			when = " for " + joinCapped(times.list, "time")
		}
		parts = append(parts, fmt.Sprintf("%s%s in %s", facts.Human(cl.value), when, j.refs(cl.claims)))
	}
	fmt.Fprintf(&b, "Sources disagree on %s%s: %s.", j.countPhrase(c), stretch, joinValues(parts, sizes(cs)))
	contradictsItself(&b, j.selfContradictions(s))
	// By how much the farthest pair misses, after the tolerance.
	tol := j.corpus.Tolerance
	var gap, frac float64
	for _, p := range s.pairs {
		if g, f := qty(s.first(p[0])).Miss(qty(s.first(p[1])), tol); g > gap {
			gap, frac = g, f
		}
	}
	fmt.Fprintf(&b, " The counts miss by %s (%d%% of the larger)", grouped(gap), int(math.Round(frac*100)))
	if anyApprox(s) {
		fmt.Fprintf(&b, ", even with %d%% allowed for approximate wording", int(math.Round(tol*100)))
	}
	b.WriteString(".")
	if c.Class == Soft {
		var why distinct
		for _, bp := range s.pairs {
			p := [2]*facts.Claim{s.first(bp[0]), s.first(bp[1])}
			pa, pb := p[0].When.Outer().Precision(), p[1].When.Outer().Precision()
			if pa != pb && p[0].Predicate != facts.EventCount {
				if pa > pb {
					pa, pb = pb, pa
				}
				why.add(fmt.Sprintf("one count is for a %s and the other for a %s, so they may describe different moments", pa, pb))
			}
			if !plain(qty(p[0])) || !plain(qty(p[1])) {
				why.add("a count is approximate or a range")
			}
		}
		if len(why.list) > 0 {
			b.WriteString(" The disagreement may be softer than it looks: " + joinAnd(why.list) + ".")
		}
		if who := j.claimants(s); who != "" {
			b.WriteString(" " + who)
		}
	} else if len(cs) > 2 {
		b.WriteString(" They cannot all be right.")
	} else {
		b.WriteString(" Both cannot be right.")
	}
	return b.String()
}

func anyApprox(s *split) bool {
	for _, p := range s.pairs {
		if qty(s.first(p[0])).Approx || qty(s.first(p[1])).Approx {
			return true
		}
	}
	return false
}

// countPhrase names what is counted: "how many members MEK had", "how many people
// set themselves on fire in 2003".
func (j *judge) countPhrase(c *Conflict) string {
	switch c.Predicate {
	case facts.EventCount:
		return "how many " + facts.EventTitle(c.Scope)
	case facts.Members:
		if c.Scope != "" {
			return "how many members " + c.Subject.Name + " had " + atPlace(c.Scope)
		}
		return "how many members " + c.Subject.Name + " had"
	case facts.MembersMoved:
		return "how many members of " + c.Subject.Name + " moved to " + c.Scope
	}
	return strings.ToLower(c.Title)
}

func grouped(f float64) string {
	return facts.Quantity{Min: math.Round(f), Max: math.Round(f)}.Human()
}

// atPlace says "in Estonia" for a country and "at Camp Nordlys" for a place in one.
func atPlace(name string) string {
	if facts.CountryNamed(name) == name {
		return "in " + facts.WithArticle(name)
	}
	return "at " + name
}
