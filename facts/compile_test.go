package facts

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"testing"
)

// compileCases are expressions for every op the compiler meets, and its corners:
// empty alternatives, nullable loops (compiled as (x+)?), failure, classes that
// are any character, case folding of one rune and of none.
var compileCases = []string{
	`a`, `abc`, `(?i)k`, `(?i)1`, `[ab]`, `[^\n]`, `(?s).`, `.`, `^$`, `(?m)^a$`, `\A\z`, `\b\B`,
	`a*`, `a+?`, `a??`, `(a*)*`, `(a|)+`, `(?:)`, `a|b|`, `x{2,5}`, `(?:a{0}|b)`, `[^\x00-\x{10FFFF}]`, `(a)(b(c))`,
	`(?i)^(?:` + DatePattern + `)`,
}

// TestCompileProgAsSyntax: compileProg makes syntax.Compile's program, the same
// instructions in the same places, for the expressions of every rule of the test
// corpora (their names spelled out) and the cases above, in the room it made
// for them at first.
func TestCompileProgAsSyntax(t *testing.T) {
	var trees []*syntax.Regexp
	for _, expr := range compileCases {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		trees = append(trees, re.Simplify())
	}
	for name, load := range testCorpora(t) {
		c, err := load()
		if err != nil {
			t.Fatal(err)
		}
		rs, err := CompileRules(c.Profile, RuleFile{Name: "default rules", Data: DefaultRules})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs.prepared.starts) == 0 {
			t.Fatalf("%s: no expression to compile", name)
		}
		for _, st := range rs.prepared.starts {
			trees = append(trees, st.tree)
		}
	}
	for _, re := range trees {
		if err := sameProg(re); err != nil {
			t.Error(err)
		}
	}
}

// sameProg compares compileProg(re) with syntax.Compile(re).
func sameProg(re *syntax.Regexp) error {
	want, err := syntax.Compile(re)
	if err != nil {
		return nil // compileProg panics where syntax.Compile fails; neither is asked
	}
	room := 2 + instBound(re, nil)
	got := compileProg(re)
	switch {
	case got.Start != want.Start || got.NumCap != want.NumCap || len(got.Inst) != len(want.Inst):
		return fmt.Errorf("%.80s: start %d, %d groups, %d instructions; syntax.Compile: %d, %d, %d", re, got.Start, got.NumCap, len(got.Inst), want.Start, want.NumCap, len(want.Inst))
	case len(got.Inst) > room:
		return fmt.Errorf("%.80s: %d instructions in room for %d", re, len(got.Inst), room)
	}
	for pc := range want.Inst {
		g, w := &got.Inst[pc], &want.Inst[pc]
		if g.Op != w.Op || g.Out != w.Out || g.Arg != w.Arg || !slices.Equal(g.Rune, w.Rune) {
			return fmt.Errorf("%.80s: instruction %d is %v, syntax.Compile's %v", re, pc, g, w)
		}
	}
	return nil
}

func FuzzCompileProg(f *testing.F) {
	for _, expr := range compileCases[:len(compileCases)-1] {
		f.Add(expr)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			return
		}
		if err := sameProg(re.Simplify()); err != nil {
			t.Error(err)
		}
	})
}
