package report

import (
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

// Due is one finding that falls due: the first day it appears if nothing
// is done, as the rules package's Policy.Due finds it. The report only
// shows it; the caller evaluates the policy (this package reads no
// policy).
type Due struct {
	Date     civil.Date `json:"date"`
	Rule     string     `json:"rule"`
	Severity string     `json:"severity"` // deny, warn or error
	Subject  string     `json:"subject"`  // KIND/ID
	Message  string     `json:"message"`  // in the summary's language
	Source   string     `json:"source"`
}

// DueNext is what falls due in the month after the summary's.
type DueNext struct {
	Month civil.Month `json:"month"`
	Items []Due       `json:"items"` // by date, then as the policy orders findings
}

// dueRow is a Due with its severity in words, for the templates.
type dueRow struct {
	Due
	Severity string
}

// dueNext keeps the items of Options.Due that fall in the month after m;
// nil when the caller gave none (then the summary has no such section).
func dueNext(m civil.Month, due []Due) *DueNext {
	if due == nil {
		return nil
	}
	next := m.Add(1)
	d := &DueNext{Month: next, Items: []Due{}}
	for _, it := range due {
		if it.Date.In() == next {
			d.Items = append(d.Items, it)
		}
	}
	return d
}

// dueTitle is "Falling due in December 2026" in lang.
func dueTitle(lang diag.Lang, m civil.Month) string {
	return diag.Fill(label("due_next", lang), []string{grammar.Month(lang, m)})
}

// severityWord names a finding's severity in lang.
func severityWord(lang diag.Lang, s string) string {
	switch s {
	case "deny":
		return label("sev_deny", lang)
	case "warn":
		return label("sev_warn", lang)
	}
	return label("sev_error", lang)
}

func init() {
	for k, v := range map[string]diag.Text{
		"due_next":  {KK: "Мерзімі келетіндер: {0}", RU: "Наступающие сроки: {0}", EN: "Falling due: {0}"},
		"due_note":  {KK: "Ештеңе істелмесе, осы ескертпелер көрсетілген күні пайда болады.", RU: "Если ничего не сделать, эти замечания появятся в указанный день.", EN: "If nothing is done, these findings appear on the day shown."},
		"no_due":    {KK: "Келесі айда мерзімі келетін ештеңе жоқ.", RU: "В следующем месяце сроков нет.", EN: "Nothing falls due next month."},
		"subject":   {KK: "Нысан", RU: "Объект", EN: "Subject"},
		"rule":      {KK: "Ереже", RU: "Правило", EN: "Rule"},
		"finding":   {KK: "Ескертпе", RU: "Замечание", EN: "Finding"},
		"sev_deny":  {KK: "Бұзушылық", RU: "Нарушение", EN: "Deny"},
		"sev_warn":  {KK: "Ескерту", RU: "Предупреждение", EN: "Warning"},
		"sev_error": {KK: "Тексерілмеді", RU: "Не проверено", EN: "Not checked"},
	} {
		labels[k] = v
	}
}
