package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/factcheck-tools/compare/facts"
)

// Names are judged in two steps, before any other group:
//
//  1. resolve: the entities the sources name are merged when their names are one
//     name spelt differently (facts.Profile.SameName). A cluster holds at most one
//     entity of the profile, which then names it; two entities the profile lists
//     apart (Massoud and Maryam Rajavi) are never merged. Every claim's subject is
//     rewritten to its cluster's entity, so that "Mayam Rajavi becomes co-leader"
//     and "Maryam Azodanlu as his co-equal leader" speak of one person.
//  2. spelling: within each cluster, every written form that is neither the
//     profile's name nor one of its aliases (nor, for a person the profile does not
//     know, the form most sources use) is reported as a spelling conflict, with the
//     quotes of the variant and of the usual form.
//
// Acronym expansions are judged per acronym: an expansion conflicts with the usual
// one when its words differ ("of Iraq" for "of Iran") or its initials do not spell
// the acronym ("People's Mujahideen of Iran" for PMOI).

// cluster of entities that are one person or organization.
type entityCluster struct {
	canonical facts.Entity
	known     bool // the canonical entity is in the profile
	aliases   []string
	members   []facts.EntityID
	named     []*facts.Claim // the claims that name the entity, in corpus order
	namedAt   []int          // where they are among all the claims
}

