package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestLearnFromText(t *testing.T) {
	p := NewProfile(&Known{Entity: Entity{ID: "org:nlf", Name: "NLF", Type: EntityOrganization}, Aliases: []string{"Northern Lights Front"}}, nil)
	text := "The Northern Lights Front, also known as the Polar Brigades (PB), trained at Camp Borealis in Norway. Lena Dahl in Oslo spoke.\n"
	got := map[string]string{}
	for _, l := range p.Learn("a", Lessons(Segment(text))) {
		got[l.Name] = l.What
	}
	p.Complete()
	want := map[string]string{"Polar Brigades": "alias of NLF", "PB": "alias of NLF", "Camp Borealis": "place in Norway"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("learned %q as %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("learned more than the text says: %v", got)
	}
	if pl, ok := p.Place("Camp Borealis"); !ok || pl.Country != "Norway" {
		t.Errorf("Camp Borealis is not known as a place in Norway: %v", pl)
	}
	if k, ok := p.Org("Polar Brigades"); !ok || k.Name != "NLF" {
		t.Errorf("Polar Brigades is not known as the NLF")
	}
}

// TestVocabulary: the lower-case words a text writes on their own, and none of
// the others, however many there are; the same answers from the searches of the
// first words asked and from the set the text is read into beyond them.
func TestVocabulary(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "word%c%c%c Name%d x3y ", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26, i)
	}
	b.WriteString("light regime Eternal Light of the it an wordy_ lightly caf\u00e9")
	has := []string{"light", "regime", "the", "wordaaa", "wordzzg", "wordhkh", "lightly"}
	hasNot := []string{"eternal", "Light", "of", "it", "an", "name1", "x3y", "word", "wordzzz", "wordy", "ligh", "ight", "", "caf\u00e9"}
	read := NewVocabulary(b.String())
	for i := range askLimit + 1 { // past the searches: the text is read into the set
		read.Has(fmt.Sprintf("never%c", 'a'+i))
	}
	if read.set == nil {
		t.Fatalf("%d words asked and the text is not read", askLimit+1)
	}
	for _, v := range []*Vocabulary{NewVocabulary(b.String()), read} {
		for _, w := range has {
			first, again := v.Has(w), v.Has(w) // the second answer is remembered
			if !first || !again {
				t.Errorf("%q is missing (set read: %v)", w, v.set != nil)
			}
		}
		for _, w := range hasNot {
			first, again := v.Has(w), v.Has(w)
			if first || again {
				t.Errorf("%q is not a lower-case word of the text (set read: %v)", w, v.set != nil)
			}
		}
	}
	if (*Vocabulary)(nil).Has("light") || NewVocabulary("").Has("light") {
		t.Error("an empty vocabulary holds a word")
	}
}

