package facts

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Known is an entity the profile names, with the aliases it goes by. A place also
// records the country it lies in; a country is a place that lies in itself.
type Known struct {
	Entity
	Aliases []string
	Country string
}

// Names returns the canonical name followed by the aliases.
func (k *Known) Names() []string { return append([]string{k.Name}, k.Aliases...) }

// Profile is what a corpus says about names: the subject, and the people,
// organizations, authorities and places its sources mention, each with its aliases
// (and, for a place, its country). It never says when, how many or where the subject
// did anything; those facts come only from the text.
type Profile struct {
	Subject *Known
	known   []*Known
	byKey   map[string]*Known
	adj     map[string]string // "iraqi" → "Iraq"
	lowered map[string]string // lowerFolded's memory (Learn's, one source at a time): a name → folded, in lower case
	names   []knownName       // people's and organizations' names, longest first
	// placeholders is what the placeholders of rules stand for (fragments),
	// worked out once the profile is complete.
	placeholders struct {
		once  sync.Once
		m     map[string]string
		trees sync.Map // fragment source → *fragmentTree, parsed when first spliced
		// The alternations of the names the fragments spell, worked out once,
		// and those long enough to be compiled apart (see shared.go).
		altOnce sync.Once
		alts    nameAlternations
		shared  sharedNames
	}
	// nearWords are, by first letter folded, the numbers of words of the names
	// nearNames looks for (see nearNameWanted), from the fewest (none: no such
	// name opens with the letter); nearIndex indexes the names (see nearMatches).
	nearWords   [256][]int
	nearIndex   *NameIndex
	firstLetter sync.Map        // translitFirst's memory: word → first folded letter
	misspelt    sync.Map        // misspeltSurname's memory: word → *Known (nil for none)
	surnameKeys map[string]bool // isSurname's keys
	surnames    struct {        // surnameIndex's, made when first asked for
		once sync.Once
		idx  *surnameIndex
	}
	near nearMemo // nearMatches's memory
	gen  uint64   // the number of its completion (see completions)
	// The readings of values by every source's extraction: the sources of a
	// corpus, about one subject's history, state many of the same dates, counts
	// and periods. A reading depends on the words and, for a date, the year in
	// force alone; a period's words are read apart from the source's as-of date,
	// which is applied to them after.
	dates      readings[dateKey, parsed[Date]]
	quantities readings[string, parsed[Quantity]]
	periods    readings[string, periodWords]
	// And where the people's expression finds names in the words a rule
	// captured as people: the same few names, source after source.
	personSpans readings[string, [][]int]
	// And where a period's years are in its words, and what authority a heading
	// names.
	periodParts readings[string, [2][2]int]
	authorities readings[string, string]
}

// readings remembers what a value's words read as, for every worker: up to
// readingsMax of them, so that a corpus of all different values costs no more
// memory than that. A map under a lock, which the workers read far more than
// they write (a sync.Map would box each key it is asked about).
type readings[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
	n  int // readings stored or refused
}

// readingsMax bounds how many readings of one kind a profile remembers.
const readingsMax = 1 << 16

func (r *readings[K, V]) load(k K) (V, bool) {
	r.mu.RLock()
	v, ok := r.m[k]
	r.mu.RUnlock()
	return v, ok
}

// store remembers v for k, which must hold no piece of a source's text (the
// texts are let go once their claims are out).
func (r *readings[K, V]) store(k K, v V) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n++; r.n > readingsMax {
		return
	}
	if r.m == nil {
		r.m = map[K]V{}
	}
	r.m[k] = v
}

// parsed is a value read from words, or why they read as none.
type parsed[T any] struct {
	v   T
	err error
}

// nearMemo remembers, for a window of words, the known names it spells (see
// nearMatches): a map under a lock, which every worker reads far more than it
// writes.
type nearMemo struct {
	mu sync.RWMutex
	m  map[string][]int32 // by window written
}

// knownName is one name or alias of a known person or organization.
type knownName struct {
	known *Known
	name  string
	words []string // nameWords(name)
	first byte     // the first letter of its first word, folded (translitFirst)
	// translitLen is the length in letters of each word transliterated.
	translitLen []int
}

