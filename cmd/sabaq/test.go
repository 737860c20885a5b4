package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

func newTest(e *env) *cobra.Command {
	var runRE, format, coverage string
	var minCoverage float64
	var verbose bool
	c := &cobra.Command{
		Use:   "test",
		Short: e.l(diag.Text{KK: "саясаттардың YAML тест жинақтарын орындау", RU: "запустить наборы тестов политик (YAML)", EN: "run the YAML test suites of policies"}),
		Long: e.l(diag.Text{
			KK: `Берілген файлдар мен бумалардағы саясат тест жинақтарын (*_test.yaml) орындайды
(әдепкісі — ағымдағы бума, ішкі бумаларымен). Жинақ пішімі rules/rulestest
пакетінде және README файлында сипатталған. Жинақ fixture файлдарын және
саясатын тек өз бумасынан оқиды. --coverage әр ереженің өткенін де, өтпегенін
де көрсетеді: тексерілетін саясаттың өз ережелерін, --coverage=all —
мұраланғандарын да. Шығу коды: 0 — барлық жағдай өтті, 1 — жағдай өтпеді не
қамту --min-coverage мәнінен төмен, 2 — жинақ оқылмады не жолда жинақ жоқ,
3 — саясат құрастырылмады.`,
			RU: `Запускает наборы тестов политик (*_test.yaml) в указанных файлах и папках
(по умолчанию — текущая папка, с вложенными). Формат набора описан в пакете
rules/rulestest и в README. Набор читает файлы fixture и политику только из
своей папки. --coverage показывает, выполнялось ли и нарушалось ли каждое
правило: собственные правила проверяемой политики, --coverage=all — и
унаследованные. Код выхода: 0 — все случаи прошли, 1 — случай не прошёл или
покрытие ниже --min-coverage, 2 — набор не читается или в пути нет наборов,
3 — политика не компилируется.`,
			EN: `Runs the policy test suites (*_test.yaml) in the given files and directories
(default: the current directory, searched recursively). The suite format is
described in package rules/rulestest and in the README. A suite reads its
fixture files and its policy only from its own folder. --coverage reports,
for each rule of the tested policy, whether the suites made it pass and
fail; --coverage=all counts the rules it inherits too. Exit status 0 when
every case passes, 1 when a case fails (or coverage is below
--min-coverage), 2 when a suite cannot be read or a path holds no suite, 3
when a policy does not compile.`,
		}),
		Annotations: map[string]string{"args": e.l(textPathsPH)},
		RunE: func(c *cobra.Command, args []string) error {
			return e.test(c, args, runRE, format, coverage, minCoverage, verbose)
		},
	}
	c.Flags().StringVar(&runRE, "run", "", e.l(diag.Text{
		KK: "тек атауы (не ЖИНАҚ/ЖАҒДАЙ) осы тұрақты өрнекке сай жағдайларды орындау",
		RU: "запускать только случаи, имя которых (или НАБОР/СЛУЧАЙ) подходит под это регулярное выражение",
		EN: "run only the cases whose name (or SUITE/CASE) matches this regular expression"}))
	e.placeholder(c.Flags().Lookup("run"), textRegexpPH)
	e.formatFlag(c, &format, "text", "json", "junit", "sarif")
	c.Flags().StringVar(&coverage, "coverage", "", e.l(diag.Text{
		KK: "әр ереже өтті ме, өтпеді ме — көрсету: own (саясаттың өз ережелері) не all (мұраланғандары да)",
		RU: "показать для каждого правила, выполнялось ли и нарушалось ли оно: own (свои правила политики) или all (и унаследованные)",
		EN: "report, for each rule, whether the suites made it pass and fail: own (the policy's own rules) or all (inherited ones too)"}))
	c.Flags().Lookup("coverage").NoOptDefVal = "own"
	e.placeholder(c.Flags().Lookup("coverage"), diag.Text{KK: "own|all", RU: "own|all", EN: "own|all"})
	_ = c.RegisterFlagCompletionFunc("coverage", fixed("own", "all"))
	c.Flags().Float64Var(&minCoverage, "min-coverage", 0, e.l(diag.Text{
		KK: "ережелердің осынша пайызы өтпесе де, өтсе де тексерілмесе — сәтсіздік (--coverage қосылады)",
		RU: "провал, если меньше этого процента правил и выполнялись, и нарушались (включает --coverage)",
		EN: "fail unless this percentage of rules both passed and failed (implies --coverage)"}))
	e.placeholder(c.Flags().Lookup("min-coverage"), textNPH)
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, e.l(diag.Text{
		KK: "тек өтпегендерін емес, барлық жағдайды көрсету",
		RU: "показывать все случаи, а не только проваленные",
		EN: "list every case, not only failures"}))
	e.sizeFlag(c, e.suiteCap()+", "+e.policyCap())
	return c
}

