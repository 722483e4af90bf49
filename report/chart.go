package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// A chart is a timeline laid out for SVG: every coordinate is computed here, so that
// the template only writes elements. Coordinates are in the SVG's own units; the
// figure scales to the page's width.
type chart struct {
	Timeline
	Width, Height  int
	Desc           string
	XTicks, YTicks []tick
	Lanes          []lane
	Bars           []bar
	Events         []event
	Legend         []legendItem
	Axis           line // the time axis
}

type tick struct {
	Label      string
	Line       line // the grid line
	TX, TY     string
	TextAnchor string
}

type line struct{ X1, Y1, X2, Y2 string }

type lane struct {
	Label, LabelY  string
	Sep            line // the line under the lane
	AsOf           *line
	AsOfTitle      string
	Top, H, Height string
}

type bar struct {
	X, Y, W, H     string
	Fill, Stroke   string
	Opacity, Dash  string
	Title          string
	Label          string
	LX, LY         string
	OpenTop        *line // for "over N": the open end of the box
	OpenArrowPoint string
}

type event struct {
	CX, CY, R    string
	Fill, Stroke string
	Title        string
	Span         line
}

type legendItem struct {
	Label        string
	Fill, Stroke string
	Dash         string
	Opacity      string
	Shape        string // "box", "dot", "ring", "dash"
}

// The palette: dark enough for white text on it (4.5:1) and for its edges to stand
// out on white (3:1).
var palette = []string{"#1f5fa8", "#a63c08", "#2a6f2f", "#6f3a96", "#7a5600", "#a3204f", "#35535f", "#00636b"}

// dashes tell the sources of a values chart apart without colour.
var dashes = []string{"", "6 3", "2 2", "8 3 2 3", "1 4", "10 4"}

const (
	chartWidth = 960
	laneLeft   = 140
	plotRight  = 940
	barHeight  = 18
	barGap     = 4
)

func f1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// layout lays out a timeline as a chart.
func layout(t Timeline) chart {
	if t.Kind == "values" {
		return layoutValues(t)
	}
	return layoutLanes(t)
}

// years is the time axis: whole years covering every mark and as-of date, with a
// tick step that keeps the labels apart.
type years struct {
	from, to   float64
	left, span float64
	step       int
}

func axisFor(t Timeline, left, right float64) years {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range t.Rows {
		for _, m := range r.Marks {
			lo, hi = math.Min(lo, m.From), math.Max(hi, m.To)
		}
		if r.AsOf > 0 {
			hi = math.Max(hi, r.AsOf)
		}
	}
	from, to := math.Floor(lo), math.Ceil(hi)
	if to-from < 6 {
		from, to = from-2, to+2
	}
	step := 1
	switch span := to - from; {
	case span > 60:
		step = 10
	case span > 25:
		step = 5
	case span > 12:
		step = 2
	}
	from = math.Floor(from/float64(step)) * float64(step)
	to = math.Ceil(to/float64(step)) * float64(step)
	return years{from: from, to: to, left: left, span: right - left, step: step}
}

func (y years) x(year float64) float64 { return y.left + (year-y.from)/(y.to-y.from)*y.span }

func (y years) ticks(top, bottom float64) []tick {
	var out []tick
	for yr := int(y.from); yr <= int(y.to); yr += y.step {
		x := f1(y.x(float64(yr)))
		out = append(out, tick{
			Label: strconv.Itoa(yr), Line: line{x, f1(top), x, f1(bottom)},
			TX: x, TY: f1(bottom + 16), TextAnchor: "middle",
		})
	}
	return out
}

// groupColours gives each country (or place counted) a colour, in the order the
// groups first appear in time, so the same input always gets the same colours.
func groupColours(t Timeline) (map[string]string, []string) {
	first := map[string]float64{}
	var groups []string
	for _, r := range t.Rows {
		for _, m := range r.Marks {
			if f, ok := first[m.Group]; !ok || m.From < f {
				if !ok {
					groups = append(groups, m.Group)
				}
				first[m.Group] = m.From
			}
		}
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if first[groups[a]] != first[groups[b]] {
			return first[groups[a]] < first[groups[b]]
		}
		return groups[a] < groups[b]
	})
	colours := map[string]string{}
	for i, g := range groups {
		colours[g] = palette[i%len(palette)]
	}
	return colours, groups
}

