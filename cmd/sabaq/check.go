package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

func newCheck(e *env) *cobra.Command {
	var policy, asOf, format string
	c := &cobra.Command{
		Use:   "check",
		Short: e.l(diag.Text{KK: "бағдарламаны саясатпен тексеру", RU: "проверить программу по политике", EN: "check a programme against a policy"}),
		Long: e.l(diag.Text{
			KK: `ФАЙЛ бағдарламасын (JSON, YAML, .xlsx жұмыс кітабы, CSV файлдарының бумасы;
"-" — стандартты кіріс) саясатпен тексеріп, ескертпелерді шығарады.
-o html — басып шығаруға болатын есеп беті, -o csv не -o findings.xlsx —
ескертпелер кестесі. Шығу коды: 0 — бұзушылық жоқ, 1 — кемінде бір бұзушылық,
2 — команда не кіріс қатесі, 3 — саясат қатесі.`,
			RU: `Проверяет программу ФАЙЛ (JSON, YAML, книга .xlsx, папка файлов CSV;
"-" — стандартный ввод) по политике и выводит замечания. -o html —
страница отчёта для печати, -o csv или -o findings.xlsx — таблица замечаний.
Код выхода: 0 — нарушений нет, 1 — есть хотя бы одно нарушение, 2 — ошибка
команды или входных данных, 3 — ошибка политики.`,
			EN: `Evaluates the programme FILE (JSON, YAML, an .xlsx workbook or a folder of
CSV files; "-" reads standard input) with a policy and prints the findings.
-o html writes a report page to print, -o csv or -o findings.xlsx a table
of the findings. Exit status 0 when no rule is denied, 1 when at least one
deny (or error) finding is reported, 2 on a usage or input error, 3 on a
policy error.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			return e.check(c, args[0], policy, asOf, format)
		},
	}
	e.policyFlag(c, &policy, rules.DefaultPolicy)
	e.asOfFlag(c, &asOf)
	e.formatFlag(c, &format, "text", "json", "junit", "html", "csv", "xlsx")
	e.sizeFlag(c, e.programmeCap()+", "+e.policyCap())
	return c
}

// policyFlag adds --policy.
func (e *env) policyFlag(c *cobra.Command, p *string, def string) {
	c.Flags().StringVar(p, "policy", def, e.l(diag.Text{
		KK: "саясат: кірістірілген атау (" + strings.Join(embeddedPolicies(), ", ") + "), осы бумадағы АТАУ.yaml не YAML файлы",
		RU: "политика: встроенное имя (" + strings.Join(embeddedPolicies(), ", ") + "), ИМЯ.yaml в этой папке или файл YAML",
		EN: "policy: an embedded name (" + strings.Join(embeddedPolicies(), ", ") + "), NAME.yaml in this folder, or a YAML file",
	}))
	e.placeholder(c.Flags().Lookup("policy"), textPolicyPH)
	_ = c.RegisterFlagCompletionFunc("policy", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return embeddedPolicies(), cobra.ShellCompDirectiveDefault
	})
}

// asOfFlag adds --as-of.
func (e *env) asOfFlag(c *cobra.Command, p *string) {
	c.Flags().StringVar(p, "as-of", "", e.l(diag.Text{
		KK: "файлдағы as_of орнына осы күнге (ЖЖЖЖ-АА-КК) тексеру",
		RU: "проверить на эту дату (ГГГГ-ММ-ДД) вместо as_of из файла",
		EN: "evaluate as of this date (YYYY-MM-DD) instead of the file's as_of",
	}))
	e.placeholder(c.Flags().Lookup("as-of"), textDatePH)
}

func (e *env) check(c *cobra.Command, file, policy, asOf, formatFlag string) error {
	format, out, err := e.output(c, formatFlag, "text", "json", "junit", "html", "csv", "xlsx")
	if err != nil {
		return err
	}
	if format == "xlsx" && out == "" && isTerminal(e.stdout) {
		return e.usage("format.file_only", format)
	}
	opts, err := e.evalOptions(asOf)
	if err != nil {
		return err
	}
	if format == "junit" {
		opts = append(opts, rules.WithOutcomes())
	}
	p, pol, prog, err := e.programmeAndPolicy(file, policy)
	if err != nil {
		return err
	}
	rep, err := pol.Evaluate(context.Background(), p, opts...)
	prog.done()
	if err != nil {
		return err
	}
	err = e.write(out, func(w io.Writer) error {
		switch format {
		case "json":
			return wire.Encode(w, wire.CheckOf(rep))
		case "junit":
			return writeJUnit(w, e.checkSuites(pol, rep))
		case "html":
			in := htmlreport.Input{Policy: pol, Report: rep, Programme: p}
			if in.Coming, err = e.comingSection(pol, p, rep.AsOf); err != nil {
				return err
			}
			return htmlreport.Render(w, in, htmlreport.Options{Lang: e.lang})
		case "csv":
			return sheet.WriteFindingsCSV(w, rep)
		case "xlsx":
			return sheet.WriteFindingsXLSX(w, rep, e.lang)
		}
		e.writeReport(w, pol, rep, p)
		return nil
	})
	if err != nil {
		return err
	}
	if out != "" {
		fmt.Fprintln(e.stderr, e.t("written", out))
	}
	if !rep.Compliant {
		return errFindings
	}
	return nil
}

// severityWord names a severity for people, as a label before a rule.
// programmeAndPolicy loads a programme and resolves a policy, saying so
// on stderr as it goes (a large programme takes seconds), and leaves the
// progress line at "evaluating" for the caller to end.
func (e *env) programmeAndPolicy(file, policy string) (*mentoring.Programme, *rules.Policy, *progress, error) {
	prog := e.progress()
	prog.show(e.t("progress.loading", file))
	p, err := e.loadProgramme(file)
	if err != nil {
		prog.done()
		return nil, nil, nil, err
	}
	prog.show(e.t("progress.compiling", policy))
	pol, err := e.resolvePolicy(policy)
	if err != nil {
		prog.done()
		return nil, nil, nil, err
	}
	prog.show(e.t("progress.evaluating", e.count(len(pol.Rules()), "n.rules")))
	return p, pol, prog, nil
}

// severityLabel is a severity's word padded to width, in its colour.
func (e *env) severityLabel(c colours, s rules.Severity, width int) string {
	label := e.severityWord(s)
	label += strings.Repeat(" ", width-len([]rune(label)))
	switch s {
	case rules.Deny, rules.Error:
		return c.red(label)
	case rules.Warn:
		return c.yellow(label)
	}
	return label
}

func (e *env) severityWord(s rules.Severity) string {
	switch s {
	case rules.Deny:
		return e.t("severity.deny")
	case rules.Warn:
		return e.t("severity.warn")
	case rules.Error:
		return e.t("severity.error")
	}
	return string(s)
}

// writeReport prints the findings grouped by subject, then a summary line.
func (e *env) writeReport(w io.Writer, pol *rules.Policy, rep *rules.Report, _ *mentoring.Programme) {
	c := e.colours(w)
	width := 0
	for _, s := range []rules.Severity{rules.Deny, rules.Warn, rules.Error} {
		width = max(width, len([]rune(e.severityWord(s))))
	}
	subjects := 0
	counts := map[rules.Severity]int{}
	indent := strings.Repeat(" ", width+3)
	for i, f := range rep.Findings {
		if i == 0 || rep.Findings[i-1].Subject != f.Subject {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, c.bold(f.Subject))
			subjects++
		}
		counts[f.Severity]++
		fmt.Fprintf(w, "  %s %s\n", e.severityLabel(c, f.Severity, width), f.Rule)
		fmt.Fprintf(w, "%s%s\n", indent, f.Message)
		if f.Source != "" {
			fmt.Fprintf(w, "%s%s\n", indent, c.dim(e.t("source", guide.Text(f.Citations, f.Source))))
		}
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, e.summaryLine(c, pol, rep, counts, subjects))
}

// summaryLine is the verdict, the counts and what was checked, with the
// plural forms and the date as the reader's language writes them.
func (e *env) summaryLine(c colours, pol *rules.Policy, rep *rules.Report, counts map[rules.Severity]int, subjects int) string {
	verdict := c.green(e.t("summary.compliant"))
	if !rep.Compliant {
		verdict = c.red(e.t("summary.not_compliant"))
	}
	found := e.t("summary.no_findings")
	if len(rep.Findings) > 0 {
		var parts []string
		for _, s := range []rules.Severity{rules.Deny, rules.Error, rules.Warn} {
			if counts[s] > 0 {
				parts = append(parts, e.count(counts[s], "n."+string(s)))
			}
		}
		found = e.t("summary.found", e.count(len(rep.Findings), "n.findings"), strings.Join(parts, ", "),
			subjects, e.form(subjects, "n.subjects_on"))
	}
	return e.t("summary.line", verdict, found, pol.Name(), pol.Version(), e.count(len(pol.Rules()), "n.rules"), e.onDate(rep.AsOf))
}

// onDate writes "as of" a date's date: kk "2026 жылғы 24 қарашадағы" (the
// locative made an attribute), ru and en as the date is written.
func (e *env) onDate(d civil.Date) string { return grammar.DateAttributive(e.lang, d) }

func init() {
	words(map[string]diag.Text{
		"severity.deny":         {KK: "БҰЗУШЫЛЫҚ", RU: "НАРУШЕНИЕ", EN: "DENY"},
		"severity.warn":         {KK: "ЕСКЕРТУ", RU: "ПРЕДУПР.", EN: "WARN"},
		"severity.error":        {KK: "ТЕКСЕРІЛМЕДІ", RU: "НЕ ПРОВЕРЕНО", EN: "ERROR"},
		"source":                {KK: "дереккөз: {0}", RU: "источник: {0}", EN: "source: {0}"},
		"summary.compliant":     {KK: "сәйкес", RU: "соответствует", EN: "compliant"},
		"summary.not_compliant": {KK: "сәйкес емес", RU: "не соответствует", EN: "not compliant"},
		"summary.no_findings":   {KK: "ескертпе жоқ", RU: "замечаний нет", EN: "no findings"},
		"summary.found": {
			KK: "{2} {3} бойынша {0} ({1})",
			RU: "{0} ({1}) по {2} {3}",
			EN: "{0} ({1}) on {2} {3}",
		},
		"summary.line": {
			KK: "{0}: {1} — {2} {3} саясаты, {4}, {5} жағдай бойынша",
			RU: "{0}: {1} — политика {2} {3}, {4}, на {5}",
			EN: "{0}: {1} — policy {2} {3}, {4}, as of {5}",
		},
		"n.findings":          {KK: "ескертпе", RU: "замечание|замечания|замечаний", EN: "finding|findings"},
		"n.deny":              {KK: "бұзушылық", RU: "нарушение|нарушения|нарушений", EN: "deny|deny"},
		"n.warn":              {KK: "ескерту", RU: "предупреждение|предупреждения|предупреждений", EN: "warn|warn"},
		"n.error":             {KK: "тексерілмеген", RU: "непроверенное|непроверенных|непроверенных", EN: "error|error"},
		"n.subjects_on":       {KK: "нысан", RU: "объекту|объектам|объектам", EN: "subject|subjects"},
		"n.rules":             {KK: "ереже", RU: "правило|правила|правил", EN: "rule|rules"},
		"n.policies_of":       {KK: "саясат", RU: "политики|политик|политик", EN: "policy|policies"},
		"n.suites":            {KK: "жинақ", RU: "наборе|наборах|наборах", EN: "suite|suites"},
		"progress.loading":    {KK: "{0} оқылуда…", RU: "чтение {0}…", EN: "loading {0}…"},
		"progress.compiling":  {KK: "{0} саясаты құрастырылуда…", RU: "компиляция политики {0}…", EN: "compiling policy {0}…"},
		"progress.evaluating": {KK: "{0} тексерілуде…", RU: "проверка: {0}…", EN: "evaluating {0}…"},
	})
}
