package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/cwriter"
	"github.com/vbauerster/mpb/v8/decor"
)

// progressDelay is how long a phase runs before its bar appears: a run that ends
// sooner shows nothing.
const progressDelay = 500 * time.Millisecond

// progressBars shows how a long run goes, on a terminal: one bar per phase
// ("reading", "extracting") with the sources done and the speed in MB/s. It uses
// mpb, which draws on a terminal in place; when stderr is not a terminal there are
// no bars at all, so logs and pipes get nothing extra.
type progressBars struct {
	mu     sync.Mutex
	p      *mpb.Progress
	w      io.Writer
	phases map[string]*phase
	opts   []mpb.ContainerOption
}

type phase struct {
	start time.Time
	bar   *mpb.Bar
	bytes atomic.Int64
}

// newProgress returns the bars for a run, or nil when w is not a terminal.
func newProgress(w io.Writer, terminal bool) *progressBars {
	if !terminal {
		return nil
	}
	return &progressBars{w: w, phases: map[string]*phase{}}
}

// callback is the facts.ExtractOptions.Progress callback; a nil *progressBars
// gives a nil callback.
func (pb *progressBars) callback() func(string, int, int, int64) {
	if pb == nil {
		return nil
	}
	return pb.update
}

func (pb *progressBars) update(name string, done, total int, bytes int64) {
	bar := pb.bar(name, done, total)
	pb.phases[name].bytes.Store(bytes)
	if bar != nil {
		bar.SetCurrent(int64(done)) // outside the lock: drawing reads the speed
	}
}

// bar returns the bar of a phase, made once the phase has run for progressDelay.
func (pb *progressBars) bar(name string, done, total int) *mpb.Bar {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	ph := pb.phases[name]
	if ph == nil {
		ph = &phase{start: time.Now()}
		pb.phases[name] = ph
	}
	if ph.bar == nil && time.Since(ph.start) >= progressDelay && done < total {
		if pb.p == nil {
			out, opts := sized(pb.w)
			opts = append(opts, mpb.WithOutput(out), mpb.WithRefreshRate(120*time.Millisecond))
			pb.p = mpb.New(append(opts, pb.opts...)...)
		}
		ph.bar = pb.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name(fmt.Sprintf("compare: %-10s ", name)), decor.CountersNoUnit("%d/%d sources")),
			mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return ph.speed() })))
	}
	return ph.bar
}

// sized is where the bars are drawn, and how wide. mpb draws as wide as the
// terminal says it is, and nothing on one that says it has no columns, as a
// pseudo-terminal nobody gave a size has (script(1) run without a terminal of its
// own, some CI runners): such a terminal is drawn to as a plain writer, 80
// columns wide, which mpb then has to be told to redraw.
func sized(w io.Writer) (io.Writer, []mpb.ContainerOption) {
	f, ok := w.(*os.File)
	if !ok {
		return w, nil
	}
	if width, _, err := cwriter.New(f).GetTermSize(); err == nil && width > 0 {
		return w, nil
	}
	return struct{ io.Writer }{f}, []mpb.ContainerOption{mpb.WithWidth(80), mpb.WithAutoRefresh()}
}

// speed is a phase's average speed so far, in MB/s.
func (ph *phase) speed() string {
	secs := time.Since(ph.start).Seconds()
	if secs <= 0 {
		return ""
	}
	return fmt.Sprintf("%6.1f MB/s", float64(ph.bytes.Load())/1e6/secs)
}

// stop ends the bars, complete or not (an error may stop a run part way), and
// waits until they are drawn for the last time.
func (pb *progressBars) stop() {
	if pb == nil || pb.p == nil {
		return
	}
	pb.mu.Lock()
	var open []*mpb.Bar
	for _, ph := range pb.phases {
		if ph.bar != nil && !ph.bar.Completed() {
			open = append(open, ph.bar)
		}
	}
	pb.mu.Unlock()
	for _, b := range open {
		b.Abort(false)
	}
	pb.p.Wait()
}
