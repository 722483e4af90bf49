package facts

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Learned is a name the texts themselves teach: a place and the country it lies in
// ("Camp Ashraf in Iraq"), or another name of a known organization ("also known as
// Mojahedin-e-Khalq (MEK)"). It records where the text says so.
type Learned struct {
	Name   string
	What   string // "place in Iraq", "alias of MEK"
	Source SourceID
	Line   int
}

var (
	// learnPlaceRE: a place named with the kind of place it is, then the country it
	// lies in: "Camp Ashraf in Iraq", "Diyala Province of Iraq".
	learnPlaceRE = regexp.MustCompile(`\b((?:Camp|Fort|Port|Mount|Lake|Base) [A-Z][\w-]+(?: [A-Z0-9][\w-]*)?|[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:Province|County|District|Governorate|Region|Prison|Camp|Base))(?: \([^)]*\))?,? (?:in|of|near|outside) (?:the )?([A-Z][\w.]+(?: [A-Z][\w.]+){0,3})`)
	// learnAliasRE: "X (ACR), also known as Y (ACR2) or Z (ACR3)".
	learnAliasRE  = regexp.MustCompile(`(?i:also|more commonly|popularly|better|formerly|otherwise) known (?:as|by its [a-z ]+,) ((?:the )?[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|e|the))*)(?: \(([^)]{2,40})\))?(?: or ((?:the )?[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|of|e|the))*)(?: \(([A-Z]{2,6})\))?)?`)
	acronymOnlyRE = regexp.MustCompile(`^[A-Z]{2,6}$`)
	// learnPlaceStarts tries learnPlaceRE only at a capital, where its matches
	// open.
	learnPlaceStarts = newStarts(learnPlaceRE)
	// learnAliasStarts tries learnAliasRE only where its opening words can.
	learnAliasStarts = newStarts(learnAliasRE)
)

// nextAcronym finds, from byte i of text on, the next acronym in brackets right
// after a word: " (", two to six capitals, ")" (` \(([A-Z]{2,6})\)`, which
// TestNextAcronymAsTheExpression holds it to). It returns where the match begins
// and ends, or -1. Found by hand, as the space and bracket are found many bytes
// at a time, and the regexp's search ran its machine at every byte between.
func nextAcronym(text string, i int) (start, end int) {
	for i < len(text) {
		j := strings.Index(text[i:], " (")
		if j < 0 {
			break
		}
		j += i
		k := j + 2
		for k < len(text) && k-j-2 <= 6 && text[k] >= 'A' && text[k] <= 'Z' {
			k++
		}
		if n := k - j - 2; n >= 2 && n <= 6 && k < len(text) && text[k] == ')' {
			return j, k + 1
		}
		i = j + 1
	}
	return -1, -1
}

// A lesson is what one sentence may teach, found without the profile: a place with
// the words after it that may name its country, an acronym in brackets, or the
// names after "also known as". Whether it teaches anything new is decided when the
// lessons of all sources are applied, in manifest order, to the profile. Lessons
// depend on the text alone, so they are cached with it.
type Lesson struct {
	Kind   LessonKind
	Line   int
	Names  []string // place: name, where; acronym: the acronym; alias: four groups, "" when absent
	Before string   // the folded sentence before the acronym or "also known as"
}

// LessonKind says what a lesson may teach.
type LessonKind int

// The lessons a text can hold.
const (
	LessonPlace LessonKind = iota + 1
	LessonAcronym
	LessonAlias
)

// Lessons reads a segmented source for the names it may teach, in the order of its
// sentences, and within a sentence places, then acronyms, then aliases.
func Lessons(doc *Document) []Lesson {
	var out []Lesson
	for i := range doc.Sentences {
		out = learnFrom(&doc.Sentences[i], out)
	}
	return out
}

// lessonsOf is Lessons of the text segmented, found in the first reading of a
// source: only the blocks that may teach (mayTeach says so of a sentence by its
// bytes and the bytes before them in it, so it says so of any block that holds
// one) are split into sentences (TestLessonsOfAsLessons).
func lessonsOf(text string, lists *segmentRoom) []Lesson {
	var out []Lesson
	segmentEach(text, lists, mayTeach, func(s *Sentence) { out = learnFrom(s, out) })
	return out
}

// learnFrom appends to out what sentence s teaches.
func learnFrom(s *Sentence, out []Lesson) []Lesson {
	if s.Kind != Prose && s.Kind != ListItem || !mayTeach(s.Text) {
		return out
	}
	return teach(s, out)
}

