package facts

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode"
	"unicode/utf8"
)

// starts finds the matches of an expression by trying it, anchored, only where a
// match can begin: at the bytes that can open one. Go's regexp, searching
// unanchored, starts a thread of its machine at every position, and for a rule
// whose expression opens with the profile's names or the count grammar that is
// hundreds of instructions at every byte of the sentence; most bytes cannot open
// a match at all. There the backtracker tries the expression. The matches are
// those FindAllStringSubmatchIndex gives, leftmost first
// (TestStartsFindWhatTheSearchFinds).
type starts struct {
	open   [256]bool // the first bytes of every match
	second *seconds  // and the bytes after an ASCII first byte
	src    string    // the expression
	// The expression's backtracker, compiled from its tree (parsed and
	// simplified) when first needed; the rules' expressions have theirs made
	// all at once when the first source is extracted, on every core and with
	// the collector off (RuleSet.prepare).
	tree *syntax.Regexp
	once sync.Once
	bt   *backtracker
	// shared, when set, are the profile's lists of names compiled apart, which
	// the tree holds (see shared.go).
	shared *sharedNames
	// atStart: the expression is anchored at the start of the text ("^…"), so
	// its only match is there, which the backtracker tries. zero: some of its
	// ways are ("(?:^|, )…"): it is tried at the start of the text whatever the
	// byte there, and elsewhere where its other ways can open.
	atStart, zero bool
	// slow is the expression anchored one character in (so that the character
	// before the match is there for \b and \B; as it is, when atStart), for a
	// text too long for the backtracker; compiled when first needed, which is
	// seldom.
	slowOnce sync.Once
	slow     *regexp.Regexp
}

// newStarts returns the starts of re, or nil when they would not spare much: an
// expression that can match the empty string, can open with most bytes, or
// asserts the start of a line. One anchored at the start of the text is tried
// there only; one with some ways anchored there, there and where the others can
// open.
func newStarts(re *regexp.Regexp) *starts {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return startsFor(re.String(), tree.Simplify())
}

// startsFor is newStarts of the expression src, parsed and simplified.
func startsFor(src string, tree *syntax.Regexp) *starts {
	st := &starts{}
	nullable, anchored := firstBytes(tree, &st.open)
	if !nullable && opensAnchored(tree) {
		return &starts{src: src, tree: tree, atStart: true}
	}
	switch {
	case nullable:
		return nil
	case anchored:
		// Some ways open at the start of the text (never at that of a line,
		// which a newline in a sentence would move).
		if holds(tree, syntax.OpBeginLine) {
			return nil
		}
		st.open = [256]bool{}
		if past, _ := firstBytesFrom(tree, &st.open, true); past {
			return nil
		}
		st.zero = true
	}
	n := 0
	for _, ok := range st.open {
		if ok {
			n++
		}
	}
	if n > 160 {
		return nil
	}
	st.src, st.tree = src, tree
	st.second = newSeconds(tree, &st.open)
	return st
}

// mayOpen reports whether a match can begin at t[p], by its first two bytes.
func (st *starts) mayOpen(t string, p int) bool {
	b := t[p]
	if !st.open[b] {
		return false
	}
	if b >= utf8.RuneSelf || st.second[b] == nil {
		return true
	}
	return p+1 < len(t) && st.second[b][t[p+1]]
}

// tried is the backtracker of the expression.
func (st *starts) tried() *backtracker {
	st.once.Do(func() { st.bt, st.tree = backtrackerWith(st.tree, st.shared), nil })
	return st.bt
}

// at is the match of the expression that begins at t[p], or nil.
func (st *starts) at(t string, p int) []int { return st.atInto(nil, t, p) }

// atInto is at, the match appended to dst (so made in dst's room when it has
// enough).
func (st *starts) atInto(dst []int, t string, p int) []int {
	if bt := st.tried(); bt.fits(t, p) {
		return bt.match(dst, t, p)
	}
	st.slowOnce.Do(func() {
		if st.atStart {
			st.slow = regexp.MustCompile(st.src)
		} else {
			st.slow = regexp.MustCompile(`^(?s:.)(?:` + st.src + `)`)
		}
	})
	if st.atStart {
		if m := st.slow.FindStringSubmatchIndex(t); m != nil {
			return append(dst, m...)
		}
		return nil
	}
	m := st.slow.FindStringSubmatchIndex(from(t, p))
	if m == nil {
		return nil
	}
	for i := range m { // from the character before p to offsets in t
		if m[i] >= 0 {
			m[i] += p - 1
		}
	}
	m[0] = p
	return append(dst, m...)
}

