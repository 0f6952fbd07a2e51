package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.png")
	require.NoError(t, os.WriteFile(a, []byte("old"), 0o600))

	var s Set
	require.NoError(t, s.Add(a, []byte("new a")))
	require.Error(t, s.Add(filepath.Join(dir, "missing", "c.png"), []byte("c")))
	s.Discard()
	got, _ := os.ReadFile(a)
	assert.Equal(t, "old", string(got), "nothing replaced when a later file fails")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary files left")

	s = Set{}
	require.NoError(t, s.Add(a, []byte("new a")))
	require.NoError(t, s.Add(b, []byte("new b")))
	require.NoError(t, s.Commit())
	s.Discard()
	got, _ = os.ReadFile(a)
	assert.Equal(t, "new a", string(got))
	st, _ := os.Stat(a)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "an existing file keeps its mode")
	st, _ = os.Stat(b)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}
