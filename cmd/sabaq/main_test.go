// The tests of a main package live in package main: run is what they call,
// and a command cannot be imported by an external test package.
package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/<case>")

// quiet clears what the environment could change in sabaq's output — the
// language, colour, the terminal — and fixes the build information, so
// that golden files are the same on every machine; a case's env file sets
// what it tests.
func quiet(t *testing.T) {
	t.Helper()
	for _, k := range []string{"SABAQ_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "TERM", "SABAQ_TOKEN"} {
		t.Setenv(k, "")
	}
	old := buildInfo
	buildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/birgemiz/sabaqtastyq", Version: "v0.9.0"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
				{Key: "vcs.time", Value: "2026-11-24T10:00:00Z"}, {Key: "vcs.modified", Value: "false"}}}, true
	}
	t.Cleanup(func() { buildInfo = old })
}

// TestGolden runs every testdata/<case>: args holds the command line, one
// argument a line (paths relative to this directory), stdin what standard
// input reads; stdout.golden, stderr.golden and exit are what sabaq must
// produce. go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	quiet(t)
	dirs, err := filepath.Glob("testdata/*/args")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, argsFile := range dirs {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			args := readArgs(t, argsFile)
			if b, err := os.ReadFile(filepath.Join(dir, "env")); err == nil {
				for _, kv := range strings.Split(strings.TrimSpace(string(b)), "\n") {
					k, v, _ := strings.Cut(kv, "=")
					t.Setenv(k, v)
				}
			}
			var stdin bytes.Buffer
			if b, err := os.ReadFile(filepath.Join(dir, "stdin")); err == nil {
				stdin.Write(b)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdin, &stdout, &stderr)
			golden(t, filepath.Join(dir, "stdout.golden"), stdout.Bytes())
			golden(t, filepath.Join(dir, "stderr.golden"), stderr.Bytes())
			golden(t, filepath.Join(dir, "exit"), []byte(strconv.Itoa(code)+"\n"))
			if hasArg(args, "--format", "junit") {
				validJUnit(t, stdout.Bytes())
			}
		})
	}
}

func readArgs(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	var args []string
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if line != "" {
			args = append(args, line)
		}
	}
	return args
}

