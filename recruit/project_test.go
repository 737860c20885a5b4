package recruit_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/recruit"
)

func recruitProgramme() *mentoring.Programme {
	return &mentoring.Programme{
		Organisation: "«Бірге» волонтерлік орталығы",
		Institutions: mentoring.Institutions{
			{ID: "i-1", Name: "Балалар үйі №1", Kind: mentoring.Orphanage, City: "Алматы"},
			{ID: "i-2", Name: "КБО", Kind: mentoring.AdaptationCentre, City: " алматы "},
			{ID: "i-3", Name: "Клуб", Kind: mentoring.YardClub},
		},
	}
}

func TestLoadProject(t *testing.T) {
	p, err := recruit.LoadProject("testdata/project.yaml")
	require.NoError(t, err)
	assert.Equal(t, "Бірге", p.Name)
	assert.Equal(t, "+7 727 000 00 00", p.Phone, "a phone needs no quotes")
	require.Len(t, p.Cities, 2)
	assert.Equal(t, "shymkent@birge.example.kz", p.Cities[1].Email)

	j, err := recruit.LoadProject("testdata/project.json")
	require.NoError(t, err)
	assert.Equal(t, p, j, "JSON and YAML say the same")
}

func TestProjectProblems(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            []string // "line:col path code"
	}{
		{"unknown field", "p.yaml", "name: X\nmotto: Y\n", []string{"2:1 motto unknown_field"}},
		{"bad email", "p.yaml", "name: X\nemail: not-an-address\ncities:\n  - {name: A, email: also.bad}\n",
			[]string{"2:8 email validate.email", "4:22 cities[0].email validate.email"}},
		{"city without a name", "p.json", `{"cities": [{"phone": "1"}]}`, []string{"1:13 cities[0].name validate.required"}},
		{"too long", "p.yaml", "name: " + strings.Repeat("я", 301) + "\n", []string{"1:7 name validate.max"}},
		{"syntax", "p.json", `{"name": `, []string{"1:10  syntax"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := recruit.DecodeProject(strings.NewReader(c.src), c.file)
			var l diag.List
			require.True(t, errors.As(err, &l), "%v", err)
			var got []string
			for _, e := range l {
				got = append(got, strings.Join(strings.Fields(strings.Join([]string{
					strconv.Itoa(e.Pos.Line) + ":" + strconv.Itoa(e.Pos.Col), e.Path, string(e.Code)}, " ")), " "))
				assert.Equal(t, c.file, e.Pos.File)
			}
			for i := range c.want {
				c.want[i] = strings.Join(strings.Fields(c.want[i]), " ")
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestProjectCaps(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, []byte("name: "+strings.Repeat("x", 2000)+"\n"), 0o644))
	_, err := recruit.LoadProject(big, recruit.WithMaxBytes(1000))
	require.Error(t, err)
	assert.True(t, limits.IsTooLarge(err))

	_, err = recruit.DecodeProject(strings.NewReader("a: &x 1\nb: *x\n"), "p.yaml")
	require.Error(t, err, "no aliases in a project")
	_, err = recruit.LoadProject(filepath.Join(dir, "missing.yaml"))
	require.Error(t, err)
}
