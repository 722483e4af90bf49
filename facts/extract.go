package facts

import (
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// sentenceContext is what a reader carries from one sentence to the next: the date
// a sentence opens with ("In 1986, …"), which rules may use for the events the
// sentence reports, and the dates it states.
type sentenceContext struct {
	frame     Date
	frameSpan Span
	hasFrame  bool
	last      Date // the last date the sentence states, for "From there, …"
	lastSpan  Span
	hasLast   bool
	dates     []mention // every date the sentence states, in order
}

// mention is a date stated in a sentence, at folded byte range at.
type mention struct {
	at   [2]int
	date Date
}

var (
	// frameRE finds the date a sentence opens with: "In 1986, …", "On 8 February …",
	// "Also in June 1986, …", "By 1987, …", "In 2010 and 2011 …".
	frameRE = lazyRE(`(?i)^(?:(?:` + strings.Join(frameLeads, "|") + `),? )?(?:(?:` + strings.Join(framePreps, "|") + `) )?(` +
		DatePattern + `)(?:,| )`)
	sharedSurnameRE = regexp.MustCompile(`^([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w-]+)$`)
	// anaphoraRE finds a sentence that continues the time of the one before:
	// "From there they relocated to Iraq." continuesTime says the same, faster.
	anaphoraRE = regexp.MustCompile(`(?i)^(?:` + strings.Join(anaphora, "|") + `)\b`)
)

// extractor applies a rule set to one source.
type extractor struct {
	// The memories and room a worker keeps from source to source (the names
	// compared, people, dates, claims seen; each sentence's trigger words, year
	// and context; the claims), given back when the source is done.
	*memos
	src      *Source
	doc      *Document
	profile  *Profile
	orgRE    *lazyRegexp
	personRE *lazyRegexp
	personSt *starts // personRE where a match can begin; nil to search it all
	listPrev map[string]*listItem
	vocab    *Vocabulary // the words this source writes in lower case
	// listAuthority is the authority the last item of a list under a heading named
	// ("European Union (2002): Designated …"), for the items after it ("Delisted
	// in 2009").
	listAuthority map[string]string
	filter        *prefilter
	attribution   attributionWords // where the attribution words are among filter's
	digits        someWords        // and the ten digits
	hitBlock      hits             // what is left of the block the next sentence's hits are cut from
	words         [][2]int         // the capitalized words of the text at capsOf, capsLen long (capitalWords)
	capsOf        *byte
	capsLen       int
	nearFound     []nearFind // nearNames's buffer of the windows that spell a name
	covered       [][2]int   // and of the names it found, good until the next sentence
	runs          [][2]int   // and the names rule's of capitalized runs
	firstOf       map[string]byte
}

type dateKey struct {
	text string
	year int
}

// parseDate is ParseDate remembered per source, without locking, and across
// sources (see Profile.dates). found says the date grammar matched text whole (see
// parseDate); the result is the same either way.
func (x *extractor) parseDate(text string, contextYear int, found bool) (Date, error) {
	k := dateKey{text, contextYear}
	if p, ok := x.dates[k]; ok {
		return p.v, p.err
	}
	p, ok := x.profile.dates.load(k)
	if !ok {
		p.v, p.err = parseDate(text, contextYear, found)
		x.profile.dates.store(dateKey{strings.Clone(text), contextYear}, p)
	}
	x.dates[k] = p
	return p.v, p.err
}

// parseQuantity is ParseQuantity remembered across sources (see Profile.quantities).
func (x *extractor) parseQuantity(text string) (Quantity, error) {
	p, ok := x.profile.quantities.load(text)
	if !ok {
		p.v, p.err = ParseQuantity(text)
		kept := p
		kept.v.Unit = strings.Clone(p.v.Unit) // the unit may be a piece of text
		x.profile.quantities.store(strings.Clone(text), kept)
	}
	return p.v, p.err
}

// parsePeriod is ParsePeriod in this source, its words read once across sources
// (see Profile.periods).
func (x *extractor) parsePeriod(text string) (Period, error) {
	w, ok := x.profile.periods.load(text)
	if !ok {
		w = readPeriod(text)
		x.profile.periods.store(strings.Clone(text), w)
	}
	return w.at(x.src.AsOf)
}

// noDispatch offers every sentence to every rule, for the test that compares.
var noDispatch = false

// dateToken is a date in masked text. A date's leading word ("until", "by",
// "from", "the") stays as it is written, for rules that spell it out ("until
// {date}") and those that let the date hold it alike; the rest, n bytes, becomes
// \x01, n-2 times \x02, then \x03 (one byte: \x04), so that every offset holds.
const dateToken = `(?:(?:` + dateLead + `) )?(?:\x01\x02*\x03|\x04)`

// dateLead is the words a date expression may open with (reLead, the opening of
// a range of days, the "the" of a decade).
const dateLead = reLead + `|from|between|the`

var dateLeadRE = regexp.MustCompile(`(?i)^(?:` + dateLead + `) `)

// maskDates returns the text with each date FindDates finds made a date token.
func maskDates(text string) string { return maskDatesAt(text, FindDates(text)) }

// maskDatesAt is maskDates, given what FindDates finds in text.
func maskDatesAt(text string, spans [][2]int) string {
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, sp := range spans {
		// A date that opens with a digit opens with no word before it.
		if isLetter(text[sp[0]]) {
			if lead := dateLeadRE.FindStringIndex(text[sp[0]:sp[1]]); lead != nil && lead[1] < sp[1]-sp[0] {
				sp[0] += lead[1]
			}
		}
		maskSpan(b, sp)
	}
	return string(b)
}

// maskSpan makes the bytes of b[sp[0]:sp[1]] one date token: \x04 alone, else
// \x01, \x02 for each byte between and \x03.
func maskSpan(b []byte, sp [2]int) {
	if sp[1]-sp[0] == 1 {
		b[sp[0]] = 4
		return
	}
	b[sp[0]] = 1
	for i := sp[0] + 1; i < sp[1]-1; i++ {
		b[i] = 2
	}
	b[sp[1]-1] = 3
}

// maskedText returns sentence s folded with its dates masked, once per sentence;
// false for a sentence that holds the token bytes itself. The dates are those
// readContext found, where it read the sentence.
func (x *extractor) maskedText(s *Sentence) (string, bool) {
	m := x.masked[s.Index]
	if m == "" {
		text := s.Folded().Text
		switch r := x.dateSpans[s.Index]; {
		case strings.ContainsAny(text, "\x01\x02\x03\x04"):
			m = "\x00"
		case r[1] > 0:
			m = maskDatesAt(text, x.spans[r[0]:r[1]-1])
		default:
			m = maskDates(text)
		}
		x.masked[s.Index] = m
	}
	return m, m != "\x00"
}

// hits returns the trigger words the prefilter finds in sentence s.
func (x *extractor) hits(s *Sentence) hits {
	if x.hit[s.Index] == nil {
		x.hit[s.Index] = x.filter.scanInto(s, x.newHits(s.Index))
	}
	return x.hit[s.Index]
}

// newHits is room for the hits of sentence i: the sentences' hits share one
// block, cut when first needed.
func (x *extractor) newHits(i int) hits {
	w := x.filter.width()
	if len(x.hitBlock) < w { // never, but for an extractor a test made without room
		x.hitBlock = make(hits, w*min(len(x.doc.Sentences)-i, 1024))
	}
	h := x.hitBlock[:w:w]
	x.hitBlock = x.hitBlock[w:]
	return h
}

// allHits finds the trigger words of every sentence the rules read, two walks
// at a time (see prefilter.scanAll).
func (x *extractor) allHits() {
	x.filter.scanAll(len(x.doc.Sentences), func(i int) (*Sentence, hits) {
		s := &x.doc.Sentences[i]
		if s.Kind == RefLine || s.Kind == Debris || x.hit[i] != nil {
			return nil, nil
		}
		x.hit[i] = x.newHits(i)
		return s, x.hit[i]
	})
}

func (x *extractor) sentenceAttributions(s *Sentence) []attribution {
	if a := x.atts[s.Index]; a != nil {
		return a
	}
	a := x.attributions(s)
	if a == nil {
		a = noAttributions // found: none
	}
	x.atts[s.Index] = a
	return a
}

// noAttributions is a sentence's attributions when it has none, found.
var noAttributions = []attribution{}

// Extract applies the rules to one source and returns its claims in the order of
// the text. Every claim carries its source, byte span, line, verbatim sentence, the
// rule that produced it and the reference it cites.
func Extract(src *Source, doc *Document, p *Profile, rs *RuleSet) []Claim {
	claims, _ := extract(src, doc, p, rs, false)
	return claims
}

// extractLearning is Extract and Lessons of the same document at once: the
// sentences that may teach are known from the trigger words Extract finds,
// with the words of mayTeach among them (RuleSet.teaching), and only those are
// asked (TestExtractLearningAsLessons). The lessons' strings are pieces of the
// text.
func extractLearning(src *Source, doc *Document, p *Profile, rs *RuleSet) ([]Claim, []Lesson) {
	return extract(src, doc, p, rs, true)
}

// extract is Extract, and with learn extractLearning.
func extract(src *Source, doc *Document, p *Profile, rs *RuleSet, learn bool) ([]Claim, []Lesson) {
	rs.prepare()
	x := newExtractor(src, doc, p, rs)
	defer x.giveBack()
	if !noDispatch {
		x.allHits() // first: readContext asks them which sentences hold a digit
	}
	x.readContext()
	// Each sentence is offered only to the rules its words can set off, in the
	// rules' order; each rule still checks all its trigger sets.
	cand := make([]uint64, (len(rs.rules)+63)/64)
	for i := range x.doc.Sentences {
		s := &x.doc.Sentences[i]
		if s.Kind == RefLine || s.Kind == Debris {
			continue
		}
		if noDispatch {
			for _, r := range rs.rules {
				r.apply(x, s)
			}
			continue
		}
		rs.candidates(s.Kind, x.hits(s), cand)
		for ci, word := range cand {
			for word != 0 {
				r := rs.rules[ci*64+bits.TrailingZeros64(word)]
				word &= word - 1
				r.apply(x, s)
			}
		}
	}
	var lessons []Lesson
	if learn {
		lessons = x.lessons(rs.teaching)
	}
	sort.SliceStable(x.claims, func(i, j int) bool { return x.claims[i].Span.Start < x.claims[j].Span.Start })
	cols := columns{d: doc} // the claims in the order of their starts
	var quote detachedQuote // the claims of one sentence share one copy of it
	size := 0
	for i := range x.claims {
		var n int
		n, quote = x.claims[i].detachedBytes(quote)
		size += n
	}
	room, quote := &detachRoom{buf: make([]byte, 0, size)}, detachedQuote{}
	for i := range x.claims {
		c := &x.claims[i]
		c.Column, c.EndColumn = cols.spanColumns(c.Span)
		quote = c.detach(quote, room)
		c.settle()
	}
	// The claims were gathered in the memos' room, grown once for all sources:
	// the caller keeps a copy of their exact number.
	return slices.Clone(x.claims), lessons
}

// lessons is Lessons of the document, asking mayTeach (through learnFrom) only
// of the sentences in which the prefilter found one of its words
// (teachingWords).
func (x *extractor) lessons(teaching someWords) []Lesson {
	var out []Lesson
	for i := range x.doc.Sentences {
		s := &x.doc.Sentences[i]
		if (s.Kind == Prose || s.Kind == ListItem) && x.hits(s).meets(teaching) {
			out = learnFrom(s, out)
		}
	}
	return out
}

// memos are an extractor's memories of one source that most sources fill with
// hundreds of entries: a worker's next source finds them emptied, not to be grown
// again from nothing. Those of the profile's answers alone (near, misspelt) are
// kept from source to source, for one completed profile (profile), up to
// keptMemo entries each: sources name the same people, and the worker asks its
// own memory, with no lock, before the profile's.
type memos struct {
	profile  uint64                   // the completion of the profile near and misspelt are of
	near     map[string][]int32       // which known names each window spells
	misspelt map[string]*Known        // the profile's misspeltSurname, per word
	people   map[string]person        // what Person made of each name the source writes
	dates    map[dateKey]parsed[Date] // the dates read, by words and year in force
	seen     map[claimAt]bool         // the claims made, by question, value and words
	named    map[namedForm]bool       // the written forms (nameKey) of each entity the names rule recorded
	// And its room for what it finds of each sentence: the trigger words (hit,
	// cut from hitWords, found when first needed); years, the last year stated
	// before each sentence in its section (0 if none); ctx, what readContext
	// found in the sentences that state a date or continue the time of the one
	// before, ctxAt[i] its place there plus one.
	hit          []hits
	hitWords     hits
	years, ctxAt []int32
	ctx          []sentenceContext
	atts         [][]attribution // each sentence's attributions, found when first needed
	masked       []string        // each sentence's folded text with its dates masked, when first needed
	// carries[i] is, for a sentence without a digit that may carry over the time
	// of the one before, that one's place plus one, until it is read
	// (readCarried); chain is readCarried's room.
	carries []int32
	chain   []int
	// spans are the dates readContext found in the sentences it read, those of
	// sentence i spans[dateSpans[i][0]:dateSpans[i][1]-1] (dateSpans[i][1] is 0
	// for a sentence it did not read for dates).
	spans     [][2]int
	dateSpans [][2]int32
	claims    []Claim // and for the claims, before they are copied out
	// And the pattern rules' room for their matches, for a match's groups and
	// for the organizations it names, each good until the next match.
	matches   matchRoom
	caps      captures
	orgsFound []found[Entity]
}

var memosPool = sync.Pool{New: func() any {
	return &memos{near: map[string][]int32{}, misspelt: map[string]*Known{}, people: map[string]person{},
		dates: map[dateKey]parsed[Date]{}, seen: map[claimAt]bool{}, named: map[namedForm]bool{}}
}}

// giveBack empties the memories, which hold pieces of the source's text, and
// keeps them for the next source.
func (m *memos) giveBack() {
	if len(m.near) > keptMemo {
		clear(m.near)
	}
	if len(m.misspelt) > keptMemo {
		clear(m.misspelt)
	}
	clear(m.people)
	clear(m.dates)
	clear(m.seen)
	clear(m.named)
	clear(m.ctx) // its dates
	clear(m.claims)
	clear(m.atts)
	clear(m.masked)
	m.ctx, m.claims = m.ctx[:0], m.claims[:0]
	memosPool.Put(m)
}

// forProfile empties the memories of the profile's answers when they are of
// another profile, or of this one before it learned more.
func (m *memos) forProfile(p *Profile) {
	if m.profile != p.gen {
		clear(m.near)
		clear(m.misspelt)
		m.profile = p.gen
	}
}

// keptMemo bounds the entries of a memory kept from source to source.
const keptMemo = 1 << 14

// room returns s with n elements, all zero, reusing its array when it can.
func room[T any](s []T, n int) []T {
	s = grown(s, n)
	clear(s)
	return s
}

// newExtractor prepares the extraction of one source's claims; Extract gives its
// memos back when done.
func newExtractor(src *Source, doc *Document, p *Profile, rs *RuleSet) *extractor {
	m := memosPool.Get().(*memos)
	m.forProfile(p)
	n := len(doc.Sentences)
	m.hit, m.hitWords = room(m.hit, n), room(m.hitWords, rs.filter.width()*n)
	m.years, m.ctxAt, m.carries = room(m.years, n), room(m.ctxAt, n), room(m.carries, n)
	m.atts, m.masked, m.dateSpans = room(m.atts, n), room(m.masked, n), room(m.dateSpans, n)
	m.spans = m.spans[:0]
	return &extractor{
		memos:         m,
		hitBlock:      m.hitWords, // a sentence's trigger words are found once at most
		src:           src,
		doc:           doc,
		profile:       p,
		orgRE:         rs.orgRE,
		personRE:      rs.personRE,
		personSt:      rs.persons,
		listPrev:      map[string]*listItem{},
		listAuthority: map[string]string{},
		vocab:         NewVocabulary(doc.Text),
		filter:        rs.filter,
		attribution:   rs.attribution,
		digits:        rs.digits,
	}
}

// readContext walks the document once, carrying the last stated year through each
// section and finding each sentence's opening date.
func (x *extractor) readContext() {
	// years and ctxAt are room newExtractor zeroed, ctx room giveBack emptied.
	year, section := 0, ""
	prev := -1 // the sentence before, in the section, that a sentence may continue
	for i := range x.doc.Sentences {
		s := &x.doc.Sentences[i]
		if s.Section != section {
			year, section, prev = 0, s.Section, -1
		}
		x.years[i] = int32(year)
		if s.Kind == Heading || s.Kind == RefLine || s.Kind == Debris {
			continue
		}
		// Every date holds a digit, and a sentence that continues the time of the one
		// before opens with one of a few words: the others need no folding here.
		digits := x.holdsDigit(s)
		if !digits {
			// All it can carry is the time of the one before, if it opens with
			// an anaphora: looked at when first asked (context), as the rules
			// ask of few sentences.
			if prev >= 0 {
				x.carries[i] = int32(prev + 1)
			}
			prev = i
			continue
		}
		var c sentenceContext
		f := s.Folded()
		start, end := -1, -1
		if digits && mayOpenWithDate(f.Text) {
			start, end = openingDate(f.Text)
		}
		if start >= 0 {
			if d, err := x.parseDate(f.Text[start:end], year, true); err == nil {
				c.frame, c.frameSpan, c.hasFrame = d, f.Span(start, end), true
			}
		} else if prev >= 0 && continuesTime(f.Text) {
			c.carryFrom(x.context(prev))
		}
		if digits && strings.ContainsAny(f.Text, "0123456789") { // every date holds a digit
			from := len(x.spans)
			x.spans = appendDates(x.spans, f.Text)
			x.dateSpans[i] = [2]int32{int32(from), int32(len(x.spans) + 1)}
			for _, m := range x.spans[from:] {
				d, err := x.parseDate(f.Text[m[0]:m[1]], year, true)
				if err != nil {
					continue
				}
				c.dates = append(c.dates, mention{m, d})
				c.last, c.lastSpan, c.hasLast = d, f.Span(m[0], m[1]), true
				if !d.YearFromContext {
					year = statedYear(d)
				}
			}
		}
		if c.hasFrame || c.hasLast {
			x.ctx = append(x.ctx, c)
			x.ctxAt[i] = int32(len(x.ctx))
		}
		prev = i
	}
}

// holdsDigit is s.hasDigit(), read only where the prefilter found a digit among
// the sentence's words: its pass reads every sentence anyway (the ten digits are
// among its words, outside footnote markers as hasDigit reads), and most
// sentences hold none. (A digit it finds may be a character beyond ASCII that
// folds to one, which hasDigit does not count: it still has the last word.)
func (x *extractor) holdsDigit(s *Sentence) bool {
	return x.hits(s).meets(x.digits) && s.hasDigit()
}

// context is what readContext found in sentence i; the zero context for most
// sentences, which state no date.
func (x *extractor) context(i int) *sentenceContext {
	if x.carries[i] > 0 {
		x.readCarried(i)
	}
	if k := x.ctxAt[i]; k > 0 {
		return &x.ctx[k-1]
	}
	return &noContext
}

// readCarried reads what sentence i, without a digit, carries over from the one
// before it, as readContext would have in its turn: the time that one states or
// carries, when i opens with an anaphora ("Then …"). The sentences before it
// that wait to be read too, each on the one before, are read first, the
// earliest first.
func (x *extractor) readCarried(i int) {
	chain := x.chain[:0]
	for j := i; x.carries[j] > 0; j = int(x.carries[j]) - 1 {
		chain = append(chain, j)
	}
	for k := len(chain) - 1; k >= 0; k-- {
		j := chain[k]
		prev := int(x.carries[j]) - 1
		x.carries[j] = 0
		s := &x.doc.Sentences[j]
		if !mayContinue(s.Text) || !continuesTime(s.Folded().Text) {
			continue
		}
		var c sentenceContext
		c.carryFrom(x.context(prev))
		if c.hasFrame {
			x.ctx = append(x.ctx, c)
			x.ctxAt[j] = int32(len(x.ctx))
		}
	}
	x.chain = chain
}

// carryFrom gives c, a sentence that continues the time of the one before, the
// time p, that one's context, states or carries: its frame, else its last date.
func (c *sentenceContext) carryFrom(p *sentenceContext) {
	switch {
	case p.hasFrame:
		c.frame, c.frameSpan, c.hasFrame = p.frame, p.frameSpan, true
	case p.hasLast:
		c.frame, c.frameSpan, c.hasFrame = p.last, p.lastSpan, true
	}
}

// noContext is the context of a sentence that states no date. It is never written.
var noContext sentenceContext

// frameOpeners are the words before the date a sentence may open with ("Also in
// June 1986, …"), besides the words a date itself opens with.
var frameOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range [][]string{frameLeads, framePreps} {
		for _, w := range words {
			first, _, _ := strings.Cut(w, " ")
			m[first] = true
		}
	}
	return m
}()