func (e *env) test(c *cobra.Command, paths []string, runRE, formatFlag, coverage string, minCoverage float64, verbose bool) error {
	format, out, err := e.output(c, formatFlag, "text", "json", "junit", "sarif")
	if err != nil {
		return err
	}
	if minCoverage < 0 || minCoverage > 100 {
		return e.usage("percent.bad", "--min-coverage")
	}
	switch coverage {
	case "", "own", "all":
	default:
		return e.notFound(wire.CodeBadRequest, "flag.choice", coverage, []string{"own", "all"}, "--coverage", e.list([]string{"own", "all"}))
	}
	if coverage == "" && minCoverage > 0 {
		coverage = "own"
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := rulestest.Options{MaxFileSize: e.maxFile}
	if runRE != "" {
		re, err := regexp.Compile(runRE)
		if err != nil {
			return e.usage("regexp.bad", err)
		}
		opts.Run = re
	}
	prog := e.progress()
	opts.Progress = func(suite, name string, done, total int) {
		prog.show(fmt.Sprintf("[%d/%d] %s: %s", done+1, total, suite, name))
	}
	res, runErr := rulestest.RunFiles(context.Background(), paths, opts)
	prog.done()
	if res == nil || (runErr != nil && len(res.Suites) == 0) {
		return runErr
	}
	all := coverage == "all"
	low := coverage != "" && minCoverage > 0 && res.CoveragePercentOf(all) < minCoverage
	err = e.write(out, func(w io.Writer) error {
		switch format {
		case "json":
			return wire.Encode(w, e.testJSON(res, coverage))
		case "junit":
			return writeJUnit(w, e.testSuites(res))
		case "sarif":
			return wire.Encode(w, e.testSARIF(res))
		}
		e.writeTestText(w, res, verbose, coverage, minCoverage, low)
		return nil
	})
	if err != nil {
		return err
	}
	if runErr != nil {
		return runErr
	}
	if !res.OK() || low {
		return errFindings
	}
	return nil
}

// caseDiff explains a failed or broken case: expected findings that are
// missing (-), findings that were not expected or are forbidden (+), and
// every finding the evaluation reported.
func (e *env) caseDiff(r rulestest.CaseResult) string {
	var b []byte
	line := func(format string, args ...any) { b = fmt.Appendf(b, format, args...) }
	for _, p := range e.problems(r.Problems) {
		line("  %s\n", p.Localize(e.lang))
	}
	if r.Err != nil && len(r.Problems) == 0 {
		line("  %s\n", e.t("failed", r.Err.Error()))
	}
	for _, m := range r.Missing {
		line("  - %s %s\n", e.t("test.missing"), m)
	}
	for _, f := range r.Unexpected {
		line("  + %s %s %s (%s): %s\n", e.t("test.unexpected"), f.Rule, f.Subject, e.severityWord(f.Severity), f.Message)
	}
	for _, f := range r.Present {
		line("  + %s %s %s (%s): %s\n", e.t("test.forbidden"), f.Rule, f.Subject, e.severityWord(f.Severity), f.Message)
	}
	if r.Status == rulestest.Fail {
		if len(r.Got) == 0 {
			line("  %s\n", e.t("test.got_none"))
		} else {
			line("  %s\n", e.t("test.got"))
			for _, f := range r.Got {
				line("    %s %s (%s)\n", f.Rule, f.Subject, e.severityWord(f.Severity))
			}
		}
	}
	return string(b)
}

func (e *env) writeTestText(w io.Writer, res *rulestest.Result, verbose bool, coverage string, minCoverage float64, low bool) {
	c := e.colours(w)
	for _, s := range res.Suites {
		for _, r := range s.Cases {
			switch r.Status {
			case rulestest.Fail, rulestest.Broken:
				fmt.Fprintf(w, "%s %s: %s (%s)\n%s", c.red(e.t("test.fail")), s.Name, r.Case, r.Pos, e.caseDiff(r))
			case rulestest.Skipped:
				if verbose {
					fmt.Fprintf(w, "%s %s: %s (%s)\n", c.yellow(e.t("test.skip")), s.Name, r.Case, r.Skip)
				}
			default:
				if verbose {
					fmt.Fprintf(w, "%s %s: %s\n", c.green(e.t("test.ok")), s.Name, r.Case)
				}
			}
		}
	}
	all := coverage == "all"
	if coverage != "" {
		e.writeCoverage(w, c, res, all)
	}
	n := res.Counts()
	ok := res.OK() && !low
	verdict := c.green(e.t("test.verdict_pass"))
	if !ok {
		verdict = c.red(e.t("test.verdict_fail"))
	}
	line := e.t("test.summary", verdict, n[rulestest.Pass], n[rulestest.Fail]+n[rulestest.Broken])
	if n[rulestest.Skipped] > 0 {
		line += e.t("test.skipped", n[rulestest.Skipped])
	}
	line += e.t("test.in", e.count(len(res.Suites), "n.suites"))
	if coverage != "" {
		line += e.t("test.coverage", percent(res.CoveragePercentOf(all)))
		if low {
			line += e.t("test.below", percent(minCoverage))
		}
	}
	fmt.Fprintln(w, line)
}

func percent(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) + "%" }

