package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func newExplain(e *env) *cobra.Command {
	var rule, subject, policy, asOf, format string
	c := &cobra.Command{
		Use:   "explain",
		Short: e.l(diag.Text{KK: "бір ереженің бір субъектіге неге өтетінін не өтпейтінін көрсету", RU: "показать, почему правило выполняется или нет для субъекта", EN: "show why one rule passes or fails for one subject"}),
		Long: e.l(diag.Text{
			KK: `ФАЙЛ бағдарламасының бір субъектісіне бір ережені тексеріп, оның when мен expr
өрнектерінің әр бөлігінің және олар оқитын айнымалылардың мәнін көрсетеді:
«бұл неге шықты?» (не «неге шықпады?») деген сұрақтың жауабы. Туған күндер —
дербес дерек: олардың орнында [REDACTED] көрсетіледі; жас көрсетіледі.
Шығу коды: 0 — түсіндірме шықты, 2 — команда не кіріс қатесі (белгісіз ереже не
субъект), 3 — саясат қатесі.`,
			RU: `Проверяет одно правило для одного субъекта программы ФАЙЛ и показывает
значение каждой части выражений when и expr и переменных, которые они читают:
ответ на вопрос «почему это сообщено?» (или «почему нет?»). Даты рождения —
персональные данные: вместо них показано [REDACTED]; возраст показан.
Код выхода: 0 — объяснение выведено, 2 — ошибка команды или входных данных
(неизвестное правило или субъект), 3 — ошибка политики.`,
			EN: `Evaluates one rule on one subject of the programme FILE and prints the value
of every sub-expression of its when and expr, and of the variables they read:
the answer to "why was this reported?" (or "why not?"). Birth dates are
personal data: a value equal to one is shown as [REDACTED]; ages are shown.
Exit status 0 when the explanation is printed, whatever the rule's result;
2 on a usage or input error (an unknown rule or subject); 3 on a policy error.`,
		}),
		Annotations: map[string]string{"args": "--rule ID --subject " + e.l(diag.Text{KK: "ТҮР/ID", RU: "ВИД/ID", EN: "KIND/ID"}) + " " + e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			for flag, v := range map[string]string{"--rule": rule, "--subject": subject} {
				if v == "" {
					return e.usage("required.flag", flag, "explain")
				}
			}
			return e.explain(c, args[0], rule, subject, policy, asOf, format)
		},
	}
	c.Flags().StringVar(&rule, "rule", "", e.l(diag.Text{KK: "ереже идентификаторы, мыс. mentor.min_age (міндетті)", RU: "идентификатор правила, напр. mentor.min_age (обязателен)", EN: "the rule's id, e.g. mentor.min_age (required)"}))
	c.Flags().StringVar(&subject, "subject", "", e.l(diag.Text{KK: "субъект, ТҮР/ID, мыс. volunteer/v-1 (міндетті)", RU: "субъект, ВИД/ID, напр. volunteer/v-1 (обязателен)", EN: "the subject, KIND/ID, e.g. volunteer/v-1 (required)"}))
	e.placeholder(c.Flags().Lookup("rule"), textIDPH)
	e.placeholder(c.Flags().Lookup("subject"), diag.Text{KK: "ТҮР/ID", RU: "ВИД/ID", EN: "KIND/ID"})
	e.policyFlag(c, &policy, rules.DefaultPolicy)
	e.asOfFlag(c, &asOf)
	e.formatFlag(c, &format, "text", "json")
	e.sizeFlag(c, e.programmeCap()+", "+e.policyCap())
	return c
}

func (e *env) explain(c *cobra.Command, file, ruleID, subject, policy, asOf, formatFlag string) error {
	format, out, err := e.output(c, formatFlag, "text", "json")
	if err != nil {
		return err
	}
	opts, err := e.evalOptions(asOf)
	if err != nil {
		return err
	}
	prog, err := e.loadProgramme(file)
	if err != nil {
		return err
	}
	pol, err := e.resolvePolicy(policy)
	if err != nil {
		return err
	}
	rule, ok := pol.Rule(ruleID)
	if !ok {
		var ids []string
		for _, r := range pol.Rules() {
			ids = append(ids, r.ID)
		}
		return e.notFound(wire.CodeRuleNotFound, "rule.not_found", ruleID, ids, pol.Name())
	}
	if err := e.findSubject(prog, rule.Kind, subject); err != nil {
		return err
	}
	ex, err := pol.Explain(context.Background(), prog, ruleID, subject, opts...)
	if err != nil {
		return err
	}
	redactSteps(ex, prog)
	return e.write(out, func(w io.Writer) error {
		if format == "json" {
			return wire.Encode(w, ex)
		}
		e.writeExplanation(w, ex)
		return nil
	})
}

