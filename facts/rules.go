package facts

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/factcheck-tools/compare/internal/par"
)

// DefaultRules is the embedded rule file for organizations. A corpus adds its own
// files through the manifest's "rules" key.
//
//go:embed rules/default.yaml
var DefaultRules []byte

// Rule is one named extraction rule. The set of kinds is closed (see ruleKinds); a
// rule's name appears on every claim it produces.
type Rule interface {
	Name() string
	apply(x *extractor, s *Sentence)
	base() *baseRule
	// kinds are the kinds of sentence apply reads: it returns at once on the
	// others.
	kinds() []SentenceKind
}

// RuleSet is the compiled rules for one corpus: every expression compiled once, with
// the profile's names expanded into the placeholders.
type RuleSet struct {
	rules []Rule
	// Digest identifies the rule texts and the profile they were compiled with.
	Digest   string
	orgRE    *lazyRegexp // the profile's organizations, for {orgs} lists
	personRE *lazyRegexp // people by name or shape, for {persons} lists
	persons  *starts     // personRE searched where it can begin
	filter   *prefilter  // every rule's trigger words, found in one pass
	// Which rules a sentence can set off: those without trigger words, and for
	// each word the rules whose first set holds it; bit sets over rs.rules.
	untriggered []uint64
	wordRules   [][]uint64
	// byKind are, for each kind of sentence, the rules that read such sentences
	// (Rule.kinds): the names rule and the lists' are offered every sentence
	// otherwise, and turn most away.
	byKind [Debris + 1][]uint64
	// attribution is where the words of the attribution expressions are among
	// the prefilter's: a sentence with a claim is asked who says it, and its
	// words, found already, tell which expressions can answer.
	attribution attributionWords
	// digits are the ten digits among the prefilter's words: a sentence in which
	// it found none holds no digit, which dates and counts all need.
	digits someWords
	// teaching are the words a sentence that may teach a name holds one of
	// (mayTeach's "known" and words of a place, in lower case), among the
	// prefilter's: a source read once to be both learned from and extracted
	// (Corpus.scan) asks mayTeach only of the sentences where it found one, or a
	// bracket.
	teaching someWords
	// prepared are the backtrackers of the expressions the rules search with,
	// compiled by prepare when the first source is extracted.
	prepared struct {
		once   sync.Once
		starts []*starts
	}
	// spelled is how many bytes of names the expressions spell out (see
	// pauseGCToCompile).
	spelled int
}

// prepare compiles the backtrackers of the expressions the rules search with, on
// every core while the collector is off (for a profile of a few hundred names,
// pauseGCToCompile): extracting needs nearly all of them soon,
// and each compiled on first use, with the collector on, set it marking the rest
// of the rules. It is done once, when the first source is extracted, so that a run
// whose sources all come from the cache (a check with nothing new) compiles none:
// with thousands of people in the profile, whose names the expressions spell out,
// that is most of such a run.
func (rs *RuleSet) prepare() {
	rs.prepared.once.Do(func() {
		defer pauseGCToCompile(rs.spelled)()
		sts := rs.prepared.starts
		par.Each(len(sts), 0, func(i int) { sts[i].tried() })
		rs.prepared.starts = nil
	})
}

// attributionWords are the prefilter's numbers of the words each attribution
// expression needs one of.
type attributionWords struct{ according, claimVerbs, hedges []int }

// Rules returns the names of the rules in order.
func (rs *RuleSet) Rules() []string {
	out := make([]string, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = r.Name()
	}
	return out
}

// RuleFile is a rule file's name (for messages) and contents.
type RuleFile struct {
	Name string
	Data []byte
}

// ruleKinds are the kinds a rule may have.
var ruleKinds = []string{"pattern", "period-list", "label-value", "names"}

// datePolicies say where a rule takes its date from.
var datePolicies = []string{"capture", "frame", "either"}

var placeholderRE = regexp.MustCompile(`\{([a-z]+[0-9]?)\}`)

// rulesDigest identifies rule files and the profile they are compiled against:
// what a source's claims in the cache were extracted with.
func rulesDigest(p *Profile, files []RuleFile) string {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Name + "\x00"))
		h.Write(f.Data)
	}
	h.Write([]byte(p.OrgPattern() + p.PlacePattern() + p.PersonPattern() + p.AuthorityPattern()))
	p.writeNames(h)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Rules are a rule set as extraction asks for it: its digest, which keys the
// cache, and the set itself, which it needs only for a source the cache does not
// hold. A *RuleSet is its own; Corpus.DeferredRules compiles when first asked.
type Rules interface {
	RulesDigest() string
	Compiled() (*RuleSet, error)
}

// RulesDigest is rs.Digest.
func (rs *RuleSet) RulesDigest() string { return rs.Digest }

// Compiled is rs itself, compiled already.
func (rs *RuleSet) Compiled() (*RuleSet, error) { return rs, nil }

