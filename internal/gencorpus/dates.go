package gencorpus

import (
	"math/rand/v2"
	"strconv"
)

// day is one calendar day of the made-up history. The zero day means "not yet"
// (a base not left, a listing not lifted).
type day struct{ y, m, d int }

func (d day) isZero() bool { return d.y == 0 }

// before reports whether d comes strictly before o.
func (d day) before(o day) bool {
	if d.y != o.y {
		return d.y < o.y
	}
	if d.m != o.m {
		return d.m < o.m
	}
	return d.d < o.d
}

// edtf writes d as EDTF at the given precision: 2019-06 or 2019.
func (d day) edtf(p precision) string {
	if p == precMonth {
		return strconv.Itoa(d.y) + "-" + twoDigits(d.m)
	}
	return strconv.Itoa(d.y)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// randomDay picks a day of year y. Days stop at 28 so that every month has them
// and a changed month never makes an impossible date.
func randomDay(r *rand.Rand, y int) day { return day{y, 1 + r.IntN(12), 1 + r.IntN(28)} }

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// precision is how finely a source states a date, finest first: a wrong date can
// only be written at a precision fine enough to show what is wrong with it.
type precision int

const (
	precDay    precision = iota // "12 March 1971", "March 12, 1971"
	precMonth                   // "March 1971"
	precYear                    // "1971"
	precPart                    // "the early 1970s", "late 1971"
	precDecade                  // "the 1970s"
)

// precWeights say how often sources use each precision, finest first.
var precWeights = [...]int{30, 20, 36, 9, 5}

// pickPrecision draws a precision no coarser than limit.
func pickPrecision(r *rand.Rand, limit precision) precision {
	total := 0
	for p := precDay; p <= limit; p++ {
		total += precWeights[p]
	}
	n := r.IntN(total)
	for p := precDay; p <= limit; p++ {
		if n < precWeights[p] {
			return p
		}
		n -= precWeights[p]
	}
	return limit
}

// text writes d at precision p, choosing among the usual wordings. Parts of a
// decade or a year are only those that hold d: 1972 is "the early 1970s", never
// "the late 1970s".
func (d day) text(p precision, r *rand.Rand) string {
	y := strconv.Itoa(d.y)
	switch p {
	case precDay:
		if r.IntN(3) == 0 {
			return monthNames[d.m] + " " + strconv.Itoa(d.d) + ", " + y
		}
		return strconv.Itoa(d.d) + " " + monthNames[d.m] + " " + y
	case precMonth:
		return monthNames[d.m] + " " + y
	case precPart:
		if r.IntN(2) == 0 {
			if part := yearPart(d, r); part != "mid" {
				return part + " " + y
			}
			return "mid-" + y
		}
		part := decadePart(d.y, r)
		if part == "mid" {
			part += "-"
		} else {
			part += " "
		}
		return "the " + part + strconv.Itoa(d.y/10*10) + "s"
	case precDecade:
		return "the " + strconv.Itoa(d.y/10*10) + "s"
	}
	return y
}

// decadePart names a part of the decade that holds year y, as the date grammar
// reads it: early is years 0-3, mid 3-6, late 6-9.
func decadePart(y int, r *rand.Rand) string {
	n := y % 10
	var parts []string
	if n <= 3 {
		parts = append(parts, "early")
	}
	if n >= 3 && n <= 6 {
		parts = append(parts, "mid")
	}
	if n >= 6 {
		parts = append(parts, "late")
	}
	return parts[r.IntN(len(parts))]
}

// yearPart names a part of the year that holds d: early is January to April, mid
// April to September, late September to December.
func yearPart(d day, r *rand.Rand) string {
	var parts []string
	if d.m <= 4 {
		parts = append(parts, "early")
	}
	if d.m >= 4 && d.m <= 9 {
		parts = append(parts, "mid")
	}
	if d.m >= 9 {
		parts = append(parts, "late")
	}
	return parts[r.IntN(len(parts))]
}

// inOn is the preposition a date takes: "on 12 March 1971", "in 1971".
func inOn(p precision) string {
	if p == precDay {
		return "on"
	}
	return "in"
}

// groupedInt writes n with thousands separators: 3,000.
func groupedInt(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

var smallNumberWords = [...]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve"}

// countText writes a count as a number, or for small counts sometimes as a word.
// The teens are left out: the tool reads "eighteen" as "eight" where a rule lets
// the count end anywhere ("killed eighteen" in events.named-killed).
func countText(n int, r *rand.Rand) string {
	if n > 1 && n < len(smallNumberWords) && r.IntN(3) == 0 {
		return smallNumberWords[n]
	}
	return groupedInt(n)
}
