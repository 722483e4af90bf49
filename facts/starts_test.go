package facts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"testing"
)

// ruleStarts is a rule expression that runs with starts.
type ruleStarts struct {
	rule   *patternRule
	re     *regexp.Regexp
	st     *starts
	masked bool
	anchor bool // the rule's scan_after, which it reads before its skeleton
}

// startsOf returns the expressions of rs that run with starts.
func startsOf(rs *RuleSet) []ruleStarts {
	var out []ruleStarts
	for _, r := range rs.rules {
		pr, ok := r.(*patternRule)
		if !ok {
			continue
		}
		if pr.masked != nil && pr.masked.st != nil {
			out = append(out, ruleStarts{pr, pr.masked.asRegexp(), pr.masked.st, true, false})
		}
		if pr.re != nil && pr.re.st != nil {
			out = append(out, ruleStarts{pr, pr.re.asRegexp(), pr.re.st, false, false})
		}
		if pr.skeletonStarts != nil {
			out = append(out, ruleStarts{pr, pr.skeleton, pr.skeletonStarts, false, false})
		}
		if pr.scanAfter != nil && pr.scanAfter.st != nil {
			out = append(out, ruleStarts{pr, pr.scanAfter.asRegexp(), pr.scanAfter.st, false, true})
		}
	}
	return out
}

// sameMatches fails the test where st finds other matches in text than re.
func sameMatches(t *testing.T, name string, re *regexp.Regexp, st *starts, text string) bool {
	t.Helper()
	want, got := re.FindAllStringSubmatchIndex(text, -1), st.findAll(text)
	if fmt.Sprint(want) != fmt.Sprint(got) {
		t.Errorf("%s on %q: starts find %v, the search %v", name, text, got, want)
		return false
	}
	if st.matches(text) != (want != nil) {
		t.Errorf("%s on %q: starts say it matches: %v; the search finds %v", name, text, st.matches(text), want)
	}
	if first, want := st.first(text), re.FindStringSubmatchIndex(text); fmt.Sprint(first) != fmt.Sprint(want) {
		t.Errorf("%s on %q: the first match starts find is %v, the search's %v", name, text, first, want)
	}
	return len(want) > 0
}

// TestStartsFindWhatTheSearchFinds: every rule expression tried only where a
// match can begin finds what the unanchored search finds, on every sentence of
// the corpora at hand and a generated one that the rule's trigger words and
// skeleton let through, folded or with its dates masked as the rule reads it;
// and so do the people's expression, learnPlaceRE and learnAliasRE, on every
// sentence.
func TestStartsFindWhatTheSearchFinds(t *testing.T) {
	if learnPlaceStarts == nil || learnAliasStarts == nil || claimVerbStarts == nil || accordingStarts == nil ||
		hedgeStarts == nil || clauseEndStarts == nil || notClaimantStarts == nil {
		t.Fatal("learnPlaceRE, learnAliasRE, claimVerbRE, accordingRE, hedgeRE, clauseEndRE or notClaimantRE runs without starts")
	}
	// sentences that teach a place, an alias, and that name a claimant, in every corpus
	places, aliases, claimants, according, lists := 0, 0, 0, 0, 0
	hedges, clauseEnds, notClaimants := 0, 0, 0
	defer func() {
		if places == 0 || aliases == 0 || claimants == 0 || according == 0 || lists == 0 {
			t.Errorf("learnPlaceRE matched in %d sentences, learnAliasRE in %d, claimVerbRE in %d, accordingRE in %d, the period lists' expressions in %d list items: the test compares nothing", places, aliases, claimants, according, lists)
		}
		if hedges == 0 || clauseEnds == 0 || notClaimants == 0 {
			t.Errorf("hedgeRE matched in %d sentences, clauseEndRE in %d, notClaimantRE in %d: the test compares nothing", hedges, clauseEnds, notClaimants)
		}
	}()
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		exprs := startsOf(rs)
		if len(exprs) < 20 {
			t.Fatalf("only %d rule expressions run with starts", len(exprs))
		}
		if rs.persons == nil {
			t.Fatal("the people's expression runs without starts")
		}
		tried, matched, people, listItems := 0, 0, 0, 0
		eachSentence(t, c, rs, func(x *extractor, s *Sentence) {
			if sameMatches(t, "personRE", rs.personRE.regexp(), rs.persons, s.Folded().Text) {
				people++
			}
			// The expressions outside the rules, and how many sentences each
			// matched in.
			for _, e := range []struct {
				name string
				re   *regexp.Regexp
				st   *starts
				n    *int
			}{
				{"learnPlaceRE", learnPlaceRE, learnPlaceStarts, &places},
				{"learnAliasRE", learnAliasRE, learnAliasStarts, &aliases},
				{"claimVerbRE", claimVerbRE, claimVerbStarts, &claimants},
				{"accordingRE", accordingRE, accordingStarts, &according},
				{"hedgeRE", hedgeRE, hedgeStarts, &hedges},
				{"clauseEndRE", clauseEndRE, clauseEndStarts, &clauseEnds},
				{"notClaimantRE", notClaimantRE, notClaimantStarts, &notClaimants},
			} {
				if sameMatches(t, e.name, e.re, e.st, s.Folded().Text) {
					*e.n++
				}
			}
			for _, r := range rs.rules {
				if pl, ok := r.(*periodListRule); ok && pl.re.st != nil && s.Kind == ListItem {
					if sameMatches(t, pl.name, pl.re.asRegexp(), pl.re.st, s.Folded().Text) {
						listItems++
					}
				}
			}
			for _, e := range exprs {
				text := s.Folded().Text
				if !e.rule.triggered(x.hits(s)) || !e.anchor && e.rule.skeleton != nil && !e.rule.skeleton.MatchString(text) {
					continue
				}
				if e.masked {
					text = maskDates(text)
				}
				tried++
				if sameMatches(t, e.rule.name, e.re, e.st, text) {
					matched++
				}
			}
		})
		if matched == 0 || people == 0 {
			t.Fatalf("no expression matched in %d tries, or no person (%d): the test compares nothing", tried, people)
		}
		lists += listItems
	})
}

