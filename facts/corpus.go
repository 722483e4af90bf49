package facts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/factcheck-tools/compare/internal/collector"
	"github.com/factcheck-tools/compare/internal/par"
	"go.yaml.in/yaml/v3"
)

// ManifestName is the file that makes a folder a corpus.
const ManifestName = "compare.yaml"

// DefaultTolerance is how far approximate wording stretches a count when the manifest
// does not say: "about 3,000" covers 2,700 to 3,300.
const DefaultTolerance = 0.10

// Source is one document of a corpus with what the manifest says about it.
type Source struct {
	ID           SourceID
	File         string // as written in the manifest, relative to it
	Path         string // the path shown in messages
	Name         string // how reports name it ("START"); defaults to the id
	Title        string
	Publisher    string
	Kind         string
	URL          string
	AsOf         Date   // what "present" means in this source; zero when unknown
	AsOfText     string // as written in the manifest
	AsOfEvidence string

	// What reading the file found. The text itself is not kept: it is read again
	// when it is extracted, into a buffer the worker reads the next source into
	// once this one's claims are out.
	Hash    string // SHA-256 of the file, in hex, when loading has a cache (it keys its entries)
	Size    int64  // bytes
	lessons []Lesson
	// crc is the CRC-32C of the file when loading read it (read true): reading it
	// again checks it is unchanged by this sum, at a tenth of SHA-256's cost.
	crc  uint32
	read bool
}

// Corpus is a loaded, validated manifest with its sources read and segmented.
type Corpus struct {
	Dir          string // the folder as shown in messages ("seeds" for the embedded corpus)
	ManifestPath string
	Profile      *Profile
	Sources      []*Source
	Tolerance    float64
	ReviewsFile  string // relative to the manifest
	RuleFiles    []RuleFileRef
	FS           fs.FS
	Learned      []Learned // names the texts taught the profile

	byIDOnce sync.Once
	byID     map[SourceID]*Source
	indexOf  map[SourceID]int

	// uncached: loaded without a cache, so every source will be extracted (see
	// Rules).
	uncached bool
	// spec is what extracting while reading found (ExtractOptions.ExtractWhileReading).
	spec *speculation
}

// RuleFileRef is a rule file the manifest names, with where it names it.
type RuleFileRef struct {
	Name      string
	Line, Col int
}

// Source returns the source with the given id, or nil. Reports name sources for
// every claim they show, so the sources are indexed on first use.
func (c *Corpus) Source(id SourceID) *Source {
	c.index()
	return c.byID[id]
}

func (c *Corpus) index() {
	c.byIDOnce.Do(func() {
		c.byID = make(map[SourceID]*Source, len(c.Sources))
		c.indexOf = make(map[SourceID]int, len(c.Sources))
		for i, s := range c.Sources {
			if _, dup := c.byID[s.ID]; !dup {
				c.byID[s.ID], c.indexOf[s.ID] = s, i
			}
		}
	})
}

// SourceIndex returns the place in c.Sources of the source of a claim, or -1 when
// the corpus has no such source. Judging asks it for every claim many times over:
// a claim ExtractCorpus gave knows its place, and only others are looked up.
func (c *Corpus) SourceIndex(cl *Claim) int {
	if i := int(cl.at) - 1; i >= 0 && i < len(c.Sources) && c.Sources[i].ID == cl.Source {
		return i
	}
	return c.SourceIndexOf(cl.Source)
}

// SourceIndexOf returns the place in c.Sources of the source with the given id,
// or -1 when the corpus has no such source.
func (c *Corpus) SourceIndexOf(id SourceID) int {
	c.index()
	if i, ok := c.indexOf[id]; ok {
		return i
	}
	return -1
}

var (
	sourceIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	kindNames  = map[string]EntityKind{"person": EntityPerson, "organization": EntityOrganization, "authority": EntityAuthority, "place": EntityPlace}
)

// LoadCorpus reads compare.yaml at the root of fsys and every source it names.
// dir is how the folder is shown in messages. All problems found are returned at
// once, each an *InputError with file, line and column.
func LoadCorpus(fsys fs.FS, dir string) (*Corpus, error) {
	return LoadCorpusWith(fsys, dir, ExtractOptions{})
}

// LoadCorpusWith is LoadCorpus on several cores, with a cache: each source is read,
// checked and hashed, and what it teaches (places, aliases) is taken from the cache
// when its text is known. No text is kept.
func LoadCorpusWith(fsys fs.FS, dir string, o ExtractOptions) (*Corpus, error) {
	// The cache's pack is read while the manifest is parsed.
	packed := make(chan struct{})
	go func() {
		defer close(packed)
		o.Cache.openPack(o.Root)
	}()
	defer func() { <-packed }()
	mpath := path.Join(dir, ManifestName)
	data, err := fs.ReadFile(fsys, ManifestName)
	if err != nil {
		msg := "cannot read the manifest"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no manifest: the folder has no " + ManifestName
		}
		return nil, &InputError{File: mpath, Msg: msg, Hint: "create " + ManifestName + " there with a subject and a list of sources (see the README)"}
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, &InputError{File: mpath, Line: 1, Msg: "the manifest is empty", Hint: "it needs at least a subject and a list of sources (see the README)"}
	}
	if err := checkText(mpath, data); err != nil {
		return nil, err
	}
	// Without a cache every source is extracted: the rules are compiled while
	// the manifest's sources are read (earlyRules).
	var early *earlyRules
	if o.ExtractWhileReading && o.Cache == nil {
		early = startEarlyRules(fsys, dir, mpath, data)
	}
	m, nodes, err := readManifest(mpath, data, o.Cache, o.Root)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir, ManifestPath: mpath, Tolerance: m.Tolerance, ReviewsFile: m.Reviews, RuleFiles: m.Rules, FS: fsys, Sources: m.Sources, uncached: o.Cache == nil}
	for _, s := range c.Sources {
		s.Path = path.Join(dir, s.File)
	}
	// The files of the sources that could be read from the manifest are checked
	// too, so that every problem is reported at once.
	errs := []error{m.err}
	if o.ExtractWhileReading && m.err == nil && m.noSubject == nil {
		if early = early.serving(m); early != nil {
			c.Profile = early.profile // made from what the manifest says, as below
		} else {
			c.Profile = NewProfile(m.Subject, m.Entities)
		}
		c.spec = c.newSpeculation(early)
	}
	<-packed
	errs = append(errs, c.scan(nodes, o)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if m.noSubject != nil {
		return nil, m.noSubject
	}
	if c.Profile == nil {
		c.Profile = NewProfile(m.Subject, m.Entities)
	}
	for _, s := range c.Sources {
		c.Learned = append(c.Learned, c.Profile.Learn(s.ID, s.lessons)...)
		s.lessons = nil
	}
	sort.SliceStable(c.Learned, func(i, j int) bool { return c.Learned[i].Name < c.Learned[j].Name })
	// NewProfile completed the profile: only names the texts taught change it.
	// The claims extracted while reading were extracted without them: each
	// source is read again to be extracted with them.
	if len(c.Learned) > 0 {
		c.Profile.Complete()
		c.spec = nil
	}
	return c, nil
}

