package assign

import (
	"errors"
	"fmt"
	"math"
)

// Forbidden is the cost of a pair that must not be made.
var Forbidden = math.Inf(1)

// MaxCost bounds the magnitude of a finite cost. Far below the float64
// limit, it leaves room for the sums of n costs that the potentials hold.
const MaxCost = 1e100

// ErrInvalidCost is wrapped by every [*CostError].
var ErrInvalidCost = errors.New("assign: invalid cost")

// CostError names a matrix entry that is NaN, -Inf or a finite number
// beyond ±[MaxCost], or a matrix whose shape does not match its data.
type CostError struct {
	Row, Col int
	Value    float64
	// Shape is set instead of Row and Col when len(Cost) != Rows*Cols.
	Shape bool
}

func (e *CostError) Error() string {
	if e.Shape {
		return "assign: cost matrix data does not match its shape"
	}
	return fmt.Sprintf("assign: cost[%d][%d] is %v; want a number within ±%g, or +Inf", e.Row, e.Col, e.Value, MaxCost)
}

// Unwrap returns [ErrInvalidCost].
func (e *CostError) Unwrap() error { return ErrInvalidCost }

// Matrix is a dense cost matrix stored row by row: the cost of row i and
// column j is Cost[i*Cols+j].
type Matrix struct {
	Rows, Cols int
	Cost       []float64
}

// NewMatrix returns a rows×cols matrix of zeros.
func NewMatrix(rows, cols int) Matrix {
	return Matrix{Rows: rows, Cols: cols, Cost: make([]float64, rows*cols)}
}

// At returns the cost of row i and column j.
func (m Matrix) At(i, j int) float64 { return m.Cost[i*m.Cols+j] }

// Set sets the cost of row i and column j.
func (m Matrix) Set(i, j int, c float64) { m.Cost[i*m.Cols+j] = c }

// Row returns row i; changing it changes the matrix.
func (m Matrix) Row(i int) []float64 { return m.Cost[i*m.Cols : (i+1)*m.Cols] }

// Result is an optimal assignment.
type Result struct {
	// ColOf holds the column of each row, or -1 when the row is left out.
	ColOf []int
	// RowOf holds the row of each column, or -1 when the column is left out.
	RowOf []int
	// Pairs is the number of pairs made; no assignment that avoids
	// forbidden pairs makes more.
	Pairs int
	// Cost is the sum of the costs of the pairs made, the smallest possible
	// for that many pairs.
	Cost float64
}

// Solve returns an assignment that makes as many pairs as possible without
// a forbidden one and, among those, has the smallest total cost. Rows and
// columns may differ in number; min(Rows, Cols) pairs are made when no
// forbidden entry stands in the way.
func Solve(m Matrix) (Result, error) {
	if m.Rows < 0 || m.Cols < 0 || len(m.Cost) != m.Rows*m.Cols {
		return Result{}, &CostError{Shape: true}
	}
	forbidden := false
	for k, c := range m.Cost {
		switch {
		case math.IsInf(c, 1):
			forbidden = true
		case math.IsNaN(c) || c < -MaxCost || c > MaxCost:
			return Result{}, &CostError{Row: k / m.Cols, Col: k % m.Cols, Value: c}
		}
	}
	t := m
	transposed := m.Rows > m.Cols
	if transposed {
		t = transpose(m)
	}
	var colOf []int
	if forbidden {
		colOf = solveLex(t.Rows, t.Cols, t.Cost)
	} else {
		colOf = solveDense(t.Rows, t.Cols, t.Cost)
	}

	res := Result{ColOf: fill(m.Rows, -1), RowOf: fill(m.Cols, -1)}
	for r, c := range colOf {
		i, j := r, c
		if transposed {
			i, j = c, r
		}
		cost := m.Cost[i*m.Cols+j]
		if math.IsInf(cost, 1) {
			continue // a forbidden pair the lexicographic solver had to use: leave both out
		}
		res.ColOf[i], res.RowOf[j] = j, i
		res.Pairs++
		res.Cost += cost
	}
	return res, nil
}

func transpose(m Matrix) Matrix {
	t := NewMatrix(m.Cols, m.Rows)
	for i := range m.Rows {
		row := m.Row(i)
		for j, c := range row {
			t.Cost[j*t.Cols+i] = c
		}
	}
	return t
}

func fill(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}
