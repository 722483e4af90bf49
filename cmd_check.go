package main

import (
	"fmt"
	"path"

	"github.com/factcheck-tools/compare/report"
)

type checkOptions struct {
	format string
}

// runCheck is the CI gate: it exits 0 when every conflict is reviewed, 1 when any
// is not (or has changed since its review), 2 on bad input.
func runCheck(e *env, args []string) error {
	var o checkOptions
	var cf corpusFlags
	fs := newFlags(e, "check", "[DIR]")
	fs.corpus(&cf)
	fs.StringVar(&o.format, "format", "text", "output format: text, github (workflow annotations), sarif (SARIF 2.1.0) or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, err := corpusArg(rest)
	if err != nil {
		return err
	}
	switch o.format {
	case "text", "github", "sarif", "json":
	default:
		return &usageError{fmt.Sprintf("unknown format %q: must be one of text, github, sarif, json", o.format), ""}
	}
	l, err := load(e, dir, cf)
	if err != nil {
		return err
	}
	res, orphaned := l.judge()
	build := report.BuildForCheck // the text and the annotations quote a few claims of each conflict
	if o.format == "sarif" || o.format == "json" {
		build = report.Build
	}
	r := build(res, l.label, orphaned...)
	r.Reviews = path.Join(l.corpus.Dir, l.corpus.ReviewsFile)
	switch o.format {
	case "github":
		err = report.GitHub(e.stdout, r)
	case "sarif":
		err = report.SARIF(e.stdout, r, version)
	case "json":
		err = report.JSON(e.stdout, r)
	default:
		arg := ""
		if dir != "" {
			arg = dir + " "
		}
		err = report.CheckText(e.stdout, r, arg)
	}
	if err != nil {
		return err
	}
	if len(r.Pending()) > 0 {
		return errFindings
	}
	return nil
}