// from returns the text from the byte before p, which an expression anchored one
// character in (`^(?s:.)(?:…)`) reads as the character before the match. At the
// start of the text a space stands before it, which \b and \B read as they read
// the start.
func from(t string, p int) string {
	if p == 0 {
		return " " + t
	}
	return t[p-1:]
}

// findAll is FindAllStringSubmatchIndex(t, -1) of the expression.
func (st *starts) findAll(t string) [][]int { return st.find(t, -1) }

// first is FindStringSubmatchIndex(t) of the expression.
func (st *starts) first(t string) []int {
	if ms := st.find(t, 1); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

// findWhile is findAll that stops after a match when more, asked where it ends,
// says no other can follow; the matches are made in room, when not nil, and are
// good until it is used again.
func (st *starts) findWhile(t string, more func(end int) bool, room *matchRoom) [][]int {
	return st.search(t, -1, more, room)
}

// matchRoom is where a search makes its matches: their groups one after another
// in flat, the list of them in out.
type matchRoom struct {
	flat []int
	out  [][]int
}

// find is FindAllStringSubmatchIndex(t, n) of the expression.
func (st *starts) find(t string, n int) [][]int { return st.search(t, n, nil, nil) }

// search is find, which stops early when more, not nil, says so (findWhile), and
// makes its matches in room when not nil.
func (st *starts) search(t string, n int, more func(end int) bool, room *matchRoom) [][]int {
	if room == nil {
		room = &matchRoom{}
	}
	room.flat, room.out = room.flat[:0], room.out[:0]
	if st.atStart {
		if m := room.at(st, t, 0); m != nil && n != 0 {
			room.out = append(room.out, m)
			return room.out
		}
		return nil
	}
	// p walks the text a character at a time, as the unanchored search does: a
	// match begins only where a character does.
	for p := 0; p < len(t) && len(room.out) != n; {
		if !(p == 0 && st.zero) {
			p = st.skipASCII(t, p)
			if p == len(t) {
				break
			}
			if !st.mayOpen(t, p) {
				p += charLen(t, p)
				continue
			}
		}
		m := room.at(st, t, p)
		if m == nil {
			p += charLen(t, p)
			continue
		}
		room.out = append(room.out, m)
		p = m[1]
		if more != nil && !more(p) {
			break
		}
	}
	if len(room.out) == 0 {
		return nil // as regexp's
	}
	return room.out
}

// at is st.at(t, p), made after the matches before in flat: in its room when it
// has enough; else copied there (or, the first, kept as it is), which grows it
// for the searches after. The matches before keep their arrays either way.
func (r *matchRoom) at(st *starts, t string, p int) []int {
	at := len(r.flat)
	dst := r.flat[at:]
	m := st.atInto(dst, t, p)
	switch {
	case m == nil:
		return nil
	case len(m) <= cap(dst):
		r.flat = r.flat[:at+len(m)] // made in place
	case at == 0:
		r.flat = m // made anew, the first: its array becomes the room
	default:
		r.flat = append(r.flat, m...)
	}
	return r.flat[at : at+len(m) : at+len(m)]
}

// firstBytes adds to open every byte a match of re can open with, and reports
// whether re can match the empty string and whether it can assert the start of
// the text or of a line before its first character.
func firstBytes(re *syntax.Regexp, open *[256]bool) (nullable, anchored bool) {
	return firstBytesFrom(re, open, false)
}

// firstBytesFrom is firstBytes, where, pastStart, the start of the text cannot
// be asserted: the bytes a match that begins after it can open with.
func firstBytesFrom(re *syntax.Regexp, open *[256]bool, pastStart bool) (nullable, anchored bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, false
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEndLine, syntax.OpEndText:
		return true, false
	case syntax.OpBeginLine, syntax.OpBeginText:
		return !pastStart || re.Op == syntax.OpBeginLine, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, false
		}
		addRune(open, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return false, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			addRange(open, lo, hi)
		}
		return false, false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		for b := range open {
			open[b] = b != '\n' || re.Op == syntax.OpAnyChar
		}
		return false, false
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytesFrom(re.Sub[0], open, pastStart)
	case syntax.OpStar, syntax.OpQuest:
		_, anchored = firstBytesFrom(re.Sub[0], open, pastStart)
		return true, anchored
	case syntax.OpRepeat:
		nullable, anchored = firstBytesFrom(re.Sub[0], open, pastStart)
		return nullable || re.Min == 0, anchored
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n, a := firstBytesFrom(sub, open, pastStart)
			anchored = anchored || a
			if !n {
				return false, anchored
			}
		}
		return true, anchored
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			n, a := firstBytesFrom(sub, open, pastStart)
			nullable, anchored = nullable || n, anchored || a
		}
		return nullable, anchored
	}
	// An operator this does not know: any byte may open a match.
	for b := range open {
		open[b] = true
	}
	return true, true
}

