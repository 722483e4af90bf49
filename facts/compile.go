// The compiler below is regexp/syntax's (compile.go), adapted: Copyright 2011 The
// Go Authors, under the BSD-style license of the Go distribution.

package facts

import (
	"regexp/syntax"
	"unicode"
)

// compileProg is syntax.Compile, instruction for instruction
// (TestCompileProgAsSyntax, FuzzCompileProg), with room made for the program at
// once: syntax.Compile appends its instructions one by one, and a slice that long
// grows by a quarter, so a rule that spells every name of a profile of thousands
// of people (tens of thousands of instructions) was copied over and over as it
// grew. re is simplified, as syntax.Compile wants it.
func compileProg(re *syntax.Regexp) *syntax.Prog { return compileProgWith(re, nil) }

// apartFunc numbers the subtrees compiled apart (see shared.go): ok for one,
// with its number and whether it can match the empty string.
type apartFunc func(re *syntax.Regexp) (n uint32, nullable, ok bool)

// compileProgWith is compileProg with the subtrees sub numbers compiled apart:
// each is one instruction of ours, instSub, its Arg the number.
func compileProgWith(re *syntax.Regexp, sub apartFunc) *syntax.Prog {
	c := progCompiler{p: &syntax.Prog{Inst: make([]syntax.Inst, 0, 2+instBound(re, sub)), NumCap: 2}, sub: sub}
	c.inst(syntax.InstFail)
	f := c.compile(re)
	f.out.patch(c.p, c.inst(syntax.InstMatch).i)
	c.p.Start = int(f.i)
	return c.p
}

// instBound is at least how many instructions compiling re makes, the subtrees
// apart one each.
func instBound(re *syntax.Regexp, apart apartFunc) int {
	if apart != nil {
		if _, _, ok := apart(re); ok {
			return 1
		}
	}
	n := 0
	for _, sub := range re.Sub {
		n += instBound(sub, apart)
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return 0
	case syntax.OpLiteral:
		return max(1, len(re.Rune))
	case syntax.OpCapture, syntax.OpStar:
		return n + 2
	case syntax.OpPlus, syntax.OpQuest:
		return n + 1
	case syntax.OpConcat:
		return max(1, n)
	case syntax.OpAlternate:
		return n + len(re.Sub)
	}
	return n + 1
}

// A patchList is a list of instruction pointers that need to be filled in
// (patched): each is an instruction's index times two, plus one for its Arg
// rather than its Out, and the list is threaded through the very fields it
// will fill in.
type patchList struct{ head, tail uint32 }

func makePatchList(n uint32) patchList { return patchList{n, n} }

func (l patchList) patch(p *syntax.Prog, val uint32) {
	head := l.head
	for head != 0 {
		i := &p.Inst[head>>1]
		if head&1 == 0 {
			head = i.Out
			i.Out = val
		} else {
			head = i.Arg
			i.Arg = val
		}
	}
}

func (l1 patchList) append(p *syntax.Prog, l2 patchList) patchList {
	if l1.head == 0 {
		return l2
	}
	if l2.head == 0 {
		return l1
	}
	i := &p.Inst[l1.tail>>1]
	if l1.tail&1 == 0 {
		i.Out = l2.head
	} else {
		i.Arg = l2.head
	}
	return patchList{l1.head, l2.tail}
}

// A frag is a compiled fragment: its first instruction, where its end is to be
// recorded, and whether it can match the empty string.
type frag struct {
	i        uint32
	out      patchList
	nullable bool
}

type progCompiler struct {
	p   *syntax.Prog
	sub apartFunc // the subtrees compiled apart, numbered
}

var (
	anyRuneNotNL = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	anyRune      = []rune{0, unicode.MaxRune}
)