// CompileRules loads and compiles rule files against a profile. Every problem is
// reported at once with its file, line and column.
//
// The collector is off meanwhile, for a profile of a few hundred names
// (pauseGCToCompile): what compiling allocates (tens of MB of programs, with the
// profile's names spelled out) is mostly kept, and a cycle while it piles up only
// scans it again; a whole run on ten sources spent a fifth of its instructions so.
func CompileRules(p *Profile, files ...RuleFile) (*RuleSet, error) {
	spelled := p.spelledBytes()
	defer pauseGCToCompile(spelled)()
	rs := &RuleSet{spelled: spelled}
	names := map[string]string{}
	var errs []error
	ys := make([]*YAMLFile, len(files))
	parseErrs := make([]error, len(files))
	for i, f := range files {
		ys[i], parseErrs[i] = ParseYAML(f.Name, f.Data)
	}
	pre := precompile(ys, p)
	rs.prepared.starts = pre.searched
	for i, f := range files {
		y, err := ys[i], parseErrs[i]
		if err != nil {
			errs = append(errs, err)
			continue
		}
		top := y.Mapping(y.Root, "a rule file", []string{"rules"}, []string{"rules"})
		for _, n := range y.Seq(top["rules"], "rules") {
			m := y.Mapping(n, "a rule", []string{"name", "kind", "predicates", "pattern", "in", "date", "present", "section", "label", "scan_after", "event", "note"}, []string{"name", "kind", "predicates"})
			name := y.Str(m["name"], "name")
			if prev, dup := names[name]; dup && name != "" {
				y.Errorf(m["name"], "give each rule its own name", "rule %q is defined twice (first in %s)", name, prev)
				continue
			}
			names[name] = fmt.Sprintf("%s:%d", f.Name, n.Line)
			kind := y.Str(m["kind"], "kind")
			var preds []Predicate
			for i, ps := range y.Strs(m["predicates"], "predicates") {
				if _, ok := Predicate(ps).Spec(); !ok {
					y.Errorf(m["predicates"].Content[i], "", "unknown predicate %q: must be one of %s", ps, strings.Join(Predicates(), ", "))
					continue
				}
				preds = append(preds, Predicate(ps))
			}
			in := []SentenceKind{Prose, ListItem}
			if kinds := y.Strs(m["in"], "in"); kinds != nil {
				in = nil
				for i, k := range kinds {
					sk, ok := map[string]SentenceKind{"prose": Prose, "list-item": ListItem, "heading": Heading}[k]
					if !ok {
						y.Errorf(m["in"].Content[i], "", "sentence kind %q must be one of prose, list-item, heading", k)
					}
					in = append(in, sk)
				}
			}
			datePolicy := y.Str(m["date"], "date")
			if datePolicy == "" {
				datePolicy = "capture"
			}
			if !contains(datePolicies, datePolicy) {
				y.Errorf(m["date"], "", "date must be one of %s, not %q", strings.Join(datePolicies, ", "), datePolicy)
			}
			base := baseRule{name: name, predicates: preds, in: in, date: datePolicy, present: y.Str(m["present"], "present") == "true", event: y.Str(m["event"], "event")}
			if base.event != "" {
				if _, ok := eventPhrases[base.event]; !ok {
					y.Errorf(m["event"], "", "event %q must be one of %s", base.event, strings.Join(eventNames(), ", "))
				}
			}
			if kind == "pattern" {
				pattern := y.Str(m["pattern"], "pattern")
				base.triggers = pre.triggersOf(pattern)
				if a := y.Str(m["scan_after"], "scan_after"); a != "" {
					base.triggers = pre.triggersOf(a)
				}
				// Every date and every period holds a digit: prose without one is
				// skipped by the rules that need a date.
				if requires(pattern, "date") || requires(pattern, "period") {
					base.triggers = append(base.triggers, digits)
				}
			}
			compileWith := func(key string, required bool, instead map[string]string) *compiled {
				src := y.Str(m[key], key)
				if src == "" {
					if required {
						y.Errorf(n, "", "rule %q of kind %s needs a %q", name, kind, key)
					}
					return nil
				}
				c := pre.get(compileKey{src: src, masked: instead != nil}, func() *compiled { return compileExpr(src, p, instead != nil) })
				if c.err != nil {
					y.Errorf(m[key], "placeholders are {org}, {orgs}, {person}, {persons}, {place}, {origin}, {date}, {period}, {count}, {acronym}, {expansion}, {authority}, {event}", "rule %q: %v", name, c.err)
					return nil
				}
				return c
			}
			compile := func(key string, required bool) *regexp.Regexp {
				if c := compileWith(key, required, nil); c != nil {
					if c.re == nil {
						c.re = c.x.asRegexp()
					}
					return c.re
				}
				return nil
			}
			// search is compile for an expression a rule searches with.
			search := func(key string, instead map[string]string) *expr {
				if c := compileWith(key, key == "pattern", instead); c != nil {
					if c.x == nil {
						c.x = exprOf(c.re)
						c.x.st = newStarts(c.re)
					}
					return c.x
				}
				return nil
			}
			var r Rule
			switch kind {
			case "pattern":
				pr := &patternRule{baseRule: base, scanAfter: search("scan_after", nil), section: newSectionFilter(compile("section", false))}
				if sk := y.Str(m["pattern"], "pattern"); sk != "" {
					c := pre.get(compileKey{src: sk, skeleton: true}, func() *compiled { return compileSkeleton(sk) })
					pr.skeleton, pr.skeletonSeq = c.re, c.seq
					if c.seq == nil {
						pr.skeletonStarts = pre.startsOf(pr.skeleton)
					}
				}
				if src := y.Str(m["pattern"], "pattern"); strings.Contains(src, "{date}") {
					// The masked expression is the one that runs; the full one, with
					// the date grammar, is compiled only if a sentence needs it.
					pr.masked = search("pattern", maskedFragments(true))
					pr.src, pr.profile = src, p
				} else {
					pr.re = search("pattern", nil)
				}
				r = pr
			case "period-list":
				r = &periodListRule{baseRule: base, re: search("pattern", nil), section: newSectionFilter(compile("section", true))}
			case "label-value":
				r = &labelValueRule{baseRule: base, label: compile("label", true)}
			case "names":
				r = &namesRule{baseRule: base}
			default:
				y.Errorf(m["kind"], "", "rule kind must be one of %s, not %q", strings.Join(ruleKinds, ", "), kind)
				continue
			}
			rs.rules = append(rs.rules, r)
		}
		if err := y.Err(); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	rs.Digest = rulesDigest(p, files)
	rs.orgRE = lazyRE(`(?i)` + p.OrgPattern())
	rs.personRE = lazyRE(p.PersonPattern())
	rs.persons = p.personStarts()
	rs.buildPrefilter()
	return rs, nil
}

// personStarts is the starts of PersonPattern, made from the tree {person}
// stands as in the rules' expressions: its list of names parsed once, and
// compiled apart when long (see shared.go). nil where starts do not serve.
func (p *Profile) personStarts() *starts {
	src := p.PersonPattern()
	ft := p.fragmentTree(src)
	if ft.err != nil {
		return nil
	}
	// The pattern sets its own flags throughout: read in the rules' (?i), as
	// its tree was, it reads the same.
	return p.startsFor(`(?i)(?:`+src+`)`, ft.tree.Simplify())
}

// startsFor is startsFor for an expression whose tree holds the profile's
// names, whose long lists its backtracker runs compiled apart.
func (p *Profile) startsFor(src string, tree *syntax.Regexp) *starts {
	st := startsFor(src, tree)
	if st != nil {
		st.shared = &p.placeholders.shared
	}
	return st
}

// compileKey names an expression of a rule file: its source as written, with
// {date} standing for the date token of masked text or not, or the skeleton of a
// pattern.
type compileKey struct {
	src      string
	masked   bool
	skeleton bool
}

// compiled is an expression compiled, or why it does not compile: as an expr
// where a rule searches with it (a pattern, its scan_after anchor, a list's
// items), by regexp where a rule only asks it (a section, a label); a skeleton
// with its starts and its sequence, if it is one.
type compiled struct {
	x   *expr
	re  *regexp.Regexp
	st  *starts
	seq *sequence
	err error
}

// expr is a rule's expression, expanded: tried by its starts where they serve,
// else searched by regexp. regexp's form is compiled only when something asks
// for it: compiling the expressions with the profile's names spelled out was
// most of what loading the rules cost (a fifth of a run on ten sources), and the
// starts, made from the one parse, do not need it.
type expr struct {
	src   string
	st    *starts  // nil: searched whole by regexp
	names []string // the groups' names, as regexp's SubexpNames
	once  sync.Once
	re    *regexp.Regexp
}

// exprOf is the expr of an expression regexp compiled, searched whole.
func exprOf(re *regexp.Regexp) *expr {
	return &expr{src: re.String(), names: re.SubexpNames(), re: re}
}

// asRegexp is regexp's form of the expression.
func (e *expr) asRegexp() *regexp.Regexp {
	e.once.Do(func() {
		if e.re == nil {
			e.re = regexp.MustCompile(e.src) // it parsed: it compiles
		}
	})
	return e.re
}

// findAll is FindAllStringSubmatchIndex(t, -1).
func (e *expr) findAll(t string) [][]int {
	if e.st != nil {
		return e.st.findAll(t)
	}
	return e.asRegexp().FindAllStringSubmatchIndex(t, -1)
}

// findAllWhile is findAll, which may stop after a match when more, asked where
// it ends, says no other can follow; the matches are made in room (see
// starts.findWhile).
func (e *expr) findAllWhile(t string, more func(end int) bool, room *matchRoom) [][]int {
	if e.st != nil {
		return e.st.findWhile(t, more, room)
	}
	return e.asRegexp().FindAllStringSubmatchIndex(t, -1)
}

// first is where the first match in t begins and ends, as FindStringIndex.
func (e *expr) first(t string) []int {
	if e.st != nil {
		if m := e.st.first(t); m != nil {
			return m[:2]
		}
		return nil
	}
	return e.asRegexp().FindStringIndex(t)
}

// firstGroups is FindStringSubmatchIndex(t).
func (e *expr) firstGroups(t string) []int {
	if e.st != nil {
		return e.st.first(t)
	}
	return e.asRegexp().FindStringSubmatchIndex(t)
}

// String is the expression.
func (e *expr) String() string { return e.src }

// compileSearched expands a rule's expression and makes its expr, {date}
// standing for the date token when masked: with starts where they serve, made
// from one parse, else compiled by regexp. Its errors are expandWith's.
func compileSearched(src string, p *Profile, masked bool) (*expr, error) {
	out, err := expandSource(src, p, maskedFragments(masked))
	if err != nil {
		return nil, err
	}
	tree, err := p.parseExpanded(src, out, maskedFragments(masked))
	if err != nil {
		return nil, fmt.Errorf("bad expression: %v", err)
	}
	names := tree.CapNames()
	if st := p.startsFor(out, tree.Simplify()); st != nil {
		return &expr{src: out, st: st, names: names}, nil
	}
	re, err := regexp.Compile(out)
	if err != nil {
		return nil, fmt.Errorf("bad expression: %v", err)
	}
	return exprOf(re), nil
}

// compiledSet is every expression of the rule files compiled ahead, on all cores:
// compiling the expressions, with the profile's names spelled out, is most of what
// reading the rules costs, and every run and every check pays it. The rules are
// then read in their order as before, taking what was compiled from here.
type compiledSet struct {
	by       map[compileKey]*compiled
	byRegexp map[*regexp.Regexp]*starts
	searched []*starts // those of the searched expressions, for RuleSet.prepare
	// triggers are the trigger words (Triggers) of every pattern and scan_after
	// expression, found with the rest: each parses its expression again.
	triggers map[string][][]string
}

// precompile compiles, on all cores, every expression the rule files ys hold
// where a rule is expected to hold one, and finds the trigger words of each
// pattern and scan_after expression (Triggers) with them. It reads the files without judging them:
// what is missing or malformed is left to CompileRules, which reports it.
func precompile(ys []*YAMLFile, p *Profile) *compiledSet {
	var keys []compileKey
	var triggered []string            // the expressions whose trigger words a rule takes,
	triggers := map[string]bool{}     // each once
	searched := map[compileKey]bool{} // the expressions a rule searches with, as exprs
	asked := map[compileKey]bool{}    // and those only asked, by regexp
	seen := map[compileKey]bool{}
	add := func(k compileKey, search bool) {
		if k.src != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		if search {
			searched[k] = true
		} else {
			asked[k] = true
		}
	}
	for _, y := range ys {
		if y == nil {
			continue
		}
		for _, rule := range sequenceItems(mappingValue(y.Root, "rules")) {
			kind, pattern := mappingScalar(rule, "kind"), mappingScalar(rule, "pattern")
			if kind == "pattern" {
				add(compileKey{src: pattern, masked: strings.Contains(pattern, "{date}")}, true)
				add(compileKey{src: pattern, skeleton: true}, true)
				add(compileKey{src: mappingScalar(rule, "scan_after")}, true)
				for _, src := range []string{pattern, mappingScalar(rule, "scan_after")} {
					if src != "" && !triggers[src] {
						triggers[src] = true
						triggered = append(triggered, src)
					}
				}
			} else {
				add(compileKey{src: pattern}, kind == "period-list") // a list's items are searched
			}
			add(compileKey{src: mappingScalar(rule, "section")}, false)
			add(compileKey{src: mappingScalar(rule, "label")}, false)
		}
	}
	found := make([]*compiled, len(keys))
	words := make([][][]string, len(triggered))
	par.Each(len(keys)+len(triggered), 0, func(i int) {
		if i >= len(keys) {
			words[i-len(keys)] = Triggers(triggered[i-len(keys)])
			return
		}
		k := keys[i]
		switch {
		case k.skeleton:
			found[i] = compileSkeleton(k.src)
			if found[i].re != nil && found[i].seq == nil {
				found[i].st = newStarts(found[i].re)
			}
		case searched[k]:
			c := &compiled{}
			c.x, c.err = compileSearched(k.src, p, k.masked)
			if c.x != nil && asked[k] {
				c.re = c.x.asRegexp()
			}
			found[i] = c
		default:
			found[i] = compileExpr(k.src, p, k.masked)
		}
	})
	set := &compiledSet{by: make(map[compileKey]*compiled, len(keys)), byRegexp: map[*regexp.Regexp]*starts{}, triggers: make(map[string][][]string, len(triggered))}
	for i, src := range triggered {
		set.triggers[src] = words[i]
	}
	for i, k := range keys {
		if c := found[i]; searched[k] && !k.skeleton && c.x != nil && c.x.st != nil {
			set.searched = append(set.searched, c.x.st)
		}
		set.by[k] = found[i]
		if k.skeleton && found[i].re != nil && found[i].seq == nil {
			set.byRegexp[found[i].re] = found[i].st // nil for a skeleton searched whole
		}
	}
	return set
}

// get is what was compiled under k, or what build compiles now.
func (s *compiledSet) get(k compileKey, build func() *compiled) *compiled {
	if c, ok := s.by[k]; ok {
		return c
	}
	c := build()
	s.by[k] = c
	return c
}

// triggersOf is Triggers(src), found ahead when a rule file held src. The list
// is the rule's own: a rule appends to it.
func (s *compiledSet) triggersOf(src string) [][]string {
	t, ok := s.triggers[src]
	if !ok {
		return Triggers(src)
	}
	return slices.Clip(t)
}

// startsOf is the starts of an expression get gave (newStarts), nil for none.
func (s *compiledSet) startsOf(re *regexp.Regexp) *starts {
	if re == nil {
		return nil
	}
	st, ok := s.byRegexp[re]
	if !ok {
		st = newStarts(re)
		s.byRegexp[re] = st
	}
	return st
}

// compileExpr expands and compiles a rule's expression, {date} standing for the
// date token when masked.
func compileExpr(src string, p *Profile, masked bool) *compiled {
	re, err := expandWith(src, p, maskedFragments(masked))
	return &compiled{re: re, err: err}
}

// maskedFragments are the placeholders that stand for other fragments in a
// masked expression: {date} for the date token of masked text; none unmasked.
func maskedFragments(masked bool) map[string]string {
	if !masked {
		return nil
	}
	return map[string]string{"date": dateToken}
}

// compileSkeleton compiles the skeleton of a pattern (nil when it has none), and
// reads it as a sequence.
func compileSkeleton(pattern string) *compiled {
	re := skeleton(pattern)
	if re == nil {
		return &compiled{}
	}
	return &compiled{re: re, seq: newSequence(re)}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// expand replaces the placeholders of a rule's pattern with the profile's names and
// the value grammars, as named groups, and compiles the result case-insensitively.
// Names that must keep their case (acronyms, proper nouns) carry their own flags.
func expand(src string, p *Profile) (*regexp.Regexp, error) { return expandWith(src, p, nil) }

// expandWith is expand with some placeholders standing for other fragments.
func expandWith(src string, p *Profile, instead map[string]string) (*regexp.Regexp, error) {
	out, err := expandSource(src, p, instead)
	if err != nil {
		return nil, err
	}
	re, err := regexp.Compile(out)
	if err != nil {
		return nil, fmt.Errorf("bad expression: %v", err)
	}
	return re, nil
}

// expandSource is the expression expandWith compiles: the placeholders spelled
// out, case-insensitive.
func expandSource(src string, p *Profile, instead map[string]string) (string, error) {
	used := map[string]bool{}
	var bad []string
	out := placeholderRE.ReplaceAllStringFunc(src, func(ph string) string {
		name := ph[1 : len(ph)-1]
		frag, ok := p.fragment(name, instead)
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("unknown placeholder %s", ph))
			return ph
		case used[name]:
			bad = append(bad, fmt.Sprintf("placeholder %s used twice", ph))
			return ph
		}
		used[name] = true
		return `(?P<` + name + `>` + frag + `)`
	})
	if len(bad) > 0 {
		sort.Strings(bad)
		return "", errors.New(strings.Join(bad, "; "))
	}
	return `(?i)` + out, nil
}

