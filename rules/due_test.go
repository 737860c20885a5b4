package rules_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Each boundary of testdata/due: the finding comes due on exactly its
// day — Evaluate finds it that day and not the day before, and Due dates
// it that day whether the span starts the day before or weeks earlier,
// and does not list it in a span that ends the day before.
func TestDueBoundaries(t *testing.T) {
	prog, err := mentoring.Load("testdata/due/boundaries.yaml")
	require.NoError(t, err)
	ctx := context.Background()
	tests := []struct {
		rule, subject string
		date          civil.Date
	}{
		{"agreement.monthly_report", "agreement/a-1", civil.D(2026, 12, 1)},  // a report due the first day of the next month
		{"child.adaptation_centre_stay", "child/c-1", civil.D(2026, 12, 11)}, // six months from 2026-06-10 end on 2026-12-10
		{"agreement.monthly_report", "agreement/a-2", civil.D(2027, 1, 1)},   // an agreement ending in December owes December
		{"tandem.first_week_support", "tandem/t-1", civil.D(2026, 11, 27)},   // the first 7 days from 2026-11-20 are over
		{"tandem.regular_contact", "tandem/t-2", civil.D(2026, 12, 5)},       // 15 days since the meeting of 2026-11-20
		{"tandem.agreement_in_force", "tandem/t-3", civil.D(2026, 12, 6)},    // the mentor's notice period ended on 2026-12-05
	}
	for _, policy := range []string{"guide", "nastavniki"} {
		pol, err := rules.Resolve(policy)
		require.NoError(t, err)
		for _, tt := range tests {
			t.Run(policy+"/"+tt.rule+"/"+tt.subject, func(t *testing.T) {
				has := func(fs []rules.Finding) bool {
					for _, f := range fs {
						if f.Rule == tt.rule && f.Subject == tt.subject {
							return true
						}
					}
					return false
				}
				before, err := pol.Evaluate(ctx, prog, rules.WithAsOf(tt.date.AddDays(-1)))
				require.NoError(t, err)
				assert.False(t, has(before.Findings), "there the day before")
				on, err := pol.Evaluate(ctx, prog, rules.WithAsOf(tt.date))
				require.NoError(t, err)
				assert.True(t, has(on.Findings), "not there on its day")

				dated := func(from, to civil.Date) (civil.Date, bool) {
					rep, err := pol.Due(ctx, prog, from, to)
					require.NoError(t, err)
					for _, f := range rep.Due {
						if f.Rule == tt.rule && f.Subject == tt.subject {
							return f.Date, true
						}
					}
					return civil.Date{}, false
				}
				for _, from := range []civil.Date{tt.date.AddDays(-1), prog.AsOf} {
					d, ok := dated(from, tt.date.AddDays(30))
					require.True(t, ok, "not listed from %s", from)
					assert.Equal(t, tt.date, d, "from %s", from)
				}
				_, ok := dated(prog.AsOf, tt.date.AddDays(-1))
				assert.False(t, ok, "listed before its day")
				_, ok = dated(tt.date, tt.date.AddDays(30))
				assert.False(t, ok, "listed as new on a span that starts with it there")
			})
		}
	}
}

func TestDueErrors(t *testing.T) {
	prog, err := mentoring.Load("testdata/due/boundaries.yaml")
	require.NoError(t, err)
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	ctx := context.Background()
	from := prog.AsOf
	tests := []struct {
		name     string
		from, to civil.Date
		opts     []rules.EvalOption
	}{
		{"ends before it starts", from, from.AddDays(-1), nil},
		{"longer than the cap", from, from.AddDays(rules.MaxDueDays + 1), nil},
		{"unknown subject", from, from.AddDays(1), []rules.EvalOption{rules.WithSubject("child/c-9")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pol.Due(ctx, prog, tt.from, tt.to, tt.opts...)
			assert.True(t, errors.Is(err, rules.ErrInput), "%v", err)
		})
	}
	_, err = pol.Due(ctx, nil, from, from)
	assert.True(t, errors.Is(err, rules.ErrInput))
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = pol.Due(cancelled, prog, from, from.AddDays(10))
	assert.ErrorIs(t, err, context.Canceled)

	// One subject, one rule, the zero span and the zero from (as_of).
	rep, err := pol.Due(ctx, prog, civil.Date{}, from.AddDays(30), rules.WithSubject("child/c-1"), rules.WithRules("child.adaptation_centre_stay"))
	require.NoError(t, err)
	require.Len(t, rep.Due, 1)
	assert.Equal(t, "child/c-1", rep.Due[0].Subject)
	rep, err = pol.Due(ctx, prog, from, from)
	require.NoError(t, err)
	assert.Empty(t, rep.Due)
	assert.NotNil(t, rep.Due, "an empty list, not null, in JSON")
}

// Due from many goroutines at once on one policy and one programme.
func TestDueConcurrent(t *testing.T) {
	prog, err := mentoring.Load("testdata/due/boundaries.yaml")
	require.NoError(t, err)
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	want, err := pol.Due(context.Background(), prog, prog.AsOf, prog.AsOf.AddDays(60))
	require.NoError(t, err)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			got, err := pol.Due(context.Background(), prog, prog.AsOf, prog.AsOf.AddDays(60))
			if err == nil && len(got.Due) != len(want.Due) {
				err = errors.New("a different answer")
			}
			errs <- err
		}()
	}
	for range 8 {
		assert.NoError(t, <-errs)
	}
}
