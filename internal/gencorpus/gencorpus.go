// Package gencorpus writes large, deterministic benchmark corpora for compare.
//
// A corpus is about one made-up organization whose true history (founding, wings,
// bases and moves, membership, designations, leaders, killings and events) is drawn
// from a seed. Each source tells a random part of that history in its own words,
// inside filler prose that states nothing the rules extract, and a seeded few of
// its statements disagree with the truth: a year off by one, a count 30-60% off, a
// misspelt name, an acronym expanded wrongly, a killing dated twice. Sources dated
// before the group's last move still place it where it was: outdated, not wrong.
//
// The same (sources, seed) gives the same bytes, and source i is the same in every
// corpus of the same seed: the world comes from the seed, and each source from the
// seed and its index only.
package gencorpus

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// DefaultSourceBytes is the average size of a source: sizes range from about 0.4
// to 2 times the average, so about 20 KB to 100 KB, with more small sources than
// large ones.
const DefaultSourceBytes = 50_000

// MaxBystanders is the most bystanders a corpus can list: the lexicon's names
// make some 20,000 that are far enough from every corpus's own people.
const MaxBystanders = 10_000

// Options say what corpus to write.
type Options struct {
	Sources int    // how many sources
	Seed    uint64 // the seed of the world and of every source
	// SourceBytes is the average size of a source; zero means DefaultSourceBytes.
	// Tests use small sources to stay fast.
	SourceBytes int
	// Bystanders is how many more people the manifest lists, whom no text names
	// (see world.bystanders): the benchmarks of a large profile. Zero writes the
	// same bytes as before there were bystanders.
	Bystanders int
}

// Stats say what was written and what was planted in it.
type Stats struct {
	Sources int
	Bytes   int64 // every byte written: the manifest and the sources
	// Facts counts the statements that agree with the true history, by fact family
	// (founding, home-base, membership, designation, leaders, killed, events, names).
	Facts map[string]int
	// Discrepancies counts the statements planted to disagree, by fact family.
	Discrepancies map[string]int
	// Kinds counts the planted discrepancies by kind: date, count, place, stale,
	// spelling, expansion, self-contradiction.
	Kinds map[string]int
}

func newStats() Stats {
	return Stats{Facts: map[string]int{}, Discrepancies: map[string]int{}, Kinds: map[string]int{}}
}

// String is the one-line summary: sources, size, and the planted counts.
func (s Stats) String() string {
	return fmt.Sprintf("%d sources, %.1f MB; %d facts (%s); %d discrepancies (%s; by kind: %s)",
		s.Sources, float64(s.Bytes)/1e6, total(s.Facts), counts(s.Facts), total(s.Discrepancies), counts(s.Discrepancies), counts(s.Kinds))
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// counts writes a map of counts sorted by name: "founding 12, names 3".
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + strconv.Itoa(m[k])
	}
	return strings.Join(parts, ", ")
}

// Write writes a corpus of the given number of sources into dir: compare.yaml and
// sources/s00000.txt, sources/s00001.txt, …, overwriting files of the same names.
func Write(dir string, sources int, seed uint64) (Stats, error) {
	return WriteOptions(dir, Options{Sources: sources, Seed: seed})
}

// WriteOptions is Write with every option.
func WriteOptions(dir string, o Options) (Stats, error) {
	return (&generator{opts: o}).write(dir)
}

// generator writes one corpus. record, when set, is told every statement of a
// fact, by source and family: the tests use it to check that the tool finds them.
type generator struct {
	opts   Options
	record func(source, family, text string)
	truth  bool // plant no discrepancy: every source tells the truth as of its date
}

