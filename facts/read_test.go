package facts

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
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
	dir := t.TempDir()
	for name, f := range files {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, fsys := range []fs.FS{files, sizeless{files, 0}, sizeless{files, 5}, sizeless{files, 1 << 20}, DirFS(dir)} {
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
	for _, fsys := range []fs.FS{files, DirFS(dir)} {
		var buf []byte
		for _, name := range []string{"missing", "../" + filepath.Base(dir) + "/f", "/f", "f\x00"} {
			if _, err := readInto(fsys, name, -1, &buf); err == nil {
				t.Errorf("%T: %q read without an error", fsys, name)
			}
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf []byte
	if _, err := readInto(DirFS(dir), "folder", -1, &buf); err == nil {
		t.Error("a folder read as a file")
	}
}

// TestDirFSIsOSDirFS: besides reading into a buffer, DirFS answers as os.DirFS
// does, and refuses the names it refuses.
func TestDirFSIsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(DirFS(dir), "a.txt"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.txt", "missing", "../a.txt", "./a.txt", ""} {
		_, err1 := fs.Stat(DirFS(dir), name)
		_, err2 := fs.Stat(os.DirFS(dir), name)
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("Stat(%q): %v, os.DirFS: %v", name, err1, err2)
		}
		_, err1 = readInto(DirFS(dir), name, -1, new([]byte))
		_, err2 = readInto(os.DirFS(dir), name, -1, new([]byte))
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("readInto(%q): %v, os.DirFS: %v", name, err1, err2)
		}
	}
}
