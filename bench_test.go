package main

import (
	"io"
	"math"
	"os"
	"runtime"
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
// that none of the run's own cost is counted as the prefilter's. The heap is
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
			for b.Loop() {
				start := time.Now()
				if code := run(args, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("compare %v: exit %d", args, code)
				}
				b.StopTimer()
				bestRun = min(bestRun, time.Since(start))
				// The run leaves its garbage to the collector: collected while the
				// prefilter ran, on the other core, it would be counted against the
				// prefilter (up to half again its time, measured), not against the
				// run that made it.
				runtime.GC()
				start = time.Now()
				par.Each(len(texts), workers, func(i int) { rs.ScanTriggers(texts[i]) })
				took := time.Since(start)
				prefilter += took
				bestPrefilter = min(bestPrefilter, took)
				b.StartTimer()
			}
			b.ReportMetric(b.Elapsed().Seconds()/prefilter.Seconds(), "x-prefilter")
			// The same from the fastest run and the fastest prefilter: on a shared
			// machine the others' load comes and goes, and slows the one or the
			// other at times.
			b.ReportMetric(bestRun.Seconds()/bestPrefilter.Seconds(), "x-prefilter-best")
		})
	}
}
