//go:build linux

package hugeheap

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestReserveAdvisesWhatTheHeapGrowsInto: where the kernel gives huge pages only
// when asked, Reserve advises address space without touching it (no more faults
// than a few pages), and memory allocated afterwards lies in an advised mapping
// (VmFlags "hg" in /proc/self/smaps): the runtime hands out the reserved pages.
func TestReserveAdvisesWhatTheHeapGrowsInto(t *testing.T) {
	if !eligible() {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	before := minorFaults(t)
	n := Reserve(64 << 20)
	faults := minorFaults(t) - before
	if n < 32<<20 {
		t.Fatalf("Reserve(64 MB) advised %d bytes, want most of them", n)
	}
	// Clearing the reservation would fault in 16,384 pages; the collection and
	// the runtime's own bookkeeping fault in a few hundred (the race detector's
	// shadow memory thousands).
	if faults > 2000 && !raceEnabled {
		t.Errorf("Reserve(64 MB) faulted %d pages in: it touched the memory it reserved", faults)
	}
	advised := advisedMappings(t)
	total := 0
	for _, m := range advised {
		total += int(m[1] - m[0])
	}
	if total < n {
		t.Fatalf("%d bytes in mappings advised for huge pages, Reserve said %d: %v", total, n, advised)
	}
	// A new allocation of 8 MB finds room in the reserved pages, now free: the
	// whole huge pages it spans are advised.
	b := make([]byte, 8<<20)
	at := uintptr(unsafe.Pointer(&b[0]))
	lo, hi := (at+pageSize-1)&^(pageSize-1), (at+uintptr(len(b)))&^(pageSize-1)
	in := false
	for _, m := range advised {
		in = in || lo >= m[0] && hi <= m[1]
	}
	if !in {
		t.Errorf("8 MB allocated after Reserve at %#x, its huge pages %#x-%#x outside the advised mappings %#x", at, lo, hi, advised)
	}
}

// TestReserveLeavesTheHeapAloneWhenAsked: GODEBUG=disablethp=1, the runtime's
// switch to keep the heap off huge pages, turns Reserve off too, and so does a
// request under two huge pages; a memory limit bounds the reservation to half of
// it.
func TestReserveLeavesTheHeapAloneWhenAsked(t *testing.T) {
	if n := Reserve(pageSize); n != 0 {
		t.Errorf("Reserve(one huge page) advised %d bytes", n)
	}
	if eligible() {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20))
		if n := Reserve(1 << 30); n == 0 || n > 32<<20+pageSize {
			t.Errorf("Reserve(1 GB) under a 64 MB memory limit advised %d bytes, want at most half the limit", n)
		}
	}
	t.Setenv("GODEBUG", "madvdontneed=1,disablethp=1")
	if n := Reserve(64 << 20); n != 0 {
		t.Errorf("with GODEBUG=disablethp=1 Reserve advised %d bytes", n)
	}
}

func minorFaults(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return int64(ru.Minflt)
}

// advisedMappings lists the address ranges /proc/self/smaps flags "hg" (advised
// for huge pages).
func advisedMappings(t *testing.T) [][2]uintptr {
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	var out [][2]uintptr
	var lo, hi uintptr
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			if _, err := fmt.Sscanf(f[0], "%x-%x", &lo, &hi); err != nil {
				t.Fatalf("smaps: %q: %v", line, err)
			}
			continue
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(" "+flags+" ", " hg ") {
			out = append(out, [2]uintptr{lo, hi})
		}
	}
	return out
}
