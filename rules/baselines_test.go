package rules

// The baselines of bench_test.go: the guide's rules written by hand in Go,
// and the straightforward cel-go way (one program per rule, a fresh map
// activation per call, the runtime cost limit on).

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// handInstitution is hand-written Go of the guide's institution rule.
func handInstitution(p *mentoring.Programme, in *mentoring.Institution, out []Finding) []Finding {
	inUse := false
	for i := range p.Tandems {
		if t := &p.Tandems[i]; t.Phase != mentoring.Closed {
			if c, _ := p.Child(t.Child); c.Institution == in.ID {
				inUse = true
				break
			}
		}
	}
	for i := 0; !inUse && i < len(p.Groups); i++ {
		inUse = p.Groups[i].Institution == in.ID && len(p.Groups[i].Children) > 0
	}
	if inUse && strings.TrimSpace(in.Coordinator) == "" {
		out = append(out, Finding{Rule: "institution.coordinator", Severity: Warn, Subject: "institution/" + in.ID})
	}
	return out
}

// handVolunteer is hand-written Go of the guide's volunteer rules.
func handVolunteer(p *mentoring.Programme, v *volunteer.Volunteer, asOf civil.Date, out []Finding) []Finding {
	age := v.BirthDate.YearsUntil(asOf)
	tandems := p.TandemsOf(v.ID)
	mentors := v.Role == volunteer.IndividualMentor || len(tandems) > 0
	young := age < 25
	open := 0
	for _, t := range tandems {
		young = young || v.BirthDate.YearsUntil(t.StartedOn) < 25
		if t.Phase != mentoring.Closed {
			open++
		}
	}
	if mentors && young {
		out = append(out, Finding{Rule: "mentor.min_age", Severity: Deny, Subject: "volunteer/" + v.ID,
			Message: fmt.Sprintf("Volunteer %s is %d: an individual mentor must be 25 or older.", v.ID, age)})
	}
	if mentors && v.CommitmentMonths < 12 {
		out = append(out, Finding{Rule: "mentor.commitment", Severity: Deny, Subject: "volunteer/" + v.ID,
			Message: fmt.Sprintf("Volunteer %s commits for %d months.", v.ID, v.CommitmentMonths)})
	}
	if age < 14 && !v.ParentalConsent && !v.AccompaniedByGuardian {
		out = append(out, Finding{Rule: "volunteer.minor_consent", Severity: Deny, Subject: "volunteer/" + v.ID,
			Message: fmt.Sprintf("Volunteer %s is %d.", v.ID, age)})
	}
	if v.Role == volunteer.EventVolunteer && age < 18 {
		out = append(out, Finding{Rule: "volunteer.event_min_age", Severity: Warn, Subject: "volunteer/" + v.ID})
	}
	if v.Level == volunteer.Mentor && v.CompletedCycles < 1 || v.Level == volunteer.Master && v.CompletedCycles < 3 {
		out = append(out, Finding{Rule: "volunteer.cascade_level", Severity: Warn, Subject: "volunteer/" + v.ID})
	}
	if open > 1 {
		out = append(out, Finding{Rule: "mentor.single_tandem", Severity: Warn, Subject: "volunteer/" + v.ID})
	}
	return out
}

