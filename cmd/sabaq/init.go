package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/rules/format"
)

// profileYAML extends the guide and changes one parameter, the way an
// organisation adapts the rules to itself.
const profileYAML = `# My organisation's profile: the guide's rules with our own limits.
# Change a parameter below, or add rules; "sabaq policy show guide" lists
# every parameter and rule of the guide. A rule with the id of one of the
# guide's replaces it only with "override: true"; "disabled: true" turns
# one off.
name: my-profile
version: "0.1.0"
extends: guide
description:
  kk: "Біздің ұйымның тәлімгерлік ережелері"
  ru: "Правила наставничества нашей организации"
  en: "Our organisation's mentoring rules"

params:
  mentor_min_commitment_months:
    default: 18
    description:
      kk: "Біз тәлімгерлерден кемінде 18 ай күтеміз"
      ru: "Мы ждём от наставников не меньше 18 месяцев"
      en: "We ask our mentors for at least 18 months"
`

// suiteYAML tests the profile; run it with "sabaq test DIR".
const suiteYAML = `# Tests of my-profile.yaml: run them with "sabaq test ." in this folder.
# Each case changes the base fixture and says which findings it expects;
# see "Policy test suites" in the sabaqtastyq README.
policy: my-profile
fixtures:
  base:
    as_of: 2026-11-24
    institutions:
      - {id: inst-1, name: Children's home No. 1, kind: orphanage, city: Almaty,
         coordinator: Saule Muratkyzy, partnership_signed_on: 2026-01-20}
    volunteers:
      - id: v-1
        full_name: Aigerim Sadykova
        birth_date: 1990-04-02
        role: individual_mentor
        commitment_months: 24
        screening: {interview: 2026-01-10, psychological_test: 2026-01-15, training: 2026-02-01, documents: 2026-02-10,
                    safety_briefing: 2026-02-20}
    children:
      - {id: c-1, birth_date: 2013-05-01, institution: inst-1, programme: individual}
    tandems:
      - {id: t-1, mentor: v-1, child: c-1, started_on: 2026-03-01, phase: acquaintance}
    check_ins:
      - {tandem: t-1, date: 2026-03-04}
    agreements:
      - {id: a-1, volunteer: v-1, signed_on: 2026-02-15}
    reports:
      - {volunteer: v-1, month: 2026-03}
      - {volunteer: v-1, month: 2026-04}
      - {volunteer: v-1, month: 2026-05}
      - {volunteer: v-1, month: 2026-06}
      - {volunteer: v-1, month: 2026-07}
      - {volunteer: v-1, month: 2026-08}
      - {volunteer: v-1, month: 2026-09}
      - {volunteer: v-1, month: 2026-10}
    meetings:
      - {id: m-1, kind: general, date: 2026-10-05}
cases:
  - name: the base programme complies
    findings: []

  # mentor.commitment, with this profile's mentor_min_commitment_months.
  - name: a mentor committing for 17 months is too short
    set: {"volunteers[0].commitment_months": 17}
    findings:
      - {rule: mentor.commitment, subject: volunteer/v-1, severity: deny, message: "at least 18 months"}
  - name: a mentor committing for 18 months is enough
    set: {"volunteers[0].commitment_months": 18}
    findings: []

  # mentor.min_age, unchanged from the guide.
  - name: a mentor aged 24 is too young
    set: {"volunteers[0].birth_date": 2001-11-25}
    findings:
      - {rule: mentor.min_age, subject: volunteer/v-1, severity: deny}
`

func newInit(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: e.l(diag.Text{KK: "саясат бумасын жасау: нұсқаулық, профиль және тест жинағы", RU: "создать папку политик: руководство, профиль и набор тестов", EN: "start a policy folder: the guide, a profile and a test suite"}),
		Long: e.l(diag.Text{
			KK: `БУМА-ны (қажет болса) жасап, оған әдепкі саясаттың көшірмесін (guide.yaml), оны
кеңейтіп бір параметрін өзгертетін профильді (my-profile.yaml) және профильдің
тест жинағын (my-profile_test.yaml) жазады. Бар файлдар ешқашан қайта
жазылмайды. Содан кейін: sabaq lint БУМА && sabaq test БУМА.`,
			RU: `Создаёт ПАПКУ (если нужно) с копией политики по умолчанию (guide.yaml),
профилем, который её расширяет и меняет один параметр (my-profile.yaml), и
набором тестов профиля (my-profile_test.yaml). Существующие файлы никогда не
перезаписываются. Затем: sabaq lint ПАПКА && sabaq test ПАПКА.`,
			EN: `Creates DIR (if needed) with a copy of the default policy (guide.yaml), a
profile that extends it and changes one parameter (my-profile.yaml), and a
test suite for the profile (my-profile_test.yaml). Existing files are never
overwritten. Then: sabaq lint DIR && sabaq test DIR.`,
		}),
		Annotations: map[string]string{"args": e.l(textDirPH)},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_dir"); err != nil {
				return err
			}
			return e.init(args[0])
		},
	}
}

func (e *env) init(dir string) error {
	guide, err := fs.ReadFile(rules.Policies(), rules.DefaultPolicy+".yaml")
	if err != nil {
		return err
	}
	// Start from files that `sabaq fmt -l` finds in order.
	if guide, err = format.Source(guide); err != nil {
		return err
	}
	profile, err := format.Source([]byte(profileYAML))
	if err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
	}{
		{rules.DefaultPolicy + ".yaml", guide},
		{"my-profile.yaml", profile},
		{"my-profile_test.yaml", []byte(suiteYAML)},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if _, err := os.Stat(p); err == nil {
			return e.usage("init.exists", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		// O_EXCL: a file that appeared since the check is not overwritten.
		out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := out.Write(f.data); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("init.created", p))
	}
	fmt.Fprintf(e.stdout, "\n%s\n", e.t("init.next", dir))
	return nil
}

func init() {
	words(map[string]diag.Text{
		"init.created": {KK: "жасалды: {0}", RU: "создан {0}", EN: "created {0}"},
		"init.next": {
			KK: "Келесі қадам: sabaq lint {0} && sabaq test {0}",
			RU: "Дальше: sabaq lint {0} && sabaq test {0}",
			EN: "Next: sabaq lint {0} && sabaq test {0}",
		},
	})
}
