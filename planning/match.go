package planning

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/planning/assign"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// Judge decides who may be proposed and how well a pair fits. A policy
// file's pair rules stand behind the judge of the CLI; tests use Go. A
// Judge is bound to one programme and must be safe for concurrent use:
// [Match] asks it about many pairs at once.
type Judge interface {
	// Mentor says whether a volunteer may be proposed as a mentor at all
	// (the policy's mentor rules).
	Mentor(ctx context.Context, v *volunteer.Volunteer) (Verdict, error)
	// Pair says whether the pair is allowed (no deny finding) and scores
	// it. Warn findings may accompany an allowed pair.
	Pair(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child) (Decision, error)
}

// Screener is what a [Judge] may also be: Screen answers the question
// Match asks of every one of the n² pairs — is it allowed, how does it
// score, which rules forbid it — without the findings' messages, which
// Match reads only for the pairs it proposes (through Pair). Screen
// appends the ids of the forbidding rules to forbidding, a buffer the
// caller reuses, and returns it; it must agree with Pair.
type Screener interface {
	Screen(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child, forbidding []string) (allowed bool, score float64, rules []string, err error)
}

// Verdict is a judge's answer about one person.
type Verdict struct {
	Allowed  bool      `json:"allowed"`
	Findings []Finding `json:"findings,omitempty"`
}

// Decision is a judge's answer about one pair: whether it is allowed, the
// findings behind that, its score and the weighted parts the score is the
// sum of.
type Decision struct {
	Allowed  bool        `json:"allowed"`
	Findings []Finding   `json:"findings,omitempty"`
	Score    float64     `json:"score"`
	Parts    []ScorePart `json:"parts,omitempty"`
}

// ScorePart is one weighted criterion of a pair's score; the score is the
// sum of Value·Weight over its parts.
type ScorePart struct {
	ID     string  `json:"id"`
	Value  float64 `json:"value"`
	Weight float64 `json:"weight"`
}

// Capacity is what a [Judge] may also be: MaxOpenTandems is how many open
// tandems the judge lets a mentor have (a policy judge reads the policy's
// mentor_max_open_tandems, the limit of its rule mentor.single_tandem), so
// that [Match] proposes no second child to a mentor the policy would then
// flag.
type Capacity interface {
	MaxOpenTandems() int
}

// FuncJudge makes a [Judge] of two functions. A nil Mentors allows every
// mentor; a nil Pairs allows every pair with score 0.
type FuncJudge struct {
	Mentors func(ctx context.Context, v *volunteer.Volunteer) (Verdict, error)
	Pairs   func(ctx context.Context, mentor *volunteer.Volunteer, child *mentoring.Child) (Decision, error)
}

// Mentor calls f.Mentors.
func (f FuncJudge) Mentor(ctx context.Context, v *volunteer.Volunteer) (Verdict, error) {
	if f.Mentors == nil {
		return Verdict{Allowed: true}, nil
	}
	return f.Mentors(ctx, v)
}

// Pair calls f.Pairs.
func (f FuncJudge) Pair(ctx context.Context, m *volunteer.Volunteer, c *mentoring.Child) (Decision, error) {
	if f.Pairs == nil {
		return Decision{Allowed: true}, nil
	}
	return f.Pairs(ctx, m, c)
}

// MatchOptions tune [Match]. The zero value means the judge's number of
// children per mentor (else one), every institution, English messages and
// one worker per CPU.
type MatchOptions struct {
	// MaxChildren is how many children a mentor may have in open tandems,
	// those already there included; 0 means the judge's
	// ([Capacity.MaxOpenTandems]) or, for a judge without one, 1: the
	// guide's individual mentoring, one mentor, one child. A number above
	// the judge's is the coordinator's explicit choice: its proposals may
	// then break the policy's mentor.single_tandem.
	MaxChildren int
	// Institutions limits the children to these institutions; empty means
	// all.
	Institutions []string
	// Lang is the language of messages; empty means English.
	Lang diag.Lang
	// Workers is how many pairs are judged at once; 0 means GOMAXPROCS.
	Workers int
}

