package compare

import (
	"slices"
	"sort"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/par"
)

// Result is what judging a corpus found.
type Result struct {
	Corpus     *facts.Corpus
	Claims     []*facts.Claim // every claim, by source (manifest order) then offset
	Conflicts  []*Conflict
	Agreements []*Agreement
}

// judge holds the claims of one corpus indexed by key.
type judge struct {
	corpus     *facts.Corpus
	unlisted   map[facts.SourceID]int // numbers for sources the corpus does not list
	idRank     []int                  // each source's place in the order of its id (idRanks), by src
	groups     map[string][]*facts.Claim
	keys       []string
	conflicts  []*Conflict
	agreements []*Agreement
}

// Judge groups claims by key and judges each group. The steps run in this order:
//
//  0. resolve: entities named alike are merged (names.go) and subjects rewritten.
//  1. group: claims are indexed by key (subject, predicate, scope); never all pairs.
//  2. judge each group by the kind of its value: dates by interval intersection,
//     places by country, home bases as a timeline (see based.go).
//  3. classify and explain each conflict as it is found.
//  4. sort: conflicts by class, then title, then id; agreements by title.
//
// The same rules apply inside one source: a source that contradicts itself is
// flagged (IntraSource) just as two sources that disagree are.
func Judge(c *facts.Corpus, claims []facts.Claim) *Result {
	return JudgeBySource(c, [][]facts.Claim{claims})
}

// JudgeBySource is Judge of the claims of several slices, taken in turn, as
// facts.ExtractBySource gives them: one slice a source.
func JudgeBySource(c *facts.Corpus, bySource [][]facts.Claim) *Result {
	j := &judge{corpus: c, groups: map[string][]*facts.Claim{}}
	// Judging rewrites subjects (step 0 below) on copies of the claims it changes:
	// the caller's claims stay as they are, and the others are not copied.
	n := 0
	for _, claims := range bySource {
		n += len(claims)
	}
	all := make([]*facts.Claim, 0, n)
	for _, claims := range bySource {
		for i := range claims {
			all = append(all, &claims[i])
			if c.SourceIndex(&claims[i]) < 0 {
				if j.unlisted == nil {
					j.unlisted = map[facts.SourceID]int{}
				}
				if _, ok := j.unlisted[claims[i].Source]; !ok {
					j.unlisted[claims[i].Source] = len(c.Sources) + len(j.unlisted)
				}
			}
		}
	}
	ids := make([]string, j.sources())
	for i, s := range c.Sources {
		ids[i] = string(s.ID)
	}
	for id, n := range j.unlisted {
		ids[n] = string(id)
	}
	j.idRank = idRanks(ids)
	j.sortClaims(all)
	clusters := j.resolve(all)
	grouped := j.group(all)
	for i, k := range j.keys {
		j.groups[k] = grouped[i]
	}
	sort.Strings(j.keys)

	// Each group, and each entity's spellings, is judged on its own: the tasks run
	// on all cores and their findings are gathered in task order, so the result
	// does not depend on the scheduling.
	var tasks []func(*judge)
	for _, k := range j.keys {
		group := j.groups[k]
		switch p := group[0].Predicate; {
		case p == facts.Named:
			// judged per entity cluster below
		case p == facts.Expansion:
			tasks = append(tasks, func(w *judge) { w.expansions(k, group) })
		case p == facts.Based:
			tasks = append(tasks, func(w *judge) { w.based(group) })
		case p == facts.Leader:
			tasks = append(tasks, func(w *judge) { w.leaders(k, group) })
		case p == facts.Founder:
			tasks = append(tasks, func(w *judge) { w.founders(k, group) })
		case group[0].Value.Kind() == facts.KindDate:
			tasks = append(tasks, func(w *judge) { w.dates(k, group) })
		case group[0].Value.Kind() == facts.KindQuantity:
			tasks = append(tasks, func(w *judge) { w.quantities(k, group) })
		case group[0].Value.Kind() == facts.KindPlace:
			tasks = append(tasks, func(w *judge) { w.places(k, group) })
		}
	}
	for _, c := range clusters {
		tasks = append(tasks, func(w *judge) { w.spelling(c) })
	}
	j.run(tasks)

	sort.SliceStable(j.conflicts, func(a, b int) bool {
		x, y := j.conflicts[a], j.conflicts[b]
		if x.Class != y.Class {
			return x.Class < y.Class
		}
		if x.Title != y.Title {
			return x.Title < y.Title
		}
		return x.ID < y.ID
	})
	sort.SliceStable(j.agreements, func(a, b int) bool {
		if j.agreements[a].Title != j.agreements[b].Title {
			return j.agreements[a].Title < j.agreements[b].Title
		}
		return j.agreements[a].Key < j.agreements[b].Key
	})
	return &Result{Corpus: c, Claims: all, Conflicts: j.conflicts, Agreements: j.agreements}
}