// fragment is what the placeholder name stands for: instead's fragment for it,
// else the profile's. {count2} is a second {count}: alternatives may each capture
// one.
func (p *Profile) fragment(name string, instead map[string]string) (string, bool) {
	name = strings.TrimRight(name, "0123456789")
	if frag, ok := instead[name]; ok {
		return frag, true
	}
	frag, ok := p.fragments()[name]
	return frag, ok
}

// fragments is what each placeholder stands for with the profile's names: worked
// out once, as every rule's expression is expanded with them.
func (p *Profile) fragments() map[string]string {
	p.placeholders.once.Do(func() {
		person := p.PersonPattern()
		org := p.OrgPattern()
		// A list of any length: "{0,8}" would compile the item (hundreds of
		// instructions with the profile's names) eight times over.
		listOf := func(item string) string { return item + `(?:(?:,? and |, )` + item + `)*` }
		p.placeholders.m = map[string]string{
			"org":       org,
			"orgs":      listOf(`(?:(?:the )?(?:leadership|leaders|members|headquarters) of )?` + org),
			"person":    person,
			"persons":   listOf(`(?:` + person + `|\d[\d,]* [A-Za-z][A-Za-z ]{0,30}?)`),
			"place":     p.PlacePattern(),
			"origin":    p.PlacePattern(),
			"date":      DatePattern,
			"period":    PeriodPattern,
			"count":     QuantityPattern,
			"acronym":   `(?-i:[A-Z][A-Z0-9]{1,6})`,
			"authority": p.AuthorityPattern(),
			"event":     `(?-i:Operation [A-Z][\w-]+(?: [A-Z][\w-]+)?|(?:[Tt]he )?(?:\d{4} )?[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3} (?:bombing|bomb explosion|explosion|attack|raid|massacre|uprising|offensive))`,
			"expansion": `(?-i:[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|the|and|for|on|in|e))*)`,
		}
	})
	return p.placeholders.m
}

