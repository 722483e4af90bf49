// Package report renders what judging found: Markdown to paste, a table to read in
// a terminal, and JSON for machines. Each format is a function of an io.Writer and
// one view model built here; renderers write, they do not decide. Output is
// byte-stable: everything is sorted upstream, nothing depends on map order or the
// clock.
package report

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/par"
	"github.com/factcheck-tools/compare/internal/pick"
)

// Schema is the version of the JSON contract.
const Schema = "compare.report/v1"

// Report is the view model every renderer reads.
type Report struct {
	Subject    string
	Corpus     string // the corpus folder as the user named it ("seeds (embedded)")
	Sources    []Source
	Claims     int
	ByClass    []ClassCount
	Conflicts  []Conflict
	Agreements []Agreement
	Orphaned   []Orphan
	ByStatus   []ClassCount // conflicts by review status
	Reviews    string       // the reviews file, as shown
	Timelines  []Timeline   // the subject's home base and membership over time (see AddContext)

	result *compare.Result // what Build read, for AddContext
}

// Source is one row of the sources summary.
type Source struct {
	ID, File, Name, Title, Publisher string
	AsOf                             string // EDTF, as in the manifest
	AsOfHuman                        string
	AsOfEvidence                     string
	Claims                           int
}

// ClassCount is the number of conflicts of one class.
type ClassCount struct {
	Class string
	N     int
}

// Conflict is one conflict, ready to print.
type Conflict struct {
	N           int
	ID, Key     string
	Subject     string
	Predicate   string
	Family      string
	Title       string
	Class       string
	IntraSource bool
	Explanation string
	Claims      []Claim
	Omitted     int          // claims left out of Claims by BuildForCheck or BuildForReading
	Values      []ValueCount // its claims' values, each counted over all of them, Omitted or not (see CountValues)
	Sources     []SourceRef  // the sources of all its claims, in first-seen order (see CountValues)
	Diffs       []Diff
	MoreDiffs   int // the other answers Diffs leaves out (see diffs)
	Review      Review
	// claims are its claims as they are, which BuildForJSON gives instead of
	// Claims.
	claims []*facts.Claim
}

// MoreDiffsText says how many answers the differences leave out.
func (c Conflict) MoreDiffsText() string {
	return fmt.Sprintf("… and %d more %s", c.MoreDiffs, plural(c.MoreDiffs, "value", "values"))
}

// Total is the number of the conflict's claims, shown or Omitted.
func (c Conflict) Total() int { return len(c.Claims) + c.Omitted }

// ValueCount is one normalized value of a conflict's claims, counted: the page
// sums up a conflict whose claims it shows only some of, and offers the values as
// the one held correct.
type ValueCount struct {
	Value, Text     string // normalized; as its first claim writes it
	Claims, Sources int
}

// SourceRef names a source.
type SourceRef struct{ ID, Name string }

// Claim is one piece of evidence in a conflict.
type Claim struct {
	Source, SourceName, File string
	Path                     string // the file as CI tools should name it: the corpus folder and the file
	Line, Start, End         int
	Column, EndColumn        int // 1-based, counted in Unicode code points
	Text, Value              string
	Quote                    string
	Before, Match, After     string // the quote split around the claimed words
	ContextBefore            string // the sentence before the quote in its paragraph or list (see AddContext)
	ContextAfter             string // the sentence after it
	quote                    facts.Span
	Attribution, Citation    string
	Claimant                 string // normalized; "" when the source speaks for itself or only hedges
	Rule, Section            string
}

// Review is a conflict's review status: its verdict and, when the conflict has
// changed since, the claims the review did not cover.
type Review struct {
	Status, Verdict, Note, By, At string
	Value, Stale                  string
	New                           []Claim
}

// Orphan is a review whose conflict no longer appears. It stays in reviews.yaml.
type Orphan struct {
	ID, Key, Title, Verdict string
	Line                    int
}

// Agreement is a fact two or more sources confirm.
type Agreement struct {
	Key, Title, Family string
	Value              string
	Values             []string
	Sources            []string
	SourceNames        []string
}

// Diff marks how one value differs from another, word by word.
type Diff struct {
	From, To string
	Ops      []DiffOp
}

