package facts

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// sizeless is a file system whose files tell a wrong size, as some file systems'
// files (pipes, /proc) do: reading must not trust it.
type sizeless struct {
	fs.FS
	size int64
}

func (s sizeless) Open(name string) (fs.File, error) {
	f, err := s.FS.Open(name)
	return sizedFile{f, s.size}, err
}

type sizedFile struct {
	fs.File
	size int64
}

func (f sizedFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return sizedInfo{info, f.size}, err
}

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (i sizedInfo) Size() int64        { return i.size }
func (i sizedInfo) ModTime() time.Time { return time.Time{} }

// TestReadIntoReadsWholeFiles: one buffer read into again and again gives every
// file whole, whatever its size, whatever size its file system claims and whatever
// size the caller says.
func TestReadIntoReadsWholeFiles(t *testing.T) {
	files := fstest.MapFS{}
	var names []string
	for _, n := range []int{0, 1, 7, 4095, 4096, 4097, 8193, 100_000, 3} {
		name := strings.Repeat("f", 1+len(names))
		files[name] = &fstest.MapFile{Data: bytes.Repeat([]byte{byte('a' + len(names))}, n)}
		names = append(names, name)
	}
	for _, fsys := range []fs.FS{files, sizeless{files, 0}, sizeless{files, 5}, sizeless{files, 1 << 20}} {
		var buf []byte
		for _, order := range [][]string{names, {names[7], names[0], names[5], names[1], names[7]}} {
			for _, name := range order {
				for _, size := range []int{-1, 0, 3, len(files[name].Data), 1 << 20} {
					got, err := readInto(fsys, name, size, &buf)
					if err != nil {
						t.Fatal(err)
					}
					if want := files[name].Data; !bytes.Equal(got, want) {
						t.Errorf("%T: %s, size %d: read %d bytes, want %d", fsys, name, size, len(got), len(want))
					}
				}
			}
		}
	}
	var buf []byte
	if _, err := readInto(files, "missing", -1, &buf); err == nil {
		t.Error("a missing file read without an error")
	}
}