// nameList returns the names and aliases of known people and organizations,
// those with the most words first. It is computed when the profile is complete
// (see complete), so that extraction can share the profile across goroutines.
func (p *Profile) nameList() []knownName { return p.names }

// complete computes what is derived from the names, once they are all known.
func (p *Profile) complete() {
	p.names = nil
	for _, k := range p.known {
		if k.Type != EntityPerson && k.Type != EntityOrganization {
			continue
		}
		for _, n := range k.Names() {
			w := nameWords(n)
			var first byte
			if len(w) > 0 {
				first = p.translitFirst(w[0])
			}
			tl := make([]int, len(w))
			for i, word := range w {
				tl[i] = utf8.RuneCountInString(translit(word))
			}
			p.names = append(p.names, knownName{k, n, w, first, tl})
		}
	}
	sort.SliceStable(p.names, func(i, j int) bool { return len(p.names[i].words) > len(p.names[j].words) })
	p.placeholders.once, p.placeholders.m, p.placeholders.trees = sync.Once{}, nil, sync.Map{}
	p.placeholders.altOnce, p.placeholders.alts = sync.Once{}, nameAlternations{}
	p.placeholders.shared.reset()
	p.nearWords = [256][]int{}
	all := make([]string, len(p.names))
	for i, n := range p.names {
		all[i] = n.name
		if !nearNameWanted(n) {
			continue
		}
		if k := len(n.words); !slices.Contains(p.nearWords[n.first], k) {
			p.nearWords[n.first] = append(p.nearWords[n.first], k)
			slices.Sort(p.nearWords[n.first])
		}
	}
	p.nearIndex = NewNameIndex(all)
	p.surnameKeys = p.listSurnames()
	p.misspelt = sync.Map{}
	p.surnames.once, p.surnames.idx = sync.Once{}, nil
	p.near.mu.Lock()
	p.near.m = nil
	p.near.mu.Unlock()
	p.gen = completions.Add(1)
}

// completions counts the profiles completed in the process: each completion's
// number tells a worker's memories of one from those of another (see memos).
var completions atomic.Uint64

// Vocabulary is the words a source writes in lower case ("light", "regime"):
// ordinary words, which tell capitalized phrases ("Eternal Light", "Terrorism
// Monitor") from names. It is per source, so a source's claims depend on its own
// text only.
//
// A source is asked about few words (the first and last words of the names found
// by shape: five a source in the generated corpora), so the first questions are
// answered by searching the text for the word, each once. Past askLimit words the
// text is read into a set, as it once always was: a text full of names costs at
// most askLimit searches more than the set alone, and extraction stays linear.
type Vocabulary struct {
	text  string
	asked map[string]bool // the answers found by searching
	set   []vocabSlot     // the set, once built: a power of two long; an empty word marks a free slot
	n     int
}

// askLimit is how many words are searched for before the vocabulary reads the
// whole text.
const askLimit = 16

