package gencorpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Where a statement goes in a source. Each kind of source maps these onto its own
// sections (see layouts); a list or a label is written as such only by the kinds
// that use them.
const (
	secLead = iota
	secHistory
	secBase
	secMembers
	secLeaders
	secDesignation
	secIncidents
	listBase
	listMembers
	listLeaders
	listDesignation
	labelFounded
)

// The fact families, as the tool names them (facts.PredicateSpec.Family).
const (
	famFounding    = "founding"
	famHomeBase    = "home-base"
	famMembership  = "membership"
	famDesignation = "designation"
	famLeaders     = "leaders"
	famKilled      = "killed"
	famEvents      = "events"
	famNames       = "names"
)

// The kinds of planted discrepancy, as Stats counts them.
const (
	kindDate     = "date"
	kindCount    = "count"
	kindPlace    = "place"
	kindStale    = "stale"
	kindSpelling = "spelling"
	kindExpand   = "expansion"
	kindSelf     = "self-contradiction"
)

// item is one statement, ready to be placed in its section.
type item struct {
	sec   int
	group string // a list's own heading, for designation lists
	text  string
	order int // the year it is about, to tell a history in order
}

// belief is what a source holds about one fact: the truth, or a planted error.
type belief struct {
	d     day
	limit precision // the coarsest precision that still shows the error
	wrong bool
}

// plan says which discrepancies a source must carry, whatever chance decides: the
// first sources of every corpus carry one of each kind, so that even the smallest
// corpus shows every class of conflict.
type plan struct {
	wrongFounding bool
	misspell      bool
	wrongExpand   bool
	selfContra    bool
	thorough      bool // states most facts
	truth         bool // plants nothing: for the tests, which expect stale conflicts only
}

// teller decides what one source says: which facts, in which words, and which of
// them it gets wrong. Its decisions about a fact are kept, so a source that gets a
// date wrong gets it wrong every time it gives it.
type teller struct {
	w       *world
	r       *rand.Rand
	m       *meta
	asOf    day // the last day the source can know of
	plan    plan
	pWrong  float64
	cover   float64 // how likely the source is to state any one fact
	items   []item
	stats   *Stats
	beliefs map[string]belief
	counts  map[string]int
	record  func(family, text string)

	misspelt     *person // the person whose name this source misspells once
	misspeltDone bool
	orgTypo      string // the subject's name misspelt, used once
	wrongExp     *org   // the organization whose acronym this source expands wrongly

	baseHeading string // an encyclopedia's heading for today's base: "Settlement in Estonia (2014–present)"
}

func newTeller(w *world, r *rand.Rand, m *meta, p plan, st *Stats, record func(family, text string)) *teller {
	t := &teller{w: w, r: r, m: m, plan: p, stats: st, beliefs: map[string]belief{}, counts: map[string]int{}, record: record}
	t.asOf = m.asOf
	if m.asOfPrec == precYear {
		t.asOf.m, t.asOf.d = 12, 31
	} else {
		t.asOf.d = 28
	}
	t.pWrong = 0.08 + 0.1*r.Float64()
	t.cover = 0.35 + 0.4*r.Float64()
	if p.thorough {
		t.cover = 0.9
	}
	if p.truth {
		t.pWrong = 0
		return t
	}
	if p.misspell || chance(r, 0.15) {
		// A leader the source can know of: the founder, or the co-leader appointed
		// long before any source's date.
		t.misspelt = w.leaders[r.IntN(2)].who
	}
	// The tool does not match misspellings of a name with a possessive in it
	// ("People's"): such a name is never misspelt.
	if chance(r, 0.04) && !strings.Contains(w.subject.name, "'") {
		t.orgTypo = misspell(r, w.subject.name)
	}
	if p.wrongExpand || chance(r, 0.06) {
		t.wrongExp = pick(r, []*org{w.subject, w.subject, w.council, w.army})
		if t.wrongExp.wrong == "" {
			t.wrongExp = nil
		}
	}
	return t
}

// known reports whether the source, given its date, can know of day d.
func (t *teller) known(d day) bool { return !d.isZero() && !t.asOf.before(d) }

// tells decides whether the source states a fact at all.
func (t *teller) tells() bool { return chance(t.r, t.cover) }

// add places a statement and counts it.
func (t *teller) add(sec, order int, family string, wrong bool, kind, text string) {
	t.place(sec, order, family, text)
	t.tally(family, wrong, kind)
}

// place places a statement counted elsewhere.
func (t *teller) place(sec, order int, family, text string) {
	t.items = append(t.items, item{sec: sec, order: order, text: text})
	if t.record != nil {
		t.record(family, text)
	}
}

func (t *teller) addList(sec int, group string, order int, family string, wrong bool, kind, text string) {
	t.items = append(t.items, item{sec: sec, group: group, order: order, text: text})
	t.tally(family, wrong, kind)
	if t.record != nil {
		t.record(family, text)
	}
}

func (t *teller) tally(family string, wrong bool, kind string) {
	if wrong {
		t.stats.Discrepancies[family]++
		t.stats.Kinds[kind]++
		return
	}
	t.stats.Facts[family]++
}

// date is the source's belief about a date. With yearOnly the error, if any, is a
// year off by one, which shows in lists that give years only.
func (t *teller) date(key string, truth day, yearOnly, forced bool) belief {
	if b, ok := t.beliefs[key]; ok {
		return b
	}
	b := belief{d: truth, limit: precDecade}
	if forced || chance(t.r, t.pWrong) {
		b.wrong = true
		switch n := t.r.IntN(3); {
		case yearOnly || n == 0:
			b.d.y += pick(t.r, []int{-1, 1})
			b.limit = precYear
		case n == 1:
			b.d.m = 1 + (b.d.m-1+between(t.r, 1, 11))%12
			b.limit = precMonth
		default:
			b.d.d = 1 + (b.d.d-1+between(t.r, 1, 27))%28
			b.limit = precDay
		}
		if !t.known(b.d) {
			// A source never dates anything after its own date: move the error back.
			b.d = truth
			b.d.y--
			b.limit = precYear
		}
	}
	t.beliefs[key] = b
	return b
}

