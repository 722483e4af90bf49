//go:build !linux

package facts

// adviseHugePages is Linux's.
func adviseHugePages([]Claim) {}
