package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vbauerster/mpb/v8"
)

// TestProgressOnlyOnATerminal: on a terminal a phase that lasts shows a bar with the
// sources done and the speed; elsewhere nothing is written.
func TestProgressOnlyOnATerminal(t *testing.T) {
	var quiet bytes.Buffer
	if pb := newProgress(&quiet, false); pb.callback() != nil {
		t.Error("a callback without a terminal")
	} else {
		pb.stop()
	}

	// mpb draws only on a terminal; a buffer stands for one here, so it is told to
	// draw anyway.
	var tty bytes.Buffer
	pb := newProgress(&tty, true)
	pb.opts = []mpb.ContainerOption{mpb.WithAutoRefresh(), mpb.WithWidth(120)}
	runPhase(pb, "extracting")
	hasBar(t, tty.String(), "extracting")

	// A phase that ends before progressDelay shows nothing.
	var fast bytes.Buffer
	pb = newProgress(&fast, true)
	cb := pb.callback()
	cb("reading", 1, 2, 10)
	cb("reading", 2, 2, 20)
	pb.stop()
	if fast.Len() != 0 {
		t.Errorf("a quick run drew a bar: %q", fast.String())
	}
}

// runPhase reports a phase of four sources that lasts long enough for its bar
// to be drawn, and stops the bars.
func runPhase(pb *progressBars, phase string) {
	cb := pb.callback()
	cb(phase, 1, 4, 1_000_000)
	time.Sleep(progressDelay + 50*time.Millisecond)
	cb(phase, 2, 4, 2_000_000)
	time.Sleep(300 * time.Millisecond)
	cb(phase, 4, 4, 4_000_000)
	pb.stop()
}

// hasBar fails the test unless out shows runPhase's bar of phase, complete.
func hasBar(t *testing.T, out, phase string) {
	t.Helper()
	for _, want := range []string{"compare: " + phase, "4/4 sources", "MB/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("the bar lacks %q:\n%q", want, out)
		}
	}
}
