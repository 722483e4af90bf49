package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/seeds"
)

func mustDate(t *testing.T, s string) facts.Date {
	t.Helper()
	d, err := facts.ParseDate(s, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// corpus makes a corpus of sources with the given as-of dates ("" for none).
func corpus(t *testing.T, asOf map[string]string) *facts.Corpus {
	c := &facts.Corpus{Profile: facts.NewProfile(&facts.Known{Entity: org}, nil)}
	for _, id := range []string{"a", "b", "c"} {
		if v, ok := asOf[id]; ok {
			s := &facts.Source{ID: facts.SourceID(id), Name: strings.ToUpper(id), AsOfText: v}
			if v != "" {
				s.AsOf = mustDate(t, v)
			}
			c.Sources = append(c.Sources, s)
		}
	}
	return c
}

var org = facts.Entity{ID: "org:x", Name: "X", Type: facts.EntityOrganization}

func dateClaim(t *testing.T, src string, line int, pred facts.Predicate, scope, date string) facts.Claim {
	return facts.Claim{Subject: org, Predicate: pred, Scope: scope, Value: mustDate(t, date), Source: facts.SourceID(src), Line: line, Text: date, Span: facts.Span{Start: line * 100, End: line*100 + len(date)}}
}

func TestDatesIntersectAgree(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	res := Judge(c, []facts.Claim{
		dateClaim(t, "a", 1, facts.Founded, "", "the 1960s"),
		dateClaim(t, "b", 2, facts.Founded, "", "1965"),
		dateClaim(t, "c", 3, facts.Founded, "", "5 September 1965"),
	})
	if len(res.Conflicts) != 0 {
		t.Fatalf("intersecting dates conflict: %s", res.Conflicts[0].Explanation)
	}
	if len(res.Agreements) != 1 || res.Agreements[0].Value != "1965-09-05" || len(res.Agreements[0].Sources) != 3 {
		t.Fatalf("agreement: %+v", res.Agreements)
	}
}

func TestDisjointDatesConflict(t *testing.T) {
	tests := []struct {
		name      string
		a, b      string
		sameSrc   bool
		class     Class
		intra     bool
		wantWords []string
	}{
		{"plain dates", "24 April 1990", "24 February 1990", true, Hard, true, []string{"A gives two dates", "24 April 1990 (line 1)", "24 February 1990 (line 2)", "Both cannot be right."}},
		{"two sources", "1981", "1986", false, Hard, false, []string{"Sources disagree", "1981 in A (line 1)", "1986 in B (line 2)"}},
		{"approximate", "about 1984", "1990", false, Soft, false, []string{"approximately"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus(t, map[string]string{"a": "2020", "b": "2020"})
			second := "b"
			if tc.sameSrc {
				second = "a"
			}
			res := Judge(c, []facts.Claim{
				dateClaim(t, "a", 1, facts.MovedTo, "Iraq", tc.a),
				dateClaim(t, second, 2, facts.MovedTo, "Iraq", tc.b),
			})
			if len(res.Conflicts) != 1 {
				t.Fatalf("got %d conflicts", len(res.Conflicts))
			}
			cf := res.Conflicts[0]
			if cf.Class != tc.class || cf.IntraSource != tc.intra {
				t.Errorf("class %v intra %v, want %v %v", cf.Class, cf.IntraSource, tc.class, tc.intra)
			}
			for _, w := range tc.wantWords {
				if !strings.Contains(cf.Explanation, w) {
					t.Errorf("explanation %q lacks %q", cf.Explanation, w)
				}
			}
			if len(cf.Sides) != 2 {
				t.Errorf("sides: %+v", cf.Sides)
			}
		})
	}
}

func TestYearFromContextIsSoft(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020"})
	ctx, err := facts.ParseDate("8 February", 1983)
	if err != nil {
		t.Fatal(err)
	}
	a := dateClaim(t, "a", 1, facts.Killed, "", "1982")
	b := dateClaim(t, "b", 2, facts.Killed, "", "1982")
	b.Value = ctx
	res := Judge(c, []facts.Claim{a, b})
	if len(res.Conflicts) != 1 || res.Conflicts[0].Class != Soft || !strings.Contains(res.Conflicts[0].Explanation, "no year") {
		t.Fatalf("got %+v", res.Conflicts)
	}
}

// TestConflictIDIgnoresPositions: ids come from the key and the (source, value)
// pairs, so moving a sentence keeps the id and changing a value changes it.
func TestConflictIDIgnoresPositions(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020"})
	judge := func(lineA, lineB int, dateB string) string {
		res := Judge(c, []facts.Claim{
			dateClaim(t, "a", lineA, facts.Founded, "", "1972"),
			dateClaim(t, "b", lineB, facts.Founded, "", dateB),
		})
		if len(res.Conflicts) != 1 {
			t.Fatalf("got %d conflicts", len(res.Conflicts))
		}
		return res.Conflicts[0].ID
	}
	first := judge(1, 2, "1975")
	if moved := judge(40, 90, "1975"); moved != first {
		t.Errorf("moving the sentences changed the id: %s → %s", first, moved)
	}
	if changed := judge(1, 2, "1976"); changed == first {
		t.Error("changing a value kept the id")
	}
}

func basedClaim(t *testing.T, c *facts.Corpus, src string, line int, place facts.Place, period string) facts.Claim {
	var when facts.Period
	if period == "present" {
		when = facts.Present(c.Source(facts.SourceID(src)).AsOf)
	} else {
		p, err := facts.ParsePeriod(period, c.Source(facts.SourceID(src)).AsOf)
		if err != nil {
			t.Fatal(err)
		}
		when = p
	}
	return facts.Claim{Subject: org, Predicate: facts.Based, Value: place, When: &when, Source: facts.SourceID(src), Line: line, Text: place.Name}
}

var (
	iraq    = facts.Place{Name: "Iraq", Country: "Iraq"}
	albania = facts.Place{Name: "Albania", Country: "Albania"}
	france  = facts.Place{Name: "France", Country: "France"}
)

func TestBasedNow(t *testing.T) {
	tests := []struct {
		name  string
		asOf  map[string]string
		class Class
		words string
	}{
		{"older source is stale", map[string]string{"a": "2015-01", "b": "2023"}, Stale, "outdated rather than wrong"},
		{"same time is hard", map[string]string{"a": "2023", "b": "2023"}, Hard, "cannot be right"},
		{"no as-of date is hard", map[string]string{"a": "", "b": "2023"}, Hard, "no as-of date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus(t, tc.asOf)
			res := Judge(c, []facts.Claim{
				basedClaim(t, c, "a", 29, iraq, "1981-present"),
				basedClaim(t, c, "b", 1, albania, "present"),
			})
			var now *Conflict
			for _, cf := range res.Conflicts {
				if strings.HasSuffix(cf.Key, "|present") {
					now = cf
				}
			}
			if now == nil {
				t.Fatalf("no conflict about where X is now: %+v", res.Conflicts)
			}
			if now.Class != tc.class || !strings.Contains(now.Explanation, tc.words) {
				t.Errorf("class %v, explanation %q", now.Class, now.Explanation)
			}
		})
	}
}

func TestBasedOverlap(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2015-01", "b": "2015-01"})
	boundary := Judge(c, []facts.Claim{
		basedClaim(t, c, "a", 28, france, "1979-1981"),
		basedClaim(t, c, "a", 29, iraq, "1981-present"),
	})
	if len(boundary.Conflicts) != 0 {
		t.Errorf("a shared boundary year is an overlap: %s", boundary.Conflicts[0].Explanation)
	}
	overlap := Judge(c, []facts.Claim{
		basedClaim(t, c, "a", 28, france, "1979-1986"),
		basedClaim(t, c, "b", 29, iraq, "1981-present"),
	})
	if len(overlap.Conflicts) != 1 || overlap.Conflicts[0].Class != Hard {
		t.Fatalf("overlapping periods in two countries: %+v", overlap.Conflicts)
	}
}

func TestPlaces(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020"})
	person := facts.Entity{ID: "person:k", Name: "K", Type: facts.EntityPerson}
	claim := func(src string, p facts.Place) facts.Claim {
		return facts.Claim{Subject: person, Predicate: facts.KilledIn, Value: p, Source: facts.SourceID(src), Text: p.Name}
	}
	geneva := facts.Place{Name: "Geneva", Country: "Switzerland"}
	swiss := facts.Place{Name: "Switzerland", Country: "Switzerland"}
	rome := facts.Place{Name: "Rome", Country: "Italy"}
	if res := Judge(c, []facts.Claim{claim("a", geneva), claim("b", swiss)}); len(res.Conflicts) != 0 || len(res.Agreements) != 1 {
		t.Errorf("Geneva and Switzerland: %d conflicts, %d agreements", len(res.Conflicts), len(res.Agreements))
	}
	if res := Judge(c, []facts.Claim{claim("a", geneva), claim("b", rome)}); len(res.Conflicts) != 1 {
		t.Errorf("Geneva and Rome do not conflict")
	}
}

// TestSeedsReport checks the findings the embedded corpus must yield.
func TestSeedsReport(t *testing.T) {
	c, rs := mustLoad(t, seeds.FS, "seeds")
	res := Judge(c, mustExtract(t, c, rs))
	byKey := map[string]*Conflict{}
	for _, cf := range res.Conflicts {
		byKey[cf.Key] = cf
		if cf.Explanation == "" || cf.ID == "" || len(cf.Claims) < 2 {
			t.Errorf("conflict %s lacks evidence or explanation", cf.Key)
		}
	}

	now := byKey["org:mek|based|present"]
	if now == nil {
		t.Fatal("START's 1981-present: Iraq is not flagged against the sources that put the group in Albania")
	}
	var startClaim bool
	for _, cl := range now.Claims {
		startClaim = startClaim || cl.Source == "start" && cl.Text == "1981-present: Iraq"
	}
	if !startClaim || now.Class != Stale || !strings.Contains(now.Explanation, "January 2015") || !strings.Contains(now.Explanation, "Albania") {
		t.Errorf("START's home base: class %v, START claim %v, explanation %q", now.Class, startClaim, now.Explanation)
	}

	kazem := byKey["person:kazem-rajavi|killed"]
	if kazem == nil {
		t.Fatal("the two dates of Kazem Rajavi's killing are not flagged")
	}
	if kazem.Class != Hard || !kazem.IntraSource || !strings.Contains(kazem.Explanation, "24 April 1990 (line 81)") || !strings.Contains(kazem.Explanation, "24 February 1990 (line 280)") {
		t.Errorf("Kazem Rajavi: class %v intra %v: %q", kazem.Class, kazem.IntraSource, kazem.Explanation)
	}

	if _, ok := byKey["org:mek|founded"]; ok {
		t.Error("the founding date is flagged as a conflict")
	}
	var founding *Agreement
	for _, a := range res.Agreements {
		if a.Key == "org:mek|founded" {
			founding = a
		}
	}
	if founding == nil {
		t.Fatal("the founding date is not listed as an agreement")
	}
	for _, v := range []string{"196X", "1965", "1965-09-05"} {
		if !contains(founding.Values, v) {
			t.Errorf("the founding agreement lacks %s: %v", v, founding.Values)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// At newsroom scale one value stands in thousands of sources: the explanation
// names a few and counts the rest, while the conflict keeps every claim.
func TestExplanationCountsWhatItDoesNotName(t *testing.T) {
	c := &facts.Corpus{Profile: facts.NewProfile(&facts.Known{Entity: org}, nil)}
	var claims []facts.Claim
	for i := range 40 {
		id := fmt.Sprintf("s%02d", i)
		c.Sources = append(c.Sources, &facts.Source{ID: facts.SourceID(id), Name: "Source " + id, AsOfText: "2020", AsOf: mustDate(t, "2020")})
		year := "1981"
		if i%4 == 3 {
			year = "1986"
		}
		claims = append(claims, dateClaim(t, id, 10+i, facts.MovedTo, "Iraq", year))
		if i%10 == 9 { // a source that contradicts itself
			claims = append(claims, dateClaim(t, id, 90+i, facts.MovedTo, "Iraq", "1981"))
		}
	}
	res := Judge(c, claims)
	if len(res.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(res.Conflicts))
	}
	cf := res.Conflicts[0]
	if len(cf.Claims) != len(claims) {
		t.Errorf("the conflict holds %d claims, want all %d", len(cf.Claims), len(claims))
	}
	for _, want := range []string{
		"1981 in Source s00 (line 10), Source s01 (line 11), Source s02 (line 12), Source s04 (line 14) and 28 more sources;", // 30 sources, s19 and s39,
		"1986 in Source s03 (line 13), Source s07 (line 17), Source s11 (line 21), Source s15 (line 25) and 6 more sources.",
		" Source s19 contradicts itself. Source s39 contradicts itself. Both",
	} {
		if !strings.Contains(cf.Explanation, want) {
			t.Errorf("explanation lacks %q:\n%s", want, cf.Explanation)
		}
	}
	if strings.Contains(cf.Explanation, "s05") {
		t.Errorf("explanation names a fifth source of a value:\n%s", cf.Explanation)
	}
	if got := joinSome(5, "source", func(i int) string { return string(rune('A' + i)) }); got != "A, B, C, D and E" {
		t.Errorf("five items: %q (one more is named, never counted)", got)
	}
	if got := joinSome(6, "source", func(i int) string { return string(rune('A' + i)) }); got != "A, B, C, D and 2 more sources" {
		t.Errorf("six items: %q", got)
	}
	var b strings.Builder
	contradictsItself(&b, []string{"a", "b", "c", "d", "e", "f"})
	if got := b.String(); got != " A, b, c, d and 2 more sources each contradict themselves." {
		t.Errorf("six self-contradictions: %q", got)
	}
}

// TestExplanationCountsValuesItDoesNotName: a question a thousand sources answer
// comes in dozens of values; the explanation names the valuesMax that the most
// claims give, in their order, and counts the others with their claims.
func TestExplanationCountsValuesItDoesNotName(t *testing.T) {
	c := &facts.Corpus{Profile: facts.NewProfile(&facts.Known{Entity: org}, nil)}
	var claims []facts.Claim
	// 1971 to 1980, each year stated by as many sources as its last digit, in
	// order: 1971 once, 1972 twice, … 1980 ten times.
	n := 0
	for year := 1971; year <= 1980; year++ {
		for range (year-1970-1)%10 + 1 {
			id := fmt.Sprintf("s%02d", n)
			c.Sources = append(c.Sources, &facts.Source{ID: facts.SourceID(id), Name: "Source " + id, AsOfText: "2020", AsOf: mustDate(t, "2020")})
			claims = append(claims, dateClaim(t, id, 10+n, facts.MovedTo, "Iraq", fmt.Sprint(year)))
			n++
		}
	}
	res := Judge(c, claims)
	if len(res.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(res.Conflicts))
	}
	got := res.Conflicts[0].Explanation
	// 1975 to 1980 are named: 5 to 10 claims; 1971 to 1974 counted: 1+2+3+4.
	if !strings.Contains(got, "; and 4 other values in 10 more claims.") || !strings.Contains(got, ": 1975 in Source s10 (line 20),") {
		t.Errorf("explanation:\n%s", got)
	}
	for _, year := range []string{"1971", "1972", "1973", "1974"} {
		if strings.Contains(got, year) {
			t.Errorf("explanation names %s, one of the values stated least:\n%s", year, got)
		}
	}
	parts := []string{"a", "b", "c", "d", "e", "f", "g"}
	if got := joinValues(parts, []int{1, 1, 1, 1, 1, 1, 1}); got != "a; b; c; d; e; f; g" {
		t.Errorf("seven values: %q (one more is named, never counted)", got)
	}
	if got := joinValues(append(parts, "h"), []int{1, 9, 1, 2, 1, 1, 1, 3}); got != "a; b; c; d; e; h; and 2 other values in 2 more claims" {
		t.Errorf("eight values: %q", got)
	}
}

// TestLeaderStartsByValue: the sources that give one start for a leader are named
// together, as for any date.
func TestLeaderStartsByValue(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	person := facts.Entity{ID: "person:p", Name: "P", Type: facts.EntityPerson}
	lead := func(src string, line int, from string) facts.Claim {
		return facts.Claim{Subject: person, Predicate: facts.Leader, Scope: "X", Source: facts.SourceID(src), Line: line, Text: from,
			Value: facts.Period{From: mustDate(t, from), ToPresent: true}, Span: facts.Span{Start: line * 100, End: line*100 + len(from)}}
	}
	res := Judge(c, []facts.Claim{lead("a", 1, "1978"), lead("b", 2, "1978"), lead("c", 3, "1979")})
	if len(res.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(res.Conflicts))
	}
	cf := res.Conflicts[0]
	if want := "Sources disagree on when P began to lead X: 1978 in A (line 1) and B (line 2); 1979 in C (line 3). Both cannot be right."; cf.Explanation != want {
		t.Errorf("explanation:\n%s\nwant\n%s", cf.Explanation, want)
	}
	if len(cf.Sides) != 2 || len(cf.Sides[0].Claims) != 2 {
		t.Errorf("%d sides, the first of %d claims; want 2 and 2", len(cf.Sides), len(cf.Sides[0].Claims))
	}
}

// TestJoinedCompare: comparing the parts of two "source=value" lines orders them
// as comparing the lines would ("s1=…" after "s10=…", since '=' follows '0').
func TestJoinedCompare(t *testing.T) {
	parts := [][2]string{{"s1", "1986"}, {"s10", "1981"}, {"s1", ""}, {"", "x"}, {"s1", "1986-04"}, {"s", "1=x"}, {"s1=", ""}, {"a", "b"}}
	// And every pair of parts of up to two characters around '=' in byte order.
	short := []string{""}
	for _, c := range "0=>s" {
		short = append(short, string(c))
		for _, d := range "0=>s" {
			short = append(short, string(c)+string(d))
		}
	}
	for _, x := range short {
		for _, y := range short {
			parts = append(parts, [2]string{x, y})
		}
	}
	for _, a := range parts {
		for _, b := range parts {
			want := strings.Compare(a[0]+"="+a[1], b[0]+"="+b[1])
			if got := joinedCompare(a[0], a[1], b[0], b[1]); got != want {
				t.Errorf("joinedCompare(%q, %q, %q, %q) = %d, want %d", a[0], a[1], b[0], b[1], got, want)
			}
		}
	}
}

// TestSortClaimsSortsAsLessDoes: the shortcut for claims that come by source and
// offset gives what a stable sort by less gives, in order or not.
func TestSortClaimsSortsAsLessDoes(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	j := &judge{corpus: c}
	var claims []facts.Claim
	for _, src := range []string{"a", "b", "c"} {
		for line := 1; line <= 4; line++ {
			for _, year := range []string{"1990", "1981", "1986"} {
				claims = append(claims, dateClaim(t, src, line, facts.MovedTo, "Iraq", year))
			}
		}
	}
	ordered := make([]*facts.Claim, len(claims))
	for i := range claims {
		ordered[i] = &claims[i]
	}
	shuffled := append([]*facts.Claim(nil), ordered...)
	for i := range shuffled {
		k := (i*7 + 3) % len(shuffled)
		shuffled[i], shuffled[k] = shuffled[k], shuffled[i]
	}
	for name, in := range map[string][]*facts.Claim{"by source and offset": ordered, "shuffled": shuffled} {
		want := append([]*facts.Claim(nil), in...)
		sort.SliceStable(want, func(a, b int) bool { return j.less(want[a], want[b]) })
		got := append([]*facts.Claim(nil), in...)
		j.sortClaims(got)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: claim %d is %s line %d %s, want %s line %d %s", name, i, got[i].Source, got[i].Line, got[i].Normalized(), want[i].Source, want[i].Line, want[i].Normalized())
			}
		}
	}
}

