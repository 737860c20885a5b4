package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const runs = `goos: linux
BenchmarkSubject/kind=group/engine=ours-2   1000000   500 ns/op   144 B/op   1 allocs/op
BenchmarkSubject/kind=group/engine=expr-2    600000  1000 ns/op    96 B/op   4 allocs/op
BenchmarkSubject/kind=group/engine=opa-2      10000 40000 ns/op  7762 B/op 152 allocs/op
BenchmarkSubject/kind=group/engine=ours-2   1000000   400 ns/op   144 B/op   1 allocs/op
BenchmarkSubject/kind=group/engine=expr-2    600000  1600 ns/op    96 B/op   4 allocs/op
BenchmarkSubject/kind=group/engine=opa-2      10000 30000 ns/op  7762 B/op 152 allocs/op
BenchmarkSubject/kind=group/engine=ours-2   1000000  9000 ns/op   144 B/op   1 allocs/op
BenchmarkSubject/kind=group/engine=expr-2    600000  1200 ns/op    96 B/op   4 allocs/op
BenchmarkSubject/kind=group/engine=opa-2      10000 35000 ns/op  7762 B/op 152 allocs/op
BenchmarkProgramme/n=10/engine=ours-2   100  2000 ns/op  50 ns/subject  0 B/op  0 allocs/op
BenchmarkProgramme/n=10/engine=expr-2   100 20000 ns/op 500 ns/subject  0 B/op  9 allocs/op
BenchmarkOther-2  100  2000 ns/op
PASS
`

func TestTable(t *testing.T) {
	var tb table
	require.NoError(t, tb.read(strings.NewReader(runs)))
	require.Len(t, tb.rows, 2)
	group := tb.rows[0]
	assert.Equal(t, "Subject/kind=group", group.name)
	assert.Equal(t, 500.0, median(group.engines["ours"].ns), "the median shrugs off the 9000")
	assert.Equal(t, 1200.0, median(group.engines["expr"].ns))

	var out strings.Builder
	write(&out, tb.rows)
	text := out.String()
	assert.Contains(t, text, "Subject/kind=group (3)")
	assert.Contains(t, text, "2.4× LOW", "expr is 1200/500 = 2.4× ours, below 3×")
	assert.Contains(t, text, "70.0× ok", "opa is 35000/500 = 70× ours, above 50×")
	assert.Contains(t, text, "10.0×", "the programme row has its ratio")
	assert.Contains(t, text, "50 ns", "and its time per subject")
	assert.Contains(t, text, "1 ratios below target")
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{4, 1}, 2.5}, {[]float64{5, 1, 3}, 3}} {
		assert.Equal(t, tc.want, median(tc.xs), "%v", tc.xs)
	}
}

func TestDuration(t *testing.T) {
	assert.Equal(t, "472 ns", duration(472))
	assert.Equal(t, "1.01 µs", duration(1009))
	assert.Equal(t, "16.2 ms", duration(16.2e6))
	assert.Equal(t, "2.72 s", duration(2.72e9))
}
