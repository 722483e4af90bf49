package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/report"
	"github.com/factcheck-tools/compare/seeds"
)

// version is the tool's version, as "compare version" prints it.
const version = "0.2.0"

// cacheVersion is what cache entries are written for: the version and the build of
// the running binary, so that a change to the code (a rule, a parser) never meets
// claims extracted by the old one, even before the version is raised.
var cacheVersion = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return version
	}
	f, err := os.Open(exe)
	if err != nil {
		return version
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return version
	}
	return version + "+" + hex.EncodeToString(h.Sum(nil))[:16]
})

// Exit codes, decided here and nowhere else.
const (
	exitOK       = 0
	exitFindings = 1 // check found unreviewed conflicts
	exitInput    = 2 // bad usage or bad input
)

// usageError is a mistake on the command line.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

// env is what a subcommand may touch.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	ctx            context.Context // ends a long-running command (serve); nil: never
}

// context is the command's context, which Ctrl-C also ends.
func (e *env) context() context.Context {
	if e.ctx == nil {
		return context.Background()
	}
	return e.ctx
}

type command struct {
	name, args, summary string
	run                 func(e *env, args []string) error
	// batch: the command prints its output once its work is done, in pieces (a
	// report on a large corpus is tens of thousands of them), which go out
	// through a buffer rather than as a write each. The others talk with the
	// user as they go (review, serve) or print a line or two.
	batch bool
}

func commands() []command {
	return []command{
		{"report", "[DIR]", "every discrepancy between and inside the sources, with quotes", runReport, true},
		{"facts", "[DIR]", "every claim extracted, filterable by source and predicate", runFacts, true},
		{"sources", "[DIR]", "each source with its metadata and claim count", runSources, true},
		{"check", "[DIR]", "exit 1 when a conflict has no review that covers it (for CI)", runCheck, true},
		{"review", "[DIR] [ID]", "record verdicts: one by one in a terminal, or one with --verdict", runReview, false},
		{"serve", "[DIR]", "the HTML report in a browser, with verdict forms (on 127.0.0.1)", runServe, false},
		{"init", "DIR", "start a new corpus: compare.yaml, reviews.yaml, sources/", runInit, false},
		{"add", "DIR FILE", "add a source to a corpus (--id ID, copied in if outside DIR)", runAdd, false},
		{"version", "", "print the version", runVersion, false},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "compare reads sources about one subject and reports where their facts disagree.\n\n")
	fmt.Fprintf(w, "usage: compare COMMAND [DIR] [flags]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %-11s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "\nDIR holds compare.yaml. Without DIR and with no compare.yaml in the working\n")
	fmt.Fprintf(w, "directory, compare uses its embedded corpus (five profiles of the MEK).\n")
	fmt.Fprintf(w, "Run 'compare COMMAND -h' for a command's flags.\n")
}

// run is the whole command line: it parses, calls the packages and maps errors to
// exit codes.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is run with a context whose end stops a long-running command.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, ctx: ctx}
	if len(args) == 0 {
		usage(stderr)
		return exitInput
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if !c.batch {
				return exitCode(stderr, c.run(e, args[1:]))
			}
			defer budgetHeap()()
			out := bufio.NewWriterSize(stdout, 64<<10)
			e.stdout = out
			err := c.run(e, args[1:])
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			return exitCode(stderr, err)
		}
	}
	return exitCode(stderr, &usageError{fmt.Sprintf("unknown command %q", args[0]), "run 'compare help' for the commands"})
}

// errFindings is returned by check when conflicts are unreviewed; it is not printed.
var errFindings = errors.New("unreviewed conflicts")

// exitCode prints an error as one line per problem, with hints, and chooses the
// exit code.
func exitCode(stderr io.Writer, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	}
	for _, e := range flatten(err) {
		fmt.Fprintf(stderr, "compare: error: %v\n", e)
		var ie *facts.InputError
		var ue *usageError
		switch {
		case errors.As(e, &ie) && ie.Hint != "":
			fmt.Fprintf(stderr, "compare: hint: %s\n", ie.Hint)
		case errors.As(e, &ue) && ue.hint != "":
			fmt.Fprintf(stderr, "compare: hint: %s\n", ue.hint)
		}
	}
	var ue *usageError
	var ie *facts.InputError
	if errors.As(err, &ue) || errors.As(err, &ie) {
		return exitInput
	}
	return exitInput
}

// flatten undoes errors.Join so that each problem gets its own line.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// flags is a subcommand's flag set. The flag package's own messages are silenced:
// errors go through exitCode like every other error, and -h prints the usage on
// stdout.
type flags struct {
	*flag.FlagSet
	name, args string
	stdout     io.Writer
}

func newFlags(e *env, name, args string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flags{FlagSet: fs, name: name, args: args, stdout: e.stdout}
}

