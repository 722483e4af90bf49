package facts

import (
	"slices"
	"unicode/utf8"
)

// A prefilter finds, in one pass over a sentence, every trigger word of every rule,
// so that a rule's expression runs only on the sentences that hold its words. It is
// an Aho-Corasick automaton over bytes, turned into a full table of transitions so
// that each byte of text costs one lookup, whatever the number of words.
//
// It reads a sentence as the rules do: folded (typographic quotes and dashes made
// ASCII, accents taken off), in lower case, with its footnote markers left out. So a
// word it reports is exactly a word strings.Contains would find in the sentence's
// Lower text, at a fraction of the cost, and without folding the sentence at all
// when the sentence is plain ASCII.
type prefilter struct {
	words  []string
	class  [256]uint8 // byte → class; bytes no word holds share class 0
	nclass int
	// A state is named by its row, state*nclass, so a step is one addition and
	// one lookup: next[row+class] is the next state's row.
	next []int32
	// lower is the class of an ASCII byte as a folded, lower-case sentence has
	// it: a capital reads as its small letter, "`" as "'".
	lower [utf8.RuneSelf]int32
	// The states where a word ends are numbered after all the others: a row of
	// at least ends is one, whose words, through the failure links, are
	// out[row/nclass]. A step then asks its own row, not another table, whether
	// a word ends there. The others are numbered breadth first, so that the
	// states near the root, which most steps of a text are in, share few lines
	// of memory.
	ends int32
	out  [][]int32
}

// newPrefilter builds the automaton for a list of words (lower case).
func newPrefilter(words []string) *prefilter {
	p := &prefilter{words: words, nclass: 1}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if p.class[w[i]] == 0 {
				p.class[w[i]] = uint8(p.nclass)
				p.nclass++
			}
		}
	}
	// The trie, with goto[state][class] = -1 for no edge.
	gotos := [][]int32{p.newState()}
	out := [][]int32{nil}
	for id, w := range words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := p.class[w[i]]
			if gotos[s][c] < 0 {
				gotos = append(gotos, p.newState())
				out = append(out, nil)
				gotos[s][c] = int32(len(gotos) - 1)
			}
			s = gotos[s][c]
		}
		out[s] = append(out[s], int32(id))
	}
	// Breadth first: each state's failure link, its outputs merged with its link's,
	// and the missing transitions filled from the link's, which makes a DFA.
	fail := make([]int32, len(gotos))
	p.next = make([]int32, len(gotos)*p.nclass)
	queue := []int32{}
	for c := 0; c < p.nclass; c++ {
		if t := gotos[0][c]; t >= 0 {
			p.next[c] = t
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		out[s] = append(out[s], out[fail[s]]...)
		for c := 0; c < p.nclass; c++ {
			t := gotos[s][c]
			if t < 0 {
				p.next[int(s)*p.nclass+c] = p.next[int(fail[s])*p.nclass+c]
				continue
			}
			fail[t] = p.next[int(fail[s])*p.nclass+c]
			p.next[int(s)*p.nclass+c] = t
			queue = append(queue, t)
		}
	}
	// The states renumbered: breadth first (the order of the queue above),
	// those where no word ends before those where one does; and from state
	// numbers to rows.
	order := make([]int32, 0, len(gotos))
	for _, ending := range []bool{false, true} {
		for s := range bfsOrder(gotos) {
			if (len(out[s]) > 0) == ending {
				order = append(order, s)
			}
		}
	}
	number := make([]int32, len(gotos))
	for n, s := range order {
		number[s] = int32(n)
	}
	next := make([]int32, len(p.next))
	p.out = make([][]int32, len(gotos))
	p.ends = int32(len(gotos) * p.nclass)
	for n, s := range order {
		for c := 0; c < p.nclass; c++ {
			next[n*p.nclass+c] = number[p.next[int(s)*p.nclass+c]] * int32(p.nclass)
		}
		p.out[n] = out[s]
		if len(out[s]) > 0 {
			p.ends = min(p.ends, int32(n*p.nclass))
		}
	}
	p.next = next
	for c := range utf8.RuneSelf {
		b := byte(c)
		switch {
		case b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		case b == '`':
			b = '\''
		}
		p.lower[c] = int32(p.class[b])
	}
	return p
}

// bfsOrder yields the states of a trie, given by its goto table (-1 for no
// edge), breadth first from the root.
func bfsOrder(gotos [][]int32) func(yield func(int32) bool) {
	return func(yield func(int32) bool) {
		queue := []int32{0}
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			if !yield(s) {
				return
			}
			for _, t := range gotos[s] {
				if t >= 0 {
					queue = append(queue, t)
				}
			}
		}
	}
}

func (p *prefilter) newState() []int32 {
	s := make([]int32, p.nclass)
	for i := range s {
		s[i] = -1
	}
	return s
}

// hits is the set of words found in one sentence, one bit per word.
type hits []uint64

func (h hits) has(id int) bool { return h[id/64]&(1<<(id%64)) != 0 }

