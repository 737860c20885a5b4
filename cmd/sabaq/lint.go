package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/celmsg"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func newLint(e *env) *cobra.Command {
	var verbose bool
	var format string
	c := &cobra.Command{
		Use:   "lint",
		Short: e.l(diag.Text{KK: "саясат файлдарын құрастырып, әр қатені көрсету", RU: "скомпилировать файлы политик и показать каждую ошибку", EN: "compile policy files and report every problem"}),
		Long: e.l(diag.Text{
			KK: `Әр саясат файлын құрастырады (бума — ондағы *_test.yaml-дан басқа барлық *.yaml)
және әр қатені файл:жол:баған: хабар түрінде, қате жолымен және оны нұсқайтын
белгімен көрсетеді. Қолданылмаған параметрлер мен айнымалылар — ескерту.
-v әр ереже мен бағаны шешетін есептеуішті (native не cel) және себебін
көрсетеді. -o json — әр файлдың нәтижесі, -o sarif — кодты тексеру жүйелеріне
арналған SARIF 2.1.0. Шығу коды: 0 — бәрі құрастырылды (ескерту болса да),
2 — жолда саясат жоқ, 3 — саясат құрастырылмады.`,
			RU: `Компилирует каждый файл политики (папка — все *.yaml в ней, кроме наборов
*_test.yaml) и показывает каждую ошибку как файл:строка:столбец: сообщение,
со строкой и значком под местом ошибки. Неиспользуемые параметры и переменные —
предупреждения. С -v для каждого правила и оценки указан вычислитель (native
или cel) и почему. -o json — результат по каждому файлу, -o sarif — SARIF
2.1.0 для систем проверки кода. Код выхода: 0 — всё компилируется (с
предупреждениями или без), 2 — в пути нет политик, 3 — политика не компилируется.`,
			EN: `Compiles each policy file (a directory means every *.yaml in it except the
*_test.yaml suites) and prints every problem as file:line:col: message with
the offending line and a caret. Unused parameters and variables are warnings.
With -v, each rule and score follows with the evaluator that decides it
(native or cel) and, for one that is not native, why. -o json prints each
file's result, -o sarif SARIF 2.1.0 for code scanning. Exit status 0 when
every policy compiles (warnings allowed), 2 when a path holds no policy, 3
when a policy does not compile.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilesPH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) > 0, "args.some_files"); err != nil {
				return err
			}
			return e.lint(c, args, format, verbose)
		},
	}
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, e.l(diag.Text{
		KK: "әр ереженің есептеуішін және неге native емес екенін көрсету",
		RU: "показать вычислитель каждого правила и почему он не native",
		EN: "list each rule's evaluator, and why one is not native"}))
	e.formatFlag(c, &format, "text", "json", "sarif")
	e.sizeFlag(c, e.policyCap())
	return c
}

func (e *env) lint(c *cobra.Command, paths []string, formatFlag string, verbose bool) error {
	format, out, err := e.output(c, formatFlag, "text", "json", "sarif")
	if err != nil {
		return err
	}
	files, err := policyFiles(paths)
	if err != nil {
		return err
	}
	var results []wire.Lint
	var policies []*rules.Policy
	failed := 0
	for _, f := range files {
		pol, err := e.loadPolicyFile(f)
		l, lerr := wire.LintOf(f, pol, err, e.lang)
		if lerr != nil {
			return lerr
		}
		var pe *rules.PolicyError
		if errors.As(err, &pe) {
			failed++
			// The problems in the catalog's words, CEL's included.
			l.Problems = orEmpty(wire.Problems(celmsg.Rewrite(pe.Problems), e.lang))
			if format == "text" {
				e.writeProblems(e.stderr, celmsg.Rewrite(pe.Problems), "")
				e.writeProblems(e.stderr, pe.Warnings, e.t("warning"))
			}
		} else if format == "text" {
			e.writeProblems(e.stderr, pol.Warnings(), e.t("warning"))
		}
		results = append(results, l)
		policies = append(policies, pol)
	}
	err = e.write(out, func(w io.Writer) error {
		switch format {
		case "json":
			return wire.Encode(w, struct {
				Valid    bool        `json:"valid"`
				Policies []wire.Lint `json:"policies"`
			}{failed == 0, results})
		case "sarif":
			return wire.Encode(w, e.lintSARIF(files, policies))
		}
		for i, l := range results {
			if !l.Valid {
				continue
			}
			fmt.Fprintln(w, e.t("lint.ok", l.File, l.Name, l.Version, e.count(l.RuleCount, "n.rules")))
			if verbose {
				writeEvaluators(w, policies[i])
			}
		}
		if failed > 0 {
			fmt.Fprintln(w, e.t("lint.failed", failed, e.count(len(files), "n.policies_of")))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return &errReported{err: rules.ErrPolicy}
	}
	return nil
}

func orEmpty(p []wire.Problem) []wire.Problem {
	if p == nil {
		return []wire.Problem{}
	}
	return p
}

// writeEvaluators lists which evaluator decides each rule and score.
func writeEvaluators(w io.Writer, pol *rules.Policy) {
	line := func(id string, ev rules.Evaluator, reason string) {
		if reason != "" {
			reason = ": " + reason
		}
		fmt.Fprintf(w, "    %-32s %s%s\n", id, ev, reason)
	}
	for _, r := range pol.Rules() {
		line(r.ID, r.Evaluator, r.Reason)
	}
	for _, s := range pol.ScoreList() {
		line("score "+s.ID, s.Evaluator, s.Reason)
	}
}

func init() {
	words(map[string]diag.Text{
		"warning": {KK: "ескерту: ", RU: "предупреждение: ", EN: "warning: "},
		"lint.ok": {
			KK: "дұрыс  {0}  ({1} {2}, {3})",
			RU: "в порядке  {0}  ({1} {2}, {3})",
			EN: "ok  {0}  ({1} {2}, {3})",
		},
		"lint.failed": {
			KK: "{1} ішінен {0} құрастырылмады",
			RU: "не компилируется: {0} из {1}",
			EN: "{0} of {1} did not compile",
		},
	})
}