// TestSourcesTheManifestDoesNotList: claims from sources the corpus does not list
// (made by hand, or from another corpus) are judged like the others, and enough
// of them to be indexed rather than looked through.
func TestSourcesTheManifestDoesNotList(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020"})
	claims := []facts.Claim{dateClaim(t, "a", 1, facts.Founded, "", "1990")}
	var want []facts.SourceID
	want = append(want, "a")
	for i := range 2 * smallList {
		src := fmt.Sprintf("x%02d", i)
		claims = append(claims, dateClaim(t, src, 1, facts.Founded, "", []string{"1990", "1991"}[i%2]))
		want = append(want, facts.SourceID(src))
	}
	claims = append(claims, dateClaim(t, "x03", 2, facts.Founded, "", "1990"))
	res := Judge(c, claims)
	if len(res.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(res.Conflicts))
	}
	got := res.Conflicts[0]
	if !slices.Equal(got.Sources(), want) {
		t.Errorf("sources %v, want %v", got.Sources(), want)
	}
	if !got.IntraSource || !strings.Contains(got.Explanation, "X03 contradicts itself") {
		t.Errorf("x03 states 1991 and 1990: intra-source %v, %q", got.IntraSource, got.Explanation)
	}
}

// TestCountsCompareAsClaimsDo: comparing the summaries of two counts says what
// comparing their claims says.
func TestCountsCompareAsClaimsDo(t *testing.T) {
	whens := []*facts.Period{nil}
	for _, span := range [][2]string{{"2003", "2003"}, {"2003", "2004"}, {"the 2000s", "the 2000s"}, {"1990", "1990"}, {"by 2018", "by 2018"}, {"1981", "2023"}} {
		whens = append(whens, &facts.Period{From: mustDate(t, span[0]), To: mustDate(t, span[1])})
	}
	var claims []*facts.Claim
	for _, w := range whens {
		claims = append(claims, &facts.Claim{Value: facts.Quantity{Min: 3000, Max: 3000}, When: w})
	}
	for _, a := range claims {
		for _, b := range claims {
			ca, cb := countOf(a), countOf(b)
			if got, want := ca.sameTime(&cb), sameTime(a, b); got != want {
				t.Errorf("%v and %v: the summaries say same time %v, the claims %v", a.When, b.When, got, want)
			}
		}
	}
}

