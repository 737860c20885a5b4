package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A large programme file sets a soft memory limit of 1.3 times its size
// and 256 MiB; a small one sets none; GOMEMLIMIT, or a lower limit already
// set, wins.
func TestMemoryFor(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	tests := []struct {
		name   string
		env    string
		before int64
		size   int64
		want   int64
	}{
		{"a 2 GB programme", "", math.MaxInt64, 2_000_000_000, 2_000_000_000 + 600_000_000 + 256<<20},
		{"a small programme", "", math.MaxInt64, 255 << 20, math.MaxInt64},
		{"256 MiB", "", math.MaxInt64, 256 << 20, 256<<20 + 256<<20*3/10 + 256<<20},
		{"GOMEMLIMIT set", "1GiB", math.MaxInt64, 2_000_000_000, math.MaxInt64},
		{"a lower limit already", "", 1 << 30, 2_000_000_000, 1 << 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetMemoryLimit(tt.before)
			e := &env{getenv: func(k string) string {
				if k == "GOMEMLIMIT" {
					return tt.env
				}
				return ""
			}}
			e.memoryFor(tt.size)
			assert.Equal(t, tt.want, debug.SetMemoryLimit(-1))
		})
	}
}
