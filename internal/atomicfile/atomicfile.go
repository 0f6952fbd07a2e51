// Package atomicfile writes output files so that a failed run leaves what
// was there before untouched: data goes to a temporary file beside its
// target, which is renamed into place only when everything is written.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write replaces path with data atomically.
func Write(path string, data []byte) error {
	var s Set
	defer s.Discard()
	if err := s.Add(path, data); err != nil {
		return err
	}
	return s.Commit()
}

// Set is a group of files written together: Add stages each one, Commit
// renames them all into place, Discard removes what was not committed.
type Set struct {
	Names     []string // the targets, in the order added
	temps     []string
	committed bool
}

// Add writes data to a temporary file beside name. A file that already
// exists keeps its permissions; a new one gets 0644.
func (s *Set) Add(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	s.temps = append(s.temps, tmp.Name())
	s.Names = append(s.Names, name)
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	return os.Chmod(tmp.Name(), mode)
}

// Commit renames every staged file into place. Each rename is atomic;
// the set as a whole is not, but every file is fully written before the
// first rename, so only a failing rename (a full or vanished folder) can
// leave some files new and others old, and the error says which.
func (s *Set) Commit() error {
	for i, t := range s.temps {
		if err := os.Rename(t, s.Names[i]); err != nil {
			if i > 0 {
				return fmt.Errorf("writing %s: %w (%s and the files before it were already replaced)", s.Names[i], err, s.Names[i-1])
			}
			return fmt.Errorf("writing %s: %w", s.Names[i], err)
		}
		s.temps[i] = ""
	}
	s.committed = true
	return nil
}

// Committed reports whether Commit succeeded.
func (s *Set) Committed() bool { return s.committed }

// Discard removes the temporary files not yet committed.
func (s *Set) Discard() {
	for i, t := range s.temps {
		if t != "" {
			os.Remove(t)
			s.temps[i] = ""
		}
	}
}
