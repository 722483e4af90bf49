package compare

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func loadReviewsFile(t *testing.T, data []byte) *Reviews {
	t.Helper()
	r, err := LoadReviews(fstest.MapFS{"reviews.yaml": {Data: data}}, "reviews.yaml", "t/reviews.yaml", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func sampleReview() *Review {
	return &Review{ID: "cccccccccccc", Key: "person:erik-holm|killed", Title: "When Erik Holm was killed",
		Claims:  []ReviewedClaim{{Source: "almanac", Value: "1991-05-04", Text: "4 May 1991"}, {Source: "gazette", Value: "1991-06-04", Text: "4 June 1991"}},
		Verdict: Resolved, Value: "1991-05-04", Note: "The police file: 4 May.", By: "Ana Editor", At: "2026-11-22"}
}

// TestReviewsKeepCommentsAndOrder: adding a review keeps every byte already in the
// file (comments, blank lines, quoting, order) and appends the new entry.
func TestReviewsKeepCommentsAndOrder(t *testing.T) {
	before, err := os.ReadFile(filepath.Join("..", "testdata", "reviews", "before.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := loadReviewsFile(t, before)
	if len(r.List) != 2 || r.List[0].ID != "aaaaaaaaaaaa" || r.List[1].Stale != "almanac" || r.List[0].Line != 6 {
		t.Fatalf("loaded %+v", r.List)
	}
	if err := r.Add(sampleReview()); err != nil {
		t.Fatal(err)
	}
	got, err := r.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "reviews", "after.yaml")
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("reviews.yaml after adding a review:\n%s\nwant:\n%s", got, want)
	}
	if !bytes.HasPrefix(got, before) {
		t.Error("the file as it was is not kept byte for byte")
	}
	again := loadReviewsFile(t, got)
	if len(again.List) != 3 || again.List[2].Value != "1991-05-04" || again.List[0].Note != "The letters misdate it." {
		t.Errorf("read back: %+v", again.List)
	}
}

// TestReviewsKeptInTheCache: a reviews file loaded again with the same bytes
// comes from the cache, the same reviews (lines too) without its document; adding
// a review then keeps the file byte for byte as the one parsed does; a damaged
// entry, changed bytes or a file with an error are read from the file, and the
// cache keeps one entry for the file whatever its versions.
func TestReviewsKeptInTheCache(t *testing.T) {
	before, err := os.ReadFile(filepath.Join("..", "testdata", "reviews", "before.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cache := facts.OpenCache(dir, "test")
	load := func(data []byte) (*Reviews, error) {
		return LoadReviews(fstest.MapFS{"reviews.yaml": {Data: data}}, "reviews.yaml", "t/reviews.yaml", cache, "/corpus/reviews.yaml")
	}
	parsed, err := load(before)
	if err != nil || parsed.doc == nil {
		t.Fatalf("first load: %v (document parsed: %v)", err, parsed != nil && parsed.doc != nil)
	}
	cached, err := load(before)
	if err != nil || cached.doc != nil {
		t.Fatalf("second load: %v (document parsed: %v, want it from the cache)", err, cached != nil && cached.doc != nil)
	}
	if !reflect.DeepEqual(cached.List, parsed.List) {
		t.Fatalf("from the cache:\n%+v\nparsed:\n%+v", cached.List, parsed.List)
	}
	var files [][]byte
	for _, r := range []*Reviews{parsed, cached} {
		if err := r.Add(sampleReview()); err != nil {
			t.Fatal(err)
		}
		b, err := r.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) || !bytes.HasPrefix(files[1], before) {
		t.Errorf("a review added to the reviews from the cache:\n%s\nto the parsed ones:\n%s", files[1], files[0])
	}

	// A damaged entry is read from the file again.
	entries := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			b[len(b)-3] ^= 0x40
			os.WriteFile(p, b, 0o644)
			entries++
		}
		return nil
	})
	if entries == 0 {
		t.Fatal("nothing in the cache")
	}
	if r, err := load(before); err != nil || r.doc == nil || !reflect.DeepEqual(r.List, parsed.List[:2]) {
		t.Errorf("after the entry was damaged: %v, parsed anew %v", err, r != nil && r.doc != nil)
	}
	// Other bytes are other reviews, kept in place of the first: one entry per
	// file, however often it changes. A file with an error is never kept.
	if r, err := load(files[1]); err != nil || r.doc == nil || len(r.List) != 3 {
		t.Errorf("the file with a review more: %v, %d reviews", err, len(r.List))
	}
	if r, err := load(files[1]); err != nil || r.doc != nil || len(r.List) != 3 {
		t.Errorf("the file with a review more, again: %v, from the cache %v", err, r != nil && r.doc == nil)
	}
	kept := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			kept++
		}
		return nil
	})
	if kept != 1 {
		t.Errorf("%d entries in the cache for one file", kept)
	}
	bad := []byte(strings.Replace(string(before), "verdict: confirmed", "verdict: maybe", 1))
	for range 2 {
		if _, err := load(bad); err == nil || !strings.Contains(err.Error(), "unknown verdict") {
			t.Errorf("a file with an unknown verdict: %v", err)
		}
	}
}

