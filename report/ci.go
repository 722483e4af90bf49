package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The renderers of compare check: a list of what needs a review, GitHub Actions
// workflow annotations, and SARIF 2.1.0 for code-scanning tools. Reviewed
// conflicts pass; unreviewed and changed ones do not.

// Pending lists the conflicts that are not reviewed, in report order.
func (r *Report) Pending() []Conflict {
	var out []Conflict
	for _, c := range r.Conflicts {
		if c.Review.Status != "reviewed" {
			out = append(out, c)
		}
	}
	return out
}

// CheckText writes what CI needs to read: a one-line verdict, then each conflict
// that needs a review with its quotes and file:line, and the command that records
// a verdict.
func CheckText(w io.Writer, r *Report, corpusArg string) error {
	p := &printer{w: w}
	pending := r.Pending()
	switch {
	case len(r.Conflicts) == 0:
		p.f("compare check: no conflicts.\n")
	case len(pending) == 0 && len(r.Conflicts) == 1:
		p.f("compare check: the one conflict is reviewed.\n")
	case len(pending) == 0:
		p.f("compare check: all %d conflicts are reviewed.\n", len(r.Conflicts))
	default:
		changed := 0
		for _, c := range pending {
			if c.Review.Status == "changed" {
				changed++
			}
		}
		p.f("compare check: %d of %d conflicts need a review (%d unreviewed, %d changed since their review).\n",
			len(pending), len(r.Conflicts), len(pending)-changed, changed)
	}
	for _, c := range pending {
		intra := ""
		if c.IntraSource {
			intra = ", inside one source"
		}
		p.f("\n%s [%s%s] id %s: %s\n", c.Title, c.Class, intra, c.ID, c.Review.Status)
		p.f("%s\n", Wrap(c.Explanation, 100, "  "))
		for _, d := range c.Diffs {
			p.f("  difference: %s\n", DiffText(d))
		}
		if c.MoreDiffs > 0 {
			p.f("  difference: %s\n", c.MoreDiffsText())
		}
		if c.Review.Status == "changed" {
			p.f("%s\n", Wrap(verdictLine(c.Review)+" New since then:", 100, "  "))
			news := someClaims(c.Review.New, checkQuotes)
			for _, n := range news {
				p.f("    + %s:%d: %s → %s\n", n.Path, n.Line, n.Text, n.Value)
			}
			if more := len(c.Review.New) - len(news); more > 0 {
				p.f("    + … and %d more\n", more)
			}
		}
		p.quotes(c, corpusArg)
		p.f("  record a verdict: compare review %s%s --verdict confirmed|false-alarm|resolved|outdated --note \"…\"\n", corpusArg, c.ID)
	}
	for _, o := range r.Orphaned {
		p.f("\nnote: %s:%d: the review of %q (id %s) matches no conflict any more; it is kept.\n", r.Reviews, o.Line, o.Title, o.ID)
	}
	return p.err
}

// Quotes writes what the check quotes of a conflict: a dozen of its claims, each
// value among them, with file:line and an excerpt, and how many more there are.
func Quotes(w io.Writer, c Conflict, corpusArg string) error {
	p := &printer{w: w}
	p.quotes(c, corpusArg)
	return p.err
}

func (p *printer) quotes(c Conflict, corpusArg string) {
	shown := someClaims(c.Claims, checkQuotes)
	for _, cl := range shown {
		p.f("  %s:%d: %s → %s\n", cl.Path, cl.Line, cl.Text, cl.Value)
		p.f("    “%s”\n", excerpt(cl, 110))
	}
	if more := len(c.Claims) - len(shown) + c.Omitted; more > 0 {
		p.f("  … and %d more claims: compare report %slists them all\n", more, corpusArg)
	}
}

// checkQuotes is how many claims the check quotes per conflict. A conflict at
// newsroom scale can hold thousands; a CI log that quotes them all is not read.
const checkQuotes = 12

// someClaims picks at most n claims, in their order, taking them in turn from
// each value so that every value is quoted.
func someClaims(claims []Claim, n int) []Claim {
	return someOf(claims, n, func(c Claim) string { return c.Value })
}

// someOf picks at most n of xs, in their order, taking them in turn from each
// value so that every value is among them.
func someOf[T any](xs []T, n int, value func(T) string) []T {
	if len(xs) <= n {
		return xs
	}
	// Each value's first n places are all the rounds can take; claims of one
	// value often follow each other, and need no lookup.
	var values []string
	byValue := map[string]*[]int{}
	var cur *[]int
	var last string
	for i, x := range xs {
		if v := value(x); cur == nil || v != last {
			if cur = byValue[v]; cur == nil {
				cur = new([]int)
				byValue[v] = cur
				values = append(values, v)
			}
			last = v
		}
		if len(*cur) < n {
			*cur = append(*cur, i)
		}
	}
	take := make([]bool, len(xs))
	for round, taken := 0, 0; taken < n; round++ {
		for _, v := range values {
			if is := *byValue[v]; round < len(is) && taken < n {
				take[is[round]] = true
				taken++
			}
		}
	}
	out := make([]T, 0, n)
	for i, x := range xs {
		if take[i] {
			out = append(out, x)
		}
	}
	return out
}

// excerpt shortens a quote to about width characters around the claimed words,
// marking them with »«.
func excerpt(cl Claim, width int) string {
	before, after := []rune(cl.Before), []rune(cl.After)
	side := max(20, (width-len([]rune(cl.Match)))/2)
	b, a := string(before), string(after)
	if len(before) > side {
		b = "…" + string(before[len(before)-side:])
	}
	if len(after) > side {
		a = string(after[:side]) + "…"
	}
	return b + "»" + cl.Match + "«" + a
}

