package wire_test

import (
	"os"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// A malformed programme becomes the error object, each problem at its line
// and column, in the reader's language.
func ExampleNewError() {
	_, err := mentoring.Parse([]byte(`{"as_of": "2026-11-31"}`), "", mentoring.JSON)
	_ = wire.Encode(os.Stdout, wire.NewError(wire.CodeInvalidInput, diag.RU, diag.Errors(err)))
	// Output:
	// {
	//   "error": {
	//     "code": "invalid_input",
	//     "message": "входные данные некорректны: каждая ошибка указана с её местом",
	//     "problems": [
	//       {
	//         "line": 1,
	//         "column": 11,
	//         "path": "as_of",
	//         "code": "bad_date",
	//         "message": "«2026-11-31» — неверная дата: нужен существующий день в формате ГГГГ-ММ-ДД"
	//       }
	//     ]
	//   }
	// }
}
