package format_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/rules/format"
)

func ExampleSource() {
	src := []byte(`rules:
- expr: age >= params.min_age
  severity: deny
  id: mentor.min_age
  subject: volunteer
name: mine
extends: guide
`)
	out, err := format.Source(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// name: mine
	// extends: guide
	//
	// rules:
	//   - id: mentor.min_age
	//     subject: volunteer
	//     expr: age >= params.min_age
	//     severity: deny
}
