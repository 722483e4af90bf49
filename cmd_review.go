package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/report"
)

type reviewOptions struct {
	verdict, note, value, stale, by, at string
}

// runReview records verdicts in reviews.yaml. With a conflict id and --verdict it
// records one, for scripts; without an id it walks the conflicts that need a review
// one at a time, reading the editor's answers from standard input, and "q" stops
// keeping what was decided. Every verdict is written at once, atomically.
func runReview(e *env, args []string) error {
	var o reviewOptions
	var cf corpusFlags
	fs := newFlags(e, "review", "[DIR] [ID]")
	fs.corpus(&cf)
	fs.StringVar(&o.verdict, "verdict", "", "the verdict: confirmed, false-alarm, resolved or outdated")
	fs.StringVar(&o.note, "note", "", "a note for the record")
	fs.StringVar(&o.value, "value", "", "for resolved: the value held correct (one of the conflict's values)")
	fs.StringVar(&o.stale, "stale", "", "for outdated: the id of the source that is out of date")
	fs.StringVar(&o.by, "by", "", "who decided (default: git config user.name, else $USER)")
	fs.StringVar(&o.at, "at", "", "the date of the verdict, YYYY-MM-DD (default: today)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, id, err := reviewArgs(rest)
	if err != nil {
		return err
	}
	if o.at == "" {
		o.at = time.Now().UTC().Format("2006-01-02")
	} else if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(o.at) {
		return &usageError{fmt.Sprintf("--at %q is not a date: write YYYY-MM-DD", o.at), ""}
	}
	if o.by == "" {
		o.by = whoAmI()
	}
	l, err := load(e, dir, cf)
	if err != nil {
		return err
	}
	if l.root == "" {
		return &usageError{"the embedded corpus is read-only", "review a corpus on disk: start one with 'compare init DIR'"}
	}
	res, _ := l.judge()
	if id == "" {
		if o.verdict != "" {
			return &usageError{"--verdict needs the id of a conflict", "give the id (from compare check), or leave out --verdict to review one by one"}
		}
		arg := ""
		if dir != "" {
			arg = dir + " "
		}
		return reviewInteractively(e, l, res, o, arg)
	}
	c, err := compare.FindConflict(res, id)
	if err != nil {
		return &usageError{err.Error(), "run 'compare check' to list the conflicts and their ids"}
	}
	if o.verdict == "" {
		return &usageError{"give a verdict with --verdict", "one of confirmed, false-alarm, resolved, outdated"}
	}
	v, ok := compare.ParseVerdict(o.verdict)
	if !ok {
		return &usageError{fmt.Sprintf("unknown verdict %q: must be one of confirmed, false-alarm, resolved, outdated", o.verdict), ""}
	}
	rv, err := verdictFor(c, v, o)
	if err != nil {
		return err
	}
	if err := record(l, rv); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "recorded: %s is %s (%s)\n", c.ID, rv.Verdict, l.reviewsPath())
	return nil
}

// reviewArgs reads [DIR] [ID]: one argument is a folder when it is one, else an id.
func reviewArgs(rest []string) (dir, id string, err error) {
	switch len(rest) {
	case 0:
		return "", "", nil
	case 1:
		if info, err := os.Stat(rest[0]); err == nil && (info.IsDir() || strings.HasSuffix(rest[0], facts.ManifestName)) {
			return rest[0], "", nil
		}
		return "", rest[0], nil
	case 2:
		return rest[0], rest[1], nil
	}
	return "", "", &usageError{fmt.Sprintf("too many arguments: %s (expected [DIR] [ID])", strings.Join(rest, " ")), ""}
}