// openingDate returns where the date a sentence opens with begins and ends, as
// frameRE's group finds it, or -1, -1. The words before the date are few and
// fixed, so the ways frameRE can read them are tried in its order of preference
// (the optional words taken before left out), each with the automaton of the rest
// of frameRE (a date, then a comma or a space) where the date would begin: its
// match is the date frameRE's group holds and the character after it
// (TestOpeningDate). frameRE itself is asked where the words before the date are
// not plain ASCII ("alſo", with a long s, is "also" to (?i)).
func openingDate(text string) (start, end int) {
	if !plainASCII(text[:min(len(text), len("already, during "))]) {
		return frameGroup(text)
	}
	after := func(p int, words ...string) int { // the end of one of words and its space at p, or -1
		for _, w := range words {
			if n := len(w); len(text) > p+n && text[p+n] == ' ' && strings.EqualFold(text[p:p+n], w) {
				return p + n + 1
			}
		}
		return -1
	}
	lead := -1 // after "also", "and", …, with its comma
	for _, w := range frameLeads {
		if n := len(w); len(text) > n && strings.EqualFold(text[:n], w) {
			if len(text) > n+1 && text[n] == ',' && text[n+1] == ' ' {
				lead = n + 2
			} else if text[n] == ' ' {
				lead = n + 1
			}
			break
		}
	}
	var tries []int
	if lead >= 0 {
		tries = append(tries, after(lead, framePreps...), lead)
	}
	tries = append(tries, after(0, framePreps...), 0)
	for _, p := range tries {
		if p < 0 {
			continue
		}
		if e := frameDateAt.end(text[p:]); e > 1 {
			return p, p + e - 1
		}
	}
	return -1, -1
}

