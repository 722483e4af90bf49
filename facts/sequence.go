package facts

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// sequence answers whether a skeleton matches, for a skeleton that is pieces of
// fixed words in order with any text between them: "(?is:DESIGNATED .*TERRORIST
// (?:ORGANI.ATION|GROUP))" is the piece "designated ", any text, then one of
// "terrorist organi?ation" and "terrorist group". Go's regexp tries such an
// expression at every byte that can open it, each try a run of its backtracker;
// the pieces are found here by comparing bytes, each at the earliest place it can
// end after the one before, which leaves the most room for the rest: any text
// between two pieces may be longer, never too long
// (TestSequenceAnswersAsTheSkeleton, FuzzSequence).
type sequence struct{ pieces []piece }

// piece is one of several runs of elements, each matched at one place, held as
// a tree of their elements so that runs that open alike are read once.
type piece struct {
	root *pnode
	// open is the bytes a run can begin with; all says any byte may, as when
	// one begins with a zero-width test or is empty.
	open [256]bool
	all  bool
}

// pnode is where a run of a piece has got to: final when one ends there.
type pnode struct {
	final bool
	next  []pedge
}

type pedge struct {
	e  *elem
	to *pnode
}

// elem is one character of a class (or any character) or a zero-width test.
type elem struct {
	op    elemOp
	ascii byteSet // the ASCII characters of the class
	wide  []rune  // the class beyond ASCII, as pairs of bounds
}

type elemOp uint8

const (
	elemClass    elemOp = iota
	elemAny             // any character
	elemAnyNotNL        // any character but a line break
	elemWordBoundary
	elemNoWordBoundary
)

// maxAlternatives bounds how many alternatives a piece is spelled out into.
const maxAlternatives = 256

// newSequence reads skeleton re as a sequence, or returns nil when it is not one:
// repetitions other than of any character, any text that may not hold a line
// break (the earliest end would not do there), anchors, or too many alternatives.
func newSequence(re *regexp.Regexp) *sequence {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	tree = tree.Simplify()
	parts := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		parts = tree.Sub
	}
	seq := &sequence{}
	cur := [][]elem{nil} // the piece being read
	end := func() {
		if len(cur) > 1 || len(cur[0]) > 0 {
			seq.pieces = append(seq.pieces, newPiece(cur))
		}
		cur = [][]elem{nil}
	}
	for _, p := range parts {
		if p.Op == syntax.OpCapture {
			p = p.Sub[0]
		}
		if p.Op == syntax.OpStar || p.Op == syntax.OpPlus {
			if p.Sub[0].Op != syntax.OpAnyChar {
				return nil
			}
			if p.Op == syntax.OpPlus {
				cur = product(cur, [][]elem{{{op: elemAny}}})
			}
			end()
			continue
		}
		alts, ok := spell(p)
		if !ok || len(alts)*len(cur) > maxAlternatives {
			return nil
		}
		cur = product(cur, alts)
	}
	end()
	if len(seq.pieces) == 0 {
		return nil
	}
	return seq
}

// spell lists the runs of elements re matches, false when re repeats anything or
// anchors, or spells too many.
func spell(re *syntax.Regexp) ([][]elem, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return [][]elem{nil}, true
	case syntax.OpLiteral:
		run := make([]elem, len(re.Rune))
		for i, r := range re.Rune {
			run[i] = runeElem(r, re.Flags&syntax.FoldCase != 0)
		}
		return [][]elem{run}, true
	case syntax.OpCharClass:
		return [][]elem{{classElem(re.Rune)}}, true
	case syntax.OpAnyChar:
		return [][]elem{{{op: elemAny}}}, true
	case syntax.OpAnyCharNotNL:
		return [][]elem{{{op: elemAnyNotNL}}}, true
	case syntax.OpWordBoundary:
		return [][]elem{{{op: elemWordBoundary}}}, true
	case syntax.OpNoWordBoundary:
		return [][]elem{{{op: elemNoWordBoundary}}}, true
	case syntax.OpCapture:
		return spell(re.Sub[0])
	case syntax.OpQuest:
		alts, ok := spell(re.Sub[0])
		return append(alts, nil), ok && len(alts) < maxAlternatives
	case syntax.OpConcat:
		out := [][]elem{nil}
		for _, sub := range re.Sub {
			alts, ok := spell(sub)
			if !ok || len(alts)*len(out) > maxAlternatives {
				return nil, false
			}
			out = product(out, alts)
		}
		return out, true
	case syntax.OpAlternate:
		var out [][]elem
		for _, sub := range re.Sub {
			alts, ok := spell(sub)
			if !ok || len(out)+len(alts) > maxAlternatives {
				return nil, false
			}
			out = append(out, alts...)
		}
		return out, true
	}
	return nil, false
}

