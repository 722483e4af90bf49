// Package benchcorpus gives the benchmarks their corpora: those "make
// bench-corpus" wrote under testdata/bench when they are there, else a corpus
// generated into a temporary folder, so that "go test -bench" works on a fresh
// clone.
package benchcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/gencorpus"
)

// Seed is the seed of every benchmark corpus.
const Seed = 1

// Sources is the size of the corpus the benchmarks read: $COMPARE_BENCH_SOURCES,
// else 100 (about 5 MB).
func Sources() int {
	if n, err := strconv.Atoi(os.Getenv("COMPARE_BENCH_SOURCES")); err == nil && n > 0 {
		return n
	}
	return 100
}

// Dir returns the folder of a corpus of n sources: testdata/bench/N at the root of
// the repository when make bench-corpus wrote it, else one generated for the
// benchmark.
func Dir(b testing.TB, n int) string {
	b.Helper()
	if dir := filepath.Join(Root(), "testdata", "bench", strconv.Itoa(n)); exists(filepath.Join(dir, "compare.yaml")) {
		return dir
	}
	dir := b.TempDir()
	if _, err := gencorpus.Write(dir, n, Seed); err != nil {
		b.Fatal(err)
	}
	return dir
}

// Root is the repository's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Name is the benchmark's name for a corpus: "100src".
func Name(n int) string { return fmt.Sprintf("%dsrc", n) }

// Loaded is a benchmark corpus, loaded, with its rules compiled and the size of
// its texts.
type Loaded struct {
	Dir    string
	Corpus *facts.Corpus
	Rules  *facts.RuleSet
	Bytes  int64 // of source text, for MB/s
	// Compile is how long compiling the rules took (their backtrackers made
	// too: the corpus is loaded without a cache).
	Compile time.Duration
}

// Load loads the corpus of n sources (see Dir) and compiles its rules.
func Load(b testing.TB, n int) Loaded {
	b.Helper()
	return load(b, Dir(b, n))
}

// LoadWithBystanders is Load of the corpus of n sources written again with a
// profile that lists people more people whom no text names (gencorpus's
// bystanders), generated for the benchmark.
func LoadWithBystanders(b testing.TB, n, people int) Loaded {
	b.Helper()
	dir := b.TempDir()
	if _, err := gencorpus.WriteOptions(dir, gencorpus.Options{Sources: n, Seed: Seed, Bystanders: people}); err != nil {
		b.Fatal(err)
	}
	return load(b, dir)
}

// LoadRunOn is Load of the corpus of n sources generated for the benchmark and
// then written again with no sentence end and no line break: every full stop
// becomes a comma and every line break a space, so that each source is one run
// of text of about 50 KB (a transcript without punctuation, a page flattened
// into one line), which segmenting cuts into pieces.
func LoadRunOn(b testing.TB, n int) Loaded {
	b.Helper()
	runOn := strings.NewReplacer(".", ",", "\n", " ", "!", ",", "?", ",")
	return LoadReshaped(b, n, runOn.Replace)
}

// Chronology writes text again as a chronology: every sentence after the first
// of a paragraph opens with a date of its own ("On 14 March 1983, "), as a
// timeline does. The dates run through the days of the twentieth century.
func Chronology(text string) string {
	months := [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	return atSentenceEnds(text, func(k int) string {
		return fmt.Sprintf(". On %d %s %d, ", 1+k%28, months[k%12], 1901+k%99)
	})
}

// Footnoted writes text again with footnote markers after every sentence
// ("… in 1986.[12] "), as an encyclopedia's articles cite their sources.
func Footnoted(text string) string {
	return atSentenceEnds(text, func(k int) string { return fmt.Sprintf(".[%d] ", 1+k%97) })
}

// atSentenceEnds writes text again with its k-th full stop and space (counting
// from 0) replaced by end(k).
func atSentenceEnds(text string, end func(k int) string) string {
	var out strings.Builder
	for k := 0; ; k++ {
		i := strings.Index(text, ". ")
		if i < 0 {
			out.WriteString(text)
			return out.String()
		}
		out.WriteString(text[:i])
		out.WriteString(end(k))
		text = text[i+2:]
	}
}

// LoadReshaped is Load of the corpus of n sources generated for the benchmark
// and each text then written again by reshape.
func LoadReshaped(b testing.TB, n int, reshape func(string) string) Loaded {
	b.Helper()
	dir := b.TempDir()
	if _, err := gencorpus.Write(dir, n, Seed); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "sources", "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no sources written in %s (%v)", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(reshape(string(data))), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return load(b, dir)
}

func load(b testing.TB, dir string) Loaded {
	b.Helper()
	c, err := facts.LoadCorpus(os.DirFS(dir), dir)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	rs, err := c.Rules()
	if err != nil {
		b.Fatal(err)
	}
	l := Loaded{Dir: dir, Corpus: c, Rules: rs, Compile: time.Since(start)}
	for _, s := range c.Sources {
		l.Bytes += s.Size
	}
	return l
}

// Claims extracts the corpus's claims on all cores, without a cache.
func (l Loaded) Claims(b testing.TB) []facts.Claim {
	b.Helper()
	claims, err := facts.ExtractCorpus(l.Corpus, l.Rules, facts.ExtractOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return claims
}
