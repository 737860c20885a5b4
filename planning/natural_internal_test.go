package planning

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Ids sort as people read them: numbers by value, the rest by bytes, and
// the order is total.
func TestCompareIDs(t *testing.T) {
	ids := []string{"v-10", "v-2", "v-1", "c-3", "v-02", "v", "v-1a", "inst-10", "inst-9", "t-1@2026-05-02",
		"t-1@2026-04-30", "v-100000000000000000000001", "v-99999999999999999999", ""}
	sortIDs(ids)
	assert.Equal(t, []string{"", "c-3", "inst-9", "inst-10", "t-1@2026-04-30", "t-1@2026-05-02", "v", "v-1", "v-1a",
		"v-02", "v-2", "v-10", "v-99999999999999999999", "v-100000000000000000000001"}, ids)
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"v-2", "v-10", -1}, {"v-10", "v-2", 1}, {"v-2", "v-2", 0},
		{"v-02", "v-2", -1}, {"v-2", "v-02", 1}, // equal by value: by bytes
		{"v-1", "v-1-2", -1}, {"v-1-2", "v-1", 1},
		{"a", "b", -1}, {"volunteer/v-9", "volunteer/v-10", -1},
	} {
		assert.Equal(t, tc.want, compareIDs(tc.a, tc.b), "%s vs %s", tc.a, tc.b)
	}
}
