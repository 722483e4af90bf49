package facts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/internal/gencorpus"
	"github.com/factcheck-tools/compare/seeds"
)

// teachingCorpus is a corpus whose first source teaches the profile an acronym
// and whose second teaches it a place, both of which the third then names.
var teachingCorpus = fstest.MapFS{
	"compare.yaml": {Data: []byte(`subject:
  name: "Northern Lights Front"
entities:
  - {name: "Aino Virtanen", kind: person}
sources:
  - {id: a, file: a.txt, name: "A", as_of: "2020"}
  - {id: b, file: b.txt, name: "B", as_of: "2021"}
  - {id: c, file: c.txt, name: "C", as_of: "2022"}
`)},
	"a.txt": {Data: []byte("The Northern Lights Front (NLF) was founded in 1971 by Aino Virtanen.\n")},
	"b.txt": {Data: []byte("The NLF moved to Camp Tuuli in Estonia in 1985. It was founded in 1972.\n")},
	"c.txt": {Data: []byte("The NLF left Camp Tuuli in 1990. The NLF had 300 members in 1990.\n")},
}

// speculationCorpora are the corpora extracting while reading is checked on:
// those of testCorpora, which the texts teach nothing (seeds, hostile,
// generated) or teach names (amber), and teachingCorpus.
func speculationCorpora(t *testing.T) map[string]struct {
	fsys fs.FS
	dir  string
} {
	gen := t.TempDir()
	if _, err := gencorpus.Write(gen, 4, 7); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "testdata", "corpora")
	return map[string]struct {
		fsys fs.FS
		dir  string
	}{
		"seeds":     {seeds.FS, "seeds"},
		"amber":     {os.DirFS(filepath.Join(root, "amber")), "amber"},
		"hostile":   {os.DirFS(filepath.Join(root, "hostile")), "hostile"},
		"generated": {os.DirFS(gen), "generated"},
		"teaching":  {teachingCorpus, "teaching"},
	}
}

// TestExtractLearningAsLessons: the lessons extractLearning finds, asking
// mayTeach only of the sentences with one of the prefilter's teaching words,
// are Lessons of the same document, and its claims are Extract's.
func TestExtractLearningAsLessons(t *testing.T) {
	check := func(t *testing.T, c *Corpus, rs *RuleSet, src *Source, text string) {
		t.Helper()
		claims, lessons := extractLearning(src, Segment(text), c.Profile, rs)
		if want := Lessons(Segment(text)); !reflect.DeepEqual(lessons, want) {
			t.Errorf("%s: extractLearning's lessons\n%v\nLessons'\n%v", src.ID, lessons, want)
		}
		sameClaims(t, string(src.ID), Extract(src, Segment(text), c.Profile, rs), claims)
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			data, err := fs.ReadFile(c.FS, src.File)
			if err != nil {
				t.Fatal(err)
			}
			check(t, c, rs, src, string(data))
		}
	})
	// The brackets mayTeach takes, next to footnote markers, accents and odd
	// spaces, which folding changes.
	c, rs := seedRules(t)
	for i, text := range []string{
		"The Northern Lights Front [1](NLF) was founded in 1970.[2]\n\n1. ^ A note.\n2. ^ Another.\n",
		"The Front (Ö) was known as the Lights.\u00a0(NLF) came later (see below) (3).\n",
		"It settled at Camp Tuuli in Estonia, then at Fort Nord (in 1990) and in Kainuu Province.\n",
		"* Also known as the Lights Brigade (LB)\n* Based at Lake Saimaa in Finland\n",
		"KNOWN AS THE FRONT (TF). known. Camp. (\n",
	} {
		check(t, c, rs, &Source{ID: SourceID(fmt.Sprintf("text%d", i))}, text)
	}
}

// TestTeachesAsLearn: teaches says of a source's lessons whether Learn adds any
// of them, against the profile as each source before it has taught it.
func TestTeachesAsLearn(t *testing.T) {
	for name, corpus := range speculationCorpora(t) {
		t.Run(name, func(t *testing.T) {
			c, err := LoadCorpus(corpus.fsys, corpus.dir)
			if err != nil {
				t.Fatal(err)
			}
			data, err := fs.ReadFile(corpus.fsys, ManifestName)
			if err != nil {
				t.Fatal(err)
			}
			m, _, err := parseManifest(c.ManifestPath, data) // its names as yet untaught
			if err != nil {
				t.Fatal(err)
			}
			p := NewProfile(m.Subject, m.Entities)
			taught := 0
			for _, src := range c.Sources {
				text, err := fs.ReadFile(corpus.fsys, src.File)
				if err != nil {
					t.Fatal(err)
				}
				lessons := lessonsOf(string(text), nil)
				teaches := p.teaches(lessons)
				learned := p.Learn(src.ID, lessons)
				if teaches != (len(learned) > 0) {
					t.Errorf("%s: teaches says %v, Learn learned %v", src.ID, teaches, learned)
				}
				taught += len(learned)
			}
			if taught != len(c.Learned) {
				t.Errorf("learned %d names source by source, the corpus %d", taught, len(c.Learned))
			}
		})
	}
}

