package facts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/internal/gencorpus"
	"github.com/factcheck-tools/compare/seeds"
)

// testCorpora are every corpus at hand and a small generated one.
func testCorpora(t *testing.T) map[string]func() (*Corpus, error) {
	gen := t.TempDir()
	if _, err := gencorpus.Write(gen, 4, 7); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "testdata", "corpora")
	return map[string]func() (*Corpus, error){
		"seeds":     func() (*Corpus, error) { return LoadCorpus(seeds.FS, "seeds") },
		"amber":     func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "amber")), "amber") },
		"hostile":   func() (*Corpus, error) { return LoadCorpus(os.DirFS(filepath.Join(root, "hostile")), "hostile") },
		"generated": func() (*Corpus, error) { return LoadCorpus(os.DirFS(gen), "generated") },
	}
}

// eachTestCorpus runs fn, as a subtest, on each of testCorpora with its rules.
func eachTestCorpus(t *testing.T, fn func(t *testing.T, c *Corpus, rs *RuleSet)) {
	for name, load := range testCorpora(t) {
		t.Run(name, func(t *testing.T) {
			c, rs := mustLoad(t, load)
			fn(t, c, rs)
		})
	}
}

// mustLoad loads a corpus and compiles its rules, or stops the test.
func mustLoad(t *testing.T, load func() (*Corpus, error)) (*Corpus, *RuleSet) {
	t.Helper()
	c, err := load()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	return c, rs
}

// mustExtractAll extracts every claim of c or stops the test.
func mustExtractAll(t *testing.T, c *Corpus, rs *RuleSet) []Claim {
	t.Helper()
	claims, err := ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	return claims
}

// eachSentence calls fn with every sentence of every source of c, and an
// extractor of that source that finds the sentences' trigger words.
func eachSentence(t *testing.T, c *Corpus, rs *RuleSet, fn func(x *extractor, s *Sentence)) {
	t.Helper()
	for _, src := range c.Sources {
		doc, err := c.Read(src)
		if err != nil {
			t.Fatal(err)
		}
		x := &extractor{doc: doc, filter: rs.filter, memos: &memos{hit: make([]hits, len(doc.Sentences))}}
		for i := range doc.Sentences {
			fn(x, &doc.Sentences[i])
		}
	}
}

// eachDocument calls fn with each source of c and its text segmented.
func eachDocument(t *testing.T, c *Corpus, fn func(src *Source, doc *Document)) {
	t.Helper()
	for _, src := range c.Sources {
		doc, err := c.Read(src)
		if err != nil {
			t.Fatal(err)
		}
		fn(src, doc)
	}
}