// keyParts are the parts of a claim's key: claims are grouped by them, and each
// key's string is made once per group.
type keyParts struct {
	subject   facts.EntityID
	predicate facts.Predicate
	scope     string
}

// group groups claims by key, the groups in the order of their first claims and
// each in the order of all, setting j.keys in that order. The claims are grouped
// in runs on all cores, and the runs' groups put together in order.
func (j *judge) group(all []*facts.Claim) [][]*facts.Claim {
	type groups struct {
		keys []keyParts
		of   [][]*facts.Claim
	}
	runs := runsFor(len(all))
	found := make([]groups, runs)
	inChunks(len(all), runs, func(k, lo, hi int) {
		g := &found[k]
		at := map[keyParts]int{}
		var last keyParts
		i := -1
		for _, cl := range all[lo:hi] {
			// A source states one fact in a row of claims: those need no lookup.
			if p := (keyParts{cl.Subject.ID, cl.Predicate, cl.Scope}); i < 0 || p != last {
				var ok bool
				if i, ok = at[p]; !ok {
					i = len(g.of)
					at[p] = i
					g.of = append(g.of, nil)
					g.keys = append(g.keys, p)
				}
				last = p
			}
			g.of[i] = append(g.of[i], cl)
		}
	})
	if runs == 1 {
		for _, g := range found[0].of {
			j.keys = append(j.keys, g[0].Key())
		}
		return found[0].of
	}
	at := map[keyParts]int{}
	var grouped [][]*facts.Claim
	for _, g := range found {
		for i, p := range g.keys {
			k, ok := at[p]
			if !ok {
				k = len(grouped)
				at[p] = k
				grouped = append(grouped, nil)
				j.keys = append(j.keys, g.of[i][0].Key())
			}
			grouped[k] = append(grouped[k], g.of[i]...)
		}
	}
	return grouped
}

// run runs the tasks on all cores, each on a copy of the judge that shares its
// read-only index, and appends what they found in task order.
func (j *judge) run(tasks []func(*judge)) {
	found := make([]judge, len(tasks))
	par.Each(len(tasks), 0, func(i int) {
		w := *j
		w.conflicts, w.agreements = nil, nil
		tasks[i](&w)
		found[i] = w
	})
	for _, w := range found {
		j.conflicts = append(j.conflicts, w.conflicts...)
		j.agreements = append(j.agreements, w.agreements...)
	}
}

