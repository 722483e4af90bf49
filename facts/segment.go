package facts

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SentenceKind says what part of a document a sentence is.
type SentenceKind int

// The kinds of segment. Only Prose, ListItem and Heading are read by rules; a
// Reference is the target of a footnote marker, and Debris is page furniture.
const (
	Prose    SentenceKind = iota + 1
	Heading               // "== History ==", "Home Base": a short line standing alone
	ListItem              // "• 1981-present: Iraq[18]", without its bullet
	RefLine               // "[18] Jeremiah Goulka, …": what a marker cites
	Debris                // "top of page", "Get Involved"
)

var sentenceKindNames = [...]string{"", "prose", "heading", "list-item", "reference", "debris"}

func (k SentenceKind) String() string {
	if k < 0 || int(k) >= len(sentenceKindNames) {
		return fmt.Sprintf("SentenceKind(%d)", int(k))
	}
	return sentenceKindNames[k]
}

// Marker is a footnote marker in running text: "[18]" glued to "Iraq", or "(1)" after
// a full stop. N is the number it cites.
type Marker struct {
	Span Span
	N    int
}

// Sentence is one segment of a document with its exact place in the source.
type Sentence struct {
	Index   int
	Kind    SentenceKind
	Span    Span   // the verbatim sentence, trimmed, trailing markers included
	Line    int    // 1-based line of Span.Start
	Text    string // the verbatim sentence
	Block   int    // index of the paragraph, list item or heading it belongs to
	Section string // the nearest heading above it
	Markers []Marker
	folded  Folded // Text folded for matching, made on first use (held here, not allocated apart: every other sentence is folded)
	lower   string // folded.Text in lower case, made on first use
	lowered bool
	hasFold bool      // folded is made
	plain   uint8     // whether Text is plainASCII: 0 not asked yet, 1 yes, 2 no
	room    *foldRoom // where it is folded: its text's (nil: apart)
}

// Folded is the sentence folded for matching, with its footnote markers left out.
// It is made on first use: most sentences of a long text are never matched.
func (s *Sentence) Folded() *Folded {
	if !s.hasFold && len(s.Markers) == 0 && s.plainText() {
		s.folded, s.hasFold = Folded{Text: s.Text, base: s.Span.Start}, true // what Fold gives
	}
	if !s.hasFold {
		var few [4]Span // most sentences have fewer markers
		skip := few[:0]
		for _, m := range s.Markers {
			skip = append(skip, m.Span)
		}
		s.folded, s.hasFold = fold(s.Text, s.Span.Start, skip, true, s.room), true
	}
	return &s.folded
}

// plainText is plainASCII(s.Text), found once: the names rule asks it of most
// sentences, and folding of those it reads.
func (s *Sentence) plainText() bool {
	if s.plain == 0 {
		s.plain = 2
		if plainASCII(s.Text) {
			s.plain = 1
		}
	}
	return s.plain == 1
}

// hasDigit reports whether the sentence holds a digit outside its footnote markers.
func (s *Sentence) hasDigit() bool {
	i := 0 // where the text after the last marker begins
	for _, m := range s.Markers {
		if start := min(m.Span.Start-s.Span.Start, len(s.Text)); start > i && hasDigitIn(s.Text[i:start]) {
			return true
		}
		if i = max(i, m.Span.End-s.Span.Start); i >= len(s.Text) {
			return false
		}
	}
	return hasDigitIn(s.Text[i:])
}