// sameAnswers fails the test where the quick test says otherwise than the slow
// one it stands for, or where the texts do not try both answers.
func sameAnswers(t *testing.T, quickName, slowName string, texts []string, quick, slow func(string) bool) {
	t.Helper()
	yes := 0
	for _, text := range texts {
		want := slow(text)
		if got := quick(text); got != want {
			t.Errorf("%s(%q) = %v, %s says %v", quickName, text, got, slowName, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 || yes == len(texts) {
		t.Fatalf("%s holds for %d of %d texts: the test tells nothing", slowName, yes, len(texts))
	}
}

// seedRules loads the embedded corpus and compiles its rules.
func seedRules(tb testing.TB) (*Corpus, *RuleSet) { return loadRules(tb, seeds.FS, "seeds") }

// loadRules loads the corpus in dir of fsys and compiles its rules, or stops the
// test.
func loadRules(tb testing.TB, fsys fs.FS, dir string) (*Corpus, *RuleSet) {
	tb.Helper()
	c, err := LoadCorpus(fsys, dir)
	if err != nil {
		tb.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		tb.Fatal(err)
	}
	return c, rs
}

// sameClaims reports the claims one extraction has and the other lacks.
func sameClaims(t *testing.T, what string, want, got []Claim) {
	t.Helper()
	if fmt.Sprint(want) == fmt.Sprint(got) {
		return
	}
	t.Errorf("%s: %d claims, against %d", what, len(got), len(want))
	for _, pair := range [][2][]Claim{{want, got}, {got, want}} {
		seen := map[string]bool{}
		for _, cl := range pair[1] {
			seen[fmt.Sprint(cl)] = true
		}
		for _, cl := range pair[0] {
			if !seen[fmt.Sprint(cl)] {
				t.Errorf("%s: only one way: %s %s %s %q (rule %s)", what, cl.Source, cl.Predicate, cl.Value, cl.Quote, cl.Rule)
			}
		}
	}
}

// TestMaskedDatesChangeNothing: the rules with {date} read the sentence with its
// dates masked (one token each) rather than running the date grammar themselves;
// every corpus at hand gives the same claims either way.
func TestMaskedDatesChangeNothing(t *testing.T) {
	defer func() { noMasks = false }()
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		masked := 0
		for _, r := range rs.rules {
			if p, ok := r.(*patternRule); ok && p.masked != nil {
				masked++
			}
		}
		if masked == 0 {
			t.Fatal("no rule reads masked dates: the test compares nothing")
		}
		noMasks = true
		want := mustExtractAll(t, c, rs)
		noMasks = false
		sameClaims(t, "with masks", want, mustExtractAll(t, c, rs))
	})
}

// TestTriggersHideNothing: the trigger words only spare the rules sentences they
// cannot match. Every corpus at hand, and a generated one, gives the same claims
// with the triggers as with every rule tried on every sentence.
func TestTriggersHideNothing(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		with := mustExtractAll(t, c, rs)
		triggered := 0
		for _, r := range rs.rules {
			b := r.base()
			triggered += len(b.triggerIDs)
			b.triggers, b.triggerIDs = nil, nil
		}
		if triggered == 0 {
			t.Fatal("no rule has triggers: the test compares nothing")
		}
		if len(with) == 0 {
			t.Fatal("no claims")
		}
		sameClaims(t, "without triggers", mustExtractAll(t, c, rs), with)
	})
}

// TestAttributionWordsComeFirst: attributions, and what texts teach, look for the
// words of each expression before running it; wherever an expression matches, its words are
// there. Checked on every sentence of the corpora at hand and on one sentence per
// verb the expression knows.
func TestAttributionWordsComeFirst(t *testing.T) {
	var texts []string
	for _, verb := range strings.Fields(`claims claimed claim said says alleged alleges estimated estimates told
		maintains maintained insists insisted argues argued contends contended stated states reported reports
		announced asserted asserts believes believed notes noted wrote writes`) {
		texts = append(texts, "The ministry "+verb+" that the group had 3,000 members.")
	}
	for _, hedge := range strings.Fields(`said claimed alleged reported believed thought rumoured rumored`) {
		texts = append(texts, "It is "+hedge+" to have 3,000 members.")
	}
	texts = append(texts, "The group reportedly had 3,000 members.", "The group allegedly had members.", "According to the ministry, it had 3,000.",
		"They moved to Camp Tuuli in Estonia.", "The Northern Front (NF), also known as the Coast Brigades (CB), grew.")
	for _, load := range testCorpora(t) {
		c, err := load()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.Sources {
			d, err := c.Read(s)
			if err != nil {
				t.Fatal(err)
			}
			for i := range d.Sentences {
				texts = append(texts, d.Sentences[i].Text)
			}
		}
	}
	matched := 0
	for _, text := range texts {
		s := Segment(text).Sentences
		for i := range s {
			f, lower := s[i].Folded().Text, s[i].Lower()
			if accordingRE.MatchString(f) && !strings.Contains(lower, "according to") {
				t.Errorf("accordingRE matches without its words: %q", f)
			}
			if claimVerbRE.MatchString(f) {
				matched++
				if !containsAny(f, claimVerbWords) {
					t.Errorf("claimVerbRE matches without a word of claimVerbWords: %q", f)
				}
			}
			if hedgeRE.MatchString(f) && !containsAny(lower, hedgeWords) {
				t.Errorf("hedgeRE matches without a word of hedgeWords: %q", f)
			}
			// The same for what texts teach (Lessons).
			if learnPlaceRE.MatchString(f) && !containsAny(f, placeWords) {
				t.Errorf("learnPlaceRE matches without a word of placeWords: %q", f)
			}
			if got, want := acronymsFound(f), acronymAfterRE.FindAllStringIndex(f, -1); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("nextAcronym finds %v in %q, the expression %v", got, f, want)
			}
			if learnAliasRE.MatchString(f) && !strings.Contains(f, "known") {
				t.Errorf("learnAliasRE matches without \"known\": %q", f)
			}
		}
	}
	if matched < 30 {
		t.Errorf("claimVerbRE matched %d sentences: the test checks too little", matched)
	}
}

