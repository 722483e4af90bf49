package compare

import (
	"fmt"
	"sort"

	"github.com/factcheck-tools/compare/facts"
)

// leaders judges when one person led an organization, in two steps:
//
//  1. start: the dates the sources give for when the person began to lead are
//     compared as dates ("1985" and "27 January 1985" agree).
//  2. end: a period that ends ("1979-2003") conflicts with a claim that the person
//     leads at a source's own later date ("Its leaders are …", January 2015). The
//     class is soft: a leader who went missing may still lead in name.
func (j *judge) leaders(key string, group []*facts.Claim) {
	var starts, ended, now []*facts.Claim
	for _, c := range group {
		p := period(c)
		switch {
		case p.ToPresent && p.From == p.To:
			now = append(now, c)
		case !p.From.IsZero():
			starts = append(starts, c)
			if !p.ToPresent && !p.To.IsZero() {
				ended = append(ended, c)
			}
		}
	}
	j.leaderStarts(key+"|from", starts)
	if !j.leaderEnds(key+"|after-end", ended, now) && len(j.sourcesOf(now)) > 1 {
		j.agree(key+"|now", group[0].Subject.Name+" leads "+group[0].Scope+" at the time of writing", now, facts.Text{S: "leader"})
	}
}

func period(c *facts.Claim) facts.Period { return c.Value.(facts.Period) }

func (j *judge) leaderStarts(key string, group []*facts.Claim) {
	if len(group) < 2 {
		return
	}
	s := splitGroup(j, group, func(c *facts.Claim) string { return period(c).From.String() }, func(a, b *facts.Claim) bool {
		return !period(a).From.Intersects(period(b).From)
	})
	title := "When " + group[0].Subject.Name + " began to lead " + group[0].Scope
	if s.empty() {
		best := group[0]
		for _, c := range group[1:] {
			if period(c).From.Width() < period(best).From.Width() {
				best = c
			}
		}
		j.agree(key, title, group, period(best).From)
		return
	}
	c := j.newConflict(key, title, group, Hard)
	c.IntraSource = s.intraSource()
	// One side per start, in the order the claims give them.
	at := map[string]int{}
	for _, x := range group {
		from := period(x).From.Human()
		i, ok := at[from]
		if !ok {
			i, at[from] = len(c.Sides), len(c.Sides)
			c.Sides = append(c.Sides, Side{Value: from, Text: x.Text})
		}
		c.Sides[i].Claims = append(c.Sides[i].Claims, x)
	}
	parts := make([]string, len(c.Sides))
	claims := make([]int, len(c.Sides))
	for i, sd := range c.Sides {
		parts[i] = fmt.Sprintf("%s in %s", sd.Value, j.refs(sd.Claims))
		claims[i] = len(sd.Claims)
	}
	verdict := "Both cannot be right."
	if len(parts) > 2 {
		verdict = "They cannot all be right."
	}
	c.Explanation = fmt.Sprintf("Sources disagree on when %s began to lead %s: %s. %s", c.Subject.Name, c.Scope, joinValues(parts, claims), verdict)
}

// leaderEnds reports whether it found a conflict.
func (j *judge) leaderEnds(key string, ended, now []*facts.Claim) bool {
	var split [][2]*facts.Claim
	for _, e := range ended {
		for _, n := range now {
			asOf := period(n).To
			if !asOf.IsZero() && period(e).To.EndsBefore(asOf) {
				split = append(split, [2]*facts.Claim{e, n})
			}
		}
	}
	if len(split) == 0 {
		return false
	}
	var claims, later []*facts.Claim
	seen := map[*facts.Claim]bool{}
	for _, p := range split {
		for i, c := range p {
			if !seen[c] {
				seen[c] = true
				claims = append(claims, c)
				if i == 1 {
					later = append(later, c)
				}
			}
		}
	}
	sort.SliceStable(claims, func(a, b int) bool { return j.less(claims[a], claims[b]) })
	e := split[0][0]
	title := "Whether " + e.Subject.Name + " still led " + e.Scope + " after " + period(e).To.Human()
	c := j.newConflict(key, title, claims, Soft)
	c.IntraSource = intraSource(split)
	c.Sides = []Side{
		{Value: period(e).Human(), Text: e.Text, Claims: []*facts.Claim{e}},
		{Value: "leader at the time of writing", Text: later[0].Text, Claims: later},
	}
	c.Explanation = fmt.Sprintf("%s has %s lead %s over %s (line %d); %s name %s a leader at the time of writing. The later sources may mean leadership in name only; a fact-checker should say which.",
		capitalize(j.name(e.Source)), e.Subject.Name, e.Scope, period(e).Human(), e.Line, j.sourcesWithDates(later), e.Subject.Name)
	return true
}

// founders lists who the sources say founded an organization. Lists of founders in
// these texts are open ("founders included …"), so naming different founders is
// no contradiction; a founder named by two or more sources is an agreement.
func (j *judge) founders(key string, group []*facts.Claim) {
	by := map[facts.EntityID][]*facts.Claim{}
	var order []facts.EntityID
	for _, c := range group {
		id := c.Value.(facts.Entity).ID
		if _, ok := by[id]; !ok {
			order = append(order, id)
		}
		by[id] = append(by[id], c)
	}
	for _, id := range order {
		claims := by[id]
		name := claims[0].Value.(facts.Entity).Name
		j.agree(key+"|"+string(id), name+" founded "+claims[0].Subject.Name, claims, claims[0].Value)
	}
}
