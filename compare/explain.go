package compare

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/pick"
)

// Explanations read like a careful colleague's margin note: who says what, where,
// and why both cannot stand.

// cluster is the claims that state one normalized value.
type cluster struct {
	value  facts.Value
	claims []*facts.Claim
}

func clusters(claims []*facts.Claim) []cluster {
	return clustersBy(claims, (*facts.Claim).ValueString)
}

// clustersBy is clusters by another key than the value alone.
func clustersBy(claims []*facts.Claim, key func(*facts.Claim) string) []cluster {
	var out []cluster
	index := map[string]int{}
	last := -1 // the cluster of the claim before: the next one often shares it
	for _, c := range claims {
		v := key(c)
		if last >= 0 && v == key(out[last].claims[0]) {
			out[last].claims = append(out[last].claims, c)
			continue
		}
		if i, ok := index[v]; ok {
			out[i].claims = append(out[i].claims, c)
			last = i
			continue
		}
		index[v] = len(out)
		last = len(out)
		out = append(out, cluster{value: c.Value, claims: []*facts.Claim{c}})
	}
	return out
}

// sizes are the numbers of claims of clusters.
func sizes(cs []cluster) []int {
	out := make([]int, len(cs))
	for i, cl := range cs {
		out[i] = len(cl.claims)
	}
	return out
}

// name is how reports call a source.
func (j *judge) name(id facts.SourceID) string {
	if s := j.corpus.Source(id); s != nil {
		return s.Name
	}
	return string(id)
}

// asOfWords describes when a source was written: "January 2015", "2023 or later".
func (j *judge) asOfWords(id facts.SourceID) string {
	s := j.corpus.Source(id)
	if s == nil || s.AsOf.IsZero() {
		return "undated"
	}
	return s.AsOf.Human()
}

func lineList(claims []*facts.Claim) string {
	var nums []string
	seen := map[int]bool{}
	for _, c := range claims {
		if !seen[c.Line] {
			seen[c.Line] = true
			nums = append(nums, strconv.Itoa(c.Line))
		}
	}
	if len(nums) == 1 {
		return "line " + nums[0]
	}
	return "lines " + strings.Join(nums, ", ")
}

// refs says where claims are: "START (lines 21, 81), Jamestown (line 12) and
// Wikipedia (line 46)"; past listMax sources, "… and 2,713 more sources".
func (j *judge) refs(claims []*facts.Claim) string {
	ids, by := j.bySource(claims)
	return joinSome(len(ids), "source", func(i int) string {
		return j.name(ids[i]) + " (" + lineList(by[i]) + ")"
	})
}

// sourcesWithDates lists sources with when they were written: "START (January
// 2015) and Jamestown (2008)".
func (j *judge) sourcesWithDates(claims []*facts.Claim) string {
	ids := j.sourcesOf(claims)
	return joinSome(len(ids), "source", func(i int) string {
		return j.name(ids[i]) + " (" + j.asOfWords(ids[i]) + ")"
	})
}

// listMax is how many items an explanation names before it counts the rest: at
// newsroom scale a value can stand in thousands of sources, and a sentence that
// names them all is not read. Every claim stays in the conflict and the reports.
const listMax = 4

// joinSome joins n items like joinAnd, naming at most listMax of them and counting
// the rest with their noun: "A (line 3), B (line 9), C (line 1), D (line 4) and
// 2,713 more sources". It formats only the items it names.
func joinSome(n int, noun string, item func(int) string) string {
	if n <= listMax+1 {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = item(i)
		}
		return joinAnd(parts)
	}
	parts := make([]string, listMax)
	for i := range parts {
		parts[i] = item(i)
	}
	return strings.Join(parts, ", ") + " and " + counted(n-listMax, "more "+noun)
}

// valuesMax is how many values an explanation names before it counts the rest:
// a count stated by a thousand sources comes in dozens of values, each a few
// words and up to listMax sources, and a sentence that names them all is not
// read. The conflict and the reports hold every claim.
const valuesMax = 6

