package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// check evaluates a policy on a posted programme: the answer is the object
// of `sabaq check --format json`, compliance in the body, not the status.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	s.evaluate(w, r, "")
}

// checkSubject evaluates a policy on one subject of a posted programme.
func (s *Server) checkSubject(w http.ResponseWriter, r *http.Request) {
	s.evaluate(w, r, r.PathValue("kind")+"/"+r.PathValue("id"))
}

func (s *Server) evaluate(w http.ResponseWriter, r *http.Request, subject string) {
	ev, ok := s.evaluation(w, r, subject)
	if !ok {
		return
	}
	s.writeJSON(w, http.StatusOK, wire.CheckOf(ev.report))
}

// evaluated is what an evaluation of a posted programme gives.
type evaluated struct {
	policy    *rules.Policy
	programme *mentoring.Programme
	report    *rules.Report
}

// evaluation reads the policy, the parameters and the programme of a
// request and evaluates them, for one subject when subject is not "". It
// answers the errors itself and returns false then.
func (s *Server) evaluation(w http.ResponseWriter, r *http.Request, subject string) (evaluated, bool) {
	if !s.acceptsProgramme(w, r) {
		return evaluated{}, false
	}
	pol, ok := s.policyOf(w, r, rules.DefaultPolicy)
	if !ok {
		return evaluated{}, false
	}
	q := params{Values: r.URL.Query()}
	opts := q.evalOptions(langOf(r))
	if subject != "" {
		if kind, _, _ := strings.Cut(subject, "/"); !slices.Contains(programmeKinds, rules.Kind(kind)) {
			s.fail(w, r, wire.CodeSubjectNotFound, nil, clip(subject, 128))
			return evaluated{}, false
		}
		opts = append(opts, rules.WithSubject(subject))
	}
	if !s.validParams(w, r, q) {
		return evaluated{}, false
	}
	prog, ok := s.readProgramme(w, r)
	if !ok {
		return evaluated{}, false
	}
	ctx, cancel := s.work(r)
	defer cancel()
	rep, err := pol.Evaluate(ctx, prog, opts...)
	if subject != "" && errors.Is(err, rules.ErrInput) {
		// The programme was read and validated: the one input left to be
		// wrong is the subject.
		s.fail(w, r, wire.CodeSubjectNotFound, nil, clip(subject, 128))
		return evaluated{}, false
	}
	if err != nil {
		s.failErr(w, r, err)
		return evaluated{}, false
	}
	s.metrics.evaluated(rep)
	return evaluated{policy: pol, programme: prog, report: rep}, true
}

// programmeKinds are the kinds of subject a programme holds.
var programmeKinds = []rules.Kind{rules.KindInstitution, rules.KindVolunteer, rules.KindChild, rules.KindTandem, rules.KindGroup,
	rules.KindAgreement, rules.KindOuting, rules.KindProgramme}

