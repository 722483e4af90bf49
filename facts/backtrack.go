package facts

import (
	"regexp/syntax"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// backtracker finds the match of an expression that begins at a given position
// of a text, with its groups, by backtracking as regexp's own backtracker does:
// the ways through the program in order of preference, each (instruction,
// position) tried once, so the first match found is the leftmost-first one and
// the work is bounded by the program's size times the text's.
//
// regexp backtracks only for programs of at most 500 instructions and texts of at
// most 256 Ki bits over the program's size; the rules that hold the profile's
// names or the date and count grammars have thousands, and regexp runs its NFA
// for them, which carries every live thread and its groups a character at a
// time. A match of such a rule is mostly one way through a few alternatives, and
// found by backtracking in a fraction of the time (BenchmarkBacktrack: about an
// eighth for the date grammar tried at each word of a sentence). The
// bitmap of what was tried is cleared word by word where it was written, not
// over its whole size, so an attempt costs what it explores.
type backtracker struct {
	// The program, without pointers: the collector need not scan it (thousands
	// of instructions a rule, kept for the whole run, were scanned at every
	// cycle as syntax.Prog); runes holds every rune instruction's runes.
	insts []btInst
	runes []rune
	// runeSpans are, for each instruction, where its runes are in runes: read
	// only for a character beyond ASCII, they are kept apart from the
	// instructions, which every step reads.
	runeSpans [][2]uint32
	start     uint32
	ncap      int
	// leads holds, for each instruction, the bytes a match can read first from
	// there (every byte where it may read none, or a character beyond ASCII):
	// the way out of an alternative whose leads do not hold the next byte goes
	// untried.
	leads []byteSet
	// subs are the programs compiled apart its instSub instructions run, and
	// subBits the most room in the bitmap of what was tried one of them takes.
	subs    []*subProgram
	subBits int
}

// btInst is an instruction of syntax.Prog (its runes are apart: see runeSpans);
// ascii holds its leads in ASCII, as two words of bits: for a rune instruction,
// the ASCII characters it reads (the case folding and the classes worked out
// once), beside the instruction, which is read with them. It takes 32 bytes, two
// to a line of the processor's cache: a rule's program is thousands of them, and
// the programs of all the rules, read rule after rule for every source, do not
// stay in the cache (at 40 bytes, a run on the generated corpus of 1,000 sources
// missed the last level of a simulated 1 MB cache 5% more often).
type btInst struct {
	op       syntax.InstOp
	fold     bool // a single rune read in every case
	join     bool // reached more than one way (see joins): what was tried there is marked
	char     bool // reads one character (a rune instruction)
	out, arg uint32
	ascii    [2]uint64
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

// backtrackerOf compiles an expression parsed and simplified.
func backtrackerOf(re *syntax.Regexp) *backtracker { return backtrackerWith(re, nil) }

// backtrackerWith is backtrackerOf with the lists of names of shared compiled
// apart, run by its instSub instructions; its instructions are laid out in the
// order an attempt reads them (layOut).
func backtrackerWith(re *syntax.Regexp, shared *sharedNames) *backtracker {
	return buildBacktracker(re, shared, true)
}

// backtrackerInOrder is backtrackerWith with the instructions in the order the
// compiler made them.
func backtrackerInOrder(re *syntax.Regexp, shared *sharedNames) *backtracker {
	return buildBacktracker(re, shared, false)
}

// buildBacktracker compiles re, its instructions numbered as layOut orders them
// if laidOut, else as the compiler made them; each is made once, in its place.
func buildBacktracker(re *syntax.Regexp, shared *sharedNames, laidOut bool) *backtracker {
	ncap := re.MaxCap()
	var subs []*subProgram
	var apart apartFunc
	if !shared.none() { // else every node would be looked up for nothing
		number := map[*subProgram]uint32{}
		apart = func(t *syntax.Regexp) (uint32, bool, bool) {
			sp := shared.of(t)
			if sp == nil {
				return 0, false, false
			}
			n, ok := number[sp]
			if !ok {
				n = uint32(len(subs))
				number[sp] = n
				subs = append(subs, sp)
			}
			return n, sp.nullable, true
		}
	}
	prog := compileProgWith(re, apart)
	n := len(prog.Inst)
	// order[k] is the compiler's number of the instruction put in place k, and
	// number[pc] the place of the compiler's instruction pc.
	var order, number []uint32
	if laidOut {
		order, number = layOut(prog)
	} else {
		order = make([]uint32, n)
		for pc := range order {
			order[pc] = uint32(pc)
		}
		number = order
	}
	bt := &backtracker{start: number[prog.Start], ncap: 2 * (ncap + 1), subs: subs}
	for _, sp := range subs {
		bt.subBits = max(bt.subBits, sp.bits())
	}
	// The leads and the joins are worked out over the compiler's program, the
	// leads put in their places; each instruction is then made in its place,
	// its ways renumbered.
	runes := 0
	for pc := range prog.Inst {
		runes += len(prog.Inst[pc].Rune)
	}
	bt.leads = leadsOf(prog, subs, number)
	joined := joins(prog)
	bt.insts = make([]btInst, n)
	bt.runeSpans = make([][2]uint32, n)
	bt.runes = make([]rune, 0, runes)
	for at, pc := range order {
		inst := &prog.Inst[pc]
		in := btInst{op: inst.Op, out: inst.Out, arg: inst.Arg, join: joined[pc],
			fold: inst.Op == syntax.InstRune && len(inst.Rune) == 1 && syntax.Flags(inst.Arg)&syntax.FoldCase != 0,
			char: inst.Op == syntax.InstRune || inst.Op == syntax.InstRune1 || inst.Op == syntax.InstRuneAny || inst.Op == syntax.InstRuneAnyNotNL,
			// Every instruction's leads in ASCII beside it: a rune instruction's
			// are the characters it reads; the others' do not need the room
			// otherwise.
			ascii: [2]uint64{bt.leads[at][0], bt.leads[at][1]}}
		switch in.op {
		case syntax.InstAlt, syntax.InstAltMatch:
			in.out, in.arg = number[in.out], number[in.arg]
		case syntax.InstFail, syntax.InstMatch:
		default: // arg is a group, flags or a program's number
			in.out = number[in.out]
		}
		bt.insts[at] = in
		lo := uint32(len(bt.runes))
		bt.runes = append(bt.runes, inst.Rune...)
		bt.runeSpans[at] = [2]uint32{lo, uint32(len(bt.runes))}
	}
	return bt
}

// joins says which instructions of prog an attempt may come to more than once at
// one position: those more than one way leads to (the start, which the attempt
// opens with, is one), and those after a list of names (instSub), which goes on
// from each of its ends. Elsewhere an instruction is come to from one
// instruction alone, which was at most once at each position, and went on by a
// step that never takes two positions to one (a character, or none): marking
// what was tried there would only repeat the mark before it.
func joins(prog *syntax.Prog) []bool {
	ways := make([]uint8, len(prog.Inst))
	way := func(pc uint32) {
		if ways[pc] < 2 {
			ways[pc]++
		}
	}
	way(uint32(prog.Start))
	out := make([]bool, len(prog.Inst))
	for pc := range prog.Inst {
		inst := &prog.Inst[pc]
		switch inst.Op {
		case syntax.InstMatch, syntax.InstFail:
		case syntax.InstAlt, syntax.InstAltMatch:
			way(inst.Out)
			way(inst.Arg)
		case instSub:
			out[inst.Out] = true
		default:
			way(inst.Out)
		}
	}
	for pc, n := range ways {
		out[pc] = out[pc] || n > 1
	}
	return out
}

// reads reports whether instruction in reads r, as regexp's machine decides
// (syntax.Inst.MatchRune; TestBacktrackerReadsAsMatchRune).
func (bt *backtracker) reads(pc uint32, r rune) bool {
	in := &bt.insts[pc]
	switch in.op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	span := bt.runeSpans[pc]
	runes := bt.runes[span[0]:span[1]]
	if len(runes) == 1 {
		r0 := runes[0]
		if r == r0 {
			return true
		}
		if in.fold {
			for f := unicode.SimpleFold(r0); f != r0; f = unicode.SimpleFold(f) {
				if r == f {
					return true
				}
			}
		}
		return false
	}
	// Pairs of ranges, in order: the first that does not end before r.
	i, j := 0, len(runes)/2
	for i < j {
		m := int(uint(i+j) >> 1)
		if runes[2*m+1] < r {
			i = m + 1
		} else {
			j = m
		}
	}
	return i < len(runes)/2 && runes[2*i] <= r
}

// asciiRead is the ASCII characters a rune instruction reads, as
// Inst.MatchRune decides (TestASCIIReadAsMatchRune); none for other instructions.
func asciiRead(inst *syntax.Inst) (set [2]uint64) {
	add := func(lo, hi rune) {
		for c := max(lo, 0); c <= hi && c < utf8.RuneSelf; c++ {
			set[c>>6] |= 1 << (c & 63)
		}
	}
	switch inst.Op {
	case syntax.InstRuneAny:
		add(0, utf8.RuneSelf-1)
	case syntax.InstRuneAnyNotNL:
		add(0, '\n'-1)
		add('\n'+1, utf8.RuneSelf-1)
	case syntax.InstRune1:
		add(inst.Rune[0], inst.Rune[0])
	case syntax.InstRune:
		if len(inst.Rune) == 1 {
			r := inst.Rune[0]
			add(r, r)
			if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					add(f, f)
				}
			}
			break
		}
		for i := 0; i+1 < len(inst.Rune); i += 2 {
			add(inst.Rune[i], inst.Rune[i+1])
		}
	}
	return set
}

