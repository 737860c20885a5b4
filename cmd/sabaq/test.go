package main

import (
	"context"
	"fmt"
	"io"
	"regexp"

	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

func init() {
	register(command{name: "test", summary: "run the YAML test suites of policies", run: runTest})
}

func runTest(e *env, args []string) error {
	fs := newFlags(e, "test", "[flags] [PATH…]",
		`Runs the policy test suites (*_test.yaml) in the given files and directories
(default: the current directory, searched recursively). The suite format is
described in package rules/rulestest and in the README. Exit status 0 when
every case passes, 1 when a case fails (or coverage is below --min-coverage),
2 when a suite cannot be read, 3 when a policy does not compile.`)
	langFlag(fs, e)
	runRE := fs.String("run", "", "run only the cases whose name (or SUITE/CASE) matches this regular expression")
	format := fs.String("format", "text", "output: text, json or junit")
	coverage := fs.Bool("coverage", false, "report, for each rule, whether the suites made it pass and fail")
	minCoverage := fs.Float64("min-coverage", 0, "fail unless this percentage of rules both passed and failed (implies --coverage)")
	verbose := fs.Bool("v", false, "list every case, not only failures")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json", "junit"); err != nil {
		return err
	}
	if *minCoverage < 0 || *minCoverage > 100 {
		return usagef("--min-coverage is a percentage, 0 to 100")
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := rulestest.Options{}
	if *runRE != "" {
		re, err := regexp.Compile(*runRE)
		if err != nil {
			return usagef("--run: %v", err)
		}
		opts.Run = re
	}
	prog := newProgress(e.stderr)
	opts.Progress = func(suite, name string, done, total int) {
		prog.show("[%d/%d] %s: %s", done+1, total, suite, name)
	}
	res, runErr := rulestest.RunFiles(context.Background(), paths, opts)
	prog.done()
	if res == nil || (runErr != nil && len(res.Suites) == 0) {
		return runErr
	}
	withCoverage := *coverage || *minCoverage > 0
	switch *format {
	case "json":
		err = writeJSON(e.stdout, testJSON(res, withCoverage))
	case "junit":
		err = writeJUnit(e.stdout, testSuites(res))
	default:
		writeTestText(e.stdout, coloursFor(e.stdout), res, *verbose, withCoverage)
	}
	if err != nil {
		return err
	}
	if runErr != nil {
		return runErr
	}
	if !res.OK() {
		return errFindings
	}
	if *minCoverage > 0 && res.CoveragePercent() < *minCoverage {
		fmt.Fprintf(e.stderr, "sabaq: coverage %.1f%% is below --min-coverage %.1f%%\n", res.CoveragePercent(), *minCoverage)
		return errFindings
	}
	return nil
}

func writeTestText(w io.Writer, c colours, res *rulestest.Result, verbose, coverage bool) {
	for _, s := range res.Suites {
		for _, r := range s.Cases {
			switch r.Status {
			case rulestest.Fail, rulestest.Broken:
				fmt.Fprintf(w, "%s %s: %s (%s)\n%s", c.red("FAIL"), s.Name, r.Case, r.Pos, r.Diff())
			case rulestest.Skipped:
				if verbose {
					fmt.Fprintf(w, "%s %s: %s (%s)\n", c.yellow("SKIP"), s.Name, r.Case, r.Skip)
				}
			default:
				if verbose {
					fmt.Fprintf(w, "%s %s: %s\n", c.green("ok  "), s.Name, r.Case)
				}
			}
		}
	}
	if coverage {
		writeCoverage(w, c, res)
	}
	n := res.Counts()
	verdict := c.green("PASS")
	if !res.OK() {
		verdict = c.red("FAIL")
	}
	line := fmt.Sprintf("%s: %d passed, %d failed", verdict, n[rulestest.Pass], n[rulestest.Fail]+n[rulestest.Broken])
	if n[rulestest.Skipped] > 0 {
		line += fmt.Sprintf(", %d skipped", n[rulestest.Skipped])
	}
	line += fmt.Sprintf(" in %d %s", len(res.Suites), plural(len(res.Suites), "suite", "suites"))
	if coverage {
		line += fmt.Sprintf("; coverage %.1f%%", res.CoveragePercent())
	}
	fmt.Fprintln(w, line)
}

func writeCoverage(w io.Writer, c colours, res *rulestest.Result) {
	for _, pc := range res.Coverage() {
		fmt.Fprintf(w, "coverage of policy %s: %d of %d rules passed and failed (%.1f%%)\n",
			pc.Policy, pc.Covered(), len(pc.Rules), pc.Percent())
		for _, r := range pc.Rules {
			mark := c.green("✓")
			if !r.Covered() {
				mark = c.red("✗")
			}
			fmt.Fprintf(w, "  %s %-32s pass %-3s fail %s\n", mark, r.Rule, yesNo(r.Passed), yesNo(r.Failed))
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

type testOutput struct {
	OK       bool                       `json:"ok"`
	Counts   map[rulestest.Status]int   `json:"counts"`
	Suites   []rulestest.SuiteResult    `json:"suites"`
	Coverage []rulestest.PolicyCoverage `json:"coverage,omitempty"`
	Percent  *float64                   `json:"coverage_percent,omitempty"`
}

func testJSON(res *rulestest.Result, coverage bool) testOutput {
	out := testOutput{OK: res.OK(), Counts: res.Counts(), Suites: res.Suites}
	if out.Suites == nil {
		out.Suites = []rulestest.SuiteResult{}
	}
	if coverage {
		out.Coverage = res.Coverage()
		p := res.CoveragePercent()
		out.Percent = &p
	}
	return out
}

// testSuites is a JUnit suite per YAML suite, a test case per case.
func testSuites(res *rulestest.Result) junitSuites {
	out := junitSuites{Name: "sabaq test"}
	for _, s := range res.Suites {
		js := junitSuite{Name: s.Name, Properties: properties("policy", s.Policy, "file", s.Path)}
		for _, r := range s.Cases {
			c := junitCase{Name: r.Case, Classname: s.Name}
			switch r.Status {
			case rulestest.Fail:
				c.Failure = &junitProblem{Message: "the findings differ from the expected ones", Type: "findings", Text: r.Pos.String() + "\n" + r.Diff()}
			case rulestest.Broken:
				c.Error = &junitProblem{Message: "the case could not run", Type: "input", Text: r.Pos.String() + "\n" + r.Diff()}
			case rulestest.Skipped:
				c.Skipped = &junitSkipped{Message: r.Skip}
			}
			js.add(c)
		}
		out.Suites = append(out.Suites, js)
	}
	return out
}
