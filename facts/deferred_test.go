package facts

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/seeds"
)

// TestDeferredRulesCompiledOnlyForWhatTheCacheLacks: with every source in the
// cache, extraction compiles no rule and gives the claims the compiled rules
// give; with one source not in it (cold, or a source changed), it compiles them;
// and their digest is the compiled rules' own, so that the entries found are
// those written with them.
func TestDeferredRulesCompiledOnlyForWhatTheCacheLacks(t *testing.T) {
	c, rs := mustLoad(t, func() (*Corpus, error) { return LoadCorpus(seeds.FS, "seeds") })
	want := mustExtractAll(t, c, rs)
	cache := OpenCache(t.TempDir(), "test")
	for _, step := range []struct {
		name     string
		compiled bool
	}{{"cold", true}, {"warm", false}, {"warm again, one core", false}} {
		d, err := c.DeferredRules()
		if err != nil {
			t.Fatal(err)
		}
		if d.RulesDigest() != rs.Digest {
			t.Fatalf("%s: digest %s before compiling, %s compiled", step.name, d.RulesDigest(), rs.Digest)
		}
		got, err := ExtractCorpus(c, d, ExtractOptions{Cache: cache, Workers: map[bool]int{true: 0, false: 1}[step.compiled]})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the claims differ from the compiled rules'", step.name)
		}
		if d.compiledYet() != step.compiled {
			t.Errorf("%s: compiled %v, want %v", step.name, d.compiledYet(), step.compiled)
		}
	}
}

// TestDeferredRulesReportOnce: a rule file that does not compile is reported
// once, however many sources need it, by extraction (its file is read, and a
// missing one reported, at once).
func TestDeferredRulesReportOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"compare.yaml": {Data: []byte("subject:\n  name: Example Front\nrules: [extra.yaml]\nsources:\n" +
			"  - {id: a, file: a.txt}\n  - {id: b, file: b.txt}\n  - {id: c, file: c.txt}\n")},
		"a.txt":      {Data: []byte("Example Front was founded in 1970.\n")},
		"b.txt":      {Data: []byte("Example Front was founded in 1971.\n")},
		"c.txt":      {Data: []byte("Example Front was founded in 1972.\n")},
		"extra.yaml": {Data: []byte("rules:\n  - name: broken\n    kind: pattern\n    predicates: [founded]\n    pattern: '{nosuch} was founded'\n")},
	}
	c, err := LoadCorpus(fsys, "x")
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.DeferredRules()
	if err != nil {
		t.Fatalf("the rule file was read and not compiled: %v", err)
	}
	_, err = ExtractCorpus(c, d, ExtractOptions{})
	if err == nil {
		t.Fatal("a rule with an unknown placeholder compiled")
	}
	if n := strings.Count(err.Error(), "nosuch"); n != 1 {
		t.Errorf("the problem is reported %d times: %v", n, err)
	}
	delete(fsys, "extra.yaml")
	if _, err := c.DeferredRules(); err == nil || !strings.Contains(err.Error(), "extra.yaml") {
		t.Errorf("a missing rule file: %v", err)
	}
}
