package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes the report for a terminal: a summary, the sources, then each conflict
// as a heading, its explanation and difference, and a table of its claims with their
// quotes (built for reading, a conflict of many claims shows some of them, under a
// table of its values counted over all of them); the agreements close it.
func Table(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.f("%s\n\n", summary(r))
	p.table([]string{"id", "source", "as of", "claims", "title"}, func(add func(...string)) {
		for _, s := range r.Sources {
			add(s.ID, s.Name, s.AsOfHuman, fmt.Sprint(s.Claims), s.Title)
		}
	})
	for _, c := range r.Conflicts {
		intra := ""
		if c.IntraSource {
			intra = ", inside one source"
		}
		p.f("\n%d. %s [%s%s] id %s, %s\n", c.N, c.Title, c.Class, intra, c.ID, c.Review.Status)
		p.f("%s\n", Wrap(c.Explanation, 100, "   "))
		for _, d := range c.Diffs {
			p.f("   difference: %s\n", DiffText(d))
		}
		if c.MoreDiffs > 0 {
			p.f("   difference: %s\n", c.MoreDiffsText())
		}
		if v := verdictLine(c.Review); v != "" {
			p.f("%s\n", Wrap(v, 100, "   "))
		}
		for _, n := range c.Review.New {
			p.f("   new since the review: %s line %d: %s (%s)\n", n.SourceName, n.Line, n.Text, n.Value)
		}
		if c.Omitted > 0 {
			p.f("   The %d values over all %d claims:\n", len(c.Values), c.Total())
			p.table([]string{"value", "as first written", "claims", "sources"}, func(add func(...string)) {
				for _, v := range c.Values {
					add(v.Value, v.Text, fmt.Sprint(v.Claims), fmt.Sprint(v.Sources))
				}
			})
		}
		p.table([]string{"source", "line", "as written", "normalized", "quote"}, func(add func(...string)) {
			for _, cl := range c.Claims {
				quote := cl.Before + "»" + cl.Match + "«" + cl.After
				switch {
				case cl.Attribution != "" && cl.Claimant == "":
					quote = "(hedged: " + cl.Attribution + ") " + quote
				case cl.Attribution != "":
					quote = "(according to " + cl.Attribution + ") " + quote
				}
				if cl.Citation != "" {
					quote += " — cites " + cl.Citation
				}
				add(cl.SourceName, fmt.Sprint(cl.Line), cl.Text, cl.Value, quote)
			}
		})
		if c.Omitted > 0 {
			p.f("   Shown: %d of the %d claims, taken in turn from each value. The Markdown and JSON reports list all of them.\n", len(c.Claims), c.Total())
		}
	}
	if len(r.Agreements) > 0 {
		p.f("\nAgreements: the same fact stated by two or more sources.\n")
		p.table([]string{"fact", "value", "as stated", "sources"}, func(add func(...string)) {
			for _, a := range r.Agreements {
				add(a.Title, a.Value, strings.Join(a.Values, "; "), strings.Join(a.SourceNames, ", "))
			}
		})
	}
	return p.err
}

// table renders rows with tablewriter, wrapping long cells.
func (p *printer) table(header []string, rows func(add func(...string))) {
	if p.err != nil {
		return
	}
	t := tablewriter.NewTable(p.w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(60),
	)
	t.Header(anySlice(header)...)
	rows(func(cells ...string) {
		if err := t.Append(anySlice(cells)...); err != nil && p.err == nil {
			p.err = err
		}
	})
	if err := t.Render(); err != nil && p.err == nil {
		p.err = err
	}
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// Wrap breaks text into lines of at most width columns, each starting with indent;
// a word longer than a line has a line of its own. Words are written straight into
// the result: a check on thousands of sources wraps megabytes of explanations.
func Wrap(text string, width int, indent string) string {
	var b strings.Builder
	b.Grow(len(indent) + len(text) + (len(text)/max(width-len(indent), 1)+1)*(len(indent)+1))
	b.WriteString(indent)
	n := len(indent) // the length of the line being written
	for w := range strings.FieldsSeq(text) {
		if n > len(indent) {
			if n+1+len(w) > width {
				b.WriteByte('\n')
				b.WriteString(indent)
				n = len(indent)
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
