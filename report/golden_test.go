package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var seedsClaims struct {
	sync.Once
	c      *facts.Corpus
	claims []facts.Claim
	err    error
}

// seedsReport is the shared fixture of every renderer: the embedded corpus. The
// corpus is extracted once; each call judges and builds the view anew.
func seedsReport(t *testing.T) *Report {
	t.Helper()
	return Build(seedsResult(t), "seeds (embedded)")
}

// seedsResult judges the embedded corpus anew.
func seedsResult(t *testing.T) *compare.Result {
	t.Helper()
	s := &seedsClaims
	s.Do(func() {
		s.c, s.err = facts.LoadCorpus(seeds.FS, "seeds")
		if s.err != nil {
			return
		}
		rs, err := s.c.Rules()
		if err != nil {
			s.err = err
			return
		}
		s.claims, s.err = facts.ExtractAll(s.c, rs)
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	return compare.Judge(s.c, append([]facts.Claim(nil), s.claims...))
}

// TestGolden renders the shared fixture in every format and compares with the
// golden files; run with -update after a deliberate change of output.
func TestGolden(t *testing.T) {
	r := seedsReport(t)
	for _, tc := range []struct {
		file   string
		render func(*bytes.Buffer, *Report) error
	}{
		{"report.md", func(b *bytes.Buffer, r *Report) error { return Markdown(b, r) }},
		{"report.txt", func(b *bytes.Buffer, r *Report) error { return Table(b, r) }},
		{"report.json", func(b *bytes.Buffer, r *Report) error { return JSON(b, r) }},
		{"report.html", func(b *bytes.Buffer, r *Report) error { AddContext(r, seedsClaims.c); return HTML(b, r) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var got bytes.Buffer
			if err := tc.render(&got, r); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("..", "testdata", "golden", tc.file)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from the golden file; run go test ./report -update if the change is deliberate", tc.file)
			}
			var again bytes.Buffer
			if err := tc.render(&again, seedsReport(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Errorf("%s is not byte-identical across runs", tc.file)
			}
		})
	}
}

// TestJSONContract checks the compare.report/v1 fields, exactly: those DESIGN.md
// lists, and those added within v1 (orphaned_reviews, review.new_claims), which the
// README documents. Fields are added, never renamed or removed.
func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, seedsReport(t)); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) map[string]bool {
		out := map[string]bool{}
		for k := range m {
			out[k] = true
		}
		return out
	}
	expect := func(what string, m map[string]any, want ...string) {
		got := keys(m)
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s lacks %q", what, w)
			}
			delete(got, w)
		}
		for k := range got {
			t.Errorf("%s has field %q that the contract does not list", what, k)
		}
	}
	expect("report", doc, "schema", "sources", "conflicts", "agreements", "orphaned_reviews")
	if doc["schema"] != Schema {
		t.Errorf("schema %v", doc["schema"])
	}
	expect("source", doc["sources"].([]any)[0].(map[string]any), "id", "file", "title", "publisher", "as_of", "claims")
	conflict := doc["conflicts"].([]any)[0].(map[string]any)
	expect("conflict", conflict, "id", "key", "subject", "predicate", "title", "class", "intra_source", "explanation", "claims", "review")
	expect("claim", conflict["claims"].([]any)[0].(map[string]any), "source", "line", "start", "end", "text", "value", "quote", "attribution", "citation")
	expect("review", conflict["review"].(map[string]any), "status", "verdict", "note", "by", "at", "new_claims")
	expect("agreement", doc["agreements"].([]any)[0].(map[string]any), "key", "value", "sources")
}

// TestBuildForJSONWritesWhatBuildWrites: the view built for JSON, without the
// differences of the values and with the claims as they are, is written as the
// whole view is, while the whole view does hold differences.
func TestBuildForJSONWritesWhatBuildWrites(t *testing.T) {
	res := seedsResult(t)
	whole, forJSON := Build(res, "seeds"), BuildForJSON(res, "seeds")
	var a, b bytes.Buffer
	if err := JSON(&a, whole); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&b, forJSON); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("JSON of the view built for JSON differs from the whole view's")
	}
	diffs := 0
	for _, c := range whole.Conflicts {
		diffs += len(c.Diffs)
	}
	if diffs == 0 {
		t.Errorf("the whole view holds no differences: the test compares nothing")
	}
	for _, c := range forJSON.Conflicts {
		if len(c.Diffs) > 0 || c.MoreDiffs > 0 {
			t.Errorf("conflict %s built for JSON holds differences", c.ID)
		}
		if len(c.Claims) > 0 || len(c.claims) == 0 {
			t.Errorf("conflict %s built for JSON holds %d views of claims and %d claims, want none and some", c.ID, len(c.Claims), len(c.claims))
		}
	}
}

func TestEmptyListsAreArrays(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, &Report{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"conflicts": []`)) || !bytes.Contains(b.Bytes(), []byte(`"agreements": []`)) {
		t.Errorf("empty lists must be [] in JSON:\n%s", b.String())
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ a, b, text, md string }{
		{"24 April 1990", "24 February 1990", "24 [-April-][+February+] 1990", "24 ~~April~~ **February** 1990"},
		{"1986", "1985", "[-1986-][+1985+]", "~~1986~~ **1985**"},
		{"Iraq", "Iraq", "Iraq", "Iraq"},
		{"September 5, 1965", "5 September 1965", "[+5 +]September[- 5,-] 1965", "**5** September ~~5,~~ 1965"},
	}
	for _, tc := range tests {
		d := Diff{From: tc.a, To: tc.b, Ops: WordDiff(tc.a, tc.b)}
		if got := DiffText(d); got != tc.text && tc.text != "" {
			t.Errorf("DiffText(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.text)
		}
		if got := diffMarkdown(d); got != tc.md && tc.md != "" {
			t.Errorf("diffMarkdown(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.md)
		}
	}
}