// sortClaims sorts claims as less orders them, stably. Claims usually come by
// source and offset already (ExtractCorpus gives them so), and only claims at one
// offset of one source need ordering by value: those runs are sorted alone.
func (j *judge) sortClaims(all []*facts.Claim) {
	runs := runsFor(len(all))
	inOrder := make([]bool, runs)
	inChunks(len(all), runs, func(k, lo, hi int) {
		inOrder[k] = true
		for i := max(lo, 1); i < hi && inOrder[k]; i++ {
			if all[i].Source == all[i-1].Source {
				inOrder[k] = all[i].Span.Start >= all[i-1].Span.Start
			} else {
				inOrder[k] = j.src(all[i-1]) < j.src(all[i])
			}
		}
	})
	if slices.Contains(inOrder, false) {
		sort.SliceStable(all, func(a, b int) bool { return j.less(all[a], all[b]) })
		return
	}
	// The chunks are cut between runs of claims at one offset, which are sorted
	// where they are.
	same := func(a, b *facts.Claim) bool { return a.Source == b.Source && a.Span.Start == b.Span.Start }
	bounds := par.Bounds(len(all), runs)
	for k := 1; k < runs; k++ {
		bounds[k] = max(bounds[k], bounds[k-1])
		for bounds[k] > 0 && bounds[k] < len(all) && same(all[bounds[k]], all[bounds[k]-1]) {
			bounds[k]++
		}
	}
	par.Ranges(bounds, func(_, lo, hi int) {
		for i := lo; i < hi; {
			k := i + 1
			for k < hi && same(all[k], all[i]) {
				k++
			}
			if k-i > 1 {
				run := all[i:k]
				sort.SliceStable(run, func(a, b int) bool { return run[a].Normalized() < run[b].Normalized() })
			}
			i = k
		}
	})
}

