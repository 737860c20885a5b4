package assign_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/birgemiz/sabaqtastyq/planning/assign"
)

// hungarian is the textbook O(n³) Hungarian method (potentials and
// augmenting along "way" links, rows ≤ columns), written plainly as the
// baseline Solve is measured against. It returns the least total cost.
func hungarian(m assign.Matrix) float64 {
	n, k := m.Rows, m.Cols
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, k+1)
	p := make([]int, k+1) // p[j]: row (1-based) matched to column j; p[0] the row being added
	way := make([]int, k+1)
	minv := make([]float64, k+1)
	used := make([]bool, k+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= k; j++ {
				if used[j] {
					continue
				}
				cur := m.At(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= k; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= k; j++ {
		if p[j] != 0 {
			total += m.At(p[j]-1, j-1)
		}
	}
	return total
}

var sizes = []int{100, 500, 1000, 2000}

func benchMatrix(n int) assign.Matrix {
	return randomMatrix(rand.New(rand.NewPCG(uint64(n), 42)), n, n, 0, false)
}

// BenchmarkSolve times Solve on uniform random n×n matrices (the workload
// bench/ also gives SciPy); BenchmarkHungarian is the baseline on the same
// matrices.
func BenchmarkSolve(b *testing.B) {
	for _, n := range sizes {
		m := benchMatrix(n)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := assign.Solve(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkHungarian(b *testing.B) {
	for _, n := range sizes {
		m := benchMatrix(n)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hungarian(m)
			}
		})
	}
}

// BenchmarkSolveForbidden times the lexicographic path on matrices where
// a third of the pairs are forbidden, as the matcher produces.
func BenchmarkSolveForbidden(b *testing.B) {
	for _, n := range sizes {
		m := randomMatrix(rand.New(rand.NewPCG(uint64(n), 43)), n, n, 0.33, false)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := assign.Solve(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
