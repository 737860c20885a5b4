//go:build !race

package rules_test

// raceEnabled: see race_on_test.go.
const raceEnabled = false