// someWords is a set of a few of the prefilter's words, as the words of bits of
// hits that hold any: a sentence's hits meet it in a test of each of those, not
// of every word of bits of the prefilter's width (hundreds of words, a few in
// the set). Every sentence is asked whether it holds a digit, and whether it
// may teach a name.
type someWords []wordBits

// wordBits are the bits of word k of hits.
type wordBits struct {
	k    int
	bits uint64
}

// wordsOf is the set of the words ids.
func wordsOf(ids []int) someWords {
	var set someWords
	for _, id := range ids {
		k, bit := id/64, uint64(1)<<(id%64)
		if i := slices.IndexFunc(set, func(w wordBits) bool { return w.k == k }); i >= 0 {
			set[i].bits |= bit
		} else {
			set = append(set, wordBits{k, bit})
		}
	}
	return set
}

// meets reports whether h holds a word of set.
func (h hits) meets(set someWords) bool {
	for _, w := range set {
		if h[w.k]&w.bits != 0 {
			return true
		}
	}
	return false
}

// hasAny reports whether any of the words ids is among h.
func (h hits) hasAny(ids []int) bool {
	for _, id := range ids {
		if h.has(id) {
			return true
		}
	}
	return false
}

// scan finds the words in sentence s.
func (p *prefilter) scan(s *Sentence) hits { return p.scanInto(s, make(hits, p.width())) }

// width is the length of a sentence's hits.
func (p *prefilter) width() int { return (len(p.words) + 63) / 64 }

// scanInto is scan, the words marked in h (zero, of p.width()).
func (p *prefilter) scanInto(s *Sentence, h hits) hits {
	if len(p.words) == 0 {
		return h
	}
	row := int32(0)
	text, base := s.Text, s.Span.Start
	markers := s.Markers
	for i := 0; i < len(text); {
		// The text up to the next marker (which opens with "[" or "(", so that no
		// character straddles its start), which is left out.
		stop := len(text)
		if len(markers) > 0 {
			stop = min(max(markers[0].Span.Start-base, i), len(text))
		}
		row = p.scanRest(text[:stop], i, row, h)
		i = max(i, stop)
		if len(markers) > 0 && i >= stop && stop < len(text) {
			i = max(i, markers[0].Span.End-base)
			markers = markers[1:]
		}
	}
	return h
}

// scanAll is scanInto of each sentence at(k) gives, for k from 0 to n, into
// the hits it gives with it (a nil sentence is passed over), three walks at once
// (then two, at the end). The automaton waits on one table lookup a byte, each
// depending on the one before; walks interleaved overlap their waits (over the
// generated text, one walk reads 445 MB/s, two 860, three 1,230, four hardly
// more: the automaton's own steps, no trigger words marked). Each walk takes the
// next sentence when its own ends, so that all go on until the last: sentences
// differ in length, and walking the longer one's rest alone would wait again. A
// walk skips a sentence's footnote markers, and steps over a character beyond
// ASCII on its own, while the others wait.
func (p *prefilter) scanAll(n int, at func(k int) (*Sentence, hits)) {
	if len(p.words) == 0 {
		return
	}
	next, ends, lower := p.next, p.ends, &p.lower // ends: the first row where a word ends
	k := 0
	take := func(w *walk) bool {
		w.finish()
		for k < n {
			s, h := at(k)
			k++
			if s == nil {
				continue
			}
			w.start(s, h)
			if w.ready(p) {
				return true
			}
			w.finish()
		}
		return false
	}
	var a, b, c walk
	okA, okB, okC := take(&a), take(&b), take(&c)
	for okA && okB && okC {
		ta, tb, tc := a.text[a.i:a.stop], b.text[b.i:b.stop], c.text[c.i:c.stop]
		ra, rb, rc := a.row, b.row, c.row
		n := min(len(ta), len(tb), len(tc))
		j := 0
		for ; j < n; j++ {
			ca, cb, cc := ta[j], tb[j], tc[j]
			if ca >= utf8.RuneSelf || cb >= utf8.RuneSelf || cc >= utf8.RuneSelf {
				break
			}
			ra = next[ra+lower[ca]]
			rb = next[rb+lower[cb]]
			rc = next[rc+lower[cc]]
			if ra >= ends {
				p.mark(ra, a.h)
			}
			if rb >= ends {
				p.mark(rb, b.h)
			}
			if rc >= ends {
				p.mark(rc, c.h)
			}
		}
		a.i, a.row, b.i, b.row, c.i, c.row = a.i+j, ra, b.i+j, rb, c.i+j, rc
		okA = a.ready(p) || take(&a)
		okB = b.ready(p) || take(&b)
		okC = c.ready(p) || take(&c)
	}
	// The sentences are all taken: two walks at most go on, as two.
	if !okA {
		a, okA, okC = c, okC, false
	}
	if !okB {
		b, okB, okC = c, okC, false
	}
	for okA && okB {
		ta, tb := a.text[a.i:a.stop], b.text[b.i:b.stop]
		ra, rb := a.row, b.row
		n := min(len(ta), len(tb))
		j := 0
		for ; j < n; j++ {
			ca, cb := ta[j], tb[j]
			if ca >= utf8.RuneSelf || cb >= utf8.RuneSelf {
				break
			}
			ra = next[ra+lower[ca]]
			rb = next[rb+lower[cb]]
			if ra >= ends {
				p.mark(ra, a.h)
			}
			if rb >= ends {
				p.mark(rb, b.h)
			}
		}
		a.i, a.row, b.i, b.row = a.i+j, ra, b.i+j, rb
		okA = a.ready(p) || take(&a)
		okB = b.ready(p) || take(&b)
	}
	// One walk at most is left, with the last sentence: it goes on alone.
	w := &a
	switch {
	case okB:
		w = &b
	case !okA:
		return
	}
	for {
		w.wide = w.wide || !plainASCII(w.text[w.i:w.stop]) // which scanRest steps over
		w.row = p.scanRest(w.text[:w.stop], w.i, w.row, w.h)
		w.i = w.stop
		if !w.ready(p) {
			w.finish()
			return
		}
	}
}