// TestStartsAtTheEdges: matches inside words, after characters beyond ASCII and
// invalid bytes, at the start and the end of the text, and one after another.
func TestStartsAtTheEdges(t *testing.T) {
	for _, tc := range []struct{ expr, text string }{
		{`(?i)\bmek\b`, "MEK, the MEKs and MEK"},
		{`(?i)mek`, "xMEKy MEK éMEK"},
		{`(?i)\b(?:it|the group) (?:was|were) founded`, "bit was founded; it was founded; It was founded"},
		{`(?i)\Bus\b`, "bus us fus"},
		{`(?i)(?:é|e)cole \d+`, "école 12, ecole 3, Écoles 4"},
		{`(?i)k\w+`, "\u212a (Kelvin) kilo KILO"},
		{`(?i)s\w*`, "\u017f long s, s, S"},
		{`\x{FFFD}a|b`, "\xffa b \xc3a"},
		{`(?i)\d[\d,]* members`, "3,000 members and 200 members"},
		{`[A-Z\x{e9}]x`, "\u00e9x Ax ax \xc3x"},
		{`(?:from|since) \d{4}`, "from 1981 since 1986from 1990"},
		{`(?i)\Bus`, "us bus US"},
		{`\b-\d|\B-\d`, "-1 a-1 -2"},
		{`\bé\w`, "éa bé éb bé1"},
		{`^(foo|fo)(o*)\b`, "fooo foo"},                 // anchored at the start: tried there only
		{`(?i)\A(?:a|b)c`, "Bc ac"},                     // likewise
		{`^x|^(y)`, "y x"},                              // every way anchored
		{`^a|b`, "ab ba"},                               // one way anchored: tried at the start and at b
		{`(?:^|, )(\w+) said`, "Kaveh said, Amir said"}, // likewise, past the anchor
		{`(?i)(?:^|\bwhile )(\w+)`, "While x, while y"},
	} {
		re := regexp.MustCompile(tc.expr)
		st := newStarts(re)
		if st == nil {
			t.Errorf("%s: no starts", tc.expr)
			continue
		}
		if !sameMatches(t, tc.expr, re, st, tc.text) {
			t.Errorf("%s: nothing matched in %q", tc.expr, tc.text)
		}
		sameMatches(t, tc.expr, re, st, "nothing to see here: \xff\u00e9")
	}
	for _, expr := range []string{`(?i)x*`, `(?:a|)`, `.b`, `(?m)^a`, `(?m)(?:^|, )a`, `(?:^|x)\w*`, `^|a`} {
		if newStarts(regexp.MustCompile(expr)) != nil {
			t.Errorf("%s: starts made for an expression they cannot serve", expr)
		}
	}
}

// FuzzStarts: on any text, the default rules' expressions tried where a match
// can begin find what the unanchored search finds.
func FuzzStarts(f *testing.F) {
	_, rs := seedRules(f)
	exprs := startsOf(rs)
	for _, s := range []string{
		"In 1981, about 3,000 members of MEK moved to Iraq.",
		"Massoud Rajavi was killed in Paris on \x01\x02\x02\x03.",
		"the United States designated the MEK a terrorist organization in 1997",
		"\u00e9MEK had 5,000 fighters; \xffMEK had 10 members",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range exprs {
			sameMatches(t, e.rule.name, e.re, e.st, s)
		}
	})
}

