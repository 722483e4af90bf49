package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"strconv"
	"unicode/utf8"

	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/par"
)

// The JSON contract, compare.report/v1: exactly these fields. Fields may be added
// within v1, never renamed or removed. Lists are [] when empty, never null.
type jsonReport struct {
	Schema     string          `json:"schema"`
	Sources    []jsonSource    `json:"sources"`
	Conflicts  []jsonConflict  `json:"conflicts"`
	Agreements []jsonAgreement `json:"agreements"`
	Orphaned   []jsonOrphan    `json:"orphaned_reviews"` // added in v1: reviews whose conflict no longer appears
}

type jsonOrphan struct {
	ID      string `json:"id"`
	Key     string `json:"key"`
	Title   string `json:"title"`
	Verdict string `json:"verdict"`
	Line    int    `json:"line"`
}

type jsonSource struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	AsOf      string `json:"as_of"`
	Claims    int    `json:"claims"`
}

type jsonConflict struct {
	ID          string      `json:"id"`
	Key         string      `json:"key"`
	Subject     string      `json:"subject"`
	Predicate   string      `json:"predicate"`
	Title       string      `json:"title"`
	Class       string      `json:"class"`
	IntraSource bool        `json:"intra_source"`
	Explanation string      `json:"explanation"`
	Claims      []jsonClaim `json:"claims"`
	Review      jsonReview  `json:"review"`
}