// holds reports whether re holds an operator op.
func holds(re *syntax.Regexp, op syntax.Op) bool {
	if re.Op == op {
		return true
	}
	for _, sub := range re.Sub {
		if holds(sub, op) {
			return true
		}
	}
	return false
}

// addRune marks the first byte of r, and with fold of every case of r.
func addRune(open *[256]bool, r rune, fold bool) {
	mark := func(r rune) { addRange(open, r, r) }
	mark(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			mark(f)
		}
	}
}

// addRange marks the first bytes of the characters lo to hi: ASCII as itself, the
// others by the first byte of their UTF-8 encoding, which grows with the
// character. A range holding utf8.RuneError, which a byte of an invalid sequence
// reads as, marks every byte beyond ASCII.
func addRange(open *[256]bool, lo, hi rune) {
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		open[r] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := utf8.RuneSelf; b < 256; b++ {
			open[b] = true
		}
		return
	}
	lo = max(lo, utf8.RuneSelf)
	hi = min(hi, unicode.MaxRune)
	if 0xD800 <= lo && lo <= 0xDFFF { // surrogates are no characters
		lo = 0xE000
	}
	if 0xD800 <= hi && hi <= 0xDFFF {
		hi = 0xD7FF
	}
	if lo > hi {
		return
	}
	var a, b [utf8.UTFMax]byte
	utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(b[:], hi)
	for c := int(a[0]); c <= int(b[0]); c++ {
		open[c] = true
	}
}

// skipASCII is where, from p on, the first byte of t is that is beyond ASCII
// or may open a match: most bytes open none, and are passed over one lookup
// each.
func (st *starts) skipASCII(t string, p int) int { return skipUnopened(&st.open, t, p, len(t)) }

// skipUnopened is where, from p on and before limit, the first byte of t is
// that is beyond ASCII or marked in open; limit if none is. Unanchored searches
// and skeleton pieces pass over the bytes nothing they look for opens with.
func skipUnopened(open *[256]bool, t string, p, limit int) int {
	for p < limit && t[p] < utf8.RuneSelf && !open[t[p]] {
		p++
	}
	return p
}

// charLen is the length of the character at t[p]: one byte for ASCII and for a
// byte that opens no valid sequence, as the regexp package reads them.
func charLen(t string, p int) int {
	if t[p] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(t[p:])
	return n
}

// matches reports whether the expression matches somewhere in t, as MatchString.
func (st *starts) matches(t string) bool {
	if st.atStart {
		return st.at(t, 0) != nil
	}
	for p := 0; p < len(t); p += charLen(t, p) {
		if !(p == 0 && st.zero) {
			if p = st.skipASCII(t, p); p == len(t) {
				break
			}
			if !st.mayOpen(t, p) {
				continue
			}
		}
		if st.at(t, p) != nil {
			return true
		}
	}
	return false
}

// seconds is, for each ASCII byte a match can open with, the bytes that can come
// right after it in a match; nil for a first byte after which a match may end
// (or beyond ASCII, where the next byte belongs to the same character).
type seconds [128]*[256]bool