// TestSelfContradictionsInAnyOrder: the sources that state two disagreeing
// dates are found, in the order of their first such claim, whether each source's
// claims come together (as judging sorts them) or not.
func TestSelfContradictionsInAnyOrder(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	j := &judge{corpus: c}
	claim := func(src, year string, line int) *facts.Claim {
		cl := dateClaim(t, src, line, facts.Founded, "", year)
		return &cl
	}
	disagree := func(a, b *facts.Claim) bool { return !date(a).Intersects(date(b)) }
	for _, tc := range []struct {
		name  string
		group []*facts.Claim
		want  []facts.SourceID
	}{
		{"together", []*facts.Claim{claim("a", "1990", 1), claim("b", "1991", 1), claim("b", "1990", 2), claim("c", "1990", 1), claim("c", "1991", 2), claim("c", "1990", 3)}, []facts.SourceID{"b", "c"}},
		{"apart", []*facts.Claim{claim("c", "1990", 1), claim("a", "1990", 1), claim("b", "1991", 1), claim("a", "1990", 2), claim("c", "1991", 2), claim("b", "1990", 2)}, []facts.SourceID{"c", "b"}},
	} {
		s := splitGroup(j, tc.group, valueKey, disagree)
		if got := s.selfContradictions(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v contradict themselves, want %v", tc.name, got, tc.want)
		}
	}
}