// product is every run of a followed by every run of b.
func product(a, b [][]elem) [][]elem {
	out := make([][]elem, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, append(slices.Clip(x), y...))
		}
	}
	return out
}

// runeElem is the element for r, and the characters it folds to when fold.
func runeElem(r rune, fold bool) elem {
	class := []rune{r, r}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			class = append(class, f, f)
		}
	}
	return classElem(class)
}

// classElem is the element for a class given as pairs of bounds.
func classElem(class []rune) elem {
	e := elem{op: elemClass}
	for i := 0; i+1 < len(class); i += 2 {
		lo, hi := class[i], class[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			e.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			e.wide = append(e.wide, max(lo, utf8.RuneSelf), hi)
		}
	}
	return e
}

func newPiece(alts [][]elem) piece {
	p := piece{root: &pnode{}}
	for _, run := range alts {
		n := p.root
		for i := range run {
			k := slices.IndexFunc(n.next, func(ed pedge) bool { return ed.e.same(&run[i]) })
			if k < 0 {
				n.next = append(n.next, pedge{&run[i], &pnode{}})
				k = len(n.next) - 1
			}
			n = n.next[k].to
		}
		n.final = true
		if len(run) == 0 || run[0].op != elemClass {
			p.all = true
			continue
		}
		for b := range 128 {
			p.open[b] = p.open[b] || run[0].ascii.has(byte(b))
		}
		if len(run[0].wide) > 0 {
			for b := 0x80; b < 256; b++ {
				p.open[b] = true // a lead byte, or a stray one read as U+FFFD
			}
		}
	}
	return p
}

// same reports whether two elements match the same.
func (e *elem) same(f *elem) bool {
	return e.op == f.op && e.ascii == f.ascii && slices.Equal(e.wide, f.wide)
}

// matches reports whether the sequence matches somewhere in t, as the
// skeleton's MatchString.
func (q *sequence) matches(t string) bool { return q.matchesFrom(t, 0) }

// matchesFrom reports whether the skeleton matches in t from offset from on, the
// text before it read by the assertions (a word boundary at from is one where the
// text has one).
func (q *sequence) matchesFrom(t string, from int) bool {
	at := from
	for i := range q.pieces {
		end, ok := q.pieces[i].earliestEnd(t, at)
		if !ok {
			return false
		}
		at = end
	}
	return true
}

// earliestEnd is the earliest end of the piece in t begun at from or after, at
// the start of a character (from is one).
func (p *piece) earliestEnd(t string, from int) (int, bool) {
	best := -1
	for s := from; best < 0 || s < best; {
		if !p.all {
			// The ASCII bytes no spelling opens with are passed over one
			// lookup each: most bytes.
			limit := len(t)
			if best >= 0 {
				limit = best
			}
			s = skipUnopened(&p.open, t, s, limit)
			if best >= 0 && s >= best {
				break
			}
		}
		if s == len(t) || p.all || p.open[t[s]] {
			best = p.root.earliest(t, s, best)
		}
		if s == len(t) {
			break
		}
		if t[s] < utf8.RuneSelf {
			s++
		} else {
			_, n := utf8.DecodeRuneInString(t[s:])
			s += n
		}
	}
	return best, best >= 0
}

// earliest is the earliest end, before best if there is one (-1 for none), of
// the runs from n on read at t[s:].
func (n *pnode) earliest(t string, s, best int) int {
	if best >= 0 && s >= best {
		return best
	}
	if n.final {
		return s // what reads on ends no earlier
	}
	for _, ed := range n.next {
		if e, ok := ed.e.read(t, s); ok {
			best = ed.to.earliest(t, e, best)
		}
	}
	return best
}

// read matches the element at t[s:] and returns where it ends.
func (e *elem) read(t string, s int) (int, bool) {
	switch e.op {
	case elemWordBoundary, elemNoWordBoundary:
		before := s > 0 && isWordByte(t[s-1])
		after := s < len(t) && isWordByte(t[s])
		return s, (before != after) == (e.op == elemWordBoundary)
	}
	if s >= len(t) {
		return 0, false
	}
	if c := t[s]; c < utf8.RuneSelf {
		switch e.op {
		case elemClass:
			return s + 1, e.ascii.has(c)
		case elemAnyNotNL:
			return s + 1, c != '\n'
		}
		return s + 1, true
	}
	r, n := utf8.DecodeRuneInString(t[s:])
	return s + n, e.op != elemClass || inPairs(e.wide, r)
}

// inPairs reports whether r lies within one of the pairs of bounds.
func inPairs(pairs []rune, r rune) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] <= r && r <= pairs[i+1] {
			return true
		}
	}
	return false
}
