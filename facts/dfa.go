package facts

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// dfa answers where the match of an expression that begins at the start of a
// text ends, as a deterministic automaton built while it runs. Go's regexp runs
// an anchored attempt on its backtracker or its NFA, which for an expression of
// thousands of instructions (the date grammar has 3,049) walks many of them at
// every attempt; most attempts fail within a few characters. The automaton's states are the NFA's sets of threads, in
// their order of preference, worked out once, so an attempt costs a table lookup
// per character.
//
// It gives what regexp gives: the leftmost-first match, the NFA's threads cut
// below the first to match (RE2's DFA does the same), the empty-width assertions
// (^, $, \b, \B, \A, \z, in (?m) too) read from the characters either side of
// each position. Only the end of the match: the groups are regexp's to find
// (TestDFAEndsWhereRegexpEnds, FuzzDFA).
//
// It is safe for concurrent use: a state's transitions are read without a lock,
// and worked out under one. It holds at most maxDFAStates states (the date
// grammar needs about 300 on the generated corpora) and starts afresh beyond
// that, so memory stays bounded on any text.
type dfa struct {
	expr  string
	built sync.Once
	prog  *syntax.Prog
	limit int // of states

	mu     sync.Mutex
	states map[string]*dstate
	start  atomic.Pointer[dstate]
	// Scratch space for working out a transition, under mu.
	seen  []bool
	stack []uint32
	next  []uint32
	key   []byte
}

// dstate is a state: the threads waiting to read the next character (their
// instructions, in order of preference), what came before (for the assertions),
// and whether a match ended right before the character that led here.
type dstate struct {
	insts []uint32
	prev  prevClass
	match bool
	ascii [utf8.RuneSelf]atomic.Pointer[dstate]
	wide  sync.Map     // rune → *dstate, for the characters beyond ASCII
	atEnd atomic.Int32 // 0 not worked out, 1 no match at the end of the text, 2 a match
}

// prevClass is what the character before a position is, as the empty-width
// assertions read it.
type prevClass uint8

const (
	prevBegin   prevClass = iota // the start of the text
	prevWord                     // a word character (\w)
	prevNewline                  // '\n'
	prevOther
)

// rep is a character of the class, for syntax.EmptyOpContext.
func (c prevClass) rep() rune {
	switch c {
	case prevWord:
		return 'a'
	case prevNewline:
		return '\n'
	case prevOther:
		return ' '
	}
	return -1
}

func classOf(r rune) prevClass {
	switch {
	case syntax.IsWordChar(r):
		return prevWord
	case r == '\n':
		return prevNewline
	}
	return prevOther
}

const maxDFAStates = 4096

// newDFA is the automaton of expr, compiled as regexp.Compile does (Perl syntax,
// simplified, leftmost first) when it is first run: the package's automata are
// made when it loads, which every process does, and one that reads no date needs
// none. A bad expression panics then (the tests run every automaton).
func newDFA(expr string) *dfa { return newDFALimit(expr, maxDFAStates) }

// newDFALimit is newDFA holding at most limit states.
func newDFALimit(expr string, limit int) *dfa { return &dfa{expr: expr, limit: limit} }

// begin compiles the automaton's program, once, and returns its start.
func (d *dfa) begin() *dstate {
	d.built.Do(func() {
		re, err := syntax.Parse(d.expr, syntax.Perl)
		if err != nil {
			panic("facts: " + err.Error())
		}
		prog := compileProg(re.Simplify())
		d.prog, d.seen = prog, make([]bool, len(prog.Inst))
		d.reset()
	})
	return d.start.Load()
}

// reset drops every state but a new start. Under mu, or before d is shared.
func (d *dfa) reset() {
	d.states = map[string]*dstate{}
	d.start.Store(d.intern([]uint32{uint32(d.prog.Start)}, prevBegin, false))
}

// end returns the end of the match that begins at the start of text, the one
// regexp's leftmost search finds there, or -1 when none begins there.
func (d *dfa) end(text string) int {
	s, last := d.start.Load(), -1
	if s == nil {
		s = d.begin()
	}
	for i := 0; i < len(text); {
		c := text[i]
		var next *dstate
		w := 1
		if c < utf8.RuneSelf {
			if next = s.ascii[c].Load(); next == nil {
				next = d.transition(s, rune(c))
			}
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(text[i:])
			if n, ok := s.wide.Load(r); ok {
				next = n.(*dstate)
			} else {
				next = d.transition(s, r)
			}
		}
		if next.match {
			last = i
		}
		if len(next.insts) == 0 {
			return last
		}
		s = next
		i += w
	}
	if d.matchesAtEnd(s) {
		last = len(text)
	}
	return last
}

// transition is the state after s reads r.
func (d *dfa) transition(s *dstate, r rune) *dstate {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r < utf8.RuneSelf {
		if next := s.ascii[r].Load(); next != nil {
			return next
		}
	} else if next, ok := s.wide.Load(r); ok {
		return next.(*dstate)
	}
	if len(d.states) >= d.limit {
		d.reset() // s stays valid: it is only no longer shared
	}
	matched := d.step(s, r)
	next := d.intern(d.next, classOf(r), matched)
	if r < utf8.RuneSelf {
		s.ascii[r].Store(next)
	} else {
		s.wide.Store(r, next)
	}
	return next
}

