package facts

import (
	"fmt"
	"strings"
	"testing"
)

// TestManifestReadAgain: what a manifest said is reused for the same bytes, and
// for the same bytes with sources appended, giving what parsing the whole gives;
// anything else appended, or any other change, has the manifest parsed whole.
func TestManifestReadAgain(t *testing.T) {
	const base = `# a comment
subject: {name: ACLF, aliases: [Amber Front]}
entities:
  - {name: Tomas Varga, kind: person}
sources:
  - id: almanac
    file: almanac.txt
    as_of: "2012-06"
  - id: review
    file: review.txt
`
	describe := func(m *manifest) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%v %q %+v %+v\n", m.Tolerance, m.Reviews, m.Rules, *m.Subject)
		for _, s := range m.Sources {
			fmt.Fprintf(&b, "%+v\n", *s)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, base, data string
		reused           bool
	}{
		{"the same bytes", base, base, true},
		{"a source appended", base, base + "  - id: wiki\n    file: wiki.txt\n    name: the encyclopedia\n", true},
		{"two sources and a comment appended", base, base + "\n  # new\n  - {id: a1, file: a1.txt}\n  - id: a2\n    file: a2.txt\n", true},
		{"a comment appended", base, base + "# the end\n", true},
		{"a field added to the last source", base, base + "    url: https://example.org\n", false},
		{"a source with an id already used", base, base + "  - id: review\n    file: other.txt\n", false},
		{"a source with a bad id", base, base + "  - id: Not An Id\n    file: x.txt\n", false},
		{"a source without a file", base, base + "  - id: x\n", false},
		{"a key after the sources", base, base + "tolerance: 0.2\n", false},
		{"a source indented otherwise", base, base + "    - id: x\n      file: x.txt\n", false},
		{"a second document", base, base + "---\n  - id: x\n    file: x.txt\n", false},
		{"a change before the end", base, strings.Replace(base, "2012-06", "2012-07", 1) + "  - id: x\n    file: x.txt\n", false},
		{"sources not last", base + "tolerance: 0.2\n", base + "tolerance: 0.2\n  - id: x\n    file: x.txt\n", false},
		{"no newline at the end", strings.TrimSuffix(base, "\n"), base + "  - id: x\n    file: x.txt\n", false},
		{"sources in flow style", "subject: {name: A}\nsources: [{id: a, file: a.txt}]\n", "subject: {name: A}\nsources: [{id: a, file: a.txt}]\n- {id: b, file: b.txt}\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prev, _, err := parseManifest("compare.yaml", []byte(tc.base))
			if err != nil || prev.err != nil {
				t.Fatalf("the first manifest: %v %v", err, prev.err)
			}
			next, ok := prev.reread("compare.yaml", []byte(tc.data), sha256Hex([]byte(tc.data)))
			if ok != tc.reused {
				t.Fatalf("reused %v, want %v", ok, tc.reused)
			}
			if !ok {
				return
			}
			whole, _, err := parseManifest("compare.yaml", []byte(tc.data))
			if err != nil || whole.err != nil {
				t.Fatalf("parsed whole: %v %v", err, whole.err)
			}
			if got, want := describe(next), describe(whole); got != want {
				t.Errorf("read again:\n%s\nparsed whole:\n%s", got, want)
			}
			if next.size != whole.size || next.sum != whole.sum || next.dash != whole.dash {
				t.Errorf("read again: %d bytes, sum %s, dash %d; parsed whole: %d, %s, %d", next.size, next.sum, next.dash, whole.size, whole.sum, whole.dash)
			}
		})
	}
}

// TestRecentManifestsKeepTheBase: a folder's recent manifests are the newest
// first, at most recentManifestsKept of them, and the manifest the newest was
// read from with sources appended stays among them however many branches append
// to it.
func TestRecentManifestsKeepTheBase(t *testing.T) {
	c := OpenCache(t.TempDir(), "test")
	m := func(i int) *manifest {
		return &manifest{Subject: &Known{Entity: Entity{ID: "org:x", Name: "X"}}, size: i, sum: fmt.Sprintf("sum%d", i)}
	}
	c.rememberManifest("/corpus", m(0), true, "", c.recentManifests("/corpus"))
	for i := 1; i <= 6; i++ {
		c.rememberManifest("/corpus", m(i), true, "sum0", c.recentManifests("/corpus"))
	}
	got := c.recentManifests("/corpus")
	want := []recent{{6, "sum6"}, {0, "sum0"}, {5, "sum5"}, {4, "sum4"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("recent manifests %v, want %v", got, want)
	}
	if _, ok := c.loadManifest("sum3"); !ok {
		t.Error("a manifest dropped from the recent ones is still in the cache")
	}
	c.rememberManifest("/corpus", m(7), true, "", c.recentManifests("/corpus"))
	if got := c.recentManifests("/corpus"); len(got) != recentManifestsKept || got[0].sum != "sum7" {
		t.Errorf("after a manifest read whole: %v", got)
	}
	if got := c.recentManifests("/elsewhere"); len(got) != 0 {
		t.Errorf("another folder has recent manifests %v", got)
	}
}
