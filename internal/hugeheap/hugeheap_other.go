//go:build !linux

package hugeheap

// Reserve is Linux's: elsewhere it does nothing and returns 0.
func Reserve(n int) int { return 0 }