// speculation is what extracting while reading (ExtractOptions.ExtractWhileReading)
// found. Each source read while loading is extracted then, with the rules
// compiled against the profile the manifest gives, and what it teaches is read
// from the same sentences (extractLearning), so that it is read once instead of
// twice (once to learn from it, once to extract it). Those claims are what
// extracting it again would find if the texts teach the profile nothing: each
// claim is read with the profile, which learning only adds to. They are kept
// only then (LoadCorpusWith drops them otherwise); and as soon as a source
// teaches the profile a name, extracting while reading stops (abandoned), the
// sources after it read for their lessons alone, as without it.
type speculation struct {
	// digest is the rules' digest with the profile as the manifest gives it:
	// the claims' if the texts teach it nothing.
	digest  string
	once    sync.Once
	compile func()
	rs      *RuleSet
	err     error
	// early: the rules are those compiled from the manifest's head (earlyRules).
	early  bool
	claims [][]Claim // by source, those extracted while reading
	done   []bool
	// abandoned: a source taught a name, or the rules did not compile.
	abandoned atomic.Bool
	// dry lets one worker at a time ask the profile whether a source teaches it
	// (Profile.teaches).
	dry sync.Mutex
}

// newSpeculation prepares extracting while reading, or returns nil when the rule
// files cannot be read (which DeferredRules reports). The rules are early's
// when there are any (earlyRules.serving; c.Profile is then early's).
func (c *Corpus) newSpeculation(early *earlyRules) *speculation {
	if early != nil {
		sp := &speculation{digest: early.digest, early: true, claims: make([][]Claim, len(c.Sources)), done: make([]bool, len(c.Sources))}
		sp.compile = func() {
			<-early.done
			sp.rs, sp.err = early.rs, early.err
		}
		return sp
	}
	files, err := c.ruleFiles()
	if err != nil {
		return nil
	}
	sp := &speculation{digest: rulesDigest(c.Profile, files), claims: make([][]Claim, len(c.Sources)), done: make([]bool, len(c.Sources))}
	sp.compile = func() { sp.rs, sp.err = c.compile(files) }
	return sp
}

// earlyRules are the rules compiled from the head of a manifest, all of it but
// its list of sources, while the list is read: the rules need the subject, the
// entities and the rule files, none of which is in the list, and reading a list
// of thousands of sources takes as long as compiling. Compiling needs every
// core but in stretches (reading the rule files' YAML, building the trigger
// words' automaton), and reading the list one: each fills the other's gaps.
// LoadCorpusWith takes them only when the whole manifest says what the head
// did (serving).
type earlyRules struct {
	head    *manifest
	profile *Profile
	// ready is closed when digest is set (or filesErr, the rule files not
	// read), done when rs and err are.
	ready, done chan struct{}
	filesErr    error
	digest      string
	rs          *RuleSet
	err         error
}

// startEarlyRules starts compiling the rules of the manifest data from its
// head (manifestHead), or returns nil when its list of sources cannot be found
// or its head has a problem (which reading the whole manifest reports).
func startEarlyRules(fsys fs.FS, dir, mpath string, data []byte) *earlyRules {
	head, ok := manifestHead(data)
	if !ok {
		return nil
	}
	m, _, err := parseManifest(mpath, head)
	if err != nil || m.err != nil || m.noSubject != nil {
		return nil
	}
	e := &earlyRules{head: m, ready: make(chan struct{}), done: make(chan struct{})}
	c := &Corpus{Dir: dir, ManifestPath: mpath, RuleFiles: m.Rules, FS: fsys, uncached: true, Profile: NewProfile(m.Subject, m.Entities)}
	e.profile = c.Profile
	go func() {
		defer close(e.done)
		files, err := c.ruleFiles()
		if e.filesErr = err; err == nil {
			e.digest = rulesDigest(c.Profile, files)
		}
		close(e.ready)
		if err == nil {
			e.rs, e.err = c.compile(files)
		}
	}()
	return e
}

// serving is e when the rules it compiles are those of manifest m, nil otherwise:
// the rule files read, and the whole manifest giving the subject, entities and
// rule files its head gave.
func (e *earlyRules) serving(m *manifest) *earlyRules {
	if e == nil {
		return nil
	}
	<-e.ready
	if e.filesErr != nil || !reflect.DeepEqual(e.head.Subject, m.Subject) || !reflect.DeepEqual(e.head.Entities, m.Entities) || !reflect.DeepEqual(e.head.Rules, m.Rules) {
		return nil
	}
	return e
}

// manifestHead is data with its list of sources emptied: "sources: []" in its
// place and as many line breaks as it held, so that every line after it keeps
// its number. The list is found by its key alone on a line at the margin and
// runs to the next line at the margin that is not an item of it, a comment or
// blank. ok is false when there is no such key, or data has document markers.
func manifestHead(data []byte) (head []byte, ok bool) {
	if hasDocumentMarker(data) {
		return nil, false
	}
	at, end := -1, len(data)
	for i := 0; i < len(data); {
		line := data[i:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j+1]
		}
		if at < 0 && isSourcesKey(line) {
			at = i
		} else if at >= 0 && len(bytes.TrimSpace(line)) > 0 && line[0] != ' ' && line[0] != '-' && line[0] != '#' {
			end = i // the next key
			break
		}
		i += len(line)
	}
	if at < 0 {
		return nil, false
	}
	head = append(data[:at:at], "sources: []"...)
	for range bytes.Count(data[at:end], []byte{'\n'}) {
		head = append(head, '\n')
	}
	return append(head, data[end:]...), true
}

