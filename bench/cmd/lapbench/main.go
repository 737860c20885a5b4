package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/birgemiz/sabaqtastyq/planning/assign"
)

// maxEntries bounds the matrix a file may declare (about 4,000²), so that a
// corrupt header cannot ask for terabytes.
const maxEntries = 1 << 24

type result struct {
	File    string  `json:"file"`
	Rows    int     `json:"rows"`
	Cols    int     `json:"cols"`
	Pairs   int     `json:"pairs"`
	Cost    float64 `json:"cost"`
	Seconds float64 `json:"seconds"`
}

func main() {
	repeat := flag.Int("repeat", 3, "runs per matrix; the fastest is reported")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: lapbench [-repeat N] FILE…")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *repeat < 1 {
		flag.Usage()
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, name := range flag.Args() {
		r, err := run(name, *repeat)
		if err != nil {
			fmt.Fprintf(os.Stderr, "lapbench: %s: %v\n", name, err)
			os.Exit(1)
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, "lapbench:", err)
			os.Exit(1)
		}
	}
}

func run(name string, repeat int) (result, error) {
	m, err := readMatrix(name)
	if err != nil {
		return result{}, err
	}
	best := math.Inf(1)
	var res assign.Result
	for range repeat {
		start := time.Now()
		res, err = assign.Solve(m)
		elapsed := time.Since(start).Seconds()
		if err != nil {
			return result{}, err
		}
		best = min(best, elapsed)
	}
	return result{File: name, Rows: m.Rows, Cols: m.Cols, Pairs: res.Pairs, Cost: res.Cost, Seconds: best}, nil
}

func readMatrix(name string) (assign.Matrix, error) {
	f, err := os.Open(name)
	if err != nil {
		return assign.Matrix{}, err
	}
	defer f.Close()
	var shape [2]int64
	if err := binary.Read(f, binary.LittleEndian, &shape); err != nil {
		return assign.Matrix{}, fmt.Errorf("reading the shape: %w", err)
	}
	rows, cols := shape[0], shape[1]
	if rows < 0 || cols < 0 || (cols > 0 && rows > maxEntries/cols) {
		return assign.Matrix{}, fmt.Errorf("bad shape %d×%d", rows, cols)
	}
	m := assign.NewMatrix(int(rows), int(cols))
	if err := binary.Read(f, binary.LittleEndian, m.Cost); err != nil {
		return assign.Matrix{}, fmt.Errorf("reading %d×%d costs: %w", rows, cols, err)
	}
	if _, err := f.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		return assign.Matrix{}, errors.New("data after the matrix")
	}
	return m, nil
}
