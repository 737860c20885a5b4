// Package policyjudge is the adapter between a compiled policy (package
// rules) and the tandem matcher (package planning): [New] makes a
// planning.Judge of a policy's volunteer and pair rules and its scores,
// the judge `sabaq match` uses with rules/policies/pairs.yaml, and
// [Bounds] reads a policy's group size parameters for planning.PlanGroups.
// Neither rules nor planning knows the other; this package knows both.
package policyjudge
