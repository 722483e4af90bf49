package facts

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"
)

// TestMayNameMissesNoName: where mayName says a sentence names no one, the names
// rule finds no one there: nearNames covers nothing and records nothing, and there
// is no capitalized run for Person. On the corpora at hand, where it spares
// sentences, and on sentences whose one capitalized word opens a known name
// ("Amber coast liberation front") or is a misspelt surname ("Azondalu").
func TestMayNameMissesNoName(t *testing.T) {
	const oneCapital = "then Azondalu spoke.\n\nthen Amber coast liberation front fighters left.\n\nthen Tomas varga spoke.\n"
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var names *namesRule
		for _, r := range rs.rules {
			if n, ok := r.(*namesRule); ok {
				names = n
			}
		}
		spared, total := 0, 0
		// check reports whether the names rule finds anyone in s.
		check := func(src *Source, x *extractor, s *Sentence) bool {
			total++
			may := x.mayName(s)
			if !may {
				spared++
			}
			before := len(x.claims)
			covered := x.nearNames(names, s)
			runs := appendCapitalizedRuns(nil, s.Folded().Text)
			found := len(covered) > 0 || len(runs) > 0 || len(x.claims) != before
			if found && !may {
				t.Errorf("%s line %d: mayName spares %q, yet nearNames covers %v and the capitalized runs are %v", src.ID, s.Line, s.Text, covered, runs)
			}
			return found
		}
		eachDocument(t, c, func(src *Source, doc *Document) {
			x := newExtractor(src, doc, c.Profile, rs)
			for i := range doc.Sentences {
				check(src, x, &doc.Sentences[i])
			}
		})
		if spared == 0 {
			t.Fatalf("mayName spares none of %d sentences: the test tells nothing", total)
		}
		t.Logf("%d of %d sentences spared", spared, total)
		doc := Segment(oneCapital)
		x := newExtractor(c.Sources[0], doc, c.Profile, rs)
		found := 0
		for i := range doc.Sentences {
			if check(c.Sources[0], x, &doc.Sentences[i]) {
				found++
			}
		}
		// The embedded corpus knows Azodanlu, the second corpus the Amber Coast
		// Liberation Front and Tomas Varga.
		if want := map[string]int{"seeds": 1, "amber": 2}[path.Base(t.Name())]; found < want {
			t.Errorf("names found in %d of the sentences with one capitalized word, want %d: the test tells too little", found, want)
		}
	})
}

// TestLookupAsNameKey: Lookup's quick path for plain names finds what the
// profile holds under nameKey, for every name of the corpora at hand in several
// cases, with "the" before it, and for every capitalized run of their sentences.
func TestLookupAsNameKey(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		p := c.Profile
		var names []string
		for _, k := range p.known {
			for _, n := range k.Names() {
				names = append(names, n, strings.ToUpper(n), strings.ToLower(n), "The "+n, "the "+strings.ToLower(n), "THE "+n, n+" ")
			}
		}
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			f := s.Folded().Text
			for _, m := range appendCapitalizedRuns(nil, f) {
				names = append(names, f[m[0]:m[1]])
			}
		})
		found := 0
		for _, n := range names {
			want := p.byKey[nameKey(n)]
			if got := p.Lookup(n); got != want {
				t.Errorf("Lookup(%q) = %v, nameKey finds %v", n, got, want)
			}
			if want != nil {
				found++
			}
		}
		if found == 0 || found == len(names) {
			t.Fatalf("%d of %d names known: the test tells nothing", found, len(names))
		}
	})
}

// TestIsLetter: the one-comparison test is the two ranges, for every byte.
func TestIsLetter(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if got, want := isLetter(b), b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'; got != want {
			t.Errorf("isLetter(%q) = %v", b, got)
		}
	}
}

// TestCapitalizedRuns: runs of capitalized words go on through the particles of
// names, and stop at any other lower-case word.
func TestCapitalizedRuns(t *testing.T) {
	text := "Then Pierre de Bousquet met Osama bin Laden and Ludwig van der Rohe's aides, Jean de- Marc, Anna Maria whatever Karl Otto, Lt. Col. Louis Hawkins."
	var got []string
	for _, m := range appendCapitalizedRuns(nil, text) {
		got = append(got, text[m[0]:m[1]])
	}
	want := []string{"Then Pierre de Bousquet", "Osama bin Laden", "Ludwig van der Rohe", "Jean de- Marc", "Anna Maria", "Karl Otto", "Lt. Col. Louis Hawkins"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs %q, want %q", got, want)
	}
}

// nearNamesByWords is nearNames as it was written first, the oracle of the
// capital-by-capital reading: every word of the sentence, for every name the
// profile looks for, compared window by window in the order of the names.
func nearNamesByWords(x *extractor, r *namesRule, s *Sentence) [][2]int {
	f := s.Folded()
	words := appendWordSpans(nil, f.Text)
	firsts := make([]byte, len(words))
	for i, w := range words {
		if t := f.Text[w[0]:w[1]]; isUpper(t[0]) {
			firsts[i] = x.profile.translitFirst(t)
		}
	}
	var covered [][2]int
	for ni, n := range x.profile.nameList() {
		if !nearNameWanted(n) {
			continue
		}
		for i := 0; i+len(n.words) <= len(words); i++ {
			if firsts[i] != n.first || !isUpper(f.Text[words[i][0]]) {
				continue
			}
			start, end := words[i][0], words[i+len(n.words)-1][1]
			if strings.ContainsAny(f.Text[start:end], ",;:()\"") {
				continue
			}
			written := f.Text[start:end]
			if tooShortFor(written, &x.profile.names[ni]) && x.profile.SameName(written, n.name) {
				panic(fmt.Sprintf("tooShortFor(%q) for %q, which SameName says it spells", written, n.name))
			}
			if overlaps(covered, start, end) || !x.profile.SameName(written, n.name) {
				continue
			}
			covered = append(covered, [2]int{start, end})
			x.mention(r, s, n.known.Entity, start, end)
		}
	}
	for _, w := range words {
		text := f.Text[w[0]:w[1]]
		if len(text) < 7 || !isUpper(text[0]) || overlaps(covered, w[0], w[1]) {
			continue
		}
		if k := x.profile.misspeltSurname(text); k != nil {
			covered = append(covered, w)
			x.mention(r, s, k.Entity, w[0], w[1])
		}
	}
	return covered
}

