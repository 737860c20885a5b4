package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/birgemiz/sabaqtastyq/rules"
)

func init() {
	register(command{name: "check", summary: "check a programme file against a policy", run: runCheck})
}

func runCheck(e *env, args []string) error {
	fs := newFlags(e, "check", "[flags] FILE",
		`Evaluates the programme FILE (JSON or YAML; "-" reads standard input) with a
policy and prints the findings. Exit status 0 when no rule is denied, 1 when
at least one deny (or error) finding is reported, 2 on a usage or input error,
3 on a policy error.`)
	policy := fs.String("policy", rules.DefaultPolicy, "policy: an embedded name (guide, nastavniki) or a YAML file")
	langFlag(fs, e)
	asOf := fs.String("as-of", "", "evaluate as of this date (YYYY-MM-DD) instead of the file's as_of")
	format := fs.String("format", "text", "output: text, json or junit")
	sizeFlag(fs, e, programmeCap+", "+policyCap)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("check needs exactly one programme file (see sabaq check --help)")
	}
	if err := oneOf("format", *format, "text", "json", "junit"); err != nil {
		return err
	}
	opts, err := evalOptions(e.lang, *asOf)
	if err != nil {
		return err
	}
	if *format == "junit" {
		opts = append(opts, rules.WithOutcomes())
	}

	prog := newProgress(e.stderr)
	prog.show("loading %s…", files[0])
	p, err := loadProgramme(e, files[0])
	if err != nil {
		prog.done()
		return err
	}
	prog.show("compiling policy %s…", *policy)
	pol, err := resolvePolicy(e, *policy)
	if err != nil {
		prog.done()
		return err
	}
	prog.show("evaluating %d rules…", len(pol.Rules()))
	rep, err := pol.Evaluate(context.Background(), p, opts...)
	prog.done()
	if err != nil {
		return err
	}

	switch *format {
	case "json":
		err = writeJSON(e.stdout, rep)
	case "junit":
		err = writeJUnit(e.stdout, checkSuites(pol, rep))
	default:
		writeReport(e.stdout, coloursFor(e.stdout), pol, rep)
	}
	if err != nil {
		return err
	}
	if !rep.Compliant {
		return errFindings
	}
	return nil
}

// writeReport prints the findings grouped by subject, then a summary line.
func writeReport(w io.Writer, c colours, pol *rules.Policy, rep *rules.Report) {
	subjects := 0
	counts := map[rules.Severity]int{}
	for i, f := range rep.Findings {
		if i == 0 || rep.Findings[i-1].Subject != f.Subject {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, c.bold(f.Subject))
			subjects++
		}
		counts[f.Severity]++
		fmt.Fprintf(w, "  %s %s\n", severityLabel(c, f.Severity), f.Rule)
		fmt.Fprintf(w, "       %s\n", f.Message)
		if f.Source != "" {
			fmt.Fprintf(w, "       %s\n", c.dim("source: "+f.Source))
		}
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, summaryLine(c, pol, rep, counts, subjects))
}

func severityLabel(c colours, s rules.Severity) string {
	label := fmt.Sprintf("%-5s", strings.ToUpper(string(s)))
	switch s {
	case rules.Deny, rules.Error:
		return c.red(label)
	case rules.Warn:
		return c.yellow(label)
	}
	return label
}

func summaryLine(c colours, pol *rules.Policy, rep *rules.Report, counts map[rules.Severity]int, subjects int) string {
	verdict := c.green("compliant")
	if !rep.Compliant {
		verdict = c.red("not compliant")
	}
	var parts []string
	for _, s := range []rules.Severity{rules.Deny, rules.Error, rules.Warn} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	found := "no findings"
	if len(rep.Findings) > 0 {
		found = fmt.Sprintf("%d %s (%s) on %d %s", len(rep.Findings), plural(len(rep.Findings), "finding", "findings"),
			strings.Join(parts, ", "), subjects, plural(subjects, "subject", "subjects"))
	}
	return fmt.Sprintf("%s: %s — policy %s %s, %d rules, as of %s", verdict, found,
		pol.Name(), pol.Version(), len(pol.Rules()), rep.AsOf)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