// frameDateAt is the automaton of frameRE's date and the character after it.
var frameDateAt = newDFA(`(?i)^(?:` + DatePattern + `)(?:,| )`)

// frameGroup is frameRE's group, or -1, -1.
func frameGroup(text string) (start, end int) {
	if m := frameRE.FindStringSubmatchIndex(text); m != nil {
		return m[2], m[3]
	}
	return -1, -1
}

// The words frameRE reads before a date: a lead and a preposition, both optional
// (openingDate tries them in frameRE's order, and mayOpenWithDate knows their
// first words).
var (
	frameLeads = []string{"also", "and", "then", "later", "finally", "already", "but"}
	framePreps = []string{"in", "on", "during", "as of"}
)

// mayOpenWithDate is a quick test before frameRE: the sentence's first word is a
// number or a word a date, or the words before it, can open with.
func mayOpenWithDate(text string) bool {
	if text == "" {
		return false
	}
	if text[0] >= '0' && text[0] <= '9' {
		return true
	}
	j := 0
	for j < len(text) && j < 14 && isLetter(text[j]) {
		j++
	}
	var buf [14]byte
	w := appendLower(buf[:0], text[:j])
	return frameOpeners[string(w)] || dateOpeners[string(w)]
}

// anaphora are the words a sentence that continues the time of the one before
// opens with.
var anaphora = []string{"from there", "there", "then", "thereafter", "subsequently", "afterwards",
	"later that year", "that year", "the same year", "in the same year", "at that time", "at the time"}

