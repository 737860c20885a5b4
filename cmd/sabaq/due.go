package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/calendar"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// defaultDueDays is how far sabaq due, and the coming section of the HTML
// report, look ahead.
const defaultDueDays = 30

func newDue(e *env) *cobra.Command {
	var policy, asOf, format string
	var days int
	var all bool
	c := &cobra.Command{
		Use: "due",
		Short: e.l(diag.Text{KK: "алдағы күндерде мерзімі келетіндер",
			RU: "сроки на ближайшие дни", EN: "what comes due in the next days"}),
		Long: e.l(diag.Text{
			KK: `ФАЙЛ бағдарламасында ештеңе істелмесе, as_of (не --as-of) күнінен кейінгі
--days күн ішінде пайда болатын ескертпелерді шығарады: әрқайсысы алғаш
пайда болатын күнімен, сол күнгі мәтінімен, күн бойынша, одан кейін нысан
бойынша топталып. Бүгін бар ескертпелер (check көрсетеді) тек --all арқылы
шығады. -o ics — күнтізбе файлы (iCalendar), әр ескертпе бір күндік оқиға.
Шығу коды: 0 — нәтижесіне қарамастан, 2 — команда не кіріс қатесі, 3 — саясат қатесі.`,
			RU: `Выводит замечания, которые появятся в программе ФАЙЛ в ближайшие --days дней
после as_of (или --as-of), если ничего не делать: каждое — с датой, когда оно
появится впервые, и текстом на эту дату, по датам, затем по объектам. То,
что есть уже сегодня (это показывает check), выводится только с --all.
-o ics — файл календаря (iCalendar), по событию на весь день на замечание.
Код выхода: 0 — при любом результате, 2 — ошибка команды или входных данных,
3 — ошибка политики.`,
			EN: `Lists the findings that will appear in the programme FILE in the --days days
after its as_of (or --as-of) if nothing is done: each with the first day it
appears and its message as of that day, by date, then by subject. What is
already there today (check shows it) is listed only with --all. -o ics
writes a calendar file (iCalendar), one all-day event per finding. Exit
status 0 whatever is coming, 2 on a usage or input error, 3 on a policy
error.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			return e.due(c, args[0], policy, asOf, format, days, all)
		},
	}
	e.policyFlag(c, &policy, rules.DefaultPolicy)
	e.asOfFlag(c, &asOf)
	c.Flags().IntVar(&days, "days", defaultDueDays, e.l(diag.Text{
		KK: fmt.Sprintf("қанша күн алға қарау (1–%d)", rules.MaxDueDays),
		RU: fmt.Sprintf("на сколько дней вперёд смотреть (1–%d)", rules.MaxDueDays),
		EN: fmt.Sprintf("how many days ahead to look (1–%d)", rules.MaxDueDays),
	}))
	e.placeholder(c.Flags().Lookup("days"), textNPH)
	c.Flags().BoolVar(&all, "all", false, e.l(diag.Text{
		KK: "бірінші күні бар ескертпелерді де сол күнмен шығару",
		RU: "выводить и то, что есть уже в первый день, с этой датой",
		EN: "list what is already there on the first day too, dated that day",
	}))
	e.formatFlag(c, &format, "text", "json", "csv", "ics")
	e.sizeFlag(c, e.programmeCap()+", "+e.policyCap())
	return c
}

func (e *env) due(c *cobra.Command, file, policy, asOf, formatFlag string, days int, all bool) error {
	format, out, err := e.output(c, formatFlag, "text", "json", "csv", "ics")
	if err != nil {
		return err
	}
	if days < 1 || days > rules.MaxDueDays {
		return e.usage("due.days", days, rules.MaxDueDays)
	}
	from, err := e.date("--as-of", asOf)
	if err != nil {
		return err
	}
	p, pol, prog, err := e.programmeAndPolicy(file, policy)
	if err != nil {
		return err
	}
	rep, err := e.coming(pol, p, from, days, all)
	prog.done()
	if err != nil {
		return err
	}
	err = e.write(out, func(w io.Writer) error {
		switch format {
		case "json":
			return wire.Encode(w, rep)
		case "csv":
			return writeDueCSV(w, rep)
		case "ics":
			return calendar.Write(w, rep, calendar.Options{Lang: e.lang})
		}
		e.writeDue(w, pol, rep, days)
		return nil
	})
	if err == nil && out != "" {
		fmt.Fprintln(e.stderr, e.t("written", out))
	}
	return err
}

// coming is what comes due in the days after from (the programme's as_of
// when zero), in the run's language.
func (e *env) coming(pol *rules.Policy, p *mentoring.Programme, from civil.Date, days int, all bool) (*rules.DueReport, error) {
	if from.IsZero() {
		from = p.AsOf
	}
	opts := []rules.EvalOption{rules.WithLang(e.lang)}
	if all {
		opts = append(opts, rules.WithCurrent())
	}
	return pol.Due(context.Background(), p, from, from.AddDays(days), opts...)
}

// comingSection is the HTML report's "coming in the next 30 days": what
// comes due after the report's date.
func (e *env) comingSection(pol *rules.Policy, p *mentoring.Programme, asOf civil.Date) (*htmlreport.Coming, error) {
	rep, err := e.coming(pol, p, asOf, defaultDueDays, false)
	if err != nil {
		return nil, err
	}
	c := &htmlreport.Coming{Days: defaultDueDays, Items: make([]htmlreport.Item, len(rep.Due))}
	for i, f := range rep.Due {
		c.Items[i] = htmlreport.Item{Date: f.Date, Finding: f.Finding}
	}
	return c, nil
}

// writeDueCSV writes one row per coming finding under a header row.
func writeDueCSV(w io.Writer, rep *rules.DueReport) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"date", "rule", "severity", "subject", "message", "source"}); err != nil {
		return err
	}
	for _, f := range rep.Due {
		if err := cw.Write([]string{f.Date.String(), f.Rule, string(f.Severity), f.Subject, f.Message, f.Source}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeDue prints what comes due by date, then by subject, as check
// prints findings, and a closing line.
func (e *env) writeDue(w io.Writer, pol *rules.Policy, rep *rules.DueReport, days int) {
	c := e.colours(w)
	width := 0
	for _, s := range []rules.Severity{rules.Deny, rules.Warn, rules.Error} {
		width = max(width, len([]rune(e.severityWord(s))))
	}
	indent := strings.Repeat(" ", width+5)
	for i, f := range rep.Due {
		newDay := i == 0 || rep.Due[i-1].Date != f.Date
		if newDay {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, c.bold(e.t("due.on", grammar.DateCase(e.lang, f.Date, grammar.Locative))))
		}
		if newDay || rep.Due[i-1].Subject != f.Subject {
			fmt.Fprintf(w, "  %s\n", c.bold(f.Subject))
		}
		fmt.Fprintf(w, "    %s %s\n", e.severityLabel(c, f.Severity, width), f.Rule)
		fmt.Fprintf(w, "%s%s\n", indent, f.Message)
		if f.Source != "" {
			fmt.Fprintf(w, "%s%s\n", indent, c.dim(e.t("source", guide.Text(f.Citations, f.Source))))
		}
	}
	if len(rep.Due) > 0 {
		fmt.Fprintln(w)
	}
	span := e.count(days, "n.days")
	first, last := grammar.Date(e.lang, rep.From), grammar.Date(e.lang, rep.To)
	if len(rep.Due) == 0 {
		fmt.Fprintln(w, e.t("due.nothing", span, first, last, pol.Name(), pol.Version()))
		return
	}
	fmt.Fprintln(w, e.t("due.summary", e.count(len(rep.Due), "n.findings"), span, first, last, pol.Name(), pol.Version()))
}

func init() {
	words(map[string]diag.Text{
		"due.on":   {KK: "{0}:", RU: "{0}:", EN: "on {0}:"},
		"due.days": {KK: "--days 1 мен {1} аралығында болуы керек, берілгені {0}", RU: "--days должно быть от 1 до {1}, дано {0}", EN: "--days must be between 1 and {1}, not {0}"},
		"due.summary": {
			KK: "алдағы {1} ішінде: {0} ({2} – {3}), {4} {5} саясаты",
			RU: "в ближайшие {1}: {0} ({2} – {3}), политика {4} {5}",
			EN: "coming in the next {1}: {0} ({2} – {3}), policy {4} {5}",
		},
		"due.nothing": {
			KK: "алдағы {0} ішінде мерзімі келетін ештеңе жоқ ({1} – {2}), {3} {4} саясаты",
			RU: "в ближайшие {0} ничего не наступает ({1} – {2}), политика {3} {4}",
			EN: "nothing comes due in the next {0} ({1} – {2}), policy {3} {4}",
		},
		"n.days": {KK: "күн", RU: "день|дня|дней", EN: "day|days"},
	})
}
