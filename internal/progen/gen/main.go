// Command gen writes a large programme file: go run ./internal/progen/gen -n 100000 -o p.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/birgemiz/sabaqtastyq/internal/progen"
)

func main() {
	n := flag.Int("n", 100_000, "volunteers")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := progen.Write(w, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
