package facts

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomicCrash simulates a crash in the middle of a write, after the new
// contents are on disk in the temporary file and before it replaces the old one:
// the old file must be whole, and no temporary file left behind.
func TestWriteAtomicCrash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reviews.yaml")
	old := []byte("# verdicts\nreviews:\n  - id: aaaaaaaaaaaa\n    key: k\n    claims: []\n    verdict: confirmed\n")
	if err := os.WriteFile(path, old, 0o640); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("power cut")
	crashBeforeRename = func(tmp string) error {
		if data, err := os.ReadFile(tmp); err != nil || len(data) == 0 {
			t.Errorf("the temporary file is not written before the rename: %v", err)
		}
		return crash
	}
	defer func() { crashBeforeRename = nil }()
	if err := WriteAtomic(path, []byte("reviews: []\n")); !errors.Is(err, crash) {
		t.Fatalf("WriteAtomic returned %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(old) {
		t.Errorf("after the crash the file holds %q (%v)", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}

	crashBeforeRename = nil
	if err := WriteAtomic(path, []byte("reviews: []\n")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "reviews: []\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("after a clean write: %q, mode %v", got, info.Mode().Perm())
	}
}
