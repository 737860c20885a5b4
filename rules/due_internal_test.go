package rules

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// everyDay is Due the obvious way: the whole policy evaluated on every day
// from from to to, each finding kept on the first day it appears unless
// it is there on from. Due must agree with it exactly.
func everyDay(tb testing.TB, p *Policy, prog *mentoring.Programme, from, to civil.Date, current bool, opts ...EvalOption) *DueReport {
	tb.Helper()
	ctx := context.Background()
	rep := &DueReport{Policy: p.Name(), From: from, To: to, Due: []DueFinding{}}
	seen := map[string]bool{}
	for day := from; !day.After(to); day = day.AddDays(1) {
		r, err := p.Evaluate(ctx, prog, append(opts[:len(opts):len(opts)], WithAsOf(day))...)
		require.NoError(tb, err)
		for _, f := range r.Findings {
			key := f.Rule + " " + f.Subject
			if seen[key] {
				continue
			}
			seen[key] = true
			if day != from || current {
				rep.Due = append(rep.Due, DueFinding{Date: day, Finding: f})
			}
		}
	}
	return rep
}

// shapesPolicy reads as_of in every shape the plan knows, and in ways it
// does not (evaluated daily), inside comprehensions and outside, with
// fields that may be absent: the plan's own table of cases.
const shapesPolicy = `
name: shapes
params:
  gap: {type: int, default: 20}
  stay: {type: int, default: 2}
variables:
  - {name: since_start, subject: tandem, expr: "days_between(tandem.started_on, as_of)"}
  - {name: open_agreements, subject: volunteer,
     expr: "agreements.filter(a, has(a.signed_on) && a.signed_on <= as_of && (!has(a.ends_on) || a.ends_on >= as_of))"}
rules:
  - id: threshold.days_after
    subject: tandem
    expr: "days_between(tandem.started_on, as_of) < params.gap"
    severity: warn
    message: {kk: "{{tandem.id}}", ru: "{{tandem.id}}", en: "{{tandem.id}} {{string(as_of)}}"}
  - id: threshold.days_before
    subject: tandem
    expr: "params.gap >= days_between(as_of, add_days(tandem.started_on, 300))"
    severity: warn
    message: {kk: "{{tandem.id}}", ru: "{{tandem.id}}", en: "{{tandem.id}}"}
  - id: threshold.in_a_loop
    subject: volunteer
    when: "agreements.size() > 0"
    expr: "open_agreements.size() > 0"
    severity: deny
    message: {kk: "{{volunteer.id}}", ru: "{{volunteer.id}}", en: "{{volunteer.id}} {{open_agreements.size()}}"}
  - id: threshold.nested_loops
    subject: volunteer
    expr: "!tandems.exists(t, agreements.exists(a, has(a.ends_on) && add_days(a.ends_on, 10) < as_of && t.started_on < a.ends_on))"
    severity: warn
    message: {kk: "{{volunteer.id}}", ru: "{{volunteer.id}}", en: "{{volunteer.id}}"}
  - id: years.age_of
    subject: child
    expr: "age(child.birth_date, as_of) % 2 == 0"
    severity: warn
    message: {kk: "{{child.id}}", ru: "{{child.id}}", en: "{{child.id}} {{age(child.birth_date, as_of)}}"}
  - id: years.reversed
    subject: volunteer
    expr: "age(as_of, add_months(volunteer.birth_date, 12 * 60)) != 33"
    severity: warn
    message: {kk: "{{volunteer.id}}", ru: "{{volunteer.id}}", en: "{{volunteer.id}}"}
  - id: months.stay
    subject: child
    when: "has(child.admitted_on)"
    expr: "months_between(child.admitted_on, as_of) <= params.stay || months_between(as_of, child.admitted_on) > 9"
    severity: warn
    message: {kk: "{{child.id}}", ru: "{{child.id}}", en: "{{child.id}} {{months_between(child.admitted_on, as_of)}}"}
  - id: monthly.chain
    subject: agreement
    when: "has(agreement.signed_on)"
    expr: "month_of(add_months(add_months(as_of, -1), 1 - 1)) != month('2027-01') && month_of(as_of) <= month_of(add_days(agreement.signed_on, 360))"
    severity: warn
    message: {kk: "{{agreement.id}}", ru: "{{agreement.id}}", en: "{{agreement.id}} {{string(month_of(as_of))}}"}
  - id: daily.variable
    subject: tandem
    expr: "since_start % 7 != 3"
    severity: warn
    message: {kk: "{{tandem.id}}", ru: "{{tandem.id}}", en: "{{tandem.id}} {{since_start}}"}
  - id: daily.shifted
    subject: group
    expr: "add_days(as_of, 3) != add_days(group.date, 300)"
    severity: warn
    message: {kk: "{{group.id}}", ru: "{{group.id}}", en: "{{group.id}}"}
  - id: static.size
    subject: group
    expr: "group.children.size() < 5"
    severity: deny
    message: {kk: "{{group.id}}", ru: "{{group.id}}", en: "{{group.id}}"}
  - id: error.missing
    subject: child
    when: "child.programme == 'coaching'"
    expr: "child.admitted_on < as_of"
    severity: warn
    message: {kk: "{{child.id}}", ru: "{{child.id}}", en: "{{child.id}}"}
`

