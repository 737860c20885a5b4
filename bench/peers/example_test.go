package peers_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/bench/peers"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Three engines evaluate the guide's rules on a generated programme with
// deliberate breaches and report the same findings.
func Example() {
	raw, _ := gen.Programme(gen.Config{Volunteers: 64, Seed: 4, Violations: 0.1})
	var file bytes.Buffer
	_ = gen.WriteJSON(&file, raw)
	prog, err := mentoring.Parse(file.Bytes(), "programme.json", mentoring.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, _ := rules.Resolve("guide")
	ctx := context.Background()
	ex, _ := peers.NewExpr(pol, prog)
	opa, _ := peers.NewOPA(ctx, pol, prog)
	for _, e := range []peers.Engine{peers.NewOurs(pol, prog), ex, opa} {
		fs, err := e.All(ctx, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		peers.Sort(fs)
		fmt.Printf("%s: %d findings, first %s\n", e.Name(), len(fs), fs[0])
	}
	// Output:
	// ours: 29 findings, first agreement/a-v-16 agreement.notice (deny)
	// expr: 29 findings, first agreement/a-v-16 agreement.notice (deny)
	// opa: 29 findings, first agreement/a-v-16 agreement.notice (deny)
}
