package peers

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// exprEngine evaluates exprGuide with github.com/expr-lang/expr, tuned the
// way its documentation advises: programs compiled once against typed
// environment structs, functions registered with expr.Function and their
// signatures (no reflection on calls), one reused vm.VM, one reused
// environment per kind.
type exprEngine struct {
	ix    *index
	progs map[string][]exprProgram
	vm    vm.VM

	institution institutionEnv
	volunteer   volunteerEnv
	child       childEnv
	tandem      tandemEnv
	group       groupEnv
	agreement   agreementEnv
	outing      outingEnv
	programme   programmeEnv
}

type exprProgram struct {
	id, severity string
	prog         *vm.Program
}

// NewExpr compiles the guide's rules in expr, with pol's params, over prog.
func NewExpr(pol *rules.Policy, prog *mentoring.Programme) (Engine, error) {
	e := &exprEngine{ix: newIndex(prog), progs: map[string][]exprProgram{}}
	envs := map[string]any{
		"institution": &e.institution, "volunteer": &e.volunteer, "child": &e.child, "tandem": &e.tandem, "group": &e.group,
		"agreement": &e.agreement, "outing": &e.outing, "programme": &e.programme,
	}
	for _, k := range exprGuide {
		for _, r := range k.rules {
			src, err := exprSource(pol, k.vars, r)
			if err != nil {
				return nil, fmt.Errorf("expr: %s: %w", r.id, err)
			}
			opts := append([]expr.Option{expr.Env(envs[k.kind]), expr.AsBool()}, exprLibrary...)
			p, err := expr.Compile(src, opts...)
			if err != nil {
				return nil, fmt.Errorf("expr: %s: %w", r.id, err)
			}
			e.progs[k.kind] = append(e.progs[k.kind], exprProgram{r.id, r.severity, p})
		}
	}
	return e, nil
}

var paramRef = regexp.MustCompile(`\bparams\.([a-z_0-9]+)`)

// exprSource writes one rule as one expression: the variables the
// precondition reads, then the precondition, then the variables the rule
// alone reads and the rule, so that a variable is computed only when its
// rule runs (a missing date in a skipped rule must not matter), and params
// replaced by their values.
func exprSource(pol *rules.Policy, vars []exprVar, r exprRule) (string, error) {
	whenVars := needed(vars, r.when, nil)
	exprVars := needed(vars, r.expr, whenVars)
	body := lets(vars, exprVars) + r.expr
	src := body
	if r.when != "" {
		src = lets(vars, whenVars) + "!(" + r.when + ") || (" + body + ")"
	}
	var err error
	src = paramRef.ReplaceAllStringFunc(src, func(ref string) string {
		name := ref[len("params."):]
		v, ok := pol.Param(name)
		if !ok {
			err = fmt.Errorf("the policy has no param %s", name)
			return ref
		}
		if list, ok := v.([]string); ok { // an expr array literal
			b, _ := json.Marshal(list)
			return string(b)
		}
		return fmt.Sprint(v)
	})
	return src, err
}

// needed lists the variables src reads, directly or through other
// variables, leaving out those in have.
func needed(vars []exprVar, src string, have []string) []string {
	var out []string
	reads := func(src, name string) bool {
		return regexp.MustCompile(`(^|[^.\w])` + name + `($|[^\w(])`).MatchString(src)
	}
	// Later variables may read earlier ones: walk back, widening src.
	for i := len(vars) - 1; i >= 0; i-- {
		v := vars[i]
		if slices.Contains(have, v.name) || !reads(src, v.name) {
			continue
		}
		out = append(out, v.name)
		src += " " + v.src
	}
	return out
}

// lets binds the named variables, in declaration order.
func lets(vars []exprVar, names []string) string {
	var b strings.Builder
	for _, v := range vars {
		if slices.Contains(names, v.name) {
			fmt.Fprintf(&b, "let %s = (%s); ", v.name, v.src)
		}
	}
	return b.String()
}

