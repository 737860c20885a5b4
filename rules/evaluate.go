package rules

// The evaluate stage: a compiled Policy on a programme. Each subject is
// bound once (binding.go) and each rule runs on the native evaluator when
// it has a native form, on cel-go otherwise or when the native evaluator
// gives up as planned; messages are rendered the same way.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// Finding is one broken rule about one subject. Its JSON form is the
// contract's: {"rule", "severity", "subject", "message", "source"}, and
// "citations" beside them when the source names places of the guide.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Subject  string   `json:"subject"` // KIND/ID, e.g. "tandem/t-1"; outings are TANDEM@DATE
	Message  string   `json:"message"`
	Source   string   `json:"source"`
	// Citations are Source's places in the language of the evaluation,
	// resolved when the policy was compiled and shared by every finding of
	// the rule: read them, do not change them.
	Citations []guide.Citation `json:"citations,omitempty"`
}

// Result says how one rule came out for one subject.
type Result string

// Results of a rule on a subject.
const (
	Passed     Result = "pass"
	Failed     Result = "fail"
	Errored    Result = "error"
	NotApplies Result = "skip" // the rule's when was false
)

// Outcome is a rule's result on one subject, kept when evaluation is asked
// for every outcome ([WithOutcomes]), e.g. to measure test coverage.
type Outcome struct {
	Rule    string
	Subject string
	Result  Result
}

// Report is the result of evaluating a policy on a programme. Its JSON
// form is the contract's `sabaq check --format json` object.
type Report struct {
	Policy    string     `json:"policy"`
	AsOf      civil.Date `json:"as_of"`
	Compliant bool       `json:"compliant"` // no deny and no error finding
	Findings  []Finding  `json:"findings"`
	// Outcomes holds every rule's result on every subject, when asked for
	// with WithOutcomes.
	Outcomes []Outcome `json:"-"`
}

// EvalOption configures one evaluation. The zero configuration evaluates
// every rule on every subject as of the programme's as_of, with English
// messages.
type EvalOption func(*evalOptions)

type evalOptions struct {
	lang     diag.Lang
	asOf     civil.Date
	outcomes bool
	only     map[string]bool
	subject  string
	celOnly  bool
	silent   bool // no messages
	current  bool // Due: what already fails on the first day too
}

// WithLang sets the language of messages. Default English.
func WithLang(l diag.Lang) EvalOption {
	return func(o *evalOptions) { o.lang = l }
}

// WithAsOf evaluates as of another date than the programme's as_of.
func WithAsOf(d civil.Date) EvalOption {
	return func(o *evalOptions) { o.asOf = d }
}

// WithOutcomes records every rule's result on every subject in
// Report.Outcomes, passes included.
func WithOutcomes() EvalOption {
	return func(o *evalOptions) { o.outcomes = true }
}

// WithRules restricts evaluation to the rules with these ids.
func WithRules(ids ...string) EvalOption {
	only := map[string]bool{}
	for _, id := range ids {
		only[id] = true
	}
	return func(o *evalOptions) { o.only = only }
}

// WithSubject restricts evaluation to one subject, "KIND/ID" (for an app
// that checks a single volunteer at sign-up: "volunteer/v-17"). An unknown
// subject is an error.
func WithSubject(subject string) EvalOption {
	return func(o *evalOptions) { o.subject = subject }
}

// WithCELOnly evaluates every rule on cel-go alone, without the native
// evaluator (see "How it works" in the package doc). The results are the
// same, which rulestest checks on every case it runs; the option is there
// to compare and to diagnose.
func WithCELOnly() EvalOption {
	return func(o *evalOptions) { o.celOnly = true }
}

// WithoutMessages leaves findings' messages empty: for a caller that
// counts or sorts findings by rule and shows none of them (the matcher
// screening thousands of pairs), rendering messages is most of the work.
func WithoutMessages() EvalOption {
	return func(o *evalOptions) { o.silent = true }
}

// ErrInput is wrapped by Evaluate's errors about the programme itself (a
// programme that is not valid, a missing as_of, an unknown subject), as
// opposed to policy errors. The problems of an invalid programme are a
// diag.List reachable with errors.As.
var ErrInput = errors.New("rules: bad input")

// Evaluate runs the policy on every subject of the programme and returns the
// findings in a stable order: by subject kind (institution, volunteer, child, tandem,
// group, agreement, outing, programme), then by the subject's place in the
// file, then by the rule's place in the policy.
//
// Evaluate checks what it is given: a programme that was not validated
// (one built in Go) is validated first, once (mentoring's Validated), and
// an invalid one — a dangling reference, a role "boss", a birth date after
// as_of — fails with ErrInput carrying every problem, not with findings.
// Evaluating one programme from several goroutines at once is safe, as
// long as nothing changes it meanwhile. A rule that fails at run time (a
// missing date read without has(), a cost budget or the build cap
// exceeded) becomes a finding with severity "error", never a crash and
// never a silent pass. Evaluate stops early, with ctx's error, when ctx is
// done.
func (p *Policy) Evaluate(ctx context.Context, prog *mentoring.Programme, opts ...EvalOption) (*Report, error) {
	rep := new(Report) // the one allocation
	if err := p.EvaluateInto(ctx, prog, rep, opts...); err != nil {
		return nil, err
	}
	return rep, nil
}

