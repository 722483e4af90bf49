package facts

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Folded is text prepared for matching: curly quotes become straight ones, every kind
// of dash becomes "-", odd spaces become " ", accents are removed ("Manëz" becomes
// "Manez") and skipped ranges (footnote markers) vanish. Rules are therefore written
// once, in ASCII. Folding never moves meaning: each byte of Text maps back to the
// byte of the original it came from, so every match still has an exact source span.
type Folded struct {
	Text string
	// pieces map Text back to the source, in order: from each piece's at to the
	// next one's, the bytes of Text are bytes of the source one for one (a run:
	// byte at+k comes from off+k), or all come from one source character [off,
	// end) (a stand-in: "'" for "’", "e" for "ë"). Skipped ranges leave no byte,
	// only a new piece after them. Nil when folding changed nothing (plain ASCII,
	// nothing skipped): byte i of Text is byte base+i of the source.
	pieces []foldPiece
	base   int
}

// foldPiece is a stretch of folded text and where it comes from, as offsets from
// the text's base: a sentence is far shorter than 2 GB.
type foldPiece struct {
	at       int32 // where it starts in Text
	off, end int32 // a run: where it starts in the source (end unused); a stand-in: the character it stands for
	run      bool
}

// foldRune gives the ASCII stand-in for the punctuation that varies between sources.
// It is consulted before accent folding.
var foldRune = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u00ab': `"`, '\u00bb': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-", '\u2212': "-",
	'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u2007': " ", '\u200a': " ", '\u2002': " ", '\u2003': " ",
	'\u2044': "/", '\u200b': "", '\ufeff': "", '\u00ad': "",
	'\u2026': "...",
}

// Fold folds text, which starts at byte offset base in its source. Byte ranges listed
// in skip (in source offsets, sorted, non-overlapping) are left out of the result.
func Fold(text string, base int, skip []Span) Folded { return fold(text, base, skip, true, nil) }

// foldRoom is where the sentences of a text are folded, one after the other: a
// worker keeps it from text to text (in its segmentRoom), and a folded text is
// good as long as the text it was folded from, whose buffer is also reused.
// Folding one sentence in twenty made two allocations of its own.
type foldRoom struct {
	text   []byte
	pieces []foldPiece
}

