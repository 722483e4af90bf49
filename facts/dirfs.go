package facts

import (
	"io/fs"
	"os"
)

// DirFS is the file system of the folder dir, as os.DirFS is, for LoadCorpus:
// besides opening files it reads a source straight into a worker's buffer. A
// source is read twice (once to learn from, once to extract), and through
// os.File each reading costs seven system calls where four will do (an open
// checks the file's kind and mode, a Stat asks its size again): with thousands of
// short sources those calls cost as much as reading the bytes.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

type dirFS struct {
	fs.FS
	dir string
}

// Stat, ReadFile and ReadDir are os.DirFS's own: an embedded fs.FS lends its
// Open only.
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }
func (d dirFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(d.FS, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }

// fileReader is a file system that reads a file into a buffer itself (readInto's
// contract).
type fileReader interface {
	readFileInto(name string, size int, buf *[]byte) ([]byte, error)
}

// path is the file name joined to the folder's path, as os.DirFS makes it, or
// false for a name os.DirFS refuses.
func (d dirFS) path(name string) (string, bool) {
	if !fs.ValidPath(name) || d.dir == "" {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return "", false
		}
	}
	return d.dir + string(os.PathSeparator) + name, true
}