func (f *flags) usage() {
	fmt.Fprintf(f.stdout, "usage: compare %s %s [flags]\n", f.name, f.args)
	f.SetOutput(f.stdout)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// parse parses flags wherever they appear among the arguments ("report DIR
// --format json" as well as "report --format json DIR") and returns the others.
func parse(f *flags, args []string) ([]string, error) {
	var rest []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.usage()
				return nil, err
			}
			return nil, &usageError{err.Error(), fmt.Sprintf("run 'compare %s -h' for its flags", f.name)}
		}
		args = f.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// corpusArg takes the optional DIR argument.
func corpusArg(rest []string) (string, error) {
	switch len(rest) {
	case 0:
		return "", nil
	case 1:
		return rest[0], nil
	}
	return "", &usageError{fmt.Sprintf("too many arguments: %s (expected at most one DIR)", strings.Join(rest, " ")), ""}
}

// loaded is a corpus with its rules, claims and reviews.
type loaded struct {
	corpus  *facts.Corpus
	label   string
	root    string          // the folder on disk; "" for the embedded corpus, which is read-only
	claims  [][]facts.Claim // by source, in manifest order
	reviews *compare.Reviews
}

// judge judges the claims and applies the reviews; it returns the reviews that
// match no conflict any more.
func (l *loaded) judge() (*compare.Result, []*compare.Review) {
	res := compare.JudgeBySource(l.corpus, l.claims)
	return res, compare.ApplyReviews(res, l.reviews)
}

// reviewsPath is where reviews.yaml is on disk.
func (l *loaded) reviewsPath() string {
	return filepath.Join(l.root, filepath.FromSlash(l.corpus.ReviewsFile))
}

// load finds and loads the corpus: DIR when given, else compare.yaml in the working
// directory, else the embedded corpus (which it says on stderr).
// corpusFlags are the flags of every command that reads a corpus.
type corpusFlags struct {
	noCache  bool
	cacheDir string
	workers  int
	again    bool // the corpus is loaded again and again (serve): see facts.Cache.MapPacks
}

func (f *flags) corpus(cf *corpusFlags) {
	f.BoolVar(&cf.noCache, "no-cache", false, "extract every source again, ignoring the claims cache")
	f.StringVar(&cf.cacheDir, "cache", "", "the claims cache folder (default: $COMPARE_CACHE_DIR, else the user cache folder)")
	f.IntVar(&cf.workers, "workers", 0, "how many sources to extract at once (default: one per core)")
}

func load(e *env, dir string, cf corpusFlags) (*loaded, error) {
	var fsys fs.FS
	label, root := dir, dir
	switch {
	case dir == "":
		if _, err := os.Stat(facts.ManifestName); err == nil {
			fsys, dir, label, root = facts.DirFS("."), ".", ".", "."
			break
		}
		fmt.Fprintln(e.stderr, "compare: using the embedded corpus (five profiles of the MEK); pass DIR to read your own")
		fsys, dir, label, root = seeds.FS, "seeds", "seeds (embedded)", ""
	default:
		info, err := os.Stat(dir)
		switch {
		case err != nil:
			return nil, &facts.InputError{File: dir, Msg: "no such folder", Hint: "give the folder that holds compare.yaml, or run 'compare init " + dir + "' to start one"}
		case !info.IsDir() && filepath.Base(dir) == facts.ManifestName:
			dir = filepath.Dir(dir)
			root = dir
		case !info.IsDir():
			return nil, &facts.InputError{File: dir, Msg: "not a folder", Hint: "give the folder that holds compare.yaml"}
		}
		fsys = facts.DirFS(dir)
		label = filepath.ToSlash(filepath.Clean(dir))
		dir = label
	}
	reserveHeapToLoad()
	bars := newProgress(e.stderr, isTerminal(e.stderr))
	defer bars.stop()
	opts := facts.ExtractOptions{Workers: cf.workers, Progress: reserveHeapWhileReading(bars.callback()), ExtractWhileReading: true}
	if root != "" {
		opts.Root, _ = filepath.Abs(root)
	}
	if !cf.noCache {
		dir := cf.cacheDir
		if dir == "" {
			dir = facts.DefaultCacheDir()
		}
		opts.Cache = facts.OpenCache(dir, cacheVersion())
		if !cf.again {
			opts.Cache.MapPacks()
		}
	}
	c, err := facts.LoadCorpusWith(fsys, dir, opts)
	if err != nil {
		return nil, err
	}
	// Compiled only if a source is not in the cache (DeferredRules).
	rs, err := c.DeferredRules()
	if err != nil {
		return nil, err
	}
	where := "" // the reviews file's absolute path, for the cache; none for the embedded corpus
	if opts.Root != "" {
		where = filepath.Join(opts.Root, filepath.FromSlash(c.ReviewsFile))
	}
	revs, err := compare.LoadReviews(fsys, c.ReviewsFile, path.Join(dir, c.ReviewsFile), opts.Cache, where)
	if err != nil {
		return nil, err
	}
	claims, err := facts.ExtractBySource(c, rs, opts)
	if err != nil {
		return nil, err
	}
	return &loaded{corpus: c, label: label, root: root, claims: claims, reviews: revs}, nil
}