// TestNearNamesAsWordByWord checks nearNames against nearNamesByWords on every
// sentence of four corpora and on sentences made to try its edges: apostrophes
// inside and after names (and after a lower-case word: "d'Amber"), hyphens, "The"
// before a name, short words, names at the end, a window inside a longer name,
// misspellings. Both must cover the same windows and record the same claims in
// the same order; and tooShortFor must never turn away a window SameName says
// spells the name (the oracle panics).
func TestNearNamesAsWordByWord(t *testing.T) {
	const made = "The Amber Coast Liberation Front met.\n\nO'Brien and Tomas Varga's men left; Tomas-Varga spoke.\n\n" +
		"Then Amber coast Liberation Front, the Amber Coast Liberaton Front and Amber Coast Liberation Fronts met.\n\n" +
		"In 1990 Tomas Varg and Tomaz Varga met Varga's Tomas Varga.\n\nA Tomas Varga? Ab Tomas. Abc Varga Tomas Varga\n\n" +
		"It is Amber's Coast Liberation Front, the Amber Coast's Liberation Front X'Amber Coast Liberation Front and d'Amber Coast Liberation Front.\n\n" +
		"Coast Brigades, the Coast  Brigades and the Coast Brigadez left Tomas  Varga.\n"
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var names *namesRule
		for _, r := range rs.rules {
			if n, ok := r.(*namesRule); ok {
				names = n
			}
		}
		docs := map[*Source]*Document{}
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			docs[src] = doc
		}
		docs[&Source{ID: "made"}] = Segment(made)
		windows := 0
		for src, doc := range docs {
			quick, slow := newExtractor(src, doc, c.Profile, rs), newExtractor(src, doc, c.Profile, rs)
			for i := range doc.Sentences {
				s := &doc.Sentences[i]
				got, want := quick.nearNames(names, s), nearNamesByWords(slow, names, s)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s line %d %q: nearNames covers %v, word by word %v", src.ID, s.Line, s.Text, got, want)
				}
				windows += len(want)
			}
			if fmt.Sprint(quick.claims) != fmt.Sprint(slow.claims) {
				t.Errorf("%s: the claims differ:\n%v\n%v", src.ID, quick.claims, slow.claims)
			}
		}
		if windows == 0 {
			t.Fatal("no window spells a name: the test tells nothing")
		}
	})
}

// mayNameInByBytes is mayNameIn read from every word of the text (appendWordSpans's,
// which wordStartsAt and wordEnd agree with): more than one that opens with a
// capital, or one that may open or misspell a known name. ("O'Brien" is one word,
// as the names rule reads it: two capitals in it are not two words.)
func mayNameInByBytes(x *extractor, t string) bool {
	var caps []string
	for _, w := range appendWordSpans(nil, t) {
		if isUpper(t[w[0]]) {
			caps = append(caps, t[w[0]:w[1]])
		}
	}
	switch len(caps) {
	case 0:
		return false
	case 1:
		one := caps[0]
		return x.opensName(x.translitFirst(one)) || len(one) >= 7 && x.misspeltSurname(one) != nil
	}
	return true
}

// TestCapitalsFoundAsByteByByte: appendCapitalizedRuns and mayNameIn, which go
// from capital to capital, find what reading every byte finds (and no run where
// fewer than two words open with a capital), on every sentence
// of four corpora and every text of up to six characters over a capital, small
// letters ("s" among them, for "'s"), a hyphen, an apostrophe, a space, a full stop
// and a letter beyond ASCII;
// and nextUpper finds the capital byte by byte finds, every byte value at every
// place of texts of 1-17 bytes.
func TestCapitalsFoundAsByteByByte(t *testing.T) {
	texts := allTexts([]string{"A", "b", "s", "-", "'", " ", ".", "\u00c9"}, 6)
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			for i := range doc.Sentences {
				texts = append(texts, doc.Sentences[i].Folded().Text)
			}
		}
		x := newExtractor(c.Sources[0], Segment(""), c.Profile, rs)
		runs := 0
		for _, text := range texts {
			got, want := appendCapitalizedRuns(nil, text), appendRuns(nil, text, false, nil)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("runs of %q: %v, word by word %v", text, got, want)
			}
			runs += len(want)
			// The names rule reads runs only where two words open with a capital.
			if caps := appendCapitalWords(nil, text); len(caps) < 2 && len(want) > 0 {
				t.Fatalf("%q: runs %v, yet capitalized words %v", text, want, caps)
			}
			if got, want := x.mayNameIn(text), mayNameInByBytes(x, text); got != want {
				t.Fatalf("mayNameIn(%q) = %v, byte by byte %v", text, got, want)
			}
		}
		if runs == 0 {
			t.Fatal("no run found: the test tells nothing")
		}
	})
	for _, bg := range []byte{'a', 'A', '@', '[', 'Z', ' ', 0x80, 0xc1, 0xda, 0xff} {
		for n := 1; n <= 17; n++ {
			for at := range n {
				for c := range 256 {
					b := bytes.Repeat([]byte{bg}, n)
					b[at] = byte(c)
					for from := range min(3, n) {
						want := len(b)
						for i := from; i < len(b); i++ {
							if isUpper(b[i]) {
								want = i
								break
							}
						}
						if got := nextUpper(string(b), from); got != want {
							t.Fatalf("nextUpper(%q, %d) = %d, want %d", b, from, got, want)
						}
					}
				}
			}
		}
	}
}

