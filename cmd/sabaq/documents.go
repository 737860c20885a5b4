package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/agreement/document"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/questionnaire/form"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/report"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// documentLang makes Kazakh, the guide's own language, the language of a
// document when neither --lang nor the environment chose one.
func (e *env) documentLang() {
	if !e.chosen {
		e.lang = diag.KK
	}
}

func newAgreement(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "agreement",
		Short: e.l(diag.Text{KK: "волонтердің келісімі", RU: "соглашение волонтёра", EN: "a volunteer's agreement"}),
	}
	var id, format string
	render := &cobra.Command{
		Use:   "render",
		Short: e.l(diag.Text{KK: "волонтердің келісімін шығару (2-қосымша)", RU: "вывести соглашение волонтёра (приложение 2)", EN: "print a volunteer's agreement (Appendix 2)"}),
		Long: e.l(diag.Text{
			KK: `Нұсқаулықтың 2-қосымшасындағы волонтерлік келісімді ФАЙЛ бағдарламасындағы
волонтердің соңғы келісімі бойынша толтырып, Markdown не басып шығаруға
арналған HTML түрінде шығарады. Жеке тәлімгердің келісіміне тәлімгерлік
қосымшасы қосылады. Файлда жоқ мәліметтердің орны толтыруға қалдырылады.`,
			RU: `Выводит соглашение волонтёра из приложения 2 руководства, заполненное по
последнему соглашению волонтёра в программе ФАЙЛ, в Markdown или в HTML для
печати. К соглашению индивидуального наставника добавляется приложение о
наставничестве. Чего нет в файле, остаётся строкой для заполнения.`,
			EN: `Prints the volunteer agreement of the guide's Appendix 2, filled in from the
volunteer's latest agreement in the programme FILE, as Markdown or
print-ready HTML. An individual mentor's agreement gets the mentor addendum.
Blanks the file does not fill are left as lines to write on.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH) + " --volunteer ID"},
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			if id == "" {
				return e.usage("required.flag", "--volunteer", "agreement render")
			}
			format, out, err := e.output(c, format, "md", "html")
			if err != nil {
				return err
			}
			prog, err := e.loadProgramme(args[0])
			if err != nil {
				return err
			}
			if _, ok := prog.Volunteer(id); !ok {
				var ids []string
				for _, v := range prog.Volunteers {
					ids = append(ids, v.ID)
				}
				return e.notFound(wire.CodeSubjectNotFound, "volunteer.not_found", id, ids)
			}
			if len(prog.AgreementsOf(id)) == 0 {
				return &usageError{code: wire.CodeSubjectNotFound, msg: e.t("volunteer.no_agreement", id)}
			}
			return e.write(out, func(w io.Writer) error {
				return document.RenderVolunteer(w, prog, id, document.Options{Lang: e.lang, Format: document.Format(format)})
			})
		},
	}
	render.Flags().StringVar(&id, "volunteer", "", e.l(diag.Text{KK: "волонтердің идентификаторы (міндетті)", RU: "идентификатор волонтёра (обязателен)", EN: "the volunteer's id (required)"}))
	e.placeholder(render.Flags().Lookup("volunteer"), textIDPH)
	e.formatFlag(render, &format, "md", "html")
	e.sizeFlag(render, e.programmeCap())
	c.AddCommand(render)
	return c
}

func newQuestionnaire(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "questionnaire",
		Short: e.l(diag.Text{KK: "үміткердің сауалнамасы (1-қосымша)", RU: "анкета кандидата (приложение 1)", EN: "the applicant questionnaire (Appendix 1)"}),
	}
	var formFormat, assessFormat, policy, asOf, project string
	formCmd := &cobra.Command{
		Use:   "form",
		Short: e.l(diag.Text{KK: "бос сауалнама (Markdown не HTML)", RU: "пустая анкета (Markdown или HTML)", EN: "the blank questionnaire (Markdown or HTML)"}),
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			format, out, err := e.output(c, formFormat, "md", "html")
			if err != nil {
				return err
			}
			var opts []form.RenderOption
			if project != "" {
				data, err := e.readFile(project, limits.ProjectBytes)
				if err != nil {
					return err
				}
				p, err := recruit.DecodeProject(bytes.NewReader(data), project)
				if err != nil {
					return err
				}
				opts = append(opts, form.WithProject(p))
			}
			return e.write(out, func(w io.Writer) error {
				if format == "html" {
					return form.Default().HTML(w, e.lang, opts...)
				}
				return form.Default().Markdown(w, e.lang, opts...)
			})
		},
	}
	e.formatFlag(formCmd, &formFormat, "md", "html")
	formCmd.Flags().StringVar(&project, "project", "", e.l(diag.Text{
		KK: "жобаның деректері бар файл: сауалнаманың бос орындарын (атауы, елді мекен, мақсаты, қызмет түрлері) толтырады",
		RU: "файл с данными проекта: заполняет пропуски анкеты (название, населённый пункт, цель, виды деятельности)",
		EN: "a file with the project's details: fills the form's blanks (name, locality, aim, activities)"}))
	e.placeholder(formCmd.Flags().Lookup("project"), textFilePH)
	assess := &cobra.Command{
		Use:   "assess",
		Short: e.l(diag.Text{KK: "толтырылған жауапқа қай рөлдер сәйкес келетінін көрсету", RU: "показать, какие роли подходят заполненной анкете", EN: "show which roles fit a filled-in response"}),
		Long: e.l(diag.Text{
			KK: `Толтырылған жауапты (JSON не YAML) оқып, сауалнама саясатының ережелері бойынша
қай рөлдер сәйкес келетінін себебімен көрсетеді. Сауалнама — өзін-өзі бағалау:
мұнда ешкім қабылданбай қалмайды.`,
			RU: `Читает заполненную анкету (JSON или YAML) и показывает, какие роли ей
подходят по правилам политики анкеты, с причинами. Анкета — самооценка:
здесь никому не отказывают.`,
			EN: `Reads a filled-in response (JSON or YAML) and prints which roles fit it, by
the questionnaire policy's respondent rules, each with its reason. The
questionnaire is a self-assessment: nothing here rejects a person.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) == 1, "args.one_response"); err != nil {
				return err
			}
			format, out, err := e.output(c, assessFormat, "text", "json")
			if err != nil {
				return err
			}
			// The command line is where the clock is read; libraries take
			// the date as an input.
			day := civil.DateOf(time.Now())
			if asOf != "" {
				if day, err = e.date("--as-of", asOf); err != nil {
					return err
				}
			}
			return e.assess(args[0], policy, day, format, out)
		},
	}
	assess.Flags().StringVar(&policy, "policy", "questionnaire", e.l(diag.Text{KK: "жауап ережелері бар саясат", RU: "политика с правилами для анкеты", EN: "the policy with respondent rules"}))
	e.placeholder(assess.Flags().Lookup("policy"), textPolicyPH)
	assess.Flags().StringVar(&asOf, "as-of", "", e.l(diag.Text{KK: "үміткердің жасы есептелетін күн (әдепкісі бүгін)", RU: "дата, на которую считается возраст (по умолчанию сегодня)", EN: "the date the applicant's age counts on (default today)"}))
	e.placeholder(assess.Flags().Lookup("as-of"), textDatePH)
	e.formatFlag(assess, &assessFormat, "text", "json")
	e.sizeFlag(assess, e.responseCap()+", "+e.policyCap())
	c.AddCommand(formCmd, assess)
	return c
}

