package rules

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Finding is one broken rule about one subject. Its JSON form is the
// contract's: {"rule", "severity", "subject", "message", "source"}.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Subject  string   `json:"subject"` // KIND/ID, e.g. "tandem/t-1"; outings are TANDEM@DATE
	Message  string   `json:"message"`
	Source   string   `json:"source"`
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
}

// WithLang sets the language of messages. Default English.
func WithLang(l diag.Lang) EvalOption { return func(o *evalOptions) { o.lang = l } }

// WithAsOf evaluates as of another date than the programme's as_of.
func WithAsOf(d civil.Date) EvalOption { return func(o *evalOptions) { o.asOf = d } }

// WithOutcomes records every rule's result on every subject in
// Report.Outcomes, passes included.
func WithOutcomes() EvalOption { return func(o *evalOptions) { o.outcomes = true } }

// WithRules restricts evaluation to the rules with these ids.
func WithRules(ids ...string) EvalOption {
	return func(o *evalOptions) {
		o.only = map[string]bool{}
		for _, id := range ids {
			o.only[id] = true
		}
	}
}

// WithSubject restricts evaluation to one subject, "KIND/ID" (for an app
// that checks a single volunteer at sign-up: "volunteer/v-17"). An unknown
// subject is an error.
func WithSubject(subject string) EvalOption { return func(o *evalOptions) { o.subject = subject } }

// WithCELOnly evaluates every rule on cel-go alone, without the fast path
// (see "Performance" in the package doc). The results are the same, which
// rulestest checks on every case it runs; the option is there to compare
// and to diagnose.
func WithCELOnly() EvalOption { return func(o *evalOptions) { o.celOnly = true } }

// frame takes a fast-path frame from the pool, or returns nil under
// WithCELOnly.
func (o *evalOptions) frame() *frame {
	if o.celOnly {
		return nil
	}
	return frames.Get().(*frame)
}

// ErrInput is wrapped by Evaluate's errors about the programme itself
// (dangling references, a missing as_of), as opposed to policy errors.
var ErrInput = errors.New("rules: bad input")

// activation binds one subject's variables for CEL. It is pooled: one
// evaluation of one subject takes it, fills the slots, and puts it back.
type activation struct {
	ke    *kindEnv
	slots [8]any
	vals  []ref.Val // cached variable values
	state []uint8   // 0 not yet, 1 computing, 2 done
}

var activations = sync.Pool{New: func() any { return new(activation) }}

func (a *activation) reset(ke *kindEnv) {
	a.ke = ke
	n := len(ke.vars)
	if cap(a.vals) < n {
		a.vals = make([]ref.Val, n)
		a.state = make([]uint8, n)
	}
	a.vals = a.vals[:n]
	a.state = a.state[:n]
	clear(a.vals)
	clear(a.state)
}

func (a *activation) release() {
	a.slots = [8]any{}
	clear(a.vals)
	a.ke = nil
	activations.Put(a)
}

// ResolveName implements interpreter.Activation: subject variables from the
// slots, policy variables evaluated on first use and cached.
func (a *activation) ResolveName(name string) (any, bool) {
	i, ok := a.ke.lookup[name]
	if !ok {
		return nil, false
	}
	if i < len(a.ke.slots) {
		return a.slots[i], true
	}
	i -= len(a.ke.slots)
	switch a.state[i] {
	case 2:
		return a.vals[i], true
	case 1:
		return types.NewErr("variable %s refers to itself", name), true
	}
	a.state[i] = 1
	v, _, err := a.ke.vars[i].prog.Eval(a)
	if err != nil {
		v = types.WrapErr(err)
	}
	a.vals[i] = v
	a.state[i] = 2
	return v, true
}

// Parent implements interpreter.Activation.
func (a *activation) Parent() interpreter.Activation { return nil }

// Evaluate runs the policy on every subject of the programme and returns the
// findings in a stable order: by subject kind (volunteer, child, tandem,
// group, agreement, outing, programme), then by the subject's place in the
// file, then by the rule's place in the policy.
//
// The programme must be valid input (see mentoring.Load): Evaluate indexes
// it if it is not indexed yet, and fails with ErrInput if a reference does
// not resolve. Evaluating one programme from several goroutines at once is
// safe once it is indexed (Load and Parse index it; otherwise call
// prog.Index first), as long as nothing changes it meanwhile. A rule that
// fails at run time (a missing date read without has(), a cost budget
// exceeded) becomes a finding with severity "error", never a crash and never
// a silent pass. Evaluate stops early, with ctx's error, when ctx is done.
func (p *Policy) Evaluate(ctx context.Context, prog *mentoring.Programme, opts ...EvalOption) (*Report, error) {
	// The options live beside the report: one allocation for both.
	ro := &struct {
		rep Report
		o   evalOptions
	}{o: evalOptions{lang: diag.EN}}
	o := &ro.o
	for _, opt := range opts {
		opt(o)
	}
	if prog == nil {
		return nil, fmt.Errorf("%w: no programme", ErrInput)
	}
	if err := ensureIndexed(prog); err != nil {
		return nil, err
	}
	asOf := prog.AsOf
	if !o.asOf.IsZero() {
		asOf = o.asOf
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("%w: the programme has no as_of date and none was given", ErrInput)
	}
	rep := &ro.rep
	*rep = Report{Policy: p.name, AsOf: asOf, Findings: []Finding{}}
	e := evaluation{p: p, o: o, prog: prog, asOf: asOf, rep: rep}
	e.fr = o.frame()
	defer e.fr.release()
	if o.subject != "" {
		kind, id, _ := strings.Cut(o.subject, "/")
		s, ok := findSubject(prog, Kind(kind), id)
		if !ok {
			return nil, fmt.Errorf("%w: no subject %q in the programme", ErrInput, o.subject)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e.run(ctx, &s, p.byKind[s.kind], p.kinds[s.kind])
	} else {
		for _, k := range programmeKinds {
			rules, ke := p.byKind[k], p.kinds[k]
			if len(rules) == 0 {
				continue
			}
			for i, n := 0, subjectCount(prog, k); i < n; i++ {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				s := subjectAt(prog, k, i)
				e.run(ctx, &s, rules, ke)
			}
		}
	}
	rep.Compliant = true
	for _, f := range rep.Findings {
		if f.Severity != Warn {
			rep.Compliant = false
			break
		}
	}
	return rep, nil
}

// ensureIndexed indexes prog unless it already is; only the first call
// writes, so concurrent evaluations of an indexed programme never race.
func ensureIndexed(prog *mentoring.Programme) error {
	done, err := prog.Indexed()
	if !done {
		err = prog.Index()
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInput, err)
	}
	return nil
}

