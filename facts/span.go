package facts

import "fmt"

// Span is a half-open byte range [Start, End) into a source file.
type Span struct {
	Start, End int
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

func (s Span) String() string { return fmt.Sprintf("%d-%d", s.Start, s.End) }

// SourceID names a source in a corpus: short, stable, used in reports and reviews.
type SourceID string

// EntityID names a canonical person, organization, authority or place.
type EntityID string
