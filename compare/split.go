package compare

import (
	"slices"
	"sort"

	"github.com/factcheck-tools/compare/facts"
)

// A split is where the claims of one group disagree. Claims with the same value
// (and, for counts, the same time) fall in one bucket and behave alike in every
// comparison, so values are compared bucket against bucket, never claim against
// claim: a group of thousands of claims with a few dozen values costs a few hundred
// comparisons, and judging stays linear in the claims.
type split struct {
	j       *judge
	group   []*facts.Claim
	of      []*bucket    // the bucket of each claim of the group
	buckets []*bucket    // in the order of their first claims
	pairs   [][2]*bucket // the buckets whose values disagree, a before b
	// spans, in a split of dates (splitDates), are the buckets' days by their
	// places, with the latest starts and earliest ends of all of them; such a
	// split lists no pairs.
	spans []daySpan
	all   extremes

	self     []facts.SourceID // selfContradictions, once found
	selfDone bool
}

type bucket struct {
	n        int       // its place in the split's buckets
	at       []int     // the group indexes of its claims, in order
	partners []*bucket // the buckets it disagrees with
}

// held is a bucket a source has claims in, with the group index of the
// source's first claim in it.
type held struct {
	b  *bucket
	at int
}

// splitGroup buckets a group by key and compares every two buckets with disagree,
// which must give the same answer for any claims of the two buckets. Claims of one
// bucket never disagree with each other.
func splitGroup[K comparable](j *judge, group []*facts.Claim, key func(*facts.Claim) K, disagree func(a, b *facts.Claim) bool) *split {
	return splitGroupBy(j, group, key, func(c *facts.Claim) *facts.Claim { return c }, nil, func(a, b **facts.Claim) bool { return disagree(*a, *b) })
}

// splitGroupBy is splitGroup comparing buckets by a summary of their first
// claims, made once per bucket: a group of thousands of counts can have a
// thousand buckets, and half a million pairs of them. near, when not nil, lists
// the only pairs of buckets (by their places in the list of summaries, in the
// order of a loop over every two) that can disagree; the others are not compared.
func splitGroupBy[K comparable, S any](j *judge, group []*facts.Claim, key func(*facts.Claim) K, summary func(*facts.Claim) S, near func([]S) [][2]int32, disagree func(a, b *S) bool) *split {
	s := bucketed(j, group, key)
	sums := make([]S, len(s.buckets))
	for i, b := range s.buckets {
		sums[i] = summary(group[b.at[0]])
	}
	pair := func(i, k int) {
		if disagree(&sums[i], &sums[k]) {
			a, b := s.buckets[i], s.buckets[k]
			s.pairs = append(s.pairs, [2]*bucket{a, b})
			a.partners = append(a.partners, b)
			b.partners = append(b.partners, a)
		}
	}
	if near != nil {
		for _, p := range near(sums) {
			pair(int(p[0]), int(p[1]))
		}
		return s
	}
	for i := range s.buckets {
		for k := i + 1; k < len(s.buckets); k++ {
			pair(i, k)
		}
	}
	return s
}

// bucketed is a split of the group into buckets by key, not yet compared.
func bucketed[K comparable](j *judge, group []*facts.Claim, key func(*facts.Claim) K) *split {
	s := &split{j: j, group: group, of: make([]*bucket, len(group))}
	index := map[K]*bucket{}
	var last K
	var b *bucket
	for i, c := range group {
		// Most sources agree, and claims of one value often follow each other:
		// those need no lookup.
		if k := key(c); b == nil || k != last {
			if b = index[k]; b == nil {
				b = &bucket{n: len(s.buckets)}
				index[k] = b
				s.buckets = append(s.buckets, b)
			}
			last = k
		}
		b.at = append(b.at, i)
		s.of[i] = b
	}
	return s
}

// first is a bucket's first claim: all its claims share the value.
func (s *split) first(b *bucket) *facts.Claim { return s.group[b.at[0]] }

// empty reports whether nothing disagrees.
func (s *split) empty() bool {
	if s.spans != nil {
		return !s.all.any(s.spans)
	}
	return len(s.pairs) == 0
}

// disagrees reports whether a bucket's value disagrees with another's.
func (s *split) disagrees(b *bucket) bool {
	if s.spans != nil {
		return s.all.apart(s.spans, b.n)
	}
	return len(b.partners) > 0
}

