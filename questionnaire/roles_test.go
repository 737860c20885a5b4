package questionnaire_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
)

// policy is the part of roles.yaml these tests read; the rules package
// compiles and runs the whole of it.
type policy struct {
	Name   string `yaml:"name"`
	Params map[string]struct {
		Type    string `yaml:"type"`
		Default int    `yaml:"default"`
	} `yaml:"params"`
	Variables []struct {
		Name, Subject, Expr string
	} `yaml:"variables"`
	Rules []struct {
		ID          string            `yaml:"id"`
		Subject     string            `yaml:"subject"`
		When        string            `yaml:"when"`
		Expr        string            `yaml:"expr"`
		Severity    string            `yaml:"severity"`
		Description map[string]string `yaml:"description"`
		Message     map[string]string `yaml:"message"`
		Source      string            `yaml:"source"`
	} `yaml:"rules"`
}

func readPolicy(tb testing.TB) policy {
	tb.Helper()
	b, err := os.ReadFile("roles.yaml")
	require.NoError(tb, err)
	var p policy
	require.NoError(tb, yaml.Unmarshal(b, &p))
	return p
}

// TestRolesPolicyShape checks what can be checked without CEL: one deny rule
// per role, every message in three languages, and every response.x.y the
// expressions and messages name is a cel field of Response.
func TestRolesPolicyShape(t *testing.T) {
	p := readPolicy(t)
	var ids []string
	for _, r := range p.Rules {
		ids = append(ids, r.ID)
		assert.Equal(t, "respondent", r.Subject, r.ID)
		for _, lang := range []string{"kk", "ru", "en"} {
			assert.NotEmpty(t, r.Message[lang], "%s: message in %s", r.ID, lang)
			assert.NotEmpty(t, r.Description[lang], "%s: the role's name in %s", r.ID, lang)
		}
		assert.NotEmpty(t, r.Source, r.ID)
	}
	for _, role := range questionnaire.Roles {
		assert.Contains(t, ids, "role."+string(role))
	}

	fields := celFields(reflect.TypeFor[questionnaire.Response](), "response")
	ref := regexp.MustCompile(`\bresponse(\.[a-z_0-9]+)+`)
	var texts []string
	for _, v := range p.Variables {
		texts = append(texts, v.Expr)
	}
	for _, r := range p.Rules {
		texts = append(texts, r.When, r.Expr, r.Message["kk"], r.Message["ru"], r.Message["en"])
	}
	for _, text := range texts {
		for _, m := range ref.FindAllString(text, -1) {
			// A reference may end in a method call (".exists(…)").
			if i := strings.LastIndexByte(m, '.'); slices.Contains(celMethods, m[i+1:]) {
				m = m[:i]
			}
			assert.Contains(t, fields, m, "not a cel field of Response")
		}
	}
	params := regexp.MustCompile(`\bparams\.([a-z_0-9]+)`)
	for _, text := range texts {
		for _, m := range params.FindAllStringSubmatch(text, -1) {
			assert.Contains(t, p.Params, m[1], "undeclared param")
		}
	}
}

// celMethods are the CEL macros and methods the policy calls on fields.
var celMethods = []string{"exists", "all", "exists_one", "filter", "map", "size", "contains", "startsWith", "endsWith"}

// celFields lists the CEL paths of t's fields, by their cel tags, skipping
// fields hidden with cel:"-".
func celFields(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("cel")
		if name == "-" || name == "" {
			continue
		}
		path := prefix + "." + name
		out = append(out, path)
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[civil.Date]() {
			out = append(out, celFields(f.Type, path)...)
		}
	}
	return out
}

// TestCelTagsMatchJSON: policy authors and file authors use one name.
func TestCelTagsMatchJSON(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[questionnaire.Response](), reflect.TypeFor[questionnaire.Qualities]()} {
		for i := range typ.NumField() {
			f := typ.Field(i)
			json, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			cel := f.Tag.Get("cel")
			if cel != "-" {
				assert.Equal(t, json, cel, "%s.%s", typ.Name(), f.Name)
			}
		}
	}
}

// outcome is what a response gets: the roles that fit and the warnings.
type outcome struct {
	Roles    []string `yaml:"roles"`
	Warnings []string `yaml:"warnings"`
}

// expected is testdata/roles/expected.yaml: the cases with the policy's
// defaults, and the same responses under a profile that raises params.
type expected struct {
	AsOf   string             `yaml:"as_of"`
	Cases  map[string]outcome `yaml:"cases"`
	Raised struct {
		Params map[string]int     `yaml:"params"`
		Cases  map[string]outcome `yaml:"cases"`
	} `yaml:"raised"`
}

