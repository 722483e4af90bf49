package facts

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// sequenceTexts are texts made to try a sequence's edges: line breaks, letters
// beyond ASCII and those that fold to ASCII ones (the long s, the Kelvin sign),
// stray bytes, word boundaries, pieces at the very ends and pieces that overlap.
var sequenceTexts = []string{
	"",
	"was killed",
	"They were  assassinated in 1990, when it was killed.",
	"It was\nkilled. It was designated\na terrorist organization.",
	"The group waſ killed",
	"the \u212aILLED men",
	"WAS KILLED",
	"designated as a terrorist organi\u00e7ation; designated as a terrorist organi\xffation",
	"killedincluding killing, including killing including ",
	"founders include\u00e9 founders were",
	"\xff\xfewas killed\xc3",
	"the members of the group remain in Tirana",
	"moved to Iraq, where they remained until 2003",
	"a deal to relocate them to Albania; plan to move the group to",
}

// TestSequenceAnswersAsTheSkeleton: every rule's skeleton read as a sequence says
// what the skeleton says, on every sentence of four corpora (whole and from each
// comma on, as scan_after cuts them; every fifth under the race detector) and on
// made texts; and most skeletons are sequences.
func TestSequenceAnswersAsTheSkeleton(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		seqs, skels := sequencesOf(rs)
		if len(seqs) < len(skels)*3/4 {
			t.Fatalf("%d of %d skeletons are sequences", len(seqs), len(skels))
		}
		texts := append([]string(nil), sequenceTexts...)
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			for i := range doc.Sentences {
				text := doc.Sentences[i].Folded().Text
				texts = append(texts, text)
				for j := strings.IndexByte(text, ','); j >= 0; j = strings.IndexByte(text[j+1:], ',') + j + 1 {
					texts = append(texts, text[j+1:])
					if strings.IndexByte(text[j+1:], ',') < 0 {
						break
					}
				}
			}
		}
		// Every fifth text under the race detector, which slows regexp twentyfold.
		stride := 1
		if raceEnabled {
			stride = 5
		}
		yes := 0
		for k := 0; k < len(texts); k += stride {
			text := texts[k]
			for i, q := range seqs {
				want := skels[i].MatchString(text)
				if got := q.matches(text); got != want {
					t.Errorf("%s on %q: the sequence says %v, the skeleton %v", skels[i], text, got, want)
				}
				if want {
					yes++
				}
			}
		}
		if yes == 0 {
			t.Fatal("no skeleton matches: the test tells nothing")
		}
	})
}

// sequencesOf returns the rules' skeletons that are sequences, and those
// skeletons.
func sequencesOf(rs *RuleSet) ([]*sequence, []*regexp.Regexp) {
	var seqs []*sequence
	var skels []*regexp.Regexp
	for _, r := range rs.rules {
		pr, ok := r.(*patternRule)
		if !ok || pr.skeleton == nil {
			continue
		}
		if q := newSequence(pr.skeleton); q != nil {
			seqs = append(seqs, q)
			skels = append(skels, pr.skeleton)
		}
	}
	return seqs, skels
}

// TestSequenceShapes: expressions that are sequences and some that are not,
// each answered as the expression answers.
func TestSequenceShapes(t *testing.T) {
	for _, c := range []struct {
		expr string
		seq  bool
	}{
		{`(?is:was .*killed)`, true},
		{`(?is:a(?:b|c)?d.+e)`, true},
		{`(?i:\bkill(?:ed|ing)\b.*?\bincluding )`, false}, // .*? without s: no line break
		{`(?is:kill(?:ed|ing)\b.*?\bincluding )`, true},
		{`(?is:\Bill.*[^a-z]x)`, true},
		{`(?i:a+b)`, false},
		{`(?i:^was)`, false},
		{`(?s:(?:a..|b).*x)`, true},     // the piece that ends first begins later
		{`(?s:(?:a|[a-z]bc).*b)`, true}, // and the first run to end is not the last read
		{`(?s:\x{FFFD}b)`, true},        // no piece begins inside a character
		{`(?i:(?:ab|cd|ef|gh)(?:ab|cd|ef|gh)(?:ab|cd|ef|gh)(?:ab|cd|ef|gh)(?:ab|cd|ef|gh))`, false}, // 1,024 spellings
	} {
		re := regexp.MustCompile(c.expr)
		q := newSequence(re)
		if (q != nil) != c.seq {
			t.Errorf("%s: sequence %v, want %v", c.expr, q != nil, c.seq)
			continue
		}
		if q == nil {
			continue
		}
		for _, text := range append(sequenceTexts, "abde", "ad\ne", "ade", "xbill x", "ill\n!x", "ACD E", "killing\nincluding ", "abx", "abc", "\u00e9b") {
			if got, want := q.matches(text), re.MatchString(text); got != want {
				t.Errorf("%s on %q: %v, the expression %v", c.expr, text, got, want)
			}
		}
	}
}

// FuzzSequence: on any text, the default rules' skeletons read as sequences say
// what the skeletons say.
func FuzzSequence(f *testing.F) {
	_, rs := seedRules(f)
	seqs, skels := sequencesOf(rs)
	for _, s := range sequenceTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i, q := range seqs {
			if got, want := q.matches(text), skels[i].MatchString(text); got != want {
				t.Errorf("%s on %q: the sequence says %v, the skeleton %v", skels[i], text, got, want)
			}
		}
	})
}

// TestFindWhileAsFindAll: a rule's search stops after a match where its
// skeleton, read on from the match's end, finds no more of its words; it must
// find every match findAll finds, its matches made in a room every search shares. The texts are every sentence of the test
// corpora, the rules' expressions run on them folded, and masked where the rule
// reads masked dates, as apply runs them.
func TestFindWhileAsFindAll(t *testing.T) {
	again, stopped := 0, 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var texts []string
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { texts = append(texts, s.Folded().Text) })
		var room matchRoom
		for _, r := range rs.rules {
			r, ok := r.(*patternRule)
			if !ok || r.skeletonSeq == nil {
				continue
			}
			for _, text := range texts {
				from, ok := r.readFrom(text)
				if !ok || !r.skeletonSeq.matches(text[from:]) {
					continue
				}
				e, read := r.full(), text
				if r.masked != nil {
					e, read = r.masked, maskDates(text)
				}
				if e == nil || e.st == nil {
					continue
				}
				want := e.findAll(read[from:])
				got := e.findAllWhile(read[from:], func(end int) bool {
					more := r.skeletonSeq.matchesFrom(text, from+end)
					if !more {
						stopped++
					}
					return more
				}, &room) // one room for every search, as a worker's
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s on %q: found %v, findAll %v", r.name, text, got, want)
				}
				if len(want) > 1 {
					again++
				}
			}
		}
	})
	t.Logf("%d searches stopped early; %d found more than one match", stopped, again)
	if stopped == 0 || again == 0 {
		t.Fatal("no search stopped early, or none found a second match: the test tells nothing")
	}
}
