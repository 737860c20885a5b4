package peers

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
	"slices"
)

// The guide policy (rules/policies/guide.yaml) written in expr, rule by
// rule and variable by variable. Each rule reads "when" as its
// precondition and "expr" as true when the subject complies, as in the
// YAML; params.NAME is replaced by the policy's value before compiling, as
// our compiler folds params into constants. Variables are prepended as
// let-bindings to the rules that read them.
//
// The translation is literal where expr allows: has() on a date is set(),
// the function age() is age_at() (expr will not let a variable share a
// function's name),
// the comprehension macros are any() and filter() with a let for the outer
// element, and == on the domain's named string types is overloaded (expr
// refuses to compare a volunteer.Role with a string). screening_missing, a
// list that only the message reads, becomes the condition it is empty.

type exprVar struct{ name, src string }

type exprRule struct {
	id, severity, when, expr string
}

type exprKind struct {
	kind  string
	vars  []exprVar
	rules []exprRule
}

var exprGuide = []exprKind{
	{kind: "volunteer",
		vars: []exprVar{
			{"age", `age_at(volunteer.BirthDate, as_of)`},
			{"mentors", `volunteer.Role == "individual_mentor" || len(tandems) > 0`},
		},
		rules: []exprRule{
			{"mentor.min_age", "deny", `mentors`, `age >= params.mentor_min_age`},
			{"mentor.commitment", "deny", `mentors`, `volunteer.CommitmentMonths >= params.mentor_min_commitment_months`},
			{"volunteer.minor_consent", "deny", ``, `age >= params.consent_min_age || volunteer.ParentalConsent`},
			{"volunteer.event_min_age", "warn", `volunteer.Role == "event_volunteer"`, `age >= params.event_volunteer_min_age`},
			{"volunteer.cascade_level", "warn", `volunteer.Level != ""`,
				`volunteer.Level == "trainee" ||
				 (volunteer.Level == "mentor" && volunteer.CompletedCycles >= params.cascade_mentor_cycles) ||
				 (volunteer.Level == "master" && volunteer.CompletedCycles >= params.cascade_master_cycles)`},
		}},
	{kind: "child",
		vars: []exprVar{{"age", `age_at(child.BirthDate, as_of)`}},
		rules: []exprRule{
			{"child.adaptation_centre_age", "deny", `institution.Kind == "adaptation_centre"`,
				`age >= params.adaptation_centre_min_age && age <= params.adaptation_centre_max_age`},
			{"child.adaptation_centre_stay", "warn", `institution.Kind == "adaptation_centre" && set(child.AdmittedOn)`,
				`as_of <= add_months(child.AdmittedOn, params.adaptation_centre_max_stay_months)`},
			{"coaching.age_range", "deny", `child.Programme == "coaching"`,
				`age >= params.coaching_min_age && age <= params.coaching_max_age`},
		}},
	{kind: "tandem",
		vars: []exprVar{
			{"screened", `let s = mentor.Screening; let on = tandem.StartedOn;
				set(s.Interview) && s.Interview <= on && set(s.PsychologicalTest) && s.PsychologicalTest <= on &&
				set(s.Training) && s.Training <= on && set(s.Documents) && s.Documents <= on`},
			{"child_age_at_start", `age_at(child.BirthDate, tandem.StartedOn)`},
		},
		rules: []exprRule{
			{"mentor.screening", "deny", ``, `screened`},
			{"mentor.agreement", "deny", ``,
				`any(agreements, set(.SignedOn) && .SignedOn <= tandem.StartedOn &&
				   (!set(.EndsOn) || .EndsOn >= tandem.StartedOn))`},
			{"child.min_age", "deny", `institution.Kind == "orphanage"`, `child_age_at_start >= params.orphanage_child_min_age`},
			{"tandem.group_first", "warn", `tandem.Phase != "acquaintance"`,
				`any(child_groups, .Date <= tandem.StartedOn && tandem.Mentor in .Mentors)`},
		}},
	{kind: "group",
		vars: []exprVar{{"size", `len(group.Mentors) + len(group.Children)`}},
		rules: []exprRule{
			{"group.max_size", "deny", ``, `size <= params.group_max_size`},
			{"group.min_size", "warn", ``, `size >= params.group_min_size`},
		}},
	{kind: "agreement",
		vars: []exprVar{
			{"missing_months", `filter(months_open(month_of(agreement.SignedOn), month_of(as_of)), let m = #;
				(!set(agreement.EndsOn) || m <= month_of(agreement.EndsOn)) && !any(reports, .Month == m))`},
		},
		rules: []exprRule{
			{"agreement.notice", "deny", `set(agreement.EndsOn)`,
				`set(agreement.NoticeGivenOn) && days_between(agreement.NoticeGivenOn, agreement.EndsOn) >= params.notice_days`},
			{"agreement.monthly_report", "deny", `set(agreement.SignedOn)`, `len(missing_months) == 0`},
		}},
	{kind: "outing",
		rules: []exprRule{
			{"tandem.outing_agreement", "deny", ``,
				`outing.Date >= tandem.StartedOn && tandem.Phase in ["active", "closing", "closed"] &&
				 any(agreements, set(.SignedOn) && .SignedOn <= outing.Date && (!set(.EndsOn) || .EndsOn >= outing.Date))`},
		}},
	{kind: "programme",
		rules: []exprRule{
			{"programme.general_meeting", "warn", `any(programme.Tandems, .Phase != "closed")`,
				`any(programme.Meetings, .Kind == "general" && month_of(.Date) == month_of(add_months(as_of, -1)))`},
		}},
}

// The environments: what each kind's rules read, bound to the domain
// structs in place. Each is one struct the engine reuses between subjects.

type volunteerEnv struct {
	AsOf      civil.Date           `expr:"as_of"`
	Volunteer *volunteer.Volunteer `expr:"volunteer"`
	Tandems   []*mentoring.Tandem  `expr:"tandems"`
}

type childEnv struct {
	AsOf        civil.Date             `expr:"as_of"`
	Child       *mentoring.Child       `expr:"child"`
	Institution *mentoring.Institution `expr:"institution"`
}

type tandemEnv struct {
	AsOf        civil.Date             `expr:"as_of"`
	Tandem      *mentoring.Tandem      `expr:"tandem"`
	Mentor      *volunteer.Volunteer   `expr:"mentor"`
	Child       *mentoring.Child       `expr:"child"`
	Institution *mentoring.Institution `expr:"institution"`
	Agreements  []*agreement.Agreement `expr:"agreements"`
	ChildGroups []*mentoring.Group     `expr:"child_groups"`
}

type groupEnv struct {
	AsOf  civil.Date       `expr:"as_of"`
	Group *mentoring.Group `expr:"group"`
}

type agreementEnv struct {
	AsOf      civil.Date           `expr:"as_of"`
	Agreement *agreement.Agreement `expr:"agreement"`
	Reports   []*agreement.Report  `expr:"reports"`
}

type outingEnv struct {
	AsOf       civil.Date             `expr:"as_of"`
	Outing     *mentoring.Outing      `expr:"outing"`
	Tandem     *mentoring.Tandem      `expr:"tandem"`
	Agreements []*agreement.Agreement `expr:"agreements"`
}

type programmeEnv struct {
	AsOf      civil.Date           `expr:"as_of"`
	Programme *mentoring.Programme `expr:"programme"`
}

// ExprRuleIDs lists the rule ids of the expr translation, sorted.
func ExprRuleIDs() []string {
	var ids []string
	for _, k := range exprGuide {
		for _, r := range k.rules {
			ids = append(ids, r.id)
		}
	}
	slices.Sort(ids)
	return ids
}
