package main

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/birgemiz/sabaqtastyq/rules"
)

func init() {
	register(command{name: "policy", summary: "list the embedded policies, or show one (list | show NAME|FILE)", run: runPolicy})
}

func runPolicy(e *env, args []string) error {
	fset := newFlags(e, "policy", "list | show NAME|FILE",
		`policy list prints the embedded policies: name, version, rule count and
description. policy show prints one policy (embedded or a file): its
parameters with their values and descriptions, and its rules with id,
severity, subject and source; with --format json, also the evaluator that
decides each rule and score ("native" or "cel") and why it is not native.`)
	langFlag(fset, e)
	sizeFlag(fset, e, policyCap)
	format := fset.String("format", "text", "output of policy show: text or json")
	rest, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("policy needs list or show NAME (see sabaq policy --help)")
	}
	switch rest[0] {
	case "list":
		if len(rest) != 1 {
			return usagef("policy list takes no arguments")
		}
		return policyList(e)
	case "show":
		if len(rest) != 2 {
			return usagef("policy show needs one policy name or file")
		}
		if err := oneOf("format", *format, "text", "json"); err != nil {
			return err
		}
		if *format == "json" {
			return policyShowJSON(e, rest[1])
		}
		return policyShow(e, rest[1])
	}
	return usagef("unknown policy command %q: use list or show", rest[0])
}

// embeddedPolicies names the embedded policy files, test suites left out.
func embeddedPolicies() ([]string, error) {
	files, err := fs.Glob(rules.Policies(), "*.yaml")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if isPolicyFile(f) {
			out = append(out, strings.TrimSuffix(f, path.Ext(f)))
		}
	}
	return out, nil
}

func policyList(e *env) error {
	names, err := embeddedPolicies()
	if err != nil {
		return err
	}
	for _, n := range names {
		pol, err := rules.Load(rules.Policies(), n)
		if err != nil {
			return err
		}
		extends := ""
		if files := pol.Files(); len(files) > 1 {
			extends = " (extends " + strings.TrimSuffix(path.Base(files[len(files)-2]), ".yaml") + ")"
		}
		fmt.Fprintf(e.stdout, "%-14s %-7s %3d rules  %s%s\n", pol.Name(), pol.Version(), len(pol.Rules()),
			pol.Description().In(e.lang), extends)
	}
	return nil
}

func policyShow(e *env, name string) error {
	pol, err := resolvePolicy(e, name)
	if err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintf(w, "%s %s — %s\n", pol.Name(), pol.Version(), pol.Description().In(e.lang))
	fmt.Fprintf(w, "files: %s\n", strings.Join(pol.Files(), " → "))
	if params := pol.Params(); len(params) > 0 {
		fmt.Fprintln(w, "\nparameters:")
		for _, p := range params {
			fmt.Fprintf(w, "  %-36s %-12s %-8v %s\n", p.Name, p.Type, paramValue(p.Value), p.Description.In(e.lang))
		}
	}
	fmt.Fprintln(w, "\nrules:")
	for _, r := range pol.Rules() {
		fmt.Fprintf(w, "  %-30s %-5s %-10s %s\n", r.ID, r.Severity, r.Kind, r.Source)
		if d := r.Description.In(e.lang); d != "" {
			fmt.Fprintf(w, "  %-30s %s\n", "", d)
		}
	}
	return nil
}

// policyShowJSON prints a policy's rules and scores with the evaluator of
// each, for tools and for checking that a policy runs natively.
func policyShowJSON(e *env, name string) error {
	pol, err := resolvePolicy(e, name)
	if err != nil {
		return err
	}
	type item struct {
		ID        string          `json:"id"`
		Severity  rules.Severity  `json:"severity,omitempty"`
		Subject   rules.Kind      `json:"subject"`
		Source    string          `json:"source,omitempty"`
		Evaluator rules.Evaluator `json:"evaluator"`
		Reason    string          `json:"reason"`
	}
	out := struct {
		Name    string   `json:"name"`
		Version string   `json:"version"`
		Files   []string `json:"files"`
		Rules   []item   `json:"rules"`
		Scores  []item   `json:"scores"`
	}{Name: pol.Name(), Version: pol.Version(), Files: pol.Files(), Rules: []item{}, Scores: []item{}}
	for _, r := range pol.Rules() {
		out.Rules = append(out.Rules, item{ID: r.ID, Severity: r.Severity, Subject: r.Kind, Source: r.Source,
			Evaluator: r.Evaluator, Reason: r.Reason})
	}
	for _, s := range pol.ScoreList() {
		out.Scores = append(out.Scores, item{ID: s.ID, Subject: s.Kind, Evaluator: s.Evaluator, Reason: s.Reason})
	}
	return writeJSON(e.stdout, out)
}

func paramValue(v any) string {
	if l, ok := v.([]string); ok {
		return "[" + strings.Join(l, ", ") + "]"
	}
	return fmt.Sprint(v)
}
