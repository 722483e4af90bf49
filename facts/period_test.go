package facts

import "testing"

// asOfDate parses a source's as_of as seeds/compare.yaml writes it; "" is none.
func asOfDate(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	return mustDate(t, s, 0)
}

// TestParsePeriod reads the periods of the seed documents. "present" is the source's
// as_of (START: "2015-01"; the web profile and Wikipedia: "2023/.."), never today.
// String is the EDTF of the period's outer bounds, so it must read back, as a date,
// to Outer.
func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in, asOf  string
		want      string
		toPresent bool
	}{
		{in: "1981-present", asOf: "2015-01", want: "1981/2015-01", toPresent: true}, // start
		{in: "1985-Present", asOf: "2015-01", want: "1985/2015-01", toPresent: true}, // start
		{in: "1981-present", want: "1981/..", toPresent: true},                       // no as_of: present stays open
		{in: "2016–present", asOf: "2023/..", want: "2016/..", toPresent: true},      // wikipedia, en dash
		{in: "since 2009", asOf: "2015-01", want: "2009/2015-01", toPresent: true},
		{in: "Since 2009", asOf: "2023/..", want: "2009/..", toPresent: true}, // wikipedia, opening a sentence
		{in: "since the mid-1980s", asOf: "2023/..", want: "1983/..", toPresent: true},
		{in: "1965-1979", asOf: "2015-01", want: "1965/1979"}, // start
		{in: "1979-1981", asOf: "2015-01", want: "1979/1981"}, // start
		{in: "1980-1988", asOf: "2015-01", want: "1980/1988"}, // start
		{in: "1965–1970", asOf: "2023/..", want: "1965/1970"}, // wikipedia heading, en dash
		{in: "From 1989 to 1993", asOf: "2023/..", want: "1989/1993"},
		{in: "from 2005 to 2009", asOf: "2023/..", want: "2005/2009"},
		{in: "between 2014 and 2016", asOf: "2023/..", want: "2014/2016"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" as of "+tt.asOf, func(t *testing.T) {
			asOf := asOfDate(t, tt.asOf)
			p, err := ParsePeriod(tt.in, asOf)
			if err != nil {
				t.Fatalf("ParsePeriod(%q, %s): %v", tt.in, asOf, err)
			}
			if got := p.String(); got != tt.want {
				t.Errorf("ParsePeriod(%q, %s) = %s, want %s", tt.in, asOf, got, tt.want)
			}
			if p.ToPresent != tt.toPresent {
				t.Errorf("ParsePeriod(%q, %s).ToPresent = %v, want %v", tt.in, asOf, p.ToPresent, tt.toPresent)
			}
			if tt.toPresent && p.To != asOf {
				t.Errorf("ParsePeriod(%q, %s).To = %s, want the as-of date", tt.in, asOf, p.To)
			}
			outer, err := ParseDate(p.String(), 0)
			if err != nil {
				t.Fatalf("ParseDate(%q) (the period's String): %v", p.String(), err)
			}
			if outer != p.Outer() {
				t.Errorf("ParseDate(%q) = %s, want Outer %s", p.String(), outer, p.Outer())
			}
		})
	}
}

func TestParsePeriodRejects(t *testing.T) {
	asOf := asOfDate(t, "2015-01")
	for _, in := range []string{"", "hello", "1981", "1990-1980", "1981-82", "present"} {
		t.Run(in, func(t *testing.T) {
			if p, err := ParsePeriod(in, asOf); err == nil {
				t.Errorf("ParsePeriod(%q) = %s, want an error", in, p)
			}
		})
	}
}

