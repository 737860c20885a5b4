package main

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
)

func newPlan(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "plan",
		Short: e.l(diag.Text{KK: "топтық сабақтарды ұсыну", RU: "предложить групповые занятия", EN: "propose group sessions"}),
	}
	var institutions, format string
	var minSize, maxSize int
	groups := &cobra.Command{
		Use:   "groups",
		Short: e.l(diag.Text{KK: "мекеменің тәлімгерлері мен балаларын топтарға бөлу", RU: "разбить наставников и детей учреждения на группы", EN: "split each institution's mentors and children into group sessions"}),
		Long: e.l(diag.Text{
			KK: `Әр мекеменің тәлімгерлері мен балаларын 12–18 адамнан тұратын топтық
сабақтарға қалай бөлуге болатынын ұсынады (нұсқаулықтың R4 талабы), әр
тандемді бір топта қалдырады. Бұл — ұсыныс: шешімді үйлестіруші қабылдайды.`,
			RU: `Предлагает, как разделить наставников и детей каждого учреждения на групповые
занятия по 12–18 человек (R4 руководства), не разлучая тандемы. Это
предложение: решает координатор.`,
			EN: `Proposes how to split each institution's mentors and children into group
sessions of 12–18 people (the guide's R4), keeping every tandem together.
It is a proposal: the coordinator decides.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			format, out, err := e.output(c, format, "text", "json")
			if err != nil {
				return err
			}
			prog, err := e.loadProgramme(args[0])
			if err != nil {
				return err
			}
			opts := planning.GroupOptions{Min: minSize, Max: maxSize, Lang: e.lang}
			if institutions != "" {
				opts.Institutions = strings.Split(institutions, ",")
			}
			plan, err := planning.PlanGroups(prog, opts)
			if err != nil {
				return err
			}
			return e.write(out, func(w io.Writer) error {
				if format == "json" {
					return plan.WriteJSON(w)
				}
				return plan.WriteText(w, e.lang)
			})
		},
	}
	e.institutionFlag(groups, &institutions)
	groups.Flags().IntVar(&minSize, "min", 0, e.l(diag.Text{KK: "ең кіші топ (әдепкісі нұсқаулықтағы 12)", RU: "наименьшая группа (по умолчанию 12, как в руководстве)", EN: "smallest group (default 12, the guide's)"}))
	groups.Flags().IntVar(&maxSize, "max", 0, e.l(diag.Text{KK: "ең үлкен топ (әдепкісі нұсқаулықтағы 18)", RU: "наибольшая группа (по умолчанию 18, как в руководстве)", EN: "largest group (default 18, the guide's)"}))
	e.placeholder(groups.Flags().Lookup("min"), textNPH)
	e.placeholder(groups.Flags().Lookup("max"), textNPH)
	e.formatFlag(groups, &format, "text", "json")
	e.sizeFlag(groups, e.programmeCap())
	c.AddCommand(groups)
	return c
}

// institutionFlag adds --institution.
func (e *env) institutionFlag(c *cobra.Command, p *string) {
	c.Flags().StringVar(p, "institution", "", e.l(diag.Text{
		KK: "тек осы мекемелер (идентификаторлар үтір арқылы)",
		RU: "только эти учреждения (идентификаторы через запятую)",
		EN: "only these institutions (comma-separated ids)"}))
	e.placeholder(c.Flags().Lookup("institution"), diag.Text{KK: "ID,…", RU: "ID,…", EN: "ID,…"})
}

func newMatch(e *env) *cobra.Command {
	var policy, institutions, format string
	var maxChildren int
	c := &cobra.Command{
		Use:   "match",
		Short: e.l(diag.Text{KK: "жұптар саясатымен тәлімгер мен бала тандемдерін ұсыну", RU: "предложить тандемы наставник–ребёнок по политике пар", EN: "propose mentor–child tandems with the pair policy"}),
		Long: e.l(diag.Text{
			KK: `Тәлімгер мен бала тандемдерін ұсынады: мүмкіндігінше көп рұқсат етілген жұп,
содан кейін ең жоғары жалпы ұпай, әр жұптың ұпай бөліктерімен, ал жұпсыз
қалғандардың әрқайсысына себебі. Жұптарды жұп ережелері мен ұпайлары бар
саясат бағалайды (әдепкісі — кірістірілген pairs). Бұл — ұсыныс: шешімді
үйлестіруші қабылдайды.`,
			RU: `Предлагает тандемы наставник–ребёнок: как можно больше допустимых пар, затем
наибольшая общая оценка, для каждой пары — части оценки, а для каждого
оставшегося без пары — причина. Пары оценивает политика с правилами и
оценками пар (по умолчанию встроенная pairs). Это предложение: решает
координатор.`,
			EN: `Proposes mentor–child tandems: as many allowed pairs as possible, then the
best total score, each with its score parts, and a reason for everyone left
unmatched. Pairs are judged by a policy with pair rules and scores (default:
the embedded pairs policy). It is a proposal: the coordinator decides.`,
		}),
		Annotations: map[string]string{"args": e.l(textFilePH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			format, out, err := e.output(c, format, "text", "json")
			if err != nil {
				return err
			}
			prog, err := e.loadProgramme(args[0])
			if err != nil {
				return err
			}
			pol, err := e.resolvePolicy(policy)
			if err != nil {
				return err
			}
			ctx := context.Background()
			judge, err := policyjudge.New(ctx, pol, prog, e.lang)
			if err != nil {
				return err
			}
			opts := planning.MatchOptions{MaxChildren: maxChildren, Lang: e.lang}
			if institutions != "" {
				opts.Institutions = strings.Split(institutions, ",")
			}
			m, err := planning.Match(ctx, prog, judge, opts)
			if err != nil {
				return err
			}
			return e.write(out, func(w io.Writer) error {
				if format == "json" {
					return m.WriteJSON(w)
				}
				return m.WriteText(w, e.lang)
			})
		},
	}
	e.policyFlag(c, &policy, "pairs")
	e.institutionFlag(c, &institutions)
	c.Flags().IntVar(&maxChildren, "max-children", 0, e.l(diag.Text{
		KK: "бір тәлімгердің ашық тандемдеріндегі балалар саны (әдепкісі 1)",
		RU: "сколько детей может быть у наставника в открытых тандемах (по умолчанию 1)",
		EN: "children a mentor may have in open tandems (default 1)"}))
	e.placeholder(c.Flags().Lookup("max-children"), textNPH)
	e.formatFlag(c, &format, "text", "json")
	e.sizeFlag(c, e.programmeCap()+", "+e.policyCap())
	return c
}
