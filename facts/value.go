package facts

import "fmt"

// ValueKind names the type of a claim's value.
type ValueKind int

// The value kinds. Every claim carries exactly one typed value, never a bare string.
const (
	KindDate ValueKind = iota + 1
	KindPeriod
	KindQuantity
	KindPlace
	KindEntity
	KindText
)

var valueKindNames = [...]string{"", "date", "period", "quantity", "place", "entity", "text"}

func (k ValueKind) String() string {
	if k < 0 || int(k) >= len(valueKindNames) {
		return fmt.Sprintf("ValueKind(%d)", int(k))
	}
	return valueKindNames[k]
}

// Value is a claim's typed value. String gives its normalized form, the one that is
// compared, hashed into conflict ids and printed as "value" in reports.
type Value interface {
	Kind() ValueKind
	String() string
}

// Place is a canonical place with the country it lies in. A country is a Place whose
// Country is itself.
type Place struct {
	Name    string
	Country string
}

// Kind is the value kind of a Place.
func (Place) Kind() ValueKind { return KindPlace }

func (p Place) String() string {
	if p.Name == p.Country || p.Country == "" {
		return p.Name
	}
	return p.Name + ", " + p.Country
}

// EntityKind says what an entity is.
type EntityKind int

// The entity kinds a profile may name.
const (
	EntityPerson EntityKind = iota + 1
	EntityOrganization
	EntityAuthority
	EntityPlace
)

var entityKindNames = [...]string{"", "person", "organization", "authority", "place"}

func (k EntityKind) String() string {
	if k < 0 || int(k) >= len(entityKindNames) {
		return fmt.Sprintf("EntityKind(%d)", int(k))
	}
	return entityKindNames[k]
}

// Entity is a canonical person, organization or authority, found through its names
// and aliases.
type Entity struct {
	ID   EntityID
	Name string
	Type EntityKind
}

// Kind is the value kind of an Entity.
func (Entity) Kind() ValueKind { return KindEntity }

func (e Entity) String() string { return e.Name }

// Text is a value with no better type: an alias expansion, an ideology label.
type Text struct {
	S string
}

// Kind is the value kind of a Text.
func (Text) Kind() ValueKind { return KindText }

func (t Text) String() string { return t.S }

// Human writes a value the way a fact-checker would say it: "24 April 1990",
// "about 3,500", "Camp Ashraf, Iraq".
func Human(v Value) string {
	switch v := v.(type) {
	case Date:
		return v.Human()
	case Period:
		return v.Human()
	case Quantity:
		return v.Human()
	case Place:
		return v.String()
	case Entity:
		return v.Name
	case Text:
		return v.S
	}
	return v.String()
}
