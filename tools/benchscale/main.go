// Command benchscale measures how compare's time and memory grow with the corpus:
// for each corpus folder it runs "compare report DIR --format json --no-cache"
// three times and records the median wall time and the largest peak memory (max
// RSS), then, with a warm cache, times
// "compare check DIR" after one source has been added. It prints a Markdown table
// and a line describing the machine. make bench-scale runs it on the corpora make
// bench-corpus wrote.
//
//	go run ./tools/benchscale -compare bin/compare testdata/bench/10 testdata/bench/100
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("compare", "bin/compare", "the compare binary to measure")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "benchscale: error: give one or more corpus folders")
		os.Exit(2)
	}
	fmt.Printf("Machine: %s, %d cores, %s RAM; %s.\n\n", cpuModel(), runtime.NumCPU(), memTotal(), runtime.Version())
	fmt.Println("| sources | text (MB) | report, cache off (s, median of 3) | MB/s | MB/s per core | peak memory (MB, most of 3) | report (MB) | check after adding one source, cache warm (s, median of 3) |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, dir := range flag.Args() {
		if err := measure(*bin, dir); err != nil {
			fmt.Fprintf(os.Stderr, "benchscale: error: %s: %v\n", dir, err)
			os.Exit(1)
		}
	}
}

type result struct {
	wall   time.Duration
	maxRSS int64 // KB
	out    int
	code   int
}

// runCompare runs the binary and measures it.
func runCompare(bin string, args ...string) (result, error) {
	cmd := exec.Command(bin, args...)
	// The output goes to a file, as a report would: through a pipe, this
	// process reading it would take CPU from the one measured.
	out, err := os.CreateTemp("", "benchscale-*.out")
	if err != nil {
		return result{}, err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd.Stdout = out
	cmd.Stderr = io.Discard
	start := time.Now()
	err = cmd.Run()
	r := result{wall: time.Since(start)}
	if fi, serr := out.Stat(); serr == nil {
		r.out = int(fi.Size())
	}
	if cmd.ProcessState == nil {
		return r, err
	}
	r.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = int64(ru.Maxrss) // int32 on 32-bit Linux
	}
	if r.code > 1 {
		return r, fmt.Errorf("%s %s: exit %d", bin, strings.Join(args, " "), r.code)
	}
	return r, nil
}

func measure(bin, dir string) error {
	text, sources, err := textSize(dir)
	if err != nil {
		return err
	}
	// The median of three runs: this kind of machine varies from run to run.
	var runs []result
	for range 3 {
		r, err := runCompare(bin, "report", dir, "--format", "json", "--no-cache")
		if err != nil {
			return err
		}
		runs = append(runs, r)
	}
	slices.SortFunc(runs, func(a, b result) int { return int(a.wall - b.wall) })
	cold := runs[1]
	peak := slices.MaxFunc(runs, func(a, b result) int { return int(a.maxRSS - b.maxRSS) }).maxRSS
	warm, err := addOneAndCheck(bin, dir)
	if err != nil {
		return err
	}
	mb := float64(text) / 1e6
	rate := mb / cold.wall.Seconds()
	fmt.Printf("| %d | %.1f | %.2f | %.1f | %.1f | %.0f | %.1f | %.2f |\n", sources, mb, cold.wall.Seconds(), rate, rate/float64(runtime.NumCPU()),
		float64(peak)/1024, float64(cold.out)/1e6, warm.Seconds())
	return nil
}

// addOneAndCheck warms a cache with "compare check", then three times adds a
// source the cache has never seen (the first source's text with a new paragraph)
// and times "compare check"; it returns the median, and puts the corpus back as
// it was.
func addOneAndCheck(bin, dir string) (time.Duration, error) {
	cache, err := os.MkdirTemp("", "benchscale-cache-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(cache)
	if _, err := runCompare(bin, "check", dir, "--cache", cache); err != nil {
		return 0, err
	}
	manifest := filepath.Join(dir, "compare.yaml")
	orig, err := os.ReadFile(manifest)
	if err != nil {
		return 0, err
	}
	defer os.WriteFile(manifest, orig, 0o644)
	first, err := os.ReadFile(filepath.Join(dir, "sources", "s00000.txt"))
	if err != nil {
		return 0, err
	}
	var times []time.Duration
	for round := range 3 {
		name := fmt.Sprintf("benchscale-added-%d", round)
		added := filepath.Join(dir, "sources", name+".txt")
		text := "A note added for the benchmark, at " + time.Now().Format(time.RFC3339Nano) + ".\n\n" + string(first)
		if err := os.WriteFile(added, []byte(text), 0o644); err != nil {
			return 0, err
		}
		defer os.Remove(added)
		entry := "\n  - id: " + name + "\n    file: sources/" + name + ".txt\n    as_of: \"2024\"\n"
		if err := os.WriteFile(manifest, append(bytes.TrimRight(orig, "\n"), entry...), 0o644); err != nil {
			return 0, err
		}
		r, err := runCompare(bin, "check", dir, "--cache", cache)
		if err != nil {
			return 0, err
		}
		times = append(times, r.wall)
	}
	slices.Sort(times)
	return times[1], nil
}

// textSize is the bytes and the number of the corpus's source files.
func textSize(dir string) (int64, int, error) {
	var n int64
	files := 0
	err := filepath.WalkDir(filepath.Join(dir, "sources"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		files++
		return nil
	})
	return n, files, err
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			return strings.TrimSpace(line[strings.Index(line, ":")+1:])
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	data, _ := os.ReadFile("/proc/meminfo")
	var kb int64
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "MemTotal:") {
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "MemTotal:"), "kB")), &kb)
		}
	}
	return fmt.Sprintf("%.0f GB", float64(kb)/1e6)
}
