package main

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/report"
)

func init() {
	register(command{name: "report", summary: "monthly reports from the good-deeds diary (report FILE --month YYYY-MM)", run: runReport})
}

func runReport(e *env, args []string) error {
	fs := newFlags(e, "report", "FILE --month YYYY-MM [flags]",
		`Prints the coordinator's summary of a month — the diary's good deeds, the
reports filed and who has not reported — or, with --volunteer, that
volunteer's monthly report.`)
	month := fs.String("month", "", "the month, YYYY-MM (required)")
	id := fs.String("volunteer", "", "one volunteer's monthly report instead of the summary")
	e.lang = diag.KK // documents default to the guide's own language
	langFlag(fs, e)
	format := fs.String("format", "md", "output: md, html or json")
	sizeFlag(fs, e, programmeCap)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 || *month == "" {
		return usagef("report needs a programme file and --month YYYY-MM (see sabaq report --help)")
	}
	m, err := civil.ParseMonth(*month)
	if err != nil {
		return usagef("--month must be YYYY-MM, not %q", *month)
	}
	if err := oneOf("format", *format, "md", "html", "json"); err != nil {
		return err
	}
	prog, err := loadProgramme(e, rest[0])
	if err != nil {
		return err
	}
	opts := report.Options{Lang: e.lang, Format: report.Format(*format)}
	if *id != "" {
		return report.RenderMonthly(e.stdout, prog, m, *id, opts)
	}
	return report.RenderSummary(e.stdout, prog, m, opts)
}
