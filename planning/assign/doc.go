// Package assign solves the rectangular linear assignment problem: given a
// rows×cols matrix of costs, pick at most one column per row and one row per
// column so that as many pairs as possible are made and, among all such
// choices, the sum of their costs is smallest.
//
// # Forbidden pairs
//
// A cost of [Forbidden] (+Inf) marks a pair that must never be made. Solve
// then maximises the number of allowed pairs first and minimises their cost
// second. It does so exactly: the solver runs over lexicographic costs (the
// count of forbidden pairs, then the sum of finite costs) instead of
// replacing +Inf by a "big M", which would lose the low digits of the
// finite costs once M dwarfs them. A matrix without forbidden entries takes
// a plain float64 path, the one compared with SciPy in bench/.
//
// # Algorithm
//
// Shortest augmenting paths with dual potentials (Jonker–Volgenant, in the
// form Crouse gives for rectangular matrices — the algorithm behind SciPy's
// scipy.optimize.linear_sum_assignment): O(r²·c) time for r ≤ c, O(r·c)
// memory beyond the matrix. The matrix is transposed when it has more rows
// than columns. Ties are broken by position, so the same matrix always gives
// the same assignment.
//
// NaN and -Inf are rejected with a [*CostError]. Finite costs are used as
// given; the reported [Result.Cost] is summed from the matrix entries, not
// from the potentials, so it carries no extra rounding.
//
// Solve keeps no state between calls and is safe for concurrent use.
package assign
