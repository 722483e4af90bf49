package facts

import (
	"encoding/binary"
	"errors"
	"math"
)

// The cache's entries are written in a small binary form of their own: a warm run
// reads one entry per source, and encoding/gob spent most of that time compiling
// its decoder anew for every entry. Each field is written in order: integers as
// varints, strings as a length and bytes, floats as their IEEE bits. Entries are
// checked by their CRC-32C before they are decoded, and decoding still fails
// cleanly, never panics, on bytes it did not write.

const codecVersion = 6

// errCorrupt is a decoding failure: the entry is ignored and rebuilt.
var errCorrupt = errors.New("corrupt cache entry")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) str(s string) { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}
func (e *encoder) day(d Day) { e.int(d.Y); e.int(d.M); e.int(d.D) }
func (e *encoder) date(d Date) {
	e.day(d.Lo)
	e.day(d.Hi)
	e.bool(d.Approx)
	e.bool(d.YearFromContext)
}
func (e *encoder) period(p Period) { e.date(p.From); e.date(p.To); e.bool(p.ToPresent) }
func (e *encoder) entity(x Entity) { e.str(string(x.ID)); e.str(x.Name); e.int(int(x.Type)) }

func (e *encoder) value(v Value) {
	if v == nil {
		e.int(0)
		return
	}
	e.int(int(v.Kind()))
	switch v := v.(type) {
	case Date:
		e.date(v)
	case Period:
		e.period(v)
	case Quantity:
		e.float(v.Min)
		e.float(v.Max)
		e.bool(v.Approx)
		e.str(v.Unit)
	case Place:
		e.str(v.Name)
		e.str(v.Country)
	case Entity:
		e.entity(v)
	case Text:
		e.str(v.S)
	}
}

func (e *encoder) claim(c *Claim) {
	e.entity(c.Subject)
	e.str(string(c.Predicate))
	e.str(c.Scope)
	e.value(c.Value)
	e.bool(c.When != nil)
	if c.When != nil {
		e.period(*c.When)
	}
	e.str(string(c.Source))
	for _, n := range []int{c.Span.Start, c.Span.End, c.Line, c.Column, c.EndColumn, c.QuoteSpan.Start, c.QuoteSpan.End, c.QuoteLine} {
		e.int(n)
	}
	e.str(c.Normalized())
	e.int(len(c.ValueString()))
	for _, s := range []string{c.Text, c.Quote, c.Section, c.Rule, c.Attribution, c.Claimant, c.Citation} {
		e.str(s)
	}
}

func (e *encoder) entry(en entry) {
	e.int(codecVersion)
	e.str(en.Key)
	e.int(len(en.Claims))
	for i := range en.Claims {
		e.claim(&en.Claims[i])
	}
	e.str(en.Text.Hash)
	e.int(len(en.Text.Lessons))
	for _, l := range en.Text.Lessons {
		e.int(int(l.Kind))
		e.int(l.Line)
		e.str(l.Before)
		e.int(len(l.Names))
		for _, n := range l.Names {
			e.str(n)
		}
	}
	e.int(len(en.Recent))
	for _, r := range en.Recent {
		e.int(r.size)
		e.str(r.sum)
	}
	e.bool(en.Manifest != nil)
	if m := en.Manifest; m != nil {
		e.known(m.Subject)
		e.int(len(m.Entities))
		for _, k := range m.Entities {
			e.known(k)
		}
		e.float(m.Tolerance)
		e.str(m.Reviews)
		e.int(len(m.Rules))
		for _, r := range m.Rules {
			e.str(r.Name)
			e.int(r.Line)
			e.int(r.Col)
		}
		e.int(m.size)
		e.str(m.sum)
		e.int(m.dash)
		e.int(len(m.Sources))
		for _, s := range m.Sources {
			for _, f := range []string{string(s.ID), s.File, s.Name, s.Title, s.Publisher, s.Kind, s.URL, s.AsOfText, s.AsOfEvidence} {
				e.str(f)
			}
			e.date(s.AsOf)
		}
	}
	e.str(en.Blob)
}

