package rulestest_test

import (
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

// Run the suites of the default policies and print what they cover.
func ExampleRunFiles() {
	res, err := rulestest.RunFiles(context.Background(), []string{"../policies"}, rulestest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	counts := res.Counts()
	fmt.Println("failed:", counts[rulestest.Fail], "broken:", counts[rulestest.Broken])
	for _, c := range res.Coverage() {
		fmt.Printf("%s: %.0f%% of the rules seen passing and failing\n", c.Policy, c.Percent())
	}
	// Output:
	// failed: 0 broken: 0
	// guide: 100% of the rules seen passing and failing
	// nastavniki: 100% of the rules seen passing and failing
}

// A failed case explains itself.
func ExampleCaseResult_Diff() {
	res, _ := rulestest.RunFiles(context.Background(), []string{"testdata/mini_test.yaml"}, rulestest.Options{})
	for _, c := range res.Suites[0].Cases {
		if c.Case == "fails with an unexpected finding" {
			fmt.Print(c.Status, "\n", c.Diff())
		}
	}
	// Output:
	// fail
	//   + unexpected: mini.age volunteer/v-1 (deny): v-1 is too young
	//   got:
	//     mini.age volunteer/v-1 (deny)
}
