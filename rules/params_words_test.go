package rules_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// unusual are values no default has and no rule's data makes likely: a
// profile sets every int parameter of the embedded policies to one, so
// that a text that follows its parameters shows it.
var unusual = map[string]int64{
	"mentor_min_age": 41, "mentor_min_commitment_months": 29, "orphanage_child_min_age": 13,
	"adaptation_centre_min_age": 5, "adaptation_centre_max_age": 17, "adaptation_centre_max_stay_months": 2,
	"coaching_min_age": 15, "coaching_max_age": 16, "group_min_size": 27, "group_max_size": 11,
	"notice_days": 23, "consent_min_age": 19, "event_volunteer_min_age": 21,
	"cascade_mentor_cycles": 7, "cascade_master_cycles": 8, "contact_max_gap_days": 6,
	"first_week_days": 4, "mentor_max_open_tandems": 0,
}

// policyText is what the test reads of a policy file: its texts as
// written, templates and all.
type policyText struct {
	Description map[string]string `yaml:"description"`
	Params      map[string]struct {
		Default     any               `yaml:"default"`
		Description map[string]string `yaml:"description"`
	} `yaml:"params"`
	Rules []struct {
		ID          string            `yaml:"id"`
		Description map[string]string `yaml:"description"`
		Message     map[string]string `yaml:"message"`
	} `yaml:"rules"`
}

var paramRef = regexp.MustCompile(`params\.(\w+)`)

// refs are the int parameters a template reads.
func refs(text string) []string {
	var out []string
	for _, m := range paramRef.FindAllStringSubmatch(text, -1) {
		if _, ok := unusual[m[1]]; ok && !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

var (
	placeholder = regexp.MustCompile(`\{\{.*?\}\}`)
	ids         = regexp.MustCompile(`\b[a-z]+-\d+(@[\d-]+)?`)
)

// numbers are the stand-alone numbers of a text: not in an id (t-1), a
// line (L1557), a rule name (R1) or a section (2.4, §5.1).
func numbers(text string) []string {
	rs := []rune(ids.ReplaceAllString(text, "ID"))
	var out []string
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			j++
		}
		before, after := ' ', ' '
		if i > 0 {
			before = rs[i-1]
		}
		if j+1 < len(rs) && rs[j] == '.' {
			after = rs[j+1]
		}
		section := before == '.' || before == '§' || unicode.IsDigit(after)
		if !unicode.IsLetter(before) && !section {
			out = append(out, string(rs[i:j]))
		}
		i = j
	}
	return out
}