// say writes a belief at a precision no coarser than limit, nor than the error
// allows, and returns the text and its precision.
func (t *teller) say(b belief, limit precision) (string, precision) {
	p := pickPrecision(t.r, min(limit, b.limit))
	return b.d.text(p, t.r), p
}

// sayDMY is say for the slots where a rule finds the date only by looking along
// the clause, which ends at a comma: a day is written "24 March 2008", never
// "March 24, 2008".
func (t *teller) sayDMY(b belief, limit precision) (string, precision) {
	p := pickPrecision(t.r, min(limit, b.limit))
	if p == precDay {
		return strconv.Itoa(b.d.d) + " " + monthNames[b.d.m] + " " + strconv.Itoa(b.d.y), p
	}
	return b.d.text(p, t.r), p
}

// sayNoDay is say for the slots where a day reads badly ("in 12 March 1979"): a
// day-precision date is written as its month.
func (t *teller) sayNoDay(b belief, limit precision) string {
	p := pickPrecision(t.r, min(limit, b.limit))
	if p == precDay {
		p = precMonth
	}
	return b.d.text(p, t.r)
}

// count is the source's belief about a count: the truth, or one 30-60% off.
func (t *teller) count(key string, truth int) (int, bool) {
	if n, ok := t.counts[key]; ok {
		return n, n != truth
	}
	n := truth
	if chance(t.r, t.pWrong) {
		f := 0.3 + 0.3*t.r.Float64()
		if t.r.IntN(2) == 0 || truth < 10 {
			n = int(math.Round(float64(truth) * (1 + f)))
		} else {
			n = int(math.Round(float64(truth) * (1 - f)))
		}
		if truth >= 200 {
			n = roundCount(float64(n))
		}
		if n == truth {
			n = truth + 1
		}
	}
	t.counts[key] = n
	return n, n != truth
}

// countWords writes a count in a source's words. A wrong count is always a plain
// number, so that it cannot be read as approximately right.
func (t *teller) countWords(n int, wrong bool) string {
	if wrong {
		return groupedInt(n)
	}
	switch t.r.IntN(8) {
	case 0, 1, 2:
		return countText(n, t.r)
	case 3:
		return pick(t.r, []string{"about", "approximately", "roughly", "some", "an estimated", "nearly"}) + " " + groupedInt(n)
	case 4:
		if n >= 100 {
			lo, hi := groupedInt(roundDown(n*85/100)), groupedInt(roundUp(n*115/100))
			if t.r.IntN(2) == 0 {
				return "between " + lo + " and " + hi
			}
			return "from " + lo + " to " + hi
		}
	}
	return groupedInt(n)
}

func roundDown(n int) int { s := step(n); return n / s * s }
func roundUp(n int) int   { s := step(n); return (n + s - 1) / s * s }
func step(n int) int {
	switch {
	case n >= 2000:
		return 100
	case n >= 200:
		return 50
	}
	return 10
}

// subject names the subject as a sentence's subject or object: its name, its
// acronym, its alias, or "the group".
func (t *teller) subject() string {
	switch t.r.IntN(10) {
	case 0, 1, 2:
		return "the " + t.w.subject.name
	case 3, 4, 5:
		return "the " + t.w.subject.acronym
	case 6:
		return "the " + t.w.subject.alias
	case 7:
		return "the organization"
	}
	return "the group"
}

// person writes a person's name; the planted misspelling is used once.
func (t *teller) person(p *person) string {
	if p == t.misspelt && !t.misspeltDone && (t.plan.misspell || chance(t.r, 0.5)) {
		t.misspeltDone = true
		t.stats.Discrepancies[famNames]++
		t.stats.Kinds[kindSpelling]++
		if chance(t.r, 0.5) && len(p.first) >= 5 {
			return misspell(t.r, p.first) + " " + p.last
		}
		return p.first + " " + misspell(t.r, p.last)
	}
	return p.name()
}

// misspell changes the longest word of at least five letters of a name: a letter
// dropped or doubled, as hurried typing does.
func misspell(r *rand.Rand, name string) string {
	words := strings.Fields(name)
	at := -1
	for i, w := range words {
		if len(w) >= 5 && !strings.Contains(w, "'") && (at < 0 || len(w) > len(words[at])) {
			at = i
		}
	}
	if at < 0 {
		return name
	}
	w := words[at]
	i := between(r, 1, len(w)-2)
	if r.IntN(2) == 0 {
		w = w[:i] + w[i+1:]
	} else {
		w = w[:i+1] + w[i:]
	}
	words[at] = w
	return strings.Join(words, " ")
}

// expansion writes "Name (ACR)", with the planted wrong expansion once.
func (t *teller) expansion(o *org) string {
	if o == t.wrongExp {
		t.wrongExp = nil
		t.stats.Discrepancies[famNames]++
		t.stats.Kinds[kindExpand]++
		return o.wrong + " (" + o.acronym + ")"
	}
	t.stats.Facts[famNames]++
	return o.name + " (" + o.acronym + ")"
}

// rightExpansion writes "Name (ACR)" as it is: for the sentences that state a fact
// about the organization, which a wrong name would hide from the tool.
func (t *teller) rightExpansion(o *org) string {
	t.stats.Facts[famNames]++
	return o.name + " (" + o.acronym + ")"
}

func capFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// joinAnd joins names: "A, B and C".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// tell decides everything the source states, family by family.
func (t *teller) tell() {
	t.names()
	t.founding()
	t.wings()
	t.founders()
	t.homeBase()
	t.membership()
	t.designations()
	t.leaders()
	t.killings()
	t.events()
	if t.orgTypo != "" {
		// A misspelt name hides the organization from the rules, so it goes in a
		// sentence that states nothing else.
		t.add(secHistory, t.w.subject.founded.y, famNames, true, kindSpelling, "The "+t.orgTypo+" "+
			pick(t.r, []string{"has rarely answered its critics directly.", "was a name that meant little outside the coast.", "drew on the loyalty of a few families."}))
	}
	if o := t.wrongExp; o != nil && o.role != "" && t.known(o.founded) {
		// The planted wrong expansion of a wing found no place above: it gets a
		// sentence of its own.
		t.place(secHistory, o.founded.y, famNames, "Its "+o.role+", the "+t.expansion(o)+", "+
			pick(t.r, []string{"answers to the leadership alone.", "keeps its own offices and its own newsletter.", "is rarely mentioned in the group's own publications."}))
	}
}

