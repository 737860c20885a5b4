// Package planning proposes how to organise a mentoring programme: which
// children and mentors meet in which group session, and which mentor could
// be paired with which child. Everything it returns is a proposal with its
// reasons; the coordinator (үйлестіруші) decides.
//
// # Group sessions
//
// The guide forms tandems in group sessions of 12–18 people, children and
// mentors counted together, and asks for several groups when an institution
// has many mentors (R4, R8). [PlanGroups] splits each institution's
// participants into the fewest groups whose sizes lie within the bounds,
// never separates a mentor from a child of an open tandem, and balances
// the share of mentors and a common language across groups. When no split
// within the bounds exists (19–23 people with the defaults) it returns the
// best plan it can and a [Finding] for every group outside the bounds,
// with the policy's rule ids group.max_size and group.min_size.
//
// # Tandems
//
// [Match] proposes tandems. A [Judge] says which mentors may be proposed
// and which pairs are allowed, and scores each allowed pair as a weighted
// sum of [ScorePart]s; the judge of the command line reads the pair policy
// rules/policies/pairs.yaml, tests use Go ([FuncJudge]). Match then solves
// the assignment exactly with package [assign]: as many pairs as possible,
// then the highest total score. Each [Proposal] carries its score parts,
// each [Unmatched] person a reason code and a message: the mentor rules, a
// full mentor, a child who already has a tandem, no allowed partner (with
// the rules that ruled them out), or every allowed partner proposed with
// someone else.
//
// # Output
//
// [GroupPlan] and [Matching] encode as JSON (WriteJSON) and as text for a
// coordinator (WriteText); messages come in Kazakh, Russian or English.
//
// # Concurrency
//
// PlanGroups and Match keep no state between calls and may run
// concurrently. Match asks its Judge about many pairs at once, so a Judge
// must be safe for concurrent use.
//
// [assign]: https://pkg.go.dev/github.com/birgemiz/sabaqtastyq/planning/assign
package planning
