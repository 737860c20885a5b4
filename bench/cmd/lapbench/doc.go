// Command lapbench times [assign.Solve] on cost matrices stored in files, so
// that bench/lap_compare.py can give SciPy's linear_sum_assignment the very
// same matrices and compare optimum and speed.
//
// Usage:
//
//	lapbench [-repeat N] FILE…
//
// Each FILE holds a matrix as two little-endian int64 (rows, cols) followed
// by rows·cols little-endian float64, row by row (+Inf marks a forbidden
// pair). For every file lapbench prints one JSON line on stdout:
//
//	{"file": "...", "rows": 1000, "cols": 1000, "pairs": 1000, "cost": -998.7, "seconds": 0.052}
//
// where seconds is the fastest of N runs of Solve (the file is read once,
// outside the timing).
//
// [assign.Solve]: github.com/birgemiz/sabaqtastyq/planning/assign.Solve
package main
