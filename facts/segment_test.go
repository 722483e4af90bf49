package facts

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
)

// TestSegmentSentences checks sentence boundaries on real passages copied from the
// seed documents, and on text written for the purpose.
func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "year then full stop ends a sentence",
			text: "In 2003, French police arrested members of the group for suspected terror offences. He was released.",
			want: []string{"In 2003, French police arrested members of the group for suspected terror offences.", "He was released."},
		},
		{
			name: "glued marker stays with its sentence",
			text: "The Mujahedin-E Khalq (MEK) was formed in 1965 by a group of leftist students.[1] Its leaders are Massoud Rajavi and his wife, Maryam Rajavi.[2]",
			want: []string{"The Mujahedin-E Khalq (MEK) was formed in 1965 by a group of leftist students.[1]", "Its leaders are Massoud Rajavi and his wife, Maryam Rajavi.[2]"},
		},
		{
			name: "marker after a space and a full stop",
			text: "In 1986, the NCRI and the leadership of MEK were expelled from France; they subsequently relocated to Iraq. [10] Prior to the U.S. invasion of Iraq, the MEK received support.[11]",
			want: []string{"In 1986, the NCRI and the leadership of MEK were expelled from France; they subsequently relocated to Iraq. [10]", "Prior to the U.S. invasion of Iraq, the MEK received support.[11]"},
		},
		{
			name: "a hard-wrapped paragraph ends at the line that ends a sentence",
			text: "The group moved to Paris\nand then to Rome.[4]\nlater it left\nfor good.",
			want: []string{"The group moved to Paris\nand then to Rome.[4]", "later it left\nfor good."},
		},
		{
			name: "parenthesized work-cited marker",
			text: "From there they relocated to Iraq.(1)\n\n(1) - Merat, A. (2018, November 9). Terrorists.",
			want: []string{"From there they relocated to Iraq.(1)"},
		},
		{
			name: "military ranks and initials",
			text: "Also Lt. Col. Louis Lee Hawkins, a U.S. Army comptroller, was shot dead in Tehran by MEK assailants in 1973. In May 1972, an attack on Brig. Gen. Harold Price was attributed to the MEK. The group was supported by Edward G. Rendell.",
			want: []string{
				"Also Lt. Col. Louis Lee Hawkins, a U.S. Army comptroller, was shot dead in Tehran by MEK assailants in 1973.",
				"In May 1972, an attack on Brig. Gen. Harold Price was attributed to the MEK.",
				"The group was supported by Edward G. Rendell.",
			},
		},
		{
			name: "U.S. before a name goes on, before a sentence starter it ends",
			text: "The MEK assisted in the 1979 takeover of the U.S. Embassy in Tehran. They left the U.S. The group returned.",
			want: []string{"The MEK assisted in the 1979 takeover of the U.S. Embassy in Tehran.", "They left the U.S.", "The group returned."},
		},
		{
			name: "Dr without a full stop",
			text: "On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva. In January 1993, an MEK member was murdered in Baghdad.",
			want: []string{"On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva.", "In January 1993, an MEK member was murdered in Baghdad."},
		},
		{
			name: "hyphenated abbreviation inside a word",
			text: "It was deposed by a U.S.- and U.K.-backed coup in 1953 that restored Mohammad Reza Shah to power.",
			want: []string{"It was deposed by a U.S.- and U.K.-backed coup in 1953 that restored Mohammad Reza Shah to power."},
		},
		{
			name: "hard-wrapped prose is joined",
			text: "The Northern Lights Front was founded in 1972 by students\nat the university, and it moved to Oslo in 1980.\n",
			want: []string{"The Northern Lights Front was founded in 1972 by students\nat the university, and it moved to Oslo in 1980."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Segment(tc.text)
			var got []string
			for _, s := range d.Sentences {
				if s.Kind == Prose || s.Kind == ListItem {
					got = append(got, s.Text)
				}
			}
			if strings.Join(got, "\n|\n") != strings.Join(tc.want, "\n|\n") {
				t.Errorf("sentences:\n got %q\nwant %q", got, tc.want)
			}
			for _, s := range d.Sentences {
				if tc.text[s.Span.Start:s.Span.End] != s.Text {
					t.Errorf("span %v does not hold %q", s.Span, s.Text)
				}
			}
		})
	}
}

