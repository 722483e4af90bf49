package facts

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unsafe"
)

// Predicate names what a claim says about its subject. The set is closed: each
// predicate fixes the kind of subject, the kind of value and how values compare.
type Predicate string

// The predicates the default rules produce.
const (
	Founded   Predicate = "founded"   // an organization's founding date (Date)
	Based     Predicate = "based"     // where the subject is based, over a period (Place, When)
	MovedTo   Predicate = "moved-to"  // when the subject moved to a country (Date; scope: the country)
	Left      Predicate = "left"      // when the subject left or was expelled from a country (Date; scope: the country)
	Killed    Predicate = "killed"    // when a person was killed, assassinated, executed or died (Date)
	KilledIn  Predicate = "killed-in" // where a person was killed (Place)
	Named     Predicate = "named"     // a source names an entity, in these words (Text)
	Expansion Predicate = "expansion" // what an acronym stands for (Text; scope: the acronym)

	Members      Predicate = "members"       // how many members, at a time (Quantity, When; scope: a place, or "" for all)
	MembersMoved Predicate = "members-moved" // how many members moved to a country (Quantity, When; scope: the country)
	EventCount   Predicate = "event-count"   // how many took part in, or fell in, an event (Quantity; scope: the event and its year)

	Leader  Predicate = "leader"  // when a person led an organization (Period; scope: the organization)
	Founder Predicate = "founder" // a founder of an organization (Entity; the subject is the organization)

	Designated       Predicate = "designated"        // when an authority listed the subject as terrorist (Date; scope: the authority)
	Delisted         Predicate = "delisted"          // when the listing was lifted, in effect (Date; scope: the authority)
	DelistingDecided Predicate = "delisting-decided" // when the decision to lift it was taken (Date; scope: the authority)
)

// PredicateSpec describes a predicate: what its subject and value are, and how a
// fact-checker names the question it answers.
type PredicateSpec struct {
	Name    Predicate
	Family  string     // the fact family, for filtering: founding, home-base, killed
	Subject EntityKind // what the subject must be
	Value   ValueKind
	Title   string // "Founding date of %s", with the subject (and scope) filled in
}

var predicateSpecs = map[Predicate]PredicateSpec{
	Founded:   {Founded, "founding", EntityOrganization, KindDate, "When %s was founded"},
	Based:     {Based, "home-base", EntityOrganization, KindPlace, "Where %s was based"},
	MovedTo:   {MovedTo, "home-base", EntityOrganization, KindDate, "When %s moved to %s"},
	Left:      {Left, "home-base", EntityOrganization, KindDate, "When %s left %s"},
	Killed:    {Killed, "killed", EntityPerson, KindDate, "When %s was killed"},
	KilledIn:  {KilledIn, "killed", EntityPerson, KindPlace, "Where %s was killed"},
	Named:     {Named, "names", EntityPerson, KindText, "How %s is spelled"},
	Expansion: {Expansion, "names", EntityOrganization, KindText, "What %[2]s stands for"},

	Members:      {Members, "membership", EntityOrganization, KindQuantity, "How many members %s had"},
	MembersMoved: {MembersMoved, "membership", EntityOrganization, KindQuantity, "How many members of %s moved to %s"},
	EventCount:   {EventCount, "events", EntityOrganization, KindQuantity, "How many: %[2]s"},

	Leader:  {Leader, "leaders", EntityPerson, KindPeriod, "When %s led %s"},
	Founder: {Founder, "leaders", EntityOrganization, KindEntity, "Who founded %s"},

	Designated:       {Designated, "designation", EntityOrganization, KindDate, "When %[2]s designated %[1]s a terrorist organization"},
	Delisted:         {Delisted, "designation", EntityOrganization, KindDate, "When %[2]s delisted %[1]s"},
	DelistingDecided: {DelistingDecided, "designation", EntityOrganization, KindDate, "When %[2]s decided to delist %[1]s"},
}

// Spec returns the predicate's description.
func (p Predicate) Spec() (PredicateSpec, bool) {
	s, ok := predicateSpecs[p]
	return s, ok
}

// Predicates lists the known predicates, sorted.
func Predicates() []string {
	out := make([]string, 0, len(predicateSpecs))
	for p := range predicateSpecs {
		out = append(out, string(p))
	}
	sort.Strings(out)
	return out
}

