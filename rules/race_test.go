//go:build race

package rules_test

// raceEnabled: under the race detector sync.Pool drops a share of what is
// put back, on purpose, so a pooled path allocates now and then and an
// allocation count says nothing.
const raceEnabled = true