// baseRule holds what every kind of rule has.
type baseRule struct {
	name       string
	predicates []Predicate
	in         []SentenceKind
	date       string // capture, frame or either
	present    bool   // the value holds at the source's as-of date ("currently in")
	event      string // for event counts: the kind of event counted ("self-immolation")
	// triggers are sets of words: every match holds a word of each set, so a
	// sentence lacking one is skipped before the expression runs. Empty means always
	// run. triggerIDs are the same words as numbers of the rule set's prefilter.
	triggers   [][]string
	triggerIDs [][]int
}

// triggered reports whether a sentence holds a word of every trigger set, given
// the words the prefilter found in it.
func (r *baseRule) triggered(h hits) bool {
	for _, set := range r.triggerIDs {
		hit := false
		for _, id := range set {
			if h.has(id) {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// buildPrefilter numbers every trigger word of every rule and builds the automaton
// that finds them all in one pass over a sentence.
func (rs *RuleSet) buildPrefilter() {
	ids := map[string]int{}
	var words []string
	number := func(ws []string) []int { // the words' numbers, new words numbered in turn
		var out []int
		for _, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = len(words)
				ids[w] = id
				words = append(words, w)
			}
			out = append(out, id)
		}
		return out
	}
	for _, r := range rs.rules {
		b := r.base()
		b.triggerIDs = nil
		for _, set := range b.triggers {
			b.triggerIDs = append(b.triggerIDs, number(set))
		}
	}
	rs.attribution = attributionWords{number([]string{"according to"}), number(claimVerbWords), number(hedgeWords)}
	rs.digits, rs.teaching = wordsOf(number(digits)), wordsOf(number(teachingWords()))
	rs.filter = newPrefilter(words) // every word numbered
	n := (len(rs.rules) + 63) / 64
	rs.untriggered = make([]uint64, n)
	rs.wordRules = make([][]uint64, len(words))
	for i := range rs.wordRules {
		rs.wordRules[i] = make([]uint64, n)
	}
	for k := range rs.byKind {
		rs.byKind[k] = make([]uint64, n)
	}
	for i, r := range rs.rules {
		for _, k := range r.kinds() {
			rs.byKind[k][i/64] |= 1 << (i % 64)
		}
		b := r.base()
		if len(b.triggerIDs) == 0 {
			rs.untriggered[i/64] |= 1 << (i % 64)
			continue
		}
		for _, id := range b.triggerIDs[0] {
			rs.wordRules[id][i/64] |= 1 << (i % 64)
		}
	}
}

// candidates sets in c the rules a sentence of kind k, its words h, can set off:
// the others read no sentence of its kind, or lack a word of their first trigger
// set.
func (rs *RuleSet) candidates(k SentenceKind, h hits, c []uint64) {
	copy(c, rs.untriggered)
	for wi, word := range h {
		for word != 0 {
			id := wi*64 + bits.TrailingZeros64(word)
			word &= word - 1
			for j, m := range rs.wordRules[id] {
				c[j] |= m
			}
		}
	}
	for j, m := range rs.byKind[k] {
		c[j] &= m
	}
}

// Triggers derives, from a rule's expression, up to two sets of words such that
// every match holds a word of each: the most selective runs of required literals
// ("founded", "formed", "established", …). It returns nil when no set of words of
// three or more letters exists. Placeholders count as unknown text.
func Triggers(pattern string) [][]string {
	src := placeholderRE.ReplaceAllString(pattern, `(?:.+)`)
	re, err := syntax.Parse(`(?i)`+src, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	candidates := [][]string{containedSet(re)}
	if re.Op == syntax.OpConcat {
		for _, sub := range re.Sub {
			candidates = append(candidates, containedSet(sub))
		}
	}
	// Keep the two sets whose shortest word is longest (the rarest words).
	var sets [][]string
	for _, c := range candidates {
		if c != nil && (shortest(c) > 2 || allHold(c, "(")) && !slices.ContainsFunc(sets, func(s []string) bool { return slices.Equal(s, c) }) {
			sets = append(sets, c)
		}
	}
	sort.SliceStable(sets, func(i, j int) bool { return shortest(sets[i]) > shortest(sets[j]) })
	// A set whose words a set kept already holds one of each ("leader" after "
	// its leader", " their leader") tells nothing more.
	var kept [][]string
	for _, set := range sets {
		if len(kept) < 2 && !slices.ContainsFunc(kept, func(k []string) bool { return implies(k, set) }) {
			kept = append(kept, set)
		}
	}
	return kept
}

// implies reports whether every word of a holds a word of b: a sentence that
// holds a word of a holds one of b.
func implies(a, b []string) bool {
	for _, w := range a {
		if !slices.ContainsFunc(b, func(v string) bool { return strings.Contains(w, v) }) {
			return false
		}
	}
	return true
}

// digits is the trigger set of a rule that needs a date or a period.
var digits = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// requires reports whether every match of a rule's pattern holds the placeholder
// {name}: it stands in the pattern outside every optional part and in every
// alternative.
func requires(pattern, name string) bool {
	const mark = "\uE000"
	src := placeholderRE.ReplaceAllStringFunc(pattern, func(ph string) string {
		if ph == "{"+name+"}" {
			return mark
		}
		return `(?:.+)`
	})
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return false
	}
	var holds func(re *syntax.Regexp) bool
	holds = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpLiteral:
			return strings.ContainsRune(string(re.Rune), '\uE000')
		case syntax.OpCapture, syntax.OpPlus:
			return holds(re.Sub[0])
		case syntax.OpRepeat:
			return re.Min >= 1 && holds(re.Sub[0])
		case syntax.OpConcat:
			for _, sub := range re.Sub {
				if holds(sub) {
					return true
				}
			}
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				if !holds(sub) {
					return false
				}
			}
			return len(re.Sub) > 0
		}
		return false
	}
	return holds(re)
}

