package gencorpus

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// meta is what the manifest says about one source, and the size it aims for.
type meta struct {
	index                                  int
	id, file, name, title, publisher, kind string
	asOf                                   day
	asOfPrec                               precision // year or month
	asOfText, evidence                     string
	size                                   int
}

// newMeta draws source i's kind, date, publisher and size, and its plan. The first
// sources play fixed parts (see plan): a recent encyclopedia and an older profile
// that state most facts, then sources that carry one kind of discrepancy each.
func newMeta(w *world, r *rand.Rand, i, mean int) (*meta, plan) {
	m := &meta{index: i, id: fmt.Sprintf("s%05d", i), asOfPrec: precMonth}
	m.file = "sources/" + m.id + ".txt"
	var p plan
	lastMove := w.bases[len(w.bases)-1].from.y
	prevMove := w.bases[len(w.bases)-2].from.y
	lo := max(w.subject.founded.y+14, 1986)
	switch i {
	case 0:
		m.kind, p.thorough = "encyclopedia", true
		lo = lastMove + 2
	case 1:
		m.kind, p.thorough = "research-profile", true
		lo = max(lo, prevMove+1)
	case 2:
		m.kind, p.wrongFounding = "news-analysis", true
		lo = lastMove + 2
	case 3:
		m.kind, p.misspell, p.wrongExpand, p.thorough = "advocacy-blog", true, true, true
		lo = lastMove + 1
	case 4:
		m.kind, p.selfContra, p.thorough = "encyclopedia", true, true
	default:
		m.kind = pickWeighted(r, sourceKinds, []int{30, 25, 25, 20})
	}
	hi := lastYear
	if i == 1 {
		hi = lastMove - 1
	}
	y := lo + int(float64(hi-lo+1)*math.Pow(r.Float64(), 0.6))
	y = min(max(y, lo), hi)
	for step := 1; w.busy[y]; step++ {
		// Step outwards from a busy year to the nearest quiet one in range.
		if c := y + step; c <= hi && !w.busy[c] {
			y = c
		} else if c := y - step; c >= lo && !w.busy[c] {
			y = c
		} else if step > 60 {
			break
		}
	}
	m.asOf = day{y, 1 + r.IntN(12), 1}
	if m.kind == "encyclopedia" {
		m.asOfPrec = precYear
	}
	m.asOfText = m.asOf.edtf(m.asOfPrec)
	dateWords := monthNames[m.asOf.m] + " " + strconv.Itoa(y)
	switch m.kind {
	case "encyclopedia":
		m.evidence = `"Last revised ` + strconv.Itoa(y) + `"`
	case "research-profile":
		m.evidence = `"Last Update ` + dateWords + `"`
	case "news-analysis":
		m.evidence = "dateline " + dateWords
	default:
		m.evidence = `"Posted ` + dateWords + `"`
	}
	m.publisher = pick(r, publishers[m.kind])
	m.name = strings.TrimPrefix(m.publisher, "The ") + " " + strconv.Itoa(i+1)
	s := w.subject
	switch m.kind {
	case "encyclopedia":
		m.title = s.name
	case "research-profile":
		m.title = pick(r, []string{s.name + " (" + s.acronym + ") Profile", "Group Profile: " + s.name, s.name + ": Background and Structure"})
	case "news-analysis":
		m.title = pick(r, []string{"The " + s.acronym + " and the Politics of Life Abroad", "What the " + s.acronym + " Wants Now",
			"Inside the " + s.alias, "A Movement That Refuses to Fade", "Old Grievances, New Patrons"})
	default:
		m.title = pick(r, []string{"Why the " + s.acronym + " Still Matters", "The " + s.acronym + " Is Not What You Think",
			"Letters on the " + s.alias, "Who Speaks for the Coast?", "Notes from the Families"})
	}
	m.size = int(float64(mean) * (0.44 + 1.6*math.Pow(r.Float64(), 5.0/3)))
	return m, p
}

func pickWeighted(r *rand.Rand, xs []string, weights []int) string {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return xs[i]
		}
		n -= w
	}
	return xs[len(xs)-1]
}

// sectionSpec is one section of a kind of source: its heading, the statements it
// holds, the topics of its filler and its share of the filler.
type sectionSpec struct {
	heading  string
	secs     []int
	topics   []string
	weight   float64
	optional bool // left out when the source has nothing to say in it
}