// Claim is one thing one source says: (subject, predicate, scope) and a typed value,
// with the evidence for it.
type Claim struct {
	Subject   Entity
	Predicate Predicate
	Scope     string  // narrows the question: the country of a move; "" for none
	Value     Value   // the typed value
	When      *Period // the time the value holds for, when the text gives one

	Source      SourceID
	Span        Span   // the value as written, in bytes of the source file
	Line        int    // 1-based line of Span.Start
	Column      int    // 1-based column of Span.Start, in Unicode code points
	EndColumn   int    // the column of Span.End
	Text        string // the value as written
	Quote       string // the verbatim sentence
	QuoteSpan   Span
	QuoteLine   int
	Section     string // the heading the sentence sits under
	Rule        string // the name of the rule that produced it
	Attribution string // who the source attributes it to, as written ("the MEK"); "" for the source itself
	Claimant    string // that claimant normalized ("MEK"); "" when the source speaks for itself or only hedges
	Citation    string // the reference the source cites for it ("[18] Jeremiah Goulka, …")

	// norm is Normalized, written once the claim is made (by Extract, or read
	// from the cache), and its first valueLen bytes the value's String: judging
	// and reporting ask for them many times over. Empty until then.
	norm     string
	valueLen int

	// at is the place of the claim's source in its corpus's Sources, plus one, as
	// ExtractCorpus gives it; 0 when the claim was made otherwise
	// (Corpus.SourceIndex looks those up).
	at int32
}

// detach copies every string the claim holds out of its source's text, so that the
// text can be let go once its claims are out: a substring would keep all of it.
// The strings are copied into room, which Extract makes for all the claims of
// a source at once (detachedBytes): one allocation a source instead of one a
// string. The quote is shared with the claim detached before when both quote
// the same bytes of the text (the claims of one sentence follow each other,
// and a list of names run together is one sentence of up to 2 KB, quoted by
// each of its hundreds of names): before is what the claim before returned,
// and detach returns what the next one needs.
func (c *Claim) detach(before detachedQuote, room *detachRoom) detachedQuote {
	quote := detachedQuote{inText: c.Quote}
	shared := before.shares(c.Quote)
	if shared {
		c.Quote = ""
	}
	c.Value = detachValue(c.Value, room)
	for _, p := range c.strings() {
		*p = room.copy(*p)
	}
	if shared {
		c.Quote = before.copied
		return before
	}
	quote.copied = c.Quote
	return quote
}

// strings are the claim's own strings, its value's aside.
func (c *Claim) strings() [10]*string {
	return [...]*string{(*string)(&c.Subject.ID), &c.Subject.Name, &c.Scope, &c.Text, &c.Quote, &c.Section, &c.Rule,
		&c.Attribution, &c.Claimant, &c.Citation}
}

// detachedBytes is how many bytes detach copies of c, after the claim before
// returned before, and what the next claim's count needs.
func (c *Claim) detachedBytes(before detachedQuote) (int, detachedQuote) {
	n := valueBytes(c.Value)
	shared := before.shares(c.Quote)
	for _, p := range c.strings() {
		if p != &c.Quote || !shared {
			n += len(*p)
		}
	}
	if shared {
		return n, before
	}
	return n, detachedQuote{inText: c.Quote}
}

// detachedQuote is a claim's quote as it was in the text and as detach copied it.
type detachedQuote struct{ inText, copied string }

// shares reports whether quote is the very bytes of the text q was.
func (q detachedQuote) shares(quote string) bool {
	return len(quote) > 0 && len(quote) == len(q.inText) && unsafe.StringData(quote) == unsafe.StringData(q.inText)
}

// detachRoom is where detach copies strings: made with room for all of them, it
// is one array the claims of a source share; should it be outgrown, the strings
// copied before stay in the array they were copied into.
type detachRoom struct{ buf []byte }

func (r *detachRoom) copy(s string) string {
	if s == "" {
		return ""
	}
	at := len(r.buf)
	r.buf = append(r.buf, s...)
	return unsafe.String(&r.buf[at], len(s))
}

func (e Entity) detach(room *detachRoom) Entity {
	e.ID, e.Name = EntityID(room.copy(string(e.ID))), room.copy(e.Name)
	return e
}

