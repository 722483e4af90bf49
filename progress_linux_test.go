//go:build linux

package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestProgressOnAPseudoTerminal draws the bars to a real pseudo-terminal: one a
// terminal emulator sized (drawn as wide as it says) and one nobody sized, which
// says it has no columns (script(1) without a terminal of its own makes such
// ones), where mpb alone draws nothing and the bars are drawn 80 columns wide.
func TestProgressOnAPseudoTerminal(t *testing.T) {
	for _, cols := range []int{0, 100} {
		t.Run(fmt.Sprintf("cols=%d", cols), func(t *testing.T) {
			master, tty := openPTY(t)
			if cols > 0 {
				ws := struct{ rows, cols, x, y uint16 }{30, uint16(cols), 0, 0}
				if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, tty.Fd(), syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
					t.Fatalf("sizing the terminal: %v", e)
				}
			}
			if !isTerminal(tty) {
				t.Fatal("a pseudo-terminal is not taken for a terminal")
			}
			drawn := make(chan string)
			go func() {
				b, _ := io.ReadAll(master) // ends with EIO once the terminal is closed
				drawn <- string(b)
			}()
			runPhase(newProgress(tty, true), "reading")
			tty.Close()
			out := <-drawn
			master.Close()
			hasBar(t, out, "reading")
			width := cols
			if width == 0 {
				width = 80
			}
			for _, line := range strings.Split(out, "\n") {
				line = strings.TrimRight(stripEscapes(line), "\r")
				if n := len([]rune(line)); n > width {
					t.Errorf("a line of %d columns on a terminal of %d: %q", n, width, line)
				}
			}
		})
	}
}

// openPTY opens a pseudo-terminal: its master, and the terminal a program writes to.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		t.Skipf("unlocking a pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		t.Skipf("numbering a pseudo-terminal: %v", e)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("opening a pseudo-terminal: %v", err)
	}
	return master, tty
}

// stripEscapes drops the terminal's control sequences (ESC [ ... letter).
func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && !(s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
