package main

import (
	"errors"
	"fmt"

	"github.com/factcheck-tools/compare/internal/par"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// runSources lists each source with what the manifest says about it and how many
// claims were extracted from it.
func runSources(e *env, args []string) error {
	var cf corpusFlags
	fs := newFlags(e, "sources", "[DIR]")
	fs.corpus(&cf)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, err := corpusArg(rest)
	if err != nil {
		return err
	}
	l, err := load(e, dir, cf)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, claims := range l.claims {
		for _, c := range claims {
			counts[string(c.Source)]++
		}
	}
	t := tablewriter.NewTable(e.stdout,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(40),
	)
	t.Header("id", "file", "name", "title", "publisher", "kind", "as of", "as-of evidence", "sentences", "claims")
	// Loading splits into sentences only what may teach it names: the count is of
	// each text segmented whole, as extraction reads it, on every core.
	sentences := make([]int, len(l.corpus.Sources))
	errs := make([]error, len(l.corpus.Sources))
	par.Each(len(l.corpus.Sources), cf.workers, func(i int) {
		doc, err := l.corpus.Read(l.corpus.Sources[i])
		if err != nil {
			errs[i] = err
			return
		}
		sentences[i] = len(doc.Sentences)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, s := range l.corpus.Sources {
		asOf := s.AsOfText
		if asOf == "" {
			asOf = "unknown"
		}
		if err := t.Append(string(s.ID), s.File, s.Name, s.Title, s.Publisher, s.Kind, asOf, s.AsOfEvidence,
			fmt.Sprint(sentences[i]), fmt.Sprint(counts[string(s.ID)])); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if len(l.corpus.Learned) > 0 {
		fmt.Fprintf(e.stdout, "\nLearned from the texts (not in compare.yaml):\n")
		for _, x := range l.corpus.Learned {
			fmt.Fprintf(e.stdout, "  %s\n", x)
		}
	}
	return nil
}