// No message or description of an embedded policy writes a default
// parameter value into its words: the text as written holds no number
// that is the default of a parameter it names, or of one its rule reads,
// outside its {{ }} placeholders; and with every int parameter set to an
// unusual value, every rule fires on the sample programmes, and each text
// shows, in kk, ru and en, the unusual value of every parameter it names.
func TestTextsFollowTheirParams(t *testing.T) {
	var progs []*mentoring.Programme
	for _, file := range []string{
		filepath.Join("..", "examples", "data", "problems.json"),
		filepath.Join("..", "examples", "data", "programme.json"),
		filepath.Join("testdata", "cycle", "year.json"),
	} {
		prog, err := mentoring.Load(file)
		require.NoError(t, err)
		progs = append(progs, prog)
	}
	// A mentor in another city, for pair.same_city.
	progs[1].Volunteers[0].City = "Астана"
	// No general meeting and no group session, for
	// programme.general_meeting and tandem.group_first.
	raw, err := os.ReadFile(filepath.Join("..", "examples", "data", "problems.json"))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(raw, &doc))
	delete(doc, "meetings")
	delete(doc, "groups")
	file := filepath.Join(t.TempDir(), "bare.json")
	raw, err = json.Marshal(doc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, raw, 0o600))
	bare, err := mentoring.Load(file)
	require.NoError(t, err)
	progs = append(progs, bare)
	for _, name := range []string{"guide", "nastavniki", "pairs"} {
		t.Run(name, func(t *testing.T) {
			texts := readTexts(t, name)
			base, err := rules.Load(rules.Policies(), name)
			require.NoError(t, err)
			defaults := map[string]string{}
			for _, p := range base.Params() {
				if v, ok := p.Value.(int64); ok {
					defaults[p.Name] = strconv.FormatInt(v, 10)
				}
			}
			t.Run("written", func(t *testing.T) {
				check := func(where, text string, names []string) {
					literal := placeholder.ReplaceAllStringFunc(text, func(ph string) string {
						// The literal strings inside a placeholder are words too.
						var b strings.Builder
						for _, q := range regexp.MustCompile(`'[^']*'`).FindAllString(ph, -1) {
							b.WriteString(" " + q + " ")
						}
						return b.String()
					})
					for _, n := range names {
						assert.NotContains(t, numbers(literal), defaults[n], "%s: the default of %s written as a number: %s", where, n, text)
					}
				}
				for _, r := range texts.Rules {
					var names []string
					for _, l := range diag.Langs {
						names = append(names, refs(r.Message[string(l)])...)
						names = append(names, refs(r.Description[string(l)])...)
					}
					for _, l := range diag.Langs {
						check(r.ID+".message."+string(l), r.Message[string(l)], names)
						check(r.ID+".description."+string(l), r.Description[string(l)], names)
					}
				}
				for pname, p := range texts.Params {
					if _, isInt := unusual[pname]; isInt {
						for _, l := range diag.Langs {
							check("params."+pname+".description."+string(l), p.Description[string(l)], []string{pname})
						}
					}
				}
			})

			pol, err := rules.Load(probe(t, name), "probe")
			require.NoError(t, err)
			shows := func(where, template, rendered string) {
				for _, n := range refs(template) {
					assert.Contains(t, numbers(rendered), strconv.FormatInt(unusual[n], 10), "%s shows %s: %s", where, n, rendered)
				}
			}
			t.Run("rendered", func(t *testing.T) {
				byID := map[string]int{}
				for i, r := range texts.Rules {
					byID[r.ID] = i
				}
				for _, r := range pol.Rules() {
					i, ok := byID[r.ID]
					if !ok {
						continue // a base policy's rule, read there
					}
					for _, l := range diag.Langs {
						shows(r.ID+".description."+string(l), texts.Rules[i].Description[string(l)], r.Description.In(l))
					}
				}
				for _, l := range diag.Langs {
					shows("description."+string(l), texts.Description[string(l)], pol.Description().In(l))
				}
				// A message may show one parameter or another (the level's
				// cycles): each shows in some finding of its rule.
				fired := map[string]bool{}
				for _, l := range diag.Langs {
					said := map[string][]string{}
					for _, prog := range progs {
						for _, f := range findings(t, pol, prog, l) {
							fired[f.Rule] = true
							said[f.Rule] = append(said[f.Rule], numbers(f.Message)...)
						}
					}
					for rule, nums := range said {
						if i, ok := byID[rule]; ok {
							for _, n := range refs(texts.Rules[i].Message[string(l)]) {
								assert.Contains(t, nums, strconv.FormatInt(unusual[n], 10), "%s.message.%s shows %s", rule, l, n)
							}
						}
					}
				}
				for _, r := range texts.Rules {
					assert.True(t, fired[r.ID], "no sample programme fires %s under the unusual params", r.ID)
				}
			})
		})
	}
}

// readTexts reads an embedded policy's file as written.
func readTexts(t *testing.T, name string) policyText {
	t.Helper()
	raw, err := fs.ReadFile(rules.Policies(), name+".yaml")
	require.NoError(t, err)
	var pt policyText
	require.NoError(t, yaml.Unmarshal(raw, &pt))
	return pt
}

