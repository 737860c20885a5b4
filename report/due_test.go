package report_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/report"
)

// The summary of a month lists what falls due in the next one, and only
// that, in the reader's language; without Options.Due it has no such
// section.
func TestDueNext(t *testing.T) {
	due := []report.Due{
		{Date: civil.D(2026, 11, 30), Rule: "x.late", Severity: "warn", Subject: "child/c-1", Message: "still this month"},
		{Date: civil.D(2026, 12, 1), Rule: "agreement.monthly_report", Severity: "deny", Subject: "agreement/a-1", Message: "No report for <2026-11> | *now*"},
		{Date: civil.D(2026, 12, 31), Rule: "child.adaptation_centre_stay", Severity: "warn", Subject: "child/c-2", Message: "six months"},
		{Date: civil.D(2027, 1, 1), Rule: "x.later", Severity: "deny", Subject: "child/c-3", Message: "the month after"},
	}
	s, err := report.Summarise(programme(), civil.M(2026, 11), report.Options{Due: due})
	require.NoError(t, err)
	require.NotNil(t, s.DueNext)
	assert.Equal(t, civil.M(2026, 12), s.DueNext.Month)
	assert.Equal(t, due[1:3], s.DueNext.Items)

	none, err := report.Summarise(programme(), civil.M(2026, 11), report.Options{})
	require.NoError(t, err)
	assert.Nil(t, none.DueNext)

	titles := map[diag.Lang]string{diag.KK: "Мерзімі келетіндер: 2026 жылғы желтоқсан", diag.RU: "Наступающие сроки: декабрь 2026 г.", diag.EN: "Falling due: December 2026"}
	deny := map[diag.Lang]string{diag.KK: "Бұзушылық: agreement.monthly", diag.RU: "Нарушение: agreement.monthly", diag.EN: "Deny: agreement.monthly"}
	for lang, title := range titles {
		for _, f := range []report.Format{report.Markdown, report.HTML} {
			var b bytes.Buffer
			require.NoError(t, report.RenderSummary(&b, programme(), civil.M(2026, 11), report.Options{Lang: lang, Format: f, Due: due}))
			out := b.String()
			assert.Contains(t, out, title, "%s %s", lang, f)
			assert.Contains(t, out, deny[lang], "%s %s", lang, f)
			assert.Contains(t, out, "six months")
			assert.NotContains(t, out, "the month after")
			assert.NotContains(t, out, "still this month")
			assert.NotContains(t, out, "<2026-11>", "the message is escaped")
		}
	}
	var b bytes.Buffer
	require.NoError(t, report.RenderSummary(&b, programme(), civil.M(2026, 11), report.Options{Lang: diag.RU, Due: []report.Due{}}))
	assert.Contains(t, b.String(), "В следующем месяце сроков нет.")
}