// allHold reports whether every word holds sub: a bracket is as rare in prose as a
// long word, so "(" is a trigger however short.
func allHold(xs []string, sub string) bool {
	for _, x := range xs {
		if !strings.Contains(x, sub) {
			return false
		}
	}
	return len(xs) > 0
}

func shortest(xs []string) int {
	n := 1 << 30
	for _, x := range xs {
		n = min(n, len(strings.TrimSpace(x)))
	}
	return n
}

// containedSet returns words of which every match of re holds one, or nil: the
// leading words (literalSet), or the best such set of any part that every match
// goes through or of literal parts in a row, or for alternatives the union of
// each one's set. "(?:as a
// terrorist group|on the (?:\w+ )*list)" gives {terrorist, list}: a rule that ends
// so is not tried on the many sentences that have its verb ("added", "put") and
// neither word.
func containedSet(re *syntax.Regexp) []string {
	const limit = 64
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return containedSet(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return containedSet(re.Sub[0])
		}
		return nil
	case syntax.OpAlternate:
		out := union(re.Sub, containedSet, limit)
		slices.Sort(out)
		return slices.Compact(out)
	case syntax.OpConcat:
		best := literalSet(re)
		for i, sub := range re.Sub {
			if s := containedSet(sub); s != nil && rarer(s, best) {
				best = s
			}
			// And the words of the literal parts that follow one another from
			// here: "(?:was|were) (?:killed|slain)" holds "was killed", rarer than
			// "killed".
			if i > 0 {
				if s := literalSet(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[i:]}); s != nil && rarer(s, best) {
					best = s
				}
			}
		}
		return best
	}
	return literalSet(re)
}

