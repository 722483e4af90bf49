package compare

import (
	"sort"

	"github.com/factcheck-tools/compare/facts"
)

// based judges home-base claims as a timeline, in two steps:
//
//  1. now: the claims that hold at the source's own date ("currently in",
//     "remain in", "1981-present") are compared by country. When the countries
//     differ and every older source's as-of date ends before the newer ones begin,
//     the older sources are stale (outdated, not wrong); when the as-of dates
//     overlap, or a source has none, the conflict is hard.
//  2. overlap: two claims that put the subject in different countries throughout
//     periods whose sure parts overlap conflict, hard. The shared boundary year of
//     "1979-1981: France" and "1981-present: Iraq" is not an overlap.
//
// When the subject arrived in or left a country is judged as a date (moved-to, left).
func (j *judge) based(group []*facts.Claim) {
	var now []*facts.Claim
	for _, c := range group {
		if c.When != nil && c.When.ToPresent {
			now = append(now, c)
		}
	}
	if len(now) > 0 {
		j.basedNow(now)
	}
	j.basedOverlap(group)
}

func (j *judge) basedNow(now []*facts.Claim) {
	key := now[0].Key() + "|present"
	title := "Where " + now[0].Subject.Name + " is based now"
	camps := map[string][]*facts.Claim{}
	var countries []string
	for _, c := range now {
		country := place(c).Country
		if _, ok := camps[country]; !ok {
			countries = append(countries, country)
		}
		camps[country] = append(camps[country], c)
	}
	if len(countries) == 1 {
		best := now[0]
		for _, c := range now {
			if place(c).Name != place(c).Country {
				best = c
			}
		}
		j.agree(key, title, now, best.Value)
		return
	}
	// The newest camp is the one whose sources were written last.
	sort.SliceStable(countries, func(a, b int) bool {
		return latest(camps[countries[a]]).Compare(latest(camps[countries[b]])) < 0
	})
	newest := countries[len(countries)-1]
	class := Stale
	for _, country := range countries[:len(countries)-1] {
		for _, old := range camps[country] {
			for _, cur := range camps[newest] {
				if old.When.To.IsZero() || cur.When.To.IsZero() || old.When.To.Intersects(cur.When.To) {
					class = Hard
				}
			}
		}
	}
	c := j.newConflict(key, title, now, class)
	for _, country := range countries {
		c.Sides = append(c.Sides, Side{Value: country, Text: country, Claims: camps[country]})
	}
	c.IntraSource = len(sourcesOf(now)) < len(now) && j.splitWithin(now)
	c.Explanation = j.explainNow(c, camps, countries, newest)
}

// latest is the latest as-of date among claims that hold at present.
func latest(claims []*facts.Claim) facts.Date {
	best := claims[0].When.To
	for _, c := range claims[1:] {
		if c.When.To.Compare(best) > 0 {
			best = c.When.To
		}
	}
	return best
}

// splitWithin reports whether one source puts the subject in two countries at present.
func (j *judge) splitWithin(now []*facts.Claim) bool {
	by := map[facts.SourceID]string{}
	for _, c := range now {
		if prev, ok := by[c.Source]; ok && prev != place(c).Country {
			return true
		}
		by[c.Source] = place(c).Country
	}
	return false
}

func (j *judge) basedOverlap(group []*facts.Claim) {
	type pair struct{ a, b *facts.Claim }
	byCountries := map[string][]pair{}
	var keys []string
	for x := 0; x < len(group); x++ {
		for y := x + 1; y < len(group); y++ {
			a, b := group[x], group[y]
			if a.When == nil || b.When == nil || place(a).Country == place(b).Country {
				continue
			}
			ia, okA := a.When.Inner()
			ib, okB := b.When.Inner()
			if !okA || !okB || !ia.Intersects(ib) || ia.Precision() == facts.PrecisionOpen && ib.Precision() == facts.PrecisionOpen {
				continue
			}
			ca, cb := place(a).Country, place(b).Country
			if cb < ca {
				ca, cb = cb, ca
			}
			k := a.Key() + "|" + ca + "~" + cb
			if _, ok := byCountries[k]; !ok {
				keys = append(keys, k)
			}
			byCountries[k] = append(byCountries[k], pair{a, b})
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		var claims []*facts.Claim
		seen := map[*facts.Claim]bool{}
		intra := false
		for _, p := range byCountries[k] {
			for _, c := range []*facts.Claim{p.a, p.b} {
				if !seen[c] {
					seen[c] = true
					claims = append(claims, c)
				}
			}
			intra = intra || p.a.Source == p.b.Source
		}
		sort.SliceStable(claims, func(x, y int) bool { return j.less(claims[x], claims[y]) })
		p := byCountries[k][0]
		title := "Where " + p.a.Subject.Name + " was based, " + place(p.a).Country + " or " + place(p.b).Country
		c := j.newConflict(k, title, claims, Hard)
		c.Sides = []Side{
			{Value: place(p.a).Country + ", " + p.a.When.Human(), Text: p.a.Text, Claims: []*facts.Claim{p.a}},
			{Value: place(p.b).Country + ", " + p.b.When.Human(), Text: p.b.Text, Claims: []*facts.Claim{p.b}},
		}
		c.IntraSource = intra
		c.Explanation = j.explainOverlap(c, p.a, p.b)
	}
}
