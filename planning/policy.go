package planning

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Message codes of the policy judge.
const (
	codeNoPairRules diag.Code = "planning.no_pair_rules"
	codeBoundType   diag.Code = "planning.bound_type"
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeNoPairRules: {
			KK: "«{0}» саясатында жұп ережелері де, ұпайлары да жоқ: жұптау үшін pairs саясатын не оны кеңейтетін саясатты таңдаңыз",
			RU: "в политике «{0}» нет ни правил, ни оценок для пар: для подбора пар выберите политику pairs или расширяющую её",
			EN: "policy \"{0}\" has no pair rules or scores: match with the pairs policy or one that extends it",
		},
		codeBoundType: {
			KK: "«{0}» саясатының {1} параметрі бүтін сан емес ({2})",
			RU: "параметр {1} политики «{0}» — не целое число ({2})",
			EN: "parameter {1} of policy \"{0}\" is not an int ({2})",
		},
	})
}

// PolicyJudge is the [Judge] of a compiled policy, the one `sabaq match`
// uses with rules/policies/pairs.yaml.
//
// A volunteer may be proposed as a mentor when the policy has no deny (and
// no error) finding about them: every rule of subject volunteer counts, not
// only the mentor.* ones, because a volunteer who breaks any of them — the
// guide's mentor.min_age, mentor.commitment, volunteer.minor_consent, or a
// rule a profile adds — should not be given a child before a coordinator
// has looked. Warn findings (volunteer.cascade_level…) go with the verdict
// and do not rule anyone out. The guide's mentor rules apply to volunteers
// whose role is individual_mentor or who mentor a tandem, the same people
// [Match] considers.
//
// A pair is allowed when the policy's pair rules give no deny and no error
// finding (see [rules.Policy.Pair]); its warn findings become the
// proposal's notes and its scores the proposal's parts, in the policy's
// order.
//
// A PolicyJudge is bound to the programme it was built for, which must not
// change while it is used; it is safe for concurrent use.
type PolicyJudge struct {
	pol      *rules.Policy
	prog     *mentoring.Programme
	lang     diag.Lang
	findings map[string][]Finding // by volunteer id, every severity
}

// NewPolicyJudge evaluates pol's volunteer rules once on prog and returns a
// judge of prog's mentors and pairs, with messages in lang (empty means
// English). It fails with [rules.ErrPolicy] when pol has neither pair rules
// nor pair scores (the guide alone cannot judge pairs), when prog is not valid input
// ([rules.ErrInput]) or when ctx ends.
func NewPolicyJudge(ctx context.Context, pol *rules.Policy, prog *mentoring.Programme, lang diag.Lang) (*PolicyJudge, error) {
	var volunteerRules []string
	pairRules := len(pol.Scores(rules.KindPair))
	for _, r := range pol.Rules() {
		switch r.Kind {
		case rules.KindVolunteer:
			volunteerRules = append(volunteerRules, r.ID)
		case rules.KindPair:
			pairRules++
		}
	}
	if pairRules == 0 {
		return nil, fmt.Errorf("%w: %w", rules.ErrPolicy, diag.New(codeNoPairRules, "", pol.Name()))
	}
	lang = cmpLang(lang)
	j := &PolicyJudge{pol: pol, prog: prog, lang: lang, findings: map[string][]Finding{}}
	// Evaluate indexes prog and checks its references even when the
	// policy has no volunteer rules (WithRules() then selects none).
	rep, err := pol.Evaluate(ctx, prog, rules.WithRules(volunteerRules...), rules.WithLang(lang))
	if err != nil {
		return nil, fmt.Errorf("planning: mentor rules of policy %s: %w", pol.Name(), err)
	}
	const prefix = "volunteer/"
	for _, f := range rep.Findings {
		if len(f.Subject) > len(prefix) && f.Subject[:len(prefix)] == prefix {
			id := f.Subject[len(prefix):]
			j.findings[id] = append(j.findings[id], finding(f))
		}
	}
	return j, nil
}

// Mentor allows a volunteer of the programme who has no deny or error
// finding; the findings come with the verdict, warnings included.
func (j *PolicyJudge) Mentor(_ context.Context, v *volunteer.Volunteer) (Verdict, error) {
	if _, ok := j.prog.Volunteer(v.ID); !ok {
		return Verdict{}, diag.New(codeUnknownMentor, "", v.ID)
	}
	fs := j.findings[v.ID]
	verdict := Verdict{Allowed: true, Findings: fs}
	for _, f := range fs {
		if f.Severity.blocks() {
			verdict.Allowed = false
		}
	}
	return verdict, nil
}

// Pair evaluates the policy's pair rules and scores on mentor and child,
// who must belong to the programme.
func (j *PolicyJudge) Pair(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child) (Decision, error) {
	pd, err := j.pol.Pair(ctx, j.prog, mentor, child, rules.WithLang(j.lang))
	if err != nil {
		return Decision{}, err
	}
	d := Decision{Allowed: pd.Allowed, Score: pd.Score}
	if n := len(pd.Violations) + len(pd.Notes); n > 0 {
		d.Findings = make([]Finding, 0, n)
		for _, f := range pd.Violations {
			d.Findings = append(d.Findings, finding(f))
		}
		for _, f := range pd.Notes {
			d.Findings = append(d.Findings, finding(f))
		}
	}
	if len(pd.Parts) > 0 {
		d.Parts = make([]ScorePart, len(pd.Parts))
		for i, p := range pd.Parts {
			d.Parts[i] = ScorePart(p)
		}
	}
	return d, nil
}

func finding(f rules.Finding) Finding {
	return Finding{Rule: f.Rule, Severity: Severity(f.Severity), Subject: f.Subject, Message: f.Message, Source: f.Source}
}

func cmpLang(l diag.Lang) diag.Lang {
	if l == "" {
		return diag.EN
	}
	return l
}

// BoundsOf reads a policy's group size bounds, the int parameters
// group_min_size and group_max_size (12 and 18 in the guide, R4), for
// [GroupOptions].Min and Max. A parameter the policy lacks, or a nil
// policy, gives [DefaultMinGroup] or [DefaultMaxGroup]; a parameter of
// another type is an error. [PlanGroups] checks that the bounds make sense.
func BoundsOf(pol *rules.Policy) (lo, hi int, err error) {
	lo, hi = DefaultMinGroup, DefaultMaxGroup
	if pol == nil {
		return lo, hi, nil
	}
	read := func(name string, into *int) error {
		v, ok := pol.Param(name)
		if !ok {
			return nil
		}
		n, ok := v.(int64)
		if !ok {
			return diag.New(codeBoundType, "", pol.Name(), name, fmt.Sprintf("%T", v))
		}
		*into = int(n)
		return nil
	}
	if err := read("group_min_size", &lo); err != nil {
		return 0, 0, err
	}
	if err := read("group_max_size", &hi); err != nil {
		return 0, 0, err
	}
	return lo, hi, nil
}
