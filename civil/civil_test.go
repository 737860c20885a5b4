package civil_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"2026-11-24", true}, {"2024-02-29", true}, {"2026-02-28", true},
		{"2026-02-29", false}, {"2026-02-30", false}, {"2026-13-01", false}, {"2026-00-10", false},
		{"2026-04-31", false}, {"2026-4-1", false}, {"26-11-24", false}, {"2026/11/24", false},
		{"", false}, {"0000-01-01", false}, {"2026-11-2x", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d, err := civil.ParseDate(tc.in)
			if !tc.ok {
				require.ErrorIs(t, err, civil.ErrFormat)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.in, d.String())
		})
	}
}

func TestYearsUntil(t *testing.T) {
	cases := []struct {
		born, on string
		want     int
	}{
		{"2001-11-25", "2026-11-24", 24}, // a day short of 25
		{"2001-11-24", "2026-11-24", 25},
		{"2000-02-29", "2025-02-28", 25}, // a leap-day birthday counts on 28 February
		{"2000-02-29", "2025-02-27", 24},
		{"2000-02-29", "2024-02-29", 24},
		{"2000-02-29", "2024-02-28", 23},
		{"2026-01-01", "2026-01-01", 0},
	}
	for _, tc := range cases {
		t.Run(tc.born+"→"+tc.on, func(t *testing.T) {
			assert.Equal(t, tc.want, must(civil.ParseDate(tc.born)).YearsUntil(must(civil.ParseDate(tc.on))))
		})
	}
}

func TestArithmetic(t *testing.T) {
	d := civil.D(2026, 8, 31)
	assert.Equal(t, "2027-02-28", d.AddMonths(6).String(), "clamped to the month's last day")
	assert.Equal(t, "2026-02-28", d.AddMonths(-6).String())
	assert.Equal(t, "2027-01-01", civil.D(2026, 12, 31).AddDays(1).String())
	assert.Equal(t, 14, civil.D(2026, 10, 31).DaysUntil(civil.D(2026, 11, 14)))
	assert.Equal(t, -13, civil.D(2026, 11, 14).DaysUntil(civil.D(2026, 11, 1)))
	assert.True(t, civil.D(2026, 3, 1).Before(civil.D(2026, 3, 2)))
	assert.Equal(t, civil.M(2026, time.March), civil.D(2026, 3, 17).In())
	assert.Equal(t, "2026-03-31", civil.M(2026, time.March).Last().String())
	assert.Equal(t, "2024-02-29", civil.M(2024, time.February).Last().String())
	assert.Equal(t, []civil.Month{civil.M(2026, 12), civil.M(2027, 1)}, civil.Between(civil.M(2026, 11), civil.M(2027, 2)))
	assert.Empty(t, civil.Between(civil.M(2026, 11), civil.M(2026, 12)))
	assert.Empty(t, civil.Between(civil.M(2026, 11), civil.M(2026, 10)))
}

func TestJSON(t *testing.T) {
	type doc struct {
		On    civil.Date  `json:"on"`
		Month civil.Month `json:"month"`
		None  civil.Date  `json:"none"`
	}
	in := doc{On: civil.D(2026, 11, 24), Month: civil.M(2026, 10)}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2026-11-24","month":"2026-10","none":null}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"on":"2026-02-30"}`), &out), civil.ErrFormat)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"month":"2026-13"}`), &out), civil.ErrFormat)
	assert.Error(t, json.Unmarshal([]byte(`{"on":20261124}`), &out))
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Ages are whole years completed on a date: the guide's "over 25" for a
// mentor born on 25 November 2001 is reached on 25 November 2026.
func ExampleDate_YearsUntil() {
	born, _ := civil.ParseDate("2001-11-25")
	for _, on := range []string{"2026-11-24", "2026-11-25"} {
		d, _ := civil.ParseDate(on)
		fmt.Println(on, born.YearsUntil(d))
	}
	// Output:
	// 2026-11-24 24
	// 2026-11-25 25
}
