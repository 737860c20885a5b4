// Command loadtime times whole processes on programme files, side by side
// in one run: sabaq check --format json FILE against jsonany FILE (the
// standard library's json.Unmarshal of the same file into any). For each
// file it runs both, alternating which goes first, -runs times, and prints
// the median wall time, their ratio, and the peak resident set size (the
// kernel's maxrss of the process, what /usr/bin/time -v reports) beside
// the file's size.
//
// Usage:
//
//	loadtime [-runs 5] -sabaq PATH -stdlib PATH FILE…
//
// sabaq check exits 0 or 1 on a programme it has checked (1 when it
// finds a deny). Any other exit means sabaq refused the file; loadtime
// then reports sabaq's error (its JSON error code and message) instead of
// timings and goes on with the next file. bench/load.sh builds everything
// and generates the files.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type run struct {
	wall time.Duration
	rss  int64 // bytes
}

// measure runs the command once, its stdout discarded, and returns its
// wall time and peak RSS, or an error with what it printed on failure.
func measure(ok func(code int) bool, name string, args ...string) (run, error) {
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return run{}, err
	}
	if code := cmd.ProcessState.ExitCode(); !ok(code) {
		return run{}, fmt.Errorf("%s exit %d: %s", filepath.Base(name), code, explain(stdout.Bytes(), stderr.Bytes()))
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	r := run{wall: wall}
	if ru != nil {
		r.rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return r, nil
}

// explain picks the message out of sabaq's JSON error object, or the
// first line of stderr.
func explain(stdout, stderr []byte) string {
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if json.Unmarshal(stdout, &e) == nil && e.Error.Code != "" {
		return e.Error.Code + ": " + e.Error.Message
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(stderr)), "\n")
	return line
}

func median(rs []run, by func(run) float64) float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = by(r)
	}
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

func mb(b float64) string { return fmt.Sprintf("%.0f MB", b/1e6) }

func main() {
	runs := flag.Int("runs", 5, "runs of each command per file; medians are reported")
	sabaq := flag.String("sabaq", "sabaq", "the sabaq binary")
	stdlib := flag.String("stdlib", "jsonany", "the stdlib baseline binary")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: loadtime [-runs N] -sabaq PATH -stdlib PATH FILE…")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *runs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	checked := func(code int) bool { return code == 0 || code == 1 }
	success := func(code int) bool { return code == 0 }
	w := os.Stdout
	fmt.Fprintf(w, "%-26s %8s | %-31s | %-31s | %s\n", "", "", "sabaq check --format json", "stdlib json.Unmarshal into any", "")
	fmt.Fprintf(w, "%-26s %8s | %8s %10s %11s | %8s %10s %11s | %s\n", "file", "size",
		"time", "peak RSS", "RSS/size", "time", "peak RSS", "RSS/size", "time sabaq/stdlib")
	for _, file := range flag.Args() {
		st, err := os.Stat(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtime:", err)
			os.Exit(1)
		}
		size := float64(st.Size())
		var s, b []run
		var refused error
		for i := range *runs {
			// Alternate which goes first, so that neither always finds the
			// page cache warm.
			order := []bool{true, false}
			if i%2 == 1 {
				order = []bool{false, true}
			}
			for _, isSabaq := range order {
				switch {
				case isSabaq && refused == nil:
					r, err := measure(checked, *sabaq, "check", "--format", "json", file)
					if err != nil {
						refused = err
						continue
					}
					s = append(s, r)
				case !isSabaq:
					r, err := measure(success, *stdlib, file)
					if err != nil {
						fmt.Fprintln(os.Stderr, "loadtime:", err)
						os.Exit(1)
					}
					b = append(b, r)
				}
			}
			fmt.Fprintf(os.Stderr, "loadtime: %s: run %d of %d done\n", filepath.Base(file), i+1, *runs)
		}
		wall := func(r run) float64 { return r.wall.Seconds() }
		rss := func(r run) float64 { return float64(r.rss) }
		cols := func(rs []run) string {
			t, m := median(rs, wall), median(rs, rss)
			return fmt.Sprintf("%8s %10s %11s", fmt.Sprintf("%.2f s", t), mb(m), fmt.Sprintf("%.2f×", m/size))
		}
		sabaqCols, ratio := fmt.Sprintf("%-31s", "refused"), "-"
		if refused == nil {
			sabaqCols, ratio = cols(s), fmt.Sprintf("%.2f×", median(s, wall)/median(b, wall))
		}
		fmt.Fprintf(w, "%-26s %8s | %s | %s | %s\n", filepath.Base(file), mb(size), sabaqCols, cols(b), ratio)
		if refused != nil {
			fmt.Fprintf(w, "  sabaq refused %s: %v\n", filepath.Base(file), refused)
		}
	}
}
