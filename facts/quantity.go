package facts

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Quantity is a count as a source states it: a range Min..Max of whole things, with
// the unit counted. "3,000" is 3000..3000; "5,000- 10,000" is 5000..10000; "over
// 4,000" is 4000..∞ (a lower bound); "several thousand" is 3000..9000. Approx marks
// wording such as "about", "approximately", "nearly" or "an estimated", which widens
// the range by the corpus tolerance when it is compared (see Widen).
type Quantity struct {
	Min, Max float64 // Max is +Inf for a lower bound; Min is 0 for an upper bound
	Approx   bool
	Unit     string // the thing counted, in the source's words ("members"); may be empty
}

// Kind is the value kind of a Quantity.
func (Quantity) Kind() ValueKind { return KindQuantity }

// String gives the normalized form: "3000", "5000..10000", "4000..", "..500",
// "~3500", followed by the unit when there is one.
func (q Quantity) String() string {
	var s string
	switch {
	case math.IsInf(q.Max, 1):
		s = num(q.Min) + ".."
	case q.Min == 0 && q.Max > 0:
		s = ".." + num(q.Max)
	case q.Min == q.Max:
		s = num(q.Min)
	default:
		s = num(q.Min) + ".." + num(q.Max)
	}
	if q.Approx {
		s = "~" + s
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Widen returns the range the quantity stands for once approximate wording is
// stretched by tol (a fraction: 0.10 stretches "about 3,000" to 2700..3300).
func (q Quantity) Widen(tol float64) (lo, hi float64) {
	lo, hi = q.Min, q.Max
	if q.Approx {
		lo, hi = lo*(1-tol), hi*(1+tol)
	}
	return lo, hi
}

// Overlaps reports whether two quantities can describe the same count once each is
// widened by tol.
func (q Quantity) Overlaps(o Quantity, tol float64) bool {
	alo, ahi := q.Widen(tol)
	blo, bhi := o.Widen(tol)
	return alo <= bhi && blo <= ahi
}

// Miss is by how much two quantities fail to overlap after widening, as an absolute
// count and as a fraction of the larger value; zero when they overlap.
func (q Quantity) Miss(o Quantity, tol float64) (float64, float64) {
	alo, ahi := q.Widen(tol)
	blo, bhi := o.Widen(tol)
	var gap, base float64
	switch {
	case ahi < blo:
		gap, base = blo-ahi, blo
	case bhi < alo:
		gap, base = alo-bhi, alo
	default:
		return 0, 0
	}
	return gap, gap / base
}

// Human writes the quantity for a reader: "3,000", "5,000–10,000", "at least 4,000".
func (q Quantity) Human() string {
	var s string
	switch {
	case math.IsInf(q.Max, 1):
		s = "at least " + grouped(q.Min)
	case q.Min == 0 && q.Max > 0:
		s = "up to " + grouped(q.Max)
	case q.Min == q.Max:
		s = grouped(q.Min)
	default:
		s = grouped(q.Min) + "–" + grouped(q.Max)
	}
	if q.Approx {
		s = "about " + s
	}
	return s
}

func grouped(f float64) string {
	s := num(f)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
	"a thousand": 1000, "a million": 1e6,
}

var scaleWords = map[string]float64{"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}

// vagueCounts are the number phrases that name a range rather than a number.
var vagueCounts = map[string][2]float64{
	"several thousand":  {3000, 9000},
	"a few thousand":    {2000, 5000},
	"thousands":         {2000, math.Inf(1)},
	"tens of thousands": {20000, 99999},
	"several hundred":   {300, 900},
	"a few hundred":     {200, 500},
	"hundreds":          {200, math.Inf(1)},
	"dozens":            {24, math.Inf(1)},
	"several dozen":     {36, 108},
	"a few dozen":       {24, 60},
	"a handful":         {2, 9},
	"several":           {3, 9},
	"a few":             {2, 5},
}

// Quantity grammar, on folded text. QuantityPattern is what rules embed as {count}.
const (
	// The longer words come first: an alternation takes the first word that fits,
	// and "eight" would take the start of "eighteen".
	reWordNumber = `(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|seventy|a thousand|a million|a hundred|a dozen|eleven|twelve|twenty|thirty|eighty|ninety|forty|fifty|sixty|three|seven|eight|zero|four|five|nine|one|two|six|ten)(?:[- ](?:three|seven|eight|four|five|nine|one|two|six))?`
	reDigits     = `\$?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (?:hundred|thousand|million|billion))?`
	reNumber     = `(?:` + reDigits + `|` + reWordNumber + `(?: (?:hundred|thousand|million))?)`
	reVague      = `(?:several thousand|a few thousand|tens of thousands|thousands|several hundred|a few hundred|hundreds|several dozen|a few dozen|dozens|a handful|several|a few)`
	reQApprox    = `(?:about|approximately|around|roughly|some|an estimated|estimated|nearly|almost|close to|circa|approx\.)`
	reQLower     = `(?:over|more than|above|at least|upwards of|in excess of|no fewer than|no less than)`
	reQUpper     = `(?:up to|under|fewer than|less than|at most|no more than)`
	// QuantityPattern matches one count expression in folded text.
	QuantityPattern = `(?:(?:between |from )?` + reNumber + ` ?(?:-|to|and) ?` + reNumber +
		`|(?:` + reQApprox + `|` + reQLower + `|` + reQUpper + `) ` + reNumber +
		`|` + reVague + `|` + reNumber + `)`
)

var (
	quantityRE   = mustWhole(`^(?i:` + QuantityPattern + `)$`)
	qRangeRE     = mustWhole(`^(?i:(?:between |from )?(` + reNumber + `) ?(?:-|to|and) ?(` + reNumber + `))$`)
	qQualifiedRE = mustWhole(`^(?i:(` + reQApprox + `|` + reQLower + `|` + reQUpper + `) (` + reNumber + `))$`)
	qNormalRE    = mustWhole(`^(~)?(\d+(?:\.\d+)?)?(\.\.)?(\d+(?:\.\d+)?)?$`)
	qUnitRE      = mustWhole(`^([~.\d]*[\d.]) ([a-z][a-z -]*)$`)
	qLowerRE     = mustWhole(`^` + reQLower + `$`)
	qUpperRE     = mustWhole(`^` + reQUpper + `$`)
	wordScaleRE  = mustWhole(`^(?i:(.+?) (hundred|thousand|million|billion))$`)
)

// ErrNoQuantity is returned by ParseQuantity for text that is not a count.
var ErrNoQuantity = errors.New("not a quantity")

// ParseQuantity reads one count expression, in a source's words ("3,000",
// "5,000- 10,000", "over 4,000", "about 3,500", "several thousand", "fifty") or in the
// normalized form String writes ("~3500", "5000..10000 members", "4000..").
func ParseQuantity(s string) (Quantity, error) {
	s = strings.TrimSpace(FoldString(s))
	if q, ok := parseNormalQuantity(s); ok {
		return q, nil
	}
	lower := strings.ToLower(s)
	if !quantityRE.MatchString(lower) {
		return Quantity{}, fmt.Errorf("%w: %q", ErrNoQuantity, s)
	}
	if r, ok := vagueCounts[lower]; ok {
		return Quantity{Min: r[0], Max: r[1]}, nil
	}
	if m := qQualifiedRE.FindStringSubmatch(lower); m != nil {
		n, err := parseNumber(m[2])
		if err != nil {
			return Quantity{}, err
		}
		switch q := m[1]; {
		case qLowerRE.MatchString(q):
			return Quantity{Min: n, Max: math.Inf(1)}, nil
		case qUpperRE.MatchString(q):
			return Quantity{Min: 0, Max: n}, nil
		}
		return Quantity{Min: n, Max: n, Approx: true}, nil
	}
	if n, err := parseNumber(lower); err == nil {
		return Quantity{Min: n, Max: n}, nil
	}
	if m := qRangeRE.FindStringSubmatch(lower); m != nil {
		a, err := parseNumber(m[1])
		if err != nil {
			return Quantity{}, err
		}
		b, err := parseNumber(m[2])
		if err != nil {
			return Quantity{}, err
		}
		if b < a {
			return Quantity{}, fmt.Errorf("%w: %q runs backwards", ErrNoQuantity, s)
		}
		return Quantity{Min: a, Max: b}, nil
	}
	return Quantity{}, fmt.Errorf("%w: %q", ErrNoQuantity, s)
}

// parseNormalQuantity reads String's own output, so that normalizing twice changes
// nothing.
func parseNormalQuantity(s string) (Quantity, bool) {
	unit := ""
	if m := qUnitRE.FindStringSubmatch(s); m != nil {
		if _, scale := scaleWords[strings.ToLower(m[2])]; scale {
			return Quantity{}, false // "5 million" is a number, not 5 of a unit
		}
		s, unit = m[1], m[2]
	}
	m := qNormalRE.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && m[4] == "") {
		return Quantity{}, false
	}
	q := Quantity{Approx: m[1] == "~", Unit: unit}
	a, errA := strconv.ParseFloat(m[2], 64)
	b, errB := strconv.ParseFloat(m[4], 64)
	if m[2] != "" && errA != nil || m[4] != "" && errB != nil {
		return Quantity{}, false // out of range
	}
	switch {
	case m[3] == "" && m[4] != "": // "3000" lands in m[2] and m[4] both only with ".."
		return Quantity{}, false
	case m[3] == "":
		q.Min, q.Max = a, a
	case m[2] == "":
		q.Min, q.Max = 0, b
	case m[4] == "":
		q.Min, q.Max = a, math.Inf(1)
	default:
		if b < a {
			return Quantity{}, false
		}
		q.Min, q.Max = a, b
	}
	return q, true
}

// parseNumber reads "3,000", "$1.3 million", "fifty", "twenty-five", "two thousand".
func parseNumber(s string) (float64, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	if f, ok := numberWords[strings.ToLower(s)]; ok {
		return f, nil // "a million", "a thousand"
	}
	scale := 1.0
	if m := wordScaleRE.FindStringSubmatch(s); m != nil {
		s, scale = m[1], scaleWords[strings.ToLower(m[2])]
	}
	if f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		if f *= scale; math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, fmt.Errorf("%w: %q is too large", ErrNoQuantity, s)
		}
		return f, nil
	}
	s = strings.ToLower(s)
	if f, ok := numberWords[s]; ok {
		return f * scale, nil
	}
	if tens, unit, ok := strings.Cut(strings.ReplaceAll(s, " ", "-"), "-"); ok {
		t, ok1 := numberWords[tens]
		u, ok2 := numberWords[unit]
		if ok1 && ok2 && t >= 20 && u < 10 {
			return (t + u) * scale, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrNoQuantity, s)
}
