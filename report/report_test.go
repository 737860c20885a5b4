package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/report"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var april = civil.M(2026, 4)

// programme is a small programme; the people are invented.
func programme() *mentoring.Programme {
	p := &mentoring.Programme{
		AsOf: civil.D(2026, 5, 10),
		Volunteers: []volunteer.Volunteer{
			{ID: "v-1", FullName: "Айгерім Садықова", Role: volunteer.IndividualMentor},
			{ID: "v-2", FullName: "Иван Петров", Role: volunteer.GroupVolunteer},
			{ID: "v-3", FullName: "Dana *Star*", Role: volunteer.EventVolunteer},
		},
		Agreements: []agreement.Agreement{
			{ID: "a-1", Volunteer: "v-1", SignedOn: civil.D(2026, 2, 15)},
			{ID: "a-2", Volunteer: "v-2", SignedOn: civil.D(2026, 3, 1)},
			{ID: "a-3", Volunteer: "v-3", SignedOn: civil.D(2026, 1, 10)},
		},
		Reports: []agreement.Report{
			{Volunteer: "v-1", Month: april, Hours: 12},
			{Volunteer: "v-1", Month: civil.M(2026, 3), Hours: 10},
			// v-3 filed April without writing in the diary: the summary's
			// rows and its totals must both count the hours.
			{Volunteer: "v-3", Month: april, Hours: 5},
		},
		Institutions: mentoring.Institutions{{ID: "inst-1", Name: "Балалар үйі", Kind: mentoring.Orphanage, City: "Алматы"}},
		Children: mentoring.Children{
			{ID: "c-1", BirthDate: civil.D(2012, 5, 1), Institution: "inst-1"},
			{ID: "c-2", BirthDate: civil.D(2013, 6, 1), Institution: "inst-1"},
			{ID: "c-3", BirthDate: civil.D(2011, 7, 1), Institution: "inst-1"},
		},
		Tandems: []mentoring.Tandem{
			// t-1: 18 days without a contact, 10 to 28 April.
			{ID: "t-1", Mentor: "v-1", Child: "c-1", StartedOn: civil.D(2026, 2, 20), Phase: mentoring.ActivePhase},
			// t-2: started 6 April; the coordinator came on day 8.
			{ID: "t-2", Mentor: "v-2", Child: "c-2", StartedOn: civil.D(2026, 4, 6), Phase: mentoring.InsideInstitution},
			// t-3: closed on 15 April, the mentor moved.
			{ID: "t-3", Mentor: "v-1", Child: "c-3", StartedOn: civil.D(2025, 5, 1), Phase: mentoring.Closed,
				ClosedOn: civil.D(2026, 4, 15), CloseReason: mentoring.MentorMoved, CloseNote: "Астанаға көшті"},
			// t-4: still getting acquainted; no regular contact is asked yet.
			{ID: "t-4", Mentor: "v-3", Child: "c-3", StartedOn: civil.D(2026, 4, 27), Phase: mentoring.Acquaintance},
		},
		Visits: []mentoring.Visit{
			{Tandem: "t-1", Date: civil.D(2026, 3, 25)},
			{Tandem: "t-1", Date: civil.D(2026, 4, 3)},
			{Tandem: "t-1", Date: civil.D(2026, 4, 28)},
			{Tandem: "t-2", Date: civil.D(2026, 4, 8)},
			{Tandem: "t-2", Date: civil.D(2026, 4, 20)},
			{Tandem: "t-3", Date: civil.D(2026, 4, 1)},
			{Tandem: "t-3", Date: civil.D(2026, 4, 12)},
		},
		Outings: []mentoring.Outing{{Tandem: "t-1", Date: civil.D(2026, 4, 10)}},
		// v-1 leads g-1 but c-1 is not in it: no contact for t-1; t-2's pair both attend.
		Groups: []mentoring.Group{{ID: "g-1", Institution: "inst-1", Date: civil.D(2026, 4, 17), Mentors: []string{"v-1", "v-2"}, Children: []string{"c-2", "c-3"}}},
		CheckIns: []mentoring.CheckIn{
			{Tandem: "t-1", Date: civil.D(2026, 2, 22)},
			{Tandem: "t-2", Date: civil.D(2026, 4, 14)},
		},
		Diary: []volunteer.DiaryEntry{
			{Volunteer: "v-1", Date: civil.D(2026, 4, 14), Activity: "Сабақ үлгерімі", Children: 1, Achievements: "Математикадан 5 алды"},
			{Volunteer: "v-1", Date: civil.D(2026, 4, 3), Activity: "Серуен", Children: 1, Note: "Саябақта"},
			{Volunteer: "v-1", Date: civil.D(2026, 4, 21), Activity: "сабақ үлгерімі ", Children: 1},
			{Volunteer: "v-2", Date: civil.D(2026, 4, 9), Activity: "Шеберлік сыныбы", Children: 14, Achievements: "Кітап бетбелгілерін жасады"},
			{Volunteer: "v-2", Date: civil.D(2026, 3, 30), Activity: "Турнир", Children: 16},
		},
	}
	if err := p.Index(); err != nil {
		panic(err)
	}
	return p
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

func TestGolden(t *testing.T) {
	p := programme()
	for _, lang := range diag.Langs {
		for _, f := range []report.Format{report.Markdown, report.HTML, report.JSON} {
			if f == report.JSON && lang != diag.KK {
				continue // JSON has no labels
			}
			t.Run("monthly."+string(lang)+"."+string(f), func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, report.RenderMonthly(&b, p, april, "", report.Options{Lang: lang, Format: f}))
				golden(t, "monthly."+string(lang)+"."+string(f), b.String())
				if f == report.HTML {
					wellFormed(t, b.String())
				}
			})
			t.Run("summary."+string(lang)+"."+string(f), func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, report.RenderSummary(&b, p, april, report.Options{Lang: lang, Format: f}))
				golden(t, "summary."+string(lang)+"."+string(f), b.String())
				if f == report.HTML {
					wellFormed(t, b.String())
				}
			})
		}
	}
}

