package facts

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// dateFindRE finds dates anywhere in a text as the date grammar reads them: what
// FindDates' automaton is held to.
var dateFindRE = regexp.MustCompile(`(?i)\b` + DatePattern)

// mustDate parses s or stops the test; for the operands of the relation tests.
func mustDate(t *testing.T, s string, contextYear int) Date {
	t.Helper()
	d, err := ParseDate(s, contextYear)
	if err != nil {
		t.Fatalf("ParseDate(%q, %d): %v", s, contextYear, err)
	}
	return d
}

// TestParseDate reads date expressions as the seed documents write them (each row
// names the file it was copied from) and the EDTF that String writes back. Every
// accepted row is also parsed a second time from its own String, which must not move.
func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		year    int // context year; 0 for none
		want    string
		prec    Precision
		fromCtx bool // YearFromContext
	}{
		// Days.
		{in: "24 April 1990", want: "1990-04-24", prec: PrecisionDay},                         // wikipedia
		{in: "24 February 1990", want: "1990-02-24", prec: PrecisionDay},                      // wikipedia
		{in: "September 5, 1965", want: "1965-09-05", prec: PrecisionDay},                     // web-profile
		{in: "5 September 1965", want: "1965-09-05", prec: PrecisionDay},                      // wikipedia
		{in: "Sept. 5, 1965", want: "1965-09-05", prec: PrecisionDay},                         // abbreviated month with a period
		{in: "October 8, 1997", want: "1997-10-08", prec: PrecisionDay},                       // start
		{in: "September 28, 2012", want: "2012-09-28", prec: PrecisionDay},                    // start
		{in: "20 December 2012", want: "2012-12-20", prec: PrecisionDay},                      // wikipedia
		{in: "24 April 1990.", want: "1990-04-24", prec: PrecisionDay},                        // a sentence's final period is not part of the date
		{in: "8 February", year: 1982, want: "1982-02-08", prec: PrecisionDay, fromCtx: true}, // wikipedia: "On 8 February Mousa Khiabani ..."
		{in: "June 24", year: 1981, want: "1981-06-24", prec: PrecisionDay, fromCtx: true},    // wikipedia
		{in: "Feb. 19", year: 2011, want: "2011-02-19", prec: PrecisionDay, fromCtx: true},    // wikipedia: "on a panel Feb. 19"

		// Months, years, decades.
		{in: "June 1981", want: "1981-06", prec: PrecisionMonth}, // jamestown, wikipedia
		{in: "July 1981", want: "1981-07", prec: PrecisionMonth}, // wikipedia
		{in: "1965", want: "1965", prec: PrecisionYear},
		{in: "sometime in 2003", want: "2003", prec: PrecisionYear}, // jamestown
		{in: "the 1960s", want: "196X", prec: PrecisionDecade},      // blog, jamestown, wikipedia
		{in: "the 1970s", want: "197X", prec: PrecisionDecade},      // all five
		{in: "the 2000s", want: "200X", prec: PrecisionDecade},      // wikipedia

		// Parts of a year or a decade.
		{in: "the early 1990s", want: "1990/1993", prec: PrecisionRange}, // blog, start, wikipedia
		{in: "the late 1970s", want: "1976/1979", prec: PrecisionRange},  // wikipedia
		{in: "early 2000s", want: "2000/2003", prec: PrecisionRange},     // start
		{in: "mid-1980", want: "1980-04/1980-09", prec: PrecisionRange},  // wikipedia: "by mid-1980"
		{in: "early 1979", want: "1979/1979-04", prec: PrecisionRange},   // wikipedia: "By early 1979"
		{in: "the end of 1981", want: "1981-09/1981", prec: PrecisionRange},

		// Ranges.
		{in: "between 2014 and 2016", want: "2014/2016", prec: PrecisionRange},                      // wikipedia
		{in: "2010 and 2011", want: "2010/2011", prec: PrecisionRange},                              // wikipedia: "In 2010 and 2011 Ali Saremi ..."
		{in: "1980-1988", want: "1980/1988", prec: PrecisionRange},                                  // start
		{in: "1981–1982", want: "1981/1982", prec: PrecisionRange},                                  // wikipedia, en dash
		{in: "from 2005 to 2009", want: "2005/2009", prec: PrecisionRange},                          // wikipedia
		{in: "From 1989 to 1993", want: "1989/1993", prec: PrecisionRange},                          // wikipedia, opening a sentence
		{in: "Between June 1981 and April 1982", want: "1981-06/1982-04", prec: PrecisionRange},     // wikipedia
		{in: "26 August 1981 to December 1982", want: "1981-08-26/1982", prec: PrecisionRange},      // wikipedia
		{in: "between December 2013 and April 2014", want: "2013-12/2014-04", prec: PrecisionRange}, // wikipedia

		// One bound.
		{in: "by 1987", want: "../1987", prec: PrecisionOpen},
		{in: "By 1987", want: "../1987", prec: PrecisionOpen},        // wikipedia, opening a sentence
		{in: "by 1975", want: "../1975", prec: PrecisionOpen},        // wikipedia
		{in: "by mid-1980", want: "../1980-09", prec: PrecisionOpen}, // wikipedia
		{in: "until 2003", want: "../2003", prec: PrecisionOpen},     // wikipedia
		{in: "prior to 1979", want: "../1978", prec: PrecisionOpen},  // start
		{in: "before 2019", want: "../2018", prec: PrecisionOpen},    // wikipedia
		{in: "since 2009", want: "2009/..", prec: PrecisionOpen},
		{in: "Since 2009", want: "2009/..", prec: PrecisionOpen},          // wikipedia, opening a sentence
		{in: "since the mid-1980s", want: "1983/..", prec: PrecisionOpen}, // wikipedia

		// Soft bounds (not in the seeds: their one "about 2014" counts prisoners).
		{in: "circa 1965", want: "1965~", prec: PrecisionYear},

		// EDTF, as String writes it.
		{in: "1990-04-24", want: "1990-04-24", prec: PrecisionDay},
		{in: "1986-06", want: "1986-06", prec: PrecisionMonth},
		{in: "196X", want: "196X", prec: PrecisionDecade},
		{in: "19XX", want: "19XX", prec: PrecisionCentury},
		{in: "1990/1993", want: "1990/1993", prec: PrecisionRange},
		{in: "1981-09/1981", want: "1981-09/1981", prec: PrecisionRange},
		{in: "../1987", want: "../1987", prec: PrecisionOpen},
		{in: "2023/..", want: "2023/..", prec: PrecisionOpen},
		{in: "2023-11/..", want: "2023-11/..", prec: PrecisionOpen}, // an as_of in seeds/compare.yaml
		{in: "1965~", want: "1965~", prec: PrecisionYear},
		{in: "1990-01-01/1990-12-31", want: "1990", prec: PrecisionYear}, // written at the coarsest exact precision
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in, tt.year)
			if err != nil {
				t.Fatalf("ParseDate(%q, %d): %v", tt.in, tt.year, err)
			}
			if got := d.String(); got != tt.want {
				t.Errorf("ParseDate(%q, %d) = %s, want %s", tt.in, tt.year, got, tt.want)
			}
			if got := d.Precision(); got != tt.prec {
				t.Errorf("ParseDate(%q, %d).Precision() = %v, want %v", tt.in, tt.year, got, tt.prec)
			}
			if d.YearFromContext != tt.fromCtx {
				t.Errorf("ParseDate(%q, %d).YearFromContext = %v, want %v", tt.in, tt.year, d.YearFromContext, tt.fromCtx)
			}
			again, err := ParseDate(d.String(), tt.year)
			if err != nil {
				t.Fatalf("ParseDate(%q) (its own String): %v", d.String(), err)
			}
			if again.String() != d.String() || again.Lo != d.Lo || again.Hi != d.Hi || again.Approx != d.Approx {
				t.Errorf("ParseDate(%q) = %+v, want %+v as from %q", d.String(), again, d, tt.in)
			}
		})
	}
}