// rarer reports whether the set a makes the better trigger than b: its shortest
// word is longer, or as long with fewer words.
func rarer(a, b []string) bool {
	switch {
	case b == nil:
		return true
	case shortest(a) != shortest(b):
		return shortest(a) > shortest(b)
	}
	return len(a) < len(b)
}

// union is every word set gives for the alternatives subs, in order, or nil when
// one of them gives none or there are more than limit.
func union(subs []*syntax.Regexp, set func(*syntax.Regexp) []string, limit int) []string {
	var out []string
	for _, sub := range subs {
		s := set(sub)
		if s == nil || len(out)+len(s) > limit {
			return nil
		}
		out = append(out, s...)
	}
	return out
}

// literalSet returns the strings one of which any match of re must contain, or nil.
func literalSet(re *syntax.Regexp) []string {
	ps := literalPrefixes(re)
	if ps == nil {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.s
	}
	return out
}

// prefix is a string a match opens with, and whether it is all of that match
// (exact): only then can the words of what follows in a sequence be joined on.
type prefix struct {
	s     string
	exact bool
}

// literalPrefixes returns strings one of which every match of re opens with, or
// nil: "(?:was|were) killed" opens with "was killed" or "were killed", and "the
// organi[sz]ation's leader" only with "the organi".
func literalPrefixes(re *syntax.Regexp) []prefix {
	const limit = 64
	switch re.Op {
	case syntax.OpLiteral:
		return []prefix{{strings.ToLower(string(re.Rune)), true}}
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText:
		return []prefix{{"", true}} // they read no character: what follows joins on
	case syntax.OpCapture:
		return literalPrefixes(re.Sub[0])
	case syntax.OpPlus, syntax.OpRepeat:
		if re.Op == syntax.OpRepeat && re.Min < 1 {
			return nil
		}
		ps := literalPrefixes(re.Sub[0])
		if re.Op == syntax.OpRepeat && re.Min == 1 && re.Max == 1 {
			return ps
		}
		for i := range ps {
			ps[i].exact = false
		}
		return ps
	case syntax.OpAlternate:
		var out []prefix
		for _, sub := range re.Sub {
			ps := literalPrefixes(sub)
			if ps == nil || len(out)+len(ps) > limit {
				return nil
			}
			out = append(out, ps...)
		}
		return out
	case syntax.OpConcat:
		// The product of the leading literal parts is a prefix every match holds,
		// each string up to and with the first part it is not all of.
		out := []prefix{{"", true}}
		for _, sub := range re.Sub {
			if !slices.ContainsFunc(out, func(p prefix) bool { return p.exact }) {
				break
			}
			ps := literalPrefixes(sub)
			if ps == nil || len(out)*len(ps) > limit {
				for i := range out {
					out[i].exact = false
				}
				break
			}
			var next []prefix
			for _, a := range out {
				if !a.exact {
					next = append(next, a)
					continue
				}
				for _, b := range ps {
					next = append(next, prefix{a.s + b.s, b.exact})
				}
			}
			out = next
		}
		if slices.ContainsFunc(out, func(p prefix) bool { return len(strings.TrimSpace(p.s)) == 0 }) {
			return nil
		}
		return out
	}
	return nil
}

func (r *baseRule) Name() string { return r.name }

func (r *baseRule) base() *baseRule { return r }

// kinds are those the rule's "in" names, which reads checks.
func (r *baseRule) kinds() []SentenceKind { return r.in }

func (r *baseRule) reads(s *Sentence) bool {
	for _, k := range r.in {
		if k == s.Kind {
			return true
		}
	}
	return false
}