// TestSegmentKinds checks that headings, list items, reference lists and debris are
// told apart, with the section each sentence sits under.
func TestSegmentKinds(t *testing.T) {
	text := "top of page\n\nHome Base\n\n  • 1965-1979: Iran[1]\n  • 1981-present: Iraq[2]\n\n== History ==\n\nThe group was founded in 1965.[1]\n\n[1] Jonathan Masters, Backgrounder, 2014.\n\n[2] RAND report, 2009.\n\nGet Involved\n"
	d := Segment(text)
	type row struct {
		kind    SentenceKind
		text    string
		section string
		line    int
	}
	want := []row{
		{Debris, "top of page", "", 1},
		{Heading, "Home Base", "Home Base", 3},
		{ListItem, "1965-1979: Iran[1]", "Home Base", 5},
		{ListItem, "1981-present: Iraq[2]", "Home Base", 6},
		{Heading, "History", "History", 8},
		{Prose, "The group was founded in 1965.[1]", "History", 10},
		{RefLine, "[1] Jonathan Masters, Backgrounder, 2014.", "History", 12},
		{RefLine, "[2] RAND report, 2009.", "History", 14},
		{Debris, "Get Involved", "History", 16},
	}
	if len(d.Sentences) != len(want) {
		for _, s := range d.Sentences {
			t.Logf("%v %q", s.Kind, s.Text)
		}
		t.Fatalf("got %d segments, want %d", len(d.Sentences), len(want))
	}
	for i, w := range want {
		s := d.Sentences[i]
		if s.Kind != w.kind || s.Text != w.text || s.Section != w.section || s.Line != w.line {
			t.Errorf("segment %d: got {%v %q %q line %d}, want {%v %q %q line %d}", i, s.Kind, s.Text, s.Section, s.Line, w.kind, w.text, w.section, w.line)
		}
	}
	if got := d.Citation(2); got != "[2] RAND report, 2009." {
		t.Errorf("Citation(2) = %q", got)
	}
	item := d.Sentences[3]
	if len(item.Markers) != 1 || item.Markers[0].N != 2 {
		t.Fatalf("markers of %q: %v", item.Text, item.Markers)
	}
	if item.Folded().Text != "1981-present: Iraq" {
		t.Errorf("folded text keeps the marker: %q", item.Folded().Text)
	}
}

// TestSegmentSeeds runs the segmenter over the five documents and checks properties
// every segmentation must have, plus the boundaries the documents are known for.
func TestSegmentSeeds(t *testing.T) {
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed documents: %v %v", files, err)
	}
	texts := map[string]*Document{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := Segment(string(b))
		texts[filepath.Base(f)] = d
		prevEnd := 0
		for _, s := range d.Sentences {
			if s.Span.Start < prevEnd || s.Span.End > len(d.Text) || s.Span.Len() == 0 {
				t.Errorf("%s: bad span %v after %d", f, s.Span, prevEnd)
			}
			prevEnd = s.Span.End
			if d.Text[s.Span.Start:s.Span.End] != s.Text {
				t.Errorf("%s: span %v does not hold its text", f, s.Span)
			}
			if got := d.LineOf(s.Span.Start); got != s.Line {
				t.Errorf("%s: line %d, LineOf says %d", f, s.Line, got)
			}
		}
	}
	find := func(file, prefix string) *Sentence {
		for i, s := range texts[file].Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return &texts[file].Sentences[i]
			}
		}
		t.Fatalf("%s: no sentence starts with %q", file, prefix)
		return nil
	}
	if s := find("start.txt", "1981-present"); s.Kind != ListItem || s.Line != 29 || s.Section != "Home Base" {
		t.Errorf("start.txt home-base item: %+v", s)
	}
	if s := find("start.txt", "[18] Jeremiah Goulka"); s.Kind != RefLine {
		t.Errorf("start.txt reference: %v", s.Kind)
	}
	if s := find("wikipedia.txt", "On 24 February 1990"); s.Text != "On 24 February 1990, Dr Kazem Rajavi (a National Council member) was assassinated in Geneva." || s.Line != 280 {
		t.Errorf("wikipedia.txt line 280: %q at %d", s.Text, s.Line)
	}
	if s := find("jamestown.txt", "10. For more details"); s.Kind != RefLine || strings.Contains(texts["jamestown.txt"].Citation(10), "top of page") {
		t.Errorf("jamestown.txt reference 10 keeps its debris: %q", texts["jamestown.txt"].Citation(10))
	}
	if s := find("blog.txt", "top of page"); s.Kind != Debris {
		t.Errorf("blog.txt debris: %v", s.Kind)
	}
	if s := find("wikipedia.txt", "Settlement in Albania"); s.Kind != Heading {
		t.Errorf("wikipedia.txt heading: %v", s.Kind)
	}
}

func TestFoldKeepsOffsets(t *testing.T) {
	text := "People’s Mujahideen – Manëz (“camp”)[3] done"
	at := 100 + strings.Index(text, "[3]")
	markers := []Span{{Start: at, End: at + 3}}
	f := Fold(text, 100, markers)
	if want := `People's Mujahideen - Manez ("camp") done`; f.Text != want {
		t.Fatalf("folded %q, want %q", f.Text, want)
	}
	i := strings.Index(f.Text, "Manez")
	sp := f.Span(i, i+len("Manez"))
	if got := text[sp.Start-100 : sp.End-100]; got != "Manëz" {
		t.Errorf("span of Manez maps to %q", got)
	}
	j := strings.Index(f.Text, `"camp")`) + len(`"camp")`)
	if sp := f.Span(j-1, j); text[sp.Start-100:sp.End-100] != ")" {
		t.Errorf("a span ending before a skipped marker must not take it in: %q", text[sp.Start-100:sp.End-100])
	}
	if FoldString(FoldString(text)) != FoldString(text) {
		t.Error("folding is not idempotent")
	}
}

