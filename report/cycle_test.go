package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/report"
)

func summarise(t *testing.T, p *mentoring.Programme, m civil.Month, opts report.Options) report.Summary {
	t.Helper()
	require.NoError(t, p.Index())
	s, err := report.Summarise(p, m, opts)
	require.NoError(t, err)
	return s
}

func quietTandems(s report.Summary) []string {
	out := []string{}
	for _, q := range s.Quiet {
		out = append(out, q.Tandem)
	}
	return out
}

// TestTotalsAgreeWithRows: whatever the month, the summary's totals are the
// sums of its volunteers' rows — hours from a report filed without diary
// entries included.
func TestTotalsAgreeWithRows(t *testing.T) {
	p := programme()
	for m := civil.M(2026, 1); !m.After(civil.M(2026, 6)); m = m.Add(1) {
		s := summarise(t, p, m, report.Options{})
		entries, children, hours := 0, 0, 0
		for _, v := range s.Volunteers {
			entries += len(v.Entries)
			children += v.Children
			hours += v.Hours
		}
		assert.Equal(t, entries, s.Entries, m.String())
		assert.Equal(t, children, s.Children, m.String())
		assert.Equal(t, hours, s.Hours, m.String())
		filed := 0
		for _, r := range p.Reports {
			if r.Month == m {
				filed += r.Hours
			}
		}
		assert.Equal(t, filed, s.Hours, "%s: every filed report's hours, in a row", m)
	}
}

// TestQuietAtTheBoundary: a stretch of exactly ContactDays is regular; one
// day more is listed (14 vs 15 days with the default).
func TestQuietAtTheBoundary(t *testing.T) {
	base := func(gap int) *mentoring.Programme {
		p := programme()
		p.Tandems = p.Tandems[:1] // t-1, started 20 February
		p.Visits = []mentoring.Visit{
			{Tandem: "t-1", Date: civil.D(2026, 2, 20)},
			{Tandem: "t-1", Date: civil.D(2026, 4, 1)},
			{Tandem: "t-1", Date: civil.D(2026, 4, 1).AddDays(gap)},
			{Tandem: "t-1", Date: civil.D(2026, 4, 1).AddDays(gap + 10)},
		}
		p.Visits = append(p.Visits, mentoring.Visit{Tandem: "t-1", Date: civil.D(2026, 3, 20)}, mentoring.Visit{Tandem: "t-1", Date: civil.D(2026, 3, 6)})
		p.Outings = nil
		p.CheckIns = p.CheckIns[:1]
		return p
	}
	s := summarise(t, base(14), april, report.Options{})
	assert.Empty(t, s.Quiet, "14 days is regular")
	s = summarise(t, base(15), april, report.Options{})
	require.Equal(t, []string{"t-1"}, quietTandems(s), "15 days is not")
	q := s.Quiet[0]
	assert.Equal(t, 15, q.Days)
	assert.Equal(t, civil.D(2026, 4, 1), q.From)
	assert.Equal(t, civil.D(2026, 4, 16), q.To)
	assert.Equal(t, civil.D(2026, 4, 1), q.LastContact)
	assert.False(t, q.Ongoing)

	// The option moves the boundary: 18 days is listed at 17, not at 18.
	assert.Contains(t, quietTandems(summarise(t, programme(), april, report.Options{ContactDays: 17})), "t-1")
	assert.NotContains(t, quietTandems(summarise(t, programme(), april, report.Options{ContactDays: 18})), "t-1")
}

// TestQuietOngoing: the stretch from the last contact to the summary's
// last day counts, and says it is still going on.
func TestQuietOngoing(t *testing.T) {
	s := summarise(t, programme(), april, report.Options{ContactDays: 9})
	var t2 *report.Quiet
	for i := range s.Quiet {
		if s.Quiet[i].Tandem == "t-2" {
			t2 = &s.Quiet[i]
		}
	}
	require.NotNil(t, t2, "t-2 last met on 20 April: 10 days to 30 April")
	assert.True(t, t2.Ongoing)
	assert.Equal(t, 10, t2.Days)
	assert.Equal(t, civil.D(2026, 4, 30), t2.To)
	for lang, want := range map[diag.Lang]string{
		diag.KK: "10 күн: 2026 жылғы 20 сәуірден бері, әлі жалғасуда",
		diag.RU: "10 дней: с 20 апреля 2026 г. и до сих пор",
		diag.EN: "10 days: since 20 April 2026, still going on",
	} {
		var b bytes.Buffer
		require.NoError(t, report.RenderSummary(&b, programme(), april, report.Options{Lang: lang, ContactDays: 9}))
		assert.Contains(t, b.String(), want, lang)
	}
}

