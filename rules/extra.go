package rules

import "cel.dev/cel-go/cel"

// extraTypes registers domain types beyond the programme's, for the pair
// and respondent subjects.
func extraTypes() []cel.EnvOption { return nil }
