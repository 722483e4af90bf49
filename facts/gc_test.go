package facts

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/seeds"
)

// TestCompileRulesGivesTheCollectorBack: compiling the rules keeps the collector
// off (what it allocates is mostly kept, and collecting while the compiled
// programs pile up scanned them again and again), and gives the setting back,
// whether the rules compile or not.
func TestCompileRulesGivesTheCollectorBack(t *testing.T) {
	before := debug.SetGCPercent(123)
	defer debug.SetGCPercent(before)
	p := &Profile{}
	p.complete()
	for _, data := range [][]byte{DefaultRules, []byte("rules:\n  - name: x\n    kind: pattern\n    predicates: [founded]\n    pattern: '(unclosed'\n")} {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		cycles := ms.NumGC
		rs, err := CompileRules(p, RuleFile{"default.yaml", data})
		if (rs == nil) == (err == nil) {
			t.Fatalf("CompileRules gave %v and %v", rs, err)
		}
		runtime.ReadMemStats(&ms)
		if ms.NumGC != cycles {
			t.Errorf("the collector ran %d times while the rules compiled (error %v)", ms.NumGC-cycles, err)
		}
		if got := debug.SetGCPercent(123); got != 123 {
			t.Errorf("after compiling rules (error %v) the collector is at %d, want 123 as before", err, got)
		}
	}
}

// TestBacktrackersWaitForExtraction: with a cache, compiling the rules leaves the
// backtrackers of the searched expressions to be made; a run whose sources all
// come from the cache makes none, and the first source extracted makes them all.
// Without a cache every source is extracted, and the rules come with them made.
func TestBacktrackersWaitForExtraction(t *testing.T) {
	cache := OpenCache(t.TempDir(), "test")
	c, err := LoadCorpusWith(seeds.FS, "seeds", ExtractOptions{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	made := func(rs *RuleSet) (n int) {
		for _, st := range rs.prepared.starts {
			if st.bt != nil {
				n++
			}
		}
		return n
	}
	cold, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	if len(cold.prepared.starts) < 20 || made(cold) != 0 {
		t.Fatalf("compiling the rules made %d of %d backtrackers, want none of 20 or more", made(cold), len(cold.prepared.starts))
	}
	if _, err := ExtractCorpus(c, cold, ExtractOptions{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if cold.prepared.starts != nil {
		t.Errorf("extracting left %d expressions without a backtracker", len(cold.prepared.starts))
	}
	warm, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	want := len(warm.prepared.starts)
	if _, err := ExtractCorpus(c, warm, ExtractOptions{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := cache.Stats(); hits != int64(len(c.Sources)) {
		t.Fatalf("%d cache hits, want %d", hits, len(c.Sources))
	}
	if got := len(warm.prepared.starts); got != want || made(warm) != 0 {
		t.Errorf("a run from the cache made %d backtrackers (%d of %d left)", made(warm), got, want)
	}
	_, rs := loadRules(t, seeds.FS, "seeds")
	if rs.prepared.starts != nil {
		t.Errorf("without a cache, the rules came with %d expressions without a backtracker", len(rs.prepared.starts))
	}
}

// TestCompilingPausesTheCollectorForASmallProfile: the collector is off while
// rules compile against a profile of few names, and left on for one whose names
// run past compileGCOff, which spelledBytes counts over the people's and
// organizations' names and aliases (not places').
func TestCompilingPausesTheCollectorForASmallProfile(t *testing.T) {
	before := debug.SetGCPercent(123)
	defer debug.SetGCPercent(before)
	gcOff := func(spelled int) bool {
		resume := pauseGCToCompile(spelled)
		defer resume()
		v := debug.SetGCPercent(-1)
		debug.SetGCPercent(v)
		return v < 0
	}
	if !gcOff(compileGCOff) {
		t.Error("the collector stayed on for a profile of compileGCOff bytes of names")
	}
	if gcOff(compileGCOff + 1) {
		t.Error("the collector went off for a profile past compileGCOff")
	}
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("the setting after compiling is %d, want 123", got)
	}
	var people []*Known
	for i := range 1200 {
		people = append(people, &Known{Entity: Entity{ID: EntityID(fmt.Sprintf("person:p%d", i)), Name: fmt.Sprintf("Person Number%04d", i), Type: EntityPerson}, Aliases: []string{"P" + fmt.Sprint(i)}})
	}
	people = append(people, &Known{Entity: Entity{ID: "place:x", Name: strings.Repeat("x", 10000), Type: EntityPlace}})
	p := NewProfile(&Known{Entity: Entity{ID: "org:o", Name: "Org", Type: EntityOrganization}, Aliases: []string{"O"}}, people)
	want := len("Org") + len("O")
	for i := range 1200 {
		want += len(fmt.Sprintf("Person Number%04d", i)) + len("P"+fmt.Sprint(i))
	}
	if got := p.spelledBytes(); got != want {
		t.Errorf("spelledBytes = %d, want %d (people's and organizations' names, no place's)", got, want)
	}
	if want <= compileGCOff {
		t.Fatalf("%d bytes of names: the profile is not past compileGCOff", want)
	}
	if rs, err := CompileRules(p, RuleFile{Name: "default rules", Data: DefaultRules}); err != nil || rs.spelled != want {
		t.Errorf("CompileRules: err %v, or spelled not %d", err, want)
	}
}