// TestQuietStopsAtTheSummarysEnd: a month after the programme's date is
// read up to that date, and a closed tandem up to its closing.
func TestQuietStopsAtTheSummarysEnd(t *testing.T) {
	p := programme()
	p.AsOf = civil.D(2026, 4, 24)
	s := summarise(t, p, april, report.Options{})
	assert.Equal(t, civil.D(2026, 4, 24), s.Through)
	assert.NotContains(t, quietTandems(s), "t-1", "on 24 April t-1's stretch is 14 days")
	var b bytes.Buffer
	require.NoError(t, report.RenderSummary(&b, p, april, report.Options{Lang: diag.KK}))
	assert.Contains(t, b.String(), "2026 жылғы 24 сәуірге дейінгі деректер бойынша")
}

// TestFirstWeekAtTheBoundary: a check-in on day 7 is first-week support,
// one on day 8 is not; the tandem is listed in the month its week ended.
func TestFirstWeekAtTheBoundary(t *testing.T) {
	for day, listed := range map[int]bool{6: false, 7: false, 8: true} {
		p := programme()
		p.CheckIns = []mentoring.CheckIn{{Tandem: "t-2", Date: civil.D(2026, 4, 6).AddDays(day)}}
		s := summarise(t, p, april, report.Options{})
		got := len(s.NoFirstWeekSupport) == 1 && s.NoFirstWeekSupport[0].Tandem == "t-2"
		assert.Equal(t, listed, got, "check-in on day %d", day)
	}
	p := programme()
	p.Tandems[1].StartedOn = civil.D(2026, 3, 27) // its week ends 3 April
	p.CheckIns = nil
	assert.Len(t, summarise(t, p, civil.M(2026, 3), report.Options{}).NoFirstWeekSupport, 0, "not over in March")
	inApril := summarise(t, p, april, report.Options{})
	require.Len(t, inApril.NoFirstWeekSupport, 1)
	assert.Equal(t, civil.D(2026, 4, 3), inApril.NoFirstWeekSupport[0].WeekEnd)

	s := summarise(t, programme(), april, report.Options{FirstWeekDays: 10})
	assert.Empty(t, s.NoFirstWeekSupport, "t-2's check-in on day 8 is within 10 days")
	var b bytes.Buffer
	require.NoError(t, report.RenderSummary(&b, programme(), april, report.Options{Lang: diag.RU, FirstWeekDays: 10}))
	assert.Contains(t, b.String(), "Тандемы без поддержки координатора за первые 10 дней")
}

func TestClosures(t *testing.T) {
	s := summarise(t, programme(), april, report.Options{})
	require.Len(t, s.Closures, 1)
	c := s.Closures[0]
	assert.Equal(t, "t-3", c.Tandem)
	assert.Equal(t, mentoring.MentorMoved, c.Reason)
	assert.Equal(t, 11, c.Months)
	assert.Empty(t, summarise(t, programme(), civil.M(2026, 5), report.Options{}).Closures)

	// Every reason is named in words in every language; none is a code.
	for _, reason := range append(mentoring.CloseReasons, "") {
		p := programme()
		p.Tandems[2].CloseReason = reason
		for _, lang := range diag.Langs {
			var b bytes.Buffer
			require.NoError(t, report.RenderSummary(&b, p, april, report.Options{Lang: lang}))
			row := ""
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(line, "| t-3 |") && strings.Contains(line, "көшті") {
					row = line
				}
			}
			require.NotEmpty(t, row, "%s %s", reason, lang)
			if reason != "" && lang != diag.EN {
				assert.NotContains(t, row, string(reason), "%s: the code is not shown", lang)
			}
			assert.NotContains(t, row, "_", "%s %s: %s", reason, lang, row)
		}
	}
}

