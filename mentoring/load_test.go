package mentoring_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Small programmes, one entity a line, so that a case changes one line and
// names where the problem is by a marker on that line.
var baseJSON = []string{
	`{"as_of": "2026-11-24",`,
	`"institutions": [{"id": "i-1", "name": "Home", "kind": "orphanage"}],`,
	`"volunteers": [{"id": "v-1", "full_name": "A B", "birth_date": "1990-01-01", "role": "individual_mentor", "commitment_months": 12}],`,
	`"children": [{"id": "c-1", "birth_date": "2013-01-01", "institution": "i-1"}],`,
	`"tandems": [{"id": "t-1", "mentor": "v-1", "child": "c-1", "started_on": "2026-03-01", "phase": "active"}]}`,
}

var baseYAML = []string{
	`as_of: 2026-11-24`,
	`institutions: [{id: i-1, name: Home, kind: orphanage}]`,
	`volunteers: [{id: v-1, full_name: A B, birth_date: 1990-01-01, role: individual_mentor, commitment_months: 12}]`,
	`children: [{id: c-1, birth_date: 2013-01-01, institution: i-1}]`,
	`tandems: [{id: t-1, mentor: v-1, child: c-1, started_on: 2026-03-01, phase: active}]`,
}

// edit replaces old by new on line n (from 1) of lines.
type edit struct {
	line     int
	old, new string
}

type variant struct {
	edits  []edit
	marker string // on the problem's line; the problem's column is where it starts
	nth    int    // which occurrence of marker (0 = first)
}

func build(t *testing.T, base []string, v variant) (text string, line, col int) {
	t.Helper()
	lines := append([]string(nil), base...)
	for _, e := range v.edits {
		require.Contains(t, lines[e.line-1], e.old)
		lines[e.line-1] = strings.Replace(lines[e.line-1], e.old, e.new, 1)
	}
	line = v.edits[len(v.edits)-1].line
	s := lines[line-1]
	off := 0
	for range v.nth + 1 {
		i := strings.Index(s[off:], v.marker)
		require.GreaterOrEqual(t, i, 0, "marker %q in %q", v.marker, s)
		off += i + len(v.marker)
	}
	col = utf8.RuneCountInString(s[:off-len(v.marker)]) + 1
	return strings.Join(lines, "\n") + "\n", line, col
}

func TestLoadValid(t *testing.T) {
	for name, base := range map[string][]string{"json": baseJSON, "yaml": baseYAML} {
		t.Run(name, func(t *testing.T) {
			p, err := mentoring.Parse([]byte(strings.Join(base, "\n")), "p."+name, mentoring.Detect)
			require.NoError(t, err)
			assert.Len(t, p.Tandems, 1)
			m, ok := p.Volunteer("v-1")
			require.True(t, ok)
			assert.Equal(t, "A B", m.FullName)
		})
	}
}

