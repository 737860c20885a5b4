package rules

import (
	"strings"

	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

// estimator gives the static cost estimate the sizes of the lists a rule
// reads. Sizes come from the policy's limits (defaults in defaultLimits),
// keyed by the list's field or variable name; lists of the whole programme
// have no bound, so rules that read them are metered at run time instead.
type estimator struct {
	limits map[string]int
}

func (e *estimator) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	path := n.Path()
	if len(path) == 0 {
		return nil
	}
	if path[0] == "programme" && len(path) > 1 {
		return nil // unbounded: programme-wide lists grow with the file
	}
	last := path[len(path)-1]
	if v, ok := e.limits[last]; ok {
		return &cost.SizeEstimate{Min: 0, Max: uint64(v)}
	}
	if t := n.Type(); t != nil {
		switch t.Kind() {
		case types.StringKind:
			return &cost.SizeEstimate{Min: 0, Max: uint64(e.limits["string"])}
		case types.StructKind, types.OpaqueKind:
			// An object (a date, a month, a domain struct) counts as one
			// unit when compared for equality.
			return &cost.SizeEstimate{Min: 1, Max: 1}
		}
	}
	return nil
}

func (e *estimator) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	switch {
	case overloadID == "months_open_month_month":
		return &cost.CallEstimate{
			CostEstimate: cost.CostEstimate{Min: 1, Max: uint64(e.limits["months"])},
			ResultSize:   &cost.SizeEstimate{Min: 0, Max: uint64(e.limits["months"])},
		}
	case strings.HasSuffix(overloadID, "_date_date"), strings.HasSuffix(overloadID, "_month_month"),
		strings.HasPrefix(overloadID, "add_"), overloadID == "month_of_date",
		overloadID == "string_date", overloadID == "string_month",
		overloadID == "date_string", overloadID == "month_string":
		return &cost.CallEstimate{CostEstimate: cost.CostEstimate{Min: 1, Max: 1}}
	}
	return nil
}
