package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasure(t *testing.T) {
	checked := func(code int) bool { return code == 0 || code == 1 }
	for _, tc := range []struct {
		name, script, err string
	}{
		{"no deny", `exit 0`, ""},
		{"a deny is still a checked programme", `exit 1`, ""},
		{"refused, JSON error", `echo '{"error": {"code": "input", "message": "input too large"}}'; exit 2`,
			"sh exit 2: input: input too large"},
		{"refused, stderr", `echo "no such file" >&2; echo more >&2; exit 2`, "sh exit 2: no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := measure(checked, "sh", "-c", tc.script)
			if tc.err != "" {
				assert.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Positive(t, r.wall)
			assert.Positive(t, r.rss, "the kernel reports the child's peak RSS")
		})
	}
	_, err := measure(checked, "/nonexistent/sabaq")
	assert.Error(t, err)
}

func TestMedian(t *testing.T) {
	rs := []run{{wall: 3 * time.Second}, {wall: time.Second}, {wall: 9 * time.Second}}
	assert.Equal(t, 3.0, median(rs, func(r run) float64 { return r.wall.Seconds() }))
	assert.Equal(t, 2.0, median(rs[:2], func(r run) float64 { return r.wall.Seconds() }))
}
