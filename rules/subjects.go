package rules

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Decision is one rule's result on a subject evaluated on request (a
// candidate pair, a questionnaire response), with its message rendered
// whatever the result, so that a person sees why.
type Decision struct {
	Rule     string   `json:"rule"`
	Result   Result   `json:"result"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message,omitempty"`
	Source   string   `json:"source,omitempty"`
}

// ScorePart is one weighted criterion of a pair's score.
type ScorePart struct {
	ID     string  `json:"id"`
	Value  float64 `json:"value"`
	Weight float64 `json:"weight"`
}

// PairDecision says whether a mentor–child pair may be proposed and how
// well it fits. It is a proposal's reasoning, never a decision about people:
// the coordinator decides.
type PairDecision struct {
	// Allowed is false when a deny rule (or a rule that failed to evaluate)
	// forbids the pair.
	Allowed bool `json:"allowed"`
	// Violations are the failing deny and error rules; Notes the failing
	// warn rules.
	Violations []Finding `json:"violations,omitempty"`
	Notes      []Finding `json:"notes,omitempty"`
	// Score is the sum of Parts' Value × Weight.
	Score float64     `json:"score"`
	Parts []ScorePart `json:"parts,omitempty"`
}

// Pair evaluates the policy's pair rules and scores on one candidate pair:
// the mentor and the child must belong to prog (their agreements, tandems
// and the child's institution are looked up there). It is safe for
// concurrent use; prog must not change meanwhile.
func (p *Policy) Pair(ctx context.Context, prog *mentoring.Programme, mentor *volunteer.Volunteer, child *mentoring.Child, opts ...EvalOption) (PairDecision, error) {
	o := evalOptions{lang: diag.EN}
	for _, opt := range opts {
		opt(&o)
	}
	ke := p.kinds[KindPair]
	if ke == nil {
		return PairDecision{}, fmt.Errorf("%w: policy %s has no pair rules or scores", ErrInput, p.name)
	}
	inst, ok := prog.Institution(child.Institution)
	if !ok {
		return PairDecision{}, fmt.Errorf("%w: child %s: institution %q is not in the programme", ErrInput, child.ID, child.Institution)
	}
	asOf := prog.AsOf
	if !o.asOf.IsZero() {
		asOf = o.asOf
	}
	s := subject{kind: KindPair, id: mentor.ID + "+" + child.ID, v: mentor, c: child, inst: inst,
		agreements: prog.AgreementIndexesOf(mentor.ID), tandems: prog.TandemIndexesOf(mentor.ID)}
	fr := o.frame()
	defer fr.release()
	b := newBinding(ke, &s, prog, asOf, fr)
	defer b.release()
	fits := s.fits(&p.sizes)
	dec := PairDecision{Allowed: true}
	sub := "pair/" + mentor.ID + "+" + child.ID
	for _, r := range p.byKind[KindPair] {
		if err := ctx.Err(); err != nil {
			return PairDecision{}, err
		}
		res, msg := p.check(ctx, r, &b, fits, o.lang)
		switch {
		case res == Errored:
			dec.Allowed = false
			dec.Violations = append(dec.Violations, Finding{Rule: r.ID, Severity: Error, Subject: sub, Message: msg, Source: r.Source})
		case res == Failed && r.Severity == Deny:
			dec.Allowed = false
			dec.Violations = append(dec.Violations, Finding{Rule: r.ID, Severity: Deny, Subject: sub, Message: msg, Source: r.Source})
		case res == Failed:
			dec.Notes = append(dec.Notes, Finding{Rule: r.ID, Severity: r.Severity, Subject: sub, Message: msg, Source: r.Source})
		}
	}
	for _, s := range p.scores {
		if s.kind != ke {
			continue
		}
		v, err := number(ctx, s.expr, b.cel())
		if err != nil {
			return PairDecision{}, fmt.Errorf("score %s on %s: %w", s.ID, sub, err)
		}
		w := 1.0
		if s.weight != nil {
			if w, err = number(ctx, s.weight, b.cel()); err != nil {
				return PairDecision{}, fmt.Errorf("weight of score %s: %w", s.ID, err)
			}
		}
		dec.Parts = append(dec.Parts, ScorePart{ID: s.ID, Value: v, Weight: w})
		dec.Score += v * w
	}
	return dec, nil
}

// Scores describes the policy's scores for a subject kind, in order.
func (p *Policy) Scores(k Kind) []string {
	var out []string
	for _, s := range p.scores {
		if s.kind.kind == k {
			out = append(out, s.ID)
		}
	}
	return out
}

// Respondent evaluates the policy's respondent rules on a questionnaire
// response as of a date (the applicant's age counts on that day). Every
// rule's message is rendered, passed or not: for role suggestions
// (questionnaire.yaml) a passing role rule means the role fits and its
// message says why.
func (p *Policy) Respondent(ctx context.Context, r *questionnaire.Response, asOf civil.Date, opts ...EvalOption) ([]Decision, error) {
	o := evalOptions{lang: diag.EN}
	for _, opt := range opts {
		opt(&o)
	}
	ke := p.kinds[KindRespondent]
	if ke == nil {
		return nil, fmt.Errorf("%w: policy %s has no respondent rules", ErrInput, p.name)
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("%w: no date to assess the response on", ErrInput)
	}
	s := subject{kind: KindRespondent, id: "respondent", resp: r}
	fr := o.frame()
	defer fr.release()
	b := newBinding(ke, &s, nil, asOf, fr)
	defer b.release()
	var out []Decision
	for _, rule := range p.byKind[KindRespondent] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, msg := p.check(ctx, rule, &b, true, o.lang)
		sev := rule.Severity
		if res == Errored {
			sev = Error
		}
		if res == Passed {
			msg = rule.messages[langIndex(o.lang)].render(b.cel())
		}
		out = append(out, Decision{Rule: rule.ID, Result: res, Severity: sev, Message: msg, Source: rule.Source})
	}
	return out, nil
}