// joinValues joins an explanation's parts, one per value, with "; ". Past
// valuesMax+1 values it names the valuesMax that the most claims give (claims[i]
// is part i's number), in their order, and counts the rest: "…; and 45 other
// values in 80 more claims".
func joinValues(parts []string, claims []int) string {
	if len(parts) <= valuesMax+1 {
		return strings.Join(parts, "; ")
	}
	named, others := pick.Heaviest(len(parts), valuesMax, func(i int) int { return claims[i] })
	rest := 0
	for _, i := range others {
		rest += claims[i]
	}
	kept := make([]string, len(named))
	for k, i := range named {
		kept[k] = parts[i]
	}
	return strings.Join(kept, "; ") + "; and " + counted(len(parts)-valuesMax, "other value") + " in " + counted(rest, "more claim")
}

// joinCapped is joinSome over strings already made.
func joinCapped(parts []string, noun string) string {
	return joinSome(len(parts), noun, func(i int) string { return parts[i] })
}

// counted says "1 more source", "2,713 more sources".
func counted(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return grouped(float64(n)) + " " + noun
}

// contradictsItself says which sources state two values that disagree: one
// sentence per source, or one for all of them past listMax.
func contradictsItself(b *strings.Builder, names []string) {
	if len(names) <= listMax+1 {
		for _, name := range names {
			fmt.Fprintf(b, " %s contradicts itself.", capitalize(name))
		}
		return
	}
	fmt.Fprintf(b, " %s each contradict themselves.", capitalize(joinCapped(names, "source")))
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func countWord(n int) string {
	if n >= 0 && n < 10 {
		return [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n]
	}
	return strconv.Itoa(n)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// phrase names the event a conflict is about: "the killing of Kazem Rajavi in
// Geneva", "MEK's move to Iraq".
func (j *judge) phrase(c *Conflict) string {
	subject := c.Subject.Name
	switch c.Predicate {
	case facts.Founded:
		return "the founding of " + subject
	case facts.MovedTo:
		return possessive(subject) + " move to " + c.Scope
	case facts.Left:
		return possessive(subject) + " departure from " + c.Scope
	case facts.Killed:
		p := "the killing of " + subject
		if where := j.groups[string(c.Subject.ID)+"|"+string(facts.KilledIn)]; len(where) > 0 && len(clusters(where)) == 1 {
			p += " in " + place(where[0]).Name
		}
		return p
	case facts.KilledIn:
		return "where " + subject + " was killed"
	case facts.Designated:
		return possessive(facts.WithArticle(c.Scope)) + " designation of " + subject + " as a terrorist organization"
	case facts.Delisted:
		return possessive(facts.WithArticle(c.Scope)) + " delisting of " + subject
	case facts.DelistingDecided:
		return possessive(facts.WithArticle(c.Scope)) + " decision to delist " + subject
	}
	return strings.ToLower(c.Title)
}

// selfContradictions names the sources that state two values that disagree.
func (j *judge) selfContradictions(s *split) []string {
	var out []string
	for _, id := range s.selfContradictions() {
		out = append(out, j.name(id))
	}
	return out
}

func (j *judge) explainDates(c *Conflict, s *split) string {
	var b strings.Builder
	cs := clusters(c.Claims)
	srcs := j.sourcesOf(c.Claims)
	if len(srcs) == 1 {
		parts := make([]string, len(cs))
		for i, cl := range cs {
			parts[i] = fmt.Sprintf("%s (%s)", facts.Human(cl.value), lineList(cl.claims))
		}
		fmt.Fprintf(&b, "%s gives %s dates for %s: %s.", j.name(srcs[0]), countWord(len(cs)), j.phrase(c), joinAnd(parts))
	} else {
		parts := make([]string, len(cs))
		for i, cl := range cs {
			parts[i] = fmt.Sprintf("%s in %s", facts.Human(cl.value), j.refs(cl.claims))
		}
		fmt.Fprintf(&b, "Sources disagree on the date of %s: %s.", j.phrase(c), joinValues(parts, sizes(cs)))
		contradictsItself(&b, j.selfContradictions(s))
	}
	switch {
	case c.Class == Hard && len(cs) == 2:
		b.WriteString(" Both cannot be right.")
	case c.Class == Hard:
		b.WriteString(" The dates do not overlap, so they cannot all be right.")
	default:
		var why distinct
		for _, cl := range s.claims() {
			d := date(cl)
			switch {
			case d.Approx:
				why.add(fmt.Sprintf("%s words its date approximately (%q)", j.name(cl.Source), cl.Text))
			case d.YearFromContext:
				why.add(fmt.Sprintf("%s gives no year at line %d (%q), so the year was read from the sentences before it", j.name(cl.Source), cl.Line, cl.Text))
			}
		}
		if len(why.list) > 0 {
			b.WriteString(" The gap may be one of wording: " + joinCapped(why.list, "such claim") + ".")
		}
		if who := j.claimants(s); who != "" {
			b.WriteString(" " + who)
		}
	}
	return b.String()
}

// claimants says who stands behind each side when the sides come from different
// claimants: "The dates come from different claimants: the MEK (line 67) and the
// source's own account (line 280)."
func (j *judge) claimants(s *split) string {
	var parts distinct
	for _, c := range s.withOtherClaimant() {
		who := "its own account"
		if c.Claimant != "" {
			who = c.Attribution
		}
		parts.add(fmt.Sprintf("%s (%s line %d)", who, j.name(c.Source), c.Line))
	}
	if len(parts.list) == 0 {
		return ""
	}
	return "The values come from different claimants: " + joinCapped(parts.list, "claim") + "."
}

// distinct keeps strings in the order first added, each once.
type distinct struct {
	list []string
	seen map[string]bool
}

func (d *distinct) add(x string) {
	if d.seen[x] {
		return
	}
	if d.seen == nil {
		d.seen = map[string]bool{}
	}
	d.seen[x] = true
	d.list = append(d.list, x)
}

func (j *judge) explainPlaces(c *Conflict) string {
	cs := clusters(c.Claims)
	parts := make([]string, len(cs))
	for i, cl := range cs {
		parts[i] = fmt.Sprintf("%s in %s", facts.Human(cl.value), j.refs(cl.claims))
	}
	return fmt.Sprintf("Sources disagree on %s: %s. The places are different, so both cannot be right.", j.phrase(c), joinValues(parts, sizes(cs)))
}

// explainNow explains a disagreement about where the subject is based at present,
// dating the move between the countries from the move claims when there are any.
func (j *judge) explainNow(c *Conflict, camps map[string][]*facts.Claim, countries []string, newest string) string {
	var b strings.Builder
	subject := c.Subject.Name
	var older []*facts.Claim
	for _, country := range countries[:len(countries)-1] {
		cl := camps[country]
		older = append(older, cl...)
		fmt.Fprintf(&b, "%s %s %s in %s at the time of writing (%s). ", capitalize(j.sourcesWithDates(cl)), verb(names(j, cl), "puts", "put"), subject, country, j.quoteList(cl))
	}
	fmt.Fprintf(&b, "%s %s it in %s (%s).", capitalize(j.sourcesWithDates(camps[newest])), verb(names(j, camps[newest]), "places", "place"), newest, lineRefs(j, camps[newest]))

	moves := j.groups[string(c.Subject.ID)+"|"+string(facts.MovedTo)+"|"+newest]
	var move facts.Date
	if len(moves) > 0 {
		move = date(moves[0])
		for _, m := range moves[1:] {
			move = move.Union(date(m))
		}
		fmt.Fprintf(&b, " %s %s the move to %s to %s.", capitalize(j.refs(moves)), verb(names(j, moves), "dates", "date"), newest, move.Human())
	}
	if c.Class == Hard {
		for _, id := range j.sourcesOf(c.Claims) {
			if s := j.corpus.Source(id); s != nil && s.AsOf.IsZero() {
				fmt.Fprintf(&b, " %s has no as-of date, so its \"present\" cannot be placed in time.", capitalize(s.Name))
			}
		}
		b.WriteString(" The sources were written at overlapping times, so both cannot be right.")
		return b.String()
	}
	var before, during []string
	for _, id := range j.sourcesOf(older) {
		s := j.corpus.Source(id)
		if len(moves) > 0 && !s.AsOf.EndsBefore(move) {
			during = append(during, s.Name)
		} else {
			before = append(before, s.Name)
		}
	}
	switch {
	case len(moves) == 0:
		fmt.Fprintf(&b, " %s %s written earlier: outdated rather than wrong.", capitalize(joinCapped(before, "source")), wasWere(before))
	case len(during) == 0:
		fmt.Fprintf(&b, " %s %s the move: outdated rather than wrong.", capitalize(joinCapped(before, "source")), verb(before, "predates", "predate"))
	default:
		if len(before) > 0 {
			fmt.Fprintf(&b, " %s %s the move;", capitalize(joinCapped(before, "source")), verb(before, "predates", "predate"))
		}
		fmt.Fprintf(&b, " %s %s written while it was under way: outdated rather than wrong.", capitalize(joinCapped(during, "source")), wasWere(during))
	}
	return b.String()
}

func verb(subjects []string, one, many string) string {
	if len(subjects) == 1 {
		return one
	}
	return many
}

// names lists the names of the sources of claims.
func names(j *judge, claims []*facts.Claim) []string {
	var out []string
	for _, id := range j.sourcesOf(claims) {
		out = append(out, j.name(id))
	}
	return out
}

func wasWere(subjects []string) string { return verb(subjects, "was", "were") }

// quoteList quotes the first words of each source's claims: "START: “1981-present:
// Iraq”, line 29".
func (j *judge) quoteList(claims []*facts.Claim) string {
	ids, by := j.bySource(claims)
	return strings.Join(someParts(len(ids), func(i int) string {
		c := by[i][0]
		return fmt.Sprintf("%q, line %d", c.Text, c.Line)
	}), "; ")
}

func lineRefs(j *judge, claims []*facts.Claim) string {
	ids, by := j.bySource(claims)
	return strings.Join(someParts(len(ids), func(i int) string { return j.name(ids[i]) + " " + lineList(by[i]) }), "; ")
}

// someParts makes the parts of a list of n sources that names at most listMax of
// them and then counts the rest: […, "and 2,713 more sources"].
func someParts(n int, item func(int) string) []string {
	parts := make([]string, 0, min(n, listMax+1))
	for i := range n {
		if i == listMax && n > listMax+1 {
			return append(parts, "and "+counted(n-listMax, "more source"))
		}
		parts = append(parts, item(i))
	}
	return parts
}

func (j *judge) explainOverlap(c *Conflict, a, b *facts.Claim) string {
	if a.Source == b.Source {
		return fmt.Sprintf("%s puts %s in %s for %s (line %d) and in %s for %s (line %d); the periods overlap, so both cannot be right.",
			capitalize(j.name(a.Source)), c.Subject.Name, place(a).Country, a.When.Human(), a.Line, place(b).Country, b.When.Human(), b.Line)
	}
	return fmt.Sprintf("%s puts %s in %s for %s (line %d) while %s puts it in %s for %s (line %d); the periods overlap, so both cannot be right.",
		capitalize(j.name(a.Source)), c.Subject.Name, place(a).Country, a.When.Human(), a.Line, j.name(b.Source), place(b).Country, b.When.Human(), b.Line)
}