// walk is one of scanAll's walks: a sentence's text, where it is in it and in
// the automaton, the words found, and its footnote markers ahead. It notes
// whether it stepped over a character beyond ASCII (wide), so that the sentence
// knows, once read, whether it is plain ASCII (Sentence.plainText), which the
// names rule asks of most sentences.
type walk struct {
	s       *Sentence
	text    string
	i, stop int // stop: where the next marker begins, or the end
	row     int32
	h       hits
	markers []Marker
	base    int
	wide    bool
}

// start begins the walk of s, its words to be marked in h.
func (w *walk) start(s *Sentence, h hits) {
	*w = walk{s: s, text: s.Text, h: h, markers: s.Markers, base: s.Span.Start}
	w.setStop()
}

// finish tells the sentence walked, read to its end, whether it is plain ASCII:
// the walk read every byte of it but its footnote markers', which are read here.
func (w *walk) finish() {
	s := w.s
	if s == nil || s.plain != 0 {
		return
	}
	plain := !w.wide
	for _, m := range s.Markers {
		if !plain {
			break
		}
		from, to := max(m.Span.Start-w.base, 0), min(m.Span.End-w.base, len(w.text))
		plain = from >= to || plainASCII(w.text[from:to])
	}
	s.plain = 2
	if plain {
		s.plain = 1
	}
	w.s = nil
}

// setStop sets where the walk must stop next: the next marker's start, not
// before where it is (scanInto's rule), or the end.
func (w *walk) setStop() {
	w.stop = len(w.text)
	if len(w.markers) > 0 {
		w.stop = min(max(w.markers[0].Span.Start-w.base, w.i), len(w.text))
	}
}

// ready makes the walk ready to read ASCII bytes: it steps over the characters
// beyond ASCII before it and skips the markers it has come to, and reports
// whether the sentence has bytes left.
func (w *walk) ready(p *prefilter) bool {
	for {
		if w.i < w.stop {
			if w.text[w.i] < utf8.RuneSelf {
				return true
			}
			var size int
			w.row, size = p.stepRune(w.row, w.text[w.i:w.stop], w.h)
			w.i += size
			w.wide = true
			continue
		}
		if w.stop >= len(w.text) {
			return false
		}
		// At a marker: go on after it.
		w.i = max(w.i, w.markers[0].Span.End-w.base)
		w.markers = w.markers[1:]
		w.setStop()
		if w.i >= len(w.text) {
			return false
		}
	}
}

// scanRest goes on with the walk over text, with no markers, from byte i in the
// state of row, and returns the state it ends in.
func (p *prefilter) scanRest(text string, i int, row int32, h hits) int32 {
	next, ends, lower := p.next, p.ends, &p.lower // ends: the first row where a word ends
	for ; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			var size int
			row, size = p.stepRune(row, text[i:], h)
			i += size - 1
			continue
		}
		row = next[row+lower[c]]
		if row >= ends {
			p.mark(row, h)
		}
	}
	return row
}

// mark marks in h the words that end at the state of row.
func (p *prefilter) mark(row int32, h hits) {
	for _, id := range p.out[row/int32(p.nclass)] {
		h[id/64] |= 1 << (id % 64)
	}
}

// stepRune steps over the character beyond ASCII that text opens with, as
// folding writes it in lower case, and returns the row after it and its width.
func (p *prefilter) stepRune(row int32, text string, h hits) (int32, int) {
	r, size := utf8.DecodeRuneInString(text)
	f := foldLower(r)
	for j := 0; j < len(f); j++ {
		row = p.next[row+int32(p.class[f[j]])]
		if row >= p.ends {
			p.mark(row, h)
		}
	}
	return row, size
}

// ScanTriggers runs the rule set's trigger-word prefilter alone over a text and
// returns how many trigger words it holds. It is what every sentence pays before
// any expression runs, and the yardstick the benchmarks compare extraction with.
func (rs *RuleSet) ScanTriggers(text string) int {
	p := rs.filter
	if len(p.words) == 0 {
		return 0
	}
	n, row := 0, int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		row = p.next[row+int32(p.class[c])]
		if row >= p.ends {
			n += len(p.out[row/int32(p.nclass)])
		}
	}
	return n
}