// layouts give each kind of source its sections, in order. Statements whose place
// a layout lacks go to its first section that holds history. A heading that starts
// with % is made per source: %base is an encyclopedia's heading for today's base
// ("Settlement in Estonia (2014–present)"), %sub a subheading drawn at random,
// %founded the founding label and its value, %designations a list per authority.
var layouts = map[string][]sectionSpec{
	"encyclopedia": {
		{"", []int{secLead}, []string{"gen"}, 0.05, false},
		{"History", []int{secHistory}, []string{"gen", "society"}, 0.2, false},
		{"Ideology", nil, []string{"ideology"}, 0.09, false},
		{"Home base", []int{listBase}, []string{"exile"}, 0.03, true},
		{"%base", []int{secBase}, []string{"exile"}, 0.07, false},
		{"Membership", []int{secMembers}, []string{"society", "finance"}, 0.08, false},
		{"Leadership", []int{secLeaders}, []string{"gen"}, 0.07, false},
		{"Designation as a terrorist organization", []int{secDesignation}, []string{"diplomacy"}, 0.09, false},
		{"Attacks and incidents", []int{secIncidents}, []string{"gen"}, 0.09, false},
		{"Finances", nil, []string{"finance"}, 0.06, false},
		{"Media", nil, []string{"media"}, 0.06, false},
		{"Reception", nil, []string{"method", "gen"}, 0.08, false},
	},
	"research-profile": {
		{"History", []int{secHistory, secBase}, []string{"gen", "society"}, 0.25, false},
		{"Home Base", []int{listBase}, []string{"exile"}, 0.05, true},
		{"%founded", []int{labelFounded}, nil, 0, false},
		{"Strength", []int{secMembers, listMembers}, []string{"society"}, 0.08, false},
		{"Leadership and Structure over Time", []int{secLeaders, listLeaders}, []string{"gen"}, 0.08, false},
		{"%designations", []int{listDesignation, secDesignation}, nil, 0, false},
		{"Major Incidents", []int{secIncidents}, []string{"gen"}, 0.14, false},
		{"Ideology and Aims", nil, []string{"ideology"}, 0.12, false},
		{"Funding", nil, []string{"finance"}, 0.1, false},
		{"Analysis", nil, []string{"method", "diplomacy"}, 0.18, false},
	},
	"news-analysis": {
		{"", []int{secLead, secBase}, []string{"news"}, 0.15, false},
		{"%sub", []int{secHistory}, []string{"gen", "news"}, 0.25, false},
		{"%sub", []int{secMembers, secLeaders}, []string{"society", "news"}, 0.2, false},
		{"%sub", []int{secDesignation, secIncidents}, []string{"diplomacy", "news"}, 0.25, false},
		{"%sub", nil, []string{"method", "news"}, 0.15, false},
	},
	"advocacy-blog": {
		{"", []int{secLead, secHistory}, []string{"opinion", "gen"}, 0.3, false},
		{"%sub", []int{secMembers, secLeaders, secBase}, []string{"opinion", "exile"}, 0.25, false},
		{"%sub", []int{secDesignation, secIncidents}, []string{"opinion", "diplomacy"}, 0.25, false},
		{"%sub", nil, []string{"opinion", "society"}, 0.2, false},
	},
}

var subheadings = []string{"A long road abroad", "Counting the faithful", "Friends in high places", "What comes next", "The family business",
	"Old wounds", "Money and loyalty", "The view from the coast", "Between two capitals", "A question of trust", "Silence and speech"}

// sourceWriter writes one source: header, sections with statements and filler,
// references.
type sourceWriter struct {
	w      *world
	r      *rand.Rand
	m      *meta
	out    *bufio.Writer
	n      int // bytes written
	refs   []string
	buf    []byte
	towns  []*place
	prose  *expander
	bullet string // one bullet style per source
}

func (sw *sourceWriter) write(s string) {
	n, _ := sw.out.WriteString(s) // errors stay in the bufio.Writer until Flush
	sw.n += n
}

// slot fills the grammar's names of the world.
func (sw *sourceWriter) slot(name string) string {
	w, r := sw.w, sw.r
	switch name {
	case "SHORT":
		return pick(r, []string{"the " + w.subject.acronym, "the " + w.subject.acronym, "the group", "the " + w.subject.name})
	case "ORG":
		return "the " + w.subject.name
	case "CITY":
		return pick(r, sw.towns).name
	case "COUNTRY":
		return pick(r, w.bases).country
	case "PERSON":
		if now := w.leadersAt(sw.m.asOf); len(now) > 0 {
			return pick(r, now).who.name()
		}
		return w.founders[1].name()
	case "ALIAS":
		return w.subject.alias
	case "COUNCIL":
		return w.council.name
	case "ARMY":
		return w.army.name
	}
	return name
}