// TestBreaksWindowAsContainsAny: the table says what strings.ContainsAny says.
func TestBreaksWindowAsContainsAny(t *testing.T) {
	for _, w := range []string{"", "Kazem Rajavi", "Rajavi, Kazem", "Rajavi;", "a:b", "(MEK)", "x)", `say "Maryam"`, "Genève-Rajavi", "Mojahedin-e Khalq"} {
		if got, want := breaksWindow(w), strings.ContainsAny(w, ",;:()\""); got != want {
			t.Errorf("breaksWindow(%q) = %v, ContainsAny says %v", w, got, want)
		}
	}
}

// TestPersonsFoundOnceForAllSources: the people's expression's matches,
// remembered by the profile across sources, are those it finds in the words
// asked about, asked once or again, and the memory keeps no piece of a text.
func TestPersonsFoundOnceForAllSources(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		x := newExtractor(c.Sources[0], &Document{}, c.Profile, rs)
		asked := 0
		eachDocument(t, c, func(_ *Source, doc *Document) {
			for round := range 2 {
				for i := range doc.Sentences {
					text := doc.Sentences[i].Folded().Text
					if got, want := x.findPersons(text), rs.personRE.FindAllStringIndex(text, -1); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("round %d, %q: found %v, the expression finds %v", round, text, got, want)
					}
					asked++
				}
			}
		})
		if len(c.Profile.personSpans.m) == 0 || asked == 0 {
			t.Fatalf("%d texts asked, %d remembered: the test tells nothing", asked, len(c.Profile.personSpans.m))
		}
		buf := []byte("Dr. Ada Lovelace met Charles Babbage.")
		x.findPersons(unsafe.String(&buf[0], len(buf)))
		keepsNoText(t, c.Profile.personSpans.m, buf)
	})
}

// keepsNoText fails the test where a key of memory m points into text.
func keepsNoText[V any](t *testing.T, m map[string]V, text []byte) {
	t.Helper()
	lo := uintptr(unsafe.Pointer(&text[0]))
	for k := range m {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(k))); p >= lo && p < lo+uintptr(len(text)) {
			t.Fatalf("the memory keeps %q in the text it was asked about", k)
		}
	}
}

// TestHeadingsAndPeriodsReadOnceForAllSources: what a rule's label, the
// authorities and the periods' years make of a heading or a period, remembered
// across sources, is what they make of it asked anew, asked once or again; and
// the memories keep no piece of a text.
func TestHeadingsAndPeriodsReadOnceForAllSources(t *testing.T) {
	allHeadings := 0
	defer func() {
		if allHeadings == 0 {
			t.Error("no corpus has a heading: the test tells little")
		}
	}()
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		var labels []*labelValueRule
		for _, r := range rs.rules {
			if l, ok := r.(*labelValueRule); ok {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			t.Fatal("no label rule")
		}
		x := newExtractor(c.Sources[0], &Document{}, c.Profile, rs)
		periods := []string{"1981-present", "from 1973 to 1979", "since 2009", "1986", "no period"}
		for _, cl := range mustExtractAll(t, c, rs) {
			if _, ok := cl.Value.(Period); ok {
				periods = append(periods, FoldString(cl.Text))
			}
		}
		headings := 0
		eachDocument(t, c, func(_ *Source, doc *Document) {
			for round := range 2 {
				for i := range doc.Sentences {
					s := &doc.Sentences[i]
					if s.Kind != Heading {
						continue
					}
					headings++
					f := s.Folded().Text
					for _, l := range labels {
						m := l.label.FindStringIndex(f)
						if got, want := l.isLabel(f), m != nil && m[0] == 0 && m[1] == len(f); got != want {
							t.Fatalf("round %d, %s on %q: %v, the expression says %v", round, l.name, f, got, want)
						}
					}
					want := ""
					if m := authorityFindRE.FindString(FoldString(s.Text)); m != "" {
						want, _ = c.Profile.Authority(m)
					}
					if got := x.headingAuthority(s.Text); got != want {
						t.Fatalf("round %d, %q names authority %q, asked anew %q", round, s.Text, got, want)
					}
				}
				for _, p := range periods {
					from, to := x.periodParts(p)
					if wantFrom, wantTo := PeriodParts(p); from != wantFrom || to != wantTo {
						t.Fatalf("round %d, %q: years at %v and %v, asked anew %v and %v", round, p, from, to, wantFrom, wantTo)
					}
				}
			}
		})
		if headings > 0 && (len(c.Profile.authorities.m) == 0 || len(labels[0].labels.m) == 0) || len(c.Profile.periodParts.m) == 0 {
			t.Fatalf("%d headings, nothing remembered: the test tells nothing", headings)
		}
		allHeadings += headings
		buf := []byte("== Designation by the European Union: 2002 ==")
		text := unsafe.String(&buf[0], len(buf))
		x.headingAuthority(text)
		x.periodParts(text)
		labels[0].isLabel(text)
		keepsNoText(t, c.Profile.authorities.m, buf)
		keepsNoText(t, c.Profile.periodParts.m, buf)
		keepsNoText(t, labels[0].labels.m, buf)
	})
}

// TestMemosEmptiedBetweenSources: the memories an extractor gives back hold
// nothing of the source before: each source's claims, extracted after every other
// source (the memories passed on from one to the next), are those it gives
// extracted first.
func TestMemosEmptiedBetweenSources(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		first := map[SourceID]string{}
		for round := range 2 {
			for _, src := range c.Sources {
				doc, err := c.Read(src)
				if err != nil {
					t.Fatal(err)
				}
				got := fmt.Sprint(Extract(src, doc, c.Profile, rs))
				if round == 0 {
					first[src.ID] = got
				} else if got != first[src.ID] {
					t.Fatalf("%s extracted after the other sources gives other claims than extracted first", src.ID)
				}
			}
		}
	})
}