// leadsOf works out the leads of every instruction of prog (a rune
// instruction's are the characters it reads, asciiRead): as far as the
// assertions go, they are let through. The leads of instruction pc are put at
// number[pc], its place in the backtracker.
func leadsOf(prog *syntax.Prog, subs []*subProgram, number []uint32) []byteSet {
	leads := make([]byteSet, len(prog.Inst))
	var empty []int // the instructions that read nothing, whose leads are their ways'
	for pc := range prog.Inst {
		inst, at := &prog.Inst[pc], number[pc]
		switch inst.Op {
		case instSub:
			sub := subs[inst.Arg].tracker()
			leads[at] = sub.leads[sub.start]
			if subs[inst.Arg].nullable { // and what follows it, then
				empty = append(empty, pc)
			}
		case syntax.InstMatch:
			leads[at] = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			ascii := asciiRead(inst)
			leads[at][0], leads[at][1] = ascii[0], ascii[1]
			if readsBeyondASCII(inst) {
				leads[at][2], leads[at][3] = ^uint64(0), ^uint64(0)
			}
		case syntax.InstAlt, syntax.InstAltMatch, syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			empty = append(empty, pc)
		}
	}
	// Ways lead to lower instructions mostly, so a pass in the compiler's order
	// settles most.
	for changed := true; changed; {
		changed = false
		for _, pc := range empty {
			inst := &prog.Inst[pc]
			set := leads[number[inst.Out]]
			if inst.Op == instSub {
				sub := subs[inst.Arg].tracker()
				for i, w := range sub.leads[sub.start] {
					set[i] |= w
				}
			}
			if inst.Op == syntax.InstAlt || inst.Op == syntax.InstAltMatch {
				for i, w := range leads[number[inst.Arg]] {
					set[i] |= w
				}
			}
			if at := number[pc]; set != leads[at] {
				leads[at], changed = set, true
			}
		}
	}
	return leads
}