// names introduces the subject and its wings with their acronyms and alias.
func (t *teller) names() {
	s := t.w.subject
	switch t.m.kind {
	case "encyclopedia":
		t.place(secLead, 0, famNames, "The "+t.expansion(s)+", also known as the "+s.alias+", is a "+
			pick(t.r, []string{"separatist", "militant", "political", "clandestine"})+" organization "+
			pick(t.r, []string{"that grew out of the dock unions of the north", "rooted in the fishing towns of the coast",
				"whose programme mixes regional autonomy with cooperative economics", "that has spent most of its life in exile"})+".")
	case "research-profile":
		aliases := []string{s.alias}
		if t.wrongExp == s {
			aliases = append(aliases, t.expansion(s)) // the title has the right one
		}
		for _, o := range []*org{t.w.council, t.w.army} {
			if t.known(o.founded) {
				aliases = append(aliases, t.expansion(o))
			}
		}
		t.place(secLead, 0, famNames, strings.Join(aliases, "; "))
	case "news-analysis":
		t.place(secLead, 0, famNames, "The "+t.expansion(s)+" "+pick(t.r, []string{
			"has rarely been far from the headlines in the region.", "is once again the subject of quiet argument among diplomats.",
			"returned to the news this season for reasons its leadership did not choose."}))
	default:
		t.place(secLead, 0, famNames, "Few movements divide opinion like the "+t.expansion(s)+", which its admirers still call the "+s.alias+".")
	}
}

// founding states when the subject was founded.
func (t *teller) founding() {
	f := t.w.subject.founded
	b := t.date("founded", f, false, t.plan.wrongFounding)
	n := 1
	if t.plan.thorough || t.plan.wrongFounding {
		n = 2
	} else if !t.tells() {
		n = 0
	}
	if t.m.kind == "research-profile" {
		txt, _ := t.say(b, precYear)
		t.add(labelFounded, f.y, famFounding, b.wrong, kindDate, txt)
	}
	city := t.w.bases[0].city.name
	templates := t.r.Perm(7) // a source that says it twice says it in two ways
	for i := range n {
		txt, p := t.say(b, precDecade)
		var s string
		switch templates[i] {
		case 0:
			s = capFirst(t.subject()) + " was " + pick(t.r, []string{"", "formally ", "officially ", "first "}) +
				pick(t.r, []string{"founded", "formed", "established", "created"}) + " " + inOn(p) + " " + txt + " by " +
				pick(t.r, []string{"dock workers", "students", "fishermen and teachers", "a circle of young trade unionists"}) + " in " + city + "."
		case 1:
			s = capFirst(t.subject()) + " was " + pick(t.r, []string{"founded", "set up", "established"}) + " by " +
				pick(t.r, []string{"a handful of activists", "students and dock workers", "veterans of the harbour strikes"}) + " in " + city + " " + inOn(p) + " " + txt + "."
		case 2:
			s = pick(t.r, []string{"Founded", "Formed", "Established"}) + " " + inOn(p) + " " + txt + ", " + t.subject() + " " +
				pick(t.r, []string{"set out to win autonomy for the northern coast.", "began as a loose network of reading circles.",
					"drew its first recruits from the shipyards.", "quickly outgrew its origins in the harbour unions."})
		case 3:
			s = capFirst(t.subject()) + ", which was " + pick(t.r, []string{"founded", "formed", "established"}) + " " + inOn(p) + " " + txt + ", " +
				pick(t.r, []string{"still describes itself as a movement of the coast.", "has changed its programme more than once.",
					"outlived most of the groups of its generation."})
		case 4:
			if p == precDay {
				txt = b.d.text(precMonth, t.r)
			}
			s = capFirst(t.subject()) + " " + pick(t.r, []string{"emerged", "came into being", "began as a study circle", "started as a strike committee"}) +
				" " + pick(t.r, []string{"in", "during"}) + " " + txt + " among " + pick(t.r, []string{"the dock workers of the north", "students in " + city, "fishing families on the coast"}) + "."
		case 5:
			s = capFirst(inOn(p)) + " " + txt + ", " + pick(t.r, []string{"a group of students", "a circle of dock workers", t.w.founders[0].name() + " and a few friends"}) +
				" founded " + t.subject() + " in " + city + "."
		default:
			s = capFirst(inOn(p)) + " " + txt + ", " + t.person(t.w.founders[0]) + " " + pick(t.r, []string{"announced", "declared", "proclaimed"}) +
				" the " + pick(t.r, []string{"founding", "creation", "formation", "establishment"}) + " of the " + t.w.subject.name + " at a meeting in " + city + "."
		}
		t.add(secHistory, f.y, famFounding, b.wrong, kindDate, s)
	}
}

// wings states when the political and the armed wing were founded, introducing
// each with its acronym.
func (t *teller) wings() {
	for _, o := range []*org{t.w.council, t.w.army} {
		if !t.known(o.founded) || !t.tells() {
			continue
		}
		b := t.date("founded:"+o.acronym, o.founded, false, false)
		txt, p := t.say(b, precYear)
		var s string
		switch t.r.IntN(4) {
		case 0:
			s = "Its " + o.role + ", the " + t.rightExpansion(o) + ", " + pick(t.r, []string{"established", "founded", "formed"}) + " " + inOn(p) + " " + txt + ", " +
				pick(t.r, []string{"speaks for the movement abroad.", "answers to the leadership alone.", "was meant to give the movement a respectable face."})
		case 1:
			s = "The " + t.rightExpansion(o) + " was " + pick(t.r, []string{"set up", "formed", "created"}) + " " + inOn(p) + " " + txt + " as the " + o.role + " of " + t.subject() + "."
		case 2:
			s = capFirst(inOn(p)) + " " + txt + " " + t.subject() + " " + pick(t.r, []string{"announced", "declared"}) + " the " +
				pick(t.r, []string{"creation", "formation"}) + " of the " + o.name + ", its " + o.role + "."
		default:
			s = capFirst(inOn(p)) + " " + txt + ", " + t.person(t.w.founders[0]) + " " + pick(t.r, []string{"started", "set up", "founded"}) + " the " + o.name + "."
		}
		t.add(secHistory, o.founded.y, famFounding, b.wrong, kindDate, s)
	}
}