func (e *encoder) known(k *Known) {
	e.entity(k.Entity)
	e.int(len(k.Aliases))
	for _, a := range k.Aliases {
		e.str(a)
	}
	e.str(k.Country)
}

// decoder reads what encoder wrote; the first problem stops it and is kept. It
// reads from a string: the strings it returns are cut from the entry rather than
// copied one by one (a warm run decodes hundreds of thousands of claims, each with
// a dozen strings, and the claims of a source live as long as one another).
type decoder struct {
	s   string
	err error
}

func newDecoder(b []byte) *decoder { return &decoder{s: string(b)} }

func (d *decoder) fail() { d.err, d.s = errCorrupt, "" }

// uint reads a varint as binary.Uvarint does.
func (d *decoder) uint() uint64 {
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		b := d.s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				break // overflow
			}
			d.s = d.s[i+1:]
			return v | uint64(b)<<(7*i)
		}
		v |= uint64(b&0x7f) << (7 * i)
	}
	d.fail()
	return 0
}

// int reads a zig-zag varint as binary.Varint does, within 32 bits.
func (d *decoder) int() int {
	ux := d.uint()
	v := int64(ux >> 1)
	if ux&1 != 0 {
		v = ^v
	}
	if d.err != nil || v > math.MaxInt32 || v < math.MinInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) bool() bool {
	if len(d.s) < 1 || d.s[0] > 1 {
		d.fail()
		return false
	}
	v := d.s[0] == 1
	d.s = d.s[1:]
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) float() float64 {
	if len(d.s) < 8 {
		d.fail()
		return 0
	}
	var u uint64
	for i := range 8 {
		u |= uint64(d.s[i]) << (8 * i)
	}
	d.s = d.s[8:]
	return math.Float64frombits(u)
}

// count reads a length, which cannot exceed the bytes left.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > len(d.s) {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) day() Day { return Day{Y: d.int(), M: d.int(), D: d.int()} }
func (d *decoder) date() Date {
	return Date{Lo: d.day(), Hi: d.day(), Approx: d.bool(), YearFromContext: d.bool()}
}
func (d *decoder) period() Period { return Period{From: d.date(), To: d.date(), ToPresent: d.bool()} }
func (d *decoder) entity() Entity {
	return Entity{ID: EntityID(d.str()), Name: d.str(), Type: EntityKind(d.int())}
}

func (d *decoder) value() Value {
	switch ValueKind(d.int()) {
	case 0:
		return nil
	case KindDate:
		return d.date()
	case KindPeriod:
		return d.period()
	case KindQuantity:
		return Quantity{Min: d.float(), Max: d.float(), Approx: d.bool(), Unit: d.str()}
	case KindPlace:
		return Place{Name: d.str(), Country: d.str()}
	case KindEntity:
		return d.entity()
	case KindText:
		return Text{S: d.str()}
	}
	d.fail()
	return nil
}

func (d *decoder) claim(c *Claim) {
	c.Subject = d.entity()
	c.Predicate = Predicate(d.str())
	c.Scope = d.str()
	c.Value = d.value()
	if d.bool() {
		p := d.period()
		c.When = &p
	}
	c.Source = SourceID(d.str())
	for _, n := range []*int{&c.Span.Start, &c.Span.End, &c.Line, &c.Column, &c.EndColumn, &c.QuoteSpan.Start, &c.QuoteSpan.End, &c.QuoteLine} {
		*n = d.int()
	}
	c.norm, c.valueLen = d.str(), d.int()
	if c.valueLen < 0 || c.valueLen > len(c.norm) {
		d.fail()
	}
	for _, s := range []*string{&c.Text, &c.Quote, &c.Section, &c.Rule, &c.Attribution, &c.Claimant, &c.Citation} {
		*s = d.str()
	}
}

func (d *decoder) entry() (entry, error) {
	key, n := d.head()
	en := entry{Key: key}
	if n > 0 {
		en.Claims = make([]Claim, n)
		d.claims(en.Claims)
	}
	t, err := d.tail(&en)
	if err != nil {
		return entry{}, err
	}
	en.Text = t
	return en, nil
}