// TestRefLineNumber: refLineNumber reads every text of up to five characters over
// the bytes that matter, and some longer ones, as the expression it stands for.
func TestRefLineNumber(t *testing.T) {
	re := regexp.MustCompile(`^(?:\[(\d{1,3})\]|\((\d{1,3})\)\s*-?|(\d{1,3})\.)(?:\s+(.*))?$`)
	texts := []string{"[18] Katzman, Kenneth", "(3) - Ibid.", "12. See the report", "1986 was the year", "(1234) x", "[7]\tx\ny", "(3)\n-\tb"}
	texts = append(texts, allTexts(strings.Split("[]()1-. a\n", ""), 5)...)
	refs := 0
	for _, text := range texts {
		wantN, wantOK := 0, false
		if m := re.FindStringSubmatch(text); m != nil {
			wantOK = true
			for _, g := range m[1:4] {
				if g != "" {
					wantN, _ = strconv.Atoi(g)
					break
				}
			}
			refs++
		}
		if n, ok := refLineNumber(text); ok != wantOK || ok && n != wantN {
			t.Errorf("refLineNumber(%q) = %d, %v; the expression reads %d, %v", text, n, ok, wantN, wantOK)
		}
	}
	if refs == 0 || refs == len(texts) {
		t.Fatalf("the expression matches %d of %d texts: the test tells nothing", refs, len(texts))
	}
}

// TestHeadingsAndBulletsAsTheExpressions: headingTitle and bulletLen read every
// text as the expressions they stand for: every string of up to five of their
// characters, and lines of the test corpora (FuzzSegmentQuickPaths, any text).
func TestHeadingsAndBulletsAsTheExpressions(t *testing.T) {
	texts := []string{"== History ==", "=== a = b ===", "=\t=", "==", "=", "= x", "x =", "== é ==\r", "• item", "- item", "-item", "– item", "–item", "* x", "*", "·  two", "\u00a0=x="}
	texts = append(texts, allTexts(strings.Split("= -*x\t", ""), 5)...)
	texts = append(texts, allTexts([]string{"–", "•", " ", "\n", "a", "=", "\u00a0"}, 4)...)
	eachTestCorpus(t, func(t *testing.T, c *Corpus, _ *RuleSet) {
		eachDocument(t, c, func(_ *Source, doc *Document) {
			for _, l := range doc.lines() {
				sp := l.trimmed(doc.Text)
				texts = append(texts, doc.Text[sp.Start:sp.End])
			}
		})
	})
	headings, bullets := 0, 0
	for _, text := range texts {
		if checkHeadingAndBullet(t, text) {
			headings++
		}
		if bulletLen(text) > 0 {
			bullets++
		}
	}
	if headings == 0 || bullets == 0 || headings+bullets == len(texts) {
		t.Fatalf("%d headings and %d bullets among %d texts: the test tells little", headings, bullets, len(texts))
	}
}

// headingRE and bulletRE are what headingTitle and bulletLen read by hand.
var (
	headingRE = regexp.MustCompile(`^=+\s*(.*?)\s*=+$`)
	bulletRE  = regexp.MustCompile(`^(?:[•·▪◦‣∙*]|-(?:\s)|–\s)\s*`)
)

// checkHeadingAndBullet fails the test where headingTitle or bulletLen reads text
// otherwise than its expression, and reports whether text is a heading.
func checkHeadingAndBullet(t *testing.T, text string) bool {
	t.Helper()
	start, end, ok := headingTitle(text)
	if m := headingRE.FindStringSubmatchIndex(text); (m != nil) != ok || ok && (m[2] != start || m[3] != end) {
		t.Errorf("headingTitle(%q) = %d, %d, %v; the expression reads %v", text, start, end, ok, m)
	}
	if got, want := bulletLen(text), len(bulletRE.FindString(text)); got != want {
		t.Errorf("bulletLen(%q) = %d; the expression reads %d", text, got, want)
	}
	return ok
}

// TestSegmentQuickPaths: the shortcuts segmenting takes read as the plain code
// they stand for, on the test corpora and on text beyond ASCII: every sentence's
// line is LineOf its start, every line trimmed is the line without the white space
// unicode.IsSpace sees at its ends, the word before every full stop is the
// text after the last separator, however the separator is encoded, and the
// markers kept from reading the references are those of every line read anew,
// and a line that may continue a paragraph ends a sentence as the paragraph up to
// it does.
func TestSegmentQuickPaths(t *testing.T) {
	checkQuickPaths(t, Segment("\u00a0 “U.S. Embassy” said\u2003Dr. Müller (Jr. ok)\u0085 “Prof. é. Ende\n\t x.\n"))
	checkQuickPaths(t, Segment("It was hard-wrapped [1]\nafter a marker (2)\n“and a quote”\nbut never ended.[3]\n\n[1] One.\n[3] Three.\n"))
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			checkQuickPaths(t, doc)
		}
	})
}

// FuzzSegmentQuickPaths: on any text, the shortcuts read as the plain code, and
// segmenting a sentence at a time hands over the sentences Segment keeps.
func FuzzSegmentQuickPaths(f *testing.F) {
	for _, s := range []string{"hard\nwrapped [1]\nlines (2) \u201d\n[3]\nx", "U.S. forces. He left.", "  “Dr. Kazem Rajavi” (Geneva). [1] x\n\n[1] Ref.", "a\u00a0b.\u0085 C? D! e. F", "== H ==\n* item. Two.\n(3) - ref"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := Segment(text)
		checkQuickPaths(t, doc)
		checkHeadingAndBullet(t, text)
		i := 0
		n := segmentEach(text, nil, nil, func(s *Sentence) {
			if i >= len(doc.Sentences) || s.Span != doc.Sentences[i].Span || s.Line != doc.Sentences[i].Line || s.Kind != doc.Sentences[i].Kind {
				t.Fatalf("sentence %d handed over as %+v, Segment keeps %d sentences", i, *s, len(doc.Sentences))
			}
			i++
		})
		if n != len(doc.Sentences) {
			t.Fatalf("%d sentences counted, Segment keeps %d", n, len(doc.Sentences))
		}
		if got, want := lessonsOf(text, nil), Lessons(doc); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("lessons of the blocks that may teach %v, of every sentence %v", got, want)
		}
	})
}

