package main

import (
	"context"
	"fmt"
	"io"
	"regexp"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

func init() {
	register(command{name: "test", summary: "run the YAML test suites of policies", run: runTest})
}

func runTest(e *env, args []string) error {
	fs := newFlags(e, "test", "[flags] [PATH…]",
		`Runs the policy test suites (*_test.yaml) in the given files and directories
(default: the current directory, searched recursively). The suite format is
described in package rules/rulestest and in the README. A suite reads its
fixture files and its policy only from its own folder. Exit status 0 when
every case passes, 1 when a case fails (or coverage is below --min-coverage),
2 when a suite cannot be read or a path holds no suite, 3 when a policy does
not compile.`)
	langFlag(fs, e)
	runRE := fs.String("run", "", "run only the cases whose name (or SUITE/CASE) matches this regular expression")
	format := fs.String("format", "text", "output: text, json or junit")
	coverage := fs.Bool("coverage", false, "report, for each rule, whether the suites made it pass and fail")
	minCoverage := fs.Float64("min-coverage", 0, "fail unless this percentage of rules both passed and failed (implies --coverage)")
	verbose := fs.Bool("v", false, "list every case, not only failures")
	sizeFlag(fs, e, suiteCap+", "+policyCap)
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
	opts := rulestest.Options{MaxFileSize: e.maxFile}
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
		err = writeJSON(e.stdout, testJSON(res, withCoverage, e.lang))
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

// testOutput is `sabaq test --format json`. Cases are rulestest's, except
// that a broken case's problems carry no snippet, no message arguments and
// no neighbouring values: the position, the field path, the code and the
// message in --lang (CONTRACT: no snippet and no personal data in JSON).
type testOutput struct {
	OK       bool                       `json:"ok"`
	Counts   map[rulestest.Status]int   `json:"counts"`
	Suites   []testSuiteJSON            `json:"suites"`
	Coverage []rulestest.PolicyCoverage `json:"coverage,omitempty"`
	Percent  *float64                   `json:"coverage_percent,omitempty"`
}

type testSuiteJSON struct {
	Path   string         `json:"path"`
	Name   string         `json:"name"`
	Policy string         `json:"policy"`
	Cases  []testCaseJSON `json:"cases"`
}

type testCaseJSON struct {
	Suite      string               `json:"suite"`
	Case       string               `json:"case"`
	Pos        diag.Pos             `json:"pos"`
	Status     rulestest.Status     `json:"status"`
	Skip       string               `json:"skip,omitempty"`
	Missing    []rulestest.Expected `json:"missing,omitempty"`
	Unexpected []rules.Finding      `json:"unexpected,omitempty"`
	Present    []rules.Finding      `json:"present,omitempty"`
	Got        []rules.Finding      `json:"got,omitempty"`
	Problems   []jsonProblem        `json:"problems,omitempty"`
	Error      string               `json:"error,omitempty"`
}

func testJSON(res *rulestest.Result, coverage bool, lang diag.Lang) testOutput {
	out := testOutput{OK: res.OK(), Counts: res.Counts(), Suites: []testSuiteJSON{}}
	for _, s := range res.Suites {
		js := testSuiteJSON{Path: s.Path, Name: s.Name, Policy: s.Policy, Cases: []testCaseJSON{}}
		for _, c := range s.Cases {
			jc := testCaseJSON{Suite: c.Suite, Case: c.Case, Pos: c.Pos, Status: c.Status, Skip: c.Skip,
				Missing: c.Missing, Unexpected: c.Unexpected, Present: c.Present, Got: c.Got,
				Problems: jsonProblems(c.Problems, lang)}
			if c.Err != nil {
				jc.Error = c.Err.Error()
			}
			js.Cases = append(js.Cases, jc)
		}
		out.Suites = append(out.Suites, js)
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
