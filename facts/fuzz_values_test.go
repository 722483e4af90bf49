package facts

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// FuzzParseDate: ParseDate never panics, what it accepts is a real interval, and its
// String reads back to the same date (normalizing twice changes nothing).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"24 April 1990", "September 5, 1965", "Sept. 5, 1965", "June 1981", "the 1960s",
		"the early 1990s", "mid-1980", "the end of 1981", "by 1987", "By early 1979",
		"since the mid-1980s", "prior to 1979", "between 2014 and 2016", "2010 and 2011",
		"1981–1982", "26 August 1981 to December 1982", "sometime in 2003", "8 February",
		"1990-04-24", "196X", "19XX", "1990/1993", "../1987", "2023/..", "1965~", "1981-09/1981",
		"190X/..", "100X/..", "../19XX", "0999", "1000-01-01",
	} {
		f.Add(s, 0)
		f.Add(s, 1982)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		// The context year is a year some earlier date stated: never negative, and
		// never more digits than EDTF's four.
		year %= 10000
		if year < 0 {
			year = -year
		}
		d, err := ParseDate(s, year)
		_ = d.Human()
		if err != nil {
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q, %d) = the zero Date without an error", s, year)
		}
		if !d.Lo.IsZero() && !d.Hi.IsZero() && d.Hi.ordinal() < d.Lo.ordinal() {
			t.Fatalf("ParseDate(%q, %d) = %+v: ends before it starts", s, year, d)
		}
		again, err := ParseDate(d.String(), year)
		if err != nil {
			t.Fatalf("ParseDate(%q, %d) = %s, which does not parse: %v", s, year, d, err)
		}
		if again.String() != d.String() || again.Lo != d.Lo || again.Hi != d.Hi {
			t.Fatalf("ParseDate(%q, %d) = %s (%+v), but ParseDate(%q) = %s (%+v)", s, year, d, d, d.String(), again, again)
		}
	})
}

// FuzzFindDates: every range FindDates returns is a non-empty piece of the folded text,
// and the ranges run left to right without overlapping.
func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva.",
		"In 2010 and 2011 Ali Saremi, Mohammad Ali Haj Aghaei and Jafar Kazemi were executed by the Iranian government for co-operating with the MEK.",
		"the MEK was fighting on the Iraqi side in the 1980–1988 Iran–Iraq War.",
		"after her husband’s disappearance sometime in 2003.",
		"On 8 February Mousa Khiabani, Rajavi's deputy, was killed.",
		"In the 2000s, the organization had between 5,000 and 10,000 members, with 2,900 to 3,400 at Camp Ashraf.",
		"  • 1981-present: Iraq[18]",
		"From 26 August 1981 to December 1982, the MEK orchestrated 336 attacks against Khomeini officials.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := FoldString(s)
		var want [][2]int
		for _, m := range dateFindRE.FindAllStringIndex(folded, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := FindDates(folded); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("FindDates(%q) = %v, want %v", folded, got, want)
		}
		prev := 0
		for _, r := range FindDates(folded) {
			if r[0] < prev || r[0] >= r[1] || r[1] > len(folded) {
				t.Fatalf("FindDates(%q) returned %v (after %d) in a text of %d bytes", folded, r, prev, len(folded))
			}
			prev = r[1]
			// A date found reads the same as the same words read as any text.
			want, wantErr := ParseDate(folded[r[0]:r[1]], 1990)
			got, gotErr := parseDate(folded[r[0]:r[1]], 1990, true)
			if got != want || (gotErr == nil) != (wantErr == nil) {
				t.Fatalf("%q found: %v, %v; read as any text: %v, %v", folded[r[0]:r[1]], got, gotErr, want, wantErr)
			}
		}
	})
}

// FuzzParseQuantity: ParseQuantity never panics, what it accepts runs from Min up to
// Max, and its String reads back to the same quantity.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{
		"3,000", "5,000- 10,000", "5,000-10,000", "over 4,000", "more than 280", "About 3,000",
		"Approximately 3,500", "nearly 600", "an estimated 2000", "Several thousand", "thousands",
		"fifty", "twenty-five", "2,900 to 3,400", "between 5,000 and 10,000", "at least 50",
		"upwards of 50,000", "up to 500,000", "$1.3 million", "$15,000 to $20,000",
		"~3500", "4000..", "..500", "5000..10000 members", "0.5", "1,000,000,000",
		strings.Repeat("9", 308), // just under the largest float64
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		_ = q.Human()
		if err != nil {
			return
		}
		if math.IsNaN(q.Min) || math.IsNaN(q.Max) || q.Min > q.Max {
			t.Fatalf("ParseQuantity(%q) = {Min %v, Max %v}", s, q.Min, q.Max)
		}
		again, err := ParseQuantity(q.String())
		if err != nil {
			t.Fatalf("ParseQuantity(%q) = %s, which does not parse: %v", s, q, err)
		}
		if again.String() != q.String() {
			t.Fatalf("ParseQuantity(%q) = %s, but ParseQuantity(%q) = %s", s, q, q.String(), again)
		}
	})
}