func (g *generator) write(dir string) (Stats, error) {
	o := g.opts
	if o.Sources < 1 {
		return Stats{}, errors.New("a corpus needs at least one source")
	}
	if o.Bystanders < 0 || o.Bystanders > MaxBystanders {
		return Stats{}, fmt.Errorf("bystanders: %d is out of range: at most %d can be drawn", o.Bystanders, MaxBystanders)
	}
	if o.SourceBytes <= 0 {
		o.SourceBytes = DefaultSourceBytes
	}
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		return Stats{}, err
	}
	w := newWorld(o.Seed)
	st := newStats()
	st.Sources = o.Sources

	f, err := os.Create(filepath.Join(dir, "compare.yaml"))
	if err != nil {
		return Stats{}, err
	}
	defer f.Close()
	man := bufio.NewWriter(f)
	n, _ := man.WriteString(manifestHead(w, o))
	st.Bytes += int64(n)
	// Each source is written as soon as it is drawn: the corpus is never held in
	// memory, only its manifest entry and one source at a time.
	for i := range o.Sources {
		r := newSourceRand(o.Seed, i)
		m, p := newMeta(w, r, i, o.SourceBytes)
		if g.truth {
			p = plan{thorough: p.thorough, truth: true}
		}
		n, _ := man.WriteString(manifestEntry(m))
		st.Bytes += int64(n)
		size, err := g.writeSource(dir, w, r, m, p, &st)
		if err != nil {
			return st, err
		}
		st.Bytes += int64(size)
	}
	if err := man.Flush(); err != nil {
		return st, err
	}
	return st, f.Close()
}

// newSourceRand derives source i's generator from the seed and i alone, so that a
// source is the same whatever the size of the corpus.
func newSourceRand(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, sourceStream^(uint64(i)+1)*0x94d049bb133111eb))
}

// writeSource decides what source m says and writes it.
func (g *generator) writeSource(dir string, w *world, r *rand.Rand, m *meta, p plan, st *Stats) (int, error) {
	var record func(family, text string)
	if g.record != nil {
		record = func(family, text string) { g.record(m.id, family, text) }
	}
	t := newTeller(w, r, m, p, st, record)
	t.tell()
	f, err := os.Create(filepath.Join(dir, filepath.FromSlash(m.file)))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	out := bufio.NewWriterSize(f, 64<<10)
	sw := &sourceWriter{w: w, r: r, m: m, out: out, towns: w.towns()}
	sw.prose = newExpander(prose, r, sw.slot)
	sw.writeSource(t)
	if err := out.Flush(); err != nil {
		return sw.n, err
	}
	return sw.n, f.Close()
}

// manifestHead writes the manifest up to its list of sources: the subject and the
// names of the organizations, people and places.
func manifestHead(w *world, o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# A benchmark corpus written by gencorpus (%d sources, seed %d). The history of\n", o.Sources, o.Seed)
	b.WriteString("# its organization is made up; the places lie in real countries.\n")
	fmt.Fprintf(&b, "subject:\n  name: %s\n  aliases: [%s, %s]\n", quote(w.subject.name), quote(w.subject.acronym), quote(w.subject.alias))
	b.WriteString("entities:\n")
	for _, org := range []*org{w.council, w.army} {
		fmt.Fprintf(&b, "  - {name: %s, kind: organization, aliases: [%s]}\n", quote(org.name), quote(org.acronym))
	}
	for _, p := range w.people {
		fmt.Fprintf(&b, "  - {name: %s, kind: person}\n", quote(p.name()))
	}
	for _, p := range w.places {
		fmt.Fprintf(&b, "  - {name: %s, kind: place, country: %s}\n", quote(p.name), quote(p.country))
	}
	for _, name := range w.bystanders(o.Seed, o.Bystanders) {
		fmt.Fprintf(&b, "  - {name: %s, kind: person}\n", quote(name))
	}
	b.WriteString("sources:\n")
	return b.String()
}

func manifestEntry(m *meta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - id: %s\n    file: %s\n    name: %s\n    title: %s\n    publisher: %s\n    kind: %s\n    as_of: %s\n    as_of_evidence: %s\n",
		m.id, m.file, quote(m.name), quote(m.title), quote(m.publisher), m.kind, quote(m.asOfText), quote(m.evidence))
	return b.String()
}

// quote writes a YAML double-quoted string. The names and titles written here are
// printable ASCII, for which Go's quoting is YAML's.
func quote(s string) string { return strconv.Quote(s) }