// handTandem is hand-written Go of the guide's tandem rules.
func handTandem(p *mentoring.Programme, t *mentoring.Tandem, out []Finding) []Finding {
	m, _ := p.Volunteer(t.Mentor)
	c, _ := p.Child(t.Child)
	inst, _ := p.Institution(c.Institution)
	var missing []string
	for _, s := range []struct {
		name string
		on   civil.Date
	}{{"interview", m.Screening.Interview}, {"psychological_test", m.Screening.PsychologicalTest},
		{"training", m.Screening.Training}, {"documents", m.Screening.Documents}} {
		if s.on.IsZero() || s.on.After(t.StartedOn) {
			missing = append(missing, s.name)
		}
	}
	if len(missing) > 0 {
		out = append(out, Finding{Rule: "mentor.screening", Severity: Deny, Subject: "tandem/" + t.ID,
			Message: "missing " + strings.Join(missing, ", ")})
	}
	ok := false
	for _, a := range p.AgreementsOf(t.Mentor) {
		if !a.SignedOn.IsZero() && !a.SignedOn.After(t.StartedOn) && (a.EndsOn.IsZero() || !a.EndsOn.Before(t.StartedOn)) {
			ok = true
			break
		}
	}
	if !ok {
		out = append(out, Finding{Rule: "mentor.agreement", Severity: Deny, Subject: "tandem/" + t.ID})
	}
	if t.ClosedOn.IsZero() && t.Phase != mentoring.Closed {
		asOf, ended, inForce := asOfOf(p), false, false
		for _, a := range p.AgreementsOf(t.Mentor) {
			ended = ended || !a.EndsOn.IsZero() && a.EndsOn.Before(asOf)
			inForce = inForce || !a.SignedOn.IsZero() && !a.SignedOn.After(asOf) && (a.EndsOn.IsZero() || !a.EndsOn.Before(asOf))
		}
		if ended && !inForce {
			out = append(out, Finding{Rule: "tandem.agreement_in_force", Severity: Warn, Subject: "tandem/" + t.ID})
		}
	}
	if inst.Kind == mentoring.Orphanage && c.BirthDate.YearsUntil(t.StartedOn) < 10 {
		out = append(out, Finding{Rule: "child.min_age", Severity: Deny, Subject: "tandem/" + t.ID})
	}
	if t.Phase != mentoring.Acquaintance {
		met := false
		for _, g := range p.GroupsWith(t.Child) {
			if !g.Date.After(t.StartedOn) && contains(g.Mentors, t.Mentor) {
				met = true
				break
			}
		}
		if !met {
			out = append(out, Finding{Rule: "tandem.group_first", Severity: Warn, Subject: "tandem/" + t.ID})
		}
	}
	if t.Phase == mentoring.InsideInstitution || t.Phase == mentoring.ActivePhase || t.Phase == mentoring.Closing {
		end := asOfOf(p)
		if !t.ClosedOn.IsZero() && t.ClosedOn.Before(end) {
			end = t.ClosedOn
		}
		var dates []civil.Date
		for _, v := range p.VisitsOf(t.ID) {
			dates = append(dates, v.Date)
		}
		for _, o := range p.OutingsOf(t.ID) {
			dates = append(dates, o.Date)
		}
		for _, g := range p.GroupsWith(t.Child) {
			if contains(g.Mentors, t.Mentor) {
				dates = append(dates, g.Date)
			}
		}
		slices.SortFunc(dates, civil.Date.Compare)
		longest, prev := 0, t.StartedOn
		for _, d := range append(dates, end) {
			if d.Before(t.StartedOn) || d.After(end) {
				continue
			}
			longest, prev = max(longest, prev.DaysUntil(d)), d
		}
		if longest > 14 {
			out = append(out, Finding{Rule: "tandem.regular_contact", Severity: Warn, Subject: "tandem/" + t.ID})
		}
	}
	if t.StartedOn.DaysUntil(asOfOf(p)) >= 7 {
		supported := false
		for _, c := range p.CheckInsOf(t.ID) {
			if n := t.StartedOn.DaysUntil(c.Date); n >= 0 && n <= 7 {
				supported = true
				break
			}
		}
		if !supported {
			out = append(out, Finding{Rule: "tandem.first_week_support", Severity: Warn, Subject: "tandem/" + t.ID})
		}
	}
	if !t.ClosedOn.IsZero() && (t.CloseReason == "" || t.CloseReason == mentoring.MentorWithdrew || t.CloseReason == mentoring.MentorMoved) &&
		t.ClosedOn.Before(t.StartedOn.AddMonths(12)) {
		out = append(out, Finding{Rule: "tandem.early_closure", Severity: Warn, Subject: "tandem/" + t.ID})
	}
	if m.Screening.SafetyBriefing.IsZero() || m.Screening.SafetyBriefing.After(t.StartedOn) {
		out = append(out, Finding{Rule: "mentor.safety_briefing", Severity: Warn, Subject: "tandem/" + t.ID})
	}
	if inst.PartnershipSignedOn.IsZero() || inst.PartnershipSignedOn.After(t.StartedOn) {
		out = append(out, Finding{Rule: "institution.partnership_agreement", Severity: Warn, Subject: "tandem/" + t.ID})
	}
	return out
}

