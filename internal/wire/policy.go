package wire

import (
	"errors"
	"path"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// PolicySummary is one policy in a listing: what `sabaq policy list`
// shows.
type PolicySummary struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Description string `json:"description"`
	// Extends names the base policy, when the policy is a profile.
	Extends string `json:"extends,omitempty"`
	// Files are the policy files compiled into it, the base first.
	Files     []string `json:"files"`
	RuleCount int      `json:"rule_count"`
}

// Policy is one policy in full: what `sabaq policy show` shows.
type Policy struct {
	PolicySummary
	Params []Param `json:"params"`
	Rules  []Rule  `json:"rules"`
}

// Param is a parameter with its effective value (a profile's override
// included).
type Param struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Value       any    `json:"value"`
	Description string `json:"description,omitempty"`
}

// Rule describes one rule of a policy.
type Rule struct {
	ID       string `json:"id"`
	Subject  string `json:"subject"`
	Severity string `json:"severity"`
	Source   string `json:"source,omitempty"`
	// Citations are Source's places in the guide, in the listing's language.
	Citations   []guide.Citation `json:"citations,omitempty"`
	Description string           `json:"description,omitempty"`
	When        string           `json:"when,omitempty"`
	Expr        string           `json:"expr"`
	// Message is the template, its {{ … }} placeholders unexpanded.
	Message string `json:"message"`
	// Cost is the static worst-case cost estimate; 0 when the rule reads
	// lists without a declared bound and is metered at run time.
	Cost uint64 `json:"cost"`
}

// PolicySummaryOf describes pol in lang.
func PolicySummaryOf(pol *rules.Policy, lang diag.Lang) PolicySummary {
	files := pol.Files()
	s := PolicySummary{
		Name: pol.Name(), Version: pol.Version(), Description: pol.Description().In(lang),
		Files: files, RuleCount: len(pol.Rules()),
	}
	if len(files) > 1 {
		base := path.Base(files[len(files)-2])
		s.Extends = strings.TrimSuffix(base, path.Ext(base))
	}
	return s
}

// PolicyOf describes pol in full, in lang.
func PolicyOf(pol *rules.Policy, lang diag.Lang) Policy {
	p := Policy{PolicySummary: PolicySummaryOf(pol, lang), Params: []Param{}, Rules: []Rule{}}
	for _, par := range pol.Params() {
		p.Params = append(p.Params, Param{Name: par.Name, Type: par.Type, Value: par.Value, Description: par.Description.In(lang)})
	}
	for _, r := range pol.Rules() {
		p.Rules = append(p.Rules, Rule{
			ID: r.ID, Subject: string(r.Kind), Severity: string(r.Severity), Source: r.Source, Citations: r.Citations.In(lang),
			Description: r.Description.In(lang), When: r.When, Expr: r.Expr, Message: r.Message.In(lang), Cost: r.Cost,
		})
	}
	return p
}

// Lint is the result of compiling one policy document: valid or not,
// every problem and warning at its line and column.
type Lint struct {
	// File is the name the problems use for the linted document.
	File  string `json:"file"`
	Valid bool   `json:"valid"`
	// Name, Version and RuleCount describe the policy when it compiled.
	Name      string    `json:"name,omitempty"`
	Version   string    `json:"version,omitempty"`
	RuleCount int       `json:"rule_count"`
	Problems  []Problem `json:"problems"`
	Warnings  []Problem `json:"warnings"`
}

// LintOf returns the lint result of compiling file: pol and err are what
// rules.Load returned. An error that is not about the policy (an
// unreadable file) is returned as it is.
func LintOf(file string, pol *rules.Policy, err error, lang diag.Lang) (Lint, error) {
	l := Lint{File: file, Problems: []Problem{}, Warnings: []Problem{}}
	var pe *rules.PolicyError
	switch {
	case errors.As(err, &pe):
		l.Problems = orEmpty(Problems(pe.Problems, lang))
		l.Warnings = orEmpty(Problems(pe.Warnings, lang))
		return l, nil
	case err != nil:
		return l, err
	}
	l.Valid = true
	l.Name, l.Version, l.RuleCount = pol.Name(), pol.Version(), len(pol.Rules())
	l.Warnings = orEmpty(Problems(pol.Warnings(), lang))
	return l, nil
}

func orEmpty(p []Problem) []Problem {
	if p == nil {
		return []Problem{}
	}
	return p
}