// resolve merges entities by the similarity rule and rewrites claim subjects.
func (j *judge) resolve(all []*facts.Claim) []*entityCluster {
	p := j.corpus.Profile
	if p == nil {
		return nil
	}
	// Every subject, in order of first claim, and each person's and
	// organization's mentions: found in runs on all cores, put together in order.
	type seen struct {
		subjects []facts.Entity // every subject, once
		named    map[facts.EntityID][]int
	}
	runs := runsFor(len(all))
	found := make([]seen, runs)
	inChunks(len(all), runs, func(k, lo, hi int) {
		f := &found[k]
		f.named = map[facts.EntityID][]int{}
		met := map[facts.EntityID]bool{}
		for i := lo; i < hi; i++ {
			c := all[i]
			// Claims about one entity come in runs.
			if i == lo || c.Subject.ID != all[i-1].Subject.ID {
				if !met[c.Subject.ID] {
					met[c.Subject.ID] = true
					f.subjects = append(f.subjects, c.Subject)
				}
			}
			if c.Predicate == facts.Named {
				f.named[c.Subject.ID] = append(f.named[c.Subject.ID], i)
			}
		}
	})
	byID := map[facts.EntityID]facts.Entity{}
	var subjects []facts.EntityID // every subject
	var order []facts.EntityID    // the people and organizations
	named := map[facts.EntityID][]*facts.Claim{}
	namedAt := map[facts.EntityID][]int{}
	for _, f := range found {
		for _, e := range f.subjects {
			if _, ok := byID[e.ID]; !ok {
				byID[e.ID] = e
				subjects = append(subjects, e.ID)
				if e.Type == facts.EntityPerson || e.Type == facts.EntityOrganization {
					order = append(order, e.ID)
				}
			}
			if e.Type != facts.EntityPerson && e.Type != facts.EntityOrganization {
				continue
			}
			for _, i := range f.named[e.ID] {
				named[e.ID] = append(named[e.ID], all[i])
				namedAt[e.ID] = append(namedAt[e.ID], i)
			}
		}
	}
	known := map[facts.EntityID]*facts.Known{}
	for _, t := range []facts.EntityKind{facts.EntityPerson, facts.EntityOrganization} {
		for _, k := range p.Known(t) {
			known[k.ID] = k
		}
	}

	// Union-find over entity ids; a root that is a known entity stays the root.
	parent := map[facts.EntityID]facts.EntityID{}
	var find func(facts.EntityID) facts.EntityID
	find = func(id facts.EntityID) facts.EntityID {
		if parent[id] == "" || parent[id] == id {
			return id
		}
		parent[id] = find(parent[id])
		return parent[id]
	}
	union := func(a, b facts.EntityID) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		_, ka := known[ra]
		_, kb := known[rb]
		switch {
		case ka && kb:
			return // two entities the profile keeps apart
		case kb:
			parent[ra] = rb
		default:
			parent[rb] = ra
		}
	}
	// The known people's names, and whose each is, indexed so that a person
	// found by shape is compared only with the names that may be its own
	// (facts.NameIndex): the profile may know thousands.
	var knownNames []string
	var knownOf []facts.EntityID
	for _, k := range p.Known(facts.EntityPerson) {
		for _, name := range k.Names() {
			knownNames = append(knownNames, name)
			knownOf = append(knownOf, k.ID)
		}
	}
	knownIx := facts.NewNameIndex(knownNames)
	// The people found by shape.
	var shapes []facts.EntityID
	var shapeNames []string
	for _, id := range order {
		if _, ok := known[id]; !ok && byID[id].Type == facts.EntityPerson {
			shapes = append(shapes, id)
			shapeNames = append(shapeNames, byID[id].Name)
		}
	}
	shapeIx := facts.NewNameIndex(shapeNames)
	// Each is compared, in runs on all cores, with the known names and the
	// other shapes' names that may spell it; the unions are made afterwards, in
	// the order a loop over them makes them (a list of 80,000 names spent half
	// its run here on one core).
	type spelt struct {
		known  facts.EntityID // the known person whose name it spells, if one
		nKnown int
		shapes []int // the later shapes whose names are one name with it
	}
	matches := make([]spelt, len(shapes))
	inChunks(len(shapes), runsFor(len(shapes)), func(_, lo, hi int) {
		for a := lo; a < hi; a++ {
			m := &matches[a]
			for _, i := range knownIx.Matches(p, shapeNames[a]) {
				if kid := knownOf[i]; kid != m.known {
					m.nKnown++
					m.known = kid
				}
			}
			for _, b := range shapeIx.Matches(p, shapeNames[a]) {
				if b > a {
					m.shapes = append(m.shapes, b)
				}
			}
		}
	})
	// A person found by shape joins the one known person whose name it spells.
	for a, id := range shapes {
		if matches[a].nKnown == 1 {
			union(matches[a].known, id)
		}
	}
	// People found by shape join each other when their names are one name, each
	// pair in order.
	for a := range shapes {
		for _, b := range matches[a].shapes {
			union(shapes[a], shapes[b])
		}
	}

	clusters := map[facts.EntityID]*entityCluster{}
	var roots []facts.EntityID
	for _, id := range order {
		r := find(id)
		c, ok := clusters[r]
		if !ok {
			c = &entityCluster{canonical: byID[r]}
			if k, isKnown := known[r]; isKnown {
				c.canonical, c.known, c.aliases = k.Entity, true, k.Names()
			}
			clusters[r] = c
			roots = append(roots, r)
		}
		c.members = append(c.members, id)
		c.namedAt = append(c.namedAt, namedAt[id]...)
	}
	// An unknown person is named by the form most sources use.
	for _, c := range clusters {
		if c.known || len(c.members) < 2 {
			continue
		}
		best, bestN := c.canonical, -1
		for _, id := range c.members {
			if n := len(j.sourcesOf(named[id])); n > bestN {
				best, bestN = byID[id], n
			}
		}
		c.canonical = best
		c.aliases = []string{best.Name}
	}
	// The caller's claims are not changed: a claim whose subject is rewritten is
	// copied, and the copy takes its place here and among the cluster's mentions.
	// Each entity's canonical one is found once, not once per claim.
	canon := map[facts.EntityID]*facts.Entity{}
	for _, id := range subjects {
		if r, found := clusters[find(id)]; found && r.canonical.ID != id {
			canon[id] = &r.canonical
		}
	}
	inChunks(len(all), runs, func(_, lo, hi int) {
		var to *facts.Entity
		for i := lo; i < hi; i++ {
			c := all[i]
			if i == lo || c.Subject.ID != all[i-1].Subject.ID {
				to = canon[c.Subject.ID]
			}
			if to != nil {
				cp := *c
				cp.Subject = *to
				all[i] = &cp
			}
		}
	})
	// A cluster's mentions in corpus order: the order of their places in all,
	// which is sorted, holding the copies.
	out := make([]*entityCluster, 0, len(roots))
	for _, r := range roots {
		c := clusters[r]
		sort.Ints(c.namedAt)
		c.named = make([]*facts.Claim, len(c.namedAt))
		for i, at := range c.namedAt {
			c.named[i] = all[at]
		}
		out = append(out, c)
	}
	return out
}