// TestGroupingOnAnyNumberOfCores: claims grouped in runs on several cores come
// out as grouped on one: the same keys in the same order, each group in order.
func TestGroupingOnAnyNumberOfCores(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	preds := []facts.Predicate{facts.Founded, facts.MovedTo, facts.Left}
	scopes := []string{"", "Iraq", "France", "Albania"}
	var claims []facts.Claim
	for i := range 5 * minChunk {
		claims = append(claims, dateClaim(t, []string{"a", "b", "c"}[i*7/(5*minChunk)%3], i, preds[i*i%3], scopes[i*13%4], "1990"))
	}
	group := func(procs int) ([]string, [][]*facts.Claim) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		j := &judge{corpus: c}
		all := make([]*facts.Claim, len(claims))
		for i := range claims {
			all[i] = &claims[i]
		}
		g := j.group(all)
		return j.keys, g
	}
	wantKeys, want := group(1)
	for _, procs := range []int{2, 3, 8} {
		keys, got := group(procs)
		if !slices.Equal(keys, wantKeys) || len(got) != len(want) {
			t.Fatalf("on %d cores: keys %v, want %v", procs, keys, wantKeys)
		}
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("on %d cores: group %s differs", procs, keys[i])
			}
		}
	}
}

// TestJudgeOnAnyNumberOfCores: the passes over every claim that run in chunks on
// all cores (sorting, resolving names, grouping) give the judgement one core
// gives, on enough claims for several chunks: the embedded corpus's claims told
// again by two hundred sources, some of them in another order.
func TestJudgeOnAnyNumberOfCores(t *testing.T) {
	seedsCorpus, rs := mustLoad(t, seeds.FS, "seeds")
	base := mustExtract(t, seedsCorpus, rs)
	c := &facts.Corpus{Profile: seedsCorpus.Profile, Tolerance: seedsCorpus.Tolerance}
	var claims []facts.Claim
	for i := range 200 {
		from := seedsCorpus.Sources[i%len(seedsCorpus.Sources)]
		s := *from
		s.ID, s.Name = facts.SourceID(fmt.Sprintf("s%03d", i)), fmt.Sprintf("%s %d", from.Name, i)
		c.Sources = append(c.Sources, &s)
		for _, cl := range base {
			if cl.Source == from.ID {
				cl.Source = s.ID
				claims = append(claims, cl)
			}
		}
	}
	if len(claims) < 3*minChunk {
		t.Fatalf("%d claims: too few for several chunks", len(claims))
	}
	// Out of order: judging sorts the claims itself.
	slices.Reverse(claims[len(claims)/3 : len(claims)/2])
	want := judgement(c, claims, 1)
	for _, procs := range []int{2, 4} {
		if got := judgement(c, claims, procs); got != want {
			t.Errorf("on %d cores the judgement differs from one core's", procs)
		}
	}
}

