package report

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/escape"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Format is the output format of a rendered report.
type Format string

// Output formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	JSON     Format = "json"
)

// Options say how to render a report. The zero value is Kazakh Markdown.
type Options struct {
	// Lang is the language of the labels; default [diag.KK]. Diary text is
	// shown as the volunteer wrote it.
	Lang diag.Lang
	// Format is [Markdown] (the default), [HTML] or [JSON]. JSON has no
	// labels: it is the [Monthly] or [Summary] value itself.
	Format Format
}

var labels = map[string]diag.Text{
	"monthly_title":  {KK: "Волонтердің айлық есебі", RU: "Ежемесячный отчёт волонтёра", EN: "Volunteer's monthly report"},
	"summary_title":  {KK: "Үйлестірушінің айлық жиынтығы", RU: "Ежемесячная сводка координатора", EN: "Coordinator's monthly summary"},
	"month":          {KK: "Ай", RU: "Месяц", EN: "Month"},
	"volunteer":      {KK: "Волонтердің ТАӘ", RU: "ФИО волонтёра", EN: "Volunteer"},
	"id":             {KK: "ID", RU: "ID", EN: "ID"},
	"date":           {KK: "Күні", RU: "Дата", EN: "Date"},
	"form":           {KK: "Қызметтің нысаны", RU: "Форма деятельности", EN: "Form of activity"},
	"children":       {KK: "Балалардың саны", RU: "Количество детей", EN: "Children"},
	"achievements":   {KK: "Балалардың жетістігі", RU: "Достижения детей", EN: "Children's achievements"},
	"note":           {KK: "Ескерту", RU: "Примечание", EN: "Note"},
	"entries":        {KK: "Жазбалар", RU: "Записи", EN: "Entries"},
	"diary":          {KK: "Игі істер күнделігі", RU: "Дневник добрых дел", EN: "Good-deeds diary"},
	"activities":     {KK: "Қызмет нысандары", RU: "Формы деятельности", EN: "Forms of activity"},
	"totals":         {KK: "Қорытынды", RU: "Итого", EN: "Totals"},
	"hours":          {KK: "Сағат (есеп бойынша)", RU: "Часы (по отчётам)", EN: "Hours (from reports)"},
	"reported":       {KK: "Есеп тапсырылды", RU: "Отчёт сдан", EN: "Report filed"},
	"yes":            {KK: "иә", RU: "да", EN: "yes"},
	"no":             {KK: "жоқ", RU: "нет", EN: "no"},
	"no_entries":     {KK: "Осы айда күнделікте жазба жоқ.", RU: "В этом месяце в дневнике нет записей.", EN: "No diary entries this month."},
	"volunteers":     {KK: "Волонтерлер", RU: "Волонтёры", EN: "Volunteers"},
	"not_reported":   {KK: "Есеп тапсырмағандар", RU: "Не сдали отчёт", EN: "Who has not reported"},
	"agreement":      {KK: "Келісім", RU: "Соглашение", EN: "Agreement"},
	"all_reported":   {KK: "Барлығы есеп тапсырды.", RU: "Все сдали отчёт.", EN: "Everyone has reported."},
	"none":           {KK: "Жоқ.", RU: "Нет.", EN: "None."},
	"signature":      {KK: "Қолы", RU: "Подпись", EN: "Signature"},
	"coordinator":    {KK: "Үйлестіруші", RU: "Координатор", EN: "Coordinator"},
	"children_note":  {KK: "Балалар саны жазбалар бойынша қосылады.", RU: "Количество детей суммируется по записям.", EN: "Children are added up over entries."},
	"implied":        {KK: "Күнделік: {0} жазба, {1} бала; {2}", RU: "Дневник: записей {0}, детей {1}; {2}", EN: "Diary: {0} entries, {1} children; {2}"},
	"monthly_report": {KK: "есеп", RU: "отчёт", EN: "report"},
}

func label(key string, lang diag.Lang) string { return labels[key].In(lang) }

