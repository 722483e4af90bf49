package facts_test

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/seeds"
)

var seedsOnce struct {
	sync.Once
	c      *facts.Corpus
	rs     *facts.RuleSet
	claims []facts.Claim
	err    error
}

// loadSeeds loads, compiles and extracts the embedded corpus once for all tests.
func loadSeeds(t testing.TB) (*facts.Corpus, *facts.RuleSet, []facts.Claim) {
	t.Helper()
	s := &seedsOnce
	s.Do(func() {
		s.c, s.err = facts.LoadCorpus(seeds.FS, "seeds")
		if s.err == nil {
			s.rs, s.err = s.c.Rules()
		}
		if s.err == nil {
			s.claims, s.err = facts.ExtractAll(s.c, s.rs)
		}
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	return s.c, s.rs, s.claims
}

// TestExtractSeedsFinds checks that the rules find, in the real documents, the
// claims each rule exists for, with the right value, words and line.
func TestExtractSeedsFinds(t *testing.T) {
	_, _, claims := loadSeeds(t)
	tests := []struct {
		source, rule, key, text, value string
		line                           int
	}{
		{"start", "home-base.list", "org:mek|based", "1981-present: Iraq", "Iraq, 1981/2015-01", 29},
		{"start", "home-base.list", "org:mek|moved-to|Iraq", "1981", "1981", 29},
		{"start", "home-base.list", "org:mek|moved-to|France", "1979", "1979", 28},
		{"start", "home-base.list", "org:mek|left|France", "1981", "1981", 28},
		{"start", "founding.label", "org:mek|founded", "1965", "1965", 33},
		{"start", "founding.passive", "org:mek|founded", "1965", "1965", 19},
		{"start", "founding.active", "org:national-council-of-resistance-of-iran|founded", "1981", "1981", 21},
		{"start", "moves.relocated", "org:mek|moved-to|Iraq", "1986", "1986", 21},
		{"start", "left.expelled", "org:mek|left|France", "1986", "1986", 21},
		{"start", "moves.welcomed", "org:mek|moved-to|Iraq", "1986", "1986", 81},
		{"start", "left.country-expelled", "org:mek|left|France", "1986", "1986", 102},
		{"jamestown", "founding.emerged", "org:mek|founded", "the 1960s", "196X", 12},
		{"jamestown", "moves.made-their-way", "org:mek|moved-to|Iraq", "1986", "1986", 12},
		{"jamestown", "home-base.remains-in", "org:mek|based", "Camp Ashraf", "Camp Ashraf, Iraq, 2008", 26},
		{"jamestown", "home-base.remains-in", "org:mek|based", "Iraqi soil", "Iraq, 2008", 32},
		{"blog", "founding.participle", "org:mek|founded", "1965", "1965", 13},
		{"blog", "moves.relocated", "org:mek|moved-to|France", "1981", "1981", 13},
		{"blog", "moves.relocated", "org:mek|moved-to|Iraq", "1986", "1986", 13},
		{"blog", "home-base.where-they-reside", "org:mek|based", "Albania", "Albania, 2023/..", 17},
		{"web-profile", "founding.participle", "org:mek|founded", "September 5, 1965", "1965-09-05", 8},
		{"web-profile", "home-base.which-remains-base", "org:mek|based", "Albania", "Albania, 2023-11/..", 14},
		{"wikipedia", "home-base.headquarters-now", "org:mek|based", "Albania", "Albania, 2023/..", 1},
		{"wikipedia", "founding.passive", "org:mek|founded", "5 September 1965", "1965-09-05", 2},
		{"wikipedia", "moves.forced-to", "org:mek|moved-to|Iraq", "1986", "1986", 3},
		{"wikipedia", "left.operated-until", "org:mek|left|France", "1985", "1985", 54},
		{"wikipedia", "founding.declared", "org:national-liberation-army-of-iran|founded", "1987", "1987", 61},
		{"wikipedia", "killed.list-with-dates", "person:kazem-rajavi|killed", "24 April 1990", "1990-04-24", 81},
		{"wikipedia", "killed.passive", "person:kazem-rajavi|killed", "24 February 1990", "1990-02-24", 280},
		{"wikipedia", "killed.passive", "person:kazem-rajavi|killed-in", "Geneva", "Geneva, Switzerland", 280},
		{"wikipedia", "killed.passive", "person:louis-lee-hawkins|killed", "1973", "1973", 22},
		{"wikipedia", "killed.passive", "person:mousa-khiabani|killed", "8 February", "1982-02-08", 54},
		{"wikipedia", "killed.active", "person:mohammad-javad-bahonar|killed", "30 August 1981", "1981-08-30", 48},
		{"wikipedia", "killed.including", "person:mohammad-beheshti|killed", "28 June 1981", "1981-06-28", 43},
		{"wikipedia", "moves.members-brought", "org:mek|moved-to|Albania", "between 2014 and 2016", "2014/2016", 99},
		{"wikipedia", "home-base.heading", "org:mek|based", "Settlement in Albania (2016–present)", "Albania, 2016/..", 123},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s:%d:%s", tc.source, tc.line, tc.rule), func(t *testing.T) {
			for _, c := range claims {
				if string(c.Source) == tc.source && c.Rule == tc.rule && c.Key() == tc.key && c.Text == tc.text {
					if c.Normalized() != tc.value || c.Line != tc.line {
						t.Errorf("found it as %q at line %d, want %q at line %d", c.Normalized(), c.Line, tc.value, tc.line)
					}
					return
				}
			}
			t.Errorf("no claim %s %q from rule %s in %s", tc.key, tc.text, tc.rule, tc.source)
		})
	}
}