func detachValue(v Value, room *detachRoom) Value {
	switch v := v.(type) {
	case Text:
		v.S = room.copy(v.S)
		return v
	case Place:
		v.Name, v.Country = room.copy(v.Name), room.copy(v.Country)
		return v
	case Entity:
		return v.detach(room)
	case Quantity:
		v.Unit = room.copy(v.Unit)
		return v
	}
	return v // dates and periods hold no strings
}

// valueBytes is how many bytes detachValue copies of v.
func valueBytes(v Value) int {
	switch v := v.(type) {
	case Text:
		return len(v.S)
	case Place:
		return len(v.Name) + len(v.Country)
	case Entity:
		return len(v.ID) + len(v.Name)
	case Quantity:
		return len(v.Unit)
	}
	return 0
}

// Key identifies the question a claim answers; claims with one key are compared.
func (c *Claim) Key() string {
	k := string(c.Subject.ID) + "|" + string(c.Predicate)
	if c.Scope != "" {
		k += "|" + c.Scope
	}
	return k
}

// Normalized is the claim's value in normalized form, with its period when it has one:
// "Iraq, 1981/2015-01".
func (c *Claim) Normalized() string {
	if c.norm != "" {
		return c.norm
	}
	if c.When != nil {
		return c.Value.String() + ", " + c.When.String()
	}
	return c.Value.String()
}

// ValueString is c.Value.String(), written once the claim is made.
func (c *Claim) ValueString() string {
	if c.norm != "" {
		return c.norm[:c.valueLen]
	}
	return c.Value.String()
}

// settle writes down Normalized and ValueString once the claim is complete.
func (c *Claim) settle() {
	v := c.Value.String()
	c.norm, c.valueLen = v, len(v)
	if c.When != nil {
		c.norm = v + ", " + c.When.String()
	}
}

// Title is the question the claim answers, in words: "When Kazem Rajavi was killed".
func (c *Claim) Title() string {
	spec, ok := c.Predicate.Spec()
	if !ok {
		return fmt.Sprintf("%s %s", c.Subject.Name, c.Predicate)
	}
	if c.Predicate == EventCount {
		return "How many " + EventTitle(c.Scope)
	}
	if c.Predicate == Members && c.Scope != "" {
		prep := "at "
		if CountryNamed(c.Scope) == c.Scope {
			prep = "in "
		}
		return fmt.Sprintf("How many members %s had %s%s", c.Subject.Name, prep, WithArticle(c.Scope))
	}
	if strings.Contains(spec.Title, "%[2]s") || strings.Count(spec.Title, "%s") == 2 {
		return fmt.Sprintf(spec.Title, c.Subject.Name, WithArticle(c.Scope))
	}
	return fmt.Sprintf(spec.Title, c.Subject.Name)
}

// eventPhrases say, for each kind of event a rule may count, what is counted.
var eventPhrases = map[string]string{
	"self-immolation": "people set themselves on fire",
	"arrests":         "people were arrested",
	"hunger-strike":   "people went on hunger strike",
	"killed":          "people were killed",
	"wounded":         "people were wounded",
	"executed":        "people were executed",
	"forces":          "fighters were sent",
}

func eventNames() []string {
	var out []string
	for k := range eventPhrases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// EventTitle names what an event count counts: "people set themselves on fire in
// 2003" for the scope "self-immolation 2003".
func EventTitle(scope string) string {
	kind, when, _ := strings.Cut(scope, " ")
	p, ok := eventPhrases[kind]
	switch {
	case !ok:
		return scope
	case strings.IndexFunc(when, unicode.IsLetter) >= 0 && !strings.HasPrefix(when, "Operation"):
		return p + " in the " + when // "the Hafte Tir bombing"
	}
	return p + " in " + when
}

// theNames are the names that take "the": "the United States", "the European Union".
var theNames = map[string]bool{"Netherlands": true, "Philippines": true, "Bahamas": true, "Gambia": true,
	"Czech Republic": true, "Dominican Republic": true, "Central African Republic": true, "Soviet Union": true,
	"Maldives": true, "United Arab Emirates": true}

// WithArticle puts "the" before the names that take it.
func WithArticle(name string) string {
	if theNames[name] || strings.HasPrefix(name, "United ") || strings.HasPrefix(name, "European ") {
		return "the " + name
	}
	return name
}