// less orders claims by source (manifest order), then by position in the source.
func (j *judge) less(a, b *facts.Claim) bool {
	if a.Source != b.Source {
		return j.src(a) < j.src(b)
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	return a.Normalized() < b.Normalized()
}

// src numbers the source of a claim: its place in the corpus, or past the
// corpus's sources for a source the manifest does not list. The numbers index the
// sets and lists judging keeps per source, which cost less than maps keyed by id.
func (j *judge) src(c *facts.Claim) int {
	if i := j.corpus.SourceIndex(c); i >= 0 {
		return i
	}
	return j.unlisted[c.Source]
}

// rank is the ranks of the claims' sources for conflictID, nil without them.
func (j *judge) rank() func(*facts.Claim) int {
	if j.idRank == nil {
		return nil
	}
	return func(c *facts.Claim) int { return j.idRank[j.src(c)] }
}

// sources is how many numbers src gives.
func (j *judge) sources() int { return len(j.corpus.Sources) + len(j.unlisted) }

// sourceSet is a set of sources numbered by judge.src: a bit each.
type sourceSet []uint64

func (j *judge) sourceSet() sourceSet { return make(sourceSet, (j.sources()+63)/64) }

// add adds source k and reports whether it was not in the set yet.
func (s sourceSet) add(k int) bool {
	w, b := k/64, uint64(1)<<(k%64)
	if s[w]&b != 0 {
		return false
	}
	s[w] |= b
	return true
}

// has reports whether source k is in the set.
func (s sourceSet) has(k int) bool { return s[k/64]&(uint64(1)<<(k%64)) != 0 }

// sourcesOf lists the sources of claims in the order of their first claim.
func (j *judge) sourcesOf(claims []*facts.Claim) []facts.SourceID {
	if len(claims) <= smallList {
		return sourcesOf(claims)
	}
	var out []facts.SourceID
	seen := j.sourceSet()
	for i, c := range claims {
		if i > 0 && c.Source == claims[i-1].Source {
			continue
		}
		if seen.add(j.src(c)) {
			out = append(out, c.Source)
		}
	}
	return out
}

// smallList is how many claims are few enough to be looked through rather than
// indexed by source.
const smallList = 16

// bySource groups claims by source, the sources in the order of their first
// claim. Explanations name at most listMax+1 sources, so only their claims are
// kept: by is no longer than that.
func (j *judge) bySource(claims []*facts.Claim) ([]facts.SourceID, [][]*facts.Claim) {
	var ids []facts.SourceID
	by := make([][]*facts.Claim, 0, listMax+1)
	seen := sourceSet(nil)
	if len(claims) > smallList {
		seen = j.sourceSet()
	}
	k := -1 // the place in by of the claims' source; -1: not kept
	for i, c := range claims {
		// A run of one source's claims is placed once; a source met again is
		// found among the kept ones, if it is one of them.
		if i == 0 || c.Source != claims[i-1].Source {
			if seen == nil && !slices.Contains(ids, c.Source) || seen != nil && seen.add(j.src(c)) {
				ids = append(ids, c.Source)
				if len(ids) <= listMax+1 {
					by = append(by, nil)
				}
			}
			k = slices.Index(ids[:len(by)], c.Source)
		}
		if k >= 0 {
			by[k] = append(by[k], c)
		}
	}
	return ids, by
}

// newConflict fills what every conflict has from its key and claims.
func (j *judge) newConflict(key, title string, claims []*facts.Claim, class Class) *Conflict {
	first := claims[0]
	spec, _ := first.Predicate.Spec()
	c := &Conflict{
		ID:        conflictID(key, claims, j.rank()),
		Key:       key,
		Subject:   first.Subject,
		Predicate: first.Predicate,
		Scope:     first.Scope,
		Family:    spec.Family,
		Title:     title,
		Class:     class,
		Claims:    claims,
	}
	j.conflicts = append(j.conflicts, c)
	return c
}

// agree records an agreement when two or more sources answer the question.
func (j *judge) agree(key, title string, claims []*facts.Claim, best facts.Value) {
	sources := j.sourcesOf(claims)
	if len(sources) < 2 {
		return
	}
	spec, _ := claims[0].Predicate.Spec()
	a := &Agreement{Key: key, Title: title, Family: spec.Family, Value: best.String(), Sources: sources, Claims: claims}
	seen := map[string]bool{}
	for _, c := range claims {
		if v := c.Normalized(); !seen[v] {
			seen[v] = true
			a.Values = append(a.Values, v)
		}
	}
	j.agreements = append(j.agreements, a)
}

// dates judges a group whose values are dates: two dates agree when their intervals
// intersect ("1965" and "5 September 1965"); the group conflicts when any two are
// disjoint ("24 April 1990" and "24 February 1990").
func (j *judge) dates(key string, group []*facts.Claim) {
	s := splitDates(j, group)
	title := group[0].Title()
	if s.empty() {
		best := group[0]
		for _, c := range group[1:] {
			if date(c).Width() < date(best).Width() {
				best = c
			}
		}
		j.agree(key, title, group, best.Value)
		return
	}
	class := Soft
	if s.anyApartOfOneClaimant(func(c *facts.Claim) bool { return firm(date(c)) }) {
		class = Hard // two plain dates of one claimant that do not meet
	}
	c := j.newConflict(key, title, group, class)
	c.IntraSource = s.intraSource()
	c.Sides = s.sides()
	c.Explanation = j.explainDates(c, s)
}

// valueKey buckets claims by value.
func valueKey(c *facts.Claim) string { return c.ValueString() }

func date(c *facts.Claim) facts.Date { return c.Value.(facts.Date) }

// firm reports whether a date was stated plainly: not "about", and with its year in
// the text rather than read from context.
func firm(d facts.Date) bool { return !d.Approx && !d.YearFromContext }

// intraSource reports whether any disagreeing pair comes from one source.
func intraSource(split [][2]*facts.Claim) bool {
	for _, p := range split {
		if p[0].Source == p[1].Source {
			return true
		}
	}
	return false
}

// places judges a group whose values are places: two places agree when one lies in
// the other (Geneva and Switzerland) and conflict when their countries differ or they
// are two different places in one country.
func (j *judge) places(key string, group []*facts.Claim) {
	s := splitGroup(j, group, valueKey, func(a, b *facts.Claim) bool { return !samePlace(place(a), place(b)) })
	title := group[0].Title()
	if s.empty() {
		best := group[0]
		for _, c := range group[1:] {
			if place(best).Name == place(best).Country {
				best = c
			}
		}
		j.agree(key, title, group, best.Value)
		return
	}
	c := j.newConflict(key, title, group, Hard)
	c.IntraSource = s.intraSource()
	c.Sides = s.sides()
	c.Explanation = j.explainPlaces(c)
}

func place(c *facts.Claim) facts.Place { return c.Value.(facts.Place) }

func samePlace(a, b facts.Place) bool {
	if a.Country != b.Country {
		return false
	}
	return a.Name == b.Name || a.Name == a.Country || b.Name == b.Country
}