func (e *env) writeCoverage(w io.Writer, c colours, res *rulestest.Result, all bool) {
	for _, pc := range res.Coverage() {
		if !all {
			pc = pc.Own()
		}
		fmt.Fprintln(w, e.t("coverage.head", pc.Policy, pc.Covered(), e.count(len(pc.Rules), "n.rules"), percent(pc.Percent())))
		if len(pc.Rules) == 0 {
			fmt.Fprintln(w, "  "+e.t("coverage.none"))
		}
		for _, r := range pc.Rules {
			mark := c.green("✓")
			if !r.Covered() {
				mark = c.red("✗")
			}
			fmt.Fprintf(w, "  %s %-32s %s %-4s %s %s\n", mark, r.Rule, e.t("coverage.pass"), e.yesNo(r.Passed), e.t("coverage.fail"), e.yesNo(r.Failed))
		}
	}
}

func (e *env) yesNo(b bool) string {
	if b {
		return e.t("yes")
	}
	return e.t("no")
}

// testOutput is `sabaq test --format json`. Cases are rulestest's, except
// that a broken case's problems carry no snippet and no neighbouring
// values: the position, the field path, the code and the message in the
// run's language (CONTRACT: no snippet and no personal data in JSON).
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
	Problems   []wire.Problem       `json:"problems,omitempty"`
	Error      string               `json:"error,omitempty"`
}

func (e *env) testJSON(res *rulestest.Result, coverage string) testOutput {
	out := testOutput{OK: res.OK(), Counts: res.Counts(), Suites: []testSuiteJSON{}}
	for _, s := range res.Suites {
		js := testSuiteJSON{Path: s.Path, Name: s.Name, Policy: s.Policy, Cases: []testCaseJSON{}}
		for _, c := range s.Cases {
			jc := testCaseJSON{Suite: c.Suite, Case: c.Case, Pos: c.Pos, Status: c.Status, Skip: c.Skip,
				Missing: c.Missing, Unexpected: c.Unexpected, Present: c.Present, Got: c.Got,
				Problems: wire.Problems(e.problems(c.Problems), e.lang)}
			if c.Err != nil {
				jc.Error = c.Err.Error()
			}
			js.Cases = append(js.Cases, jc)
		}
		out.Suites = append(out.Suites, js)
	}
	if coverage != "" {
		all := coverage == "all"
		for _, pc := range res.Coverage() {
			if !all {
				pc = pc.Own()
			}
			out.Coverage = append(out.Coverage, pc)
		}
		p := res.CoveragePercentOf(all)
		out.Percent = &p
	}
	return out
}

// testSuites is a JUnit suite per YAML suite, a test case per case.
func (e *env) testSuites(res *rulestest.Result) junitSuites {
	out := junitSuites{Name: "sabaq test"}
	for _, s := range res.Suites {
		js := junitSuite{Name: s.Name, Properties: properties("policy", s.Policy, "file", s.Path)}
		for _, r := range s.Cases {
			c := junitCase{Name: r.Case, Classname: s.Name}
			switch r.Status {
			case rulestest.Fail:
				c.Failure = &junitProblem{Message: e.t("test.junit_fail"), Type: "findings", Text: r.Pos.String() + "\n" + e.caseDiff(r)}
			case rulestest.Broken:
				c.Error = &junitProblem{Message: e.t("test.junit_error"), Type: "input", Text: r.Pos.String() + "\n" + e.caseDiff(r)}
			case rulestest.Skipped:
				c.Skipped = &junitSkipped{Message: r.Skip}
			}
			js.add(c)
		}
		out.Suites = append(out.Suites, js)
	}
	return out
}