// TestMemosGivenBackEmpty: every memory of a source an extractor gives back is
// emptied, those of the profile's answers once they hold more than keptMemo
// entries, and its room for what it finds of each sentence is handed out again
// zeroed.
func TestMemosGivenBackEmpty(t *testing.T) {
	m := memosPool.Get().(*memos)
	kept := map[string]bool{"near": true, "misspelt": true}
	v := reflect.ValueOf(m).Elem()
	maps := 0
	for i := range v.NumField() {
		f := v.Field(i)
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem() // unexported: written through its address
		if f.Kind() != reflect.Map {
			continue
		}
		maps++
		n := 1
		if kept[v.Type().Field(i).Name] {
			n = keptMemo + 1
		}
		for k := range n {
			key := reflect.New(f.Type().Key()).Elem()
			if key.Kind() == reflect.String {
				key.SetString(fmt.Sprint(k))
			}
			f.SetMapIndex(key, reflect.New(f.Type().Elem()).Elem())
		}
	}
	m.ctx = append(m.ctx, sentenceContext{dates: []mention{{}}})
	m.claims = append(m.claims, Claim{Text: "from the text"})
	m.giveBack()
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Map && f.Len() != 0 {
			t.Errorf("memos.%s holds %d entries given back", v.Type().Field(i).Name, f.Len())
		}
	}
	if len(m.ctx) != 0 || m.ctx[:1][0].dates != nil {
		t.Errorf("the contexts given back: %d, the first holding %v", len(m.ctx), m.ctx[:1][0].dates)
	}
	if len(m.claims) != 0 || m.claims[:1][0].Text != "" {
		t.Errorf("the claims given back: %d, the first quoting %q", len(m.claims), m.claims[:1][0].Text)
	}
	if maps < 5 {
		t.Fatalf("only %d memories", maps)
	}
	s := room([]int32{1, 2, 3}, 2)
	if s = room(s, 3); fmt.Sprint(s) != "[0 0 0]" {
		t.Errorf("room handed out %v", s)
	}
}

// typosByTable is Typos as the whole table of the optimal string alignment
// distance works it out.
func typosByTable(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// TestTyposAsTheTable: Typos, three rows at a time on the stack, counts what the
// whole table counts: the misspellings of the texts, swaps, words beyond the
// stack's 31 letters, words beyond ASCII and bytes that are not UTF-8.
func TestTyposAsTheTable(t *testing.T) {
	pairs := [][2]string{{"Azodanlu", "Azondalu"}, {"Maryam", "Marynam"}, {"Maryam", "Mayam"}, {"Rajavi", "Radjavi"},
		{"Massoud", "Masoud"}, {"Naqdi", "Naghdi"}, {"Hussain", "Hussein"}, {"ab", "ba"}, {"abc", "ca"}, {"", "abc"}, {"abc", ""},
		{"", ""}, {"Mojahedin-e-Khalq", "Mojaehdin-e-Kalq"}, {"Genève", "Geneve"}, {"\xff\xfe", "\xfe\xff"},
		{strings.Repeat("ab", 20), strings.Repeat("ba", 20)}, {strings.Repeat("x", 31), strings.Repeat("y", 33)}}
	for _, p := range pairs {
		for _, q := range [][2]string{p, {p[1], p[0]}} {
			if got, want := Typos(q[0], q[1]), typosByTable(q[0], q[1]); got != want {
				t.Errorf("Typos(%q, %q) = %d, the table says %d", q[0], q[1], got, want)
			}
		}
	}
}

func FuzzTypos(f *testing.F) {
	f.Add("Azodanlu", "Azondalu")
	f.Add("Mojahedin-e-Khalq", "Mojaehdin-e-Kalq")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Typos(a, b), typosByTable(a, b); got != want {
			t.Fatalf("Typos(%q, %q) = %d, the table says %d", a, b, got, want)
		}
	})
}

// TestWordCountsAsTheWords: the words of a name and of a run counted, and the
// last words of a run found, without making them are what making them gives.
func TestWordCountsAsTheWords(t *testing.T) {
	texts := []string{"", "Rajavi", "Massoud Rajavi", "The Amber Coast Front", "the front", "THE Front", "Theo Front",
		"Lt. Col. Louis Lee Hawkins", "Mohammad-Hossein Naghdi", "February Mousa Khiabani", "Pierre de Bousquet",
		"Two  spaces", " lead", "trail ", "tab\there", "Genève Rajavi", "x\u00a0y", "a b c d e f"}
	for _, s := range texts {
		if got, want := nameWordCount(s), len(nameWords(s)); got != want {
			t.Errorf("nameWordCount(%q) = %d, nameWords has %d", s, got, want)
		}
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, strings.Fields has %d", s, got, want)
		}
		for n := range 8 {
			if got, want := lastWordsAt(s, n), strings.LastIndex(s, lastWords(s, n)); got != want {
				t.Errorf("lastWordsAt(%q, %d) = %d, want %d", s, n, got, want)
			}
		}
	}
}

func FuzzWordCounts(f *testing.F) {
	f.Add("Lt. Col. Louis Lee Hawkins", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n & 7
		if nameWordCount(s) != len(nameWords(s)) || fieldCount(s) != len(strings.Fields(s)) ||
			lastWordsAt(s, n) != strings.LastIndex(s, lastWords(s, n)) {
			t.Fatalf("%q, %d: counted %d %d at %d; made %d %d at %d", s, n, nameWordCount(s), fieldCount(s), lastWordsAt(s, n),
				len(nameWords(s)), len(strings.Fields(s)), strings.LastIndex(s, lastWords(s, n)))
		}
	})
}

