// Package collector changes the garbage collector's setting for stretches of a
// run: Pause turns it off (while rules compile and cached claims are decoded,
// which allocate what the run keeps), and Budget lets the heap grow by a budget
// before it collects (a command's run, most of whose garbage a collection would
// only find sooner). Stretches may overlap ("compare serve" loads a corpus for
// each request): the setting is worked out from all those under way, and the
// one there was before the first is given back when the last ends.
package collector

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// state is what the stretches under way ask of the collector.
var state struct {
	sync.Mutex
	pauses  int
	budgets int
	// own is the setting before the first stretch, given back after the last.
	own setting
	// target is the heap a budget lets grow before a cycle: the live heap when
	// the first budget began, and the budget; percent is the GOGC that puts the
	// collector's goal there, worked out again after each cycle from the heap it
	// found live. outgrown: a cycle found half of target live, and the collector
	// paces itself again.
	target   int64
	percent  int
	outgrown bool
	// cycle counts the budgets begun, so that a watch (watchCycles) armed by
	// an earlier one stops.
	cycle int
}

// setting is the collector's two knobs: GOGC as debug.SetGCPercent has it (-1:
// off) and the soft memory limit.
type setting struct {
	percent int
	limit   int64
}

// current reads the setting in force, without changing it (which might start
// a cycle). GOGC=off reads as the largest uint64: -1 as an int64.
func current() setting {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return setting{int(int64(s[0].Value.Uint64())), debug.SetMemoryLimit(-1)}
}

// apply puts the setting the stretches under way ask for in force; state is
// locked.
func apply() {
	want := state.own
	switch {
	case state.pauses > 0:
		want.percent = -1 // under the limit the user set, if any
	case state.budgets > 0 && !state.outgrown:
		want.percent = state.percent
	}
	debug.SetGCPercent(want.percent)
	debug.SetMemoryLimit(want.limit)
}

// begin records the setting before the first stretch; state is locked.
func begin() {
	if state.pauses == 0 && state.budgets == 0 {
		state.own = current()
	}
}

// enter counts a stretch in *n and puts the setting in force; it returns what
// ends the stretch. state is locked, and begin called.
func enter(n *int) (end func()) {
	*n++
	apply()
	return func() {
		state.Lock()
		defer state.Unlock()
		*n--
		apply()
	}
}

// Pause turns the collector off until the function it returns is called.
func Pause() (resume func()) {
	state.Lock()
	defer state.Unlock()
	begin()
	return enter(&state.pauses)
}

// Budget lets the heap grow by n bytes past what is live before the collector's
// next cycle, until the function it returns is called: GOGC is raised so that
// the collector's goal is there, and worked out again after each cycle from the
// heap the cycle found live, until a cycle finds half of it live. From then on
// the collector paces itself as it would have (GOGC as it was), so that a heap
// that outgrows the budget is not collected more often, nor keeps more, than it
// would have been. A run whose heap stays under the budget is not collected at
// all. (The Go compiler starts so too: cmd/compile's AdjustStartingHeap.)
//
// The user's own choice is kept: with GOGC or GOMEMLIMIT set, Budget does
// nothing.
func Budget(n int64) (end func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || n <= 0 {
		return func() {}
	}
	state.Lock()
	defer state.Unlock()
	begin()
	if state.budgets == 0 && state.own.percent > 0 {
		live := liveHeap()
		state.target, state.outgrown = live+n, false
		state.percent = percentFor(state.target, live, state.own.percent)
		state.cycle++
		watchCycles(state.cycle)
	}
	if state.own.percent <= 0 {
		state.outgrown = true // off, or collecting all the time: the user's own
	}
	return enter(&state.budgets)
}

// percentFor is the GOGC that sets the collector's goal at target with live
// bytes live (the goal is live and GOGC percent of it), and never below own.
func percentFor(target, live int64, own int) int {
	live = max(live, minHeap)
	return max(own, int(100*target/live-100))
}

// minHeap is the least heap the collector reckons a goal from: it never sets
// one under 4 MB (at GOGC 100).
const minHeap = 4 << 20

// liveHeap is the heap the last cycle found live.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// watchCycles looks at the heap after each cycle of the collector while the
// budget begun as the cycle-th holds: a finalizer runs once a cycle has found its
// object unreachable, and arms the next.
func watchCycles(cycle int) {
	type sentinel struct{ _ [16]byte }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		state.Lock()
		defer state.Unlock()
		if state.cycle != cycle || state.budgets == 0 || state.outgrown {
			return
		}
		if live := liveHeap(); 2*live >= state.target {
			state.outgrown = true
		} else {
			state.percent = percentFor(state.target, live, state.own.percent)
		}
		apply()
		if !state.outgrown {
			watchCycles(cycle)
		}
	})
}
