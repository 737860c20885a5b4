package peers

import (
	"context"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// ours is our engine through its public API only: a compiled policy and
// Policy.Evaluate, with rules.WithSubject for one subject.
type ours struct {
	pol  *rules.Policy
	prog *mentoring.Programme
}

// NewOurs evaluates pol on prog, a programme from mentoring.Load or Parse.
func NewOurs(pol *rules.Policy, prog *mentoring.Programme) Engine {
	return &ours{pol: pol, prog: prog}
}

func (o *ours) Name() string { return "ours" }

func (o *ours) Subject(ctx context.Context, subject string, out []Finding) ([]Finding, error) {
	rep, err := o.pol.Evaluate(ctx, o.prog, rules.WithSubject(subject))
	if err != nil {
		return out, err
	}
	return appendReport(out, rep), nil
}

func (o *ours) All(ctx context.Context, out []Finding) ([]Finding, error) {
	rep, err := o.pol.Evaluate(ctx, o.prog)
	if err != nil {
		return out, err
	}
	return appendReport(out, rep), nil
}

func appendReport(out []Finding, rep *rules.Report) []Finding {
	for _, f := range rep.Findings {
		out = append(out, Finding{Rule: f.Rule, Severity: string(f.Severity), Subject: f.Subject})
	}
	return out
}
