package main

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func init() {
	register(command{name: "questionnaire", summary: "the applicant questionnaire (questionnaire form | assess RESPONSE)", run: runQuestionnaire})
}

func runQuestionnaire(e *env, args []string) error {
	fs := newFlags(e, "questionnaire", "form [flags] | assess [flags] RESPONSE",
		`questionnaire form prints the blank applicant questionnaire of the guide's
Appendix 1 (Markdown or print-ready HTML). questionnaire assess reads a filled-in
response (JSON or YAML) and prints which roles fit it, by the questionnaire
policy's respondent rules, each with its reason. The questionnaire is a
self-assessment: nothing here rejects a person.`)
	e.lang = diag.KK // the form defaults to the guide's own language
	langFlag(fs, e)
	format := fs.String("format", "", "form: md or html (default md); assess: text or json (default text)")
	policy := fs.String("policy", "questionnaire", "assess: the policy with respondent rules")
	asOf := fs.String("as-of", "", "assess: the date the applicant's age counts on (default today)")
	sizeFlag(fs, e, responseCap+", "+policyCap)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("questionnaire needs form or assess (see sabaq questionnaire --help)")
	}
	switch rest[0] {
	case "form":
		if len(rest) != 1 {
			return usagef("questionnaire form takes no file")
		}
		if *format == "" {
			*format = "md"
		}
		if err := oneOf("format", *format, "md", "html"); err != nil {
			return err
		}
		if *format == "html" {
			return form.Default().HTML(e.stdout, e.lang)
		}
		return form.Default().Markdown(e.stdout, e.lang)
	case "assess":
		if len(rest) != 2 {
			return usagef("questionnaire assess needs one response file")
		}
		if *format == "" {
			*format = "text"
		}
		if err := oneOf("format", *format, "text", "json"); err != nil {
			return err
		}
		// The command line is where the clock is read; libraries take the
		// date as an input.
		day := civil.DateOf(time.Now())
		if *asOf != "" {
			if day, err = civil.ParseDate(*asOf); err != nil {
				return usagef("--as-of must be a date YYYY-MM-DD, not %q", *asOf)
			}
		}
		return assess(e, rest[1], *policy, day, *format)
	}
	return usagef("unknown questionnaire command %q: use form or assess", rest[0])
}

func assess(e *env, file, policy string, day civil.Date, format string) error {
	// Read here within the cap; questionnaire.Decode keeps its own 1 MiB
	// cap until the loader takes it as an option.
	data, err := readFile(e, file, limits.QuestionnaireBytes)
	if err != nil {
		return err
	}
	resp, err := questionnaire.Decode(bytes.NewReader(data), file)
	if err != nil {
		return err
	}
	pol, err := resolvePolicy(e, policy)
	if err != nil {
		return err
	}
	decisions, err := pol.Respondent(context.Background(), &resp, day, rules.WithLang(e.lang))
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(e.stdout, decisions)
	}
	fits := diag.Text{KK: "сәйкес", RU: "подходит", EN: "fits"}.In(e.lang)
	not := diag.Text{KK: "сәйкес емес", RU: "не подходит", EN: "does not fit"}.In(e.lang)
	for _, d := range decisions {
		verdict := not
		if d.Result == rules.Passed {
			verdict = fits
		}
		fmt.Fprintf(e.stdout, "%-28s %s\n", d.Rule, verdict)
		if d.Message != "" {
			fmt.Fprintf(e.stdout, "  %s\n", d.Message)
		}
	}
	fmt.Fprintln(e.stdout, diag.Text{
		KK: "Сауалнама — өзін-өзі бағалау: шешімді үйлестіруші қабылдайды.",
		RU: "Анкета — это самооценка: решение принимает координатор.",
		EN: "The questionnaire is a self-assessment: the coordinator decides.",
	}.In(e.lang))
	return nil
}