// TestDispatchChangesNothing: each sentence is offered only to the rules its
// words can set off; every corpus at hand gives the same claims as when every
// sentence is offered to every rule.
func TestDispatchChangesNothing(t *testing.T) {
	defer func() { noDispatch = false }()
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		noDispatch = true
		want := mustExtractAll(t, c, rs)
		noDispatch = false
		if len(want) == 0 {
			t.Fatal("no claims")
		}
		sameClaims(t, "with dispatch", want, mustExtractAll(t, c, rs))
	})
}

// TestSourceIndex: a claim ExtractCorpus gave knows its source's place in the
// corpus, and says it even when its place is no help (another corpus's claim, or
// one made by hand); a source the corpus does not list has none.
func TestSourceIndex(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		claims := mustExtractAll(t, c, rs)
		for i := range claims {
			cl := &claims[i]
			want := slices.IndexFunc(c.Sources, func(s *Source) bool { return s.ID == cl.Source })
			if got := c.SourceIndex(cl); got != want || cl.at == 0 {
				t.Fatalf("%s line %d: place %d (given %d), want %d", cl.Source, cl.Line, got, cl.at-1, want)
			}
			byHand := *cl
			byHand.at = 0
			if got := c.SourceIndex(&byHand); got != want {
				t.Fatalf("%s line %d made by hand: place %d, want %d", cl.Source, cl.Line, got, want)
			}
			byHand.at = int32((want+1)%len(c.Sources) + 1) // another source's place
			if got := c.SourceIndex(&byHand); got != want {
				t.Fatalf("%s line %d with the place %d: place %d, want %d", cl.Source, cl.Line, byHand.at-1, got, want)
			}
		}
		stray := claims[0]
		stray.Source = "not-in-the-manifest"
		if got := c.SourceIndex(&stray); got != -1 {
			t.Errorf("a source the manifest does not list: place %d, want -1", got)
		}
	})
}

// TestFoundDatesAreDates: a date FindDates finds, or the date a sentence opens
// with, is read without matching the grammar again (parseDate, found). Every such
// date of the corpora at hand, and of a generated one, reads the same both ways.
func TestFoundDatesAreDates(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var found []string
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			text := s.Folded().Text
			for _, m := range FindDates(text) {
				found = append(found, text[m[0]:m[1]])
			}
			if m := frameRE.FindStringSubmatchIndex(text); m != nil {
				found = append(found, text[m[2]:m[3]])
			}
		})
		if len(found) == 0 {
			t.Fatal("no dates found: the test compares nothing")
		}
		for _, s := range found {
			for _, year := range []int{0, 1990} {
				want, wantErr := ParseDate(s, year)
				got, gotErr := parseDate(s, year, true)
				if got != want || (gotErr == nil) != (wantErr == nil) {
					t.Errorf("%q (year %d) found: %v, %v; read as any text: %v, %v", s, year, got, gotErr, want, wantErr)
				}
			}
		}
	})
}

