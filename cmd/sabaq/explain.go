package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func init() {
	register(command{name: "explain", summary: "show why one rule passes or fails for one subject", run: runExplain})
}

func runExplain(e *env, args []string) error {
	fs := newFlags(e, "explain", "--rule ID --subject KIND/ID [flags] FILE",
		`Evaluates one rule on one subject of the programme FILE and prints the value
of every sub-expression of its when and expr, and of the variables they read:
the answer to "why was this reported?" (or "why not?"). Birth dates are
personal data: a value equal to one is shown as [REDACTED]; ages are shown.
Exit status 0 when
the explanation is printed, whatever the rule's result; 2 on a usage or input
error (an unknown rule or subject); 3 on a policy error.`)
	rule := fs.String("rule", "", "the rule's id, e.g. mentor.min_age (required)")
	subject := fs.String("subject", "", "the subject, KIND/ID, e.g. volunteer/v-1 (required)")
	policy := fs.String("policy", rules.DefaultPolicy, "policy: an embedded name (guide, nastavniki) or a YAML file")
	langFlag(fs, e)
	asOf := fs.String("as-of", "", "evaluate as of this date (YYYY-MM-DD) instead of the file's as_of")
	format := fs.String("format", "text", "output: text or json")
	sizeFlag(fs, e, programmeCap+", "+policyCap)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 || *rule == "" || *subject == "" {
		return usagef("explain needs --rule, --subject and one programme file (see sabaq explain --help)")
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	opts, err := evalOptions(e.lang, *asOf)
	if err != nil {
		return err
	}
	prog, err := loadProgramme(e, files[0])
	if err != nil {
		return err
	}
	pol, err := resolvePolicy(e, *policy)
	if err != nil {
		return err
	}
	if _, ok := pol.Rule(*rule); !ok {
		return usagef("policy %s has no rule %q (sabaq policy show %s lists them)", pol.Name(), *rule, pol.Name())
	}
	ex, err := pol.Explain(context.Background(), prog, *rule, *subject, opts...)
	if err != nil {
		return err
	}
	redactSteps(ex, prog)
	if *format == "json" {
		return writeJSON(e.stdout, ex)
	}
	_, err = fmt.Fprint(e.stdout, ex.Text())
	return err
}

// redactSteps masks, in the values of an explanation's steps, the personal
// data a rule can read: the birth dates of volunteers and children. A rule
// sees no names or contacts; rules.Explain shows an object by its id.
func redactSteps(ex *rules.Explanation, prog *mentoring.Programme) {
	dates := map[string]bool{}
	for _, v := range prog.Volunteers {
		if !v.BirthDate.IsZero() {
			dates[v.BirthDate.String()] = true
		}
	}
	for _, c := range prog.Children {
		if !c.BirthDate.IsZero() {
			dates[c.BirthDate.String()] = true
		}
	}
	if len(dates) == 0 {
		return
	}
	pairs := make([]string, 0, 2*len(dates))
	for d := range dates {
		pairs = append(pairs, d, volunteer.Redacted)
	}
	r := strings.NewReplacer(pairs...)
	for _, steps := range [][]rules.Step{ex.When, ex.Steps, ex.Variables} {
		for i := range steps {
			steps[i].Value = r.Replace(steps[i].Value)
		}
	}
}
