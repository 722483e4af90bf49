//go:build linux

package hugeheap

import (
	"bytes"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// Reserve makes the next n bytes the heap grows by huge pages, and returns how
// many bytes it advised (n or a little more, in whole huge pages): 0 when the kernel
// gives huge pages to every process ("always") or to none ("never"), when
// GODEBUG has disablethp=1 (the runtime's own switch to keep its heap off them),
// when the kernel refuses to overcommit (the reservation counts against its
// limit), on a 32-bit machine (no address space to spare), or when n is under
// two huge pages. It asks for at most a quarter of the machine's memory and half
// the runtime's memory limit (GOMEMLIMIT), if one is set.
//
// It allocates n bytes without clearing them (strings.Builder.Grow: a slice made
// where the heap's pages were used before would be cleared, every page touched),
// advises their pages, lets them go and collects: the runtime then hands out
// those pages, still advised, as it would have handed out new ones. Call it once,
// before the memory is needed.
func Reserve(n int) int {
	if unsafe.Sizeof(uintptr(0)) < 8 || !eligible() {
		return 0
	}
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) == nil && info.Unit > 0 {
		n = min(n, int(min(uint64(info.Totalram)*uint64(info.Unit)/4, uint64(1)<<62)))
	}
	if limit := debug.SetMemoryLimit(-1); limit < math.MaxInt64 {
		n = min(n, int(limit/2))
	}
	if n < 2*pageSize {
		return 0
	}
	advised := advise(n)
	if advised > 0 {
		runtime.GC() // frees the reservation; its pages go back to the heap
	}
	return advised
}

// advise allocates n bytes and a huge page more, and advises the whole huge
// pages in them (at least n bytes). The allocation is unreachable once it returns.
func advise(n int) int {
	n += pageSize
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0) // one byte (one small page touched) to find the memory by
	start := unsafe.StringData(b.String())
	mem := unsafe.Slice(start, n)
	off := int((pageSize - uintptr(unsafe.Pointer(start))%pageSize) % pageSize)
	m := (n - off) &^ (pageSize - 1)
	if m <= 0 || syscall.Madvise(mem[off:off+m], syscall.MADV_HUGEPAGE) != nil {
		return 0
	}
	return m
}

// eligible reports whether advising would change anything and is safe.
func eligible() bool {
	if strings.Contains(","+os.Getenv("GODEBUG")+",", ",disablethp=1,") {
		return false
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return false
	}
	overcommit, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && string(bytes.TrimSpace(overcommit)) != "2"
}
