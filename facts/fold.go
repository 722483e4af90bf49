package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folded is text prepared for matching: curly quotes become straight ones, every kind
// of dash becomes "-", odd spaces become " ", accents are removed ("Manëz" becomes
// "Manez") and skipped ranges (footnote markers) vanish. Rules are therefore written
// once, in ASCII. Folding never moves meaning: each byte of Text maps back to the
// byte of the original it came from, so every match still has an exact source span.
type Folded struct {
	Text string
	off  []int32 // base+off[i] is where the source rune behind Text[i] starts; off[len(Text)] is the end
	end  []int32 // base+end[i] is where that rune ends
	// same is set when folding changed nothing (plain ASCII, nothing skipped): byte
	// i of Text is byte base+i of the source, and off and end are not needed.
	same bool
	base int
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
func Fold(text string, base int, skip []Span) Folded { return fold(text, base, skip, true) }

// fold is Fold, with the map back to the source only when offsets is set.
func fold(text string, base int, skip []Span, offsets bool) Folded {
	if len(skip) == 0 && plainASCII(text) {
		return Folded{Text: text, same: true, base: base}
	}
	var b strings.Builder
	b.Grow(len(text))
	var off, end []int32
	if offsets {
		off = make([]int32, 0, len(text)+1)
		end = make([]int32, 0, len(text))
	}
	// at and to are offsets from base: a sentence is far shorter than 2 GB.
	emit := func(s string, at, to int) {
		b.WriteString(s)
		if offsets {
			for range len(s) {
				off = append(off, int32(at))
				end = append(end, int32(to))
			}
		}
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
				emit("'", i, i+1)
			} else {
				b.WriteByte(c)
				if offsets {
					off = append(off, int32(i))
					end = append(end, int32(i+1))
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		at := i
		i += size
		if s, ok := foldRune[r]; ok {
			emit(s, at, i)
			continue
		}
		emit(foldAccent(r), at, i)
	}
	if offsets {
		off = append(off, int32(len(text)))
	}
	return Folded{Text: b.String(), off: off, end: end, base: base}
}

// foldAccent removes combining marks from r ("ë" gives "e"); a rune that does not
// decompose to ASCII is kept as it is.
func foldAccent(r rune) string {
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

// plainASCII reports whether folding would leave text as it is: ASCII, with no
// backquote to turn into an apostrophe.
func plainASCII(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || c == '`' {
			return false
		}
	}
	return true
}

// Span maps the folded byte range [i, j) back to a span of the source.
func (f Folded) Span(i, j int) Span {
	if f.same {
		return Span{f.base + i, f.base + max(i, j)}
	}
	if j <= i {
		return Span{f.base + int(f.off[i]), f.base + int(f.off[i])}
	}
	return Span{f.base + int(f.off[i]), f.base + int(f.end[j-1])}
}

// FoldString folds s on its own, for comparing names and labels.
func FoldString(s string) string { return fold(s, 0, nil, false).Text }

// Index returns the folded offset of source offset at: the first folded byte that
// comes from at or after it.
func (f Folded) Index(at int) int {
	if f.same {
		return min(max(at-f.base, 0), len(f.Text))
	}
	return sort.Search(len(f.off), func(k int) bool { return f.base+int(f.off[k]) >= at })
}