func (e *exprEngine) Name() string { return "expr" }

// The binders fill a kind's environment for one subject, reading the
// domain structs in place and its relations from the index.

func (e *exprEngine) bindInstitution(in *mentoring.Institution) any {
	e.institution = institutionEnv{AsOf: e.ix.p.AsOf, Institution: in, Tandems: e.ix.tandemsAt[in.ID],
		Groups: e.ix.groupsAt[in.ID]}
	return &e.institution
}

func (e *exprEngine) bindVolunteer(v *volunteer.Volunteer) any {
	e.volunteer = volunteerEnv{AsOf: e.ix.p.AsOf, Volunteer: v, Tandems: e.ix.tandemsOf[v.ID]}
	return &e.volunteer
}

func (e *exprEngine) bindChild(c *mentoring.Child) any {
	e.child = childEnv{AsOf: e.ix.p.AsOf, Child: c, Institution: e.ix.institutions[c.Institution]}
	return &e.child
}

func (e *exprEngine) bindTandem(t *mentoring.Tandem) any {
	ix := e.ix
	c := ix.children[t.Child]
	e.tandem = tandemEnv{AsOf: ix.p.AsOf, Tandem: t, Mentor: ix.volunteers[t.Mentor], Child: c,
		Institution: ix.institutions[c.Institution], Agreements: ix.agreementsOf[t.Mentor],
		ChildGroups: ix.groupsWith[t.Child], Visits: ix.visitsOf[t.ID], Outings: ix.outingsOf[t.ID],
		CheckIns: ix.checkInsOf[t.ID]}
	return &e.tandem
}

func (e *exprEngine) bindGroup(g *mentoring.Group) any {
	e.group = groupEnv{AsOf: e.ix.p.AsOf, Group: g}
	return &e.group
}

func (e *exprEngine) bindAgreement(a *agreement.Agreement) any {
	e.agreement = agreementEnv{AsOf: e.ix.p.AsOf, Agreement: a, Reports: e.ix.reportsOf[a.Volunteer]}
	return &e.agreement
}

func (e *exprEngine) bindOuting(o *mentoring.Outing) any {
	t := e.ix.tandems[o.Tandem]
	e.outing = outingEnv{AsOf: e.ix.p.AsOf, Outing: o, Tandem: t, Agreements: e.ix.agreementsOf[t.Mentor],
		Institution: e.ix.institutions[e.ix.children[t.Child].Institution]}
	return &e.outing
}

func (e *exprEngine) bindProgramme() any {
	e.programme = programmeEnv{AsOf: e.ix.p.AsOf, Programme: e.ix.p}
	return &e.programme
}

func (e *exprEngine) Subject(_ context.Context, subject string, out []Finding) ([]Finding, error) {
	kind, id, err := splitSubject(subject)
	if err != nil {
		return out, err
	}
	ix := e.ix
	var env any
	switch kind {
	case "institution":
		env = bindIn(ix.institutions, id, e.bindInstitution)
	case "volunteer":
		env = bindIn(ix.volunteers, id, e.bindVolunteer)
	case "child":
		env = bindIn(ix.children, id, e.bindChild)
	case "tandem":
		env = bindIn(ix.tandems, id, e.bindTandem)
	case "group":
		env = bindIn(ix.groups, id, e.bindGroup)
	case "agreement":
		env = bindIn(ix.agreements, id, e.bindAgreement)
	case "outing":
		env = bindIn(ix.outings, id, e.bindOuting)
	case "programme":
		if id == programmeID(ix.p) {
			env = e.bindProgramme()
		}
	}
	if env == nil {
		return out, fmt.Errorf("%w: %s", ErrSubject, subject)
	}
	before := len(out)
	out, err = e.run(kind, env, out)
	for i := before; i < len(out); i++ {
		out[i].Subject = subject
	}
	if err != nil {
		return out, fmt.Errorf("%s: %w", subject, err)
	}
	return out, nil
}