// founders names the founders, all of them or one.
func (t *teller) founders() {
	if !t.tells() {
		return
	}
	fs := t.w.founders
	if t.r.IntN(2) == 0 {
		var names []string
		for _, f := range fs {
			names = append(names, t.person(f))
		}
		s := pick(t.r, []string{"Its founders included ", "Its founders were ", "Its co-founders were "})
		s = capFirst(s) + joinAnd(names) + "."
		if t.r.IntN(2) == 0 {
			s = "The " + t.w.subject.acronym + "'s founders included " + joinAnd(names) + "."
		}
		t.add(secHistory, t.w.subject.founded.y, famLeaders, false, "", s)
		return
	}
	f := pick(t.r, fs)
	t.add(secHistory, t.w.subject.founded.y, famLeaders, false, "", t.person(f)+", "+pick(t.r, []string{"one of the original founders", "one of the founders", "a co-founder"})+", "+
		pick(t.r, []string{"later broke with the leadership over tactics.", "still writes for its newsletter.", "rarely speaks to outsiders.", "drafted its first programme."}))
}

// homeBase states where the group was based, when it moved and when it left, and
// where it is at the source's date.
func (t *teller) homeBase() {
	w := t.w
	// The moves the source believes in: year errors only, so that lists show them.
	cur, _ := w.baseAt(t.asOf)
	moved := make([]belief, len(w.bases))
	for k := 1; k <= cur; k++ {
		moved[k] = t.date("moved:"+strconv.Itoa(k), w.bases[k].from, true, false)
		if !t.known(moved[k].d) {
			moved[k] = belief{d: w.bases[k].from, limit: precDecade}
		}
	}
	lists := t.m.kind == "research-profile" || t.m.kind == "encyclopedia" && chance(t.r, 0.3)
	if lists && (t.plan.thorough || t.tells()) {
		for k := 0; k <= cur; k++ {
			from := w.subject.founded.y
			if k > 0 {
				from = moved[k].d.y
			}
			to := "present"
			if k < cur {
				to = strconv.Itoa(moved[k+1].d.y)
			}
			wrong := k > 0 && moved[k].wrong || k < cur && moved[k+1].wrong
			kind := kindDate
			if to == "present" && cur < len(w.bases)-1 {
				wrong, kind = true, kindStale
			}
			t.addList(listBase, "", k, famHomeBase, wrong, kind, strconv.Itoa(from)+"-"+to+": "+w.bases[k].country)
		}
	}
	for k := 1; k <= cur; k++ {
		if t.tells() {
			t.move(k, moved[k], k < cur)
		}
	}
	if t.plan.thorough || t.tells() {
		t.present(cur, moved[cur])
	}
}

// move tells of one move, from base k-1 to base k.
func (t *teller) move(k int, b belief, later bool) {
	w := t.w
	prev, next := w.bases[k-1], w.bases[k]
	txt, p := t.say(b, precYear)
	frame := capFirst(inOn(p)) + " " + txt + ", "
	dest := pick(t.r, []string{next.country, next.city.name})
	var s string
	kind := kindDate
	if next.expelled {
		switch t.r.IntN(5) {
		case 0:
			s = frame + prev.country + " expelled " + t.subject() + " " + pick(t.r, []string{"after a change of government", "under pressure from its neighbours",
				"following a series of street clashes", "after a court ruling went against it"}) + ", forcing it to relocate to " + dest + "."
		case 1:
			txt, p := t.sayDMY(b, precYear)
			s = capFirst(t.subject()) + " and the leadership of the " + w.council.name + " were expelled from " + prev.country + " " + inOn(p) + " " + txt + "."
			if !w.council.founded.before(next.from) {
				s = capFirst(t.subject()) + " was expelled from " + prev.country + " " + inOn(p) + " " + txt + "."
			}
		case 2:
			s = "When " + prev.country + " expelled the leaders of " + t.subject() + " in " + t.sayNoDay(b, precYear) + ", " +
				pick(t.r, []string{"most of its cadres fled", "its members went", "most of them relocated", "they moved"}) + " to " + next.country + ", where they regrouped."
		case 3:
			s = "Following its expulsion from " + prev.country + ", " + t.subject() + " was " + pick(t.r, []string{"welcomed", "received", "admitted"}) +
				" " + pick(t.r, []string{"to", "into"}) + " " + next.country + " in " + t.sayNoDay(b, precYear) + "."
		default:
			s = prev.country + " " + pick(t.r, []string{"expelled", "deported"}) + " " + t.subject() + " " + inOn(p) + " " + txt + ", and it " +
				pick(t.r, []string{"moved", "relocated"}) + " to " + dest + " soon after."
		}
	} else {
		switch t.r.IntN(5) {
		case 0:
			s = frame + t.subject() + " " + pick(t.r, []string{"relocated", "moved", "moved its headquarters"}) + " to " + dest + "."
		case 1:
			s = capFirst(t.subject()) + " " + pick(t.r, []string{"moved its headquarters", "moved its base", "relocated"}) + " from " + prev.country + " to " + dest + " " + inOn(p) + " " + txt + "."
		case 2:
			s = frame + prev.country + " agreed to a deal to relocate " + t.subject() + " to " + next.country + "."
		case 3:
			s = capFirst(t.subject()) + " " + pick(t.r, []string{"remained", "stayed"}) + " in " + prev.country + " until " + txt + "."
		default:
			s = capFirst(t.subject()) + " " + pick(t.r, []string{"later", "eventually", "subsequently"}) + " relocated to " + dest + " " + inOn(p) + " " + txt + "."
		}
	}
	t.add(secHistory, next.from.y, famHomeBase, b.wrong, kind, s)
	// How many made the move: a count, sometimes with the span of years it took.
	if t.r.IntN(3) == 0 {
		n, wrong := t.count("movers:"+strconv.Itoa(k), next.movers)
		if t.r.IntN(2) == 0 {
			t.add(secMembers, next.from.y, famMembership, wrong, kindCount, "In "+strconv.Itoa(next.from.y)+", "+t.countWords(n, wrong)+" members "+
				pick(t.r, []string{"moved", "relocated"})+" to "+next.country+".")
		} else if t.known(day{next.from.y + 1, 12, 31}) {
			t.add(secMembers, next.from.y, famMembership, wrong, kindCount, capFirst(t.countWords(n, wrong))+" members who were "+pick(t.r, []string{"relocated", "brought", "transferred"})+
				" to "+next.city.name+" between "+strconv.Itoa(next.from.y)+" and "+strconv.Itoa(next.from.y+1)+" "+
				pick(t.r, []string{"were housed in former barracks.", "found work in the town's canneries.", "were kept apart from local residents."}))
		}
	}
	// By a later year, the leaders were there: an open date that agrees with the move.
	if later && t.r.IntN(4) == 0 && !b.wrong {
		y := next.from.y + between(t.r, 1, 3)
		if t.known(day{y, 12, 31}) && (k+1 >= len(w.bases) || y < w.bases[k+1].from.y) {
			t.add(secHistory, y, famHomeBase, false, "", "By "+strconv.Itoa(y)+", "+pick(t.r, []string{"most of its leaders", "most " + w.subject.acronym + " leaders", "all of its leaders"})+" were based in "+next.country+".")
		}
	}
}

