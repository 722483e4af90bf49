package facts

import (
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The names of the people, organizations and authorities the profile knows are
// spelled, as one alternation each, in the fragments a rule's placeholders stand
// for, and {person} or {org} appear in dozens of rules, some twice. Compiled
// into each rule's program, a profile of thousands of names made every program
// tens of thousands of instructions: compiling them was most of a run, and a
// program that long no longer fits the backtracker for a long sentence, which
// leaves the sentence to regexp's machine. So a list of names long enough is
// parsed once, compiled once into a program of its own, and each rule's program
// runs it through one instruction (instSub): the ends of the names that begin at
// a position, in the order a leftmost-first search prefers them, each a way on
// for the rule (TestSharedNamesAsInline holds the two together).

// sharedNamesMin is how many bytes an alternation of names must spell to be
// compiled apart. Below it, inlining costs little and spares the call.
var sharedNamesMin = 4 << 10

// nameAlternations are the alternations of names the fragments spell.
type nameAlternations struct {
	person, org, authority string
}

// alternations are the profile's, worked out once.
func (p *Profile) alternations() *nameAlternations {
	p.placeholders.altOnce.Do(func() {
		p.placeholders.alts = nameAlternations{
			person:    alternation(p.namesOf(EntityPerson)),
			org:       alternation(p.namesOf(EntityOrganization)),
			authority: alternation(p.authorityNames()),
		}
	})
	return &p.placeholders.alts
}

// sharedNames are a profile's lists of names compiled apart: by the tree each
// stands as in the rules' trees.
type sharedNames struct {
	mu    sync.Mutex
	trees map[treeKey]*syntax.Regexp // by alternation and the flags it is read with
	subs  map[*syntax.Regexp]*subProgram
}

type treeKey struct {
	alt   string
	flags syntax.Flags
}

// reset forgets every list, for a profile that has learned names.
func (s *sharedNames) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.trees, s.subs = nil, nil
}

// none reports whether no list is compiled apart (a profile of few names).
func (s *sharedNames) none() bool {
	if s == nil {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.subs) == 0
}

// of is the program compiled apart for tree, nil if tree is none.
func (s *sharedNames) of(tree *syntax.Regexp) *subProgram {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.subs[tree]
}

// tree is the alternation alt parsed with flags, simplified, once for the
// profile; registered as a program apart when its matches are bounded.
func (s *sharedNames) tree(alt string, flags syntax.Flags) (*syntax.Regexp, error) {
	key := treeKey{alt, flags}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.trees[key]; ok {
		return t, nil
	}
	re, err := syntax.Parse(`(?:`+alt+`)`, flags)
	if err != nil {
		return nil, err
	}
	re = re.Simplify()
	if s.trees == nil {
		s.trees, s.subs = map[treeKey]*syntax.Regexp{}, map[*syntax.Regexp]*subProgram{}
	}
	s.trees[key] = re
	var open [256]bool
	nullable, _ := firstBytes(re, &open)
	if n := maxMatchLen(re); n >= 0 && re.Simplify() == re && !hasCapture(re) {
		s.subs[re] = &subProgram{tree: re, maxLen: n, nullable: nullable}
	}
	return re, nil
}

// nameMark stands, while a fragment is parsed, for its k-th list of names: a
// group holding a character of the private use area no rule writes (the
// splice mark's neighbours), which the parser keeps as a node of its own.
func nameMark(k int) string { return `(` + string(rune(nameMarkRune+k)) + `)` }

const nameMarkRune = spliceMark - 8

