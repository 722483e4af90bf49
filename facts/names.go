package facts

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Names are matched by a documented similarity rule, so that spelling variants of
// one name are found by the tool rather than listed by hand:
//
//  1. Both names are cut into words (a hyphen separates words) and folded: lower
//     case, no accents or apostrophes, and the usual transliteration variants made
//     one (gh/q, kh/k, dj/j, ou/u, oo/u, ee/i, ph/f, doubled letters single).
//  2. The names must have the same number of words, and at least one word must be
//     equal after folding: a surname or a given name anchors the match.
//  3. Every other pair of words must be close: equal after folding, or one typo
//     apart when both have four letters or more, or two typos apart when both have
//     seven letters or more. A typo is a letter dropped, added or changed, or two
//     neighbouring letters swapped ("Dhal" for "Dahl").
//  4. Two words that are each the name of a different known place ("Iran",
//     "Iraq") are never close, however few edits apart.
//
// The rule merges "Mayam Rajavi", "Marynam Rajavi" and "Maryam Radjavi" with
// "Maryam Rajavi", "Naqdi" with "Naghdi", and never "Maryam Rajavi" with "Kazem
// Rajavi": their given names are far apart, so two people who share a surname stay
// two people.

// translitMemo remembers folded words: names are compared many times over.
var translitMemo sync.Map

// translit folds one word for comparison.
func translit(w string) string {
	if t, ok := translitMemo.Load(w); ok {
		return t.(string)
	}
	t := translitFold(w)
	translitMemo.Store(strings.Clone(w), t) // w may be a piece of a source's text: keep a copy, not the text
	return t
}

// translitPairs are the spellings translitFold makes one, in the order it
// replaces them: each pair of letters, and the letter it becomes.
var translitPairs = [][2]string{{"gh", "q"}, {"kh", "k"}, {"dj", "j"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"ph", "f"}}