// TestExtractSeedsAvoids checks that words which only look like a claim do not make one.
func TestExtractSeedsAvoids(t *testing.T) {
	_, _, claims := loadSeeds(t)
	for _, c := range claims {
		switch {
		case c.Predicate == facts.Based && strings.Contains(c.Text, "U.S."):
			t.Errorf("%s:%d: 'the U.S. State Department' read as a place: %q", c.Source, c.Line, c.Quote)
		case c.Predicate == facts.Founded && strings.Contains(c.Quote, "launched its first military offensive"):
			t.Errorf("%s:%d: an offensive read as a founding", c.Source, c.Line)
		case c.Subject.Type == facts.EntityPerson && strings.Contains(c.Subject.Name, "Hurriya"):
			t.Errorf("%s:%d: a camp read as a person", c.Source, c.Line)
		case c.Predicate == facts.MovedTo && c.Scope == "Albania" && c.Source == "blog":
			t.Errorf("%s:%d: the blog does not date the move to Albania (2012 is the delisting): %q", c.Source, c.Line, c.Quote)
		case c.Predicate == facts.MovedTo && c.Scope == "Iraq" && strings.Contains(c.Quote, "Camp Hurriya"):
			t.Errorf("%s:%d: a move inside Iraq read as a move to Iraq", c.Source, c.Line)
		}
	}
}

// TestClaimsCarryEvidence checks the evidence every claim must carry.
func TestClaimsCarryEvidence(t *testing.T) {
	c, rs, claims := loadSeeds(t)
	if len(claims) == 0 {
		t.Fatal("no claims")
	}
	read := map[facts.SourceID]*facts.Document{}
	docs := func(id facts.SourceID) *facts.Document {
		if read[id] == nil {
			d, err := c.Read(c.Source(id))
			if err != nil {
				t.Fatal(err)
			}
			read[id] = d
		}
		return read[id]
	}
	used := map[string]bool{}
	for _, cl := range claims {
		doc := docs(cl.Source)
		used[cl.Rule] = true
		switch {
		case doc.Text[cl.Span.Start:cl.Span.End] != cl.Text:
			t.Errorf("%s: span %v holds %q, not %q", cl.Source, cl.Span, doc.Text[cl.Span.Start:cl.Span.End], cl.Text)
		case doc.Column(cl.Span.Start) != cl.Column || doc.Column(cl.Span.End) != cl.EndColumn || cl.Column < 1:
			t.Errorf("%s:%d: columns %d-%d are not those of offsets %v", cl.Source, cl.Line, cl.Column, cl.EndColumn, cl.Span)
		case doc.Text[cl.QuoteSpan.Start:cl.QuoteSpan.End] != cl.Quote:
			t.Errorf("%s: the quote is not verbatim at %v", cl.Source, cl.QuoteSpan)
		case !cl.QuoteSpan.Contains(cl.Span):
			t.Errorf("%s:%d: the value %q lies outside its quote", cl.Source, cl.Line, cl.Text)
		case doc.LineOf(cl.Span.Start) != cl.Line:
			t.Errorf("%s: line %d is not the line of offset %d", cl.Source, cl.Line, cl.Span.Start)
		case cl.Rule == "":
			t.Errorf("%s:%d: a claim without a rule", cl.Source, cl.Line)
		}
	}
	var unused []string
	for _, r := range rs.Rules() {
		if !used[r] {
			unused = append(unused, r)
		}
	}
	sort.Strings(unused)
	t.Logf("%d claims; rules not used on the seeds: %v", len(claims), unused)
}