// DiffOp is a run of words kept, removed or added.
type DiffOp struct {
	Op   int // -1 removed, 0 kept, +1 added
	Text string
}

// Build makes the view model from a result whose reviews have been applied
// (compare.ApplyReviews); orphaned are the reviews that matched no conflict.
func Build(res *compare.Result, corpusLabel string, orphaned ...*compare.Review) *Report {
	return build(res, corpusLabel, viewOf{diffs: true}, orphaned)
}

// BuildForJSON is Build for JSON alone: the contract carries no differences of
// the values, which are not worked out, and of each claim only what the result
// holds, which JSON writes from the claims themselves (Conflict.claims) rather
// than from views of them. Its conflicts hold no Claims for the other formats.
func BuildForJSON(res *compare.Result, corpusLabel string, orphaned ...*compare.Review) *Report {
	return build(res, corpusLabel, viewOf{asIs: true}, orphaned)
}

// BuildForCheck is Build for what compare check prints as text or annotations:
// each conflict holds only the claims the check quotes (see someClaims), and
// Omitted counts the others. At newsroom scale the conflicts hold hundreds of
// thousands of claims, and a check quotes a dozen of each.
func BuildForCheck(res *compare.Result, corpusLabel string, orphaned ...*compare.Review) *Report {
	return build(res, corpusLabel, viewOf{quotes: checkQuotes, diffs: true}, orphaned)
}

// BuildForReading is Build for the formats a person reads through, the page and
// the terminal table: each conflict holds at most ReadingClaims claims, taken in
// turn from each value (CountValues counts the values over all of them); Omitted
// counts the others. A conflict on a thousand sources holds a thousand claims,
// most of them one value in the same words: a page that shows them all is
// hundreds of megabytes that no browser opens, and a table of them scrolls past
// unread.
func BuildForReading(res *compare.Result, corpusLabel string, orphaned ...*compare.Review) *Report {
	return BuildShowing(res, corpusLabel, ReadingClaims, orphaned...)
}

// BuildShowing is BuildForReading keeping n claims of each conflict; 0 keeps all.
func BuildShowing(res *compare.Result, corpusLabel string, n int, orphaned ...*compare.Review) *Report {
	return build(res, corpusLabel, viewOf{quotes: max(n, 0), diffs: true}, orphaned)
}

// ReadingClaims is how many claims of a conflict BuildForReading keeps.
const ReadingClaims = 24

// viewOf is what a build puts in each conflict's view: with quotes > 0 only
// that many of its claims (someOf), with diffs the differences of its values,
// and with asIs its claims as they are (Conflict.claims) instead of views.
type viewOf struct {
	quotes int
	diffs  bool
	asIs   bool
}

func build(res *compare.Result, corpusLabel string, of viewOf, orphaned []*compare.Review) *Report {
	c := res.Corpus
	r := &Report{Subject: c.Profile.Subject.Name, Corpus: corpusLabel, Claims: len(res.Claims), result: res}
	counts := map[facts.SourceID]int{}
	for i := 0; i < len(res.Claims); { // by runs: the claims come by source
		k := i + 1
		for k < len(res.Claims) && res.Claims[k].Source == res.Claims[i].Source {
			k++
		}
		counts[res.Claims[i].Source] += k - i
		i = k
	}
	for _, s := range c.Sources {
		r.Sources = append(r.Sources, Source{
			ID: string(s.ID), File: baseName(s.File), Name: s.Name, Title: s.Title, Publisher: s.Publisher,
			AsOf: s.AsOfText, AsOfHuman: asOfHuman(s), AsOfEvidence: s.AsOfEvidence, Claims: counts[s.ID],
		})
	}
	// Each conflict's view is made on its own, on all cores, into its place.
	r.Conflicts = make([]Conflict, len(res.Conflicts))
	par.Each(len(res.Conflicts), 0, func(i int) {
		r.Conflicts[i] = conflictView(c, i, res.Conflicts[i], of)
	})
	byClass := map[string]int{}
	byStatus := map[string]int{}
	for _, v := range r.Conflicts {
		byClass[v.Class]++
		byStatus[v.Review.Status]++
	}
	for _, cls := range compare.Classes() {
		r.ByClass = append(r.ByClass, ClassCount{Class: cls.String(), N: byClass[cls.String()]})
	}
	for _, st := range []compare.Status{compare.Unreviewed, compare.Changed, compare.Reviewed} {
		r.ByStatus = append(r.ByStatus, ClassCount{Class: st.String(), N: byStatus[st.String()]})
	}
	for _, o := range orphaned {
		r.Orphaned = append(r.Orphaned, Orphan{ID: o.ID, Key: o.Key, Title: o.Title, Verdict: o.Verdict.String(), Line: o.Line})
	}
	for _, a := range res.Agreements {
		v := Agreement{Key: a.Key, Title: a.Title, Family: a.Family, Value: a.Value, Values: a.Values}
		for _, id := range a.Sources {
			v.Sources = append(v.Sources, string(id))
			v.SourceNames = append(v.SourceNames, c.Source(id).Name)
		}
		r.Agreements = append(r.Agreements, v)
	}
	return r
}

