package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/factcheck-tools/compare/facts"
)

// manifestTemplate is the compare.yaml that init writes: every field, commented.
const manifestTemplate = `# compare.yaml: the corpus manifest. compare reads the sources listed here, all
# about one subject, and reports every place where their facts disagree.
# Keys not described here are errors.

# The subject: its name and the other names sources use for it. Names only: never
# when, how many or where the subject did anything; those facts come from the texts.
subject:
  name: %s
  aliases: []

# Optional: the people, organizations, authorities and places the sources name,
# with their aliases; a place says which country it lies in. For example:
#   - {name: Lena Dahl, kind: person, aliases: [L. Dahl]}
#   - {name: Camp Polaris, kind: place, country: Norway}
entities: []

# The sources. Add them with: compare add DIR FILE --id ID [--as-of DATE]
#   id:        short and stable; reports and reviews use it
#   file:      the text file, relative to this manifest (plain UTF-8)
#   name:      how explanations name the source ("the Almanac")
#   as_of:     the date the source speaks from, in EDTF (2015-01, 2008, 2023/..):
#              what "present", "currently" and "today" mean in it
sources: []

# How far approximate wording stretches a count: 0.10 lets "about 3,000" cover
# 2,700 to 3,300.
tolerance: 0.10

# Where editors' verdicts are kept (compare review writes it; keep it in git).
reviews: reviews.yaml
`

const reviewsTemplate = `# reviews.yaml: editors' verdicts on the conflicts of this corpus, kept in git.
# compare review appends to it; comments and the order of entries are kept.
reviews: []
`

type initOptions struct {
	subject string
}

// runInit starts a new corpus in DIR: a commented compare.yaml, an empty
// reviews.yaml and a sources folder.
func runInit(e *env, args []string) error {
	var o initOptions
	fs := newFlags(e, "init", "DIR")
	fs.StringVar(&o.subject, "subject", "", "the name of the subject the sources are about")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return &usageError{"init needs one DIR", "compare init DIR --subject NAME"}
	}
	dir := rest[0]
	manifest := filepath.Join(dir, facts.ManifestName)
	if _, err := os.Stat(manifest); err == nil {
		return &facts.InputError{File: manifest, Msg: "already a corpus: the folder has a compare.yaml", Hint: "add sources with 'compare add " + dir + " FILE --id ID'"}
	}
	subject := o.subject
	if subject == "" {
		subject = "SUBJECT"
	}
	name, _ := yaml.Marshal(subject)
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		return err
	}
	if err := facts.WriteAtomic(manifest, []byte(fmt.Sprintf(manifestTemplate, strings.TrimSpace(string(name))))); err != nil {
		return err
	}
	reviews := filepath.Join(dir, "reviews.yaml")
	if _, err := os.Stat(reviews); errors.Is(err, os.ErrNotExist) {
		if err := facts.WriteAtomic(reviews, []byte(reviewsTemplate)); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "started a corpus in %s: compare.yaml, reviews.yaml, sources/\n", dir)
	if o.subject == "" {
		fmt.Fprintf(e.stdout, "name its subject in %s (subject: name:), then add sources with: compare add %s FILE --id ID\n", manifest, dir)
	} else {
		fmt.Fprintf(e.stdout, "add sources with: compare add %s FILE --id ID\n", dir)
	}
	return nil
}

type addOptions struct {
	id, title, name, publisher, kind, url, asOf, evidence string
}

var sourceIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// runAdd adds a source to a corpus's manifest, keeping its comments. A file outside
// the corpus folder is copied into its sources folder first.
func runAdd(e *env, args []string) error {
	var o addOptions
	fs := newFlags(e, "add", "DIR FILE")
	fs.StringVar(&o.id, "id", "", "a short, stable id for the source (required)")
	fs.StringVar(&o.title, "title", "", "the source's title")
	fs.StringVar(&o.name, "name", "", "how explanations name the source (default: the id)")
	fs.StringVar(&o.publisher, "publisher", "", "who published it")
	fs.StringVar(&o.kind, "kind", "", "what kind of document it is")
	fs.StringVar(&o.url, "url", "", "where it was found")
	fs.StringVar(&o.asOf, "as-of", "", "the date it speaks from, EDTF (2015-01, 2008, 2023/..)")
	fs.StringVar(&o.evidence, "as-of-evidence", "", "what in the text shows that date")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return &usageError{"add needs DIR and FILE", "compare add DIR FILE --id ID"}
	}
	dir, file := rest[0], rest[1]
	switch {
	case o.id == "":
		return &usageError{"add needs --id", "give the source a short id: --id almanac"}
	case !sourceIDRE.MatchString(o.id):
		return &usageError{fmt.Sprintf("--id %q is not a short id", o.id), "use lower-case letters, digits, '-' and '_'"}
	}
	if o.asOf != "" {
		if _, err := facts.ParseDate(o.asOf, 0); err != nil || strings.ContainsAny(o.asOf, " ") {
			return &usageError{fmt.Sprintf("--as-of %q is not an EDTF date", o.asOf), "write 2015-01, 2008 or 2023/.. (2023 or later)"}
		}
	}
	manifest := filepath.Join(dir, facts.ManifestName)
	mdata, err := os.ReadFile(manifest)
	if err != nil {
		return &facts.InputError{File: manifest, Msg: "no manifest: the folder has no compare.yaml", Hint: "start a corpus with 'compare init " + dir + "'"}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return &facts.InputError{File: file, Msg: "cannot read the source file", Hint: "check the path"}
	}
	if err := facts.CheckText(file, data); err != nil {
		return err
	}
	rel, err := placeInCorpus(dir, file, data)
	if err != nil {
		return err
	}

	y, err := facts.ParseYAML(manifest, mdata)
	if err != nil {
		return err
	}
	if y.Root == nil || y.Root.Kind != yaml.MappingNode {
		return &facts.InputError{File: manifest, Line: 1, Msg: "the manifest is not a mapping of keys", Hint: "start again with 'compare init'"}
	}
	var sources *yaml.Node
	for i := 0; i+1 < len(y.Root.Content); i += 2 {
		if y.Root.Content[i].Value == "sources" {
			sources = y.Root.Content[i+1]
		}
	}
	if sources == nil {
		sources = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		y.Root.Content = append(y.Root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "sources"}, sources)
	}
	for _, n := range sources.Content {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Value == o.id {
				return &facts.InputError{File: manifest, Line: n.Content[i+1].Line, Col: n.Content[i+1].Column, Msg: fmt.Sprintf("a source already has the id %q", o.id), Hint: "choose another --id"}
			}
		}
	}
	type entry struct {
		ID        string `yaml:"id"`
		File      string `yaml:"file"`
		Name      string `yaml:"name,omitempty"`
		Title     string `yaml:"title,omitempty"`
		Publisher string `yaml:"publisher,omitempty"`
		Kind      string `yaml:"kind,omitempty"`
		URL       string `yaml:"url,omitempty"`
		AsOf      string `yaml:"as_of,omitempty"`
		Evidence  string `yaml:"as_of_evidence,omitempty"`
	}
	var n yaml.Node
	if err := n.Encode(entry{o.id, rel, o.name, o.title, o.publisher, o.kind, o.url, o.asOf, o.evidence}); err != nil {
		return err
	}
	sources.Content = append(sources.Content, &n)
	sources.Style = 0
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(y.Root); err != nil {
		return err
	}
	if err := facts.WriteAtomic(manifest, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added source %q (%s) to %s\n", o.id, rel, manifest)
	return nil
}

// placeInCorpus returns the path of file relative to the corpus folder, copying it
// into the folder's sources/ first when it lies outside.
func placeInCorpus(dir, file string, data []byte) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if rel, err := filepath.Rel(absDir, absFile); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel), nil
	}
	dst := filepath.Join(dir, "sources", filepath.Base(file))
	if old, err := os.ReadFile(dst); err == nil && !bytes.Equal(old, data) {
		return "", &facts.InputError{File: dst, Msg: "a different file of that name is already in the corpus", Hint: "rename the file, or remove the old one"}
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if err := facts.WriteAtomic(dst, data); err != nil {
		return "", err
	}
	return filepath.ToSlash(filepath.Join("sources", filepath.Base(file))), nil
}
