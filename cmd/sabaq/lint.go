package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func init() {
	register(command{name: "lint", summary: "compile policy files and report every problem", run: runLint})
}

func runLint(e *env, args []string) error {
	fs := newFlags(e, "lint", "[flags] FILE|DIR…",
		`Compiles each policy file (a directory means every *.yaml in it except the
*_test.yaml suites) and prints every problem as file:line:col: message with
the offending line and a caret. Unused parameters and variables are warnings.
With -v, each rule and score follows with the evaluator that decides it
(native or cel) and, for one that is not native, why.
Exit status 0 when every policy compiles (warnings allowed), 2 when a path
holds no policy, 3 when a policy does not compile.`)
	langFlag(fs, e)
	sizeFlag(fs, e, policyCap)
	verbose := fs.Bool("v", false, "list each rule's evaluator, and why one is not native")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("lint needs at least one policy file or directory (see sabaq lint --help)")
	}
	files, err := policyFiles(paths)
	if err != nil {
		return err
	}
	failed := 0
	for _, f := range files {
		pol, err := loadPolicyFile(e, f)
		var pe *rules.PolicyError
		switch {
		case errors.As(err, &pe):
			failed++
			writeProblems(e.stderr, pe.Problems, e.lang, "")
			writeProblems(e.stderr, pe.Warnings, e.lang, warningLabel(e.lang))
		case err != nil:
			return err
		default:
			writeProblems(e.stderr, policyWarnings(pol, f), e.lang, warningLabel(e.lang))
			fmt.Fprintf(e.stdout, "ok  %s  (%s %s, %d rules)\n", f, pol.Name(), pol.Version(), len(pol.Rules()))
			if *verbose {
				writeEvaluators(e, pol)
			}
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stdout, "%d of %d %s did not compile\n", failed, len(files), plural(len(files), "policy", "policies"))
		return fmt.Errorf("%w: %w", rules.ErrPolicy, errReported)
	}
	return nil
}

// writeEvaluators lists which evaluator decides each rule and score.
func writeEvaluators(e *env, pol *rules.Policy) {
	line := func(id string, ev rules.Evaluator, reason string) {
		if reason != "" {
			reason = ": " + reason
		}
		fmt.Fprintf(e.stdout, "    %-32s %s%s\n", id, ev, reason)
	}
	for _, r := range pol.Rules() {
		line(r.ID, r.Evaluator, r.Reason)
	}
	for _, s := range pol.ScoreList() {
		line("score "+s.ID, s.Evaluator, s.Reason)
	}
}

func warningLabel(l diag.Lang) string {
	return diag.Text{KK: "ескерту: ", RU: "предупреждение: ", EN: "warning: "}.In(l)
}

func isPolicyFile(name string) bool {
	ext := filepath.Ext(name)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	return !strings.HasSuffix(strings.TrimSuffix(name, ext), "_test")
}
