package peers

import (
	"context"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// ours is our engine through its public API only: a compiled policy and
// Policy.EvaluateInto, with rules.WithSubject for one subject, into one
// report reused from call to call — as the expr engine reuses its virtual
// machine and environments, and a service checking one subject at a time
// would.
type ours struct {
	pol  *rules.Policy
	prog *mentoring.Programme
	rep  rules.Report
}

// NewOurs evaluates pol on prog, a programme from mentoring.Load or Parse.
func NewOurs(pol *rules.Policy, prog *mentoring.Programme) Engine {
	return &ours{pol: pol, prog: prog}
}

func (o *ours) Name() string { return "ours" }

func (o *ours) Subject(ctx context.Context, subject string, out []Finding) ([]Finding, error) {
	if err := o.pol.EvaluateInto(ctx, o.prog, &o.rep, rules.WithSubject(subject)); err != nil {
		return out, err
	}
	return appendReport(out, &o.rep), nil
}

func (o *ours) All(ctx context.Context, out []Finding) ([]Finding, error) {
	if err := o.pol.EvaluateInto(ctx, o.prog, &o.rep); err != nil {
		return out, err
	}
	return appendReport(out, &o.rep), nil
}

func appendReport(out []Finding, rep *rules.Report) []Finding {
	for _, f := range rep.Findings {
		out = append(out, Finding{Rule: f.Rule, Severity: string(f.Severity), Subject: f.Subject})
	}
	return out
}
