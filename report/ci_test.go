package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
)

// reviewedReport is the embedded corpus with one conflict reviewed and the others
// not, as a check would see it.
func reviewedReport(t *testing.T) *Report {
	t.Helper()
	r := seedsReport(t)
	r.Conflicts[0].Review = Review{Status: compare.Reviewed.String(), Verdict: "confirmed", Note: "Checked, 100%: real.", By: "Ana", At: "2026-11-22"}
	r.Reviews = "seeds/reviews.yaml"
	r.Orphaned = []Orphan{{ID: "0123456789ab", Key: "org:mek|gone", Title: "A question no longer asked", Verdict: "confirmed", Line: 40}}
	return r
}

// TestSARIFValidates checks compare check --format sarif against the SARIF 2.1.0
// JSON schema, and what it says of a reviewed conflict.
func TestSARIFValidates(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, reviewedReport(t), "test"); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "testdata", "sarif", "sarif-2.1.0-rtm.5.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the SARIF output does not validate: %v", err)
	}

	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID       string            `json:"ruleId"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Locations    []struct {
					Physical struct {
						Artifact struct{ URI string } `json:"artifactLocation"`
						Region   struct {
							StartLine, StartColumn, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []struct{ Kind, Status, Justification string } `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != len(seedsReport(t).Conflicts) || log.Runs[0].ColumnKind != "unicodeCodePoints" {
		t.Fatalf("%d results, column kind %q", len(res), log.Runs[0].ColumnKind)
	}
	if s := res[0].Suppressions; len(s) != 1 || s[0].Status != "accepted" || s[0].Justification != "confirmed: Checked, 100%: real." {
		t.Errorf("the reviewed conflict's suppression: %+v", s)
	}
	if len(res[1].Suppressions) != 0 {
		t.Error("an unreviewed conflict is suppressed")
	}
	loc := res[0].Locations[0].Physical
	if !strings.HasPrefix(loc.Artifact.URI, "seeds/") || loc.Region.StartLine == 0 || loc.Region.EndColumn <= loc.Region.StartColumn {
		t.Errorf("first location: %+v", loc)
	}
	if res[0].Fingerprints["compareConflict/v1"] == "" {
		t.Error("no fingerprint")
	}
}

// TestGitHubAnnotations: one annotation per place an unreviewed conflict quotes,
// none for the reviewed one, a warning for an orphaned review, all escaped.
func TestGitHubAnnotations(t *testing.T) {
	r := reviewedReport(t)
	var b bytes.Buffer
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := 1 // the orphan
	for _, c := range r.Conflicts[1:] {
		want += len(c.Claims)
	}
	if len(lines) != want {
		t.Errorf("%d annotations, want %d", len(lines), want)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=seeds/") && !strings.HasPrefix(l, "::warning file=seeds/") {
			t.Errorf("not an annotation on a source: %q", l)
		}
		if strings.Count(l, "::") != 2 {
			t.Errorf("unescaped :: in %q", l)
		}
	}
	if strings.Contains(b.String(), r.Conflicts[0].ID) {
		t.Error("the reviewed conflict is annotated")
	}
	if !strings.Contains(b.String(), "::warning file=seeds/reviews.yaml,line=40,title=compare%3A orphaned review::") {
		t.Errorf("no warning for the orphaned review:\n%s", b.String())
	}
	if got := ghProperty("a:b,c%"); got != "a%3Ab%2Cc%25" {
		t.Errorf("ghProperty = %q", got)
	}
	if got := ghData("a\nb%"); got != "a%0Ab%25" {
		t.Errorf("ghData = %q", got)
	}
}

// manyClaims is the embedded corpus's report with one conflict: n copies of the
// first claim of its first, on lines 1 to n, the i-th with value(i).
func manyClaims(t *testing.T, n int, value func(i int) string) *Report {
	r := seedsReport(t)
	c := r.Conflicts[0]
	first := c.Claims[0]
	c.Claims = nil
	for i := range n {
		cl := first
		cl.Line, cl.Value = i+1, value(i)
		c.Claims = append(c.Claims, cl)
	}
	r.Conflicts = []Conflict{c}
	return r
}