// TestSortClaimsAcrossChunks: a run of claims at one offset longer than a chunk
// is sorted whole when the claims are sorted on several cores.
func TestSortClaimsAcrossChunks(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	c := corpus(t, map[string]string{"a": "2020", "b": "2020"})
	j := &judge{corpus: c}
	var claims []facts.Claim
	for i := range 3 * minChunk {
		cl := dateClaim(t, "a", 1, facts.MovedTo, "Iraq", fmt.Sprint(2000-i%97))
		claims = append(claims, cl)
	}
	claims = append(claims, dateClaim(t, "b", 1, facts.MovedTo, "Iraq", "1990"))
	in := make([]*facts.Claim, len(claims))
	for i := range claims {
		in[i] = &claims[i]
	}
	want := slices.Clone(in)
	sort.SliceStable(want, func(a, b int) bool { return j.less(want[a], want[b]) })
	j.sortClaims(in)
	if !slices.Equal(in, want) {
		t.Error("the run of claims at one offset is not sorted as a whole")
	}
}

// TestConflictIDInAnyOrder: the id is the hash of the key and the sorted, distinct
// "source=value" lines, whatever the order of the claims (by source or not, a
// source's values in any order, a pair given twice).
func TestConflictIDInAnyOrder(t *testing.T) {
	for _, sources := range [][]string{
		{"a", "a=", "ab", "b", "c"},                            // an id holding "=": no ranks
		{"a", "a-b", "a0", "a_", "ab", "b", "s1", "s10", "s2"}, // ranks: "a" before "a_" and "ab", after "a-b" and "a0"
	} {
		var claims []*facts.Claim
		for i := range 3 * len(sources) {
			src := sources[(i*7)%len(sources)]
			c := dateClaim(t, src, i+1, facts.Founded, "", fmt.Sprint(1970+i%4))
			claims = append(claims, &c)
		}
		c := dateClaim(t, sources[0], 99, facts.Founded, "", "1971") // a pair given twice
		claims = append(claims, &c)
		oracle := func(claims []*facts.Claim) string {
			seen := map[string]bool{}
			var lines []string
			for _, c := range claims {
				if l := string(c.Source) + "=" + c.Normalized(); !seen[l] {
					seen[l] = true
					lines = append(lines, l)
				}
			}
			sort.Strings(lines)
			sum := sha256.Sum256([]byte("k\n" + strings.Join(lines, "\n")))
			return hex.EncodeToString(sum[:])[:12]
		}
		ranks := idRanks(sources)
		if hasEq := slices.ContainsFunc(sources, func(s string) bool { return strings.Contains(s, "=") }); (ranks == nil) != hasEq {
			t.Fatalf("idRanks(%q) = %v", sources, ranks)
		}
		rank := func(c *facts.Claim) int { return ranks[slices.Index(sources, string(c.Source))] }
		if ranks == nil {
			rank = nil
		}
		want := oracle(claims)
		rng := rand.New(rand.NewPCG(1, 2))
		for range 200 {
			rng.Shuffle(len(claims), func(i, j int) { claims[i], claims[j] = claims[j], claims[i] })
			for _, r := range []func(*facts.Claim) int{nil, rank} {
				if got := conflictID("k", claims, r); got != want {
					t.Fatalf("conflictID of %v = %s, want %s", claims, got, want)
				}
			}
		}
		for _, order := range []func(a, b *facts.Claim) int{
			func(a, b *facts.Claim) int { return strings.Compare(string(a.Source), string(b.Source)) },
			func(a, b *facts.Claim) int { return strings.Compare(string(b.Source), string(a.Source)) },
		} {
			slices.SortStableFunc(claims, order)
			for _, r := range []func(*facts.Claim) int{nil, rank} {
				if got := conflictID("k", claims, r); got != want {
					t.Fatalf("conflictID of the claims by source = %s, want %s", got, want)
				}
			}
		}
	}
}

