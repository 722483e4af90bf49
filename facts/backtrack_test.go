package facts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// TestASCIIReadAsMatchRune: the table of each rune instruction of the rules'
// programs reads what the instruction reads.
func TestASCIIReadAsMatchRune(t *testing.T) {
	exprs := []string{`(?i)a[b-dX]\w+.`, `(?s).`, `(?i:k)`, `[^a-z]`, DatePattern, `(?i)` + DatePattern}
	for _, expr := range exprs {
		prog, err := syntax.Compile(mustParse(t, expr))
		if err != nil {
			t.Fatal(err)
		}
		for pc := range prog.Inst {
			inst := &prog.Inst[pc]
			set := asciiRead(inst)
			for c := rune(0); c < utf8.RuneSelf; c++ {
				isRune := inst.Op == syntax.InstRune || inst.Op == syntax.InstRune1 || inst.Op == syntax.InstRuneAny || inst.Op == syntax.InstRuneAnyNotNL
				want := isRune && reads(inst, c)
				if got := set[c>>6]&(1<<(c&63)) != 0; got != want {
					t.Fatalf("%s: instruction %d (%v) reads %q: %v, MatchRune says %v", expr, pc, inst, c, got, want)
				}
			}
		}
	}
}

func mustParse(t *testing.T, expr string) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return re.Simplify()
}

// newBacktracker compiles expr as regexp.Compile does (Perl syntax, simplified).
func newBacktracker(expr string) *backtracker {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("facts: " + err.Error())
	}
	return backtrackerOf(re.Simplify())
}

// btExprs are expressions with what the backtracker must get right: the
// preference among alternatives and repeats, groups set on ways that fail,
// assertions at the end and beside characters beyond ASCII, case folding
// (K and the Kelvin sign), empty matches, and the date grammar.
var btExprs = []string{
	`(?i)(a|ab)(c|bcd)(d*)`,
	`(\w+)\s+(\w+?)\b`,
	`(?i)\bk(\w*)\b`,
	`(x*)(x+)(y)?$`,
	`(?m)(\n|b)(a*)($|c)`,
	`[^a-z]+(é|e)\B`,
	`(a*)*`,
	`(?s)(.+?)(\.|$)`,
	`(?U)(a+)(a*)`,
	`(?i)(?P<date>` + DatePattern + `)`,
}

// sameAsRegexp fails the test where the backtracker's match at any position of
// text differs from regexp's match of the expression anchored there.
func sameAsRegexp(t *testing.T, expr, text string) {
	t.Helper()
	bt := newBacktracker(expr)
	re := regexp.MustCompile(`^(?s:.)(?:` + expr + `)`)
	for p := 0; p < len(text); p += charLen(text, p) { // where a character starts, as starts tries
		want := re.FindStringSubmatchIndex(from(text, p))
		for i := range want {
			if want[i] >= 0 {
				want[i] += p - 1
			}
		}
		if want != nil {
			want[0] = p
		}
		if got := bt.match(nil, text, p); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s on %q at %d: the backtracker finds %v, regexp %v", expr, text, p, got, want)
		}
	}
}

func TestBacktrackerAsRegexp(t *testing.T) {
	texts := []string{"", "abcd", "abcdd e", "Kelvin \u212aelvin k", "xxxy", "xx\nb\nac", "AB é e.", "aaa", "on 5 May 1990 and 1991.", "\xff\xfe a"}
	for _, expr := range btExprs {
		for _, text := range texts {
			sameAsRegexp(t, expr, text)
		}
	}
}

func FuzzBacktracker(f *testing.F) {
	for i := range btExprs {
		f.Add(uint8(i), "abcd xxxy \u212a 12 May 1990")
	}
	f.Fuzz(func(t *testing.T, i uint8, text string) {
		if len(text) > 200 {
			return
		}
		sameAsRegexp(t, btExprs[int(i)%len(btExprs)], text)
	})
}

// BenchmarkBacktrack finds the dates of a sentence with the date grammar,
// anchored where each word starts, by regexp (which runs its NFA for a program
// this size) and by the backtracker.
func BenchmarkBacktrack(b *testing.B) {
	expr := `(?i)(?P<date>` + DatePattern + `)`
	text := "The group moved its headquarters on 12 March 1986, and again between 2013 and 2016, before the end of 2016."
	var at []int
	for p := range len(text) {
		if p == 0 || text[p-1] == ' ' {
			at = append(at, p)
		}
	}
	b.Run("regexp", func(b *testing.B) {
		re := regexp.MustCompile(`^(?s:.)(?:` + expr + `)`)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for _, p := range at {
				re.FindStringSubmatchIndex(from(text, p))
			}
		}
	})
	b.Run("backtracker", func(b *testing.B) {
		bt := newBacktracker(expr)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for _, p := range at {
				bt.match(nil, text, p)
			}
		}
	})
}