// newSeconds works out the seconds of re (simplified). It errs on the side of
// more: a byte it cannot rule out is let through.
func newSeconds(re *syntax.Regexp, open *[256]bool) *seconds {
	var s seconds
	m := openings{}
	for b := 0; b < utf8.RuneSelf; b++ {
		if !open[b] {
			continue
		}
		next := new([256]bool)
		if !m.secondBytes(re, byte(b), next) {
			s[b] = next
		}
	}
	return &s
}

// opening is what firstBytes says of one node of an expression: the bytes a
// match of it can open with, and whether it can match the empty string.
type opening struct {
	open     byteSet
	nullable bool
}

// openings are the openings of an expression's nodes, each worked out once:
// newSeconds asks about every node once for each byte a match can open with, and
// an expression that lists a profile's names has thousands.
type openings map[*syntax.Regexp]*opening

// of is firstBytes(re) for re alone, from its subexpressions' openings. Where
// firstBytes, adding to bytes already set, unsets the newline for "." it is
// kept: one byte more, never one less.
func (m openings) of(re *syntax.Regexp) *opening {
	if o, ok := m[re]; ok {
		return o
	}
	o := &opening{}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		sub := m.of(re.Sub[0])
		o.open, o.nullable = sub.open, sub.nullable || re.Op == syntax.OpStar || re.Op == syntax.OpQuest || re.Op == syntax.OpRepeat && re.Min == 0
	case syntax.OpConcat:
		o.nullable = true
		for _, sub := range re.Sub {
			so := m.of(sub)
			o.open.add(&so.open)
			if !so.nullable {
				o.nullable = false
				break
			}
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			so := m.of(sub)
			o.open.add(&so.open)
			o.nullable = o.nullable || so.nullable
		}
	default:
		var open [256]bool
		o.nullable, _ = firstBytes(re, &open)
		for b, set := range open {
			if set {
				o.open[b>>6] |= 1 << (b & 63)
			}
		}
	}
	m[re] = o
	return o
}

// add puts every byte of t in s.
func (s *byteSet) add(t *byteSet) {
	for i, w := range t {
		s[i] |= w
	}
}

// markIn sets in dst every byte of s.
func (s *byteSet) markIn(dst *[256]bool) {
	for b := range dst {
		if s.has(byte(b)) {
			dst[b] = true
		}
	}
}

// secondBytes adds to next the bytes that can follow a first character c in a
// match of re that opens with c, and reports whether such a match can end right
// after c, or whether it cannot tell (then next says nothing). A node no match of
// which opens with c adds nothing and cannot end after it: it is passed by.
func (m openings) secondBytes(re *syntax.Regexp, c byte, next *[256]bool) (mayEnd bool) {
	if !m.of(re).open.has(c) {
		return false
	}
	opens := func(r rune, fold bool) bool { return opensWith(r, fold, func(b byte) bool { return b == c }) }
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || !opens(re.Rune[0], re.Flags&syntax.FoldCase != 0) {
			return false
		}
		if len(re.Rune) == 1 {
			return true
		}
		addRune(next, re.Rune[1], re.Flags&syntax.FoldCase != 0)
		return false
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true // it opens with c, as the test above found
	case syntax.OpCapture:
		return m.secondBytes(re.Sub[0], c, next)
	case syntax.OpQuest:
		return m.secondBytes(re.Sub[0], c, next)
	case syntax.OpStar, syntax.OpPlus:
		if m.secondBytes(re.Sub[0], c, next) {
			m.of(re.Sub[0]).open.markIn(next) // another time round
			return true
		}
		return false
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if m.secondBytes(sub, c, next) {
				mayEnd = true
			}
		}
		return mayEnd
	case syntax.OpConcat:
		for i, sub := range re.Sub {
			// sub takes the first character: what follows it is its own second
			// byte, or, where it may end there, the first byte of the rest.
			if m.secondBytes(sub, c, next) {
				restNullable := true
				for _, r := range re.Sub[i+1:] {
					ro := m.of(r)
					ro.open.markIn(next)
					if !ro.nullable {
						restNullable = false
						break
					}
				}
				if restNullable {
					mayEnd = true
				}
			}
			if !m.of(sub).nullable {
				return mayEnd
			}
			// sub may match nothing: the first character may be the rest's.
		}
		return mayEnd
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return false
	}
	return true // an operator this does not know: nothing can be ruled out
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