// TestCountsNamedWithTheirTimes: a count that several sources give for several
// years is named once per year, so that each source stands by its own year; one
// source's count for two years stays one statement.
func TestCountsNamedWithTheirTimes(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	count := func(src string, line, n int, year string) facts.Claim {
		text := fmt.Sprint(n)
		w := facts.Period{From: mustDate(t, year), To: mustDate(t, year)}
		return facts.Claim{Subject: org, Predicate: facts.Members, Source: facts.SourceID(src), Line: line, Text: text,
			Value: facts.Quantity{Min: float64(n), Max: float64(n)}, When: &w, Span: facts.Span{Start: line * 100, End: line*100 + len(text)}}
	}
	res := Judge(c, []facts.Claim{
		count("a", 1, 3000, "2003"), count("a", 2, 3000, "2004"), // one source, two years: one statement
		count("b", 3, 2900, "2003"), count("c", 4, 2900, "2004"), // two sources, two years: two
		count("c", 5, 1000, "the 2000s"), // disagrees with all: one conflict
	})
	if len(res.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want 1", len(res.Conflicts))
	}
	got := res.Conflicts[0].Explanation
	for _, want := range []string{"3,000 for 2003 and 2004 in A (lines 1, 2);", "2,900 for 2003 in B (line 3); 2,900 for 2004 in C (line 4);", "1,000 for the 2000s in C (line 5).", "They cannot all be right."} {
		if !strings.Contains(got, want) {
			t.Errorf("explanation lacks %q:\n%s", want, got)
		}
	}
}

// memberCount is a claim that the subject had n members at a time ("1970", or
// "1960/1999" from one to the other).
func memberCount(t *testing.T, src string, line, n int, when string) facts.Claim {
	text := fmt.Sprint(n)
	from, to, _ := strings.Cut(when, "/")
	if to == "" {
		to = from
	}
	w := facts.Period{From: mustDate(t, from), To: mustDate(t, to)}
	return facts.Claim{Subject: org, Predicate: facts.Members, Source: facts.SourceID(src), Line: line, Text: text,
		Value: facts.Quantity{Min: float64(n), Max: float64(n)}, When: &w, Span: facts.Span{Start: line * 100, End: line*100 + len(text)}}
}

// TestCountsConflictByStretchOfTime: counts for 1970 that disagree and counts for
// 1990 that disagree are two questions, each a conflict with the stretch of time in
// its key, title and explanation; counts whose disagreements hang together through
// a decade are one, keyed by the question alone when they are all of it.
func TestCountsConflictByStretchOfTime(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	res := Judge(c, []facts.Claim{
		memberCount(t, "a", 1, 2900, "1970"), memberCount(t, "b", 2, 2400, "1970"),
		memberCount(t, "a", 3, 5000, "1990"), memberCount(t, "c", 4, 7000, "1990"),
		memberCount(t, "b", 5, 6000, "1995"), // agrees with no 1990 count, and is for another time
	})
	var got []string
	for _, cf := range res.Conflicts {
		got = append(got, cf.Key+" | "+cf.Title+" | "+fmt.Sprint(len(cf.Claims)))
	}
	want := []string{
		"org:x|members@1970 | How many members X had in 1970 | 2",
		"org:x|members@1990 | How many members X had in 1990 | 2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conflicts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := res.Conflicts[0].Explanation; !strings.HasPrefix(got, "Sources disagree on how many members X had in 1970: 2,900 in A (line 1); 2,400 in B (line 2). The counts miss by 500") {
		t.Errorf("explanation: %s", got)
	}
	// A count for 1960 to 1999 disagrees with both: one conflict, the question's own.
	res = Judge(c, []facts.Claim{
		memberCount(t, "a", 1, 2900, "1970"), memberCount(t, "b", 2, 2400, "1970"),
		memberCount(t, "a", 3, 5000, "1990"), memberCount(t, "c", 4, 7000, "1990"),
		memberCount(t, "c", 6, 100, "1960/1999"),
	})
	if len(res.Conflicts) != 1 || res.Conflicts[0].Key != "org:x|members" || res.Conflicts[0].Title != "How many members X had" {
		t.Errorf("%d conflicts, the first %q %q; want the question's one", len(res.Conflicts), res.Conflicts[0].Key, res.Conflicts[0].Title)
	}
}