// checkQuickPaths fails the test where a shortcut of segmenting reads doc
// otherwise than the plain code it stands for.
func checkQuickPaths(t *testing.T, doc *Document) {
	t.Helper()
	text := doc.Text
	for _, s := range doc.Sentences {
		if want := doc.LineOf(s.Span.Start); s.Line != want {
			t.Errorf("sentence %q: line %d, LineOf says %d", s.Text, s.Line, want)
		}
		if got, want := s.hasDigit(), slowHasDigit(&s); got != want {
			t.Errorf("sentence %q with markers %v: hasDigit %v, want %v", s.Text, s.Markers, got, want)
		}
		// Folded takes plain sentences as they are: what Fold gives them.
		var skip []Span
		for _, m := range s.Markers {
			skip = append(skip, m.Span)
		}
		if got, want := *s.Folded(), Fold(s.Text, s.Span.Start, skip); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("sentence %q with markers %v: folded %+v, Fold gives %+v", s.Text, s.Markers, got, want)
		}
	}
	// The markers findMarkers keeps from findReferences's reading are those of
	// every line read anew.
	lines := doc.lines()
	refs, holds := doc.findReferences(lines)
	var want []Marker
	for i, l := range lines {
		if refs[i] || !holds[i] {
			continue
		}
		for _, m := range findMarkers(text[l.Start:l.End]) {
			if _, ok := doc.References[m.N]; ok {
				want = append(want, Marker{Span: Span{l.Start + m.Span.Start, l.Start + m.Span.End}, N: m.N})
			}
		}
	}
	if got := doc.findMarkers(lines, refs, holds); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("markers %v, read line by line %v", got, want)
	}
	for _, l := range lines {
		sp := l.trimmed(text)
		if got, want := text[sp.Start:sp.End], strings.TrimFunc(text[l.Start:l.End], unicode.IsSpace); got != want {
			t.Errorf("line %q trimmed to %q, want %q", text[l.Start:l.End], got, want)
		}
	}
	// Joining hard-wrapped lines reads whether the paragraph so far ends a
	// sentence from its last line alone: so it does for a line that opens with a
	// lower-case letter, whatever comes before it.
	for _, l := range lines {
		sp := l.trimmed(text)
		if r, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End]); !unicode.IsLower(r) {
			continue
		}
		if whole, last := endsSentence(text[:sp.End]), endsSentence(text[sp.Start:sp.End]); whole != last {
			t.Errorf("the text up to line %q ends a sentence: %v; the line alone: %v", text[sp.Start:sp.End], whole, last)
		}
	}
	for i := range len(text) {
		if text[i] == '.' {
			if got, want := lastWord(text[:i]), slowLastWord(text[:i]); got != want {
				t.Errorf("the word before the full stop at %d: %q, want %q", i, got, want)
			}
		}
	}
}