// TestReviewsDecodedWholeOrNot: the reviews encoded for the cache decode to the
// same reviews, and every shorter piece of them, or a verdict beyond the known
// ones, is refused, never half read.
func TestReviewsDecodedWholeOrNot(t *testing.T) {
	list := []*Review{sampleReview(), {ID: "dddddddddddd", Key: "k", Verdict: Outdated, Stale: "almanac", Line: 9}}
	blob := encodeReviews(list)
	if got, ok := decodeReviews(blob); !ok || !reflect.DeepEqual(got, list) {
		t.Fatalf("decoded %v (%+v), want %+v", ok, got, list)
	}
	for n := range len(blob) {
		if got, ok := decodeReviews(blob[:n]); ok {
			t.Fatalf("the first %d of %d bytes decoded: %+v", n, len(blob), got)
		}
	}
	bad := []*Review{{ID: "e", Key: "k", Verdict: Verdict(99)}}
	if _, ok := decodeReviews(encodeReviews(bad)); ok {
		t.Error("a verdict beyond the known ones decoded")
	}
}

// TestReviewsOtherShapes: a file whose list is not last, or empty in flow style,
// keeps its comments and its entries too.
func TestReviewsOtherShapes(t *testing.T) {
	for name, data := range map[string]string{
		"flow empty": "# Verdicts.\nreviews: []   # none yet\n",
		"not last":   "reviews:\n  # first\n  - id: aaaaaaaaaaaa\n    key: k\n    claims: []\n    verdict: confirmed\n# trailing comment\n",
		"no file":    "",
	} {
		t.Run(name, func(t *testing.T) {
			r := loadReviewsFile(t, []byte(data))
			if err := r.Add(sampleReview()); err != nil {
				t.Fatal(err)
			}
			got, err := r.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(data, "\n") {
				if c := strings.TrimSpace(line); strings.HasPrefix(c, "#") && !strings.Contains(string(got), strings.TrimPrefix(c, "# ")) {
					t.Errorf("comment %q lost:\n%s", c, got)
				}
			}
			back := loadReviewsFile(t, got)
			if n := len(back.List); n != len(r.List) || back.List[n-1].ID != "cccccccccccc" {
				t.Errorf("read back %d reviews:\n%s", n, got)
			}
		})
	}
}

// TestReviewsStrict: problems are errors at their line and column.
func TestReviewsStrict(t *testing.T) {
	data := "reviews:\n  - id: a\n    key: k\n    claims: []\n    verdict: maybe\n    colour: red\n  - id: b\n    key: k\n    claims: []\n    verdict: resolved\n"
	_, err := LoadReviews(fstest.MapFS{"reviews.yaml": {Data: []byte(data)}}, "reviews.yaml", "t/reviews.yaml", nil, "")
	if err == nil {
		t.Fatal("a bad reviews file loaded")
	}
	for _, want := range []string{
		`t/reviews.yaml:5:14: unknown verdict "maybe"`,
		`t/reviews.yaml:6:5: unknown key "colour" in a review`,
		`t/reviews.yaml:7:5: a resolved review needs the value held correct`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

// TestApplyReviews: reviewed while the review covers every claim; changed when a
// claim is new; orphaned when the conflict is gone; earlier reviews of a question
// are history, not orphans.
func TestApplyReviews(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	claims := []facts.Claim{
		dateClaim(t, "a", 1, facts.Founded, "", "1972"),
		dateClaim(t, "b", 2, facts.Founded, "", "1975"),
	}
	res := Judge(c, claims)
	first := NewReview(res.Conflicts[0], Confirmed, "", "", "", "x", "2026-01-01")
	revs := &Reviews{List: []*Review{
		{ID: "old-one", Key: first.Key, Claims: first.Claims[:1], Verdict: FalseAlarm},
		first,
		{ID: "gone", Key: "org:x|killed", Verdict: Confirmed},
	}}
	orphaned := ApplyReviews(res, revs)
	if st := res.Conflicts[0].State; st.Status != Reviewed || st.Review != first {
		t.Errorf("the conflict is %v", st.Status)
	}
	if len(orphaned) != 1 || orphaned[0].ID != "gone" {
		t.Errorf("orphaned: %+v", orphaned)
	}

	// A third source adds a value: the same question, a new id, a claim not covered.
	res2 := Judge(c, append(claims, dateClaim(t, "c", 3, facts.Founded, "", "1976")))
	ApplyReviews(res2, revs)
	st := res2.Conflicts[0].State
	if st.Status != Changed || len(st.New) != 1 || st.New[0].Source != "c" {
		t.Errorf("after a new claim: %v, new %v", st.Status, st.New)
	}
}

// TestReviewOfTheQuestionAppliesToItsStretches: a review recorded when the counts
// were one conflict still applies to the conflict of each stretch of time whose
// claims it covers, and is not orphaned; a stretch it covers none of is
// unreviewed.
func TestReviewOfTheQuestionAppliesToItsStretches(t *testing.T) {
	c := corpus(t, map[string]string{"a": "2020", "b": "2020", "c": "2020"})
	early := []facts.Claim{memberCount(t, "a", 1, 2900, "1970"), memberCount(t, "b", 2, 2400, "1970")}
	whole := Judge(c, append(early, memberCount(t, "c", 6, 100, "1960/1999")))
	rv := NewReview(whole.Conflicts[0], Confirmed, "", "", "", "x", "2026-01-01")
	revs := &Reviews{List: []*Review{rv}}
	apart := Judge(c, append(early, memberCount(t, "a", 3, 5000, "1990"), memberCount(t, "c", 4, 7000, "1990")))
	if len(apart.Conflicts) != 2 {
		t.Fatalf("%d conflicts, want 2", len(apart.Conflicts))
	}
	orphaned := ApplyReviews(apart, revs)
	if st := apart.Conflicts[0].State; st.Status != Reviewed || st.Review != rv {
		t.Errorf("1970: %v", st.Status)
	}
	if st := apart.Conflicts[1].State; st.Status != Unreviewed {
		t.Errorf("1990: %v", st.Status)
	}
	if len(orphaned) != 0 {
		t.Errorf("orphaned: %v", orphaned)
	}
}