// manyCounts is a group of member counts from three sources: "a" gives a count
// for each of many years (a few values a year, some twice), "b" and "c" a few,
// some with no time and some up to a year ("by 1990"); in the order judging
// sorts them (by source).
func manyCounts(t *testing.T) []facts.Claim {
	r := rand.New(rand.NewPCG(7, 7))
	var claims []facts.Claim
	line := 0
	add := func(src string, n int, when string) {
		line++
		cl := memberCount(t, src, line, n, "1970")
		switch when {
		case "":
			cl.When = nil
		case "by":
			cl.When = &facts.Period{From: mustDate(t, "by 1990"), To: mustDate(t, "by 1990")}
		default:
			from, to, _ := strings.Cut(when, "/")
			if to == "" {
				to = from
			}
			cl.When = &facts.Period{From: mustDate(t, from), To: mustDate(t, to)}
		}
		claims = append(claims, cl)
	}
	for range 400 {
		add("a", 100*(1+r.IntN(6)), fmt.Sprint(1950+r.IntN(40)))
	}
	for range 30 {
		y := 1950 + r.IntN(40)
		whens := []string{"", "by", fmt.Sprint(y), fmt.Sprintf("%d/%d", y, y+r.IntN(8))}
		add([]string{"b", "c"}[r.IntN(2)], 100*(1+r.IntN(6)), whens[r.IntN(len(whens))])
	}
	slices.SortStableFunc(claims, func(x, y facts.Claim) int { return strings.Compare(string(x.Source), string(y.Source)) })
	return claims
}

// TestSameTimePairsAsEveryTwo: the pairs of counts about the same time are those
// a loop over every two finds, in its order.
func TestSameTimePairsAsEveryTwo(t *testing.T) {
	claims := manyCounts(t)
	counts := make([]count, len(claims))
	for i := range claims {
		counts[i] = countOf(&claims[i])
	}
	var want [][2]int32
	for i := range counts {
		for k := i + 1; k < len(counts); k++ {
			if counts[i].sameTime(&counts[k]) {
				want = append(want, [2]int32{int32(i), int32(k)})
			}
		}
	}
	got := sameTimePairs(counts)
	if len(want) < 100 || len(want) > len(counts)*len(counts)/4 {
		t.Fatalf("%d pairs of %d counts about the same time: the test tells little", len(want), len(counts))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d pairs, a loop over every two finds %d", len(got), len(want))
	}
}

// TestSelfContradictionsOfManyBuckets: a source that gives counts for many years
// contradicts itself where a loop over every two of its claims says it does, and
// the stretches of time (components) hold every claim that disagrees once, with
// the pairs of the whole between their buckets.
func TestSelfContradictionsOfManyBuckets(t *testing.T) {
	for _, order := range []string{"by source", "mixed"} {
		claims := manyCounts(t)
		if order == "mixed" {
			r := rand.New(rand.NewPCG(1, 2))
			r.Shuffle(len(claims), func(i, k int) { claims[i], claims[k] = claims[k], claims[i] })
		}
		t.Run(order, func(t *testing.T) { selfContradictionsOfManyBuckets(t, claims) })
	}
}

func selfContradictionsOfManyBuckets(t *testing.T, claims []facts.Claim) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	j := &judge{corpus: c}
	group := make([]*facts.Claim, len(claims))
	for i := range claims {
		group[i] = &claims[i]
	}
	s := splitGroupBy(j, group, countKey, countOf, sameTimePairs, func(a, b *count) bool { return !a.q.Overlaps(b.q, 0) })
	disagree := func(a, b *facts.Claim) bool {
		ca, cb := countOf(a), countOf(b)
		return ca.sameTime(&cb) && !ca.q.Overlaps(cb.q, 0)
	}
	type first struct {
		id facts.SourceID
		at int
	}
	var firsts []first
	for _, id := range []facts.SourceID{"a", "b", "c"} {
		f := -1 // the first claim of the source that disagrees with a later one of it
		for i, x := range group {
			for k := i + 1; k < len(group); k++ {
				if x.Source == id && group[k].Source == id && disagree(x, group[k]) && (f < 0 || i < f) {
					f = i
				}
			}
		}
		if f >= 0 {
			firsts = append(firsts, first{id, f})
		}
	}
	slices.SortFunc(firsts, func(x, y first) int { return x.at - y.at })
	var want []facts.SourceID
	for _, f := range firsts {
		want = append(want, f.id)
	}
	if len(want) < 2 {
		t.Fatalf("%v contradict themselves: the test tells little", want)
	}
	if got := s.selfContradictions(); !slices.Equal(got, want) {
		t.Errorf("%v contradict themselves, a loop over every two says %v", got, want)
	}
	parts := s.components()
	if len(parts) < 10 {
		t.Fatalf("%d stretches of time: the test tells little", len(parts))
	}
	seen, pairs := map[*facts.Claim]int{}, 0
	for _, p := range parts {
		for _, cl := range p.group {
			seen[cl]++
		}
		for _, pr := range p.pairs {
			if !disagree(p.first(pr[0]), p.first(pr[1])) {
				t.Errorf("a stretch pairs %v with %v, which agree", p.first(pr[0]).Value, p.first(pr[1]).Value)
			}
		}
		pairs += len(p.pairs)
	}
	for i, cl := range group {
		if want := min(len(s.of[i].partners), 1); seen[cl] != want {
			t.Errorf("claim %d (%v, %v) is in %d stretches, want %d", i, cl.Value, cl.When, seen[cl], want)
		}
	}
	if pairs != len(s.pairs) {
		t.Errorf("the stretches hold %d pairs, the whole %d", pairs, len(s.pairs))
	}
}