func translitFold(w string) string {
	w = strings.ToLower(FoldString(w))
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	w = b.String()
	for _, p := range translitPairs {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	var out []rune
	for _, r := range w {
		if n := len(out); n > 0 && out[n-1] == r {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// translitFirst is the first letter of a word once folded, remembered per word.
func (p *Profile) translitFirst(w string) byte {
	if b, ok := p.firstLetter.Load(w); ok {
		return b.(byte)
	}
	var b byte
	if t := translit(w); t != "" {
		b = t[0]
	}
	p.firstLetter.Store(strings.Clone(w), b) // a copy: w may be a piece of a source's text
	return b
}

// nameWords cuts a name into words: hyphens and spaces separate, a leading article
// and apostrophes go.
func nameWords(name string) []string {
	return strings.Fields(nameKey(name))
}

// nameWordCount is len(nameWords(name)), counted without making them for a name
// of ASCII words between single spaces, as most are.
func nameWordCount(name string) int {
	if !plainName(name) {
		return len(nameWords(name))
	}
	n := strings.Count(name, " ") + 1
	if len(name) >= 4 && strings.EqualFold(name[:4], "the ") {
		n-- // nameKey drops a leading "the"
	}
	return n
}

// closeWords applies rules 3 and 4 to two words.
func (p *Profile) closeWords(a, b string) bool {
	fa, fb := wordFormOf(a), wordFormOf(b)
	return p.closeForms(&fa, &fb)
}

// wordForm is a word of a name in the forms the rule compares: transliterated
// and, since folding can hide a typo as well as a transliteration ("Rabii" folds
// to "rabi"), in plain lower case; with their lengths in characters and the
// letters each holds.
type wordForm struct {
	word, trans, lower string
	nt, nl             int
	bagT, bagL         letterBag
	setT, setL         uint32 // which letters each holds (bit 26: any other character)
}

func wordFormOf(w string) wordForm {
	f := wordForm{word: w, trans: translit(w), lower: strings.ToLower(FoldString(w))}
	f.nt, f.nl = utf8.RuneCountInString(f.trans), utf8.RuneCountInString(f.lower)
	f.bagT, f.bagL = bagOf(f.trans), bagOf(f.lower)
	f.setT, f.setL = f.bagT.set(), f.bagL.set()
	return f
}

// closeForms applies rules 3 and 4 to two words in their forms.
func (p *Profile) closeForms(a, b *wordForm) bool {
	if a.trans == b.trans {
		return true
	}
	// Four letters or more, one typo; seven or more, two; in whichever form the
	// words are nearer.
	n := min(a.nt, b.nt, a.nl, b.nl)
	if n < 4 {
		return false
	}
	limit := 1
	if n >= 7 {
		limit = 2
	}
	// The letters one word has and the other lacks take a typo each at least (a
	// swap moves none): most pairs of words are told apart so, before the typos
	// are counted, and most of those by which letters they hold at all.
	if setDistance(a.setT, b.setT) > limit && setDistance(a.setL, b.setL) > limit ||
		bagDistance(&a.bagT, &b.bagT) > limit && bagDistance(&a.bagL, &b.bagL) > limit {
		return false
	}
	if p != nil {
		pa, pb := p.Lookup(a.word), p.Lookup(b.word)
		if pa != nil && pb != nil && pa != pb && pa.Type == EntityPlace && pb.Type == EntityPlace {
			return false
		}
	}
	return min(Typos(a.trans, b.trans), Typos(a.lower, b.lower)) <= limit
}

// letterBag counts the letters a to z of a word, and every other character as
// one more letter.
type letterBag [27]uint8

func bagOf(w string) letterBag {
	var b letterBag
	for _, r := range w {
		i := 26
		if r >= 'a' && r <= 'z' {
			i = int(r - 'a')
		}
		if b[i] < 255 {
			b[i]++
		}
	}
	return b
}

// set is which letters the bag holds, a bit each.
func (b *letterBag) set() uint32 {
	var s uint32
	for i, n := range b {
		if n > 0 {
			s |= 1 << i
		}
	}
	return s
}

// setDistance is the larger of the number of letters one set holds and the
// other lacks and the number the other holds and it lacks: no more than
// bagDistance of their bags.
func setDistance(a, b uint32) int {
	return max(bits.OnesCount32(a&^b), bits.OnesCount32(b&^a))
}

// bagDistance is the larger of the number of letters one bag holds beyond the
// other and the number the other holds beyond it: no more than the typos between
// the words (a letter dropped, added or changed moves one at most, a swap none).
func bagDistance(a, b *letterBag) int {
	more, fewer := 0, 0
	for i := range a {
		if a[i] > b[i] {
			more += int(a[i] - b[i])
		} else {
			fewer += int(b[i] - a[i])
		}
	}
	return max(more, fewer)
}

// Typos is the number of typos between a and b: the optimal string alignment
// distance, where a letter dropped, added or changed, or two neighbouring letters
// swapped, each count one.
func Typos(a, b string) int {
	// Three rows of the table at a time (the swap of two letters looks two rows
	// back), on the stack for words of up to 31 letters, which names are.
	var bufA, bufB [32]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	n := len(rb) + 1
	var rows [3 * 32]int
	var d []int
	if 3*n <= len(rows) {
		d = rows[:3*n]
	} else {
		d = make([]int, 3*n)
	}
	before, prev, cur := d[:n], d[n:2*n], d[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j < n; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[n-1]
}

// appendRunes appends the characters of s to out.
func appendRunes(out []rune, s string) []rune {
	for _, r := range s {
		out = append(out, r)
	}
	return out
}

// SameName reports whether two names are spellings of one name, by the rule above.
func (p *Profile) SameName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) != len(wb) || len(wa) == 0 {
		return false
	}
	// Names have few words: their forms are made on the stack.
	var bufA, bufB [4]wordForm
	fa, fb := bufA[:0], bufB[:0]
	if len(wa) > len(bufA) {
		fa, fb = make([]wordForm, 0, len(wa)), make([]wordForm, 0, len(wb))
	}
	fa, fb = fa[:len(wa)], fb[:len(wb)]
	for i := range wa {
		// The forms of words equal once transliterated are not needed.
		fa[i].trans, fb[i].trans = translit(wa[i]), translit(wb[i])
		if fa[i].trans != fb[i].trans {
			fa[i], fb[i] = wordFormOf(wa[i]), wordFormOf(wb[i])
		}
	}
	return p.sameForms(fa, fb)
}

// sameForms is SameName of two names cut into words, in their forms.
func (p *Profile) sameForms(a, b []wordForm) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	anchored := false
	for i := range a {
		if a[i].trans == b[i].trans {
			anchored = true
			continue
		}
		if !p.closeForms(&a[i], &b[i]) {
			return false
		}
	}
	return anchored || len(a) == 1
}

// Edit describes, in a fact-checker's words, how variant differs from name: "a
// dropped letter", "an added letter", "a changed letter", "letters swapped", "a
// transliteration variant", "a different spelling".
func Edit(name, variant string) string {
	wa, wb := nameWords(name), nameWords(variant)
	if len(wb) == 1 && len(wa) > 1 {
		wa = wa[len(wa)-1:] // a surname on its own: compare it with the surname
	}
	if len(wa) != len(wb) {
		return "a different form"
	}
	var what []string
	for i := range wa {
		a, b := wa[i], wb[i]
		if a == b {
			continue
		}
		switch ra, rb := []rune(a), []rune(b); {
		case translit(a) == translit(b):
			what = append(what, "a transliteration variant")
		case len(rb) == len(ra)-1 && Levenshtein(a, b) == 1:
			what = append(what, "a dropped letter")
		case len(rb) == len(ra)+1 && Levenshtein(a, b) == 1:
			what = append(what, "an added letter")
		case len(ra) == len(rb) && Levenshtein(a, b) == 1:
			what = append(what, "a changed letter")
		case len(ra) == len(rb) && swapped(ra, rb):
			what = append(what, "letters swapped")
		case sameLetters(ra, rb):
			what = append(what, "letters in a different order")
		default:
			what = append(what, "a different spelling")
		}
	}
	if len(what) == 0 {
		return "the same name"
	}
	seen := map[string]bool{}
	var uniq []string
	for _, w := range what {
		if !seen[w] {
			seen[w] = true
			uniq = append(uniq, w)
		}
	}
	return strings.Join(uniq, " and ")
}

func sameLetters(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[rune]int{}
	for i := range a {
		count[a[i]]++
		count[b[i]]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

func swapped(a, b []rune) bool {
	var diff []int
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

// Initials are the first letters of a name's capitalized words and of the parts of
// its hyphenated words ("Mujahedin-E Khalq" gives "MEK"; "National Council of
// Resistance of Iran" gives "NCRI").
func Initials(name string) string {
	var b strings.Builder
	for _, word := range strings.Fields(FoldString(name)) {
		parts := strings.Split(word, "-")
		for i, part := range parts {
			r := []rune(part)
			if len(r) == 0 {
				continue
			}
			// Every part of a hyphenated name counts ("Mojahedin-e-Khalq" is MEK);
			// of separate words, only the capitalized ones ("of" and "the" do not).
			if unicode.IsUpper(r[0]) || i > 0 && unicode.IsLetter(r[0]) {
				b.WriteRune(unicode.ToUpper(r[0]))
			}
		}
	}
	return b.String()
}

// appendWordInitials appends to out what Initials gives of one word of plain
// ASCII (see plainASCII): the first letters of its hyphenated parts, the first
// only when a capital. ok is false for another word.
func appendWordInitials(out []byte, word string) ([]byte, bool) {
	if !plainASCII(word) || strings.ContainsFunc(word, unicode.IsSpace) {
		return out, false
	}
	for i := 0; word != ""; i++ {
		part, rest, _ := strings.Cut(word, "-")
		if part != "" {
			if c := part[0]; isUpper(c) || i > 0 && isLetter(c) {
				out = append(out, c&^0x20)
			}
		}
		word = rest
	}
	return out, true
}

// trimExpansion keeps the words of a phrase found before "(ACR)" that expand the
// acronym: the shortest tail whose initials spell it ("European Union" from "United
// States and European Union (EU)"), else the whole phrase.
//
// The initials of a tail are those of its words one after another (folding reads
// each character alone), so the words are read from the last, each word's
// initials taken off the end of the acronym, until none is left (the tail) or
// what is left does not end so (no longer tail spells it either).
func trimExpansion(phrase, acronym string) string {
	words := strings.Fields(phrase)
	need := acronym
	var buf [8]byte
	for i := len(words) - 1; i >= 0; i-- {
		w, ok := appendWordInitials(buf[:0], words[i])
		if !ok {
			w = []byte(Initials(words[i]))
		}
		if len(w) > len(need) || need[len(need)-len(w):] != string(w) {
			break
		}
		if need = need[:len(need)-len(w)]; need == "" {
			return strings.Join(words[i:], " ")
		}
	}
	for len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// namesRule finds where each source names a person or an organization, so that
// spellings can be compared across the corpus: every person named by shape or by
// the profile, every full name of a known organization, and every run of words
// that is a near spelling of a name the profile knows ("Mojaehdin-e-Kalq"). Only
// the first mention of each written form in a source is kept.
type namesRule struct {
	baseRule
}

func (r *namesRule) apply(x *extractor, s *Sentence) {
	if !r.reads(s) || !x.mayName(s) {
		return
	}
	covered := x.nearNames(r, s)
	if s.Kind == Heading {
		return // headings are capitalized throughout: no names by shape there
	}
	f := s.Folded()
	if len(x.capitalWords(f.Text)) < 2 {
		return // a run is two capitalized words at least, each one of these
	}
	if !hasLowerLetter(f.Text) {
		return // nor a sentence in capitals ("ACCORDING TO OFFICIALS"), as wire copy writes them
	}
	x.runs = appendRunsAt(x.runs[:0], f.Text, x.capitalWords(f.Text))
	for _, m := range x.runs {
		// A run inside a name nearNames found is passed over, as it would be
		// below once Person had read it: the words kept are at most the run's.
		// Most runs are such a name (the subject's, named in sentence after
		// sentence), and Person is the dearer look.
		if inside(covered, m[0], m[1]) {
			continue
		}
		name := f.Text[m[0]:m[1]]
		e, ok := x.person(name)
		if !ok || nameWordCount(e.Name) < 2 {
			continue
		}
		// The words kept may be fewer than those matched ("February Mousa Khiabani").
		at := m[0] + lastWordsAt(name, fieldCount(e.Name))
		if overlaps(covered, at, m[1]) {
			continue
		}
		x.mention(r, s, e, at, m[1])
	}
}

// hasLowerLetter reports whether text holds a lower-case letter: a sentence
// without one is written in capitals, where a run of capitals is no sign of a
// name.
func hasLowerLetter(text string) bool {
	for _, r := range text {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// mayName reports whether the names rule can find anyone in s, by a look at its
// capitalized words. In plain ASCII, with nothing for folding to take out, a
// sentence with no capitalized word has no name; with one, it has no run of two
// for Person, and that word is a known name only if its first letter opens one
// (nearNames's windows all begin with such a word) or it is a misspelt surname.
// Most sentences open with the only capital they have ("The", "Observers"), and
// are spared the word-by-word reading (TestMayNameMissesNoName); a sentence with
// footnote markers or beyond ASCII is read so once folded.
func (x *extractor) mayName(s *Sentence) bool {
	t := s.Text
	if len(s.Markers) > 0 || !s.plainText() {
		// The capitals are read in the text the rule reads: folded, the markers
		// out and the accented letters plain. Beyond ASCII still, a letter of
		// another alphabet may open a name.
		if t = s.Folded().Text; !plainASCII(t) {
			return true
		}
	}
	return x.mayNameIn(t)
}

// mayNameIn is mayName for plain ASCII text t.
func (x *extractor) mayNameIn(t string) bool {
	caps := x.capitalWords(t)
	switch len(caps) {
	case 0:
		return false
	case 1:
		one := t[caps[0][0]:caps[0][1]]
		return x.opensName(x.translitFirst(one)) || len(one) >= 7 && x.misspeltSurname(one) != nil
	}
	return true
}

// capitalWords are the capitalized words of text (appendCapitalWords), found
// once for the sentence the names rule reads: mayName asks, then nearNames.
// They are good until another text is asked about.
func (x *extractor) capitalWords(text string) [][2]int {
	if len(text) > 0 && unsafe.StringData(text) == x.capsOf && len(text) == x.capsLen {
		return x.words
	}
	x.words = appendCapitalWords(x.words[:0], text)
	x.capsOf, x.capsLen = unsafe.StringData(text), len(text)
	return x.words
}

// appendCapitalWords appends to out the words of text (appendWordSpans's) that
// open with an ASCII capital, as [start, end).
func appendCapitalWords(out [][2]int, text string) [][2]int {
	for p := nextUpper(text, 0); p < len(text); p = nextUpper(text, p+1) {
		if !wordStartsAt(text, p) {
			continue
		}
		e := wordEnd(text, p)
		out = append(out, [2]int{p, e})
		p = e - 1
	}
	return out
}

// opensName reports whether a name nearNames looks for opens with first (folded).
func (x *extractor) opensName(first byte) bool { return len(x.profile.nearWords[first]) > 0 }

// nearNameWanted reports whether nearNames looks for n: acronyms and short single
// words are matched exactly elsewhere.
func nearNameWanted(n knownName) bool { return len(n.words) >= 2 || len(n.name) >= 7 }

// inside reports whether [i, j) lies within one of spans.
func inside(spans [][2]int, i, j int) bool {
	for _, sp := range spans {
		if sp[0] <= i && j <= sp[1] {
			return true
		}
	}
	return false
}

func overlaps(spans [][2]int, i, j int) bool {
	for _, sp := range spans {
		if i < sp[1] && sp[0] < j {
			return true
		}
	}
	return false
}

// appendCapitalizedRuns appends to out the runs of capitalized words a name can
// be: "Lt. Col. Louis Lee Hawkins", "Mohammad-Hossein Naghdi", "Alejo
// Vidal-Quadras", with the small particles names hold ("al", "de", "bin"). It scans
// the text once, which is much cheaper than the equivalent expression, and Person
// decides what each run is.
func appendCapitalizedRuns(out [][2]int, text string) [][2]int {
	return appendRunsAt(out, text, appendCapitalWords(nil, text))
}

// appendRunsAt is appendCapitalizedRuns given the capitalized words of text
// (appendCapitalWords), which the names rule has found already: out of a run, it
// goes on to the next of them rather than to the next capital. A capital they
// leave out is in a word, after a letter or a letter's apostrophe ("McDonald",
// "d'Estaing"), whose word the run would read from its first letter, a small
// one: no run begins there.
func appendRunsAt(out [][2]int, text string, caps [][2]int) [][2]int {
	return appendRuns(out, text, true, caps)
}

// appendRuns is appendCapitalizedRuns, going from capitalized word to
// capitalized word (caps) out of a run when skip is set, else reading every
// word (as the test that holds the two together does).
func appendRuns(out [][2]int, text string, skip bool, caps [][2]int) [][2]int {
	// The run is [start, end), ending with a capitalized word; last is the end of
	// its last word, a particle maybe ("Pierre de"), which the next word must
	// follow after one space to go on with the run.
	start, end, last, words := -1, -1, -1, 0
	flush := func() {
		if start >= 0 && words >= 2 {
			out = append(out, [2]int{start, end})
		}
		start, end, last, words = -1, -1, -1, 0
	}
	for i := 0; i < len(text); {
		if skip && start < 0 {
			// Out of a run, only a capitalized word matters: go on to the
			// next one, from the last byte before it that no word holds.
			for len(caps) > 0 && caps[0][0] < i {
				caps = caps[1:]
			}
			p := len(text)
			if len(caps) > 0 {
				p = caps[0][0]
			}
			for p > i && (isLetter(text[p-1]) || text[p-1] == '-' || text[p-1] == '\'') {
				p--
			}
			if i = p; i == len(text) {
				break
			}
		}
		c := text[i]
		if !isLetter(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isLetter(text[j]) || text[j] == '-' || text[j] == '\'' && j+1 < len(text) && isLetter(text[j+1])) {
			j++
		}
		if strings.HasSuffix(text[i:j], "'s") {
			j -= 2 // "Shariati's" is the name Shariati
		}
		word := text[i:j]
		// A full stop after a title or an initial belongs to the run ("Lt. Col.").
		if j < len(text) && text[j] == '.' && (titleWords[word] || len(word) == 1) {
			j++
		}
		if start >= 0 && text[last:i] != " " {
			flush()
		}
		switch {
		case c >= 'A' && c <= 'Z':
			if start < 0 {
				start = i
			}
			end, last, words = j, j, words+1
		case start >= 0 && isNameParticle(strings.TrimSuffix(word, "-")):
			last = j // keep going: "Pierre de Bousquet"
		default:
			flush()
		}
		i = j
	}
	flush()
	return out
}

func isLetter(c byte) bool { return (c|0x20)-'a' < 26 }

// nextUpper is the place of the first ASCII capital in text from i on, or
// len(text); it reads eight bytes at a time, as most are not capitals.
func nextUpper(text string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		// The bytes between 0x40 and 0x5b, exclusive, of the bytes below 0x80
		// (Sean Anderson's hasbetween): each byte's sum stays in its byte.
		w := word8(text[i : i+8])
		low := w &^ highs
		if m := ((127+0x5b)*ones - low) &^ w & (low + (127-0x40)*ones) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(text); i++ {
		if isUpper(text[i]) {
			return i
		}
	}
	return len(text)
}

var titleWords = map[string]bool{"Dr": true, "Mr": true, "Mrs": true, "Ms": true, "Prof": true, "Lt": true, "Col": true,
	"Gen": true, "Brig": true, "Maj": true, "Capt": true, "Sgt": true, "Adm": true, "Sen": true, "Rep": true, "St": true}

// lastWords returns the last n words of s.
// lastWordsAt is strings.LastIndex(s, lastWords(s, n)), found without making
// them where s is ASCII words between single spaces, as a capitalized run is:
// the last n words begin after the n-th space from the end.
func lastWordsAt(s string, n int) int {
	if n <= 0 || !singleSpaced(s) {
		return strings.LastIndex(s, lastWords(s, n))
	}
	i := len(s)
	for range n {
		j := strings.LastIndexByte(s[:i], ' ')
		if j < 0 {
			return 0 // fewer words than n: all of them
		}
		i = j
	}
	return i + 1
}

// singleSpaced reports whether s is ASCII words between single spaces.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i-1] == ' ':
			return false
		}
	}
	return true
}

// fieldCount is len(strings.Fields(s)), counted without making them.
func fieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func lastWords(s string, n int) string {
	w := strings.Fields(s)
	if n > len(w) {
		n = len(w)
	}
	return strings.Join(w[len(w)-n:], " ")
}

// nearNames finds runs of words that spell a known name exactly or nearly: each
// window of as many words as the name is compared with it by the similarity rule.
// A window opens with a capitalized word whose first letter, folded, opens the
// name; words are those of appendWordSpans.
//
// Longer names are tried first, and a window inside one already found is skipped:
// "Mujahadin-e Khalq" inside "Sazeman-e Mujahadin-e Khalq-e Iran" is no mention of
// its own. It returns the folded ranges found.
//
// The windows are found capital by capital, the names each could open looked up
// by its first letter, and those that spell a name are then taken in the order of
// the names and, for each, of the text, skipping any window already covered: what
// the name-by-name, window-by-window reading gives (nearNamesByWords, in the
// test), without reading every word of the sentence for every name.
func (x *extractor) nearNames(r *namesRule, s *Sentence) [][2]int {
	text := s.Folded().Text
	names := x.profile.nameList()
	found := x.nearFound[:0]
	capitals := x.capitalWords(text) // and for misspelt surnames below
	for _, w := range capitals {
		p, e := w[0], w[1]
		first := x.translitFirst(text[p:e])
		for _, k := range x.profile.nearWords[first] {
			end, ok := wordsEnd(text, e, k-1)
			if !ok {
				break // the other counts are larger
			}
			// The window must be one name: words joined only by spaces or hyphens.
			written := text[p:end]
			if breaksWindow(written) {
				continue
			}
			for _, ni := range x.nearMatches(written, first, k) {
				found = append(found, nearFind{int(ni), p, end})
			}
		}
	}
	slices.SortFunc(found, func(a, b nearFind) int { return cmp.Or(a.name-b.name, a.start-b.start) })
	covered := x.covered[:0]
	for _, f := range found {
		if overlaps(covered, f.start, f.end) {
			continue
		}
		covered = append(covered, [2]int{f.start, f.end})
		x.mention(r, s, names[f.name].known.Entity, f.start, f.end)
	}
	x.nearFound = found
	// A single word one or two edits from the surname of exactly one known person
	// ("Azondalu" for Azodanlu) names that person, misspelt. Exact surnames alone
	// ("Rajavi") are left alone: they may name any of a family.
	for _, w := range capitals {
		word := text[w[0]:w[1]]
		if len(word) < 7 || overlaps(covered, w[0], w[1]) {
			continue
		}
		if k := x.misspeltSurname(word); k != nil {
			covered = append(covered, w)
			x.mention(r, s, k.Entity, w[0], w[1])
		}
	}
	x.covered = covered
	return covered
}

// windowBreaks are the characters no name's window holds.
var windowBreaks = func() (set [256]bool) {
	for _, c := range []byte(",;:()\"") {
		set[c] = true
	}
	return set
}()

// breaksWindow is strings.ContainsAny(written, ",;:()\""), by a table: a
// window is tried for every name its first letter may open, and ContainsAny
// builds its set of characters anew each time.
func breaksWindow(written string) bool {
	for i := 0; i < len(written); i++ {
		if windowBreaks[written[i]] {
			return true
		}
	}
	return false
}

// nearFind is a window of a sentence that spells the known name at place name of
// the profile's list.
type nearFind struct{ name, start, end int }

// wordStartsAt reports whether appendWordSpans begins a word at text[p], a
// letter: where no letter comes before, nor an apostrophe that continues the word
// before (see wordEnd).
func wordStartsAt(text string, p int) bool {
	if p == 0 {
		return true
	}
	c := text[p-1]
	return !isLetter(c) && !(c == '\'' && text[p] != 's' && p >= 2 && isLetter(text[p-2]))
}

// wordsEnd is the end of the nth word of appendWordSpans after offset from, the
// end of a word; false when the text has fewer.
func wordsEnd(text string, from, n int) (int, bool) {
	for range n {
		for from < len(text) && !isLetter(text[from]) {
			from++
		}
		if from == len(text) {
			return 0, false
		}
		from = wordEnd(text, from)
	}
	return from, true
}

// tooShortFor reports whether the window written, of as many words as known name
// n, cannot spell it by SameName for a plain reason: a word of fewer than four
// letters that is not the name's word transliterated (closeWords needs four
// letters in both, and transliterating never lengthens an ASCII word). Only
// windows of plain ASCII words between single spaces are judged, whose words are
// nameWords' (see nameKey), but for a window that opens with "the", which nameKey
// drops: that window has a word fewer than the name and spells it by no rule. For
// others it says false.
func tooShortFor(written string, n *knownName) bool {
	w, start := 0, 0
	short := false
	for i := 0; i <= len(written); i++ {
		if i < len(written) && isLetter(written[i]) {
			continue
		}
		if i < len(written) && (written[i] != ' ' || i == start) {
			return false // not plain: another byte, or two spaces
		}
		if w >= len(n.translitLen) {
			return false
		}
		if l := i - start; l < 4 && n.translitLen[w] > l {
			short = true
		}
		w, start = w+1, i+1
	}
	return short && w == len(n.translitLen)
}

// misspeltSurname is the one known person whose surname word is one or two edits
// from word (and not the same word), or nil when there is none or more than one. It
// is remembered per word: a text repeats its words.
func (p *Profile) misspeltSurname(word string) *Known {
	if k, ok := p.misspelt.Load(word); ok {
		return k.(*Known)
	}
	match := p.misspeltAmong(word, p.surnameCandidates(word))
	p.misspelt.Store(strings.Clone(word), match) // a copy: word may be a piece of a source's text
	return match
}

// misspeltAmong is misspeltSurname asking only people.
func (p *Profile) misspeltAmong(word string, people []*Known) *Known {
	var match *Known
	for _, k := range people {
		for _, n := range k.Names() {
			nw := nameWords(n)
			last := nw[len(nw)-1]
			if len(nw) < 2 || translit(last) == translit(word) || !p.closeWords(last, word) {
				continue
			}
			if match != nil && match != k {
				return nil // close to two people: no guess
			}
			match = k
		}
	}
	return match
}

// surnameCandidates are the known people, in the profile's order, that
// misspeltSurname may find word is a misspelling of: those with a surname a
// word of at most two typos away from it, transliterated or in plain lower case
// as closeWords compares them. Two words two typos apart become one word when at
// most two letters are left out of each (a letter changed: that letter out of
// both; added: out of the longer one; two swapped: one of them out of both), so
// the people are found by the words left when up to two letters are left out of
// word, among those left out of their surnames (surnameIndex): a handful of
// lookups, however many people the profile knows.
func (p *Profile) surnameCandidates(word string) []*Known {
	idx := p.surnameIndex()
	if idx.byDeletion[0] == nil {
		return idx.people // few: asking them all is cheaper than the lookups
	}
	var at []int32
	for form, w := range surnameForms(word) {
		for _, d := range appendDeletions(nil, []rune(w), 2) {
			at = append(at, idx.byDeletion[form][d]...)
		}
	}
	slices.Sort(at)
	at = slices.Compact(at)
	out := make([]*Known, len(at))
	for i, k := range at {
		out[i] = idx.people[k]
	}
	return out
}

// surnameForms are the two forms of a word closeWords counts typos in.
func surnameForms(w string) [2]string {
	return [2]string{translit(w), strings.ToLower(FoldString(w))}
}

// surnameIndex returns the profile's people, and the places in that list of
// those whose surname (the last word of a name of two words or more) becomes, in
// either of its forms, each word left when up to two letters are left out of it.
// It is made when first asked for.
func (p *Profile) surnameIndex() *surnameIndex {
	p.surnames.once.Do(func() {
		idx := &surnameIndex{people: p.Known(EntityPerson)}
		if len(idx.people) <= fewPeople {
			p.surnames.idx = idx
			return
		}
		// The people by surname form: many share a surname, whose words left
		// out are then made once.
		var bySurname [2]map[string][]int32
		var order [2][]string
		for form := range bySurname {
			bySurname[form] = map[string][]int32{}
		}
		for i, k := range idx.people {
			for _, n := range k.Names() {
				nw := nameWords(n)
				if len(nw) < 2 {
					continue
				}
				for form, w := range surnameForms(nw[len(nw)-1]) {
					l, seen := bySurname[form][w]
					if !seen {
						order[form] = append(order[form], w)
					}
					if len(l) == 0 || l[len(l)-1] != int32(i) {
						bySurname[form][w] = append(l, int32(i))
					}
				}
			}
		}
		var deletions []string
		for form := range idx.byDeletion {
			idx.byDeletion[form] = map[string][]int32{}
			for _, w := range order[form] {
				deletions = appendDeletions(deletions[:0], []rune(w), 2)
				for _, d := range deletions {
					idx.byDeletion[form][d] = append(idx.byDeletion[form][d], bySurname[form][w]...)
				}
			}
			for d, l := range idx.byDeletion[form] {
				slices.Sort(l)
				idx.byDeletion[form][d] = slices.Compact(l)
			}
		}
		p.surnames.idx = idx
	})
	return p.surnames.idx
}

// fewPeople is how many people a profile may know and have misspeltSurname ask
// them all: the seventy-odd words left out of a word cost more to look up than a
// few dozen comparisons.
const fewPeople = 32

// surnameIndex is what surnameIndex makes (byDeletion nil for fewPeople or
// fewer): by form (transliterated, lower case),
// each word left out of a surname and the people whose surname it is left out of.
type surnameIndex struct {
	people     []*Known
	byDeletion [2]map[string][]int32
}

// appendDeletions appends to out w and every word made by leaving out up to n of
// its letters (some more than once).
func appendDeletions(out []string, w []rune, n int) []string {
	out = append(out, string(w))
	if n == 0 || len(w) == 0 {
		return out
	}
	cut := make([]rune, len(w)-1)
	for i := range w {
		copy(cut, w[:i])
		copy(cut[i:], w[i+1:])
		out = appendDeletions(out, cut, n-1)
	}
	return out
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// translitFirst is the profile's translitFirst remembered per source, without
// the locking a map shared by every worker needs: a text repeats its names.
func (x *extractor) translitFirst(w string) byte {
	if b, ok := asciiTranslitFirst(w); ok {
		return b
	}
	if b, ok := x.firstOf[w]; ok {
		return b
	}
	b := x.profile.translitFirst(w)
	if x.firstOf == nil {
		x.firstOf = map[string]byte{}
	}
	x.firstOf[w] = b
	return b
}

// asciiTranslitFirst is translitFirst worked out from the word's first two
// letters, for a word of ASCII letters and apostrophes: the first in lower case,
// unless the two are a pair translitFold replaces (then ok is false). No pass of
// translitFold makes such a pair at the start where there was none: no letter a
// pass writes ends the pair of a later pass (TestASCIITranslitFirst holds both).
func asciiTranslitFirst(w string) (first byte, ok bool) {
	if w == "" || !isLetter(w[0]) {
		return 0, false
	}
	l0, l1 := w[0]|0x20, byte(0)
	for i := 1; i < len(w) && l1 == 0; i++ {
		switch c := w[i]; {
		case isLetter(c):
			l1 = c | 0x20
		case c != '\'':
			return 0, false
		}
	}
	if l1 != 0 && translitPairBits[l0-'a']>>(l1-'a')&1 != 0 {
		return 0, false
	}
	return l0, true
}

// translitPairBits marks the pairs of letters translitFold replaces: bit j of
// entry i is the pair of the i-th and j-th letters ("gh": 6, 7).
var translitPairBits = func() (bits [26]uint32) {
	for _, p := range translitPairs {
		bits[p[0][0]-'a'] |= 1 << (p[0][1] - 'a')
	}
	return bits
}()

// misspeltSurname is the profile's misspeltSurname remembered per source too.
func (x *extractor) misspeltSurname(word string) *Known {
	if k, ok := x.misspelt[word]; ok {
		return k
	}
	k := x.profile.misspeltSurname(word)
	x.misspelt[strings.Clone(word)] = k // a copy: kept past the source (see memos)
	return k
}

// nearMatches is the profile's nearMatches remembered by the worker too: sources
// name the same people again and again, and its own memory needs no lock.
func (x *extractor) nearMatches(written string, first byte, k int) []int32 {
	if m, ok := x.near[written]; ok {
		return m
	}
	m := x.profile.nearMatches(written, first, k)
	x.near[strings.Clone(written)] = m // a copy: kept past the source (see memos)
	return m
}

// nearMatches lists, in the order of the profile's names, the places of the
// names nearNames looks for that window written spells by SameName: written is
// k words (appendWordSpans's) that open with a word whose first letter, folded,
// is first, and it may spell only names of k words that open with that letter.
// Only the names the profile's NameIndex gives as candidates are asked, so that
// the cost of a window does not grow with the names the profile knows. The
// answer is remembered per window.
func (p *Profile) nearMatches(written string, first byte, k int) []int32 {
	p.near.mu.RLock()
	m, ok := p.near.m[written]
	p.near.mu.RUnlock()
	if ok {
		return m
	}
	m = p.spelledNames(written, first, k)
	p.near.mu.Lock()
	if p.near.m == nil {
		p.near.m = map[string][]int32{}
	}
	p.near.m[strings.Clone(written)] = m // a copy: written is a piece of a source's text
	p.near.mu.Unlock()
	return m
}

// spelledNames is nearMatches worked out: the names nearNames looks for among
// the candidates the profile's NameIndex gives.
func (p *Profile) spelledNames(written string, first byte, k int) []int32 {
	var out []int32
	for _, ni := range p.nearIndex.Candidates(written) {
		n := &p.names[ni]
		if n.first == first && len(n.words) == k && nearNameWanted(*n) && !tooShortFor(written, n) && p.SameName(written, n.name) {
			out = append(out, int32(ni))
		}
	}
	return out
}

// appendWordSpans appends the words of a folded text to out, found by hand: runs of
// ASCII letters with inner apostrophes ("Reza'i"), but without a possessive ending
// ("Rajavi's" is the word "Rajavi").
func appendWordSpans(out [][2]int, text string) [][2]int {
	for i := 0; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		j := wordEnd(text, i)
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// wordEnd is the end of the word of appendWordSpans that begins at text[i].
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) && isLetter(text[j]) {
		j++
	}
	// "'" followed by a letter other than a lower-case s goes on.
	for j+1 < len(text) && text[j] == '\'' && isLetter(text[j+1]) && text[j+1] != 's' {
		k := j + 1
		for k < len(text) && isLetter(text[k]) {
			k++
		}
		j = k
	}
	return j
}

// mention records that sentence s names entity e with the folded words [i, j).
func (x *extractor) mention(r *namesRule, s *Sentence, e Entity, i, j int) {
	sp := s.Folded().Span(i, j)
	written := x.doc.Text[sp.Start:sp.End]
	var buf [64]byte
	if k, ok := appendNameKey(buf[:0], written); ok {
		// Looked up without making a string: the key is only read.
		if x.named[namedForm{e.ID, unsafe.String(unsafe.SliceData(k), len(k))}] {
			return
		}
		x.named[namedForm{e.ID, string(k)}] = true
	} else {
		k := nameKey(written)
		if x.named[namedForm{e.ID, k}] {
			return
		}
		x.named[namedForm{e.ID, k}] = true
	}
	x.add(&r.baseRule, s, Claim{Subject: e, Predicate: Named, Value: Text{S: written}}, sp)
}

// namedForm is an entity and a form of its name as written (nameKey).
type namedForm struct {
	id  EntityID
	key string
}

// NameIndex finds, among a list of names, those that may spell a given name by
// SameName, without comparing it with each: SameName needs the same number of
// words and, for names of two words or more, one word equal once transliterated in
// the same place, so a name of two words or more is looked up by each of its
// words there; a name of one word needs no such word, and is given every name of
// one word. Judging resolves each person found by shape against every known
// person and every other one found so, which with thousands of names was a
// comparison of each with each.
type NameIndex struct {
	anchors map[nameAnchor][]int
	singles []int
	forms   [][]wordForm // of each name, made once: Matches compares them
}

// nameAnchor is a word of an indexed name, transliterated, with its place and
// the name's number of words.
type nameAnchor struct {
	words, at int
	word      string
}

// NewNameIndex indexes names; Candidates gives places in names.
func NewNameIndex(names []string) *NameIndex {
	ix := &NameIndex{anchors: map[nameAnchor][]int{}, forms: make([][]wordForm, len(names))}
	for i, n := range names {
		words := nameWords(n)
		ix.forms[i] = wordFormsOf(words)
		switch len(words) {
		case 0:
		case 1:
			ix.singles = append(ix.singles, i)
		default:
			for at, w := range words {
				a := nameAnchor{len(words), at, translit(w)}
				if l := ix.anchors[a]; len(l) == 0 || l[len(l)-1] != i {
					ix.anchors[a] = append(l, i)
				}
			}
		}
	}
	return ix
}

// Candidates returns, in order, the places of the indexed names that may spell
// name by SameName: every one that does, and others, which the caller asks
// SameName about.
func (ix *NameIndex) Candidates(name string) []int {
	words := nameWords(name)
	switch len(words) {
	case 0:
		return nil
	case 1:
		return ix.singles
	}
	var out []int
	for at, w := range words {
		out = append(out, ix.anchors[nameAnchor{len(words), at, translit(w)}]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Matches returns, in order, the places of the indexed names that spell name by
// SameName, each word of each name read into its forms once.
func (ix *NameIndex) Matches(p *Profile, name string) []int {
	words := nameWords(name)
	forms := wordFormsOf(words)
	var out []int
	for _, i := range ix.Candidates(name) {
		if p.sameForms(forms, ix.forms[i]) {
			out = append(out, i)
		}
	}
	return out
}

func wordFormsOf(words []string) []wordForm {
	out := make([]wordForm, len(words))
	for i, w := range words {
		out[i] = wordFormOf(w)
	}
	return out
}