// TestOpeningDate: openingDate finds the date a sentence opens with where frameRE's
// group does, in every sentence of the corpora at hand and of a generated one, and
// in texts made to try each way: the words before the date, with and without a
// comma, in any case; a date not followed by a comma or a space; a word that only
// begins like a lead; a long s that (?i) reads as "s".
func TestOpeningDate(t *testing.T) {
	texts := []string{"In 1986, it moved.", "in 1986 it moved", "Also, in 1986, it moved.", "Also in 1986 it",
		"ALSO, IN 1986, IT", "Also,in 1986, it", "And 1986, it", "And, on 8 February 1990 it", "Then during the 1980s it",
		"Later as of 2003, it", "Already in 1999", "In 1999", "In 1999.", "In 1999x it", "In 1999-2003, it",
		"Andrew in 1986, it", "Butter in 1986, it", "Finally, 1986,", "But as of mid-2003 it", "During 1986 and 1987 it",
		"On 24 April 1990, he", "On April 24, 1990, he", "al\u017fo in 1986, it", "in the late 1970s, it", "1986, it",
		"In early 1986; it", "Also, in", "", "In", "Also, ", "8 February 1990 it", "as of 2003 it", "as 2003, it",
		"1961-1969: Estonia", "1981: 2,300 fighters", "1969-present: Poland", "In 1990-05, it"}
	n := 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			texts = append(texts, s.Folded().Text)
			n++
		})
	})
	found := 0
	for _, text := range texts {
		ws, we := frameGroup(text)
		if gs, ge := openingDate(text); gs != ws || ge != we {
			t.Errorf("openingDate(%q) = %d, %d; frameRE's group is %d, %d", text, gs, ge, ws, we)
		}
		if ws >= 0 {
			found++
		}
	}
	if found == 0 || found == len(texts) || n == 0 {
		t.Fatalf("%d of %d texts open with a date (%d sentences): the test tells nothing", found, len(texts), n)
	}
}

// TestContinuesTime: the quick test of the words a sentence continues the time
// of the one before with says what anaphoraRE says.
func TestContinuesTime(t *testing.T) {
	texts := []string{"From there they moved to Iraq.", "Thereafter, it grew.", "There were 3,000.",
		"Then", "Thence it went.", "thereby", "The same year, it moved.", "At the time of writing",
		"At that timeless moment", "In the same year", "Subsequently", "Later that year", "Latest news",
		"\u017fubsequently it moved", "THEN it moved", "Them again", "", "the same", "there-after"}
	for _, a := range anaphora {
		texts = append(texts, a, a+",", a+"x", strings.ToUpper(a)+" 1990")
	}
	sameAnswers(t, "continuesTime", "anaphoraRE", texts, continuesTime, anaphoraRE.MatchString)
}

// TestMayContinueSparesNoSentence: mayContinue, asked of a sentence as written,
// says yes of every sentence whose folded text continuesTime says yes of, on
// every sentence of the corpora at hand and on sentences that fold.
func TestMayContinueSparesNoSentence(t *testing.T) {
	texts := []string{"Then[1] they moved.", "[2]Then they moved.", "Th\u00e9n they moved.", "\u017fubsequently it moved",
		"Subsequently (1) it moved", "In the same\u00a0year it moved.", "`Then` it moved", "Then they moved.", "The group moved."}
	continues, spared, n := 0, 0, 0
	check := func(s *Sentence) {
		n++
		may := mayContinue(s.Text)
		if !may {
			spared++
		}
		if continuesTime(s.Folded().Text) {
			continues++
			if !may {
				t.Errorf("%q continues the time before, and mayContinue spares it", s.Text)
			}
		}
	}
	for _, text := range texts {
		doc := Segment(text)
		for i := range doc.Sentences {
			check(&doc.Sentences[i])
		}
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { check(s) })
	})
	if continues == 0 || spared == 0 {
		t.Fatalf("%d of %d sentences continue the time before, %d spared: the test tells nothing", continues, n, spared)
	}
}

