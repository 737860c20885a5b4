package rules_test

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

const duesoon = `{
  "as_of": "2026-11-24",
  "institutions": [{"id": "inst-1", "name": "Centre No. 2", "kind": "adaptation_centre", "city": "Almaty"}],
  "volunteers": [{"id": "v-1", "full_name": "Aigerim Sadykova", "birth_date": "1990-04-02",
    "role": "group_volunteer", "commitment_months": 12}],
  "children": [{"id": "c-1", "birth_date": "2012-05-01", "institution": "inst-1", "admitted_on": "2026-06-10"}],
  "agreements": [{"id": "a-1", "volunteer": "v-1", "signed_on": "2026-09-15"}],
  "reports": [{"volunteer": "v-1", "month": "2026-10"}]
}`

// What comes due in the next 30 days if nothing is done: the child's stay
// in the adaptation centre passes six months after 10 December, and the
// November report, not yet written, is missing from 1 December.
func ExamplePolicy_Due() {
	prog, err := mentoring.Parse([]byte(duesoon), "programme.json", mentoring.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, err := rules.Resolve("guide")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := pol.Due(context.Background(), prog, prog.AsOf, prog.AsOf.AddDays(30))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Due {
		fmt.Printf("%s %s %s:\n  %s\n", f.Date, f.Rule, f.Subject, f.Message)
	}
	// Output:
	// 2026-12-01 agreement.monthly_report agreement/a-1:
	//   Volunteer v-1 (agreement a-1) has no report for November 2026: a volunteer reports at least once a month.
	// 2026-12-11 child.adaptation_centre_stay child/c-1:
	//   Child c-1 has been in the adaptation centre since 10 June 2026, over 6 months: a stay lasts up to 6 months.
}
