package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/factcheck-tools/compare/internal/gencorpus"
)

// TestPageAtScaleSumsUp: on a corpus of 150 sources the page shows at most 24
// claims a conflict, taken from every answer, with every answer counted over all
// the conflict's claims as the JSON report lists them, every source in the source
// filter; and its timelines draw at most 24 rows and say how many sources they
// leave out (TestCondense tries rows that stand for several sources).
func TestPageAtScaleSumsUp(t *testing.T) {
	dir := t.TempDir()
	if _, err := gencorpus.WriteOptions(dir, gencorpus.Options{Sources: 150, Seed: 3, SourceBytes: 3000}); err != nil {
		t.Fatal(err)
	}
	var page, js, errs bytes.Buffer
	if code := run([]string{"report", dir, "--format", "html", "--no-cache"}, nil, &page, &errs); code != 0 {
		t.Fatalf("report --format html: exit %d: %s", code, errs.String())
	}
	if code := run([]string{"report", dir, "--format", "json", "--no-cache"}, nil, &js, &errs); code != 0 {
		t.Fatalf("report --format json: exit %d: %s", code, errs.String())
	}
	var r struct {
		Conflicts []struct {
			ID     string
			Claims []struct{ Source, Value string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	summed := 0
	for _, c := range r.Conflicts {
		start := strings.Index(html, `id="c-`+c.ID+`"`)
		end := strings.Index(html[start:], "</li>")
		if start < 0 || end < 0 {
			t.Fatalf("no card for conflict %s", c.ID)
		}
		card := html[start : start+end]
		shown := strings.Count(card, `<div class="claim">`)
		sources := map[string]bool{}
		for _, cl := range c.Claims {
			sources[cl.Source] = true
		}
		filter := regexp.MustCompile(`data-sources="([^"]*)"`).FindStringSubmatch(card)
		if filter == nil || len(strings.Fields(filter[1])) != len(sources) {
			t.Errorf("conflict %s: the source filter reads %q, the claims come from %d sources", c.ID, filter, len(sources))
		}
		if len(c.Claims) <= 24 {
			if shown != len(c.Claims) || strings.Contains(card, `class="answers"`) {
				t.Errorf("conflict %s: %d claims, %d shown, or an answers table", c.ID, len(c.Claims), shown)
			}
			continue
		}
		summed++
		if shown != 24 || !strings.Contains(card, fmt.Sprintf("Shown: 24 of the %d claims", len(c.Claims))) {
			t.Errorf("conflict %s: %d of %d claims shown, or no word of the others", c.ID, shown, len(c.Claims))
		}
		total := 0
		for _, m := range regexp.MustCompile(`<td class="num">(\d+)</td><td class="num">\d+</td></tr>`).FindAllStringSubmatch(card, -1) {
			n, _ := strconv.Atoi(m[1])
			total += n
		}
		if total != len(c.Claims) {
			t.Errorf("conflict %s: the answers count %d claims, the JSON report lists %d", c.ID, total, len(c.Claims))
		}
	}
	if summed == 0 {
		t.Error("no conflict has more than 24 claims: the test tries nothing")
	}
	figures := regexp.MustCompile(`(?s)<figure class="timeline".*?</figure>`).FindAllString(html, -1)
	if len(figures) == 0 {
		t.Fatal("no timeline")
	}
	for _, f := range figures {
		lanes := strings.Count(f, `<text x="8"`) + strings.Count(f, `fill-opacity="0.22"/>`)
		if lanes > 24 {
			t.Errorf("a timeline draws %d rows", lanes)
		}
	}
	if !strings.Contains(html, "with other accounts are not drawn") {
		t.Error("no timeline leaves sources out: the test tries less than it says")
	}
}
