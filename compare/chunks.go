package compare

import (
	"runtime"

	"github.com/factcheck-tools/compare/internal/par"
)

// minChunk is the fewest claims worth a core of their own.
const minChunk = 4096

// runsFor is how many runs inChunks cuts n items into: about one per core.
func runsFor(n int) int { return min(runtime.GOMAXPROCS(0), n/minChunk+1) }

// inChunks cuts n items into runs, in order, and calls fn on every run at once:
// fn(k, lo, hi) handles items lo to hi-1 of run k. The caller puts the runs'
// results together in order, so that the passes over every claim that judging
// makes before it can group them give the same result on any number of cores.
func inChunks(n, runs int, fn func(k, lo, hi int)) { par.Ranges(par.Bounds(n, runs), fn) }
