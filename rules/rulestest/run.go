package rulestest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/files"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Status is how a case came out.
type Status string

// Statuses.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Skipped Status = "skip"
	// Broken: the case could not run (its programme is not valid input).
	Broken Status = "error"
)

// CaseResult is the outcome of one case.
type CaseResult struct {
	Suite string   `json:"suite"`
	Case  string   `json:"case"`
	Pos   diag.Pos `json:"pos"`
	// Status is pass, fail, skip or error.
	Status Status `json:"status"`
	// Skip is the reason a skipped case gives.
	Skip string `json:"skip,omitempty"`
	// Missing are expected findings the report lacks; Unexpected are
	// findings an exactly case did not expect; Present are findings that
	// absent forbids.
	Missing    []Expected      `json:"missing,omitempty"`
	Unexpected []rules.Finding `json:"unexpected,omitempty"`
	Present    []rules.Finding `json:"present,omitempty"`
	// Got is every finding of the evaluation.
	Got []rules.Finding `json:"got,omitempty"`
	// Problems say why a broken case could not run.
	Problems diag.List `json:"problems,omitempty"`
	// Err is an error that is not about the input (nil usually).
	Err error `json:"-"`
}

// Diff explains a failed or broken case: expected findings that are
// missing (-), findings that were not expected or are forbidden (+), and
// every finding the evaluation reported.
func (r CaseResult) Diff() string {
	var b strings.Builder
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  %s\n", p.Error())
	}
	if r.Err != nil {
		fmt.Fprintf(&b, "  %s\n", r.Err)
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "  - missing:    %s\n", m)
	}
	for _, f := range r.Unexpected {
		fmt.Fprintf(&b, "  + unexpected: %s %s (%s): %s\n", f.Rule, f.Subject, f.Severity, f.Message)
	}
	for _, f := range r.Present {
		fmt.Fprintf(&b, "  + forbidden:  %s %s (%s): %s\n", f.Rule, f.Subject, f.Severity, f.Message)
	}
	if r.Status == Fail {
		if len(r.Got) == 0 {
			b.WriteString("  got no findings\n")
		} else {
			b.WriteString("  got:\n")
			for _, f := range r.Got {
				fmt.Fprintf(&b, "    %s %s (%s)\n", f.Rule, f.Subject, f.Severity)
			}
		}
	}
	return b.String()
}

// SuiteResult is the outcome of one suite.
type SuiteResult struct {
	Path   string       `json:"path"`
	Name   string       `json:"name"`
	Policy string       `json:"policy"`
	Cases  []CaseResult `json:"cases"`
	// outcomes of every rule of the policy on every subject, for coverage.
	key       string
	rules     []string
	inherited map[string]bool // rules the policy takes from its base
	outcomes  []rules.Outcome
}

// Result is the outcome of a run of suites.
type Result struct {
	Suites []SuiteResult `json:"suites"`
}

// Counts returns how many cases passed, failed, were skipped or broken.
func (r *Result) Counts() map[Status]int {
	out := map[Status]int{}
	for _, s := range r.Suites {
		for _, c := range s.Cases {
			out[c.Status]++
		}
	}
	return out
}

// OK reports whether no case failed or broke.
func (r *Result) OK() bool {
	c := r.Counts()
	return c[Fail] == 0 && c[Broken] == 0
}

// Options configures a run. The zero value runs every case silently.
type Options struct {
	// Run, when set, runs only the cases whose name, or "suite/case",
	// it matches.
	Run *regexp.Regexp
	// Progress, when set, is called before each case.
	Progress func(suite, name string, done, total int)
	// MaxFileSize caps each file the run reads, as [WithMaxFileSize] does
	// for [Load]. Zero means the defaults.
	MaxFileSize int64
}

// Find returns the suite files among paths: files as given, directories
// searched recursively for *_test.yaml (testdata and hidden directories
// left out), sorted.
func Find(paths ...string) ([]string, error) {
	return files.Expand(paths, func(name string) bool {
		return strings.HasSuffix(name, "_test.yaml") || strings.HasSuffix(name, "_test.yml")
	})
}

// RunFiles loads and runs the suites in paths (see Find). A suite that
// cannot be read, or whose policy does not compile, is reported in the
// error — errors.Is(err, rules.ErrPolicy) for the latter — and the other
// suites still run. A path that holds no suite is an error too
// (errors.Is(err, ErrNoSuites)): a run that tests nothing does not pass.
func RunFiles(ctx context.Context, paths []string, opts Options) (*Result, error) {
	files, err := findEach(paths)
	if err != nil {
		return nil, err
	}
	var suites []*Suite
	var errs []error
	for _, f := range files {
		s, err := Load(f, WithMaxFileSize(opts.MaxFileSize))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		suites = append(suites, s)
	}
	total := 0
	for _, s := range suites {
		total += len(s.selected(opts.Run))
	}
	res := &Result{}
	done := 0
	for _, s := range suites {
		inner := opts
		if opts.Progress != nil {
			base := done
			inner.Progress = func(suite, name string, d, _ int) { opts.Progress(suite, name, base+d, total) }
		}
		sr, err := s.Run(ctx, inner)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		done += len(sr.Cases)
		res.Suites = append(res.Suites, *sr)
	}
	return res, errors.Join(errs...)
}