// manyNamesCorpus is a corpus whose profile knows hundreds of people (every pair
// of a few made-up given names and surnames, many sharing first letters and
// transliteration variants) and whose one text names some of them exactly,
// misspelt, transliterated, hyphenated and by surname alone: what a newsroom's
// profile of a long story holds.
func manyNamesCorpus(t *testing.T) (*Corpus, *RuleSet) {
	t.Helper()
	given := []string{"Maryam", "Mariam", "Marek", "Mikko", "Kazem", "Kasem", "Karin", "Piotr", "Pieter", "Petra", "Ilse", "Ivo", "Djamal", "Jamal", "Sofia", "Sophia"}
	surnames := []string{"Rahimi", "Rahimy", "Radjavi", "Rajavi", "Naghdi", "Naqdi", "Khiabani", "Kiabani", "Nowacki", "Nowicki", "Haugen", "Haugan", "Sorensen", "Sorenson", "Ozolins", "Ozolinsh"}
	var b strings.Builder
	b.WriteString("subject:\n  name: Amber Coast Liberation Front\n  aliases: [ACLF]\nentities:\n")
	for _, g := range given {
		for _, s := range surnames {
			fmt.Fprintf(&b, "  - {name: %q, kind: person}\n", g+" "+s)
		}
	}
	b.WriteString("  - {name: Bjornstadvik, kind: place, country: Norway}\n  - {name: Borkenhagen, kind: place, country: Germany}\n")
	b.WriteString("sources:\n  - {id: news, file: news.txt, name: the News, title: News, publisher: News, kind: news-analysis, as_of: \"2020\", as_of_evidence: dateline}\n")
	text := "Maryam Rahimi met Mariam Rahimy and Maryam Rahim in 1990.\n\n" +
		"Kazem Radjavi, Kasem Rajavi and Kazem-Rajavi left; Kazim Rajavi stayed with Marek Naqdi.\n\n" +
		"Djamal Khiabani, Jamal Kiabani and Djamal Khiabanni wrote to Pieter Nowicki and Piotr Nowacky.\n\n" +
		"The Sofia Sorensen report, by Sophia Sorenson and Sofia Sorensson, reached Ivo Ozolinsh in Bjornstadvik.\n\n" +
		"Ozolinsch and Khiabanii spoke in Borkenhagn; Karin Haugen and Karin Hauge did not.\n"
	return loadRules(t, fstest.MapFS{ManifestName: {Data: []byte(b.String())}, "news.txt": {Data: []byte(text)}}, ".")
}

// TestNearNamesWithManyNames: with a profile of 258 names, nearNames, which asks
// only the names one of a window's words anchors, finds what asking every name
// word by word finds, and the names it finds include misspelt and transliterated
// ones.
func TestNearNamesWithManyNames(t *testing.T) {
	c, rs := manyNamesCorpus(t)
	var names *namesRule
	for _, r := range rs.rules {
		if n, ok := r.(*namesRule); ok {
			names = n
		}
	}
	src := c.Sources[0]
	doc, err := c.Read(src)
	if err != nil {
		t.Fatal(err)
	}
	quick, slow := newExtractor(src, doc, c.Profile, rs), newExtractor(src, doc, c.Profile, rs)
	windows := 0
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		got, want := quick.nearNames(names, s), nearNamesByWords(slow, names, s)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("line %d %q: nearNames covers %v, word by word %v", s.Line, s.Text, got, want)
		}
		windows += len(want)
	}
	if fmt.Sprint(quick.claims) != fmt.Sprint(slow.claims) {
		t.Errorf("the claims differ:\n%v\n%v", quick.claims, slow.claims)
	}
	var misspelt []string
	for _, cl := range quick.claims {
		if cl.Text != cl.Subject.Name {
			misspelt = append(misspelt, cl.Text+" for "+cl.Subject.Name)
		}
	}
	if windows < 15 || len(misspelt) < 5 {
		t.Fatalf("%d windows spell names, %d of them not as the profile writes them (%v): the test tells little", windows, len(misspelt), misspelt)
	}
	t.Logf("%d windows; spelt otherwise: %v", windows, misspelt)
}

// TestMisspeltSurnameAsAskingEveryone: misspeltSurname, which asks only the
// people whose surnames share what is left of the word with up to two letters
// left out, finds whom asking every person finds, for every capitalized word of
// the test corpora and every word one or two typos from the surnames of a
// profile of 258 people (letters dropped, added, changed and swapped, accents).
func TestMisspeltSurnameAsAskingEveryone(t *testing.T) {
	c, _ := manyNamesCorpus(t)
	var words []string
	for _, k := range c.Profile.Known(EntityPerson) {
		nw := strings.Fields(k.Name)
		last := []rune(nw[len(nw)-1])
		for i := range last {
			words = append(words, string(last[:i])+string(last[i+1:]), string(last[:i])+"e"+string(last[i:]),
				string(last[:i])+"\u00e9"+string(last[i+1:]), string(last[:i])+"xy"+string(last[i+1:]))
			if i+1 < len(last) {
				words = append(words, string(last[:i])+string(last[i+1])+string(last[i])+string(last[i+2:]))
			}
		}
	}
	profiles := []*Profile{c.Profile}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		profiles = append(profiles, c.Profile)
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			for _, w := range strings.Fields(s.Folded().Text) {
				if w = strings.Trim(w, ".,;:()\"'"); len(w) >= 4 && isUpper(w[0]) {
					words = append(words, w)
				}
			}
		})
	})
	found := 0
	for _, p := range profiles {
		for _, w := range words {
			got, want := p.misspeltSurname(w), p.misspeltAmong(w, p.Known(EntityPerson))
			if got != want {
				t.Errorf("misspeltSurname(%q) = %v, asking everyone %v", w, got, want)
			}
			if want != nil {
				found++
			}
		}
	}
	if found < 100 {
		t.Fatalf("only %d words are misspelt surnames: the test tells little", found)
	}
}