func wellFormed(t *testing.T, s string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	assert.Zero(t, depth)
}

func TestMonthlyOf(t *testing.T) {
	p := programme()
	rs, err := report.MonthlyOf(p, april, "v-1")
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, 3, len(r.Entries))
	assert.Equal(t, civil.D(2026, 4, 3), r.Entries[0].Date, "entries in date order")
	assert.Equal(t, 3, r.Children)
	assert.Equal(t, 12, r.Hours)
	assert.True(t, r.Reported)
	assert.Equal(t, []report.Activity{{Form: "Сабақ үлгерімі", Entries: 2, Children: 2}, {Form: "Серуен", Entries: 1, Children: 1}}, r.Activities)

	t.Run("volunteer without entries", func(t *testing.T) {
		rs, err := report.MonthlyOf(p, april, "v-3")
		require.NoError(t, err)
		assert.Empty(t, rs[0].Entries)
		assert.True(t, rs[0].Reported)
		assert.Equal(t, 5, rs[0].Hours)
		rs, err = report.MonthlyOf(p, civil.M(2026, 3), "v-3")
		require.NoError(t, err)
		assert.False(t, rs[0].Reported)
	})
	t.Run("all diarists", func(t *testing.T) {
		rs, err := report.MonthlyOf(p, april, "")
		require.NoError(t, err)
		require.Len(t, rs, 2)
		assert.Equal(t, "v-1", rs[0].Volunteer)
		assert.Equal(t, "v-2", rs[1].Volunteer)
	})
}

func TestNotReportedFollowsTheRule(t *testing.T) {
	// a-2 was signed on 2026-03-01: March is the signing month (not owed),
	// April is owed. a-4 ends on 2026-05-20: May is owed, June is not.
	p := programme()
	p.Volunteers = append(p.Volunteers, volunteer.Volunteer{ID: "v-4", FullName: "X", Role: volunteer.GroupVolunteer})
	p.Agreements = append(p.Agreements, agreement.Agreement{ID: "a-4", Volunteer: "v-4", SignedOn: civil.D(2026, 1, 5), EndsOn: civil.D(2026, 5, 20)})
	require.NoError(t, p.Index())
	missing := func(m civil.Month) []string {
		s, err := report.Summarise(p, m, report.Options{})
		require.NoError(t, err)
		var ids []string
		for _, x := range s.NotReported {
			ids = append(ids, x.Volunteer)
		}
		return ids
	}
	cases := []struct {
		month civil.Month
		want  []string
	}{
		{civil.M(2026, 2), []string{"v-3", "v-4"}},               // v-1 signed in February
		{civil.M(2026, 3), []string{"v-3", "v-4"}},               // v-1 filed; v-2 signed in March
		{april, []string{"v-2", "v-4"}},                          // v-2 owes from April; v-3 filed
		{civil.M(2026, 5), []string{"v-1", "v-2", "v-3", "v-4"}}, // v-4 ends in May: still owed
		{civil.M(2026, 6), []string{"v-1", "v-2", "v-3"}},        // v-4 ended before June
	}
	for _, c := range cases {
		t.Run(c.month.String(), func(t *testing.T) {
			assert.Equal(t, c.want, missing(c.month))
		})
	}
}