// A conflict quoted in thousands of places: the check quotes a dozen, every value
// among them, and says how many more there are and where they are all listed.
func TestCheckQuotesSomeOfManyClaims(t *testing.T) {
	r := manyClaims(t, 100, func(i int) string {
		switch {
		case i == 99:
			return "three"
		case i%30 == 29:
			return "two"
		}
		return "one"
	})
	claims := r.Conflicts[0].Claims
	var b bytes.Buffer
	if err := CheckText(&b, r, "dossier "); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, " → "); n != checkQuotes {
		t.Errorf("%d claims quoted, want %d:\n%s", n, checkQuotes, out)
	}
	for _, want := range []string{":30: ", ":60: ", ":90: ", ":100: ", "→ three\n", "  … and 88 more claims: compare report dossier lists them all\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	got := someClaims(claims, 5)
	var lines []int
	for _, cl := range got {
		lines = append(lines, cl.Line)
	}
	if fmt.Sprint(lines) != "[1 2 30 60 100]" {
		t.Errorf("someClaims picked lines %v, want [1 2 30 60 100]: each value in turn, in order", lines)
	}
	b.Reset()
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "::error "); n != checkQuotes {
		t.Errorf("%d annotations, want %d", n, checkQuotes)
	}
}

// BuildForCheck keeps the claims the check quotes and counts the others: the check
// prints the same whether it was built whole or for the check.
func TestBuildForCheckPrintsWhatBuildPrints(t *testing.T) {
	res := seedsResult(t)
	many := *res.Conflicts[0]
	for i := range 40 {
		cl := *many.Claims[i%len(many.Claims)]
		cl.Line += 1000 * (i + 1)
		many.Claims = append(many.Claims, &cl)
	}
	res.Conflicts = append([]*compare.Conflict{&many}, res.Conflicts[1:]...)
	var whole, some bytes.Buffer
	if err := CheckText(&whole, Build(res, "seeds"), ""); err != nil {
		t.Fatal(err)
	}
	r := BuildForCheck(res, "seeds")
	if err := CheckText(&some, r, ""); err != nil {
		t.Fatal(err)
	}
	if whole.String() != some.String() {
		t.Errorf("the check differs when built for the check:\n%s\n---\n%s", whole.String(), some.String())
	}
	if c := r.Conflicts[0]; len(c.Claims) != checkQuotes || c.Omitted != len(many.Claims)-checkQuotes {
		t.Errorf("conflict built for the check holds %d claims and omits %d; want %d and %d", len(c.Claims), c.Omitted, checkQuotes, len(many.Claims)-checkQuotes)
	}
	if !strings.Contains(some.String(), fmt.Sprintf("… and %d more claims", len(many.Claims)-checkQuotes)) {
		t.Errorf("no count of the claims left out:\n%s", some.String())
	}
}

// TestSomeOfTakesRoundRobin: someOf takes, in order, the first claim of each
// value, then the second of each, and so on, whatever the values (the empty one
// too) and however they are interleaved.
func TestSomeOfTakesRoundRobin(t *testing.T) {
	// The places someOf takes, found the plain way: round r takes the r-th
	// place of each value, values in order of their first place.
	naive := func(xs []string, n int) []int {
		n = min(n, len(xs))
		var values []string
		at := map[string][]int{}
		for i, v := range xs {
			if _, ok := at[v]; !ok {
				values = append(values, v)
			}
			at[v] = append(at[v], i)
		}
		take := map[int]bool{}
		for r := 0; len(take) < n; r++ {
			for _, v := range values {
				if r < len(at[v]) && len(take) < n {
					take[at[v][r]] = true
				}
			}
		}
		var out []int
		for i := range xs {
			if take[i] {
				out = append(out, i)
			}
		}
		return out
	}
	for _, xs := range [][]string{
		strings.Split("a a a b b a c c c c c a", " "),
		strings.Split(" a  a b  b", " "), // with empty values
		strings.Split("a b a b a b a b a b a b a b", " "),
	} {
		for _, n := range []int{1, 3, 5, 8} {
			idx := make([]int, len(xs))
			for i := range idx {
				idx[i] = i
			}
			got := someOf(idx, n, func(i int) string { return xs[i] })
			if want := naive(xs, n); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("someOf(%q, %d) = %v, want %v", xs, n, got, want)
			}
		}
	}
}

