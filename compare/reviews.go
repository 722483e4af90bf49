package compare

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/factcheck-tools/compare/facts"
)

// Verdict is what an editor decided about a conflict.
type Verdict int

// The verdicts.
const (
	Confirmed  Verdict = iota + 1 // the sources do disagree; the report stands
	FalseAlarm                    // the sources do not disagree; the tool misread them
	Resolved                      // one value is right (Review.Value)
	Outdated                      // a source is out of date (Review.Stale)
)

var verdictNames = [...]string{"", "confirmed", "false-alarm", "resolved", "outdated"}

func (v Verdict) String() string {
	if v < 0 || int(v) >= len(verdictNames) {
		return fmt.Sprintf("Verdict(%d)", int(v))
	}
	return verdictNames[v]
}

// Verdicts lists every verdict.
func Verdicts() []Verdict { return []Verdict{Confirmed, FalseAlarm, Resolved, Outdated} }

// ParseVerdict reads a verdict's name.
func ParseVerdict(s string) (Verdict, bool) {
	for _, v := range Verdicts() {
		if v.String() == s {
			return v, true
		}
	}
	return 0, false
}

// ReviewedClaim is one claim a review covered: its source and normalized value.
type ReviewedClaim struct {
	Source string
	Value  string
	Text   string // as written, for the reader of reviews.yaml
}

// Review is one editor's verdict on one conflict, as kept in reviews.yaml.
type Review struct {
	ID      string
	Key     string
	Title   string
	Claims  []ReviewedClaim
	Verdict Verdict
	Value   string // for resolved: the value held correct
	Stale   string // for outdated: the source that is out of date
	Note    string
	By      string
	At      string // YYYY-MM-DD
	Line    int    // where the review starts in reviews.yaml
}

// coverage says which claims reviews covered: a review's claims are made a set
// when first asked about, since a conflict at newsroom scale has thousands of
// claims, each asked about against a review of as many.
type coverage map[*Review]map[reviewedAs]bool

// reviewedAs is a claim as a review records it: its source and normalized value.
type reviewedAs struct{ source, value string }

// covers reports whether review r covered claim c.
func (cv coverage) covers(r *Review, c *facts.Claim) bool {
	set, ok := cv[r]
	if !ok {
		set = make(map[reviewedAs]bool, len(r.Claims))
		for _, rc := range r.Claims {
			set[reviewedAs{rc.Source, rc.Value}] = true
		}
		cv[r] = set
	}
	return set[reviewedAs{string(c.Source), c.Normalized()}]
}

// Reviews is reviews.yaml: the reviews in file order, and the parsed document, so
// that adding a review keeps the file's comments and the order of its entries.
type Reviews struct {
	Path  string // as shown in messages
	List  []*Review
	doc   *yaml.Node
	raw   []byte    // the file as read
	added []*Review // reviews added since, to append
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// LoadReviews reads reviews.yaml from fsys; a missing file is an empty list. Loading
// is strict: unknown keys, unknown verdicts and missing fields are errors at their
// line and column.
//
// With a cache (nil for none), what the file holds is kept once it has loaded
// without error, in one entry for the file at where (its absolute path), with the
// SHA-256 of its bytes, and read back while its bytes are the same: the file of a
// large dossier records every claim each review covered (19 MB for the 184
// conflicts of 10,000 generated sources, a second to parse), and every check reads
// it. One entry per file, not per version of it: a file that grows by a review at a
// time would otherwise leave a copy of itself in the cache for each. The file's
// document is parsed only if a review is added.
func LoadReviews(fsys fs.FS, name, display string, cache *facts.Cache, where string) (*Reviews, error) {
	r := &Reviews{Path: display}
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, &facts.InputError{File: display, Msg: "cannot read the reviews: " + err.Error()}
	}
	sum := ""
	if cache != nil && where != "" {
		h := sha256.Sum256(data)
		sum = hex.EncodeToString(h[:])
		if blob, ok := cache.LoadBlob("reviews", where); ok && strings.HasPrefix(blob, sum) {
			if list, ok := decodeReviews(blob[len(sum):]); ok {
				r.raw, r.List = data, list
				return r, nil
			}
		}
	}
	if err := r.parse(data); err != nil {
		return nil, err
	}
	if sum != "" && len(r.List) > 0 {
		cache.StoreBlob("reviews", where, sum+encodeReviews(r.List))
	}
	return r, nil
}