type reportOptions struct {
	format   string
	classes  string
	family   string
	statuses string
	claims   int // html and table: claims shown of each conflict
}

func runReport(e *env, args []string) error {
	var o reportOptions
	var cf corpusFlags
	fs := newFlags(e, "report", "[DIR]")
	fs.corpus(&cf)
	fs.StringVar(&o.format, "format", "markdown", "output format: markdown, table, json or html")
	fs.StringVar(&o.classes, "class", "", "show only these classes, comma-separated: hard, stale, soft, spelling")
	fs.StringVar(&o.family, "family", "", "show only this fact family: "+strings.Join(families(), ", "))
	fs.StringVar(&o.statuses, "status", "", "show only these review statuses, comma-separated: unreviewed, changed, reviewed")
	fs.IntVar(&o.claims, "claims", report.ReadingClaims, "html and table: show at most this many claims of each conflict, taken in turn from each value, and count its values over all (0: show all)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if o.claims < 0 {
		return &usageError{fmt.Sprintf("--claims %d: must be 0 or more", o.claims), "give how many claims of each conflict to show, or 0 for all of them"}
	}
	dir, err := corpusArg(rest)
	if err != nil {
		return err
	}
	render, err := renderer(o.format)
	if err != nil {
		return err
	}
	keep, err := conflictFilter(o)
	if err != nil {
		return err
	}
	l, err := load(e, dir, cf)
	if err != nil {
		return err
	}
	res, orphaned := l.judge()
	var kept []*compare.Conflict
	for _, c := range res.Conflicts {
		if keep(c) {
			kept = append(kept, c)
		}
	}
	res.Conflicts = kept
	// The page and the table show some claims of each conflict, all its values
	// counted; the page shows each quote among its neighbours.
	var r *report.Report
	switch o.format {
	case "html":
		r = report.BuildShowing(res, l.label, o.claims, orphaned...)
		report.AddContext(r, l.corpus)
	case "table":
		r = report.BuildShowing(res, l.label, o.claims, orphaned...)
		report.CountValues(r)
	case "json":
		r = report.BuildForJSON(res, l.label, orphaned...)
	default:
		r = report.Build(res, l.label, orphaned...)
	}
	r.Reviews = path.Join(l.corpus.Dir, l.corpus.ReviewsFile)
	return render(e.stdout, r)
}

func renderer(format string) (func(io.Writer, *report.Report) error, error) {
	switch format {
	case "markdown", "md":
		return report.Markdown, nil
	case "table":
		return report.Table, nil
	case "json":
		return report.JSON, nil
	case "html":
		return report.HTML, nil
	}
	return nil, &usageError{fmt.Sprintf("unknown format %q: must be one of markdown, table, json, html", format), ""}
}

func conflictFilter(o reportOptions) (func(*compare.Conflict) bool, error) {
	classes := map[compare.Class]bool{}
	for _, s := range splitList(o.classes) {
		c, ok := compare.ParseClass(s)
		if !ok {
			return nil, &usageError{fmt.Sprintf("unknown class %q: must be one of hard, stale, soft, spelling", s), ""}
		}
		classes[c] = true
	}
	if o.family != "" && !knownFamily(o.family) {
		return nil, &usageError{fmt.Sprintf("unknown fact family %q: must be one of %s", o.family, strings.Join(families(), ", ")), ""}
	}
	statuses := map[compare.Status]bool{}
	for _, s := range splitList(o.statuses) {
		st, ok := compare.ParseStatus(s)
		if !ok {
			return nil, &usageError{fmt.Sprintf("unknown status %q: must be one of unreviewed, changed, reviewed", s), ""}
		}
		statuses[st] = true
	}
	return func(c *compare.Conflict) bool {
		return (len(classes) == 0 || classes[c.Class]) && (o.family == "" || c.Family == o.family) &&
			(len(statuses) == 0 || statuses[c.State.Status])
	}, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func families() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range facts.Predicates() {
		spec, _ := facts.Predicate(p).Spec()
		if !seen[spec.Family] {
			seen[spec.Family] = true
			out = append(out, spec.Family)
		}
	}
	sort.Strings(out)
	return out
}

func knownFamily(f string) bool {
	for _, x := range families() {
		if x == f {
			return true
		}
	}
	return false
}

func runVersion(e *env, args []string) error {
	fs := newFlags(e, "version", "")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &usageError{fmt.Sprintf("version takes no arguments, not %q", strings.Join(rest, " ")), ""}
	}
	fmt.Fprintf(e.stdout, "compare %s\n", version)
	return nil
}
