package main

import (
	"fmt"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/report"
)

type factsOptions struct {
	source    string
	predicate string
	format    string
}

// runFacts lists every extracted claim with its evidence.
func runFacts(e *env, args []string) error {
	var o factsOptions
	var cf corpusFlags
	fs := newFlags(e, "facts", "[DIR]")
	fs.corpus(&cf)
	fs.StringVar(&o.source, "source", "", "show only the claims of this source id")
	fs.StringVar(&o.predicate, "predicate", "", "show only this predicate or fact family (founded, moved-to, home-base, killed, …)")
	fs.StringVar(&o.format, "format", "table", "output format: table or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, err := corpusArg(rest)
	if err != nil {
		return err
	}
	if o.format != "table" && o.format != "json" {
		return &usageError{fmt.Sprintf("unknown format %q: must be table or json", o.format), ""}
	}
	if o.predicate != "" {
		if _, ok := facts.Predicate(o.predicate).Spec(); !ok && !knownFamily(o.predicate) {
			return &usageError{fmt.Sprintf("unknown predicate %q: must be a predicate (%s) or a family (%s)", o.predicate, joinComma(facts.Predicates()), joinComma(families())), ""}
		}
	}
	l, err := load(e, dir, cf)
	if err != nil {
		return err
	}
	if o.source != "" && l.corpus.Source(facts.SourceID(o.source)) == nil {
		var ids []string
		for _, s := range l.corpus.Sources {
			ids = append(ids, string(s.ID))
		}
		return &usageError{fmt.Sprintf("unknown source %q: the corpus has %s", o.source, joinComma(ids)), ""}
	}
	var shown []facts.Claim
	for _, claims := range l.claims {
		for _, c := range claims {
			spec, _ := c.Predicate.Spec()
			if o.source != "" && string(c.Source) != o.source {
				continue
			}
			if o.predicate != "" && string(c.Predicate) != o.predicate && spec.Family != o.predicate {
				continue
			}
			shown = append(shown, c)
		}
	}
	if o.format == "json" {
		return writeClaimsJSON(e, l.corpus, shown)
	}
	t := tablewriter.NewTable(e.stdout,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(50),
	)
	t.Header("source", "line", "rule", "subject", "predicate", "as written", "normalized")
	for _, c := range shown {
		pred := string(c.Predicate)
		if c.Scope != "" {
			pred += " " + c.Scope
		}
		if err := t.Append(string(c.Source), fmt.Sprint(c.Line), c.Rule, c.Subject.Name, pred, c.Text, c.Normalized()); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%d claims\n", len(shown))
	return err
}

func writeClaimsJSON(e *env, c *facts.Corpus, claims []facts.Claim) error {
	rows := make([]report.ClaimRow, 0, len(claims))
	for _, cl := range claims {
		rows = append(rows, report.ClaimRow{
			Source: string(cl.Source), File: c.Source(cl.Source).File, Line: cl.Line, Start: cl.Span.Start, End: cl.Span.End,
			Subject: cl.Subject.Name, SubjectID: string(cl.Subject.ID), Predicate: string(cl.Predicate), Scope: cl.Scope,
			Key: cl.Key(), Text: cl.Text, Value: cl.Normalized(), Kind: cl.Value.Kind().String(), Quote: cl.Quote,
			Section: cl.Section, Rule: cl.Rule, Attribution: cl.Attribution, Citation: cl.Citation,
		})
	}
	return report.WriteClaimRows(e.stdout, rows)
}

func joinComma(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}