// present tells where the group is at the source's date. A source dated before the
// last move names an old base: outdated, not wrong, and counted as stale.
func (t *teller) present(cur int, b belief) {
	w := t.w
	here := w.bases[cur]
	wrong, kind := false, ""
	if cur < len(w.bases)-1 {
		wrong, kind = true, kindStale
	}
	where := pick(t.r, []string{here.country, here.city.name})
	if here.camp != nil && t.r.IntN(2) == 0 {
		where = here.camp.name
	}
	var s string
	switch t.r.IntN(6) {
	case 0:
		s = pick(t.r, []string{"Its headquarters is ", "Its headquarters are ", "The " + w.subject.acronym + "'s headquarters is "}) +
			pick(t.r, []string{"currently ", "now ", ""}) + pick(t.r, []string{"", "located "}) + "in " + where + "."
	case 1:
		s = capFirst(t.subject()) + " " + pick(t.r, []string{"remains", "still resides", "is headquartered", "is based"}) + " in " + where + "."
	case 2:
		s = capFirst(pick(t.r, []string{"most leaders", "senior members", "many cadres"})) + " of " + t.subject() + " " + pick(t.r, []string{"now live", "still live", "reside"}) + " in " + where + "."
	case 3:
		if cur == 0 {
			s = capFirst(t.subject()) + " remains in " + where + "."
			break
		}
		txt, p := t.say(b, precYear)
		s = capFirst(inOn(p)) + " " + txt + ", " + t.subject() + " " + pick(t.r, []string{"relocated", "moved"}) + " to " + here.country + ", where " +
			pick(t.r, []string{"it remains today", "they still reside", "its members now live"}) + "."
		if b.wrong {
			t.tally(famHomeBase, true, kindDate)
		}
	case 4:
		if cur == 0 {
			s = "Its headquarters is in " + where + "."
			break
		}
		s = "A new arrangement allowed " + t.subject() + " to move to " + here.country + ", which remains its main base."
	default:
		if cur == 0 || t.m.kind != "encyclopedia" {
			s = capFirst(t.subject()) + " is based in " + where + "."
			break
		}
		// An encyclopedia heads the section on today's base with its years.
		t.baseHeading = pick(t.r, []string{"Settlement", "Exile", "Years", "Life"}) + " in " + here.country +
			" (" + strconv.Itoa(b.d.y) + "\u2013present)"
		if b.wrong && !wrong {
			kind = kindDate
		}
		t.tally(famHomeBase, wrong || b.wrong, kind)
		if t.record != nil {
			t.record(famHomeBase, t.baseHeading)
		}
		return
	}
	t.add(secBase, lastYear, famHomeBase, wrong, kind, s)
	// How many live in today's camp.
	if n, ok := w.campCount(here, t.asOf.y); ok && t.r.IntN(2) == 0 {
		c, cw := t.count("camp:"+here.camp.name+":"+strconv.Itoa(t.asOf.y), n)
		t.add(secMembers, t.asOf.y, famMembership, cw, kindCount, capFirst(t.countWords(c, cw))+" members of "+t.subject()+" "+
			pick(t.r, []string{"remain", "reside", "still live"})+" in "+here.camp.name+".")
	}
}