// hasDigitIn reports whether text holds an ASCII digit, eight bytes at a time:
// every sentence is asked, and most hold none.
func hasDigitIn(text string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(text); i += 8 {
		w := word8(text[i : i+8])
		// A digit, 0x30-0x39, is the one byte that 0x30 turns into one below 10;
		// a byte of 0x80 or more stays at 0x80 or more, which the test leaves out.
		// Borrows only carry past a byte that is below 10, so nothing else shows.
		x := w ^ 0x30*ones
		if (x-10*ones)&^x&highs != 0 {
			return true
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// runeCount is utf8.RuneCountInString(s), reading eight bytes at a time while
// they are ASCII: columns are counted from a line's start to each claim, over
// lines of whole paragraphs.
func runeCount(s string) int {
	const highs = 0x8080808080808080
	n := 0
	for i := 0; i < len(s); n++ {
		for i+8 <= len(s) && word8(s[i:])&highs == 0 {
			i, n = i+8, n+8
		}
		if i == len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// word8 is the eight bytes of b as one word, little-endian: one load, as the
// compiler reads it.
func word8(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Lower is the folded sentence in lower case, for trigger words.
func (s *Sentence) Lower() string {
	if !s.lowered {
		s.lower, s.lowered = strings.ToLower(s.Folded().Text), true
	}
	return s.lower
}

// Reference is what a footnote number stands for: the line in the document's
// reference list or works cited.
type Reference struct {
	N    int
	Line int
	Text string
}

// Document is a source segmented into sentences, with its reference list.
type Document struct {
	Text       string
	Sentences  []Sentence
	References map[int]Reference
	lineStarts []int
	addedLine  int // the line of the last sentence added, where the next one's search starts
	count      int // of the sentences added
	// each, when set, is handed each sentence (current) instead of Sentences
	// keeping it, and wants, when set too, is asked first about each block: the
	// sentences of a block it declines are neither split out nor handed over.
	each    func(*Sentence)
	wants   func(block string) bool
	current Sentence
	room    *segmentRoom // where split makes its lists, nil for new ones
}

// segmentRoom is the room segmenting a text makes its lists in, besides the
// sentences: a worker keeps it from text to text, and each text finds it grown
// as the texts before needed, not to be grown again.
type segmentRoom struct {
	lineStarts []int
	lines      []lineSpan
	flags      []bool // the reference lines, and the lines that may hold a marker
	refAt      []int16
	markers    []Marker
	found      []Marker // the markers of one line
	// inLines are the markers of the body's lines as findReferences read them
	// (every line that may hold one and opens no reference), in order, their spans
	// in the text: line i's are inLines[lineMarkers[i]:lineMarkers[i+1]].
	inLines     []Marker
	lineMarkers []int32
	// listed says which numbers the reference list holds (findReferences), for
	// findMarkers: a first reading, which keeps no references, asks it too.
	listed [maxReference + 1]bool
	fold   foldRoom // where the sentences are folded
}

// grown returns s with n elements, reusing its array when it can; what they
// hold is for the caller to set.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// LineOf returns the 1-based line of a byte offset.
func (d *Document) LineOf(offset int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset })
}

// Column returns the 1-based column of a byte offset, in Unicode code points.
func (d *Document) Column(offset int) int {
	start := d.lineStarts[d.LineOf(offset)-1]
	return runeCount(d.Text[start:offset]) + 1
}

// columns gives the columns of offsets read in order, as Column does, counting
// the characters from the offset before on its line rather than from the line's
// start again: a paragraph is one line, and a claim's words may stand a thousand
// characters into it.
type columns struct {
	d          *Document
	line, from int // the line start and the offset counted up to
	col        int // Column(from)
}

// at is d.Column(offset), for offsets not below the one before on their line.
func (c *columns) at(offset int) int {
	start := c.d.lineStarts[c.d.LineOf(offset)-1]
	if c.col == 0 || start != c.line || offset < c.from {
		c.line, c.from, c.col = start, start, 1
	}
	c.col += runeCount(c.d.Text[c.from:offset])
	c.from = offset
	return c.col
}

// spanColumns returns the columns of a span's start and end: the end's counted
// on from the start's when the span keeps to one line.
func (c *columns) spanColumns(sp Span) (start, end int) {
	start = c.at(sp.Start)
	if strings.IndexByte(c.d.Text[sp.Start:sp.End], '\n') >= 0 {
		return start, c.d.Column(sp.End)
	}
	return start, start + runeCount(c.d.Text[sp.Start:sp.End])
}

// Citation returns the reference text for marker n, or "" when the document has none.
func (d *Document) Citation(n int) string { return d.References[n].Text }

var (
	multiAbbrRE  = regexp.MustCompile(`^(?:[A-Za-z]\.)+[A-Za-z]$`)
	debrisPhrase = []string{"top of page", "bottom of page", "get involved", "skip to content", "skip to main content", "back to top", "share this", "print this page", "read more"}
)

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "Jr": true, "Sr": true,
	"Lt": true, "Col": true, "Gen": true, "Brig": true, "Capt": true, "Maj": true, "Sgt": true, "Adm": true,
	"Gov": true, "Sen": true, "Rep": true, "Rev": true, "Hon": true, "Mt": true, "Ft": true, "No": true,
	"Nos": true, "Vol": true, "vs": true, "Inc": true, "Ltd": true, "Co": true, "Corp": true, "Jan": true,
	"Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true,
	"Oct": true, "Nov": true, "Dec": true, "e.g": true, "i.e": true, "cf": true, "al": true, "approx": true,
	"p": true, "pp": true, "ca": true, "c": true, "Ph.D": true, "Gens": true, "Messrs": true,
}

// abbreviationsFirst and abbreviationsLongest say what the words before most full
// stops are not: a word longer than every abbreviation, or opening with a letter
// none opens with, is looked up no further.
var abbreviationsFirst, abbreviationsLongest = func() (first [256]bool, longest int) {
	for a := range abbreviations {
		first[a[0]] = true
		longest = max(longest, len(a))
	}
	return first, longest
}()

// sentenceStarters are words that, after an abbreviation such as "U.S.", show that a
// new sentence has begun ("… in the U.S. The group …").
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "This": true, "These": true,
	"Those": true, "In": true, "On": true, "At": true, "By": true, "For": true, "But": true,
	"However": true, "A": true, "An": true, "We": true, "His": true, "Her": true, "Its": true,
	"Their": true, "After": true, "Before": true, "During": true, "According": true, "Although": true,
	"While": true, "When": true, "Since": true, "Some": true, "Many": true, "Most": true, "There": true,
}

// Segment splits a source into sentences. It is robust to what real documents hold:
// bullet lists, "== headings ==", footnote markers glued to words ("Iraq[18]") or set
// after a full stop ("Iraq. [10]", "Iraq.(1)"), abbreviations (U.S., Lt. Col., Brig.
// Gen., Dr), initials, reference lists and web-page debris. Footnote markers are kept
// on the sentence (and left out of its folded text) so claims can cite them.
//
// Lines are read first: a blank line, a heading, a list item and a reference each
// end a block; a line that ends without punctuation and is followed by one starting
// in lower case is joined to it (hard-wrapped prose). Blocks are then split at
// sentence-ending punctuation followed by a capital, a digit or a quote, unless the
// word before is an abbreviation or an initial.
func Segment(text string) *Document {
	return segmentInto(text, make([]Sentence, 0, sentenceBound(text)), nil)
}

// sentenceBound is how many sentences text may hold: most sentences end at a
// full stop and a space, at a full stop and a footnote marker ("in 1986.[12]"),
// or at the end of a line. Room made for them spares growing the list again and
// again.
func sentenceBound(text string) int {
	return strings.Count(text, ". ") + strings.Count(text, ".[") + strings.Count(text, "\n") + 1
}

// segmentInto is Segment adding the sentences to room, which must be empty: the
// first reading of a text counted them, and it is read again to extract its
// claims.
func segmentInto(text string, room []Sentence, lists *segmentRoom) *Document {
	d := &Document{Text: text, References: map[int]Reference{}, Sentences: room, room: lists}
	d.split()
	return d
}

// segmentEach segments text and hands each sentence to fn as it is found, in
// order, instead of keeping them: the first reading of a source, which only
// learns from them, its lists made in lists (nil for new ones). The sentence is
// fn's only for the call. wants, when not nil, is asked about each block (a
// paragraph, a list item, a heading, a line of the reference list) first, and
// only the sentences of the blocks it wants are split out and handed over: most
// paragraphs teach nothing, and which do shows in their words (mayTeach). It
// returns how many sentences were handed over.
func segmentEach(text string, lists *segmentRoom, wants func(block string) bool, fn func(*Sentence)) int {
	d := &Document{Text: text, each: fn, wants: wants, room: lists}
	d.split()
	return d.count
}

// split reads the lines of d.Text into sentences, which d.add keeps or hands over.
func (d *Document) split() {
	text := d.Text
	if d.room == nil {
		d.room = &segmentRoom{}
	}
	r := d.room
	// The texts folded in the room before are of a text done with.
	r.fold.text, r.fold.pieces = r.fold.text[:0], r.fold.pieces[:0]
	d.lineStarts = grown(r.lineStarts, strings.Count(text, "\n")+1)[:1]
	d.lineStarts[0] = 0
	for i := 0; ; {
		n := strings.IndexByte(text[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
		d.lineStarts = append(d.lineStarts, i)
	}
	r.lineStarts = d.lineStarts
	lines := d.lines()
	refLines, holds := d.findReferences(lines)
	markers := d.findMarkers(lines, refLines, holds)

	section := ""
	block := 0
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		body := ln.trimmed(text)
		if body.Len() == 0 {
			continue
		}
		s := text[body.Start:body.End]
		switch {
		case refLines[i]:
			d.add(RefLine, body, block, section, nil)
		case isDebris(s):
			d.add(Debris, body, block, section, nil)
		case isHeading(s):
			start, end, _ := headingTitle(s)
			h := Span{body.Start + start, body.Start + end}
			section = text[h.Start:h.End]
			d.add(Heading, h, block, section, nil)
		case bulletLen(s) > 0:
			item := Span{body.Start + bulletLen(s), body.End}
			d.addSentences(ListItem, item, block, section, markers)
		case d.isHeadingLine(lines, i, s):
			section = s
			d.add(Heading, body, block, section, nil)
		default:
			// Join hard-wrapped continuation lines into one paragraph. Whether
			// the paragraph so far ends a sentence is read from its last line
			// alone: a footnote marker never spans lines, and a joined line opens
			// with a lower-case letter, so what ends the paragraph is in it
			// (checkQuickPaths). Read from the whole paragraph each time, a text
			// of a million short lines took minutes.
			last := s
			for i+1 < len(lines) && continues(last, lines[i+1].trimmed(text), text) && !refLines[i+1] {
				i++
				line := lines[i].trimmed(text)
				body.End, last = line.End, text[line.Start:line.End]
			}
			d.addSentences(Prose, body, block, section, markers)
		}
		block++
	}
}

type lineSpan struct{ Span }

func (l lineSpan) trimmed(text string) Span {
	s, e := l.Start, l.End
	for s < e {
		if c := text[s]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			s++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		if c := text[e-1]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return Span{s, e}
}

func (d *Document) lines() []lineSpan {
	out := grown(d.room.lines, len(d.lineStarts)) // split made the room
	d.room.lines = out
	for i, start := range d.lineStarts {
		end := len(d.Text)
		if i+1 < len(d.lineStarts) {
			end = d.lineStarts[i+1] - 1
		}
		out[i] = lineSpan{Span{start, end}}
	}
	return out
}

// findReferences marks the lines of a reference list: a line that opens with a
// number in one of the usual styles ("[18] …", "(3) - …", "1. See …") whose number
// the body also uses as a marker, and records what each number cites. holds says
// which lines have a bracket, and so may hold a marker.
func (d *Document) findReferences(lines []lineSpan) (refs, holds []bool) {
	// A reference list numbers with one to three digits: the numbers the body uses
	// are marked in an array, and each line's look is read once for both passes
	// and for findMarkers.
	var used [maxReference + 1]bool
	r := d.room
	r.listed = [maxReference + 1]bool{}
	found := r.found[:0]
	defer func() { r.found = found }()
	r.flags = room(r.flags, 2*len(lines))
	refs, holds = r.flags[:len(lines)], r.flags[len(lines):]
	r.refAt = grown(r.refAt, len(lines)) // the number a reference line opens with, else -1
	refAt := r.refAt
	// The markers read here are kept for findMarkers, which would otherwise read
	// the same lines again.
	r.lineMarkers = grown(r.lineMarkers, len(lines)+1)
	inLines := r.inLines[:0]
	defer func() { r.inLines = inLines }()
	for i, ln := range lines {
		r.lineMarkers[i] = int32(len(inLines))
		body := ln.trimmed(d.Text)
		s := d.Text[body.Start:body.End]
		refAt[i] = -1
		// A line longer than a sentence may be is no reference (each claim that
		// cites one copies it): it is read as prose, and cut.
		if n, isRef := refLineNumber(s); isRef && len(s) <= maxSentence {
			refAt[i] = int16(n)
		}
		if holds[i] = mayHoldMarker(s); !holds[i] || refAt[i] >= 0 {
			continue
		}
		found = appendMarkers(found[:0], s)
		for _, m := range found {
			if m.N >= 0 && m.N < len(used) {
				used[m.N] = true
			}
			inLines = append(inLines, Marker{Span: Span{body.Start + m.Span.Start, body.Start + m.Span.End}, N: m.N})
		}
	}
	r.lineMarkers[len(lines)] = int32(len(inLines))
	listed := 0
	for i := range lines {
		if n := int(refAt[i]); n >= 0 && used[n] {
			listed++
		}
	}
	// A first reading hands its sentences over and keeps no references: the
	// lines are only marked, and the numbers listed.
	keep := d.each == nil
	if keep && listed > 0 && len(d.References) == 0 {
		d.References = make(map[int]Reference, listed) // made once, not grown entry by entry
	}
	for i, ln := range lines {
		n := int(refAt[i])
		if n < 0 || !used[n] {
			continue
		}
		refs[i] = true
		if !r.listed[n] && keep {
			body := ln.trimmed(d.Text)
			d.References[n] = Reference{N: n, Line: i + 1, Text: cleanReference(d.Text[body.Start:body.End])}
		}
		r.listed[n] = true
	}
	return refs, holds
}

func cleanReference(s string) string {
	for _, p := range debrisPhrase {
		// The first letters first, as in isDebris.
		if len(s) > len(p) && s[len(s)-len(p)]|0x20 == p[0] && strings.EqualFold(s[len(s)-len(p):], p) {
			s = s[:len(s)-len(p)]
		}
	}
	return strings.TrimSpace(s)
}

// findMarkers returns the footnote markers in the body (not in the reference list),
// sorted by offset. Only numbers that have a reference count, so "(1)" in prose that
// has no reference list stays text. holds says which lines may hold one.
func (d *Document) findMarkers(lines []lineSpan, refLines, holds []bool) []Marker {
	r := d.room
	out, found := r.markers[:0], r.found[:0]
	defer func() { r.markers, r.found = out, found }()
	for i, ln := range lines {
		if refLines[i] || !holds[i] {
			continue
		}
		inLine := r.inLines[r.lineMarkers[i]:r.lineMarkers[i+1]] // the line's markers, their spans in the text
		if r.refAt[i] >= 0 {
			// A line that opens with a number no marker cites: read here only.
			found = appendMarkers(found[:0], d.Text[ln.Start:ln.End])
			for k := range found {
				found[k].Span = Span{ln.Start + found[k].Span.Start, ln.Start + found[k].Span.End}
			}
			inLine = found
		}
		for _, m := range inLine {
			if m.N >= 0 && m.N <= maxReference && r.listed[m.N] {
				out = append(out, m)
			}
		}
	}
	return out
}

func isDebris(s string) bool {
	for _, p := range debrisPhrase {
		// The first letters first: folded alike, they are the same ASCII letter
		// (a character beyond ASCII takes more bytes than the letter it folds to).
		if len(s) < len(p) || s[0]|0x20 != p[0] || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		if len(s) == len(p) || p == "bottom of page" || p == "top of page" {
			return true
		}
	}
	return false
}

// isHeadingLine tells a short line standing alone ("Home Base", "Founding Year",
// "January 2015") from prose: no closing punctuation, and not followed by a line
// that continues it.
func (d *Document) isHeadingLine(lines []lineSpan, i int, s string) bool {
	// More than 80 characters is no heading: past 320 bytes there are more than
	// 80 however wide each is, and only between 81 and 320 bytes need counting.
	if len(s) > 320 || len(s) > 80 && utf8.RuneCountInString(s) > 80 || endsSentence(s) {
		return false
	}
	if i+1 < len(lines) && continues(s, lines[i+1].trimmed(d.Text), d.Text) {
		return false
	}
	return true
}

func endsSentence(s string) bool {
	if mayHoldMarker(s) {
		var b strings.Builder
		at := 0
		for _, m := range findMarkers(s) {
			b.WriteString(s[at:m.Span.Start])
			at = m.Span.End
		}
		s = b.String() + s[at:]
	}
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, `"')]”’ `)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,", r)
}

// continues reports whether the next line carries on the sentence of this one, as in
// hard-wrapped prose.
func continues(s string, next Span, text string) bool {
	if next.Len() == 0 || endsSentence(s) {
		return false
	}
	n := text[next.Start:next.End]
	if bulletLen(n) > 0 || isHeading(n) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n)
	return unicode.IsLower(r)
}

func (d *Document) add(kind SentenceKind, sp Span, block int, section string, markers []Marker) {
	if kind != Prose && kind != ListItem && d.declines(sp) {
		return // a block of one sentence; addSentences asks about the others
	}
	// The sentence is written where it is kept (a composite literal, so that a
	// field added to Sentence cannot be left over from the sentence before).
	s := &d.current
	if d.each == nil {
		d.Sentences = slices.Grow(d.Sentences, 1)
		d.Sentences = d.Sentences[:len(d.Sentences)+1]
		s = &d.Sentences[len(d.Sentences)-1]
	}
	*s = Sentence{
		Index:   d.count,
		Kind:    kind,
		Span:    sp,
		Line:    d.lineForAdd(sp.Start),
		Text:    d.Text[sp.Start:sp.End],
		Block:   block,
		Section: section,
		Markers: markers,
		room:    &d.room.fold,
	}
	d.count++
	if d.each != nil {
		d.each(s)
	}
}

// declines reports whether the block at sp is one whose sentences are not
// wanted (see segmentEach).
func (d *Document) declines(sp Span) bool {
	return d.wants != nil && !d.wants(d.Text[sp.Start:sp.End])
}

// lineForAdd is LineOf for the sentence being added: segmenting adds them in the
// order of the text, so the search walks on from the line of the one before.
func (d *Document) lineForAdd(offset int) int {
	if d.addedLine == 0 || d.lineStarts[d.addedLine-1] > offset {
		d.addedLine = d.LineOf(offset)
		return d.addedLine
	}
	for d.addedLine < len(d.lineStarts) && d.lineStarts[d.addedLine] <= offset {
		d.addedLine++
	}
	return d.addedLine
}

// addSentences splits one block into sentences and adds them.
func (d *Document) addSentences(kind SentenceKind, block Span, blockIndex int, section string, markers []Marker) {
	if d.declines(block) {
		return
	}
	text := d.Text
	// The markers are in order and apart: those within the block are a run of
	// them, shared, not copied (capped, so that an append cannot reach past it).
	lo, _ := slices.BinarySearchFunc(markers, block.Start, func(m Marker, start int) int { return cmp.Compare(m.Span.Start, start) })
	hi := lo
	for hi < len(markers) && markers[hi].Span.Start < block.End {
		hi++
	}
	inBlock := markers[lo:hi:hi]
	for len(inBlock) > 0 && !block.Contains(inBlock[len(inBlock)-1].Span) {
		inBlock = inBlock[:len(inBlock)-1] // one that begins inside and ends beyond
	}
	markerAt := func(pos int) (Marker, bool) {
		for _, m := range inBlock {
			if m.Span.Start == pos {
				return m, true
			}
		}
		return Marker{}, false
	}
	start := block.Start
	add := func(sp Span) {
		// The block's markers are in order and apart, so those within the
		// sentence are a run of them: shared, not copied (capped, so that an
		// append cannot reach the next sentence's).
		var ms []Marker
		for a := range inBlock {
			if sp.Contains(inBlock[a].Span) {
				b := a + 1
				for b < len(inBlock) && sp.Contains(inBlock[b].Span) {
					b++
				}
				ms = inBlock[a:b:b]
				break
			}
		}
		d.add(kind, sp, blockIndex, section, ms)
	}
	emit := func(end int) {
		sp := trimSpan(text, Span{start, end})
		for sp.Len() > maxSentence {
			cut := cutRunOn(text, sp)
			add(trimSpan(text, Span{sp.Start, cut}))
			sp = trimSpan(text, Span{cut, sp.End})
		}
		if sp.Len() > 0 {
			add(sp)
		}
		start = end
	}
	// Most blocks end their sentences with full stops alone: IndexByte finds them
	// many bytes at a time.
	enders := "."
	if b := text[block.Start:block.End]; strings.IndexByte(b, '!') >= 0 || strings.IndexByte(b, '?') >= 0 {
		enders = ".!?"
	}
	for i := block.Start; i < block.End; i++ {
		n := strings.IndexAny(text[i:block.End], enders)
		if n < 0 {
			break
		}
		i += n
		c := text[i]
		j := i + 1
		for j < block.End {
			n := 1
			if c := text[j]; c < utf8.RuneSelf {
				// Most often a space: the closers beyond ASCII are not asked.
				if c != '"' && c != '\'' && c != ')' && c != ']' {
					break
				}
			} else {
				var r rune
				if r, n = utf8.DecodeRuneInString(text[j:]); !strings.ContainsRune(`"')]”’»`, r) {
					break
				}
			}
			if _, isMarker := markerAt(j); isMarker {
				break
			}
			j += n
		}
		end := j
		k := j
		spaced := false
		for k < block.End {
			// A white space of ASCII opens no marker (markers open with "[" or
			// "("): the common case, read without the lookups below.
			if c := text[k]; c < utf8.RuneSelf && c != '[' && c != '(' {
				if !asciiSpace(c) {
					break
				}
				spaced = true
				k++
				continue
			}
			if m, ok := markerAt(k); ok {
				k = m.Span.End
				end = k
				continue
			}
			// A marker with no reference list behind it still ends with its sentence.
			if n := markerLen(text[k:block.End]); n > 0 {
				k += n
				end = k
				continue
			}
			r, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) {
				break
			}
			spaced = true
			k += n
		}
		if k >= block.End {
			emit(block.End)
			return
		}
		if !spaced && end == j {
			continue // "U.S.-backed", "3.5"
		}
		if !opensSentence(text[k:block.End]) {
			continue
		}
		if c == '.' && !breaksAfter(text[start:i], text[k:block.End]) {
			continue
		}
		emit(end)
		i = end - 1
	}
	emit(block.End)
}

// maxSentence is the most bytes a sentence may hold. Prose seldom passes a
// thousand (the longest in the five seeds is 442); a run longer than this with
// no sentence end in it (a transcript without punctuation, a table flattened
// into one line) is not a sentence, and taken as one it would make every claim
// in it quote all of it (a copy per claim) and every rule search all of it.
// cutRunOn cuts it into pieces of at most this size: 2 KB, some 350 words, past
// any sentence a reporter writes. On the generated corpus written without full
// stops, pieces of 1, 2 and 4 KB gave 2,763, 2,766 and 2,776 claims (3,138 as
// prose) at 19.9, 14.8 and 8.5 MB/s: the rules' searches within a piece grow with
// its size.
const maxSentence = 2048

// cutRunOn returns where the first piece of sp, a run longer than maxSentence
// with no sentence end in it, ends: after the last semicolon or comma in the
// second half of its first maxSentence bytes, else at the last space there,
// else (one word of thousands of bytes) at the last character that fits.
func cutRunOn(text string, sp Span) int {
	window := text[sp.Start : sp.Start+maxSentence]
	half := window[maxSentence/2:]
	for _, sep := range []string{"; ", ", "} {
		if i := strings.LastIndex(half, sep); i >= 0 {
			return sp.Start + maxSentence/2 + i + 1
		}
	}
	if i := strings.LastIndexAny(window, " \t\n"); i > 0 {
		return sp.Start + i
	}
	cut := sp.Start + maxSentence
	for cut > sp.Start+1 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return cut
}

// markerLen is the length of the footnote marker that s opens with ("[18]", "(3)"),
// or 0 when it opens with none.
func markerLen(s string) int {
	if len(s) < 3 || s[0] != '[' && s[0] != '(' {
		return 0
	}
	if ms := findMarkers(s[:min(len(s), 5)]); len(ms) > 0 && ms[0].Span.Start == 0 {
		return ms[0].Span.End
	}
	return 0
}

// findMarkers finds the footnote markers in s: one to three digits in square
// brackets ("[18]") or in parentheses ("(3)"). Spans are offsets in s.
func findMarkers(s string) []Marker { return appendMarkers(nil, s) }

// appendMarkers appends the footnote markers in s to out.
func appendMarkers(out []Marker, s string) []Marker {
	// The brackets are found by IndexByte, which skips the text between them
	// many bytes at a time; each is looked for again only once passed.
	square, round := -1, -1
	for i := 0; i < len(s); i++ {
		if square < i {
			if square = strings.IndexByte(s[i:], '['); square >= 0 {
				square += i
			} else {
				square = len(s)
			}
		}
		if round < i {
			if round = strings.IndexByte(s[i:], '('); round >= 0 {
				round += i
			} else {
				round = len(s)
			}
		}
		if i = min(square, round); i >= len(s) {
			break
		}
		open := s[i]
		close := byte(']')
		if open == '(' {
			close = ')'
		}
		j, n := i+1, 0
		for j < len(s) && j-i <= 3 && s[j] >= '0' && s[j] <= '9' {
			n = n*10 + int(s[j]-'0')
			j++
		}
		if j > i+1 && j < len(s) && s[j] == close {
			out = append(out, Marker{Span: Span{i, j + 1}, N: n})
			i = j
		}
	}
	return out
}

// mayHoldMarker is a quick test before markers are looked for: a marker needs a bracket.
func mayHoldMarker(s string) bool {
	return strings.IndexByte(s, '[') >= 0 || strings.IndexByte(s, '(') >= 0
}

// maxReference is the largest number a reference list opens a line with: one to
// three digits (refLineNumber).
const maxReference = 999

// refLineNumber reads the number a line of a reference list opens with: "[18]",
// "(3)" with an optional dash after it ("(3) - …"), "1.", of one to three digits,
// followed by the end of the line or by white space. It is the expression
// `^(?:\[(\d{1,3})\]|\((\d{1,3})\)\s*-?|(\d{1,3})\.)(?:\s+(.*))?$` read by hand
// (TestRefLineNumber holds the two together): run on every line that opens with
// a digit or a bracket, the expression cost a tenth of segmenting.
func refLineNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	open := s[0]
	i := 0
	if open == '[' || open == '(' {
		i = 1
	}
	j := i
	for j < len(s) && j-i < 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || j-i > 3 || j == len(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s[i:j])
	switch rest := s[j+1:]; {
	case open == '[' && s[j] == ']', open >= '0' && open <= '9' && s[j] == '.':
		return n, spacedTail(rest)
	case open == '(' && s[j] == ')':
		if spacedTail(rest) {
			return n, true
		}
		rest = strings.TrimLeft(rest, perlSpace)
		return n, rest != "" && rest[0] == '-' && spacedTail(rest[1:])
	}
	return 0, false
}

