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
// list that only the message reads, becomes the condition it is empty;
// the longest stretch without a contact is longest_gap of the library
// (written again in Go here, as the engines share no code), its length
// the variable stretch_days.

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
	{kind: "institution",
		vars: []exprVar{
			{"in_use", `any(tandems, .Phase != "closed") || any(groups, len(.Children) > 0)`},
		},
		rules: []exprRule{
			{"institution.coordinator", "warn", `in_use`, `trim(institution.Coordinator) != ""`},
		}},
	{kind: "volunteer",
		vars: []exprVar{
			{"age", `age_at(volunteer.BirthDate, as_of)`},
			{"mentors", `volunteer.Role == "individual_mentor" || len(tandems) > 0`},
		},
		rules: []exprRule{
			{"mentor.min_age", "deny", `mentors`,
				`age >= params.mentor_min_age && all(tandems, age_at(volunteer.BirthDate, .StartedOn) >= params.mentor_min_age)`},
			{"mentor.commitment", "deny", `mentors`, `volunteer.CommitmentMonths >= params.mentor_min_commitment_months`},
			{"volunteer.minor_consent", "deny", ``,
				`age >= params.consent_min_age || volunteer.ParentalConsent || volunteer.AccompaniedByGuardian`},
			{"volunteer.event_min_age", "warn", `volunteer.Role == "event_volunteer"`, `age >= params.event_volunteer_min_age`},
			{"volunteer.cascade_level", "warn", `volunteer.Level != ""`,
				`volunteer.Level == "trainee" ||
				 (volunteer.Level == "mentor" && volunteer.CompletedCycles >= params.cascade_mentor_cycles) ||
				 (volunteer.Level == "master" && volunteer.CompletedCycles >= params.cascade_master_cycles)`},
			{"mentor.single_tandem", "warn", ``, `len(filter(tandems, .Phase != "closed")) <= params.mentor_max_open_tandems`},
		}},
	{kind: "child",
		vars: []exprVar{{"age", `age_at(child.BirthDate, as_of)`}},
		rules: []exprRule{
			{"child.adaptation_centre_age", "deny", `institution.Kind == "adaptation_centre"`,
				`age >= params.adaptation_centre_min_age && age < params.adaptation_centre_max_age`},
			{"child.adaptation_centre_stay", "warn", `institution.Kind == "adaptation_centre" && set(child.AdmittedOn)`,
				`as_of <= add_months(child.AdmittedOn, params.adaptation_centre_max_stay_months)`},
			{"coaching.age_range", "deny", `child.Programme == "coaching"`,
				`age >= params.coaching_min_age && age < params.coaching_max_age`},
		}},
	{kind: "tandem",
		vars: []exprVar{
			{"screened", `let s = mentor.Screening; let on = tandem.StartedOn;
				set(s.Interview) && s.Interview <= on && set(s.PsychologicalTest) && s.PsychologicalTest <= on &&
				set(s.Training) && s.Training <= on && set(s.Documents) && s.Documents <= on`},
			{"child_age_at_start", `age_at(child.BirthDate, tandem.StartedOn)`},
			{"contact_end", `set(tandem.ClosedOn) && tandem.ClosedOn < as_of ? tandem.ClosedOn : as_of`},
			{"stretch_days", `let g = longest_gap(concat(map(visits, .Date), map(outings, .Date),
				map(filter(child_groups, tandem.Mentor in .Mentors), .Date)), tandem.StartedOn, contact_end);
				days_between(g[0], g[1])`},
		},
		rules: []exprRule{
			{"mentor.screening", "deny", ``, `screened`},
			{"mentor.agreement", "deny", ``,
				`any(agreements, set(.SignedOn) && .SignedOn <= tandem.StartedOn &&
				   (!set(.EndsOn) || .EndsOn >= tandem.StartedOn))`},
			{"child.min_age", "deny", `institution.Kind == "orphanage"`, `child_age_at_start >= params.orphanage_child_min_age`},
			{"tandem.group_first", "warn", `tandem.Phase != "acquaintance"`,
				`any(child_groups, .Date <= tandem.StartedOn && tandem.Mentor in .Mentors)`},
			{"tandem.regular_contact", "warn", `tandem.Phase in ["inside_institution", "active", "closing"]`,
				`stretch_days <= params.contact_max_gap_days`},
			{"tandem.first_week_support", "warn", `days_between(tandem.StartedOn, as_of) >= params.first_week_days`,
				`any(check_ins, .Date >= tandem.StartedOn && days_between(tandem.StartedOn, .Date) <= params.first_week_days)`},
			{"tandem.early_closure", "warn",
				`set(tandem.ClosedOn) && (tandem.CloseReason == "" || tandem.CloseReason in params.early_closure_reasons)`,
				`tandem.ClosedOn >= add_months(tandem.StartedOn, params.mentor_min_commitment_months)`},
			{"mentor.safety_briefing", "warn", ``,
				`set(mentor.Screening.SafetyBriefing) && mentor.Screening.SafetyBriefing <= tandem.StartedOn`},
			{"institution.partnership_agreement", "warn", ``,
				`set(institution.PartnershipSignedOn) && institution.PartnershipSignedOn <= tandem.StartedOn`},
			{"tandem.agreement_in_force", "warn",
				`!set(tandem.ClosedOn) && tandem.Phase != "closed" && any(agreements, set(.EndsOn) && .EndsOn < as_of)`,
				`any(agreements, set(.SignedOn) && .SignedOn <= as_of && (!set(.EndsOn) || .EndsOn >= as_of))`},
		}},
	{kind: "group",
		vars: []exprVar{{"size", `len(group.Mentors) + len(group.Children)`}},
		rules: []exprRule{
			{"group.max_size", "deny", ``, `size <= params.group_max_size`},
			{"group.min_size", "warn", ``, `size >= params.group_min_size`},
		}},
	{kind: "agreement",
		vars: []exprVar{
			{"notice_period", `agreement.NoticeDays > 0 ? agreement.NoticeDays : params.notice_days`},
			{"missing_months", `filter(months_open(month_of(agreement.SignedOn), month_of(as_of)), let m = #;
				(!set(agreement.EndsOn) || m <= month_of(agreement.EndsOn)) && !any(reports, .Month == m))`},
		},
		rules: []exprRule{
			{"agreement.notice", "deny", `set(agreement.EndsOn) && (agreement.EndedBy == "" || agreement.EndedBy == "volunteer")`,
				`set(agreement.NoticeGivenOn) && days_between(agreement.NoticeGivenOn, agreement.EndsOn) >= notice_period`},
			{"agreement.monthly_report", "deny", `set(agreement.SignedOn)`, `len(missing_months) == 0`},
		}},
	{kind: "outing",
		rules: []exprRule{
			{"tandem.outing_agreement", "deny", ``,
				`outing.Date >= tandem.StartedOn && (!set(tandem.ClosedOn) || outing.Date <= tandem.ClosedOn) &&
				 tandem.Phase in ["active", "closing", "closed"] &&
				 any(agreements, set(.SignedOn) && .SignedOn <= outing.Date && (!set(.EndsOn) || .EndsOn >= outing.Date))`},
			{"institution.interaction_rules", "warn", ``,
				`set(institution.InteractionRulesOn) && institution.InteractionRulesOn <= outing.Date`},
		}},
	{kind: "programme",
		rules: []exprRule{
			{"programme.general_meeting", "warn", `any(programme.Tandems, .Phase != "closed")`,
				`any(programme.Meetings, .Kind == "general" && month_of(.Date) == month_of(add_months(as_of, -1)))`},
		}},
}

// The environments: what each kind's rules read, bound to the domain
// structs in place. Each is one struct the engine reuses between subjects.

type institutionEnv struct {
	AsOf        civil.Date             `expr:"as_of"`
	Institution *mentoring.Institution `expr:"institution"`
	Tandems     []*mentoring.Tandem    `expr:"tandems"`
	Groups      []*mentoring.Group     `expr:"groups"`
}

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
	Visits      []*mentoring.Visit     `expr:"visits"`
	Outings     []*mentoring.Outing    `expr:"outings"`
	CheckIns    []*mentoring.CheckIn   `expr:"check_ins"`
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
	AsOf        civil.Date             `expr:"as_of"`
	Outing      *mentoring.Outing      `expr:"outing"`
	Tandem      *mentoring.Tandem      `expr:"tandem"`
	Institution *mentoring.Institution `expr:"institution"`
	Agreements  []*agreement.Agreement `expr:"agreements"`
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