// isSourcesKey reports whether line is the key of the list of sources alone, at
// the margin: "sources:", maybe a comment after it.
func isSourcesKey(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("sources:"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '#'
}

// rules are the rules to extract while reading with, compiled when first asked
// for; nil once extracting while reading has stopped.
func (sp *speculation) rules() *RuleSet {
	if sp == nil || sp.abandoned.Load() {
		return nil
	}
	sp.once.Do(sp.compile)
	if sp.err != nil {
		sp.abandoned.Store(true)
		return nil
	}
	return sp.rs
}

// rulesFor are the rules to extract source s with while reading it, or nil:
// when extracting while reading has stopped, or when cache holds the claims it
// would find (checked first, so that a run whose sources the cache all holds
// compiles no rules).
func (sp *speculation) rulesFor(s *Source, cache *Cache) *RuleSet {
	if sp == nil || cache != nil && cache.holds(cache.key(s, sp.digest)) {
		return nil
	}
	return sp.rules()
}

// take returns the claims extracted while reading source i, once, and whether
// there are any: none for rules other than those it extracted with (digest).
func (sp *speculation) take(i int, digest string) ([]Claim, bool) {
	if sp == nil || !sp.done[i] || digest != sp.digest {
		return nil, false
	}
	claims := sp.claims[i]
	sp.claims[i], sp.done[i] = nil, false
	return claims, true
}

// extractWhileReading extracts source i from its text, read into b while
// loading, with rules rs, and returns what the text teaches. Its claims are kept
// unless it teaches the profile a name, which stops extracting while reading.
func (c *Corpus) extractWhileReading(i int, text string, b *sourceBuffers, rs *RuleSet) []Lesson {
	sp := c.spec
	doc := segmentInto(text, b.sentences[:0], &b.lists)
	claims, lessons := extractLearning(c.Sources[i], doc, c.Profile, rs)
	clear(doc.Sentences) // let go of what the sentences point to beyond the text
	b.sentences = doc.Sentences[:0]
	detachLessons(lessons)
	sp.dry.Lock()
	teaches := c.Profile.teaches(lessons)
	sp.dry.Unlock()
	if teaches {
		sp.abandoned.Store(true)
		return lessons
	}
	sp.claims[i], sp.done[i] = claims, true
	return lessons
}

// manifest is what a manifest says: the subject and its entities, the settings,
// and what it says of each source (id, file, names, as-of). Reading the files is
// another step (scan).
type manifest struct {
	Subject   *Known
	Entities  []*Known
	Tolerance float64
	Reviews   string
	Rules     []RuleFileRef
	Sources   []*Source

	// What was read: the manifest's length and SHA-256, and the column of the
	// dashes of its list of sources when that list ends it (0 when not), so that
	// sources appended to it can be read alone (see reread).
	size int
	sum  string
	dash int

	err       error // the problems found in it, if any
	noSubject error // the manifest has no subject
}

// readManifest parses and checks a manifest, or takes what it says from the
// cache, which keeps what the folder's recent manifests said when they were read
// without a problem: one read before is not parsed again, and one that is a
// recent manifest with sources appended (as "compare add" appends them, on one
// branch or another) has only those parsed. With thousands of sources, parsing
// the YAML is a good part of a warm run. The YAML nodes, which only errors about
// the sources' files need (see scan), are then parsed if asked.
func readManifest(mpath string, data []byte, cache *Cache, root string) (*manifest, func() map[SourceID]*yaml.Node, error) {
	lazy := func() func() map[SourceID]*yaml.Node {
		var once sync.Once
		var nodes map[SourceID]*yaml.Node
		return func() map[SourceID]*yaml.Node {
			once.Do(func() { _, nodes, _ = parseManifest(mpath, data) })
			return nodes
		}
	}
	// Without a cache nothing is looked up by the manifest's hash, which
	// parseManifest works out.
	recents := cache.recentManifests(root)
	if cache != nil {
		sum := sha256Hex(data)
		if m, ok := cache.loadManifest(sum); ok && m.size == len(data) {
			cache.rememberManifest(root, m, false, "", recents)
			return m, lazy(), nil
		}
		for _, r := range recents {
			if r.size >= len(data) || sha256Hex(data[:r.size]) != r.sum {
				continue
			}
			if prev, ok := cache.loadManifest(r.sum); ok {
				if m, ok := prev.reread(mpath, data, sum); ok {
					cache.rememberManifest(root, m, true, r.sum, recents)
					return m, lazy(), nil
				}
			}
		}
	}
	m, nodes, err := parseManifest(mpath, data)
	if err != nil {
		return nil, nil, err
	}
	if m.err == nil && m.noSubject == nil {
		cache.rememberManifest(root, m, true, "", recents)
	}
	return m, func() map[SourceID]*yaml.Node { return nodes }, nil
}

// reread returns what data (whose SHA-256 is sum) says, m being what its first
// m.size bytes said: m itself when data is those bytes, or m with the sources
// appended after them when all that follows is more items of the list of
// sources, each without a problem. ok is false when data must be parsed whole.
func (m *manifest) reread(mpath string, data []byte, sum string) (next *manifest, ok bool) {
	if len(data) < m.size || sha256Hex(data[:m.size]) != m.sum {
		return nil, false
	}
	if len(data) == m.size {
		return m, true
	}
	more := data[m.size:]
	if m.dash == 0 || m.size == 0 || data[m.size-1] != '\n' || hasDocumentMarker(more) {
		return nil, false
	}
	var doc yaml.Node
	if yaml.Unmarshal(more, &doc) != nil {
		return nil, false
	}
	n := *m
	n.Sources = slices.Clone(m.Sources)
	n.size, n.sum = len(data), sum
	if len(doc.Content) == 0 {
		return &n, true // comments or blank lines only
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode || list.Style&yaml.FlowStyle != 0 || list.Column != m.dash {
		return nil, false
	}
	ids := map[SourceID]bool{}
	for _, s := range m.Sources {
		ids[s.ID] = true
	}
	y := &YAMLFile{Name: mpath, Root: list}
	for _, item := range list.Content {
		s := readSource(y, item)
		if s == nil || ids[s.ID] {
			return nil, false
		}
		ids[s.ID] = true
		n.Sources = append(n.Sources, s)
	}
	if y.Err() != nil {
		return nil, false // parsed whole, the problems are reported where they are
	}
	return &n, true
}

// hasDocumentMarker reports whether YAML text has a line that starts or ends a
// document ("---", "..."): text appended after one is not part of the list it
// follows.
func hasDocumentMarker(b []byte) bool {
	for line := range bytes.Lines(b) {
		if bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")) {
			return true
		}
	}
	return false
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// parseManifest reads a manifest's YAML and checks what it says. It returns an
// error only when there is no YAML to read; other problems are kept in m.err, so
// that the sources' files are checked too and every problem reported at once.
func parseManifest(mpath string, data []byte) (*manifest, map[SourceID]*yaml.Node, error) {
	y, err := parseManifestYAML(mpath, data)
	if err != nil {
		return nil, nil, err
	}
	if y.Root == nil {
		return nil, nil, &InputError{File: mpath, Line: 1, Msg: "the manifest is empty", Hint: "it needs at least a subject and a list of sources"}
	}
	m := &manifest{Tolerance: DefaultTolerance, Reviews: "reviews.yaml"}
	top := y.Mapping(y.Root, "the manifest", []string{"subject", "entities", "sources", "tolerance", "reviews", "rules"}, []string{"subject", "sources"})

	m.Subject = readSubject(y, top["subject"])
	for _, n := range y.Seq(top["entities"], "entities") {
		if e := readEntity(y, n); e != nil {
			m.Entities = append(m.Entities, e)
		}
	}
	if t, ok := y.Float(top["tolerance"], "tolerance"); ok {
		if t < 0 || t >= 1 {
			y.Errorf(top["tolerance"], "0.10 means 'about 3,000' covers 2,700 to 3,300", "tolerance must be a fraction from 0 to below 1, not %v", t)
		} else {
			m.Tolerance = t
		}
	}
	if r := y.Str(top["reviews"], "reviews"); r != "" {
		m.Reviews = r
	}
	for _, n := range y.Seq(top["rules"], "rules") {
		if name := y.Str(n, "rules item"); name != "" {
			m.Rules = append(m.Rules, RuleFileRef{Name: name, Line: n.Line, Col: n.Column})
		}
	}

	seen := map[SourceID]*yaml.Node{}
	// A new corpus has no sources yet ("sources: []"): that is allowed.
	for _, n := range y.Seq(top["sources"], "sources") {
		s := readSource(y, n)
		if s == nil {
			continue
		}
		if first, dup := seen[s.ID]; dup {
			y.Errorf(n, "give each source its own id", "two sources have the id %q (the first is on line %d)", s.ID, first.Line)
			continue
		}
		seen[s.ID] = n
		m.Sources = append(m.Sources, s)
	}
	m.err = y.Err()
	m.size, m.sum = len(data), sha256Hex(data)
	// Sources appended to a manifest whose list of sources ends it can be read
	// alone next time (reread).
	if k := len(y.Root.Content); k >= 2 && y.Root.Kind == yaml.MappingNode && y.Root.Content[k-2].Value == "sources" && !hasDocumentMarker(data) {
		if list := y.Root.Content[k-1]; list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0 {
			m.dash = list.Column
		}
	}
	if m.Subject == nil {
		m.noSubject = &InputError{File: mpath, Line: y.Root.Line, Col: y.Root.Column, Msg: "the manifest has no subject", Hint: "add subject: {name: …, aliases: […]}"}
	}
	return m, seen, nil
}

// parseManifestYAML parses a manifest's YAML: with fastYAMLNode when the
// manifest is written in the subset of YAML it reads, as all that gencorpus,
// "compare init" and "compare add" write are (with thousands of sources yaml.v3
// takes a few times longer), else with ParseYAML, whose messages the errors of
// malformed YAML carry. Both give the same nodes but for comments, which the
// checks of a manifest never read.
func parseManifestYAML(mpath string, data []byte) (*YAMLFile, error) {
	if root, ok := fastYAMLNode(data); ok {
		return &YAMLFile{Name: mpath, Root: root}, nil
	}
	return ParseYAML(mpath, data)
}

func readSubject(y *YAMLFile, n *yaml.Node) *Known {
	if n == nil {
		return nil
	}
	m := y.Mapping(n, "subject", []string{"name", "aliases"}, []string{"name"})
	name := y.Str(m["name"], "subject name")
	if name == "" {
		if m["name"] != nil {
			y.Errorf(m["name"], "name the organization the sources are about: name: MEK", "the subject has an empty name")
		}
		return nil
	}
	return &Known{Entity: Entity{ID: EntityID("org:" + slug(name)), Name: name, Type: EntityOrganization}, Aliases: y.Strs(m["aliases"], "aliases")}
}

func readEntity(y *YAMLFile, n *yaml.Node) *Known {
	m := y.Mapping(n, "an entity", []string{"name", "kind", "aliases", "country"}, []string{"name", "kind"})
	name := y.Str(m["name"], "entity name")
	kindText := y.Str(m["kind"], "entity kind")
	kind, ok := kindNames[kindText]
	if kindText != "" && !ok {
		y.Errorf(m["kind"], "write kind: person (or organization, authority, place)", "entity kind must be one of person, organization, authority, place, not %q", kindText)
	}
	country := y.Str(m["country"], "country")
	switch {
	case kind == EntityPlace && country == "":
		y.Errorf(n, "say which country it lies in: country: Iraq", "place %q has no country", name)
	case kind == EntityPlace && CountryNamed(country) == "":
		y.Errorf(m["country"], "use a country's usual English name", "unknown country %q", country)
	case kind != EntityPlace && country != "":
		y.Errorf(m["country"], "only places have a country", "%s %q cannot have a country", kindText, name)
	}
	if name == "" || !ok {
		return nil
	}
	prefix := map[EntityKind]string{EntityPerson: "person:", EntityOrganization: "org:", EntityAuthority: "authority:", EntityPlace: "place:"}[kind]
	return &Known{Entity: Entity{ID: EntityID(prefix + slug(name)), Name: name, Type: kind}, Aliases: y.Strs(m["aliases"], "aliases"), Country: CountryNamed(country)}
}

func readSource(y *YAMLFile, n *yaml.Node) *Source {
	m := y.Mapping(n, "a source", []string{"id", "file", "name", "title", "publisher", "kind", "url", "as_of", "as_of_evidence"}, []string{"id", "file"})
	s := &Source{
		ID:           SourceID(y.Str(m["id"], "id")),
		File:         y.Str(m["file"], "file"),
		Name:         y.Str(m["name"], "name"),
		Title:        y.Str(m["title"], "title"),
		Publisher:    y.Str(m["publisher"], "publisher"),
		Kind:         y.Str(m["kind"], "kind"),
		URL:          y.Str(m["url"], "url"),
		AsOfText:     y.Str(m["as_of"], "as_of"),
		AsOfEvidence: y.Str(m["as_of_evidence"], "as_of_evidence"),
	}
	for key, v := range map[string]string{"id": string(s.ID), "file": s.File} {
		if v == "" && m[key] != nil {
			y.Errorf(m[key], "give every source an id and a file", "a source has an empty %s", key)
		}
	}
	if s.ID == "" || s.File == "" {
		return nil
	}
	if !sourceIDRE.MatchString(string(s.ID)) {
		y.Errorf(m["id"], "use lower-case letters, digits, '-' and '_': it appears in reports and reviews", "source id %q is not a short id", s.ID)
	}
	if !fs.ValidPath(s.File) {
		y.Errorf(m["file"], "give a path relative to compare.yaml, inside its folder", "source file %q is not inside the corpus folder", s.File)
	}
	if s.Name == "" {
		s.Name = string(s.ID)
	}
	if s.AsOfText != "" {
		d, ok := parseEDTF(s.AsOfText)
		if !ok {
			y.Errorf(m["as_of"], "write an EDTF date: 2015-01, 2008, 2023/.. (2023 or later)", "as_of %q is not a date", s.AsOfText)
		}
		s.AsOf = d
	}
	return s
}

// scan reads every source on o.Workers cores: it checks the text, hashes it, counts
// its sentences and finds what it may teach. It returns the problems in manifest
// order.
func (c *Corpus) scan(nodes func() map[SourceID]*yaml.Node, o ExtractOptions) []error {
	errs := make([]error, len(c.Sources))
	report := o.progress("reading", len(c.Sources))
	// Nothing of a text is kept from this first reading (its lessons are copied
	// out), so each worker reads file after file into the buffers extraction
	// reads into.
	par.Each(len(c.Sources), o.Workers, func(i int) {
		s := c.Sources[i]
		defer func() { report(s.Size) }()
		// With a cache, a file it knows by its size and time is not read; without
		// one, the file opened is asked its size (fstat), not its path (stat).
		stat, size := "", -1
		if o.Cache != nil {
			info, err := fs.Stat(c.FS, s.File)
			if err != nil {
				errs[i] = c.missing(s, nodes()[s.ID])
				return
			}
			stat, size = o.Cache.statKey(o.Root, s.File, info), int(info.Size())
			if t, ok := o.Cache.loadStat(stat); ok {
				s.Hash, s.Size, s.lessons = t.Hash, info.Size(), t.Lessons
				return
			}
		}
		b := sourceBufferPool.Get().(*sourceBuffers)
		defer func() {
			b.data = giveBack(b.data)
			sourceBufferPool.Put(b)
		}()
		data, err := readInto(c.FS, s.File, size, &b.data)
		if err != nil {
			errs[i] = c.missing(s, nodes()[s.ID])
			return
		}
		if err := checkText(s.Path, data); err != nil {
			errs[i] = err
			return
		}
		s.Size = int64(len(data))
		s.crc, s.read = crc32.Checksum(data, crcTable), true
		if o.Cache != nil { // the hash keys the cache, and nothing else needs it
			sum := sha256.Sum256(data)
			s.Hash = hex.EncodeToString(sum[:])
		}
		t, ok := o.Cache.loadText(s.Hash)
		// A text read again whose claims the cache holds (a file touched, not
		// changed: a fresh checkout) is not extracted while reading: extracting
		// will take them from the cache.
		if rs := c.spec.rulesFor(s, o.Cache); rs != nil {
			lessons := c.extractWhileReading(i, readOnly(data), b, rs)
			if !ok {
				t = textEntry{Lessons: lessons}
				o.Cache.storeText(s.Hash, t)
			}
		} else if !ok {
			t = textEntry{Lessons: lessonsOf(readOnly(data), &b.lists)}
			detachLessons(t.Lessons)
			o.Cache.storeText(s.Hash, t)
		}
		s.lessons = t.Lessons
		t.Hash = s.Hash
		o.Cache.storeStat(stat, t)
	})
	return errs
}

// readInto reads a file into *buf, which it grows as needed and keeps, and returns
// the bytes read: they are good until *buf is used again. size is the file's size
// as a stat the caller made says, -1 to ask the file; either way it is only room
// made ahead.
func readInto(fsys fs.FS, name string, size int, buf *[]byte) ([]byte, error) {
	if r, ok := fsys.(fileReader); ok {
		return r.readFileInto(name, size, buf)
	}
	return readFrom(fsys, name, size, buf)
}

// readFrom is readInto through the file system's files.
func readFrom(fsys fs.FS, name string, size int, buf *[]byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if size < 0 {
		size = 0
		if info, err := f.Stat(); err == nil {
			size = int(info.Size())
		}
	}
	return readAllInto(f, size, buf)
}

// readAllInto reads r to its end into *buf, grown as needed and kept, with room
// made ahead for size bytes.
func readAllInto(r io.Reader, size int, buf *[]byte) ([]byte, error) {
	data := grown(*buf, size+1)[:0] // one byte more, for the read that finds the end
	for {
		if len(data) == cap(data) {
			data = slices.Grow(data, 4096)
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		*buf = data
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// missing is the error for a source whose file cannot be read.
func (c *Corpus) missing(s *Source, n *yaml.Node) error {
	fileNode := n
	if v := mappingValue(n, "file"); v != nil {
		fileNode = v
	}
	line, col := 0, 0
	if fileNode != nil {
		line, col = fileNode.Line, fileNode.Column
	}
	return &InputError{File: c.ManifestPath, Line: line, Col: col,
		Msg:  fmt.Sprintf("source %q: file %q not found", s.ID, s.File),
		Hint: "check the path (it is relative to compare.yaml) or remove the source"}
}

// Read reads a source's text again and segments it. It fails when the file is gone
// or has changed since the corpus was loaded.
func (c *Corpus) Read(s *Source) (*Document, error) {
	var data []byte
	return c.read(s, &data, nil, nil)
}

// read is Read into *data, which it grows as needed, with the sentences added to
// room.
func (c *Corpus) read(s *Source, data *[]byte, room []Sentence, lists *segmentRoom) (*Document, error) {
	size := -1
	if s.read { // the first reading's size: a changed file fails the check below
		size = int(s.Size)
	}
	b, err := readInto(c.FS, s.File, size, data)
	if err != nil {
		return nil, &InputError{File: s.Path, Msg: "cannot read the source again: " + err.Error(), Hint: "run compare again"}
	}
	if !s.unchanged(b) {
		return nil, &InputError{File: s.Path, Msg: "the file changed while compare was reading the corpus", Hint: "run compare again"}
	}
	text := readOnly(b)
	if cap(room) == 0 { // else room kept from the texts before, grown as they needed
		room = make([]Sentence, 0, sentenceBound(text))
	}
	return segmentInto(text, room[:0], lists), nil
}

// sourceBuffers are what a source's text and its sentences are read into to be
// extracted. Nothing of either outlives the extraction (claims copy what they
// quote, memos copy their keys), so a worker reads source after source into the
// same buffers instead of making new ones for the collector to clear and free.
type sourceBuffers struct {
	data      []byte
	sentences []Sentence
	lists     segmentRoom
}

var sourceBufferPool = sync.Pool{New: func() any { return new(sourceBuffers) }}

// givenBack, which only a test sets, is handed each buffer a text was read into
// as it is given back, which is then dropped rather than read into again: the test
// overwrites it, so that anything still pointing into it shows, and checks that
// nothing keeps it.
var givenBack func([]byte)

// giveBack ends the use of a buffer a text was read into, and returns the buffer
// to read into next.
func giveBack(b []byte) []byte {
	if givenBack != nil {
		givenBack(b)
		return nil
	}
	return b
}

// readForExtraction is Read into buffers of the pool; done gives them back once
// the document is no longer used.
func (c *Corpus) readForExtraction(s *Source) (doc *Document, done func(), err error) {
	b := sourceBufferPool.Get().(*sourceBuffers)
	done = func() {
		b.data = giveBack(b.data)
		clear(b.sentences) // let go of what the sentences point to beyond the text
		b.sentences = b.sentences[:0]
		sourceBufferPool.Put(b)
	}
	if doc, err = c.read(s, &b.data, b.sentences, &b.lists); err != nil {
		done()
		return nil, nil, err
	}
	b.sentences = doc.Sentences
	return doc, done, nil
}

// unchanged reports whether data is still what loading read: by CRC-32C when
// loading read the file, else (its size and time were known from the cache) by
// SHA-256.
func (s *Source) unchanged(data []byte) bool {
	if s.read {
		return int64(len(data)) == s.Size && crc32.Checksum(data, crcTable) == s.crc
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == s.Hash
}

// readOnly is data as a string without a copy, for bytes read from a file that
// nothing writes to afterwards: a source's text is as long as the source, and
// copying it costs as much as reading it.
func readOnly(data []byte) string { return unsafe.String(unsafe.SliceData(data), len(data)) }

// Around returns, for each span of source s's text, the sentences on either side
// of the one holding it (Document.Around), for renderers that show a quote in its
// context. The text is read into a worker's buffers and let go once the spans
// are answered: what is returned is copied out of it, so a report on thousands of
// sources holds their quotes' neighbours, not their texts.
func (c *Corpus) Around(s *Source, spans []Span) ([][2]string, error) {
	doc, done, err := c.readForExtraction(s)
	if err != nil {
		return nil, err
	}
	defer done()
	out := make([][2]string, len(spans))
	seen := make(map[Span]int, len(spans)) // claims of one sentence share its neighbours
	for i, sp := range spans {
		if k, ok := seen[sp]; ok {
			out[i] = out[k]
			continue
		}
		seen[sp] = i
		before, after := doc.Around(sp)
		out[i] = [2]string{strings.Clone(before), strings.Clone(after)}
	}
	return out, nil
}

// placeIn tells claims the place of their source in the corpus, i, and gives
// them the manifest's own id string: judging compares ids by the million, and one
// string compares with itself at once.
func placeIn(claims []Claim, id SourceID, i int) {
	for k := range claims {
		claims[k].Source, claims[k].at = id, int32(i+1)
	}
}

// CheckText rejects what cannot be read as a source, as loading does.
func CheckText(name string, data []byte) error { return checkText(name, data) }

// checkText rejects what cannot be read as text: an empty file, a binary one, or one
// that is not UTF-8, naming the line and column of the first bad byte.
func checkText(name string, data []byte) error {
	if f := formatOf(data); f != nil {
		return &InputError{File: name, Line: 1, Col: 1, Msg: "the file is " + f.what + ", not plain text", Hint: f.hint}
	}
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && len(bytes.TrimSpace(data)) > 0 {
		return nil // the usual case, checked at memory speed
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return &InputError{File: name, Line: 1, Msg: "the file is empty", Hint: "add the document's text, or remove it from compare.yaml"}
	}
	if utf16Text(data) {
		return &InputError{File: name, Line: 1, Col: 1, Msg: "the file is UTF-16 text, not UTF-8", Hint: "save it as UTF-8 (Notepad: Save As, Encoding: UTF-8), or convert it: iconv -f UTF-16 -t UTF-8"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &InputError{File: name, Line: line, Col: col, Msg: "the file is binary (it contains a NUL byte), not text", Hint: "export the document as plain UTF-8 text"}
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			line, col := lineCol(data, i)
			return &InputError{File: name, Line: line, Col: col, Msg: fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02x)", data[i]), Hint: "convert it to UTF-8, for example with: iconv -f WINDOWS-1252 -t UTF-8"}
		}
		i += size
	}
	return nil
}

// docFormat is a kind of document a source may be saved as instead of text,
// known by how its files open.
type docFormat struct {
	opens      []string // what the file opens with, after any white space (letters in lower case)
	what, hint string
}

var docFormats = []docFormat{
	{[]string{"%pdf-"}, "a PDF document", "export its text, for example with: pdftotext FILE FILE.txt"},
	{[]string{"pk\x03\x04"}, "a Word document or another ZIP archive", "save it as plain text (.txt, UTF-8)"},
	{[]string{"{\\rtf"}, "an RTF document", "save it as plain text (.txt, UTF-8)"},
	{[]string{"<!doctype html", "<html"}, "an HTML page", "save the page as text, or copy its text into a .txt file"},
}

// formatOf is the document format data is saved in, or nil for text. A UTF-8
// byte-order mark and white space before are passed over.
func formatOf(data []byte) *docFormat {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n")
	for i := range docFormats {
		for _, o := range docFormats[i].opens {
			if len(head) >= len(o) && strings.EqualFold(string(head[:len(o)]), o) {
				return &docFormats[i]
			}
		}
	}
	return nil
}

// utf16Text reports whether data looks like UTF-16 text, as Windows writes
// "Unicode" files: a byte-order mark (FF FE or FE FF), or the first characters
// ASCII with a NUL byte beside each, after it or before it.
func utf16Text(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return true
	}
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	for _, zero := range []int{0, 1} { // big-endian: the NUL first; little-endian: after
		all := true
		for i := 0; i < n && all; i += 2 {
			c := data[i+1-zero]
			all = data[i+zero] == 0 && c != 0 && c < utf8.RuneSelf
		}
		if all {
			return true
		}
	}
	return false
}

func lineCol(data []byte, offset int) (int, int) {
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	start := bytes.LastIndexByte(data[:offset], '\n') + 1
	return line, utf8.RuneCount(data[start:offset]) + 1
}

// Present returns what "present" means in source s as a Date: its as-of date, or the
// zero Date (open) when the manifest gives none.
func (s *Source) Present() Date { return s.AsOf }

// Describe returns "START (January 2015)" style labels used in explanations.
func (s *Source) Describe() string {
	if s.AsOf.IsZero() {
		return s.Name + " (undated)"
	}
	return s.Name + " (" + strings.TrimPrefix(s.AsOf.Human(), "from ") + ")"
}

// Rules compiles the default rules and the corpus's own rule files against its
// profile.
func (c *Corpus) Rules() (*RuleSet, error) {
	files, err := c.ruleFiles()
	if err != nil {
		return nil, err
	}
	return c.compile(files)
}

// ruleFiles reads the default rules and the corpus's own rule files.
func (c *Corpus) ruleFiles() ([]RuleFile, error) {
	files := []RuleFile{{Name: "default rules", Data: DefaultRules}}
	for _, f := range c.RuleFiles {
		data, err := fs.ReadFile(c.FS, f.Name)
		if err != nil {
			return nil, &InputError{File: c.ManifestPath, Line: f.Line, Col: f.Col, Msg: fmt.Sprintf("rules file %q not found", f.Name), Hint: "the path is relative to compare.yaml"}
		}
		files = append(files, RuleFile{Name: path.Join(c.Dir, f.Name), Data: data})
	}
	return files, nil
}

// compile compiles files against the corpus's profile.
func (c *Corpus) compile(files []RuleFile) (*RuleSet, error) {
	// Loaded without a cache, every source will be extracted: the backtrackers
	// are made now, while the collector is still off for the rules, which spares
	// the cycle that turning it back on between the two would start. (Made while
	// the rules are read and the prefilter built, which is work for one core,
	// extraction began 4.5 ms sooner on 1,000 sources and both cores, but the run
	// took 4-5% longer, alternated in ten runs: measured and left.)
	defer pauseGCToCompile(c.Profile.spelledBytes())()
	rs, err := CompileRules(c.Profile, files...)
	if err == nil && c.uncached {
		rs.prepare()
	}
	return rs, err
}

// DeferredRules are the corpus's rules with their digest worked out and the rule
// files read, compiled only when extraction first needs them: when every source
// is in the cache ("compare check" after a commit that changed no source, a
// review recorded, the page served again), none is extracted and nothing is
// compiled, which on a small corpus is most of the run. A rule file that does not
// compile is reported then; one that does not compile never had a source
// extracted with it, so no source is in the cache under its digest.
func (c *Corpus) DeferredRules() (*DeferredRules, error) {
	if sp := c.spec; sp != nil {
		// The texts taught the profile nothing (else LoadCorpusWith dropped
		// spec): the rules to extract while reading are these, their files read
		// and their digest worked out once, compiled once.
		d := &DeferredRules{digest: sp.digest}
		d.compile = func() {
			sp.once.Do(sp.compile)
			d.rs, d.err = sp.rs, sp.err
		}
		return d, nil
	}
	files, err := c.ruleFiles()
	if err != nil {
		return nil, err
	}
	d := &DeferredRules{digest: rulesDigest(c.Profile, files)}
	d.compile = func() { d.rs, d.err = c.compile(files) }
	return d, nil
}

// DeferredRules are Rules compiled when first asked for (Corpus.DeferredRules).
type DeferredRules struct {
	digest  string
	once    sync.Once
	compile func()
	rs      *RuleSet
	err     error
}

// RulesDigest is the digest the rules will have once compiled.
func (d *DeferredRules) RulesDigest() string { return d.digest }

// Compiled compiles the rules, the first time it is called.
func (d *DeferredRules) Compiled() (*RuleSet, error) {
	d.once.Do(d.compile)
	return d.rs, d.err
}

// compiledYet reports whether the rules were compiled, for the tests.
func (d *DeferredRules) compiledYet() bool { return d.rs != nil || d.err != nil }

// ExtractAll extracts the claims of every source, in manifest order, on one core
// and without a cache.
func ExtractAll(c *Corpus, rs *RuleSet) ([]Claim, error) {
	return ExtractCorpus(c, rs, ExtractOptions{Workers: 1})
}

// ExtractOptions say how to read and extract a corpus.
type ExtractOptions struct {
	Cache   *Cache // nil: read and extract every source
	Workers int    // how many sources at once; 0 means one per core
	// Root is the corpus folder's absolute path on disk; with a cache, a file whose
	// size and modification time are those of the last run is known by them and not
	// read again. "" (the embedded corpus) reads every file.
	Root string
	// Progress, when set, is called after each source is read ("reading") and
	// after each is extracted ("extracting"), with the number done, the total, and
	// the bytes of text done so far. It is called from one goroutine at a time.
	Progress func(phase string, done, total int, bytes int64)
	// ExtractWhileReading says the corpus loaded will be extracted
	// (ExtractCorpus): each source read while loading is extracted then, and
	// read once instead of twice, unless the texts teach the profile a name
	// (see speculation).
	ExtractWhileReading bool
}

// progress returns what a worker calls after each source of a phase, with the
// source's size: it counts, and calls Progress one at a time.
func (o ExtractOptions) progress(phase string, total int) func(size int64) {
	if o.Progress == nil {
		return func(int64) {}
	}
	var mu sync.Mutex
	done, bytes := 0, int64(0)
	return func(size int64) {
		mu.Lock()
		defer mu.Unlock()
		done++
		bytes += size
		o.Progress(phase, done, total, bytes)
	}
}

// ExtractCorpus extracts the claims of every source, one source per worker at a
// time, and returns them in manifest order whatever the order they finish in. A
// source's text is read, extracted and let go; only its claims stay.
func ExtractCorpus(c *Corpus, rules Rules, o ExtractOptions) ([]Claim, error) {
	by, err := ExtractBySource(c, rules, o)
	if err != nil {
		return nil, err
	}
	return slices.Concat(by...), nil
}

// ExtractBySource is ExtractCorpus with each source's claims in a slice of their
// own, the sources in manifest order: the slices the claims were made in, not a
// copy of them all (10 MB for 1,000 generated sources, made and filled while the
// cores wait for it).
func ExtractBySource(c *Corpus, rules Rules, o ExtractOptions) ([][]Claim, error) {
	// First each source's claims are found: in the cache, read and checked but not
	// yet decoded, or extracted anew. Then, their number known, the cached ones are
	// decoded, each source's into a slice made to their number.
	type part struct {
		claims []Claim  // extracted anew
		d      *decoder // or a cached entry, read up to its claims
		n      int      // how many claims
	}
	parts := make([]part, len(c.Sources))
	errs := make([]error, len(c.Sources))
	report := o.progress("extracting", len(c.Sources))
	digest := rules.RulesDigest()
	var compileErr error // the rules' own, reported once
	var compileOnce sync.Once
	par.Each(len(c.Sources), o.Workers, func(i int) {
		s := c.Sources[i]
		defer func() { report(s.Size) }()
		if d, n, ok := o.Cache.cached(s, digest); ok {
			o.Cache.hits.Add(1)
			parts[i] = part{d: d, n: n}
			return
		}
		if claims, ok := c.spec.take(i, digest); ok {
			if o.Cache != nil {
				o.Cache.misses.Add(1)
				o.Cache.store(entry{Key: o.Cache.key(s, digest), Claims: claims})
			}
			placeIn(claims, s.ID, i)
			parts[i] = part{claims: claims, n: len(claims)}
			return
		}
		rs, err := rules.Compiled()
		if err != nil {
			compileOnce.Do(func() { compileErr = err })
			return
		}
		var key string
		if o.Cache != nil {
			key = o.Cache.key(s, digest)
		}
		parts[i].claims, errs[i] = o.Cache.extractAnew(c, s, rs, key)
		parts[i].n = len(parts[i].claims)
		placeIn(parts[i].claims, s.ID, i)
	})
	if compileErr != nil {
		return nil, compileErr
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// The cached claims are decoded into one slice, advised to be backed by huge
	// pages (a warm run of 10,000 sources decodes a hundred megabytes of them),
	// each source's its own stretch of it.
	out := make([][]Claim, len(parts))
	at := make([]int, len(parts)+1) // the cached claims before each source's
	for i, p := range parts {
		out[i], at[i+1] = p.claims, at[i]
		if p.d != nil {
			at[i+1] += p.n
		}
	}
	total := at[len(parts)]
	decoded := make([]Claim, total)
	adviseHugePages(decoded)
	bad := make([]bool, len(parts))
	// Decoding fills memory the run keeps: a collection meanwhile would free
	// nothing and slow the decoding down, so none starts until it is done.
	// Each worker decodes the entries of a run of sources, of about as many
	// claims as the others': memory written by one core at a time, in order.
	resume := pauseGC()
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bounds := make([]int, workers+1)
	for w := 1; w <= workers; w++ {
		to := bounds[w-1]
		for to < len(parts) && (w == workers || at[to] < total*w/workers) {
			to++
		}
		bounds[w] = to
	}
	par.Ranges(bounds, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			if p := parts[i]; p.d != nil {
				out[i] = decoded[at[i]:at[i+1]:at[i+1]]
				p.d.claims(out[i])
				if _, err := p.d.tail(nil); err != nil {
					bad[i] = true
				}
				placeIn(out[i], c.Sources[i].ID, i)
			}
		}
	})
	resume()
	// An entry whose sum was right but which did not decode: its source is
	// extracted anew.
	for i, s := range c.Sources {
		if !bad[i] {
			continue
		}
		o.Cache.hits.Add(-1) // not a hit after all: extractAnew counts a miss
		rs, err := rules.Compiled()
		if err != nil {
			return nil, err
		}
		claims, err := o.Cache.extractAnew(c, s, rs, o.Cache.key(s, digest))
		if err != nil {
			return nil, err
		}
		placeIn(claims, s.ID, i)
		out[i] = claims
	}
	o.Cache.writePack()
	return out, nil
}

// compileGCOff is the most bytes of names a profile may hold for the collector
// to be off while the rules compile. With few names, what compiling allocates is
// mostly the programs, which are kept, and a cycle meanwhile only scans them
// again. But each expression that lists the people or the organizations spells
// every name, and parsing and compiling such an expression leave garbage of its
// size, which piles up while the collector is off. On 100 generated sources
// with more people in the profile, the collector off against on: 500 more (8.7
// KB of names) 194-198 against 219-220 ms; 1,000 (17 KB) 261-267 against 262-273
// ms, 4,000 (68 KB) 800-940 ms and 234 MB against 729-801 ms and 166 MB.
const compileGCOff = 16 << 10

// pauseGCToCompile is pauseGC while rules compile against a profile whose names
// come to spelled bytes, if that is at most compileGCOff; else it changes nothing.
func pauseGCToCompile(spelled int) (resume func()) {
	if spelled > compileGCOff {
		return func() {}
	}
	return pauseGC()
}

// pauseGC turns the collector off until the function it returns is called
// (collector.Pause).
func pauseGC() (resume func()) { return collector.Pause() }