// GitHub writes GitHub Actions workflow commands: an annotation at each place in
// the sources that an unreviewed conflict quotes (as many as CheckText quotes) (for a changed conflict, at the
// claims that are new since its review), and a warning at each orphaned review.
func GitHub(w io.Writer, r *Report) error {
	p := &printer{w: w}
	for _, c := range r.Pending() {
		level := "error"
		if c.Class == "soft" || c.Class == "spelling" {
			level = "warning"
		}
		claims := c.Claims
		what := "unreviewed"
		if c.Review.Status == "changed" {
			claims, what = c.Review.New, "changed since its review"
		}
		// GitHub shows a few annotations per step: a conflict quoted in thousands of
		// places gets as many as the text output quotes.
		for _, cl := range someClaims(claims, checkQuotes) {
			title := fmt.Sprintf("compare: %s (%s, %s)", c.Title, c.Class, what)
			msg := fmt.Sprintf("%s\n%s:%d says %q (%s). Record a verdict with: compare review %s --verdict …", c.Explanation, cl.SourceName, cl.Line, cl.Text, cl.Value, c.ID)
			p.f("::%s file=%s,line=%d,col=%d,endColumn=%d,title=%s::%s\n", level, ghProperty(cl.Path), cl.Line, cl.Column, cl.EndColumn, ghProperty(title), ghData(msg))
		}
	}
	for _, o := range r.Orphaned {
		p.f("::warning file=%s,line=%d,title=%s::%s\n", ghProperty(r.Reviews), o.Line, ghProperty("compare: orphaned review"),
			ghData(fmt.Sprintf("The review of %q (id %s) matches no conflict any more. It is kept; delete it by hand if it is no longer wanted.", o.Title, o.ID)))
	}
	return p.err
}

// ghData escapes the message of a workflow command.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property of a workflow command.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// SARIF 2.1.0, as our own small structs (a library would add 2.5 MB for this).
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	ShortDescription sarifMessage `json:"shortDescription"`
	FullDescription  sarifMessage `json:"fullDescription"`
	Default          sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Fingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
	Message  *sarifMessage `json:"message,omitempty"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int          `json:"startLine"`
	StartColumn int          `json:"startColumn"`
	EndColumn   int          `json:"endColumn"`
	Snippet     sarifMessage `json:"snippet"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

var sarifRules = []sarifRule{
	{ID: "hard", Name: "HardConflict", ShortDescription: sarifMessage{"Sources state facts that cannot both be true."}, FullDescription: sarifMessage{"Two or more sources, or one source in two places, give incompatible values for the same fact."}, Default: sarifConfig{"error"}},
	{ID: "stale", Name: "StaleSource", ShortDescription: sarifMessage{"A source is out of date."}, FullDescription: sarifMessage{"The disagreement lies after one source's own date: that source is outdated rather than wrong."}, Default: sarifConfig{"warning"}},
	{ID: "soft", Name: "SoftConflict", ShortDescription: sarifMessage{"Sources disagree, but perhaps not irreconcilably."}, FullDescription: sarifMessage{"Approximate wording, different claimants, or a year against a decade."}, Default: sarifConfig{"warning"}},
	{ID: "spelling", Name: "Spelling", ShortDescription: sarifMessage{"A name is spelt differently, or an acronym expanded wrongly."}, FullDescription: sarifMessage{"The same entity written in two ways, found by the similarity rule, or an alias whose words do not spell its acronym."}, Default: sarifConfig{"note"}},
}

// sarifLocations is how many claims a SARIF result locates at most. GitHub's
// code scanning rejects a file with a result of more than 1,000 locations and
// shows 100; a conflict at newsroom scale quotes thousands of places.
const sarifLocations = 100

// SARIF writes SARIF 2.1.0: each conflict a result located at the claims it
// quotes (at most sarifLocations of them, taken in turn from each value; the
// others are counted in the message and in the omittedLocations property), with
// its id as a fingerprint; a reviewed conflict carries its verdict as an accepted
// suppression. Columns count Unicode code points, as the log declares.
func SARIF(w io.Writer, r *Report, version string) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "compare", Version: version, InformationURI: "https://github.com/factcheck-tools/compare", Rules: sarifRules}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for i, rule := range sarifRules {
		index[rule.ID] = i
	}
	for _, c := range r.Conflicts {
		res := sarifResult{
			RuleID: c.Class, RuleIndex: index[c.Class], Level: sarifRules[index[c.Class]].Default.Level,
			Message:      sarifMessage{Text: c.Title + ": " + c.Explanation},
			Fingerprints: map[string]string{"compareConflict/v1": c.ID},
			Properties:   map[string]any{"key": c.Key, "status": c.Review.Status, "intraSource": c.IntraSource},
		}
		shown := someClaims(c.Claims, sarifLocations)
		if more := len(c.Claims) - len(shown) + c.Omitted; more > 0 {
			res.Message.Text += fmt.Sprintf(" (Located at %d of its %d claims; compare report lists them all.)", len(shown), len(shown)+more)
			res.Properties["omittedLocations"] = more
		}
		for _, cl := range shown {
			res.Locations = append(res.Locations, sarifLocation{
				Physical: sarifPhysical{Artifact: sarifArtifact{URI: cl.Path}, Region: sarifRegion{StartLine: cl.Line, StartColumn: cl.Column, EndColumn: cl.EndColumn, Snippet: sarifMessage{Text: cl.Text}}},
				Message:  &sarifMessage{Text: fmt.Sprintf("%s: %s (%s)", cl.SourceName, cl.Text, cl.Value)},
			})
		}
		if c.Review.Status == "reviewed" {
			just := c.Review.Verdict
			if c.Review.Note != "" {
				just += ": " + c.Review.Note
			}
			res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: just}}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