// cite glues a footnote marker to a statement, in the style of the source: "[3]"
// after the full stop or on the last word, or " (2)" after the full stop. The
// work cited appeared no earlier than year, the year the statement is about.
func (sw *sourceWriter) cite(s string, year int) string {
	n := len(sw.refs) + 1
	if len(sw.refs) > 0 && year == 0 && sw.r.IntN(4) == 0 {
		n = 1 + sw.r.IntN(len(sw.refs))
	} else {
		sw.refs = append(sw.refs, sw.reference(year))
	}
	num := strconv.Itoa(n)
	if sw.m.kind == "news-analysis" {
		return s + " (" + num + ")"
	}
	if strings.HasSuffix(s, ".") && sw.r.IntN(2) == 0 {
		return s[:len(s)-1] + "[" + num + "]."
	}
	return s + "[" + num + "]"
}

// reference draws a work a source cites, published after year and before the
// source's date.
func (sw *sourceWriter) reference(year int) string {
	r := sw.r
	y := strconv.Itoa(between(r, min(max(1975, sw.w.subject.founded.y+5, year), sw.m.asOf.y), sw.m.asOf.y))
	title := pick(r, refTitleA) + " and " + pick(r, refTitleB)
	author, pub := pick(r, refAuthors), pick(r, refPubs)
	switch sw.m.kind {
	case "news-analysis":
		last, first, _ := strings.Cut(author, ". ")
		return first + ", " + last + ". (" + y + "). " + title + ". " + pub + "."
	case "advocacy-blog":
		return title + ", " + pub + ", " + y + "."
	}
	return author + `, "` + title + `," ` + pub + ", " + y + "."
}

// citeRate is how often a statement carries a footnote, by kind of source.
var citeRate = map[string]float64{"encyclopedia": 0.6, "research-profile": 0.8, "news-analysis": 0.35, "advocacy-blog": 0.3}

// heading writes a section heading in the style of the source.
func (sw *sourceWriter) heading(h string) {
	if sw.m.kind == "encyclopedia" {
		sw.write("== " + h + " ==\n\n")
		return
	}
	sw.write(h + "\n\n")
}

