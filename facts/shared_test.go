package facts

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/internal/gencorpus"
)

// withSharedNamesMin runs fn with lists of names compiled apart from min bytes.
func withSharedNamesMin(min int, fn func()) {
	old := sharedNamesMin
	sharedNamesMin = min
	defer func() { sharedNamesMin = old }()
	fn()
}

// sharedManifest is a profile of names that open alike ("Ali", "Ali Reza", "Ali
// Reza Khan"), with the apostrophes, full stops and hyphens namePattern makes
// optional or loose.
const sharedManifest = `subject:
  name: "Reza Khan Front"
  aliases: ["RKF", "Front of the East"]
entities:
  - {name: "Ali Reza Khan", kind: person}
  - {name: "Ali Reza", kind: person}
  - {name: "Ali Kazemi", kind: person}
  - {name: "Sean O'Neil", kind: person}
  - {name: "Jean-Paul Sartre", kind: person}
  - {name: "J. R. Hartley", kind: person}
  - {name: "Eastern Front Council", kind: organization, aliases: ["EFC"]}
sources:
  - {id: a, file: a.txt}
`

// TestSharedNamesAsInline: an expression whose lists of names are compiled apart
// (see shared.go) finds what it finds with the names compiled into its program:
// every match and group of expressions made of {person}, {persons}, {org} and
// {authority}, at every position of texts that spell the names in each way their
// patterns allow and some they do not; and every claim of the test corpora and
// of a generated corpus whose profile lists 300 more people.
func TestSharedNamesAsInline(t *testing.T) {
	texts := []string{
		"Ali Reza Khan met Ali Reza, and Ali Kazemi said so.",
		"ali reza khan met ALI REZA and Ali Rezakhan and Ali-Reza Khan.",
		"Sean O'Neil, Sean ONeil and Sean O Neil led the Eastern Front Council (EFC).",
		"Jean-Paul Sartre and Jean Paul Sartre and Jean-paul sartre met J. R. Hartley and J R Hartley and J.R. Hartley.",
		"The Front of the East's leaders, Ali Reza Khan, Ali Reza and 300 members, met the State Department.",
		"Ali Reza Khan, Ali Reza and Ali Kazemi and Sean O'Neil were named by the European Union and Ali",
		"Ali", "", "Ali Reza Kha", "the RKF said it was designated by the United States.",
	}
	patterns := []string{
		`{person},? (?:met|and|said) {persons}`,
		`{persons} (?:were named|led|met) (?:by )?{org}`,
		`(?:{org}|{person})(?:'s)? (?:leaders|said)`,
		`designated by {authority}`,
		`{person}`,
	}
	find := func(min int) [][][]int {
		var out [][][]int
		withSharedNamesMin(min, func() {
			c, err := LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(sharedManifest)}, "a.txt": {Data: []byte("Ali Reza Khan.")}}, "shared")
			if err != nil {
				t.Fatal(err)
			}
			shared := 0
			for _, src := range patterns {
				x, err := compileSearched(src, c.Profile, false)
				if err != nil {
					t.Fatal(err)
				}
				if x.st == nil {
					t.Fatalf("%s: searched whole by regexp, not by its starts", src)
				}
				if len(x.st.tried().subs) > 0 {
					shared++
				}
				for _, text := range texts {
					var found [][]int
					for p := 0; p < len(text); p++ {
						found = append(found, x.st.at(text, p))
					}
					out = append(out, found)
				}
			}
			if (min == 0) != (shared == len(patterns)) {
				t.Fatalf("from %d bytes, %d of %d expressions run lists compiled apart", min, shared, len(patterns))
			}
		})
		return out
	}
	inline, apart := find(1<<30), find(0)
	for i := range inline {
		if !reflect.DeepEqual(inline[i], apart[i]) {
			src, text := patterns[i/len(texts)], texts[i%len(texts)]
			t.Errorf("%s on %q:\n inline %v\n apart  %v", src, text, inline[i], apart[i])
		}
	}

	corpora := testCorpora(t)
	gen := t.TempDir()
	if _, err := gencorpus.WriteOptions(gen, gencorpus.Options{Sources: 4, Seed: 7, Bystanders: 300}); err != nil {
		t.Fatal(err)
	}
	corpora["bystanders"] = func() (*Corpus, error) { return LoadCorpus(os.DirFS(gen), "bystanders") }
	for name, load := range corpora {
		t.Run(name, func(t *testing.T) {
			claims := func(min int) []Claim {
				var out []Claim
				withSharedNamesMin(min, func() {
					c, rs := mustLoad(t, load)
					out = mustExtractAll(t, c, rs)
				})
				return out
			}
			inline, apart := claims(1<<30), claims(0)
			if len(inline) == 0 {
				t.Fatal("no claim: the test tells nothing")
			}
			if !reflect.DeepEqual(inline, apart) {
				t.Errorf("%d claims inline, %d with the names apart; first apart: %s", len(inline), len(apart), firstApart(inline, apart))
			}
		})
	}
}

// firstApart describes the first claim where a and b differ.
func firstApart(a, b []Claim) string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return fmt.Sprintf("%d: %+v against %+v", i, a[i], b[i])
		}
	}
	return "one list ends first"
}

// FuzzSharedNames: for a profile of made-up people and organizations, the
// expressions of TestSharedNamesAsInline find at every position of a text what
// they find with the lists of names compiled into each program.
func FuzzSharedNames(f *testing.F) {
	f.Add("Ali Reza Khan|Ali Reza|Sean O'Neil|J. R. Hartley", "Eastern Front Council|EFC", "Ali Reza Khan met Ali Reza, Sean ONeil and J R Hartley; the EFC said so.")
	f.Add("Jean-Paul Sartre|Jean Paul", "Front|Front of the East", "Jean Paul Sartre and jean-paul met the Front of the East's leaders.")
	f.Fuzz(func(t *testing.T, people, orgs, text string) {
		var manifest strings.Builder
		manifest.WriteString("subject:\n  name: \"Subject Of The Test\"\nentities:\n")
		for kind, list := range map[string]string{"person": people, "organization": orgs} {
			for i, name := range strings.Split(list, "|") {
				if i == 8 {
					break
				}
				quoted, _ := json.Marshal(name)
				fmt.Fprintf(&manifest, "  - {name: %s, kind: %s}\n", quoted, kind)
			}
		}
		manifest.WriteString("sources:\n  - {id: a, file: a.txt}\n")
		patterns := []string{`{person},? (?:met|and|said) {persons}`, `(?:{org}|{person})(?:'s)? (?:leaders|said)`}
		find := func(min int) (out [][]int, ok bool) {
			withSharedNamesMin(min, func() {
				c, err := LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(manifest.String())}, "a.txt": {Data: []byte("A text.")}}, "fuzz")
				if err != nil {
					return // names the manifest refuses
				}
				for _, src := range patterns {
					x, err := compileSearched(src, c.Profile, false)
					if err != nil || x.st == nil {
						return
					}
					for p := 0; p < len(text); p++ {
						out = append(out, x.st.at(text, p))
					}
				}
				ok = true
			})
			return out, ok
		}
		inline, ok1 := find(1 << 30)
		apart, ok2 := find(0)
		if ok1 != ok2 {
			t.Fatalf("compiles inline %v, with the names apart %v", ok1, ok2)
		}
		if !reflect.DeepEqual(inline, apart) {
			t.Errorf("on %q:\n inline %v\n apart  %v", text, inline, apart)
		}
	})
}