// TestASCIITranslitFirst: the first letter of a word once transliterated, worked
// out from its first two letters, is the first letter of translit, for every word
// of the corpora at hand and of a generated one and for words made to trip it.
func TestASCIITranslitFirst(t *testing.T) {
	words := []string{"Ghassemi", "Khiabani", "Djalal", "Ouali", "Oousa", "Oou", "Eelam", "Phillips", "O'Brien",
		"Gh'x", "Dj", "K", "kh", "A", "Pha", "Eee", "Ooo", "Odj", "Ogh", "Ouu", "Rajavi", "'s", "Ee'la", "Z"}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			text := s.Folded().Text
			for _, w := range appendWordSpans(nil, text) {
				words = append(words, text[w[0]:w[1]])
			}
		})
	})
	// What the first two letters tell rests on the order of the pairs.
	for j, early := range translitPairs {
		for _, later := range translitPairs[j+1:] {
			if later[0][1] == early[1][0] {
				t.Fatalf("translitPairs: %q becomes %q, which ends the later pair %q", early[0], early[1], later[0])
			}
		}
	}
	fast := 0
	for _, w := range words {
		got, ok := asciiTranslitFirst(w)
		if !ok {
			continue
		}
		fast++
		if want := translit(w); want == "" || got != want[0] {
			t.Errorf("asciiTranslitFirst(%q) = %q, translit gives %q", w, got, want)
		}
	}
	if fast == 0 || fast == len(words) {
		t.Fatalf("%d of %d words worked out from their first letters: the test tells nothing", fast, len(words))
	}
}

// TestMayTeachFindsTheWords: mayTeach, which looks for the words of places at the
// capitals of a text, says what looking for each word anywhere and for an
// acronym's bracket by an expression says, on every sentence of the corpora at
// hand and of a generated one, and on texts made to trip it.
func TestMayTeachFindsTheWords(t *testing.T) {
	texts := []string{"", "Camp", "camp", "aCamp", "the Campaign", "CAMP", "Port Arthur", "a Provinc", "Region", "known", "unknown", "know", "kno", "(y", "x(y", " (", "ak",
		"x (y", "x (Y", "x(Y", " (1)", "x [2](NLF)", "x (1)(NLF)", "x\u00a0(NLF)", "x (\u00c9TA)", "x ([3]NLF)", "x ((", "x (-",
		"Basel", "Prisoner", "Lakeside", "Mountain", "Mount", "Governorate", "County", "District", "Fort"}
	// Each word, and a near miss, at every place around the eight-byte steps.
	for _, w := range []string{"Camp", "Base", "known", " (N", " (", "](N", "Lake", "Cam", "kno", "(", "(N", "Governorat"} {
		for pad := range 18 {
			texts = append(texts, strings.Repeat("x", pad)+w, strings.Repeat("y", pad)+w+strings.Repeat("z", 17-pad))
		}
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { texts = append(texts, s.Text) })
	})
	sameAnswers(t, "mayTeach", "looking for each word", texts, mayTeach, func(text string) bool {
		return acronymBracketRE.MatchString(text) || strings.Contains(text, "known") || containsAny(text, placeWords)
	})
}

// acronymBracketRE is the bracket mayTeach takes for an acronym's: after a space,
// a marker's end or a character beyond ASCII, and before a capital, a marker's
// opening or a character beyond ASCII.
var acronymBracketRE = regexp.MustCompile(`(?:[ \])]|[^\x00-\x7f])\((?:[A-Z\[(]|[^\x00-\x7f])`)