// conflictView is the view of the i-th conflict, made as of says.
func conflictView(c *facts.Corpus, i int, cf *compare.Conflict, of viewOf) Conflict {
	v := Conflict{
		N: i + 1, ID: cf.ID, Key: cf.Key, Subject: cf.Subject.Name, Predicate: string(cf.Predicate),
		Family: cf.Family, Title: cf.Title, Class: cf.Class.String(), IntraSource: cf.IntraSource,
		Explanation: cf.Explanation, Review: reviewView(c, cf.State),
	}
	claims := cf.Claims
	if of.asIs {
		v.claims = claims
		return v
	}
	if of.quotes > 0 {
		claims = someOf(claims, of.quotes, (*facts.Claim).Normalized)
		v.Omitted = len(cf.Claims) - len(claims)
	}
	v.Claims = make([]Claim, len(claims))
	for k, cl := range claims {
		v.Claims[k] = claimView(c, cl)
	}
	if of.diffs {
		v.Diffs, v.MoreDiffs = diffs(cf.Sides)
	}
	return v
}

// valueCounts are the distinct normalized values of claims, in first-seen order,
// with how many claims and sources give each.
func valueCounts(claims []*facts.Claim) []ValueCount {
	var out []ValueCount
	at := map[string]int{}
	type given struct {
		value  string
		source facts.SourceID
	}
	seen := map[given]bool{}
	for _, cl := range claims {
		value := cl.Normalized()
		i, ok := at[value]
		if !ok {
			i, at[value] = len(out), len(out)
			out = append(out, ValueCount{Value: value, Text: cl.Text})
		}
		out[i].Claims++
		if g := (given{value, cl.Source}); !seen[g] {
			seen[g] = true
			out[i].Sources++
		}
	}
	return out
}

// CountValues gives every conflict its values counted and its sources, over all
// its claims, for the formats that show only some of them (BuildForReading).
func CountValues(r *Report) {
	res := r.result
	if res == nil {
		return
	}
	c := res.Corpus
	par.Each(len(r.Conflicts), 0, func(i int) {
		v, cf := &r.Conflicts[i], res.Conflicts[i]
		v.Values = valueCounts(cf.Claims)
		ids := cf.Sources()
		v.Sources = make([]SourceRef, 0, len(ids))
		for _, id := range ids {
			v.Sources = append(v.Sources, SourceRef{string(id), c.Source(id).Name})
		}
	})
}

