package sheet

import (
	"encoding/csv"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// findingColumns are the columns of a findings table, in order: the
// names of the CSV heading and of rules.Finding's JSON fields.
var findingColumns = []string{"rule", "severity", "subject", "message", "source"}

var findingLabels = map[string]text{
	"rule":     {KK: "Ереже", RU: "Правило", EN: "Rule"},
	"severity": {KK: "Маңыздылығы", RU: "Серьёзность", EN: "Severity"},
	"subject":  {KK: "Нысан", RU: "Объект", EN: "Subject"},
	"message":  {KK: "Хабар", RU: "Сообщение", EN: "Message"},
	"source":   {KK: "Дереккөз", RU: "Источник", EN: "Source"},
}

// severityWords name a finding's severity for people; CSV keeps the codes.
var severityWords = map[rules.Severity]text{
	rules.Deny:  {KK: "бұзушылық", RU: "нарушение", EN: "deny"},
	rules.Warn:  {KK: "ескерту", RU: "предупреждение", EN: "warn"},
	rules.Error: {KK: "ереже қатесі", RU: "ошибка правила", EN: "error"},
}

// WriteFindingsCSV writes the findings of rep as CSV, one row per finding
// under the heading rule,severity,subject,message,source, in the report's
// order. Severities are codes (deny, warn, error); messages are in the
// language the report was evaluated in. The output is UTF-8 without a
// byte-order mark, for programs; [WriteFindingsXLSX] is for people.
func WriteFindingsCSV(w io.Writer, rep *rules.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(findingColumns); err != nil {
		return err
	}
	for _, f := range rep.Findings {
		if err := cw.Write([]string{f.Rule, string(f.Severity), f.Subject, f.Message, f.Source}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFindingsXLSX writes the findings of rep as a workbook in lang: a
// sheet "findings" with a heading row in lang, a filter on it, the
// heading frozen, widths that fit, one row per finding (deny rows shaded),
// and a sheet "report" with the policy, the date and the verdict.
func WriteFindingsXLSX(w io.Writer, rep *rules.Report, lang diag.Lang) error {
	if _, ok := diag.ParseLang(string(lang)); !ok {
		lang = diag.EN
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "findings"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	deny, err := f.NewStyle(&excelize.Style{
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	last := len(rep.Findings) + 1
	lastCol, _ := excelize.ColumnNumberToName(len(findingColumns))
	if err := f.AutoFilter(sheet, "A1:"+lastCol+strconv.Itoa(max(last, 2)), nil); err != nil {
		return err
	}
	if err := printSetup(f, sheet, true, "$1:$1"); err != nil {
		return err
	}
	f.SetActiveSheet(0) // before streaming: it reads every sheet back
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]float64, len(findingColumns))
	for i, c := range findingColumns {
		widths[i] = float64(utf8.RuneCountInString(findingLabels[c].In(lang)))*boldChar + 4
	}
	for _, fd := range rep.Findings {
		for i, s := range findingRow(fd, lang) {
			widths[i] = max(widths[i], float64(utf8.RuneCountInString(s))+2)
		}
	}
	widths[3] = min(widths[3], 90) // messages wrap
	for i := range widths {
		widths[i] = min(widths[i], 60+30*float64(btoi(i == 3)))
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(findingColumns))
	for i, c := range findingColumns {
		row[i] = excelize.Cell{StyleID: head, Value: findingLabels[c].In(lang)}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for n, fd := range rep.Findings {
		style := wrap
		if fd.Severity == rules.Deny {
			style = deny
		}
		lines := 1
		for i, s := range findingRow(fd, lang) {
			row[i] = excelize.Cell{StyleID: style, Value: s}
			lines = max(lines, wrapLines(s, int((widths[i]-1)/plainChar)))
		}
		// Spreadsheets do not always grow a row to its wrapped text.
		if err := sw.SetRow("A"+strconv.Itoa(n+2), row, excelize.RowOpts{Height: float64(lines)*lineHigh + 2}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := summarySheet(f, rep, lang, head); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func findingRow(fd rules.Finding, lang diag.Lang) []string {
	sev := string(fd.Severity)
	if t, ok := severityWords[fd.Severity]; ok {
		sev = t.In(lang)
	}
	return []string{fd.Rule, sev, fd.Subject, fd.Message, fd.Source}
}

var reportLabels = struct{ policy, asOf, verdict, compliant, notCompliant, findings text }{
	policy:       text{KK: "Саясат", RU: "Политика", EN: "Policy"},
	asOf:         text{KK: "Күні", RU: "На дату", EN: "As of"},
	verdict:      text{KK: "Қорытынды", RU: "Итог", EN: "Verdict"},
	compliant:    text{KK: "сәйкес", RU: "соответствует", EN: "compliant"},
	notCompliant: text{KK: "сәйкес емес", RU: "не соответствует", EN: "not compliant"},
	findings:     text{KK: "Табылғандар", RU: "Замечаний", EN: "Findings"},
}

// summarySheet writes the report's policy, date, verdict and counts.
func summarySheet(f *excelize.File, rep *rules.Report, lang diag.Lang, head int) error {
	const sheet = "report"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	verdict := reportLabels.notCompliant
	if rep.Compliant {
		verdict = reportLabels.compliant
	}
	counts := map[rules.Severity]int{}
	for _, fd := range rep.Findings {
		counts[fd.Severity]++
	}
	rows := [][2]any{
		{reportLabels.policy.In(lang), rep.Policy},
		{reportLabels.asOf.In(lang), rep.AsOf.String()},
		{reportLabels.verdict.In(lang), verdict.In(lang)},
		{reportLabels.findings.In(lang), len(rep.Findings)},
	}
	for _, s := range []rules.Severity{rules.Deny, rules.Warn, rules.Error} {
		rows = append(rows, [2]any{severityWords[s].In(lang), counts[s]})
	}
	for i, r := range rows {
		a, b := "A"+strconv.Itoa(i+1), "B"+strconv.Itoa(i+1)
		if err := f.SetCellValue(sheet, a, r[0]); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, a, head); err != nil {
			return err
		}
		if err := f.SetCellValue(sheet, b, r[1]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 22); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "B", 30)
}
