// Command compare reads several written sources about one subject, turns what they
// say into typed facts, and reports every place where they disagree, with the exact
// words and lines that disagree.
package main

import "os"

func main() {
	adviseHeap = true // see reserveHeapToLoad
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
