package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/pick"
)

// Timeline is one fact of the subject drawn over time: each source's claims on one
// time axis, so that a disagreement shows at a glance. Home base is drawn as lanes
// (where, when: one lane per source, one bar per period, coloured by country);
// membership as values (how many, when: a box per claim spanning its years and its
// range of members).
type Timeline struct {
	ID, Title, Family string
	Kind              string // "lanes" or "values"
	Rows              []TimelineRow
	Hidden            int // sources with claims on it that no row draws (see condense)
}

// TimelineRow is one source's claims on a timeline.
type TimelineRow struct {
	Source, SourceName string
	AsOf               float64 // the source's as-of date as a fractional year; 0 when unknown
	AsOfHuman          string
	Marks              []Mark
	Others             int // more sources whose claims draw the same marks (see condense)
}

// Label names the row's source, and how many more it stands for.
func (r TimelineRow) Label() string {
	if r.Others == 0 {
		return r.SourceName
	}
	return fmt.Sprintf("%s +%d", r.SourceName, r.Others)
}

// Title is Label in words.
func (r TimelineRow) Title() string {
	if r.Others == 0 {
		return r.SourceName
	}
	return fmt.Sprintf("%s (and %d more %s with the same account)", r.SourceName, r.Others, plural(r.Others, "source", "sources"))
}

// Mark is one claim on a timeline. Years are fractional (1990.5 is mid-1990).
type Mark struct {
	From, To   float64 // the time the claim covers; From == To for an instant
	Present    bool    // the period runs to the source's present
	Event      bool    // a move or a departure rather than a period
	Group      string  // what colours the mark: the country, or the place counted
	Label      string  // "Iraq", "moved to Iraq", "3,000"
	Min, Max   float64 // for values: the range of the count; Max is +Inf for "over N"
	Line       int
	Text       string // as written
	Value      string // normalized
	Quote      string
	Period     string // the period in words
	Rule       string
	Predicate  string
	SourceName string
}