// continuesTime reports whether text opens with one of the anaphora as whole
// words, as anaphoraRE matches it; text beyond ASCII, which case folding may
// match in other ways, is left to the expression.
func continuesTime(text string) bool {
	if text == "" || text[0] < utf8.RuneSelf && anaphoraBy[text[0]|0x20] == nil {
		return false // an ASCII character that no anaphora opens with, in any case
	}
	for i := 0; i < len(text) && i < 20; i++ {
		if text[i] >= utf8.RuneSelf {
			return anaphoraRE.MatchString(text)
		}
	}
	// Only the anaphora that open with the text's first letter: folded alike,
	// they are the same ASCII letter.
	for _, a := range anaphoraBy[text[0]|0x20] {
		if asciiPrefixFold(text, a) && (len(text) == len(a) || !isWordByte(text[len(a)])) {
			return true
		}
	}
	return false
}

// asciiPrefixFold reports whether text opens with lower, in lower case ASCII, in
// any case: what strings.EqualFold says of its opening where that is ASCII.
func asciiPrefixFold(text, lower string) bool {
	if len(text) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// anaphoraBy are the anaphora by their first letter, in their order.
var anaphoraBy = func() (by [256][]string) {
	for _, a := range anaphora {
		by[a[0]] = append(by[a[0]], a)
	}
	return by
}()

// mayContinue is continuesTime asked of a sentence as written, before it is
// folded: where it opens with ASCII and no bracket, which folding leaves as it is
// (a footnote marker, which folding takes out, opens with a bracket), the answer
// is continuesTime's; elsewhere it says yes, and the folded text is asked.
func mayContinue(text string) bool {
	if text == "" {
		return false
	}
	if c := text[0]; c < utf8.RuneSelf && c != '[' && c != '(' && c != '`' && anaphoraBy[c|0x20] == nil {
		return false // most sentences: no anaphora opens with their first letter
	}
	for i := 0; i < len(text) && i <= len(longestAnaphora); i++ {
		if c := text[i]; c >= utf8.RuneSelf || c == '[' || c == '(' || c == '`' {
			return true
		}
	}
	return continuesTime(text)
}

// longestAnaphora is the longest of the anaphora.
var longestAnaphora = slices.MaxFunc(anaphora, func(a, b string) int { return len(a) - len(b) })

// statedYear is the year a reader keeps in mind after a date: its last year.
func statedYear(d Date) int {
	if !d.Hi.IsZero() {
		return d.Hi.Y
	}
	return d.Lo.Y
}

// yearAt is the year in force at folded offset off of sentence s: the last year
// stated earlier in the sentence, or before it in its section.
func (x *extractor) yearAt(s *Sentence, off int) int {
	year := int(x.years[s.Index])
	for _, m := range x.context(s.Index).dates {
		if m.at[1] <= off && !m.date.YearFromContext {
			year = statedYear(m.date)
		}
	}
	return year
}

// found is one captured value with where it was written.
type found[T any] struct {
	v    T
	span Span
	ok   bool
}

// emit turns one match of a rule into claims, one per predicate the rule lists and
// per subject the match names. A predicate whose value the match lacks is skipped:
// a killing with no date gives no date claim.
func (x *extractor) emit(r *baseRule, s *Sentence, caps captures, prev *listItem) {
	f := s.Folded()
	capture := func(name string) (string, Span, bool) {
		c, ok := caps.get(name)
		if !ok {
			return "", Span{}, false
		}
		return f.Text[c[0]:c[1]], f.Span(c[0], c[1]), true
	}

	// The date: the rule's own {date} first; then, as the rule allows, the date the
	// sentence opens with; then one later in the same clause.
	var date found[Date]
	if txt, sp, ok := capture("date"); ok {
		if d, err := x.parseDate(txt, x.yearAt(s, caps.at("date")[0]), false); err == nil {
			date = found[Date]{d, sp, true}
		}
	}
	if c := x.context(s.Index); !date.ok && r.date != "capture" && c.hasFrame {
		date = found[Date]{c.frame, c.frameSpan, true}
	}
	if !date.ok && r.date == "either" {
		date = x.clauseDate(s, caps.at("")[1])
	}
	place := x.place(s, caps, "place")
	var period found[Period]
	if txt, sp, ok := capture("period"); ok {
		if p, err := x.parsePeriod(txt); err == nil {
			period = found[Period]{p, sp, true}
		}
	}
	// A move within one country ("from Camp Ashraf to Camp Hurriya") is not a move
	// between countries.
	if o := x.place(s, caps, "origin"); o.ok && place.ok && o.v.Country == place.v.Country {
		place.ok = false
	}
	orgs := x.orgs(capture)
	persons := x.persons(s, caps)
	var count found[Quantity]
	if txt, sp, ok := capture("count"); ok {
		if q, err := x.parseQuantity(txt); err == nil {
			count = found[Quantity]{q, sp, true}
		}
	}
	// The authority is read only for the claims that take it: most rules make
	// none, and the section's heading would be looked up for each match.
	authority := ""
	if _, ok := caps.get("authority"); ok || r.takesAuthority() {
		authority = x.authority(s, capture)
	}
	// A count with no date of its own takes the year in force ("About 3,000 members
	// moved to Albania" after "In 2016, …"), marked as read from context.
	countDate := date
	if !countDate.ok && count.ok {
		if y := x.yearAt(s, caps.at("")[0]); y != 0 {
			countDate = found[Date]{Date{Lo: Day{y, 1, 1}, Hi: Day{y, 12, 31}, YearFromContext: true}, count.span, true}
		}
	}

	for _, pred := range r.predicates {
		spec, _ := pred.Spec()
		subjects := orgs
		if spec.Subject == EntityPerson {
			subjects = persons
		}
		if pred == Leader {
			x.emitLeader(r, s, persons, orgs, period, date)
			continue
		}
		for _, subj := range subjects {
			switch pred {
			case Founded, Killed:
				if date.ok {
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Value: date.v}, date.span)
				}
			case MovedTo, Left:
				d := date
				if !d.ok && period.ok && !period.v.From.IsZero() && pred == MovedTo {
					c := caps.at("period")
					sp := period.span
					if at, _ := x.periodParts(f.Text[c[0]:c[1]]); at[0] >= 0 {
						sp = f.Span(c[0]+at[0], c[0]+at[1])
					}
					d = found[Date]{period.v.From, sp, true}
				}
				if d.ok && place.ok {
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: place.v.Country, Value: d.v}, d.span)
				}
			case KilledIn:
				if place.ok {
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Value: place.v}, place.span)
				}
			case Based:
				x.emitBased(r, s, caps, subj.v, place, period, date, f.Span(caps.at("")[0], caps.at("")[1]), prev)
			case Expansion:
				x.emitExpansion(r, s, caps)
			case Designated, Delisted, DelistingDecided:
				if date.ok && authority != "" {
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: authority, Value: date.v}, date.span)
				}
			case Members:
				if !count.ok {
					continue
				}
				var when Period
				switch {
				case r.present:
					when = Present(x.src.AsOf)
				case countDate.ok:
					when = Period{From: countDate.v, To: countDate.v}
				default:
					continue
				}
				scope := ""
				if place.ok {
					scope = place.v.Name
				}
				x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: scope, Value: count.v, When: &when}, count.span)
			case MembersMoved:
				if count.ok && place.ok && countDate.ok {
					when := Period{From: countDate.v, To: countDate.v}
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: place.v.Country, Value: count.v, When: &when}, count.span)
				}
			case Founder:
				for _, person := range persons {
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Value: person.v}, person.span)
				}
			case EventCount:
				// A named event ("the Hafte Tir bombing") is known by its name; any
				// other by its kind and year.
				if txt, _, ok := capture("event"); ok && count.ok && r.event != "" {
					name := strings.TrimPrefix(strings.TrimPrefix(txt, "the "), "The ")
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: r.event + " " + name, Value: count.v}, count.span)
				} else if count.ok && countDate.ok && r.event != "" {
					when := Period{From: countDate.v, To: countDate.v}
					x.add(r, s, Claim{Subject: subj.v, Predicate: pred, Scope: r.event + " " + eventYear(countDate.v), Value: count.v, When: &when}, count.span)
				}
			}
		}
	}
}

