package planning_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
	"github.com/birgemiz/sabaqtastyq/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

func TestGolden(t *testing.T) {
	prog := loadProgramme(t, "testdata/programme.json")
	for _, lang := range []diag.Lang{diag.EN, diag.KK, diag.RU} {
		t.Run("match "+string(lang), func(t *testing.T) {
			m, err := planning.Match(context.Background(), prog, goJudge(prog), planning.MatchOptions{Lang: lang})
			require.NoError(t, err)
			var js, txt bytes.Buffer
			require.NoError(t, m.WriteJSON(&js))
			require.NoError(t, m.WriteText(&txt, lang))
			golden(t, "match."+string(lang)+".json", js.Bytes())
			golden(t, "match."+string(lang)+".txt", txt.Bytes())
		})
	}

	// A programme of screened mentors judged by the embedded pairs policy,
	// as `sabaq match` does: v-3 is 23, v-4 has not done the training, v-8
	// is on hold, v-2's agreement ended, v-9 has not been given the safety
	// instruction, v-10 is a group volunteer whose only tandem closed (no
	// candidate), c-8 is in group-format mentoring (no candidate either),
	// c-9 is 9.
	pairsProg := loadProgramme(t, "testdata/pairs-programme.json")
	pol, err := rules.Resolve("pairs")
	require.NoError(t, err)
	for _, lang := range []diag.Lang{diag.EN, diag.KK, diag.RU} {
		t.Run("match pairs.yaml "+string(lang), func(t *testing.T) {
			judge, err := policyjudge.New(context.Background(), pol, pairsProg, lang)
			require.NoError(t, err)
			m, err := planning.Match(context.Background(), pairsProg, judge, planning.MatchOptions{Lang: lang})
			require.NoError(t, err)
			var js, txt bytes.Buffer
			require.NoError(t, m.WriteJSON(&js))
			require.NoError(t, m.WriteText(&txt, lang))
			golden(t, "match-pairs."+string(lang)+".json", js.Bytes())
			golden(t, "match-pairs."+string(lang)+".txt", txt.Bytes())
		})
	}

	// Groups: 19 people in inst-1 (no split within 12–18), 8 in inst-2.
	b := newBuilder("inst-1", "inst-2")
	var loose []string
	for i := range 6 {
		lang := []string{"kk", "ru"}[i%2]
		b.tandem(b.mentor(lang), b.child("inst-1", lang), "acquaintance")
		loose = append(loose, b.mentor(lang))
	}
	b.child("inst-1")
	b.attach("inst-1", loose...)
	for range 4 {
		b.tandem(b.mentor("kk"), b.child("inst-2", "kk"), "inside_institution")
	}
	groupsProg := b.build(t)
	for _, lang := range []diag.Lang{diag.EN, diag.KK} {
		t.Run("groups "+string(lang), func(t *testing.T) {
			plan, err := planning.PlanGroups(groupsProg, planning.GroupOptions{Lang: lang})
			require.NoError(t, err)
			var js, txt bytes.Buffer
			require.NoError(t, plan.WriteJSON(&js))
			require.NoError(t, plan.WriteText(&txt, lang))
			golden(t, "groups."+string(lang)+".json", js.Bytes())
			golden(t, "groups."+string(lang)+".txt", txt.Bytes())
		})
	}
}