// asOfOf is the programme's date, as the engine takes it without --as-of.
func asOfOf(p *mentoring.Programme) civil.Date { return p.AsOf }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func handGroup(g *mentoring.Group, out []Finding) []Finding {
	size := len(g.Mentors) + len(g.Children)
	if size > 18 {
		out = append(out, Finding{Rule: "group.max_size", Severity: Deny, Subject: "group/" + g.ID})
	}
	if size < 12 {
		out = append(out, Finding{Rule: "group.min_size", Severity: Warn, Subject: "group/" + g.ID})
	}
	return out
}

// handChild is hand-written Go of the guide's child rules.
func handChild(p *mentoring.Programme, c *mentoring.Child, asOf civil.Date, out []Finding) []Finding {
	inst, _ := p.Institution(c.Institution)
	age := c.BirthDate.YearsUntil(asOf)
	if inst.Kind == mentoring.AdaptationCentre {
		if age < 3 || age >= 18 {
			out = append(out, Finding{Rule: "child.adaptation_centre_age", Severity: Deny, Subject: "child/" + c.ID})
		}
		if !c.AdmittedOn.IsZero() && asOf.After(c.AdmittedOn.AddMonths(6)) {
			out = append(out, Finding{Rule: "child.adaptation_centre_stay", Severity: Warn, Subject: "child/" + c.ID})
		}
	}
	if c.Programme == mentoring.Coaching && (age < 14 || age >= 18) {
		out = append(out, Finding{Rule: "coaching.age_range", Severity: Deny, Subject: "child/" + c.ID})
	}
	return out
}

// handOuting is hand-written Go of the guide's outing rule.
func handOuting(p *mentoring.Programme, o *mentoring.Outing, out []Finding) []Finding {
	t, _ := p.Tandem(o.Tandem)
	phase := t.Phase == mentoring.ActivePhase || t.Phase == mentoring.Closing || t.Phase == mentoring.Closed
	ok := false
	for _, a := range p.AgreementsOf(t.Mentor) {
		if !a.SignedOn.IsZero() && !a.SignedOn.After(o.Date) && (a.EndsOn.IsZero() || !a.EndsOn.Before(o.Date)) {
			ok = true
			break
		}
	}
	if o.Date.Before(t.StartedOn) || !t.ClosedOn.IsZero() && o.Date.After(t.ClosedOn) || !phase || !ok {
		out = append(out, Finding{Rule: "tandem.outing_agreement", Severity: Deny, Subject: "outing/" + o.ID()})
	}
	c, _ := p.Child(t.Child)
	if inst, _ := p.Institution(c.Institution); inst.InteractionRulesOn.IsZero() || inst.InteractionRulesOn.After(o.Date) {
		out = append(out, Finding{Rule: "institution.interaction_rules", Severity: Warn, Subject: "outing/" + o.ID()})
	}
	return out
}

