package report

import (
	"strings"
	"testing"
)

// wrapByLines is Wrap as it was first written, line by line: the oracle.
func wrapByLines(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}

func TestWrapAsLineByLine(t *testing.T) {
	texts := []string{
		"", "   ", "one", "  one  two\tthree\nfour  ",
		"Sources disagree on how many members the group had: 2,700 for 1971 in Free Atlas of Movements 1 (line 59) and 240 more sources.",
		strings.Repeat("word ", 200),
		"a-word-longer-than-any-line-" + strings.Repeat("x", 120) + " then short words after it",
		"non\u00a0breaking\u2003em space, é accents and ümlauts in a row of words",
	}
	for _, text := range texts {
		for _, width := range []int{1, 5, 10, 40, 100} {
			for _, indent := range []string{"", "  ", "   "} {
				if got, want := Wrap(text, width, indent), wrapByLines(text, width, indent); got != want {
					t.Errorf("Wrap(%q, %d, %q) =\n%q\nwant\n%q", text, width, indent, got, want)
				}
			}
		}
	}
}
