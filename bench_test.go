package main

import (
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/factcheck-tools/compare/internal/benchcorpus"
	"github.com/factcheck-tools/compare/internal/par"
)

// BenchmarkEndToEnd runs "compare report DIR --format json --no-cache" on a
// generated corpus, from loading to the JSON report, on one core and on all.
// MB/s is of the source text. In the same run it times the trigger-word prefilter
// alone over the same texts, with as many workers as the job had, and reports how
// many times slower the whole job is (x-prefilter): the cost of everything beyond
// finding the words rules need. The prefilter is timed after a collection, so
// that none of the run's own cost is counted as the prefilter's; besides the
// ratio of the totals, it reports that of the fastest run to the fastest
// prefilter (x-prefilter-best) and the median of each run's ratio to the
// prefilter timed right after it (x-prefilter-paired). The heap is
// advised as main advises it (adviseHeap): the command measured is the one
// users run, whose first run in a process grows the heap from nothing.
func BenchmarkEndToEnd(b *testing.B) {
	defer func(advise bool) { adviseHeap = advise }(adviseHeap)
	adviseHeap = true
	l := benchcorpus.Load(b, benchcorpus.Sources())
	dir, rs, bytes := l.Dir, l.Rules, l.Bytes
	var texts []string
	for _, s := range l.Corpus.Sources {
		data, err := os.ReadFile(dir + "/" + s.File)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, workers := range []int{1, 0} {
		name := "1core"
		if workers == 0 {
			name = "allcores"
		}
		b.Run(name, func(b *testing.B) {
			args := []string{"report", dir, "--format", "json", "--no-cache", "--workers", strconv.Itoa(workers)}
			b.SetBytes(bytes)
			b.ReportAllocs()
			var prefilter time.Duration
			bestRun, bestPrefilter := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
			var ratios []float64 // each run's time over the prefilter's right after it
			for b.Loop() {
				start := time.Now()
				if code := run(args, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("compare %v: exit %d", args, code)
				}
				b.StopTimer()
				took := time.Since(start)
				bestRun = min(bestRun, took)
				// The run leaves its garbage to the collector: collected while the
				// prefilter ran, on the other core, it would be counted against the
				// prefilter (up to half again its time, measured), not against the
				// run that made it.
				runtime.GC()
				start = time.Now()
				par.Each(len(texts), workers, func(i int) { rs.ScanTriggers(texts[i]) })
				scan := time.Since(start)
				prefilter += scan
				bestPrefilter = min(bestPrefilter, scan)
				ratios = append(ratios, took.Seconds()/scan.Seconds())
				b.StartTimer()
			}
			b.ReportMetric(b.Elapsed().Seconds()/prefilter.Seconds(), "x-prefilter")
			// The same from the fastest run and the fastest prefilter: on a shared
			// machine the others' load comes and goes, and slows the one or the
			// other at times.
			b.ReportMetric(bestRun.Seconds()/bestPrefilter.Seconds(), "x-prefilter-best")
			// And the median of each run's ratio to the prefilter timed right
			// after it, in the same state of the machine.
			slices.Sort(ratios)
			b.ReportMetric((ratios[(len(ratios)-1)/2]+ratios[len(ratios)/2])/2, "x-prefilter-paired")
		})
	}
}