func (e *env) assess(file, policy string, day civil.Date, format, out string) error {
	data, err := e.readFile(file, limits.QuestionnaireBytes)
	if err != nil {
		return err
	}
	resp, err := questionnaire.Decode(bytes.NewReader(data), file)
	if err != nil {
		return err
	}
	pol, err := e.resolvePolicy(policy)
	if err != nil {
		return err
	}
	decisions, err := pol.Respondent(context.Background(), &resp, day, rules.WithLang(e.lang))
	if err != nil {
		return err
	}
	return e.write(out, func(w io.Writer) error {
		if format == "json" {
			return wire.Encode(w, decisions)
		}
		// A role (a deny rule) is shown whether it fits or not, by its
		// description; a note (a warn rule) only when it has something to
		// say; a rule whose when did not hold, not at all.
		for _, d := range decisions {
			if d.Result == rules.NotApplies || (d.Severity == rules.Warn && d.Result == rules.Passed) {
				continue
			}
			name := d.Rule
			if r, ok := pol.Rule(d.Rule); ok {
				if t := r.Description.In(e.lang); t != "" {
					name = t
				}
			}
			switch {
			case d.Severity == rules.Warn:
				fmt.Fprintf(w, "%s: %s\n", e.t("assess.note_label"), name)
			case d.Result == rules.Passed:
				fmt.Fprintf(w, "%s — %s\n", name, e.t("assess.fits"))
			default:
				fmt.Fprintf(w, "%s — %s\n", name, e.t("assess.not"))
			}
			if d.Message != "" {
				fmt.Fprintf(w, "  %s\n", d.Message)
			}
		}
		fmt.Fprintln(w, e.t("assess.note"))
		return nil
	})
}