// slowHasDigit is hasDigit a byte at a time, as it was first written.
func slowHasDigit(s *Sentence) bool {
	markers := s.Markers
	for i := 0; i < len(s.Text); i++ {
		if len(markers) > 0 && s.Span.Start+i >= markers[0].Span.Start {
			i = markers[0].Span.End - s.Span.Start - 1
			markers = markers[1:]
			continue
		}
		if c := s.Text[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// TestHasDigitIn: eight bytes at a time, every byte value at every place of
// texts of 1 to 17 bytes over backgrounds next to the digits, and every place of
// a marker in a sentence, read as a byte at a time.
func TestHasDigitIn(t *testing.T) {
	for _, bg := range []byte{'a', '/', ':', ' ', 0x80, 0xb0, 0xff, 0x00, 0x3f, 0x10} {
		for n := 1; n <= 17; n++ {
			for at := range n {
				for c := range 256 {
					b := bytes.Repeat([]byte{bg}, n)
					b[at] = byte(c)
					if got, want := hasDigitIn(string(b)), bytes.ContainsAny(b, "0123456789"); got != want {
						t.Fatalf("hasDigitIn(%q) = %v, want %v", b, got, want)
					}
				}
			}
		}
	}
	text := "In 1986 [12] it moved.[3] Then [4]"
	for start := range len(text) {
		for end := start + 1; end <= len(text); end++ {
			s := Sentence{Text: text, Span: Span{Start: 100, End: 100 + len(text)}, Markers: []Marker{{Span: Span{Start: 100 + start, End: 100 + end}}}}
			if got, want := s.hasDigit(), slowHasDigit(&s); got != want {
				t.Fatalf("marker at [%d, %d): hasDigit %v, want %v", start, end, got, want)
			}
		}
	}
}

// TestPlainASCII: every byte value at every place of texts of 1-17 bytes over
// backgrounds that are plain and not, against the byte-at-a-time reading.
func TestPlainASCII(t *testing.T) {
	slow := func(b []byte) bool {
		return !bytes.ContainsFunc(b, func(r rune) bool { return r >= utf8.RuneSelf || r == '`' })
	}
	for _, bg := range []byte{'a', '`', ' ', 0x5f, 0x61, 0x7f, 0x80, 0xe0, 0x00, 0x20} {
		for n := 1; n <= 17; n++ {
			for at := range n {
				for c := range 256 {
					b := bytes.Repeat([]byte{bg}, n)
					b[at] = byte(c)
					if got, want := plainASCII(string(b)), slow(b); got != want {
						t.Fatalf("plainASCII(%q) = %v, want %v", b, got, want)
					}
				}
			}
		}
	}
}

// slowLastWord is lastWord without its ASCII shortcut.
func slowLastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// TestSegmentEachAsSegment: segmenting a sentence at a time hands over the
// sentences Segment keeps, in order, and what they teach is the same.
func TestSegmentEachAsSegment(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		taught := 0
		for _, src := range c.Sources {
			data, err := fs.ReadFile(c.FS, src.File)
			if err != nil {
				t.Fatal(err)
			}
			doc := Segment(string(data))
			var got []Sentence
			var lessons []Lesson
			n := segmentEach(string(data), nil, nil, func(s *Sentence) {
				lessons = learnFrom(s, lessons)
				kept := *s
				kept.folded, kept.lower, kept.lowered, kept.hasFold, kept.plain = Folded{}, "", false, false, 0
				got = append(got, kept)
			})
			if n != len(doc.Sentences) || len(got) != n {
				t.Fatalf("%s: %d sentences handed over, %d counted, Segment keeps %d", src.ID, len(got), n, len(doc.Sentences))
			}
			got, kept := roomless(got), roomless(doc.Sentences)
			for i := range got {
				if fmt.Sprint(got[i]) != fmt.Sprint(kept[i]) {
					t.Errorf("%s sentence %d: %+v, Segment keeps %+v", src.ID, i, got[i], kept[i])
				}
			}
			want := Lessons(doc)
			if fmt.Sprint(lessons) != fmt.Sprint(want) {
				t.Errorf("%s: lessons %v, from the kept sentences %v", src.ID, lessons, want)
			}
			// TestLessonsOfAsLessons: the first reading splits only the blocks
			// that may teach.
			if got := lessonsOf(string(data), nil); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: lessons of the blocks that may teach %v, of every sentence %v", src.ID, got, want)
			}
			taught += len(want)
		}
		if taught == 0 {
			t.Error("no source has a lesson: the comparison above shows nothing")
		}
	})
}

// foldOffsets is the map back to the source as folding made it before it kept
// pieces: for every folded byte, where its source character starts and ends
// (offsets from base), and the end of the text after the last.
func foldOffsets(text string, base int, skip []Span) (folded string, off, end []int) {
	var b strings.Builder
	emit := func(s string, at, to int) {
		b.WriteString(s)
		for range len(s) {
			off, end = append(off, at), append(end, to)
		}
	}
	for i := 0; i < len(text); {
		if len(skip) > 0 && base+i >= skip[0].Start {
			if base+i < skip[0].End {
				i = skip[0].End - base
			}
			skip = skip[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch s, ok := foldRune[r]; {
		case r == '`':
			emit("'", i, i+1)
		case text[i] < utf8.RuneSelf:
			emit(text[i:i+1], i, i+1)
		case ok:
			emit(s, i, i+size)
		default:
			emit(decomposeAccent(r), i, i+size)
		}
		i += size
	}
	return b.String(), append(off, len(text)), end
}

// sameFold fails the test where Fold's text, spans or indexes differ from those
// of the map kept byte by byte.
func sameFold(t *testing.T, text string, base int, skip []Span) {
	t.Helper()
	f := Fold(text, base, skip)
	want, off, end := foldOffsets(text, base, skip)
	if f.Text != want {
		t.Fatalf("Fold(%q) = %q, want %q", text, f.Text, want)
	}
	for i := 0; i <= len(want); i++ {
		for j := 0; j <= len(want); j++ {
			w := Span{base + off[i], base + off[i]}
			if j > i {
				w.End = base + end[j-1]
			}
			if got := f.Span(i, j); got != w {
				t.Fatalf("Fold(%q).Span(%d, %d) = %v, want %v", text, i, j, got, w)
			}
		}
	}
	for at := base - 2; at <= base+len(text)+2; at++ {
		w := sort.Search(len(off), func(k int) bool { return base+off[k] >= at })
		if len(skip) == 0 && plainASCII(text) { // nothing folded: the text's own offsets
			w = min(max(at-base, 0), len(text))
		}
		if got := f.Index(at); got != w {
			t.Fatalf("Fold(%q).Index(%d) = %d, want %d", text, at, got, w)
		}
	}
}

// TestFoldMapsBack: the pieces folding keeps give every span and index the map
// kept byte by byte gives: in texts made to try each kind of piece (stand-ins of
// one, three and no bytes, accents, backquotes, skipped markers at either end and
// side by side, bytes that are no UTF-8) and in every sentence of the test corpora.
func TestFoldMapsBack(t *testing.T) {
	texts := []string{"", "a", "`", "’", "ë", "\u200b", "…", "a\u200bb", "People’s Mujahideen – Manëz (“camp”)[3] done",
		"[1]a", "a[1]", "a[1][2]b", "x\u200b[1]y", "\xff\xfeab", "a\xffb", "``a``", "…x…", "Camp\u00a0Ashraf", "ë[2]ë", "ab\u00adcd"}
	for _, text := range texts {
		var skip []Span
		for i := strings.Index(text, "["); i >= 0; {
			j := strings.Index(text[i:], "]")
			skip = append(skip, Span{100 + i, 100 + i + j + 1})
			k := strings.Index(text[i+j+1:], "[")
			if k < 0 {
				break
			}
			i += j + 1 + k
		}
		sameFold(t, text, 100, skip)
		sameFold(t, text, 0, nil)
	}
	n := 0
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			if n++; n%7 != 0 && len(s.Markers) == 0 && plainASCII(s.Text) {
				return // a sample of the sentences with nothing to fold
			}
			var skip []Span
			for _, m := range s.Markers {
				skip = append(skip, m.Span)
			}
			sameFold(t, s.Text, s.Span.Start, skip)
		})
	})
}