// Matching is a set of proposed tandems. It is a proposal: the coordinator
// decides, and Notice says so in the reader's language.
type Matching struct {
	AsOf        civil.Date `json:"as_of"`
	Notice      string     `json:"notice"`
	MaxChildren int        `json:"max_children_per_mentor"`
	// Pairs is the number of proposals: no set of allowed pairs is larger.
	Pairs int `json:"pairs"`
	// TotalScore is the sum of the proposals' scores: no set of Pairs
	// allowed pairs scores more.
	TotalScore        float64     `json:"total_score"`
	Proposals         []Proposal  `json:"proposals"`
	UnmatchedMentors  []Unmatched `json:"unmatched_mentors"`
	UnmatchedChildren []Unmatched `json:"unmatched_children"`

	names names // for the text a coordinator reads, never in JSON
}

// Proposal is one proposed tandem with the reasons for it.
type Proposal struct {
	Mentor      string      `json:"mentor"`
	Child       string      `json:"child"`
	Institution string      `json:"institution"`
	Score       float64     `json:"score"`
	Parts       []ScorePart `json:"parts"`
	// Notes are warn findings about the pair: allowed, worth a look.
	Notes []Finding `json:"notes,omitempty"`
}

// Reason codes of [Unmatched]; stable strings for programs.
const (
	ReasonMentorRules   = "mentor_rules"       // the mentor does not pass the mentor rules
	ReasonAtCapacity    = "at_capacity"        // the mentor already has MaxChildren open tandems
	ReasonHasTandem     = "has_tandem"         // the child already has an open tandem
	ReasonNoCandidates  = "no_candidates"      // nobody on the other side to pair with
	ReasonNoAllowed     = "no_allowed_partner" // every pair breaks a deny rule
	ReasonOutmatched    = "outmatched"         // every allowed partner went to someone else
	ruleCountsSeparator = ", "
)

