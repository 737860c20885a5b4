package sabaqtastyq_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Check a programme against the guide's rules: a mentor who is 24, in a
// programme otherwise in order.
func Example() {
	prog, err := mentoring.Parse([]byte(`
as_of: 2026-11-24
institutions:
  - {id: inst-1, name: Children's home No. 1, kind: orphanage, city: Almaty}
volunteers:
  - id: v-1
    full_name: Dana Ospanova
    birth_date: 2002-06-01
    role: individual_mentor
    commitment_months: 12
children:
  - {id: c-1, birth_date: 2013-05-01, institution: inst-1, programme: individual}
`), "programme.yaml", mentoring.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, err := rules.Resolve(rules.DefaultPolicy)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(diag.EN))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		msg, _, _ := strings.Cut(f.Message, ":")
		fmt.Println(f.Subject, f.Rule, f.Severity, "—", msg)
	}
	fmt.Println("compliant:", rep.Compliant)
	// Output:
	// volunteer/v-1 mentor.min_age deny — Volunteer v-1 is 24
	// compliant: false
}