// takesAuthority reports whether the rule makes a claim scoped by the authority
// that designates or delists.
func (r *baseRule) takesAuthority() bool {
	for _, p := range r.predicates {
		if p == Designated || p == Delisted || p == DelistingDecided {
			return true
		}
	}
	return false
}

// emitBased adds a home-base claim, and for an item of a period list the moves its
// place in the list implies.
func (x *extractor) emitBased(r *baseRule, s *Sentence, caps captures, subj Entity, place found[Place], period found[Period], date found[Date], whole Span, prev *listItem) {
	if !place.ok {
		return
	}
	var when Period
	span := place.span
	switch {
	case period.ok:
		when = period.v
		span = Span{min(span.Start, period.span.Start), max(span.End, period.span.End)}
	case r.present:
		when = Present(x.src.AsOf)
	case date.ok:
		when = Period{From: date.v, To: date.v}
	default:
		return
	}
	if period.ok {
		span = whole
	}
	x.add(r, s, Claim{Subject: subj, Predicate: Based, Value: place.v, When: &when}, span)
	if !period.ok {
		return
	}
	// The moves a list implies point at the year that states them: "1979" in
	// "1979-1981: France" is the arrival, "1981" the departure.
	c := caps.at("period")
	fromAt, toAt := x.periodParts(s.Folded().Text[c[0]:c[1]])
	part := func(at [2]int) Span {
		if at[0] < 0 {
			return period.span
		}
		return s.Folded().Span(c[0]+at[0], c[0]+at[1])
	}
	if prev != nil && prev.section == s.Section && !when.From.IsZero() {
		x.add(r, s, Claim{Subject: subj, Predicate: MovedTo, Scope: place.v.Country, Value: when.From}, part(fromAt))
	}
	if !when.ToPresent && !when.To.IsZero() {
		x.add(r, s, Claim{Subject: subj, Predicate: Left, Scope: place.v.Country, Value: when.To}, part(toAt))
	}
}