// membership states counts of members by year and by decade, and at the camps.
func (t *teller) membership() {
	w := t.w
	var years []int
	for y := w.firstMY + 2; y <= min(t.asOf.y-1, lastYear); y++ {
		years = append(years, y)
	}
	if len(years) == 0 {
		return
	}
	n := 0
	if t.plan.thorough {
		n = 3
	} else if t.tells() {
		n = between(t.r, 1, 4)
	}
	list := t.m.kind == "research-profile"
	picked := map[int]bool{}
	for range n {
		y := pick(t.r, years)
		if picked[y] {
			continue
		}
		picked[y] = true
		c, wrong := t.count("members:"+strconv.Itoa(y), w.membersIn(y))
		cw := t.countWords(c, wrong)
		_, b := w.baseAt(day{y, 6, 30})
		camp, inCamp := w.campCount(b, y)
		if list {
			txt := strconv.Itoa(y) + ": " + cw + pick(t.r, []string{".", " members.", " fighters.", " members worldwide."})
			t.addList(listMembers, "", y, famMembership, wrong, kindCount, txt)
			if inCamp && t.r.IntN(2) == 0 {
				cc, cwr := t.count("camp:"+b.camp.name+":"+strconv.Itoa(y), camp)
				t.addList(listMembers, "", y, famMembership, cwr, kindCount, strconv.Itoa(y)+": "+t.countWords(cc, cwr)+" members "+pick(t.r, []string{"at", "in"})+" "+b.camp.name+".")
			}
			continue
		}
		var s string
		switch t.r.IntN(5) {
		case 0:
			s = "In " + strconv.Itoa(y) + ", " + t.subject() + " had " + cw + " members."
		case 1:
			s = capFirst(t.subject()) + " was estimated to have " + cw + " " + pick(t.r, []string{"members", "fighters"}) + " in " + strconv.Itoa(y) + "."
		case 2:
			s = "According to " + pick(t.r, []string{"police estimates", "the security services", "diplomats in the region"}) + ", " + t.subject() + " counted " + cw + " members in " + strconv.Itoa(y) + "."
		case 3:
			if inCamp {
				cc, cwr := t.count("camp:"+b.camp.name+":"+strconv.Itoa(y), camp)
				s = "In " + strconv.Itoa(y) + ", " + t.subject() + " had " + cw + " members, with " + t.countWords(cc, cwr) + " " + pick(t.r, []string{"at", "in"}) + " " + b.camp.name + "."
				wrong = wrong || cwr
				t.tally(famMembership, cwr, kindCount)
			} else {
				s = "By its own count, " + t.subject() + " had " + cw + " members in " + strconv.Itoa(y) + "."
			}
		default:
			s = capFirst(t.subject()) + " claimed to have " + cw + " " + pick(t.r, []string{"members", "followers"}) + " in " + strconv.Itoa(y) + "."
		}
		t.add(secMembers, y, famMembership, wrong, kindCount, s)
	}
	// A decade, as a range that holds every year of it.
	if t.r.IntN(3) == 0 {
		dec := w.firstMY/10*10 + 10*between(t.r, 1, 3)
		if dec+9 < t.asOf.y && dec+9 <= lastYear {
			lo, hi := math.MaxInt, 0
			for y := dec; y <= dec+9; y++ {
				lo, hi = min(lo, w.membersIn(y)), max(hi, w.membersIn(y))
			}
			span := "between " + groupedInt(roundDown(lo)) + " and " + groupedInt(roundUp(hi))
			s := "During the " + strconv.Itoa(dec) + "s, " + t.subject() + " numbered " + span + " " + pick(t.r, []string{"members", "followers"}) + "."
			if t.r.IntN(2) == 0 {
				s = capFirst(t.subject()) + " counted " + span + " members " + pick(t.r, []string{"throughout", "during"}) + " the " + strconv.Itoa(dec) + "s."
			}
			t.add(secMembers, dec, famMembership, false, "", s)
		}
	}
	if w.peakYear < t.asOf.y && t.r.IntN(4) == 0 {
		c, wrong := t.count("members:"+strconv.Itoa(w.peakYear), w.membersIn(w.peakYear))
		t.add(secMembers, w.peakYear, famMembership, wrong, kindCount, pick(t.r, []string{"Its ranks", "Membership", "Recruitment"})+" grew "+
			pick(t.r, []string{"steadily", "unevenly", "quickly"})+", peaking at "+t.countWords(c, wrong)+" in "+strconv.Itoa(w.peakYear)+".")
	}
}

// designations states who listed the group as terrorist, and who lifted it when.
func (t *teller) designations() {
	var known []*listing
	for _, l := range t.w.listings {
		if t.known(l.listed) {
			known = append(known, l)
		}
	}
	list := t.m.kind == "research-profile"
	for i, l := range known {
		if !t.plan.thorough && !t.tells() {
			continue
		}
		a := l.auth
		bl := t.date("listed:"+a.name, l.listed, false, false)
		delisted := t.known(l.delisted)
		var bd belief
		if delisted {
			bd = t.date("delisted:"+a.name, l.delisted, false, false)
		}
		if list {
			group := pick(t.r, []string{"Designations by " + a.subjects[0], "Terrorist listing: " + a.name, "Proscription by " + a.subjects[0]})
			txt, p := t.say(bl, precYear)
			verb := pick(t.r, []string{"Designated as a terrorist organization", "Designated as a foreign terrorist organization", "Designated as a terrorist group", "Designated a terrorist group"})
			sep := " " + inOn(p) + " "
			t.addList(listDesignation, group, i, famDesignation, bl.wrong, kindDate, verb+sep+txt+".")
			if delisted {
				txt, p := t.say(bd, precYear)
				t.addList(listDesignation, group, i, famDesignation, bd.wrong, kindDate, pick(t.r, []string{"Delisted", "Removed from the list", "Designation revoked", "Designation lifted"})+
					pick(t.r, []string{", ", " " + inOn(p) + " "})+txt+".")
			}
			continue
		}
		who := pick(t.r, a.subjects)
		txt, p := t.say(bl, precDecade)
		var s string
		switch n := t.r.IntN(4); {
		case a.proscribe && n < 2:
			s = capFirst(who) + " proscribed " + t.subject() + " as a terrorist " + pick(t.r, []string{"organisation", "group"}) + " " + inOn(p) + " " + txt + "."
		case n == 0:
			s = capFirst(inOn(p)) + " " + txt + ", " + who + " designated " + t.subject() + " as a " + pick(t.r, []string{"", "foreign "}) + "terrorist organization."
		case n == 1:
			s = capFirst(who) + " " + pick(t.r, []string{"listed", "designated"}) + " " + t.subject() + " as a terrorist " + pick(t.r, []string{"organization", "group"}) + " " + inOn(p) + " " + txt + "."
		case n == 2:
			s = capFirst(who) + ", " + pick(t.r, []string{"after months of debate", "at the request of several member states", "citing a string of bombings", "without much publicity"}) +
				", added " + t.subject() + " to its terrorist list " + inOn(p) + " " + txt + "."
		default:
			txt, p := t.sayDMY(bl, precDecade)
			s = capFirst(who) + " put " + t.subject() + " on its " + pick(t.r, []string{"list of terrorist organizations", "terrorism list", "sanctions list"}) + " " + inOn(p) + " " + txt + "."
		}
		t.add(secDesignation, l.listed.y, famDesignation, bl.wrong, kindDate, s)
		if !delisted || !t.tells() {
			continue
		}
		txt, p = t.say(bd, precYear)
		who = pick(t.r, a.subjects)
		switch t.r.IntN(5) {
		case 0:
			s = capFirst(who) + " " + pick(t.r, []string{"", "formally ", "officially ", "finally "}) + "removed " + t.subject() + " from its " +
				pick(t.r, []string{"terrorism list", "terrorist list", "list of proscribed groups"}) + " " + inOn(p) + " " + txt + "."
			if strings.Contains(s, "proscribed groups") {
				s = capFirst(inOn(p)) + " " + txt + ", " + who + " removed " + t.subject() + " from its list of proscribed groups."
			}
		case 1:
			s = capFirst(who) + " lifted the " + t.w.subject.acronym + "'s designation as a terrorist " + pick(t.r, []string{"organization", "group"}) + " " + inOn(p) + " " + txt + "."
			if next := t.laterDelisting(known, l); next != nil {
				nd := t.date("delisted:"+next.auth.name, next.delisted, false, false)
				ntxt, np := t.say(nd, precYear)
				s = s[:len(s)-1] + ", followed by " + pick(t.r, next.auth.subjects) + " " + inOn(np) + " " + ntxt + "."
				t.tally(famDesignation, nd.wrong, kindDate)
				if t.record != nil {
					t.record(famDesignation, s)
				}
			}
		case 2:
			if l.decided != l.delisted && a.name != "European Union" {
				bdec := t.date("decided:"+a.name, l.decided, false, false)
				dtxt, _ := t.say(bdec, precDay)
				where := a.subjects[0]
				if a.name == "United States" {
					where = "the US"
				}
				s = "The designation was lifted in " + where + " following a decision " + pick(t.r, []string{"taken by", "of", "announced by"}) + " " + a.decider + " on " + dtxt + "."
				t.add(secDesignation, l.delisted.y, famDesignation, bdec.wrong, kindDate, s)
				continue
			}
			fallthrough
		case 3:
			s = "The campaign ended with " + t.subject() + " being removed from the " + a.list + " list in " + t.sayNoDay(bd, precYear) + "."
			if t.r.IntN(2) == 0 {
				s = capFirst(inOn(p)) + " " + txt + ", " + who + " struck " + t.subject() + " from its list of terrorist organizations."
			}
		default:
			s = capFirst(inOn(p)) + " " + txt + ", " + who + " removed " + t.subject() + " from its " + pick(t.r, []string{"terrorism", "terrorist"}) + " list."
		}
		t.add(secDesignation, l.delisted.y, famDesignation, bd.wrong, kindDate, s)
	}
}

