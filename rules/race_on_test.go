//go:build race

package rules_test

// raceEnabled: the race detector drops sync.Pool entries at random, so an
// allocation count means nothing under it.
const raceEnabled = true