// emitLeader records when each person named led the organization: over the
// period the match gives ("1979-2003: Massoud Rajavi"), from its date ("appointed
// … as his co-equal leader" on a date), or at the source's own date ("Its leaders
// are …").
func (x *extractor) emitLeader(r *baseRule, s *Sentence, persons, orgs []found[Entity], period found[Period], date found[Date]) {
	var when Period
	switch {
	case period.ok:
		when = period.v
	case r.present:
		when = Present(x.src.AsOf)
	case date.ok:
		when = Period{From: date.v}
	default:
		return
	}
	org := x.profile.Subject.Entity
	if len(orgs) > 0 {
		org = orgs[0].v
	}
	for _, p := range persons {
		w := when
		x.add(r, s, Claim{Subject: p.v, Predicate: Leader, Scope: org.Name, Value: w}, p.span)
	}
}

// eventYear names the year an event count belongs to: the year of its date, or
// the date itself when it spans years.
func eventYear(d Date) string {
	if !d.Lo.IsZero() && !d.Hi.IsZero() && d.Lo.Y == d.Hi.Y {
		return fmt.Sprint(d.Lo.Y)
	}
	return d.String()
}

// authority finds who lists or delists: the {authority} of the match, else, in a
// list, the authority an earlier item of the same list named, else the one its
// heading names ("United States Government Designations").
func (x *extractor) authority(s *Sentence, capture func(string) (string, Span, bool)) string {
	if txt, _, ok := capture("authority"); ok {
		if a, ok := x.profile.Authority(txt); ok {
			if s.Kind == ListItem {
				x.listAuthority[s.Section] = a
			}
			return a
		}
	}
	if s.Kind == ListItem {
		if a, ok := x.listAuthority[s.Section]; ok {
			return a
		}
	}
	return x.headingAuthority(s.Section)
}

