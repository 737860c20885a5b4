// Command peertable reads the output of the peers benchmarks (go test
// -bench, any number of runs) and prints one row per benchmark: the median
// time and allocations of each engine, and how many times slower than ours
// expr and OPA are, beside issue 11's targets (expr ≥ 3×, OPA ≥ 50× on each
// subject kind).
//
// Usage:
//
//	go test -run '^$' -bench . ./peers | go run ./cmd/peertable
//	go run ./cmd/peertable FILE…
//
// A benchmark line is read when its name holds "engine=NAME"; the other
// parts of the name make the row. Medians need no statistics package: with
// five or more runs they shrug off a noisy neighbour on a shared machine.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Targets of issue 11 for each subject kind: how many times faster than
// each peer ours should be.
var targets = map[string]float64{"expr": 3, "opa": 50}

var engines = []string{"ours", "expr", "opa"}

type sample struct {
	ns, allocs, perSubject []float64
}

type row struct {
	name    string
	engines map[string]*sample
}

var (
	engineRe = regexp.MustCompile(`/engine=([a-z]+)`)
	procsRe  = regexp.MustCompile(`-\d+$`)
)

// table collects the samples of every row, in the order rows first appear.
type table struct {
	rows   []*row
	byName map[string]*row
}

// read adds every benchmark line of r that names an engine.
func (t *table) read(r io.Reader) error {
	if t.byName == nil {
		t.byName = map[string]*row{}
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		m := engineRe.FindStringSubmatch(f[0])
		if m == nil {
			continue
		}
		name := procsRe.ReplaceAllString(strings.Replace(strings.TrimPrefix(f[0], "Benchmark"), m[0], "", 1), "")
		rw := t.byName[name]
		if rw == nil {
			rw = &row{name: name, engines: map[string]*sample{}}
			t.byName[name] = rw
			t.rows = append(t.rows, rw)
		}
		s := rw.engines[m[1]]
		if s == nil {
			s = &sample{}
			rw.engines[m[1]] = s
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				s.ns = append(s.ns, v)
			case "allocs/op":
				s.allocs = append(s.allocs, v)
			case "ns/subject":
				s.perSubject = append(s.perSubject, v)
			}
		}
	}
	return sc.Err()
}

func main() {
	var t table
	if len(os.Args) == 1 {
		if err := t.read(os.Stdin); err != nil {
			fail(err)
		}
	}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fail(err)
		}
		err = t.read(f)
		f.Close()
		if err != nil {
			fail(err)
		}
	}
	if len(t.rows) == 0 {
		fail(fmt.Errorf("no benchmark line with engine=NAME in the input"))
	}
	write(os.Stdout, t.rows)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "peertable:", err)
	os.Exit(1)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// duration prints nanoseconds with a unit that keeps three figures.
func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.3g ns", ns)
}

func write(w io.Writer, rows []*row) {
	fmt.Fprintf(w, "%-32s", "benchmark (median of runs)")
	for _, e := range engines {
		fmt.Fprintf(w, " %24s", e)
	}
	for _, e := range engines[1:] {
		fmt.Fprintf(w, " %11s", e+"/ours")
	}
	fmt.Fprintln(w)
	missed := 0
	for _, r := range rows {
		ours := r.engines["ours"]
		runs := 0
		if ours != nil {
			runs = len(ours.ns)
		}
		fmt.Fprintf(w, "%-32s", fmt.Sprintf("%s (%d)", r.name, runs))
		for _, e := range engines {
			s := r.engines[e]
			if s == nil {
				fmt.Fprintf(w, " %24s", "-")
				continue
			}
			fmt.Fprintf(w, " %24s", fmt.Sprintf("%s, %.0f allocs", duration(median(s.ns)), median(s.allocs)))
		}
		for _, e := range engines[1:] {
			s := r.engines[e]
			if s == nil || ours == nil {
				fmt.Fprintf(w, " %11s", "-")
				continue
			}
			ratio := median(s.ns) / median(ours.ns)
			mark := ""
			if strings.HasPrefix(r.name, "Subject/") {
				mark = " ok"
				if ratio < targets[e] {
					mark = " LOW"
					missed++
				}
			}
			fmt.Fprintf(w, " %11s", fmt.Sprintf("%.1f×%s", ratio, mark))
		}
		fmt.Fprintln(w)
		if ours != nil && len(ours.perSubject) > 0 {
			fmt.Fprintf(w, "%-32s", "  per subject")
			for _, e := range engines {
				if s := r.engines[e]; s != nil {
					fmt.Fprintf(w, " %24s", duration(median(s.perSubject)))
				}
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "\nissue 11 targets on each subject kind: expr/ours ≥ %.0f×, opa/ours ≥ %.0f×", targets["expr"], targets["opa"])
	if missed > 0 {
		fmt.Fprintf(w, "; %d ratios below target (LOW)\n", missed)
	} else {
		fmt.Fprintln(w, "; all met")
	}
}
