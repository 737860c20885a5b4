package reference_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/reference"
)

func set(t *testing.T) *reference.Set {
	t.Helper()
	s, err := reference.Default()
	require.NoError(t, err)
	return s
}

func allLangs(t *testing.T, what string, txt diag.Text) {
	t.Helper()
	assert.NotEmpty(t, txt.KK, "%s: kk", what)
	assert.NotEmpty(t, txt.RU, "%s: ru", what)
	assert.NotEmpty(t, txt.EN, "%s: en", what)
}

func TestEveryEntryHasThreeLanguages(t *testing.T) {
	s := set(t)
	t.Run("directions", func(t *testing.T) {
		for _, d := range s.Directions() {
			allLangs(t, d.ID+".name", d.Name)
			allLangs(t, d.ID+".description", d.Description)
		}
	})
	t.Run("safety", func(t *testing.T) {
		for _, x := range s.SafetyTopics() {
			allLangs(t, x.ID, x.Name)
		}
	})
	t.Run("organisation types", func(t *testing.T) {
		for _, x := range s.OrganisationTypes() {
			allLangs(t, x.ID, x.Name)
		}
	})
}

func TestDirections(t *testing.T) {
	ds := set(t).Directions()
	var latin []string
	for _, d := range ds {
		latin = append(latin, d.Latin)
	}
	assert.Equal(t, []string{"BIRGEMIZ SAÝLYQ", "BIRGEMIZ BILIM", "BIRGEMIZ SABAQTASTYQ", "BIRGEMIZ ASYL MURA",
		"BIRGEMIZ TAZA ÁLEM", "BIRGEMIZ QAMQOR", "BIRGEMIZ ÚMIT"}, latin)
}

func TestSafetyTopics(t *testing.T) {
	ts := set(t).SafetyTopics()
	require.Len(t, ts, 24)
	general := 0
	for i, x := range ts {
		if x.General {
			general++
			assert.GreaterOrEqual(t, i, 20, "general questions come last")
		}
	}
	assert.Equal(t, 4, general)
	assert.Equal(t, "Дәмелену", ts[11].Name.KK)
}

func TestOrganisationTypes(t *testing.T) {
	s := set(t)
	require.Len(t, s.OrganisationTypes(), 6)
	cases := []struct {
		kind mentoring.InstitutionKind
		ok   bool
	}{
		{mentoring.Orphanage, true},
		{mentoring.AdaptationCentre, true},
		{mentoring.CrisisCentre, true},
		{mentoring.School, true},
		{mentoring.YardClub, true},
		{mentoring.NGO, true},
		{mentoring.InspectorRegistry, false},
		{mentoring.SocialServiceCentre, false},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			ty, ok := s.TypeOf(c.kind)
			assert.Equal(t, c.ok, ok)
			if ok {
				assert.Equal(t, c.kind, ty.Kind)
			}
		})
	}
}

func TestSetReturnsCopies(t *testing.T) {
	s := set(t)
	ds := s.Directions()
	ds[0].Latin = "changed"
	assert.Equal(t, "BIRGEMIZ SAÝLYQ", s.Directions()[0].Latin)
}

const good = `- {id: a, name: {kk: "а", ru: "а", en: "a"}}
`

func TestParseReportsEveryProblem(t *testing.T) {
	dir := `- {id: d, latin: "X", name: {kk: к, ru: р, en: e}, description: {kk: к, ru: р, en: e}}
`
	cases := []struct {
		name  string
		files map[string]string
		codes []diag.Code
	}{
		{"valid", map[string]string{"directions": dir, "safety": good, "organisation_types": `- {id: o, kind: school, name: {kk: к, ru: р, en: e}}`}, nil},
		{"missing russian", map[string]string{"directions": dir, "safety": `- {id: a, name: {kk: "а", en: "a"}}`, "organisation_types": good}, []diag.Code{reference.CodeMissingLang}},
		{"missing two languages", map[string]string{"directions": dir, "safety": `- {id: a, name: {kk: "а"}}`, "organisation_types": good}, []diag.Code{reference.CodeMissingLang, reference.CodeMissingLang}},
		{"unknown field", map[string]string{"directions": dir, "safety": `- {id: a, colour: red, name: {kk: к, ru: р, en: e}}`, "organisation_types": good}, []diag.Code{diag.CodeUnknownField}},
		{"duplicate id", map[string]string{"directions": dir, "safety": good + good, "organisation_types": good}, []diag.Code{diag.CodeDuplicateID}},
		{"unknown kind", map[string]string{"directions": dir, "safety": good, "organisation_types": `- {id: o, kind: zoo, name: {kk: к, ru: р, en: e}}`}, []diag.Code{reference.CodeBadKind}},
		{"missing file", map[string]string{"directions": dir, "safety": good}, []diag.Code{diag.CodeSyntax}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range c.files {
				fsys["data/"+k+".yaml"] = &fstest.MapFile{Data: []byte(v)}
			}
			s, err := reference.Parse(fsys)
			if c.codes == nil {
				require.NoError(t, err)
				assert.Len(t, s.Directions(), 1)
				return
			}
			require.Error(t, err)
			var codes []diag.Code
			for _, e := range diag.Errors(err) {
				codes = append(codes, e.Code)
			}
			assert.Equal(t, c.codes, codes)
		})
	}
}