// parse reads the reviews from the file's bytes.
func (r *Reviews) parse(data []byte) error {
	display := r.Path
	y, err := facts.ParseYAML(display, data)
	if err != nil {
		return err
	}
	if y.Root == nil {
		return nil
	}
	r.raw = data // only a file with a document can be appended to
	r.doc = y.Root
	top := y.Mapping(y.Root, "the reviews file", []string{"reviews"}, []string{"reviews"})
	for _, n := range y.Seq(top["reviews"], "reviews") {
		m := y.Mapping(n, "a review", []string{"id", "key", "title", "claims", "verdict", "value", "stale", "note", "by", "at"}, []string{"id", "key", "claims", "verdict"})
		rv := &Review{
			ID: y.Str(m["id"], "id"), Key: y.Str(m["key"], "key"), Title: y.Str(m["title"], "title"),
			Value: y.Str(m["value"], "value"), Stale: y.Str(m["stale"], "stale"), Note: y.Str(m["note"], "note"),
			By: y.Str(m["by"], "by"), At: y.Str(m["at"], "at"), Line: n.Line,
		}
		vs := y.Str(m["verdict"], "verdict")
		v, ok := ParseVerdict(vs)
		if vs != "" && !ok {
			y.Errorf(m["verdict"], "write one of confirmed, false-alarm, resolved, outdated", "unknown verdict %q", vs)
		}
		rv.Verdict = v
		switch {
		case v == Resolved && rv.Value == "":
			y.Errorf(n, "say which value is right: value: …", "a resolved review needs the value held correct")
		case v == Outdated && rv.Stale == "":
			y.Errorf(n, "say which source is out of date: stale: …", "an outdated review needs the stale source")
		}
		if rv.At != "" && !dateRE.MatchString(rv.At) {
			y.Errorf(m["at"], "write the date as YYYY-MM-DD", "at %q is not a date", rv.At)
		}
		for _, cn := range y.Seq(m["claims"], "claims") {
			cm := y.Mapping(cn, "a reviewed claim", []string{"source", "value", "text"}, []string{"source", "value"})
			rv.Claims = append(rv.Claims, ReviewedClaim{Source: y.Str(cm["source"], "source"), Value: y.Str(cm["value"], "value"), Text: y.Str(cm["text"], "text")})
		}
		r.List = append(r.List, rv)
	}
	return y.Err()
}

// document parses the file's document, which a list of reviews read from the
// cache came without: adding a review needs it.
func (r *Reviews) document() error {
	if r.doc != nil || r.raw == nil {
		return nil
	}
	again := &Reviews{Path: r.Path}
	if err := again.parse(r.raw); err != nil {
		return err
	}
	r.doc = again.doc
	return nil
}

// encodeReviews writes a list of reviews in the cache's binary form.
func encodeReviews(list []*Review) string {
	var e facts.Encoder
	e.Int(len(list))
	for _, rv := range list {
		for _, f := range []string{rv.ID, rv.Key, rv.Title, rv.Value, rv.Stale, rv.Note, rv.By, rv.At} {
			e.Str(f)
		}
		e.Int(int(rv.Verdict))
		e.Int(rv.Line)
		e.Int(len(rv.Claims))
		for _, c := range rv.Claims {
			for _, f := range []string{c.Source, c.Value, c.Text} {
				e.Str(f)
			}
		}
	}
	return string(e.Bytes())
}

// decodeReviews reads what encodeReviews wrote, or reports that it cannot.
func decodeReviews(blob string) ([]*Review, bool) {
	d := facts.NewDecoder(blob)
	list := make([]*Review, d.Count())
	for i := range list {
		rv := &Review{}
		for _, f := range []*string{&rv.ID, &rv.Key, &rv.Title, &rv.Value, &rv.Stale, &rv.Note, &rv.By, &rv.At} {
			*f = d.Str()
		}
		rv.Verdict = Verdict(d.Int())
		if _, known := ParseVerdict(rv.Verdict.String()); !known {
			return nil, false
		}
		rv.Line = d.Int()
		if n := d.Count(); n > 0 {
			rv.Claims = make([]ReviewedClaim, n)
			for k := range rv.Claims {
				rv.Claims[k] = ReviewedClaim{Source: d.Str(), Value: d.Str(), Text: d.Str()}
			}
		}
		list[i] = rv
	}
	return list, d.Err() == nil
}