// probe is the embedded policies and a profile, "probe", that extends
// name and sets every int parameter name has to its unusual value.
func probe(t *testing.T, name string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(rules.Policies(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(rules.Policies(), p)
		fsys[p] = &fstest.MapFile{Data: raw}
		return err
	}))
	base, err := rules.Load(rules.Policies(), name)
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "name: probe\nversion: \"1\"\nextends: %s\n", name)
	// The base's description, rendered with the probe's values.
	if d := readTexts(t, name).Description; d != nil {
		b.WriteString("description:\n")
		for _, l := range diag.Langs {
			fmt.Fprintf(&b, "  %s: %s\n", l, strconv.Quote(d[string(l)]))
		}
	}
	b.WriteString("params:\n")
	for _, p := range base.Params() {
		if v, ok := unusual[p.Name]; ok {
			fmt.Fprintf(&b, "  %s:\n    default: %d\n", p.Name, v)
		}
	}
	fsys["probe.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	return fsys
}

// findings are the policy's findings on prog in lang, or for a pair
// policy its pair rules' findings on every volunteer and child of prog.
func findings(t *testing.T, pol *rules.Policy, prog *mentoring.Programme, lang diag.Lang) []rules.Finding {
	t.Helper()
	ctx := context.Background()
	rep, err := pol.Evaluate(ctx, prog, rules.WithLang(lang))
	require.NoError(t, err)
	out := rep.Findings
	hasPairs := slices.ContainsFunc(pol.Rules(), func(r rules.Rule) bool { return r.Kind == rules.KindPair })
	if !hasPairs {
		return out
	}
	for i := range prog.Volunteers {
		for j := range prog.Children {
			d, err := pol.Pair(ctx, prog, &prog.Volunteers[i], &prog.Children[j], rules.WithLang(lang))
			require.NoError(t, err)
			out = append(out, d.Violations...)
			out = append(out, d.Notes...)
		}
	}
	return out
}

// A case or a vocabulary a message function does not know is a policy
// error at its file:line:col, in every language's template; a
// description reads params and the message functions, rendered with the
// policy's own values.
func TestMessageFunctionNames(t *testing.T) {
	const head = "name: p\nversion: \"1\"\nparams:\n  min:\n    type: int\n    default: 25\n    description:\n      kk: \"{{say(params.min, 'dative')}} дейін\"\n      ru: \"до {{quantity(params.min, 'года|лет|лет')}}\"\n      en: \"under {{params.min}}\"\nrules:\n  - id: r\n    subject: volunteer\n    expr: age(volunteer.birth_date, as_of) >= params.min\n    severity: deny\n"
	for _, c := range []struct {
		name, message string
		code          diag.Code
		line, col     int
	}{
		{"an unknown case", "      kk: \"{{say(as_of, 'ablatif')}}\"\n", rules.CodeBadCase, 17, 25},
		{"a computed case", "      kk: \"{{say(as_of, 'abl' + 'ative')}}\"\n", rules.CodeBadCase, 17, 31},
		{"an unknown vocabulary", "      kk: \"{{words('phases', 'active')}}\"\n", rules.CodeBadVocabulary, 17, 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := head + "    message:\n" + c.message + "      ru: \"x\"\n      en: \"x\"\n"
			_, err := rules.Load(fstest.MapFS{"p.yaml": {Data: []byte(src)}}, "p")
			var list diag.List
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1, list.Error())
			assert.Equal(t, c.code, list[0].Code)
			assert.Equal(t, c.line, list[0].Pos.Line, list.Error())
			assert.Equal(t, c.col, list[0].Pos.Col, list.Error())
		})
	}
	t.Run("a description", func(t *testing.T) {
		src := head + "    description:\n      kk: \"{{say(params.min, 'ablative')}} бастап\"\n      ru: \"от {{quantity(params.min, 'года|лет|лет')}}\"\n      en: \"{{params.min}} or older\"\n" +
			"    message:\n      kk: \"{{say(as_of, 'ablative')}}\"\n      ru: \"{{say(as_of)}}\"\n      en: \"{{say(as_of)}}\"\n"
		pol, err := rules.Load(fstest.MapFS{"p.yaml": {Data: []byte(src)}}, "p")
		require.NoError(t, err)
		r := pol.Rules()[0]
		assert.Equal(t, diag.Text{KK: "25-тен бастап", RU: "от 25 лет", EN: "25 or older"}, r.Description)
		assert.Equal(t, diag.Text{KK: "25-ке дейін", RU: "до 25 лет", EN: "under 25"}, pol.Params()[0].Description)
	})
}
