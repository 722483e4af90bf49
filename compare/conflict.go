// Package compare lines claims up by the question they answer and judges them: it
// groups claims by key, finds the groups whose values cannot all be true, classifies
// and explains each conflict, gives it a stable id, and lists the agreements. It
// also owns reviews and the check that CI runs.
package compare

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/factcheck-tools/compare/facts"
)

// Class says what kind of disagreement a conflict is.
type Class int

// The classes, in the order reports list them.
const (
	Hard     Class = iota + 1 // both cannot be true
	Stale                     // one source is outdated: the disagreement lies after its as-of date
	Soft                      // approximate wording, different claimants, or likely different events
	Spelling                  // the same entity written differently, or an alias expanded wrongly
)

var classNames = [...]string{"", "hard", "stale", "soft", "spelling"}

func (c Class) String() string {
	if c < 0 || int(c) >= len(classNames) {
		return fmt.Sprintf("Class(%d)", int(c))
	}
	return classNames[c]
}

// Classes lists every class in report order.
func Classes() []Class { return []Class{Hard, Stale, Soft, Spelling} }

// ParseClass reads a class name.
func ParseClass(s string) (Class, bool) {
	for _, c := range Classes() {
		if c.String() == s {
			return c, true
		}
	}
	return 0, false
}

// Conflict is a group of claims about one question that cannot all be true.
type Conflict struct {
	ID          string
	Key         string
	Subject     facts.Entity
	Predicate   facts.Predicate
	Scope       string
	Family      string
	Title       string
	Class       Class
	IntraSource bool // a source contradicts itself
	Explanation string
	Claims      []*facts.Claim
	// Sides are the incompatible answers, each with the claims that give it, in the
	// order the explanation names them.
	Sides []Side
	// State is where the conflict stands with its reviews (see ApplyReviews).
	State ReviewState
}

// Side is one answer to a conflict's question.
type Side struct {
	Value  string // the answer in a reader's words: "24 April 1990", "Iraq"
	Text   string // as the first of its claims writes it
	Claims []*facts.Claim
}

// Sources lists the sources of the conflict's claims, in first-seen order.
func (c *Conflict) Sources() []facts.SourceID { return sourcesOf(c.Claims) }

// Agreement is a question two or more sources answer alike, in words that may differ.
type Agreement struct {
	Key     string
	Title   string
	Family  string
	Value   string   // the most precise value stated
	Values  []string // every distinct value stated, in normalized form
	Sources []facts.SourceID
	Claims  []*facts.Claim
}

// conflictID is the fingerprint of a conflict: its key and the sorted (source,
// normalized value) pairs of its claims. It never depends on lines or offsets, so
// edits elsewhere in a source leave it alone.
//
// rank, when not nil, numbers each claim's source in the order of the sources'
// "id=" (see idRanks): the lines of two sources then compare as their numbers
// do, and a conflict of thousands of claims is sorted comparing numbers rather
// than strings.
func conflictID(key string, claims []*facts.Claim, rank func(*facts.Claim) int) string {
	// The id is the hash of the key and the sorted, distinct "source=value" lines;
	// the lines are compared and hashed in place rather than made as strings.
	type pair struct {
		rank   int
		source facts.SourceID
		value  string
	}
	compare := func(a, b pair) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return joinedCompare(string(a.source), a.value, string(b.source), b.value)
	}
	list := make([]pair, 0, len(claims))
	run := 0 // where the pairs of the last claim's source begin
	r := 0   // the rank of the last claim's source
	for i, c := range claims {
		if i == 0 || c.Source != claims[i-1].Source {
			slices.SortFunc(list[run:], compare)
			run = len(list)
			if rank != nil {
				r = rank(c)
			}
		}
		p := pair{r, c.Source, c.Normalized()}
		if !slices.Contains(list[run:], p) {
			list = append(list, p)
		}
	}
	slices.SortFunc(list[run:], compare)
	// Claims come by source, each source's pairs now in order: when the sources
	// come in the order of their ids too, so do the pairs, and a look costs less
	// than a sort. A source whose claims are not together can give a pair twice:
	// sorted, the two are neighbours.
	for i := 1; i < len(list); i++ {
		if compare(list[i], list[i-1]) < 0 {
			slices.SortFunc(list, compare)
			break
		}
	}
	list = slices.Compact(list)
	h := sha256.New()
	b := make([]byte, 0, 4096)
	b = append(b, key...)
	for _, p := range list {
		if len(b) > 3072 {
			h.Write(b)
			b = b[:0]
		}
		b = append(b, '\n')
		b = append(b, p.source...)
		b = append(b, '=')
		b = append(b, p.value...)
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// joinedCompare compares a1+"="+a2 with b1+"="+b2 as strings.Compare would,
// without making either string.
func joinedCompare(a1, a2, b1, b2 string) int {
	// Where the first parts differ before either ends, they decide; equal, the
	// second parts do. Only a first part that begins the other needs the "=".
	if a1 == b1 {
		return strings.Compare(a2, b2)
	}
	if n := min(len(a1), len(b1)); a1[:n] != b1[:n] {
		return strings.Compare(a1, b1)
	}
	at := func(x1, x2 string, i int) (byte, bool) {
		switch {
		case i < len(x1):
			return x1[i], true
		case i == len(x1):
			return '=', true
		case i-len(x1)-1 < len(x2):
			return x2[i-len(x1)-1], true
		}
		return 0, false
	}
	for i := 0; ; i++ {
		x, okx := at(a1, a2, i)
		y, oky := at(b1, b2, i)
		switch {
		case !okx && !oky:
			return 0
		case !okx:
			return -1
		case !oky:
			return 1
		case x != y:
			return cmp.Compare(x, y)
		}
	}
}

// idRanks numbers the sources, as numbered by judge.src, in the order of their
// lines' "id=": the order of the lines of two sources, whatever their values. An
// id holding "=" could break that order (its line would read as another id's):
// then there are no ranks, and lines are compared whole.
func idRanks(ids []string) []int {
	order := make([]int, len(ids))
	for i, id := range ids {
		if strings.Contains(id, "=") {
			return nil
		}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return joinedCompare(ids[a], "", ids[b], "") })
	rank := make([]int, len(ids))
	for r, i := range order {
		rank[i] = r
	}
	return rank
}

func sourcesOf(claims []*facts.Claim) []facts.SourceID {
	var out []facts.SourceID
	seen := map[facts.SourceID]bool{}
	for i, c := range claims {
		if i > 0 && c.Source == claims[i-1].Source {
			continue
		}
		if !seen[c.Source] {
			seen[c.Source] = true
			out = append(out, c.Source)
		}
	}
	return out
}