type vocabSlot struct {
	hash uint64
	word string
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// NewVocabulary is the vocabulary of a text: the runs of three or more lower-case
// ASCII letters that stand alone (no digit, capital or underscore glued to them).
func NewVocabulary(text string) *Vocabulary { return &Vocabulary{text: text} }

// Has reports whether the text writes word, in lower case, as a word of its own.
func (v *Vocabulary) Has(word string) bool {
	if v == nil || len(word) < 3 || !lowerASCII(word) {
		return false
	}
	if v.set != nil {
		return v.inSet(word)
	}
	if has, ok := v.asked[word]; ok {
		return has
	}
	if len(v.asked) == askLimit {
		v.readAll()
		return v.inSet(word)
	}
	if v.asked == nil {
		v.asked = make(map[string]bool, askLimit)
	}
	has := standsAlone(v.text, word)
	v.asked[word] = has
	return has
}

// lowerASCII reports whether w is lower-case ASCII letters only.
func lowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// standsAlone reports whether text holds w (lower-case letters) with no word byte
// on either side. It looks for w's rarest letter, as English writes letters, and
// checks the words around each: a frequent first letter would stop it at every
// other word.
func standsAlone(text, w string) bool {
	k := 0
	for i := 1; i < len(w); i++ {
		if letterRank[w[i]-'a'] > letterRank[w[k]-'a'] {
			k = i
		}
	}
	c := w[k]
	for i := k; i < len(text); {
		j := strings.IndexByte(text[i:], c)
		if j < 0 {
			return false
		}
		p := i + j - k // where w would begin
		if e := p + len(w); e <= len(text) && text[p:e] == w &&
			(p == 0 || !isWordByte(text[p-1])) && (e == len(text) || !isWordByte(text[e])) {
			return true
		}
		i += j + 1
	}
	return false
}

// letterRank orders the letters a to z from the most frequent in English text (e)
// to the rarest (z).
var letterRank = func() (rank [26]int) {
	for i, c := range "etaoinshrdlcumwfgypbvkjxqz" {
		rank[c-'a'] = i
	}
	return rank
}()

// readAll reads every lower-case word of the text into the set. It is a set of
// its own, open addressing over a hash computed while the text is read: a Go map
// would hash each word again.
func (v *Vocabulary) readAll() {
	v.set = make([]vocabSlot, 1024)
	text := v.text
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j, lower := i, true
		h := uint64(fnvOffset)
		for j < len(text) && isWordByte(text[j]) {
			c := text[j]
			lower = lower && c >= 'a' && c <= 'z'
			h = (h ^ uint64(c)) * fnvPrime
			j++
		}
		if lower && j-i >= 3 {
			v.add(text[i:j], h)
		}
		i = j
	}
}

func (v *Vocabulary) add(w string, h uint64) {
	mask := uint64(len(v.set) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		switch s := &v.set[k]; {
		case s.word == "":
			s.hash, s.word = h, w
			if v.n++; 2*v.n > len(v.set) {
				v.grow()
			}
			return
		case s.hash == h && s.word == w:
			return
		}
	}
}

// grow doubles the table, keeping it at most half full.
func (v *Vocabulary) grow() {
	old := v.set
	v.set, v.n = make([]vocabSlot, 2*len(old)), 0
	for _, s := range old {
		if s.word != "" {
			v.add(s.word, s.hash)
		}
	}
}

// inSet looks word up in the set.
func (v *Vocabulary) inSet(word string) bool {
	h := uint64(fnvOffset)
	for i := 0; i < len(word); i++ {
		h = (h ^ uint64(word[i])) * fnvPrime
	}
	mask := uint64(len(v.set) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		switch s := &v.set[k]; {
		case s.word == "":
			return false
		case s.hash == h && s.word == word:
			return true
		}
	}
}

// isWordByte is a character of a word as regular expressions count them (\w).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// NewProfile builds a profile from the subject and the named entities, adding the
// countries of the world as places.
func NewProfile(subject *Known, entities []*Known) *Profile {
	p := &Profile{Subject: subject, byKey: map[string]*Known{}, adj: map[string]string{}}
	p.add(subject)
	for _, e := range entities {
		p.add(e)
	}
	for _, c := range countries {
		if _, taken := p.byKey[nameKey(c.Name)]; taken {
			continue
		}
		p.add(&Known{Entity: Entity{ID: EntityID("place:" + slug(c.Name)), Name: c.Name, Type: EntityPlace}, Aliases: c.Aliases, Country: c.Name})
		for _, a := range c.Adjectives {
			p.adj[nameKey(a)] = c.Name
		}
	}
	p.complete()
	return p
}

func (p *Profile) add(k *Known) {
	p.known = append(p.known, k)
	for _, n := range k.Names() {
		if _, taken := p.byKey[nameKey(n)]; !taken {
			p.byKey[nameKey(n)] = k
		}
	}
}

// writeNames writes every name the profile knows, with its kind, aliases and
// country, in profile order: whatever changes the names changes the digest of the
// rules compiled with them, and so the key of every cached claim.
func (p *Profile) writeNames(w io.Writer) {
	for _, k := range p.known {
		fmt.Fprintf(w, "%s\x00%s\x00%d\x00%s\x00%s\x01", k.ID, k.Name, k.Type, strings.Join(k.Aliases, "\x00"), k.Country)
	}
}

