package facts

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastYAMLNode reads a manifest written in the plain subset of YAML that
// manifests are written in, and returns the root node that yaml.v3 would give
// (what ParseYAML keeps in YAMLFile.Root): the same kinds, styles, tags, values,
// lines and columns, all the way down. yaml.v3 spends about 16 µs and 83
// allocations a source of a manifest (17 ms for 1,000 sources); this reader,
// which cuts the values out of one copy of the text and takes the nodes from a
// few large blocks, about a quarter of that and less than one allocation a
// source.
//
// The subset is what the manifests in the repository, gencorpus, "compare init"
// and "compare add" write:
//
//   - a block mapping at the first column, its keys plain or quoted scalars;
//   - block mappings and block sequences inside it, a sequence's dashes indented
//     more than its key or as much, a sequence's items single values or mappings
//     whose first key follows the dash ("  - id: x");
//   - flow mappings and flow sequences that open and close on one line
//     ({name: "X", aliases: ["A", "B"]}, []);
//   - scalars on one line: plain ones, single-quoted ones, and double-quoted ones
//     with any of YAML's escapes but an escaped line break;
//   - comments, on their own lines or after a value, and blank lines.
//
// ok is false for anything else, and for anything the reader is not sure it
// reads as yaml.v3 does: tabs, carriage returns, a byte-order mark, characters
// YAML does not allow, "---" or "..." at the start of a line, anchors, aliases,
// tags, "?" keys, block scalars ("|", ">"), scalars or flow collections that go
// on to the next line, empty values (null), sequences directly in sequences,
// keys longer than 1,000 bytes, a key repeated in a mapping, more than
// maxFastKeys keys in one mapping, collections nested more than maxFastDepth
// deep, anything more indented than it may be, and anything yaml.v3 rejects.
// The caller then parses the manifest with yaml.v3, whose messages its errors
// carry.
//
// The nodes carry no comments (HeadComment, LineComment and FootComment are
// empty): parseManifest, the only caller, never reads them. Everything that
// writes a YAML file back (compare add, compare review) parses it with
// ParseYAML, which keeps them.
func fastYAMLNode(data []byte) (root *yaml.Node, ok bool) {
	ascii, ok := fastYAMLText(data)
	if !ok {
		return nil, false
	}
	// A manifest has about one node every 15 bytes: a block of nodes holds
	// those of 32 bytes, at most 2,048 (300 KB), so that little is left unused.
	r := &fastReader{text: string(data), ascii: ascii, chunk: min(max(len(data)/32, 16), 2048)}
	return r.document()
}

const (
	maxFastKeys     = 64   // keys of one mapping, so that repeated keys are found by comparing each with each
	maxFastDepth    = 64   // collections within collections
	maxFastKeyBytes = 1000 // yaml.v3 looks for a key's colon at most 1,024 characters on
)

// fastYAMLText checks that every character of data is one the reader takes as
// yaml.v3 does, and that no line starts a document ("---") or ends one ("..."),
// after which yaml.v3 stops reading. ascii says whether every byte is ASCII,
// which makes columns byte offsets.
func fastYAMLText(data []byte) (ascii, ok bool) {
	ascii = true
	for line := range bytes.Lines(data) {
		if len(line) >= 3 && (string(line[:3]) == "---" || string(line[:3]) == "...") {
			return false, false
		}
		for i := 0; i < len(line); {
			c := line[i]
			if c >= 0x20 && c <= 0x7e || c == '\n' {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				return false, false // tabs, carriage returns and control characters
			}
			ascii = false
			r, size := utf8.DecodeRune(line[i:])
			if !fastYAMLRune(r, size) {
				return false, false
			}
			i += size
		}
	}
	return ascii, true
}