// spacedTail reports whether t is empty, or white space and then the rest of a
// line: `(?:\s+(.*))?$`.
func spacedTail(t string) bool {
	rest := strings.TrimLeft(t, perlSpace)
	return t == "" || len(rest) < len(t) && strings.IndexByte(rest, '\n') < 0
}

// perlSpace is white space as \s reads it.
const perlSpace = " \t\n\f\r"

// headingTitle reads a "== heading ==" line: where its title begins and ends, and
// whether s is one. It is the expression `^=+\s*(.*?)\s*=+$` read by hand, its
// group the title (TestHeadingsAndBulletsAsTheExpressions holds the two
// together): run on every line of every source twice, the expression cost more
// than the rest of telling a line's kind.
func headingTitle(s string) (start, end int, ok bool) {
	if len(s) < 2 || s[0] != '=' || s[len(s)-1] != '=' {
		return 0, 0, false
	}
	start, end = 0, len(s)
	for start < len(s) && s[start] == '=' {
		start++
	}
	if start == len(s) { // "==": the last "=" closes, the title is empty before it
		return len(s) - 1, len(s) - 1, true
	}
	for s[end-1] == '=' {
		end--
	}
	for start < end && isPerlSpace(s[start]) {
		start++
	}
	for end > start && isPerlSpace(s[end-1]) {
		end--
	}
	if strings.IndexByte(s[start:end], '\n') >= 0 {
		return 0, 0, false // the expression's "." reads no line break
	}
	return start, end, true
}