// patternRule matches an expression against each sentence. With scan_after, the
// expression is matched repeatedly in the text that follows the anchor, for lists
// such as "killing X on DATE and Y on DATE".
type patternRule struct {
	baseRule
	re        *expr
	scanAfter *expr
	section   *sectionFilter // when set, only sentences under a matching heading
	// masked, for a pattern with {date}, is the expression with {date} standing for
	// one date token of the masked text (see maskDates): the date grammar, thousands
	// of instructions, leaves the expression, and the dates are found once per
	// sentence instead of by every rule.
	masked *expr
	// src and profile make re when first needed (see full), for a rule with masked.
	src     string
	profile *Profile
	once    sync.Once
	// skeleton is the words the pattern requires, in their order, with any text
	// between them (see loosen): a small expression that matches wherever the rule
	// could, so the full one (hundreds to thousands of instructions, with the
	// profile's names and the value grammars) runs only where they are there.
	// skeletonSeq answers for it when it is a sequence (most are); else
	// skeletonStarts searches it where it can begin.
	skeleton       *regexp.Regexp
	skeletonSeq    *sequence
	skeletonStarts *starts
}

// skeleton compiles a rule's pattern with every placeholder replaced by any text,
// loosened (see loosen); nil when that does not compile or matches any text.
func skeleton(pattern string) *regexp.Regexp {
	if pattern == "" {
		return nil
	}
	src := placeholderRE.ReplaceAllString(pattern, `(?s:.+)`)
	tree, err := syntax.Parse(`(?i)`+src, syntax.Perl)
	if err != nil {
		return nil
	}
	loose := loosen(tree, true)
	if weakPart(loose) {
		return nil
	}
	re, err := regexp.Compile(loose.Simplify().String())
	if err != nil {
		return nil
	}
	return re
}

// loosen returns an expression that matches in every text re matches in, and is
// cheaper to search for. Each change matches more: an optional part becomes any
// text, a part repeated at least once becomes one of it followed by any text, and
// at the top, where the search may begin and end anywhere, the weak parts at
// either end go (see weakPart). A rule's skeleton only tells the sentences its
// expression cannot match; the words it requires, in their order, are what it
// needs to keep.
func loosen(re *syntax.Regexp, top bool) *syntax.Regexp {
	anyText := func() *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpStar, Flags: re.Flags, Sub: []*syntax.Regexp{{Op: syntax.OpAnyChar, Flags: re.Flags}}}
	}
	switch re.Op {
	case syntax.OpCapture:
		return loosen(re.Sub[0], top)
	case syntax.OpAlternate:
		out := *re
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			out.Sub[i] = loosen(sub, top)
		}
		return &out
	case syntax.OpQuest, syntax.OpStar:
		return anyText()
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return anyText()
	case syntax.OpCharClass:
		// A class that reaches beyond ASCII, as "[^,;]" does, becomes any character:
		// printing the skeleton to compile it would otherwise look at every
		// character of its ranges for other cases (regexp/syntax's calcFlags), a
		// tenth of the time all the rules take to compile.
		if n := len(re.Rune); n > 0 && re.Rune[n-1] >= utf8.RuneSelf {
			return &syntax.Regexp{Op: syntax.OpAnyChar, Flags: re.Flags}
		}
		return re
	case syntax.OpRepeat, syntax.OpPlus:
		if re.Op == syntax.OpRepeat && re.Min == 0 || weakPart(re.Sub[0]) {
			return anyText()
		}
		return &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: []*syntax.Regexp{loosen(re.Sub[0], false), anyText()}}
	case syntax.OpConcat:
	default:
		return re
	}
	var subs []*syntax.Regexp
	for _, sub := range re.Sub {
		l := []*syntax.Regexp{loosen(sub, false)}
		if l[0].Op == syntax.OpConcat { // flatten, so that the ends can go
			l = l[0].Sub
		}
		for _, part := range l {
			if n := len(subs); n > 0 && isAnyText(part) && isAnyText(subs[n-1]) {
				continue // one run of any text
			}
			subs = append(subs, part)
		}
	}
	if top {
		for len(subs) > 0 && weakPart(subs[0]) {
			subs = subs[1:]
		}
		for len(subs) > 0 && weakPart(subs[len(subs)-1]) {
			subs = subs[:len(subs)-1]
		}
	}
	switch len(subs) {
	case 0:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	case 1:
		return subs[0]
	}
	out := *re
	out.Sub = subs
	return &out
}

// isAnyText reports whether re is a run of any characters.
func isAnyText(re *syntax.Regexp) bool {
	return re.Op == syntax.OpStar && (re.Sub[0].Op == syntax.OpAnyChar || re.Sub[0].Op == syntax.OpAnyCharNotNL)
}

// weakPart reports whether a part of an expression tells little: an anchor, any
// text, or spaces.
func weakPart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine, syntax.OpEndText, syntax.OpEndLine,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEmptyMatch:
		return true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpStar, syntax.OpPlus:
		return weakPart(re.Sub[0])
	case syntax.OpLiteral:
		return strings.TrimSpace(string(re.Rune)) == ""
	}
	return false
}

// sectionFilter is a rule's section expression: only sentences under a heading
// it matches are read. What it says of each heading is remembered: a document
// has few, and each has many sentences (or list items).
type sectionFilter struct {
	re       *regexp.Regexp
	headings readings[string, bool]
}

// newSectionFilter is the filter of re, nil when there is none.
func newSectionFilter(re *regexp.Regexp) *sectionFilter {
	if re == nil {
		return nil
	}
	return &sectionFilter{re: re}
}

// matches reports whether the rule reads the sentences under heading.
func (f *sectionFilter) matches(heading string) bool {
	if ok, seen := f.headings.load(heading); seen {
		return ok
	}
	ok := f.re.MatchString(FoldString(heading))
	f.headings.store(strings.Clone(heading), ok) // a copy: heading is a piece of a source's text
	return ok
}