// bindIn binds the subject with the id, or returns nil if there is none.
func bindIn[T any](m map[string]*T, id string, bind func(*T) any) any {
	if x, ok := m[id]; ok {
		return bind(x)
	}
	return nil
}

// run evaluates kind's rules in env and appends a finding, its subject
// left for the caller, for each rule that fails.
func (e *exprEngine) run(kind string, env any, out []Finding) ([]Finding, error) {
	for _, p := range e.progs[kind] {
		ok, err := e.vm.Run(p.prog, env)
		if err != nil {
			return out, fmt.Errorf("expr: %s: %w", p.id, err)
		}
		if ok != true {
			out = append(out, Finding{Rule: p.id, Severity: p.severity})
		}
	}
	return out, nil
}

// runAll runs kind's rules on every element of list. The subject's name
// is built only for a finding, as our engine does.
func runAll[T any](e *exprEngine, kind string, list []T, id func(*T) string, bind func(*T) any, out []Finding) ([]Finding, error) {
	for i := range list {
		x := &list[i]
		before := len(out)
		var err error
		out, err = e.run(kind, bind(x), out)
		for j := before; j < len(out); j++ {
			out[j].Subject = kind + "/" + id(x)
		}
		if err != nil {
			return out, fmt.Errorf("%s/%s: %w", kind, id(x), err)
		}
	}
	return out, nil
}

// All walks the programme's lists in order, as our engine does.
func (e *exprEngine) All(ctx context.Context, out []Finding) ([]Finding, error) {
	p := e.ix.p
	var err error
	if out, err = runAll(e, "institution", p.Institutions, institutionID, e.bindInstitution, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "volunteer", p.Volunteers, volunteerID, e.bindVolunteer, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "child", p.Children, childID, e.bindChild, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "tandem", p.Tandems, tandemID, e.bindTandem, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "group", p.Groups, groupID, e.bindGroup, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "agreement", p.Agreements, agreementID, e.bindAgreement, out); err != nil {
		return out, err
	}
	if out, err = runAll(e, "outing", p.Outings, outingID, e.bindOuting, out); err != nil {
		return out, err
	}
	before := len(out)
	out, err = e.run("programme", e.bindProgramme(), out)
	for i := before; i < len(out); i++ {
		out[i].Subject = "programme/" + programmeID(p)
	}
	if err != nil {
		return out, err
	}
	return out, ctx.Err()
}

// exprLibrary is the guide's function library for expr: the date
// functions of our CEL library, and the comparisons CEL has on dates,
// months and the domain's named strings, as overloaded operators.
var exprLibrary = []expr.Option{
	expr.Function("age_at", func(p ...any) (any, error) {
		return p[0].(civil.Date).YearsUntil(p[1].(civil.Date)), nil
	}, new(func(civil.Date, civil.Date) int)),
	expr.Function("days_between", func(p ...any) (any, error) {
		return p[0].(civil.Date).DaysUntil(p[1].(civil.Date)), nil
	}, new(func(civil.Date, civil.Date) int)),
	expr.Function("add_months", func(p ...any) (any, error) {
		return p[0].(civil.Date).AddMonths(p[1].(int)), nil
	}, new(func(civil.Date, int) civil.Date)),
	expr.Function("month_of", func(p ...any) (any, error) {
		return p[0].(civil.Date).In(), nil
	}, new(func(civil.Date) civil.Month)),
	expr.Function("months_open", func(p ...any) (any, error) {
		return civil.Between(p[0].(civil.Month), p[1].(civil.Month)), nil
	}, new(func(civil.Month, civil.Month) []civil.Month)),
	expr.Function("longest_gap", func(p ...any) (any, error) {
		return longestGap(p[0].([]any), p[1].(civil.Date), p[2].(civil.Date))
	}, new(func([]any, civil.Date, civil.Date) []civil.Date)),
	expr.Function("set", func(p ...any) (any, error) {
		return !p[0].(civil.Date).IsZero(), nil
	}, new(func(civil.Date) bool)),
	compare("lt", func(c int) bool { return c < 0 }),
	compare("le", func(c int) bool { return c <= 0 }),
	compare("gt", func(c int) bool { return c > 0 }),
	compare("ge", func(c int) bool { return c >= 0 }),
	equal("eq", true),
	equal("ne", false),
	expr.Function("phase_in", func(p ...any) (any, error) {
		var s string
		switch x := p[0].(type) {
		case mentoring.Phase:
			s = string(x)
		case mentoring.CloseReason:
			s = string(x)
		default:
			return nil, fmt.Errorf("in: %T", p[0])
		}
		return slices.Contains(p[1].([]any), any(s)), nil
	}, new(func(mentoring.Phase, []any) bool), new(func(mentoring.CloseReason, []any) bool)),
	expr.Operator("<", "lt"), expr.Operator("<=", "le"), expr.Operator(">", "gt"), expr.Operator(">=", "ge"),
	expr.Operator("==", "eq"), expr.Operator("!=", "ne"), expr.Operator("in", "phase_in"),
}

