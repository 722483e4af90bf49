package facts

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// InputError is a problem with the user's input, pinned to a file, a line and
// (for YAML) a column, with a hint saying what to do. The command line prints it as
// one line and exits with code 2.
type InputError struct {
	File      string
	Line, Col int
	Msg       string
	Hint      string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// YAMLFile reads one YAML file strictly: every mapping's keys are checked against
// the keys it may hold, every scalar against the type it must have, and every
// problem is kept with its line and column so that all of them are reported at once.
type YAMLFile struct {
	Name string // the path shown in messages
	Root *yaml.Node
	errs []error
}

// ParseYAML parses data as one YAML document. An empty document yields a nil root.
func ParseYAML(name string, data []byte) (*YAMLFile, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := err.Error()
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			// "yaml: line 3: mapping values are not allowed in this context"
			if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
				if n, after, ok := strings.Cut(rest, ": "); ok {
					line, _ = strconv.Atoi(n)
					msg = after
				}
			}
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		if at, col := syntaxErrorLine(data); at > 0 {
			line = at
			return nil, &InputError{File: name, Line: line, Col: col, Msg: "malformed YAML: " + msg, Hint: "fix the YAML syntax at that line (indentation, a missing colon, quote or bracket)"}
		}
		return nil, &InputError{File: name, Line: line, Msg: "malformed YAML: " + msg, Hint: "fix the YAML syntax at that line (indentation, a missing colon, quote or bracket)"}
	}
	f := &YAMLFile{Name: name}
	if len(doc.Content) > 0 {
		f.Root = doc.Content[0]
	}
	return f, nil
}

// syntaxErrorLine finds the line a YAML syntax error is on. The parser reports the
// line where the enclosing block starts, which can be far above the mistake; the
// first line whose prefix of the document no longer parses is the one to fix. It
// returns that line and the column of its first character, or 0.
func syntaxErrorLine(data []byte) (int, int) {
	lines := strings.SplitAfter(string(data), "\n")
	parses := func(n int) bool {
		var v yaml.Node
		return yaml.Unmarshal([]byte(strings.Join(lines[:n], "")), &v) == nil
	}
	if parses(len(lines)) {
		return 0, 0
	}
	lo, hi := 0, len(lines) // parses(lo) holds, parses(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if parses(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	text := strings.TrimRight(lines[hi-1], "\r\n")
	return hi, len(text) - len(strings.TrimLeft(text, " \t")) + 1
}

// Errorf records a problem at node n.
func (f *YAMLFile) Errorf(n *yaml.Node, hint, format string, args ...any) {
	e := &InputError{File: f.Name, Msg: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	f.errs = append(f.errs, e)
}

// Err returns every problem recorded, joined, or nil.
func (f *YAMLFile) Err() error { return errors.Join(f.errs...) }

// Mapping checks that n is a mapping whose keys are all in allowed (and none is
// repeated), records a problem for each that is not, and returns the values by key.
// Keys in required that are missing are reported too.
func (f *YAMLFile) Mapping(n *yaml.Node, what string, allowed, required []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		f.Errorf(n, "write it as keys and values, one per line (key: value), indented under it", "%s must be a mapping of keys to values, not %s", what, kindName(n))
		return out
	}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !ok[k.Value] {
			msg := fmt.Sprintf("unknown key %q in %s", k.Value, what)
			if s := suggest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			f.Errorf(k, "the keys allowed here are: "+strings.Join(allowed, ", "), "%s", msg)
			continue
		}
		if _, dup := out[k.Value]; dup {
			f.Errorf(k, "remove one of the two", "key %q appears twice in %s", k.Value, what)
			continue
		}
		out[k.Value] = v
	}
	for _, r := range required {
		if _, has := out[r]; !has {
			f.Errorf(n, "add it", "%s has no %q", what, r)
		}
	}
	return out
}

// Str reads a scalar as a string; a missing node gives "".
func (f *YAMLFile) Str(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		f.Errorf(n, "write a single value after the colon", "%s must be a single value, not %s", what, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// Strs reads a sequence of scalars.
func (f *YAMLFile) Strs(n *yaml.Node, what string) []string {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.Errorf(n, "write it as a list: [a, b]", "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, f.Str(c, what+" item"))
	}
	return out
}

// Float reads a scalar as a number.
func (f *YAMLFile) Float(n *yaml.Node, what string) (float64, bool) {
	s := f.Str(n, what)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f.Errorf(n, "write a number, such as 0.10", "%s must be a number, not %q", what, s)
		return 0, false
	}
	return v, true
}

// Seq returns the items of a sequence node.
func (f *YAMLFile) Seq(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.Errorf(n, "write it as a list, one item per line starting with '- '", "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	return n.Content
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("the value %q", n.Value)
}

// suggest returns the allowed key closest to k, if it is close enough to be a typo.
func suggest(k string, allowed []string) string {
	best, bestD := "", 1<<30
	sorted := append([]string(nil), allowed...)
	sort.Strings(sorted)
	for _, a := range sorted {
		if d := Levenshtein(strings.ToLower(k), a); d < bestD {
			best, bestD = a, d
		}
	}
	if bestD <= 2 || bestD <= len(k)/3 {
		return best
	}
	return ""
}

// Levenshtein is the edit distance between a and b, counted in runes.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// mappingValue is the value under key of a mapping node; nil when n is no
// mapping or has no such key.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// mappingScalar is the scalar under key of a mapping node, "" when there is none.
func mappingScalar(n *yaml.Node, key string) string {
	if v := mappingValue(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// sequenceItems is the items of a sequence node; nil when n is no sequence.
func sequenceItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}
