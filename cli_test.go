package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/internal/gencorpus"
	"github.com/factcheck-tools/compare/report"
)

// writes counts the writes made to it.
type writes struct {
	bytes.Buffer
	n int
}

func (w *writes) Write(p []byte) (int, error) {
	w.n++
	return w.Buffer.Write(p)
}

// TestBatchOutputIsBuffered: the commands that print a report write it through a
// buffer, a write per 64 KiB, not one per piece (on a file or a pipe each would be
// a system call, which made the HTML report on 1,000 sources three times slower).
// The interactive review is not buffered: its questions must show before it reads.
func TestBatchOutputIsBuffered(t *testing.T) {
	for _, args := range [][]string{
		{"report"}, {"report", "--format", "table"}, {"report", "--format", "json"}, {"report", "--format", "html"},
		{"facts"}, {"facts", "--format", "json"}, {"sources"}, {"check"}, {"check", "--format", "sarif"},
	} {
		var out, errs writes
		if code := run(args, nil, &out, &errs); code != 0 {
			t.Fatalf("compare %v: exit %d: %s", args, code, errs.String())
		}
		if max := out.Len()/(64<<10) + 1; out.n > max || out.n == 0 {
			t.Errorf("compare %v: %d bytes in %d writes, want 1 to %d", args, out.Len(), out.n, max)
		}
	}
}

// TestReviewShowsManySourcesAsTheCheckDoes: the interactive review sets the
// claims of up to five sources side by side; past that the columns would be too
// narrow to read, and the claims are quoted as the check quotes them, a dozen with
// file:line, and counted.
func TestReviewShowsManySourcesAsTheCheckDoes(t *testing.T) {
	conflict := func(sources, claims int) report.Conflict {
		c := report.Conflict{Title: "When X was founded", Class: "hard", ID: "abc", Explanation: "Sources disagree."}
		for i := range claims {
			src := fmt.Sprintf("s%02d", i%sources)
			c.Claims = append(c.Claims, report.Claim{Source: src, SourceName: "Source " + src, Path: "dossier/sources/" + src + ".txt",
				Line: i + 1, Text: "1965", Value: "1965", Before: "founded in ", Match: "1965", After: "."})
		}
		return c
	}
	var few, many bytes.Buffer
	showConflict(&few, 1, 2, conflict(5, 10), "dossier ")
	showConflict(&many, 2, 2, conflict(6, 30), "dossier ")
	if !strings.Contains(few.String(), "┌") || strings.Count(few.String(), "Source s0") != 5 {
		t.Errorf("five sources are not side by side:\n%s", few.String())
	}
	if strings.Contains(many.String(), "┌") || strings.Count(many.String(), "dossier/sources/") != 12 ||
		!strings.Contains(many.String(), "  … and 18 more claims: compare report dossier lists them all") {
		t.Errorf("six sources are not quoted as the check quotes them:\n%s", many.String())
	}
}

// TestReportClaimsFlag: --claims sets how many claims of each conflict the page
// and the table show; 0 shows all; a negative number is refused with exit 2.
func TestReportClaimsFlag(t *testing.T) {
	dir := t.TempDir()
	if _, err := gencorpus.WriteOptions(dir, gencorpus.Options{Sources: 60, Seed: 3, SourceBytes: 3000}); err != nil {
		t.Fatal(err)
	}
	table := func(args ...string) (string, int) {
		var out, errs bytes.Buffer
		code := run(append([]string{"report", dir, "--format", "table", "--no-cache"}, args...), nil, &out, &errs)
		return out.String() + errs.String(), code
	}
	if out, code := table("--claims", "5"); code != 0 || !strings.Contains(out, "   Shown: 5 of the ") {
		t.Errorf("--claims 5: exit %d, no conflict shows 5 of its claims", code)
	}
	if out, code := table("--claims", "0"); code != 0 || strings.Contains(out, "Shown:") || strings.Contains(out, "values over all") {
		t.Errorf("--claims 0: exit %d, or a conflict shows only some of its claims", code)
	}
	if out, code := table("--claims", "-1"); code != 2 || !strings.Contains(out, "compare: error: --claims -1: must be 0 or more") {
		t.Errorf("--claims -1: exit %d:\n%s", code, out)
	}
}

// TestChooseAmongMany: choose lists 20 answers and counts the rest; an answer is
// taken by its number or as written, and anything else is asked again.
func TestChooseAmongMany(t *testing.T) {
	var options []string
	for i := range 300 {
		options = append(options, fmt.Sprintf("s%03d", i))
	}
	for _, tc := range []struct {
		answers []string
		want    string
	}{{[]string{"7"}, "s006"}, {[]string{"s250"}, "s250"}, {[]string{"nope", "301", "300"}, "s299"}} {
		var w bytes.Buffer
		answers := tc.answers
		ask := func(string) (string, error) {
			a := answers[0]
			answers = answers[1:]
			return a, nil
		}
		got, err := choose(&w, ask, "which source?", options)
		if err != nil || got != tc.want {
			t.Errorf("answers %v: %q, %v; want %q", tc.answers, got, err, tc.want)
		}
		out := w.String()
		if strings.Count(out, ") s") != 22 || !strings.Contains(out, "  … and 280 more, from 21) s020 to 300) s299\n") {
			t.Errorf("the list:\n%s", out)
		}
	}
}
