package gencorpus

import (
	"math"
	"math/rand/v2"
	"strings"
)

// world is the true history of one made-up organization, drawn from the seed.
// Sources tell parts of it; what they get wrong is decided per source (see teller).
type world struct {
	subject, council, army *org

	people   []*person
	founders []*person
	places   []*place

	bases    []*base // in order; the last one is where the group is today
	firstMY  int     // the first year with a membership count
	members  []int   // members by year, from firstMY to lastYear
	peakYear int

	listings []*listing
	leaders  []*leadership
	killings []*killing
	events   []*event

	// busy are years in which the group moved or its leadership changed: no source
	// is dated in one, so that "at present" is never in doubt.
	busy map[int]bool
}

// lastYear is the last year of the history; sources are dated up to it.
const lastYear = 2024

// org is the subject or one of its wings.
type org struct {
	name, acronym string
	alias         string // another name, for the subject only: "Lantern Brigades"
	wrong         string // a wrong expansion of the acronym, with the same initials
	founded       day
	role          string // "political wing", "armed wing"; "" for the subject
}

type person struct {
	first, last string
	female      bool
	role        string // what sources call them: "a council representative"
	title       string // the same, as it stands before a name: "council representative"
}

func (p *person) name() string { return p.first + " " + p.last }

func (p *person) his() string {
	if p.female {
		return "her"
	}
	return "his"
}

// place is a town or camp of the made-up world, in a real country.
type place struct {
	name, country string
	camp          bool
}

// base is a period the group spent in one country.
type base struct {
	country   string
	city      *place
	camp      *place  // nil when it had no camp there
	campShare float64 // the share of all members who lived in the camp
	from, to  day     // arrival (the founding day for the first base); to is zero for today's
	expelled  bool    // it left the previous base because it was expelled
	movers    int     // members who made the move here
}

// authority lists organizations as terrorist.
type authority struct {
	name      string   // as the tool knows it: "United States"
	subjects  []string // how a sentence names it: "the State Department"
	list      string   // the words before "list": "State Department terrorism"
	decider   string   // who decides a delisting: "the Secretary of State"
	proscribe bool     // it proscribes rather than designates
}

type listing struct {
	auth     *authority
	listed   day
	delisted day // zero while listed
	decided  day // when the delisting was decided, some days before it took effect
}

type leadership struct {
	who       *person
	from, to  day     // to is zero while leading
	death     bool    // the leadership ended with the leader's death
	appointer *person // who appointed them co-leader, if anyone
	co        bool
	successor bool // took over when the founder's leadership ended
}

type killing struct {
	who   *person
	when  day
	where *place
	verb  string // "assassinated"
	by    string // "two gunmen"
	event *event // the bombing that killed them, if any
}

type event struct {
	kind    string // bombing, raid, arrests, self-immolation, hunger-strike
	name    string // "Halmvik Harbour bombing", for bombings and raids
	when    day
	where   *place
	count   int     // killed in a bombing or raid; arrested; who set themselves on fire; on hunger strike
	wounded int     // for bombings and raids
	leader  *person // arrested with her followers
}

// The streams that derive generators from the seed: one for the world, one per source.
const (
	worldStream     = 0x9e3779b97f4a7c15
	sourceStream    = 0xbf58476d1ce4e5b9
	bystanderStream = 0x94d049bb133111eb
)

// bystanderEndings make the surnames of bystanders from the lexicon's: many more
// names than the lexicon holds, and names of the kind a profile lists.
var bystanderEndings = []string{"", "son", "berg", "ski", "nen", "ius", "sen", "ova", "holm", "stad", "vik", "ard"}