// TestParseDateRejects: text that is no date, or no possible date, is an error that
// wraps ErrNoDate.
func TestParseDateRejects(t *testing.T) {
	tests := []struct {
		in   string
		year int
	}{
		{in: ""},
		{in: "   "},
		{in: "hello"},
		{in: "the MEK"},
		{in: "32 April 1990"},
		{in: "February 30, 1990"},
		{in: "29 February 1981"}, // not a leap year
		{in: "1990 to 1980"},     // ends before it starts
		{in: "8 February"},       // no year, and none from context
		{in: "29 February", year: 1981},
		{in: "1990/1980"}, // EDTF that ends before it starts
		{in: "1990-13"},
		{in: "0000"},
		{in: "1981-82"},     // the grammar has no two-digit end year
		{in: "April, 2006"}, // a comma never parts a month from its year: "600 by September, 1700 by October"
		{in: "000X/.."},     // year 0 cannot be written back (a fuzz finding)
		{in: "00XX/0001"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in, tt.year)
			if !errors.Is(err, ErrNoDate) {
				t.Errorf("ParseDate(%q, %d) = %v, %v; want an error wrapping ErrNoDate", tt.in, tt.year, d, err)
			}
		})
	}
}

// TestDateRelations compares pairs of dates that the seed documents give for the
// same events.
func TestDateRelations(t *testing.T) {
	tests := []struct {
		a, b       string
		intersects bool
		aHoldsB    bool // a.Contains(b)
		bHoldsA    bool // b.Contains(a)
		gap        int  // days, either way round
		compare    int  // a.Compare(b)
		aBeforeB   bool // a.EndsBefore(b)
		bBeforeA   bool // b.EndsBefore(a)
		union      string
	}{
		// The founding: a year and the day inside it.
		{a: "1965", b: "5 September 1965", intersects: true, aHoldsB: true, compare: 1, union: "1965"},
		{a: "the 1960s", b: "September 5, 1965", intersects: true, aHoldsB: true, compare: 1, union: "196X"},
		// Kazem Rajavi's murder: two days 59 days apart (1990 is no leap year).
		{a: "24 April 1990", b: "24 February 1990", gap: 59, compare: 1, bBeforeA: true, union: "1990-02-24/1990-04-24"},
		// "By 1987" agrees with any year up to 1987, not with a later one.
		{a: "by 1987", b: "1981", intersects: true, aHoldsB: true, compare: 1, union: "../1987"},
		{a: "by 1987", b: "1986", intersects: true, aHoldsB: true, compare: 1, union: "../1987"},
		{a: "by 1987", b: "1987", intersects: true, aHoldsB: true, compare: -1, union: "../1987"},
		{a: "by 1987", b: "1988", gap: 1, compare: -1, aBeforeB: true, union: "../1988"},
		// Adjacent and overlapping periods of the seed's chronology.
		{a: "1965-1979", b: "1979-1981", intersects: true, compare: -1, union: "1965/1981"},
		{a: "1979", b: "1981", gap: 367, compare: -1, aBeforeB: true, union: "1979/1981"},
		{a: "the early 1990s", b: "24 April 1990", intersects: true, aHoldsB: true, compare: 1, union: "1990/1993"},
		{a: "since 2009", b: "2010 and 2011", intersects: true, aHoldsB: true, compare: 1, union: "2009/.."},
		{a: "since 2009", b: "until 2003", gap: 1828, compare: 1, bBeforeA: true},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			a, b := mustDate(t, tt.a, 0), mustDate(t, tt.b, 0)
			if got := a.Intersects(b); got != tt.intersects {
				t.Errorf("Intersects = %v, want %v", got, tt.intersects)
			}
			if got := b.Intersects(a); got != tt.intersects {
				t.Errorf("reversed Intersects = %v, want %v", got, tt.intersects)
			}
			if got := a.Contains(b); got != tt.aHoldsB {
				t.Errorf("a.Contains(b) = %v, want %v", got, tt.aHoldsB)
			}
			if got := b.Contains(a); got != tt.bHoldsA {
				t.Errorf("b.Contains(a) = %v, want %v", got, tt.bHoldsA)
			}
			if got := a.Gap(b); got != tt.gap {
				t.Errorf("a.Gap(b) = %d, want %d", got, tt.gap)
			}
			if got := b.Gap(a); got != tt.gap {
				t.Errorf("b.Gap(a) = %d, want %d", got, tt.gap)
			}
			if got := a.Compare(b); got != tt.compare {
				t.Errorf("a.Compare(b) = %d, want %d", got, tt.compare)
			}
			if got := b.Compare(a); got != -tt.compare {
				t.Errorf("b.Compare(a) = %d, want %d", got, -tt.compare)
			}
			if got := a.EndsBefore(b); got != tt.aBeforeB {
				t.Errorf("a.EndsBefore(b) = %v, want %v", got, tt.aBeforeB)
			}
			if got := b.EndsBefore(a); got != tt.bBeforeA {
				t.Errorf("b.EndsBefore(a) = %v, want %v", got, tt.bBeforeA)
			}
			if tt.union == "" {
				return
			}
			u := a.Union(b)
			if got := u.String(); got != tt.union {
				t.Errorf("Union = %s, want %s", got, tt.union)
			}
			if got := b.Union(a).String(); got != tt.union {
				t.Errorf("reversed Union = %s, want %s", got, tt.union)
			}
			if !u.Contains(a) || !u.Contains(b) {
				t.Errorf("Union %s does not contain both %s and %s", u, a, b)
			}
		})
	}
}