// TestCitations checks that a claim shows the reference its footnote marker cites.
func TestCitations(t *testing.T) {
	_, _, claims := loadSeeds(t)
	for _, c := range claims {
		if c.Source == "start" && c.Text == "1981-present: Iraq" {
			if !strings.HasPrefix(c.Citation, "[18] Jeremiah Goulka") {
				t.Errorf("citation of START line 29: %q", c.Citation)
			}
			return
		}
	}
	t.Error("no claim for START line 29")
}

// TestExtractDeterministic extracts twice and compares.
func TestExtractDeterministic(t *testing.T) {
	c, rs, a := loadSeeds(t)
	b, err := facts.ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("two extractions of the same corpus differ")
	}
}

// TestRulesAreAboutOrganizations runs every rule on sentences written for the
// purpose about a made-up organization, so that no rule depends on the seed texts.
func TestRulesAreAboutOrganizations(t *testing.T) {
	manifest := `
subject: {name: NLF, aliases: [Northern Lights Front]}
entities:
  - {name: Aurora Council, kind: organization, aliases: [AC]}
  - {name: Camp Polaris, kind: place, country: Norway}
  - {name: Tromso, kind: place, country: Norway}
  - {name: Reykjavik, kind: place, country: Iceland}
  - {name: Lena Dahl, kind: person}
sources:
  - {id: a, file: a.txt, as_of: "2020"}
`
	tests := []struct {
		sentence, rule, key, value string
	}{
		{"The Northern Lights Front was founded in 1972 by students in Tromso.", "founding.passive", "org:nlf|founded", "1972"},
		{"Founded on 3 March 1972, the NLF sought independence.", "founding.participle", "org:nlf|founded", "1972-03-03"},
		{"Its political arm, the Aurora Council (AC), established in 1979, lobbies abroad.", "founding.appositive", "org:aurora-council|founded", "1979"},
		{"In 1979, Lena Dahl started the Aurora Council.", "founding.active", "org:aurora-council|founded", "1979"},
		{"In 1980 the NLF announced the creation of the Aurora Council.", "founding.declared", "org:aurora-council|founded", "1980"},
		{"It emerged in the 1970s among fishermen.", "founding.emerged", "org:nlf|founded", "197X"},
		{"In 1983, the group relocated to Iceland.", "moves.relocated", "org:nlf|moved-to|Iceland", "1983"},
		{"In 1983, Norway expelled the NLF at the request of its neighbours, forcing it to relocate to Reykjavik.", "moves.forced-to", "org:nlf|moved-to|Iceland", "1983"},
		{"In 1983, Norway expelled the NLF at the request of its neighbours, forcing it to relocate to Reykjavik.", "left.country-expelled", "org:nlf|left|Norway", "1983"},
		{"Following its expulsion the group was welcomed to Iceland in 1983.", "moves.welcomed", "org:nlf|moved-to|Iceland", "1983"},
		{"In 2001, the NLF and the leadership of the Aurora Council were expelled from Iceland.", "left.expelled", "org:aurora-council|left|Iceland", "2001"},
		{"The remaining 300 members who were brought to Tromso between 2001 and 2002 settled there.", "moves.members-brought", "org:nlf|moved-to|Norway", "2001/2002"},
		{"In 2001, Iceland agreed to a deal to relocate the NLF to Norway.", "moves.deal-to-relocate", "org:nlf|moved-to|Norway", "2001"},
		{"When Iceland expelled the leaders of the group in 2001, many made their way to Norway, where they regrouped.", "moves.made-their-way", "org:nlf|moved-to|Norway", "2001"},
		{"By 1990, most NLF leaders were based in Iceland.", "moves.based-by", "org:nlf|moved-to|Iceland", "../1990"},
		{"The members fled to Iceland, where they operated until 2000.", "left.operated-until", "org:nlf|left|Iceland", "2000"},
		{"The NLF remained in Iceland until 2001.", "left.based-until", "org:nlf|left|Iceland", "2001"},
		{"Its headquarters is currently in Norway.", "home-base.headquarters-now", "org:nlf|based", "Norway, 2020"},
		{"About 400 members of the NLF remain in Camp Polaris.", "home-base.remains-in", "org:nlf|based", "Camp Polaris, Norway, 2020"},
		{"Iceland ended the asylum, facilitating the move to Norway, where they still reside today.", "home-base.where-they-reside", "org:nlf|based", "Norway, 2020"},
		{"A deal allowed the NLF to move to Norway, which remains its main base of operations.", "home-base.which-remains-base", "org:nlf|based", "Norway, 2020"},
		{"On 4 May 1991, Lena Dahl (a council member) was assassinated in Reykjavik.", "killed.passive", "person:lena-dahl|killed", "1991-05-04"},
		{"On 4 May 1991, Lena Dahl (a council member) was assassinated in Reykjavik.", "killed.passive", "person:lena-dahl|killed-in", "Reykjavik, Iceland"},
		{"In June 1992, two gunmen murdered council representative Erik Holm in Tromso.", "killed.active", "person:erik-holm|killed", "1992-06"},
		{"Agents were blamed for killing members, Erik Holm on 2 June 1992 and Siri Berg, a spokeswoman on 9 July 1993.", "killed.list-with-dates", "person:siri-berg|killed", "1993-07-09"},
		{"On 1 May 1990, a bomb killed nine officials, including Tor Lund, the party chairman.", "killed.including", "person:tor-lund|killed", "1990-05-01"},
		{"Erik Holm died in Tromso in 1994.", "killed.died", "person:erik-holm|killed", "1994"},
		{"Lena Dahl met Erik Holm in Tromso.", "names.mentions", "person:erik-holm|named", "Erik Holm"},
		{"The Northern Lights Fron was banned.", "names.mentions", "org:nlf|named", "Northern Lights Fron"},
		{"Its wing, the Aurora Council (AC), lobbies.", "names.acronym", "org:aurora-council|expansion|AC", "Aurora Council"},
		{"In 1995, the European Union, pressed by Norway, added the NLF to its terrorist list.", "designation.prose", "org:nlf|designated|European Union", "1995"},
		{"The EU removed the NLF from the proscribed terrorist organizations list in 2004.", "delisting.prose", "org:nlf|delisted|European Union", "2004"},
		{"Iceland lifted the NLF's designation as a terrorist group in May 2003, followed by Norway on 2 June 2003.", "delisting.followed-by", "org:nlf|delisted|Norway", "2003-06-02"},
		{"It was lifted in Norway following a decision by the Justice Minister on 1 June 2003 and lastly in Iceland on 9 July 2003.", "delisting.decision", "org:nlf|delisting-decided|Norway", "2003-06-01"},
		{"It was lifted in Norway following a decision by the Justice Minister on 1 June 2003 and lastly in Iceland on 9 July 2003.", "delisting.lastly-in", "org:nlf|delisted|Iceland", "2003-07-09"},
		{"The Front succeeded in being removed from the Norway terrorism list in 2003.", "delisting.being-removed", "org:nlf|delisted|Norway", "2003"},
		{"In the 1990s, the group had between 400 and 600 members, with 100 to 150 at Camp Polaris.", "members.had", "org:nlf|members", "400..600, 199X"},
		{"In the 1990s, the group had between 400 and 600 members, with 100 to 150 at Camp Polaris.", "members.with-at", "org:nlf|members|Camp Polaris", "100..150, 199X"},
		{"Its ranks grew, peaking at 2,000 during the 1980s.", "members.peaking", "org:nlf|members", "2000, 198X"},
		{"About 400 members of the NLF remain in Camp Polaris.", "members.remain", "org:nlf|members|Camp Polaris", "~400, 2020"},
		{"In 2001, about 300 members moved to Norway.", "members.moved", "org:nlf|members-moved|Norway", "~300, 2001"},
		{"In June 1999, 12 supporters of the Front set themselves on fire in Oslo.", "events.self-immolation", "org:nlf|event-count|self-immolation 1999", "12, 1999-06"},
		{"In May 1999, police ordered the arrest of Lena Dahl and 40 of her followers.", "events.arrests", "org:nlf|event-count|arrests 1999", "40, 1999-05"},
		{"In May 1999, 25 supporters began hunger strikes.", "events.hunger-strike", "org:nlf|event-count|hunger-strike 1999", "25, 1999-05"},
		{"In May 1999, 30 activists were arrested in Oslo.", "events.arrested", "org:nlf|event-count|arrests 1999", "30, 1999-05"},
		{"The blast at the port, the Tromso Harbour bombing, killed 12 sailors.", "events.named-killed", "org:nlf|event-count|killed Tromso Harbour bombing", "12"},
		// A number word is read whole: "eighteen" is not "eight".
		{"The blast at the port, the Tromso Harbour bombing, killed eighteen sailors.", "events.named-killed", "org:nlf|event-count|killed Tromso Harbour bombing", "18"},
		{"Its leaders are Lena Dahl and her brother, Kari Dahl.", "leaders.are", "person:kari-dahl|leader|NLF", "2020"},
		{"Lena and Kari Dahl, who fled abroad in 1990, lead the NLF.", "leaders.lead", "person:kari-dahl|leader|NLF", "2020"},
		{"Kari Dahl, her brother, has since taken over leadership of the NLF.", "leaders.taken-over", "person:kari-dahl|leader|NLF", "2020"},
		{"The group praised their leader, Kari Dahl, at the rally.", "leaders.their-leader", "person:kari-dahl|leader|NLF", "2020"},
		{"On 2 March 1990, Lena Dahl appointed Kari Dahl as her co-leader.", "leaders.appointed", "person:kari-dahl|leader|NLF", "1990-03-02/.."},
		{"NLF founders included Lena Dahl, Erik Holm and Siri Berg.", "founders.included", "org:nlf|founder", "Siri Berg"},
		{"Lena Dahl, one of the original founders, spoke.", "founders.one-of", "org:nlf|founder", "Lena Dahl"},
	}
	items := map[string]struct{ text, list string }{
		"home-base.list":    {"Home Base\n\n  • 1972-1983: Norway\n  • 1983-present: Iceland\n", ""},
		"founding.label":    {"Founding Year\n\n1972\n", ""},
		"home-base.heading": {"== Settlement in Norway (2002–present) ==\n\nThe members live on farms.\n", ""},
		"designation.list":  {"Government Designations\n\n  • Iceland (1995): Designated terrorist organization in 1995\n  • Delisted in 2003.\n", ""},
		"delisting.list":    {"Government Designations\n\n  • Iceland (1995): Designated terrorist organization in 1995\n  • Delisted in 2003.\n", ""},
		"members.list":      {"Strength\n\n  • 1990: 500.\n  • 1995: 300 members in residence at Camp Polaris.\n", ""},
		"leaders.list":      {"Leadership over Time\n\n  • 1972-1990: Lena Dahl, a founder, leads until 1990\n", ""},
	}
	itemWant := map[string][2]string{
		"home-base.list":    {"org:nlf|moved-to|Iceland", "1983"},
		"founding.label":    {"org:nlf|founded", "1972"},
		"home-base.heading": {"org:nlf|based", "Norway, 2002/2020"},
		"designation.list":  {"org:nlf|designated|Iceland", "1995"},
		"delisting.list":    {"org:nlf|delisted|Iceland", "2003"},
		"members.list":      {"org:nlf|members|Camp Polaris", "300, 1995"},
		"leaders.list":      {"person:lena-dahl|leader|NLF", "1972/1990"},
	}
	// One corpus holds every test text as its own source, so the rules compile once.
	type row struct{ name, text, rule, key, value string }
	var rows []row
	for _, tc := range tests {
		rows = append(rows, row{tc.rule, tc.sentence, tc.rule, tc.key, tc.value})
	}
	for _, rule := range []string{"home-base.list", "founding.label", "home-base.heading", "designation.list", "delisting.list", "members.list", "leaders.list"} {
		rows = append(rows, row{rule, items[rule].text, rule, itemWant[rule][0], itemWant[rule][1]})
	}
	fsys := fstest.MapFS{}
	var sources strings.Builder
	for i, r := range rows {
		name := fmt.Sprintf("s%d.txt", i)
		fsys[name] = &fstest.MapFile{Data: []byte(r.text)}
		fmt.Fprintf(&sources, "  - {id: s%d, file: %s, as_of: \"2020\"}\n", i, name)
	}
	fsys["compare.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(manifest, "  - {id: a, file: a.txt, as_of: \"2020\"}\n", sources.String(), 1))}
	c, err := facts.LoadCorpus(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	claims := map[facts.SourceID][]facts.Claim{}
	all, err := facts.ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range all {
		claims[cl.Source] = append(claims[cl.Source], cl)
	}
	covered := map[string]bool{}
	for i, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			var got []string
			for _, c := range claims[facts.SourceID(fmt.Sprintf("s%d", i))] {
				if c.Rule == r.rule && c.Key() == r.key && c.Normalized() == r.value {
					covered[r.rule] = true
					return
				}
				got = append(got, c.Rule+" "+c.Key()+" "+c.Normalized())
			}
			t.Errorf("%q: want %s %s %s; got %q", r.text, r.rule, r.key, r.value, got)
		})
	}
	for _, r := range rs.Rules() {
		if !covered[r] {
			t.Errorf("rule %s has no test sentence", r)
		}
	}
}