// Known returns every entity of the given type, in profile order.
func (p *Profile) Known(t EntityType) []*Known {
	var out []*Known
	for _, k := range p.known {
		if k.Type == t {
			out = append(out, k)
		}
	}
	return out
}

// EntityType is an alias kept for readability at call sites.
type EntityType = EntityKind

// Lookup finds the entity a name or alias stands for.
func (p *Profile) Lookup(name string) *Known {
	var buf [64]byte
	if k, ok := appendNameKey(buf[:0], name); ok {
		return p.byKey[string(k)] // read without making a string
	}
	return p.byKey[nameKey(name)]
}

// appendNameKey appends nameKey(s) to the empty b when s is a plain name of at
// most 64 bytes (nameKey's usual case: its letters in lower case, a leading "the"
// taken off), so that a caller with b on its stack makes no string; false for any
// other s.
func appendNameKey(b []byte, s string) ([]byte, bool) {
	if len(s) > 64 || !plainName(s) {
		return b, false
	}
	b = appendLower(b, s)
	if len(b) >= 4 && string(b[:4]) == "the " {
		b = b[4:]
	}
	return b, true
}

// appendLower appends s to b with its ASCII capitals in lower case.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// genericOrgWords are the words a source uses for its own subject, in any case.
var genericOrgWords = []string{"it", "they", "them", "its", "their", "the group", "the organisation", "the organization",
	"the movement", "this group", "the group's", "the organisation's", "the organization's"}

// genericOrg reports whether text is one of genericOrgWords, the case folded
// as the expressions' (?i) folds it.
func genericOrg(text string) bool {
	for _, w := range genericOrgWords {
		if strings.EqualFold(text, w) {
			return true
		}
	}
	return false
}

// Org resolves the organization a matched name stands for: a named organization or
// the subject, "the group" or "it" (which, in a profile of the subject, mean it),
// and "Mujahedin-e Khalq (MEK)" through either of its names.
func (p *Profile) Org(text string) (*Known, bool) {
	text = strings.TrimSpace(text)
	if genericOrg(text) {
		return p.Subject, true
	}
	text = strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "'")
	if name, alias, ok := strings.Cut(text, " ("); ok {
		if k := p.Lookup(name); k != nil && k.Type == EntityOrganization {
			return k, true
		}
		text = strings.TrimSuffix(alias, ")")
	}
	if k := p.Lookup(text); k != nil && k.Type == EntityOrganization {
		return k, true
	}
	return nil, false
}

// Place resolves a place name, a country's name or alias, or an adjectival phrase
// ("Iraqi soil") to a Place with its country.
func (p *Profile) Place(text string) (Place, bool) {
	text = strings.TrimSpace(text)
	if k := p.Lookup(text); k != nil && k.Type == EntityPlace {
		return Place{Name: k.Name, Country: k.Country}, true
	}
	for _, suffix := range []string{" soil", " territory", " territories", " government", " authorities"} {
		if adj, ok := strings.CutSuffix(text, suffix); ok {
			if c, ok := p.adj[nameKey(adj)]; ok {
				return Place{Name: c, Country: c}, true
			}
		}
	}
	return Place{}, false
}

// Person resolves a person's name as written ("Dr Kazem Rajavi") to an entity: a
// person the profile names, or else a new entity named by the words themselves.
func (p *Profile) Person(text string, common *Vocabulary) (Entity, bool) {
	name, titled, e, known, ok := p.personNamed(text)
	if known {
		return e, ok
	}
	words := strings.Fields(name)
	// Whatever words personDropping drops, the name kept is an ending of the
	// words, and a person's only if each of its words may be one
	// (looksLikePerson), and if it is one word, a title or a known surname
	// vouches for it. When no ending can be ("Harbour Institute", "Institute
	// Review") and none is a name the profile knows, the answer is no, given
	// without asking the vocabulary about the leading words (a search of the
	// whole text for each word it does not know).
	if len(words) > 1 && !p.mayEndInPerson(words, titled) && !p.knowsAnEnding(name, words) {
		return Entity{}, false
	}
	return p.personDropping(name, words, titled, common)
}