// writeSource writes source m with the statements t decided, to size.
func (sw *sourceWriter) writeSource(t *teller) {
	m := sw.m
	layout := layouts[m.kind]
	placed := make([][]item, len(layout))
	fallback := 0
	where := map[int]int{}
	for i, spec := range layout {
		for _, s := range spec.secs {
			where[s] = i
		}
	}
	for i, spec := range layout {
		if contains(spec.secs, secHistory) {
			fallback = i
		}
	}
	factBytes := 0
	for _, it := range t.items {
		if it.sec == secLead && m.kind == "research-profile" {
			continue // the aliases line, written by header
		}
		i, ok := where[it.sec]
		if !ok {
			i = fallback
		}
		placed[i] = append(placed[i], it)
		factBytes += len(it.text) + 8
	}
	for i := range placed {
		sort.SliceStable(placed[i], func(a, b int) bool { return placed[i][a].order < placed[i][b].order })
	}
	total := 0.0
	for _, spec := range layout {
		total += spec.weight
	}
	filler := max(m.size/2, m.size-factBytes)

	sw.header(t)
	subs := append([]string(nil), subheadings...)
	sw.r.Shuffle(len(subs), func(i, j int) { subs[i], subs[j] = subs[j], subs[i] })
	for i, spec := range layout {
		budget := int(float64(filler) * spec.weight / total)
		h := spec.heading
		switch h {
		case "%base":
			if t.baseHeading == "" {
				h = "Life abroad"
			} else {
				h = t.baseHeading
			}
		case "%sub":
			h, subs = subs[0], subs[1:]
		case "%founded":
			sw.label(placed[i])
			continue
		case "%designations":
			sw.designationLists(placed[i])
			continue
		}
		if len(placed[i]) == 0 && spec.optional {
			continue
		}
		if h != "" {
			sw.heading(h)
		}
		sw.section(placed[i], spec.topics, budget)
	}
	sw.references()
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// header writes what opens a source: its title and date lines.
func (sw *sourceWriter) header(t *teller) {
	m := sw.m
	month := monthNames[m.asOf.m] + " " + strconv.Itoa(m.asOf.y)
	switch m.kind {
	case "research-profile":
		sw.write(m.publisher + "\n\n" + m.title + "\n\nLast Update\n\n" + month + "\n\n")
		for _, it := range t.items {
			if it.sec == secLead {
				sw.write("Aliases\n\n" + it.text + "\n\n")
			}
		}
	case "news-analysis":
		sw.write(m.title + "\n\n" + pick(sw.r, []string{"Analysis", "Long read", "Briefing"}) + " | " + month + "\n\n")
	case "advocacy-blog":
		sw.write(m.title + "\n\nPosted " + month + "\n\n")
	}
}

// section writes a section's lists and its paragraphs: statements spread over
// paragraphs of filler until the budget is spent and every statement is placed.
func (sw *sourceWriter) section(items []item, topics []string, budget int) {
	var prose, list []item
	for _, it := range items {
		switch {
		case it.sec == listBase || it.sec == listMembers || it.sec == listLeaders:
			list = append(list, it)
		default:
			prose = append(prose, it)
		}
	}
	start := sw.n
	if len(list) > 0 {
		if len(topics) > 0 && sw.r.IntN(2) == 0 {
			sw.paragraph(nil, topics, between(sw.r, 1, 3))
		}
		for _, it := range list {
			sw.listItem(it)
		}
		sw.write("\n")
	}
	if len(topics) == 0 {
		return
	}
	paras := max(1, (budget-(sw.n-start))/800)
	// Paragraphs run until the budget is all but spent: half a paragraph short,
	// so that the last one ends near it rather than past it.
	for len(prose) > 0 || sw.n-start+400 < budget {
		k := 0
		if len(prose) > 0 {
			k = (len(prose) + paras - 1) / paras
		}
		sw.paragraph(prose[:k], topics, between(sw.r, 3, 8))
		prose = prose[k:]
		paras = max(1, paras-1)
	}
}

// paragraph writes one paragraph of n sentences with the given statements among
// them, in order, at random places.
func (sw *sourceWriter) paragraph(facts []item, topics []string, n int) {
	n = max(n, len(facts)+1)
	at := make([]bool, n)
	for _, i := range sw.r.Perm(n)[:len(facts)] {
		at[i] = true
	}
	topic := pick(sw.r, topics)
	rate := citeRate[sw.m.kind]
	buf := sw.buf[:0]
	for i := range n {
		if i > 0 {
			buf = append(buf, ' ')
		}
		if at[i] {
			s := facts[0].text
			if chance(sw.r, rate) {
				s = sw.cite(s, facts[0].order)
			}
			facts = facts[1:]
			buf = append(buf, s...)
			continue
		}
		from := len(buf)
		buf = sw.prose.sentence(buf, topic)
		if sw.r.IntN(12) == 0 {
			s := sw.cite(string(buf[from:]), 0)
			buf = append(buf[:from], s...)
		}
	}
	buf = append(buf, "\n\n"...)
	sw.write(string(buf))
	sw.buf = buf
}

// listItem writes a bulleted item, sometimes with a footnote.
func (sw *sourceWriter) listItem(it item) {
	s := it.text
	if chance(sw.r, citeRate[sw.m.kind]) {
		s = sw.cite(s, it.order)
	}
	if sw.bullet == "" {
		sw.bullet = pick(sw.r, []string{"  \u2022 ", "\u2022 ", "* ", "- "})
	}
	sw.write(sw.bullet + s + "\n")
}

// label writes a label on its own line followed by its value: "Founding Year",
// then "1971".
func (sw *sourceWriter) label(items []item) {
	for _, it := range items {
		sw.write(pick(sw.r, []string{"Founding Year", "Year Founded", "Founded"}) + "\n\n" + it.text + "\n\n")
	}
}

// designationLists writes one list per authority under its own heading.
func (sw *sourceWriter) designationLists(items []item) {
	var prose []item
	group := ""
	for _, it := range items {
		if it.sec != listDesignation {
			prose = append(prose, it)
			continue
		}
		if it.group != group {
			if group != "" {
				sw.write("\n")
			}
			group = it.group
			sw.heading(group)
		}
		sw.listItem(it)
	}
	if group != "" {
		sw.write("\n")
	}
	if len(prose) > 0 {
		sw.heading("Designations in Context")
		sw.section(prose, []string{"diplomacy"}, 0)
	}
}

// references writes the reference list, and for an encyclopedia the revision line.
func (sw *sourceWriter) references() {
	m := sw.m
	if len(sw.refs) > 0 {
		switch m.kind {
		case "encyclopedia":
			sw.heading("References")
		case "advocacy-blog":
			sw.heading("Sources")
		}
		for i, ref := range sw.refs {
			n := strconv.Itoa(i + 1)
			if m.kind == "news-analysis" {
				sw.write("(" + n + ") - " + ref + "\n\n")
			} else {
				sw.write("[" + n + "] " + ref + "\n\n")
			}
		}
	}
	if m.kind == "encyclopedia" {
		sw.write("Last revised " + strconv.Itoa(m.asOf.y) + "\n")
	}
}