// testSARIF reports each failed or broken case as a result at the case's
// line: code scanning shows it on the suite file.
func (e *env) testSARIF(res *rulestest.Result) sarifLog {
	log, run := e.newSARIF()
	for _, s := range res.Suites {
		for _, r := range s.Cases {
			switch r.Status {
			case rulestest.Fail:
				p := &diag.Error{Pos: r.Pos, Code: "suite.case_failed", Text: &diag.Text{}}
				text := e.t("test.sarif_fail", r.Case) + "\n" + e.caseDiff(r)
				*p.Text = diag.Text{KK: text, RU: text, EN: text}
				e.addProblem(run, p, "error", s.Path)
			case rulestest.Broken:
				for _, p := range e.problems(r.Problems) {
					e.addProblem(run, p, "error", s.Path)
				}
				if len(r.Problems) == 0 {
					p := &diag.Error{Pos: r.Pos, Code: "suite.case_error", Text: &diag.Text{}}
					text := e.t("test.junit_error") + "\n" + e.caseDiff(r)
					*p.Text = diag.Text{KK: text, RU: text, EN: text}
					e.addProblem(run, p, "error", s.Path)
				}
			}
		}
	}
	return log
}

func init() {
	words(map[string]diag.Text{
		"test.fail":         {KK: "ӨТПЕДІ", RU: "ПРОВАЛ", EN: "FAIL"},
		"test.skip":         {KK: "ӨТКІЗІЛДІ", RU: "ПРОПУСК", EN: "SKIP"},
		"test.ok":           {KK: "дұрыс", RU: "успех", EN: "ok  "},
		"test.verdict_pass": {KK: "ӨТТІ", RU: "УСПЕХ", EN: "PASS"},
		"test.verdict_fail": {KK: "ӨТПЕДІ", RU: "ПРОВАЛ", EN: "FAIL"},
		"test.missing":      {KK: "жоқ:       ", RU: "нет:          ", EN: "missing:   "},
		"test.unexpected":   {KK: "күтілмеген:", RU: "неожиданное: ", EN: "unexpected:"},
		"test.forbidden":    {KK: "тыйылған:  ", RU: "запрещённое: ", EN: "forbidden: "},
		"test.got_none":     {KK: "ескертпе шықпады", RU: "замечаний не получено", EN: "got no findings"},
		"test.got":          {KK: "шыққан ескертпелер:", RU: "получены замечания:", EN: "got:"},
		"test.summary": {
			KK: "{0}: {1} өтті, {2} өтпеді",
			RU: "{0}: прошло {1}, не прошло {2}",
			EN: "{0}: {1} passed, {2} failed",
		},
		"test.skipped": {KK: ", {0} өткізілді", RU: ", пропущено {0}", EN: ", {0} skipped"},
		"test.in":      {KK: " ({0})", RU: " в {0}", EN: " in {0}"},
		"test.coverage": {
			KK: "; қамту {0}",
			RU: "; покрытие {0}",
			EN: "; coverage {0}",
		},
		"test.below": {
			KK: ", ал --min-coverage {0}",
			RU: ", а --min-coverage {0}",
			EN: ", below --min-coverage {0}",
		},
		"test.junit_fail":  {KK: "ескертпелер күтілгеннен өзгеше", RU: "замечания отличаются от ожидаемых", EN: "the findings differ from the expected ones"},
		"test.junit_error": {KK: "жағдайды орындау мүмкін болмады", RU: "случай не удалось выполнить", EN: "the case could not run"},
		"test.sarif_fail":  {KK: "«{0}» жағдайы өтпеді", RU: "случай «{0}» не прошёл", EN: "case \"{0}\" failed"},
		"coverage.head": {
			KK: "{0} саясатын қамту: {2} ішінен {1} ереже өтті де, өтпеді де ({3})",
			RU: "покрытие политики {0}: {1} из {2} и выполнялись, и нарушались ({3})",
			EN: "coverage of policy {0}: {1} of {2} passed and failed ({3})",
		},
		"coverage.none": {
			KK: "саясаттың өз ережесі жоқ; мұраланғандары — --coverage=all",
			RU: "своих правил у политики нет; унаследованные — --coverage=all",
			EN: "the policy has no rules of its own; --coverage=all counts the inherited ones",
		},
		"coverage.pass": {KK: "өтті", RU: "выполнено", EN: "pass"},
		"coverage.fail": {KK: "өтпеді", RU: "нарушено", EN: "fail"},
		"yes":           {KK: "иә", RU: "да", EN: "yes"},
		"no":            {KK: "жоқ", RU: "нет", EN: "no"},
	})
}