// bystanders draws n people the profile knows besides the world's own, whom no
// text names: what the profile of a long-running story lists. A bystander's
// surname is more than three edits from the surname of each of the world's people
// and from each place, its given name from each place, and its name is not near a
// person's by namesNear, so that no misspelling planted in the texts reads as one
// of them; bystanders may be near each other, as the people of a real profile
// are. They come from a stream of their own, so that the rest of the corpus is
// the same with and without them. Of the 24,336 names the lexicon makes, 18,900
// or more pass for every seed from 1 to 30, so n up to MaxBystanders is drawn soon.
func (w *world) bystanders(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, bystanderStream))
	given := append(append([]string{}, givenFemale...), givenMale...)
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		p := &person{first: pick(r, given), last: pick(r, surnames) + pick(r, bystanderEndings)}
		name := p.name()
		ok := !seen[name] && !nearProse(p.last)
		for _, q := range w.people {
			if ok && (namesNear(p, q) || near(q.last, p.last)) {
				ok = false
			}
		}
		for _, pl := range w.places {
			if ok && (near(pl.name, p.last) || near(pl.name, p.first)) {
				ok = false
			}
		}
		if ok {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func newWorld(seed uint64) *world {
	r := rand.New(rand.NewPCG(seed, worldStream))
	w := &world{busy: map[int]bool{}}
	w.name(r)
	w.history(r)
	return w
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between draws an integer from lo to hi inclusive.
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// name draws the organization, its wings and its people.
func (w *world) name(r *rand.Rand) {
	region := pick(r, orgRegions)
	middle := pick(r, orgMiddles)
	name := region + " " + pick(r, orgKinds)
	if middle != "" {
		name = region + " " + middle + " " + name[len(region)+1:]
	}
	w.subject = &org{name: name, alias: pick(r, aliasFirst) + " " + pick(r, aliasSecond)}
	w.subject.acronym = initials(name)
	// Each wing gets an acronym of its own: the tool would read a shared one as
	// one organization.
	w.council = w.wing(r, region, councils, "political wing", w.subject.acronym)
	w.army = w.wing(r, region, armies, "armed wing", w.subject.acronym, w.council.acronym)
	for _, o := range []*org{w.subject, w.council, w.army} {
		o.wrong = wrongExpansion(r, o.name)
	}
}

// wing draws a wing's name, with an acronym none of taken.
func (w *world) wing(r *rand.Rand, region string, kinds []string, role string, taken ...string) *org {
	for {
		o := &org{name: region + " " + pick(r, kinds), role: role}
		o.acronym = initials(o.name)
		ok := true
		for _, a := range taken {
			ok = ok && a != o.acronym
		}
		if ok {
			return o
		}
	}
}

// initials spell the acronym of a name: the first letters of its capitalized words.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// wrongExpansion swaps one word of a name (not of its region) for another with the
// same initial.
func wrongExpansion(r *rand.Rand, name string) string {
	words := strings.Fields(name)
	var at []int
	for i, w := range words {
		if _, ok := wrongWords[w]; ok {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return ""
	}
	i := pick(r, at)
	words[i] = pick(r, wrongWords[words[i]])
	return strings.Join(words, " ")
}

// newPerson draws a person whose name is far from every name already drawn, so
// that a misspelling of one can never be read as another, and far from the words
// the filler prose uses.
func (w *world) newPerson(r *rand.Rand, female bool, last, role string) *person {
	for {
		first := pick(r, givenMale)
		if female {
			first = pick(r, givenFemale)
		}
		l := last
		if l == "" {
			l = pick(r, surnames)
		}
		p := &person{first: first, last: l, female: female, role: role}
		ok := !nearProse(first) && !nearProse(l)
		for _, q := range w.people {
			if namesNear(p, q) {
				ok = false
				break
			}
		}
		for _, pl := range w.places {
			if near(pl.name, l) || near(pl.name, first) {
				ok = false
			}
		}
		if ok {
			w.people = append(w.people, p)
			return p
		}
	}
}

// nearProse reports whether a word of a name is a word of the filler, or, for a
// long word, two typos or fewer from one: the tool reads a capitalized word that
// close to a surname as a misspelling of it.
func nearProse(name string) bool {
	name = strings.ToLower(name)
	if proseWords[name] {
		return true
	}
	if len(name) < 7 {
		return false
	}
	for w := range proseWords { // any order: the answer is the same
		if len(w) >= 7 && typos(w, name) <= 2 {
			return true
		}
	}
	return false
}

// namesNear reports whether two people's names are so alike that one typo could
// turn one into the other: every word within three edits, or a word shared and the
// other within three.
func namesNear(a, b *person) bool {
	return typos(a.first, b.first) <= 3 && typos(a.last, b.last) <= 3
}

// near reports whether two words are within three edits of each other.
func near(a, b string) bool { return typos(strings.ToLower(a), strings.ToLower(b)) <= 3 }

// typos is the optimal string alignment distance: letters dropped, added or
// changed, and neighbouring letters swapped, each count one.
func typos(a, b string) int {
	a, b = strings.ToLower(a), strings.ToLower(b)
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// newPlace draws a town in country, or a camp.
func (w *world) newPlace(r *rand.Rand, country string, camp bool) *place {
	for {
		var name string
		if camp {
			name = "Camp " + pick(r, campWords)
		} else {
			for _, cs := range countrySyllables {
				if cs.country == country {
					name = pick(r, cs.pre) + pick(r, cs.suf)
				}
			}
		}
		ok := !proseWords[strings.ToLower(name)]
		for _, p := range w.places {
			if p.name == name || !camp && near(p.name, name) {
				ok = false
			}
		}
		if ok {
			p := &place{name: name, country: country, camp: camp}
			w.places = append(w.places, p)
			return p
		}
	}
}

// history draws the timeline: founding, bases and moves, wings, leaders,
// membership, listings, killings and events.
func (w *world) history(r *rand.Rand) {
	y0 := between(r, 1961, 1978)
	w.subject.founded = randomDay(r, y0)

	w.moves(r, y0)
	w.council.founded = randomDay(r, y0+between(r, 2, 10))
	w.army.founded = randomDay(r, w.council.founded.y+between(r, 1, 8))

	w.people = nil
	a := w.newPerson(r, chance(r, 0.4), "", "a founder")
	spouse := w.newPerson(r, !a.female, a.last, "a founder's spouse")
	f2 := w.newPerson(r, chance(r, 0.4), "", "a founder")
	f3 := w.newPerson(r, chance(r, 0.4), "", "a founder")
	w.founders = []*person{a, f2, f3}
	if chance(r, 0.3) {
		w.founders = append(w.founders, spouse)
	}
	w.leadership(r, a, spouse)
	w.membership(r, y0)
	w.designations(r, y0)
	w.violence(r, y0, spouse)
}

// moves draws three or four bases in distinct countries. The last move falls
// between 2003 and 2015, so that sources dated on either side of it disagree about
// "today" (stale, not wrong).
func (w *world) moves(r *rand.Rand, y0 int) {
	countries := []string{"Sweden", "Finland", "Estonia", "Norway", "Denmark", "Poland", "Latvia", "Lithuania", "Germany", "Austria"}
	r.Shuffle(len(countries), func(i, j int) { countries[i], countries[j] = countries[j], countries[i] })
	n := between(r, 3, 4)
	years := []int{y0, y0 + between(r, 5, 10)}
	last := between(r, 2003, 2015)
	if n == 4 {
		years = append(years, between(r, years[1]+6, last-6))
	}
	years = append(years, last)
	for i := range n {
		b := &base{country: countries[i], expelled: i > 0 && chance(r, 0.5)}
		b.city = w.newPlace(r, b.country, false)
		if i > 0 && (i == n-1 || chance(r, 0.6)) {
			b.camp = w.newPlace(r, b.country, true)
			b.campShare = 0.35 + 0.45*r.Float64()
		}
		if i == 0 {
			b.from = w.subject.founded
		} else {
			b.from = randomDay(r, years[i])
			w.bases[i-1].to = b.from
			w.busy[years[i]] = true
		}
		w.bases = append(w.bases, b)
	}
	// Towns abroad, where people were killed and bombs went off.
	for _, c := range countries[n : n+between(r, 1, 3)] {
		w.newPlace(r, c, false)
	}
}

// baseAt returns the base the group was in on day d.
func (w *world) baseAt(d day) (int, *base) {
	for i := len(w.bases) - 1; i >= 0; i-- {
		if !d.before(w.bases[i].from) {
			return i, w.bases[i]
		}
	}
	return 0, w.bases[0]
}

// towns are the places that are not camps.
func (w *world) towns() []*place {
	var out []*place
	for _, p := range w.places {
		if !p.camp {
			out = append(out, p)
		}
	}
	return out
}

// leadership draws the leaders: the first founder leads from the founding until
// death or disappearance; the spouse becomes co-leader before that and leads on;
// often a child of theirs joins later.
func (w *world) leadership(r *rand.Rand, a, spouse *person) {
	founded := w.subject.founded
	lastMove := w.bases[len(w.bases)-1].from.y
	end := randomDay(r, between(r, w.bases[1].from.y+4, min(lastMove+4, 2016)))
	for w.busy[end.y] && end.y < 2018 {
		end.y++
	}
	la := &leadership{who: a, from: founded, to: end, death: chance(r, 0.6)}
	coFrom := randomDay(r, between(r, founded.y+8, end.y-2))
	for w.busy[coFrom.y] && coFrom.y < end.y-1 {
		coFrom.y++
	}
	lb := &leadership{who: spouse, from: coFrom, appointer: a, co: true}
	w.leaders = []*leadership{la, lb}
	w.busy[end.y], w.busy[coFrom.y] = true, true
	if chance(r, 0.6) {
		child := w.newPerson(r, chance(r, 0.5), a.last, "their child")
		from := randomDay(r, min(end.y+between(r, 1, 3), 2020))
		for w.busy[from.y] && from.y < 2021 {
			from.y++
		}
		w.leaders = append(w.leaders, &leadership{who: child, from: from, appointer: spouse, successor: true})
		w.busy[from.y] = true
	}
	if la.death {
		w.killings = append(w.killings, &killing{who: a, when: end, where: w.bases[0].city, verb: "died"})
		_, b := w.baseAt(end)
		w.killings[0].where = b.city
	}
}

// leadersAt lists who led on day d.
func (w *world) leadersAt(d day) []*leadership {
	var out []*leadership
	for _, l := range w.leaders {
		if !d.before(l.from) && (l.to.isZero() || d.before(l.to)) {
			out = append(out, l)
		}
	}
	return out
}

// membership draws the count of members for every year: growth to a peak, then a
// slow decline, with noise; and how many made each move.
func (w *world) membership(r *rand.Rand, y0 int) {
	w.firstMY = y0 + 1
	peakYear := between(r, y0+8, min(y0+25, 2005))
	peak := float64(between(r, 25, 90) * 100)
	start := float64(between(r, 2, 8) * 50)
	end := peak * float64(between(r, 25, 60)) / 100
	best := 0
	for y := w.firstMY; y <= lastYear; y++ {
		var v float64
		if y <= peakYear {
			f := float64(y-w.firstMY) / float64(peakYear-w.firstMY)
			v = start + (peak-start)*math.Pow(f, 1.3)
		} else {
			f := float64(y-peakYear) / float64(lastYear-peakYear)
			v = peak + (end-peak)*math.Pow(f, 0.8)
		}
		v *= 1 + (r.Float64()-0.5)*0.12
		n := roundCount(v)
		if n > best {
			best, w.peakYear = n, y
		}
		w.members = append(w.members, n)
	}
	for _, b := range w.bases[1:] {
		b.movers = roundCount(float64(w.membersIn(b.from.y)) * (0.5 + 0.4*r.Float64()))
	}
}

// roundCount rounds a count the way estimates are: to tens, fifties or hundreds.
func roundCount(v float64) int {
	step := 100.0
	switch {
	case v < 200:
		step = 10
	case v < 2000:
		step = 50
	}
	return int(math.Max(step, math.Round(v/step)*step))
}

// membersIn is the count of members in year y.
func (w *world) membersIn(y int) int { return w.members[y-w.firstMY] }

// campCount is how many lived in b's camp in year y, and whether it had one then.
func (w *world) campCount(b *base, y int) (int, bool) {
	if b.camp == nil || y <= b.from.y || !b.to.isZero() && y >= b.to.y || y < w.firstMY {
		return 0, false
	}
	return roundCount(float64(w.membersIn(y)) * b.campShare), true
}

var (
	authUS = &authority{name: "United States", subjects: []string{"the United States", "the State Department", "the U.S. State Department", "the US government"},
		list: "State Department terrorism", decider: "the Secretary of State"}
	authEU = &authority{name: "European Union", subjects: []string{"the European Union", "the EU", "the Council of the EU", "the Council of the European Union"},
		list: "EU terrorist", decider: "the Council of Ministers"}
	authUK = &authority{name: "United Kingdom", subjects: []string{"the United Kingdom", "the Home Office", "the British government"},
		list: "Home Office proscription", decider: "the Home Secretary", proscribe: true}
	authCA = &authority{name: "Canada", subjects: []string{"Canada", "the Canadian government", "Public Safety Canada"},
		list: "Canadian government terrorism", decider: "the Minister of Public Safety"}
	authJP = &authority{name: "Japan", subjects: []string{"Japan", "the Japanese government"},
		list: "Japanese government sanctions", decider: "the Foreign Minister"}
)

// designations draws who listed the group as terrorist, and who lifted it when.
func (w *world) designations(r *rand.Rand, y0 int) {
	type span struct {
		auth                       *authority
		p, pDelist                 float64
		lo, hi, delistLo, delistHi int
	}
	for _, s := range []span{
		{authUS, 1, 0.7, max(1990, y0+12), 2004, 0, 2016},
		{authEU, 1, 0.6, 2001, 2006, 2008, 2013},
		{authUK, 0.6, 0.5, 2000, 2004, 2006, 2012},
		{authCA, 0.5, 0.5, 2002, 2007, 2009, 2014},
		{authJP, 0.4, 0.4, 2001, 2008, 2010, 2015},
	} {
		if !chance(r, s.p) {
			continue
		}
		l := &listing{auth: s.auth, listed: randomDay(r, between(r, s.lo, s.hi))}
		if chance(r, s.pDelist) {
			lo := max(s.delistLo, l.listed.y+6)
			l.delisted = randomDay(r, between(r, lo, max(lo, s.delistHi)))
			l.decided = l.delisted
			l.decided.d = between(r, 1, l.delisted.d)
			if l.decided.d == l.delisted.d && l.decided.m > 1 {
				l.decided.m--
			}
		}
		w.listings = append(w.listings, l)
	}
}

// violence draws the people killed and the events with their counts.
func (w *world) violence(r *rand.Rand, y0 int, spouse *person) {
	towns := w.towns()
	roles := [][2]string{{"a council representative", "council representative"}, {"the group's spokesman", "spokesman"},
		{"a senior commander", "senior commander"}, {"an exile organizer", "exile organizer"},
		{"a former treasurer", "former treasurer"}, {"the editor of its newsletter", "newsletter editor"}}
	verbs := []string{"assassinated", "shot dead", "killed", "murdered"}
	bys := []string{"two gunmen", "unknown assailants", "a man on a motorcycle", "agents of a rival faction", "a sniper"}
	// The bombings and the raid, each named after its scene.
	var named []*event
	for range between(r, 1, 2) {
		t := pick(r, towns)
		e := &event{kind: "bombing", where: t, when: randomDay(r, between(r, y0+4, 2019))}
		for {
			e.name = t.name + " " + pick(r, landmarks) + " bombing"
			if !w.eventNamed(e.name) {
				break
			}
		}
		e.count = between(r, 3, 40)
		e.wounded = e.count*between(r, 2, 4) + between(r, 1, 9)
		w.events = append(w.events, e)
		named = append(named, e)
	}
	for _, b := range w.bases {
		if b.camp != nil && chance(r, 0.7) {
			to := lastYear - 1
			if !b.to.isZero() {
				to = b.to.y - 1
			}
			if to <= b.from.y {
				continue
			}
			e := &event{kind: "raid", name: b.camp.name + " raid", where: b.camp, when: randomDay(r, between(r, b.from.y+1, to))}
			e.count = between(r, 2, 25)
			e.wounded = e.count*between(r, 2, 5) + between(r, 1, 9)
			w.events = append(w.events, e)
			break
		}
	}
	// Arrests of the co-leader and her followers, self-immolations days later, and
	// a hunger strike: each in a year of its own, as the tool keys them by year.
	ay := between(r, max(w.bases[1].from.y+2, w.leaders[1].from.y+1), 2020)
	arrest := &event{kind: "arrests", when: randomDay(r, ay), where: pick(r, towns), count: between(r, 40, 250), leader: spouse}
	w.events = append(w.events, arrest)
	if chance(r, 0.8) {
		when := arrest.when
		when.d = min(28, when.d+between(r, 1, 9))
		w.events = append(w.events, &event{kind: "self-immolation", when: when, where: pick(r, towns), count: between(r, 3, 19)})
	}
	if chance(r, 0.8) {
		hy := between(r, w.bases[1].from.y, 2020)
		if hy == ay {
			hy = max(w.bases[1].from.y, ay-between(r, 1, 5))
		}
		w.events = append(w.events, &event{kind: "hunger-strike", when: randomDay(r, hy), where: pick(r, towns), count: between(r, 20, 300)})
	}
	// People killed: some alone, one perhaps in a bombing.
	for i := range between(r, 3, 5) {
		role := pick(r, roles)
		v := w.newPerson(r, chance(r, 0.35), "", role[0])
		v.title = role[1]
		k := &killing{who: v, verb: pick(r, verbs), by: pick(r, bys), where: pick(r, towns), when: randomDay(r, between(r, y0+3, 2020))}
		if i == 0 && len(named) > 0 {
			k.event = named[0]
			k.when, k.where, k.verb, k.by = named[0].when, named[0].where, "killed", ""
		}
		w.killings = append(w.killings, k)
	}
}

func (w *world) eventNamed(name string) bool {
	for _, e := range w.events {
		if e.name == name {
			return true
		}
	}
	return false
}
