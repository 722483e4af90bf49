package main

import (
	"fmt"

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
	for _, c := range l.claims {
		counts[string(c.Source)]++
	}
	t := tablewriter.NewTable(e.stdout,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(40),
	)
	t.Header("id", "file", "name", "title", "publisher", "kind", "as of", "as-of evidence", "sentences", "claims")
	for _, s := range l.corpus.Sources {
		// Loading splits into sentences only what may teach it names; the count is
		// of the text segmented whole, as extraction reads it.
		doc, err := l.corpus.Read(s)
		if err != nil {
			return err
		}
		asOf := s.AsOfText
		if asOf == "" {
			asOf = "unknown"
		}
		if err := t.Append(string(s.ID), s.File, s.Name, s.Title, s.Publisher, s.Kind, asOf, s.AsOfEvidence,
			fmt.Sprint(len(doc.Sentences)), fmt.Sprint(counts[string(s.ID)])); err != nil {
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
