package gen_test

import (
	"bytes"
	"fmt"

	"github.com/birgemiz/sabaqtastyq/bench/gen"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// A programme of 800 volunteers, written as a file and loaded back.
func Example() {
	p, err := gen.Programme(gen.Config{Volunteers: 800, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	var file bytes.Buffer
	if err := gen.WriteJSON(&file, p); err != nil {
		fmt.Println(err)
		return
	}
	loaded, err := mentoring.Parse(file.Bytes(), "programme.json", mentoring.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("volunteers", len(loaded.Volunteers), "children", len(loaded.Children), "tandems", len(loaded.Tandems))
	fmt.Println("agreements", len(loaded.Agreements), "reports", len(loaded.Reports), "groups", len(loaded.Groups))
	fmt.Println("as of", loaded.AsOf, "first volunteer", loaded.Volunteers[0].ID)
	// Output:
	// volunteers 800 children 400 tandems 400
	// agreements 800 reports 6400 groups 100
	// as of 2026-11-24 first volunteer v-0
}
