package library

import (
	"cmp"
	"slices"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// longest_gap(list(date), date, date) -> list(date): the two neighbours
// furthest apart among from, the list's dates within [from, to], and to —
// the longest stretch without a contact of tandem.regular_contact. Written
// once, over dates packed as value.PackDate packs them (an int64 that
// orders like the date); cel-go packs its list into a fresh slice, the
// native evaluator sorts a copy from its arena.

// longestGap sorts xs (packed dates, read through packed) and returns the
// ends of the longest stretch between consecutive points of from, the
// dates of xs within [from, to], and to; the earliest of equal stretches.
// When to is before from the result is [from, from]. A zero (absent) date
// in xs is an error, as a date read without has() is.
func longestGap[T any](xs []T, packed func(T) int64, from, to civil.Date) (civil.Date, civil.Date, bool) {
	for _, x := range xs {
		if packed(x) == 0 {
			return civil.Date{}, civil.Date{}, false
		}
	}
	if to.Before(from) {
		return from, from, true
	}
	slices.SortFunc(xs, func(a, b T) int { return cmp.Compare(packed(a), packed(b)) })
	lo, hi := value.PackDate(from), value.PackDate(to)
	bestFrom, bestTo, best := from, from, -1
	prev := from
	step := func(next civil.Date) {
		if n := prev.DaysUntil(next); n > best {
			bestFrom, bestTo, best = prev, next, n
		}
		prev = next
	}
	for _, x := range xs {
		if p := packed(x); p >= lo && p <= hi {
			step(value.UnpackDate(p))
		}
	}
	step(to)
	return bestFrom, bestTo, true
}

const longestGapID = "longest_gap_list_date_date"

func longestGapOverload() Overload {
	dates := cel.ListType(DateType)
	return Overload{ID: longestGapID, Args: []*cel.Type{dates, DateType, DateType}, Result: dates,
		cel: cel.FunctionBinding(func(args ...ref.Val) ref.Val {
			from, e := aDate.ref("longest_gap", args[1])
			if e != nil {
				return e
			}
			to, e := aDate.ref("longest_gap", args[2])
			if e != nil {
				return e
			}
			list, ok := args[0].(traits.Lister)
			if !ok {
				return types.NewErr("longest_gap: want a list of dates")
			}
			n, ok := list.Size().(types.Int)
			if !ok {
				return types.NewErr("longest_gap: want a list of dates")
			}
			xs := make([]int64, n)
			for i := range xs {
				d, ok := ToDate(list.Get(types.Int(i)))
				if !ok {
					return types.NewErr("longest_gap: want a list of dates")
				}
				xs[i] = value.PackDate(d)
			}
			a, b, ok := longestGap(xs, func(p int64) int64 { return p }, from, to)
			if !ok {
				return noDate("longest_gap")
			}
			return types.NewRefValList(Adapter{types.DefaultTypeAdapter}, []ref.Val{DateVal(a), DateVal(b)})
		}),
		Native: Native{N3: func(c *value.Ctx, list, fromV, toV value.Val) value.Val {
			from, to := aDate.val(fromV), aDate.val(toV)
			if !list.IsList() {
				value.Bail("longest_gap on a non-list")
			}
			xs := c.List(list.Size())
			for i := range xs {
				x := list.At(i)
				if x.K != value.Date {
					value.Bail("not a date")
				}
				xs[i] = x
			}
			a, b, ok := longestGap(xs, func(v value.Val) int64 { return v.N }, from, to)
			if !ok {
				value.Bail("no date")
			}
			out := c.List(2)
			out[0], out[1] = value.DateV(a), value.DateV(b)
			return value.ValsV(out)
		}},
		Size: func([]Size) Size { return Size{Len: 2, Elem: &Size{Len: 0}} },
	}
}
