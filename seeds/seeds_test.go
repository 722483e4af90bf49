package seeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// published are the SHA-256 sums of the five documents as published, so that any
// change to the embedded copies, even a stray byte, fails the build.
var published = map[string]string{
	"blog.txt":        "61dd822dc6ef65635fa365ed439d9d42d634c942226e353d0c4b466999489bbe",
	"jamestown.txt":   "6c90c41adff8c34edb2bbb31fe68c62a5796609a00283ddb929294b5c847747b",
	"start.txt":       "209776e6d8293d30a89b02546eb4c24a3c8eb0764de4c8e75b881898b3328f69",
	"web-profile.txt": "5a19a836b4d55ef5df1aa55307a25f2cbf5c84a2df98aa82d5868f76d94fc51f",
	"wikipedia.txt":   "225564bbddf883f206cdf987204c5f82f04b0c139fdef2addee43bc563383c1e",
}

func TestDocumentsAreByteForByte(t *testing.T) {
	names, err := fs.Glob(FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(published) {
		t.Errorf("embedded %d documents, want %d: %v", len(names), len(published), names)
	}
	for _, name := range names {
		data, err := FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != published[name] {
			t.Errorf("%s: sha256 %s, want %s", name, got, published[name])
		}
		// Where the originals sit beside the project (as in CI), compare bytes too.
		if orig, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", name)); err == nil && !bytes.Equal(orig, data) {
			t.Errorf("%s differs from ../shared/seeds/%s", name, name)
		}
	}
}