// claims returns the claims that disagree with some other claim, in group order.
func (s *split) claims() []*facts.Claim {
	var out []*facts.Claim
	for i, c := range s.group {
		if s.disagrees(s.of[i]) {
			out = append(out, c)
		}
	}
	return out
}

// sides lists, in order of first appearance, the values that disagree with another
// value, each with its claims: "by 1987" agrees with both 1981 and 1986 and is no
// side of their conflict. Counts of one value for different times are one side.
func (s *split) sides() []Side {
	var out []Side
	for _, cl := range clusters(s.claims()) {
		out = append(out, Side{Value: facts.Human(cl.value), Text: cl.claims[0].Text, Claims: cl.claims})
	}
	return out
}

// anyPair reports whether some claim a and some claim b of two buckets that
// disagree satisfy ok. sig says which claims of a bucket are alike to ok, so that
// only one claim of each kind is tried.
// A split of dates lists no pairs: anyApartOfOneClaimant asks it.
func anyPair[K comparable](s *split, sig func(*facts.Claim) K, ok func(a, b *facts.Claim) bool) bool {
	kinds := map[*bucket][]*facts.Claim{}
	kindsOf := func(b *bucket) []*facts.Claim {
		if r, done := kinds[b]; done {
			return r
		}
		seen := map[K]bool{}
		var r []*facts.Claim
		for _, at := range b.at {
			if k := sig(s.group[at]); !seen[k] {
				seen[k] = true
				r = append(r, s.group[at])
			}
		}
		kinds[b] = r
		return r
	}
	for _, p := range s.pairs {
		for _, a := range kindsOf(p[0]) {
			for _, b := range kindsOf(p[1]) {
				if ok(a, b) {
					return true
				}
			}
		}
	}
	return false
}

// selfContradictions returns the sources that state two values that disagree, in
// the order of the first of their claims that does. It looks at each source's own
// buckets, which are few, rather than at every pair of buckets, which can be many.
func (s *split) selfContradictions() []facts.SourceID {
	if s.selfDone {
		return s.self
	}
	s.selfDone = true
	type found struct {
		id    facts.SourceID
		first int
	}
	var self []found
	// first is the group index of the first claim of the first pair of buckets in
	// l that disagree, or -1.
	var disagree map[[2]*bucket]bool
	first := func(l []held) int {
		if s.spans != nil {
			return s.firstApart(l)
		}
		// Every two of l are looked up among the pairs, unless l's buckets have
		// fewer partners in all than twice that (a source that gives counts
		// for hundreds of years, each of which disagrees with a few others, or
		// one whose buckets are all the stretch's): then their partners are
		// read, and those in l kept, with no look-up of every pair made.
		partners := 0
		for _, h := range l {
			partners += len(h.b.partners)
		}
		if partners < len(l)*len(l) {
			at := make(map[*bucket]int, len(l))
			for _, h := range l {
				at[h.b] = h.at
			}
			f := -1
			for _, h := range l {
				for _, p := range h.b.partners {
					if y, in := at[p]; in && (f < 0 || min(h.at, y) < f) {
						f = min(h.at, y)
					}
				}
			}
			return f
		}
		if disagree == nil {
			disagree = map[[2]*bucket]bool{}
			for _, p := range s.pairs {
				disagree[p], disagree[[2]*bucket{p[1], p[0]}] = true, true
			}
		}
		f := -1
		for x := range l {
			for _, y := range l[x+1:] {
				if disagree[[2]*bucket{l[x].b, y.b}] && (f < 0 || min(l[x].at, y.at) < f) {
					f = min(l[x].at, y.at)
				}
			}
		}
		return f
	}
	done := func() []facts.SourceID {
		sort.Slice(self, func(a, b int) bool { return self[a].first < self[b].first })
		for _, f := range self {
			s.self = append(s.self, f.id)
		}
		return s.self
	}
	// A group's claims come by source (judging sorts them so): each source's run
	// of claims is looked at alone, with the buckets it has claims in.
	if s.bySource() {
		var l []held
		for i := 0; i < len(s.group); {
			k := i + 1
			for k < len(s.group) && s.group[k].Source == s.group[i].Source {
				k++
			}
			l = l[:0]
			for at := i; at < k; at++ {
				if b := s.of[at]; s.disagrees(b) && !slices.ContainsFunc(l, func(x held) bool { return x.b == b }) {
					l = append(l, held{b, at})
				}
			}
			if len(l) > 1 {
				if f := first(l); f >= 0 {
					self = append(self, found{s.group[i].Source, f})
				}
			}
			i = k
		}
		return done()
	}
	// Otherwise, per source (numbered by judge.src), the disagreeing buckets it
	// has claims in: the first inline, as most sources state one value.
	type holds struct {
		id    facts.SourceID
		first held
		more  []held
	}
	var sources []holds
	slot := make([]int32, s.j.sources()) // 1 + the source's place in sources
	for i, c := range s.group {
		b := s.of[i]
		if !s.disagrees(b) {
			continue
		}
		k := s.j.src(c)
		if slot[k] == 0 {
			sources = append(sources, holds{id: c.Source, first: held{b, i}})
			slot[k] = int32(len(sources))
			continue
		}
		h := &sources[slot[k]-1]
		if h.first.b != b && !slices.ContainsFunc(h.more, func(x held) bool { return x.b == b }) {
			h.more = append(h.more, held{b, i})
		}
	}
	for _, h := range sources {
		if len(h.more) == 0 {
			continue
		}
		if f := first(append([]held{h.first}, h.more...)); f >= 0 {
			self = append(self, found{h.id, f})
		}
	}
	return done()
}

