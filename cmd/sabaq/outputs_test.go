package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// findingsOf returns the findings check reports for file, as JSON.
func findingsOf(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := sabaq(t, "", append([]string{"check", "-o", "json"}, args...)...)
	require.Contains(t, []int{exitOK, exitFindings}, code, stderr)
	var rep struct {
		Policy   string           `json:"policy"`
		Findings []map[string]any `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	return rep.Findings
}

// --policy NAME reads NAME.yaml in the current folder before the
// embedded policies, and a profile there extends an embedded policy.
func TestPolicyBesideByName(t *testing.T) {
	quiet(t)
	programme, err := filepath.Abs(filepath.Join("testdata", "inputs", "small.yaml"))
	require.NoError(t, err)
	hasAge := func(fs []map[string]any) bool {
		for _, f := range fs {
			if f["rule"] == "mentor.min_age" {
				return true
			}
		}
		return false
	}
	require.True(t, hasAge(findingsOf(t, programme)), "the guide finds the 24-year-old mentor")

	t.Chdir(t.TempDir())
	profile := "name: almaty\nextends: guide\nparams:\n  mentor_min_age: {default: 23}\n"
	require.NoError(t, os.WriteFile("almaty.yaml", []byte(profile), 0o644))
	code, out, stderr := sabaq(t, "", "check", "--policy", "almaty", "-o", "json", programme)
	require.Contains(t, []int{exitOK, exitFindings}, code, stderr)
	assert.NotContains(t, stderr, "extends")
	assert.Contains(t, out, `"policy": "almaty"`)
	assert.False(t, hasAge(findingsOf(t, "--policy", "almaty", programme)), "almaty's 23 applies, not the guide's 25")

	// A name that is neither beside nor embedded is a usage error (2),
	// with the nearest name.
	code, _, stderr = sabaq(t, "", "policy", "show", "almat")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `did you mean "almaty"?`)
	code, _, _ = sabaq(t, "", "policy", "show", "nosuch")
	assert.Equal(t, exitUsage, code)
}

// check -o FILE.xlsx writes a workbook for people: the findings sheet
// with its heading in the run's language, one row per finding in the
// report's order, severities in words; and the report sheet.
func TestCheckXLSX(t *testing.T) {
	quiet(t)
	programme := filepath.Join("testdata", "inputs", "small.yaml")
	cases := []struct {
		lang     string
		heading  []string
		severity map[string]string
	}{
		{"kk", []string{"Ереже", "Маңыздылығы", "Нысан", "Хабар", "Дереккөз"}, map[string]string{"deny": "бұзушылық", "warn": "ескерту"}},
		{"ru", []string{"Правило", "Серьёзность", "Объект", "Сообщение", "Источник"}, map[string]string{"deny": "нарушение", "warn": "предупреждение"}},
		{"en", []string{"Rule", "Severity", "Subject", "Message", "Source"}, map[string]string{"deny": "deny", "warn": "warn"}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			want := findingsOf(t, "--lang", tc.lang, programme)
			require.NotEmpty(t, want)
			file := filepath.Join(t.TempDir(), "findings.xlsx")
			code, _, stderr := sabaq(t, "", "check", "--lang", tc.lang, "-o", file, programme)
			assert.Equal(t, exitFindings, code, stderr)

			f, err := excelize.OpenFile(file)
			require.NoError(t, err)
			defer f.Close()
			assert.Equal(t, []string{"findings", "report"}, f.GetSheetList())
			rows, err := f.GetRows("findings")
			require.NoError(t, err)
			require.Len(t, rows, len(want)+1, "a heading and one row per finding")
			assert.Equal(t, tc.heading, rows[0])
			for i, fd := range want {
				row := rows[i+1]
				require.Len(t, row, 5)
				assert.Equal(t, fd["rule"], row[0])
				assert.Equal(t, tc.severity[fd["severity"].(string)], row[1], "severity in words")
				assert.Equal(t, fd["subject"], row[2])
				assert.Equal(t, fd["message"], row[3], "the message in the run's language")
			}
			report, err := f.GetRows("report")
			require.NoError(t, err)
			require.NotEmpty(t, report)
			assert.Equal(t, []string{map[string]string{"kk": "Саясат", "ru": "Политика", "en": "Policy"}[tc.lang], "guide"}, report[0])
		})
	}
}

// check -o csv is for programs: the heading and the severities are the
// JSON field names and codes whatever the language; one row per finding;
// messages in the run's language.
func TestCheckCSV(t *testing.T) {
	quiet(t)
	programme := filepath.Join("testdata", "inputs", "small.yaml")
	want := findingsOf(t, "--lang", "ru", programme)
	code, out, stderr := sabaq(t, "", "check", "--lang", "ru", "-o", "csv", programme)
	assert.Equal(t, exitFindings, code, stderr)
	recs, err := csv.NewReader(bytes.NewReader([]byte(out))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, len(want)+1)
	assert.Equal(t, []string{"rule", "severity", "subject", "message", "source"}, recs[0])
	for i, fd := range want {
		assert.Equal(t, []string{fd["rule"].(string), fd["severity"].(string), fd["subject"].(string), fd["message"].(string)}, recs[i+1][:4])
	}
}