// fastYAMLRune reports whether a character beyond ASCII is one YAML allows in
// its text (yaml.v3's readerc.go) and not a line break (U+0085, U+2028, U+2029)
// or a byte-order mark, which yaml.v3 skips at the start of a line.
func fastYAMLRune(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1: // not UTF-8
		return false
	case r == 0xfeff || r == 0x2028 || r == 0x2029:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// fastReader reads the lines of a manifest one by one, each collection and each
// scalar as it meets it.
type fastReader struct {
	text  string // the input: values without escapes are cut from it, not copied
	ascii bool   // every byte of text is ASCII

	next   int      // where the line after the one peeked starts
	number int      // the number of the last line looked at
	line   fastLine // the line peeked, while peeked holds
	peeked bool

	depth int // how many collections are open

	// The column of byte at of line number line, the last one counted.
	counted struct{ line, at, column int }

	// The nodes are taken from blocks of chunk nodes, and the collections'
	// contents from blocks of pointers; open holds the children of the
	// collections being read, the innermost's last.
	chunk   int
	nodes   []yaml.Node
	content []*yaml.Node
	open    []*yaml.Node
}

// fastLine is one line of the input that holds more than spaces and a comment.
type fastLine struct {
	start, end int // its bytes in text, without the line break
	number     int // counted from 1
	indent     int // the spaces before its first character
}

// fastScalar is a scalar read from a line, before it becomes a node.
type fastScalar struct {
	value string
	style yaml.Style // 0 (plain), yaml.DoubleQuotedStyle or yaml.SingleQuotedStyle
	start int        // its first byte, the quote of a quoted scalar
	next  int        // the byte after it: after the closing quote, or where a plain scalar stopped
}

// document reads the whole input as one block mapping starting in the first
// column of its first line that holds anything.
func (r *fastReader) document() (*yaml.Node, bool) {
	l, more := r.peek()
	if !more || l.indent != 0 {
		return nil, false
	}
	root, ok := r.blockMapping(l, l.start)
	if !ok {
		return nil, false
	}
	if _, more := r.peek(); more {
		return nil, false
	}
	return root, true
}

// peek returns the next line that holds more than spaces and a comment, false
// at the end of the input. The line stays the next one until advance is called.
func (r *fastReader) peek() (fastLine, bool) {
	for !r.peeked {
		if r.next >= len(r.text) {
			return fastLine{}, false
		}
		start, end := r.next, len(r.text)
		if i := strings.IndexByte(r.text[start:], '\n'); i >= 0 {
			end = start + i
		}
		r.next = end + 1
		r.number++
		indent := 0
		for start+indent < end && r.text[start+indent] == ' ' {
			indent++
		}
		if start+indent == end || r.text[start+indent] == '#' {
			continue
		}
		r.line = fastLine{start: start, end: end, number: r.number, indent: indent}
		r.peeked = true
	}
	return r.line, true
}

// advance moves past the line peeked, which has been read.
func (r *fastReader) advance() { r.peeked = false }

// column is the column yaml.v3 gives byte p of line l: counted in characters,
// from 1. Nodes are made from left to right, so the count goes on from the
// last one's when it is on the same line: a long line is counted once.
func (r *fastReader) column(l fastLine, p int) int {
	if r.ascii {
		return p - l.start + 1
	}
	if r.counted.line != l.number || p < r.counted.at {
		r.counted.line, r.counted.at, r.counted.column = l.number, l.start, 1
	}
	r.counted.column += utf8.RuneCountInString(r.text[r.counted.at:p])
	r.counted.at = p
	return r.counted.column
}

// blockMapping reads the block mapping whose first key starts at byte at of
// line l (the line peeked), and whose other keys start lines in the same column.
func (r *fastReader) blockMapping(l fastLine, at int) (*yaml.Node, bool) {
	if !r.enter() {
		return nil, false
	}
	defer r.leave()
	indent := at - l.start // only spaces and a dash come before it
	m := r.newNode(yaml.MappingNode, 0, "!!map", "", l, at)
	mark := len(r.open)
	for {
		if !r.mappingEntry(l, at, indent) {
			return nil, false
		}
		next, more := r.peek()
		if !more || next.indent < indent {
			break
		}
		if next.indent > indent {
			return nil, false // yaml.v3 reads it as more of the value above, or rejects it
		}
		l, at = next, next.start+indent
	}
	if !r.distinctKeys(mark) {
		return nil, false
	}
	m.Content = r.collect(mark)
	return m, true
}

// mappingEntry reads the key that starts at byte at of line l and its value:
// after the colon on the same line or, when only a comment follows the colon,
// on the lines below.
func (r *fastReader) mappingEntry(l fastLine, at, indent int) bool {
	key, p, ok := r.key(l, at, false)
	if !ok {
		return false
	}
	r.open = append(r.open, r.scalarNode(l, key))
	// The colon is followed by a space or ends the line, so a '#' after the
	// spaces starts a comment.
	p = skipSpaces(r.text, p, l.end)
	if p < l.end && r.text[p] != '#' {
		value, end, ok := r.inlineValue(l, p)
		if !ok || !r.lineEnds(l, end) {
			return false
		}
		r.open = append(r.open, value)
		r.advance()
		return true
	}
	r.advance()
	value, ok := r.blockBelow(indent)
	if !ok {
		return false
	}
	r.open = append(r.open, value)
	return true
}

// blockBelow reads the value of a key whose line ends after its colon: a block
// sequence or mapping on the lines below, indented more than the key, or a
// block sequence whose dashes are in the key's column. Anything else is an
// empty value (null), which the reader leaves to yaml.v3.
func (r *fastReader) blockBelow(indent int) (*yaml.Node, bool) {
	l, more := r.peek()
	switch {
	case !more:
		return nil, false
	case r.startsBlockEntry(l, l.start+l.indent) && l.indent >= indent:
		return r.blockSequence(l)
	case l.indent > indent:
		return r.blockMapping(l, l.start+l.indent)
	}
	return nil, false
}

// blockSequence reads the block sequence whose first dash starts line l (the
// line peeked).
func (r *fastReader) blockSequence(l fastLine) (*yaml.Node, bool) {
	if !r.enter() {
		return nil, false
	}
	defer r.leave()
	indent := l.indent
	s := r.newNode(yaml.SequenceNode, 0, "!!seq", "", l, l.start+indent)
	mark := len(r.open)
	for {
		item, ok := r.sequenceItem(l)
		if !ok {
			return nil, false
		}
		r.open = append(r.open, item)
		next, more := r.peek()
		if !more || next.indent < indent || next.indent == indent && !r.startsBlockEntry(next, next.start+indent) {
			break // the mapping that holds the sequence goes on, or ends
		}
		if next.indent > indent {
			return nil, false
		}
		l = next
	}
	s.Content = r.collect(mark)
	return s, true
}

// sequenceItem reads the item after the dash that starts line l: a block
// mapping whose first key follows the dash, or a single value.
func (r *fastReader) sequenceItem(l fastLine) (*yaml.Node, bool) {
	p := skipSpaces(r.text, l.start+l.indent+1, l.end)
	if p == l.end || r.text[p] == '#' || r.startsBlockEntry(l, p) {
		return nil, false // the item is on the lines below, or is itself a sequence
	}
	if _, _, isKey := r.key(l, p, false); isKey {
		return r.blockMapping(l, p)
	}
	value, end, ok := r.inlineValue(l, p)
	if !ok || !r.lineEnds(l, end) {
		return nil, false
	}
	r.advance()
	return value, true
}

// startsBlockEntry reports whether byte p of line l is a dash followed by a
// space or the end of the line.
func (r *fastReader) startsBlockEntry(l fastLine, p int) bool {
	return p < l.end && r.text[p] == '-' && (p+1 == l.end || r.text[p+1] == ' ')
}

// key reads the key that starts at byte p of line l and the colon after it,
// which must be followed by a space (or, outside brackets and braces, end the
// line). next is the byte after the colon.
func (r *fastReader) key(l fastLine, p int, flow bool) (key fastScalar, next int, ok bool) {
	key, ok = r.scalar(l, p, flow)
	if !ok {
		return fastScalar{}, 0, false
	}
	colon := skipSpaces(r.text, key.next, l.end)
	if colon == l.end || r.text[colon] != ':' || colon-p > maxFastKeyBytes {
		return fastScalar{}, 0, false
	}
	if colon+1 < l.end && r.text[colon+1] == ' ' || colon+1 == l.end && !flow {
		return key, colon + 1, true
	}
	return fastScalar{}, 0, false
}

// inlineValue reads the value that starts at byte p of line l, outside
// brackets and braces: a flow collection or a scalar. end is the byte after it.
func (r *fastReader) inlineValue(l fastLine, p int) (n *yaml.Node, end int, ok bool) {
	switch r.text[p] {
	case '[':
		return r.flowSequence(l, p)
	case '{':
		return r.flowMapping(l, p)
	}
	s, ok := r.scalar(l, p, false)
	if !ok {
		return nil, 0, false
	}
	return r.scalarNode(l, s), s.next, true
}

// lineEnds reports whether line l holds nothing after byte p but spaces and a
// comment.
func (r *fastReader) lineEnds(l fastLine, p int) bool {
	q := skipSpaces(r.text, p, l.end)
	return q == l.end || r.text[q] == '#' && r.text[q-1] == ' '
}

// flowSequence reads the flow sequence whose '[' is byte p of line l, up to
// its ']' on the same line.
func (r *fastReader) flowSequence(l fastLine, p int) (n *yaml.Node, end int, ok bool) {
	if !r.enter() {
		return nil, 0, false
	}
	defer r.leave()
	s := r.newNode(yaml.SequenceNode, yaml.FlowStyle, "!!seq", "", l, p)
	mark := len(r.open)
	p = skipSpaces(r.text, p+1, l.end)
	if p < l.end && r.text[p] == ']' {
		return s, p + 1, true
	}
	for {
		item, next, ok := r.flowValue(l, p)
		if !ok {
			return nil, 0, false
		}
		r.open = append(r.open, item)
		p = skipSpaces(r.text, next, l.end)
		switch {
		case p < l.end && r.text[p] == ']':
			s.Content = r.collect(mark)
			return s, p + 1, true
		case p < l.end && r.text[p] == ',':
			p = skipSpaces(r.text, p+1, l.end)
		default:
			return nil, 0, false // "key: value" pairs in a sequence, a comment, the end of the line
		}
	}
}

// flowMapping reads the flow mapping whose '{' is byte p of line l, up to its
// '}' on the same line.
func (r *fastReader) flowMapping(l fastLine, p int) (n *yaml.Node, end int, ok bool) {
	if !r.enter() {
		return nil, 0, false
	}
	defer r.leave()
	m := r.newNode(yaml.MappingNode, yaml.FlowStyle, "!!map", "", l, p)
	mark := len(r.open)
	p = skipSpaces(r.text, p+1, l.end)
	if p < l.end && r.text[p] == '}' {
		return m, p + 1, true
	}
	for {
		key, next, ok := r.key(l, p, true)
		if !ok {
			return nil, 0, false
		}
		r.open = append(r.open, r.scalarNode(l, key))
		value, next, ok := r.flowValue(l, skipSpaces(r.text, next, l.end))
		if !ok {
			return nil, 0, false
		}
		r.open = append(r.open, value)
		p = skipSpaces(r.text, next, l.end)
		switch {
		case p < l.end && r.text[p] == '}':
			if !r.distinctKeys(mark) {
				return nil, 0, false
			}
			m.Content = r.collect(mark)
			return m, p + 1, true
		case p < l.end && r.text[p] == ',':
			p = skipSpaces(r.text, p+1, l.end)
		default:
			return nil, 0, false
		}
	}
}

// flowValue reads the value that starts at byte p of line l, inside brackets or
// braces.
func (r *fastReader) flowValue(l fastLine, p int) (n *yaml.Node, end int, ok bool) {
	if p == l.end {
		return nil, 0, false
	}
	switch r.text[p] {
	case '[':
		return r.flowSequence(l, p)
	case '{':
		return r.flowMapping(l, p)
	}
	s, ok := r.scalar(l, p, true)
	if !ok {
		return nil, 0, false
	}
	return r.scalarNode(l, s), s.next, true
}

// scalar reads the scalar that starts at byte p of line l, inside brackets or
// braces when flow is set; there is none at the end of the line.
func (r *fastReader) scalar(l fastLine, p int, flow bool) (fastScalar, bool) {
	if p == l.end {
		return fastScalar{}, false
	}
	switch r.text[p] {
	case '"':
		return r.doubleQuoted(l, p)
	case '\'':
		return r.singleQuoted(l, p)
	}
	return r.plain(l, p, flow)
}

// plain reads the plain scalar that starts at byte p of line l. As yaml.v3's
// scanner (yaml_parser_scan_plain_scalar), it stops at a colon followed by a
// space or the end of the line, at a '#' after a space (a comment), at the end
// of the line and, inside brackets or braces, at any of ",?[]{}"; the spaces
// it stops after are not part of it. A line more indented below it would go on
// with it: the callers refuse those.
func (r *fastReader) plain(l fastLine, p int, flow bool) (fastScalar, bool) {
	if !plainStarts(r.text[p:l.end], flow) {
		return fastScalar{}, false
	}
	last := p // the byte after its last character other than a space
	i := p
	for ; i < l.end; i++ {
		c := r.text[i]
		if c == ' ' {
			continue
		}
		if c == '#' && r.text[i-1] == ' ' || c == ':' && (i+1 == l.end || r.text[i+1] == ' ') {
			break
		}
		if flow && strings.IndexByte(",?[]{}", c) >= 0 {
			break
		}
		last = i + 1
	}
	return fastScalar{value: r.text[p:last], start: p, next: i}, true
}

// plainStarts reports whether a plain scalar may start the rest of a line, s:
// its first character is no indicator, save for a '-' followed by more than a
// space, or outside brackets and braces a '?' or ':' followed by more than a
// space (yaml_parser_fetch_next_token).
func plainStarts(s string, flow bool) bool {
	followed := len(s) > 1 && s[1] != ' '
	switch s[0] {
	case '-':
		return followed
	case '?', ':':
		return followed && !flow
	case ' ', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// doubleQuoted reads the double-quoted scalar whose opening quote is byte p of
// line l, and which must close on that line.
func (r *fastReader) doubleQuoted(l fastLine, p int) (fastScalar, bool) {
	i := p + 1
	for i < l.end && r.text[i] != '"' && r.text[i] != '\\' {
		i++
	}
	if i < l.end && r.text[i] == '"' {
		return fastScalar{value: r.text[p+1 : i], style: yaml.DoubleQuotedStyle, start: p, next: i + 1}, true
	}
	// Escapes: the value is built.
	b := []byte(r.text[p+1 : i])
	for i < l.end {
		switch c := r.text[i]; c {
		case '"':
			return fastScalar{value: string(b), style: yaml.DoubleQuotedStyle, start: p, next: i + 1}, true
		case '\\':
			var n int
			var ok bool
			b, n, ok = appendYAMLEscape(b, r.text[i+1:l.end])
			if !ok {
				return fastScalar{}, false
			}
			i += 1 + n
		default:
			b = append(b, c)
			i++
		}
	}
	return fastScalar{}, false // it goes on to the next line
}

// yamlEscapes are the characters a backslash and one more character stand for in
// a double-quoted scalar (yaml_parser_scan_flow_scalar). "\x", "\u" and "\U"
// are followed by a character's code, in 2, 4 or 8 hexadecimal digits.
var yamlEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r",
	'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// appendYAMLEscape appends to b what the escape after a backslash at the start
// of s stands for; n is how many bytes of s it takes. ok is false for an escape
// yaml.v3 rejects, and for an escaped line break.
func appendYAMLEscape(b []byte, s string) (_ []byte, n int, ok bool) {
	if s == "" {
		return b, 0, false
	}
	if e, ok := yamlEscapes[s[0]]; ok {
		return append(b, e...), 1, true
	}
	digits := 0
	switch s[0] {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits == 0 || len(s) < 1+digits {
		return b, 0, false
	}
	code, err := strconv.ParseUint(s[1:1+digits], 16, 32)
	if err != nil || code >= 0xd800 && code <= 0xdfff || code > 0x10ffff {
		return b, 0, false
	}
	return utf8.AppendRune(b, rune(code)), 1 + digits, true
}

// singleQuoted reads the single-quoted scalar whose opening quote is byte p of
// line l, and which must close on that line. Two quotes stand for one.
func (r *fastReader) singleQuoted(l fastLine, p int) (fastScalar, bool) {
	var b []byte // the value, once a doubled quote is met
	from := p + 1
	for i := p + 1; i < l.end; i++ {
		if r.text[i] != '\'' {
			continue
		}
		if i+1 < l.end && r.text[i+1] == '\'' {
			b = append(b, r.text[from:i+1]...)
			i++
			from = i + 1
			continue
		}
		value := r.text[from:i]
		if b != nil {
			value = string(append(b, value...))
		}
		return fastScalar{value: value, style: yaml.SingleQuotedStyle, start: p, next: i + 1}, true
	}
	return fastScalar{}, false
}

// scalarNode makes the node of scalar s, read from line l. Quoted scalars are
// strings; plain ones are what yaml.v3 resolves them to.
func (r *fastReader) scalarNode(l fastLine, s fastScalar) *yaml.Node {
	tag := "!!str"
	if s.style == 0 {
		tag = plainTag(s.value)
	}
	return r.newNode(yaml.ScalarNode, s.style, tag, s.value, l, s.start)
}

// newNode takes a node from the block of nodes, which it renews when empty.
func (r *fastReader) newNode(kind yaml.Kind, style yaml.Style, tag, value string, l fastLine, p int) *yaml.Node {
	if len(r.nodes) == 0 {
		r.nodes = make([]yaml.Node, r.chunk)
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	// The block is zeroed: only the fields that are not zero are written, which
	// spares the garbage collector's write barriers on the others.
	n.Kind, n.Style, n.Tag, n.Value = kind, style, tag, value
	n.Line, n.Column = l.number, r.column(l, p)
	return n
}

// collect returns the children of the collection that opened when r.open held
// mark of them, and closes it. Like yaml.v3, it returns nil for none; the slice
// is cut from a block shared with other collections, with no room to grow, so
// that appending to it copies it.
func (r *fastReader) collect(mark int) []*yaml.Node {
	children := r.open[mark:]
	r.open = r.open[:mark]
	n := len(children)
	if n == 0 {
		return nil
	}
	if len(r.content) < n {
		r.content = make([]*yaml.Node, max(n, r.chunk))
	}
	out := r.content[:n:n]
	r.content = r.content[n:]
	copy(out, children)
	return out
}

// distinctKeys reports whether the keys of the mapping whose keys and values
// r.open holds from mark are all different, and not too many to compare each
// with each. yaml.v3 reads a repeated key without a word; the manifest's checks
// report it, from yaml.v3's nodes.
func (r *fastReader) distinctKeys(mark int) bool {
	entries := r.open[mark:]
	if len(entries) > 2*maxFastKeys {
		return false
	}
	for i := 0; i < len(entries); i += 2 {
		for j := i + 2; j < len(entries); j += 2 {
			if entries[i].Value == entries[j].Value {
				return false
			}
		}
	}
	return true
}

// enter opens a collection, unless too many are open already; leave closes it.
func (r *fastReader) enter() bool {
	r.depth++
	return r.depth <= maxFastDepth
}

func (r *fastReader) leave() { r.depth-- }

// skipSpaces returns the first byte at or after p, before end, that is not a
// space.
func skipSpaces(s string, p, end int) int {
	for p < end && s[p] == ' ' {
		p++
	}
	return p
}

// plainTag is the tag yaml.v3 gives a plain scalar, as its resolve("", s) does
// (resolve.go, go.yaml.in/yaml/v3 v3.0.6), in the same order: only a scalar
// that starts with a sign, a digit, a '.' or one of "yYnNtTfFoO~<" can be other
// than a string; then the names of booleans, nulls, infinities and the merge key;
// then, for a '.', a float; for a sign or a digit, a timestamp, an integer
// (underscores dropped, in any base Go reads), a float, or an integer in binary
// or octal.
func plainTag(s string) string {
	if s == "" {
		return "!!null"
	}
	c := s[0]
	numeric := c == '+' || c == '-' || '0' <= c && c <= '9'
	if !numeric && c != '.' && strings.IndexByte("yYnNtTfFoO~<", c) < 0 {
		return "!!str"
	}
	if tag, ok := yamlNamedScalars[s]; ok {
		return tag
	}
	switch {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case numeric:
		return numericTag(s)
	}
	return "!!str"
}

// yamlNamedScalars are the plain scalars yaml.v3 resolves by name.
var yamlNamedScalars = map[string]string{
	"true": "!!bool", "True": "!!bool", "TRUE": "!!bool",
	"false": "!!bool", "False": "!!bool", "FALSE": "!!bool",
	"~": "!!null", "null": "!!null", "Null": "!!null", "NULL": "!!null",
	".nan": "!!float", ".NaN": "!!float", ".NAN": "!!float",
	".inf": "!!float", ".Inf": "!!float", ".INF": "!!float",
	"+.inf": "!!float", "+.Inf": "!!float", "+.INF": "!!float",
	"-.inf": "!!float", "-.Inf": "!!float", "-.INF": "!!float",
	"<<": "!!merge",
}

// yamlFloatRE is yaml.v3's test of a float written as YAML writes floats
// (resolve.go's yamlStyleFloat), tried after integers fail.
var yamlFloatRE = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numericTag is plainTag for a scalar that starts with a sign or a digit.
func numericTag(s string) string {
	if isYAMLTimestamp(s) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlFloatRE.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	var digits string
	var base int
	switch {
	case strings.HasPrefix(plain, "0b"):
		digits, base = plain[2:], 2
	case strings.HasPrefix(plain, "-0b"):
		digits, base = "-"+plain[3:], 2
	case strings.HasPrefix(plain, "0o"):
		digits, base = plain[2:], 8
	case strings.HasPrefix(plain, "-0o"):
		digits, base = "-"+plain[3:], 8
	default:
		return "!!str"
	}
	if _, err := strconv.ParseInt(digits, base, 64); err == nil {
		return "!!int"
	}
	if !strings.HasPrefix(digits, "-") {
		if _, err := strconv.ParseUint(digits, base, 64); err == nil {
			return "!!int"
		}
	}
	return "!!str"
}

// yamlTimestampFormats are the layouts yaml.v3 reads timestamps in
// (resolve.go's allowedTimestampFormats).
var yamlTimestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isYAMLTimestamp reports whether yaml.v3 reads plain scalar s as a timestamp
// (resolve.go's parseTimestamp): four digits and a '-', then one of the layouts.
func isYAMLTimestamp(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range yamlTimestampFormats {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
