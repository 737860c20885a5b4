package decode_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
)

func ExampleDecode() {
	type screening struct {
		Training civil.Date `json:"training"`
	}
	type volunteer struct {
		ID        string    `json:"id"`
		Screening screening `json:"screening"`
	}
	var file struct {
		Volunteers []volunteer `json:"volunteers"`
	}
	data := []byte(`{"volunteers": [
  {"id": "v-1", "screening": {"training": "2026-02-30"}},
  {"id": 2, "nickname": "Bota"}
]}`)
	for _, e := range decode.Decode(data, &file, decode.Options{File: "programme.json"}) {
		fmt.Println(e.Localize(diag.EN))
		fmt.Println(e.Snippet)
	}
	// Output:
	// programme.json:2:43: volunteers[0].screening.training: "2026-02-30" is not a date: want an existing day as YYYY-MM-DD
	//   {"id": "v-1", "screening": {"training": "2026-02-30"}},
	//                                           ^
	// programme.json:3:10: volunteers[1].id: expected a string, got a number
	//   {"id": 2, "nickname": "Bota"}
	//          ^
	// programme.json:3:13: volunteers[1].nickname: unknown field "nickname"
	//   {"id": 2, "nickname": "Bota"}
	//             ^
}

func ExampleLocate() {
	data := []byte("volunteers:\n  - id: v-1\n  - id: v-2\n    role: coach\n")
	ps := decode.Locate(data, decode.Options{File: "p.yaml"}, []string{"volunteers[1].role", "volunteers[1].birth_date"})
	role, _ := ps.Of("volunteers[1].role")
	missing, _ := ps.Of("volunteers[1].birth_date") // placed at the volunteer
	fmt.Println(role, missing)
	// Output: p.yaml:4:11 p.yaml:3:5
}
