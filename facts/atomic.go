package facts

import (
	"fmt"
	"os"
	"path/filepath"
)

// crashBeforeRename, when set (by tests), is called once the new contents are in
// the temporary file and before it replaces the old one; an error stands for a
// crash at that moment.
var crashBeforeRename func(tmp string) error

// WriteAtomic replaces the file at path with data so that a crash at any moment
// leaves either the old file whole or the new one: the data goes to a temporary
// file in the same folder, is synced to disk, and is renamed over the old file.
// A new file gets mode 0644; an existing one keeps its mode.
func WriteAtomic(path string, data []byte) error { return writeAtomic(path, data, true) }

// writeAtomic is WriteAtomic, syncing the data to disk before the rename only if
// asked: a cache entry need not survive a crash, since a torn one fails its sum
// and is rebuilt, and syncing each of thousands of entries costs more than
// extracting some of them again.
func writeAtomic(path string, data []byte, sync bool) (err error) {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if sync {
		if err := tmp.Sync(); err != nil {
			tmp.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if crashBeforeRename != nil {
		if err := crashBeforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