func compare(name string, holds func(int) bool) expr.Option {
	return expr.Function(name, func(p ...any) (any, error) {
		switch a := p[0].(type) {
		case civil.Date:
			return holds(a.Compare(p[1].(civil.Date))), nil
		case civil.Month:
			return holds(a.Compare(p[1].(civil.Month))), nil
		}
		return nil, fmt.Errorf("%s: %T", name, p[0])
	}, new(func(civil.Date, civil.Date) bool), new(func(civil.Month, civil.Month) bool))
}

// equal compares the domain's named strings with string literals, and
// months with months.
func equal(name string, want bool) expr.Option {
	return expr.Function(name, func(p ...any) (any, error) {
		var eq bool
		switch a := p[0].(type) {
		case civil.Month:
			eq = a == p[1].(civil.Month)
		case volunteer.Role:
			eq = string(a) == p[1].(string)
		case volunteer.Level:
			eq = string(a) == p[1].(string)
		case mentoring.Phase:
			eq = string(a) == p[1].(string)
		case mentoring.InstitutionKind:
			eq = string(a) == p[1].(string)
		case mentoring.Format:
			eq = string(a) == p[1].(string)
		case mentoring.MeetingKind:
			eq = string(a) == p[1].(string)
		case mentoring.CloseReason:
			eq = string(a) == p[1].(string)
		case agreement.EndedBy:
			eq = string(a) == p[1].(string)
		default:
			return nil, fmt.Errorf("%s: %T", name, p[0])
		}
		return eq == want, nil
	},
		new(func(civil.Month, civil.Month) bool),
		new(func(volunteer.Role, string) bool), new(func(volunteer.Level, string) bool),
		new(func(mentoring.Phase, string) bool), new(func(mentoring.InstitutionKind, string) bool),
		new(func(mentoring.Format, string) bool), new(func(mentoring.MeetingKind, string) bool),
		new(func(mentoring.CloseReason, string) bool), new(func(agreement.EndedBy, string) bool))
}

// longestGap is our library's longest_gap, written again for expr: of
// from, the dates of ds within [from, to] and to, the two neighbours
// furthest apart (the earliest of equal stretches); [from, from] when to
// is before from.
func longestGap(ds []any, from, to civil.Date) ([]civil.Date, error) {
	if to.Before(from) {
		return []civil.Date{from, from}, nil
	}
	in := make([]civil.Date, 0, len(ds))
	for _, d := range ds {
		x, ok := d.(civil.Date)
		if !ok {
			return nil, fmt.Errorf("longest_gap: %T", d)
		}
		if !x.Before(from) && !x.After(to) {
			in = append(in, x)
		}
	}
	slices.SortFunc(in, civil.Date.Compare)
	best, a, b, prev := -1, from, from, from
	for _, x := range append(in, to) {
		if n := prev.DaysUntil(x); n > best {
			best, a, b = n, prev, x
		}
		prev = x
	}
	return []civil.Date{a, b}, nil
}
