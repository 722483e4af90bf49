package facts

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode"
	"unicode/utf8"
)

// byFirstByte holds an anchored expression cut down, for each byte, to the ways
// of matching that open with that byte. Where a match must begin at a given
// position, only those ways can match there, in the same order of preference, so
// the cut expression finds the same match as the whole one
// (TestRestrictFirstKeepsTheMatch; FuzzFindDates checks FindDates, which uses it
// for the date grammar, against the grammar searched whole). Only the match's
// bounds are kept: a cut may hold a group twice. And it is smaller: of the date
// grammar's 3,049 instructions, the ways that open with a digit take 2,018 and
// those that open with "m" 1,703, which halves the time FindDates takes. A byte
// whose cut is no smaller (the words that may open a date, "the", "by",
// "between", are followed by the whole grammar again) keeps the whole expression.
// Each cut is made when a text first asks for it.
type byFirstByte struct {
	whole *regexp.Regexp
	tree  *syntax.Regexp // whole, parsed and simplified
	size  int            // whole's instructions
	once  [256]sync.Once
	cut   [256]*regexp.Regexp // nil: use whole
}

// newByFirstByte prepares the cuts of the anchored expression expr, which must
// not match the empty string.
func newByFirstByte(expr string) *byFirstByte {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("facts: " + err.Error())
	}
	tree = tree.Simplify()
	return &byFirstByte{whole: regexp.MustCompile(expr), tree: tree, size: instructions(tree)}
}

// instructions is how many instructions re compiles to; 0 if it does not.
func instructions(re *syntax.Regexp) int {
	p, err := syntax.Compile(re)
	if err != nil {
		return 0
	}
	return len(p.Inst)
}

// find is the whole expression's FindStringIndex on text.
func (b *byFirstByte) find(text string) []int {
	if text == "" {
		return b.whole.FindStringIndex(text)
	}
	// One cut serves a class of bytes: the digits, a letter in either case.
	c, in := text[0], func(x byte) bool { return x == text[0] }
	switch {
	case c >= '0' && c <= '9':
		c, in = '0', func(x byte) bool { return x >= '0' && x <= '9' }
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		c |= 0x20
		in = func(x byte) bool { return x|0x20 == c && isLetter(x) }
	}
	b.once[c].Do(func() {
		r := restrictFirst(b.tree, in)
		if n := instructions(r); n > 0 && n < b.size {
			b.cut[c] = regexp.MustCompile(r.String())
		}
	})
	if b.cut[c] == nil {
		return b.whole.FindStringIndex(text)
	}
	return b.cut[c].FindStringIndex(text)
}

// restrictFirst returns the ways of matching re whose first character opens with
// a byte in, in re's order of preference; OpNoMatch when there are none. Parts
// that match only the empty string have no such way.
func restrictFirst(re *syntax.Regexp, in func(byte) bool) *syntax.Regexp {
	none := &syntax.Regexp{Op: syntax.OpNoMatch}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || !opensWith(re.Rune[0], re.Flags&syntax.FoldCase != 0, in) {
			return none
		}
		return re
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if opensWith(r, false, in) {
					return re
				}
				if r >= utf8.RuneSelf {
					return re // beyond ASCII: kept, as it may open with any such byte
				}
			}
		}
		return none
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return re
	case syntax.OpCapture:
		sub := restrictFirst(re.Sub[0], in)
		if sub.Op == syntax.OpNoMatch {
			return none
		}
		out := *re
		out.Sub = []*syntax.Regexp{sub}
		return &out
	case syntax.OpAlternate:
		var subs []*syntax.Regexp
		for _, sub := range re.Sub {
			if r := restrictFirst(sub, in); r.Op != syntax.OpNoMatch {
				subs = append(subs, r)
			}
		}
		return alternateOf(re.Flags, subs)
	case syntax.OpQuest:
		return restrictFirst(re.Sub[0], in)
	case syntax.OpStar, syntax.OpPlus:
		// X* and X+ open as X does, then go on with X*.
		first := restrictFirst(re.Sub[0], in)
		if first.Op == syntax.OpNoMatch {
			return none
		}
		star := &syntax.Regexp{Op: syntax.OpStar, Flags: re.Flags, Sub: re.Sub}
		return &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: []*syntax.Regexp{first, star}}
	case syntax.OpConcat:
		return restrictConcat(re.Sub, re.Flags, in)
	}
	// Empty matches and assertions open with no character; OpRepeat is gone after
	// Simplify, and anything else is kept whole.
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return none
	}
	return re
}

// restrictConcat is restrictFirst of the sequence subs: the ways where the first
// part opens the match, then, when the first part can match the empty string,
// the ways where it matches nothing (keeping an assertion it makes) and the rest
// opens it, in the order the first part prefers.
func restrictConcat(subs []*syntax.Regexp, flags syntax.Flags, in func(byte) bool) *syntax.Regexp {
	none := &syntax.Regexp{Op: syntax.OpNoMatch}
	if len(subs) == 0 {
		return none
	}
	head, rest := subs[0], subs[1:]
	concat := func(first *syntax.Regexp, tail []*syntax.Regexp) *syntax.Regexp {
		if first.Op == syntax.OpNoMatch {
			return none
		}
		if len(tail) == 0 {
			return first
		}
		return &syntax.Regexp{Op: syntax.OpConcat, Flags: flags, Sub: append([]*syntax.Regexp{first}, tail...)}
	}
	opening := concat(restrictFirst(head, in), rest) // head consumes the first character
	var empty *syntax.Regexp                         // head matches nothing
	switch head.Op {
	case syntax.OpEmptyMatch:
		empty = restrictConcat(rest, flags, in)
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		if r := restrictConcat(rest, flags, in); r.Op != syntax.OpNoMatch {
			empty = &syntax.Regexp{Op: syntax.OpConcat, Flags: flags, Sub: []*syntax.Regexp{head, r}}
		}
	case syntax.OpQuest, syntax.OpStar:
		empty = restrictConcat(rest, flags, in)
		if head.Flags&syntax.NonGreedy != 0 { // skipping is preferred
			return alternateOf(flags, nonEmpty(empty, opening))
		}
	default:
		if nullable(head) {
			// A part that may match nothing in other ways (an alternation with an
			// empty branch, a group of optional parts): left whole, not cut.
			return &syntax.Regexp{Op: syntax.OpConcat, Flags: flags, Sub: subs}
		}
	}
	return alternateOf(flags, nonEmpty(opening, empty))
}

func nonEmpty(res ...*syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	for _, r := range res {
		if r != nil && r.Op != syntax.OpNoMatch {
			out = append(out, r)
		}
	}
	return out
}

func alternateOf(flags syntax.Flags, subs []*syntax.Regexp) *syntax.Regexp {
	switch len(subs) {
	case 0:
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	case 1:
		return subs[0]
	}
	return &syntax.Regexp{Op: syntax.OpAlternate, Flags: flags, Sub: subs}
}

// nullable reports whether re can match the empty string (see firstBytes).
func nullable(re *syntax.Regexp) bool {
	var open [256]bool
	n, _ := firstBytes(re, &open)
	return n
}

// opensWith reports whether character r, or with fold any case of it, opens with
// a byte in.
func opensWith(r rune, fold bool, in func(byte) bool) bool {
	var buf [utf8.UTFMax]byte
	test := func(r rune) bool {
		utf8.EncodeRune(buf[:], r)
		return in(buf[0])
	}
	if test(r) {
		return true
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if test(f) {
				return true
			}
		}
	}
	return false
}
