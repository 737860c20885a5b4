package questionnaire_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/questionnaire"
)

func TestLoad(t *testing.T) {
	for _, name := range []string{"testdata/aigerim.json", "testdata/aigerim.yaml"} {
		t.Run(name, func(t *testing.T) {
			r, err := questionnaire.Load(name)
			require.NoError(t, err)
			want := valid(t)
			want.HoursPerWeek = 12
			assert.Equal(t, want, r)
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := questionnaire.Load("testdata/no-such-file.json")
	require.Error(t, err)
}

// swap returns the valid JSON response with old replaced by new.
func swap(tb testing.TB, old, new string) string {
	tb.Helper()
	s := strings.Replace(validJSON, old, new, 1)
	require.NotEqual(tb, validJSON, s, "%q is not in the response", old)
	return s
}

const validJSON = `{
  "full_name": "Aigerim Sadykova",
  "birth_date": "1990-04-02",
  "gender": "female",
  "education": "higher",
  "free_time": "hours_10_15",
  "motives": ["learn_new_things", "new_friends"],
  "qualities": {"sociability": 4, "persuasiveness": 3, "patience": 5, "conflict_free": 4,
    "explaining": 4, "acceptance": 5, "respect": 5, "time_planning": 3},
  "years_in_locality": "gt_10",
  "health_limitations": "no",
  "activities": ["individual_leisure"]
}`

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		text string
		want []string // "line:col path code"
	}{
		{"valid", "r.json", validJSON, nil},
		{"unknown field", "r.json", swap(t, `"gender"`, `"sex": "f", "gender"`),
			[]string{"4:3 sex unknown_field"}},
		{"unknown nested field", "r.json", swap(t, `"patience"`, `"kindness": 5, "patience"`),
			[]string{"8:56 qualities.kindness unknown_field"}},
		{"wrong type", "r.json", swap(t, `"patience": 5`, `"patience": "five"`),
			[]string{"8:68 qualities.patience wrong_type"}},
		{"fraction", "r.json", swap(t, `"patience": 5`, `"patience": 4.5`),
			[]string{"8:68 qualities.patience wrong_type"}},
		{"bad date", "r.json", swap(t, `1990-04-02`, `1990-02-30`),
			[]string{"3:17 birth_date bad_date"}},
		{"duplicate key", "r.json", swap(t, `"gender": "female",`, `"gender": "female", "gender": "male",`),
			[]string{"4:23 gender duplicate_key"}},
		{"list expected", "r.json", swap(t, `["individual_leisure"]`, `"individual_leisure"`),
			[]string{"12:17 activities wrong_type"}},
		{"every problem at once", "r.json", swap(t, `"gender": "female"`, `"gender": 1, "x": 2`),
			[]string{"4:13 gender wrong_type", "4:16 x unknown_field"}},
		{"validation placed at its field", "r.json", swap(t, `"new_friends"]`, `"new_friends", "fame"]`),
			[]string{"7:50 motives[2] validate.oneof"}},
		{"validation of an absent field placed at the file", "r.json", swap(t, `"full_name": "Aigerim Sadykova",`, ``),
			[]string{"1:1 full_name validate.required"}},
		{"syntax", "r.json", swap(t, `"gender": "female",`, `"gender": "female",,`),
			[]string{"4:22 syntax"}},
		{"truncated", "r.json", validJSON[:40], []string{"3:4 syntax"}},
		{"trailing data", "r.json", validJSON + "{}", []string{"13:2 syntax"}},
		{"not an object", "r.json", `[]`, []string{"1:1 wrong_type"}},
		{"yaml unknown field", "r.yaml", "full_name: A\nsex: f\n", []string{"2:1 sex unknown_field"}},
		{"yaml plain scalars are strings", "r.yaml", yamlWith(t, "years_in_locality: gt_10", "years_in_locality: 3_10"), nil},
		{"yaml nested", "r.yaml", yamlWith(t, "  patience: 5", "  patience: x"),
			[]string{"14:13 qualities.patience wrong_type"}},
		{"yaml quoted number is a string", "r.yaml", yamlWith(t, "  patience: 5", `  patience: "5"`),
			[]string{"14:13 qualities.patience wrong_type"}},
		{"yaml bad date", "r.yaml", yamlWith(t, "birth_date: 1990-04-02", "birth_date: 1990-13-01"),
			[]string{"5:13 birth_date bad_date"}},
		{"yaml syntax", "r.yaml", "a: [1\n", []string{"1 syntax"}},
		{"yaml alias", "r.yaml", "a: &x 1\nb: *x\n", []string{"2:4 syntax"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := questionnaire.Decode(strings.NewReader(tt.text), tt.file)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			var got []string
			for _, e := range diag.Errors(err) {
				require.Equal(t, tt.file, e.File)
				pos := strings.TrimPrefix(e.Pos.String(), tt.file+":")
				got = append(got, strings.Join(strings.Fields(pos+" "+e.Path+" "+string(e.Code)), " "))
			}
			assert.Equal(t, tt.want, got, diag.Localize(err, diag.EN))
		})
	}
}

// yamlWith returns testdata/aigerim.yaml with the line old replaced by new.
func yamlWith(tb testing.TB, old, new string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/aigerim.yaml")
	require.NoError(tb, err)
	s := strings.Replace(string(b), "\n"+old+"\n", "\n"+new+"\n", 1)
	require.NotEqual(tb, string(b), s, "%q is not a line of the response", old)
	return s
}

func TestDecodeTooLarge(t *testing.T) {
	big := `{"full_name": "` + strings.Repeat("a", 1<<20) + `"}`
	_, err := questionnaire.Decode(strings.NewReader(big), "big.json")
	assert.True(t, limits.IsTooLarge(err))
	_, err = questionnaire.Decode(strings.NewReader(validJSON), "r.json", questionnaire.WithMaxBytes(100))
	assert.True(t, limits.IsTooLarge(err), "the cap is an option")
	path := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(path, []byte(big), 0o600))
	_, err = questionnaire.Load(path)
	assert.True(t, limits.IsTooLarge(err), "refused after a stat")
}

func TestDecodeKeepsPersonalDataOutOfErrors(t *testing.T) {
	text := swap(t, `"full_name": "Aigerim Sadykova"`, `"full_name": ["Aigerim Sadykova"]`)
	_, err := questionnaire.Decode(strings.NewReader(text), "r.json")
	require.Error(t, err)
	for _, lang := range diag.Langs {
		assert.NotContains(t, diag.Localize(err, lang), "Aigerim")
	}
}

// A response a megabyte long (once 196 s: positions were counted again
// from the first byte for every value) is read in linear time; compare
// the two sizes.
func BenchmarkDecodeLong(b *testing.B) {
	for _, n := range []int{1_000, 60_000} {
		data := []byte(`{"full_name": "A", "motives": [` + strings.Repeat(`"new_friends", `, n) + `"x"]}`)
		b.Run(strconv.Itoa(len(data)>>10)+"KiB", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, err := questionnaire.Decode(bytes.NewReader(data), "r.json")
				require.Error(b, err)
			}
		})
	}
}
