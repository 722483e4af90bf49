// Command compare reads several written sources about one subject, turns what they
// say into typed facts, and reports every place where they disagree, with the exact
// words and lines that disagree.
package main

import (
	"os"

	"github.com/factcheck-tools/compare/internal/hugeheap"
)

func main() {
	// The heap's first 64 MB on huge pages: reading the manifest and the sources
	// and compiling the rules fill most of them (load reserves more once the
	// sources' sizes are known). Here, not in run: a process-wide choice.
	hugeheap.Reserve(64 << 20)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