// headingAuthority is the authority a heading names ("Designations by the
// European Union"), or "", remembered per heading: a section's sentences ask
// again and again.
func (x *extractor) headingAuthority(heading string) string {
	if a, ok := x.profile.authorities.load(heading); ok {
		return a
	}
	a := ""
	if m := authorityFindRE.FindString(FoldString(heading)); m != "" {
		if named, ok := x.profile.Authority(m); ok {
			a = named
		}
	}
	x.profile.authorities.store(strings.Clone(heading), a) // a: a name of the profile's or the table's
	return a
}

// periodParts is PeriodParts remembered across sources.
func (x *extractor) periodParts(text string) (from, to [2]int) {
	if p, ok := x.profile.periodParts.load(text); ok {
		return p[0], p[1]
	}
	from, to = PeriodParts(text)
	x.profile.periodParts.store(strings.Clone(text), [2][2]int{from, to})
	return from, to
}

// emitExpansion records what an acronym stands for: "National Council of
// Resistance of Iraq (NCRI)". The subject is the entity the acronym names in the
// profile, else the acronym itself.
func (x *extractor) emitExpansion(r *baseRule, s *Sentence, caps captures) {
	a, okA := caps.get("acronym")
	e, okE := caps.get("expansion")
	if !okA || !okE {
		return
	}
	f := s.Folded()
	acronym := f.Text[a[0]:a[1]]
	phrase := f.Text[e[0]:e[1]]
	tail := trimExpansion(phrase, acronym)
	start := e[0] + strings.LastIndex(phrase, tail)
	subj := Entity{ID: EntityID("acronym:" + strings.ToLower(acronym)), Name: acronym, Type: EntityOrganization}
	if k := x.profile.Lookup(acronym); k != nil && (k.Type == EntityOrganization || k.Type == EntityAuthority) {
		subj = k.Entity
	}
	sp := f.Span(start, start+len(tail))
	x.add(r, s, Claim{Subject: subj, Predicate: Expansion, Scope: acronym, Value: Text{S: x.doc.Text[sp.Start:sp.End]}}, sp)
}

// place resolves a {place} capture: the longest leading words that name a known
// place, unless the place only modifies what follows ("the U.S. State Department").
func (x *extractor) place(s *Sentence, caps captures, name string) found[Place] {
	c, ok := caps.get(name)
	if !ok {
		return found[Place]{}
	}
	p, i, j, ok := x.profile.PlaceIn(s.Folded().Text[c[0]:c[1]])
	if !ok || modifies(s.Folded().Text, c[0]+j) {
		return found[Place]{}
	}
	return found[Place]{p, s.Folded().Span(c[0]+i, c[0]+j), true}
}

// modifies reports whether the place ending at folded offset end is used as a
// modifier rather than named as a place: "the U.S. State Department", "Iraq's".
func modifies(text string, end int) bool {
	rest := text[end:]
	if strings.HasPrefix(rest, "'s") {
		return true
	}
	return len(rest) > 1 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z'
}

// clauseDate finds the first date after folded offset from in the same clause of
// the sentence: up to the next comma, semicolon or sentence end.
func (x *extractor) clauseDate(s *Sentence, from int) found[Date] {
	f := s.Folded()
	end := len(f.Text)
	if i := strings.IndexAny(f.Text[from:], ",;"); i >= 0 {
		end = from + i
	}
	for _, m := range x.context(s.Index).dates {
		if m.at[0] >= from && m.at[1] <= end {
			return found[Date]{m.date, f.Span(m.at[0], m.at[1]), true}
		}
	}
	return found[Date]{}
}

