package volunteer_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// valid returns a volunteer with every optional part filled in and valid.
func valid() volunteer.Volunteer {
	return volunteer.Volunteer{
		ID:        "v-1",
		FullName:  "Aigerim Sadykova",
		BirthDate: civil.D(1990, 4, 2),
		Gender:    volunteer.Female,
		City:      "Almaty",
		Languages: []string{"kk", "ru"},
		Contacts:  &volunteer.Contacts{Phone: "+7 701 555 01 02", Email: "aigerim@example.kz", Address: "Abay ave 1"},
		Education: volunteer.Higher,
		FreeTime:  &volunteer.FreeTime{Bucket: volunteer.EveningsOnly, HoursPerWeek: 6, Weekdays: []volunteer.Weekday{volunteer.Mon, volunteer.Thu}},
		Health:    &volunteer.Health{Limitations: false},
		Skills:    []volunteer.Skill{{Name: "chess", Like: true}, {Name: "drawing", CanTeach: true}},
		Role:      volunteer.IndividualMentor, CommitmentMonths: 24,
		Screening: volunteer.Screening{Interview: civil.D(2026, 1, 10), PsychologicalTest: civil.D(2026, 1, 15),
			Training: civil.D(2026, 2, 1), Documents: civil.D(2026, 2, 10)},
		Level: volunteer.Trainee, Status: volunteer.Approved,
	}
}

// problems returns the diag errors of err, failing the test if err holds
// anything else.
func problems(tb testing.TB, err error) diag.List {
	tb.Helper()
	if err == nil {
		return nil
	}
	var l diag.List
	require.ErrorAs(tb, err, &l)
	return l
}

// assertOne checks that err is exactly one problem at path with code, and
// that its message reads in all three languages without personal data.
func assertOne(tb testing.TB, err error, path string, code diag.Code, secrets ...string) {
	tb.Helper()
	l := problems(tb, err)
	require.Len(tb, l, 1, "%v", err)
	assert.Equal(tb, path, l[0].Path)
	assert.Equal(tb, code, l[0].Code)
	assertLocalized(tb, l[0], secrets...)
}

func assertLocalized(tb testing.TB, e *diag.Error, secrets ...string) {
	tb.Helper()
	seen := map[string]diag.Lang{}
	for _, lang := range diag.Langs {
		msg := e.Message(lang)
		require.NotEmpty(tb, msg, lang)
		assert.NotContains(tb, msg, "{0}")
		if other, dup := seen[msg]; dup {
			tb.Errorf("%s message is the same as %s: %q", lang, other, msg)
		}
		seen[msg] = lang
		for _, s := range secrets {
			if s != "" {
				assert.NotContains(tb, e.Localize(lang), s, "personal data in the %s message", lang)
			}
		}
	}
}

func long(n int) string { return strings.Repeat("a", n) }