// EvaluateInto is [Policy.Evaluate] into a report the caller owns and may
// reuse: rep is reset and filled, its Findings (and Outcomes) appended to
// from length zero, so that their memory serves again. A caller that
// evaluates subject after subject (a sign-up form checking one volunteer
// at a time, a judge checking each candidate mentor) allocates nothing
// once the report has grown. rep's previous findings are overwritten:
// copy what must outlive the next call. On an error, rep holds no
// findings. rep must not be shared by concurrent calls.
func (p *Policy) EvaluateInto(ctx context.Context, prog *mentoring.Programme, rep *Report, opts ...EvalOption) error {
	if rep == nil {
		return fmt.Errorf("%w: no report to evaluate into", ErrInput)
	}
	findings := rep.Findings[:0]
	if findings == nil {
		findings = []Finding{} // JSON [], not null; a zero-size value allocates nothing
	}
	*rep = Report{Policy: p.name, Findings: findings, Outcomes: rep.Outcomes[:0]}
	st := newState(opts) // the options live in the pooled state: no allocation
	defer st.release()
	if err := p.evaluate(ctx, prog, rep, st); err != nil {
		rep.Findings, rep.Outcomes = rep.Findings[:0], rep.Outcomes[:0]
		return err
	}
	return nil
}

func (p *Policy) evaluate(ctx context.Context, prog *mentoring.Programme, rep *Report, st *state) error {
	o := &st.o
	asOf, at, err := prepare(prog, o.asOf)
	if err != nil {
		return err
	}
	rep.AsOf = asOf
	e := evaluation{p: p, o: o, rep: rep, st: st, prog: prog, at: at, asOf: asOf}
	if o.subject != "" {
		k, i, err := findSubject(at, prog, o.subject)
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if kr := p.perKind[k.Index]; kr.env != nil && len(kr.rules) > 0 {
			e.st.bind(kr.env, prog, at, i, 0, asOf)
			e.run(ctx, kr.rules)
		}
	} else if err := e.all(ctx); err != nil {
		return err
	}
	rep.Compliant = true
	for _, f := range rep.Findings {
		if f.Severity != Warn {
			rep.Compliant = false
			break
		}
	}
	return nil
}

// findSubject finds a subject named KIND/ID (WithSubject) in a programme.
func findSubject(at *subject.Positions, prog *mentoring.Programme, name string) (*subject.Kind, int, error) {
	kind, id, _ := strings.Cut(name, "/")
	k, ok := subject.Lookup(kind)
	i := 0
	if ok && !k.OnRequest {
		i, ok = k.Find(at, prog, id)
	}
	if !ok || k.OnRequest {
		return nil, 0, fmt.Errorf("%w: no subject %q in the programme", ErrInput, name)
	}
	return k, i, nil
}

// prepare checks a programme before evaluation: it is there, valid, and
// has a date to evaluate on; and returns its positions.
func prepare(prog *mentoring.Programme, override civil.Date) (civil.Date, *subject.Positions, error) {
	if prog == nil {
		return civil.Date{}, nil, fmt.Errorf("%w: no programme", ErrInput)
	}
	asOf := prog.AsOf
	if !override.IsZero() {
		asOf = override
	}
	if asOf.IsZero() {
		return civil.Date{}, nil, fmt.Errorf("%w: the programme has no as_of date and none was given", ErrInput)
	}
	if err := prog.Validated(); err != nil {
		return civil.Date{}, nil, fmt.Errorf("%w: %w", ErrInput, err)
	}
	return asOf, subject.For(prog), nil
}

type evaluation struct {
	p    *Policy
	o    *evalOptions
	rep  *Report
	st   *state
	prog *mentoring.Programme
	at   *subject.Positions
	asOf civil.Date
}

