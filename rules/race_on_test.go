//go:build race

package rules_test

// raceOn: the race detector is on. It makes sync.Pool drop what is put
// back at random, so counts of allocations mean nothing under it.
const raceOn = true
