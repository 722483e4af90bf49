package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestClaimRowsAsEncodingJSON: WriteClaimRows writes what encoding/json's
// Encoder writes with an indent of two spaces and HTML left as it is, for no
// rows, one, and rows whose strings hold quotes, backslashes, control
// characters, HTML, U+2028, bytes that are not UTF-8 and other scripts.
func TestClaimRowsAsEncodingJSON(t *testing.T) {
	odd := []string{"", "plain", `"quoted" \ back`, "tab\tnew\nline\r\x00\x1f\x7f", "<b>&amp;</b>", "line\u2028para\u2029", "bad\xff\xfeutf8", "Тегеран، ۱۳۵۷", "a\u00a0b’c"}
	var rows []ClaimRow
	for i, s := range odd {
		rows = append(rows, ClaimRow{Source: s, File: "sources/" + s, Line: i, Start: -i, End: 1 << 40, Subject: s, SubjectID: s, Predicate: s,
			Scope: s, Key: s, Text: s, Value: s, Kind: s, Quote: s, Section: s, Rule: s, Attribution: s, Citation: s})
	}
	for _, rows := range [][]ClaimRow{nil, {}, rows[:1], rows} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rows == nil {
			rows = []ClaimRow{} // the command lists [] for no claim
		}
		if err := enc.Encode(rows); err != nil {
			t.Fatal(err)
		}
		if err := WriteClaimRows(&got, rows); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d rows:\n%s\nencoding/json:\n%s", len(rows), got.Bytes(), want.Bytes())
		}
	}
}
