package report

import (
	"encoding/json"
	"io"
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

// JSON writes the report as compare.report/v1.
func JSON(w io.Writer, r *Report) error {
	out := jsonReport{Schema: Schema, Sources: []jsonSource{}, Conflicts: []jsonConflict{}, Agreements: []jsonAgreement{}, Orphaned: []jsonOrphan{}}
	for _, o := range r.Orphaned {
		out.Orphaned = append(out.Orphaned, jsonOrphan(o))
	}
	for _, s := range r.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, File: s.File, Title: s.Title, Publisher: s.Publisher, AsOf: s.AsOf, Claims: s.Claims})
	}
	for _, c := range r.Conflicts {
		jc := jsonConflict{ID: c.ID, Key: c.Key, Subject: c.Subject, Predicate: c.Predicate, Title: c.Title, Class: c.Class,
			IntraSource: c.IntraSource, Explanation: c.Explanation, Claims: []jsonClaim{},
			Review: jsonReview{Status: c.Review.Status, Verdict: c.Review.Verdict, Note: c.Review.Note, By: c.Review.By, At: c.Review.At, New: []jsonClaim{}}}
		for _, cl := range c.Claims {
			jc.Claims = append(jc.Claims, claimJSON(cl))
		}
		for _, cl := range c.Review.New {
			jc.Review.New = append(jc.Review.New, claimJSON(cl))
		}
		out.Conflicts = append(out.Conflicts, jc)
	}
	for _, a := range r.Agreements {
		srcs := append([]string{}, a.Sources...)
		out.Agreements = append(out.Agreements, jsonAgreement{Key: a.Key, Value: a.Value, Sources: srcs})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