// findEach is Find, path by path, so that a folder without suites is
// named in the error rather than lost among the others.
func findEach(paths []string) ([]string, error) {
	var out []string
	var errs diag.List
	for _, p := range paths {
		found, err := Find(p)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			e := diag.New(CodeNoSuites, "", p)
			e.Err = ErrNoSuites
			errs = append(errs, e)
		}
		out = append(out, found...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func (s *Suite) selected(run *regexp.Regexp) []*Case {
	var out []*Case
	for _, c := range s.Cases {
		if run == nil || run.MatchString(c.Name) || run.MatchString(s.Name+"/"+c.Name) {
			out = append(out, c)
		}
	}
	return out
}

// LoadPolicy compiles the policy a suite names: a file relative to the
// suite (a path, or a name ending in .yaml), else NAME.yaml beside the
// suite when there is one, else the embedded policy of that name. A file
// is read only from inside the suite's folder and within its cap
// ([WithMaxFileSize]); outside, it is an error at the suite's policy line.
func (s *Suite) LoadPolicy() (*rules.Policy, error) {
	name := s.Policy
	if !namesFile(name) {
		name += ".yaml"
	}
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return nil, diag.New(CodeOutside, "policy", s.Policy).At(s.policyPos)
	}
	// The file is read here, inside the folder and within its cap, before
	// rules reads it again: rules.LoadFile has no cap of its own yet, and
	// names the file in its problems by the path given.
	root, err := os.OpenRoot(filepath.Dir(s.Path))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !namesFile(s.Policy) {
			return rules.Load(rules.Policies(), s.Policy)
		}
		return nil, err
	}
	_, e := readInside(root, rel, capFor(s.maxBytes, limits.PolicyBytes), "policy", name, s.policyPos)
	root.Close()
	switch {
	case e == nil:
		return rules.LoadFile(filepath.Join(filepath.Dir(s.Path), rel))
	case e.Code == CodeNoFile && !namesFile(s.Policy):
		return rules.Load(rules.Policies(), s.Policy)
	case e.Code == CodeNoFile:
		return rules.LoadFile(filepath.Join(filepath.Dir(s.Path), rel)) // "not found", as for any policy
	}
	return nil, e
}

// Run compiles the suite's policy and runs its cases. The error is the
// policy's (errors.Is(err, rules.ErrPolicy)); a case whose programme is
// not valid is a broken case, not an error.
func (s *Suite) Run(ctx context.Context, opts Options) (*SuiteResult, error) {
	pol, err := s.LoadPolicy()
	if err != nil {
		return nil, err
	}
	res := &SuiteResult{Path: s.Path, Name: s.Name, Policy: pol.Name(), key: policyKey(pol), inherited: map[string]bool{}}
	files := pol.Files()
	for _, r := range pol.Rules() {
		res.rules = append(res.rules, r.ID)
		if len(files) > 1 && r.Pos.File != files[len(files)-1] {
			res.inherited[r.ID] = true
		}
	}
	cases := s.selected(opts.Run)
	for i, c := range cases {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opts.Progress != nil {
			opts.Progress(s.Name, c.Name, i, len(cases))
		}
		if l := unknownRules(pol, c); len(l) > 0 {
			// An expectation about a rule the policy lacks can never
			// be met, nor fail for the right reason: a broken case.
			res.Cases = append(res.Cases, CaseResult{Suite: s.Name, Case: c.Name, Pos: c.Pos, Status: Broken, Problems: l})
			continue
		}
		cr, outcomes := s.runCase(ctx, pol, c)
		res.Cases = append(res.Cases, cr)
		res.outcomes = append(res.outcomes, outcomes...)
	}
	return res, nil
}

func policyKey(pol *rules.Policy) string {
	return pol.Name() + " " + strings.Join(pol.Files(), ",")
}

