package limits_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

func TestReadFileAtTheCap(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("x", 1000)), 0o600))

	data, err := limits.ReadFile(path, 1000)
	require.NoError(t, err)
	assert.Len(t, data, 1000)

	_, err = limits.ReadFile(path, 999)
	require.Error(t, err)
	assert.True(t, limits.IsTooLarge(err))
	l := diag.Errors(err)
	require.Len(t, l, 1)
	assert.Equal(t, path, l[0].File)
	assert.Equal(t, "file.json: the file is too large: the limit is 999 B", strings.Replace(l[0].Error(), path, "file.json", 1))
}

// endless is /dev/zero without the device: a reader with no size.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadStopsEndlessInput(t *testing.T) {
	r := &endless{}
	_, err := limits.Read(r, "-", 1<<20)
	require.Error(t, err)
	assert.True(t, limits.IsTooLarge(err))
	assert.LessOrEqual(t, r.n, int64(2<<20), "read far past the cap")
}

func TestReadSmallPipe(t *testing.T) {
	data, err := limits.Read(io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd")), "-", 4)
	require.NoError(t, err)
	assert.Equal(t, "abcd", string(data))
	_, err = limits.Read(strings.NewReader("abcde"), "-", 4)
	assert.True(t, limits.IsTooLarge(err))
}

func TestReadDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	_, err := limits.ReadFile("/dev/zero", 1<<20)
	assert.True(t, limits.IsTooLarge(err))
}

func TestReadRootConfines(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "suite")
	require.NoError(t, os.Mkdir(inner, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte("secret_token: x\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(inner, "fixture.yaml"), []byte("as_of: 2026-11-24\n"), 0o600))
	require.NoError(t, os.Symlink(filepath.Join(dir, "secret.yaml"), filepath.Join(inner, "link.yaml")))

	root, err := os.OpenRoot(inner)
	require.NoError(t, err)
	defer root.Close()

	_, err = limits.ReadRoot(root, "fixture.yaml", 1<<10)
	require.NoError(t, err)
	for _, name := range []string{"../secret.yaml", filepath.Join(dir, "secret.yaml"), "link.yaml"} {
		data, err := limits.ReadRoot(root, name, 1<<10)
		assert.Error(t, err, name)
		assert.Nil(t, data, name)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		2 << 30: "2 GiB", 64 << 20: "64 MiB", 3 << 29: "1536 MiB", 512 << 10: "512 KiB", 300: "300 B",
	} {
		assert.Equal(t, want, limits.Size(n))
	}
}

func TestOpenRefusesBeforeReading(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("x", 1000)), 0o600))
	f, err := limits.Open(path, 1000)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	_, err = limits.Open(path, 999)
	assert.True(t, limits.IsTooLarge(err))
	_, err = limits.Open(dir, 1000)
	assert.Error(t, err, "a folder is not a file")
	_, err = limits.Open(filepath.Join(dir, "none"), 1000)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestSpool(t *testing.T) {
	read := func(t *testing.T, in io.ReadSeeker) string {
		t.Helper()
		b, err := io.ReadAll(in)
		require.NoError(t, err)
		_, err = in.Seek(0, io.SeekStart)
		require.NoError(t, err, "a spooled input can be read again")
		return string(b)
	}
	t.Run("in memory", func(t *testing.T) {
		in, done, err := limits.SpoolWith(strings.NewReader("12345"), "-", 10, 8)
		require.NoError(t, err)
		defer done()
		assert.Equal(t, "12345", read(t, in))
	})
	t.Run("spilled to a file", func(t *testing.T) {
		in, done, err := limits.SpoolWith(strings.NewReader("123456789"), "-", 10, 4)
		require.NoError(t, err)
		f, ok := in.(*os.File)
		require.True(t, ok)
		assert.Equal(t, "123456789", read(t, in))
		done()
		_, err = os.Stat(f.Name())
		assert.ErrorIs(t, err, os.ErrNotExist, "done removes the file")
	})
	for name, mem := range map[string]int64{"over the cap in memory": 100, "over the cap in the file": 4} {
		t.Run(name, func(t *testing.T) {
			_, _, err := limits.SpoolWith(&endless{}, "-", 10, mem)
			assert.True(t, limits.IsTooLarge(err))
		})
	}
}
