package facts

import (
	"fmt"
	"sort"
	"strings"
)

// Predicate names what a claim says about its subject. The set is closed: each
// predicate fixes the kind of subject, the kind of value and how values compare.
type Predicate string

// The predicates the default rules produce.
const (
	Founded  Predicate = "founded"   // an organization's founding date (Date)
	Based    Predicate = "based"     // where the subject is based, over a period (Place, When)
	MovedTo  Predicate = "moved-to"  // when the subject moved to a country (Date; scope: the country)
	Left     Predicate = "left"      // when the subject left or was expelled from a country (Date; scope: the country)
	Killed   Predicate = "killed"    // when a person was killed, assassinated, executed or died (Date)
	KilledIn Predicate = "killed-in" // where a person was killed (Place)
	Named     Predicate = "named"     // a source names an entity, in these words (Text)
	Expansion Predicate = "expansion" // what an acronym stands for (Text; scope: the acronym)
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
	Founded:  {Founded, "founding", EntityOrganization, KindDate, "When %s was founded"},
	Based:    {Based, "home-base", EntityOrganization, KindPlace, "Where %s was based"},
	MovedTo:  {MovedTo, "home-base", EntityOrganization, KindDate, "When %s moved to %s"},
	Left:     {Left, "home-base", EntityOrganization, KindDate, "When %s left %s"},
	Killed:   {Killed, "killed", EntityPerson, KindDate, "When %s was killed"},
	KilledIn:  {KilledIn, "killed", EntityPerson, KindPlace, "Where %s was killed"},
	Named:     {Named, "names", EntityPerson, KindText, "How %s is spelled"},
	Expansion: {Expansion, "names", EntityOrganization, KindText, "What %[2]s stands for"},
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
	Text        string // the value as written
	Quote       string // the verbatim sentence
	QuoteSpan   Span
	QuoteLine   int
	Section     string // the heading the sentence sits under
	Rule        string // the name of the rule that produced it
	Attribution string // who the source attributes it to, as written ("the MEK"); "" for the source itself
	Claimant    string // that claimant normalized ("MEK"); "" when the source speaks for itself or only hedges
	Citation    string // the reference the source cites for it ("[18] Jeremiah Goulka, …")
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
	if c.When != nil {
		return c.Value.String() + ", " + c.When.String()
	}
	return c.Value.String()
}

// Title is the question the claim answers, in words: "When Kazem Rajavi was killed".
func (c *Claim) Title() string {
	spec, ok := c.Predicate.Spec()
	if !ok {
		return fmt.Sprintf("%s %s", c.Subject.Name, c.Predicate)
	}
	if strings.Count(spec.Title, "%s") == 2 {
		return fmt.Sprintf(spec.Title, c.Subject.Name, c.Scope)
	}
	return fmt.Sprintf(spec.Title, c.Subject.Name)
}