func (c *progCompiler) compile(re *syntax.Regexp) frag {
	if c.sub != nil {
		if n, nullable, ok := c.sub(re); ok {
			f := c.inst(instSub)
			c.p.Inst[f.i].Arg = n
			f.out = makePatchList(f.i << 1)
			f.nullable = nullable
			return f
		}
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return c.fail()
	case syntax.OpEmptyMatch:
		return c.nop()
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return c.nop()
		}
		var f frag
		for j := range re.Rune {
			f1 := c.rune(re.Rune[j:j+1], re.Flags)
			if j == 0 {
				f = f1
			} else {
				f = c.cat(f, f1)
			}
		}
		return f
	case syntax.OpCharClass:
		return c.rune(re.Rune, re.Flags)
	case syntax.OpAnyCharNotNL:
		return c.rune(anyRuneNotNL, 0)
	case syntax.OpAnyChar:
		return c.rune(anyRune, 0)
	case syntax.OpBeginLine:
		return c.empty(syntax.EmptyBeginLine)
	case syntax.OpEndLine:
		return c.empty(syntax.EmptyEndLine)
	case syntax.OpBeginText:
		return c.empty(syntax.EmptyBeginText)
	case syntax.OpEndText:
		return c.empty(syntax.EmptyEndText)
	case syntax.OpWordBoundary:
		return c.empty(syntax.EmptyWordBoundary)
	case syntax.OpNoWordBoundary:
		return c.empty(syntax.EmptyNoWordBoundary)
	case syntax.OpCapture:
		bra := c.cap(uint32(re.Cap << 1))
		sub := c.compile(re.Sub[0])
		ket := c.cap(uint32(re.Cap<<1 | 1))
		return c.cat(c.cat(bra, sub), ket)
	case syntax.OpStar:
		return c.star(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpPlus:
		return c.plus(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpQuest:
		return c.quest(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return c.nop()
		}
		var f frag
		for i, sub := range re.Sub {
			if i == 0 {
				f = c.compile(sub)
			} else {
				f = c.cat(f, c.compile(sub))
			}
		}
		return f
	case syntax.OpAlternate:
		var f frag
		for _, sub := range re.Sub {
			f = c.alt(f, c.compile(sub))
		}
		return f
	}
	panic("facts: cannot compile " + re.Op.String() + " (simplify the expression first)")
}

func (c *progCompiler) inst(op syntax.InstOp) frag {
	f := frag{i: uint32(len(c.p.Inst)), nullable: true}
	c.p.Inst = append(c.p.Inst, syntax.Inst{Op: op})
	return f
}

func (c *progCompiler) nop() frag {
	f := c.inst(syntax.InstNop)
	f.out = makePatchList(f.i << 1)
	return f
}

func (c *progCompiler) fail() frag { return frag{} }

func (c *progCompiler) cap(arg uint32) frag {
	f := c.inst(syntax.InstCapture)
	f.out = makePatchList(f.i << 1)
	c.p.Inst[f.i].Arg = arg
	if c.p.NumCap < int(arg)+1 {
		c.p.NumCap = int(arg) + 1
	}
	return f
}

func (c *progCompiler) cat(f1, f2 frag) frag {
	// Concat of failure is failure.
	if f1.i == 0 || f2.i == 0 {
		return frag{}
	}
	f1.out.patch(c.p, f2.i)
	return frag{f1.i, f2.out, f1.nullable && f2.nullable}
}

func (c *progCompiler) alt(f1, f2 frag) frag {
	// Alt of failure is other.
	if f1.i == 0 {
		return f2
	}
	if f2.i == 0 {
		return f1
	}
	f := c.inst(syntax.InstAlt)
	i := &c.p.Inst[f.i]
	i.Out = f1.i
	i.Arg = f2.i
	f.out = f1.out.append(c.p, f2.out)
	f.nullable = f1.nullable || f2.nullable
	return f
}

func (c *progCompiler) quest(f1 frag, nongreedy bool) frag {
	f := c.inst(syntax.InstAlt)
	i := &c.p.Inst[f.i]
	if nongreedy {
		i.Arg = f1.i
		f.out = makePatchList(f.i << 1)
	} else {
		i.Out = f1.i
		f.out = makePatchList(f.i<<1 | 1)
	}
	f.out = f.out.append(c.p, f1.out)
	return f
}

// loop returns the fragment for the main loop of a plus or star: f1 followed by
// a choice to go back to it or on.
func (c *progCompiler) loop(f1 frag, nongreedy bool) frag {
	f := c.inst(syntax.InstAlt)
	i := &c.p.Inst[f.i]
	if nongreedy {
		i.Arg = f1.i
		f.out = makePatchList(f.i << 1)
	} else {
		i.Out = f1.i
		f.out = makePatchList(f.i<<1 | 1)
	}
	f1.out.patch(c.p, f.i)
	return f
}

func (c *progCompiler) star(f1 frag, nongreedy bool) frag {
	if f1.nullable {
		// Use (f1+)? to get priority match order correct.
		return c.quest(c.plus(f1, nongreedy), nongreedy)
	}
	return c.loop(f1, nongreedy)
}

func (c *progCompiler) plus(f1 frag, nongreedy bool) frag {
	return frag{f1.i, c.loop(f1, nongreedy).out, f1.nullable}
}

func (c *progCompiler) empty(op syntax.EmptyOp) frag {
	f := c.inst(syntax.InstEmptyWidth)
	c.p.Inst[f.i].Arg = uint32(op)
	f.out = makePatchList(f.i << 1)
	return f
}

func (c *progCompiler) rune(r []rune, flags syntax.Flags) frag {
	f := c.inst(syntax.InstRune)
	f.nullable = false
	i := &c.p.Inst[f.i]
	i.Rune = r
	flags &= syntax.FoldCase // only relevant flag is FoldCase
	if len(r) != 1 || unicode.SimpleFold(r[0]) == r[0] {
		// and sometimes not even that
		flags &^= syntax.FoldCase
	}
	i.Arg = uint32(flags)
	f.out = makePatchList(f.i << 1)
	// Special cases for exec machine.
	switch {
	case flags&syntax.FoldCase == 0 && (len(r) == 1 || len(r) == 2 && r[0] == r[1]):
		i.Op = syntax.InstRune1
	case len(r) == 2 && r[0] == 0 && r[1] == unicode.MaxRune:
		i.Op = syntax.InstRuneAny
	case len(r) == 4 && r[0] == 0 && r[1] == '\n'-1 && r[2] == '\n'+1 && r[3] == unicode.MaxRune:
		i.Op = syntax.InstRuneAnyNotNL
	}
	return f
}
