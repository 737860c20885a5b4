package agreement_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

func TestState(t *testing.T) {
	a := agreement.Agreement{ID: "a", Volunteer: "v", SignedOn: d(2, 15), NoticeGivenOn: d(3, 1), EndsOn: d(3, 15)}
	cases := []struct {
		asOf  civil.Date
		state agreement.State
		force bool
	}{
		{d(2, 14), agreement.Draft, false},
		{d(2, 15), agreement.Signed, true},
		{d(2, 28), agreement.Signed, true},
		{d(3, 1), agreement.NoticeGiven, true},
		{d(3, 15), agreement.NoticeGiven, true},
		{d(3, 16), agreement.Ended, false},
		{civil.Date{}, agreement.Ended, false},
	}
	for _, tc := range cases {
		t.Run("as of "+tc.asOf.String(), func(t *testing.T) {
			assert.Equal(t, tc.state, a.State(tc.asOf))
			if !tc.asOf.IsZero() {
				assert.Equal(t, tc.force, a.InForce(tc.asOf))
			}
		})
	}
	t.Run("draft", func(t *testing.T) {
		assert.Equal(t, agreement.Draft, agreement.Agreement{}.State(d(5, 1)))
		assert.False(t, agreement.Agreement{}.InForce(d(5, 1)))
	})
	t.Run("ended by the organisation without notice", func(t *testing.T) {
		b := agreement.Agreement{SignedOn: d(2, 15), EndsOn: d(3, 1)}
		assert.Equal(t, agreement.Signed, b.State(d(3, 1)))
		assert.Equal(t, agreement.Ended, b.State(d(3, 2)))
	})
}

func TestEarliestEnd(t *testing.T) {
	assert.Equal(t, d(3, 15), agreement.EarliestEnd(d(3, 1), agreement.DefaultNoticeDays))
	assert.Equal(t, civil.D(2027, 1, 4), agreement.EarliestEnd(civil.D(2026, 12, 21), 14), "across a year")
	assert.Equal(t, d(3, 8), agreement.EarliestEnd(d(3, 1), 7))
	assert.True(t, agreement.EarliestEnd(civil.Date{}, 14).IsZero())
	assert.Equal(t, 14, agreement.DefaultNoticeDays)
}

func TestEndNoticeBoundary(t *testing.T) {
	signed := func() agreement.Agreement {
		return agreement.Agreement{ID: "a", Volunteer: "v", SignedOn: d(2, 15), NoticeGivenOn: d(3, 1)}
	}
	cases := []struct {
		name   string
		on     civil.Date
		policy agreement.NoticePolicy
		own    int // the agreement's own notice_days
		given  int // -2: no error expected
	}{
		{"13 days", d(3, 14), agreement.NoticePolicy{}, 0, 13},
		{"14 days", d(3, 15), agreement.NoticePolicy{}, 0, -2},
		{"15 days", d(3, 16), agreement.NoticePolicy{}, 0, -2},
		{"own policy 6 days of 7", d(3, 7), agreement.NoticePolicy{Days: 7}, 0, 6},
		{"own policy 7 days", d(3, 8), agreement.NoticePolicy{Days: 7}, 0, -2},
		{"negative days mean default", d(3, 14), agreement.NoticePolicy{Days: -3}, 0, 13},
		{"the agreement's own 20 days: 19 given", d(3, 20), agreement.NoticePolicy{}, 20, 19},
		{"the agreement's own 20 days: 20 given", d(3, 21), agreement.NoticePolicy{}, 20, -2},
		{"the policy's days win over the agreement's", d(3, 8), agreement.NoticePolicy{Days: 7}, 20, -2},
		{"waived, same day as notice", d(3, 1), agreement.NoticePolicy{Waived: true}, 0, -2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := signed()
			a.NoticeDays = tc.own
			err := a.End(tc.on, tc.policy)
			if tc.given == -2 {
				require.NoError(t, err)
				assert.Equal(t, tc.on, a.EndsOn)
				want := agreement.ByVolunteer
				if tc.policy.Waived {
					want = agreement.ByOrganisation
				}
				assert.Equal(t, want, a.EndedBy)
				return
			}
			var ne *agreement.NoticeError
			require.ErrorAs(t, err, &ne)
			assert.Equal(t, tc.given, ne.Given())
			assert.True(t, a.EndsOn.IsZero(), "unchanged")
			l := diag.Errors(err)
			require.Len(t, l, 1)
			assert.Equal(t, agreement.CodeShortNotice, l[0].Code)
			assert.Equal(t, "ends_on", l[0].Path)
			assertLocalized(t, err)
		})
	}
	t.Run("no notice", func(t *testing.T) {
		a := signed()
		a.NoticeGivenOn = civil.Date{}
		err := a.End(d(6, 1), agreement.NoticePolicy{})
		var ne *agreement.NoticeError
		require.ErrorAs(t, err, &ne)
		assert.Equal(t, -1, ne.Given())
		assert.Equal(t, agreement.CodeNoNotice, diag.Errors(err)[0].Code)
		assert.Contains(t, ne.Localize(diag.RU), "не менее чем за 14 дн.")
		assertLocalized(t, err)
		a.NoticeDays = 30
		require.ErrorAs(t, a.End(d(6, 1), agreement.NoticePolicy{}), &ne)
		assert.Contains(t, ne.Localize(diag.KK), "кемінде 30 күн бұрын", "the agreement's own period")
		require.NoError(t, a.End(d(6, 1), agreement.NoticePolicy{Waived: true}), "the organisation ends it")
	})
	t.Run("messages", func(t *testing.T) {
		a := signed()
		err := a.End(d(3, 14), agreement.NoticePolicy{})
		assert.Equal(t, "notice was given 13 days before the end; at least 14 days are required", err.Error())
		assert.Equal(t, "ends_on: хабарлама аяқталуға 13 күн қалғанда берілген, ал кемінде 14 күн бұрын берілуі керек", diag.Localize(err, diag.KK))
	})
}

