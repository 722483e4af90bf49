package facts

import (
	"fmt"
	"testing"
	"unsafe"
)

// TestDetachFillsItsRoom: the room Extract makes for a source's claims
// (detachedBytes) is what detach copies into them, to the byte, and the claims
// read the same once copied; the claims quoting one sentence share one copy.
func TestDetachFillsItsRoom(t *testing.T) {
	eachTestCorpus(t, func(t *testing.T, c *Corpus, rs *RuleSet) {
		claims := mustExtractAll(t, c, rs)
		size, shared := 0, 0
		var quote detachedQuote
		for i := range claims {
			var n int
			n, quote = claims[i].detachedBytes(quote)
			size += n
		}
		room := &detachRoom{buf: make([]byte, 0, size)}
		copied := make([]Claim, len(claims))
		quote = detachedQuote{}
		for i := range claims {
			copied[i] = claims[i]
			quote = copied[i].detach(quote, room)
			if i > 0 && copied[i].Quote != "" && unsafe.StringData(copied[i].Quote) == unsafe.StringData(copied[i-1].Quote) {
				shared++
			}
		}
		if len(room.buf) != size || cap(room.buf) != size {
			t.Errorf("detach copied %d bytes into a room of %d made for %d", len(room.buf), cap(room.buf), size)
		}
		if fmt.Sprint(copied) != fmt.Sprint(claims) {
			t.Error("the claims read otherwise once copied")
		}
		if shared == 0 {
			t.Error("no two claims share a quote: the count of the shared ones is not tested")
		}
	})
}
