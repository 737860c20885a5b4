package assign_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/planning/assign"
)

// bruteForce tries every way of giving each row a column or none, keeps the
// ones without a forbidden pair, and returns the most pairs and, for that
// many, the least cost.
func bruteForce(tb testing.TB, m assign.Matrix) (pairs int, cost float64) {
	tb.Helper()
	used := make([]bool, m.Cols)
	bestPairs, bestCost := -1, math.Inf(1)
	var walk func(i, n int, sum float64)
	walk = func(i, n int, sum float64) {
		if i == m.Rows {
			if n > bestPairs || (n == bestPairs && sum < bestCost) {
				bestPairs, bestCost = n, sum
			}
			return
		}
		walk(i+1, n, sum)
		for j := range m.Cols {
			if c := m.At(i, j); !used[j] && !math.IsInf(c, 1) {
				used[j] = true
				walk(i+1, n+1, sum+c)
				used[j] = false
			}
		}
	}
	walk(0, 0, 0)
	return bestPairs, bestCost
}

// randomMatrix fills a rows×cols matrix with costs in [-10, 10), small
// integers (many ties) or forbidden entries with probability pForbid.
func randomMatrix(rng *rand.Rand, rows, cols int, pForbid float64, ints bool) assign.Matrix {
	m := assign.NewMatrix(rows, cols)
	for k := range m.Cost {
		switch {
		case rng.Float64() < pForbid:
			m.Cost[k] = assign.Forbidden
		case ints:
			m.Cost[k] = float64(rng.IntN(4))
		default:
			m.Cost[k] = rng.Float64()*20 - 10
		}
	}
	return m
}

// checkValid asserts that res is a matching of m that uses no forbidden
// pair and whose Pairs and Cost agree with its pairs.
func checkValid(tb testing.TB, m assign.Matrix, res assign.Result) {
	tb.Helper()
	require.Len(tb, res.ColOf, m.Rows)
	require.Len(tb, res.RowOf, m.Cols)
	pairs, cost := 0, 0.0
	for i, j := range res.ColOf {
		if j < 0 {
			continue
		}
		require.Equal(tb, i, res.RowOf[j], "row %d → column %d is not mirrored", i, j)
		require.False(tb, math.IsInf(m.At(i, j), 1), "forbidden pair (%d, %d) used", i, j)
		pairs++
		cost += m.At(i, j)
	}
	for j, i := range res.RowOf {
		if i >= 0 {
			require.Equal(tb, j, res.ColOf[i])
		}
	}
	assert.Equal(tb, pairs, res.Pairs)
	assert.InDelta(tb, cost, res.Cost, 1e-9)
}

func TestSolveMatchesBruteForce(t *testing.T) {
	cases := []struct {
		name    string
		pForbid float64
		ints    bool
	}{
		{"dense real costs", 0, false},
		{"dense tied costs", 0, true},
		{"some forbidden", 0.3, false},
		{"mostly forbidden", 0.7, true},
		{"all forbidden", 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(len(tc.name))))
			for range 300 {
				rows, cols := rng.IntN(6), rng.IntN(6)
				m := randomMatrix(rng, rows, cols, tc.pForbid, tc.ints)
				res, err := assign.Solve(m)
				require.NoError(t, err)
				checkValid(t, m, res)
				pairs, cost := bruteForce(t, m)
				require.Equal(t, pairs, res.Pairs, "pairs for %v", m)
				require.InDelta(t, cost, res.Cost, 1e-9, "cost for %v", m)
			}
		})
	}
}

// The lexicographic path must not trade a pair for cost: one expensive
// allowed pair beats none.
func TestSolvePrefersMorePairs(t *testing.T) {
	inf := assign.Forbidden
	m := assign.Matrix{Rows: 2, Cols: 2, Cost: []float64{
		1, 1e6,
		0, inf,
	}}
	res, err := assign.Solve(m)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 0}, res.ColOf)
	assert.Equal(t, 2, res.Pairs)
	assert.InDelta(t, 1e6, res.Cost, 0)
}

// Big-M would lose the 1e-9 difference below next to a huge M; the
// lexicographic path keeps it.
func TestSolveKeepsSmallDifferences(t *testing.T) {
	inf := assign.Forbidden
	m := assign.Matrix{Rows: 3, Cols: 3, Cost: []float64{
		1e9, 1e9 + 1e-6, inf,
		1e9, 1e9, inf,
		inf, inf, inf,
	}}
	res, err := assign.Solve(m)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, -1}, res.ColOf)
	assert.Equal(t, 2, res.Pairs)
}

func TestSolveAgreesWithBaseline(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{1, 2, 10, 60} {
		for range 5 {
			m := randomMatrix(rng, n, n, 0, false)
			res, err := assign.Solve(m)
			require.NoError(t, err)
			checkValid(t, m, res)
			assert.InDelta(t, hungarian(m), res.Cost, 1e-7, "n=%d", n)
		}
	}
}

func TestSolveRectangular(t *testing.T) {
	tests := []struct {
		name  string
		m     assign.Matrix
		colOf []int
		cost  float64
	}{
		{"wide", assign.Matrix{Rows: 2, Cols: 3, Cost: []float64{5, 1, 9, 2, 1, 8}}, []int{1, 0}, 3},
		{"tall", assign.Matrix{Rows: 3, Cols: 2, Cost: []float64{5, 1, 9, 2, 1, 8}}, []int{1, -1, 0}, 2},
		{"empty", assign.Matrix{}, []int{}, 0},
		{"no columns", assign.Matrix{Rows: 2}, []int{-1, -1}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := assign.Solve(tc.m)
			require.NoError(t, err)
			assert.Equal(t, tc.colOf, res.ColOf)
			assert.InDelta(t, tc.cost, res.Cost, 0)
		})
	}
}

func TestSolveRejectsBadCosts(t *testing.T) {
	tests := []struct {
		name  string
		m     assign.Matrix
		shape bool
	}{
		{"NaN", assign.Matrix{Rows: 1, Cols: 2, Cost: []float64{0, math.NaN()}}, false},
		{"minus infinity", assign.Matrix{Rows: 1, Cols: 2, Cost: []float64{math.Inf(-1), 0}}, false},
		{"just above MaxCost", assign.Matrix{Rows: 1, Cols: 1, Cost: []float64{math.Nextafter(assign.MaxCost, math.Inf(1))}}, false},
		{"just below -MaxCost", assign.Matrix{Rows: 1, Cols: 1, Cost: []float64{-math.Nextafter(assign.MaxCost, math.Inf(1))}}, false},
		{"short data", assign.Matrix{Rows: 2, Cols: 2, Cost: []float64{0}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := assign.Solve(tc.m)
			require.ErrorIs(t, err, assign.ErrInvalidCost)
			var ce *assign.CostError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tc.shape, ce.Shape)
		})
	}
	t.Run("MaxCost itself is allowed", func(t *testing.T) {
		res, err := assign.Solve(assign.Matrix{Rows: 1, Cols: 2, Cost: []float64{assign.MaxCost, -assign.MaxCost}})
		require.NoError(t, err)
		assert.Equal(t, []int{1}, res.ColOf)
	})
}

func TestSolveIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	m := randomMatrix(rng, 40, 50, 0.2, true) // many ties
	first, err := assign.Solve(m)
	require.NoError(t, err)
	for range 5 {
		again, err := assign.Solve(m)
		require.NoError(t, err)
		require.Equal(t, first, again)
	}
}
