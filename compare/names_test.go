package compare

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/facts"
)

// judgeTexts runs the whole pipeline on a small corpus written for the test.
func judgeTexts(t *testing.T, profile string, texts map[string]string) *Result {
	t.Helper()
	fsys := fstest.MapFS{}
	var sources strings.Builder
	for _, id := range []string{"a", "b", "c"} {
		if text, ok := texts[id]; ok {
			fsys[id+".txt"] = &fstest.MapFile{Data: []byte(text)}
			sources.WriteString("  - {id: " + id + ", file: " + id + ".txt, name: " + strings.ToUpper(id) + ", as_of: \"2020\"}\n")
		}
	}
	fsys["compare.yaml"] = &fstest.MapFile{Data: []byte(profile + "sources:\n" + sources.String())}
	c, err := facts.LoadCorpus(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	return Judge(c, mustExtract(t, c, rs))
}

const nlfProfile = `subject: {name: NLF, aliases: [Northern Lights Front]}
entities:
  - {name: Lena Dahl, kind: person}
  - {name: Kari Dahl, kind: person}
  - {name: Aurora Council, kind: organization, aliases: [AC]}
`

func TestSpellingVariants(t *testing.T) {
	res := judgeTexts(t, nlfProfile, map[string]string{
		"a": "Lena Dahl founded the Northern Lights Front. Kari Dahl joined it later. Erik Holm spoke. Erik Holm left.",
		"b": "Lena Dhal led the Northern Lights Fron for years. Erik Hollm spoke.",
	})
	got := map[string]*Conflict{}
	for _, c := range res.Conflicts {
		got[c.Key] = c
	}
	for _, key := range []string{
		"person:lena-dahl|spelling|lena dhal",
		"org:nlf|spelling|northern lights fron",
		"person:erik-holm|spelling|erik hollm",
	} {
		c := got[key]
		if c == nil {
			t.Errorf("no spelling conflict %s; got %v", key, keys(got))
			continue
		}
		if c.Class != Spelling || len(c.Sides) != 2 || !strings.Contains(c.Explanation, "B writes") {
			t.Errorf("%s: class %v, sides %d: %q", key, c.Class, len(c.Sides), c.Explanation)
		}
	}
	for key := range got {
		if strings.Contains(key, "kari") {
			t.Errorf("Kari Dahl and Lena Dahl share a surname and must stay apart: %s", key)
		}
	}
}

func TestResolveRewritesSubjects(t *testing.T) {
	res := judgeTexts(t, nlfProfile, map[string]string{
		"a": "On 4 May 1991, Lena Dahl was assassinated in Oslo.",
		"b": "On 4 June 1991, Lena Dhal was assassinated in Oslo.",
	})
	for _, c := range res.Conflicts {
		if c.Key == "person:lena-dahl|killed" {
			return
		}
	}
	t.Errorf("the two dates of one person's death, spelt two ways, are not compared: %v", res.Conflicts)
}

func TestExpansions(t *testing.T) {
	res := judgeTexts(t, nlfProfile, map[string]string{
		"a": "Its wing, the Aurora Council (AC), lobbies. The Northern Lights Front (NLF) was banned.",
		"b": "Its wing, the Aurora Committee (AC), lobbies. The Northern Lights Front (NLF) was banned.",
	})
	var ac *Conflict
	for _, c := range res.Conflicts {
		if strings.HasPrefix(c.Key, "org:aurora-council|expansion|AC") {
			ac = c
		}
		if strings.Contains(c.Key, "|expansion|NLF") {
			t.Errorf("the same expansion in both sources conflicts: %s", c.Explanation)
		}
	}
	if ac == nil || ac.Class != Spelling || !strings.Contains(ac.Explanation, "“Committee” for “Council”") {
		t.Fatalf("AC expanded two ways: %+v", ac)
	}
}

func keys(m map[string]*Conflict) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// mustLoad loads the corpus in dir of fsys and its rules.
func mustLoad(t testing.TB, fsys fs.FS, dir string) (*facts.Corpus, *facts.RuleSet) {
	t.Helper()
	c, err := facts.LoadCorpus(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	return c, rs
}

func mustExtract(t testing.TB, c *facts.Corpus, rs *facts.RuleSet) []facts.Claim {
	t.Helper()
	claims, err := facts.ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	return claims
}

// Merging "Erik Hollm" into Erik Holm rewrites the subject of the merged claims on
// copies: the caller's claims are as they were, and the result's claims and the
// spelling conflict name the canonical person.
func TestJudgeLeavesTheClaimsAsTheyWere(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":        {Data: []byte("Erik Holm spoke. Erik Holm left.")},
		"b.txt":        {Data: []byte("Erik Hollm spoke.")},
		"compare.yaml": {Data: []byte(nlfProfile + "sources:\n  - {id: a, file: a.txt, as_of: \"2020\"}\n  - {id: b, file: b.txt, as_of: \"2020\"}\n")},
	}
	c, rs := mustLoad(t, fsys, "t")
	claims := mustExtract(t, c, rs)
	before := map[int]facts.EntityID{}
	for i, cl := range claims {
		before[i] = cl.Subject.ID
	}
	res := Judge(c, claims)
	rewritten := 0
	for i, cl := range claims {
		if cl.Subject.ID != before[i] {
			t.Errorf("claim %d (%q): subject changed from %s to %s", i, cl.Text, before[i], cl.Subject.ID)
		}
		if strings.Contains(cl.Text, "Hollm") && cl.Subject.ID != "person:erik-holm" {
			rewritten++
		}
	}
	if rewritten == 0 {
		t.Fatal("no claim names a person other than Erik Holm: nothing to merge, the test proves nothing")
	}
	for _, cl := range res.Claims {
		if strings.Contains(cl.Text, "Hollm") && cl.Subject.ID != "person:erik-holm" {
			t.Errorf("judged claim %q has subject %s, want person:erik-holm", cl.Text, cl.Subject.ID)
		}
	}
	var spelling *Conflict
	for _, cf := range res.Conflicts {
		if cf.Class == Spelling {
			spelling = cf
		}
	}
	if spelling == nil || spelling.Subject.ID != "person:erik-holm" {
		t.Fatalf("no spelling conflict about Erik Holm: %+v", res.Conflicts)
	}
	for _, cl := range spelling.Claims {
		if cl.Subject.ID != "person:erik-holm" {
			t.Errorf("spelling conflict quotes %q with subject %s", cl.Text, cl.Subject.ID)
		}
	}
}