// verdictFor checks a verdict's arguments against the conflict and makes the review.
func verdictFor(c *compare.Conflict, v compare.Verdict, o reviewOptions) (*compare.Review, error) {
	value, stale := "", ""
	switch v {
	case compare.Resolved:
		var values []string
		for _, cl := range c.Claims {
			if o.value == cl.Normalized() || o.value == cl.Text || o.value == cl.Value.String() {
				value = cl.Normalized()
			}
			values = appendNew(values, cl.Normalized())
		}
		if value == "" {
			return nil, &usageError{fmt.Sprintf("--value %q is not one of the conflict's values: %s", o.value, strings.Join(values, ", ")), "resolved needs the value held correct"}
		}
	case compare.Outdated:
		var ids []string
		for _, s := range c.Sources() {
			if string(s) == o.stale {
				stale = o.stale
			}
			ids = appendNew(ids, string(s))
		}
		if stale == "" {
			return nil, &usageError{fmt.Sprintf("--stale %q is not one of the conflict's sources: %s", o.stale, strings.Join(ids, ", ")), "outdated needs the source that is out of date"}
		}
	default:
		if o.value != "" || o.stale != "" {
			return nil, &usageError{"--value goes with resolved and --stale with outdated", ""}
		}
	}
	return compare.NewReview(c, v, value, stale, o.note, o.by, o.at), nil
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// record adds a review to reviews.yaml and writes the file atomically.
func record(l *loaded, rv *compare.Review) error {
	if err := l.reviews.Add(rv); err != nil {
		return err
	}
	data, err := l.reviews.Bytes()
	if err != nil {
		return err
	}
	return facts.WriteAtomic(l.reviewsPath(), data)
}

// isTerminal reports whether r (a reader or a writer) is a character device, such
// as a terminal.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// whoAmI is who records a verdict: git's user.name, else $USER.
func whoAmI() string {
	if out, err := exec.Command("git", "config", "user.name").Output(); err == nil {
		if name := strings.TrimSpace(string(out)); name != "" {
			return name
		}
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "unknown"
}

// errQuit ends the walk: the editor typed q, or the input ended.
var errQuit = errors.New("quit")

// reviewInteractively walks the conflicts that need a review. For each it shows the
// explanation, the difference between the values and the evidence (side by side
// for a few sources), then asks for a verdict and a note (and, for resolved, which
// value is right; for outdated, which source is out of date).
func reviewInteractively(e *env, l *loaded, res *compare.Result, o reviewOptions, corpusArg string) error {
	in := bufio.NewScanner(e.stdin)
	// Answers piped in from a file are echoed, so that the transcript reads like a
	// session at a terminal.
	echo := !isTerminal(e.stdin)
	ask := func(prompt string) (string, error) {
		fmt.Fprint(e.stdout, prompt)
		if !in.Scan() {
			fmt.Fprintln(e.stdout)
			return "", errQuit
		}
		a := strings.TrimSpace(in.Text())
		if echo {
			fmt.Fprintln(e.stdout, a)
		}
		return a, nil
	}
	view := report.Build(res, l.label)
	var pending []int
	for i, c := range res.Conflicts {
		if c.State.Status != compare.Reviewed {
			pending = append(pending, i)
		}
	}
	if len(pending) == 0 {
		fmt.Fprintf(e.stdout, "Nothing to review: all %d conflicts are reviewed.\n", len(res.Conflicts))
		return nil
	}
	done := 0
	for n, i := range pending {
		c, v := res.Conflicts[i], view.Conflicts[i]
		showConflict(e.stdout, n+1, len(pending), v, corpusArg)
		rv, err := askVerdict(e.stdout, ask, c, o)
		if errors.Is(err, errQuit) {
			break
		}
		if err != nil {
			return err
		}
		if rv == nil {
			continue // skipped
		}
		if err := record(l, rv); err != nil {
			return err
		}
		done++
		fmt.Fprintf(e.stdout, "recorded: %s is %s\n", c.ID, rv.Verdict)
	}
	fmt.Fprintf(e.stdout, "\n%d verdicts recorded in %s; %d conflicts still need a review.\n", done, l.reviewsPath(), len(pending)-done)
	return nil
}

// sideBySide is how many sources' claims showConflict sets side by side at most.
const sideBySide = 5

// showConflict shows the n-th of the conflicts pending a review; corpusArg is the
// corpus as the command named it, with a space, or "".
func showConflict(w io.Writer, n, of int, c report.Conflict, corpusArg string) {
	intra := ""
	if c.IntraSource {
		intra = ", inside one source"
	}
	fmt.Fprintf(w, "\n[%d/%d] %s  (%s%s, id %s, %s)\n", n, of, c.Title, c.Class, intra, c.ID, c.Review.Status)
	fmt.Fprintf(w, "%s\n", report.Wrap(c.Explanation, 100, "  "))
	for _, d := range c.Diffs {
		fmt.Fprintf(w, "  difference: %s\n", report.DiffText(d))
	}
	if c.MoreDiffs > 0 {
		fmt.Fprintf(w, "  difference: %s\n", c.MoreDiffsText())
	}
	// The evidence side by side: one column per source, for a few sources; past
	// that the columns would be too narrow to read, and the claims are quoted as
	// the check quotes them.
	bySource := map[string][]report.Claim{}
	var order []string
	for _, cl := range c.Claims {
		if _, ok := bySource[cl.SourceName]; !ok {
			order = append(order, cl.SourceName)
		}
		bySource[cl.SourceName] = append(bySource[cl.SourceName], cl)
	}
	if len(order) > sideBySide {
		_ = report.Quotes(w, c, corpusArg)
		return
	}
	var header []any
	var cells []any
	for _, name := range order {
		header = append(header, name)
		var b strings.Builder
		for k, cl := range bySource[name] {
			if k > 0 {
				b.WriteString("\n\n")
			}
			fmt.Fprintf(&b, "line %d: %s → %s\n%s", cl.Line, cl.Text, cl.Value, cl.Before+"»"+cl.Match+"«"+cl.After)
		}
		cells = append(cells, b.String())
	}
	width := max(30, 100/max(1, len(order)))
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithRowMaxWidth(width))
	t.Header(header...)
	_ = t.Append(cells...)
	_ = t.Render()
}

func askVerdict(w io.Writer, ask func(string) (string, error), c *compare.Conflict, o reviewOptions) (*compare.Review, error) {
	for {
		a, err := ask("verdict: [c]onfirmed, [f]alse-alarm, [r]esolved, [o]utdated, [s]kip, [q]uit? ")
		if err != nil {
			return nil, err
		}
		var v compare.Verdict
		switch strings.ToLower(a) {
		case "c", "confirmed":
			v = compare.Confirmed
		case "f", "false-alarm":
			v = compare.FalseAlarm
		case "r", "resolved":
			v = compare.Resolved
		case "o", "outdated":
			v = compare.Outdated
		case "s", "skip", "":
			return nil, nil
		case "q", "quit":
			return nil, errQuit
		default:
			fmt.Fprintf(w, "  %q is not an answer.\n", a)
			continue
		}
		opts := o
		switch v {
		case compare.Resolved:
			var values []string
			for _, cl := range c.Claims {
				values = appendNew(values, cl.Normalized())
			}
			pick, err := choose(w, ask, "which value is right?", values)
			if err != nil {
				return nil, err
			}
			opts.value = pick
		case compare.Outdated:
			var ids []string
			for _, s := range c.Sources() {
				ids = append(ids, string(s))
			}
			pick, err := choose(w, ask, "which source is out of date?", ids)
			if err != nil {
				return nil, err
			}
			opts.stale = pick
		}
		note, err := ask("note (optional): ")
		if err != nil {
			return nil, err
		}
		opts.note = note
		return verdictFor(c, v, opts)
	}
}

// choose asks which of options is the answer, by its number or as written: the
// first chooseListed are listed with their numbers, the rest counted.
func choose(w io.Writer, ask func(string) (string, error), question string, options []string) (string, error) {
	for i, opt := range options[:min(len(options), chooseListed)] {
		fmt.Fprintf(w, "  %d) %s\n", i+1, opt)
	}
	if more := len(options) - chooseListed; more > 0 {
		fmt.Fprintf(w, "  … and %d more, from %d) %s to %d) %s\n", more, chooseListed+1, options[chooseListed], len(options), options[len(options)-1])
	}
	for {
		a, err := ask(fmt.Sprintf("%s [1-%d, or the answer itself] ", question, len(options)))
		if err != nil {
			return "", err
		}
		if a == "q" {
			return "", errQuit
		}
		if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(options) {
			return options[n-1], nil
		}
		if slices.Contains(options, a) {
			return a, nil
		}
		fmt.Fprintf(w, "  answer with a number from 1 to %d, or one of the answers as listed\n", len(options))
	}
}

// chooseListed is how many answers choose lists: a conflict at newsroom scale
// has hundreds of values or sources, which are typed rather than read.
const chooseListed = 20