// TestExtractWhileReadingAsAfter: extracting each source while it is read gives
// the claims extracting after loading gives, on one core and on all, with a
// cache cold and warm and without one. Where the texts teach the profile nothing,
// each source is read once; where they teach it names, the claims extracted
// while reading are dropped, and each source read again.
func TestExtractWhileReadingAsAfter(t *testing.T) {
	for name, corpus := range speculationCorpora(t) {
		t.Run(name, func(t *testing.T) {
			extract := func(o ExtractOptions, fsys fs.FS) (*Corpus, []Claim) {
				t.Helper()
				c, err := LoadCorpusWith(fsys, corpus.dir, o)
				if err != nil {
					t.Fatal(err)
				}
				rs, err := c.DeferredRules()
				if err != nil {
					t.Fatal(err)
				}
				claims, err := ExtractCorpus(c, rs, o)
				if err != nil {
					t.Fatal(err)
				}
				return c, claims
			}
			_, want := extract(ExtractOptions{Workers: 1}, corpus.fsys)
			cache := OpenCache(t.TempDir(), "test")
			cacheRuns := 0
			for _, o := range []ExtractOptions{
				{Workers: 1, ExtractWhileReading: true},
				{Workers: 0, ExtractWhileReading: true},
				{Workers: 0, ExtractWhileReading: true, Cache: cache},
				{Workers: 0, ExtractWhileReading: true, Cache: cache},
			} {
				counted := &CountingFS{FS: corpus.fsys, Opened: map[string]int{}}
				c, got := extract(o, counted)
				sameClaims(t, fmt.Sprintf("workers %d, cache %v", o.Workers, o.Cache != nil), want, got)
				if o.Cache != nil {
					// Root is unset: every file is read, and on the second run the
					// cache holds every source's claims, so none is extracted while
					// reading and no rules are compiled.
					if warm := counted != nil && c.spec != nil && c.spec.rs != nil; warm && cacheRuns > 0 {
						t.Errorf("the cache held every source's claims, yet the rules were compiled to extract while reading")
					}
					cacheRuns++
					continue
				}
				if teaches := name == "amber" || name == "teaching"; teaches != (len(c.Learned) > 0) {
					t.Fatalf("the texts taught %v; this corpus was chosen for teaching %v", c.Learned, teaches)
				}
				once := len(c.Learned) == 0
				if once && (c.spec == nil || !c.spec.early) {
					t.Errorf("without a cache, the rules were not those compiled from the manifest's head")
				}
				for _, src := range c.Sources {
					if n := counted.Opened[src.File]; once && n != 1 || !once && n != 2 {
						t.Errorf("%s opened %d times; the texts taught %d names", src.File, n, len(c.Learned))
					}
				}
			}
		})
	}
}

// TestExtractWhileReadingOtherRules: the claims extracted while reading are
// those of the corpus's rules; extracting with others finds their own.
func TestExtractWhileReadingOtherRules(t *testing.T) {
	const rule = "name: killed.active\n"
	if !strings.Contains(string(DefaultRules), rule) {
		t.Fatalf("the default rules have no %q", rule)
	}
	renamed := RuleFile{Name: "renamed", Data: []byte(strings.Replace(string(DefaultRules), rule, "name: killed.active-renamed\n", 1))}
	extract := func(o ExtractOptions) []Claim {
		c, err := LoadCorpusWith(seeds.FS, "seeds", o)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := CompileRules(c.Profile, renamed)
		if err != nil {
			t.Fatal(err)
		}
		claims, err := ExtractCorpus(c, rs, o)
		if err != nil {
			t.Fatal(err)
		}
		return claims
	}
	want, got := extract(ExtractOptions{}), extract(ExtractOptions{ExtractWhileReading: true})
	sameClaims(t, "renamed rules", want, got)
	n := 0
	for _, c := range got {
		if c.Rule == "killed.active-renamed" {
			n++
		}
	}
	if n == 0 {
		t.Error("no claim of the renamed rule: the test tells nothing")
	}
}

