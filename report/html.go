package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"sort"
	"strings"
)

//go:embed html
var htmlFiles embed.FS

var pageTemplate = template.Must(template.New("page.tmpl").Funcs(template.FuncMap{
	"join":   strings.Join,
	"plural": plural,
	"dataSources": func(c Conflict) string {
		var ids []string
		for _, s := range c.Sources {
			ids = append(ids, s.ID)
		}
		return strings.Join(ids, " ")
	},
	"verdictLine": verdictLine,
	"hiddenNote":  hiddenNote,
	"diffParts":   diffParts,
}).ParseFS(htmlFiles, "html/page.tmpl"))

var (
	pageCSS = mustRead("html/page.css")
	pageJS  = mustRead("html/page.js")
	// The page's Content-Security-Policy allows its own inline style and script by
	// their hashes and nothing else: no network, no plugins, no other script. Source
	// text is escaped by html/template; the policy is the second wall.
	pageCSP = "default-src 'none'; img-src data:; style-src " + hash(pageCSS) + "; script-src " + hash(pageJS) +
		"; form-action 'self'; base-uri 'none'"
)

// CSP is the Content-Security-Policy of the HTML report, for a server to send.
func CSP() string { return pageCSP }

func mustRead(name string) string {
	b, err := htmlFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Page is what a served page adds to the report: the verdict forms and what
// happened on the last request. The zero Page is the static report.
type Page struct {
	Editable bool   // show a verdict form on each conflict that needs a review
	Token    string // the per-run token every form posts back
	Action   string // where the forms post
	By       string // who records verdicts, by default
	ReadOnly string // when served but not editable: why
	Flash    string // what the last request did ("recorded: … is confirmed")
	Recorded string // the conflict the last request recorded a verdict on: the flash shows on its card
	Error    string // why the last request failed
}

// HTML writes the report as one self-contained page: no network, no external
// assets; it works opened from disk or attached to a CI run.
func HTML(w io.Writer, r *Report) error { return WritePage(w, r, Page{}) }

// WritePage writes the report as a page, with the verdict forms when p.Editable.
func WritePage(w io.Writer, r *Report, p Page) error {
	data := struct {
		*Report
		Page     Page
		CSS      template.CSS
		JS       template.JS
		CSP      string
		Families []string
		Charts   []chart
	}{r, p, template.CSS(pageCSS), template.JS(pageJS), pageCSP, conflictFamilies(r), nil}
	for _, t := range r.Timelines {
		data.Charts = append(data.Charts, layout(t))
	}
	return pageTemplate.Execute(w, data)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func conflictFamilies(r *Report) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range r.Conflicts {
		if !seen[c.Family] {
			seen[c.Family] = true
			out = append(out, c.Family)
		}
	}
	sort.Strings(out)
	return out
}

type diffPart struct {
	DiffOp
	Space bool // a word added right after a word removed: keep them apart
}

func diffParts(d Diff) []diffPart {
	var out []diffPart
	for i, op := range d.Ops {
		out = append(out, diffPart{op, op.Op == 1 && i > 0 && d.Ops[i-1].Op == -1})
	}
	return out
}