// TestSkeletonsHideNothing: a rule's skeleton matches every sentence its
// expression matches among those its trigger words let through, on the corpora at
// hand and a generated one; and it does turn sentences away.
func TestSkeletonsHideNothing(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		matched, turnedAway := 0, 0
		eachSentence(t, c, rs, func(x *extractor, s *Sentence) {
			text := s.Folded().Text
			for _, r := range rs.rules {
				pr, ok := r.(*patternRule)
				if !ok || pr.skeleton == nil || !pr.triggered(x.hits(s)) {
					continue
				}
				from, ok := pr.readFrom(text)
				if !ok {
					continue
				}
				if !pr.skeleton.MatchString(text[from:]) {
					turnedAway++
					if pr.full().asRegexp().MatchString(text[from:]) {
						t.Errorf("%s: the skeleton %s turns away %q, which the rule matches", pr.name, pr.skeleton, text[from:])
					}
					continue
				}
				matched++
			}
		})
		if matched == 0 || turnedAway == 0 {
			t.Fatalf("skeletons matched %d sentences and turned %d away: the test compares nothing", matched, turnedAway)
		}
	})
}

// TestLoosenMatchesMore: a loosened expression matches wherever the expression
// does, and keeps the words it requires.
func TestLoosenMatchesMore(t *testing.T) {
	for _, tc := range []struct {
		expr, want string
		texts      []string
	}{
		{`(?i)(?s:.+) (?:was|were) (?:formally )?founded(?: by [^.;]{1,100}?)? (?:in|on) (?s:.+)`,
			`(?is:W(?:AS|ERE) .*FOUNDED.* (?:IN|ON))`,
			[]string{"MEK was founded in 1965", "It was formally founded by students on 5 September"}},
		{`(?i)^when [^,]{1,120}? in (?s:.+), (?:many|most) (?:made their way|moved) to (?s:.+)`,
			`(?is:WHEN ..*? IN .*, M(?:ANY|OST) M(?:ADE THEIR WAY|OVED) TO )`, // [^,] reaches beyond ASCII: any character
			[]string{"When the war ended in 1988, many moved to Iraq"}},
		{`(?i)(?:its|their|(?s:.+)) base (?:is|are) (?:now )?in (?s:.+)|\bfled to (?s:.+)`,
			`(?is:(?:ITS|THEIR|.*) BASE (?:IS|ARE) .*IN |FLED TO )`,
			[]string{"Its base is now in Albania", "the leaders fled to France"}},
	} {
		tree, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := loosen(tree, true).Simplify()
		if got.String() != tc.want {
			t.Errorf("loosen(%s) = %s, want %s", tc.expr, got, tc.want)
		}
		re, loose := regexp.MustCompile(tc.expr), regexp.MustCompile(got.String())
		for _, text := range tc.texts {
			if !re.MatchString(text) || !loose.MatchString(text) {
				t.Errorf("%q: the expression matches %v, the loosened one %v", text, re.MatchString(text), loose.MatchString(text))
			}
		}
	}
}

// TestSecondsRuleOut: a byte that cannot follow a first byte in any match is
// ruled out, one that can is not, and where a match may end after one character
// nothing is.
func TestSecondsRuleOut(t *testing.T) {
	st := newStarts(regexp.MustCompile(`(?i)\b(?:it|the group|[0-9][0-9,]*) (?:was|were|members)`))
	for _, tc := range []struct {
		text string
		may  bool
	}{{"it was", true}, {"IT was", true}, {"in 1990", false}, {"the group was", true}, {"then", true}, {"ta", false},
		{"3,000 members", true}, {"3 members", true}, {"3", false}, {"i", false}, {"tx", false}} {
		if got := st.mayOpen(tc.text, 0); got != tc.may {
			t.Errorf("%q: may open %v, want %v", tc.text, got, tc.may)
		}
	}
	if st := newStarts(regexp.MustCompile(`a|ab`)); !st.mayOpen("ax", 0) || !st.mayOpen("a", 0) {
		t.Error("a match of one character is ruled out by the byte after it")
	}
}

