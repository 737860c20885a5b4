package rules

import (
	"context"
	"fmt"
	"slices"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// DueReport is what comes due over a span of days. Its JSON form is the
// contract's `sabaq due --format json` object.
type DueReport struct {
	Policy string     `json:"policy"`
	From   civil.Date `json:"from"`
	To     civil.Date `json:"to"`
	// Due holds the findings that appear after From, by date, then as
	// Evaluate orders findings.
	Due []DueFinding `json:"due"`
}

// DueFinding is a finding with the first day it appears. Its message is
// rendered as of that day. JSON: {"date", "rule", "severity", "subject",
// "message", "source"}.
type DueFinding struct {
	Date civil.Date `json:"date"`
	Finding
}

// WithCurrent makes [Policy.Due] list what already fails on its first day
// too, dated that day (sabaq due --all). Evaluate ignores it.
func WithCurrent() EvalOption {
	return func(o *evalOptions) { o.current = true }
}

// MaxDueDays is the longest span [Policy.Due] looks at, in days after
// from.
const MaxDueDays = limits.DueDays

// Due lists what comes due between from and to if nothing is done: every
// finding that is not there on from and appears on some day after from up
// to and including to, with the first day it appears and its message as
// of that day (so "has not reported for November" names the month that
// day sees). A finding is a rule and a subject: one that fails on from,
// passes, and fails again later is not new. With [WithCurrent] what fails
// on from is listed as well, dated from.
//
// A zero from is the programme's as_of; to must not be before from, nor
// more than [MaxDueDays] after it. WithLang, WithRules, WithSubject,
// WithCELOnly and WithoutMessages apply as to Evaluate; WithAsOf and
// WithOutcomes are ignored. The result is exactly that of evaluating the
// policy on every day from from to to (the package's tests check it on
// random programmes), found by evaluating only what can change on the
// days it can change: see "What comes due" in the package doc.
//
// Due is safe for concurrent use, and stops early, with ctx's error, when
// ctx is done.
func (p *Policy) Due(ctx context.Context, prog *mentoring.Programme, from, to civil.Date, opts ...EvalOption) (*DueReport, error) {
	st := newState(opts)
	defer st.release()
	o := &st.o
	from, at, err := prepare(prog, from)
	if err != nil {
		return nil, err
	}
	if to.IsZero() {
		to = from
	}
	if to.Before(from) {
		return nil, fmt.Errorf("%w: the span ends on %s, before it starts on %s", ErrInput, to, from)
	}
	if from.DaysUntil(to) > MaxDueDays {
		return nil, fmt.Errorf("%w: %d days from %s is more than %d", ErrInput, from.DaysUntil(to), from, MaxDueDays)
	}
	d := dueRun{p: p, plan: p.duePlan(), st: st, prog: prog, at: at, from: from, to: to}
	if o.subject != "" {
		k, i, err := findSubject(at, prog, o.subject)
		if err != nil {
			return nil, err
		}
		if err := d.subject(ctx, k, i); err != nil {
			return nil, err
		}
	} else {
		for _, k := range subject.Kinds {
			if k.OnRequest || len(p.byKind[k]) == 0 {
				continue
			}
			for i, n := 0, k.Count(prog); i < n; i++ {
				if err := d.subject(ctx, k, i); err != nil {
					return nil, err
				}
			}
		}
	}
	slices.SortStableFunc(d.found, func(a, b dueItem) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		if c := a.kind - b.kind; c != 0 {
			return c
		}
		if c := a.subject - b.subject; c != 0 {
			return c
		}
		return a.rule - b.rule
	})
	rep := &DueReport{Policy: p.name, From: from, To: to, Due: make([]DueFinding, len(d.found))}
	for i, f := range d.found {
		rep.Due[i] = DueFinding{Date: f.date, Finding: f.f}
	}
	return rep, nil
}