func newReport(e *env) *cobra.Command {
	var month, id, format, policy string
	c := &cobra.Command{
		Use:   "report",
		Short: e.l(diag.Text{KK: "игі істер күнделігінен айлық есептер", RU: "ежемесячные отчёты из дневника добрых дел", EN: "monthly reports from the good-deeds diary"}),
		Long: e.l(diag.Text{
			KK: `Үйлестірушінің айлық жиынтығын — күнделіктегі игі істер, тапсырылған есептер
және есеп бермегендер — не --volunteer арқылы бір волонтердің айлық есебін
шығарады.`,
			RU: `Выводит сводку координатора за месяц — добрые дела из дневника, сданные
отчёты и кто не отчитался — или, с --volunteer, месячный отчёт одного
волонтёра.`,
			EN: `Prints the coordinator's summary of a month — the diary's good deeds, the
reports filed and who has not reported — or, with --volunteer, that
volunteer's monthly report.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH) + " --month " + e.l(diag.Text{KK: "ЖЖЖЖ-АА", RU: "ГГГГ-ММ", EN: "YYYY-MM"})},
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			if month == "" {
				return e.usage("required.flag", "--month", "report")
			}
			m, err := civil.ParseMonth(month)
			if err != nil {
				return e.usage("month.bad", "--month", month)
			}
			format, out, err := e.output(c, format, "md", "html", "json")
			if err != nil {
				return err
			}
			prog, err := e.loadProgramme(args[0])
			if err != nil {
				return err
			}
			pol, err := e.resolvePolicy(policy)
			if err != nil {
				return err
			}
			opts := report.Options{Lang: e.lang, Format: report.Format(format)}
			opts.ContactDays, opts.FirstWeekDays = cycleDays(pol)
			if id == "" {
				if opts.Due, err = dueNextMonth(e, pol, prog, m); err != nil {
					return err
				}
			}
			return e.write(out, func(w io.Writer) error {
				if id != "" {
					return report.RenderMonthly(w, prog, m, id, opts)
				}
				return report.RenderSummary(w, prog, m, opts)
			})
		},
	}
	c.Flags().StringVar(&month, "month", "", e.l(diag.Text{KK: "ай, ЖЖЖЖ-АА (міндетті)", RU: "месяц, ГГГГ-ММ (обязателен)", EN: "the month, YYYY-MM (required)"}))
	e.placeholder(c.Flags().Lookup("month"), textMonthPH)
	c.Flags().StringVar(&id, "volunteer", "", e.l(diag.Text{KK: "жиынтықтың орнына бір волонтердің айлық есебі", RU: "месячный отчёт одного волонтёра вместо сводки", EN: "one volunteer's monthly report instead of the summary"}))
	e.placeholder(c.Flags().Lookup("volunteer"), textIDPH)
	e.formatFlag(c, &format, "md", "html", "json")
	e.policyFlag(c, &policy, rules.DefaultPolicy)
	e.sizeFlag(c, e.programmeCap()+", "+e.policyCap())
	return c
}

// dueNextMonth is what falls due in the month after m (the summary's last
// section): the findings the policy finds appearing after m's last day,
// up to the next month's last, in the run's language.
func dueNextMonth(e *env, pol *rules.Policy, prog *mentoring.Programme, m civil.Month) ([]report.Due, error) {
	rep, err := pol.Due(context.Background(), prog, m.Last(), m.Add(1).Last(), rules.WithLang(e.lang))
	if err != nil {
		return nil, err
	}
	out := make([]report.Due, len(rep.Due))
	for i, f := range rep.Due {
		out[i] = report.Due{Date: f.Date, Rule: f.Rule, Severity: string(f.Severity), Subject: f.Subject, Message: f.Message, Source: f.Source}
	}
	return out, nil
}

// cycleDays are the policy's limits of the mentoring cycle that the
// monthly report reads tandems by: the longest break between meetings
// (tandem.regular_contact) and the first week's length
// (tandem.first_week_support). A policy without them (a profile of other
// rules) leaves the report's defaults, the guide's 14 and 7 days.
func cycleDays(pol *rules.Policy) (contact, firstWeek int) {
	days := func(name string) int {
		if v, ok := pol.Param(name); ok {
			if n, ok := v.(int64); ok && n > 0 && n <= 366 {
				return int(n)
			}
		}
		return 0
	}
	return days("contact_max_gap_days"), days("first_week_days")
}

func init() {
	words(map[string]diag.Text{
		"assess.fits":       {KK: "сәйкес", RU: "подходит", EN: "fits"},
		"assess.not":        {KK: "сәйкес емес", RU: "не подходит", EN: "does not fit"},
		"assess.note_label": {KK: "Ескерту", RU: "Примечание", EN: "Note"},
		"assess.note": {
			KK: "Сауалнама — өзін-өзі бағалау: шешімді үйлестіруші қабылдайды.",
			RU: "Анкета — это самооценка: решение принимает координатор.",
			EN: "The questionnaire is a self-assessment: the coordinator decides.",
		},
	})
}
