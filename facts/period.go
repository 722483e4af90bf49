package facts

import (
	"fmt"
	"strings"
)

// Period is a span of time with a start and an end, such as "1981-present" or
// "2016–present". "present", "currently", "today" and "still" mean the source's own
// as-of date, never the day the tool runs: ToPresent records the word, and To holds
// the source's as-of date (zero, that is open, when the source has none).
type Period struct {
	From, To  Date
	ToPresent bool
}

// Kind is the value kind of a Period.
func (Period) Kind() ValueKind { return KindPeriod }

// String gives the period as an EDTF interval: "1965/1979", "1981/2015-01", and
// "1981/.." when "present" has no as-of date to resolve to.
func (p Period) String() string {
	if p.From == p.To && !p.From.IsZero() {
		return p.From.String()
	}
	from, to := "..", ".."
	if !p.From.IsZero() {
		if p.From.Lo.IsZero() {
			from = ".."
		} else {
			from = formatBound(p.From.Lo, true)
		}
	}
	if !p.To.IsZero() {
		if p.To.Hi.IsZero() {
			to = ".."
		} else {
			to = formatBound(p.To.Hi, false)
		}
	}
	return from + "/" + to
}

// Human writes the period for a reader: "1981–present (January 2015)", "1965–1979".
func (p Period) Human() string {
	from := "?"
	switch pr := p.From.Precision(); {
	case p.From.IsZero():
	case p.ToPresent && p.From == p.To:
		if p.To.IsZero() {
			return "at present (date unknown)"
		}
		return "at present (" + p.To.Human() + ")"
	case pr == PrecisionRange || pr == PrecisionOpen:
		from = humanBound(p.From.Lo, true)
	default:
		from = p.From.Human()
	}
	switch {
	case p.ToPresent && p.To.IsZero():
		return from + "–present (date unknown)"
	case p.ToPresent:
		return from + "–present (" + p.To.Human() + ")"
	case p.To.IsZero():
		return from + "–?"
	}
	return from + "–" + p.To.Human()
}

// Outer is every day the period may cover: from its earliest start to its latest end.
func (p Period) Outer() Date { return Date{Lo: p.From.Lo, Hi: p.To.Hi} }

// Inner is every day the period surely covers: from its latest start to its earliest
// end. "1979-1981" surely covers only 1979-12-31..1981-01-01. A period with an open
// or unknown end promises nothing, and neither does a single moment ("currently").
func (p Period) Inner() (Date, bool) {
	lo, hi := p.From.Hi, p.To.Lo
	if p.From == p.To || lo.IsZero() || hi.IsZero() || p.From.Lo.IsZero() || p.To.Hi.IsZero() {
		return Date{}, false
	}
	if lowOrd(lo) > highOrd(hi) {
		return Date{}, false
	}
	return Date{Lo: lo, Hi: hi}, true
}

// PeriodParts returns where the start and the end of a period are written in text
// that ParsePeriod reads: "1979" and "1981" in "1979-1981"; the end is {-1, -1} when
// it is "present".
func PeriodParts(text string) (from, to [2]int) {
	from, to = [2]int{-1, -1}, [2]int{-1, -1}
	ms := pointFindRE.FindAllStringIndex(text, 2)
	if len(ms) > 0 {
		from = [2]int{ms[0][0], ms[0][1]}
	}
	if len(ms) > 1 {
		to = [2]int{ms[1][0], ms[1][1]}
	}
	return from, to
}

var (
	rePresent = `(?:present|the present|the present day|today|now|date)`
	// PeriodPattern matches a period in folded text: "1981-present", "1965-1979",
	// "from 1973 to 1979", "since 2009", "2016-present".
	PeriodPattern = `(?:(?:from |between )?` + rePoint + ` ?(?:-|to|until|till|through|and) ?(?:` + rePoint + `|` + rePresent + `)|since ` + rePoint + `)`

	periodRE    = mustWhole(`(?i:^(?:from |between )?(` + rePoint + `) ?(?:-|to|until|till|through|and) ?(?:(` + rePresent + `)|(` + rePoint + `))$)`)
	sinceRE     = mustWhole(`^since (` + rePoint + `)$`)
	pointFindRE = lazyRE(`(?i)\b` + rePoint)
)

// ParsePeriod reads a period. asOf is the source's as-of date, which "present"
// resolves to; a zero asOf leaves the end open.
func ParsePeriod(s string, asOf Date) (Period, error) { return readPeriod(s).at(asOf) }

// periodWords are a period as its words say it, whatever the date of the source
// it is read in: the words alone are read once, however many sources write them.
type periodWords struct {
	text     string // the words folded and in lower case, for the errors
	from, to Date
	present  bool // it runs to the time of writing ("1981-present", "since 2009")
	since    bool // it says so with "since"
	err      error
}

// readPeriod reads the words of a period.
func readPeriod(s string) periodWords {
	s = strings.ToLower(strings.TrimSpace(FoldString(s)))
	w := periodWords{text: s}
	if m := sinceRE.FindStringSubmatch(s); m != nil {
		w.from, w.err = parsePoint(m[1], 0)
		w.present, w.since = true, true
		return w
	}
	m := periodRE.FindStringSubmatch(s)
	if m == nil {
		w.err = fmt.Errorf("not a period: %q", s)
		return w
	}
	if w.from, w.err = parsePoint(m[1], 0); w.err != nil {
		return w
	}
	if m[2] != "" {
		w.present = true
		return w
	}
	if w.to, w.err = parsePoint(m[3], w.from.Lo.Y); w.err != nil {
		return w
	}
	if highOrd(w.to.Hi) < lowOrd(w.from.Lo) {
		w.err = fmt.Errorf("period %q ends before it starts", s)
	}
	w.to.YearFromContext = false
	return w
}

// at is the period the words say in a source written at asOf.
func (w periodWords) at(asOf Date) (Period, error) {
	switch {
	case w.err != nil:
		return Period{}, w.err
	case w.present && !w.since && !asOf.IsZero() && highOrd(asOf.Hi) < lowOrd(w.from.Lo):
		return Period{}, fmt.Errorf("period %q starts after the source's date (%s)", w.text, asOf)
	case w.present:
		return Period{From: w.from, To: asOf, ToPresent: true}, nil
	}
	return Period{From: w.from, To: w.to}, nil
}

// Present is the period "at the time of writing" for a source dated asOf.
func Present(asOf Date) Period { return Period{From: asOf, To: asOf, ToPresent: true} }