func (r *patternRule) apply(x *extractor, s *Sentence) {
	if !r.reads(s) || !r.triggered(x.hits(s)) {
		return
	}
	if r.section != nil && !r.section.matches(s.Section) {
		return
	}
	text := s.Folded().Text
	from, ok := r.readFrom(text)
	if !ok {
		return
	}
	switch {
	case r.skeletonSeq != nil:
		if !r.skeletonSeq.matches(text[from:]) {
			return
		}
	case r.skeletonStarts != nil:
		if !r.skeletonStarts.matches(text[from:]) {
			return
		}
	case r.skeleton != nil:
		if !r.skeleton.MatchString(text[from:]) {
			return
		}
	}
	var e *expr
	if r.masked != nil && !noMasks {
		// The masked text has the same length: every offset holds.
		if m, ok := x.maskedText(s); ok {
			e, text = r.masked, m
		}
	}
	if e == nil {
		if e = r.full(); e == nil {
			return
		}
	}
	// After a match, another can follow only where the skeleton matches again.
	var more func(int) bool
	if r.skeletonSeq != nil {
		folded := s.Folded().Text
		more = func(end int) bool { return r.skeletonSeq.matchesFrom(folded, from+end) }
	}
	for _, m := range e.findAllWhile(text[from:], more, &x.matches) {
		x.caps = appendGroups(x.caps[:0], e.names, m, from)
		x.emit(&r.baseRule, s, x.caps, nil)
	}
}

// readFrom is where in text the rule reads from: after its scan_after anchor,
// else from the start; false when the anchor is not there.
func (r *patternRule) readFrom(text string) (int, bool) {
	if r.scanAfter == nil {
		return 0, true
	}
	loc := r.scanAfter.first(text)
	if loc == nil {
		return 0, false
	}
	return loc[1], true
}

// full is the rule's expression with every placeholder spelled out, compiled
// when first needed for a rule that reads masked dates.
func (r *patternRule) full() *expr {
	if r.src == "" {
		return r.re
	}
	r.once.Do(func() {
		if re, err := expand(r.src, r.profile); err == nil {
			r.re = exprOf(re)
		}
	})
	return r.re
}

// noMasks turns the masked expressions off, for the test that compares.
var noMasks = false

// periodListRule reads lists of periods under a heading ("Home Base" followed by
// "1965-1979: Iran", "1979-1981: France", "1981-present: Iraq"). Each item is a
// claim for its period, and the list's order gives the moves between items: an item
// after another says when the subject arrived; an item that ends says when it left.
type periodListRule struct {
	baseRule
	re      *expr
	section *sectionFilter
}

// kinds: a list's items alone.
func (r *periodListRule) kinds() []SentenceKind { return []SentenceKind{ListItem} }

func (r *periodListRule) apply(x *extractor, s *Sentence) {
	if s.Kind != ListItem || !r.section.matches(s.Section) {
		return
	}
	m := r.re.firstGroups(s.Folded().Text)
	if m == nil {
		return
	}
	prev := x.listPrev[r.name]
	x.emit(&r.baseRule, s, groups(r.re.names, m, 0), prev)
	x.listPrev[r.name] = &listItem{section: s.Section, block: s.Block}
}

// listItem remembers the previous item of a period list.
type listItem struct {
	section string
	block   int
}

// labelValueRule reads a label standing alone followed by its value on the next
// line ("Founding Year" then "1965").
type labelValueRule struct {
	baseRule
	label  *regexp.Regexp
	labels readings[string, bool] // heading (folded) → whether the label is all of it
}

// kinds: headings alone, the label (its value is the next sentence).
func (r *labelValueRule) kinds() []SentenceKind { return []SentenceKind{Heading} }

func (r *labelValueRule) apply(x *extractor, s *Sentence) {
	if s.Kind != Heading || s.Index+1 >= len(x.doc.Sentences) {
		return
	}
	if !r.isLabel(s.Folded().Text) {
		return
	}
	v := &x.doc.Sentences[s.Index+1]
	if v.Kind != Heading && v.Kind != Prose || len(v.Folded().Text) > 40 {
		return
	}
	x.emit(&r.baseRule, v, captures{{"date", [2]int{0, len(v.Folded().Text)}}, {"value", [2]int{0, len(v.Folded().Text)}}}, nil)
}

// isLabel reports whether a heading, folded, is the rule's label and nothing
// more, remembered per heading: documents of a kind share their headings.
func (r *labelValueRule) isLabel(heading string) bool {
	if ok, seen := r.labels.load(heading); seen {
		return ok
	}
	m := r.label.FindStringIndex(heading)
	ok := m != nil && m[0] == 0 && m[1] == len(heading)
	r.labels.store(strings.Clone(heading), ok) // a copy: heading is a piece of a source's text
	return ok
}

// captures are a match's named groups with their byte ranges in the folded
// sentence, the whole match named "": a handful, looked up by name, which a
// short list answers faster than a map is made.
type captures []capture

type capture struct {
	name string
	span [2]int
}

// get returns the range of the group named name, and whether it took part in
// the match.
func (cs captures) get(name string) ([2]int, bool) {
	for _, c := range cs {
		if c.name == name {
			return c.span, true
		}
	}
	return [2]int{}, false
}

// at is get's range alone, zero when the group took no part.
func (cs captures) at(name string) [2]int {
	sp, _ := cs.get(name)
	return sp
}

// groups lists a match's named groups with their byte ranges in the folded
// sentence; of two groups of one name ({count2} captures as count), the first
// that took part.
func groups(names []string, m []int, offset int) captures {
	return appendGroups(make(captures, 0, len(names)+1), names, m, offset)
}

// appendGroups is groups appended to out, which must be empty.
func appendGroups(out captures, names []string, m []int, offset int) captures {
	out = append(out, capture{"", [2]int{m[0] + offset, m[1] + offset}})
	for i, name := range names {
		if name == "" || m[2*i] < 0 {
			continue
		}
		name = strings.TrimRight(name, "0123456789")
		if _, taken := out.get(name); !taken {
			out = append(out, capture{name, [2]int{m[2*i] + offset, m[2*i+1] + offset}})
		}
	}
	return out
}