func TestLoadProblems(t *testing.T) {
	cases := []struct {
		name       string
		json, yaml variant
		code       diag.Code
		path       string
		kk, ru, en string
	}{{
		name: "unknown field",
		json: variant{edits: []edit{{3, `"role"`, `"nick": "x", "role"`}}, marker: `"nick"`},
		yaml: variant{edits: []edit{{3, `role:`, `nick: x, role:`}}, marker: `nick`},
		code: diag.CodeUnknownField, path: "volunteers[0].nick",
		kk: "белгісіз өріс «nick»", ru: "неизвестное поле «nick»", en: `unknown field "nick"`,
	}, {
		name: "wrong type",
		json: variant{edits: []edit{{3, `"commitment_months": 12`, `"commitment_months": "12"`}}, marker: `"12"`},
		yaml: variant{edits: []edit{{3, `commitment_months: 12`, `commitment_months: "12"`}}, marker: `"12"`},
		code: diag.CodeWrongType, path: "volunteers[0].commitment_months",
		kk: "бүтін сан болуы керек, ал мәтін берілген", ru: "ожидается целое число, а указано: строка", en: "expected a whole number, got a string",
	}, {
		name: "bad date",
		json: variant{edits: []edit{{4, `2013-01-01`, `01.01.2013`}}, marker: `"01.01.2013"`},
		yaml: variant{edits: []edit{{4, `2013-01-01`, `01.01.2013`}}, marker: `01.01.2013`},
		code: diag.CodeBadDate, path: "children[0].birth_date",
		// A child's birth date is personal data: never quoted back.
		kk: "«•••» күні дұрыс емес", ru: "«•••» — неверная дата", en: `"•••" is not a date`,
	}, {
		name: "impossible day",
		json: variant{edits: []edit{{5, `2026-03-01`, `2026-02-30`}}, marker: `"2026-02-30"`},
		yaml: variant{edits: []edit{{5, `2026-03-01`, `2026-02-30`}}, marker: `2026-02-30`},
		code: diag.CodeBadDate, path: "tandems[0].started_on",
		kk: "«2026-02-30» күні дұрыс емес", ru: "«2026-02-30» — неверная дата", en: `"2026-02-30" is not a date`,
	}, {
		name: "duplicate id",
		json: variant{edits: []edit{{4, `}],`, `}, {"id": "c-1", "birth_date": "2014-01-01", "institution": "i-1"}],`}}, marker: `"c-1"`, nth: 1},
		yaml: variant{edits: []edit{{4, `}]`, `}, {id: c-1, birth_date: 2014-01-01, institution: i-1}]`}}, marker: `c-1`, nth: 1},
		code: diag.CodeDuplicateID, path: "children[1].id",
		kk: "«c-1» идентификаторы қайталанады (алғашқысы: children[0], 4:", ru: "идентификатор «c-1» повторяется (впервые указан в children[0], 4:",
		en: `duplicate id "c-1" (first used at children[0], 4:`,
	}, {
		name: "dangling reference",
		json: variant{edits: []edit{{5, `"mentor": "v-1"`, `"mentor": "v-9"`}}, marker: `"v-9"`},
		yaml: variant{edits: []edit{{5, `mentor: v-1`, `mentor: v-9`}}, marker: `v-9`},
		code: diag.CodeDangling, path: "tandems[0].mentor",
		kk: "«v-9» — волонтер емес", ru: "«v-9» — такого идентификатора нет (ожидается волонтёр)", en: `"v-9" is not a volunteer`,
	}, {
		name: "duplicate key",
		json: variant{edits: []edit{{5, `"phase": "active"`, `"phase": "active", "phase": "closed"`}}, marker: `"phase"`, nth: 1},
		yaml: variant{edits: []edit{{5, `phase: active`, `phase: active, phase: closed`}}, marker: `phase`, nth: 1},
		code: diag.CodeDuplicateKey, path: "tandems[0].phase",
		kk: "«phase» өрісі екі рет берілген", ru: "поле «phase» указано дважды", en: `field "phase" is given twice`,
	}, {
		name: "syntax error",
		json: variant{edits: []edit{{4, `"i-1"}],`, `"i-1"},],`}}, marker: `]`},
		yaml: variant{edits: []edit{{4, `institution: i-1}]`, `institution: i-1]`}}, marker: `]`},
		code: diag.CodeSyntax, path: "",
		kk: "JSON не YAML ретінде оқылмады", ru: "не читается как JSON или YAML", en: "not valid JSON or YAML",
	}, {
		name: "closed before it started",
		json: variant{edits: []edit{{5, `"phase": "active"`, `"phase": "closed", "closed_on": "2026-02-01"`}}, marker: `"2026-02-01"`},
		yaml: variant{edits: []edit{{5, `phase: active`, `phase: closed, closed_on: 2026-02-01`}}, marker: `2026-02-01`},
		code: diag.CodeImpossible, path: "tandems[0].closed_on",
		kk: "тандем басталмай тұрып жабылған", ru: "тандем закрыт раньше, чем начат", en: "the tandem closed before it started",
	}, {
		name: "tandem before the child was born",
		json: variant{edits: []edit{{5, `2026-03-01`, `2012-03-01`}}, marker: `"2012-03-01"`},
		yaml: variant{edits: []edit{{5, `2026-03-01`, `2012-03-01`}}, marker: `2012-03-01`},
		code: diag.CodeImpossible, path: "tandems[0].started_on",
		kk: "бала туғанға дейін", ru: "раньше рождения ребёнка", en: "before the child was born",
	}, {
		name: "start after as_of",
		json: variant{edits: []edit{{1, `2026-11-24`, `2026-02-01`}, {5, `2026-03-01`, `2026-03-01`}}, marker: `"2026-03-01"`},
		yaml: variant{edits: []edit{{1, `2026-11-24`, `2026-02-01`}, {5, `2026-03-01`, `2026-03-01`}}, marker: `2026-03-01`},
		code: diag.CodeImpossible, path: "tandems[0].started_on",
		kk: "as_of күнінен кейін", ru: "позже as_of", en: "after as_of",
	}, {
		// A required field under a misspelt key is one mistake: the key
		// with the field meant, not also "full_name is required".
		name: "misspelt required field",
		json: variant{edits: []edit{{3, `"full_name"`, `"full_nmae"`}}, marker: `"full_nmae"`},
		yaml: variant{edits: []edit{{3, `full_name:`, `full_nmae:`}}, marker: `full_nmae`},
		code: diag.CodeUnknownHint, path: "volunteers[0].full_nmae",
		kk: "«full_name» болуы мүмкін бе?", ru: "может быть, «full_name»?", en: `did you mean "full_name"?`,
	}, {
		name: "missing required field",
		json: variant{edits: []edit{{2, `"name": "Home", `, ``}}, marker: `{"id"`},
		yaml: variant{edits: []edit{{2, `name: Home, `, ``}}, marker: `{id`},
		code: "validate.required", path: "institutions[0].name",
		kk: "", ru: "", en: "",
	}}
	for _, c := range cases {
		for _, syn := range []struct {
			name string
			base []string
			v    variant
		}{{"json", baseJSON, c.json}, {"yaml", baseYAML, c.yaml}} {
			t.Run(c.name+"/"+syn.name, func(t *testing.T) {
				text, line, col := build(t, syn.base, syn.v)
				file := "p." + syn.name
				p, err := mentoring.Parse([]byte(text), file, mentoring.Detect)
				require.Error(t, err)
				assert.Nil(t, p)
				var list diag.List
				require.ErrorAs(t, err, &list)
				require.Len(t, list, 1, "%v", list)
				e := list[0]
				assert.Equal(t, c.code, e.Code)
				assert.Equal(t, c.path, e.Path)
				assert.Equal(t, file, e.File)
				if c.code == diag.CodeSyntax && syn.name == "yaml" {
					// The YAML parser names a line near the problem, no column.
					assert.InDelta(t, line, e.Line, 1, "line")
				} else {
					assert.Equal(t, line, e.Line, "line")
					assert.Equal(t, col, e.Col, "column")
				}
				assert.Contains(t, e.Message(diag.KK), c.kk)
				assert.Contains(t, e.Message(diag.RU), c.ru)
				assert.Contains(t, e.Message(diag.EN), c.en)
				assert.True(t, strings.HasPrefix(e.Error(), e.Pos.String()+": "), e.Error())
				assert.Contains(t, e.Snippet, "^")
				for _, secret := range []string{"01.01.2013", "A B", "1990-01-01", "2013-01-01"} {
					assert.NotContains(t, e.Error(), secret)
					assert.NotContains(t, e.Snippet, secret)
					assert.NotContains(t, strings.Join(e.Args, " "), secret)
				}
			})
		}
	}
}