// bySource reports whether each source's claims in the group come together.
func (s *split) bySource() bool {
	seen := s.j.sourceSet()
	for i, c := range s.group {
		if (i == 0 || c.Source != s.group[i-1].Source) && !seen.add(s.j.src(c)) {
			return false
		}
	}
	return true
}

// intraSource reports whether one source states two values that disagree.
func (s *split) intraSource() bool { return len(s.selfContradictions()) > 0 }

// withOtherClaimant returns the claims that disagree with a claim of another
// claimant, in group order.
func (s *split) withOtherClaimant() []*facts.Claim {
	if s.spans != nil {
		return s.otherClaimants()
	}
	claimants := map[*bucket]map[string]bool{}
	for _, b := range s.buckets {
		set := map[string]bool{}
		for _, at := range b.at {
			set[s.group[at].Claimant] = true
		}
		claimants[b] = set
	}
	var out []*facts.Claim
	for i, c := range s.group {
		for _, p := range s.of[i].partners {
			if other := claimants[p]; len(other) > 1 || !other[c.Claimant] {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// components splits s into the sets of buckets that disagree with each other
// directly or through others, each a split of its own over its claims (in group
// order), in the order of their first claims; buckets that disagree with none are
// in none. A split whose disagreements all hang together is its own only
// component.
func (s *split) components() []*split {
	// Union-find over the buckets, by their place in s.buckets.
	place := make(map[*bucket]int, len(s.buckets))
	for i, b := range s.buckets {
		place[b] = i
	}
	parent := make([]int, len(s.buckets))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range s.pairs {
		a, b := root(place[p[0]]), root(place[p[1]])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	roots := map[int]bool{}
	for i, b := range s.buckets {
		if len(b.partners) > 0 {
			roots[root(i)] = true
		}
	}
	if len(roots) <= 1 {
		return []*split{s}
	}
	// Each component's claims in group order, its buckets made anew over them
	// (a bucket is in one component: made is by its place).
	index := map[int]int{} // root -> component
	var out []*split
	made := make([]*bucket, len(s.buckets))
	for i, c := range s.group {
		b := s.of[i]
		if len(b.partners) == 0 {
			continue
		}
		r := root(place[b])
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, &split{j: s.j})
		}
		sub := out[k]
		nb := made[place[b]]
		if nb == nil {
			nb = &bucket{}
			made[place[b]] = nb
			sub.buckets = append(sub.buckets, nb)
		}
		nb.at = append(nb.at, len(sub.group))
		sub.group = append(sub.group, c)
		sub.of = append(sub.of, nb)
	}
	for _, p := range s.pairs {
		k := index[root(place[p[0]])]
		a, b := made[place[p[0]]], made[place[p[1]]]
		out[k].pairs = append(out[k].pairs, [2]*bucket{a, b})
		a.partners = append(a.partners, b)
		b.partners = append(b.partners, a)
	}
	return out
}