// findSubject checks that KIND/ID names a subject of the programme that
// the rule is about, and names the nearest id when it does not.
func (e *env) findSubject(prog *mentoring.Programme, kind rules.Kind, subject string) error {
	k, id, ok := strings.Cut(subject, "/")
	if !ok || id == "" {
		var kinds []string
		for _, k := range rules.Kinds() {
			kinds = append(kinds, string(k))
		}
		return e.usage("subject.bad", subject, strings.Join(kinds, ", "))
	}
	if rules.Kind(k) != kind {
		return e.usage("explain.kind_of_rule", subject, kind)
	}
	var ids []string
	switch kind {
	case rules.KindVolunteer:
		for _, v := range prog.Volunteers {
			ids = append(ids, v.ID)
		}
	case rules.KindChild:
		for _, c := range prog.Children {
			ids = append(ids, c.ID)
		}
	case rules.KindTandem:
		for _, t := range prog.Tandems {
			ids = append(ids, t.ID)
		}
	case rules.KindGroup:
		for _, g := range prog.Groups {
			ids = append(ids, g.ID)
		}
	case rules.KindAgreement:
		for _, a := range prog.Agreements {
			ids = append(ids, a.ID)
		}
	case rules.Kind("institution"):
		for _, i := range prog.Institutions {
			ids = append(ids, i.ID)
		}
	case rules.KindOuting:
		for _, o := range prog.Outings {
			ids = append(ids, o.Tandem+"@"+o.Date.String())
		}
	default:
		return nil // the programme itself, and kinds evaluated on request
	}
	for _, x := range ids {
		if x == id {
			return nil
		}
	}
	for i := range ids {
		ids[i] = string(kind) + "/" + ids[i]
	}
	return e.notFound(wire.CodeSubjectNotFound, "subject.not_found", subject, ids)
}

// writeExplanation prints an explanation: the result, then each
// sub-expression indented under its parent, "expr = value".
func (e *env) writeExplanation(w io.Writer, ex *rules.Explanation) {
	fmt.Fprintln(w, e.t("explain.head", ex.Rule, ex.Subject, e.result(ex.Result)))
	if ex.Message != "" {
		fmt.Fprintf(w, "  %s\n", ex.Message)
	}
	if ex.Source != "" {
		fmt.Fprintf(w, "  %s\n", e.t("source", guide.Text(ex.Citations, ex.Source)))
	}
	section := func(title string, steps []rules.Step) {
		if len(steps) == 0 {
			return
		}
		fmt.Fprintf(w, "%s:\n", title)
		for _, s := range steps {
			fmt.Fprintf(w, "  %s%s = %s\n", strings.Repeat("  ", s.Depth), s.Expr, s.Value)
		}
	}
	section("when", ex.When)
	section("expr", ex.Steps)
	section(e.t("explain.variables"), ex.Variables)
}

// result names a rule's result for people.
func (e *env) result(r rules.Result) string {
	switch r {
	case rules.Passed:
		return e.t("result.pass")
	case rules.Failed:
		return e.t("result.fail")
	case rules.Errored:
		return e.t("result.error")
	case rules.NotApplies:
		return e.t("result.skip")
	}
	return string(r)
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

func init() {
	words(map[string]diag.Text{
		"explain.head":      {KK: "{0} ережесі, {1}: {2}", RU: "правило {0}, {1}: {2}", EN: "{0} on {1}: {2}"},
		"explain.variables": {KK: "айнымалылар", RU: "переменные", EN: "variables"},
		"explain.kind_of_rule": {
			KK: "бұл ереже {1} субъектілері туралы: «{0}» оған жатпайды",
			RU: "это правило о субъектах вида {1}, а «{0}» — не из них",
			EN: "this rule is about {1} subjects, and \"{0}\" is not one",
		},
		"result.pass":  {KK: "өтті", RU: "выполнено", EN: "pass"},
		"result.fail":  {KK: "өтпеді", RU: "не выполнено", EN: "fail"},
		"result.error": {KK: "тексерілмеді", RU: "не вычислено", EN: "error"},
		"result.skip":  {KK: "қолданылмайды", RU: "не применяется", EN: "does not apply"},
	})
}