// readsBeyondASCII reports whether a rune instruction may read a character
// beyond ASCII (or a byte that is none).
func readsBeyondASCII(inst *syntax.Inst) bool {
	switch inst.Op {
	case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	case syntax.InstRune1:
		return inst.Rune[0] >= utf8.RuneSelf
	}
	if len(inst.Rune) == 1 {
		r := inst.Rune[0]
		if r >= utf8.RuneSelf {
			return true
		}
		if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf {
					return true
				}
			}
		}
		return false
	}
	for i := 1; i < len(inst.Rune); i += 2 {
		if inst.Rune[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// btJob is a way left to try: an instruction at a position, the second way out
// of an alternative (alt), or a group's position to put back when the way that
// set it has failed (restore).
type btJob struct {
	pc           uint32
	alt, restore bool
	pos          int
}

// btState is one attempt's working space, pooled.
type btState struct {
	jobs    []btJob
	visited []uint64
	dirty   []int32 // the words of visited written to
	caps    []int
	width   int   // positions per instruction in visited
	ends    []int // where the names an instSub runs end
	ways    int   // of the last attempt, the ways it took up again: at most one an instruction and position
}

var btStates = sync.Pool{New: func() any { return new(btState) }}

// btMaxBits bounds the bitmap of what was tried: 4 MiB. A text longer than it
// allows for the program (a line of thousands of bytes with no sentence end in
// it, against a rule of 4,000 instructions) is left to regexp (fits).
var btMaxBits = 1 << 25

// fits reports whether the backtracker may try the program at t[p].
func (bt *backtracker) fits(t string, p int) bool {
	return len(bt.insts)*(len(t)-p+1) <= btMaxBits && bt.subBits <= btMaxBits
}

// visit marks (pc, pos) tried and reports whether it was not already.
func (s *btState) visit(pc uint32, pos int) bool {
	n := int(pc)*s.width + pos
	w, bit := n>>6, uint64(1)<<(n&63)
	v := s.visited[w]
	if v&bit != 0 {
		return false
	}
	if v == 0 {
		s.dirty = append(s.dirty, int32(w))
	}
	s.visited[w] = v | bit
	return true
}

// match returns the match of the expression that begins at t[p], as
// FindStringSubmatchIndex of the expression anchored at p would (the characters
// before p read by the assertions), appended to dst; or nil when none begins
// there. The program must fit (fits).
func (bt *backtracker) match(dst []int, t string, p int) []int {
	s := bt.state(len(t) - p + 1)
	if cap(s.caps) < bt.ncap {
		s.caps = make([]int, bt.ncap)
	}
	s.caps = s.caps[:bt.ncap]
	for i := range s.caps {
		s.caps[i] = -1
	}
	s.caps[0] = p
	if bt.try(s, t, p, nil) {
		dst = append(dst, s.caps...)
	} else {
		dst = nil
	}
	s.giveBack()
	return dst
}

// state is a working space from the pool for an attempt over width positions.
func (bt *backtracker) state(width int) *btState {
	s := btStates.Get().(*btState)
	s.width = width
	if need := len(bt.insts) * s.width; len(s.visited)*64 < need {
		s.visited = make([]uint64, (need+63)/64)
		s.dirty = s.dirty[:0]
	}
	return s
}

// giveBack clears what the attempt marked tried and puts s back in the pool.
func (s *btState) giveBack() {
	for _, w := range s.dirty {
		s.visited[w] = 0
	}
	s.dirty = s.dirty[:0]
	btStates.Put(s)
}

// try runs the program from its start at p, leftmost first; it reports whether
// a match was found, its groups in s.caps. With ends, it goes on past each match
// instead, and appends to *ends where each ends, once, in the order of the first
// way to it (see subProgram.ends); s.caps is then empty.
func (bt *backtracker) try(s *btState, t string, p int, ends *[]int) bool {
	insts := bt.insts
	from := 0
	if ends != nil {
		from = len(*ends)
	}
	s.jobs = append(s.jobs[:0], btJob{pc: bt.start, pos: p})
	s.ways = 0
	for len(s.jobs) > 0 {
		j := s.jobs[len(s.jobs)-1]
		s.jobs = s.jobs[:len(s.jobs)-1]
		s.ways++
		pc, pos := j.pc, j.pos
		if j.restore {
			s.caps[insts[pc].arg] = pos
			continue
		}
		// The second way is marked tried only now: the first may have come to
		// the same instruction at the same position, and gone before it.
		if j.alt {
			pc = insts[pc].arg
		}
		if insts[pc].join && !s.visit(pc, pos-p) {
			continue
		}
		for {
			inst := &insts[pc]
			switch inst.op {
			case syntax.InstAlt, syntax.InstAltMatch:
				// Out first; Arg when Out has failed. (regexp's shortcut for
				// AltMatch only spares work: leftmost first, Out comes first.)
				// A way whose leads the next byte is not among cannot match.
				// (A way that fails at once has no leads: only at the end of
				// the text, where no byte is read, is it looked at.)
				var out, arg bool
				if pos < len(t) {
					// In ASCII the leads are read beside the instructions, whose
					// own the next step reads: one place in memory less to fetch.
					if c := t[pos]; c < utf8.RuneSelf {
						out = insts[inst.out].ascii[c>>6]&(1<<(c&63)) != 0
						arg = insts[inst.arg].ascii[c>>6]&(1<<(c&63)) != 0
					} else {
						out = bt.leads[inst.out].has(c)
						arg = bt.leads[inst.arg].has(c)
					}
				} else {
					out, arg = true, insts[inst.arg].op != syntax.InstFail
				}
				switch {
				case out && arg:
					s.jobs = append(s.jobs, btJob{pc: pc, alt: true, pos: pos})
					pc = inst.out
				case out:
					pc = inst.out
				case arg:
					pc = inst.arg
				default:
					goto fail
				}
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				// The characters of a run read one after another, up to an
				// instruction that reads none or that ways join at, are read here
				// without the switch: most of what the rules read are their words.
				for {
					if pos >= len(t) {
						goto fail
					}
					if c := t[pos]; c < utf8.RuneSelf {
						if inst.ascii[c>>6]&(1<<(c&63)) == 0 {
							goto fail
						}
						pos++
					} else {
						r, w := utf8.DecodeRuneInString(t[pos:])
						if !bt.reads(pc, r) {
							goto fail
						}
						pos += w
					}
					pc = inst.out
					if inst = &insts[pc]; !inst.char || inst.join {
						break
					}
				}
			case syntax.InstCapture:
				if int(inst.arg) < len(s.caps) {
					s.jobs = append(s.jobs, btJob{pc: pc, restore: true, pos: s.caps[inst.arg]})
					s.caps[inst.arg] = pos
				}
				pc = inst.out
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(inst.arg)&^contextAt(t, pos) != 0 {
					goto fail
				}
				pc = inst.out
			case syntax.InstNop:
				pc = inst.out
			case instSub:
				// The ends of the names that begin here, the preferred first: the
				// others are ways left to try, the last the deepest in the stack.
				s.ends = bt.subs[inst.arg].ends(s.ends[:0], t, pos)
				if len(s.ends) == 0 {
					goto fail
				}
				for k := len(s.ends) - 1; k > 0; k-- {
					s.jobs = append(s.jobs, btJob{pc: inst.out, pos: s.ends[k]})
				}
				pc, pos = inst.out, s.ends[0]
			case syntax.InstMatch:
				if ends == nil {
					s.caps[1] = pos
					return true
				}
				if !slices.Contains((*ends)[from:], pos) {
					*ends = append(*ends, pos)
				}
				goto fail
			default: // InstFail
				goto fail
			}
			if insts[pc].join && !s.visit(pc, pos-p) {
				goto fail
			}
		}
	fail:
	}
	return false
}

// contextAt is what the empty-width assertions see at t[pos]: the characters
// either side, -1 beyond the text.
func contextAt(t string, pos int) syntax.EmptyOp {
	before, after := rune(-1), rune(-1)
	if pos > 0 {
		if c := t[pos-1]; c < utf8.RuneSelf {
			before = rune(c)
		} else {
			before, _ = utf8.DecodeLastRuneInString(t[:pos])
		}
	}
	if pos < len(t) {
		if c := t[pos]; c < utf8.RuneSelf {
			after = rune(c)
		} else {
			after, _ = utf8.DecodeRuneInString(t[pos:])
		}
	}
	return syntax.EmptyOpContext(before, after)
}

// layOut numbers prog's instructions again in the order an attempt comes to
// them: from the start, each instruction followed by those it leads to, and an
// alternative by both its ways, the first way then followed on and the second
// taken up after it. The compiler numbers an alternation's branches first and
// their alternatives after, so that an attempt, which looks at both ways of an
// alternative to choose, reads three scattered lines of memory at each; laid out
// so, the chain of an alternation's alternatives and the first instruction of
// each of its branches follow one another. (On the generated corpus of 1,000 sources a
// run misses a simulated 1 MB last-level cache 5% less often.) What a program
// matches does not change: only the numbers. It returns the compiler's number
// of the instruction in each new place (order) and the new place of each
// (number).
func layOut(prog *syntax.Prog) (order, number []uint32) {
	n := len(prog.Inst)
	number = make([]uint32, n)
	for i := range number {
		number[i] = ^uint32(0)
	}
	order = make([]uint32, 0, n)
	num := func(pc uint32) bool {
		if number[pc] != ^uint32(0) {
			return false
		}
		number[pc] = uint32(len(order))
		order = append(order, pc)
		return true
	}
	start := uint32(prog.Start)
	num(start)
	stack := []uint32{start}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for {
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				o := num(in.Out)
				if num(in.Arg) {
					stack = append(stack, in.Arg)
				}
				if !o {
					goto next
				}
				pc = in.Out
			case syntax.InstFail, syntax.InstMatch:
				goto next
			default:
				if !num(in.Out) {
					goto next
				}
				pc = in.Out
			}
		}
	next:
	}
	for pc := range prog.Inst {
		if number[pc] == ^uint32(0) {
			number[pc] = uint32(len(order))
			order = append(order, uint32(pc))
		}
	}
	return order, number
}