// personNamed takes the title off text (titled: there was one) and, when the
// profile knows the name, sets known and returns its entity with ok if it is a
// person's (none if it is something else's).
func (p *Profile) personNamed(text string) (name string, titled bool, e Entity, known, ok bool) {
	name = StripTitle(text)
	titled = name != strings.TrimSpace(text)
	if k := p.Lookup(name); k != nil {
		if k.Type != EntityPerson {
			return name, titled, Entity{}, true, false
		}
		return name, titled, k.Entity, true, true
	}
	return name, titled, Entity{}, false, false
}

// personDropping is Person of a name the profile does not know, its fields
// words. Shape matching may take in a capitalized word before the name
// ("February Mousa Khiabani" after "On 8 February"); such words are dropped
// while the vocabulary writes them in lower case, but a known name of something
// else ("Camp Hurriya") is never taken apart.
func (p *Profile) personDropping(name string, words []string, titled bool, common *Vocabulary) (Entity, bool) {
	for ; len(words) > 1 && (notNameWords[words[0]] || common.Has(strings.ToLower(words[0]))); words = words[1:] {
		name = strings.Join(words[1:], " ")
		if k := p.Lookup(name); k != nil && k.Type != EntityPerson {
			return Entity{}, false
		}
	}
	if k := p.Lookup(name); k != nil {
		return k.Entity, k.Type == EntityPerson
	}
	if !p.looksLikePerson(name, titled, common) {
		return Entity{}, false
	}
	return Entity{ID: EntityID("person:" + slug(name)), Name: name, Type: EntityPerson}, true
}

var abbrevEndRE = regexp.MustCompile(`(?:[A-Za-z]\.){2,}$`)

// StripTitle removes a leading title ("Dr", "Lt. Col.", "President") from a name.
func StripTitle(name string) string {
	for {
		n := titleLen(name)
		if n == 0 {
			return strings.TrimSpace(name)
		}
		name = name[n:]
	}
}

// titleLen is how long the title opening name is with the spaces after it, as
// the expression in TestTitleLenAsTheExpression reads it, or 0: every name found
// by shape asks, and few open with a title. The titles are tried in the
// expression's order, each as it takes it (an abbreviation's full stop if there
// is one, then at least one space), so the first that fits is the one the
// expression's leftmost-first match takes.
func titleLen(name string) int {
	if name == "" || !titleOpens[name[0]] {
		return 0
	}
	for _, t := range titles {
		n := 0
		if t.dotted != "" { // "Lt. Col", "Lt.Col"
			if !strings.HasPrefix(name, t.dotted) {
				continue
			}
			n = len(t.dotted)
			if n < len(name) && name[n] == ' ' {
				n++
			}
		}
		if !strings.HasPrefix(name[n:], t.word) {
			continue
		}
		n += len(t.word)
		if t.abbrev && n < len(name) && name[n] == '.' {
			n++
		}
		spaces := n
		for spaces < len(name) && isPerlSpace(name[spaces]) {
			spaces++
		}
		if spaces > n {
			return spaces
		}
	}
	return 0
}

// title is a title titleLen tries: an abbreviation takes a full stop after it, a
// two-part one ("Lt. Col") is dotted ("Lt.") and word ("Col").
type title struct {
	dotted, word string
	abbrev       bool
}

// titles are the expression's titles in its order.
var titles = func() (out []title) {
	for _, w := range []string{"Dr", "Mr", "Mrs", "Ms", "Prof", "Lt.Col", "Lt", "Col", "Gen", "Brig.Gen", "Maj.Gen", "Maj", "Capt", "Sgt", "Adm", "Sen", "Rep"} {
		if first, second, ok := strings.Cut(w, "."); ok {
			out = append(out, title{first + ".", second, true})
		} else {
			out = append(out, title{"", w, true})
		}
	}
	for _, w := range []string{"General", "Colonel", "Captain", "Major", "President", "Premier", "Prime Minister", "Ayatollah", "Imam", "Sheikh", "Senator", "Judge", "Professor", "Mayor", "Minister"} {
		out = append(out, title{"", w, false})
	}
	return out
}()

