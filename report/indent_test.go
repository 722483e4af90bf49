package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// indentSamples are JSON texts with what json.Indent treats apart: empty objects
// and arrays, nesting, strings holding brackets, commas, colons, quotes and
// backslashes, escapes before the closing quote, numbers, literals.
var indentSamples = []string{
	`{}`, `[]`, `[{}]`, `{"a":[]}`, `{"a":{},"b":[[],[{}]]}`, `"x"`, `1`, `null`,
	`{"a":"{[,:]}","b":"say \"hi\", then: [go]","c":"\\","d":"\\\""}`,
	`[1,-2.5e10,true,false,null,"é\u00e9\n"]`,
	`{"schema":"compare.report/v1","sources":[{"id":"s1","claims":3}],"conflicts":[],"agreements":[{"key":"k","sources":["a","b"]}]}`,
}

// TestIndentAsJSONIndent: indent lays out the samples, and a report of the
// embedded corpus encoded compact, byte for byte as json.Indent does.
func TestIndentAsJSONIndent(t *testing.T) {
	for _, s := range indentSamples {
		sameIndent(t, []byte(s))
	}
	r := seedsReport(t)
	var laidOut bytes.Buffer
	if err := JSON(&laidOut, r); err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, laidOut.Bytes()); err != nil {
		t.Fatal(err)
	}
	if c.Len() < 10000 {
		t.Fatalf("the report is %d bytes: the test compares too little", c.Len())
	}
	sameIndent(t, c.Bytes())
}

func sameIndent(t *testing.T, compact []byte) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, compact, "", "  "); err != nil {
		t.Fatalf("%s: %v", compact, err)
	}
	if got := indent(nil, compact); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("indent(%s) =\n%s\njson.Indent gives\n%s", compact, got, want.Bytes())
	}
}

// FuzzIndent: any valid JSON, made compact, is laid out as json.Indent lays it out.
func FuzzIndent(f *testing.F) {
	for _, s := range indentSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c bytes.Buffer
		if json.Compact(&c, []byte(s)) != nil {
			return
		}
		sameIndent(t, c.Bytes())
	})
}

// TestLayOutAsOneWhole: a report laid out conflict by conflict, on every core, a
// chunk of them at a time, is
// the report encoded and laid out whole, byte for byte, for the embedded corpus's
// report, for it with no conflicts and with one, and for conflicts and sources
// whose strings hold the bytes the report is cut at ("conflicts":[]), brackets and
// markup; and it is what json.Indent makes of it.
func TestLayOutAsOneWhole(t *testing.T) {
	r := seedsReport(t)
	made := *r
	made.Conflicts = append([]Conflict(nil), r.Conflicts[:3]...)
	made.Conflicts[0].Title = `"conflicts":[] {[,:]} <b>&</b>`
	made.Conflicts[1].Explanation = `"conflicts":[],"agreements":[]`
	made.Sources = append([]Source(nil), r.Sources...)
	made.Sources[0].Title = `"conflicts":[]`
	none, one := *r, *r
	none.Conflicts, one.Conflicts = nil, r.Conflicts[:1]
	for name, rep := range map[string]*Report{"seeds": r, "made": &made, "none": &none, "one": &one} {
		want, err := layOutWhole(jsonWhole(rep))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		var got []byte
		for _, chunk := range []int{1, 2, 3, jsonChunk(), 1 << 20} {
			var b bytes.Buffer
			w := bufio.NewWriterSize(&b, 16) // smaller than any conflict
			if err := writeJSON(w, rep, chunk); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			if got = b.Bytes(); !bytes.Equal(got, want) {
				t.Errorf("%s: laid out %d conflicts at a time it differs from laid out whole", name, chunk)
			}
		}
		var c, indented bytes.Buffer
		if err := json.Compact(&c, got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		indented.Grow(len(got))
		if err := json.Indent(&indented, c.Bytes(), "", "  "); err != nil || !bytes.Equal(got, append(indented.Bytes(), '\n')) {
			t.Errorf("%s: not as json.Indent lays it out (%v)", name, err)
		}
	}
}

// writtenAsEncoded fails the test where appendConflict writes c otherwise than
// encoding/json and indentFrom do, at depth.
func writtenAsEncoded(t *testing.T, c *jsonConflict, depth int) {
	t.Helper()
	src, err := compactJSON(c)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := indentFrom(nil, src, depth)
	if got := appendConflict(nil, c, depth); !bytes.Equal(got, want) {
		t.Fatalf("conflict %q written as\n%s\nencoded and laid out\n%s", c.ID, got, want)
	}
}

// oddStrings are strings encoding/json escapes, each way it does.
var oddStrings = []string{"", "plain", `say "hi" \ back`, "tab\tnew\nline\rret\bback\fform", "\x00\x01\x1f\x7f",
	"<b>&amp;</b>", "é “quoted” – dash", "line\u2028para\u2029", "bad \xff\xfe utf-8 \xe2\x82", "🙂 \U0001F600"}

// TestConflictsWrittenAsEncoded: every conflict of the embedded corpus's report,
// and conflicts made of strings of every kind (escapes, control characters,
// U+2028, bytes that are not UTF-8, markup), with claims, new claims or none, are
// written at every depth as encoding/json encodes them and indent lays them out.
func TestConflictsWrittenAsEncoded(t *testing.T) {
	out := jsonWhole(seedsReport(t))
	if len(out.Conflicts) < 10 {
		t.Fatalf("only %d conflicts", len(out.Conflicts))
	}
	for depth := range 4 {
		for i := range out.Conflicts {
			writtenAsEncoded(t, &out.Conflicts[i], depth)
		}
	}
	for i, s := range oddStrings {
		cl := jsonClaim{Source: s, Line: i, Start: -i, End: math.MaxInt, Text: s, Value: s, Quote: s, Attribution: s, Citation: s}
		c := jsonConflict{ID: s, Key: s, Subject: s, Predicate: s, Title: s, Class: s, IntraSource: i%2 == 0, Explanation: s,
			Claims: []jsonClaim{}, Review: jsonReview{Status: s, Verdict: s, Note: s, By: s, At: s, New: []jsonClaim{}}} // as conflictJSON makes them
		switch i % 3 {
		case 1:
			c.Claims = []jsonClaim{cl}
		case 2:
			c.Claims, c.Review.New = []jsonClaim{cl, cl}, []jsonClaim{cl}
		}
		writtenAsEncoded(t, &c, i%3)
	}
}

// FuzzConflictWritten: a conflict of any strings is written as encoding/json
// encodes it and indent lays it out.
func FuzzConflictWritten(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s, s, 3)
	}
	f.Fuzz(func(t *testing.T, a, b string, n int) {
		cl := jsonClaim{Source: a, Line: n, Text: b, Value: a, Quote: b}
		c := jsonConflict{ID: a, Title: b, Explanation: a + b, Claims: []jsonClaim{cl}, Review: jsonReview{Note: b, New: []jsonClaim{cl}}}
		writtenAsEncoded(t, &c, n&3)
	})
}

// jsonWhole is the report as the JSON contract has it, its conflicts too, which
// the tests hold writeJSON to.
func jsonWhole(r *Report) jsonReport { return withConflicts(jsonOf(r), r) }