// layoutLanes draws one lane per source: each period a bar coloured by country,
// packed into as few rows as keep bars from overlapping; each move or departure a
// dot (filled: moved to; ring: left) under the bars; the source's as-of date a
// dashed line.
func layoutLanes(t Timeline) chart {
	c := chart{Timeline: t, Width: chartWidth}
	colours, groups := groupColours(t)
	top := 10.0
	ax := axisFor(t, laneLeft, plotRight)
	for _, r := range t.Rows {
		var periods, events []Mark
		for _, m := range r.Marks {
			if m.Event {
				events = append(events, m)
			} else {
				periods = append(periods, m)
			}
		}
		// Pack the bars: each goes into the first row whose last bar ends before it.
		var ends []float64
		rowOf := make([]int, len(periods))
		order := make([]int, len(periods))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return periods[order[a]].From < periods[order[b]].From })
		for _, i := range order {
			x0 := ax.x(periods[i].From)
			k := 0
			for k < len(ends) && ends[k] > x0-2 {
				k++
			}
			if k == len(ends) {
				ends = append(ends, 0)
			}
			ends[k] = math.Max(ax.x(periods[i].To), x0+8)
			rowOf[i] = k
		}
		h := 8 + float64(len(ends))*(barHeight+barGap)
		if len(events) > 0 {
			h += 16
		}
		h = math.Max(h, 30)
		for i, m := range periods {
			x0, x1 := ax.x(m.From), ax.x(m.To)
			w := math.Max(x1-x0, 8)
			y := top + 6 + float64(rowOf[i])*(barHeight+barGap)
			b := bar{
				X: f1(x0), Y: f1(y), W: f1(w), H: f1(barHeight), Fill: colours[m.Group], Opacity: "1",
				Title: fmt.Sprintf("%s, line %d: %s (%s)", r.Title(), m.Line, m.Text, m.Period),
			}
			label := m.Label
			if m.Present {
				label += " →"
			}
			if w >= float64(len([]rune(label)))*7+8 {
				b.Label, b.LX, b.LY = label, f1(x0+4), f1(y+barHeight-5)
			}
			c.Bars = append(c.Bars, b)
		}
		for _, m := range events {
			x0, x1 := ax.x(m.From), ax.x(m.To)
			y := top + 6 + float64(len(ends))*(barHeight+barGap) + 6
			e := event{
				CX: f1((x0 + x1) / 2), CY: f1(y), R: "5", Stroke: colours[m.Group], Fill: colours[m.Group],
				Title: fmt.Sprintf("%s, line %d: %s, %s", r.Title(), m.Line, m.Label, m.Period),
				Span:  line{f1(x0), f1(y), f1(math.Max(x1, x0+1)), f1(y)},
			}
			if strings.HasPrefix(m.Label, "left ") {
				e.Fill = "#fff"
			}
			c.Events = append(c.Events, e)
		}
		l := lane{Label: r.Label(), LabelY: f1(top + h/2 + 4), Sep: line{"0", f1(top + h), f1(plotRight), f1(top + h)}, Top: f1(top), H: f1(h)}
		if r.AsOf > 0 {
			x := f1(ax.x(r.AsOf))
			l.AsOf = &line{x, f1(top + 2), x, f1(top + h - 2)}
			l.AsOfTitle = r.Title() + " as of " + r.AsOfHuman
		}
		c.Lanes = append(c.Lanes, l)
		top += h
	}
	c.Axis = line{f1(laneLeft), f1(top), f1(plotRight), f1(top)}
	c.XTicks = ax.ticks(10, top)
	c.Height = int(top) + 26
	for _, g := range groups {
		c.Legend = append(c.Legend, legendItem{Label: g, Fill: colours[g], Stroke: colours[g], Shape: "box"})
	}
	c.Legend = append(c.Legend,
		legendItem{Label: "moved to (dot in the country's colour)", Fill: "#1a1a1a", Stroke: "#1a1a1a", Shape: "dot"},
		legendItem{Label: "left", Fill: "#fff", Stroke: "#1a1a1a", Shape: "ring"},
		legendItem{Label: "the source's as-of date", Stroke: "#1a1a1a", Shape: "dash"})
	c.Desc = describe(t)
	return c
}