// isHeading reports whether s is a "== heading ==" line. A line longer than a
// sentence may be is none (each claim under a heading copies it, as its section):
// it is read as prose, and cut.
func isHeading(s string) bool {
	_, _, ok := headingTitle(s)
	return ok && len(s) <= maxSentence
}

// isPerlSpace reports whether c is white space as \s reads it.
func isPerlSpace(c byte) bool { return strings.IndexByte(perlSpace, c) >= 0 }

// bulletLen is the length of the bullet a list item opens with and of the white
// space after it, 0 when s opens with none: `^(?:[•·▪◦‣∙*]|-(?:\s)|–\s)\s*`
// read by hand (TestHeadingsAndBulletsAsTheExpressions).
func bulletLen(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	switch r, size := utf8.DecodeRuneInString(s); r {
	case '•', '·', '▪', '◦', '‣', '∙', '*':
		n = size
	case '-', '–':
		if size == len(s) || !isPerlSpace(s[size]) {
			return 0
		}
		n = size + 1
	default:
		return 0
	}
	for n < len(s) && isPerlSpace(s[n]) {
		n++
	}
	return n
}

func trimSpan(text string, sp Span) Span {
	return lineSpan{sp}.trimmed(text)
}

func opensSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“'‘•`, r)
}

// breaksAfter decides whether a full stop after before ends the sentence, given the
// text that follows.
func breaksAfter(before, after string) bool {
	word := lastWord(before)
	switch {
	case word == "":
		return true
	case len(word) <= abbreviationsLongest && abbreviationsFirst[word[0]] && abbreviations[word]:
		return false
	case isInitial(word):
		return false // an initial: "Edward G. Rendell"
	case len(word) >= 3 && word[1] == '.' && multiAbbrRE.MatchString(word):
		// "U.S. Embassy" goes on; "… in the U.S. The group …" ends.
		return sentenceStarters[firstWord(after)]
	}
	return true
}