// TestBacktrackerReadsAsMatchRune: each rune instruction of the backtracker's
// program, kept without pointers, reads the characters syntax.Inst.MatchRune
// reads, beyond ASCII too (folded letters, classes of many ranges, the
// replacement character an invalid byte reads as).
func TestBacktrackerReadsAsMatchRune(t *testing.T) {
	exprs := append([]string{`(?i)[a-zé-ü]k\x{212a}s[^\x{100}-\x{200}\n]\p{Greek}\PL.`, `(?s).`, `(?i)σ`, `é`, `[\x{FFFD}\x{1F600}-\x{1F64F}]`}, btExprs...)
	var rs []rune
	for r := rune(0); r < 0x700; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, 0x1E9E, 0x2126, 0x212A, 0x212B, utf8.RuneError, 0x1F600, 0x1F64F, 0x1F650, unicode.MaxRune)
	for _, expr := range exprs {
		re := mustParse(t, expr)
		prog, err := syntax.Compile(re)
		if err != nil {
			t.Fatal(err)
		}
		bt := backtrackerInOrder(re, nil) // numbered as prog is
		for pc := range prog.Inst {
			inst := &prog.Inst[pc]
			switch inst.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			for _, r := range rs {
				if got, want := bt.reads(uint32(pc), r), inst.MatchRune(r); got != want {
					t.Fatalf("%s: instruction %d (%v) reads %U: %v, MatchRune says %v", expr, pc, inst, r, got, want)
				}
			}
		}
	}
}

// TestBacktrackerTriesEachPlaceOnce: what was tried is marked where ways join
// (joins), which is enough for an attempt to take up no way twice at one
// instruction and position, however many ways an expression has to the same
// place: each of these, on a text that fails it late, would take up thousands of
// ways unmarked. (An instruction that sets a group takes up one way more there,
// to give the group back. Unmarked, an expression that may repeat nothing, such
// as "(a*)*b", would not end at all.)
func TestBacktrackerTriesEachPlaceOnce(t *testing.T) {
	text := strings.Repeat("a", 16) + "c"
	for _, expr := range []string{`(?:a|aa)*b`, `(?:a|aa|aaa)+?b`, `(?i)(?:a|A|\w)+?b`, `(?:a?){10}a{10}b`, `(\w|a)*(a|\w)*b`} {
		bt := newBacktracker(expr)
		s := bt.state(len(text) + 1)
		s.caps = append(s.caps[:0], make([]int, bt.ncap)...)
		if bt.try(s, text, 0, nil) {
			t.Fatalf("%s matches %q", expr, text)
		}
		if bound := 2 * len(bt.insts) * (len(text) + 1); s.ways > bound {
			t.Errorf("%s took up %d ways, more than two for each of its instructions at each position (%d)", expr, s.ways, bound)
		}
		s.giveBack()
	}
}

// TestBtInstSize: an instruction takes 32 bytes, two to a line of cache (see
// btInst).
func TestBtInstSize(t *testing.T) {
	if n := unsafe.Sizeof(btInst{}); n != 32 {
		t.Errorf("btInst takes %d bytes, want 32", n)
	}
}

// TestLayOutKeepsAlternativesTogether: laid out (layOut), the backtracker's
// program is the compiler's with its instructions numbered again, and an
// alternative's two ways lie just after it: in the date grammar, nine in ten
// within eight instructions (a few lines of memory), where the compiler puts
// nearly every alternative after both its ways, most of them far.
func TestLayOutKeepsAlternativesTogether(t *testing.T) {
	re := mustParse(t, `(?i)(?P<date>`+DatePattern+`)`)
	in, out := backtrackerInOrder(re, nil), backtrackerOf(re)
	if len(in.insts) != len(out.insts) {
		t.Fatalf("%d instructions laid out, %d compiled", len(out.insts), len(in.insts))
	}
	ops := func(bt *backtracker) map[syntax.InstOp]int {
		m := map[syntax.InstOp]int{}
		for _, i := range bt.insts {
			m[i.op]++
		}
		return m
	}
	if a, b := ops(in), ops(out); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("instructions laid out %v, compiled %v", b, a)
	}
	near := func(bt *backtracker) float64 {
		close, ways := 0, 0
		for pc, i := range bt.insts {
			if i.op == syntax.InstAlt || i.op == syntax.InstAltMatch {
				for _, to := range []uint32{i.out, i.arg} {
					if d := int(to) - pc; d > 0 && d <= 8 {
						close++
					}
					ways++
				}
			}
		}
		return float64(close) / float64(ways)
	}
	before, after := near(in), near(out)
	t.Logf("%.0f%% of the ways of an alternative lie within 8 instructions after it, %.0f%% as compiled", 100*after, 100*before)
	if after < 0.9 || after <= before {
		t.Errorf("%.0f%% of the ways of an alternative lie within 8 instructions after it, %.0f%% as compiled", 100*after, 100*before)
	}
}
