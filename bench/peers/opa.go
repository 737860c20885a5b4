package peers

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// regoFS holds the guide policy in Rego: lib.rego (the function library)
// and one package per subject kind, guide.KIND, whose deny and warn sets
// hold the ids of the rules the subject breaks.
//
//go:embed rego/*.rego
var regoFS embed.FS

// opaEngine evaluates the Rego policy with OPA the way its documentation
// advises for speed: one prepared query per kind, and every subject's input
// converted to an ast.Value once, when the engine is built
// (rego.EvalParsedInput), so that an evaluation neither encodes nor parses.
type opaEngine struct {
	ix      *index
	queries map[string]opaQuery
	inputs  map[string][]opaInput // by kind, in programme order
	byName  map[string]ast.Value  // by subject, KIND/ID
}

type opaInput struct {
	id    string
	input ast.Value
}

type opaQuery struct {
	pq   rego.PreparedEvalQuery
	sets []string // "deny", "warn": the sets the kind's package defines
}

// NewOPA prepares the Rego policy, with pol's params, over prog.
func NewOPA(ctx context.Context, pol *rules.Policy, prog *mentoring.Programme) (Engine, error) {
	params, err := regoParams(pol)
	if err != nil {
		return nil, err
	}
	mods := []func(*rego.Rego){rego.Module("params.rego", params)}
	files, err := fs.Glob(regoFS, "rego/*.rego")
	if err != nil {
		return nil, err
	}
	sources := map[string]string{}
	for _, f := range files {
		b, err := regoFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		sources[strings.TrimSuffix(strings.TrimPrefix(f, "rego/"), ".rego")] = string(b)
		mods = append(mods, rego.Module(f, string(b)))
	}
	e := &opaEngine{ix: newIndex(prog), queries: map[string]opaQuery{}, inputs: map[string][]opaInput{},
		byName: map[string]ast.Value{}}
	for _, kind := range Kinds {
		var q opaQuery
		var body []string
		for _, set := range []string{"deny", "warn"} {
			if regexp.MustCompile(`(?m)^` + set + ` contains`).MatchString(sources[kind]) {
				q.sets = append(q.sets, set)
				body = append(body, fmt.Sprintf("%s := data.guide.%s.%s", set, kind, set))
			}
		}
		opts := append([]func(*rego.Rego){rego.Query(strings.Join(body, "; "))}, mods...)
		q.pq, err = rego.New(opts...).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("opa: %s: %w", kind, err)
		}
		e.queries[kind] = q
	}
	if err := e.parseInputs(); err != nil {
		return nil, err
	}
	return e, nil
}

// regoParams writes the policy's params as the Rego package guide.params.
func regoParams(pol *rules.Policy) (string, error) {
	var b strings.Builder
	b.WriteString("package guide.params\n\n")
	for _, p := range pol.Params() {
		v, err := json.Marshal(p.Value)
		if err != nil {
			return "", fmt.Errorf("opa: param %s: %w", p.Name, err)
		}
		fmt.Fprintf(&b, "%s := %s\n", p.Name, v)
	}
	return b.String(), nil
}