// TestIsSurnameAsAskingEveryone: isSurname, a lookup, says what asking every
// person's names says, for every word of the test corpora's sentences and the
// surnames of a profile of 258 people written otherwise (case, accents).
func TestIsSurnameAsAskingEveryone(t *testing.T) {
	askAll := func(p *Profile, w string) bool {
		for _, k := range p.Known(EntityPerson) {
			for _, n := range k.Names() {
				if f := strings.Fields(n); len(f) > 1 && nameKey(f[len(f)-1]) == nameKey(w) {
					return true
				}
			}
		}
		return false
	}
	c, _ := manyNamesCorpus(t)
	words := []string{"RAHIMI", "Rähimi", "rahimi", "Rahim", "Maryam", ""}
	profiles := []*Profile{c.Profile}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		profiles = append(profiles, c.Profile)
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { words = append(words, strings.Fields(s.Text)...) })
	})
	yes := 0
	for _, p := range profiles {
		for _, w := range words {
			want := askAll(p, w)
			if got := p.isSurname(w); got != want {
				t.Errorf("isSurname(%q) = %v, asking everyone %v", w, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes < 10 {
		t.Fatalf("only %d words are surnames: the test tells little", yes)
	}
}

// TestNameIndexMissesNoName: for every pair of names among the known names of a
// profile of 258 people, their misspellings (two typos in the long surnames) and
// transliterations, and the names of the test corpora's profiles, each name that SameName says another spells is
// among that name's candidates, and Matches gives those it spells; and the
// candidates are fewer than all the names.
func TestNameIndexMissesNoName(t *testing.T) {
	c, _ := manyNamesCorpus(t)
	var names []string
	for _, k := range c.Profile.Known(EntityPerson) {
		for _, n := range k.Names() {
			w := strings.Fields(n)
			last := w[len(w)-1]
			names = append(names, n, w[0]+" "+last[:len(last)-1], w[0]+"-"+last, strings.ToUpper(w[0])+" "+last+"a")
			if r := []rune(last); len(r) >= 7 { // two typos: letters swapped, one changed
				r[1], r[2] = r[2], r[1]
				r[len(r)-1] = 'q'
				names = append(names, w[0]+" "+string(r), string(r)+" "+w[0])
			}
		}
	}
	names = append(names, "Maryam", "Mariam", "Rajavi", "Radjavi", "", "The Front", "Nowacki-Nowicki", "Amber Coast Liberation Front")
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, k := range c.Profile.Known(EntityPerson) {
			names = append(names, k.Names()...)
		}
	})
	if len(names) > 2000 {
		t.Fatalf("%d names: too many to compare each with each", len(names))
	}
	ix := NewNameIndex(names)
	same, candidates := 0, 0
	p := c.Profile
	for _, a := range names {
		cands := ix.Candidates(a)
		candidates += len(cands)
		var spelt []int
		for j, b := range names {
			if p.SameName(a, b) {
				same++
				spelt = append(spelt, j)
				if _, found := slices.BinarySearch(cands, j); !found {
					t.Errorf("SameName(%q, %q), and %q is not among the candidates of %q", a, b, b, a)
				}
			}
		}
		if got := ix.Matches(p, a); !slices.Equal(got, spelt) {
			t.Errorf("Matches(%q) = %v, SameName says %v", a, got, spelt)
		}
	}
	if same < len(names) || candidates >= len(names)*len(names)/4 {
		t.Fatalf("%d pairs spell the same name, %d candidates of %d names: the test tells little", same, candidates, len(names))
	}
	t.Logf("%d names, %d pairs alike, %d candidates", len(names), same, candidates)
}

// closeByTheRule is rules 3 and 4 as the package doc states them, the typos
// counted for every pair of words: the oracle of closeForms, which tells most
// pairs apart by their letters first.
func closeByTheRule(p *Profile, a, b string) bool {
	ta, tb := translit(a), translit(b)
	if ta == tb {
		return true
	}
	if p != nil {
		if pa, pb := p.Lookup(a), p.Lookup(b); pa != nil && pb != nil && pa != pb && pa.Type == EntityPlace && pb.Type == EntityPlace {
			return false
		}
	}
	la, lb := strings.ToLower(FoldString(a)), strings.ToLower(FoldString(b))
	n := min(len([]rune(ta)), len([]rune(tb)), len([]rune(la)), len([]rune(lb)))
	d := min(Typos(ta, tb), Typos(la, lb))
	return n >= 4 && d <= 1 || n >= 7 && d <= 2
}

// TestCloseWordsAsTheRule: words and their misspellings of one to four typos
// (letters dropped, added, changed or swapped, accents, transliterations, letters
// beyond a to z) are close as the rule says, whatever their letters rule out
// first; two known places are never close.
func TestCloseWordsAsTheRule(t *testing.T) {
	c, _ := loadRules(t, fstest.MapFS{ManifestName: {Data: []byte("subject: {name: X}\nentities:\n  - {name: Iran, kind: place, country: Iran}\n  - {name: Iraq, kind: place, country: Iraq}\nsources:\n  - {id: a, file: a.txt}\n")}, "a.txt": {Data: []byte("x")}}, ".")
	p := c.Profile
	words := []string{"Iran", "Iraq", "Rajavi", "Radjavi", "Azodanlu", "Khiabani", "Mojahedin", "Hussain", "Müller", "Nowacki", "Ghazvini", "Aaronson", "Zoë", "Ødegaard", "Łukasz", "Kim", "Abdolrahman"}
	letters := []rune("abcdeghiklmnoqrsuvyzéøüßñ")
	var pairs [][2]string
	for i, w := range words {
		for _, v := range words[i+1:] {
			pairs = append(pairs, [2]string{w, v})
		}
		// Misspellings of one to four typos, each made from the one before.
		for seed := range 40 {
			r := []rune(w)
			for k := range 4 {
				at := (seed*7 + k*13) % len(r)
				switch (seed + k) % 4 {
				case 0:
					r = append(r[:at:at], r[at+1:]...)
				case 1:
					r = append(r[:at:at], append([]rune{letters[(seed+k)%len(letters)]}, r[at:]...)...)
				case 2:
					r[at] = letters[(seed*3+k)%len(letters)]
				case 3:
					if at+1 < len(r) {
						r[at], r[at+1] = r[at+1], r[at]
					}
				}
				if len(r) == 0 {
					break
				}
				pairs = append(pairs, [2]string{w, string(r)})
			}
		}
	}
	close, far := 0, 0
	for _, pr := range pairs {
		for _, q := range [][2]string{pr, {pr[1], pr[0]}} {
			want := closeByTheRule(p, q[0], q[1])
			if got := p.closeWords(q[0], q[1]); got != want {
				t.Errorf("closeWords(%q, %q) = %v, the rule says %v", q[0], q[1], got, want)
			}
			if want {
				close++
			} else {
				far++
			}
		}
	}
	if close < 100 || far < 100 {
		t.Fatalf("%d pairs close, %d far: the test tells little", close, far)
	}
}

// FuzzCloseWords: any two words are close as the rule, typos counted for every
// pair, says they are.
func FuzzCloseWords(f *testing.F) {
	f.Add("Rajavi", "Radjavi")
	f.Add("Azodanlu", "Azondalu")
	f.Add("Müller", "Mueller")
	f.Add("Łukasz", "Lukasz")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := (*Profile)(nil).closeWords(a, b), closeByTheRule(nil, a, b); got != want {
			t.Fatalf("closeWords(%q, %q) = %v, the rule says %v", a, b, got, want)
		}
	})
}