// TestMayTeachMissesNoLesson: every sentence that teaches something, asked
// without mayTeach's look first, passes that look: on every sentence of the
// corpora at hand and on sentences whose brackets folding changes.
func TestMayTeachMissesNoLesson(t *testing.T) {
	var sentences []Sentence
	for _, text := range []string{
		"The Northern Lights Front\u00a0(NLF) was founded in 1990.",
		"The Northern Lights Front [1](NLF) was founded in 1990.",
		"The Northern Lights Front (1)(NLF) was founded in 1990.",
		"The Northern Lights Front (\u200bNLF) was founded in 1990.",
		"The Northern Lights Front (NLF) was founded in 1990.",
		"Camp\u00a0Tuuli in Estonia was used.",
		"The Front, also known as the Coast Brigades, was founded in 1990.",
		"The Front was founded in 1990 (in Tallinn).",
	} {
		sentences = append(sentences, Segment(text+"[1]\n\n== References ==\n1. A reference.\n").Sentences...)
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { sentences = append(sentences, *s) })
	})
	taught, passed := 0, 0
	for i := range sentences {
		s := &sentences[i]
		if s.Kind != Prose && s.Kind != ListItem {
			continue
		}
		if mayTeach(s.Text) {
			passed++
		}
		if len(teach(s, nil)) == 0 {
			continue
		}
		taught++
		if !mayTeach(s.Text) {
			t.Errorf("%q teaches %v, and mayTeach turns it away", s.Text, teach(s, nil))
		}
	}
	if taught < 8 || passed == len(sentences) {
		t.Fatalf("%d sentences teach, %d of %d pass mayTeach: the test tells little", taught, passed, len(sentences))
	}
}

// TestAttributionsByTheirWords: the attribution expressions, run where the
// prefilter found their words, find what they find run where strings.Contains
// finds them, on every sentence of the test corpora.
func TestAttributionsByTheirWords(t *testing.T) {
	found := 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachDocument(t, c, func(src *Source, doc *Document) {
			x := newExtractor(src, doc, c.Profile, rs)
			for i := range doc.Sentences {
				s := &doc.Sentences[i]
				if s.Kind == RefLine || s.Kind == Debris {
					continue
				}
				got, want := x.attributions(s), containedAttributions(x, s)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%q: attributions %v, by strings.Contains %v", s.Text, got, want)
				}
				if len(want) > 0 {
					found++
				}
			}
		})
	})
	if found < 10 {
		t.Fatalf("only %d sentences say who says what: the test tells little", found)
	}
}

// containedAttributions is attributions with each expression's words looked for
// by strings.Contains.
func containedAttributions(x *extractor, s *Sentence) []attribution {
	text, lower := s.Folded().Text, s.Lower()
	var out []attribution
	if strings.Contains(lower, "according to") {
		out = x.according(text, out)
	}
	if containsAny(text, claimVerbWords) {
		out = x.claimVerbs(text, out)
	}
	if containsAny(lower, hedgeWords) {
		for _, m := range hedgeRE.FindAllStringIndex(text, -1) {
			out = append(out, attribution{text[m[0]:m[1]], "", m[1], clauseEnd(text, m[1])})
		}
	}
	return out
}

// TestGroupsFirstOfAName: a match's groups by name, the whole match as "", and of
// two groups of one name ({count2} captures as count) the first that took part;
// a group that took no part is absent, and reads as no range.
func TestGroupsFirstOfAName(t *testing.T) {
	re := regexp.MustCompile(`(?P<count>a)?(?P<count2>b)(?P<date>c)?(x)?`)
	for text, want := range map[string]string{
		"zab": `[{ [1 3]} {count [1 2]}]`,
		"zb":  `[{ [1 2]} {count [1 2]}]`,
		"zbc": `[{ [1 3]} {count [1 2]} {date [2 3]}]`,
	} {
		m := re.FindStringSubmatchIndex(text)
		cs := groups(re.SubexpNames(), m, 0)
		if got := fmt.Sprint(cs); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
		if sp, ok := cs.get("date"); ok != strings.HasSuffix(text, "c") || !ok && sp != ([2]int{}) || cs.at("nothing") != ([2]int{}) {
			t.Errorf("%q: date %v %v", text, sp, ok)
		}
	}
	if got := fmt.Sprint(groups(re.SubexpNames(), re.FindStringSubmatchIndex("b"), 10)); got != `[{ [10 11]} {count [10 11]}]` {
		t.Errorf("offset 10: %s", got)
	}
}