// matchesAtEnd reports whether a match ends where the text does, after s.
func (d *dfa) matchesAtEnd(s *dstate) bool {
	if v := s.atEnd.Load(); v != 0 {
		return v == 2
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	v := int32(1)
	if d.step(s, -1) {
		v = 2
	}
	s.atEnd.Store(v)
	return v == 2
}

// step follows s's threads through the instructions that read no character, in
// order of preference, with the assertions read between the character before and
// r (-1: the end of the text), and steps those that read r. It leaves in d.next
// the threads that read it, in order, and reports whether a thread matched before
// r; the threads after that one are cut, as regexp's machine cuts them.
func (d *dfa) step(s *dstate, r rune) (matched bool) {
	ctx := syntax.EmptyOpContext(s.prev.rep(), r)
	clear(d.seen)
	d.next = d.next[:0]
	for _, pc := range s.insts {
		d.stack = append(d.stack[:0], pc)
		for len(d.stack) > 0 {
			pc := d.stack[len(d.stack)-1]
			d.stack = d.stack[:len(d.stack)-1]
			if d.seen[pc] {
				continue
			}
			d.seen[pc] = true
			inst := &d.prog.Inst[pc]
			switch inst.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				d.stack = append(d.stack, inst.Arg, inst.Out) // Out first
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(inst.Arg)&^ctx == 0 {
					d.stack = append(d.stack, inst.Out)
				}
			case syntax.InstNop, syntax.InstCapture:
				d.stack = append(d.stack, inst.Out)
			case syntax.InstMatch:
				return true
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				if r >= 0 && reads(inst, r) {
					d.next = append(d.next, inst.Out)
				}
			}
		}
	}
	return false
}

// reads reports whether a rune instruction reads r, as regexp's machine decides.
func reads(inst *syntax.Inst, r rune) bool {
	switch inst.Op {
	case syntax.InstRune1:
		return r == inst.Rune[0]
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return inst.MatchRune(r)
}

// intern returns the state of these threads, made once. Under mu.
func (d *dfa) intern(insts []uint32, prev prevClass, match bool) *dstate {
	// A thread a preferred one already holds adds nothing after it.
	clear(d.seen)
	k := d.key[:0]
	k = append(k, byte(prev))
	if match {
		k = append(k, 1)
	} else {
		k = append(k, 0)
	}
	kept := make([]uint32, 0, len(insts))
	for _, pc := range insts {
		if d.seen[pc] {
			continue
		}
		d.seen[pc] = true
		kept = append(kept, pc)
		k = append(k, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	d.key = k
	if s, ok := d.states[string(k)]; ok {
		return s
	}
	s := &dstate{insts: kept, prev: prev, match: match}
	d.states[strings.Clone(string(k))] = s
	return s
}

// wholeRE is an expression anchored at the start, as the forms of a value are
// ("^…$"), asked first of its automaton: a value is tried against form after form
// and fits at most one, and the automaton tells the ones it does not fit at a
// table lookup a character, where regexp would run its machine. Our backtracker
// then finds the groups of the one that fits (TestWholeREsAnswerAsRegexp).
type wholeRE struct {
	lazyRegexp // the form, compiled by regexp for a text too long to backtrack over
	auto       *dfa
	btOnce     sync.Once
	bt         *backtracker
}

// wholeREStates bounds each form's automaton; a form needs a few dozen states.
const wholeREStates = 256

// wholeREs is every wholeRE made, for the tests that compare them with regexp
// and check that each is anchored.
var wholeREs []*wholeRE

// mustWhole makes the form expr, which must be anchored at the start on every
// way through it (TestWholeREsAreAnchored). Its automaton and its regexp are made
// when first asked for: every process loads this package, and one that reads no
// value (a check with every claim from the cache) needs neither.
func mustWhole(expr string) *wholeRE {
	w := &wholeRE{lazyRegexp: lazyRegexp{src: expr}, auto: newDFALimit(expr, wholeREStates)}
	wholeREs = append(wholeREs, w)
	return w
}

// opensAnchored reports whether every match of re must begin at the start of the
// text.
func opensAnchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpBeginLine:
		return re.Flags&syntax.OneLine != 0
	case syntax.OpCapture:
		return opensAnchored(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && opensAnchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !opensAnchored(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// MatchString is regexp's MatchString.
func (w *wholeRE) MatchString(s string) bool { return w.auto.end(s) >= 0 }

// FindStringSubmatch is regexp's FindStringSubmatch. The groups of a text that
// fits are found by backtracking from its start (the form is anchored there): a
// form of the date grammar has more instructions than regexp backtracks over, and
// its machine, which carries every live thread a character at a time, made
// reading the dates of a chronology cost ten times what its prose did.
func (w *wholeRE) FindStringSubmatch(s string) []string {
	if w.auto.end(s) < 0 {
		return nil
	}
	bt := w.tracker()
	if !bt.fits(s, 0) {
		return w.regexp().FindStringSubmatch(s)
	}
	var room [16]int
	m := bt.match(room[:0], s, 0)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// tracker is the form's backtracker, made when first asked for.
func (w *wholeRE) tracker() *backtracker {
	w.btOnce.Do(func() {
		re, err := syntax.Parse(w.src, syntax.Perl)
		if err != nil {
			panic(err) // the form compiled in its automaton
		}
		w.bt = backtrackerOf(re.Simplify())
	})
	return w.bt
}

// lazyRegexp is an expression regexp compiles when it is first used, as the
// standard library's internal/lazyregexp: the package's largest expressions (the
// date grammar's) cost milliseconds each to compile, and every process loads the
// package, most of them without reading a date.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func lazyRE(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.regexp().MatchString(s) }

func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.regexp().FindStringSubmatchIndex(s)
}

func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.regexp().FindAllStringIndex(s, n)
}