// titleRE is what titleLen reads by hand.
var titleRE = regexp.MustCompile(`^(?:(?:Dr|Mr|Mrs|Ms|Prof|Lt\. ?Col|Lt|Col|Gen|Brig\. ?Gen|Maj\. ?Gen|Maj|Capt|Sgt|Adm|Sen|Rep)\.?|General|Colonel|Captain|Major|President|Premier|Prime Minister|Ayatollah|Imam|Sheikh|Senator|Judge|Professor|Mayor|Minister)\s+`)

func titleLenByRE(name string) int {
	if loc := titleRE.FindStringIndex(name); loc != nil {
		return loc[1]
	}
	return 0
}

// TestTitleLenAsTheExpression: titleLen takes what the expression matches, on
// every title and its near misses.
func TestTitleLenAsTheExpression(t *testing.T) {
	names := []string{"", "Dr", "Dr ", "Dr. Rajavi", "Dr.Rajavi", "Drew Smith", "Lt. Col. Louis Lee Hawkins", "Lt.Col. Hawkins",
		"Lt.  Col Hawkins", "Lt. Colonel Hawkins", "Lt Col Hawkins", "Brig. Gen. Price", "Brig.Gen Price", "Brig. General Price",
		"Maj. Gen.\tX", "Maj.\nX", "Mrs  Y", "Ms\u00a0Y", "President Prime Minister Z", "Prime  Minister", "Prime Ministers",
		"General  Major Colonel Q", "Sen.Rep. Q", "Imam\r\nAli", "Minister\fX", "Minister\vX", "Sheikh", "Gen.", "Gen. "}
	for _, n := range names {
		if got, want := titleLen(n), titleLenByRE(n); got != want {
			t.Errorf("titleLen(%q) = %d, the expression takes %d", n, got, want)
		}
	}
}

func FuzzTitleLen(f *testing.F) {
	f.Add("Lt. Col. Louis Lee Hawkins")
	f.Add("Prime Minister X")
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := titleLen(name), titleLenByRE(name); got != want {
			t.Fatalf("titleLen(%q) = %d, the expression takes %d", name, got, want)
		}
	})
}

// TestGenericOrgAsTheExpression: genericOrg takes what the expression it
// replaced took, whatever the case.
func TestGenericOrgAsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`^(?i:it|they|them|its|their|the group|the organi[sz]ation|the movement|this group|the group's|the organi[sz]ation's)$`)
	texts := []string{"", "it", "IT", "It's", "its", "ITS", "the group", "The Group", "the  group", "the groups", "The Organisation",
		"the organization's", "THE MOVEMENT", "this group", "That group", "the group’s", "\u212At", "i\u0130", "theṁ", "Them", "the",
		"ſe", "The Organiſation", "they ", " they"}
	for _, text := range texts {
		if got, want := genericOrg(text), re.MatchString(text); got != want {
			t.Errorf("genericOrg(%q) = %v, the expression says %v", text, got, want)
		}
	}
}

