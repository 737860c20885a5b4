package rulestest

import (
	"github.com/birgemiz/sabaqtastyq/rules"
)

// RuleCoverage says whether the suites made one rule pass and fail on some
// subject. A rule is covered when it did both: a suite that only ever sees
// it pass cannot tell a rule that works from one that never fires.
type RuleCoverage struct {
	Rule   string `json:"rule"`
	Passed bool   `json:"passed"`
	Failed bool   `json:"failed"`
	// Inherited is set for a rule the tested policy takes from the policy
	// it extends rather than defining it itself.
	Inherited bool `json:"inherited,omitempty"`
}

// Covered reports whether the rule both passed and failed.
func (c RuleCoverage) Covered() bool { return c.Passed && c.Failed }

// PolicyCoverage is the coverage of one policy's rules by every suite
// that tests it.
type PolicyCoverage struct {
	Policy string         `json:"policy"`
	Rules  []RuleCoverage `json:"rules"`
}

// Covered counts the rules that both passed and failed.
func (c PolicyCoverage) Covered() int {
	n := 0
	for _, r := range c.Rules {
		if r.Covered() {
			n++
		}
	}
	return n
}

// Percent is the share of covered rules, 0–100.
func (c PolicyCoverage) Percent() float64 { return percent(c.Covered(), len(c.Rules)) }

func percent(n, total int) float64 {
	if total == 0 {
		return 100
	}
	return 100 * float64(n) / float64(total)
}

// Coverage returns, for each policy the suites tested (in the order first
// met), every rule in policy order and whether it passed and failed in
// the cases that ran. Skipped and broken cases count for nothing.
func (r *Result) Coverage() []PolicyCoverage {
	var out []PolicyCoverage
	index := map[string]int{}
	for _, s := range r.Suites {
		i, ok := index[s.key]
		if !ok {
			i = len(out)
			index[s.key] = i
			pc := PolicyCoverage{Policy: s.Policy}
			for _, id := range s.rules {
				pc.Rules = append(pc.Rules, RuleCoverage{Rule: id, Inherited: s.inherited[id]})
			}
			out = append(out, pc)
		}
		pc := &out[i]
		for _, o := range s.outcomes {
			for j := range pc.Rules {
				if pc.Rules[j].Rule != o.Rule {
					continue
				}
				switch o.Result {
				case rules.Passed:
					pc.Rules[j].Passed = true
				case rules.Failed:
					pc.Rules[j].Failed = true
				}
			}
		}
	}
	return out
}

// CoveragePercent is the share of covered rules over every policy tested,
// inherited rules included.
func (r *Result) CoveragePercent() float64 { return r.CoveragePercentOf(true) }

// CoveragePercentOf is the share of covered rules over every policy
// tested: of every rule when all is set, else of each policy's own rules
// (a profile's suite is not charged for the rules of the guide it
// extends, which the guide's own suite tests).
func (r *Result) CoveragePercentOf(all bool) float64 {
	n, total := 0, 0
	for _, c := range r.Coverage() {
		if !all {
			c = c.Own()
		}
		n += c.Covered()
		total += len(c.Rules)
	}
	return percent(n, total)
}

// Own returns the coverage of the policy's own rules only, leaving out
// the ones it inherits.
func (c PolicyCoverage) Own() PolicyCoverage {
	out := PolicyCoverage{Policy: c.Policy}
	for _, r := range c.Rules {
		if !r.Inherited {
			out.Rules = append(out.Rules, r)
		}
	}
	return out
}
