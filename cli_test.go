package main

import (
	"bytes"
	"testing"
)

// writes counts the writes made to it.
type writes struct {
	bytes.Buffer
	n int
}

func (w *writes) Write(p []byte) (int, error) {
	w.n++
	return w.Buffer.Write(p)
}

// TestBatchOutputIsBuffered: the commands that print a report write it through a
// buffer, a write per 64 KiB, not one per piece (on a file or a pipe each would be
// a system call, which made the HTML report on 1,000 sources three times slower).
// The interactive review is not buffered: its questions must show before it reads.
func TestBatchOutputIsBuffered(t *testing.T) {
	for _, args := range [][]string{
		{"report"}, {"report", "--format", "table"}, {"report", "--format", "json"}, {"report", "--format", "html"},
		{"facts"}, {"facts", "--format", "json"}, {"sources"}, {"check"}, {"check", "--format", "sarif"},
	} {
		var out, errs writes
		if code := run(args, nil, &out, &errs); code != 0 {
			t.Fatalf("compare %v: exit %d: %s", args, code, errs.String())
		}
		if max := out.Len()/(64<<10) + 1; out.n > max || out.n == 0 {
			t.Errorf("compare %v: %d bytes in %d writes, want 1 to %d", args, out.Len(), out.n, max)
		}
	}
}
