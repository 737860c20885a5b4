package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/recruit"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// newRights prints the volunteer's rights and responsibilities (D3).
func newRights(e *env) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use: "rights",
		Short: e.l(diag.Text{KK: "волонтердің 12 құқығы мен 10 жауапкершілігі",
			RU: "12 прав и 10 обязанностей волонтёра", EN: "the volunteer's 12 rights and 10 responsibilities"}),
		Long: e.l(diag.Text{
			KK: `Нұсқаулықтың I бөліміндегі (волонтермен жасалатын келісім туралы)
волонтердің құқықтары мен жауапкершіліктерін Markdown не басып шығаруға
арналған HTML түрінде шығарады.`,
			RU: `Выводит права и обязанности волонтёра из части I руководства (о
соглашении с волонтёром) в Markdown или в HTML для печати.`,
			EN: `Prints the volunteer's rights and responsibilities of the guide's Part I
(on the agreement with a volunteer) as Markdown or print-ready HTML.`,
		}),
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			format, out, err := e.output(c, format, "md", "html")
			if err != nil {
				return err
			}
			return e.write(out, func(w io.Writer) error {
				return recruit.RenderRights(w, recruit.Options{Lang: e.lang, Format: recruit.Format(format)})
			})
		},
	}
	e.formatFlag(c, &format, "md", "html")
	return c
}

// callFlags are what both calls read: where the organisation's details
// come from, the policy whose numbers they quote, the output.
type callFlags struct {
	project, policy, format, city string
}

func (f *callFlags) add(e *env, c *cobra.Command) {
	c.Flags().StringVar(&f.project, "project", "", e.l(diag.Text{
		KK: "жобаның деректері бар YAML не JSON файл (ұйым, атауы, мекенжай, қалалар)",
		RU: "файл YAML или JSON с данными проекта (организация, название, контакты, города)",
		EN: "a YAML or JSON file with the project's details (organisation, name, contacts, cities)"}))
	e.placeholder(c.Flags().Lookup("project"), textFilePH)
	c.Flags().StringVar(&f.policy, "policy", rules.DefaultPolicy, e.l(diag.Text{
		KK: "сандары алынатын саясат (guide, nastavniki не файл)",
		RU: "политика, из которой берутся числа (guide, nastavniki или файл)",
		EN: "the policy whose numbers the call quotes (guide, nastavniki or a file)"}))
	e.placeholder(c.Flags().Lookup("policy"), textPolicyPH)
	c.Flags().StringVar(&f.city, "city", "", e.l(diag.Text{
		KK: "хабарландыру арналған қала", RU: "город, к которому обращено объявление", EN: "the city the call is for"}))
	e.formatFlag(c, &f.format, "md", "html")
	e.sizeFlag(c, e.policyCap())
}

// load reads the project's details from --project, else from the
// programme FILE when one is given, and resolves the policy.
func (f *callFlags) load(e *env, args []string) (recruit.Project, *rules.Policy, error) {
	var p recruit.Project
	switch {
	case f.project != "":
		data, err := e.readFile(f.project, limits.ProjectBytes)
		if err != nil {
			return p, nil, err
		}
		if p, err = recruit.DecodeProject(bytes.NewReader(data), f.project); err != nil {
			return p, nil, err
		}
	case len(args) == 1:
		prog, err := e.loadProgramme(args[0])
		if err != nil {
			return p, nil, err
		}
		p = recruit.FromProgramme(prog)
	}
	pol, err := e.resolvePolicy(f.policy)
	return p, pol, err
}

// param returns an int parameter of the policy, 0 when it has none.
func param(pol *rules.Policy, name string) int {
	v, _ := pol.Param(name)
	n, _ := v.(int64)
	return int(n)
}