// isInitial reports whether word is one capital letter.
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && size > 0 && unicode.IsUpper(r)
}

// asciiSpace reports whether c is white space as unicode.IsSpace reads an ASCII
// byte.
func asciiSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// lastWord is the word s ends with: after the last white space, "(", '"' or "“".
// Words are mostly ASCII, and read back a byte at a time until a character
// beyond it.
func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !lastWordStops[c] {
			continue // most bytes: one lookup each
		}
		if c >= utf8.RuneSelf {
			i := strings.LastIndexFunc(s[:i+1], func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
			if i < 0 {
				return s
			}
			_, n := utf8.DecodeRuneInString(s[i:])
			return s[i+n:]
		}
		return s[i+1:]
	}
	return s
}

// lastWordStops marks the bytes lastWord stops at: white space, "(", '"' and
// those beyond ASCII.
var lastWordStops = func() (stop [256]bool) {
	for c := range 256 {
		stop[c] = c >= utf8.RuneSelf || asciiSpace(byte(c)) || c == '(' || c == '"'
	}
	return stop
}()

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// Around returns the sentences on either side of the one at span, for showing a quote
// in its context: the neighbours in the same paragraph, or, for a list item, the
// items next to it. Headings, references and page furniture are never context.
func (d *Document) Around(span Span) (before, after string) {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > span.Start })
	if i == len(d.Sentences) || !d.Sentences[i].Span.Contains(span) {
		return "", ""
	}
	s := d.Sentences[i]
	near := func(j int) string {
		if j < 0 || j >= len(d.Sentences) {
			return ""
		}
		n := d.Sentences[j]
		switch {
		case n.Kind == ListItem && s.Kind == ListItem && n.Section == s.Section:
			return n.Text
		case n.Kind == Prose && s.Kind == Prose && n.Block == s.Block:
			return n.Text
		}
		return ""
	}
	return near(i - 1), near(i + 1)
}