func TestChecklist(t *testing.T) {
	topics := set(t).SafetyTopics()[:3]
	day := civil.D(2026, 3, 1)

	t.Run("unknown topic", func(t *testing.T) {
		c := reference.NewChecklist(topics)
		err := c.Acknowledge("juggling", day)
		var de *diag.Error
		require.ErrorAs(t, err, &de)
		assert.Equal(t, reference.CodeUnknownTopic, de.Code)
		assert.Len(t, c.Missing(), 3)
	})
	t.Run("absent date", func(t *testing.T) {
		c := reference.NewChecklist(topics)
		require.Error(t, c.Acknowledge(topics[0].ID, civil.Date{}))
		_, ok := c.Acknowledged(topics[0].ID)
		assert.False(t, ok)
	})
	t.Run("one missing is not complete, none missing is", func(t *testing.T) {
		c := reference.NewChecklist(topics)
		require.NoError(t, c.Acknowledge(topics[0].ID, day))
		require.NoError(t, c.Acknowledge(topics[2].ID, day.AddDays(2)))
		assert.False(t, c.Complete())
		assert.Equal(t, []reference.SafetyTopic{topics[1]}, c.Missing())
		_, ok := c.CompletedOn()
		assert.False(t, ok)
		require.NoError(t, c.Acknowledge(topics[1].ID, day.AddDays(1)))
		assert.True(t, c.Complete())
		assert.Empty(t, c.Missing())
		on, ok := c.CompletedOn()
		require.True(t, ok)
		assert.Equal(t, day.AddDays(2), on)
	})
	t.Run("a refresher keeps the later date", func(t *testing.T) {
		c := reference.NewChecklist(topics)
		require.NoError(t, c.Acknowledge(topics[0].ID, day))
		require.NoError(t, c.Acknowledge(topics[0].ID, day.AddDays(-1)))
		got, _ := c.Acknowledged(topics[0].ID)
		assert.Equal(t, day, got)
		require.NoError(t, c.Acknowledge(topics[0].ID, day.AddDays(1)))
		got, _ = c.Acknowledged(topics[0].ID)
		assert.Equal(t, day.AddDays(1), got)
	})
	t.Run("empty checklist", func(t *testing.T) {
		c := reference.NewChecklist(nil)
		assert.True(t, c.Complete())
		_, ok := c.CompletedOn()
		assert.False(t, ok)
	})
}

// Problems are placed in their file, at their entry, with the entry's path.
func TestParsePlacesProblems(t *testing.T) {
	dir := `- {id: d, latin: "X", name: {kk: к, ru: р, en: e}, description: {kk: к, ru: р, en: e}}
`
	fsys := fstest.MapFS{
		"data/directions.yaml":         {Data: []byte(dir)},
		"data/safety.yaml":             {Data: []byte(good + "- {id: b, colour: red, name: {kk: к, ru: р, en: e}}\n" + good)},
		"data/organisation_types.yaml": {Data: []byte("- id: o\n  kind: zoo\n  name: {kk: к, ru: р, en: e}\n")},
	}
	_, err := reference.Parse(fsys)
	var got []string
	for _, e := range diag.Errors(err) {
		got = append(got, e.Pos.String()+" "+e.Path+" "+string(e.Code))
		assert.Contains(t, e.Snippet, "^")
	}
	assert.Equal(t, []string{
		"data/organisation_types.yaml:2:9 organisation_types[0].kind reference.bad_kind",
		"data/safety.yaml:2:11 safety[1].colour unknown_field",
	}, got, "a file with an unknown field is not checked further")

	fsys["data/safety.yaml"] = &fstest.MapFile{Data: []byte(good + good)}
	_, err = reference.Parse(fsys)
	l := diag.Errors(err)
	require.Len(t, l, 2)
	assert.Equal(t, "data/safety.yaml:2:8: safety[1].id: duplicate id \"a\" (first used at safety[0])", l[1].Error())
}

func TestParseRefusesLargeFiles(t *testing.T) {
	fsys := fstest.MapFS{"data/directions.yaml": {Data: []byte(strings.Repeat("#", 100) + "\n")}}
	_, err := reference.Parse(fsys, reference.WithMaxBytes(50))
	assert.True(t, limits.IsTooLarge(err))
}