func readExpected(tb testing.TB) (expected, civil.Date) {
	tb.Helper()
	b, err := os.ReadFile("testdata/roles/expected.yaml")
	require.NoError(tb, err)
	var want expected
	require.NoError(tb, yaml.Unmarshal(b, &want))
	asOf, err := civil.ParseDate(want.AsOf)
	require.NoError(tb, err)
	return want, asOf
}

// suggest is a hand-written Go reading of roles.yaml with the params given
// (the policy's defaults where a param is not given): the baseline the
// test cases are checked against here, and that the rules engine must
// agree with when it runs the same cases.
func suggest(r questionnaire.Response, asOf civil.Date, p policy, override map[string]int) outcome {
	param := func(name string) int {
		if v, ok := override[name]; ok {
			return v
		}
		return p.Params[name].Default
	}
	age := r.BirthDate.YearsUntil(asOf)
	q := r.Qualities
	has := func(a questionnaire.Activity) bool { return slices.Contains(r.Activities, a) }
	hours := r.HoursPerWeek
	if r.FreeTime == questionnaire.Hours10To15 && hours < 10 {
		hours = 10
	}
	mentor := age >= param("mentor_min_age") && hours >= param("mentor_min_hours") &&
		min(q.Patience, q.Acceptance, q.Respect) >= param("mentor_min_quality")
	fits := map[questionnaire.Role]bool{
		questionnaire.RoleIndividualMentor: mentor,
		questionnaire.RoleGroupActivities:  has(questionnaire.IndividualLeisure) || has(questionnaire.Teaching),
		questionnaire.RoleEvents:           age >= param("event_min_age") && has(questionnaire.GroupEvents),
		questionnaire.RoleDocuments:        has(questionnaire.Documents),
		questionnaire.RoleVisitors:         has(questionnaire.Visitors),
	}
	out := outcome{Roles: []string{}, Warnings: []string{}}
	for _, role := range questionnaire.Roles {
		if fits[role] {
			out.Roles = append(out.Roles, string(role))
		}
	}
	if mentor && r.HealthLimitations != questionnaire.No {
		out.Warnings = append(out.Warnings, "role.individual_mentor.health")
	}
	return out
}

func TestRoleCases(t *testing.T) {
	p := readPolicy(t)
	want, asOf := readExpected(t)
	files, err := filepath.Glob("testdata/roles/*.json")
	require.NoError(t, err)
	require.Len(t, files, len(want.Cases), "every case file has an expectation and back")
	for name := range want.Raised.Cases {
		assert.FileExists(t, filepath.Join("testdata", "roles", name+".json"))
	}
	for name := range want.Raised.Params {
		assert.Contains(t, p.Params, name, "raised: undeclared param")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			c, ok := want.Cases[name]
			require.True(t, ok, "no expectation for %s", name)
			r, err := questionnaire.Load(file)
			require.NoError(t, err)
			assert.Equal(t, normal(c), suggest(r, asOf, p, nil))
			if c, ok := want.Raised.Cases[name]; ok {
				assert.Equal(t, normal(c), suggest(r, asOf, p, want.Raised.Params), "raised")
			}
		})
	}
}

// TestRolesAskNothingTheGuideDoesNot: with the defaults, individual
// mentoring rests on the age alone — the hours and ratings params ask
// nothing (the guide asks regular meetings, not hours, and the form is a
// self-assessment, not a test: L823).
func TestRolesAskNothingTheGuideDoesNot(t *testing.T) {
	p := readPolicy(t)
	assert.Zero(t, p.Params["mentor_min_hours"].Default)
	assert.Equal(t, questionnaire.MinRating, p.Params["mentor_min_quality"].Default)
	assert.Equal(t, 25, p.Params["mentor_min_age"].Default)
	assert.Equal(t, 18, p.Params["event_min_age"].Default)
	want, _ := readExpected(t)
	assert.Contains(t, want.Cases["mentor_weekends"].Roles, "individual_mentor", "a weekend mentor fits")
}

func normal(o outcome) outcome {
	return outcome{Roles: nonNil(o.Roles), Warnings: nonNil(o.Warnings)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestRolesPolicyIsEmbedded(t *testing.T) {
	b, err := os.ReadFile("roles.yaml")
	require.NoError(t, err)
	got := questionnaire.RolesPolicy()
	assert.Equal(t, b, got)
	got[0] = 'X'
	assert.Equal(t, b, questionnaire.RolesPolicy(), "callers cannot change the embedded policy")
}