// TestDatesSplitAsPairs: a split of dates, which lists no pairs, answers what the
// split that compares every two dates answers (which dates disagree with another,
// which sources contradict themselves and in what order, which claims disagree
// with another claimant's, whether two plain dates of one claimant do not meet),
// on random groups of years, months, days, decades and approximate dates, some with
// the year read from context, from several sources and claimants, in source order
// and mixed.
func TestDatesSplitAsPairs(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020", "d": "2020"})
	forms := []string{"1990", "1991", "April 1990", "May 1990", "24 April 1990", "24 February 1990", "the 1990s", "the 1980s",
		"about 1990", "early 1990s", "1989", "the 2000s", "2003", "late 1980s", "1 January 1991",
		"30 April 1990", "31 December 1989", "1 January 1990", "31 December 1990"}
	r := rand.New(rand.NewPCG(3, 4))
	tried, disagreeing, self := 0, 0, 0
	for trial := range 400 {
		var claims []facts.Claim
		for i := range 1 + r.IntN(30) {
			cl := dateClaim(t, []string{"a", "b", "c", "d"}[r.IntN(4)], i+1, facts.Founded, "", forms[r.IntN(len(forms))])
			if r.IntN(5) == 0 {
				d := date(&cl)
				d.YearFromContext = true
				cl.Value = d
			}
			cl.Claimant = []string{"", "", "the group", "the police"}[r.IntN(4)]
			claims = append(claims, cl)
		}
		if trial%2 == 0 {
			slices.SortStableFunc(claims, func(x, y facts.Claim) int { return strings.Compare(string(x.Source), string(y.Source)) })
		}
		group := make([]*facts.Claim, len(claims))
		for i := range claims {
			group[i] = &claims[i]
		}
		j := &judge{corpus: c}
		pairs := splitGroup(j, group, valueKey, func(a, b *facts.Claim) bool { return !date(a).Intersects(date(b)) })
		spans := splitDates(&judge{corpus: c}, group)
		type firmness struct {
			firm     bool
			claimant string
		}
		hard := anyPair(pairs, func(c *facts.Claim) firmness { return firmness{firm(date(c)), c.Claimant} }, func(a, b *facts.Claim) bool {
			return firm(date(a)) && firm(date(b)) && a.Claimant == b.Claimant
		})
		for what, same := range map[string]bool{
			"empty":               spans.empty() == pairs.empty(),
			"claims":              slices.Equal(spans.claims(), pairs.claims()),
			"self-contradictions": slices.Equal(spans.selfContradictions(), pairs.selfContradictions()),
			"other claimants":     slices.Equal(spans.withOtherClaimant(), pairs.withOtherClaimant()),
			"hard":                spans.anyApartOfOneClaimant(func(c *facts.Claim) bool { return firm(date(c)) }) == hard,
		} {
			if !same {
				var vals []string
				for _, cl := range group {
					vals = append(vals, fmt.Sprintf("%s:%s/%q", cl.Source, cl.Value, cl.Claimant))
				}
				t.Fatalf("trial %d: %s differs from every two compared, for %v", trial, what, vals)
			}
		}
		tried++
		if !pairs.empty() {
			disagreeing++
		}
		if len(pairs.selfContradictions()) > 0 {
			self++
		}
	}
	if disagreeing < tried/4 || disagreeing == tried || self < tried/10 {
		t.Fatalf("%d groups, %d disagree, %d with a source against itself: the test tells little", tried, disagreeing, self)
	}
}

// TestPeopleResolvedOnAnyNumberOfCores: people found by shape are compared with
// the known names and with each other in runs on all cores, and joined
// afterwards in order: on enough people for several runs, some spelling a known
// person, most one of a few near spellings of each other, every core count gives
// one core's judgement.
func TestPeopleResolvedOnAnyNumberOfCores(t *testing.T) {
	word := MadeUpWord
	var people []*facts.Known
	for i := range 20 {
		name := word(i%200+1000) + " " + word(i/3+7)
		people = append(people, &facts.Known{Entity: facts.Entity{ID: facts.EntityID(fmt.Sprintf("person:k%02d", i)), Name: name, Type: facts.EntityPerson}})
	}
	p := facts.NewProfile(&facts.Known{Entity: org}, people)
	p.Complete()
	c := &facts.Corpus{Profile: p, Sources: []*facts.Source{{ID: "s", Name: "S"}, {ID: "t", Name: "T"}}}
	n := 2*minChunk + minChunk/2
	var claims []facts.Claim
	for i := range n {
		name := word(i%200+1000) + " " + word(i/3+7)
		e := facts.Entity{ID: facts.EntityID(fmt.Sprintf("person:p%05d", i)), Name: name, Type: facts.EntityPerson}
		claims = append(claims, facts.Claim{Subject: e, Predicate: facts.Named, Source: facts.SourceID([]string{"s", "t"}[i%2]), Line: i + 1,
			Value: facts.Text{S: name}, Span: facts.Span{Start: 100 * i, End: 100*i + len(name)}})
	}
	want := judgement(c, claims, 1)
	if joined := strings.Count(want, "person:k"); joined == 0 {
		t.Fatal("no person found by shape joined a known one: the test tries less than it says")
	}
	if !strings.Contains(want, " spelling ") {
		t.Fatal("no spelling conflict: the people found by shape joined none of each other")
	}
	for _, procs := range []int{2, 4} {
		if got := judgement(c, claims, procs); got != want {
			t.Errorf("on %d cores the judgement differs from one core's", procs)
		}
	}
}

// judgement is Judge's result on procs cores, written out: the conflicts, the
// agreements and the claims with their subjects.
func judgement(c *facts.Corpus, claims []facts.Claim, procs int) string {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	res := Judge(c, slices.Clone(claims))
	var b strings.Builder
	for _, cf := range res.Conflicts {
		fmt.Fprintf(&b, "%s %s %s %v\n", cf.ID, cf.Class, cf.Explanation, cf.Sources())
	}
	for _, a := range res.Agreements {
		fmt.Fprintf(&b, "%s %s %v\n", a.Key, a.Value, a.Sources)
	}
	for _, cl := range res.Claims {
		fmt.Fprintf(&b, "%s %d %s %s %s\n", cl.Source, cl.Span.Start, cl.Subject.ID, cl.Subject.Name, cl.Normalized())
	}
	return b.String()
}

// MadeUpWord is a made-up word of five to eight letters, the ith of a list
// where near spellings come back (for tests and benchmarks of many people).
func MadeUpWord(i int) string {
	const letters = "aeioulnrstkmbdgp"
	w := []byte{"BCDFGHJKLMNPRSTV"[i%16]}
	for k := range 4 + i%4 {
		w = append(w, letters[(i/16+k*7+i*k)%len(letters)])
	}
	return string(w)
}