var monthNames = map[diag.Lang][]string{
	diag.KK: {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
	diag.RU: {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	diag.EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

func monthTitle(m civil.Month, lang diag.Lang) string {
	name := monthNames[lang][m.Month()-1]
	switch lang {
	case diag.KK:
		return strconv.Itoa(m.Year()) + " ж. " + name
	case diag.RU:
		return name + " " + strconv.Itoa(m.Year()) + " г."
	}
	return name + " " + strconv.Itoa(m.Year())
}

//go:embed templates/*
var templateFS embed.FS

type templates struct {
	md   *texttemplate.Template
	html *htmltemplate.Template
}

var loadTemplates = sync.OnceValues(func() (*templates, error) {
	funcs := map[string]any{
		"md":   escape.Markdown,
		"text": escape.Controls, // for HTML, which html/template escapes
		"date": func(d civil.Date) string { return d.String() },
	}
	md, err := texttemplate.New("report").Funcs(funcs).ParseFS(templateFS, "templates/*.md.tmpl")
	if err != nil {
		return nil, err
	}
	html, err := htmltemplate.New("report").Funcs(funcs).ParseFS(templateFS, "templates/*.html.tmpl")
	if err != nil {
		return nil, err
	}
	return &templates{md: md, html: html}, nil
})

// page is what a template sees.
type page struct {
	Lang     string
	Title    string
	Month    string
	L        map[string]string
	Monthly  []Monthly
	Summary  *Summary
	Children string
}

func resolve(opts Options) (diag.Lang, Format, error) {
	lang, format := opts.Lang, opts.Format
	if lang == "" {
		lang = diag.KK
	}
	if format == "" {
		format = Markdown
	}
	if _, ok := diag.ParseLang(string(lang)); !ok {
		return "", "", diag.New(CodeLang, "options.lang", string(lang))
	}
	switch format {
	case Markdown, HTML, JSON:
	default:
		return "", "", diag.New(CodeFormat, "options.format", string(format))
	}
	return diag.Lang(strings.ToLower(string(lang))), format, nil
}

func newPage(lang diag.Lang, title string, m civil.Month) *page {
	p := &page{Lang: string(lang), Title: label(title, lang), Month: monthTitle(m, lang), L: map[string]string{}}
	for k, t := range labels {
		p.L[k] = t.In(lang)
	}
	return p
}

// RenderMonthly writes the monthly report of the volunteer with the id (or,
// with an empty id, of every volunteer with diary entries in m): the
// diary's columns — date, form of activity, children, achievements, note —
// then the totals by form, the hours of a filed report and whether one was
// filed. HTML puts each volunteer on a new A4 page with a signature line.
func RenderMonthly(w io.Writer, p *mentoring.Programme, m civil.Month, volunteerID string, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	rs, err := MonthlyOf(p, m, volunteerID)
	if err != nil {
		return err
	}
	if format == JSON {
		if volunteerID != "" {
			return writeJSON(w, rs[0])
		}
		return writeJSON(w, rs)
	}
	pg := newPage(lang, "monthly_title", m)
	pg.Monthly = rs
	return execute(w, format, "monthly", pg)
}

// RenderSummary writes the coordinator's summary of month m: totals, the
// activities by form, the achievements, the volunteers' lines and who has
// not reported.
func RenderSummary(w io.Writer, p *mentoring.Programme, m civil.Month, opts Options) error {
	lang, format, err := resolve(opts)
	if err != nil {
		return err
	}
	s, err := Summarise(p, m)
	if err != nil {
		return err
	}
	if format == JSON {
		return writeJSON(w, s)
	}
	pg := newPage(lang, "summary_title", m)
	pg.Summary = &s
	return execute(w, format, "summary", pg)
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func execute(w io.Writer, format Format, name string, pg *page) error {
	t, err := loadTemplates()
	if err != nil {
		return fmt.Errorf("report templates: %w", err)
	}
	var buf bytes.Buffer
	if format == HTML {
		err = t.html.ExecuteTemplate(&buf, name+".html.tmpl", pg)
	} else {
		err = t.md.ExecuteTemplate(&buf, name+".md.tmpl", pg)
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", name, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
