package policyjudge

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Message codes of the policy judge.
const (
	codeNoPairRules diag.Code = "planning.no_pair_rules"
	codeBoundType   diag.Code = "planning.bound_type"
	codeNotMentor   diag.Code = "planning.unknown_mentor"
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

// Judge is the planning.Judge of a compiled policy.
//
// A volunteer may be proposed as a mentor when the policy has no deny (and
// no error) finding about them: every rule of subject volunteer counts, not
// only the mentor.* ones, because a volunteer who breaks any of them — the
// guide's mentor.min_age, mentor.commitment, volunteer.minor_consent, or a
// rule a profile adds — should not be given a child before a coordinator
// has looked. Warn findings (volunteer.cascade_level…) go with the verdict
// and do not rule anyone out.
//
// A pair is allowed when the policy's pair rules give no deny and no error
// finding (see rules.Policy.Pair); its warn findings become the proposal's
// notes and its scores the proposal's parts, in the policy's order.
//
// A Judge is also a planning.Capacity: a mentor may have as many open
// tandems as the policy's mentor_max_open_tandems (1 in the guide, the
// limit of its rule mentor.single_tandem; 1 when the policy has no such
// parameter), so that Match proposes nobody a second child whom `sabaq
// check` would then warn about. The pairs policy forbids, too, pairs whose
// mentor has no agreement in force or has not been given the safety
// instruction (pair.mentor_agreement, pair.mentor_safety_briefing).
//
// A Judge is also a planning.Screener: Match screens the n² pairs
// without rendering messages. A Judge is bound to the programme it was
// built for, which must not change while it is used; it is safe for
// concurrent use.
type Judge struct {
	pol            *rules.Policy
	prog           *mentoring.Programme
	volunteerRules []string
	opts           []rules.EvalOption
	capacity       int
}

// New returns a judge of prog's mentors and pairs by pol, with messages in
// lang (empty means English). It fails with rules.ErrPolicy when pol has
// neither pair rules nor pair scores (the guide alone cannot judge pairs),
// with rules.ErrInput when prog is not valid input, and with ctx's error
// when ctx is done.
func New(ctx context.Context, pol *rules.Policy, prog *mentoring.Programme, lang diag.Lang) (*Judge, error) {
	pairRules := len(pol.Scores(rules.KindPair))
	j := &Judge{pol: pol, prog: prog}
	for _, r := range pol.Rules() {
		switch r.Kind {
		case rules.KindVolunteer:
			j.volunteerRules = append(j.volunteerRules, r.ID)
		case rules.KindPair:
			pairRules++
		}
	}
	if pairRules == 0 {
		return nil, fmt.Errorf("%w: %w", rules.ErrPolicy, diag.New(codeNoPairRules, "", pol.Name()))
	}
	capacity := 1
	if err := intParam(pol, "mentor_max_open_tandems", &capacity); err != nil {
		return nil, fmt.Errorf("%w: %w", rules.ErrPolicy, err)
	}
	j.capacity = capacity
	if lang == "" {
		lang = diag.EN
	}
	j.opts = []rules.EvalOption{rules.WithLang(lang)}
	// Evaluate validates prog, and checks ctx, even when the policy has no
	// volunteer rules (WithRules() then selects none).
	if _, err := pol.Evaluate(ctx, prog, rules.WithRules()); err != nil {
		return nil, fmt.Errorf("policyjudge: policy %s: %w", pol.Name(), err)
	}
	return j, nil
}

// Mentor allows a volunteer of the programme who has no deny or error
// finding by the policy's volunteer rules; the findings come with the
// verdict, warnings included.
func (j *Judge) Mentor(ctx context.Context, v *volunteer.Volunteer) (planning.Verdict, error) {
	if _, ok := j.prog.Volunteer(v.ID); !ok {
		return planning.Verdict{}, diag.New(codeNotMentor, "", v.ID)
	}
	rep, err := j.pol.Evaluate(ctx, j.prog, append(j.opts[:len(j.opts):len(j.opts)],
		rules.WithSubject("volunteer/"+v.ID), rules.WithRules(j.volunteerRules...))...)
	if err != nil {
		return planning.Verdict{}, err
	}
	verdict := planning.Verdict{Allowed: true}
	for _, f := range rep.Findings {
		verdict.Findings = append(verdict.Findings, finding(f))
		if f.Severity != rules.Warn {
			verdict.Allowed = false
		}
	}
	return verdict, nil
}

// MaxOpenTandems is the policy's mentor_max_open_tandems (1 when it has
// none): how many open tandems Match lets a mentor have.
func (j *Judge) MaxOpenTandems() int { return j.capacity }

// Pair evaluates the policy's pair rules and scores on mentor and child,
// who must belong to the programme.
func (j *Judge) Pair(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child) (planning.Decision, error) {
	pd, err := j.pol.Pair(ctx, j.prog, mentor, child, j.opts...)
	if err != nil {
		return planning.Decision{}, err
	}
	d := planning.Decision{Allowed: pd.Allowed, Score: pd.Score}
	if n := len(pd.Violations) + len(pd.Notes); n > 0 {
		d.Findings = make([]planning.Finding, 0, n)
		for _, f := range pd.Violations {
			d.Findings = append(d.Findings, finding(f))
		}
		for _, f := range pd.Notes {
			d.Findings = append(d.Findings, finding(f))
		}
	}
	if len(pd.Parts) > 0 {
		d.Parts = make([]planning.ScorePart, len(pd.Parts))
		for i, p := range pd.Parts {
			d.Parts[i] = planning.ScorePart(p)
		}
	}
	return d, nil
}

// Screen is Pair without the messages, for the n² pairs Match screens:
// whether the pair is allowed, its score, and the rules that forbid it.
func (j *Judge) Screen(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child, forbidding []string) (bool, float64, []string, error) {
	return j.pol.ScreenPair(ctx, j.prog, mentor, child, forbidding)
}

func finding(f rules.Finding) planning.Finding {
	return planning.Finding{Rule: f.Rule, Severity: planning.Severity(f.Severity), Subject: f.Subject,
		Message: f.Message, Source: f.Source, Citations: f.Citations}
}

// Bounds reads a policy's group size bounds, the int parameters
// group_min_size and group_max_size (12 and 18 in the guide, R4), for
// planning.GroupOptions' Min and Max. A parameter the policy lacks, or a
// nil policy, gives planning.DefaultMinGroup or DefaultMaxGroup; a
// parameter of another type is an error. planning.PlanGroups checks that
// the bounds make sense.
func Bounds(pol *rules.Policy) (lo, hi int, err error) {
	lo, hi = planning.DefaultMinGroup, planning.DefaultMaxGroup
	if pol == nil {
		return lo, hi, nil
	}
	if err := intParam(pol, "group_min_size", &lo); err != nil {
		return 0, 0, err
	}
	if err := intParam(pol, "group_max_size", &hi); err != nil {
		return 0, 0, err
	}
	return lo, hi, nil
}

// intParam reads an int parameter of pol into into, leaving it as it is
// when pol has no such parameter.
func intParam(pol *rules.Policy, name string, into *int) error {
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
