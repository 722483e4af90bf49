package compare_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/facts"
	"github.com/factcheck-tools/compare/internal/benchcorpus"
)

// BenchmarkJudge groups and judges the claims of a generated corpus; MB/s is of
// the source text the claims come from, and claims/s is reported too.
func BenchmarkJudge(b *testing.B) {
	l := benchcorpus.Load(b, benchcorpus.Sources())
	c, claims := l.Corpus, l.Claims(b)
	b.SetBytes(l.Bytes)
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
	b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

// BenchmarkJudgeCountsOverManyYears judges one question of counts that 200
// sources answer for many years each (8,000 claims, 40 values a year over 150
// years): a newsroom's dossier on one membership figure. Only the counts about
// the same time are compared, so the cost follows the pairs within each year,
// not the pairs of every two counts.
func BenchmarkJudgeCountsOverManyYears(b *testing.B) {
	c, claims := oneQuestion(200, 40, func(s, k int) facts.Claim {
		year := 1870 + (s*7+k*11)%150
		d := benchDate(b, strconv.Itoa(year))
		n := float64(100 * (1 + (s*k+year)%40))
		return facts.Claim{Predicate: facts.Members, Value: facts.Quantity{Min: n, Max: n}, When: &facts.Period{From: d, To: d}}
	})
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
	b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

// oneQuestion is a corpus of n sources that each make so many claims about one
// organization, claim(s, k) being source s's k-th (its subject, source, line and
// span filled in here).
func oneQuestion(n, each int, claim func(s, k int) facts.Claim) (*facts.Corpus, []facts.Claim) {
	c := &facts.Corpus{Tolerance: 0.1}
	org := facts.Entity{ID: "org:x", Name: "X", Type: facts.EntityOrganization}
	var claims []facts.Claim
	for s := range n {
		id := facts.SourceID(fmt.Sprintf("s%03d", s))
		c.Sources = append(c.Sources, &facts.Source{ID: id, Name: string(id)})
		for k := range each {
			cl := claim(s, k)
			cl.Subject, cl.Source, cl.Line, cl.Span = org, id, k+1, facts.Span{Start: 100 * k, End: 100*k + 4}
			claims = append(claims, cl)
		}
	}
	return c, claims
}

func benchDate(b *testing.B, s string) facts.Date {
	d, err := facts.ParseDate(s, 0)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkJudgeManyPeople judges the names of 20,000 people found by shape, a
// hundred to each of 200 given names, as a newsroom's dossier holds: each name
// is compared with those that share a word with it, and most of those are told
// apart by the letters of the other word before its typos are counted.
func BenchmarkJudgeManyPeople(b *testing.B) {
	c := &facts.Corpus{Profile: &facts.Profile{}, Sources: []*facts.Source{{ID: "s", Name: "S"}}}
	word := compare.MadeUpWord
	var claims []facts.Claim
	for i := range 20000 {
		name := word(i%200+1000) + " " + word(i/3+7)
		e := facts.Entity{ID: facts.EntityID(fmt.Sprintf("person:p%05d", i)), Name: name, Type: facts.EntityPerson}
		claims = append(claims, facts.Claim{Subject: e, Predicate: facts.Named, Source: "s", Line: i + 1,
			Value: facts.Text{S: name}, Span: facts.Span{Start: 100 * i, End: 100*i + len(name)}})
	}
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
}

// BenchmarkApplyReviews gives 100 conflicts of 2,000 claims each their status
// from a reviews.yaml that reviewed each of them with all its claims, as a
// newsroom's file does once its editors have been through a large dossier: a
// claim is looked up in its review's claims, not compared with each.
func BenchmarkApplyReviews(b *testing.B) {
	res := &compare.Result{}
	revs := &compare.Reviews{}
	for k := range 100 {
		c := &compare.Conflict{ID: fmt.Sprintf("c%03d", k), Key: fmt.Sprintf("org:x|members@%d", 1900+k)}
		rv := &compare.Review{ID: c.ID, Key: c.Key, Verdict: compare.Confirmed}
		for i := range 2000 {
			d, err := facts.ParseDate(strconv.Itoa(1900+k), 0)
			if err != nil {
				b.Fatal(err)
			}
			n := float64(100 + i%50)
			cl := &facts.Claim{Source: facts.SourceID(fmt.Sprintf("s%04d", i)), Predicate: facts.Members,
				Value: facts.Quantity{Min: n, Max: n}, When: &facts.Period{From: d, To: d}}
			c.Claims = append(c.Claims, cl)
			rv.Claims = append(rv.Claims, compare.ReviewedClaim{Source: string(cl.Source), Value: cl.Normalized()})
		}
		res.Conflicts = append(res.Conflicts, c)
		revs.List = append(revs.List, rv)
	}
	b.ReportAllocs()
	for b.Loop() {
		if orphaned := compare.ApplyReviews(res, revs); len(orphaned) > 0 || res.Conflicts[0].State.Status != compare.Reviewed {
			b.Fatalf("%d orphaned, the first conflict %v", len(orphaned), res.Conflicts[0].State.Status)
		}
	}
}

// BenchmarkJudgeManyDates judges one question that 100 sources answer with 5,000
// distinct dates (days over 120 years), nearly every two of which do not meet:
// who disagrees with whom is read from the dates' days, not from a list of the
// pairs, which would hold some twelve million.
func BenchmarkJudgeManyDates(b *testing.B) {
	c, claims := oneQuestion(100, 50, func(s, k int) facts.Claim {
		n := s*50 + k
		return facts.Claim{Predicate: facts.Founded, Value: benchDate(b, fmt.Sprintf("%d-%02d-%02d", 1900+n%120, 1+n/120%12, 1+n/1440%28))}
	})
	b.ReportAllocs()
	for b.Loop() {
		compare.Judge(c, append([]facts.Claim(nil), claims...))
	}
}