// teach is learnFrom without mayTeach's look first (TestMayTeachMissesNoLesson
// holds the two together).
func teach(s *Sentence, out []Lesson) []Lesson {
	text := s.Folded().Text
	// Each expression runs only where its own words are.
	if containsAny(text, placeWords) {
		for _, m := range learnPlaceStarts.findAll(text) {
			out = append(out, Lesson{Kind: LessonPlace, Line: s.Line, Names: []string{text[m[2]:m[3]], text[m[4]:m[5]]}})
		}
	}
	for at, end := nextAcronym(text, 0); at >= 0; at, end = nextAcronym(text, end) {
		out = append(out, Lesson{Kind: LessonAcronym, Line: s.Line, Names: []string{text[at+2 : end-1]}, Before: text[:at]})
	}
	if !strings.Contains(text, "known") {
		return out
	}
	for _, m := range learnAliasStarts.findAll(text) {
		l := Lesson{Kind: LessonAlias, Line: s.Line, Before: text[:m[0]]}
		for _, g := range []int{2, 4, 6, 8} {
			name := ""
			if m[g] >= 0 {
				name = text[m[g]:m[g+1]]
			}
			l.Names = append(l.Names, name)
		}
		out = append(out, l)
	}
	return out
}

// Learn applies a source's lessons to the profile: only what the profile does not
// already know is added, and what is added is returned with where the text says
// so. Call Complete once every source's lessons are applied.
func (p *Profile) Learn(id SourceID, lessons []Lesson) []Learned {
	out, _ := p.learn(id, lessons, false)
	return out
}

// teaches reports whether Learn would add anything of lessons to the profile as
// it is now, without adding it. It reads the profile only, but for a memory of
// orgBefore's that is Learn's alone: calls must not overlap one another or Learn.
func (p *Profile) teaches(lessons []Lesson) bool {
	_, adds := p.learn("", lessons, true)
	return adds
}

// learn is Learn; when dry, it adds nothing and stops at the first name it
// would add, reporting that there is one.
func (p *Profile) learn(id SourceID, lessons []Lesson, dry bool) ([]Learned, bool) {
	var out []Learned
	for _, l := range lessons {
		switch l.Kind {
		case LessonPlace:
			name, where := l.Names[0], l.Names[1]
			country := ""
			for n := len(strings.Fields(where)); n > 0 && country == ""; n-- {
				country = CountryNamed(strings.Join(strings.Fields(where)[:n], " "))
			}
			if country == "" || p.Lookup(name) != nil || CountryNamed(name) != "" {
				continue
			}
			if dry {
				return nil, true
			}
			p.add(&Known{Entity: Entity{ID: EntityID("place:" + slug(name)), Name: name, Type: EntityPlace}, Country: country})
			out = append(out, Learned{Name: name, What: "place in " + country, Source: id, Line: l.Line})
		case LessonAcronym:
			// "Northern Lights Front (NLF)": an acronym whose letters are the
			// initials of a known organization's name is another name for it.
			acr := l.Names[0]
			if p.Lookup(acr) != nil {
				continue
			}
			org := p.orgBefore(l.Before)
			if org == nil || !endsWithNameSpelling(org, l.Before, acr) {
				continue
			}
			if dry {
				return nil, true
			}
			org.Aliases = append(org.Aliases, acr)
			p.byKey[nameKey(acr)] = org
			out = append(out, Learned{Name: acr, What: "alias of " + org.Name, Source: id, Line: l.Line})
		case LessonAlias:
			org := p.orgBefore(l.Before)
			if org == nil {
				continue
			}
			for g, name := range l.Names {
				name = strings.TrimPrefix(name, "the ")
				if name == "" || g == 1 && !acronymOnlyRE.MatchString(name) {
					continue // absent, or a gloss in brackets rather than an acronym
				}
				if k := p.Lookup(name); k != nil || len(name) < 2 {
					continue
				}
				if dry {
					return nil, true
				}
				org.Aliases = append(org.Aliases, name)
				p.byKey[nameKey(name)] = org
				out = append(out, Learned{Name: name, What: "alias of " + org.Name, Source: id, Line: l.Line})
			}
		}
	}
	return out, len(out) > 0
}

// detachLessons copies the strings of lessons out of their text, so that the text
// can be let go.
func detachLessons(ls []Lesson) {
	for i := range ls {
		ls[i].Before = strings.Clone(ls[i].Before)
		for j := range ls[i].Names {
			ls[i].Names[j] = strings.Clone(ls[i].Names[j])
		}
	}
}

// Complete computes what is derived from the names once they are all known, so that
// extraction can share the profile across goroutines.
func (p *Profile) Complete() { p.complete() }

// teachingWords are what mayTeach looks for, in lower case as the prefilter
// finds them: a bracket, "known" and the words of a place. A sentence mayTeach
// says may teach holds one of them as the prefilter reads it, folded and without
// its footnote markers: folding leaves ASCII letters and brackets be, and the
// brackets a marker opens are followed by a digit, which mayTeach does not take.
func teachingWords() []string {
	words := []string{"(", "known"}
	for _, w := range placeWords {
		words = append(words, strings.ToLower(w))
	}
	return words
}

// placeWords are the words of which learnPlaceRE needs one.
var placeWords = []string{"Camp", "Fort", "Port", "Mount", "Lake", "Base", "Province", "County", "District", "Governorate", "Region", "Prison"}

