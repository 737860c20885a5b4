package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func newPolicy(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "policy",
		Short: e.l(diag.Text{KK: "кірістірілген саясаттардың тізімі не біреуінің сипаттамасы", RU: "список встроенных политик или описание одной", EN: "list the embedded policies, or show one"}),
		Long: e.l(diag.Text{
			KK: "policy list кірістірілген саясаттарды, policy show АТАУ|ФАЙЛ бір саясаттың параметрлері мен ережелерін көрсетеді.",
			RU: "policy list выводит встроенные политики, policy show ИМЯ|ФАЙЛ — параметры и правила одной политики.",
			EN: "policy list prints the embedded policies; policy show NAME|FILE one policy's parameters and rules.",
		}),
	}
	var listFormat, showFormat string
	list := &cobra.Command{
		Use:   "list",
		Short: e.l(diag.Text{KK: "кірістірілген саясаттар: атауы, нұсқасы, ереже саны, сипаттамасы", RU: "встроенные политики: имя, версия, число правил, описание", EN: "the embedded policies: name, version, rule count and description"}),
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			return e.policyList(c, listFormat)
		},
	}
	e.formatFlag(list, &listFormat, "text", "json")
	show := &cobra.Command{
		Use:   "show",
		Short: e.l(diag.Text{KK: "бір саясаттың параметрлері мен ережелері", RU: "параметры и правила одной политики", EN: "one policy's parameters and rules"}),
		Long: e.l(diag.Text{
			KK: `Бір саясатты (кірістірілген не файл) көрсетеді: параметрлерін мәндері мен
сипаттамаларымен, ережелерін идентификаторы, деңгейі, субъектісі және
дереккөзімен; -o json — әр ереже мен бағаны шешетін есептеуіш те.`,
			RU: `Показывает одну политику (встроенную или файл): параметры с их значениями и
описаниями, правила с идентификатором, серьёзностью, субъектом и источником;
с -o json — ещё и вычислитель каждого правила и оценки.`,
			EN: `Prints one policy (embedded or a file): its parameters with their values and
descriptions, and its rules with id, severity, subject and source; with
-o json, also the evaluator that decides each rule and score.`,
		}),
		Annotations: map[string]string{"args": e.l(diag.Text{KK: "АТАУ|ФАЙЛ", RU: "ИМЯ|ФАЙЛ", EN: "NAME|FILE"})},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return embeddedPolicies(), cobra.ShellCompDirectiveDefault
		},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_policy"); err != nil {
				return err
			}
			return e.policyShow(c, args[0], showFormat)
		},
	}
	e.formatFlag(show, &showFormat, "text", "json")
	e.sizeFlag(show, e.policyCap())
	c.AddCommand(list, show)
	return c
}

func (e *env) policyList(c *cobra.Command, formatFlag string) error {
	format, out, err := e.output(c, formatFlag, "text", "json")
	if err != nil {
		return err
	}
	var all []wire.PolicySummary
	for _, n := range embeddedPolicies() {
		pol, err := rules.Load(rules.Policies(), n)
		if err != nil {
			return err
		}
		all = append(all, wire.PolicySummaryOf(pol, e.lang))
	}
	return e.write(out, func(w io.Writer) error {
		if format == "json" {
			return wire.Encode(w, all)
		}
		for _, s := range all {
			extends := ""
			if s.Extends != "" {
				extends = " " + e.t("policy.extends", s.Extends)
			}
			fmt.Fprintf(w, "%-14s %-7s %s  %s%s\n", s.Name, s.Version, e.count(s.RuleCount, "n.rules"), s.Description, extends)
		}
		return nil
	})
}

func (e *env) policyShow(c *cobra.Command, name, formatFlag string) error {
	format, out, err := e.output(c, formatFlag, "text", "json")
	if err != nil {
		return err
	}
	pol, err := e.resolvePolicy(name)
	if err != nil {
		return err
	}
	return e.write(out, func(w io.Writer) error {
		if format == "json" {
			return policyShowJSON(w, pol, e.lang)
		}
		fmt.Fprintf(w, "%s %s — %s\n", pol.Name(), pol.Version(), pol.Description().In(e.lang))
		fmt.Fprintf(w, "%s %s\n", e.t("policy.files"), strings.Join(pol.Files(), " → "))
		if params := pol.Params(); len(params) > 0 {
			fmt.Fprintf(w, "\n%s\n", e.t("policy.params"))
			for _, p := range params {
				fmt.Fprintf(w, "  %-36s %-12s %-8v %s\n", p.Name, p.Type, paramValue(p.Value), p.Description.In(e.lang))
			}
		}
		fmt.Fprintf(w, "\n%s\n", e.t("policy.rules"))
		for _, r := range pol.Rules() {
			fmt.Fprintf(w, "  %-30s %-5s %s\n", r.ID, r.Severity, r.Kind)
			if d := r.Description.In(e.lang); d != "" {
				fmt.Fprintf(w, "  %-30s %s\n", "", d)
			}
			if r.Source != "" {
				fmt.Fprintf(w, "  %-30s %s\n", "", e.t("source", guide.Text(r.Citations.In(e.lang), r.Source)))
			}
		}
		return nil
	})
}

// policyShowJSON prints a policy's rules and scores with the evaluator of
// each, for tools and for checking that a policy runs natively.
func policyShowJSON(w io.Writer, pol *rules.Policy, lang diag.Lang) error {
	type item struct {
		ID        string           `json:"id"`
		Severity  rules.Severity   `json:"severity,omitempty"`
		Subject   rules.Kind       `json:"subject"`
		Source    string           `json:"source,omitempty"`
		Citations []guide.Citation `json:"citations,omitempty"`
		Evaluator rules.Evaluator  `json:"evaluator"`
		Reason    string           `json:"reason"`
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
			Citations: r.Citations.In(lang), Evaluator: r.Evaluator, Reason: r.Reason})
	}
	for _, s := range pol.ScoreList() {
		out.Scores = append(out.Scores, item{ID: s.ID, Subject: s.Kind, Evaluator: s.Evaluator, Reason: s.Reason})
	}
	return wire.Encode(w, out)
}

func paramValue(v any) string {
	if l, ok := v.([]string); ok {
		return "[" + strings.Join(l, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func init() {
	words(map[string]diag.Text{
		"policy.extends": {KK: "({0} саясатын кеңейтеді)", RU: "(расширяет {0})", EN: "(extends {0})"},
		"policy.files":   {KK: "файлдары:", RU: "файлы:", EN: "files:"},
		"policy.params":  {KK: "параметрлері:", RU: "параметры:", EN: "parameters:"},
		"policy.rules":   {KK: "ережелері:", RU: "правила:", EN: "rules:"},
	})
}
