//go:build !unix

package facts

// readFileInto is readInto through the file system's own files where the system
// calls are not Unix's.
func (d dirFS) readFileInto(name string, size int, buf *[]byte) ([]byte, error) {
	return readFrom(d.FS, name, size, buf)
}