type jsonClaim struct {
	Source      string `json:"source"`
	Line        int    `json:"line"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Value       string `json:"value"`
	Quote       string `json:"quote"`
	Attribution string `json:"attribution"`
	Citation    string `json:"citation"`
}

type jsonReview struct {
	Status  string      `json:"status"`
	Verdict string      `json:"verdict"`
	Note    string      `json:"note"`
	By      string      `json:"by"`
	At      string      `json:"at"`
	New     []jsonClaim `json:"new_claims"` // added in v1: claims the review did not cover
}

type jsonAgreement struct {
	Key     string   `json:"key"`
	Value   string   `json:"value"`
	Sources []string `json:"sources"`
}

func claimJSON(cl Claim) jsonClaim {
	return jsonClaim{Source: cl.Source, Line: cl.Line, Start: cl.Start, End: cl.End, Text: cl.Text,
		Value: cl.Value, Quote: cl.Quote, Attribution: cl.Attribution, Citation: cl.Citation}
}

// claimJSONOf is claimJSON of claimView(cl), read from the claim itself.
func claimJSONOf(cl *facts.Claim) jsonClaim {
	return jsonClaim{Source: string(cl.Source), Line: cl.Line, Start: cl.Span.Start, End: cl.Span.End, Text: cl.Text,
		Value: cl.Normalized(), Quote: cl.Quote, Attribution: cl.Attribution, Citation: cl.Citation}
}

// JSON writes the report as compare.report/v1.
func JSON(w io.Writer, r *Report) error {
	b := bufio.NewWriterSize(w, 1<<16)
	if err := writeJSON(b, r, jsonChunk()); err != nil {
		return err
	}
	return b.Flush()
}

// jsonChunk is how many conflicts writeJSON lays out at once: a few for each
// core. A large report has few conflicts, each of thousands of claims (on 10,000
// generated sources, 184 conflicts of 1,100 claims on average).
func jsonChunk() int { return 4 * runtime.GOMAXPROCS(0) }

// writeJSON writes the report as json.Encoder encodes it (HTML left as it is)
// and indent lays it out, and a line break. The conflicts, most of a large
// report, are written chunk conflicts at a time: each chunk's conflicts are laid
// out on every core, each on its own (appendConflict: a conflict is laid out the
// same wherever it starts, given the depth it starts at), written in order, and
// their room used again for the next chunk. The report is never whole in memory:
// on 10,000 sources it is 80 MB, and its conflicts' claims as the contract has
// them as much again.
func writeJSON(w *bufio.Writer, r *Report, chunk int) error {
	out := jsonOf(r)
	head, err := compactJSON(out)
	if err != nil {
		return err
	}
	// The report with no conflicts holds "conflicts":[] once: a string holding
	// those bytes would have its quotes escaped.
	at := bytes.Index(head, []byte(`"conflicts":[]`))
	if len(r.Conflicts) == 0 || at < 0 {
		whole, err := layOutWhole(withConflicts(out, r))
		if err != nil {
			return err
		}
		w.Write(whole)
		return w.WriteByte('\n')
	}
	at += len(`"conflicts":[`)
	before, d := indentFrom(nil, head[:at], 0)
	w.Write(before)
	between := newline([]byte{','}, d)
	const depth = 2 // in the report's object, in its list of conflicts
	chunk = max(1, min(chunk, len(r.Conflicts)))
	written := make([][]byte, chunk)
	contract := make([]jsonConflict, chunk)
	for lo := 0; lo < len(r.Conflicts); lo += chunk {
		n := min(chunk, len(r.Conflicts)-lo)
		par.Each(n, 0, func(i int) {
			c := &contract[i]
			*c = conflictJSON(&r.Conflicts[lo+i], *c)
			written[i] = appendConflict(room(written[i], conflictSize(c)), c, depth)
		})
		for i := range n {
			if lo+i > 0 {
				w.Write(between)
			}
			w.Write(written[i])
		}
	}
	tail, _ := indentFrom(nil, head[at:], d)
	w.Write(tail)
	return w.WriteByte('\n')
}

// room is s emptied, with room for n elements: its own array when large enough,
// else a new one (slices.Grow would copy the old elements over, which are of no
// use, and growing by append copies them at each step).
func room[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// jsonOf is the report as the JSON contract has it, less its conflicts
// (conflictJSON).
func jsonOf(r *Report) jsonReport {
	out := jsonReport{Schema: Schema, Sources: []jsonSource{}, Conflicts: []jsonConflict{}, Agreements: []jsonAgreement{}, Orphaned: []jsonOrphan{}}
	for _, o := range r.Orphaned {
		out.Orphaned = append(out.Orphaned, jsonOrphan(o))
	}
	for _, s := range r.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, File: s.File, Title: s.Title, Publisher: s.Publisher, AsOf: s.AsOf, Claims: s.Claims})
	}
	for _, a := range r.Agreements {
		srcs := append([]string{}, a.Sources...)
		out.Agreements = append(out.Agreements, jsonAgreement{Key: a.Key, Value: a.Value, Sources: srcs})
	}
	return out
}

// withConflicts is out, jsonOf(r), with r's conflicts: what writeJSON writes
// whole when it cannot write the conflicts apart.
func withConflicts(out jsonReport, r *Report) jsonReport {
	for i := range r.Conflicts {
		out.Conflicts = append(out.Conflicts, conflictJSON(&r.Conflicts[i], jsonConflict{}))
	}
	return out
}

// conflictJSON is c as the JSON contract has it, its claims in kept's lists
// (emptied first) when they have room for them, else in lists of their size.
func conflictJSON(c *Conflict, kept jsonConflict) jsonConflict {
	jc := jsonConflict{ID: c.ID, Key: c.Key, Subject: c.Subject, Predicate: c.Predicate, Title: c.Title, Class: c.Class,
		IntraSource: c.IntraSource, Explanation: c.Explanation, Claims: room(kept.Claims, len(c.Claims)+len(c.claims)),
		Review: jsonReview{Status: c.Review.Status, Verdict: c.Review.Verdict, Note: c.Review.Note, By: c.Review.By, At: c.Review.At, New: room(kept.Review.New, len(c.Review.New))}}
	if jc.Claims == nil {
		jc.Claims = []jsonClaim{}
	}
	if jc.Review.New == nil {
		jc.Review.New = []jsonClaim{}
	}
	for _, cl := range c.Claims {
		jc.Claims = append(jc.Claims, claimJSON(cl))
	}
	for _, cl := range c.claims {
		jc.Claims = append(jc.Claims, claimJSONOf(cl))
	}
	for _, cl := range c.Review.New {
		jc.Review.New = append(jc.Review.New, claimJSON(cl))
	}
	return jc
}

// appendConflict appends c to dst as encoding/json writes it (HTML left as it
// is) and indentFrom lays it out at depth: a conflict is most of a report, and
// written field by field it costs a fraction of what reflection does
// (TestConflictsWrittenAsEncoded holds the two together on every conflict of the
// corpora at hand and on strings of every kind; FuzzConflictWritten).
func appendConflict(dst []byte, c *jsonConflict, depth int) []byte {
	in := depth + 1
	dst = append(dst, '{')
	dst = stringField(dst, in, true, "id", c.ID)
	dst = stringField(dst, in, false, "key", c.Key)
	dst = stringField(dst, in, false, "subject", c.Subject)
	dst = stringField(dst, in, false, "predicate", c.Predicate)
	dst = stringField(dst, in, false, "title", c.Title)
	dst = stringField(dst, in, false, "class", c.Class)
	dst = fieldName(dst, in, false, "intra_source")
	dst = strconv.AppendBool(dst, c.IntraSource)
	dst = stringField(dst, in, false, "explanation", c.Explanation)
	dst = fieldName(dst, in, false, "claims")
	dst = appendClaims(dst, c.Claims, in)
	dst = fieldName(dst, in, false, "review")
	r, rin := &c.Review, in+1
	dst = append(dst, '{')
	dst = stringField(dst, rin, true, "status", r.Status)
	dst = stringField(dst, rin, false, "verdict", r.Verdict)
	dst = stringField(dst, rin, false, "note", r.Note)
	dst = stringField(dst, rin, false, "by", r.By)
	dst = stringField(dst, rin, false, "at", r.At)
	dst = fieldName(dst, rin, false, "new_claims")
	dst = appendClaims(dst, r.New, rin)
	dst = newline(dst, in)
	dst = append(dst, '}')
	dst = newline(dst, depth)
	return append(dst, '}')
}

// conflictSize is about how long c is written: its strings and their field
// names and indentation, a little more, so that writing it seldom grows.
func conflictSize(c *jsonConflict) int {
	n := 512 + len(c.ID) + len(c.Key) + len(c.Subject) + len(c.Predicate) + len(c.Title) + len(c.Explanation) + len(c.Review.Note)
	for _, cs := range [][]jsonClaim{c.Claims, c.Review.New} {
		for i := range cs {
			cl := &cs[i]
			n += 256 + len(cl.Source) + len(cl.Text) + len(cl.Value) + len(cl.Quote) + len(cl.Attribution) + len(cl.Citation)
		}
	}
	return n + n/16
}

// appendClaims appends a list of claims at depth, as appendConflict does (a nil
// list too is [], which jsonOf never makes).
func appendClaims(dst []byte, cs []jsonClaim, depth int) []byte {
	if len(cs) == 0 {
		return append(dst, '[', ']')
	}
	dst = append(dst, '[')
	in := depth + 1
	for i := range cs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = newline(dst, in)
		c, cin := &cs[i], in+1
		dst = append(dst, '{')
		dst = stringField(dst, cin, true, "source", c.Source)
		dst = intField(dst, cin, "line", c.Line)
		dst = intField(dst, cin, "start", c.Start)
		dst = intField(dst, cin, "end", c.End)
		dst = stringField(dst, cin, false, "text", c.Text)
		dst = stringField(dst, cin, false, "value", c.Value)
		dst = stringField(dst, cin, false, "quote", c.Quote)
		dst = stringField(dst, cin, false, "attribution", c.Attribution)
		dst = stringField(dst, cin, false, "citation", c.Citation)
		dst = newline(dst, in)
		dst = append(dst, '}')
	}
	dst = newline(dst, depth)
	return append(dst, ']')
}

// fieldName appends an object's field name at depth, after a comma unless it is
// the first.
func fieldName(dst []byte, depth int, first bool, name string) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = newline(dst, depth)
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, '"', ':', ' ')
}

func stringField(dst []byte, depth int, first bool, name, v string) []byte {
	return appendJSONString(fieldName(dst, depth, first, name), v)
}

func intField(dst []byte, depth int, name string, v int) []byte {
	return strconv.AppendInt(fieldName(dst, depth, false, name), int64(v), 10)
}

// appendJSONString appends s quoted as encoding/json quotes a string with HTML
// left as it is: quotes, backslashes and control characters escaped, U+2028 and
// U+2029 too, and each byte that is not UTF-8 written as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none is to be escaped or beyond ASCII.
		for i+8 <= len(s) && escapes8(word8(s[i:])) == 0 {
			i += 8
		}
		if i == len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// word8 is the first eight bytes of b as one word, little-endian: one load, as
// the compiler reads it.
func word8(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// escapes8 is 0 when none of the eight bytes of w is to be escaped in a JSON
// string or beyond ASCII: no control character, quote or backslash (Sean
// Anderson's hasless on w and 32, and haszero on w with each quote and
// backslash made 0). It may be other than 0 for a plain word, never 0 for
// another.
func escapes8(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, bs := w^(ones*'"'), w^(ones*'\\')
	return ((w-ones*' ')&^w | (q-ones)&^q | (bs-ones)&^bs | w) & highs
}

// layOutWhole is layOut on one core, the report encoded whole and then laid out.
func layOutWhole(out jsonReport) ([]byte, error) {
	whole, err := compactJSON(out)
	if err != nil {
		return nil, err
	}
	// Laid out, a report grows by about a third: room for half spares growing it.
	return indent(make([]byte, 0, len(whole)*3/2), whole), nil
}

// compactJSON is v as json.Encoder writes it with HTML left as it is, less the
// line break it ends with.
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// indent appends to dst the compact JSON src laid out as json.Indent(dst, src, "",
// "  ") lays it out (TestIndentAsJSONIndent, FuzzIndent), many times faster: it
// only copies strings through and breaks lines around brackets and commas, where
// json.Indent runs its scanner's state machine on every byte, a fifth of the time
// of a large report. src must be valid JSON without white space between tokens,
// as encoding/json writes it.
func indent(dst, src []byte) []byte {
	dst, _ = indentFrom(dst, src, 0)
	return dst
}

// indentFrom is indent of a stretch of JSON that begins depth brackets in, and
// returns the depth it ends at.
func indentFrom(dst, src []byte, depth int) ([]byte, int) {
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			dst = newline(dst, depth)
		case '}', ']':
			depth--
			dst = newline(dst, depth)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, depth)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst, depth
}

// newline appends a line break and the indentation of depth.
func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
