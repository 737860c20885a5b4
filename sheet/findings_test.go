package sheet_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

func problemsReport(tb testing.TB, lang diag.Lang) *rules.Report {
	tb.Helper()
	p, err := mentoring.Load("../examples/data/problems.json")
	require.NoError(tb, err)
	pol, err := rules.Resolve("guide")
	require.NoError(tb, err)
	rep, err := pol.Evaluate(context.Background(), p, rules.WithLang(lang))
	require.NoError(tb, err)
	require.NotEmpty(tb, rep.Findings)
	return rep
}

// TestFindingsCSV writes the findings of the problems example as CSV: a
// golden file, and a reading that gives the findings back.
func TestFindingsCSV(t *testing.T) {
	rep := problemsReport(t, diag.RU)
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteFindingsCSV(&buf, rep))
	golden(t, filepath.Join("testdata", "findings", "problems.ru.csv"), buf.String())
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, len(rep.Findings)+1)
	assert.Equal(t, []string{"rule", "severity", "subject", "message", "source"}, recs[0])
	for i, f := range rep.Findings {
		assert.Equal(t, []string{f.Rule, string(f.Severity), f.Subject, f.Message, f.Source}, recs[i+1])
	}
}

// TestFindingsXLSX writes the findings as a workbook and looks at it as a
// spreadsheet would: localized headings with a filter, frozen, the rows,
// deny rows shaded, the summary sheet.
func TestFindingsXLSX(t *testing.T) {
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			rep := problemsReport(t, lang)
			var buf bytes.Buffer
			require.NoError(t, sheet.WriteFindingsXLSX(&buf, rep, lang))
			f, err := excelize.OpenReader(&buf)
			require.NoError(t, err)
			defer f.Close()
			assert.Equal(t, []string{"findings", "report"}, f.GetSheetList())
			rows, err := f.GetRows("findings")
			require.NoError(t, err)
			require.Len(t, rows, len(rep.Findings)+1)
			want := map[diag.Lang][]string{
				diag.KK: {"Ереже", "Маңыздылығы", "Нысан", "Хабар", "Дереккөз"},
				diag.RU: {"Правило", "Серьёзность", "Объект", "Сообщение", "Источник"},
				diag.EN: {"Rule", "Severity", "Subject", "Message", "Source"},
			}[lang]
			assert.Equal(t, want, rows[0])
			for i, fd := range rep.Findings {
				assert.Equal(t, fd.Rule, rows[i+1][0])
				assert.Equal(t, fd.Subject, rows[i+1][2])
				assert.Equal(t, fd.Message, rows[i+1][3])
			}
			panes, err := f.GetPanes("findings")
			require.NoError(t, err)
			assert.True(t, panes.Freeze)
			assert.Equal(t, 1, panes.YSplit)
			names := f.GetDefinedName()
			require.NotEmpty(t, names)
			assert.Equal(t, "_xlnm._FilterDatabase", names[0].Name)
			for i, fd := range rep.Findings {
				style, err := f.GetCellStyle("findings", "A"+strconv.Itoa(i+2))
				require.NoError(t, err)
				st, err := f.GetStyle(style)
				require.NoError(t, err)
				shaded := len(st.Fill.Color) > 0
				assert.Equal(t, fd.Severity == rules.Deny, shaded, "row %d", i+2)
			}
			w, err := f.GetColWidth("findings", "D")
			require.NoError(t, err)
			assert.Greater(t, w, 40.0, "messages get room")
			verdict, err := f.GetCellValue("report", "B3")
			require.NoError(t, err)
			assert.NotEmpty(t, verdict)
		})
	}
}