// TestCountryNamedAsTheList: CountryNamed, which looks names up by key, answers
// as reading the list of countries in order does, for every name, alias and
// adjective of every country, in other cases and spacing, and for words that
// name none.
func TestCountryNamedAsTheList(t *testing.T) {
	byList := func(name string) string {
		k := nameKey(name)
		for _, c := range countries {
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				if nameKey(n) == k {
					return c.Name
				}
			}
		}
		return ""
	}
	names := []string{"", "the", "Atlantis", "Camp Ashraf", "the United States", "U.S.", "united  kingdom", "Côte d'Ivoire"}
	for _, c := range countries {
		for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Adjectives...) {
			names = append(names, n, strings.ToUpper(n), "the "+n, strings.ReplaceAll(n, " ", "-"))
		}
	}
	found := 0
	for _, n := range names {
		got, want := CountryNamed(n), byList(n)
		if got != want {
			t.Errorf("CountryNamed(%q) = %q, the list says %q", n, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < len(countries) {
		t.Errorf("only %d of the names name a country: the test tells little", found)
	}
}

// TestNoNamesByShapeInCapitals: in a sentence written in capitals, as wire copy
// and some documents write them, a run of capitals is no sign of a name: the
// names rule finds the people the profile knows there, and no one by shape;
// the same words in ordinary case name the person by shape.
func TestNoNamesByShapeInCapitals(t *testing.T) {
	manifest := "subject:\n  name: \"Kessel Front\"\nentities:\n  - {name: \"Ardo Kessel\", kind: person}\nsources:\n  - {id: a, file: a.txt}\n"
	text := "OFFICIALS DENIED IT, ACCORDING TO JONAS REET AND ARDO KESSEL.\n\nOfficials denied it, according to Jonas Reet.\n"
	c, err := LoadCorpus(fstest.MapFS{"compare.yaml": {Data: []byte(manifest)}, "a.txt": {Data: []byte(text)}}, "caps")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Rules()
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, cl := range mustExtractAll(t, c, rs) {
		if cl.Predicate == Named {
			named = append(named, fmt.Sprintf("%d:%s=%s", cl.Line, cl.Text, cl.Subject.Name))
		}
	}
	want := []string{"1:ARDO KESSEL=Ardo Kessel", "3:Jonas Reet=Jonas Reet"}
	if !slices.Equal(named, want) {
		t.Errorf("named %q, want %q", named, want)
	}
}

// TestTrimExpansionAsTheTails: trimExpansion, which takes each word's initials
// off the end of the acronym, keeps what trying every tail of the phrase with
// Initials keeps, for the phrases before every acronym of the test corpora, each
// against every acronym among them, and for phrases made to trip it.
func TestTrimExpansionAsTheTails(t *testing.T) {
	byTails := func(phrase, acronym string) string {
		words := strings.Fields(phrase)
		for i := len(words) - 1; i >= 0; i-- {
			if tail := strings.Join(words[i:], " "); Initials(tail) == acronym {
				return tail
			}
		}
		for len(words) > 1 && strings.EqualFold(words[0], "the") {
			words = words[1:]
		}
		return strings.Join(words, " ")
	}
	phrases := []string{"United States and European Union", "the European Union", "The People's Mojahedin Organization of Iran",
		"Mojahedin-e-Khalq", "Mujahedin-E Khalq", "a-b", "-a", "a--b", "x- y", "National Council of Resistance of Iran", "the",
		"Ölkiyet Party", "Ăla-Bala Front", "the \u00c9tat Islamique", "", "of the", "Front\u00a0Populaire", "Co`op Union"}
	acronyms := []string{"EU", "PMOI", "MEK", "AB", "A", "NCRI", "", "OP", "ABF", "EI", "FP", "CU", "X", "E"}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			text := s.Folded().Text
			for at, end := nextAcronym(text, 0); at >= 0; at, end = nextAcronym(text, end) {
				phrases = append(phrases, text[:at])
				acronyms = append(acronyms, text[at+2:end-1])
			}
		})
	})
	found := 0
	for _, p := range phrases {
		for _, a := range acronyms {
			want := byTails(p, a)
			if got := trimExpansion(p, a); got != want {
				t.Errorf("trimExpansion(%q, %q) = %q, the tails give %q", p, a, got, want)
			}
			if want != strings.Join(strings.Fields(p), " ") {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no phrase was cut: the test tells nothing")
	}
	t.Logf("%d phrases, %d acronyms, %d cut", len(phrases), len(acronyms), found)
}

// TestPersonAsDroppingEveryWord: Person, which answers no without asking the
// vocabulary when no ending of the words can be a person's name and none is
// known, answers as the dropping of leading words that asks it of each
// (personDroppingEachWord), for every run of capitalized words of the corpora
// at hand and for runs made to reach each way.
func TestPersonAsDroppingEveryWord(t *testing.T) {
	made := []string{"February Mousa Khiabani", "On February Mousa Khiabani", "The Harbour Institute", "Camp Hurriya",
		"Harbour Camp", "Kazem Rajavi", "The Kazem Rajavi", "Louis Lee Hawkins", "Terrorism Monitor", "Obama Administration",
		"Dr Kazem Rajavi", "President Rajai", "Mojahedin Council", "Pierre de Bousquet", "Maryam  Rajavi", "Maryam Rajavi Army",
		"Massoud Rajavi", "National Council", "National Council of Resistance", "Iran", "Amnesty International", "Camp Ashraf",
		"Bogdan Nowacki", "Free Atlas", "Piotr Nowacki Institute", "The Juniper Coast Revolutionary Alliance", "Juniper Coast Defence Army",
		"Lt. Col. Rajavi", "Institute Rajavi", "Institute Nowacki", "The Observer", "Coastal Observer", "President Review", "Review Rajavi",
		"Holager Market", "Ashraf Market", "Camp Ashraf Market", "Iran Rajavi", "Geneva Kazem Rajavi", "Market Holager"}
	asked, shortcuts := 0, 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			names := append([]string(nil), made...)
			for i := range doc.Sentences {
				f := doc.Sentences[i].Folded().Text
				for _, m := range appendRunsAt(nil, f, appendCapitalWords(nil, f)) {
					names = append(names, f[m[0]:m[1]])
				}
			}
			// Each way over a vocabulary of its own, so that neither answers
			// from what the other asked.
			got, want := NewVocabulary(doc.Text), NewVocabulary(doc.Text)
			for _, name := range names {
				asked++
				e, ok := c.Profile.Person(name, got)
				we, wok := personDroppingEachWord(c.Profile, name, want)
				if e != we || ok != wok {
					t.Fatalf("Person(%q) = %v, %v; dropping each word: %v, %v", name, e, ok, we, wok)
				}
				if n := StripTitle(name); c.Profile.Lookup(n) == nil && len(strings.Fields(n)) > 1 && !c.Profile.mayEndInPerson(strings.Fields(n), n != strings.TrimSpace(name)) && !c.Profile.knowsAnEnding(n, strings.Fields(n)) {
					shortcuts++
				}
			}
		}
	})
	t.Logf("%d of %d names answered without the vocabulary", shortcuts, asked)
	if shortcuts == 0 || shortcuts == asked {
		t.Errorf("%d of %d names answered without the vocabulary: the test compares one way only", shortcuts, asked)
	}
}

// personDroppingEachWord is Person as it was, asking the vocabulary of each
// leading word before it knows whether the rest can be a person.
func personDroppingEachWord(p *Profile, text string, common *Vocabulary) (Entity, bool) {
	name, titled, e, known, ok := p.personNamed(text)
	if known {
		return e, ok
	}
	return p.personDropping(name, strings.Fields(name), titled, common)
}