// Add appends a review to the list, after every entry and comment already there.
func (r *Reviews) Add(rv *Review) error {
	if err := r.document(); err != nil {
		return err
	}
	var entry yaml.Node
	if err := entry.Encode(reviewYAML(rv)); err != nil {
		return err
	}
	if r.doc == nil {
		r.doc = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	seq := r.sequence()
	seq.Content = append(seq.Content, &entry)
	r.List = append(r.List, rv)
	r.added = append(r.added, rv)
	return nil
}

// sequence finds (or makes) the "reviews" list of the document.
func (r *Reviews) sequence() *yaml.Node {
	for i := 0; i+1 < len(r.doc.Content); i += 2 {
		if r.doc.Content[i].Value == "reviews" {
			return r.doc.Content[i+1]
		}
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "reviews"}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	r.doc.Content = append(r.doc.Content, key, seq)
	return seq
}

// Bytes writes the file back with the new reviews at the end. When the list of
// reviews ends the file, as it does in files compare writes, the new entries are
// appended to the bytes as read, so that everything already there (comments,
// blank lines, quoting) stays exactly as it was and a git diff shows only the
// additions. Otherwise the document is written again from its parsed form, which
// keeps comments and order but may change spacing.
func (r *Reviews) Bytes() ([]byte, error) {
	if err := r.document(); err != nil {
		return nil, err
	}
	if out, ok := r.appended(); ok {
		return out, nil
	}
	for _, n := range r.doc.Content {
		if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
			n.Style = 0 // a list with entries is written in block style
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if r.doc == nil {
		r.doc = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		r.sequence()
	}
	if err := enc.Encode(r.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// appended returns the file as read with the added reviews appended, when the
// "reviews" list is the file's last key and is in block style (or the empty "[]").
func (r *Reviews) appended() ([]byte, bool) {
	if r.raw == nil || r.doc == nil || len(r.doc.Content) < 2 {
		return nil, false
	}
	key, seq := r.doc.Content[len(r.doc.Content)-2], r.doc.Content[len(r.doc.Content)-1]
	if key.Value != "reviews" || seq.Kind != yaml.SequenceNode {
		return nil, false
	}
	old := len(seq.Content) - len(r.added)
	raw := append([]byte(nil), r.raw...)
	indent := "  "
	switch {
	case seq.Style&yaml.FlowStyle != 0 && old == 0:
		// "reviews: []" becomes "reviews:" followed by the entries.
		lines := bytes.SplitAfter(raw, []byte("\n"))
		if seq.Line < 1 || seq.Line > len(lines) {
			return nil, false
		}
		line := lines[seq.Line-1]
		at := bytes.Index(line[min(seq.Column-1, len(line)):], []byte("[]"))
		if at < 0 {
			return nil, false
		}
		at += min(seq.Column-1, len(line))
		lines[seq.Line-1] = append(append(bytes.TrimRight(line[:at], " "), line[at+2:]...), []byte{}...)
		raw = bytes.Join(lines, nil)
	case seq.Style&yaml.FlowStyle != 0:
		return nil, false
	case old > 0:
		indent = strings.Repeat(" ", max(0, seq.Content[0].Column-3))
	}
	if len(raw) > 0 && raw[len(raw)-1] != '\n' {
		raw = append(raw, '\n')
	}
	for _, rv := range r.added {
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode([]any{reviewYAML(rv)}); err != nil {
			return nil, false
		}
		enc.Close()
		for _, line := range strings.SplitAfter(b.String(), "\n") {
			if line != "" {
				raw = append(raw, indent+line...)
			}
		}
	}
	return raw, true
}

// reviewYAML is a review as written to the file: fields in a fixed order, the
// optional ones left out when empty.
func reviewYAML(rv *Review) any {
	type claim struct {
		Source string `yaml:"source"`
		Value  string `yaml:"value"`
		Text   string `yaml:"text,omitempty"`
	}
	type entry struct {
		ID      string  `yaml:"id"`
		Key     string  `yaml:"key"`
		Title   string  `yaml:"title,omitempty"`
		Claims  []claim `yaml:"claims"`
		Verdict string  `yaml:"verdict"`
		Value   string  `yaml:"value,omitempty"`
		Stale   string  `yaml:"stale,omitempty"`
		Note    string  `yaml:"note,omitempty"`
		By      string  `yaml:"by,omitempty"`
		At      string  `yaml:"at,omitempty"`
	}
	e := entry{ID: rv.ID, Key: rv.Key, Title: rv.Title, Verdict: rv.Verdict.String(), Value: rv.Value, Stale: rv.Stale, Note: rv.Note, By: rv.By, At: rv.At}
	for _, c := range rv.Claims {
		e.Claims = append(e.Claims, claim(c))
	}
	return e
}

// NewReview records a verdict on a conflict, covering every claim it has now.
func NewReview(c *Conflict, v Verdict, value, stale, note, by, at string) *Review {
	rv := &Review{ID: c.ID, Key: c.Key, Title: c.Title, Verdict: v, Value: value, Stale: stale, Note: note, By: by, At: at}
	seen := map[string]bool{}
	for _, cl := range c.Claims {
		k := string(cl.Source) + "\x00" + cl.Normalized()
		if !seen[k] {
			seen[k] = true
			rv.Claims = append(rv.Claims, ReviewedClaim{Source: string(cl.Source), Value: cl.Normalized(), Text: cl.Text})
		}
	}
	return rv
}

// Status is where a conflict stands with its reviews.
type Status int

// The statuses. Only Reviewed passes the check.
const (
	Unreviewed Status = iota + 1 // no review covers it
	Reviewed                     // a review covered every one of its claims
	Changed                      // it was reviewed, but has claims the review did not cover
)

var statusNames = [...]string{"", "unreviewed", "reviewed", "changed"}

func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// ParseStatus reads a status's name.
func ParseStatus(s string) (Status, bool) {
	for i, n := range statusNames {
		if i > 0 && n == s {
			return Status(i), true
		}
	}
	return 0, false
}

// ReviewState is a conflict's status with the review it rests on.
type ReviewState struct {
	Status Status
	Review *Review        // the review that matched, or nil
	New    []*facts.Claim // for Changed: the claims the review did not cover
}

// ApplyReviews gives every conflict its status, in this order of matching: a review
// with the conflict's id; else the latest review of the same key (the conflict has
// changed since, or lost a claim); else the latest review of the same question at
// another stretch of time that covers one of its claims (sameQuestion: counts
// whose disagreements come apart by time, or join). A conflict is reviewed only
// while its review covered every one of its claims. Reviews that match no
// conflict are returned as orphaned: they are kept in the file, never deleted.
func ApplyReviews(res *Result, revs *Reviews) (orphaned []*Review) {
	byID := map[string]*Review{}
	byKey := map[string][]*Review{}      // in file order: the latest of a key wins
	byQuestion := map[string][]*Review{} // likewise
	used := map[*Review]bool{}
	cv := coverage{}
	if revs != nil {
		for _, rv := range revs.List {
			byID[rv.ID] = rv
			byKey[rv.Key] = append(byKey[rv.Key], rv)
			byQuestion[question(rv.Key)] = append(byQuestion[question(rv.Key)], rv)
		}
	}
	for _, c := range res.Conflicts {
		rv := byID[c.ID]
		if ofKey := byKey[c.Key]; rv == nil && len(ofKey) > 0 {
			rv = ofKey[len(ofKey)-1]
		}
		if rv == nil {
			rv = sameQuestion(c, byQuestion[question(c.Key)], cv)
		}
		if rv == nil {
			c.State = ReviewState{Status: Unreviewed}
			continue
		}
		for _, other := range byKey[rv.Key] {
			used[other] = true // it, and earlier reviews of the same question, which are history
		}
		var uncovered []*facts.Claim
		for _, cl := range c.Claims {
			if !cv.covers(rv, cl) {
				uncovered = append(uncovered, cl)
			}
		}
		if len(uncovered) > 0 {
			c.State = ReviewState{Status: Changed, Review: rv, New: uncovered}
			continue
		}
		c.State = ReviewState{Status: Reviewed, Review: rv}
	}
	if revs == nil {
		return nil
	}
	for _, rv := range revs.List {
		if !used[rv] {
			orphaned = append(orphaned, rv)
		}
	}
	return orphaned
}

// sameQuestion is the latest review of c's question recorded when its claims were
// in a conflict of another stretch of time, or of the whole question (counts:
// "…|members@1970" and "…|members"), that covers one of its claims; or nil. list
// is the reviews of c's question, in file order.
func sameQuestion(c *Conflict, list []*Review, cv coverage) *Review {
	for i := len(list) - 1; i >= 0; i-- {
		rv := list[i]
		if rv.Key == c.Key {
			continue
		}
		for _, cl := range c.Claims {
			if cv.covers(rv, cl) {
				return rv
			}
		}
	}
	return nil
}

// question is a conflict's key without its stretch of time (quantities).
func question(key string) string {
	if i := strings.LastIndexByte(key, '@'); i >= 0 {
		return key[:i]
	}
	return key
}

// FindConflict finds a conflict by id, or by a prefix of at least six characters
// that only one conflict's id has.
func FindConflict(res *Result, id string) (*Conflict, error) {
	var hits []*Conflict
	for _, c := range res.Conflicts {
		if c.ID == id {
			return c, nil
		}
		if len(id) >= 6 && strings.HasPrefix(c.ID, id) {
			hits = append(hits, c)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return nil, fmt.Errorf("no conflict has the id %q", id)
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	sort.Strings(ids)
	return nil, fmt.Errorf("the id %q is ambiguous: %s", id, strings.Join(ids, ", "))
}