func TestSteps(t *testing.T) {
	t.Run("the whole way", func(t *testing.T) {
		var a agreement.Agreement
		require.NoError(t, a.Sign(d(2, 15)))
		require.NoError(t, a.GiveNotice(d(3, 1)))
		require.NoError(t, a.End(d(3, 15), agreement.NoticePolicy{}))
		assert.Equal(t, agreement.Ended, a.State(d(3, 16)))
	})
	type step func(*agreement.Agreement) error
	sign := func(on civil.Date) step { return func(a *agreement.Agreement) error { return a.Sign(on) } }
	notice := func(on civil.Date) step { return func(a *agreement.Agreement) error { return a.GiveNotice(on) } }
	end := func(on civil.Date) step {
		return func(a *agreement.Agreement) error { return a.End(on, agreement.NoticePolicy{Waived: true}) }
	}
	draft := agreement.Agreement{}
	signed := agreement.Agreement{SignedOn: d(2, 15)}
	noticed := agreement.Agreement{SignedOn: d(2, 15), NoticeGivenOn: d(3, 1)}
	ended := agreement.Agreement{SignedOn: d(2, 15), EndsOn: d(3, 1)}
	illegal := []struct {
		name     string
		a        agreement.Agreement
		step     step
		from, to agreement.State
	}{
		{"sign twice", signed, sign(d(2, 16)), agreement.Signed, agreement.Signed},
		{"sign ended", ended, sign(d(2, 16)), agreement.Ended, agreement.Signed},
		{"notice on draft", draft, notice(d(3, 1)), agreement.Draft, agreement.NoticeGiven},
		{"notice twice", noticed, notice(d(3, 2)), agreement.NoticeGiven, agreement.NoticeGiven},
		{"notice after end", ended, notice(d(3, 2)), agreement.Ended, agreement.NoticeGiven},
		{"end draft", draft, end(d(3, 1)), agreement.Draft, agreement.Ended},
		{"end twice", ended, end(d(3, 2)), agreement.Ended, agreement.Ended},
	}
	for _, tc := range illegal {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			err := tc.step(&a)
			var se *agreement.StepError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.from, se.From)
			assert.Equal(t, tc.to, se.To)
			assert.Equal(t, tc.a, a, "unchanged")
			assertLocalized(t, err)
		})
	}
	dates := []struct {
		name string
		a    agreement.Agreement
		step step
		path string
		code diag.Code
	}{
		{"sign without a date", draft, sign(civil.Date{}), "signed_on", diag.CodeRequired},
		{"sign after a recorded notice", agreement.Agreement{NoticeGivenOn: d(3, 1)}, sign(d(3, 2)), "signed_on", diag.CodeImpossible},
		{"sign on the recorded notice day", agreement.Agreement{NoticeGivenOn: d(3, 1)}, sign(d(3, 1)), "", ""},
		{"sign after a recorded end", agreement.Agreement{EndsOn: d(3, 1)}, sign(d(3, 2)), "signed_on", diag.CodeImpossible},
		{"notice without a date", signed, notice(civil.Date{}), "notice_given_on", diag.CodeRequired},
		{"notice before signing", signed, notice(d(2, 14)), "notice_given_on", diag.CodeImpossible},
		{"notice on signing day", signed, notice(d(2, 15)), "", ""},
		{"end without a date", signed, end(civil.Date{}), "ends_on", diag.CodeRequired},
		{"end before signing", signed, end(d(2, 14)), "ends_on", diag.CodeImpossible},
		{"end on signing day", signed, end(d(2, 15)), "", ""},
		{"end before notice, even waived", noticed, end(d(2, 28)), "ends_on", diag.CodeImpossible},
		{"end on notice day, waived", noticed, end(d(3, 1)), "", ""},
	}
	for _, tc := range dates {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			err := tc.step(&a)
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			l := diag.Errors(err)
			require.Len(t, l, 1, "%v", err)
			assert.Equal(t, tc.path, l[0].Path)
			assert.Equal(t, tc.code, l[0].Code)
			assert.Equal(t, tc.a, a, "unchanged")
			assertLocalized(t, err)
		})
	}
}
