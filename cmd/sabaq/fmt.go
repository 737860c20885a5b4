package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules/format"
)

func init() {
	register(command{name: "fmt", summary: "lay out policy files the canonical way", run: runFmt})
}

func runFmt(e *env, args []string) error {
	fs := newFlags(e, "fmt", "[-w|-d|-l] FILE…",
		`Formats policy YAML files (a directory means every policy file in it):
canonical key order, two-space indentation, comments kept, long expressions
as folded blocks. Without a flag the formatted text is printed. Exit status
1 with -l or -d when a file is not formatted, 2 when a file cannot be read or
a path holds no policy.`)
	sizeFlag(fs, e, policyCap)
	write := fs.Bool("w", false, "write the result back to each file")
	diff := fs.Bool("d", false, "print a diff of the changes instead of the result")
	list := fs.Bool("l", false, "list the files whose formatting differs")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("fmt needs at least one policy file (see sabaq fmt --help)")
	}
	n := 0
	for _, f := range []bool{*write, *diff, *list} {
		if f {
			n++
		}
	}
	if n > 1 {
		return usagef("-w, -d and -l are exclusive")
	}
	files, err := policyFiles(paths)
	if err != nil {
		return err
	}
	unformatted := false
	for _, file := range files {
		src, err := readFile(e, file, limits.PolicyBytes)
		if err != nil {
			return err
		}
		out, err := format.File(file, src)
		if l := diag.Errors(err); len(l) > 0 {
			return decode.Finish(src, l, nil)
		}
		if err != nil {
			return err
		}
		same := bytes.Equal(src, out)
		switch {
		case *write:
			if !same {
				fi, err := os.Stat(file)
				if err != nil {
					return err
				}
				if err := os.WriteFile(file, out, fi.Mode().Perm()); err != nil {
					return err
				}
			}
		case *list:
			if !same {
				unformatted = true
				fmt.Fprintln(e.stdout, file)
			}
		case *diff:
			if !same {
				unformatted = true
				fmt.Fprint(e.stdout, lineDiff(file, string(src), string(out)))
			}
		default:
			_, err = e.stdout.Write(out)
			if err != nil {
				return err
			}
		}
	}
	if unformatted {
		return errFindings
	}
	return nil
}

// lineDiff is a unified diff of a against b: the smallest edit by longest
// common subsequence, with three lines of context. Policy files are small,
// so the quadratic table is cheap.
func lineDiff(name, a, b string) string {
	x := strings.SplitAfter(a, "\n")
	y := strings.SplitAfter(b, "\n")
	if x[len(x)-1] == "" {
		x = x[:len(x)-1]
	}
	if y[len(y)-1] == "" {
		y = y[:len(y)-1]
	}
	// lcs[i][j] is the LCS length of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte // ' ', '-', '+'
		text string
		ai   int // line in a (1-based) before which the op stands
		bi   int
	}
	var ops []op
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops = append(ops, op{' ', x[i], i, j})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, op{'+', y[j], i, j})
			j++
		default:
			ops = append(ops, op{'-', x[i], i, j})
			i++
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s (formatted)\n", name, name)
	const context = 3
	for k := 0; k < len(ops); {
		if ops[k].kind == ' ' {
			k++
			continue
		}
		start := max(0, k-context)
		end := k
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run-end > 2*context || run == len(ops) {
				end = min(end+context, len(ops))
				break
			}
			end = run
		}
		na, nb := 0, 0
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				na++
			}
			if o.kind != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", ops[start].ai+1, na, ops[start].bi+1, nb)
		for _, o := range ops[start:end] {
			text := o.text
			if !strings.HasSuffix(text, "\n") {
				text += "\n\\ No newline at end of file\n"
			}
			out.WriteString(string(o.kind) + text)
		}
		k = end
	}
	return out.String()
}