// head reads an entry up to its claims: its key and how many claims follow, so
// that they can be decoded where they are to go (see claims).
func (d *decoder) head() (key string, claims int) {
	if d.int() != codecVersion {
		d.fail()
		return "", 0
	}
	return d.str(), d.count()
}

// claims decodes len(cs) claims into cs.
func (d *decoder) claims(cs []Claim) {
	for i := range cs {
		if d.err != nil {
			return
		}
		d.claim(&cs[i])
	}
}

// tail reads what follows the claims, which must end the entry: what a text
// teaches, returned, and what a manifest says, into en if it is not nil.
func (d *decoder) tail(en *entry) (textEntry, error) {
	var t textEntry
	t.Hash = d.str()
	if n := d.count(); n > 0 {
		t.Lessons = make([]Lesson, n)
		for i := range t.Lessons {
			l := &t.Lessons[i]
			l.Kind, l.Line, l.Before = LessonKind(d.int()), d.int(), d.str()
			names := d.count()
			for range names {
				l.Names = append(l.Names, d.str())
			}
		}
	}
	var recents []recent
	if n := d.count(); n > 0 {
		recents = make([]recent, n)
		for i := range recents {
			recents[i] = recent{d.int(), d.str()}
		}
	}
	var m *manifest
	if d.bool() {
		m = d.manifest()
	}
	blob := d.str()
	if d.err != nil || len(d.s) != 0 {
		return textEntry{}, errCorrupt
	}
	if en != nil {
		en.Recent, en.Manifest, en.Blob = recents, m, blob
	}
	return t, nil
}

// Encoder writes integers and strings in the cache's binary form, for what
// another package keeps in the cache (Cache.StoreBlob).
type Encoder struct{ e encoder }

// Int writes an integer.
func (x *Encoder) Int(v int) { x.e.int(v) }

// Str writes a string.
func (x *Encoder) Str(s string) { x.e.str(s) }

// Bytes returns what was written.
func (x *Encoder) Bytes() []byte { return x.e.b }

// Decoder reads what an Encoder wrote, in the same order. The strings it returns
// are cut from the one it reads; the first problem stops it and is kept (Err).
type Decoder struct{ d decoder }

// NewDecoder reads s.
func NewDecoder(s string) *Decoder { return &Decoder{decoder{s: s}} }

// Int reads an integer.
func (x *Decoder) Int() int { return x.d.int() }

// Str reads a string.
func (x *Decoder) Str() string { return x.d.str() }

// Count reads a number of things to follow, which must be possible in what is
// left.
func (x *Decoder) Count() int { return x.d.count() }

// Err is the first problem met, or one if anything is left unread.
func (x *Decoder) Err() error {
	if x.d.err == nil && len(x.d.s) != 0 {
		return errCorrupt
	}
	return x.d.err
}

func (d *decoder) manifest() *manifest {
	m := &manifest{Subject: d.known()}
	if n := d.count(); n > 0 {
		m.Entities = make([]*Known, n)
		for i := range m.Entities {
			m.Entities[i] = d.known()
		}
	}
	m.Tolerance = d.float()
	m.Reviews = d.str()
	if n := d.count(); n > 0 {
		m.Rules = make([]RuleFileRef, n)
		for i := range m.Rules {
			m.Rules[i] = RuleFileRef{Name: d.str(), Line: d.int(), Col: d.int()}
		}
	}
	m.size, m.sum, m.dash = d.int(), d.str(), d.int()
	if n := d.count(); n > 0 {
		m.Sources = make([]*Source, n)
		for i := range m.Sources {
			s := &Source{}
			for _, f := range []*string{(*string)(&s.ID), &s.File, &s.Name, &s.Title, &s.Publisher, &s.Kind, &s.URL, &s.AsOfText, &s.AsOfEvidence} {
				*f = d.str()
			}
			s.AsOf = d.date()
			m.Sources[i] = s
		}
	}
	return m
}

func (d *decoder) known() *Known {
	k := &Known{Entity: d.entity()}
	if n := d.count(); n > 0 {
		k.Aliases = make([]string, n)
		for i := range k.Aliases {
			k.Aliases[i] = d.str()
		}
	}
	k.Country = d.str()
	return k
}