// layoutValues draws each count as a box spanning its years and its range of
// members, one colour and one dash pattern per source.
func layoutValues(t Timeline) chart {
	const left, top, plotH = 80.0, 10.0, 280.0
	c := chart{Timeline: t, Width: chartWidth}
	ax := axisFor(t, left, plotRight)
	hi := 0.0
	for _, r := range t.Rows {
		for _, m := range r.Marks {
			if !math.IsInf(m.Max, 1) {
				hi = math.Max(hi, m.Max)
			} else {
				hi = math.Max(hi, m.Min*1.3)
			}
		}
	}
	ystep := niceStep(hi / 5)
	ymax := math.Ceil(hi/ystep) * ystep
	if ymax <= 0 {
		ymax = 1
	}
	y := func(v float64) float64 { return top + plotH - v/ymax*plotH }
	for v := 0.0; v <= ymax+ystep/2; v += ystep {
		yy := f1(y(v))
		c.YTicks = append(c.YTicks, tick{Label: thousands(v), Line: line{f1(left), yy, f1(plotRight), yy}, TX: f1(left - 6), TY: f1(y(v) + 4), TextAnchor: "end"})
	}
	for i, r := range t.Rows {
		colour, dash := palette[i%len(palette)], dashes[i%len(dashes)]
		for _, m := range r.Marks {
			x0, x1 := ax.x(m.From), ax.x(m.To)
			lo, hiV := m.Min, m.Max
			open := math.IsInf(hiV, 1)
			if open {
				hiV = ymax
			}
			y0, y1 := y(hiV), y(lo)
			if y1-y0 < 4 {
				y0, y1 = y0-2, y1+2
			}
			b := bar{
				X: f1(x0), Y: f1(y0), W: f1(math.Max(x1-x0, 4)), H: f1(y1 - y0),
				Fill: colour, Stroke: colour, Opacity: "0.22", Dash: dash,
				Title: fmt.Sprintf("%s, line %d: %s members (%s)", r.Title(), m.Line, m.Label, m.Period),
			}
			if m.Group != "" {
				b.Title = fmt.Sprintf("%s, line %d: %s members at %s (%s)", r.Title(), m.Line, m.Label, m.Group, m.Period)
			}
			c.Bars = append(c.Bars, b)
		}
		c.Legend = append(c.Legend, legendItem{Label: r.Title(), Fill: colour, Stroke: colour, Dash: dash, Opacity: "0.22", Shape: "box"})
	}
	c.Axis = line{f1(left), f1(top + plotH), f1(plotRight), f1(top + plotH)}
	c.XTicks = ax.ticks(top, top+plotH)
	c.Height = int(top+plotH) + 26
	c.Desc = describe(t)
	return c
}

// niceStep rounds a step up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// describe says in words what a chart draws, for screen readers.
func describe(t Timeline) string {
	var parts []string
	for _, r := range t.Rows {
		parts = append(parts, fmt.Sprintf("%s: %d %s", r.Title(), len(r.Marks), plural(len(r.Marks), "claim", "claims")))
	}
	d := t.Title + ". " + strings.Join(parts, "; ") + ". The table below lists every claim drawn."
	if t.Hidden > 0 {
		d += " " + hiddenNote(t.Hidden)
	}
	return d
}

// hiddenNote says how many sources a timeline leaves out, and where their claims are.
func hiddenNote(n int) string {
	return fmt.Sprintf("%s more %s with other accounts %s not drawn: each disagreement is among the conflicts above.", thousands(float64(n)), plural(n, "source", "sources"), plural(n, "is", "are"))
}

// thousands writes a whole number with commas: 12,000.
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