// AddContext adds what the page (HTML) shows beyond the other renderers: the
// timelines; the values counted (CountValues); and on every quote the sentences
// around it in its source. It reads again only the sources the conflicts quote,
// on all cores, each once and let go once its quotes have their neighbours.
func AddContext(r *Report, c *facts.Corpus) {
	if r.result != nil && r.Timelines == nil {
		r.Timelines = timelines(r.result)
	}
	CountValues(r)
	// The quotes of each source, in the order of the page.
	bySource := make([][]*Claim, len(c.Sources))
	add := func(cl *Claim) {
		if i := c.SourceIndexOf(facts.SourceID(cl.Source)); i >= 0 {
			bySource[i] = append(bySource[i], cl)
		}
	}
	for i := range r.Conflicts {
		for j := range r.Conflicts[i].Claims {
			add(&r.Conflicts[i].Claims[j])
		}
		for j := range r.Conflicts[i].Review.New {
			add(&r.Conflicts[i].Review.New[j])
		}
	}
	par.Each(len(bySource), 0, func(i int) {
		quoted := bySource[i]
		if len(quoted) == 0 {
			return
		}
		spans := make([]facts.Span, len(quoted))
		for k, cl := range quoted {
			spans[k] = cl.quote
		}
		// A source that cannot be read again shows its quotes without context.
		around, err := c.Around(c.Sources[i], spans)
		if err != nil {
			return
		}
		for k, cl := range quoted {
			cl.ContextBefore, cl.ContextAfter = around[k][0], around[k][1]
		}
	})
}

func reviewView(c *facts.Corpus, st compare.ReviewState) Review {
	if st.Status == 0 {
		st.Status = compare.Unreviewed
	}
	v := Review{Status: st.Status.String()}
	if rv := st.Review; rv != nil {
		v.Verdict, v.Note, v.By, v.At, v.Value, v.Stale = rv.Verdict.String(), rv.Note, rv.By, rv.At, rv.Value, rv.Stale
	}
	for _, cl := range st.New {
		v.New = append(v.New, claimView(c, cl))
	}
	return v
}

func asOfHuman(s *facts.Source) string {
	if s.AsOf.IsZero() {
		return "unknown"
	}
	return s.AsOf.Human()
}

func baseName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func claimView(c *facts.Corpus, cl *facts.Claim) Claim {
	src := c.Source(cl.Source)
	v := Claim{
		Source: string(cl.Source), SourceName: src.Name, File: baseName(src.File), Path: src.Path,
		Line: cl.Line, Start: cl.Span.Start, End: cl.Span.End, Column: cl.Column, EndColumn: cl.EndColumn,
		quote: cl.QuoteSpan,
		Text:  cl.Text, Value: cl.Normalized(), Quote: cl.Quote,
		Attribution: cl.Attribution, Claimant: cl.Claimant, Citation: cl.Citation, Rule: cl.Rule, Section: cl.Section,
	}
	if cl.QuoteSpan.Contains(cl.Span) {
		a, b := cl.Span.Start-cl.QuoteSpan.Start, cl.Span.End-cl.QuoteSpan.Start
		v.Before, v.Match, v.After = cl.Quote[:a], cl.Quote[a:b], cl.Quote[b:]
	} else {
		v.Before = cl.Quote
	}
	return v
}

// diffsMax is how many other answers a conflict's differences show: one line for
// each of fifty values measured against the first is noise, and the explanation
// names six values.
const diffsMax = 6

// diffs compares the first answer as written with each other answer as written:
// past diffsMax others, with those the most claims give, in their order. It
// returns how many it leaves out.
func diffs(sides []compare.Side) ([]Diff, int) {
	others := sides[min(1, len(sides)):]
	kept, left := pick.Heaviest(len(others), diffsMax, func(i int) int { return len(others[i].Claims) })
	var out []Diff
	for _, i := range kept {
		out = append(out, Diff{From: sides[0].Text, To: others[i].Text, Ops: WordDiff(sides[0].Text, others[i].Text)})
	}
	return out, len(left)
}

// WordDiff marks the words that differ between a and b, using go-diff over words
// rather than characters so that "April" and "February" read as whole words.
func WordDiff(a, b string) []DiffOp {
	index := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, w := range tokens(s) {
			r, ok := index[w]
			if !ok {
				r = rune(0xE000 + len(words)) // private-use runes stand for words
				index[w] = r
				words = append(words, w)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	var out []DiffOp
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(words[r-0xE000])
		}
		op := map[diffmatchpatch.Operation]int{diffmatchpatch.DiffDelete: -1, diffmatchpatch.DiffEqual: 0, diffmatchpatch.DiffInsert: 1}[d.Type]
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text.String()
			continue
		}
		out = append(out, DiffOp{Op: op, Text: text.String()})
	}
	return out
}

// tokens splits text into words and the single characters between them.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
