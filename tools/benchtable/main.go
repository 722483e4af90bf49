// Command benchtable turns the output of "go test -bench -benchmem" into a
// Markdown table: one row per benchmark with its time, MB/s, memory and
// allocations, and any other metric it reports. make bench uses it.
//
//	go test ./... -run '^$' -bench . -benchmem | go run ./tools/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// resultRE reads one result line: name, iterations, then value-unit pairs.
var resultRE = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

type row struct {
	pkg, name string
	metrics   map[string]string
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable: error:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	var rows []row
	var header []string // goos, goarch, cpu
	pkg := ""
	extra := map[string]bool{}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "pkg: "):
			pkg = strings.TrimPrefix(line, "pkg: ")
		case strings.HasPrefix(line, "cpu: ") || strings.HasPrefix(line, "goos: ") || strings.HasPrefix(line, "goarch: "):
			if !contains(header, line) {
				header = append(header, line)
			}
		}
		m := resultRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r := row{pkg: pkg[strings.LastIndex(pkg, "/")+1:], name: strings.TrimPrefix(m[1], "Benchmark"), metrics: map[string]string{}}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			r.metrics[f[i+1]] = f[i]
			switch f[i+1] {
			case "ns/op", "MB/s", "B/op", "allocs/op":
			default:
				extra[f[i+1]] = true
			}
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	var extras []string
	for k := range extra {
		extras = append(extras, k)
	}
	sort.Strings(extras)
	for _, h := range header {
		fmt.Fprintf(out, "%s  \n", h)
	}
	fmt.Fprintln(out)
	cols := append([]string{"package", "benchmark", "time/op", "MB/s", "B/op", "allocs/op"}, extras...)
	fmt.Fprintf(out, "| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
	for _, r := range rows {
		cells := []string{r.pkg, r.name, duration(r.metrics["ns/op"]), r.metrics["MB/s"], r.metrics["B/op"], r.metrics["allocs/op"]}
		for _, e := range extras {
			cells = append(cells, r.metrics[e])
		}
		fmt.Fprintf(out, "| %s |\n", strings.Join(cells, " | "))
	}
	return nil
}

// duration writes nanoseconds in the unit that reads best.
func duration(ns string) string {
	var v float64
	if _, err := fmt.Sscan(ns, &v); err != nil {
		return ns
	}
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.2f s", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.1f ms", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.1f µs", v/1e3)
	}
	return fmt.Sprintf("%.0f ns", v)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