// parseInputs builds every subject's input, what its kind's rules read, as
// the programme file spells it (snake_case keys, "YYYY-MM-DD" dates, null
// for a date not set), and converts it to an ast.Value.
func (e *opaEngine) parseInputs() error {
	ix := e.ix
	asOf := ix.p.AsOf
	for _, kind := range Kinds {
		for _, id := range ix.ids(kind) {
			var in map[string]any
			switch kind {
			case "institution":
				in = map[string]any{"institution": ix.institutions[id], "tandems": nonNil(ix.tandemsAt[id]),
					"groups": nonNil(ix.groupsAt[id])}
			case "volunteer":
				in = map[string]any{"volunteer": ix.volunteers[id], "tandems": nonNil(ix.tandemsOf[id])}
			case "child":
				c := ix.children[id]
				in = map[string]any{"child": c, "institution": ix.institutions[c.Institution]}
			case "tandem":
				t := ix.tandems[id]
				c := ix.children[t.Child]
				in = map[string]any{"tandem": t, "mentor": ix.volunteers[t.Mentor], "child": c,
					"institution": ix.institutions[c.Institution], "agreements": nonNil(ix.agreementsOf[t.Mentor]),
					"child_groups": nonNil(ix.groupsWith[t.Child]), "visits": nonNil(ix.visitsOf[id]),
					"outings": nonNil(ix.outingsOf[id]), "check_ins": nonNil(ix.checkInsOf[id])}
			case "group":
				in = map[string]any{"group": ix.groups[id]}
			case "agreement":
				a := ix.agreements[id]
				in = map[string]any{"agreement": a, "reports": nonNil(ix.reportsOf[a.Volunteer])}
			case "outing":
				o := ix.outings[id]
				t := ix.tandems[o.Tandem]
				in = map[string]any{"outing": o, "tandem": t, "agreements": nonNil(ix.agreementsOf[t.Mentor]),
					"institution": ix.institutions[ix.children[t.Child].Institution]}
			case "programme":
				in = map[string]any{"tandems": nonNil(ix.p.Tandems), "meetings": nonNil(ix.p.Meetings)}
			}
			in["as_of"] = asOf
			v, err := toValue(in)
			if err != nil {
				return fmt.Errorf("opa: input of %s/%s: %w", kind, id, err)
			}
			e.inputs[kind] = append(e.inputs[kind], opaInput{id, v})
			e.byName[kind+"/"+id] = v
		}
	}
	return nil
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

func toValue(x any) (ast.Value, error) {
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := util.UnmarshalJSON(b, &doc); err != nil {
		return nil, err
	}
	return ast.InterfaceToValue(doc)
}

func (e *opaEngine) Name() string { return "opa" }

func (e *opaEngine) Subject(ctx context.Context, subject string, out []Finding) ([]Finding, error) {
	kind, id, err := splitSubject(subject)
	if err != nil {
		return out, err
	}
	in, ok := e.byName[subject]
	if !ok {
		return out, fmt.Errorf("%w: %s", ErrSubject, subject)
	}
	return e.eval(ctx, kind, id, in, out)
}

// eval runs kind's prepared query on one subject's input.
func (e *opaEngine) eval(ctx context.Context, kind, id string, in ast.Value, out []Finding) ([]Finding, error) {
	q := e.queries[kind]
	rs, err := q.pq.Eval(ctx, rego.EvalParsedInput(in))
	if err != nil {
		return out, fmt.Errorf("opa: %s/%s: %w", kind, id, err)
	}
	if len(rs) != 1 {
		return out, fmt.Errorf("opa: %s/%s: %d results, want 1", kind, id, len(rs))
	}
	for _, set := range q.sets {
		ids, ok := rs[0].Bindings[set].([]any)
		if !ok {
			return out, fmt.Errorf("opa: %s/%s: %s is %T", kind, id, set, rs[0].Bindings[set])
		}
		for _, rule := range ids {
			out = append(out, Finding{Rule: fmt.Sprint(rule), Severity: set, Subject: kind + "/" + id})
		}
	}
	return out, nil
}

// All evaluates every subject's pre-parsed input, kind by kind in
// programme order.
func (e *opaEngine) All(ctx context.Context, out []Finding) ([]Finding, error) {
	for _, kind := range Kinds {
		for _, s := range e.inputs[kind] {
			var err error
			if out, err = e.eval(ctx, kind, s.id, s.input, out); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

var regoRuleID = regexp.MustCompile(`(?m)^(?:deny|warn) contains "([^"]+)"`)

// RegoRuleIDs lists the rule ids of the Rego translation, sorted.
func RegoRuleIDs() ([]string, error) {
	files, err := fs.Glob(regoFS, "rego/*.rego")
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, f := range files {
		b, err := regoFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range regoRuleID.FindAllSubmatch(b, -1) {
			ids = append(ids, string(m[1]))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
