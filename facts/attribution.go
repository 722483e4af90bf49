package facts

import (
	"regexp"
	"strings"
)

// attribution is a stretch of a sentence that the source puts in someone else's
// mouth: "According to the State Department, …", "The MEK claims it lost …",
// "… while the Iraqi government claimed 30 policemen injured".
type attribution struct {
	who      string // as written: "the MEK", "a New York Times reporter visiting the camp"
	claimant string // normalized; "" when the words only hedge ("it is said")
	from, to int    // folded byte range the attribution covers
}

var (
	// accordingRE: "According to X, …" and "…, according to X."
	accordingRE = regexp.MustCompile(`(?i)\baccording to ((?:the |a |an )?[^,;.]{2,80}?)(?:,|;|\.|$)`)
	// claimVerbRE: "X claims (that) …", with X a short noun phrase opening the
	// sentence or a clause.
	claimVerbRE = regexp.MustCompile(`(?i)(?:^|[,;:] |\bwhile |\bwhereas |\bbut |\band )((?:the |a |an )?[^,;:]{2,70}?) ` +
		`(?-i:(?:claims|claimed|claim|said|says|alleged|alleges|estimated|estimates|told [a-z ]{2,40}?)\b(?: that)?|` +
		`(?:maintains|maintained|insists|insisted|argues|argued|contends|contended|stated|states|reported|reports|announced|asserted|asserts|believes|believed|notes|noted|wrote|writes) that\b)`)
	// hedgeRE: claims the source makes without naming anyone.
	hedgeRE = regexp.MustCompile(`(?i)\b(?:it is|it was|is|are|was|were) (?:said|claimed|alleged|reported|believed|thought|rumou?red)\b|\breportedly\b|\ballegedly\b`)
	// notClaimant are subjects of a claim verb that are not claimants: pronouns
	// referring back, or the start of a longer clause.
	notClaimantRE = regexp.MustCompile(`(?i)^(?:it|this|that|which|who|he|she|they|there|we|i)\b`)
	passiveRE     = regexp.MustCompile(`(?i)\b(?:was|were|is|are|been|be)$`)
	clauseEndRE   = regexp.MustCompile(`(?i); |, while |, whereas |, but | while | whereas `)
	// claimVerbStarts and accordingStarts try the two expressions at the start
	// of the sentence and where the words that open a clause, or "according",
	// can begin; the others too are tried only where they can begin, by our
	// backtracker rather than regexp's (each sentence with a claim is read by
	// them).
	claimVerbStarts   = newStarts(claimVerbRE)
	accordingStarts   = newStarts(accordingRE)
	hedgeStarts       = newStarts(hedgeRE)
	clauseEndStarts   = newStarts(clauseEndRE)
	notClaimantStarts = newStarts(notClaimantRE)
)

// attributions finds who a sentence attributes its statements to.
func (x *extractor) attributions(s *Sentence) []attribution {
	text := s.Folded().Text
	var out []attribution
	// Each expression needs words that most sentences lack, which the prefilter
	// has looked for in the sentence in lower case (as strings.Contains would
	// find them there): the claim verbs, read in lower case only, are looked for
	// again as written.
	h, words := x.hits(s), x.attribution
	if h.hasAny(words.according) {
		out = x.according(text, out)
	}
	if h.hasAny(words.claimVerbs) && containsAny(text, claimVerbWords) {
		out = x.claimVerbs(text, out)
	}
	if h.hasAny(words.hedges) {
		for _, m := range hedgeStarts.findAll(text) {
			out = append(out, attribution{text[m[0]:m[1]], "", m[1], clauseEnd(text, m[1])})
		}
	}
	return out
}

// claimVerbWords hold every verb of claimVerbRE (which reads them in lower case
// only), hedgeWords every word of hedgeRE.
var (
	claimVerbWords = []string{"claim", "said", "says", "alleg", "estimat", "told", "maintain", "insist", "argue", "contend",
		"state", "report", "announced", "assert", "believe", "note", "wrote", "writes"}
	hedgeWords = []string{"said", "claimed", "alleged", "reported", "believed", "thought", "rumo"}
)

func containsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func (x *extractor) according(text string, out []attribution) []attribution {
	for _, m := range accordingStarts.findAll(text) {
		who := strings.TrimSpace(text[m[2]:m[3]])
		// "According to X, …" covers the rest of the clause; "…, according to X."
		// covers what came before it.
		if m[1] <= len(text) && m[1] > 0 && text[m[1]-1] == ',' {
			out = append(out, attribution{who, x.claimantKey(who), m[1], clauseEnd(text, m[1])})
		} else {
			out = append(out, attribution{who, x.claimantKey(who), clauseStart(text, m[0]), m[0]})
		}
	}
	return out
}

func (x *extractor) claimVerbs(text string, out []attribution) []attribution {
	for _, m := range claimVerbStarts.findAll(text) {
		who := strings.TrimSpace(text[m[2]:m[3]])
		if who == "" || notClaimantStarts.matches(who) || len(strings.Fields(who)) > 9 {
			continue
		}
		if passiveRE.MatchString(who) {
			// "the MEK was estimated to have": a passive, nobody named.
			out = append(out, attribution{text[m[2]:m[1]], "", m[1], clauseEnd(text, m[1])})
			continue
		}
		out = append(out, attribution{who, x.claimantKey(who), m[1], clauseEnd(text, m[1])})
	}
	return out
}

func clauseEnd(text string, from int) int {
	if loc := clauseEndStarts.first(text[from:]); loc != nil {
		return from + loc[0]
	}
	return len(text)
}

func clauseStart(text string, to int) int {
	if i := strings.LastIndexAny(text[:to], ";"); i >= 0 {
		return i + 1
	}
	return 0
}

// claimantKey names a claimant the same way however the source words it: the
// canonical name of a known organization or person, else the words in lower case
// without an article.
func (x *extractor) claimantKey(who string) string {
	w := strings.TrimSpace(who)
	for _, art := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		w = strings.TrimPrefix(w, art)
	}
	if k, ok := x.profile.Org(w); ok && k != nil {
		return k.Name
	}
	if k := x.profile.Lookup(w); k != nil {
		return k.Name
	}
	// "MEK representatives", "Iranian officials": the first known name decides.
	for _, word := range strings.Fields(w) {
		if k := x.profile.Lookup(word); k != nil && k.Type == EntityOrganization {
			return k.Name
		}
	}
	return strings.ToLower(w)
}

// attribute sets who a claim at folded offset at is attributed to: the innermost
// attribution that covers it.
func attribute(atts []attribution, at int) (who, claimant string) {
	best := -1
	for i, a := range atts {
		if at >= a.from && at < a.to && (best < 0 || a.from > atts[best].from) {
			best = i
		}
	}
	if best < 0 {
		return "", ""
	}
	return atts[best].who, atts[best].claimant
}
