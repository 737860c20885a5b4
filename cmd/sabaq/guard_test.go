package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"1": 1, "300B": 300, "512KiB": 512 << 10, "512kib": 512 << 10, "64MiB": 64 << 20, "3GiB": 3 << 30,
		"1TiB": 1 << 40, "2K": 2 << 10, "2M": 2 << 20, "2G": 2 << 30, "5KB": 5000, "5MB": 5_000_000,
		"5GB": 5_000_000_000, " 7 MiB ": 7 << 20,
	}
	e := &env{lang: "en"}
	for in, want := range good {
		got, err := e.parseSize(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "0", "-5MiB", "lots", "MiB", "1.5GiB", "5 PiB", "99999999999TiB", "5XB"} {
		_, err := e.parseSize(in)
		assert.Error(t, err, in)
	}
}

// run runs sabaq and returns its exit status, stdout and stderr.
func sabaq(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// Standard input has no size a stat could tell: it is read up to the cap
// and no further.
func TestStdinCapped(t *testing.T) {
	code, _, errs := sabaq(t, strings.Repeat("#", 5000), "check", "--max-file-size", "4KiB", "-")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errs, "-: the file is too large: the limit is 4 KiB")
}

// Every command that reads files has --max-file-size, and says which
// files it caps.
func TestEveryReaderHasMaxFileSize(t *testing.T) {
	for _, name := range [][]string{{"check"}, {"explain"}, {"lint"}, {"test"}, {"fmt"}, {"policy", "show"}, {"plan", "groups"}, {"match"},
		{"agreement", "render"}, {"questionnaire", "assess"}, {"report"}, {"convert"}} {
		t.Run(strings.Join(name, " "), func(t *testing.T) {
			_, out, _ := sabaq(t, "", append(name, "--help")...)
			assert.Contains(t, out, "--max-file-size SIZE")
		})
	}
}

// A policy file above the cap is a policy error (exit 3) for every
// command that takes --policy, and nothing but its name and the cap is
// shown.
func TestPolicyCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, []byte("name: big\n# "+strings.Repeat("secret ", 1000)+"\n"), 0o600))
	for _, args := range [][]string{
		{"check", "--policy", big, "--max-file-size", "4KiB", "testdata/inputs/small.yaml"},
		{"explain", "--policy", big, "--max-file-size", "4KiB", "--rule", "x", "--subject", "volunteer/v-1", "testdata/inputs/small.yaml"},
		{"policy", "show", big, "--max-file-size", "4KiB"},
		{"lint", "--max-file-size", "4KiB", big},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, out, errs := sabaq(t, "", args...)
			assert.Equal(t, exitPolicy, code, errs)
			assert.Contains(t, errs, "the file is too large: the limit is 4 KiB")
			assert.NotContains(t, out+errs, "secret")
		})
	}
}

// explain masks the birth dates of the programme in the values it shows,
// in text and JSON, and leaves the other dates alone.
func TestExplainRedactsBirthDates(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		code, out, errs := sabaq(t, "", "explain", "--format", format, "--policy", "testdata/inputs/guard/birthdate.yaml",
			"--rule", "born.before_2000", "--subject", "volunteer/v-2", "testdata/inputs/small.yaml")
		require.Equal(t, exitOK, code, errs)
		assert.NotContains(t, out, "2002-06-01", "v-2's birth date")
		assert.NotContains(t, out, "1990-04-02", "v-1's birth date")
		assert.Contains(t, out, "[REDACTED]")
		assert.Contains(t, out, "2000-01-01", "a date that is no one's birth date")
	}
}

// JSON output carries no snippet of the input.
func TestJSONHasNoSnippets(t *testing.T) {
	code, out, _ := sabaq(t, "", "test", "--format", "json", "../../rules/rulestest/testdata/mini_test.yaml")
	assert.Equal(t, exitFindings, code)
	assert.NotContains(t, out, "snippet")
	assert.NotContains(t, out, "^")
	assert.NotContains(t, out, `"args"`)
}

// Nothing of a file outside a suite's folder is shown, whatever the
// format.
func TestSuiteSecretStaysOutside(t *testing.T) {
	for _, format := range []string{"text", "json", "junit"} {
		for _, suite := range []string{"outside", "absolute", "link"} {
			_, out, errs := sabaq(t, "", "test", "--format", format, "testdata/inputs/guard/suite/"+suite+"_test.yaml")
			assert.NotContains(t, out+errs, "secret_token")
			assert.NotContains(t, out+errs, "hunter2")
			assert.NotContains(t, out+errs, "root:", "/etc/passwd")
		}
	}
}
