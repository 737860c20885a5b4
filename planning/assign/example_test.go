package assign_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/planning/assign"
)

// Three mentors, two children; mentor 2 may not be paired with child 0.
func ExampleSolve() {
	f := assign.Forbidden
	m := assign.Matrix{Rows: 3, Cols: 2, Cost: []float64{
		4, 1,
		2, 3,
		f, 0,
	}}
	res, err := assign.Solve(m)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("column of each row:", res.ColOf)
	fmt.Println("pairs:", res.Pairs, "cost:", res.Cost)
	// Output:
	// column of each row: [-1 0 1]
	// pairs: 2 cost: 2
}
