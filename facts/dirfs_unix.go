//go:build unix

package facts

import (
	"io"
	"io/fs"
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
	return readAllInto(fdReader{fd, name}, size, buf)
}

// fdReader reads an open file by system calls, as os.File's Read does: the end
// as io.EOF, an interrupted call made again.
type fdReader struct {
	fd   int
	name string
}

func (r fdReader) Read(p []byte) (int, error) {
	n, err := ignoringEINTR(func() (int, error) { return syscall.Read(r.fd, p) })
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: r.name, Err: err}
	case n == 0 && len(p) > 0:
		return 0, io.EOF
	}
	return n, nil
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