// laterDelisting finds another authority, known to the source, that delisted the
// group later than l did.
func (t *teller) laterDelisting(known []*listing, l *listing) *listing {
	for _, o := range known {
		if o != l && t.known(o.delisted) && l.delisted.before(o.delisted) {
			return o
		}
	}
	return nil
}

// leaders states who led when: lists of periods, appointments, and who leads at
// the source's date.
func (t *teller) leaders() {
	w := t.w
	// When each began to lead, as the source believes: the founder from the
	// founding day (told under founding), the others from their appointment.
	starts := map[*person]belief{}
	for _, l := range w.leaders {
		switch {
		case !t.known(l.from):
		case l.appointer == nil:
			starts[l.who] = belief{d: l.from, limit: precDecade}
		default:
			starts[l.who] = t.date("leads:"+l.who.name(), l.from, true, false)
		}
	}
	if t.m.kind == "research-profile" && (t.plan.thorough || t.tells()) {
		for i, l := range w.leaders {
			if !t.known(l.from) {
				continue
			}
			b := starts[l.who]
			to := "present"
			tail := ""
			if t.known(l.to) {
				to = strconv.Itoa(l.to.y)
				if l.death {
					tail = "; " + pick(t.r, []string{"in charge until " + l.who.his() + " death in " + to, "at the head of the movement until " + l.who.his() + " death"})
				} else {
					tail = "; " + pick(t.r, []string{"vanished from public life in " + to, "out of public view after " + to})
				}
			} else if l.co {
				tail = "; " + pick(t.r, []string{"co-leader from " + strconv.Itoa(b.d.y), "co-leader alongside " + l.appointer.first})
			}
			if founder(w, l.who) && t.r.IntN(2) == 0 {
				tail = ", " + pick(t.r, []string{"a co-founder", "one of its first founders", "a founder"}) + tail
			}
			t.addList(listLeaders, "", i, famLeaders, b.wrong, kindDate, strconv.Itoa(b.d.y)+"-"+to+": "+t.person(l.who)+tail)
		}
	}
	for _, l := range w.leaders {
		if l.appointer == nil || !t.known(l.from) || !t.tells() {
			continue
		}
		b := starts[l.who]
		txt, p := t.say(b, precYear)
		role := pick(t.r, []string{"co-leader", "joint leader"})
		if l.successor {
			role = pick(t.r, []string{"new leader", "co-leader"})
		}
		s := capFirst(inOn(p)) + " " + txt + ", " + t.person(l.appointer) + " appointed " + t.person(l.who) + " as " + l.appointer.his() + " " + role + "."
		t.add(secLeaders, l.from.y, famLeaders, b.wrong, kindDate, s)
	}
	now := w.leadersAt(t.asOf)
	if len(now) == 0 || !t.plan.thorough && !t.tells() {
		return
	}
	var names []string
	for _, l := range now {
		names = append(names, t.person(l.who))
	}
	var s string
	switch t.r.IntN(4) {
	case 0:
		if len(now) == 1 {
			s = pick(t.r, []string{"Its current leader is ", "The group's current leader is "}) + names[0] + "."
		} else {
			s = pick(t.r, []string{"Its leaders are ", "Its current leaders are ", "The group's leaders are "}) + joinAnd(names) + "."
		}
	case 1:
		s = "Supporters " + pick(t.r, []string{"cheered", "applauded"}) + " their leader, " + names[len(names)-1] + ", at a rally in " + pick(t.r, w.towns()).name + "."
	case 2:
		if old := w.leaders[0]; t.known(old.to) && now[0].who == w.leaders[1].who {
			rels := []string{"wife", "longtime partner"}
			widow := "widow"
			if !now[0].who.female {
				rels[0], widow = "husband", "widower"
			}
			if old.death {
				rels = append(rels, widow)
			}
			rel := pick(t.r, rels)
			s = names[0] + ", the " + rel + " of " + old.who.name() + ", has now taken over the leadership of " + t.subject() + "."
			break
		}
		fallthrough
	default:
		s = joinAnd(names) + ", " + pick(t.r, []string{"who rarely appear in public", "who have outlasted every rival", "a family that has never loosened its grip"}) + ", " +
			pick(t.r, []string{"lead", "run"}) + " " + t.subject() + "."
		if len(names) == 1 {
			s = names[0] + ", " + pick(t.r, []string{"who rarely appears in public", "who has outlasted every rival"}) + ", " + pick(t.r, []string{"leads", "runs", "heads"}) + " " + t.subject() + "."
		}
	}
	t.add(secLeaders, lastYear, famLeaders, false, "", s)
}