// timelines builds the timelines of the corpus's subject from every claim.
func timelines(res *compare.Result) []Timeline {
	c := res.Corpus
	if c.Profile == nil || c.Profile.Subject == nil {
		return nil
	}
	subject := c.Profile.Subject.ID
	home := Timeline{ID: "timeline-home-base", Title: "Where " + c.Profile.Subject.Name + " was based, by source", Family: "home-base", Kind: "lanes"}
	members := Timeline{ID: "timeline-membership", Title: "How many members " + c.Profile.Subject.Name + " had, by source", Family: "membership", Kind: "values"}
	rows := map[facts.SourceID]*[2]TimelineRow{}
	for _, s := range c.Sources {
		row := TimelineRow{Source: string(s.ID), SourceName: s.Name, AsOfHuman: asOfHuman(s)}
		row.AsOf = asOfYear(s.AsOf)
		rows[s.ID] = &[2]TimelineRow{row, row}
	}
	for _, cl := range res.Claims {
		if cl.Subject.ID != subject {
			continue
		}
		m, ok := mark(cl, c.Source(cl.Source).AsOf)
		if !ok {
			continue
		}
		m.SourceName = c.Source(cl.Source).Name
		r := rows[cl.Source]
		if cl.Predicate == facts.Members {
			r[1].Marks = append(r[1].Marks, m)
		} else {
			r[0].Marks = append(r[0].Marks, m)
		}
	}
	for _, s := range c.Sources {
		r := rows[s.ID]
		if len(r[0].Marks) > 0 {
			home.Rows = append(home.Rows, r[0])
		}
		if len(r[1].Marks) > 0 {
			members.Rows = append(members.Rows, r[1])
		}
	}
	var out []Timeline
	for _, t := range []Timeline{home, members} {
		t.Rows, t.Hidden = condense(t.Rows, maxTimelineRows)
		if len(t.Rows) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// maxTimelineRows is how many rows a timeline draws at most: a lane or a legend
// entry per source is read at a glance for a dozen sources, not for a thousand.
const maxTimelineRows = 24

// condense makes one row of the sources whose claims draw the same marks (the
// same periods, moves and counts, and the same as-of date), named by the first of
// them in the corpus's order; then, when there are still more than max rows, it
// keeps the max that stand for the most sources, in their order, and returns how
// many sources the others stood for. The claims of the rows left out are in the
// other reports, and every disagreement among them in the conflicts.
func condense(rows []TimelineRow, max int) ([]TimelineRow, int) {
	if len(rows) <= max {
		return rows, 0
	}
	var out []TimelineRow
	byDrawing := map[string]int{}
	var key strings.Builder
	for _, r := range rows {
		key.Reset()
		fmt.Fprintf(&key, "%v", r.AsOf)
		for _, m := range r.Marks {
			fmt.Fprintf(&key, "|%v %v %v %v %q %q %v %v", m.From, m.To, m.Present, m.Event, m.Group, m.Label, m.Min, m.Max)
		}
		if i, ok := byDrawing[key.String()]; ok {
			out[i].Others++
			continue
		}
		byDrawing[key.String()] = len(out)
		out = append(out, r)
	}
	hidden := 0
	kept, left := pick.Heaviest(len(out), max, func(i int) int { return out[i].Others })
	for _, i := range left {
		hidden += 1 + out[i].Others
	}
	for k, i := range kept {
		out[k] = out[i]
	}
	out = out[:len(kept)]
	// The marks of a row that stands for several sources name them all.
	for i := range out {
		if out[i].Others == 0 {
			continue
		}
		marks := slices.Clone(out[i].Marks)
		for k := range marks {
			marks[k].SourceName = out[i].Title()
		}
		out[i].Marks = marks
	}
	return out, hidden
}

// mark places one claim on a timeline: a period where the subject was based, a move
// or departure, or a count of members at a time. Claims with no time are left out.
func mark(cl *facts.Claim, asOf facts.Date) (Mark, bool) {
	m := Mark{Line: cl.Line, Text: cl.Text, Value: cl.Normalized(), Quote: cl.Quote, Rule: cl.Rule, Predicate: string(cl.Predicate)}
	switch cl.Predicate {
	case facts.Based:
		p, ok := cl.Value.(facts.Place)
		if !ok || cl.When == nil || !span(*cl.When, &m) {
			return m, false
		}
		m.Group, m.Label, m.Present, m.Period = p.Country, p.Name, cl.When.ToPresent, cl.When.Human()
		if m.Group == "" {
			m.Group = p.Name
		}
		// "2016–present" in a source current as of "2023 or later" runs at least to 2023.
		if m.Present && cl.When.To.Hi.IsZero() {
			m.To = max(m.To, asOfYear(asOf))
		}
	case facts.MovedTo, facts.Left:
		d, ok := cl.Value.(facts.Date)
		if !ok || !span(facts.Period{From: d, To: d}, &m) {
			return m, false
		}
		verb := "moved to "
		if cl.Predicate == facts.Left {
			verb = "left "
		}
		m.Event, m.Group, m.Label, m.Period = true, cl.Scope, verb+cl.Scope, d.Human()
	case facts.Members:
		q, ok := cl.Value.(facts.Quantity)
		if !ok || cl.When == nil || !span(*cl.When, &m) {
			return m, false
		}
		m.Min, m.Max, m.Group, m.Label, m.Period = q.Min, q.Max, cl.Scope, cl.Text, cl.When.Human()
		if math.IsInf(q.Max, 1) {
			m.Label = "over " + cl.Text
		}
	default:
		return m, false
	}
	return m, true
}

// span sets a mark's years from a period; it fails when the period has no start and
// no end to draw.
func span(p facts.Period, m *Mark) bool {
	lo, hi := p.From.Lo, p.To.Hi
	switch {
	case lo.IsZero() && hi.IsZero():
		return false
	case lo.IsZero(): // "by 1987": draw the year it was true by
		lo = facts.Day{Y: hi.Y, M: 1, D: 1}
	case hi.IsZero(): // "2016-" with no as-of date: draw its first year
		hi = facts.Day{Y: lo.Y, M: 12, D: 31}
	}
	m.From, m.To = lo.Year(false), hi.Year(true)
	return true
}

// asOfYear is a source's as-of date as a fractional year: its end when the date is
// closed, its start when it is open ("2023 or later"), 0 when unknown.
func asOfYear(d facts.Date) float64 {
	switch {
	case !d.Hi.IsZero():
		return d.Hi.Year(true)
	case !d.Lo.IsZero():
		return d.Lo.Year(false)
	}
	return 0
}