// TestPeriodInner: "1979-1981" surely covers only the last day of 1979 to the first
// of 1981, so it does not surely overlap "1981-present", though its outer bounds do.
func TestPeriodInner(t *testing.T) {
	start := asOfDate(t, "2015-01")
	tests := []struct {
		name   string
		period Period
		want   string // "" for no inner
	}{
		{"1979-1981", mustPeriod(t, "1979-1981", start), "1979-12-31/1981-01-01"},
		{"1965-1979", mustPeriod(t, "1965-1979", start), "1965-12-31/1979-01-01"},
		{"1981-present as of 2015-01", mustPeriod(t, "1981-present", start), "1981-12-31/2015-01-01"},
		{"1981-present with no as-of", mustPeriod(t, "1981-present", Date{}), ""},
		{"2016-present as of 2023/..", mustPeriod(t, "2016–present", asOfDate(t, "2023/..")), ""},
		{"currently, as of 2015-01", Present(start), ""},
		{"currently, as of 2023/..", Present(asOfDate(t, "2023/..")), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, ok := tt.period.Inner()
			switch {
			case tt.want == "" && ok:
				t.Errorf("Inner() = %s, want none", in)
			case tt.want != "" && !ok:
				t.Errorf("Inner() = none, want %s", tt.want)
			case ok && in.String() != tt.want:
				t.Errorf("Inner() = %s, want %s", in, tt.want)
			case ok && !tt.period.Outer().Contains(in):
				t.Errorf("Inner() = %s lies outside Outer() = %s", in, tt.period.Outer())
			}
		})
	}

	early, late := mustPeriod(t, "1979-1981", start), mustPeriod(t, "1981-present", start)
	ei, _ := early.Inner()
	li, _ := late.Inner()
	if ei.Intersects(li) {
		t.Errorf("inner %s of 1979-1981 intersects inner %s of 1981-present; they only share the boundary year", ei, li)
	}
	if !early.Outer().Intersects(late.Outer()) {
		t.Errorf("outer %s of 1979-1981 does not intersect outer %s of 1981-present", early.Outer(), late.Outer())
	}
}

func mustPeriod(t *testing.T, s string, asOf Date) Period {
	t.Helper()
	p, err := ParsePeriod(s, asOf)
	if err != nil {
		t.Fatalf("ParsePeriod(%q, %s): %v", s, asOf, err)
	}
	return p
}

// TestPeriodParts finds where the start and the end of a period are written.
func TestPeriodParts(t *testing.T) {
	tests := []struct {
		text     string
		from, to string // "" for not found
	}{
		{"1979-1981", "1979", "1981"},
		{"1981-present", "1981", ""},
		{"1985-Present", "1985", ""},
		{"From 1973 to 1979", "1973", "1979"},
		{"between 2014 and 2016", "2014", "2016"},
		{"since the mid-1980s", "the mid-1980s", ""},
		{"hello", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			from, to := PeriodParts(tt.text)
			if got := part(tt.text, from); got != tt.from {
				t.Errorf("PeriodParts(%q) from = %v (%q), want %q", tt.text, from, got, tt.from)
			}
			if got := part(tt.text, to); got != tt.to {
				t.Errorf("PeriodParts(%q) to = %v (%q), want %q", tt.text, to, got, tt.to)
			}
			if tt.to == "" && to != [2]int{-1, -1} {
				t.Errorf("PeriodParts(%q) to = %v, want {-1, -1}", tt.text, to)
			}
		})
	}
}

// part is the text a PeriodParts range marks, "" for {-1, -1}.
func part(text string, r [2]int) string {
	if r[0] < 0 {
		return ""
	}
	return text[r[0]:r[1]]
}

func TestPeriodHuman(t *testing.T) {
	start := asOfDate(t, "2015-01")
	tests := []struct {
		in   string
		asOf Date
		want string
	}{
		{"1981-present", start, "1981–present (January 2015)"},
		{"1981-present", Date{}, "1981–present (date unknown)"},
		{"2016–present", asOfDate(t, "2023/.."), "2016–present (2023 or later)"},
		{"1965-1979", start, "1965–1979"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" as of "+tt.asOf.String(), func(t *testing.T) {
			if got := mustPeriod(t, tt.in, tt.asOf).Human(); got != tt.want {
				t.Errorf("Human() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPeriodRegressions holds the cases found while testing the parser.
func TestPeriodRegressions(t *testing.T) {
	asOf, _ := ParseDate("2015-01", 0)
	if p, err := ParsePeriod("2016–present", asOf); err == nil {
		t.Errorf("a period that starts after the source's date parsed as %v", p)
	}
	if p, err := ParsePeriod("since the mid-1980s", asOf); err != nil || p.Human() != "1983–present (January 2015)" {
		t.Errorf("since the mid-1980s: %q %v", p.Human(), err)
	}
	if got := Present(asOf).Human(); got != "at present (January 2015)" {
		t.Errorf("Present().Human() = %q", got)
	}
}
