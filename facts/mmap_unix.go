//go:build unix

package facts

import (
	"os"
	"syscall"
)

// mapFile maps a file into memory, read-only, and never unmaps it: the strings
// cut from it live as long as the process. A file replaced by rename, as packs
// are, leaves the mapping whole; a file cut short in place would not (SIGBUS), so
// only files this program writes by rename are mapped.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() == 0 || int64(int(info.Size())) != info.Size() {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