// TestAcquaintanceIsNotATandemYet: a pair still in group sessions is not
// asked for regular contact.
func TestAcquaintanceIsNotATandemYet(t *testing.T) {
	s := summarise(t, programme(), april, report.Options{})
	for _, tm := range s.Tandems {
		assert.NotEqual(t, "t-4", tm.Tandem)
	}
	assert.NotContains(t, quietTandems(s), "t-4")
	assert.Equal(t, 3, len(s.Tandems))
	t1 := s.Tandems[0]
	assert.Equal(t, report.TandemMonth{Tandem: "t-1", Mentor: "v-1", MentorName: "Айгерім Садықова", Child: "c-1", Visits: 2, Outings: 1}, t1,
		"g-1 is no contact for t-1: its child was not there")
	assert.Equal(t, 1, s.Tandems[1].Groups, "g-1 is a contact for t-2")
}

func TestSummaryJSONHasNoNames(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.RenderSummary(&b, programme(), april, report.Options{Format: report.JSON}))
	for _, name := range []string{"Айгерім", "Иван", "Dana"} {
		assert.NotContains(t, b.String(), name)
	}
	var back map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	for _, key := range []string{"quiet", "no_first_week_support", "closures", "tandems", "reports_by_month", "contact_days", "through"} {
		assert.Contains(t, back, key)
	}
}

func TestChartsAreSelfContained(t *testing.T) {
	for _, lang := range diag.Langs {
		var b bytes.Buffer
		require.NoError(t, report.RenderSummary(&b, programme(), april, report.Options{Lang: lang, Format: report.HTML}))
		page := b.String()
		assert.Equal(t, 3, strings.Count(page, "<svg "), "hours, reports, contacts")
		assert.NotContains(t, page, "<script")
		assert.NotContains(t, page, "<link")
		assert.NotContains(t, strings.ReplaceAll(strings.ReplaceAll(page, "http://www.w3.org/2000/svg", ""), "http://www.w3.org/1999/xhtml", ""), "http")
		assert.Contains(t, page, "@page { size: A4")
	}
}

// TestEveryLabelInThreeLanguages: a word a person reads exists in kk, ru
// and en; the templates fail on a key with no entry, and render in every
// language in the golden test.
func TestEveryLabelInThreeLanguages(t *testing.T) {
	for key, text := range report.Labels() {
		for _, lang := range diag.Langs {
			assert.NotEmpty(t, strings.TrimSpace(map[diag.Lang]string{diag.KK: text.KK, diag.RU: text.RU, diag.EN: text.EN}[lang]), "%s in %s", key, lang)
		}
	}
}

func TestMonthsLasted(t *testing.T) {
	p := programme()
	cases := map[civil.Date]int{
		civil.D(2025, 4, 15): 12, civil.D(2025, 4, 16): 11, civil.D(2026, 4, 15): 0, civil.D(2026, 3, 16): 0, civil.D(2026, 3, 15): 1,
	}
	for start, want := range cases {
		p.Tandems[2].StartedOn = start
		s := summarise(t, p, april, report.Options{})
		require.Len(t, s.Closures, 1)
		assert.Equal(t, want, s.Closures[0].Months, start.String())
	}
}

func TestIDsInCountingOrder(t *testing.T) {
	p := programme()
	for _, id := range []string{"v-10", "v-2a", "v-02"} {
		p.Volunteers = append(p.Volunteers, p.Volunteers[0])
		p.Volunteers[len(p.Volunteers)-1].ID = id
		p.Reports = append(p.Reports, p.Reports[0])
		p.Reports[len(p.Reports)-1].Volunteer = id
	}
	s := summarise(t, p, april, report.Options{})
	var ids []string
	for _, v := range s.Volunteers {
		ids = append(ids, v.Volunteer)
	}
	assert.Equal(t, []string{"v-1", "v-02", "v-2", "v-2a", "v-3", "v-10"}, ids)
}

// TestTablesWrapBetweenWords: the page's tables size their columns to
// their content, headers wrap only between words, and a name or a code
// never breaks inside a word (the overlapping headers and names cut
// mid-word of the first version).
func TestTablesWrapBetweenWords(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.RenderSummary(&b, programme(), april, report.Options{Format: report.HTML}))
	page := b.String()
	assert.Contains(t, page, "table-layout: auto")
	assert.NotContains(t, page, "table-layout: fixed")
	assert.Contains(t, page, "th, td { border: 1px solid #555; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal;")
	assert.Contains(t, page, ".code { white-space: nowrap; }")
	assert.Contains(t, page, `<td class="name">Айгерім Садықова <span class="code">(v-1)</span></td>`)
	assert.NotContains(t, page, "overflow-wrap: break-word", "a body rule that let names break anywhere")
}