func handAgreement(p *mentoring.Programme, a *agreement.Agreement, asOf civil.Date, out []Finding) []Finding {
	period := 14
	if a.NoticeDays > 0 {
		period = a.NoticeDays
	}
	if !a.EndsOn.IsZero() && a.EndedBy != agreement.ByOrganisation &&
		(a.NoticeGivenOn.IsZero() || a.NoticeGivenOn.DaysUntil(a.EndsOn) < period) {
		out = append(out, Finding{Rule: "agreement.notice", Severity: Deny, Subject: "agreement/" + a.ID})
	}
	if a.SignedOn.IsZero() {
		return out
	}
	reports := p.ReportsOf(a.Volunteer)
	var missing []string
	for _, mo := range civil.Between(a.SignedOn.In(), asOf.In()) {
		if !a.EndsOn.IsZero() && mo.After(a.EndsOn.In()) {
			continue
		}
		found := false
		for _, r := range reports {
			if r.Month == mo {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, mo.String())
		}
	}
	if len(missing) > 0 {
		out = append(out, Finding{Rule: "agreement.monthly_report", Severity: Deny, Subject: "agreement/" + a.ID,
			Message: strings.Join(missing, ", ")})
	}
	return out
}

// naive is the straightforward cel-go way: one program per rule, variables
// inlined into each expression, a fresh map activation per call, the
// runtime cost limit on.
type naive struct {
	progs map[Kind][]cel.Program
}

func newNaive(b *testing.B, p *Policy) *naive {
	b.Helper()
	n := &naive{progs: map[Kind][]cel.Program{}}
	for _, r := range p.rules {
		ke := r.env
		vars := map[string]string{}
		for _, f := range p.files() {
			for _, v := range f.Variables {
				if v.Subject == ke.kind.Name {
					vars[v.Name] = v.Expr.Text
				}
			}
		}
		src := r.Expr
		if r.When != "" {
			src = "!(" + r.When + ") || (" + src + ")"
		}
		src = inline(src, vars)
		// The naive env declares params as a map and variables as plain ones.
		env, err := ke.env.Extend(cel.Variable("params", cel.MapType(cel.StringType, cel.DynType)))
		if err != nil {
			b.Fatal(err)
		}
		src = strings.ReplaceAll(src, "params.", "params_map.")
		env, err = env.Extend(cel.Variable("params_map", cel.MapType(cel.StringType, cel.DynType)))
		if err != nil {
			b.Fatal(err)
		}
		ast, iss := env.Compile(src)
		if iss.Err() != nil {
			b.Fatalf("%s: %v", r.ID, iss.Err())
		}
		prg, err := env.Program(ast, cel.CostLimit(DefaultCostLimit))
		if err != nil {
			b.Fatal(err)
		}
		n.progs[r.Kind] = append(n.progs[r.Kind], prg)
	}
	return n
}

// inline replaces variable names (not function calls of the same name) by
// their expressions, until none is left.
func inline(src string, vars map[string]string) string {
	for range 4 {
		for name, expr := range vars {
			var b strings.Builder
			for i := 0; i < len(src); {
				j := strings.Index(src[i:], name)
				if j < 0 {
					b.WriteString(src[i:])
					break
				}
				j += i
				end := j + len(name)
				word := (j == 0 || !isIdent(src[j-1])) && (end == len(src) || !isIdent(src[end]) && src[end] != '(') &&
					(j == 0 || src[j-1] != '.')
				b.WriteString(src[i:j])
				if word {
					b.WriteString("(" + expr + ")")
				} else {
					b.WriteString(name)
				}
				i = end
			}
			src = b.String()
		}
	}
	return src
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *Policy) paramMap() map[string]any {
	m := map[string]any{}
	for _, x := range p.params {
		m[x.Name] = x.Value
	}
	return m
}

func (n *naive) run(b *testing.B, k Kind, vars map[string]any) int {
	failed := 0
	for _, prg := range n.progs[k] {
		act := map[string]any{}
		for k, v := range vars {
			act[k] = v
		}
		out, _, err := prg.Eval(act)
		if err != nil {
			b.Fatal(err)
		}
		if out != types.True {
			failed++
		}
	}
	return failed
}
