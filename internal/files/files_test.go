package files_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/internal/files"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.yaml", "a.yaml", "x.txt", "sub/c.yaml", "testdata/skip.yaml", ".hidden/skip.yaml"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), nil, 0o644))
	}
	got, err := files.Expand([]string{dir, filepath.Join(dir, "x.txt")}, func(n string) bool { return strings.HasSuffix(n, ".yaml") })
	require.NoError(t, err)
	rel := make([]string, len(got))
	for i, g := range got {
		rel[i], _ = filepath.Rel(dir, g)
	}
	assert.Equal(t, []string{"a.yaml", "b.yaml", filepath.Join("sub", "c.yaml"), "x.txt"}, rel)

	_, err = files.Expand([]string{filepath.Join(dir, "missing")}, func(string) bool { return true })
	assert.ErrorIs(t, err, os.ErrNotExist)
}
