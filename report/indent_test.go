package report

import (
	"bytes"
	"encoding/json"
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