// Every way in refuses a programme above the size cap: a file after a
// stat, before it is read; a reader, as soon as it has given more.
func TestSizeCap(t *testing.T) {
	text := strings.Join(baseJSON, "\n")
	path := filepath.Join(t.TempDir(), "p.json")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	_, err := mentoring.Load(path)
	require.NoError(t, err)
	_, err = mentoring.Load(path, mentoring.WithMaxBytes(100))
	assert.True(t, limits.IsTooLarge(err), "a file, after a stat")
	_, err = mentoring.Decode(strings.NewReader(text), "-", mentoring.Detect, mentoring.WithMaxBytes(100))
	assert.True(t, limits.IsTooLarge(err), "a reader")
	_, err = mentoring.Decode(io.MultiReader(strings.NewReader(text)), "-", mentoring.Detect, mentoring.WithMaxBytes(100))
	assert.True(t, limits.IsTooLarge(err), "a reader that cannot seek")
	_, err = mentoring.Decode(io.MultiReader(strings.NewReader(text)), "-", mentoring.Detect)
	require.NoError(t, err, "a reader that cannot seek, under the cap")

	yamlPath := filepath.Join(t.TempDir(), "p.yaml")
	require.NoError(t, os.WriteFile(yamlPath, []byte(strings.Join(baseYAML, "\n")), 0o600))
	_, err = mentoring.Load(yamlPath, mentoring.WithMaxYAMLBytes(100))
	assert.True(t, limits.IsTooLarge(err), "YAML has its own, lower cap")
}

// The nesting and problem caps are options too.
func TestDepthAndProblemCaps(t *testing.T) {
	deep := `{"as_of": "2026-11-24", "x": ` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + `}`
	_, err := mentoring.Parse([]byte(deep), "p.json", mentoring.JSON, mentoring.WithMaxDepth(10))
	assert.Contains(t, codes(err), decode.CodeTooDeep)
	many := `{"as_of": "2026-11-24", ` + strings.Repeat(`"x": 1, `, 30) + `"y": 2}`
	_, err = mentoring.Parse([]byte(many), "p.json", mentoring.JSON, mentoring.WithMaxProblems(5))
	l := diag.Errors(err)
	require.Len(t, l, 6)
	assert.Equal(t, decode.CodeTooManyErrors, l[5].Code)
}

func codes(err error) []diag.Code {
	var out []diag.Code
	for _, e := range diag.Errors(err) {
		out = append(out, e.Code)
	}
	return out
}