// fold is Fold, with the map back to the source only when offsets is set, made
// in room when it is not nil.
func fold(text string, base int, skip []Span, offsets bool, room *foldRoom) Folded {
	if len(skip) == 0 && plainASCII(text) {
		return Folded{Text: text, base: base}
	}
	if room == nil {
		room = &foldRoom{}
	}
	// Folding seldom lengthens a text: the room is grown once here. Grown into
	// a new array, it leaves the texts folded before in the old one.
	out, at0 := slices.Grow(room.text, len(text)), len(room.text)
	pieces, p0 := room.pieces, len(room.pieces)
	if offsets {
		// Room for a sentence of ASCII with markers, most of those folded: a run
		// before each marker, one after the last, and the end.
		pieces = slices.Grow(pieces, len(skip)+2)
	}
	// emit writes s, which stands for text[at:to]; a byte copied as it is (s is
	// text[at:to], one byte) extends the run before it when that run reaches at.
	emit := func(s string, at, to int, same bool) {
		if offsets && len(s) > 0 {
			n, written := len(pieces), len(out)-at0
			switch {
			case same && n > p0 && pieces[n-1].run && int(pieces[n-1].off)+written-int(pieces[n-1].at) == at:
			case same:
				pieces = append(pieces, foldPiece{at: int32(written), off: int32(at), run: true})
			default:
				pieces = append(pieces, foldPiece{at: int32(written), off: int32(at), end: int32(to)})
			}
		}
		out = append(out, s...)
	}
	for i := 0; i < len(text); {
		if len(skip) > 0 && base+i >= skip[0].Start {
			if base+i < skip[0].End {
				i = skip[0].End - base
				skip = skip[1:]
				continue
			}
			skip = skip[1:]
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '`' {
				emit("'", i, i+1, false)
				i++
				continue
			}
			// A stretch of plain ASCII up to the next skip, backquote or wider
			// character is copied at once.
			end := len(text)
			if len(skip) > 0 {
				end = min(end, skip[0].Start-base)
			}
			j := i + 1
			for j+8 <= end && plainWord(word8(text[j:])) {
				j += 8
			}
			for j < end && text[j] < utf8.RuneSelf && text[j] != '`' {
				j++
			}
			emit(text[i:j], i, j, true)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		at := i
		i += size
		if s, ok := foldRune[r]; ok {
			emit(s, at, i, false)
			continue
		}
		emit(foldAccent(r), at, i, false)
	}
	if offsets {
		// The end: where the text ends, as a run of no bytes.
		pieces = append(pieces, foldPiece{at: int32(len(out) - at0), off: int32(len(text)), run: true})
	}
	room.text, room.pieces = out, pieces
	var mine []foldPiece
	if offsets {
		mine = pieces[p0:len(pieces):len(pieces)]
	}
	folded := out[at0:]
	if len(folded) == 0 {
		return Folded{pieces: mine, base: base}
	}
	return Folded{Text: unsafe.String(&folded[0], len(folded)), pieces: mine, base: base}
}

// piece is the index of the piece folded byte i lies in.
func (f Folded) piece(i int) int {
	// The last piece whose start is at or before i. Every piece but the end holds
	// a byte at least (a character folded to nothing, such as a zero-width space,
	// makes none), so no two share a start.
	k := sort.Search(len(f.pieces), func(k int) bool { return int(f.pieces[k].at) > i }) - 1
	return max(k, 0)
}

// from is where folded byte i comes from in the source: its start and end, as
// offsets from base.
func (f Folded) from(i int) (start, end int) {
	p := f.pieces[f.piece(i)]
	if p.run {
		o := int(p.off) + i - int(p.at)
		return o, o + 1
	}
	return int(p.off), int(p.end)
}

// foldAccent removes combining marks from r ("ë" gives "e"); a rune that does not
// decompose to ASCII is kept as it is. Below U+3000 (the alphabets of Europe,
// the Near East and India) the answers are worked out once per block of 256
// runes: decomposing each character of a text again was four tenths of reading
// a text in Cyrillic or Arabic.
func foldAccent(r rune) string {
	if r < 0 || r >= foldBlocks<<8 {
		return decomposeAccent(r)
	}
	return foldBlock(r).accent[r&0xff]
}

// foldLower is foldRune's folding of r, else foldAccent's, in lower case: how
// the prefilter reads r.
func foldLower(r rune) string {
	if r < 0 || r >= foldBlocks<<8 {
		return foldLowerOf(r)
	}
	return foldBlock(r).lower[r&0xff]
}

// foldLowerOf is foldLower worked out.
func foldLowerOf(r rune) string {
	f, ok := foldRune[r]
	if !ok {
		f = decomposeAccent(r)
	}
	return strings.ToLower(f)
}

const foldBlocks = 0x3000 >> 8

// foldTable holds foldAccent's and foldLower's answers, a block of 256 runes
// filled when one of them is first asked for.
var foldTable [foldBlocks]foldAnswers

type foldAnswers struct {
	once          sync.Once
	accent, lower [256]string
}

// foldBlock is r's block of foldTable, filled.
func foldBlock(r rune) *foldAnswers {
	b := &foldTable[r>>8]
	b.once.Do(func() {
		for i := range 256 {
			c := r&^0xff | rune(i)
			b.accent[i], b.lower[i] = decomposeAccent(c), foldLowerOf(c)
		}
	})
	return b
}

// decomposeAccent is foldAccent worked out.
func decomposeAccent(r rune) string {
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(c)
	}
	s := b.String()
	if s == "" {
		return string(r)
	}
	return s
}

// plainWord reports whether folding would leave the eight bytes of w as they
// are: each below 0x80, none a backquote.
func plainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if w&highs != 0 {
		return false
	}
	// Every byte is below 0x80 now: a backquote is the one that 0x60 turns into
	// zero, and a borrow only starts at a zero byte.
	x := w ^ 0x60*ones
	return (x-ones)&^x&highs == 0
}

// plainASCII reports whether folding would leave text as it is: ASCII, with no
// backquote to turn into an apostrophe. It reads eight bytes at a time: every
// sentence the names rule reads is asked.
func plainASCII(text string) bool {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		if !plainWord(word8(text[i : i+8])) {
			return false
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || c == '`' {
			return false
		}
	}
	return true
}

// Span maps the folded byte range [i, j) back to a span of the source.
func (f Folded) Span(i, j int) Span {
	if f.pieces == nil {
		return Span{f.base + i, f.base + max(i, j)}
	}
	start, _ := f.from(i)
	if j <= i {
		return Span{f.base + start, f.base + start}
	}
	_, end := f.from(j - 1)
	return Span{f.base + start, f.base + end}
}

// FoldString folds s on its own, for comparing names and labels.
func FoldString(s string) string { return fold(s, 0, nil, false, nil).Text }

// Index returns the folded offset of source offset at: the first folded byte that
// comes from at or after it (len(Text) for the end of the text, one more beyond).
func (f Folded) Index(at int) int {
	if f.pieces == nil {
		return min(max(at-f.base, 0), len(f.Text))
	}
	at -= f.base
	for k, p := range f.pieces {
		next := len(f.Text) + 1
		if k+1 < len(f.pieces) {
			next = int(f.pieces[k+1].at)
		}
		if p.run {
			// Bytes at..next-1 come from off.., and the end piece stands for the
			// text's end.
			last := int(p.off) + next - 1 - int(p.at)
			if k == len(f.pieces)-1 {
				last = int(p.off)
			}
			if at <= last {
				return int(p.at) + max(at-int(p.off), 0)
			}
		} else if int(p.at) < next && int(p.off) >= at {
			return int(p.at)
		}
	}
	return len(f.Text) + 1
}