// spelling reports each written form of a cluster's name that is not one of its
// names.
func (j *judge) spelling(c *entityCluster) {
	p := j.corpus.Profile
	// Thousands of mentions write a few forms: fold each form once.
	keys := map[string]string{}
	keyOf := func(form string) string {
		k, ok := keys[form]
		if !ok {
			k = facts.NameKey(form)
			keys[form] = k
		}
		return k
	}
	aliasKeys := map[string]bool{}
	for _, a := range c.aliases {
		aliasKeys[keyOf(a)] = true
	}
	forms := map[string][]*facts.Claim{}
	var order []string
	// The mentions that write a usual form, in order, and where each form's are.
	var usual []*facts.Claim
	var usualOrder []string         // the forms, by number
	var byForm [][]int              // each form's mentions, as places in usual
	firstAt := map[formSource]int{} // each form's first mention in each source
	// What each written form is, worked out once: mentions of one form and one
	// source come in runs, which need no lookup at all.
	type formInfo struct {
		key string
		f   int // its number among the usual forms, or -1
	}
	info := map[string]*formInfo{}
	var lastForm string
	var last *formInfo
	lastSeen := formSource{-1, -1}
	for _, cl := range c.named {
		form := cl.ValueString()
		if last == nil || form != lastForm {
			if last = info[form]; last == nil {
				k := keyOf(form)
				last = &formInfo{key: k, f: -1}
				if aliasKeys[k] {
					last.f = len(usualOrder)
					usualOrder = append(usualOrder, form)
					byForm = append(byForm, nil)
				}
				info[form] = last
			}
			lastForm = form
		}
		if f := last.f; f >= 0 {
			if at := (formSource{f, j.src(cl)}); at != lastSeen {
				if _, ok := firstAt[at]; !ok {
					firstAt[at] = len(usual)
				}
				lastSeen = at
			}
			byForm[f] = append(byForm[f], len(usual))
			usual = append(usual, cl)
			continue
		}
		k := last.key
		if _, ok := forms[k]; !ok {
			order = append(order, k)
		}
		forms[k] = append(forms[k], cl)
	}
	if len(usual) == 0 {
		return // no source writes the name as the profile does: nothing to compare with
	}
	for _, k := range order {
		variant := forms[k]
		written := variant[0].ValueString()
		// Hold the variant to the name it is closest to ("Mojaehdin-e-Kalq" to
		// "Mojahedin-e Khalq", not to "MEK"), and quote the sources that write that
		// name: those that write it exactly, else nearly, else any usual form.
		canonical := c.canonical.Name
		best := 1 << 30
		for _, a := range c.aliases {
			if d := facts.Levenshtein(keyOf(a), keyOf(written)); (p.SameName(written, a) || p.SameName(written, lastWord(a))) && d < best {
				canonical, best = a, d
			}
		}
		var exact, near []int // form numbers
		for f, form := range usualOrder {
			switch {
			case keyOf(form) == keyOf(canonical):
				exact = append(exact, f)
			case p.SameName(form, canonical):
				near = append(near, f)
			}
		}
		poolForms := exact
		if len(poolForms) == 0 {
			poolForms = near
		}
		// The pool's mentions in order: one form's list, several merged, or all.
		var pool []int
		switch len(poolForms) {
		case 0:
			for f := range usualOrder {
				poolForms = append(poolForms, f)
			}
			pool = nil // every usual mention, 0 to len(usual)-1
		case 1:
			pool = byForm[poolForms[0]]
		default:
			for _, f := range poolForms {
				pool = append(pool, byForm[f]...)
			}
			sort.Ints(pool)
		}
		at := func(i int) int {
			if pool == nil {
				return i
			}
			return pool[i]
		}
		size := len(pool)
		if pool == nil {
			size = len(usual)
		}
		// The variant's own source first, then up to two others.
		var shown []*facts.Claim
		taken := map[facts.SourceID]bool{}
		own := -1
		for _, f := range poolForms {
			if i, ok := firstAt[formSource{f, j.src(variant[0])}]; ok && (own < 0 || i < own) {
				own = i
			}
		}
		if own >= 0 {
			shown = append(shown, usual[own])
			taken[usual[own].Source] = true
		}
		for i := 0; i < size && len(taken) < 3; i++ {
			if u := usual[at(i)]; !taken[u.Source] {
				shown = append(shown, u)
				taken[u.Source] = true
			}
		}
		claims := append(append([]*facts.Claim(nil), variant...), shown...)
		sort.SliceStable(claims, func(a, b int) bool { return j.less(claims[a], claims[b]) })
		usualForm := shown[0].ValueString()
		key := string(c.canonical.ID) + "|spelling|" + k
		cf := j.newConflict(key, "How "+c.canonical.Name+" is spelled", claims, Spelling)
		cf.Family = "names"
		cf.Sides = []Side{{Value: usualForm, Text: usualForm, Claims: shown}, {Value: written, Text: written, Claims: variant}}
		cf.IntraSource = taken[variant[0].Source]
		cf.Explanation = fmt.Sprintf("%s %s “%s” (%s) for %s; %s %s “%s”: %s.",
			capitalize(joinCapped(names(j, variant), "source")), verb(names(j, variant), "writes", "write"), written, placesOf(j, variant),
			c.canonical.Name, j.refs(shown), verb(names(j, shown), "writes", "write"), usualForm, facts.Edit(usualForm, written))
	}
}