// FuzzFold: the pieces folding keeps map back as the map kept byte by byte, for any
// text of up to 64 bytes and a skipped range anywhere in it, even inside a character.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"People’s – Manëz[3] done", "a\u200b`b…", "\xffë", "Camp\u00a0Ashraf[12]"} {
		f.Add(s, uint8(2), uint8(3))
	}
	f.Fuzz(func(t *testing.T, text string, at, n uint8) {
		text = text[:min(len(text), 64)]
		var skip []Span
		if int(at) < len(text) {
			skip = []Span{{Start: 100 + int(at), End: 100 + min(len(text), int(at)+int(n%8))}}
		}
		sameFold(t, text, 100, skip)
	})
}

// TestIsDebrisAsEqualFold: isDebris, which compares first letters before
// folding, answers as comparing every phrase folded does: each phrase as written,
// in capitals, with more after it, with a letter that folds to its first one
// beyond ASCII, and every line of four corpora.
func TestIsDebrisAsEqualFold(t *testing.T) {
	slow := func(s string) bool {
		for _, p := range debrisPhrase {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) && (len(s) == len(p) || p == "bottom of page" || p == "top of page") {
				return true
			}
		}
		return false
	}
	texts := []string{"", "T", "\u212aop of page", "\u017fhare this", "Share this article", "TOP OF PAGE 3"}
	for _, p := range debrisPhrase {
		texts = append(texts, p, strings.ToUpper(p), strings.ToUpper(p[:1])+p[1:], p+" now", p[:len(p)-1])
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			data, err := fs.ReadFile(c.FS, src.File)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, strings.Split(string(data), "\n")...)
		}
	})
	sameAnswers(t, "isDebris", "EqualFold", texts, isDebris, slow)
}

// TestColumnsAsColumn: the columns of spans read in the order of their starts,
// and out of it, are those Column gives, on lines of characters beyond ASCII
// and on spans that cross a line's end.
func TestColumnsAsColumn(t *testing.T) {
	doc := Segment("Massoud Rajavi, Kazem Rajavi (کاظم رجوی) in Genève.\nThe group moved to Camp Ashraf – in Iraq – in 1986.\n\nÉtienne, ça va.\n")
	text := doc.Text
	var offsets []int
	for i := range text {
		offsets = append(offsets, i) // the start of every character
	}
	offsets = append(offsets, len(text))
	check := func(c *columns, sp Span) {
		t.Helper()
		start, end := c.spanColumns(sp)
		if start != doc.Column(sp.Start) || end != doc.Column(sp.End) {
			t.Fatalf("span %v (%q): columns %d-%d, Column gives %d-%d", sp, text[sp.Start:sp.End], start, end, doc.Column(sp.Start), doc.Column(sp.End))
		}
	}
	spans := 0
	for _, step := range []int{1, 3, 7} {
		c := columns{d: doc}
		for i := 0; i < len(offsets); i += step {
			for _, n := range []int{0, 1, 5, 40} {
				if j := min(i+n, len(offsets)-1); offsets[j] >= offsets[i] {
					check(&c, Span{offsets[i], offsets[j]})
					spans++
				}
			}
		}
	}
	c := columns{d: doc} // backwards: each start before the last
	for i := len(offsets) - 1; i >= 0; i -= 2 {
		check(&c, Span{offsets[i], offsets[len(offsets)-1]})
	}
	if spans < 100 {
		t.Fatalf("only %d spans compared", spans)
	}
}

// TestSegmentRoomReused: texts segmented one after another in the same room (a
// worker's), short after long and long after short, are segmented as each is in
// a room of its own: the same sentences, markers, references and lines.
func TestSegmentRoomReused(t *testing.T) {
	texts := testCorpusTexts(t)
	texts = append(texts, "", "One line.", "Iraq[1] and Iran.[2]\n\n[1] One.\n[2] Two.")
	var room segmentRoom
	var sentences []Sentence
	for round := range 2 {
		for _, text := range texts {
			want := Segment(text)
			got := segmentInto(text, sentences[:0], &room)
			sentences = got.Sentences
			if fmt.Sprint(roomless(got.Sentences)) != fmt.Sprint(roomless(want.Sentences)) || fmt.Sprint(got.References) != fmt.Sprint(want.References) ||
				fmt.Sprint(got.lineStarts) != fmt.Sprint(want.lineStarts) {
				t.Fatalf("round %d: %.60q segmented in a room used before differs from in a room of its own", round, text)
			}
		}
		slices.Reverse(texts)
	}
}

