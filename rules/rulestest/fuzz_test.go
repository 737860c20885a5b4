package rulestest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules/rulestest"
)

// suiteSeeds are the attacks of issue 10 on suites and a few good suites.
var suiteSeeds = []string{
	laughs,
	suiteWith("{file: ../../../../secret.yaml}"),
	suiteWith("{file: /etc/passwd}"),
	suiteWith("{file: files/link-out.yaml}"),
	"policy: /dev/zero\nfixtures:\n  base: {as_of: 2026-11-24}\ncases:\n  - name: c\n",
	"policy: guide\nfixtures:\n  base: &b {as_of: 2026-11-24, self: *b}\ncases:\n  - name: c\n",
	"policy: guide\nfixtures:\n  base: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\ncases:\n  - name: c\n",
	"policy: mini.yaml\nfixtures:\n  one: {as_of: 2026-11-24, volunteers: [{id: v-1, full_name: A, birth_date: 1990-04-02, role: individual_mentor, commitment_months: 24}]}\n" +
		"cases:\n  - name: ok\n    findings: []\n  - name: young\n    set: {\"volunteers[0].birth_date\": 2010-01-01}\n    findings: [{rule: mini.age, subject: volunteer/v-1}]\n",
	"policy: mini.yaml\nfixtures:\n  one: {as_of: 2026-11-24, volunteers: [&v {id: v-1, full_name: A, birth_date: 1990-04-02, role: coach}]}\n" +
		"cases:\n  - name: alias\n    append: {volunteers: [*v]}\n",
	"policy: mini.yaml\nfixtures:\n  one: {file: files/fixture.yaml}\ncases:\n  - {name: c, set: {\"x[99]\": 1}}\n",
	"",
	"cases: [",
}

// FuzzParse: reading and running any suite ends, within its budget,
// without a panic; every problem is placed in the suite's folder.
func FuzzParse(f *testing.F) {
	for _, s := range suiteSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := rulestest.Parse("testdata/fuzz_test.yaml", src)
		for _, e := range diag.Errors(err) {
			if e.File != "" && !strings.HasPrefix(e.File, "testdata/") {
				t.Fatalf("a problem placed outside the suite's folder: %v", e)
			}
		}
		if err != nil {
			return
		}
		runWithin(t, s)
	})
}

// FuzzFixture: any fixture file, read through {file: …}, ends without a
// panic, and its problems are placed in the fixture file or the suite.
func FuzzFixture(f *testing.F) {
	bomb := "as_of: 2026-11-24\n" + strings.ReplaceAll(laughs[strings.Index(laughs, "    a:"):strings.Index(laughs, "cases:")], "\n    ", "\n")[4:]
	for _, s := range []string{
		fixtureOK,
		bomb,
		"as_of: 2026-11-24\nvolunteers: [{id: v-1, full_name: A, birth_date: 2026-02-30, role: coach}]\n",
		`{"as_of": "2026-11-24", "volunteers": []}`,
		"secret_token: hunter2\n",
		"- a list\n",
		strings.Repeat("[", 300),
		"",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	suite := filepath.Join(dir, "x_test.yaml")
	if err := os.WriteFile(suite, []byte(suiteWith("{file: fixture.yaml}")), 0o600); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, fixture []byte) {
		if err := os.WriteFile(filepath.Join(dir, "fixture.yaml"), fixture, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := rulestest.Load(suite)
		for _, e := range diag.Errors(err) {
			if e.File != suite && e.File != filepath.Join(dir, "fixture.yaml") {
				t.Fatalf("a problem placed elsewhere: %v", e)
			}
		}
		if err != nil {
			return
		}
		runWithin(t, s)
	})
}

// runWithin runs a suite that parsed, and fails if it takes more than ten
// seconds.
func runWithin(t *testing.T, s *rulestest.Suite) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.Run(ctx, rulestest.Options{}); err != nil && ctx.Err() != nil {
		t.Fatalf("a run took longer than 10s")
	}
}
