package native

import (
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// Format writes a value for people, the way messages and explanations
// show it: dates as YYYY-MM-DD, months as YYYY-MM, lists joined with ", ".
// Templates render scalars and lists of scalars only (the compiler refuses
// an object at load), so no struct, and no personal data it holds, is
// ever formatted; an object that reaches here all the same shows as its
// type name.
func Format(v value.Val) string {
	var b strings.Builder
	format(&b, v)
	return b.String()
}

func format(b *strings.Builder, v value.Val) {
	switch v.K {
	case value.Null:
		b.WriteString("null")
	case value.Bool:
		b.WriteString(strconv.FormatBool(v.N != 0))
	case value.Int:
		b.WriteString(strconv.FormatInt(v.N, 10))
	case value.Uint:
		b.WriteString(strconv.FormatUint(uint64(v.N), 10))
	case value.Double:
		b.WriteString(strconv.FormatFloat(v.Double(), 'f', -1, 64))
	case value.String:
		b.WriteString(v.Str())
	case value.Date:
		b.WriteString(value.UnpackDate(v.N).String())
	case value.Month:
		b.WriteString(value.UnpackMonth(v.N).String())
	case value.Obj:
		b.WriteString(v.T.Name)
	default:
		for i, n := 0, v.Size(); i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			format(b, v.At(i))
		}
	}
}