// TestRunOnIsCutIntoPieces: a run of text with no sentence end, longer than
// maxSentence, becomes pieces of at most maxSentence bytes that cover it in
// order, cut after a comma or semicolon when the second half of the window has
// one, else at a space, else (one endless word) between characters; and a claim
// inside such a run quotes its piece, not the whole run.
func TestRunOnIsCutIntoPieces(t *testing.T) {
	var commas, spaces strings.Builder
	for i := 0; commas.Len() < 5*maxSentence; i++ {
		fmt.Fprintf(&commas, "the group held %d meetings in the hall, ", i)
		fmt.Fprintf(&spaces, "the group held %d meetings in the hall ", i)
	}
	word := strings.Repeat("é", 3*maxSentence) // two bytes each: a cut must fall between them
	for name, text := range map[string]string{"commas": commas.String(), "spaces": spaces.String(), "one word": word} {
		d := Segment(text)
		if len(d.Sentences) < 2 {
			t.Fatalf("%s: %d bytes read as %d sentence(s)", name, len(text), len(d.Sentences))
		}
		prev := 0
		for i, s := range d.Sentences {
			if len(s.Text) > maxSentence || !utf8.ValidString(s.Text) {
				t.Fatalf("%s: sentence %d holds %d bytes (valid UTF-8: %v)", name, i, len(s.Text), utf8.ValidString(s.Text))
			}
			if gap := text[prev:s.Span.Start]; strings.TrimSpace(gap) != "" {
				t.Fatalf("%s: %q between sentences %d and %d is in neither", name, gap, i-1, i)
			}
			if name == "commas" && i < len(d.Sentences)-1 && !strings.HasSuffix(s.Text, ",") {
				t.Errorf("%s: piece %d ends %q, not after a comma", name, i, s.Text[len(s.Text)-20:])
			}
			if name == "spaces" && i < len(d.Sentences)-1 && strings.Contains(text[s.Span.End:s.Span.End+1], "s") {
				t.Errorf("%s: piece %d is cut inside a word", name, i)
			}
			prev = s.Span.End
		}
		if strings.TrimSpace(text[prev:]) != "" {
			t.Fatalf("%s: the text after the last sentence is in none", name)
		}
	}

	founded := "The Amber Front was founded in 1970"
	text := strings.Repeat("and the hall was full of people ", 2*maxSentence/32) + founded + strings.Repeat(" and the hall was full of people", 2*maxSentence/32) + ".\n"
	c, rs := loadRules(t, fstest.MapFS{ManifestName: {Data: []byte("subject: {name: Amber Front}\nsources:\n  - {id: a, file: a.txt}\n")}, "a.txt": {Data: []byte(text)}}, ".")
	found := false
	for _, cl := range mustExtractAll(t, c, rs) {
		if len(cl.Text) > maxSentence {
			t.Errorf("a claim quotes %d bytes", len(cl.Text))
		}
		if cl.Predicate == Founded && cl.Value.String() == "1970" {
			found = true
		}
	}
	if !found {
		t.Errorf("the founding inside a run of %d bytes was not found", len(text))
	}
}

// FuzzRunOnPieces: whatever a run is made of (the input repeated past a few
// times maxSentence, its full stops and line breaks made commas and spaces),
// segmenting gives sentences of at most maxSentence bytes, cut between
// characters, that cover the run but for white space between them.
func FuzzRunOnPieces(f *testing.F) {
	for _, s := range []string{"the group met, ", "é", "a;b c", "Dr. x (1)[2] ", "\u00a0word\u2003", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, piece string) {
		piece = strings.NewReplacer(".", ",", "!", ",", "?", ",", "\n", " ", "\r", " ").Replace(piece)
		if strings.TrimSpace(piece) == "" {
			return
		}
		text := strings.Repeat(piece, 3*maxSentence/len(piece)+1)
		d := Segment(text)
		prev := 0
		for i, s := range d.Sentences {
			if len(s.Text) > maxSentence || s.Span.Start < prev || text[s.Span.Start:s.Span.End] != s.Text {
				t.Fatalf("sentence %d: %d bytes at %v (previous end %d)", i, len(s.Text), s.Span, prev)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("sentence %d cut inside a character", i)
			}
			prev = s.Span.End
		}
	})
}

// TestSentenceBoundHolds: the room made for a text's sentences holds them all,
// for the test corpora's texts as they are and as an encyclopedia writes them, a
// footnote marker after every sentence, where a sentence ends at ".[12] " rather
// than ". " (one source of 16 MB in that shape spent a third of its run growing
// the list).
func TestSentenceBoundHolds(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, _ *RuleSet) {
		for _, s := range c.Sources {
			d, err := c.Read(s)
			if err != nil {
				t.Fatal(err)
			}
			marked := 0
			var b strings.Builder
			for _, part := range strings.SplitAfter(d.Text, ". ") {
				if strings.HasSuffix(part, ". ") {
					marked++
					part = fmt.Sprintf("%s[%d] ", strings.TrimSuffix(part, " "), marked%90+1)
				}
				b.WriteString(part)
			}
			for shape, text := range map[string]string{"as written": d.Text, "footnoted": b.String()} {
				if n, bound := len(Segment(text).Sentences), sentenceBound(text); n > bound {
					t.Errorf("%s, %s: %d sentences, room made for %d", s.ID, shape, n, bound)
				}
			}
		}
	})
}

