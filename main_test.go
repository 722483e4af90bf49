package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files and scripts")

// panicRE finds the runtime's report of a panic or a fatal error on stderr.
var panicRE = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)

// TestMain lets the test binary act as the compare command: testscript installs it
// under the name "compare" on the scripts' PATH, and running it calls run exactly as
// main does.
func TestMain(m *testing.M) {
	testscript.Main(withCache{m}, map[string]func(){
		"compare": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// testCache is a claims cache the Go tests share, so that the embedded corpus is
// extracted once per run of the tests rather than once per test; withCache removes
// it when the tests end.
var testCache string

type withCache struct{ m *testing.M }

func (w withCache) Run() int {
	dir, err := os.MkdirTemp("", "compare-test-cache-")
	if err != nil {
		panic(err)
	}
	testCache = dir
	defer os.RemoveAll(dir)
	return w.m.Run()
}

// TestScript runs the command-line scenarios in testdata/script, one per
// <subcommand>_<case>.txtar. With -update, a failing "cmp stdout want.txt" whose
// second file lives in the archive rewrites that file instead of failing.
//
// Exit codes: "exec compare …" asserts exit 0. testscript's "! exec" accepts any
// non-zero status, which cannot tell a usage error (2) from unreviewed conflicts (1)
// or a crash, so scripts assert failures with "exitcode N compare …" instead, and
// "! exec compare" is not used.
//
// Script commands added here:
//
//	exitcode N prog [args...]
//	    run prog like exec, keep its stdout and stderr for the stdout and stderr
//	    commands, and fail unless it exits with status N (0 allowed) without a
//	    panic: a Go panic exits with status 2 too.
//	unescape src dst
//	    copy src to dst, turning each \xHH into the byte 0xHH and \\ into \, so that
//	    a scenario can hold a NUL or a Latin-1 byte while its .txtar stays text.
//	validjson file
//	    fail unless file (or stdout, stderr) holds exactly one JSON value.
func TestScript(t *testing.T) {
	// One claims cache for all scenarios: the embedded corpus is extracted once
	// (under the race detector that is most of a scenario's time), and every later
	// scenario reads it as a user's second run would.
	cache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		// $CORPORA is testdata/corpora, for scenarios that read a corpus kept there;
		// $COMPARE_CACHE_DIR is the shared claims cache.
		Setup: func(env *testscript.Env) error {
			abs, err := filepath.Abs(filepath.Join("testdata", "corpora"))
			env.Setenv("CORPORA", abs)
			env.Setenv("COMPARE_CACHE_DIR", cache)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  cmdExitCode,
			"unescape":  cmdUnescape,
			"validjson": cmdValidJSON,
			"setid":     cmdSetID,
		},
	})
}

func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exitcode does not support negation: give the status expected")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 {
		ts.Fatalf("exitcode: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %s did not run: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	// A Go panic also exits with status 2: never take one for a usage error.
	if stderr := ts.ReadFile("stderr"); panicRE.MatchString(stderr) {
		ts.Fatalf("%s panicked", args[1])
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func cmdUnescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: unescape src dst")
	}
	in := ts.ReadFile(args[0])
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); i++ {
		switch {
		case in[i] != '\\' || i+1 == len(in):
			out = append(out, in[i])
		case in[i+1] == '\\':
			out = append(out, '\\')
			i++
		case in[i+1] == 'x' && i+3 < len(in):
			b, err := strconv.ParseUint(in[i+2:i+4], 16, 8)
			if err != nil {
				ts.Fatalf("unescape: bad escape %q in %s", in[i:i+4], args[0])
			}
			out = append(out, byte(b))
			i += 3
		default:
			ts.Fatalf("unescape: bad escape %q in %s (want \\xHH or \\\\)", in[i:i+2], args[0])
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o666))
}

func cmdValidJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] validjson file")
	}
	var v any
	err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &v)
	switch {
	case neg && err == nil:
		ts.Fatalf("%s is valid JSON", args[0])
	case !neg && err != nil:
		ts.Fatalf("%s is not valid JSON: %v", args[0], err)
	}
}

// cmdSetID reads a compare.report/v1 JSON file and sets $ID to the first eight
// characters of its first conflict's id, as an editor would type it.
func cmdSetID(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: setid report.json")
	}
	var doc struct {
		Conflicts []struct {
			ID string `json:"id"`
		} `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc); err != nil {
		ts.Fatalf("setid: %v", err)
	}
	if len(doc.Conflicts) == 0 {
		ts.Fatalf("setid: the report has no conflicts")
	}
	ts.Setenv("ID", doc.Conflicts[0].ID[:8])
}
