// Command gencorpus writes a deterministic benchmark corpus for compare: one
// made-up organization, many sources about it, with planted discrepancies.
//
//	go run ./tools/gencorpus -sources 1000 -seed 1 -out /tmp/bench1000
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/factcheck-tools/compare/internal/gencorpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// options are the command line's flags.
type options struct {
	sources    int
	bystanders int
	seed       uint64
	out        string
	force      bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.sources, "sources", 10, "how many sources to write")
	fs.IntVar(&o.bystanders, "bystanders", 0, "how many more people the manifest lists, whom no text names (a large profile)")
	fs.Uint64Var(&o.seed, "seed", 1, "the seed: the same seed and size give the same bytes")
	fs.StringVar(&o.out, "out", "", "the folder to write the corpus into (required)")
	fs.BoolVar(&o.force, "force", false, "write into a folder that is not empty")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.out == "" || fs.NArg() > 0 || o.sources < 1 {
		fmt.Fprintln(stderr, "gencorpus: error: usage: gencorpus -out DIR [-sources N] [-bystanders N] [-seed S] [-force]")
		return 2
	}
	if o.bystanders < 0 || o.bystanders > gencorpus.MaxBystanders {
		fmt.Fprintf(stderr, "gencorpus: error: -bystanders %d: must be from 0 to %d\n", o.bystanders, gencorpus.MaxBystanders)
		return 2
	}
	if err := checkEmpty(o.out); err != nil && !o.force {
		fmt.Fprintf(stderr, "gencorpus: error: %v\ngencorpus: hint: pick another folder, or pass -force to write into it\n", err)
		return 2
	}
	start := time.Now()
	st, err := gencorpus.WriteOptions(o.out, gencorpus.Options{Sources: o.sources, Seed: o.seed, Bystanders: o.bystanders})
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: error: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %v in %.2fs\n", o.out, st, time.Since(start).Seconds())
	return 0
}

// checkEmpty fails when dir exists and holds anything: a corpus is never written
// over someone's files by accident.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}