// TestFoldTableAsDecomposed: the answers foldAccent and foldLower keep per block
// of runes are those worked out for each rune, for every rune the table holds
// and some beyond it.
func TestFoldTableAsDecomposed(t *testing.T) {
	for r := rune(0); r < foldBlocks<<8+512; r++ {
		if got, want := foldAccent(r), decomposeAccent(r); got != want {
			t.Errorf("foldAccent(%U) = %q, decomposed %q", r, got, want)
		}
		if got, want := foldLower(r), foldLowerOf(r); got != want {
			t.Errorf("foldLower(%U) = %q, worked out %q", r, got, want)
		}
	}
	for _, c := range []struct {
		r    rune
		want string
	}{{'ë', "e"}, {'Й', "И"}, {'ç', "c"}, {'ß', "ß"}, {'’', "’"}} {
		if got := foldAccent(c.r); got != c.want {
			t.Errorf("foldAccent(%q) = %q, want %q", c.r, got, c.want)
		}
	}
}

// roomless is a copy of sentences without the room each is folded in, which
// differs from one segmenting to another.
func roomless(sentences []Sentence) []Sentence {
	out := slices.Clone(sentences)
	for i := range out {
		out[i].room = nil
	}
	return out
}

// TestFoldRoomAsFold: the sentences of texts segmented one after the other in
// one room (as a worker does) fold as Fold folds each on its own, and a text's
// folded sentences stay whole while its later ones grow the room into a new
// array; the next text reuses the room.
func TestFoldRoomAsFold(t *testing.T) {
	texts := testCorpusTexts(t)
	texts = append(texts, "Zoë’s “Front”[1] — in Köln.\n\n[1] One.")
	var room segmentRoom
	folded := 0
	for round := range 2 {
		for _, text := range texts {
			doc := segmentInto(text, nil, &room)
			got := make([]Folded, len(doc.Sentences))
			for i := range doc.Sentences {
				got[i] = *doc.Sentences[i].Folded()
			}
			for i, s := range doc.Sentences {
				var skip []Span
				for _, m := range s.Markers {
					skip = append(skip, m.Span)
				}
				want := Fold(s.Text, s.Span.Start, skip)
				if fmt.Sprint(got[i]) != fmt.Sprint(want) {
					t.Fatalf("round %d, sentence %d %.40q: folded in the room %+v, on its own %+v", round, i, s.Text, got[i], want)
				}
				if want.pieces != nil {
					folded++
				}
			}
		}
		slices.Reverse(texts)
	}
	if folded == 0 {
		t.Fatal("no sentence was folded: the test tests nothing")
	}
}

// testCorpusTexts are the texts of every source of the test corpora.
func testCorpusTexts(t *testing.T) []string {
	var texts []string
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			data, err := fs.ReadFile(c.FS, src.File)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	})
	return texts
}

// TestRuneCountAsUTF8: runeCount counts as utf8.RuneCountInString does, over
// every text of the corpora at hand from each of its first offsets, and over
// characters of every width, bytes that are not UTF-8 among them, at every
// place in a word of eight.
func TestRuneCountAsUTF8(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		for _, src := range c.Sources {
			doc, err := c.Read(src)
			if err != nil {
				t.Fatal(err)
			}
			for from := range min(20, len(doc.Text)) {
				if got, want := runeCount(doc.Text[from:]), utf8.RuneCountInString(doc.Text[from:]); got != want {
					t.Fatalf("%s from %d: %d characters, utf8 counts %d", src.ID, from, got, want)
				}
			}
		}
	})
	for _, odd := range []string{"é", "’", "🙂", "\xff", "\xe2\x82", "\xc3", "\x80"} {
		for n := range 20 {
			for at := 0; at <= n; at++ {
				s := strings.Repeat("a", at) + odd + strings.Repeat("b", n-at)
				if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
					t.Fatalf("runeCount(%q) = %d, utf8 counts %d", s, got, want)
				}
			}
		}
	}
}

// TestLastWordAsByRunes: lastWord reads back as the word after the last white
// space, "(", '"' or "“", read rune by rune, over every sentence of the corpora
// at hand cut before each of its full stops, and over made strings.
func TestLastWordAsByRunes(t *testing.T) {
	byRunes := func(s string) string {
		i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
		if i < 0 {
			return s
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	check := func(s string) {
		if got, want := lastWord(s), byRunes(s); got != want {
			t.Fatalf("lastWord(%q) = %q, rune by rune %q", s, got, want)
		}
	}
	for _, s := range []string{"", "word", "two words", "tab\tword", "(Lt", `said "Dr`, "“Gen", "é word", "word é", "a\u00a0Col", "x\u2003Brig", "new\nline"} {
		check(s)
	}
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		eachSentence(t, c, rs, func(_ *extractor, s *Sentence) {
			for i := range len(s.Text) {
				if s.Text[i] == '.' {
					check(s.Text[:i])
				}
			}
		})
	})
}
