package rules_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// The mentoring cycle as a coordinator keeps it (testdata/cycle/year.json):
// a year of weekly visits and monthly check-ins in a children's home,
// four tandems — one that runs well, one whose mentor moved away after six
// months, one with a summer break of five weeks, one a week old without
// the coordinator's first-week visit. The guide finds the three things a
// coordinator should look at, and only those, and says them in words a
// coordinator reads: the golden files year.{kk,ru,en}.txt, rewritten by
// go test ./rules -update.
func TestCoordinatorYear(t *testing.T) {
	prog, err := mentoring.Load(filepath.Join("testdata", "cycle", "year.json"))
	require.NoError(t, err)
	require.Greater(t, len(prog.Visits), 100, "a year of visits")
	require.Greater(t, len(prog.CheckIns), 20, "a year of check-ins")
	pol, err := rules.Resolve("guide")
	require.NoError(t, err)
	for _, lang := range diag.Langs {
		t.Run(string(lang), func(t *testing.T) {
			rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(lang))
			require.NoError(t, err)
			var got []string
			var text strings.Builder
			for _, f := range rep.Findings {
				got = append(got, f.Rule+" "+f.Subject)
				text.WriteString(f.Subject + "  " + string(f.Severity) + "  " + f.Rule + "\n  " + f.Message + "\n\n")
				assert.NotContains(t, f.Message, "‹?›")
				for _, name := range []string{"Гүлмира", "Жанна", "Олег", "Айгүл", "Марат"} {
					assert.NotContains(t, f.Message, name, "no personal data in a message")
				}
			}
			assert.Equal(t, []string{"tandem.early_closure tandem/t-2", "tandem.regular_contact tandem/t-3",
				"tandem.first_week_support tandem/t-4"}, got)
			assert.True(t, rep.Compliant, "warnings only")
			golden := filepath.Join("testdata", "cycle", "year."+string(lang)+".txt")
			if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
				require.NoError(t, os.WriteFile(golden, []byte(text.String()), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "go test ./rules -run TestCoordinatorYear -update writes it")
			assert.Equal(t, string(want), text.String())
		})
	}
}