func hasArg(args []string, name, value string) bool {
	for i, a := range args {
		if a == name+"="+value || (a == name && i+1 < len(args) && args[i+1] == value) {
			return true
		}
	}
	return false
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(file, got, 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs (go test -update rewrites it)", file)
}

// The JUnit schema, as CI systems read it: the attributes they require.
type junitSchema struct {
	XMLName xml.Name `xml:"testsuites"`
	Tests   *int     `xml:"tests,attr"`
	Suites  []struct {
		Name     *string `xml:"name,attr"`
		Tests    *int    `xml:"tests,attr"`
		Failures *int    `xml:"failures,attr"`
		Errors   *int    `xml:"errors,attr"`
		Cases    []struct {
			Name      *string `xml:"name,attr"`
			Classname *string `xml:"classname,attr"`
			Failure   *struct {
				Message *string `xml:"message,attr"`
				Type    *string `xml:"type,attr"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func validJUnit(t *testing.T, out []byte) {
	t.Helper()
	var s junitSchema
	require.NoError(t, xml.Unmarshal(out, &s), "JUnit output is not XML")
	require.NotNil(t, s.Tests, "testsuites needs tests")
	require.NotEmpty(t, s.Suites)
	total := 0
	for _, suite := range s.Suites {
		require.NotNil(t, suite.Name, "testsuite needs a name")
		require.NotNil(t, suite.Tests, "testsuite needs tests")
		require.NotNil(t, suite.Failures, "testsuite needs failures")
		require.NotNil(t, suite.Errors, "testsuite needs errors")
		assert.Len(t, suite.Cases, *suite.Tests, "suite %s: tests counts its test cases", *suite.Name)
		failures := 0
		for _, c := range suite.Cases {
			require.NotNil(t, c.Name, "testcase needs a name")
			require.NotNil(t, c.Classname, "testcase needs a classname")
			if c.Failure != nil {
				failures++
				require.NotNil(t, c.Failure.Message, "failure needs a message")
				require.NotNil(t, c.Failure.Type, "failure needs a type")
			}
		}
		assert.Equal(t, *suite.Failures, failures, "suite %s: failures counts its failures", *suite.Name)
		total += len(suite.Cases)
	}
	assert.Equal(t, *s.Tests, total)
}

func TestExitCodes(t *testing.T) {
	quiet(t)
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"no arguments", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"help", []string{"--help"}, exitOK},
		{"command help", []string{"check", "--help"}, exitOK},
		{"unknown flag", []string{"check", "--nope", "x.json"}, exitUsage},
		{"bad language", []string{"check", "--lang", "de", "testdata/inputs/small.yaml"}, exitUsage},
		{"bad date", []string{"check", "--as-of", "2026-02-30", "testdata/inputs/small.yaml"}, exitUsage},
		{"bad format", []string{"check", "--format", "xml", "testdata/inputs/small.yaml"}, exitUsage},
		{"missing file", []string{"check", "testdata/inputs/no-such-file.json"}, exitInput},
		{"unknown policy", []string{"check", "--policy", "nosuch", "testdata/inputs/small.yaml"}, exitUsage},
		{"unknown policy shown", []string{"policy", "show", "nosuch"}, exitUsage},
		{"broken policy", []string{"check", "--policy", "testdata/inputs/broken.yaml", "testdata/inputs/small.yaml"}, exitPolicy},
		{"findings", []string{"check", "testdata/inputs/small.yaml"}, exitFindings},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(c.args, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, c.want, got, "stderr: %s", stderr.String())
			if got == exitUsage || got == exitInput || got == exitPolicy {
				assert.NotEmpty(t, stderr.String(), "an error is explained on stderr")
			}
		})
	}
}

// Help is what was asked for: on standard output, exit 0, for every
// command and subcommand, by --help, -h and sabaq help.
func TestEveryCommandHasHelp(t *testing.T) {
	quiet(t)
	root := newRoot(&env{lang: "en", getenv: os.Getenv})
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, s := range c.Commands() {
			p := append(append([]string(nil), path...), s.Name())
			paths = append(paths, p)
			walk(s, p)
		}
	}
	walk(root, nil)
	for _, p := range paths {
		t.Run(strings.Join(p, " "), func(t *testing.T) {
			for _, args := range [][]string{append(p, "--help"), append(p, "-h"), append([]string{"help"}, p...)} {
				var stdout, stderr bytes.Buffer
				code := run(args, strings.NewReader(""), &stdout, &stderr)
				assert.Equal(t, exitOK, code, "%v", args)
				assert.Contains(t, stdout.String(), "sabaq "+strings.Join(p, " "), "%v", args)
				assert.Empty(t, stderr.String(), "%v: help is on standard output", args)
			}
		})
	}
}

// sabaq init gives a folder that lints and tests clean, and a parameter
// change there is what the suite sees.
func TestInitThenLintAndTest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policies")
	sh := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	code, out, errs := sh("init", dir)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "my-profile_test.yaml")

	code, _, errs = sh("lint", dir)
	assert.Equal(t, exitOK, code, errs)
	code, out, _ = sh("fmt", "-l", dir)
	assert.Equal(t, exitOK, code, "init writes formatted policies: %s", out)
	code, out, errs = sh("test", "--min-coverage", "10", dir)
	assert.Equal(t, exitOK, code, out+errs)
	assert.Contains(t, out, "PASS: 4 passed")
	code, out, _ = sh("test", "--coverage", dir)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "the policy has no rules of its own", "a profile is not charged for the guide's rules")

	t.Run("refuses to overwrite", func(t *testing.T) {
		code, _, errs := sh("init", dir)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errs, "never overwrites")
	})

	t.Run("a changed parameter fails the suite", func(t *testing.T) {
		profile := filepath.Join(dir, "my-profile.yaml")
		src, err := os.ReadFile(profile)
		require.NoError(t, err)
		changed := strings.Replace(string(src), "default: 18", "default: 20", 1)
		require.NotEqual(t, string(src), changed)
		require.NoError(t, os.WriteFile(profile, []byte(changed), 0o644))
		code, out, _ := sh("test", dir)
		assert.Equal(t, exitFindings, code)
		assert.Contains(t, out, "a mentor committing for 18 months is enough")
	})
}

// The README shows `sabaq check examples/data/problems.json`; its full
// output is kept beside the example.
func TestExampleOutputs(t *testing.T) {
	quiet(t)
	for format, file := range map[string]string{"text": "problems.expected.txt", "json": "problems.expected.json"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"check", "--format", format, "../../examples/data/problems.json"}, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, exitFindings, code, stderr.String())
			golden(t, filepath.Join("../../examples/data", file), stdout.Bytes())
		})
	}
}

// The monthly summary reads tandems by the policy's own limits: a profile
// allowing 30 days between meetings and a first week of 10 days makes the
// report count with 30 and 10, the guide with 14 and 7.
func TestReportFollowsThePolicysCycle(t *testing.T) {
	quiet(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "relaxed.yaml"), []byte(`name: relaxed
version: "1.0.0"
extends: guide
description: {kk: "Сирек кездесулер", ru: "Редкие встречи", en: "Rare meetings"}
params:
  contact_max_gap_days: {default: 30}
  first_week_days: {default: 10}
`), 0o600))
	for _, tt := range []struct {
		policy         string
		contact, first int
	}{
		{"guide", 14, 7},
		{filepath.Join(dir, "relaxed.yaml"), 30, 10},
	} {
		code, out, errOut := sabaq(t, "", "report", "../../examples/data/programme.json", "--month", "2026-10", "-o", "json", "--policy", tt.policy)
		require.Equal(t, exitOK, code, errOut)
		var got struct {
			ContactDays   int `json:"contact_days"`
			FirstWeekDays int `json:"first_week_days"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		assert.Equal(t, tt.contact, got.ContactDays, tt.policy)
		assert.Equal(t, tt.first, got.FirstWeekDays, tt.policy)
	}
}