// TestStandsAlone: the search from a word's rarest letter finds a word standing
// alone where a plain reading of every position finds it, on every text of up to
// six characters over letters, a digit, an underscore, a capital and a space.
func TestStandsAlone(t *testing.T) {
	plain := func(text, w string) bool {
		for p := 0; p+len(w) <= len(text); p++ {
			e := p + len(w)
			if text[p:e] == w && (p == 0 || !isWordByte(text[p-1])) && (e == len(text) || !isWordByte(text[e])) {
				return true
			}
		}
		return false
	}
	words := []string{"ab", "ba", "za", "az", "aza", "zz", "abz", "a"}
	texts := allTexts(strings.Split("abz1_A ", ""), 6)
	yes := 0
	for _, text := range texts {
		for _, w := range words {
			want := plain(text, w)
			if got := standsAlone(text, w); got != want {
				t.Fatalf("standsAlone(%q, %q) = %v, want %v", text, w, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Fatal("no word stands alone in any text: the test tells nothing")
	}
}

// TestPlaceholdersFollowTheProfile: what the placeholders stand for is worked out
// once, and again when the profile learns a name: an alias learned after the
// rules' expressions were first expanded is in those expanded after.
func TestPlaceholdersFollowTheProfile(t *testing.T) {
	c, err := LoadCorpus(os.DirFS(filepath.Join("..", "testdata", "corpora", "amber")), ".")
	if err != nil {
		t.Fatal(err)
	}
	p := c.Profile
	matches := func() bool {
		re, err := expand(`^{org}$`, p)
		if err != nil {
			t.Fatal(err)
		}
		return re.MatchString("Tern Brigades")
	}
	if matches() {
		t.Fatal("the organization's expression takes an alias no one taught")
	}
	learned := p.Learn("made", []Lesson{{Kind: LessonAlias, Line: 1, Before: "The Amber Coast Liberation Front, ", Names: []string{"Tern Brigades", "", "", ""}}})
	if len(learned) != 1 {
		t.Fatalf("learned %v", learned)
	}
	p.Complete()
	if !matches() {
		t.Error("the organization's expression lacks the alias learned")
	}
}

// acronymAfterRE is what nextAcronym finds: an acronym in brackets right after a
// word.
var acronymAfterRE = regexp.MustCompile(` \(([A-Z]{2,6})\)`)

// acronymsFound is every match nextAcronym finds in text, as [start end] pairs.
func acronymsFound(text string) [][]int {
	var out [][]int
	for at, end := nextAcronym(text, 0); at >= 0; at, end = nextAcronym(text, end) {
		out = append(out, []int{at, end})
	}
	return out
}

// TestNextAcronymAsTheExpression: nextAcronym finds the matches of
// acronymAfterRE, on phrasings from the texts and at the edges of its counts (the
// sentences of every test corpus are compared in TestAttributionWordsComeFirst, and
// any text in FuzzNextAcronym).
func TestNextAcronymAsTheExpression(t *testing.T) {
	for _, text := range []string{
		"the People's Mojahedin Organization of Iran (PMOI), also known as MEK",
		"the National Council of Resistance of Iran (NCRI) and the National Liberation Army (NLA).",
		"Iraq (2003) and (MEK) and x(MEK) and  (AB)",
		"(AB) (A) (ABCDEF) (ABCDEFG) (AbC) (AB (CD) (EF",
		" (ABCDEF) (ABCDEFG)) ( (AB) (AB)(CD) (CD)",
		" (", " (A", " (AB", " (AB)", "",
	} {
		if got, want := acronymsFound(text), acronymAfterRE.FindAllStringIndex(text, -1); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: nextAcronym finds %v, the expression %v", text, got, want)
		}
	}
	if got := acronymsFound("known as the Coast Brigades (CB) or (ACLF) (X)"); fmt.Sprint(got) != "[[27 32] [35 42]]" {
		t.Errorf("found %v", got)
	}
}

func FuzzNextAcronym(f *testing.F) {
	f.Add("Iran (NCRI) (AB)(CD) (ABCDEFG) (")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := acronymsFound(text), acronymAfterRE.FindAllStringIndex(text, -1); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q: nextAcronym finds %v, the expression %v", text, got, want)
		}
	})
}

// TestMemosKeptForOneProfile: a worker's memory of which names a window spells
// is kept from source to source, but is of one profile: another, or the same
// one completed again after learning, is asked anew.
func TestMemosKeptForOneProfile(t *testing.T) {
	org := &Known{Entity: Entity{ID: "org:nlf", Name: "NLF", Type: EntityOrganization}, Aliases: []string{"Northern Lights Front"}}
	lena := &Known{Entity: Entity{ID: "person:lena-dahl", Name: "Lena Dahl", Type: EntityPerson}}
	without, with := NewProfile(org, nil), NewProfile(org, []*Known{lena})
	m := &memos{near: map[string][]int32{}, misspelt: map[string]*Known{}}
	spells := func(p *Profile) int {
		m.forProfile(p)
		x := &extractor{memos: m, profile: p}
		return len(x.nearMatches("Lena Dahl", 'l', 2))
	}
	for i, c := range []struct {
		p    *Profile
		want int
	}{{without, 0}, {with, 1}, {with, 1}, {without, 0}} {
		if got := spells(c.p); got != c.want {
			t.Errorf("ask %d: the window spells %d names, want %d", i+1, got, c.want)
		}
	}
	spells(with)
	m.forProfile(with)
	if _, kept := m.near["Lena Dahl"]; !kept {
		t.Error("the answer was not kept for the same profile")
	}
	with.Complete()
	m.forProfile(with)
	if len(m.near) != 0 {
		t.Errorf("after the profile was completed again the memory holds %v", m.near)
	}
}