// run evaluates rules, all of the bound subject's kind, on it.
func (e *evaluation) run(ctx context.Context, rules []*compiledRule) {
	var sub string // built only when something is reported
	name := func() string {
		if sub == "" {
			sub = e.st.s.Kind.Name + "/" + e.st.s.Kind.ID(&e.st.s)
		}
		return sub
	}
	for _, r := range rules {
		if e.o.only != nil && !e.o.only[r.ID] {
			continue
		}
		res, msg := e.p.check(ctx, r, e.st, e.o.lang, e.o.silent)
		if e.o.outcomes {
			e.rep.Outcomes = append(e.rep.Outcomes, Outcome{Rule: r.ID, Subject: name(), Result: res})
		}
		switch res {
		case Failed:
			e.rep.Findings = append(e.rep.Findings, Finding{Rule: r.ID, Severity: r.Severity, Subject: name(), Message: msg, Source: r.Source, Citations: r.Citations.In(e.o.lang)})
		case Errored:
			e.rep.Findings = append(e.rep.Findings, Finding{Rule: r.ID, Severity: Error, Subject: name(), Message: msg, Source: r.Source, Citations: r.Citations.In(e.o.lang)})
		}
	}
}

// check runs one rule on the bound subject: natively when the rule has a
// native form, else (or when the native evaluator gives up as planned) on
// cel-go.
func (p *Policy) check(ctx context.Context, r *compiledRule, st *state, lang diag.Lang, silent bool) (Result, string) {
	if st.fr != nil && r.nExpr != nil {
		st.guard(p)
		out, _ := native.Run(st.fr, r.nWhen, r.nExpr)
		switch out {
		case native.Pass:
			return Passed, ""
		case native.Skip:
			return NotApplies, ""
		case native.Fail:
			return Failed, p.message(r, st, lang, silent)
		case native.Stop: // the build cap: run nowhere else
			return Errored, diag.New(CodeBuildLimit, "", r.ID, limits.Size(buildCap)).Message(lang)
		case native.Fault:
			return Errored, diag.New(CodeInternal, "", r.ID).Message(lang)
		}
	}
	fits := st.fitsLimits(p.limits)
	if !fits && r.builds {
		return Errored, diag.New(CodeOversized, "", r.ID, oversized(st, p.limits)).Message(lang)
	}
	metered := r.metered || !fits
	run := func(plain, checked cel.Program) (bool, error) {
		var out ref.Val
		var err error
		if metered {
			out, _, err = checked.ContextEval(ctx, &st.a)
		} else {
			out, _, err = plain.Eval(&st.a)
		}
		if err != nil {
			return false, err
		}
		b, ok := out.(types.Bool)
		if !ok {
			return false, fmt.Errorf("result is %s, not bool", out.Type().TypeName())
		}
		return bool(b), nil
	}
	if r.when != nil {
		ok, err := run(r.when, r.whenM)
		if err != nil {
			return Errored, errorMessage(r, err, lang)
		}
		if !ok {
			return NotApplies, ""
		}
	}
	ok, err := run(r.expr, r.exprM)
	switch {
	case err != nil:
		return Errored, errorMessage(r, err, lang)
	case ok:
		return Passed, ""
	}
	return Failed, p.message(r, st, lang, silent)
}

// message renders a failing rule's message, unless none is wanted.
func (p *Policy) message(r *compiledRule, st *state, lang diag.Lang, silent bool) string {
	if silent {
		return ""
	}
	return p.render(r.messages[langIndex(lang)], st)
}

// oversized names the limits a subject's lists pass.
func oversized(st *state, lim map[string]int) string {
	var names []string
	for _, v := range st.s.Kind.Vars {
		if v.Len != nil && v.Len(&st.s) > lim[v.Limit] {
			names = append(names, "limits."+v.Limit)
		}
	}
	for _, z := range st.s.Kind.Sized {
		if z.Len(&st.s) > lim[z.Limit] {
			names = append(names, "limits."+z.Limit)
		}
	}
	return strings.Join(names, ", ")
}

func langIndex(l diag.Lang) int {
	switch l {
	case diag.KK:
		return 0
	case diag.RU:
		return 1
	}
	return 2
}

func errorMessage(r *compiledRule, err error, lang diag.Lang) string {
	return diag.New(CodeEvalError, "", r.ID, err.Error()).Message(lang)
}

// render fills a message template, each placeholder natively when it can.
// A placeholder that fails to evaluate shows as ‹?› so that the finding is
// still reported.
func (p *Policy) render(t template, st *state) string {
	var b strings.Builder
	for _, part := range t.parts {
		if part.prog == nil {
			b.WriteString(part.lit)
			continue
		}
		if st.fr != nil && part.fn != nil {
			st.guard(p)
			v, out, _ := native.Value(st.fr, part.fn)
			switch out {
			case native.Pass:
				b.WriteString(native.Format(v))
				continue
			case native.Stop, native.Fault:
				b.WriteString("‹?›")
				continue
			}
		}
		v, _, err := part.prog.Eval(&st.a)
		if err != nil {
			b.WriteString("‹?›")
			continue
		}
		b.WriteString(format(v))
	}
	return b.String()
}

// format writes a cel-go value the way the native evaluator does: the
// same function, through the native form of the value.
func format(v ref.Val) string {
	if x, ok := library.FromRef(v); ok {
		return native.Format(x)
	}
	return "‹?›"
}