// orgs resolves the organizations a match names; with none, the subject.
func (x *extractor) orgs(capture func(string) (string, Span, bool)) []found[Entity] {
	out := x.orgsFound[:0]
	defer func() { x.orgsFound = out }()
	if txt, sp, ok := capture("org"); ok {
		if k, ok := x.profile.Org(txt); ok {
			out = append(out, found[Entity]{k.Entity, sp, true})
		}
		return out
	}
	if txt, sp, ok := capture("orgs"); ok {
		for _, m := range x.orgRE.regexp().FindAllString(txt, -1) {
			if k, ok := x.profile.Org(m); ok && !containsEntity(out, k.Entity) {
				out = append(out, found[Entity]{k.Entity, sp, true})
			}
		}
		return out
	}
	out = append(out, found[Entity]{x.profile.Subject.Entity, Span{}, true})
	return out
}

// persons resolves the people a match names, each with where its name is written.
func (x *extractor) persons(s *Sentence, caps captures) []found[Entity] {
	var out []found[Entity]
	f := s.Folded()
	for _, name := range []string{"person", "persons"} {
		c, ok := caps.get(name)
		if !ok {
			continue
		}
		txt, sp := f.Text[c[0]:c[1]], f.Span(c[0], c[1])
		// "Massoud and Maryam Rajavi": two given names share one surname.
		if m := sharedSurnameRE.FindStringSubmatch(txt); m != nil {
			for _, n := range []string{m[1] + " " + m[3], m[2] + " " + m[3]} {
				if e, ok := x.person(n); ok && !containsEntity(out, e) {
					out = append(out, found[Entity]{e, sp, true})
				}
			}
			continue
		}
		for _, m := range x.findPersons(txt) {
			if e, ok := x.person(txt[m[0]:m[1]]); ok && !containsEntity(out, e) {
				out = append(out, found[Entity]{e, f.Span(c[0]+m[0], c[0]+m[1]), true})
			}
		}
	}
	return out
}

// person is the profile's Person for a name this source writes, remembered per
// name: a text writes the same names again and again (1,714 different of 4,834
// in the generated corpora), and the answer depends on the name and the source's
// vocabulary only.
func (x *extractor) person(name string) (Entity, bool) {
	if p, ok := x.people[name]; ok {
		return p.e, p.ok
	}
	e, ok := x.profile.Person(name, x.vocab)
	x.people[name] = person{e, ok}
	return e, ok
}

// person is one answer of Person.
type person struct {
	e  Entity
	ok bool
}

// findPersons is personRE's FindAllStringIndex(text, -1), remembered across
// sources (the spans are shared: not to be changed).
func (x *extractor) findPersons(text string) [][]int {
	if ms, ok := x.profile.personSpans.load(text); ok {
		return ms
	}
	var ms [][]int
	if x.personSt == nil {
		ms = x.personRE.FindAllStringIndex(text, -1)
	} else {
		ms = x.personSt.findAll(text)
	}
	x.profile.personSpans.store(strings.Clone(text), ms)
	return ms
}

func containsEntity(xs []found[Entity], e Entity) bool {
	for _, x := range xs {
		if x.v.ID == e.ID {
			return true
		}
	}
	return false
}

// add completes a claim with its evidence and keeps it unless an earlier rule made
// the same claim from the same words.
// claimAt is a claim's question (its Key's parts, not joined), its value and its
// words: what makes two claims the same one.
type claimAt struct {
	subject   EntityID
	predicate Predicate
	scope     string
	value     string
	span      Span
}

func (x *extractor) add(r *baseRule, s *Sentence, c Claim, span Span) {
	c.Source = x.src.ID
	c.Span = span
	c.Line = x.doc.LineOf(span.Start)
	c.Text = x.doc.Text[span.Start:span.End]
	c.Quote = s.Text
	c.QuoteSpan = s.Span
	c.QuoteLine = s.Line
	// A date carried over from an earlier sentence ("From there they were exiled to
	// France.") is quoted with the sentences from the one that states it.
	if span.Start < s.Span.Start {
		for i := s.Index - 1; i >= 0; i-- {
			if p := x.doc.Sentences[i]; p.Span.Start <= span.Start {
				c.QuoteSpan = Span{p.Span.Start, s.Span.End}
				c.Quote = x.doc.Text[p.Span.Start:s.Span.End]
				c.QuoteLine = p.Line
				break
			}
		}
	}
	c.Section = s.Section
	c.Rule = r.name
	c.Citation = x.citation(s, span)
	if span.Start >= s.Span.Start {
		c.Attribution, c.Claimant = attribute(x.sentenceAttributions(s), s.Folded().Index(span.Start))
	}
	// The same value for the same question from the same words is one claim,
	// whichever rule found it first.
	at := claimAt{c.Subject.ID, c.Predicate, c.Scope, c.Normalized(), span}
	if x.seen[at] {
		return
	}
	x.seen[at] = true
	x.claims = append(x.claims, c)
}

// citation returns the reference for the first footnote marker at or after the
// claim's words in its sentence, or the sentence's last marker.
func (x *extractor) citation(s *Sentence, span Span) string {
	if len(s.Markers) == 0 {
		return ""
	}
	m := s.Markers[len(s.Markers)-1]
	for _, mk := range s.Markers {
		if mk.Span.Start >= span.End {
			m = mk
			break
		}
	}
	ref := strings.TrimSpace(x.doc.Citation(m.N))
	if ref == "" {
		return x.doc.Text[m.Span.Start:m.Span.End]
	}
	return ref
}
