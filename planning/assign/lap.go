package assign

import "math"

// solveDense assigns every row of an r×c matrix (r ≤ c, every entry finite)
// to a column at least total cost, by shortest augmenting paths with dual
// potentials u (rows) and v (columns). It returns the column of each row.
//
// The loop follows D. F. Crouse, "On implementing 2D rectangular assignment
// algorithms", IEEE TAES 52(4), 2016, the algorithm of SciPy's
// linear_sum_assignment, so that the two can be compared like for like.
func solveDense(r, c int, cost []float64) []int {
	u := make([]float64, r)
	v := make([]float64, c)
	dist := make([]float64, c) // shortest reduced distance to each column
	path := make([]int, c)     // the row before each column on its path
	colOf := fill(r, -1)
	rowOf := fill(c, -1)
	seenRow := make([]bool, r)
	seenCol := make([]bool, c)
	remaining := make([]int, c)
	inf := math.Inf(1)

	for cur := range r {
		// Dijkstra from row cur over the reduced costs until a free column.
		for k := range c {
			remaining[k] = c - k - 1
			dist[k] = inf
			seenCol[k] = false
		}
		clear(seenRow)
		left := c
		minVal := 0.0
		sink := -1
		i := cur
		for sink < 0 {
			seenRow[i] = true
			row := cost[i*c : (i+1)*c : (i+1)*c]
			base := minVal - u[i]
			lowest, at := inf, -1
			for k, j := range remaining[:left] {
				d := base + row[j] - v[j]
				if d < dist[j] {
					path[j] = i
					dist[j] = d
				}
				if dj := dist[j]; dj < lowest || (dj == lowest && rowOf[j] < 0) {
					lowest, at = dj, k
				}
			}
			minVal = lowest
			j := remaining[at]
			if rowOf[j] < 0 {
				sink = j
			} else {
				i = rowOf[j]
			}
			seenCol[j] = true
			left--
			remaining[at] = remaining[left]
		}

		// Update the potentials so that reduced costs stay non-negative.
		u[cur] += minVal
		for i := range r {
			if seenRow[i] && i != cur {
				u[i] += minVal - dist[colOf[i]]
			}
		}
		for j := range c {
			if seenCol[j] {
				v[j] -= minVal - dist[j]
			}
		}
		// Flip the path.
		for j := sink; ; {
			i := path[j]
			rowOf[j] = i
			colOf[i], j = j, colOf[i]
			if i == cur {
				break
			}
		}
	}
	return colOf
}

// lex is a cost in the lexicographic group Z×R: first the number of
// forbidden pairs, then the sum of finite costs. The shortest-path
// algorithm needs only addition, subtraction and a total order, so it runs
// unchanged over lex and finds, exactly, the assignment with the fewest
// forbidden pairs and, among those, the least finite cost.
type lex struct {
	n int
	x float64
}

func (a lex) less(b lex) bool { return a.n < b.n || (a.n == b.n && a.x < b.x) }

var lexInf = lex{n: math.MaxInt, x: math.Inf(1)}

// solveLex is solveDense over lex costs: an entry +Inf costs {1, 0}, any
// other {0, entry}. Every row is assigned (r ≤ c); the caller drops the rows
// that had to take a forbidden column.
func solveLex(r, c int, cost []float64) []int {
	u := make([]lex, r)
	v := make([]lex, c)
	dist := make([]lex, c)
	path := make([]int, c)
	colOf := fill(r, -1)
	rowOf := fill(c, -1)
	seenRow := make([]bool, r)
	seenCol := make([]bool, c)
	remaining := make([]int, c)

	for cur := range r {
		for k := range c {
			remaining[k] = c - k - 1
			dist[k] = lexInf
			seenCol[k] = false
		}
		clear(seenRow)
		left := c
		var minVal lex
		sink := -1
		i := cur
		for sink < 0 {
			seenRow[i] = true
			row := cost[i*c : (i+1)*c : (i+1)*c]
			base := lex{minVal.n - u[i].n, minVal.x - u[i].x}
			lowest, at := lexInf, -1
			for k, j := range remaining[:left] {
				d := lex{base.n - v[j].n, base.x - v[j].x}
				if e := row[j]; e > math.MaxFloat64 {
					d.n++
				} else {
					d.x += e
				}
				if d.less(dist[j]) {
					path[j] = i
					dist[j] = d
				}
				if dj := dist[j]; dj.less(lowest) || (dj == lowest && rowOf[j] < 0) {
					lowest, at = dj, k
				}
			}
			minVal = lowest
			j := remaining[at]
			if rowOf[j] < 0 {
				sink = j
			} else {
				i = rowOf[j]
			}
			seenCol[j] = true
			left--
			remaining[at] = remaining[left]
		}

		u[cur] = lex{u[cur].n + minVal.n, u[cur].x + minVal.x}
		for i := range r {
			if seenRow[i] && i != cur {
				d := dist[colOf[i]]
				u[i] = lex{u[i].n + minVal.n - d.n, u[i].x + minVal.x - d.x}
			}
		}
		for j := range c {
			if seenCol[j] {
				v[j] = lex{v[j].n - (minVal.n - dist[j].n), v[j].x - (minVal.x - dist[j].x)}
			}
		}
		for j := sink; ; {
			i := path[j]
			rowOf[j] = i
			colOf[i], j = j, colOf[i]
			if i == cur {
				break
			}
		}
	}
	return colOf
}
