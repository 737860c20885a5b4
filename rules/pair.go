package rules

import (
	"context"
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
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
// and the child's institution are looked up there), which must be valid
// (see [Policy.Evaluate]). It is safe for concurrent use; prog must not
// change meanwhile. The context is checked once, before the pair.
func (p *Policy) Pair(ctx context.Context, prog *mentoring.Programme, mentor *volunteer.Volunteer, child *mentoring.Child, opts ...EvalOption) (PairDecision, error) {
	st := newState(opts)
	defer st.release()
	o := &st.o
	k, err := p.bindPair(ctx, st, prog, mentor, child)
	if err != nil {
		return PairDecision{}, err
	}
	dec := PairDecision{Allowed: true}
	var sub string
	name := func() string {
		if sub == "" {
			sub = "pair/" + mentor.ID + "+" + child.ID
		}
		return sub
	}
	for _, r := range p.byKind[k] {
		res, msg := p.check(ctx, r, st, o.lang, o.silent)
		switch {
		case res == Errored:
			dec.Allowed = false
			dec.Violations = append(dec.Violations, Finding{Rule: r.ID, Severity: Error, Subject: name(), Message: msg, Source: r.Source, Citations: r.Citations.In(o.lang)})
		case res == Failed && r.Severity == Deny:
			dec.Allowed = false
			dec.Violations = append(dec.Violations, Finding{Rule: r.ID, Severity: Deny, Subject: name(), Message: msg, Source: r.Source, Citations: r.Citations.In(o.lang)})
		case res == Failed:
			dec.Notes = append(dec.Notes, Finding{Rule: r.ID, Severity: r.Severity, Subject: name(), Message: msg, Source: r.Source, Citations: r.Citations.In(o.lang)})
		}
	}
	dec.Score, dec.Parts, err = p.pairScores(ctx, st, true)
	if err != nil {
		return PairDecision{}, fmt.Errorf("%s: %w", name(), err)
	}
	return dec, nil
}

// ScreenPair is [Policy.Pair] for a matcher screening many pairs: whether
// the pair is allowed, its score, and the ids of the rules that forbid it
// (deny rules that fail and rules that fail to evaluate), appended to
// forbidding, a buffer the caller may reuse. It renders no message and,
// with a buffer of room enough, allocates nothing. Options as for Pair;
// the result agrees with Pair's.
func (p *Policy) ScreenPair(ctx context.Context, prog *mentoring.Programme, mentor *volunteer.Volunteer, child *mentoring.Child, forbidding []string, opts ...EvalOption) (allowed bool, score float64, rules []string, err error) {
	st := newState(opts)
	defer st.release()
	o := &st.o
	k, err := p.bindPair(ctx, st, prog, mentor, child)
	if err != nil {
		return false, 0, forbidding, err
	}
	allowed = true
	for _, r := range p.byKind[k] {
		res, _ := p.check(ctx, r, st, o.lang, true)
		if res == Errored || res == Failed && r.Severity == Deny {
			allowed = false
			forbidding = append(forbidding, r.ID)
		}
	}
	score, _, err = p.pairScores(ctx, st, false)
	if err != nil {
		return false, 0, forbidding, fmt.Errorf("pair/%s+%s: %w", mentor.ID, child.ID, err)
	}
	return allowed, score, forbidding, nil
}

// bindPair checks a candidate pair and binds it for evaluation in st.
func (p *Policy) bindPair(ctx context.Context, st *state, prog *mentoring.Programme, mentor *volunteer.Volunteer, child *mentoring.Child) (*subject.Kind, error) {
	k := pairKind
	ke := p.kinds[k]
	if ke == nil {
		return nil, fmt.Errorf("%w: policy %s has no pair rules or scores", ErrInput, p.name)
	}
	asOf, at, err := prepare(prog, st.o.asOf)
	if err != nil {
		return nil, err
	}
	i, ok := at.Volunteer[mentor.ID]
	j, ok2 := at.Child[child.ID]
	if !ok || !ok2 {
		return nil, fmt.Errorf("%w: the pair %s+%s is not in the programme", ErrInput, mentor.ID, child.ID)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st.bind(ke, prog, at, i, j, asOf)
	return k, nil
}

var pairKind, _ = subject.Lookup(string(KindPair))

// pairScores computes the pair's scores, and their parts when asked.
func (p *Policy) pairScores(ctx context.Context, st *state, withParts bool) (float64, []ScorePart, error) {
	var sum float64
	var parts []ScorePart
	for _, s := range p.scores {
		if s.env != st.ke {
			continue
		}
		v, err := p.number(ctx, st, s.expr, s.nExpr)
		if err != nil {
			return 0, nil, fmt.Errorf("score %s: %w", s.ID, err)
		}
		w := 1.0
		if s.weight != nil {
			if w, err = p.number(ctx, st, s.weight, s.nWeight); err != nil {
				return 0, nil, fmt.Errorf("weight of score %s: %w", s.ID, err)
			}
		}
		if withParts {
			if parts == nil {
				parts = make([]ScorePart, 0, len(p.scores))
			}
			parts = append(parts, ScorePart{ID: s.ID, Value: v, Weight: w})
		}
		sum += v * w
	}
	return sum, parts, nil
}

// number evaluates a score or weight (int or double): natively when it
// can, else on cel-go with its cost budget.
func (p *Policy) number(ctx context.Context, st *state, prg cel.Program, fn native.Fn) (float64, error) {
	if st.fr != nil && fn != nil {
		st.guard(p)
		v, out, why := native.Value(st.fr, fn)
		switch {
		case out == native.Pass && v.K == value.Double:
			return v.Double(), nil
		case out == native.Pass && v.K == value.Int:
			return float64(v.N), nil
		case out == native.Stop, out == native.Fault:
			return 0, fmt.Errorf("the native evaluator stopped: %s", firstLine(why))
		}
	}
	out, _, err := prg.ContextEval(ctx, &st.a)
	if err != nil {
		return 0, err
	}
	switch v := out.(type) {
	case types.Double:
		return float64(v), nil
	case types.Int:
		return float64(v), nil
	}
	return 0, fmt.Errorf("result is %s, not a number", out.Type().TypeName())
}

func firstLine(s string) string {
	for i := range len(s) {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

// Respondent evaluates the policy's respondent rules on a questionnaire
// response as of a date (the applicant's age counts on that day). Every
// rule's message is rendered, passed or not: for role suggestions
// (questionnaire.yaml) a passing role rule means the role fits and its
// message says why.
func (p *Policy) Respondent(ctx context.Context, r *questionnaire.Response, asOf civil.Date, opts ...EvalOption) ([]Decision, error) {
	st := newState(opts)
	defer st.release()
	o := &st.o
	k, _ := subject.Lookup(string(KindRespondent))
	ke := p.kinds[k]
	if ke == nil {
		return nil, fmt.Errorf("%w: policy %s has no respondent rules", ErrInput, p.name)
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("%w: no date to assess the response on", ErrInput)
	}
	st.s = subject.Subject{Kind: k, Resp: r, AsOf: asOf}
	st.bindSubject(ke)
	var out []Decision
	for _, rule := range p.byKind[k] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, msg := p.check(ctx, rule, st, o.lang, o.silent)
		sev := rule.Severity
		if res == Errored {
			sev = Error
		}
		if res == Passed && !o.silent {
			msg = p.render(rule.messages[langIndex(o.lang)], st)
		}
		out = append(out, Decision{Rule: rule.ID, Result: res, Severity: sev, Message: msg, Source: rule.Source})
	}
	return out, nil
}