// mayTeach is a quick test before the learning expressions run: each needs a word
// of a place, "known" or an acronym in brackets, and most sentences hold none. It
// reads the text as written, which folding may change in the brackets' case: a
// space before the bracket may be an odd one (a no-break space), or a footnote
// marker ("Front [1](NLF)") that folding leaves out, and the capitals after it
// may be accented. So it takes a bracket after a space, the end of a marker ("]"
// or ")") or a byte beyond ASCII, and before a capital, a marker's opening
// bracket or a byte beyond ASCII: an acronym's "(N" still, and not the "(in
// 1986", "(see below" and "(1)" most brackets open.
func mayTeach(text string) bool {
	// One pass: a bracket that may open an acronym, a "k" that opens "known",
	// and every capital that opens a word of a place, where those words are
	// tried. The other bytes are passed over by a table, eight at a time (one
	// branch for eight lookups) while none opens anything.
	for i := 0; i < len(text); i++ {
		for i+8 <= len(text) {
			t := text[i : i+8]
			if teachOpens[t[0]] || teachOpens[t[1]] || teachOpens[t[2]] || teachOpens[t[3]] ||
				teachOpens[t[4]] || teachOpens[t[5]] || teachOpens[t[6]] || teachOpens[t[7]] {
				break
			}
			i += 8
		}
		for i < len(text) && !teachOpens[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		switch c := text[i]; {
		case c == '(':
			if i > 0 && i+1 < len(text) && acronymAfter[text[i-1]] && acronymOpens[text[i+1]] {
				return true
			}
		case c == 'k':
			if strings.HasPrefix(text[i:], "known") {
				return true
			}
		case c >= 'A' && c <= 'Z':
			for _, w := range placeWordsBy[c-'A'] {
				if strings.HasPrefix(text[i:], w) {
					return true
				}
			}
		}
	}
	return false
}

// teachOpens are the bytes mayTeach stops at: a bracket, "k", and the capitals
// that open a word of a place.
var teachOpens = func() (open [256]bool) {
	open['('], open['k'] = true, true
	for _, w := range placeWords {
		open[w[0]] = true
	}
	return open
}()

// acronymAfter are the bytes mayTeach takes before the bracket of an acronym: a
// space, the end of a footnote marker, and a byte beyond ASCII (the last of an
// odd space). acronymOpens are those it takes after the bracket: a capital, the
// opening bracket of a marker, and a byte beyond ASCII (of an accented capital,
// or of a character folding leaves out).
var acronymAfter, acronymOpens = func() (after, opens [256]bool) {
	after[' '], after[']'], after[')'] = true, true, true
	opens['['], opens['('] = true, true
	for c := 'A'; c <= 'Z'; c++ {
		opens[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		after[c], opens[c] = true, true
	}
	return after, opens
}()

// placeWordsBy are the placeWords by their first letter, A to Z.
var placeWordsBy = func() (by [26][]string) {
	for _, w := range placeWords {
		if w[0] < 'A' || w[0] > 'Z' {
			panic("facts: a word of a place must open with a capital: " + w)
		}
		by[w[0]-'A'] = append(by[w[0]-'A'], w)
	}
	return by
}()

// endsWithNameSpelling reports whether text ends with a name of org whose initials
// are the acronym.
func endsWithNameSpelling(org *Known, text, acronym string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, n := range org.Names() {
		if Initials(n) == acronym && strings.HasSuffix(t, strings.ToLower(FoldString(n))) {
			return true
		}
	}
	return false
}

// orgBefore finds the known organization named last before "also known as".
// Each lesson asks it, of every name of every organization, aliases learned from
// the lessons before included: the names' lower-case forms are worked out once
// (lowerFolded), and a name whose first byte is nowhere in the text is not
// looked for (a text that teaches 5,000 aliases spent two seconds here).
func (p *Profile) orgBefore(text string) *Known {
	lt := strings.ToLower(text)
	var in [256]bool
	for i := 0; i < len(lt); i++ {
		in[lt[i]] = true
	}
	var best *Known
	bestAt := -1
	try := func(k *Known, n string) {
		ln := p.lowerFolded(n)
		if len(ln) > len(lt) || len(ln) > 0 && !in[ln[0]] {
			return // LastIndex finds nothing
		}
		if at := strings.LastIndex(lt, ln); at > bestAt {
			best, bestAt = k, at
		}
	}
	for _, k := range p.known {
		if k.Type != EntityOrganization {
			continue
		}
		try(k, k.Name)
		for _, n := range k.Aliases {
			try(k, n)
		}
	}
	return best
}

// lowerFolded is strings.ToLower(FoldString(name)), remembered: orgBefore asks
// for every name again with each lesson.
func (p *Profile) lowerFolded(name string) string {
	if l, ok := p.lowered[name]; ok {
		return l
	}
	if p.lowered == nil {
		p.lowered = map[string]string{}
	}
	l := strings.ToLower(FoldString(name))
	p.lowered[name] = l
	return l
}

func (l Learned) String() string {
	return fmt.Sprintf("%s (%s), %s line %d", l.Name, l.What, l.Source, l.Line)
}
