package rules_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// The rules of the first version of the contract: their ids keep their
// meaning, apart from the corrections of the second version (under 18
// read as minors, the mentor's age at every tandem's start, notice by
// who ended the agreement and its own period, outings bounded by the
// tandem's closing, consent or accompaniment).
var firstVersion = []string{
	"mentor.min_age", "mentor.commitment", "mentor.screening", "mentor.agreement", "child.min_age",
	"child.adaptation_centre_age", "child.adaptation_centre_stay", "coaching.age_range", "group.max_size",
	"group.min_size", "tandem.outing_agreement", "agreement.notice", "agreement.monthly_report",
	"volunteer.minor_consent", "volunteer.event_min_age", "volunteer.cascade_level", "tandem.group_first",
	"programme.general_meeting",
}

// A programme file of the first version — without visits, check-ins,
// coordinators, closing dates or any other field of the second — still
// loads, and the guide finds in it what it found before (testdata/v1, the
// example problems as they were, and the report the first version gave):
// the same rules on the same subjects with the same severity. The second
// version's rules may add warnings, and only warnings.
func TestFirstVersionFile(t *testing.T) {
	prog, err := mentoring.Load(filepath.Join("testdata", "v1", "problems.json"))
	require.NoError(t, err, "a first-version file loads")
	raw, err := os.ReadFile(filepath.Join("testdata", "v1", "problems.expected.json"))
	require.NoError(t, err)
	var before rules.Report
	require.NoError(t, json.Unmarshal(raw, &before))

	for _, name := range []string{"guide", "nastavniki"} {
		t.Run(name, func(t *testing.T) {
			pol, err := rules.Resolve(name)
			require.NoError(t, err)
			rep, err := pol.Evaluate(context.Background(), prog)
			require.NoError(t, err)
			type key struct{ rule, subject string }
			got := map[key]rules.Severity{}
			added := map[string]int{}
			for _, f := range rep.Findings {
				if slices.Contains(firstVersion, f.Rule) {
					got[key{f.Rule, f.Subject}] = f.Severity
					continue
				}
				assert.Equal(t, rules.Warn, f.Severity, "a second-version rule only warns on a first-version file: %s %s", f.Rule, f.Subject)
				added[f.Rule]++
			}
			if name == "guide" {
				want := map[key]rules.Severity{}
				for _, f := range before.Findings {
					want[key{f.Rule, f.Subject}] = f.Severity
				}
				assert.Equal(t, want, got, "the first version's rules find what they found")
				assert.Equal(t, before.Compliant, rep.Compliant)
			} else {
				// The stricter profile finds at least what the guide does.
				for _, f := range before.Findings {
					assert.Contains(t, got, key{f.Rule, f.Subject})
				}
			}
			// The file has none of the new data: the new rules say so.
			for _, rule := range []string{"tandem.regular_contact", "tandem.first_week_support",
				"mentor.safety_briefing", "institution.coordinator", "institution.partnership_agreement",
				"institution.interaction_rules"} {
				assert.Positive(t, added[rule], rule)
			}
		})
	}
}