// TestStartsBeyondTheBacktracker: where the text is too long for the
// backtracker's bitmap, starts find through regexp what they find through the
// backtracker, also in a room of matches the searches before left full.
func TestStartsBeyondTheBacktracker(t *testing.T) {
	texts := []string{"MEK, the MEKs and MEK", "fooo foo", "xMEKy MEK éMEK", "Bc ac"}
	var room matchRoom
	for _, expr := range []string{`(?i)\bmek\b`, `^(foo|fo)(o*)\b`, `(?i)mek(\w?)`, `(?i)\A(?:a|b)c`} {
		re := regexp.MustCompile(expr)
		st := newStarts(re)
		for _, text := range texts {
			want := fmt.Sprint(st.findAll(text), st.matches(text))
			old := btMaxBits
			btMaxBits = 0
			got := fmt.Sprint(st.findAll(text), st.matches(text))
			// The room holds the matches of the text before.
			if inRoom := fmt.Sprint(st.findWhile(text, nil, &room), st.matches(text)); inRoom != got {
				t.Errorf("%s on %q beyond the backtracker: %s in a room, %s without", expr, text, inRoom, got)
			}
			btMaxBits = old
			if inRoom := fmt.Sprint(st.findWhile(text, nil, &room), st.matches(text)); inRoom != want {
				t.Errorf("%s on %q: %s in a room, %s without", expr, text, inRoom, want)
			}
			st.findWhile("MEK MEK foo MEKx", nil, &room) // other matches in the room
			if got != want || got != fmt.Sprint(re.FindAllStringSubmatchIndex(text, -1), re.MatchString(text)) {
				t.Errorf("%s on %q: %s beyond the backtracker, %s within it, regexp %v", expr, text, got, want, re.FindAllStringSubmatchIndex(text, -1))
			}
		}
	}
}

// TestSearchedAsCompiled: a rule's expression made for searching (parsed once,
// regexp's form left for later) has the errors, group names and matches the
// expression compiled by regexp has, with starts and without.
func TestSearchedAsCompiled(t *testing.T) {
	c, _ := seedRules(t)
	p := c.Profile
	withStarts, whole := 0, 0
	defer func() {
		if withStarts == 0 || whole == 0 {
			t.Errorf("%d expressions with starts, %d searched whole: both ways must be tried", withStarts, whole)
		}
	}()
	for _, tc := range []struct{ src, text string }{
		{`{org} (?:was|were) founded in (?P<year>\d{4})`, "the MEK was founded in 1965"},
		{`(?:members|fighters) of {org}`, "5,000 fighters of the MEK"},
		{`^(?:founded) (?:in|on) {date}`, "founded in 1965"},
		{`(?:[\w,~]+ ){0,3}(?P<n>\d+)`, "about 3,000 of 200 members"},
		{`(?:\S+ )?(?P<n>\d+) members`, "about 3,000 of 200 members"}, // no starts: searched whole
		{`{nothing} here`, ""},
		{`(unclosed {org}`, ""},
		{`{org} and {org}`, ""},
	} {
		for _, masked := range []bool{false, true} {
			x, err := compileSearched(tc.src, p, masked)
			want := compileExpr(tc.src, p, masked)
			if fmt.Sprint(err) != fmt.Sprint(want.err) {
				t.Errorf("%s: the searched expression gives %v, regexp %v", tc.src, err, want.err)
				continue
			}
			if err != nil {
				continue
			}
			re := want.re
			if x.st != nil {
				withStarts++
			} else {
				whole++
			}
			if fmt.Sprint(x.names) != fmt.Sprint(re.SubexpNames()) || x.String() != re.String() {
				t.Errorf("%s: names %q, regexp's %q", tc.src, x.names, re.SubexpNames())
			}
			if got, want := fmt.Sprint(x.findAll(tc.text), x.first(tc.text), x.firstGroups(tc.text)), fmt.Sprint(re.FindAllStringSubmatchIndex(tc.text, -1), re.FindStringIndex(tc.text), re.FindStringSubmatchIndex(tc.text)); got != want {
				t.Errorf("%s on %q: %s, regexp %s", tc.src, tc.text, got, want)
			}
		}
	}
}

// TestMaskedTextAsMaskDates: the masked text of each sentence, made from the
// dates readContext found where it read the sentence, is the text masked with
// the dates found anew, each date's opening words looked for by the expression
// whatever the date opens with.
func TestMaskedTextAsMaskDates(t *testing.T) {
	slow := func(text string) string {
		b := []byte(text)
		for _, sp := range FindDates(text) {
			if lead := dateLeadRE.FindStringIndex(text[sp[0]:sp[1]]); lead != nil && lead[1] < sp[1]-sp[0] {
				sp[0] += lead[1]
			}
			maskSpan(b, sp)
		}
		return string(b)
	}
	reused, masked := 0, 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachDocument(t, c, func(src *Source, doc *Document) {
			x := newExtractor(src, doc, c.Profile, rs)
			defer x.giveBack()
			x.readContext()
			for i := range doc.Sentences {
				s := &doc.Sentences[i]
				if x.dateSpans[i][1] > 0 {
					reused++
				}
				got, ok := x.maskedText(s)
				if !ok {
					continue
				}
				if want := slow(s.Folded().Text); got != want {
					t.Errorf("%s line %d: masked %q, want %q", src.ID, s.Line, got, want)
				}
				if got != s.Folded().Text {
					masked++
				}
			}
		})
	})
	if reused == 0 || masked == 0 {
		t.Fatalf("%d sentences masked with the dates readContext found, %d masked at all: the test tells nothing", reused, masked)
	}
	t.Logf("%d sentences masked with the dates readContext found, %d masked", reused, masked)
}