// TestManifestHead: the head of a manifest is the manifest without its list of
// sources, wherever the list is, with every other line where it was; a
// manifest whose list cannot be found by its key has none.
func TestManifestHead(t *testing.T) {
	const top = "subject:\n  name: \"Northern Lights Front\"\nentities:\n  - {name: \"Aino Virtanen\", kind: person}\n"
	items := "  - id: a\n    file: a.txt\n\n  # the second\n  - {id: b, file: b.txt}\n"
	for _, tc := range []struct {
		name, data string
		ok         bool
	}{
		{"list last", top + "sources:\n" + items, true},
		{"keys after the list", top + "sources:\n" + items + "tolerance: 0.2\nrules:\n  - more.yaml\n", true},
		{"a comment after the key", top + "sources:   # the texts\n" + items + "reviews: r.yaml\n", true},
		{"items at the margin", top + "sources:\n- id: a\n  file: a.txt\n- {id: b, file: b.txt}\ntolerance: 0.2\n", true},
		{"no line break at the end", top + "sources:\n  - {id: a, file: a.txt}", true},
		{"a list in flow style", top + "sources: [{id: a, file: a.txt}]\n", false},
		{"no list", top, false},
		{"document markers", "---\n" + top + "sources:\n" + items, false},
	} {
		head, ok := manifestHead([]byte(tc.data))
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if got, want := strings.Count(string(head), "\n"), strings.Count(tc.data, "\n"); got != want {
			t.Errorf("%s: the head has %d line breaks, the manifest %d:\n%s", tc.name, got, want, head)
		}
		whole, _, err := parseManifest("m.yaml", []byte(tc.data))
		if err != nil || whole.err != nil || len(whole.Sources) == 0 {
			t.Fatalf("%s: the manifest does not read (%v, %v): the case tells nothing", tc.name, err, whole.err)
		}
		m, _, err := parseManifest("m.yaml", head)
		if err != nil || m.err != nil {
			t.Fatalf("%s: the head does not read (%v, %v):\n%s", tc.name, err, m.err, head)
		}
		if len(m.Sources) != 0 {
			t.Errorf("%s: the head still lists %d sources", tc.name, len(m.Sources))
		}
		whole.Sources, whole.size, whole.sum, whole.dash = nil, m.size, m.sum, m.dash
		if !reflect.DeepEqual(m, whole) {
			t.Errorf("%s: the head says\n%+v\nthe manifest\n%+v", tc.name, m, whole)
		}
	}
}

// TestEarlyRulesServeTheirManifest: the rules compiled from a manifest's head
// serve that manifest, not one that says anything else the rules read.
func TestEarlyRulesServeTheirManifest(t *testing.T) {
	fsys := fstest.MapFS{"extra.yaml": {Data: []byte("rules: []\n")}}
	const manifest = "subject:\n  name: \"Northern Lights Front\"\nentities:\n  - {name: \"Aino Virtanen\", kind: person}\nsources:\n  - {id: a, file: a.txt}\n"
	for _, tc := range []struct {
		name, whole string
		serves      bool
	}{
		{"the same", manifest, true},
		{"more sources", manifest + "  - {id: b, file: b.txt}\n", true},
		{"another entity", strings.Replace(manifest, "sources:", "  - {name: \"Eero Salo\", kind: person}\nsources:", 1), false},
		{"another subject", strings.Replace(manifest, "Northern", "Southern", 1), false},
		{"another rules file", manifest + "rules:\n  - extra.yaml\n", false},
	} {
		early := startEarlyRules(fsys, "c", "c/compare.yaml", []byte(manifest))
		if early == nil {
			t.Fatal("no rules compiled from the manifest's head")
		}
		m, _, err := parseManifest("c/compare.yaml", []byte(tc.whole))
		if err != nil || m.err != nil {
			t.Fatalf("%s: %v %v", tc.name, err, m.err)
		}
		if got := early.serving(m) != nil; got != tc.serves {
			t.Errorf("%s: serves %v, want %v", tc.name, got, tc.serves)
		}
		<-early.done
		if early.err != nil || early.rs == nil || early.rs.Digest != early.digest {
			t.Errorf("%s: compiled %v, %v", tc.name, early.rs, early.err)
		}
	}
}