// titleOpens are the first letters of the titles.
var titleOpens = func() (open [256]bool) {
	for _, t := range titles {
		open[(t.dotted + t.word)[0]] = true
	}
	return open
}()

// notNameWords are capitalized words that begin sentences or name institutions, and
// so cannot be part of a person's name found by shape alone.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An In On At Of And For But Or By To From With Without After Before During
	Also Then However Although While When Since Until Following According Despite Among Between Both
	Its Their His Her Our This That These Those It They He She We Who What Which Some Many Most Several
	All Each Two Three Four Five Six Seven Eight Nine Ten
	January February March April May June July August September October November December
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday
	Islamic Republic Republican Party Army Council Government University Camp Operation Operations Organization
	Organisation Front Committee Ministry Department Court Guard Guards Corps Province County Embassy Police Force
	Forces Revolution Revolutionary War State States Union United National Liberation Resistance Movement Group
	Agency Institute Office Bank Company Airlines Hotel Cinema Center Centre Society Association Foundation
	Times Post News Press Radio Television Parliament Assembly Congress Senate House Secretary Minister
	General Supreme Federal Central Intelligence Security Service Services Division Brigade Iranian Iraqi
	American French British German Israeli Saudi European Western Eastern Northern Southern North South
	East West Shah Ayatollah Imam President Premier Prime Mojahedin Mujahedin Mujahideen Jihad Islam
	Shia Shiite Sunni Muslim Marxist Leninist Christian Jewish Kurdish Arab Persian Human Rights Watch
	Amnesty International Cult Chief Justice Justice Deputy Commander Representative Spokesman Member Members`) {
		notNameWords[w] = true
	}
}

// looksLikePerson decides whether words found by shape ("Louis Lee Hawkins") can be
// a person's name: two to five capitalized words, none of them a function word, a
// month, an institution word or a known non-person name; or one word when a title
// vouches for it ("President Rajai") or it is the surname of a person the profile
// names.
func (p *Profile) looksLikePerson(name string, titled bool, common *Vocabulary) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	if k := p.Lookup(name); k != nil {
		return k.Type == EntityPerson
	}
	// The vocabulary is asked last: a word it does not know costs a search of
	// the whole text, and most phrases fail the other tests.
	for _, w := range words {
		if !p.mayBeInPersonName(w) {
			return false
		}
	}
	if len(words) == 1 && !titled && !p.isSurname(words[0]) {
		return false
	}
	if last := strings.ToLower(words[len(words)-1]); common.Has(last) {
		return false // "Terrorism Monitor", "Obama Administration"
	}
	return true
}

// mayBeNameWord reports whether w may be a word of a person's name found by
// shape: no function, month or institution word, and capitalized unless a
// particle ("al", "de").
func mayBeNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !notNameWords[w] && (unicode.IsUpper(r) || isNameParticle(w))
}

// mayBeInPersonName reports whether w may be a word of a person's name found
// by shape (mayBeNameWord) and is no name of something else the profile knows
// ("Holager"): looksLikePerson's test of each word.
func (p *Profile) mayBeInPersonName(w string) bool {
	if !mayBeNameWord(w) {
		return false
	}
	k := p.Lookup(w)
	return k == nil || k.Type == EntityPerson
}

// mayEndInPerson reports whether an ending of words may pass looksLikePerson's
// tests of its words: the words after the last that may not be in a person's
// name (a function, month or institution word, a small letter, a name of
// something else the profile knows: "Holager Market"), two or more of them, or
// one that a title or a known surname vouches for.
func (p *Profile) mayEndInPerson(words []string, titled bool) bool {
	rest := 0 // the words after the last that may not be in a person's name
	for rest < len(words) && p.mayBeInPersonName(words[len(words)-1-rest]) {
		rest++
	}
	return rest > 1 || rest == 1 && (titled || p.isSurname(words[len(words)-1]))
}

// knowsAnEnding reports whether the profile knows a name that is the words of
// name from its second on, or from its third on, and so on to its last (words
// are name's fields): the names Person's dropping of leading words looks up.
// A name of single spaces gives them as pieces of itself.
func (p *Profile) knowsAnEnding(name string, words []string) bool {
	spaced, at := singleSpaced(name), 0
	for i := 1; i < len(words); i++ {
		ending := ""
		if spaced {
			at += len(words[i-1]) + 1
			ending = name[at:]
		} else {
			ending = strings.Join(words[i:], " ")
		}
		if p.Lookup(ending) != nil {
			return true
		}
	}
	return false
}

// isNameParticle reports whether w is a particle a person's name may hold
// between its capitalized words ("Pierre de Bousquet", "Osama bin Laden"): a
// switch, which the compiler answers by length and bytes, as the names rule
// asks it of the word after every capitalized run.
func isNameParticle(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le":
		return true
	}
	return false
}

// isSurname reports whether w is, folded as lookups fold, the last word of a
// known person's name of more than one word: looked up among surnameKeys, which
// complete lists, rather than asking every person the profile knows.
func (p *Profile) isSurname(w string) bool { return p.surnameKeys[nameKey(w)] }

// listSurnames lists the keys isSurname looks up.
func (p *Profile) listSurnames() map[string]bool {
	keys := map[string]bool{}
	for _, k := range p.known {
		if k.Type != EntityPerson {
			continue
		}
		for _, n := range k.Names() {
			if f := strings.Fields(n); len(f) > 1 {
				keys[nameKey(f[len(f)-1])] = true
			}
		}
	}
	return keys
}

// NameKey folds a name the way lookups do, for comparing written forms.
func NameKey(s string) string { return nameKey(s) }

// plainName reports whether nameKey has nothing to fold in s: ASCII letters and
// digits in words set apart by single spaces.
func plainName(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// nameKey folds a name for lookup: accents and case removed, hyphens read as spaces,
// apostrophes and full stops dropped, a leading "the" ignored.
func nameKey(s string) string {
	if plainName(s) {
		// The usual case, without folding: ASCII words between single spaces.
		return strings.TrimPrefix(strings.ToLower(s), "the ")
	}
	s = strings.ToLower(FoldString(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '.' || r == '"' || r == ',':
			continue
		case r == '-' || unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// slug makes an id from a name: "Kazem Rajavi" → "kazem-rajavi".
func slug(s string) string { return strings.ReplaceAll(nameKey(s), " ", "-") }

// namePattern turns a name into a regular expression that tolerates the spellings
// sources use for the same words: hyphen or space between parts, any case for
// ordinary words (acronyms stay upper case), an optional apostrophe.
func namePattern(name string) string {
	name = FoldString(name)
	acronym := len(name) <= 6 && strings.ToUpper(name) == name && strings.IndexFunc(name, unicode.IsLetter) >= 0
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == ' ' || r == '-':
			b.WriteString(`[- ]`)
		case r == '\'':
			b.WriteString(`'?`)
		case r == '.':
			b.WriteString(`\.?`)
		case unicode.IsLetter(r) && !acronym:
			lo, up := unicode.ToLower(r), unicode.ToUpper(r)
			if lo != up {
				b.WriteByte('[')
				b.WriteRune(up)
				b.WriteRune(lo)
				b.WriteByte(']')
			} else {
				b.WriteRune(r)
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// alternation joins name patterns longest first, so the longest name wins.
func alternation(names []string) string {
	seen := map[string]bool{}
	var uniq []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" && !seen[n] {
			seen[n] = true
			uniq = append(uniq, n)
		}
	}
	sort.Slice(uniq, func(i, j int) bool {
		if len(uniq[i]) != len(uniq[j]) {
			return len(uniq[i]) > len(uniq[j])
		}
		return uniq[i] < uniq[j]
	})
	parts := make([]string, len(uniq))
	for i, n := range uniq {
		parts[i] = namePattern(n)
	}
	return strings.Join(parts, "|")
}