// TestDateUnionKeepsFlags: a union is approximate, or has a year from context, when
// either side is.
func TestDateUnionKeepsFlags(t *testing.T) {
	about, exact := mustDate(t, "circa 1965", 0), mustDate(t, "8 February", 1966)
	u := about.Union(exact)
	if got, want := u.String(), "1965/1966-02-08~"; got != want {
		t.Errorf("Union = %s, want %s", got, want)
	}
	if !u.Approx || !u.YearFromContext {
		t.Errorf("Union = %+v, want Approx and YearFromContext", u)
	}
}

func TestDateWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"24 April 1990", 1},
		{"June 1981", 30},
		{"1965", 365},
		{"1980", 366},
		{"the 1960s", 3653},             // 1960, 1964 and 1968 are leap years
		{"between 2014 and 2016", 1096}, // 2016 is a leap year
		{"by 1987", maxOrd},
		{"since 2009", maxOrd},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mustDate(t, tt.in, 0).Width(); got != tt.want {
				t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateHuman(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"24 April 1990", "24 April 1990"},
		{"September 5, 1965", "5 September 1965"},
		{"June 1981", "June 1981"},
		{"1965", "1965"},
		{"the 1960s", "the 1960s"},
		{"the early 1990s", "1990–1993"},
		{"mid-1980", "April–September 1980"},
		{"between 2014 and 2016", "2014–2016"},
		{"by 1987", "by 1987"},
		{"2023/..", "2023 or later"},
		{"since 2009", "2009 or later"},
		{"1965~", "about 1965"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mustDate(t, tt.in, 0).Human(); got != tt.want {
				t.Errorf("Human(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got, want := (Date{}).Human(), "an unknown date"; got != want {
		t.Errorf("Date{}.Human() = %q, want %q", got, want)
	}
}

// TestFindDates runs FindDates on whole sentences of the seed documents, folded as the
// extractor folds them, and checks exactly which expressions it marks.
func TestFindDates(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{
			name: "one day",
			text: "On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva.",
			want: []string{"24 February 1990"},
		},
		{
			name: "two days",
			text: "The Iranian government is believed to be concerned about MEK activities in Iran, and MEK supporters are a major target of Iran's internal security apparatus abroad and it is said to be responsible for killing MEK members, Kazem Rajavi on 24 April 1990 and Mohammad-Hossein Naghdi, a NCRI representative on 6 March 1993.",
			want: []string{"24 April 1990", "6 March 1993"},
		},
		{
			name: "range, decade, part of a decade",
			text: "[11] MEK forces were involved in bloody exchanges during the 1980-1988 Iran-Iraq war, and from their new base in Iraq they were able to organize and execute several large scale terrorist operations over the course of the 1990s and early 2000s.",
			want: []string{"1980-1988", "the 1990s", "early 2000s"},
		},
		{
			name: "en dash",
			text: "According to the US State Department, the MEK was mainly supported by Iraq during that period and was fighting on the Iraqi side in the 1980–1988 Iran–Iraq War.",
			want: []string{"1980-1988"},
		},
		{
			name: "curly quotes",
			text: "From her base in France, Maryam Rajavi currently holds the position of “President-Elect of the National Council of Resistance of Iran (NCRI)” after her husband’s disappearance sometime in 2003.",
			want: []string{"sometime in 2003"},
		},
		{
			name: "day and month only",
			text: "On 8 February Mousa Khiabani, Rajavi's deputy and the MEK's field commander in Iran was killed following a three-hour gunfight at a North Tehran safehouse.",
			want: []string{"8 February"},
		},
		{
			name: "two years joined by and",
			text: "In 2010 and 2011 Ali Saremi, Mohammad Ali Haj Aghaei and Jafar Kazemi were executed by the Iranian government for co-operating with the MEK.",
			want: []string{"2010 and 2011"},
		},
		{
			name: "bound",
			text: "It was an armed group until 2003, afterwards transitioning into a political group.",
			want: []string{"until 2003"},
		},
		{
			name: "counts are not dates",
			text: "In the 2000s, the organization had between 5,000 and 10,000 members, with 2,900 to 3,400 at Camp Ashraf.",
			want: []string{"the 2000s"},
		},
		{
			name: "present is a period, not a date",
			text: "  • 1981-present: Iraq[18]",
			want: []string{"1981"},
		},
		{
			name: "no date",
			text: "Women make up a significant contingent of the MEK’s ranks, especially in its armed wing.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			folded := FoldString(tt.text)
			var got []string
			for _, r := range FindDates(folded) {
				got = append(got, folded[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindDates(%q)\n got %q\nwant %q", folded, got, tt.want)
			}
		})
	}
}

// TestDateRegressions holds the cases found while testing the parsers, each with the
// real phrasing that showed it.
func TestDateRegressions(t *testing.T) {
	find := func(s string) []string {
		var out []string
		f := FoldString(s)
		for _, m := range FindDates(f) {
			out = append(out, f[m[0]:m[1]])
		}
		return out
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		// wikipedia:55: bound words at the start of a sentence are capitalized.
		{"capitalized bound word", "By 1987, most MEK leaders were based in Iraq, where the group remained until the 2003 US invasion.", []string{"By 1987", "2003"}},
		// wikipedia:37: "September, 1700" is no month of a year. (A bare four-digit
		// count such as 1700 cannot be told from a year by its shape alone.)
		{"counts in a list", `The reported number of executions increased to "600 by September, 1700 by October, and 2500 by December."`, []string{"1700"}},
		// wikipedia:37: a range of days in one month.
		{"day range", "From June 24 to 27, the regime executed an additional 50 people.", []string{"From June 24 to 27"}},
		// A month abbreviation inside a word is no month.
		{"no month inside a word", "He met 10 Marxists and 3 Augustinians.", nil},
	}
	for _, tc := range tests {
		if got := find(tc.text); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: FindDates = %q, want %q", tc.name, got, tc.want)
		}
	}
	d, err := ParseDate("From June 24 to 27", 1981)
	if err != nil || d.String() != "1981-06-24/1981-06-27" || !d.YearFromContext {
		t.Errorf("From June 24 to 27 (1981) = %v %v %v", d, d.YearFromContext, err)
	}
	if d, err := ParseDate("24 to 27 June 1981", 0); err != nil || d.String() != "1981-06-24/1981-06-27" {
		t.Errorf("24 to 27 June 1981 = %v %v", d, err)
	}
}

// TestYMDWritesAsSprintf: the hand-written EDTF formatting gives what fmt gives.
func TestYMDWritesAsSprintf(t *testing.T) {
	for _, y := range []int{-12345, -1000, -50, -5, 0, 7, 65, 999, 1965, 2024, 12345} {
		for _, m := range []int{1, 9, 12} {
			for _, d := range []int{1, 24, 31} {
				if got, want := ymd(y, m, d), fmt.Sprintf("%04d-%02d-%02d", y, m, d); got != want {
					t.Errorf("ymd(%d, %d, %d) = %q, want %q", y, m, d, got, want)
				}
			}
			if got, want := ymd(y, m, 0), fmt.Sprintf("%04d-%02d", y, m); got != want {
				t.Errorf("ymd(%d, %d, 0) = %q, want %q", y, m, got, want)
			}
		}
		if got, want := ymd(y, 0, 0), fmt.Sprintf("%04d", y); got != want {
			t.Errorf("ymd(%d, 0, 0) = %q, want %q", y, got, want)
		}
		if got, want := string(padded(nil, y/10, 3)), fmt.Sprintf("%03d", y/10); got != want {
			t.Errorf("padded(%d, 3) = %q, want %q", y/10, got, want)
		}
	}
}

// TestMayHoldDate: every date has a year or a month's name; counts have neither.
func TestMayHoldDate(t *testing.T) {
	for _, d := range []string{"24 April 1990", "September 5, 1965", "June 1981", "the 1960s", "mid-1980s", "8 February",
		"3-5 May", "by 1987", "1981-present", "the end of 1986", "Sept. 12", "about 2014", "2012-09-28"} {
		if !mayHoldDate(FoldString(d)) {
			t.Errorf("mayHoldDate(%q) = false", d)
		}
		for _, m := range FindDates(FoldString("In " + d + ", they left.")) {
			if !mayHoldDate(FoldString("In " + d + ", they left.")[m[0]:m[1]]) {
				t.Errorf("a date found in %q has neither year nor month", d)
			}
		}
	}
	for _, n := range []string{"3,000 members", "1,400 people", "17 fighters", "up to 250", "[12]"} {
		if mayHoldDate(n) {
			t.Errorf("mayHoldDate(%q) = true", n)
		}
	}
}

// TestDaysIntersectAsDatesDo: two dates' day numbers overlap exactly when the
// dates intersect, open ends included.
func TestDaysIntersectAsDatesDo(t *testing.T) {
	var dates []Date
	for _, s := range []string{"1965", "5 September 1965", "September 1965", "the 1960s", "1964-1966", "24 April 1990", "24 February 1990", "1990", "by 1987", "2014–2016"} {
		dates = append(dates, mustDate(t, s, 0))
	}
	for _, s := range []string{"1981/..", "../1986", "2023/.."} {
		d, ok := parseEDTF(s)
		if !ok {
			t.Fatalf("%q does not parse", s)
		}
		dates = append(dates, d)
	}
	for _, a := range dates {
		for _, b := range dates {
			af, al := a.Days()
			bf, bl := b.Days()
			if got := af <= bl && bf <= al; got != a.Intersects(b) {
				t.Errorf("%v and %v: days %d..%d and %d..%d overlap %v, Intersects %v", a, b, af, al, bf, bl, got, a.Intersects(b))
			}
		}
	}
}

// TestValuesReadOnceForAllSources checks that the readings of values the sources
// of a corpus share give what reading each value anew gives: every date of four
// corpora and some without a year, in three years' contexts, every count and
// period those corpora's claims hold and some made ones, asked by one source and
// then, in the other order, by another written at another time; and once the
// profile remembers no more.
func TestValuesReadOnceForAllSources(t *testing.T) {
	dates := []string{"8 February", "March", "24 to 27 June", "June 24", "the 1980s", "by 1987", "early 2003", "no date"}
	counts := []string{"3,000", "about 3,000 members", "5 million", "several thousand", "over 4,000", "~3000 members", "no count"}
	periods := []string{"1981-present", "1965-1979", "since 2003", "2003-", "no period"}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range doc.Sentences {
				f := s.Folded()
				for _, m := range FindDates(f.Text) {
					dates = append(dates, f.Text[m[0]:m[1]])
				}
			}
		}
		for _, cl := range mustExtractAll(t, c, rs) {
			switch cl.Value.(type) {
			case Quantity:
				counts = append(counts, cl.Text)
			case Period:
				periods = append(periods, cl.Text)
			}
		}
	})
	years := []int{0, 1990, 2010}
	asOf := []Date{{}, {Lo: Day{2015, 1, 1}, Hi: Day{2015, 1, 31}}}
	same := func(what, text string, got, want any, gotErr, wantErr error) {
		t.Helper()
		if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: %q reads as %v (%v), alone as %v (%v)", what, text, got, gotErr, want, wantErr)
		}
	}
	ask := func(x *extractor, i int) {
		t.Helper()
		for _, text := range dates {
			got, gotErr := x.parseDate(text, years[i], true)
			want, wantErr := parseDate(text, years[i], true)
			same(fmt.Sprint("in ", years[i]), text, got, want, gotErr, wantErr)
		}
		for _, text := range counts {
			got, gotErr := x.parseQuantity(text)
			want, wantErr := ParseQuantity(text)
			same("count", text, got, want, gotErr, wantErr)
		}
		for _, text := range periods {
			got, gotErr := x.parsePeriod(text)
			want, wantErr := ParsePeriod(text, x.src.AsOf)
			same(fmt.Sprint("period as of ", x.src.AsOf), text, got, want, gotErr, wantErr)
		}
	}
	p := &Profile{}
	ask(&extractor{memos: memosPool.Get().(*memos), profile: p, src: &Source{AsOf: asOf[0]}}, 0)
	for _, n := range []int{len(p.dates.m), len(p.quantities.m), len(p.periods.m)} {
		if n == 0 {
			t.Fatal("the profile remembers no reading of a kind: the test tells nothing")
		}
	}
	slices.Reverse(dates)
	slices.Reverse(counts)
	slices.Reverse(periods)
	for i := 1; i < len(years); i++ {
		ask(&extractor{memos: memosPool.Get().(*memos), profile: p, src: &Source{AsOf: asOf[i%2]}}, i)
	}
	full := &Profile{}
	full.dates.n, full.quantities.n, full.periods.n = readingsMax, readingsMax, readingsMax
	ask(&extractor{memos: memosPool.Get().(*memos), profile: full, src: &Source{AsOf: asOf[1]}}, 1)
	if n := len(full.dates.m) + len(full.quantities.m) + len(full.periods.m); n > 0 {
		t.Errorf("a full memory stored %d readings", n)
	}
	// What is remembered holds no piece of the text it was read from.
	buf := []byte("3000 members")
	x := &extractor{memos: memosPool.Get().(*memos), profile: &Profile{}}
	if q, err := x.parseQuantity(unsafe.String(&buf[0], len(buf))); err != nil || q.Unit != "members" {
		t.Fatalf("3000 members reads as %v (%v)", q, err)
	}
	copy(buf, "XXXXXXXXXXXX")
	if q, _ := x.profile.quantities.load("3000 members"); q.v.Unit != "members" {
		t.Errorf("the remembered unit changed with the text: %q", q.v.Unit)
	}
	t.Logf("%d date texts, %d counts, %d periods", len(dates), len(counts), len(periods))
}