// Unmatched is a person without a proposal and why.
type Unmatched struct {
	ID      string `json:"id"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
	// Findings say why in words: for ReasonMentorRules the mentor rules
	// that rule the volunteer out; for ReasonNoAllowed the pair rules that
	// forbade every candidate on the other side (the mentor has no
	// agreement in force, has not been given the safety instruction; the
	// child is too young), each with its message.
	Findings []Finding `json:"findings,omitempty"`
	// Rules counts, for ReasonNoAllowed, how many partners each rule ruled
	// out (a partner may break several).
	Rules []RuleCount `json:"rules,omitempty"`
	// Best is, for ReasonOutmatched, the allowed partner with the highest
	// score, and Rival whom that partner is proposed with.
	Best  string  `json:"best,omitempty"`
	Score float64 `json:"best_score,omitempty"`
	Rival string  `json:"rival,omitempty"`
}

// RuleCount is how many times a rule ruled out a partner.
type RuleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// Match proposes tandems: it pairs mentors who pass the judge's mentor
// rules, and have room for a child, with children who have no open tandem
// (every phase but closed). Volunteers in individual mentoring and those
// who mentor an open tandem are the candidate mentors (a closed tandem
// makes nobody a mentor, nor takes a place); children in group-format
// mentoring are no candidates, and are not listed as unmatched. Among the
// pairs the judge allows it makes as many as possible and, among those,
// the ones with the highest total score — an optimal assignment, solved
// exactly with [assign.Solve]. Every proposal carries its score parts;
// every unmatched person a reason, and, where rules left them out, those
// rules' messages. Ids are ordered as people read them (v-2 before v-10).
//
// Match errs only when the judge does, when a score is not a finite number
// within ±[assign.MaxCost], when ctx ends, or for an unknown institution in
// opts. The result depends only on the programme, the judge and opts.
func Match(ctx context.Context, prog *mentoring.Programme, judge Judge, opts MatchOptions) (*Matching, error) {
	capacity := opts.MaxChildren
	if c, ok := judge.(Capacity); ok && capacity == 0 {
		capacity = c.MaxOpenTandems()
	}
	capacity = cmp.Or(capacity, 1)
	if capacity < 1 {
		return nil, diag.New(diag.CodeInvalid, "max_children", strconv.Itoa(opts.MaxChildren))
	}
	var errs diag.List
	for _, id := range opts.Institutions {
		if _, ok := prog.Institution(id); !ok {
			errs = append(errs, diag.New(codeUnknownInst, "", id))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	lang := opts.Lang
	out := &Matching{AsOf: prog.AsOf, Notice: message(lang, codeNotice), MaxChildren: capacity,
		Proposals: []Proposal{}, UnmatchedMentors: []Unmatched{}, UnmatchedChildren: []Unmatched{},
		names: namesOf(prog)}

	// Candidates, by id.
	var mentors []*volunteer.Volunteer
	var slots []int // mentor index of each matrix row
	for _, v := range sortedBy(prog.Volunteers, func(v *volunteer.Volunteer) string { return v.ID }) {
		open := openTandems(prog.TandemsOf(v.ID))
		if v.Role != volunteer.IndividualMentor && len(open) == 0 {
			continue // not a mentor at all, or no longer
		}
		verdict, err := judge.Mentor(ctx, v)
		if err != nil {
			return nil, fmt.Errorf("planning: judging mentor %s: %w", v.ID, err)
		}
		if !verdict.Allowed {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: v.ID, Reason: ReasonMentorRules,
				Message: message(lang, codeMentorRules, ruleIDs(verdict.Findings)), Findings: verdict.Findings})
			continue
		}
		if len(open) >= capacity {
			out.UnmatchedMentors = append(out.UnmatchedMentors, Unmatched{ID: v.ID, Reason: ReasonAtCapacity,
				Message: message(lang, codeAtCapacity, strconv.Itoa(len(open)), strconv.Itoa(capacity))})
			continue
		}
		for range capacity - len(open) {
			slots = append(slots, len(mentors))
		}
		mentors = append(mentors, v)
	}
	var children []*mentoring.Child
	for _, c := range sortedBy(prog.Children, func(c *mentoring.Child) string { return c.ID }) {
		if len(opts.Institutions) > 0 && !slices.Contains(opts.Institutions, c.Institution) {
			continue
		}
		if c.Programme == mentoring.GroupFmt {
			continue // group-format mentoring: no individual mentor to propose
		}
		if open := openTandems(prog.TandemsWith(c.ID)); len(open) > 0 {
			ids := make([]string, len(open))
			for i, t := range open {
				ids[i] = t.ID
			}
			out.UnmatchedChildren = append(out.UnmatchedChildren, Unmatched{ID: c.ID, Reason: ReasonHasTandem,
				Message: message(lang, codeHasTandem, strings.Join(ids, ", "))})
			continue
		}
		children = append(children, c)
	}

	// Judge every pair.
	sc, err := judgeAll(ctx, judge, mentors, children, opts.Workers)
	if err != nil {
		return nil, err
	}
	cost := assign.NewMatrix(len(slots), len(children))
	for r, mi := range slots {
		copy(cost.Row(r), sc.cost.Row(mi))
	}
	res, err := assign.Solve(cost)
	if err != nil {
		return nil, fmt.Errorf("planning: pair scores: %w", err)
	}

	// Proposals, with the judge's reasons.
	partnerOfChild := make([]int, len(children)) // mentor index or -1
	for j := range partnerOfChild {
		partnerOfChild[j] = -1
	}
	matchedMentor := make([]bool, len(mentors))
	for r, j := range res.ColOf {
		if j < 0 {
			continue
		}
		mi := slots[r]
		m, c := mentors[mi], children[j]
		d, err := judge.Pair(ctx, m, c)
		if err != nil {
			return nil, fmt.Errorf("planning: judging %s with %s: %w", m.ID, c.ID, err)
		}
		p := Proposal{Mentor: m.ID, Child: c.ID, Institution: c.Institution, Score: d.Score, Parts: d.Parts}
		if p.Parts == nil {
			p.Parts = []ScorePart{}
		}
		for _, f := range d.Findings {
			if !f.Severity.blocks() {
				p.Notes = append(p.Notes, f)
			}
		}
		out.Proposals = append(out.Proposals, p)
		out.TotalScore += d.Score
		partnerOfChild[j] = mi
		matchedMentor[mi] = true
	}
	out.Pairs = len(out.Proposals)
	slices.SortFunc(out.Proposals, func(a, b Proposal) int {
		return cmp.Or(compareIDs(a.Mentor, b.Mentor), compareIDs(a.Child, b.Child))
	})

	// Why the others are left out.
	for mi, m := range mentors {
		if matchedMentor[mi] {
			continue
		}
		u := Unmatched{ID: m.ID}
		best, allowed := -1, 0
		for j, c := range sc.cost.Row(mi) {
			if c != assign.Forbidden {
				allowed++
				if best < 0 || c < sc.cost.At(mi, best) {
					best = j
				}
			}
		}
		switch {
		case len(children) == 0:
			u.Reason, u.Message = ReasonNoCandidates, message(lang, codeNoCandidates)
		case allowed == 0:
			u.Reason, u.Rules = ReasonNoAllowed, counts(sc.mentorRules[mi])
			u.Message = message(lang, codeNoAllowed, describe(u.Rules))
			if u.Findings, err = why(ctx, judge, u.Rules, len(children), func() (*volunteer.Volunteer, *mentoring.Child) {
				return m, children[0]
			}); err != nil {
				return nil, err
			}
		default:
			u.Reason, u.Best, u.Score = ReasonOutmatched, children[best].ID, -sc.cost.At(mi, best)
			u.Rival = mentors[partnerOfChild[best]].ID
			u.Message = message(lang, codeOutmatched, strconv.Itoa(allowed), u.Best, formatScore(u.Score), u.Rival)
		}
		out.UnmatchedMentors = append(out.UnmatchedMentors, u)
	}
	for j, c := range children {
		if partnerOfChild[j] >= 0 {
			continue
		}
		u := Unmatched{ID: c.ID}
		best, allowed := -1, 0
		for mi := range mentors {
			if cc := sc.cost.At(mi, j); cc != assign.Forbidden {
				allowed++
				if best < 0 || cc < sc.cost.At(best, j) {
					best = mi
				}
			}
		}
		switch {
		case len(mentors) == 0:
			u.Reason, u.Message = ReasonNoCandidates, message(lang, codeNoCandidates)
		case allowed == 0:
			u.Reason, u.Rules = ReasonNoAllowed, counts(sc.childRules[j])
			u.Message = message(lang, codeNoAllowed, describe(u.Rules))
			if u.Findings, err = why(ctx, judge, u.Rules, len(mentors), func() (*volunteer.Volunteer, *mentoring.Child) {
				return mentors[0], c
			}); err != nil {
				return nil, err
			}
		default:
			// Every allowed mentor is full: a mentor with a free slot and
			// this child would make one more pair.
			u.Reason, u.Best, u.Score = ReasonOutmatched, mentors[best].ID, -sc.cost.At(best, j)
			u.Rival = rivalOf(out.Proposals, mentors[best].ID)
			u.Message = message(lang, codeOutmatched, strconv.Itoa(allowed), u.Best, formatScore(u.Score), u.Rival)
		}
		out.UnmatchedChildren = append(out.UnmatchedChildren, u)
	}
	slices.SortStableFunc(out.UnmatchedMentors, func(a, b Unmatched) int { return compareIDs(a.ID, b.ID) })
	slices.SortStableFunc(out.UnmatchedChildren, func(a, b Unmatched) int { return compareIDs(a.ID, b.ID) })
	return out, nil
}

// why words the rules that forbade a person with every one of the n
// candidates on the other side — about the person, not the pair (a
// mentor without an agreement in force, a child too young for the
// orphanage programme): the findings of those rules on one pair, with
// their messages. Rules that struck only some candidates stay counts.
func why(ctx context.Context, judge Judge, rules []RuleCount, n int, pair func() (*volunteer.Volunteer, *mentoring.Child)) ([]Finding, error) {
	var every []string
	for _, r := range rules {
		if r.Count == n {
			every = append(every, r.Rule)
		}
	}
	if len(every) == 0 {
		return nil, nil
	}
	m, c := pair()
	d, err := judge.Pair(ctx, m, c)
	if err != nil {
		return nil, fmt.Errorf("planning: judging %s with %s: %w", m.ID, c.ID, err)
	}
	var out []Finding
	for _, f := range d.Findings {
		if f.Severity.blocks() && slices.Contains(every, f.Rule) {
			out = append(out, f)
		}
	}
	return out, nil
}

// scan is what judging every pair leaves: the cost matrix (−score, or
// Forbidden) and, per person, how often each deny rule struck.
type scan struct {
	cost        assign.Matrix
	mentorRules []map[string]int
	childRules  []map[string]int
}

func judgeAll(ctx context.Context, judge Judge, mentors []*volunteer.Volunteer, children []*mentoring.Child, workers int) (*scan, error) {
	sc := &scan{cost: assign.NewMatrix(len(mentors), len(children)),
		mentorRules: make([]map[string]int, len(mentors)), childRules: make([]map[string]int, len(children))}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(mentors)))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	perWorker := make([][]map[string]int, workers) // child rule counts, merged below
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]map[string]int, len(children))
			perWorker[w] = local
			var buf []string // the forbidding rules of one pair
			for mi := w; mi < len(mentors); mi += workers {
				m := mentors[mi]
				row := sc.cost.Row(mi)
				for j, c := range children {
					if ctx.Err() != nil {
						return
					}
					allowed, score, forbidding, err := screen(ctx, judge, m, c, buf[:0])
					if err != nil {
						cancel(fmt.Errorf("planning: judging %s with %s: %w", m.ID, c.ID, err))
						return
					}
					buf = forbidding
					if allowed {
						row[j] = -score
						continue
					}
					row[j] = assign.Forbidden
					for _, rule := range forbidding {
						sc.mentorRules[mi] = bump(sc.mentorRules[mi], rule)
						local[j] = bump(local[j], rule)
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	for _, local := range perWorker {
		for j, m := range local {
			for rule, n := range m {
				if sc.childRules[j] == nil {
					sc.childRules[j] = map[string]int{}
				}
				sc.childRules[j][rule] += n
			}
		}
	}
	return sc, nil
}

// screen asks judge about a pair the cheap way when it can (a Screener),
// else through Pair.
func screen(ctx context.Context, judge Judge, m *volunteer.Volunteer, c *mentoring.Child, buf []string) (bool, float64, []string, error) {
	if s, ok := judge.(Screener); ok {
		return s.Screen(ctx, m, c, buf)
	}
	d, err := judge.Pair(ctx, m, c)
	if err != nil {
		return false, 0, buf, err
	}
	for _, f := range d.Findings {
		if f.Severity.blocks() {
			buf = append(buf, f.Rule)
		}
	}
	return d.Allowed, d.Score, buf, nil
}

func bump(m map[string]int, rule string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[rule]++
	return m
}

func counts(m map[string]int) []RuleCount {
	out := make([]RuleCount, 0, len(m))
	for _, rule := range sortedKeys(m) {
		out = append(out, RuleCount{Rule: rule, Count: m[rule]})
	}
	slices.SortStableFunc(out, func(a, b RuleCount) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

func describe(rc []RuleCount) string {
	parts := make([]string, len(rc))
	for i, r := range rc {
		parts[i] = fmt.Sprintf("%s ×%d", r.Rule, r.Count)
	}
	return strings.Join(parts, ruleCountsSeparator)
}

func ruleIDs(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		if f.Severity.blocks() && !slices.Contains(ids, f.Rule) {
			ids = append(ids, f.Rule)
		}
	}
	return strings.Join(ids, ", ")
}

func rivalOf(ps []Proposal, mentor string) string {
	var kids []string
	for _, p := range ps {
		if p.Mentor == mentor {
			kids = append(kids, p.Child)
		}
	}
	return strings.Join(kids, ", ")
}

func formatScore(s float64) string { return strconv.FormatFloat(s, 'g', 6, 64) }

func openTandems(ts []*mentoring.Tandem) []*mentoring.Tandem {
	var out []*mentoring.Tandem
	for _, t := range ts {
		if t.Phase != mentoring.Closed {
			out = append(out, t)
		}
	}
	return out
}

func sortedBy[T any](list []T, id func(*T) string) []*T {
	out := make([]*T, len(list))
	for i := range list {
		out[i] = &list[i]
	}
	slices.SortStableFunc(out, func(a, b *T) int { return compareIDs(id(a), id(b)) })
	return out
}