func mustShapes(tb testing.TB) *Policy {
	tb.Helper()
	p, err := Load(fstest.MapFS{"shapes.yaml": {Data: []byte(shapesPolicy)}}, "shapes")
	require.NoError(tb, err)
	return p
}

func TestDuePlanShapes(t *testing.T) {
	plan := mustShapes(t).duePlan()
	got := map[string]string{}
	for r, dr := range plan.rules {
		switch {
		case dr.static:
			got[r.ID] = "static"
		case dr.daily:
			got[r.ID] = "daily"
		default:
			got[r.ID] = fmt.Sprintf("%d probes", len(dr.probes))
		}
	}
	require.Equal(t, map[string]string{
		"threshold.days_after":   "1 probes",
		"threshold.days_before":  "1 probes",
		"threshold.in_a_loop":    "2 probes",
		"threshold.nested_loops": "1 probes",
		"years.age_of":           "1 probes",
		"years.reversed":         "1 probes",
		"months.stay":            "2 probes",
		"monthly.chain":          "2 probes",
		"daily.variable":         "daily",
		"daily.shifted":          "daily",
		"static.size":            "static",
		"error.missing":          "1 probes",
	}, got)
}

// TestDueAgreesWithEveryDay is the proof that the plan's change days are
// enough: on random programmes, spans and options, Due is exactly the
// every-day evaluation, findings, dates and messages alike.
func TestDueAgreesWithEveryDay(t *testing.T) {
	policies := []*Policy{mustShapes(t)}
	for _, name := range []string{"guide", "nastavniki"} {
		p, err := Load(Policies(), name)
		require.NoError(t, err)
		policies = append(policies, p)
	}
	ctx := context.Background()
	r := rand.New(rand.NewPCG(17, 2026))
	for i := range 60 {
		prog := randomProgramme(r, 4+r.IntN(12))
		p := policies[i%len(policies)]
		from := prog.AsOf.AddDays(r.IntN(400) - 200)
		to := from.AddDays([]int{0, 1, 30, 90, 400}[r.IntN(5)])
		var opts []EvalOption
		if r.IntN(4) == 0 {
			opts = append(opts, WithCELOnly())
		}
		if r.IntN(3) == 0 {
			opts = append(opts, WithLang(diag.Langs[r.IntN(3)]))
		}
		current := r.IntN(3) == 0
		want := everyDay(t, p, prog, from, to, current, opts...)
		if current {
			opts = append(opts, WithCurrent())
		}
		got, err := p.Due(ctx, prog, from, to, opts...)
		require.NoError(t, err)
		require.Equal(t, want, got, "programme %d, policy %s, %s to %s", i, p.Name(), from, to)
	}
}

// BenchmarkDue looks 90 days ahead on a programme of 1,000 volunteers
// (500 children and tandems, 1,000 agreements, 8,000 reports, 125 groups;
// every agreement's November report falls due on 1 December), and on a
// random one of 1,000 volunteers near every boundary, beside the every-day
// evaluation of the same days.
func BenchmarkDue(b *testing.B) {
	ctx := context.Background()
	p := mustGuide(b)
	progs := []struct {
		name string
		prog *mentoring.Programme
	}{
		{"compliant", benchProgramme(1000)},
		{"random", randomProgramme(rand.New(rand.NewPCG(1, 2)), 1000)},
	}
	for _, c := range progs {
		require.NoError(b, c.prog.Validated())
		from := c.prog.AsOf
		to := from.AddDays(90)
		b.Run(c.name+"/every-day", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				everyDay(b, p, c.prog, from, to, false)
			}
		})
		b.Run(c.name+"/due", func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				rep, err := p.Due(ctx, c.prog, from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = len(rep.Due)
			}
			b.ReportMetric(float64(n), "findings")
		})
	}
}
