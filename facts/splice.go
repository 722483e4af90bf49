package facts

import (
	"regexp/syntax"
	"strings"
	"sync"
)

// A rule's expression, its placeholders spelled out, holds the profile's names
// several times over, and every rule spells out the same few fragments: parsing
// each expression whole parsed those names again for every rule, most of what
// compiling the rules cost. parseExpanded parses each fragment once and the
// rule's own words apart, and puts the pieces together: the tree the parser
// makes of the whole (TestSplicedAsParsed holds the two together).

// spliceMark stands for a fragment in the rule's words while they are parsed: a
// character of the private use area, which no rule writes.
const spliceMark = '\uF8FF'

// fragmentTree is one fragment parsed as the expression it stands in reads it:
// case-insensitive, Perl's syntax.
type fragmentTree struct {
	once sync.Once
	tree *syntax.Regexp
	caps bool // it has groups of its own, to be numbered where it stands
	err  error
}

// parseExpanded parses out, which is src with its placeholders spelled out by
// expandSource (instead standing for some fragments), as syntax.Parse(out,
// syntax.Perl) would. Where src sets flags of its own, which a fragment would
// then be read with, out is parsed whole.
func (p *Profile) parseExpanded(src, out string, instead map[string]string) (*syntax.Regexp, error) {
	if strings.ContainsRune(src, spliceMark) || setsFlags(src) {
		return syntax.Parse(out, syntax.Perl)
	}
	frags := map[string]string{}
	marks := 0
	words := placeholderRE.ReplaceAllStringFunc(src, func(ph string) string {
		marks++
		name := ph[1 : len(ph)-1]
		frags[name], _ = p.fragment(name, instead)
		return `(?P<` + name + `>` + string(spliceMark) + `)`
	})
	tree, err := syntax.Parse(`(?i)`+words, syntax.Perl)
	if err != nil {
		return syntax.Parse(out, syntax.Perl) // its own error, as it reads the whole
	}
	ok, placed := true, 0
	shared := map[*syntax.Regexp]bool{} // fragments put in as they are, which hold no group
	var splice func(re *syntax.Regexp)
	splice = func(re *syntax.Regexp) {
		for i, sub := range re.Sub {
			if re.Op == syntax.OpCapture && sub.Op == syntax.OpLiteral && len(sub.Rune) == 1 && sub.Rune[0] == spliceMark {
				ft := p.fragmentTree(frags[re.Name])
				if ft.err != nil {
					ok = false
					return
				}
				placed++
				if re.Sub[i] = ft.tree; ft.caps {
					re.Sub[i] = cloneTree(ft.tree)
				} else {
					shared[ft.tree] = true
				}
				continue
			}
			splice(sub)
		}
	}
	splice(tree)
	if !ok || placed != marks {
		// A fragment that did not stand as a group of its own ("[{org}]", inside
		// a class) is read as the whole reads it.
		return syntax.Parse(out, syntax.Perl)
	}
	// The groups are numbered as the parser numbers them: in the order they open.
	n := 0
	var number func(re *syntax.Regexp)
	number = func(re *syntax.Regexp) {
		if re.Op == syntax.OpCapture {
			n++
			re.Cap = n
		}
		for _, sub := range re.Sub {
			if !shared[sub] {
				number(sub)
			}
		}
	}
	number(tree)
	return tree, nil
}

// setsFlags reports whether src sets flags, "(?i)" or "(?-i:…)": the fragments
// it holds would be read with them.
func setsFlags(src string) bool {
	for i := strings.Index(src, "(?"); i >= 0; {
		if rest := src[i+2:]; !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "P<") {
			return true
		}
		next := strings.Index(src[i+2:], "(?")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return false
}

// fragmentTree is frag parsed, once for the profile: shared by every expression
// it stands in, which only read it.
func (p *Profile) fragmentTree(frag string) *fragmentTree {
	v, _ := p.placeholders.trees.LoadOrStore(frag, &fragmentTree{})
	ft := v.(*fragmentTree)
	ft.once.Do(func() {
		// The long lists of names are parsed apart, once, to be compiled apart
		// (see shared.go).
		var re *syntax.Regexp
		var err error
		if marked, lists, counts := p.markedLists(frag); len(lists) > 0 {
			if re, err = syntax.Parse(`(?i)(?:`+marked+`)`, syntax.Perl); err != nil || !p.spliceNames(re, lists, counts) {
				re = nil
			}
		}
		if re == nil {
			if re, err = syntax.Parse(`(?i)(?:`+frag+`)`, syntax.Perl); err != nil {
				ft.err = err
				return
			}
		}
		ft.tree, ft.caps = re, hasCapture(re)
	})
	return ft
}

// hasCapture reports whether re holds a group that captures.
func hasCapture(re *syntax.Regexp) bool { return holds(re, syntax.OpCapture) }

// cloneTree copies re and every node under it, for a fragment whose groups are
// numbered where it stands.
func cloneTree(re *syntax.Regexp) *syntax.Regexp {
	c := *re
	c.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		c.Sub[i] = cloneTree(sub)
	}
	c.Sub0 = [1]*syntax.Regexp{}
	return &c
}