func (s *Suite) runCase(ctx context.Context, pol *rules.Policy, c *Case) (CaseResult, []rules.Outcome) {
	r := CaseResult{Suite: s.Name, Case: c.Name, Pos: c.Pos}
	if c.Skip != "" {
		r.Status, r.Skip = Skipped, c.Skip
		return r, nil
	}
	prog, err := s.programme(c)
	if err != nil {
		r.Status, r.Problems = Broken, diag.Errors(err)
		if len(r.Problems) == 0 {
			r.Err = err
		}
		return r, nil
	}
	opts := []rules.EvalOption{rules.WithLang(c.Lang), rules.WithOutcomes()}
	if !c.AsOf.IsZero() {
		opts = append(opts, rules.WithAsOf(c.AsOf))
	}
	if len(c.Rules) > 0 {
		opts = append(opts, rules.WithRules(c.Rules...))
	}
	rep, err := pol.Evaluate(ctx, prog, opts...)
	if err != nil {
		r.Status, r.Err = Broken, err
		return r, nil
	}
	// Every case also checks the engine: cel-go alone must come to the
	// same report as the fast path.
	ref, err := pol.Evaluate(ctx, prog, append(opts, rules.WithCELOnly())...)
	if err != nil {
		r.Status, r.Err = Broken, err
		return r, nil
	}
	if d := engineDiff(rep, ref); d != "" {
		r.Status, r.Err = Broken, fmt.Errorf("the rules engine's fast path and cel-go disagree (please report this): %s", d)
		return r, nil
	}
	r.Got = rep.Findings
	compare(&r, c, rep.Findings)
	return r, rep.Outcomes
}

// engineDiff describes the first difference between two reports of the
// same case, or returns "".
func engineDiff(fast, ref *rules.Report) string {
	if len(fast.Outcomes) != len(ref.Outcomes) {
		return fmt.Sprintf("%d outcomes, cel-go %d", len(fast.Outcomes), len(ref.Outcomes))
	}
	for i, o := range fast.Outcomes {
		if o != ref.Outcomes[i] {
			return fmt.Sprintf("%s on %s: %s, cel-go %s", o.Rule, o.Subject, o.Result, ref.Outcomes[i].Result)
		}
	}
	if len(fast.Findings) != len(ref.Findings) {
		return fmt.Sprintf("%d findings, cel-go %d", len(fast.Findings), len(ref.Findings))
	}
	for i, f := range fast.Findings {
		if !sameFinding(f, ref.Findings[i]) {
			return fmt.Sprintf("finding %d: %+v, cel-go %+v", i, f, ref.Findings[i])
		}
	}
	return ""
}

// sameFinding compares two findings field by field, their citations by
// what they say.
func sameFinding(a, b rules.Finding) bool {
	return a.Rule == b.Rule && a.Severity == b.Severity && a.Subject == b.Subject &&
		a.Message == b.Message && a.Source == b.Source &&
		slices.EqualFunc(a.Citations, b.Citations, func(x, y guide.Citation) bool {
			return x.Text == y.Text && x.Ref == y.Ref && slices.Equal(x.Lines, y.Lines)
		})
}

// compare fills the differences between what a case expects and what the
// report holds, and the case's status.
func compare(r *CaseResult, c *Case, got []rules.Finding) {
	used := make([]bool, len(got))
	for _, e := range c.Findings {
		found := false
		for i, f := range got {
			if !used[i] && e.matches(f) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			r.Missing = append(r.Missing, e)
		}
	}
	if c.Mode == Exactly {
		for i, f := range got {
			if !used[i] {
				r.Unexpected = append(r.Unexpected, f)
			}
		}
	}
	for _, e := range c.Absent {
		for _, f := range got {
			if e.matches(f) {
				r.Present = append(r.Present, f)
			}
		}
	}
	r.Status = Pass
	if len(r.Missing)+len(r.Unexpected)+len(r.Present) > 0 {
		r.Status = Fail
	}
}

// unknownRules returns a problem for every rule a case names — in rules,
// findings or absent — that the policy does not have, with the nearest
// rule id.
func unknownRules(pol *rules.Policy, c *Case) diag.List {
	var ids []string
	for _, r := range pol.Rules() {
		ids = append(ids, r.ID)
	}
	var out diag.List
	check := func(id string, at diag.Pos, path string) {
		if _, ok := pol.Rule(id); ok || id == "" {
			return
		}
		if hint, ok := diag.Closest(id, ids); ok {
			out = append(out, diag.New(CodeUnknownRuleHint, path, id, pol.Name(), hint).At(at))
			return
		}
		out = append(out, diag.New(CodeUnknownRule, path, id, pol.Name()).At(at))
	}
	for _, id := range c.Rules {
		check(id, c.rulesPos, "rules")
	}
	for i, e := range c.Findings {
		check(e.Rule, e.Pos, diag.Index("findings", i)+".rule")
	}
	for i, e := range c.Absent {
		check(e.Rule, e.Pos, diag.Index("absent", i)+".rule")
	}
	return out
}