// dueRun is one call of Due.
type dueRun struct {
	p        *Policy
	plan     *duePlan
	st       *state
	prog     *mentoring.Programme
	at       *subject.Positions
	from, to civil.Date
	found    []dueItem
	// per subject, reused
	pending []dueCheck
	dates   []civil.Date
	done    []bool
}

// dueItem is a finding found, with what orders it.
type dueItem struct {
	date                civil.Date
	kind, subject, rule int
	f                   Finding
}

// dueCheck is a rule to evaluate on a day.
type dueCheck struct {
	day  civil.Date
	rule int // index in the kind's rules
}

// subject finds what comes due for one subject: every rule on from, then
// each rule that can change on its change days, until it fails.
func (d *dueRun) subject(ctx context.Context, k *subject.Kind, i int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	st, o := d.st, &d.st.o
	rules := d.p.byKind[k]
	ke := d.p.kinds[k]
	kind := slices.Index(subject.Kinds, k)
	st.bind(ke, d.prog, d.at, i, 0, d.from)
	d.pending = d.pending[:0]
	var name string
	record := func(day civil.Date, ri int, r *compiledRule, res Result, msg string) {
		if name == "" {
			name = k.Name + "/" + k.ID(&st.s)
		}
		sev := r.Severity
		if res == Errored {
			sev = Error
		}
		d.found = append(d.found, dueItem{date: day, kind: kind, subject: i, rule: ri,
			f: Finding{Rule: r.ID, Severity: sev, Subject: name, Message: msg, Source: r.Source, Citations: r.Citations.In(o.lang)}})
	}
	for ri, r := range rules {
		if o.only != nil && !o.only[r.ID] {
			continue
		}
		dr := d.plan.rules[r]
		if dr.static && !o.current {
			continue // the same on every day: nothing new can come of it
		}
		res, msg := d.p.check(ctx, r, st, o.lang, o.silent)
		switch {
		case res == Failed || res == Errored:
			if o.current {
				record(d.from, ri, r, res, msg)
			}
			continue
		case dr.static, res == NotApplies && dr.staticWhen:
			continue
		}
		d.changeDays(dr, ri)
	}
	if len(d.pending) == 0 {
		return nil
	}
	slices.SortFunc(d.pending, func(a, b dueCheck) int {
		if c := a.day.Compare(b.day); c != 0 {
			return c
		}
		return a.rule - b.rule
	})
	d.pending = slices.Compact(d.pending)
	var bound civil.Date
	d.done = append(d.done[:0], make([]bool, len(rules))...)
	done := d.done
	for _, c := range d.pending {
		if done[c.rule] {
			continue
		}
		if c.day != bound {
			if err := ctx.Err(); err != nil {
				return err
			}
			st.bind(ke, d.prog, d.at, i, 0, c.day)
			bound = c.day
		}
		r := rules[c.rule]
		if res, msg := d.p.check(ctx, r, st, o.lang, o.silent); res == Failed || res == Errored {
			record(c.day, c.rule, r, res, msg)
			done[c.rule] = true
		}
	}
	return nil
}

// changeDays queues the days on which rule ri of the bound subject (bound
// on from) may change: its probes' days, or every day.
func (d *dueRun) changeDays(dr *dueRule, ri int) {
	add := func(day civil.Date) { d.pending = append(d.pending, dueCheck{day: day, rule: ri}) }
	daily := dr.daily
	if !daily {
		start := len(d.pending)
		for pi := range dr.probes {
			pr := &dr.probes[pi]
			var ok bool
			d.dates, ok = pr.dates(&d.st.a, 0, d.dates[:0])
			if !ok {
				daily = true
				d.pending = d.pending[:start]
				break
			}
			pr.changeDays(d.dates, d.from, d.to, add)
		}
	}
	if daily {
		for day := d.from.AddDays(1); !day.After(d.to); day = day.AddDays(1) {
			add(day)
		}
	}
}
