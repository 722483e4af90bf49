package compare

import (
	"fmt"
	"math"
	"sort"
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
	var split [][2]*facts.Claim
	compared := map[*facts.Claim]bool{}
	for a := 0; a < len(group); a++ {
		for b := a + 1; b < len(group); b++ {
			x, y := group[a], group[b]
			if !sameTime(x, y) {
				continue
			}
			compared[x], compared[y] = true, true
			if !qty(x).Overlaps(qty(y), tol) {
				split = append(split, [2]*facts.Claim{x, y})
			}
		}
	}
	title := group[0].Title()
	if len(split) == 0 {
		var agreeing []*facts.Claim
		for _, c := range group {
			if compared[c] {
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
	var claims []*facts.Claim
	seen := map[*facts.Claim]bool{}
	for _, p := range split {
		for _, c := range p {
			if !seen[c] {
				seen[c] = true
				claims = append(claims, c)
			}
		}
	}
	sort.SliceStable(claims, func(a, b int) bool { return j.less(claims[a], claims[b]) })
	class := Soft
	for _, p := range split {
		// For an event the date names the event; for a membership it is when the
		// count was true, and a year against a decade may be two moments.
		samePrecision := p[0].Predicate == facts.EventCount || p[0].When.Outer().Precision() == p[1].When.Outer().Precision()
		if plain(qty(p[0])) && plain(qty(p[1])) && p[0].Claimant == p[1].Claimant && samePrecision {
			class = Hard
		}
	}
	c := j.newConflict(key, title, claims, class)
	c.IntraSource = intraSource(split)
	c.Sides = sides(claims, split)
	c.Explanation = j.explainQuantities(c, split)
}

func qty(c *facts.Claim) facts.Quantity { return c.Value.(facts.Quantity) }

func width(q facts.Quantity) float64 { return q.Max - q.Min }

// plain reports whether a count is a plain number: not approximate, not a range or
// a bound.
func plain(q facts.Quantity) bool { return !q.Approx && q.Min == q.Max }

// sameTime reports whether two counts are about the same time.
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

func (j *judge) explainQuantities(c *Conflict, split [][2]*facts.Claim) string {
	var b strings.Builder
	var parts []string
	for _, cl := range clusters(c.Claims) {
		when := ""
		var times []string
		for _, x := range cl.claims {
			if x.When != nil && x.Predicate != facts.EventCount {
				times = appendOnce(times, x.When.Outer().Human())
			}
		}
		if len(times) > 0 {
			when = " for " + joinAnd(times)
		}
		parts = append(parts, fmt.Sprintf("%s%s in %s", facts.Human(cl.value), when, j.refs(cl.claims)))
	}
	fmt.Fprintf(&b, "Sources disagree on %s: %s.", j.countPhrase(c), strings.Join(parts, "; "))
	for _, name := range j.selfContradictions(split) {
		fmt.Fprintf(&b, " %s contradicts itself.", capitalize(name))
	}
	// By how much the farthest pair misses, after the tolerance.
	tol := j.corpus.Tolerance
	var gap, frac float64
	for _, p := range split {
		if g, f := qty(p[0]).Miss(qty(p[1]), tol); g > gap {
			gap, frac = g, f
		}
	}
	fmt.Fprintf(&b, " The counts miss by %s (%d%% of the larger)", grouped(gap), int(math.Round(frac*100)))
	if anyApprox(split) {
		fmt.Fprintf(&b, ", even with %d%% allowed for approximate wording", int(math.Round(tol*100)))
	}
	b.WriteString(".")
	if c.Class == Soft {
		var why []string
		for _, p := range split {
			pa, pb := p[0].When.Outer().Precision(), p[1].When.Outer().Precision()
			if pa != pb && p[0].Predicate != facts.EventCount {
				if pa > pb {
					pa, pb = pb, pa
				}
				why = appendOnce(why, fmt.Sprintf("one count is for a %s and the other for a %s, so they may describe different moments", pa, pb))
			}
			if !plain(qty(p[0])) || !plain(qty(p[1])) {
				why = appendOnce(why, "a count is approximate or a range")
			}
		}
		if len(why) > 0 {
			b.WriteString(" The disagreement may be softer than it looks: " + joinAnd(why) + ".")
		}
		if who := j.claimants(split); who != "" {
			b.WriteString(" " + who)
		}
	} else {
		b.WriteString(" Both cannot be right.")
	}
	return b.String()
}

func anyApprox(split [][2]*facts.Claim) bool {
	for _, p := range split {
		if qty(p[0]).Approx || qty(p[1]).Approx {
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
