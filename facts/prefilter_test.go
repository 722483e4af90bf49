package facts

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/seeds"
)

// TestPrefilterFindsWhatContainsFinds: for every sentence of the embedded corpus and
// every trigger word of the default rules, the prefilter reports the word exactly
// when strings.Contains finds it in the sentence folded and lower-cased, as the
// rules read it.
func TestPrefilterFindsWhatContainsFinds(t *testing.T) {
	p := NewProfile(&Known{Entity: Entity{ID: "org:x", Name: "X", Type: EntityOrganization}}, nil)
	p.complete()
	rs, err := CompileRules(p, RuleFile{"default.yaml", DefaultRules})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.filter.words) < 50 {
		t.Fatalf("only %d trigger words", len(rs.filter.words))
	}
	texts := []string{
		"The group was Founded in 1965 — “officially” — by Mohammad Hanifnejad[3] in Tehran.",
		"Ils ont été expulsés; it was fo[12]unded later, café culture, ´quote´ and `tick`.",
		"ÉTABLISHED? FORMED! relocated\u00a0to, 24\u2013April, known as the Front\u2019s wing.",
	}
	err = fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".txt") {
			b, _ := fs.ReadFile(seeds.FS, path)
			texts = append(texts, string(b))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, text := range texts {
		doc := Segment(text)
		for i := range doc.Sentences {
			s := &doc.Sentences[i]
			h := rs.filter.scan(s)
			lower := s.Lower()
			for id, w := range rs.filter.words {
				if got, want := h.has(id), strings.Contains(lower, w); got != want {
					t.Errorf("%q in %q: prefilter %v, strings.Contains %v", w, s.Text, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d (sentence, word) pairs agree", checked)
}

func TestPrefilterOverlappingWords(t *testing.T) {
	p := newPrefilter([]string{"he", "she", "his", "hers", "found", "founded in", "in"})
	doc := Segment("Ushers said she founded in May.")
	h := p.scan(&doc.Sentences[0])
	for id, w := range p.words {
		if !h.has(id) && w != "his" {
			t.Errorf("%q not found", w)
		}
	}
	if h.has(2) {
		t.Error(`"his" found where there is none`)
	}
}

func TestRequires(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{`{org} was founded in {date}`, "date", true},
		{`{org} was founded(?: in {date})?`, "date", false},
		{`(?:{date}|{period}): {place}`, "date", false},
		{`(?:in {date} {org} moved|{org} moved in {date})`, "date", true},
		{`^{period}\s*:\s*{person}`, "period", true},
		{`{org} (?:moved|fled) to {place}`, "date", false},
	}
	for _, tc := range tests {
		if got := requires(tc.pattern, tc.name); got != tc.want {
			t.Errorf("requires(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

// TestFindDatesWindowsAgree: looking for dates only around digits finds exactly what
// the expression finds over the whole text, on every sentence of the embedded corpus
// and on dates at the edges of long digit-free stretches.
func TestFindDatesWindowsAgree(t *testing.T) {
	pad := strings.Repeat("words without any digit at all ", 4)
	texts := []string{
		pad + "sometime during the second half of 1990" + pad + "on 8 February" + pad,
		"from 24 April 1990 to 27 June 1991, the early 1990s, 1985-86, in the 1960s" + pad + "1965",
		pad + "x1990 and 1990x and September 5, 1965" + pad,
	}
	err := fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".txt") {
			b, _ := fs.ReadFile(seeds.FS, path)
			doc := Segment(string(b))
			for i := range doc.Sentences {
				texts = append(texts, doc.Sentences[i].Folded().Text)
			}
			texts = append(texts, FoldString(string(b))) // and whole documents
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		var want [][2]int
		for _, m := range dateFindRE.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		got := FindDates(text)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("FindDates(%.80q…) = %v, want %v", text, got, want)
		}
	}
}

// TestNameKeyPlainPath: names with nothing to fold take a short path that must give
// what folding gives.
func TestNameKeyPlainPath(t *testing.T) {
	for _, s := range []string{"Maryam Rajavi", "The Northern Lights Front", "NLF", "the group", "Camp Ashraf 3", "THE END", "Theo Lind"} {
		slow := strings.ToLower(FoldString(s))
		slow = strings.TrimPrefix(slow, "the ")
		if got := nameKey(s); got != slow || !plainName(s) {
			t.Errorf("nameKey(%q) = %q, want %q (plain: %v)", s, got, slow, plainName(s))
		}
	}
	for _, s := range []string{"Mojahedin-e Khalq", "Rajavi's", "Dr. Lee", "Café", " x", "a  b"} {
		if plainName(s) {
			t.Errorf("%q is not plain", s)
		}
	}
}

// TestCodecRoundTrip: every claim of the embedded corpus, what its texts teach
// and what its manifest says come back from the cache's encoding as they went in;
// cut or garbled bytes fail to decode without a panic.
func TestCodecRoundTrip(t *testing.T) {
	c, rs := seedRules(t)
	claims, err := ExtractAll(c, rs)
	if err != nil {
		t.Fatal(err)
	}
	// An entry holds one source's claims: their place in a corpus is given as
	// they are put in place (placeIn), never stored.
	for i := range claims {
		claims[i].at = 0
	}
	doc, err := c.Read(c.Sources[0])
	if err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(seeds.FS, ManifestName)
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := parseManifest("compare.yaml", data)
	if err != nil || m.err != nil || len(m.Sources) == 0 || len(m.Entities) == 0 {
		t.Fatalf("the manifest: %v, %v", err, m.err)
	}
	in := entry{Key: "k", Claims: claims, Text: textEntry{Lessons: Lessons(doc)}, Manifest: m, Recent: []recent{{len(data), m.sum}, {12, "x"}}}
	enc := &encoder{}
	enc.entry(in)
	out, err := newDecoder(enc.b).entry()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatal("the entry changed on its way through the codec")
	}
	for _, n := range []int{0, 1, len(enc.b) / 3, len(enc.b) - 1} {
		if _, err := newDecoder(enc.b[:n]).entry(); err == nil {
			t.Errorf("%d of %d bytes decoded", n, len(enc.b))
		}
	}
	garbled := append([]byte(nil), enc.b...)
	for i := 5; i < len(garbled); i += 97 {
		garbled[i] ^= 0xff
	}
	_, _ = newDecoder(garbled).entry() // must not panic
}

// TestOrdinalByArithmetic: day numbers by arithmetic are those of package time,
// for every day from 1800 to 2100 and for days past a month's end.
func TestOrdinalByArithmetic(t *testing.T) {
	for d := (Day{1800, 1, 1}); d.Y <= 2100; {
		if got, want := d.ordinal(), int(d.time().Unix()/86400); got != want {
			t.Fatalf("%v: %d, want %d", d, got, want)
		}
		tm := d.time().AddDate(0, 0, 1)
		d = Day{tm.Year(), int(tm.Month()), tm.Day()}
	}
	for _, d := range []Day{{2001, 2, 30}, {1999, 12, 32}, {2024, 4, 31}, {-1, 3, 1}, {0, 1, 1}} {
		if got, want := d.ordinal(), int(d.time().Unix()/86400); got != want {
			t.Errorf("%v: %d, want %d", d, got, want)
		}
	}
}

// TestScanAllAsScanInto: sentences scanned three walks at a time (then two),
// each walk taking the next sentence when its own ends, give the hits each gives
// scanned alone, for the sentences of the corpora at hand and a generated one
// (markers, characters beyond ASCII, sentences of every length) in runs of
// every length from every start (so that each walk runs out first), and for
// sentences made to leave ASCII at the first byte, the last, or in one only, or
// to be empty.
func TestScanAllAsScanInto(t *testing.T) {
	made := []string{"é was founded", "founded in 1965", "founded in 1965", "é", "killed in 1990 é", "killed",
		"", "members", "members", "", "according to ’ reports", "it was designated", "é", "é", ""}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		p := rs.filter
		var all []*Sentence
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) { all = append(all, s) })
		for _, m := range made {
			all = append(all, &Sentence{Text: m})
		}
		// Markers inside words, which the walks must skip to find them.
		for _, m := range []string{"it was fou[3]nded in 1965", "é mem[12]bers[3]", "[1]killed", "desig(2)nated é[4]"} {
			all = append(all, &Sentence{Text: m, Markers: findMarkers(m)})
		}
		// And markers beyond ASCII, which the walks skip but plainText reads.
		for _, m := range []string{"founded[ⅰ] in 1965", "killed in 1990 [ⅱ]"} {
			at := strings.Index(m, "[")
			all = append(all, &Sentence{Text: m, Markers: []Marker{{Span: Span{at, strings.Index(m, "]") + 1}}}})
		}
		want := make([]hits, len(all))
		for i, s := range all {
			want[i] = p.scanInto(s, make(hits, p.width()))
		}
		runs, marked, markers := 0, 0, 0
		for _, n := range []int{0, 1, 2, 3, 5, 8, len(all)} {
			for from := 0; from+n <= len(all); from += max(1, n/2) {
				got := make([]hits, n)
				for i := range got {
					got[i] = make(hits, p.width())
				}
				for _, s := range all[from : from+n] {
					s.plain = 0
				}
				p.scanAll(n, func(k int) (*Sentence, hits) { return all[from+k], got[k] })
				for i, g := range got {
					s := all[from+i]
					// Each sentence walked knows whether it is plain ASCII.
					if want := map[bool]uint8{true: 1, false: 2}[plainASCII(s.Text)]; s.plain != want {
						t.Fatalf("%q (markers %v) scanned among %d: plain %d, want %d", s.Text, s.Markers, n, s.plain, want)
					}
					if !reflect.DeepEqual(g, want[from+i]) {
						t.Fatalf("%q (markers %v) scanned among %d: %v; alone: %v", s.Text, s.Markers, n, g, want[from+i])
					}
					if slices.ContainsFunc(g, func(w uint64) bool { return w != 0 }) {
						marked++
					}
					if len(s.Markers) > 0 {
						markers++
					}
				}
				runs++
			}
		}
		// Sentences passed over (every third) are not scanned; the others are.
		got := make([]hits, len(all))
		for i := range got {
			got[i] = make(hits, p.width())
		}
		p.scanAll(len(all), func(k int) (*Sentence, hits) {
			if k%3 == 1 {
				return nil, nil
			}
			return all[k], got[k]
		})
		for k := range all {
			want := want[k]
			if k%3 == 1 {
				want = make(hits, p.width())
			}
			if !reflect.DeepEqual(got[k], want) {
				t.Fatalf("%q with every third sentence passed over: %v, want %v", all[k].Text, got[k], want)
			}
		}
		if runs == 0 || marked == 0 || markers == 0 {
			t.Fatalf("%d runs, %d sentences with a trigger word, %d with markers: the test tells little", runs, marked, markers)
		}
	})
}

// TestMeetsAsAnyWord: a sentence's hits meet a set of words (wordsOf) exactly
// when they hold one of its words, whatever words of bits the two use.
func TestMeetsAsAnyWord(t *testing.T) {
	for n := 0; n < 300; n++ {
		width := 1 + n%9
		var ids []int
		for i := 0; i < n%7; i++ {
			ids = append(ids, (n*31+i*97)%(64*width))
		}
		set := wordsOf(ids)
		for _, id := range []int{0, 63, 64 % (64 * width), n % (64 * width), (n * 7) % (64 * width), 64*width - 1} {
			h := make(hits, width)
			h[id/64] |= 1 << (id % 64)
			if got, want := h.meets(set), slices.Contains(ids, id); got != want {
				t.Fatalf("hits holding word %d meet %v (set %v): %v, want %v", id, ids, set, got, want)
			}
		}
		if len(set) > len(ids) {
			t.Fatalf("%d ids make %d words of bits", len(ids), len(set))
		}
	}
}
