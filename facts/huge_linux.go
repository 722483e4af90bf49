//go:build linux

package facts

import (
	"syscall"
	"unsafe"
)

// adviseHugePages asks Linux to back the claims' memory with huge pages before
// it is first written: decoding a warm run's claims writes a hundred megabytes at
// once, and 2 MB pages fault in 500 times fewer than 4 KB ones (10,000 sources:
// decoding 0.28-0.36 → 0.16-0.19 s). Only whole huge pages inside the slice are
// advised; the advice is a hint, and a refusal changes nothing.
func adviseHugePages(claims []Claim) {
	const huge = 2 << 20
	if len(claims) == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(claims))), uintptr(len(claims))*unsafe.Sizeof(claims[0]))
	off := int((huge - uintptr(unsafe.Pointer(&b[0]))%huge) % huge)
	n := (len(b) - off) &^ (huge - 1)
	if n <= 0 {
		return
	}
	_ = syscall.Madvise(b[off:off+n], syscall.MADV_HUGEPAGE)
}