// explain shows why one rule came out as it did for one subject: the
// object of `sabaq explain --format json`.
func (s *Server) explain(w http.ResponseWriter, r *http.Request) {
	if !s.acceptsProgramme(w, r) {
		return
	}
	pol, ok := s.policyOf(w, r, rules.DefaultPolicy)
	if !ok {
		return
	}
	q := params{Values: r.URL.Query()}
	opts := q.evalOptions(langOf(r))
	ruleID, subject := q.required("rule"), q.required("subject")
	if !s.validParams(w, r, q) || !s.explainable(w, r, pol, ruleID, subject) {
		return
	}
	prog, ok := s.readProgramme(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.work(r)
	defer cancel()
	if ex, ok := s.explainOn(ctx, w, r, pol, prog, ruleID, subject, opts); ok {
		s.writeJSON(w, http.StatusOK, ex)
	}
}

// explainable answers 404 when pol has no rule ruleID and 400 when subject
// is not of the rule's kind, and returns false then.
func (s *Server) explainable(w http.ResponseWriter, r *http.Request, pol *rules.Policy, ruleID, subject string) bool {
	rule, ok := pol.Rule(ruleID)
	if !ok {
		s.fail(w, r, wire.CodeRuleNotFound, nil, pol.Name(), clip(ruleID, 128))
		return false
	}
	if kind, _, _ := strings.Cut(subject, "/"); kind != string(rule.Kind) {
		s.fail(w, r, wire.CodeBadRequest, diag.List{
			diag.New(codeSubjectKind, "subject", rule.ID, term(string(rule.Kind)), clip(subject, 128))})
		return false
	}
	return true
}

// explainOn explains rule ruleID of pol on one subject of prog, answering
// 404 when the programme has no such subject.
func (s *Server) explainOn(ctx context.Context, w http.ResponseWriter, r *http.Request, pol *rules.Policy,
	prog *mentoring.Programme, ruleID, subject string, opts []rules.EvalOption) (*rules.Explanation, bool) {
	ex, err := pol.Explain(ctx, prog, ruleID, subject, opts...)
	if errors.Is(err, rules.ErrInput) {
		s.fail(w, r, wire.CodeSubjectNotFound, nil, clip(subject, 128))
		return nil, false
	}
	if err != nil {
		s.failErr(w, r, err)
		return nil, false
	}
	return ex, true
}

// term is the catalog's term for a subject kind ("@volunteer"), so that a
// message names it in the reader's language; a kind without a term is
// named as it is.
func term(kind string) string {
	if _, ok := diag.Template(diag.Code("@"+kind), diag.EN); ok {
		return "@" + kind
	}
	return kind
}

// planGroups proposes group sessions: the object of `sabaq plan groups
// --format json`.
func (s *Server) planGroups(w http.ResponseWriter, r *http.Request) {
	if !s.acceptsProgramme(w, r) {
		return
	}
	lang := langOf(r)
	q := params{Values: r.URL.Query()}
	opts := planning.GroupOptions{Min: q.int("min"), Max: q.int("max"), Lang: lang, Institutions: q.list("institution")}
	if !s.validParams(w, r, q) {
		return
	}
	prog, ok := s.readProgramme(w, r)
	if !ok {
		return
	}
	plan, err := planning.PlanGroups(prog, opts)
	if err != nil {
		s.failParams(w, r, err)
		return
	}
	s.writeWith(w, r, plan.WriteJSON)
}

// match proposes mentor–child tandems with a pair policy: the object of
// `sabaq match --format json`.
func (s *Server) match(w http.ResponseWriter, r *http.Request) {
	if !s.acceptsProgramme(w, r) {
		return
	}
	pol, ok := s.policyOf(w, r, "pairs")
	if !ok {
		return
	}
	lang := langOf(r)
	q := params{Values: r.URL.Query()}
	opts := planning.MatchOptions{MaxChildren: q.int("max_children"), Lang: lang, Institutions: q.list("institution")}
	if !s.validParams(w, r, q) {
		return
	}
	prog, ok := s.readProgramme(w, r)
	if !ok {
		return
	}
	ctx, cancel := s.work(r)
	defer cancel()
	judge, err := policyjudge.New(ctx, pol, prog, lang)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	m, err := planning.Match(ctx, prog, judge, opts)
	if err != nil {
		s.failParams(w, r, err)
		return
	}
	s.writeWith(w, r, m.WriteJSON)
}

// writeWith answers 200 with the JSON a result writes itself, the bytes
// the command line prints.
func (s *Server) writeWith(w http.ResponseWriter, r *http.Request, write func(io.Writer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		s.failErr(w, r, err)
		return
	}
	s.write(w, http.StatusOK, "application/json", buf.Bytes())
}

// failParams answers for an error of a planner, whose positionless problems
// are about the request's parameters (an unknown institution, bounds that
// do not make sense).
func (s *Server) failParams(w http.ResponseWriter, r *http.Request, err error) {
	problems := diag.Errors(err)
	if len(problems) > 0 && !errors.Is(err, rules.ErrPolicy) && !problems[0].IsValid() {
		s.fail(w, r, wire.CodeBadRequest, problems)
		return
	}
	s.failErr(w, r, err)
}

// policyOf looks up the policy the query names (def when it names none)
// in the set served now, and answers 404 when there is none.
func (s *Server) policyOf(w http.ResponseWriter, r *http.Request, def string) (*rules.Policy, bool) {
	name := r.URL.Query().Get("policy")
	if name == "" {
		name = def
	}
	pol, ok := s.store.Get(name)
	if !ok {
		s.fail(w, r, wire.CodePolicyNotFound, nil, clip(name, 64))
	}
	return pol, ok
}

// validParams answers 400 with the problems of the query, if it has any.
func (s *Server) validParams(w http.ResponseWriter, r *http.Request, q params) bool {
	if len(q.problems) == 0 {
		return true
	}
	s.fail(w, r, wire.CodeBadRequest, q.problems)
	return false
}

// params reads a query's parameters, collecting a problem for each that is
// malformed; a problem's path is the parameter's name.
type params struct {
	url.Values
	problems diag.List
}

func (q *params) evalOptions(lang diag.Lang) []rules.EvalOption {
	opts := []rules.EvalOption{rules.WithLang(lang)}
	if d, ok := q.date("as_of"); ok {
		opts = append(opts, rules.WithAsOf(d))
	}
	return opts
}

func (q *params) date(name string) (civil.Date, bool) {
	v := q.Get(name)
	if v == "" {
		return civil.Date{}, false
	}
	d, err := civil.ParseDate(v)
	if err != nil {
		q.problems = append(q.problems, diag.New(diag.CodeBadDate, name, clip(v, 32)))
		return civil.Date{}, false
	}
	return d, true
}

func (q *params) int(name string) int {
	v := q.Get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		q.problems = append(q.problems, diag.New(diag.CodeWrongType, name, "@integer", strconv.Quote(clip(v, 32))))
		return 0
	}
	return n
}

func (q *params) required(name string) string {
	v := q.Get(name)
	if v == "" {
		q.problems = append(q.problems, diag.New(diag.CodeRequired, name))
	}
	return v
}

// list reads a parameter given as a comma-separated list, repeated, or
// both.
func (q *params) list(name string) []string {
	var out []string
	for _, v := range q.Values[name] {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
