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
	cb := pb.callback()
	cb("extracting", 1, 4, 1_000_000)
	time.Sleep(progressDelay + 50*time.Millisecond)
	cb("extracting", 2, 4, 2_000_000)
	time.Sleep(300 * time.Millisecond)
	cb("extracting", 4, 4, 4_000_000)
	pb.stop()
	out := tty.String()
	for _, want := range []string{"compare: extracting", "4/4 sources", "MB/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("the bar lacks %q:\n%q", want, out)
		}
	}

	// A phase that ends before progressDelay shows nothing.
	var fast bytes.Buffer
	pb = newProgress(&fast, true)
	cb = pb.callback()
	cb("reading", 1, 2, 10)
	cb("reading", 2, 2, 20)
	pb.stop()
	if fast.Len() != 0 {
		t.Errorf("a quick run drew a bar: %q", fast.String())
	}
}