type evaluation struct {
	p    *Policy
	o    *evalOptions
	prog *mentoring.Programme
	asOf civil.Date
	rep  *Report
	fr   *frame // the fast path's values, reused from subject to subject
}

// run evaluates the rules of the subject's kind, in its environment ke,
// on it.
func (e *evaluation) run(ctx context.Context, s *subject, rules []*compiledRule, ke *kindEnv) {
	if len(rules) == 0 {
		return
	}
	b := newBinding(ke, s, e.prog, e.asOf, e.fr)
	defer b.release()
	fits := s.fits(&e.p.sizes)
	var sub string // built only when something is reported
	name := func() string {
		if sub == "" {
			sub = string(s.kind) + "/" + s.id
		}
		return sub
	}
	for _, r := range rules {
		if e.o.only != nil && !e.o.only[r.ID] {
			continue
		}
		res, msg := e.p.check(ctx, r, &b, fits, e.o.lang)
		if e.o.outcomes {
			e.rep.Outcomes = append(e.rep.Outcomes, Outcome{Rule: r.ID, Subject: name(), Result: res})
		}
		switch res {
		case Failed:
			e.rep.Findings = append(e.rep.Findings, Finding{Rule: r.ID, Severity: r.Severity, Subject: name(), Message: msg, Source: r.Source})
		case Errored:
			e.rep.Findings = append(e.rep.Findings, Finding{Rule: r.ID, Severity: Error, Subject: name(), Message: msg, Source: r.Source})
		}
	}
}

// check runs one rule on a bound subject: on the fast path when the rule
// has one and needs no cost meter, else (or when the fast path gives up)
// on cel-go.
func (p *Policy) check(ctx context.Context, r *compiledRule, b *binding, fits bool, lang diag.Lang) (Result, string) {
	metered := r.metered || !fits
	if !metered && r.fast != nil && b.fr != nil {
		switch res := r.fast.run(b.fr); res {
		case Passed, NotApplies:
			return res, ""
		case Failed:
			return Failed, r.messages[langIndex(lang)].render(b.cel())
		}
	}
	a := b.cel()
	run := func(fast, checked cel.Program) (bool, error) {
		var out ref.Val
		var err error
		if metered {
			out, _, err = checked.ContextEval(ctx, a)
		} else {
			out, _, err = fast.Eval(a)
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
	if err != nil {
		return Errored, errorMessage(r, err, lang)
	}
	if ok {
		return Passed, ""
	}
	return Failed, r.messages[langIndex(lang)].render(a)
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

// render fills a message template. A placeholder that fails to evaluate
// shows as ‹?› so that the finding is still reported.
func (t template) render(a *activation) string {
	var b strings.Builder
	for _, part := range t.parts {
		if part.prog == nil {
			b.WriteString(part.lit)
			continue
		}
		v, _, err := part.prog.Eval(a)
		if err != nil {
			b.WriteString("‹?›")
			continue
		}
		b.WriteString(format(v))
	}
	return b.String()
}

// format writes a CEL value for people: dates as YYYY-MM-DD, lists joined
// with ", ".
func format(v ref.Val) string {
	switch x := v.(type) {
	case types.String:
		return string(x)
	case types.Int:
		return strconv.FormatInt(int64(x), 10)
	case types.Uint:
		return strconv.FormatUint(uint64(x), 10)
	case types.Double:
		return strconv.FormatFloat(float64(x), 'f', -1, 64)
	case types.Bool:
		return strconv.FormatBool(bool(x))
	}
	if d, ok := toDate(v); ok {
		return d.String()
	}
	if m, ok := toMonth(v); ok {
		return m.String()
	}
	if l, ok := v.(interface {
		Size() ref.Val
		Get(ref.Val) ref.Val
	}); ok {
		n, _ := l.Size().(types.Int)
		parts := make([]string, 0, int(n))
		for i := types.Int(0); i < n; i++ {
			parts = append(parts, format(l.Get(i)))
		}
		return strings.Join(parts, ", ")
	}
	if s, ok := v.Value().(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(v.Value())
}

// number evaluates a numeric program (int or double) on an activation.
func number(ctx context.Context, prg cel.Program, a *activation) (float64, error) {
	out, _, err := prg.ContextEval(ctx, a)
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
