package rules

import (
	"math"
	"math/bits"
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"

	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
	"github.com/birgemiz/sabaqtastyq/rules/internal/value"
)

// defaultLimits are the declared sizes the cost proof assumes where no
// validation tag bounds a value (see "Cost" in the package doc): the
// lists that relate records (a volunteer's tandems, agreements, reports),
// the group lists without a tag, and strings without a tag (language tags,
// the ids in a group's lists). A subject whose lists are longer is
// evaluated with runtime metering instead.
var defaultLimits = map[string]int{
	"tandems":      50,
	"agreements":   50,
	"reports":      240,
	"months":       240,
	"mentors":      200,
	"children":     200,
	"child_groups": 100,
	// A tandem's meetings over years: weekly visits for ten years are 520.
	"visits":    1000,
	"outings":   500,
	"check_ins": 500,
	// An institution's children, their tandems and its group sessions.
	"institution_children": 1000,
	"institution_tandems":  1000,
	"institution_groups":   1000,
	"attendees":            500,
	"string":               100,
}

// DefaultCostLimit is the largest static cost estimate a rule may have, and
// the runtime budget of a rule that reads unbounded lists (one subject).
const DefaultCostLimit uint64 = 1_000_000

// estimate is the static worst-case cost of a checked expression; false
// when it has no bound (it reads a list of the whole programme).
func (c *compiler) estimate(ke *kindEnv, a *cel.Ast) (uint64, bool) {
	est, err := ke.env.EstimateCost(a, &estimator{c: c, ke: ke, a: a.NativeRep()})
	if err != nil || est.Max == math.MaxUint64 {
		return 0, false
	}
	return est.Max, true
}

// estimator gives cel-go's cost estimate the sizes of what a rule reads:
// a string or list field by its validation tag (a valid programme keeps
// to it: Evaluate validates first), a subject's list by the policy limit
// the kind table names, anything else by the declared limits. Lists of the
// whole programme have no bound, so rules that read them are metered.
type estimator struct {
	c  *compiler
	ke *kindEnv
	a  *ast.AST
}

func (e *estimator) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	path := n.Path()
	if len(path) == 0 {
		return nil
	}
	if path[0] == "programme" && len(path) > 1 {
		return nil // unbounded: programme-wide lists grow with the file
	}
	if len(path) == 1 {
		if i, ok := e.ke.kind.Var(path[0]); ok && e.ke.kind.Vars[i].Limit != "" {
			return upTo(uint64(e.c.limits[e.ke.kind.Vars[i].Limit]))
		}
	}
	if x := n.Expr(); x != nil && x.Kind() == ast.SelectKind && !x.AsSelect().IsTestOnly() {
		if f := fieldOf(e.a, x); f != nil {
			if s := e.fieldSize(f); s != nil {
				return s
			}
		}
	}
	if t := n.Type(); t != nil {
		switch t.Kind() {
		case types.StringKind:
			return upTo(uint64(e.c.limits["string"]))
		case types.StructKind, types.OpaqueKind:
			// An object (a date, a month, a domain struct) counts as one
			// unit when compared for equality.
			return &cost.SizeEstimate{Min: 1, Max: 1}
		}
	}
	return nil
}

// fieldSize is a field's size by its tag, else by a declared limit of its
// name; nil when neither bounds it.
func (e *estimator) fieldSize(f *value.Field) *cost.SizeEstimate {
	n := f.Bound.Len
	if n < 0 {
		l, ok := e.c.limits[f.Name]
		if !ok {
			return nil
		}
		n = int64(l)
	}
	s := upTo(uint64(n))
	if f.Type.RT.Kind() == reflect.Slice && f.Bound.Elem >= 0 {
		s.Elem = upTo(uint64(f.Bound.Elem))
	}
	return s
}

func upTo(n uint64) *cost.SizeEstimate { return &cost.SizeEstimate{Min: 0, Max: n} }

// fieldOf is the Go field a select expression reads, when its operand's
// type is a domain struct.
func fieldOf(a *ast.AST, x ast.Expr) *value.Field {
	t := a.GetType(x.AsSelect().Operand().ID())
	if t == nil || t.Kind() != types.StructKind {
		return nil
	}
	gt := subject.Types.ByName(t.TypeName())
	if gt == nil {
		return nil
	}
	return gt.Fields[x.AsSelect().FieldName()]
}

// EstimateCallCost costs this library's functions: constant time, but for
// months_open, whose list is bounded by limits.months, and lower(), a scan
// of its receiver. cel-go's own functions keep cel-go's models (ext.Strings
// version 5 counts what replace, join and split build).
func (e *estimator) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	switch {
	case overloadID == "months_open_month_month":
		months := uint64(e.c.limits["months"])
		return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: months},
			ResultSize: &cost.SizeEstimate{Min: 0, Max: months}}
	case overloadID == "longest_gap_list_date_date" && len(args) == 3:
		// A copy and a sort of the list: n·(log₂ n + 1).
		n := cost.EstimateSize(e, args[0]).Max
		sort := satAdd(n, mulSat(n, uint64(bits.Len64(n))))
		return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: satAdd(1, sort)},
			ResultSize: &cost.SizeEstimate{Min: 2, Max: 2}}
	case overloadID == "string_lower" && target != nil:
		sz := cost.EstimateSize(e, *target)
		scan := uint64(math.Ceil(float64(sz.Max) * cost.StringTraversalCostFactor))
		return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: satAdd(1, satAdd(scan, sz.Max))},
			ResultSize: &cost.SizeEstimate{Min: sz.Min, Max: sz.Max}}
	case strings.HasSuffix(overloadID, "_date_date"), strings.HasSuffix(overloadID, "_month_month"),
		strings.HasPrefix(overloadID, "add_"), overloadID == "month_of_date",
		overloadID == "string_date", overloadID == "string_month",
		overloadID == "date_string", overloadID == "month_string":
		return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: 1}}
	}
	return nil
}
