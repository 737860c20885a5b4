// Command genprog writes a generated mentoring programme of N volunteers
// (see package gen): the input of bench/load.sh and of anyone who wants a
// big programme to try sabaq on.
//
// Usage:
//
//	genprog [-n 100000] [-seed 1] [-violations 0] [-o FILE]
//
// The notation follows the output file's extension: .json (the default,
// and the notation on stdout) or .yaml/.yml. With -violations 0 the guide
// policy finds nothing in the programme; 0.05 gives five subjects in a
// hundred one breach of a guide rule. Keep -n a multiple of 8: otherwise the
// last group session is smaller than the guide recommends.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

func main() {
	var c gen.Config
	flag.IntVar(&c.Volunteers, "n", 100_000, "volunteers")
	flag.Uint64Var(&c.Seed, "seed", 1, "random seed")
	flag.Float64Var(&c.Violations, "violations", 0, "share of subjects given one breach of a guide rule, 0 to 1")
	out := flag.String("o", "", "output file (.json, .yaml or .yml); stdout (JSON) if empty")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: genprog [-n N] [-seed S] [-violations R] [-o FILE]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genprog:", err)
		os.Exit(1)
	}
}

func run(c gen.Config, out string) error {
	write := gen.WriteJSON
	switch ext := strings.ToLower(filepath.Ext(out)); ext {
	case ".yaml", ".yml":
		write = gen.WriteYAML
	case "", ".json":
	default:
		return fmt.Errorf("%s: want a .json, .yaml or .yml file", out)
	}
	p, err := gen.Programme(c)
	if err != nil {
		return err
	}
	if out == "" {
		return write(os.Stdout, p)
	}
	return writeFile(out, p, write)
}

func writeFile(path string, p *mentoring.Programme, write func(io.Writer, *mentoring.Programme) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f, p); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