func TestSummary(t *testing.T) {
	s, err := report.Summarise(programme(), april, report.Options{})
	require.NoError(t, err)
	assert.Equal(t, 4, s.Entries)
	assert.Equal(t, 17, s.Children)
	assert.Equal(t, 17, s.Hours, "v-1's 12 and v-3's 5")
	require.Len(t, s.Volunteers, 3, "v-3 filed a report without diary entries: a row of its own")
	assert.Equal(t, civil.D(2026, 4, 30), s.Through)
	require.Len(t, s.Achievements, 2)
	assert.Equal(t, "v-2", s.Achievements[0].Volunteer, "achievements by date")
	assert.Equal(t, "Сабақ үлгерімі", s.Activities[0].Form)
}

func TestReportsFromDiary(t *testing.T) {
	p := programme()
	rs, err := report.ReportsFromDiary(p, april, diag.EN)
	require.NoError(t, err)
	require.Len(t, rs, 1, "v-1 already filed April")
	assert.Equal(t, agreement.Report{Volunteer: "v-2", Month: april, Summary: "Diary: 1 entry, 14 children; Шеберлік сыныбы ×1"}, rs[0])
	ru, err := report.ReportsFromDiary(p, april, diag.RU)
	require.NoError(t, err)
	assert.Equal(t, "Дневник: 1 запись, 14 детей; Шеберлік сыныбы ×1", ru[0].Summary)

	p.Reports = append(p.Reports, rs...)
	require.NoError(t, p.Index())
	s, err := report.Summarise(p, april, report.Options{})
	require.NoError(t, err)
	for _, m := range s.NotReported {
		assert.NotEqual(t, "v-2", m.Volunteer, "the implied report counts")
	}
	rs, err = report.ReportsFromDiary(p, civil.M(2026, 7), diag.EN)
	require.NoError(t, err)
	assert.Empty(t, rs)
}

func TestErrors(t *testing.T) {
	p := programme()
	cases := []struct {
		name string
		run  func() error
		code diag.Code
	}{
		{"nil programme", func() error { _, err := report.Summarise(nil, april, report.Options{}); return err }, report.CodeNoProgramme},
		{"negative contact days", func() error {
			_, err := report.Summarise(p, april, report.Options{ContactDays: -1})
			return err
		}, report.CodeDays},
		{"negative first-week days", func() error {
			return report.RenderSummary(io.Discard, p, april, report.Options{FirstWeekDays: -7})
		}, report.CodeDays},
		{"zero month", func() error { _, err := report.MonthlyOf(p, civil.Month{}, ""); return err }, report.CodeNoMonth},
		{"unknown volunteer", func() error { _, err := report.MonthlyOf(p, april, "v-9"); return err }, report.CodeUnknownVolunteer},
		{"bad format", func() error {
			return report.RenderSummary(io.Discard, p, april, report.Options{Format: "pdf"})
		}, report.CodeFormat},
		{"bad language", func() error {
			return report.RenderMonthly(io.Discard, p, april, "v-1", report.Options{Lang: "de"})
		}, report.CodeLang},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			var de *diag.Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, c.code, de.Code)
			for _, lang := range diag.Langs {
				assert.NotContains(t, de.Localize(lang), "Садықова")
			}
		})
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.RenderMonthly(&b, programme(), april, "v-3", report.Options{Lang: diag.EN}))
	assert.Contains(t, b.String(), `Dana \*Star\*`)
}
