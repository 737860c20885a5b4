package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules/format"
)

func newFmt(e *env) *cobra.Command {
	var write, diff, list bool
	c := &cobra.Command{
		Use:   "fmt",
		Short: e.l(diag.Text{KK: "саясат файлдарын бірізді түрге келтіру", RU: "привести файлы политик к единому виду", EN: "lay out policy files the canonical way"}),
		Long: e.l(diag.Text{
			KK: `Саясаттың YAML файлдарын (бума — ондағы барлық саясат файлдары) бір түрге
келтіреді: кілттердің тұрақты реті, екі бос орындық шегініс, түсініктемелер
сақталады, қолмен бөлінген өрнектер мен мәтіндер авторы бөлгендей қалады.
Жалаушасыз нәтиже шығарылады. Шығу коды: -l не -d кезінде файл реттелмеген
болса 1, файл оқылмаса не жолда саясат жоқ болса 2.`,
			RU: `Приводит YAML-файлы политик (папка — все файлы политик в ней) к единому виду:
постоянный порядок ключей, отступ в два пробела, комментарии сохраняются,
выражения и тексты, разбитые на строки вручную, остаются как их разбил автор.
Без флага выводит результат. Код выхода: 1 с -l или -d, если файл не
отформатирован, 2, если файл не читается или в пути нет политик.`,
			EN: `Formats policy YAML files (a directory means every policy file in it):
canonical key order, two-space indentation, comments kept, expressions and
texts broken by hand kept as their author broke them. Without a flag the
formatted text is printed. Exit status 1 with -l or -d when a file is not
formatted, 2 when a file cannot be read or a path holds no policy.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilesPH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) > 0, "args.some_files"); err != nil {
				return err
			}
			n := 0
			for _, f := range []bool{write, diff, list} {
				if f {
					n++
				}
			}
			if n > 1 {
				return e.usage("exclusive", "-w, -d, -l")
			}
			return e.fmt(args, write, diff, list)
		},
	}
	c.Flags().BoolVarP(&write, "write", "w", false, e.l(diag.Text{KK: "нәтижені файлдың өзіне жазу", RU: "записать результат в сам файл", EN: "write the result back to each file"}))
	c.Flags().BoolVarP(&diff, "diff", "d", false, e.l(diag.Text{KK: "нәтиженің орнына өзгерістерді (unified diff) көрсету", RU: "показать изменения (unified diff) вместо результата", EN: "print a unified diff of the changes instead of the result"}))
	c.Flags().BoolVarP(&list, "list", "l", false, e.l(diag.Text{KK: "пішімі өзгеше файлдардың тізімі", RU: "перечислить файлы, оформленные иначе", EN: "list the files whose formatting differs"}))
	e.sizeFlag(c, e.policyCap())
	return c
}

func (e *env) fmt(paths []string, write, diff, list bool) error {
	files, err := policyFiles(paths)
	if err != nil {
		return err
	}
	unformatted := false
	for _, file := range files {
		src, err := e.readFile(file, limits.PolicyBytes)
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
		case write:
			if !same {
				fi, err := os.Stat(file)
				if err != nil {
					return err
				}
				if err := os.WriteFile(file, out, fi.Mode().Perm()); err != nil {
					return err
				}
			}
		case list:
			if !same {
				unformatted = true
				fmt.Fprintln(e.stdout, file)
			}
		case diff:
			if !same {
				unformatted = true
				fmt.Fprint(e.stdout, lineDiff(file, string(src), string(out)))
			}
		default:
			if _, err := e.stdout.Write(out); err != nil {
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
// common subsequence, with three lines of context, and in each change the
// lines taken out before the lines put in, as diff -u writes them. Policy
// files are small, so the quadratic table is cheap.
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
		ai   int // line in a (0-based) before which the op stands
		bi   int
	}
	var ops []op
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops = append(ops, op{' ', x[i], i, j})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', x[i], i, j})
			i++
		default:
			ops = append(ops, op{'+', y[j], i, j})
			j++
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
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