// TestTriggersOfLiteralsInARow: a rule's trigger words may be literal parts in a
// row joined ("was killed"), but only across parts that are all of what they
// match: what follows "the organi[sz]ation's" is not joined to "the organi".
// Every text the pattern matches holds a word of each set.
func TestTriggersOfLiteralsInARow(t *testing.T) {
	for _, c := range []struct {
		pattern string
		joined  string   // the words of a set Triggers gives open so, joined to more ("" for any)
		texts   []string // texts the pattern matches
	}{
		{`{person} (?:was|were) (?:killed|slain)`, " w", []string{"Lena Dahl was killed", "They were slain"}},
		{`{org} (?:its|the organi[sz]ation's) leader`, "",
			[]string{"NLF its leader", "NLF the organisation's leader", "NLF the organization's leader"}},
		{`\b(?:its|the organi[sz]ation's) (?:current )?leaders? (?:are|is)\b`, "",
			[]string{"its leader is", "the organisation's current leaders are", "the organization's leader is"}},
		{`{org},[^;]{0,20}?, (?:lead|leads|run) {org}`, ", ", []string{"NLF, it seems, leads the NLF", "A, b, run C"}},
		{`{person} (?:ha[sd]|have) (?:many )?members`, "", []string{"X had members", "X has many members", "X have members"}},
		{`{date}, (?:the )?members+ (?:were|was) based`, "", []string{"1990, members were based", "1990, the memberss was based"}},
	} {
		sets := Triggers(c.pattern)
		if c.joined != "" && !slices.ContainsFunc(sets, func(s []string) bool {
			return !slices.ContainsFunc(s, func(w string) bool {
				return !strings.HasPrefix(w, c.joined) || len(strings.TrimSpace(w)) <= len(strings.TrimSpace(c.joined))
			})
		}) {
			t.Errorf("%s: triggers %q, none joined after %q", c.pattern, sets, c.joined)
		}
		re := regexp.MustCompile(`(?i)` + placeholderRE.ReplaceAllString(c.pattern, `(?:.+)`))
		for _, text := range c.texts {
			if !re.MatchString(text) {
				t.Fatalf("%s does not match %q: the case is wrong", c.pattern, text)
			}
			lower := strings.ToLower(text)
			for _, set := range sets {
				if !slices.ContainsFunc(set, func(w string) bool { return strings.Contains(lower, w) }) {
					t.Errorf("%s matches %q, which holds no word of %q", c.pattern, text, set)
				}
			}
		}
	}
}

// TestHoldsDigitAsHasDigit: readContext's look for a digit through the
// prefilter's words answers as hasDigit on every sentence of the test corpora and
// on sentences with digits only in footnote markers, and beyond ASCII (a
// superscript, full-width and Arabic-Indic digits, which folding may make
// ASCII but hasDigit does not count).
func TestHoldsDigitAsHasDigit(t *testing.T) {
	odd := Segment("Founded in 1965 by six students.[12] Its leaders[3] met later.[4]\n\n" +
		"Some ２０ members (see note ²) stayed.\n\nThe group had ٣ camps.\n\nThey numbered 900.\n\nNo digit here at all.\n")
	withDigit, without := 0, 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		check := func(x *extractor, s *Sentence) {
			if s.Kind == RefLine || s.Kind == Debris {
				return
			}
			x.digits = rs.digits
			got, want := x.holdsDigit(s), s.hasDigit()
			if got != want {
				t.Errorf("%q: holdsDigit %v, hasDigit %v", s.Text, got, want)
			}
			if want {
				withDigit++
			} else {
				without++
			}
		}
		eachSentence(t, c, rs, check)
		x := &extractor{doc: odd, filter: rs.filter, memos: &memos{hit: make([]hits, len(odd.Sentences))}}
		for i := range odd.Sentences {
			check(x, &odd.Sentences[i])
		}
	})
	if withDigit == 0 || without == 0 {
		t.Fatalf("%d sentences with a digit, %d without: the test tells nothing", withDigit, without)
	}
}
