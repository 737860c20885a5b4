package volunteer_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

var statuses = []volunteer.Status{volunteer.Applicant, volunteer.InScreening, volunteer.Approved,
	volunteer.Active, volunteer.OnHold, volunteer.Retired}

func TestCanGo(t *testing.T) {
	allowed := map[[2]volunteer.Status]bool{
		{volunteer.Applicant, volunteer.InScreening}: true,
		{volunteer.Applicant, volunteer.Retired}:     true,
		{volunteer.InScreening, volunteer.Approved}:  true,
		{volunteer.InScreening, volunteer.Retired}:   true,
		{volunteer.Approved, volunteer.Active}:       true,
		{volunteer.Approved, volunteer.Retired}:      true,
		{volunteer.Active, volunteer.OnHold}:         true,
		{volunteer.Active, volunteer.Retired}:        true,
		{volunteer.OnHold, volunteer.Active}:         true,
		{volunteer.OnHold, volunteer.Retired}:        true,
		{volunteer.Retired, volunteer.Applicant}:     true,
	}
	// Every pair, so that a move added or dropped by mistake fails here.
	for _, from := range statuses {
		for _, to := range statuses {
			t.Run(fmt.Sprintf("%s to %s", from, to), func(t *testing.T) {
				want := allowed[[2]volunteer.Status{from, to}]
				assert.Equal(t, want, from.CanGo(to))
				assert.Equal(t, want, contains(from.Next(), to))
			})
		}
	}
	t.Run("zero is applicant", func(t *testing.T) {
		assert.True(t, volunteer.Status("").CanGo(volunteer.InScreening))
		assert.False(t, volunteer.Status("").CanGo(volunteer.Approved))
	})
	t.Run("unknown goes nowhere", func(t *testing.T) {
		assert.False(t, volunteer.Status("paused").CanGo(volunteer.Active))
		assert.False(t, volunteer.Active.CanGo("paused"))
		assert.Empty(t, volunteer.Status("paused").Next())
	})
}

func contains(s []volunteer.Status, x volunteer.Status) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func TestTransition(t *testing.T) {
	t.Run("the whole way", func(t *testing.T) {
		var v volunteer.Volunteer
		for _, to := range []volunteer.Status{volunteer.InScreening, volunteer.Approved, volunteer.Active,
			volunteer.OnHold, volunteer.Active, volunteer.Retired, volunteer.Applicant} {
			require.NoError(t, v.Transition(to))
			assert.Equal(t, to, v.Status)
		}
	})
	t.Run("illegal", func(t *testing.T) {
		v := volunteer.Volunteer{Status: volunteer.Applicant}
		err := v.Transition(volunteer.Active)
		require.Error(t, err)
		assert.Equal(t, volunteer.Applicant, v.Status, "status unchanged")

		var te *volunteer.TransitionError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, volunteer.Applicant, te.From)
		assert.Equal(t, volunteer.Active, te.To)

		var de *diag.Error
		require.True(t, errors.As(err, &de))
		assert.Equal(t, diag.CodeIllegalChange, de.Code)
		assert.Equal(t, "status", de.Path)

		assert.Equal(t, `cannot go from "applicant" to "active"`, err.Error())
		assert.Equal(t, "«үміткер» күйінен «белсенді» күйіне өтуге болмайды", te.Localize(diag.KK))
		assert.Equal(t, "нельзя перейти из состояния «кандидат» в «активен»", te.Localize(diag.RU))
		assert.Equal(t, "status: «үміткер» күйінен «белсенді» күйіне өтуге болмайды", diag.Localize(err, diag.KK))
	})
	t.Run("zero status reads as applicant", func(t *testing.T) {
		var v volunteer.Volunteer
		var te *volunteer.TransitionError
		require.ErrorAs(t, v.Transition(volunteer.Retired.Next()[0]+"x"), &te)
		assert.Equal(t, volunteer.Applicant, te.From)
		assert.Equal(t, `cannot go from "applicant" to "applicantx"`, te.Error(), "unknown status shown as given")
	})
	t.Run("every term in every language", func(t *testing.T) {
		for _, s := range statuses {
			e := &volunteer.TransitionError{From: s, To: s}
			for _, lang := range diag.Langs {
				assert.NotContains(t, e.Localize(lang), "status.", "%s has a %s term", s, lang)
			}
		}
	})
}