// newCall prints the recruitment calls of Appendix 3 (D4).
func newCall(e *env) *cobra.Command {
	c := &cobra.Command{
		Use: "call",
		Short: e.l(diag.Text{KK: "волонтерлерді шақыру хабарландыруы (3-қосымша)",
			RU: "объявление о наборе волонтёров (приложение 3)", EN: "a call for volunteers (Appendix 3)"}),
	}
	var mf callFlags
	mentor := &cobra.Command{
		Use: "mentor",
		Short: e.l(diag.Text{KK: "тәлімгер-волонтерлерді іздеу туралы хабарландыру",
			RU: "объявление о поиске наставников-волонтёров", EN: "the call for volunteer mentors"}),
		Long: e.l(diag.Text{
			KK: `Тәлімгер-волонтерлерді іздеу туралы хабарландыруды (3-қосымша) жазады:
жасы, мерзімі мен балалардың жасы саясаттың параметрлерінен алынады, ұйымның
деректері --project файлынан не ФАЙЛ бағдарламасынан.`,
			RU: `Пишет объявление о поиске наставников-волонтёров (приложение 3): возраст,
срок и возраст детей берутся из параметров политики, данные организации —
из файла --project или из программы ФАЙЛ.`,
			EN: `Writes the call for volunteer mentors (Appendix 3): the ages and the
commitment come from the policy's parameters, the organisation's details
from the --project file or the programme FILE.`,
		}),
		Annotations: map[string]string{"args": "[" + e.l(textFilePH) + "]"},
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) <= 1, "args.one_file"); err != nil {
				return err
			}
			format, out, err := e.output(c, mf.format, "md", "html")
			if err != nil {
				return err
			}
			p, pol, err := mf.load(e, args)
			if err != nil {
				return err
			}
			call := recruit.MentorCall{City: mf.city, MentorMinAge: param(pol, "mentor_min_age"),
				CommitmentMonths: param(pol, "mentor_min_commitment_months"), ChildMinAge: param(pol, "orphanage_child_min_age")}
			return e.write(out, func(w io.Writer) error {
				return recruit.RenderMentorCall(w, p, call, recruit.Options{Lang: e.lang, Format: recruit.Format(format)})
			})
		},
	}
	mf.add(e, mentor)

	var ef callFlags
	var ev recruit.EventCall
	var from, to, briefing string
	event := &cobra.Command{
		Use: "event",
		Short: e.l(diag.Text{KK: "іс-шараға волонтерлер іздеу туралы хабарландыру",
			RU: "объявление о наборе волонтёров на мероприятие", EN: "the call for event volunteers"}),
		Long: e.l(diag.Text{
			KK: `Іс-шараға волонтерлер іздеу туралы хабарландыруды (3-қосымша) жазады: ең
төменгі жас саясаттың event_volunteer_min_age параметрінен алынады.`,
			RU: `Пишет объявление о наборе волонтёров на мероприятие (приложение 3):
минимальный возраст берётся из параметра политики event_volunteer_min_age.`,
			EN: `Writes the call for event volunteers (Appendix 3): the minimum age comes
from the policy's event_volunteer_min_age parameter.`,
		}),
		Annotations: map[string]string{"args": "[" + e.l(textFilePH) + "]"},
		RunE: func(c *cobra.Command, args []string) error {
			e.documentLang()
			if err := e.args(c, args, len(args) <= 1, "args.one_file"); err != nil {
				return err
			}
			format, out, err := e.output(c, ef.format, "md", "html")
			if err != nil {
				return err
			}
			for _, d := range []struct {
				flag, value string
				into        *civil.Date
			}{{"--from", from, &ev.From}, {"--to", to, &ev.To}, {"--briefing", briefing, &ev.Briefing}} {
				if d.value == "" {
					continue
				}
				if *d.into, err = e.date(d.flag, d.value); err != nil {
					return err
				}
			}
			p, pol, err := ef.load(e, args)
			if err != nil {
				return err
			}
			ev.City, ev.MinAge = ef.city, param(pol, "event_volunteer_min_age")
			return e.write(out, func(w io.Writer) error {
				return recruit.RenderEventCall(w, p, ev, recruit.Options{Lang: e.lang, Format: recruit.Format(format)})
			})
		},
	}
	ef.add(e, event)
	fl := event.Flags()
	fl.StringVar(&ev.Event, "event", "", e.l(diag.Text{KK: "іс-шараның атауы", RU: "название мероприятия", EN: "the event's name"}))
	fl.StringVar(&ev.Place, "place", "", e.l(diag.Text{KK: "өтетін орны", RU: "место проведения", EN: "where it is held"}))
	fl.StringVar(&from, "from", "", e.l(diag.Text{KK: "бірінші күні", RU: "первый день", EN: "its first day"}))
	fl.StringVar(&to, "to", "", e.l(diag.Text{KK: "соңғы күні", RU: "последний день", EN: "its last day"}))
	fl.StringVar(&briefing, "briefing", "", e.l(diag.Text{KK: "волонтерлерге брифинг күні", RU: "день брифинга для волонтёров", EN: "the day of the volunteers' briefing"}))
	for _, name := range []string{"from", "to", "briefing"} {
		e.placeholder(fl.Lookup(name), textDatePH)
	}
	fl.StringSliceVar(&ev.Goals, "goal", nil, e.l(diag.Text{KK: "іс-шараның мақсаты (бірнеше рет берілуі мүмкін)", RU: "цель мероприятия (можно повторять)", EN: "an aim of the event (may repeat)"}))
	fl.StringVar(&ev.Offers, "offers", "", e.l(diag.Text{KK: "ұйымдастырушылар волонтерлерге не береді", RU: "что организаторы дают волонтёрам", EN: "what the organisers give volunteers"}))
	fl.StringVar(&ev.Email, "email", "", e.l(diag.Text{KK: "түйіндеме жіберетін мекенжай", RU: "куда присылать резюме", EN: "where to send a CV"}))
	c.AddCommand(mentor, event)
	return c
}
