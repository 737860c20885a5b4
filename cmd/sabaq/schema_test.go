package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

const examples = "../../examples/data"

// The schema accepts every example programme, and refuses a misspelt
// field and a word outside a vocabulary.
func TestSchemaAcceptsTheExamples(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, wire.Encode(&buf, programmeSchema()))
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(schemaID, doc))
	sch, err := c.Compile(schemaID)
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(examples, "*.json"))
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		if strings.Contains(f, ".expected.") || strings.HasSuffix(f, ".schema.json") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			require.NoError(t, err)
			assert.NoError(t, sch.Validate(v))
		})
		n++
	}
	assert.Positive(t, n)
	for name, bad := range map[string]string{
		"misspelt field": `{"as_of": "2026-11-24", "volunteers": [{"id": "v-1", "full_name": "A", "birth_date": "1990-01-01", "langauges": ["kk"]}]}`,
		"unknown kind":   `{"as_of": "2026-11-24", "institutions": [{"id": "i", "name": "n", "kind": "orphanag"}]}`,
		"not a date":     `{"as_of": "2026-11-31"}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(v), name)
	}
}

// The YAML twins of the JSON examples are generated from them (go test
// -run TestYAMLTwins -update) with the line that points editors at the
// schema, and read back as the same programme.
func TestYAMLTwins(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(examples, "*.json"))
	require.NoError(t, err)
	var schema bytes.Buffer
	require.NoError(t, wire.Encode(&schema, programmeSchema()))
	golden(t, filepath.Join(examples, "..", "programme.schema.json"), schema.Bytes())
	for _, f := range files {
		if strings.Contains(f, ".expected.") || strings.HasSuffix(f, ".schema.json") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			p, err := mentoring.Load(f)
			require.NoError(t, err)
			var out bytes.Buffer
			out.WriteString("# yaml-language-server: $schema=../programme.schema.json\n")
			out.WriteString("# Generated from " + filepath.Base(f) + " by cmd/sabaq's TestYAMLTwins: edit the JSON file.\n")
			require.NoError(t, sheet.WriteYAML(&out, p))
			twin := strings.TrimSuffix(f, ".json") + ".yaml"
			golden(t, twin, out.Bytes())
			again, err := mentoring.Load(twin)
			require.NoError(t, err)
			a, _ := json.Marshal(p)
			b, _ := json.Marshal(again)
			assert.JSONEq(t, string(a), string(b))
		})
	}
}
