package report

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes the report as Markdown a fact-checker can paste: a summary, the
// sources, each conflict with its explanation, the difference between its values
// and every quote with the claimed words in bold, then the agreements.
func Markdown(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.f("# Discrepancies about %s\n\n", md(r.Subject))
	p.f("%s\n\n", summary(r))
	p.f("## Sources\n\n")
	p.f("| id | source | title | publisher | as of | claims |\n|---|---|---|---|---|---:|\n")
	for _, s := range r.Sources {
		p.f("| `%s` | %s | %s | %s | %s | %d |\n", s.ID, cell(s.Name), cell(s.Title), cell(s.Publisher), cell(s.AsOfHuman), s.Claims)
	}
	p.f("\n## Conflicts\n\n")
	if len(r.Conflicts) == 0 {
		p.f("No conflicts found.\n\n")
	}
	for _, c := range r.Conflicts {
		p.f("### %d. %s\n\n", c.N, md(c.Title))
		p.f("**%s**%s · status: %s · id `%s` · key `%s`\n\n", c.Class, intraLabel(c), c.Review.Status, c.ID, c.Key)
		p.f("%s\n\n", md(c.Explanation))
		if v := verdictLine(c.Review); v != "" {
			p.f("%s\n\n", md(v))
		}
		for _, n := range c.Review.New {
			p.f("New since the review: **%s**, line %d: %s → `%s`\n\n", md(n.SourceName), n.Line, code(n.Text), n.Value)
		}
		for _, d := range c.Diffs {
			p.f("Difference: %s\n\n", diffMarkdown(d))
		}
		if c.MoreDiffs > 0 {
			p.f("Difference: %s\n\n", c.MoreDiffsText())
		}
		for _, cl := range c.Claims {
			p.f("- **%s**, line %d: %s → `%s`", md(cl.SourceName), cl.Line, code(cl.Text), cl.Value)
			p.f("%s", attributionMarkdown(cl))
			p.f("\n  > %s%s%s\n", md(cl.Before), bold(cl.Match), md(cl.After))
			if cl.Citation != "" {
				p.f("  >\n  > cites: %s\n", md(cl.Citation))
			}
		}
		p.f("\n")
	}
	if len(r.Orphaned) > 0 {
		p.f("## Orphaned reviews\n\nThese reviews match no conflict any more; they are kept in %s.\n\n", md(r.Reviews))
		for _, o := range r.Orphaned {
			p.f("- line %d: `%s` %s (%s)\n", o.Line, o.ID, md(o.Title), o.Verdict)
		}
		p.f("\n")
	}
	p.f("## Agreements\n\n")
	if len(r.Agreements) == 0 {
		p.f("No fact is stated alike by two or more sources.\n")
		return p.err
	}
	p.f("The same fact stated by two or more sources, in words that may differ.\n\n")
	p.f("| fact | value | as stated | sources |\n|---|---|---|---|\n")
	for _, a := range r.Agreements {
		p.f("| %s | `%s` | %s | %s |\n", cell(a.Title), a.Value, cell(strings.Join(a.Values, "; ")), cell(strings.Join(a.SourceNames, ", ")))
	}
	return p.err
}

// printer writes formatted text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// attributionMarkdown says who a claim is attributed to: a named claimant, or the
// source hedging ("it is said").
func attributionMarkdown(cl Claim) string {
	switch {
	case cl.Attribution == "":
		return ""
	case cl.Claimant == "":
		return fmt.Sprintf(" (hedged: “%s”)", md(cl.Attribution))
	}
	return fmt.Sprintf(" (according to %s)", md(cl.Attribution))
}

// verdictLine says what the review decided: "Reviewed by Ana on 2026-11-22:
// confirmed. Note: …".
func verdictLine(rv Review) string {
	if rv.Verdict == "" {
		return ""
	}
	s := "Reviewed"
	if rv.By != "" {
		s += " by " + rv.By
	}
	if rv.At != "" {
		s += " on " + rv.At
	}
	s += ": " + rv.Verdict
	switch {
	case rv.Value != "":
		s += " (" + rv.Value + " is right)"
	case rv.Stale != "":
		s += " (" + rv.Stale + " is out of date)"
	}
	s += "."
	if rv.Note != "" {
		s += " " + rv.Note
	}
	return s
}

func summary(r *Report) string {
	var parts []string
	for _, c := range r.ByClass {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.N, c.Class))
		}
	}
	classes := ""
	if len(parts) > 0 {
		classes = " (" + strings.Join(parts, ", ") + ")"
	}
	var st []string
	for _, c := range r.ByStatus {
		if c.N > 0 {
			st = append(st, fmt.Sprintf("%d %s", c.N, c.Class))
		}
	}
	statuses := ""
	if len(st) > 0 {
		statuses = " Reviews: " + strings.Join(st, ", ") + "."
	}
	return fmt.Sprintf("Corpus %s: %d sources, %d claims, %d conflicts%s, %d agreements.%s",
		r.Corpus, len(r.Sources), r.Claims, len(r.Conflicts), classes, len(r.Agreements), statuses)
}

func intraLabel(c Conflict) string {
	if c.IntraSource {
		return " · inside one source"
	}
	return ""
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `&lt;`, ">", `&gt;`, "#", `\#`, "~", `\~`, "|", `\|`)

// md escapes text so Markdown shows it as written.
func md(s string) string { return mdEscaper.Replace(s) }

// cell escapes text for a Markdown table cell, where "|" ends the cell.
func cell(s string) string { return strings.ReplaceAll(md(s), "\n", " ") }

func bold(s string) string {
	if s == "" {
		return ""
	}
	return "**" + md(s) + "**"
}

func code(s string) string {
	if strings.Contains(s, "`") {
		return "``" + s + "``"
	}
	return "`" + s + "`"
}

// diffMarkdown marks removed words struck through and added words in bold:
// 24 ~~April~~ **February** 1990.
func diffMarkdown(d Diff) string {
	var b strings.Builder
	for i, op := range d.Ops {
		switch op.Op {
		case -1:
			b.WriteString(wrapTrimmed(md(op.Text), "~~"))
		case 1:
			if i > 0 && d.Ops[i-1].Op == -1 {
				b.WriteString(" ")
			}
			b.WriteString(wrapTrimmed(md(op.Text), "**"))
		default:
			b.WriteString(md(op.Text))
		}
	}
	return b.String()
}

// wrapTrimmed puts marks around the words of s, leaving its outer spaces outside, as
// Markdown requires.
func wrapTrimmed(s, mark string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return s
	}
	i := strings.Index(s, t)
	return s[:i] + mark + t + mark + s[i+len(t):]
}

// DiffText marks removed and added words in plain text: 24 [-April-][+February+] 1990.
func DiffText(d Diff) string {
	var b strings.Builder
	for _, op := range d.Ops {
		switch op.Op {
		case -1:
			b.WriteString("[-" + op.Text + "-]")
		case 1:
			b.WriteString("[+" + op.Text + "+]")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