// formSource is a usual form (by number) in one source (by its place, see src).
type formSource struct {
	form, source int
}

// placesOf gives the lines of claims after their sources have been named: "line 7"
// for one source, "Jamestown line 7; START line 15" for several.
func placesOf(j *judge, claims []*facts.Claim) string {
	if len(j.sourcesOf(claims)) == 1 {
		return lineList(claims)
	}
	return lineRefs(j, claims)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

// expansions judges what one acronym is said to stand for.
func (j *judge) expansions(key string, group []*facts.Claim) {
	acronym := group[0].Scope
	p := j.corpus.Profile
	initialsOK := func(s string) bool { return initialsSpell(p, s, acronym) }
	// The usual expansion: the profile's name for the entity when its initials
	// spell the acronym, else the form most sources give whose initials do.
	var usual string
	if k := p.Lookup(acronym); k != nil && initialsOK(k.Name) {
		usual = k.Name
	}
	if usual == "" {
		counts := map[string]int{}
		for _, c := range group {
			if initialsOK(c.Value.String()) {
				counts[facts.NameKey(c.Value.String())]++
				if usual == "" || counts[facts.NameKey(c.Value.String())] > counts[facts.NameKey(usual)] {
					usual = c.Value.String()
				}
			}
		}
	}
	if usual == "" {
		return // no expansion spells the acronym: nothing to hold the others to
	}
	var good []*facts.Claim
	bad := map[string][]*facts.Claim{}
	var order []string
	var aliases []string
	if k := p.Lookup(acronym); k != nil {
		aliases = k.Names()
	}
	for _, c := range group {
		v := c.Value.String()
		if j.sameExpansion(v, usual, acronym) || initialsSpell(p, v, acronym) && anySameName(p, v, aliases) {
			// A misspelt alias ("Mojaehdin-e-Kalq (MEK)") is a spelling conflict of
			// the name, reported there, not a wrong expansion.
			good = append(good, c)
			continue
		}
		k := facts.NameKey(v)
		if _, ok := bad[k]; !ok {
			order = append(order, k)
		}
		bad[k] = append(bad[k], c)
	}
	title := "What " + acronym + " stands for"
	if len(bad) == 0 {
		j.agree(key, title, group, facts.Text{S: usual})
		return
	}
	for _, k := range order {
		variant := bad[k]
		claims := append(append([]*facts.Claim(nil), variant...), good...)
		sort.SliceStable(claims, func(a, b int) bool { return j.less(claims[a], claims[b]) })
		written := variant[0].Value.String()
		cf := j.newConflict(key+"|"+k, title, claims, Spelling)
		cf.Sides = []Side{{Value: usual, Text: usual, Claims: good}, {Value: written, Text: written, Claims: variant}}
		for _, g := range good {
			cf.IntraSource = cf.IntraSource || g.Source == variant[0].Source
		}
		why := differingWords(usual, written)
		if !initialsOK(written) && !strings.HasPrefix(acronym, facts.Initials(written)) {
			why = fmt.Sprintf("its initials (%s) do not spell %s", facts.Initials(written), acronym)
		}
		usualBy := "the profile of the corpus"
		if len(good) > 0 {
			usualBy = j.refs(good)
		}
		cf.Explanation = fmt.Sprintf("%s %s %s as “%s” (%s), where %s %s “%s”: %s. An alias expanded wrongly.",
			capitalize(joinCapped(names(j, variant), "source")), verb(names(j, variant), "expands", "expand"), acronym, written, placesOf(j, variant),
			usualBy, verb(names(j, good), "has", "have"), usual, why)
	}
}

// initialsSpell reports whether the initials of an expansion spell the acronym,
// allowing a trailing "of" and a place that acronyms often leave out ("National
// Liberation Army of Iran" is NLA).
func initialsSpell(p *facts.Profile, s, acronym string) bool {
	in := facts.Initials(s)
	if in == acronym {
		return true
	}
	words := strings.Fields(s)
	if n := len(words); n >= 3 && strings.EqualFold(words[n-2], "of") {
		if _, ok := p.Place(words[n-1]); ok {
			return facts.Initials(strings.Join(words[:n-2], " ")) == acronym
		}
	}
	return false
}

func anySameName(p *facts.Profile, v string, names []string) bool {
	for _, n := range names {
		if p.SameName(v, n) {
			return true
		}
	}
	return false
}

// sameExpansion reports whether an expansion says what the usual one says: the same
// words spelt alike, or some of them in the same order ("National Liberation
// Army" for "National Liberation Army of Iran"), with initials that still spell the
// acronym.
func (j *judge) sameExpansion(v, usual, acronym string) bool {
	p := j.corpus.Profile
	if p.SameName(v, usual) {
		return true
	}
	if !initialsSpell(p, v, acronym) && !strings.HasPrefix(acronym, facts.Initials(v)) {
		return false
	}
	vw, uw := strings.Fields(facts.NameKey(v)), strings.Fields(facts.NameKey(usual))
	i := 0
	for _, w := range uw {
		if i < len(vw) && p.SameName(vw[i], w) {
			i++
		}
	}
	return i == len(vw) && len(vw) > 0 && (initialsSpell(p, v, acronym) || strings.HasPrefix(acronym, facts.Initials(v)))
}

// differingWords names the words in which two expansions differ: "Iraq for Iran".
func differingWords(usual, written string) string {
	uw, ww := strings.Fields(usual), strings.Fields(written)
	var parts []string
	for i := 0; i < len(uw) && i < len(ww); i++ {
		if !strings.EqualFold(uw[i], ww[i]) {
			parts = append(parts, fmt.Sprintf("“%s” for “%s”", ww[i], uw[i]))
		}
	}
	if len(parts) == 0 {
		return "the words differ"
	}
	return strings.Join(parts, ", ")
}