// spelledBytes is how many bytes of names the rules' expressions spell out: the
// names and aliases of the people and organizations the profile knows. 0 for no
// profile.
func (p *Profile) spelledBytes() int {
	if p == nil {
		return 0
	}
	n := 0
	for _, k := range p.known {
		if k.Type == EntityPerson || k.Type == EntityOrganization {
			for _, name := range k.Names() {
				n += len(name)
			}
		}
	}
	return n
}

func (p *Profile) namesOf(types ...EntityKind) []string {
	var out []string
	for _, k := range p.known {
		for _, t := range types {
			if k.Type == t {
				out = append(out, k.Names()...)
			}
		}
	}
	return out
}

// OrgPattern is the expression rules embed as {org}: a named organization, with an
// optional article and an optional acronym in brackets ("The Mujahedin-E Khalq
// (MEK)"), or the words a source uses for its own subject ("it", "the group").
func (p *Profile) OrgPattern() string {
	names := p.alternations().org
	return `(?:(?-i:(?:[Tt]he )?(?:` + names + `)(?: \((?:` + names + `|[A-Z][A-Z0-9]{1,6})\))?)(?:'s)?|(?i:(?:the group|the organi[sz]ation|the movement|it|they)\b))`
}

// PlacePattern is the expression rules embed as {place}: a run of capitalized words
// (with the digits, hyphens and small words place names hold: "Camp Ashraf 3",
// "Auvers-sur-Oise", "Bosnia and Herzegovina"), or an adjective of place before
// "soil", "territory", "government" or "authorities". It is a shape, not a list:
// PlacePrefix decides afterwards which words name a known place, which keeps the
// expression small whatever the size of the gazetteer.
func (p *Profile) PlacePattern() string {
	word := `[A-Z][\w'.-]*`
	return `(?-i:(?:[Tt]he )?` + word + `(?: (?:` + word + `|\d+|and|of|de|al))*(?: (?:soil|territory|territories|government|authorities))?)`
}