func founder(w *world, p *person) bool {
	for _, f := range w.founders {
		if f == p {
			return true
		}
	}
	return false
}

// killings states who was killed when and where; a source planned to contradict
// itself tells one killing twice, with two dates.
func (t *teller) killings() {
	w := t.w
	self := !t.plan.truth && (t.plan.selfContra || chance(t.r, 0.05))
	for _, k := range w.killings {
		if !t.known(k.when) || !t.plan.thorough && !t.tells() {
			continue
		}
		b := t.date("killed:"+k.who.name(), k.when, false, false)
		kind := kindDate
		where := k.where
		if !b.wrong && k.event == nil && chance(t.r, t.pWrong/2) {
			// The wrong town lies in another country, so that no reading of the two
			// names can make them one place.
			var abroad []*place
			for _, p := range w.towns() {
				if p.country != k.where.country {
					abroad = append(abroad, p)
				}
			}
			if len(abroad) > 0 {
				where = pick(t.r, abroad)
				b.wrong, kind = true, kindPlace
			}
		}
		t.killing(k, b, where, kind)
		if self && k.verb != "died" && k.event == nil && !b.wrong {
			self = false
			other := belief{d: k.when, wrong: true, limit: precMonth}
			other.d.m = 1 + (k.when.m+between(t.r, 0, 10))%12
			if !t.known(other.d) {
				other.d.y--
				other.limit = precYear
			}
			t.killing(k, other, where, kindSelf)
		}
	}
}

// killing tells one killing, at the place the source believes.
func (t *teller) killing(k *killing, b belief, where *place, kind string) {
	name := t.person(k.who)
	txt, p := t.say(b, precMonth)
	loc := where.name
	if where == k.where && t.r.IntN(3) == 0 {
		loc = where.country
	}
	var s string
	switch {
	case k.verb == "died":
		s = name + " died in " + loc + " " + inOn(p) + " " + txt + "."
		if t.r.IntN(2) == 0 {
			s = capFirst(inOn(p)) + " " + txt + ", " + name + " died in " + loc + "."
		}
	case k.event != nil:
		// The toll is the source's own belief about the bombing, told the same way
		// wherever the source gives it.
		n, nw := t.count(eventKey(k.event), k.event.count)
		s = capFirst(inOn(p)) + " " + txt + ", the " + k.event.name + " killed " + groupedInt(n) + " people, including " + name + "."
		if t.r.IntN(2) == 0 {
			s = capFirst(inOn(p)) + " " + txt + ", a bomb in " + where.name + " killed " + t.countWords(n, nw) + " people, including " + name + ", " + k.who.role + "."
		}
	default:
		switch t.r.IntN(4) {
		case 0:
			s = capFirst(inOn(p)) + " " + txt + ", " + name + " (" + k.who.role + ") was " + k.verb + " in " + loc + "."
		case 1:
			txt, p := t.sayDMY(b, precMonth)
			s = name + ", " + k.who.role + ", was " + k.verb + " in " + loc + " by " + k.by + " " + inOn(p) + " " + txt + "."
		case 2:
			s = capFirst(inOn(p)) + " " + txt + ", " + k.by + " " + pick(t.r, []string{"murdered", "shot dead", "killed"}) + " " + k.who.title + " " + name + " in " + loc + "."
		default:
			s = name + " was " + k.verb + " in " + loc + " " + inOn(p) + " " + txt + ", " + pick(t.r, []string{"police said", "according to police", "officials said"}) + "."
		}
	}
	t.add(secIncidents, k.when.y, famKilled, b.wrong, kind, s)
}

// eventKey names an event's count among a source's beliefs.
func eventKey(e *event) string {
	return "event:" + e.kind + ":" + e.name + ":" + strconv.Itoa(e.when.y)
}

// events states the counts of the named bombings and raids, the arrests, the
// self-immolations and the hunger strikes.
func (t *teller) events() {
	w := t.w
	for _, e := range w.events {
		if !t.known(e.when) || !t.plan.thorough && !t.tells() {
			continue
		}
		n, wrong := t.count(eventKey(e), e.count)
		cw := t.countWords(n, wrong)
		// Events are keyed by kind and year: their dates are told right.
		txt, p := t.say(belief{d: e.when, limit: precMonth}, precMonth)
		var s string
		switch e.kind {
		case "bombing", "raid":
			switch t.r.IntN(3) {
			case 0:
				s = "The " + e.name + " killed " + cw + " people and wounded " + groupedInt(e.wounded) + " others."
			case 1:
				s = pick(t.r, []string{"Police blamed ", "Prosecutors blamed ", "Investigators blamed "}) + t.subject() + " for the " + e.name + ", which killed " + cw + " people " + inOn(p) + " " + txt + "."
			default:
				s = "The " + e.name + " left " + cw + " dead and " + groupedInt(e.wounded) + " wounded."
			}
		case "arrests":
			if t.r.IntN(2) == 0 {
				s = capFirst(inOn(p)) + " " + txt + ", police raided the group's offices in " + e.where.name + " and ordered the arrest of " + t.person(e.leader) +
					" and " + cw + " of " + e.leader.his() + " followers."
			} else {
				s = capFirst(inOn(p)) + " " + txt + ", " + cw + " suspected " + w.subject.acronym + " members were arrested in " + e.where.name + "."
			}
		case "self-immolation":
			if t.r.IntN(2) == 0 {
				s = capFirst(inOn(p)) + " " + txt + ", " + cw + " supporters of " + t.subject() + " set themselves on fire in " + e.where.name + "."
			} else {
				s = capFirst(cw) + " " + pick(t.r, []string{"followers", "members", "sympathisers"}) + " immolated themselves in protest in " + e.where.country + " in " + t.sayNoDay(belief{d: e.when, limit: precMonth}, precMonth) + "."
			}
		case "hunger-strike":
			s = capFirst(inOn(p)) + " " + txt + ", " + cw + " " + pick(t.r, []string{"supporters", "prisoners", "members"}) + " " + pick(t.r, []string{"began", "went on", "staged"}) +
				" a hunger strike in " + e.where.name + "."
		}
		t.add(secIncidents, e.when.y, famEvents, wrong, kindCount, s)
	}
}