// TestSARIFLocatesSomeOfManyClaims: GitHub rejects a SARIF result of more than
// 1,000 locations; a conflict of 1,500 claims is located at sarifLocations of
// them, every value among them, and says how many more there are.
func TestSARIFLocatesSomeOfManyClaims(t *testing.T) {
	r := manyClaims(t, 1500, func(i int) string {
		if i == 1499 {
			return "two"
		}
		return "one"
	})
	var b bytes.Buffer
	if err := SARIF(&b, r, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Message   struct{ Text string }
				Locations []struct {
					Physical struct {
						Region struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results[0]
	if n := len(res.Locations); n != sarifLocations || res.Locations[n-1].Physical.Region.StartLine != 1500 {
		t.Errorf("%d locations, the last at line %d; want %d, the last the other value's (line 1500)", n, res.Locations[n-1].Physical.Region.StartLine, sarifLocations)
	}
	if !strings.HasSuffix(res.Message.Text, "(Located at 100 of its 1500 claims; compare report lists them all.)") || res.Properties["omittedLocations"] != float64(1400) {
		t.Errorf("message %q, omittedLocations %v", res.Message.Text, res.Properties["omittedLocations"])
	}
}

// TestDiffsShowSomeValues: fifty values measured against the first are noise: a
// conflict's differences are with the diffsMax answers the most claims give, in
// their order, and every renderer says how many more values there are.
func TestDiffsShowSomeValues(t *testing.T) {
	claim := func(n int) []*facts.Claim { return make([]*facts.Claim, n) }
	sides := []compare.Side{{Text: "1965", Claims: claim(9)}}
	for i := range 10 {
		// 1970 to 1979, each given by as many claims as its last digit, 1970 once.
		sides = append(sides, compare.Side{Text: fmt.Sprint(1970 + i), Claims: claim(max(1, i))})
	}
	got, more := diffs(sides)
	var to []string
	for _, d := range got {
		to = append(to, d.To)
	}
	if strings.Join(to, " ") != "1974 1975 1976 1977 1978 1979" || more != 4 {
		t.Errorf("differences with %v and %d more; want 1974 to 1979 and 4 more", to, more)
	}
	r := seedsReport(t)
	r.Conflicts[0].Diffs, r.Conflicts[0].MoreDiffs = got, more
	for name, render := range map[string]func(io.Writer, *Report) error{
		"markdown": Markdown, "table": Table, "html": HTML,
		"check": func(w io.Writer, r *Report) error { return CheckText(w, r, "") },
	} {
		var b bytes.Buffer
		if err := render(&b, r); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "… and 4 more values"); n != 1 {
			t.Errorf("%s says %d times that 4 more values differ", name, n)
		}
	}
}

// TestTableSumsUpManyClaims: the terminal table, built for reading, shows 24
// claims of a conflict of 47, every value among them, with every value counted
// over all of them, as the page does.
func TestTableSumsUpManyClaims(t *testing.T) {
	res := seedsResult(t)
	many := *res.Conflicts[0]
	many.Claims = slices.Clone(many.Claims)
	for i := range 40 {
		cl := *many.Claims[i%len(many.Claims)]
		cl.Line += 1000 * (i + 1)
		many.Claims = append(many.Claims, &cl)
	}
	res.Conflicts = append([]*compare.Conflict{&many}, res.Conflicts[1:]...)
	r := BuildForReading(res, "seeds")
	CountValues(r)
	c := r.Conflicts[0]
	total := 0
	for _, v := range c.Values {
		total += v.Claims
	}
	if len(c.Claims) != ReadingClaims || c.Total() != len(many.Claims) || total != len(many.Claims) {
		t.Fatalf("%d claims kept of %d, values counting %d; want %d of %d", len(c.Claims), c.Total(), total, ReadingClaims, len(many.Claims))
	}
	var b bytes.Buffer
	if err := Table(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("The %d values over all %d claims:", len(c.Values), len(many.Claims)), fmt.Sprintf("Shown: 24 of the %d claims", len(many.Claims))} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}