// PlaceIn finds the place named in text captured by {place}: the run of words that
// starts earliest and, from there, is longest ("When France" gives "France", "Camp
// Ashraf in" gives "Camp Ashraf"). It returns the place and its byte range in text.
func (p *Profile) PlaceIn(text string) (Place, int, int, bool) {
	words := strings.Split(text, " ")
	starts := make([]int, len(words)+1)
	for i, w := range words {
		starts[i+1] = starts[i] + len(w) + 1
	}
	for i := range words {
		for j := len(words); j > i; j-- {
			phrase := text[starts[i] : starts[j]-1]
			// A full stop ends the sentence, unless it ends an abbreviation ("U.S.").
			cands := []string{strings.TrimRight(phrase, ".,'"), phrase}
			if abbrevEndRE.MatchString(phrase) {
				cands[0], cands[1] = cands[1], cands[0]
			}
			for _, cand := range cands {
				if pl, ok := p.Place(cand); ok {
					return pl, starts[i], starts[i] + len(cand), true
				}
			}
		}
	}
	return Place{}, 0, 0, false
}

// PersonPattern is the expression rules embed as {person}: a named person of the
// profile, or a run of capitalized words shaped like a name, with an optional title.
// Matches found by shape are checked by LooksLikePerson before they become claims.
func (p *Profile) PersonPattern() string {
	title := `(?:(?:Dr|Mr|Mrs|Ms|Prof|Lt\. Col|Lt|Col|Gen|Brig\. Gen|Maj\. Gen|Maj|Capt|Sgt|Adm|Sen|Rep)\.? |(?:General|Colonel|Captain|Major|President|Premier|Prime Minister|Ayatollah|Imam|Sheikh|Senator|Judge|Professor|Mayor) )`
	word := `[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*` // "McCain", "Vidal-Quadras"
	shape := title + `?` + word + `(?: (?:(?:al|el|bin|ibn|de|da|van|von|der)[- ])?` + word + `){0,3}`
	known := p.alternations().person
	if known == "" {
		return `(?-i:` + shape + `)`
	}
	return `(?-i:` + title + `?(?:` + known + `)|` + shape + `)`
}
