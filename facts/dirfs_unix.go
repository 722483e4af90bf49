//go:build unix

package facts

import (
	"io/fs"
	"slices"
	"syscall"
)

// readFileInto is readInto for a file of the folder, by system calls: open, the
// reads, close, and a fstat only when the caller does not know the size.
func (d dirFS) readFileInto(name string, size int, buf *[]byte) ([]byte, error) {
	path, ok := d.path(name)
	if !ok {
		return readFrom(d.FS, name, size, buf)
	}
	fd, err := ignoringEINTR(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	if size < 0 {
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
			size = int(st.Size)
		}
		size = max(size, 0)
	}
	data := slices.Grow((*buf)[:0], size+1) // one byte more, for the read that finds the end
	for {
		if len(data) == cap(data) {
			data = slices.Grow(data, 4096)
		}
		n, err := ignoringEINTR(func() (int, error) { return syscall.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			*buf = data
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		data = data[:len(data)+n]
		*buf = data
		if n == 0 {
			return data, nil
		}
	}
}

// ignoringEINTR calls fn again while a signal interrupts it, as package os does.
func ignoringEINTR(fn func() (int, error)) (int, error) {
	for {
		n, err := fn()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
