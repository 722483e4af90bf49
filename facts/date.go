package facts

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Day is one calendar day. The zero Day is not a date: as a bound it means "open".
type Day struct {
	Y, M, D int
}

// IsZero reports whether d is the open bound.
func (d Day) IsZero() bool { return d == Day{} }

// Year is the day as a fractional year, for drawing on a time axis: 1990-07-02 is
// about 1990.5. With end set it is the end of the day rather than its start.
func (d Day) Year(end bool) float64 {
	t := d.time()
	days := float64(time.Date(d.Y+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(d.Y, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	n := float64(t.YearDay() - 1)
	if end {
		n++
	}
	return float64(d.Y) + n/days
}

func (d Day) time() time.Time { return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC) }

// ordinal counts days from 1970-01-01, so that days compare and subtract.
func (d Day) ordinal() int {
	if d.M < 1 || d.M > 12 {
		return int(d.time().Unix() / 86400) // let time.Date normalize the month
	}
	// Days from 1970-01-01 in the proleptic Gregorian calendar, by arithmetic
	// (H. Hinnant's days_from_civil): judging compares dates by the million.
	y := d.Y
	if d.M <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	doy := (153*((d.M+9)%12)+2)/5 + d.D - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func dayFromOrdinal(n int) Day {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return Day{t.Year(), int(t.Month()), t.Day()}
}

func (d Day) addDays(n int) Day { return dayFromOrdinal(d.ordinal() + n) }

func lastDay(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// Precision says how finely a date was stated.
type Precision int

// The precisions, finest first. A Date's precision follows from its bounds.
const (
	PrecisionDay Precision = iota + 1
	PrecisionMonth
	PrecisionYear
	PrecisionDecade
	PrecisionCentury
	PrecisionRange // any other closed interval: "the early 1990s", "between 2014 and 2016"
	PrecisionOpen  // one bound missing: "by 1987", "since 2009"
)

var precisionNames = [...]string{"", "day", "month", "year", "decade", "century", "range", "open"}

func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return fmt.Sprintf("Precision(%d)", int(p))
	}
	return precisionNames[p]
}

// Date is a date as a source states it: an interval of days in which the event lies.
// "1965" is all of 1965, "the 1960s" is 1960-01-01..1969-12-31, "by 1987" is
// everything up to the end of 1987. Two dates agree when their intervals intersect.
type Date struct {
	Lo, Hi Day  // inclusive; a zero bound is open
	Approx bool // "about", "around", "circa": the bounds are soft
	// YearFromContext is set when the text gave only day and month ("On 8 February")
	// and the year was taken from the nearest year stated before it.
	YearFromContext bool
}

// IsZero reports whether d holds no date at all.
func (d Date) IsZero() bool { return d.Lo.IsZero() && d.Hi.IsZero() }

// Kind is the value kind of a Date.
func (Date) Kind() ValueKind { return KindDate }

// Precision derives how finely d is stated from its bounds.
func (d Date) Precision() Precision {
	switch {
	case d.Lo.IsZero() || d.Hi.IsZero():
		return PrecisionOpen
	case d.Lo == d.Hi:
		return PrecisionDay
	case d.Lo.D == 1 && d.Lo.Y == d.Hi.Y && d.Lo.M == d.Hi.M && d.Hi.D == lastDay(d.Hi.Y, d.Hi.M):
		return PrecisionMonth
	case isYearStart(d.Lo) && isYearEnd(d.Hi) && d.Lo.Y == d.Hi.Y:
		return PrecisionYear
	case isYearStart(d.Lo) && isYearEnd(d.Hi) && d.Lo.Y%10 == 0 && d.Hi.Y == d.Lo.Y+9:
		return PrecisionDecade
	case isYearStart(d.Lo) && isYearEnd(d.Hi) && d.Lo.Y%100 == 0 && d.Hi.Y == d.Lo.Y+99:
		return PrecisionCentury
	}
	return PrecisionRange
}

func isYearStart(d Day) bool { return d.M == 1 && d.D == 1 }
func isYearEnd(d Day) bool   { return d.M == 12 && d.D == 31 }

// String gives d in EDTF (ISO 8601-2): 1990-04-24, 1986-06, 1965, 196X, 19XX,
// 1990/1993, ../1987, 2009/.., with "~" for an approximate date.
func (d Date) String() string {
	var s string
	switch p := d.Precision(); {
	case d.IsZero():
		return ".."
	case p == PrecisionOpen && d.Lo.IsZero():
		s = "../" + formatBound(d.Hi, false)
	case p == PrecisionOpen:
		s = formatBound(d.Lo, true) + "/.."
	case p == PrecisionDay:
		s = ymd(d.Lo.Y, d.Lo.M, d.Lo.D)
	case p == PrecisionMonth:
		s = ymd(d.Lo.Y, d.Lo.M, 0)
	case p == PrecisionYear:
		s = ymd(d.Lo.Y, 0, 0)
	case p == PrecisionDecade:
		s = string(padded(nil, d.Lo.Y/10, 3)) + "X"
	case p == PrecisionCentury:
		s = string(padded(nil, d.Lo.Y/100, 2)) + "XX"
	default:
		s = formatBound(d.Lo, true) + "/" + formatBound(d.Hi, false)
	}
	if d.Approx {
		s += "~"
	}
	return s
}

// ymd writes a date as EDTF: "1990-04-24", "1990-04" when d is 0, "1990" when m
// is 0 too. (Dates are written for every claim judged: fmt.Sprintf was most of it.)
func ymd(y, m, d int) string {
	var buf [24]byte
	b := padded(buf[:0], y, 4)
	if m != 0 {
		b = padded(append(b, '-'), m, 2)
		if d != 0 {
			b = padded(append(b, '-'), d, 2)
		}
	}
	return string(b)
}

// padded appends n with zeros before it up to width characters, the sign
// included, as fmt's %0*d does.
func padded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n, width = -n, width-1
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for range width - len(d) {
		b = append(b, '0')
	}
	return append(b, d...)
}

// formatBound writes one end of an interval at the coarsest precision that keeps it
// exact: a year when it falls on the year's first (lo) or last (hi) day, a month when
// on the month's, else the day.
func formatBound(d Day, lo bool) string {
	switch {
	case lo && isYearStart(d), !lo && isYearEnd(d):
		return ymd(d.Y, 0, 0)
	case lo && d.D == 1, !lo && d.D == lastDay(d.Y, d.M):
		return ymd(d.Y, d.M, 0)
	}
	return ymd(d.Y, d.M, d.D)
}

// Intersects reports whether the two dates can describe the same moment.
func (d Date) Intersects(o Date) bool {
	return lowOrd(d.Lo) <= highOrd(o.Hi) && lowOrd(o.Lo) <= highOrd(d.Hi)
}

// Days returns d's first and last days as day numbers (days since 1970-01-01),
// an open end as the lowest or the highest number: two dates intersect exactly
// when each one's first day is no later than the other's last. Judging compares
// the dates of thousands of claims pairwise, and numbers once made compare fast.
func (d Date) Days() (first, last int) { return lowOrd(d.Lo), highOrd(d.Hi) }

// Contains reports whether every day of o lies inside d.
func (d Date) Contains(o Date) bool {
	return lowOrd(d.Lo) <= lowOrd(o.Lo) && highOrd(o.Hi) <= highOrd(d.Hi)
}

// Compare orders dates by where they end, then by where they start; an open end
// is later than any date and an open start earlier.
func (d Date) Compare(o Date) int {
	if a, b := highOrd(d.Hi), highOrd(o.Hi); a != b {
		return cmpInt(a, b)
	}
	return cmpInt(lowOrd(d.Lo), lowOrd(o.Lo))
}

// EndsBefore reports whether every day of d comes before every day of o.
func (d Date) EndsBefore(o Date) bool { return highOrd(d.Hi) < lowOrd(o.Lo) }

// Union is the smallest date that covers both.
func (d Date) Union(o Date) Date {
	u := d
	if lowOrd(o.Lo) < lowOrd(u.Lo) {
		u.Lo = o.Lo
	}
	if highOrd(o.Hi) > highOrd(u.Hi) {
		u.Hi = o.Hi
	}
	u.Approx = d.Approx || o.Approx
	u.YearFromContext = d.YearFromContext || o.YearFromContext
	return u
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Width is the number of days d spans; open dates are as wide as can be.
func (d Date) Width() int {
	if d.Lo.IsZero() || d.Hi.IsZero() {
		return maxOrd
	}
	return d.Hi.ordinal() - d.Lo.ordinal() + 1
}

// Gap is the number of days between two disjoint dates (0 when they intersect).
func (d Date) Gap(o Date) int {
	switch {
	case d.Intersects(o):
		return 0
	case highOrd(d.Hi) < lowOrd(o.Lo):
		return lowOrd(o.Lo) - highOrd(d.Hi)
	}
	return lowOrd(d.Lo) - highOrd(o.Hi)
}

// minOrd and maxOrd stand for the open ends of a date, beyond every day a date
// can hold (years of four digits are a few million days from 1970) and within a
// 32-bit int, twice over: only compared, never subtracted.
const (
	minOrd = -1 << 30
	maxOrd = 1 << 30
)

func lowOrd(d Day) int {
	if d.IsZero() {
		return minOrd
	}
	return d.ordinal()
}

func highOrd(d Day) int {
	if d.IsZero() {
		return maxOrd
	}
	return d.ordinal()
}

// Human writes d the way a fact-checker would: "24 April 1990", "June 1986", "1965",
// "the 1960s", "2014–2016", "by 1987".
func (d Date) Human() string {
	var s string
	switch p := d.Precision(); {
	case d.IsZero():
		return "an unknown date"
	case p == PrecisionOpen && d.Lo.IsZero():
		s = "by " + humanBound(d.Hi, false)
	case p == PrecisionOpen:
		s = humanBound(d.Lo, true) + " or later"
	case p == PrecisionDay:
		s = fmt.Sprintf("%d %s %d", d.Lo.D, time.Month(d.Lo.M), d.Lo.Y)
	case p == PrecisionMonth:
		s = fmt.Sprintf("%s %d", time.Month(d.Lo.M), d.Lo.Y)
	case p == PrecisionYear:
		s = strconv.Itoa(d.Lo.Y)
	case p == PrecisionDecade:
		s = fmt.Sprintf("the %ds", d.Lo.Y)
	case p == PrecisionCentury:
		s = ordinal(d.Lo.Y/100+1) + " century"
	case d.Lo.Y == d.Hi.Y && d.Lo.D == 1 && d.Hi.D == lastDay(d.Hi.Y, d.Hi.M):
		// Whole months of one year: "January–April 1979".
		s = fmt.Sprintf("%s–%s %d", time.Month(d.Lo.M), time.Month(d.Hi.M), d.Lo.Y)
	case d.Lo.Y == d.Hi.Y && d.Lo.M == d.Hi.M:
		s = fmt.Sprintf("%d–%d %s %d", d.Lo.D, d.Hi.D, time.Month(d.Lo.M), d.Lo.Y)
	default:
		s = humanBound(d.Lo, true) + "–" + humanBound(d.Hi, false)
	}
	if d.Approx {
		s = "about " + s
	}
	return s
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return "the " + strconv.Itoa(n) + suffix
}

func humanBound(d Day, lo bool) string {
	switch {
	case lo && isYearStart(d), !lo && isYearEnd(d):
		return strconv.Itoa(d.Y)
	case lo && d.D == 1, !lo && d.D == lastDay(d.Y, d.M):
		return fmt.Sprintf("%s %d", time.Month(d.M), d.Y)
	}
	return fmt.Sprintf("%d %s %d", d.D, time.Month(d.M), d.Y)
}

// Date grammar. Each piece is a named expression compiled once; DatePattern is the
// alternation rules embed as {date}, and ParseDate reads what it matched. Everything
// works on folded text (ASCII dashes and quotes).
const (
	reMonth = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)`
	reYear  = `(?:1[0-9]\d\d|20\d\d)`
	reDay   = `(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	// rePoint is one date without bounds words: a day, a month, a year, a decade,
	// part of a year or decade. A month and its year are never parted by a comma,
	// so that counts in a list ("600 by September, 1700 by October") stay counts.
	rePoint = `(?:` +
		reDay + ` ` + reMonth + `,? ` + reYear + // 24 April 1990
		`|` + reMonth + ` ` + reDay + `,? ` + reYear + // September 5, 1965
		`|` + reMonth + ` (?:of )?` + reYear + // June 1981
		`|(?:the )?(?:(?:early|mid|late)[- ]?)?` + `1[0-9]\d0'?s|(?:the )?(?:early|mid|late)[- ]20\d0'?s|(?:the )?20\d0'?s` + // the early 1990s
		`|(?:early|mid|late)[- ]` + reYear + `|(?:the )?(?:end|beginning|start|middle|first half|second half) of ` + reYear +
		`|` + reYear + `(?:\b|$)` +
		`|` + reDay + ` ` + reMonth + `|` + reMonth + ` ` + reDay + `(?:\b|$)` + // 8 February (year from context)
		`)`
	// reDayRange is a range of days in one month: "June 24 to 27", "24 to 27 June".
	reDayRange = `(?:` + reMonth + ` ` + reDay + ` ?(?:-|to|through) ?` + reDay + `(?:,? ` + reYear + `)?` +
		`|` + reDay + ` ?(?:-|to|through) ?` + reDay + ` ` + reMonth + `(?: ` + reYear + `)?)`
	reApprox = `(?:about|around|approximately|circa|c\.|ca\.|roughly|some time around|sometime around)`
	// reLead is the words that may open a date expression: the start of a range,
	// a bound, an approximation.
	reLead = `(?:between|from|by|since|before|after|prior to|until|till|up to|as early as|as late as|no later than|not later than|` +
		`about|around|approximately|circa|c\.|ca\.|roughly|some time around|sometime around|sometime in|sometime during|some time in|some time during)`
	// DatePattern matches one date expression in folded text, with its bounds words:
	// an optional leading word, a point, and an optional second point that closes a
	// range. It holds the point grammar only twice, which keeps every rule that
	// embeds it small; ParseDate decides what the words mean.
	DatePattern = `(?:(?:(?:from|between) )?` + reDayRange + `(?:\b|$)|(?:` + reLead + ` )?` + rePoint + `(?: ?(?:-|to|until|till|through) ?` + rePoint +
		`| and (?:` + reDay + ` ` + reMonth + `,? ` + reYear + `|` + reMonth + ` ` + reDay + `,? ` + reYear + `|` + reMonth + ` ` + reYear + `|` + reYear + `\b))?)`
)

var (
	datePatternRE = lazyRE(`(?i)^` + DatePattern + `$`)
	dayRangeRE    = mustWhole(`(?i)^(?:from |between )?(?:(` + reMonth + `) (` + reDay + `) ?(?:-|to|through) ?(` + reDay + `)(?:,? (` + reYear + `))?|(` + reDay + `) ?(?:-|to|through) ?(` + reDay + `) (` + reMonth + `)(?: (` + reYear + `))?)$`)

	dmyRE      = mustWhole(`(?i)^(` + reDay + `) (` + reMonth + `),? (` + reYear + `)$`)
	mdyRE      = mustWhole(`(?i)^(` + reMonth + `) (` + reDay + `),? (` + reYear + `)$`)
	myRE       = mustWhole(`(?i)^(` + reMonth + `) (?:of )?(` + reYear + `)$`)
	decadeRE   = mustWhole(`(?i)^(?:the )?(?:(early|mid|late)[- ]?)?(\d{3}0)'?s$`)
	partYearRE = mustWhole(`(?i)^(?:(early|mid|late)[- ]|(?:the )?(end|beginning|start|middle|first half|second half) of )(` + reYear + `)$`)
	yearRE     = mustWhole(`(?i)^(` + reYear + `)$`)
	dmRE       = mustWhole(`(?i)^(` + reDay + `) (` + reMonth + `)$`)
	mdRE       = mustWhole(`(?i)^(` + reMonth + `) (` + reDay + `)$`)

	rangeRE   = mustWhole(`(?i)^(?:between |from )?(` + rePoint + `) ?(?:and|to|until|till|through|-) ?(` + rePoint + `)$`)
	boundRE   = mustWhole(`(?i)^(by|since|before|after|prior to|until|till|up to|as early as|as late as|no later than|not later than) (` + rePoint + `)$`)
	approxRE  = mustWhole(`(?i)^` + reApprox + ` (` + rePoint + `)$`)
	someRE    = mustWhole(`(?i)^(?:sometime|some time) (?:in|during) (` + rePoint + `)$`)
	edtfRE    = mustWhole(`(?i)^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	edtfDecRE = mustWhole(`(?i)^(\d{3})X$|^(\d{2})XX$`)
	suffixRE  = regexp.MustCompile(`(?:st|nd|rd|th)$`)
)

var monthNumber = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

func month(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if m, ok := monthNumber[s]; ok {
		return m
	}
	if len(s) >= 3 {
		return monthNumber[s[:3]]
	}
	return 0
}

// ErrNoDate is returned by ParseDate for text that is not a date expression.
var ErrNoDate = errors.New("not a date")

// FindDates returns the byte ranges of the date expressions in folded text, longest
// first at each position, left to right.
func FindDates(folded string) [][2]int { return appendDates(nil, folded) }

// appendDates appends to out what FindDates finds in folded.
func appendDates(out [][2]int, folded string) [][2]int {
	// Every date holds a digit, and the words around its digits are short: the
	// grammar runs only in windows around digits, and there only from the words a
	// date can open with, anchored, so that it stops as soon as the text is no date.
	var room [8][2]int // most sentences' windows, not to be allocated
	for _, w := range appendDigitWindows(room[:0], folded) {
		if !mayHoldDate(folded[w[0]:w[1]]) {
			continue
		}
		for p := w[0]; p < w[1]; {
			if !opensDate(folded, p) {
				p = nextWordStart(folded, p, w[1])
				continue
			}
			end := dateAt.end(folded[p:w[1]])
			if end <= 0 {
				p = nextWordStart(folded, p, w[1])
				continue
			}
			out = append(out, [2]int{p, p + end})
			p += end
			if p < w[1] && isWordByte(folded[p]) && p > 0 && isWordByte(folded[p-1]) {
				p = nextWordStart(folded, p, w[1])
			}
		}
	}
	return out
}

// mayHoldDate reports whether a window of text can hold a date: every date of the
// grammar has a year (four digits, or more around them) or a month's name ("8
// February"). Counts ("3,000", "1,400"), ages and most numbers have neither, and
// their windows are skipped.
func mayHoldDate(w string) bool {
	run := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			if run++; run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	lower := strings.ToLower(w)
	for _, m := range monthStems {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// monthStems are the first three letters of every month's name and abbreviation.
var monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// dateAt is the date grammar anchored, a date that starts where the text does,
// run as an automaton.
var dateAt = newDFA(`(?i)^(?:` + DatePattern + `)`)

// dateOpeners are the words a date expression can open with, besides a number and
// a month: its leading words ("between", "by", "circa") and the words of a part of
// a year or decade ("the early 1990s", "the end of 1986", "mid-1990s").
var dateOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`from between by since before after prior until till up as no not about around
		approximately circa c ca roughly some sometime the early mid late end beginning start middle first second
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sept sep oct nov dec`) {
		dateOpeners[w] = true
	}
}

// opensDate reports whether a date expression can start at p: a word starts there
// (the grammar opens with \b) and it is a number or one of dateOpeners.
func opensDate(text string, p int) bool {
	if !isWordByte(text[p]) || p > 0 && isWordByte(text[p-1]) {
		return false
	}
	if text[p] >= '0' && text[p] <= '9' {
		return true
	}
	j := p
	for j < len(text) && j-p <= 13 && isLetter(text[j]) {
		j++
	}
	if j-p > 13 {
		return false
	}
	var buf [13]byte
	return dateOpeners[string(appendLower(buf[:0], text[p:j]))]
}

// nextWordStart is the first position after p, before end, where a word starts.
func nextWordStart(text string, p, end int) int {
	p++
	for p < end && !(isWordByte(text[p]) && !isWordByte(text[p-1])) {
		p++
	}
	return p
}

// dateReach bounds how far a date expression reaches from its digits: "sometime
// during the second half of 1990" opens 35 bytes before its first digit, and "8
// February" ends 9 after its last.
const dateReach = 64

// appendDigitWindows appends to out the ranges of text that hold its digits with
// dateReach bytes either side, merged where they touch, and widened to word
// boundaries so that a date at a window's edge reads as it does in the whole text.
func appendDigitWindows(out [][2]int, text string) [][2]int {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		lo, hi := max(0, i-dateReach), min(len(text), j+dateReach)
		for lo > 0 && isWordByte(text[lo-1]) {
			lo--
		}
		for hi < len(text) && isWordByte(text[hi]) {
			hi++
		}
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = hi
		} else {
			out = append(out, [2]int{lo, hi})
		}
		i = j
	}
	return out
}

// isDate reports whether s, folded and in lower case, is a date as a whole. The
// grammar is thousands of instructions and the same few dates come back in every
// source ("1986", "in 1981"), so answers are remembered, up to a bound.
func isDate(s string) bool {
	if v, ok := dateMemo.Load(s); ok {
		return v.(bool)
	}
	ok := datePatternRE.MatchString(s)
	if dateMemoSize.Add(1) <= dateMemoMax {
		dateMemo.Store(strings.Clone(s), ok)
	}
	return ok
}

var (
	dateMemo     sync.Map // lower-case text → whether it is a date
	dateMemoSize atomic.Int64
)

const dateMemoMax = 1 << 16

// ParseDate reads one date expression, in the words of a source ("24 April 1990",
// "the 1960s", "between 2014 and 2016", "by 1987") or in EDTF ("1990-04-24", "196X",
// "1990/1993", "../1987", "1965~"). contextYear (0 for none) supplies the year of a
// date written without one ("8 February"); the result records that it did.
func ParseDate(s string, contextYear int) (Date, error) { return parseDate(s, contextYear, false) }

// parseDate is ParseDate; found says s is a text FindDates found, or the date
// group of an expression that embeds DatePattern: the grammar has matched it whole
// already, so it is not matched again (TestFoundDatesAreDates holds this).
func parseDate(s string, contextYear int, found bool) (Date, error) {
	if found && (s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == '.') {
		found = false // trimmed below, it is no longer the text that matched
	}
	s = strings.TrimSpace(FoldString(s))
	if s == "" {
		return Date{}, ErrNoDate
	}
	if d, ok := parseEDTF(s); ok {
		return d, nil
	}
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if !found && !isDate(s) {
		return Date{}, fmt.Errorf("%w: %q", ErrNoDate, s)
	}
	if m := dayRangeRE.FindStringSubmatch(s); m != nil {
		return parseDayRange(m, contextYear)
	}
	if m := approxRE.FindStringSubmatch(s); m != nil {
		d, err := parsePoint(m[1], contextYear)
		d.Approx = true
		return d, err
	}
	if m := someRE.FindStringSubmatch(s); m != nil {
		return parsePoint(m[1], contextYear)
	}
	if m := boundRE.FindStringSubmatch(s); m != nil {
		p, err := parsePoint(m[2], contextYear)
		if err != nil {
			return Date{}, err
		}
		switch m[1] {
		case "by", "until", "till", "up to", "as late as", "no later than", "not later than":
			return Date{Hi: p.Hi, YearFromContext: p.YearFromContext}, nil
		case "before", "prior to":
			return Date{Hi: p.Lo.addDays(-1), YearFromContext: p.YearFromContext}, nil
		case "after":
			return Date{Lo: p.Hi.addDays(1), YearFromContext: p.YearFromContext}, nil
		default: // since, as early as
			return Date{Lo: p.Lo, YearFromContext: p.YearFromContext}, nil
		}
	}
	if d, err := parsePoint(s, contextYear); err == nil {
		return d, nil
	}
	if m := rangeRE.FindStringSubmatch(s); m != nil {
		a, err := parsePoint(m[1], contextYear)
		if err != nil {
			return Date{}, err
		}
		// "24 to 27 June" and "June 24 to 27" borrow the month and year of the other end;
		// "1981-82" is not in the grammar, so both ends are whole.
		b, err := parsePoint(m[2], yearOf(a, contextYear))
		if err != nil {
			return Date{}, err
		}
		if lowOrd(b.Hi) < lowOrd(a.Lo) {
			return Date{}, fmt.Errorf("%w: %q ends before it starts", ErrNoDate, s)
		}
		return Date{Lo: a.Lo, Hi: b.Hi, Approx: a.Approx || b.Approx, YearFromContext: a.YearFromContext || b.YearFromContext}, nil
	}
	return Date{}, fmt.Errorf("%w: %q", ErrNoDate, s)
}

// parseDayRange reads "June 24 to 27" and "24 to 27 June" (with an optional year,
// else the context year).
func parseDayRange(m []string, contextYear int) (Date, error) {
	atoi := func(x string) int { n, _ := strconv.Atoi(suffixRE.ReplaceAllString(x, "")); return n }
	mon, d1, d2, year := m[1], m[2], m[3], m[4]
	if mon == "" {
		d1, d2, mon, year = m[5], m[6], m[7], m[8]
	}
	y, fromContext := contextYear, true
	if year != "" {
		y, fromContext = atoi(year), false
	}
	mo, a, b := month(mon), atoi(d1), atoi(d2)
	if y == 0 || mo == 0 || a < 1 || b < a || b > lastDay(y, mo) {
		return Date{}, fmt.Errorf("%w: %q", ErrNoDate, strings.Join(m[:1], ""))
	}
	return Date{Lo: Day{y, mo, a}, Hi: Day{y, mo, b}, YearFromContext: fromContext}, nil
}

func yearOf(d Date, fallback int) int {
	if !d.Lo.IsZero() {
		return d.Lo.Y
	}
	return fallback
}

func parsePoint(s string, contextYear int) (Date, error) {
	atoi := func(x string) int { n, _ := strconv.Atoi(suffixRE.ReplaceAllString(x, "")); return n }
	day := func(y, m, d int) (Date, error) {
		if m < 1 || d < 1 || d > lastDay(y, m) {
			return Date{}, fmt.Errorf("%w: no such day %q", ErrNoDate, s)
		}
		return Date{Lo: Day{y, m, d}, Hi: Day{y, m, d}}, nil
	}
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		return day(atoi(m[3]), month(m[2]), atoi(m[1]))
	}
	if m := mdyRE.FindStringSubmatch(s); m != nil {
		return day(atoi(m[3]), month(m[1]), atoi(m[2]))
	}
	if m := myRE.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[2]), month(m[1])
		return Date{Lo: Day{y, mo, 1}, Hi: Day{y, mo, lastDay(y, mo)}}, nil
	}
	if m := yearRE.FindStringSubmatch(s); m != nil {
		y := atoi(m[1])
		return Date{Lo: Day{y, 1, 1}, Hi: Day{y, 12, 31}}, nil
	}
	if m := decadeRE.FindStringSubmatch(s); m != nil {
		y := atoi(m[2])
		lo, hi := y, y+9
		switch m[1] {
		case "early":
			hi = y + 3
		case "mid":
			lo, hi = y+3, y+6
		case "late":
			lo = y + 6
		}
		return Date{Lo: Day{lo, 1, 1}, Hi: Day{hi, 12, 31}}, nil
	}
	if m := partYearRE.FindStringSubmatch(s); m != nil {
		y := atoi(m[3])
		part := m[1] + m[2]
		lo, hi := 1, 12
		switch part {
		case "early", "beginning", "start":
			hi = 4
		case "mid", "middle":
			lo, hi = 4, 9
		case "late", "end":
			lo = 9
		case "first half":
			hi = 6
		case "second half":
			lo = 7
		}
		return Date{Lo: Day{y, lo, 1}, Hi: Day{y, hi, lastDay(y, hi)}}, nil
	}
	if contextYear != 0 {
		var d Date
		var err error
		if m := dmRE.FindStringSubmatch(s); m != nil {
			d, err = day(contextYear, month(m[2]), atoi(m[1]))
		} else if m := mdRE.FindStringSubmatch(s); m != nil {
			d, err = day(contextYear, month(m[1]), atoi(m[2]))
		} else {
			return Date{}, fmt.Errorf("%w: %q", ErrNoDate, s)
		}
		d.YearFromContext = true
		return d, err
	}
	return Date{}, fmt.Errorf("%w: %q", ErrNoDate, s)
}

// parseEDTF reads the forms String writes.
func parseEDTF(s string) (Date, bool) {
	approx := strings.HasSuffix(s, "~")
	s = strings.TrimSuffix(s, "~")
	var d Date
	switch lo, hi, ok := strings.Cut(s, "/"); {
	case ok:
		if lo != ".." {
			a, ok := edtfPoint(lo)
			if !ok {
				return Date{}, false
			}
			d.Lo = a.Lo
		}
		if hi != ".." {
			b, ok := edtfPoint(hi)
			if !ok {
				return Date{}, false
			}
			d.Hi = b.Hi
		}
		if d.IsZero() || (!d.Lo.IsZero() && !d.Hi.IsZero() && d.Hi.ordinal() < d.Lo.ordinal()) {
			return Date{}, false
		}
	default:
		p, ok := edtfPoint(s)
		if !ok {
			return Date{}, false
		}
		d = p
	}
	d.Approx = approx
	return d, true
}

func edtfPoint(s string) (Date, bool) {
	if m := edtfDecRE.FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			y, _ := strconv.Atoi(m[1])
			if y == 0 {
				return Date{}, false // year 0 cannot be written back
			}
			return Date{Lo: Day{y * 10, 1, 1}, Hi: Day{y*10 + 9, 12, 31}}, true
		}
		y, _ := strconv.Atoi(m[2])
		if y == 0 {
			return Date{}, false
		}
		return Date{Lo: Day{y * 100, 1, 1}, Hi: Day{y*100 + 99, 12, 31}}, true
	}
	m := edtfRE.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	y, _ := strconv.Atoi(m[1])
	if y == 0 {
		return Date{}, false
	}
	switch {
	case m[3] != "":
		mo, _ := strconv.Atoi(m[2])
		dd, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 || dd < 1 || dd > lastDay(y, mo) {
			return Date{}, false
		}
		return Date{Lo: Day{y, mo, dd}, Hi: Day{y, mo, dd}}, true
	case m[2] != "":
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return Date{}, false
		}
		return Date{Lo: Day{y, mo, 1}, Hi: Day{y, mo, lastDay(y, mo)}}, true
	}
	return Date{Lo: Day{y, 1, 1}, Hi: Day{y, 12, 31}}, true
}