// markedLists returns frag with the profile's lists of names long enough to be
// compiled apart replaced by their marks, and those lists in the marks' order
// with how many times each was replaced. A list is replaced only where it is a
// whole group or the first ways of one ("(?:…)" or "(?:…|"), which reads the
// same as the group of its mark.
func (p *Profile) markedLists(frag string) (string, []string, []int) {
	a := p.alternations()
	alts := []string{a.person, a.org, a.authority}
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	var lists []string
	var counts []int
	for _, alt := range alts {
		if alt == "" || len(alt) < sharedNamesMin {
			continue
		}
		whole, first := `(?:`+alt+`)`, `(?:`+alt+`|`
		n := strings.Count(frag, whole) + strings.Count(frag, first)
		if n == 0 {
			continue
		}
		mark := nameMark(len(lists))
		frag = strings.ReplaceAll(frag, whole, `(?:`+mark+`)`)
		frag = strings.ReplaceAll(frag, first, `(?:`+mark+`|`)
		lists, counts = append(lists, alt), append(counts, n)
	}
	return frag, lists, counts
}

// spliceNames puts in re, for each mark of lists (see markedLists), the list's
// tree, parsed with the flags the mark was read with. It reports whether it
// found every mark: counts of each. (The marks' groups are gone: the groups are
// numbered again where the fragment stands.)
func (p *Profile) spliceNames(re *syntax.Regexp, lists []string, counts []int) bool {
	found := make([]int, len(lists))
	ok := true
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		for i, sub := range re.Sub {
			if k, isMark := markOf(sub); isMark && k < len(lists) {
				t, err := p.placeholders.shared.tree(lists[k], sub.Sub[0].Flags)
				if err != nil {
					ok = false
					return
				}
				re.Sub[i] = t
				found[k]++
				continue
			}
			walk(sub)
		}
	}
	walk(re)
	for k := range counts {
		ok = ok && found[k] == counts[k]
	}
	return ok
}

// markOf reports whether re is the mark of a list, and which.
func markOf(re *syntax.Regexp) (int, bool) {
	if re.Op != syntax.OpCapture || re.Sub[0].Op != syntax.OpLiteral || len(re.Sub[0].Rune) != 1 {
		return 0, false
	}
	k := int(re.Sub[0].Rune[0] - nameMarkRune)
	return k, k >= 0 && k < 3
}

// maxMatchLen is the most bytes a match of re can take, or -1 when there is
// no bound or re asserts something of its neighbours (which a program run on a
// window of the text would see otherwise).
func maxMatchLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += maxRuneLen(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], unicode.MaxRune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxMatchLen(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			m := maxMatchLen(sub)
			if m < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				n += m
			} else {
				n = max(n, m)
			}
		}
		return n
	}
	return -1 // repeats, assertions, no match
}

// maxRuneLen is the most bytes r takes, in any case when fold.
func maxRuneLen(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return max(n, 1)
}

// instSub is the instruction of ours that runs a program compiled apart: Arg is
// its number among the backtracker's subs. The ways on are the ends of its
// matches, in the order the search prefers them.
const instSub syntax.InstOp = 0x80

// subProgram is a list of names compiled apart, its backtracker made when first
// run.
type subProgram struct {
	tree     *syntax.Regexp
	maxLen   int  // the most bytes a match takes
	nullable bool // it can match the empty string
	once     sync.Once
	bt       *backtracker
}

// tracker is the program's backtracker.
func (sp *subProgram) tracker() *backtracker {
	sp.once.Do(func() { sp.bt = backtrackerOf(sp.tree) })
	return sp.bt
}

// bits is the most room its runs take in a bitmap of what was tried.
func (sp *subProgram) bits() int { return len(sp.tracker().insts) * (sp.maxLen + 1) }

// ends appends to dst the end of every match of the program that begins at
// t[p], each once, in the order of the first way to it: the order in which a
// leftmost-first search tries what follows. (A way to an end found before ends
// where that one did, and what follows was tried from there.) Its matches are
// at most maxLen bytes long and assert nothing, so it reads the text no further.
func (sp *subProgram) ends(dst []int, t string, p int) []int {
	bt := sp.tracker()
	if end := p + sp.maxLen; end < len(t) {
		t = t[:end]
	}
	s := bt.state(len(t) - p + 1)
	defer s.giveBack()
	s.caps = s.caps[:0] // the lists hold no group
	bt.try(s, t, p, &dst)
	return dst
}
