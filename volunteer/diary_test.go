package volunteer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func TestDiaryEntryValidate(t *testing.T) {
	ok := volunteer.DiaryEntry{Volunteer: "v-1", Date: civil.D(2026, 3, 1), Activity: "chess club", Children: 5}
	cases := []struct {
		name string
		edit func(*volunteer.DiaryEntry)
		path string
		code diag.Code
	}{
		{"valid", func(*volunteer.DiaryEntry) {}, "", ""},
		{"volunteer missing", func(e *volunteer.DiaryEntry) { e.Volunteer = "" }, "volunteer", "validate.required"},
		{"date missing", func(e *volunteer.DiaryEntry) { e.Date = civil.Date{} }, "date", "validate.required"},
		{"activity missing", func(e *volunteer.DiaryEntry) { e.Activity = "" }, "activity", "validate.required"},
		{"activity 300", func(e *volunteer.DiaryEntry) { e.Activity = long(300) }, "", ""},
		{"activity 301", func(e *volunteer.DiaryEntry) { e.Activity = long(301) }, "activity", "validate.max"},
		{"children 0", func(e *volunteer.DiaryEntry) { e.Children = 0 }, "", ""},
		{"children -1", func(e *volunteer.DiaryEntry) { e.Children = -1 }, "children", "validate.min"},
		{"children 10000", func(e *volunteer.DiaryEntry) { e.Children = 10000 }, "", ""},
		{"children 10001", func(e *volunteer.DiaryEntry) { e.Children = 10001 }, "children", "validate.max"},
		{"achievements 2000", func(e *volunteer.DiaryEntry) { e.Achievements = long(2000) }, "", ""},
		{"achievements 2001", func(e *volunteer.DiaryEntry) { e.Achievements = long(2001) }, "achievements", "validate.max"},
		{"note 2000", func(e *volunteer.DiaryEntry) { e.Note = long(2000) }, "", ""},
		{"note 2001", func(e *volunteer.DiaryEntry) { e.Note = long(2001) }, "note", "validate.max"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := ok
			tc.edit(&e)
			err := e.Validate()
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			assertOne(t, err, tc.path, tc.code, "Dana")
		})
	}
}

func TestSummarize(t *testing.T) {
	d := func(m, day int) civil.Date { return civil.D(2026, 1, 1).AddMonths(m - 1).AddDays(day - 1) }
	entries := []volunteer.DiaryEntry{
		{Volunteer: "v-1", Date: d(3, 10), Activity: "reading", Children: 4, Achievements: "Dana read a book"},
		{Volunteer: "v-1", Date: d(3, 2), Activity: "chess club", Children: 6, Achievements: "first tournament"},
		{Volunteer: "v-1", Date: d(3, 2), Activity: " reading ", Children: 2},
		{Volunteer: "v-1", Date: d(1, 31), Activity: "chess club", Children: 9, Achievements: "before the period"},
		{Volunteer: "v-1", Date: d(4, 1), Activity: "chess club", Children: 7, Achievements: "after the period"},
		{Volunteer: "v-1", Date: d(3, 31), Activity: "drawing", Children: 1, Achievements: "  "},
		{Volunteer: "v-1", Date: d(2, 1), Activity: "drawing", Children: 3, Achievements: "a painting"},
	}
	want := volunteer.Summary{
		From: d(2, 1), To: d(3, 31),
		Entries: 5, DaysActive: 4, Children: 16,
		Activities: []volunteer.ActivityCount{
			{Activity: "chess club", Entries: 1, Children: 6},
			{Activity: "drawing", Entries: 2, Children: 4},
			{Activity: "reading", Entries: 2, Children: 6},
		},
		Achievements: []volunteer.Achievement{
			{Date: d(2, 1), Text: "a painting"},
			{Date: d(3, 2), Text: "first tournament"},
			{Date: d(3, 10), Text: "Dana read a book"},
		},
	}
	got := volunteer.Summarize(entries, d(2, 1), d(3, 31))
	assert.Equal(t, want, got)

	t.Run("order of entries does not matter", func(t *testing.T) {
		rev := make([]volunteer.DiaryEntry, len(entries))
		for i, e := range entries {
			rev[len(entries)-1-i] = e
		}
		assert.Equal(t, want, volunteer.Summarize(rev, d(2, 1), d(3, 31)))
	})
	t.Run("open bounds", func(t *testing.T) {
		s := volunteer.Summarize(entries, civil.Date{}, civil.Date{})
		assert.Equal(t, len(entries), s.Entries)
		assert.Equal(t, 32, s.Children)
		s = volunteer.Summarize(entries, d(3, 11), civil.Date{})
		assert.Equal(t, 2, s.Entries, "3-31 and 4-01")
		s = volunteer.Summarize(entries, civil.Date{}, d(1, 31))
		assert.Equal(t, 1, s.Entries)
	})
	t.Run("empty", func(t *testing.T) {
		assert.Equal(t, volunteer.Summary{}, volunteer.Summarize(nil, civil.Date{}, civil.Date{}))
	})
}
