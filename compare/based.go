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
	// Stale unless some older source's date overlaps a newer one's, or either has
	// none; compared by distinct dates, as sources share their as-of dates.
	class := Stale
	curDates := distinctTo(camps[newest])
	for _, country := range countries[:len(countries)-1] {
		for _, old := range distinctTo(camps[country]) {
			for _, cur := range curDates {
				if old.IsZero() || cur.IsZero() || old.Intersects(cur) {
					class = Hard
				}
			}
		}
	}
	c := j.newConflict(key, title, now, class)
	for _, country := range countries {
		c.Sides = append(c.Sides, Side{Value: country, Text: country, Claims: camps[country]})
	}
	c.IntraSource = len(j.sourcesOf(now)) < len(now) && j.splitWithin(now)
	c.Explanation = j.explainNow(c, camps, countries, newest)
}

// distinctTo lists the different ends of the claims' periods.
func distinctTo(claims []*facts.Claim) []facts.Date {
	seen := map[facts.Date]bool{}
	var out []facts.Date
	for _, c := range claims {
		if d := c.When.To; !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
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
	// Claims with one country and one period are alike: they are bucketed, and
	// buckets are compared, so that thousands of sources stating where the group
	// was cost as many comparisons as there are distinct (country, period) pairs.
	type bucket struct {
		country string
		inner   facts.Date
		at      []int
	}
	var buckets []*bucket
	index := map[string]*bucket{}
	for i, c := range group {
		if c.When == nil {
			continue
		}
		inner, ok := c.When.Inner()
		if !ok {
			continue
		}
		k := place(c).Country + "|" + inner.String()
		b := index[k]
		if b == nil {
			b = &bucket{country: place(c).Country, inner: inner}
			index[k] = b
			buckets = append(buckets, b)
		}
		b.at = append(b.at, i)
	}
	type overlap struct {
		first    [2]int // the first pair of claims, in group order
		involved []bool // by place in group
		intra    bool
	}
	byCountries := map[string]*overlap{}
	var keys []string
	// Each bucket's sources, made when first needed: a pair of buckets with a
	// source in both is a source that contradicts itself.
	sources := make([]sourceSet, len(buckets))
	sourcesOf := func(x int) sourceSet {
		if sources[x] == nil {
			sources[x] = j.sourceSet()
			for _, at := range buckets[x].at {
				sources[x].add(j.src(group[at]))
			}
		}
		return sources[x]
	}
	for x, u := range buckets {
		for _, v := range buckets[x+1:] {
			if u.country == v.country || !u.inner.Intersects(v.inner) ||
				u.inner.Precision() == facts.PrecisionOpen && v.inner.Precision() == facts.PrecisionOpen {
				continue
			}
			ca, cb := u.country, v.country
			if cb < ca {
				ca, cb = cb, ca
			}
			k := group[u.at[0]].Key() + "|" + ca + "~" + cb
			o := byCountries[k]
			if o == nil {
				o = &overlap{first: [2]int{len(group), len(group)}, involved: make([]bool, len(group))}
				byCountries[k] = o
				keys = append(keys, k)
			}
			pair := [2]int{min(u.at[0], v.at[0]), max(u.at[0], v.at[0])}
			if pair[0] < o.first[0] || pair[0] == o.first[0] && pair[1] < o.first[1] {
				o.first = pair
			}
			for _, at := range u.at {
				o.involved[at] = true
			}
			for _, at := range v.at {
				o.involved[at] = true
			}
			if !o.intra {
				inU := sourcesOf(x)
				for _, at := range v.at {
					if inU.has(j.src(group[at])) {
						o.intra = true
						break
					}
				}
			}
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		o := byCountries[k]
		var claims []*facts.Claim
		for i, c := range group {
			if o.involved[i] {
				claims = append(claims, c)
			}
		}
		a, b := group[o.first[0]], group[o.first[1]]
		title := "Where " + a.Subject.Name + " was based, " + place(a).Country + " or " + place(b).Country
		c := j.newConflict(k, title, claims, Hard)
		c.Sides = []Side{
			{Value: place(a).Country + ", " + a.When.Human(), Text: a.Text, Claims: []*facts.Claim{a}},
			{Value: place(b).Country + ", " + b.When.Human(), Text: b.Text, Claims: []*facts.Claim{b}},
		}
		c.IntraSource = o.intra
		c.Explanation = j.explainOverlap(c, a, b)
	}
}
