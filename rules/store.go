package rules

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Set is a compiled set of policies, by name: every policy file of a
// directory. It is immutable and safe for concurrent use.
type Set struct {
	byName map[string]*Policy
	names  []string
}

// Get returns the policy with the name.
func (s *Set) Get(name string) (*Policy, bool) {
	p, ok := s.byName[name]
	return p, ok
}

// Names lists the policies of the set, sorted.
func (s *Set) Names() []string { return slices.Clone(s.names) }

// LoadDir compiles every policy file (*.yaml, *.yml; not *_test.yaml suites)
// at the top of fsys. It fails, with every problem of every file at once,
// if any of them does not compile: a set is all good or not loaded.
func LoadDir(fsys fs.FS, opts ...Option) (*Set, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	set := &Set{byName: map[string]*Policy{}}
	var problems, warnings diag.List
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !isYAML(n) || strings.HasSuffix(strings.TrimSuffix(n, path.Ext(n)), "_test") {
			continue
		}
		p, err := Load(fsys, n, opts...)
		var pe *PolicyError
		switch {
		case errors.As(err, &pe):
			problems = append(problems, pe.Problems...)
			warnings = append(warnings, pe.Warnings...)
			continue
		case err != nil:
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if _, dup := set.byName[p.Name()]; dup {
			problems = append(problems, diag.New(CodeDuplicateRule, "name", p.Name()).At(diag.Pos{File: n, Line: 1, Col: 1}))
			continue
		}
		set.byName[p.Name()] = p
		set.names = append(set.names, p.Name())
	}
	if len(problems) > 0 {
		problems.Sort()
		return nil, &PolicyError{Problems: problems, Warnings: warnings}
	}
	slices.Sort(set.names)
	return set, nil
}

// Store serves a policy set to many goroutines and replaces it at run time.
// A reload compiles the new set completely first and swaps it in one atomic
// step; a reload that fails returns its errors and leaves the set being
// served untouched. The zero Store is not usable: build one with NewStore.
type Store struct {
	cur    atomic.Pointer[Set]
	reload sync.Mutex // one reload at a time; readers never wait
}

// NewStore returns a store serving set.
func NewStore(set *Set) *Store {
	s := &Store{}
	s.cur.Store(set)
	return s
}

// Set returns the set being served now. Keep the returned value for the
// length of one piece of work, so that a reload midway does not mix policies.
func (s *Store) Set() *Set { return s.cur.Load() }

// Get returns the policy with the name from the set being served now.
func (s *Store) Get(name string) (*Policy, bool) { return s.cur.Load().Get(name) }

// Reload compiles the policies of fsys and, if all compile, serves them.
// It refuses a set that would serve less than the old one: an empty set
// (a folder emptied by mistake, a wrong path) and a set without a policy
// being served now, whose callers would start failing. On failure it
// returns a *PolicyError (errors.Is(err, ErrPolicy)) saying why, and keeps
// serving the old set.
func (s *Store) Reload(fsys fs.FS, opts ...Option) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	set, err := LoadDir(fsys, opts...)
	if err != nil {
		return err
	}
	var problems diag.List
	if len(set.names) == 0 {
		problems = append(problems, diag.New(CodeEmptySet, ""))
	} else if old := s.cur.Load(); old != nil {
		for _, name := range old.names {
			if _, ok := set.byName[name]; !ok {
				problems = append(problems, diag.New(CodeDropped, "", name))
			}
		}
	}
	if len(problems) > 0 {
		return &PolicyError{Problems: problems}
	}
	s.cur.Store(set)
	return nil
}

// Evaluate evaluates the named policy of the current set.
func (s *Store) Evaluate(ctx context.Context, name string, prog *mentoring.Programme, opts ...EvalOption) (*Report, error) {
	p, ok := s.Get(name)
	if !ok {
		return nil, fmt.Errorf("%w: no policy %q is served", ErrInput, name)
	}
	return p.Evaluate(ctx, prog, opts...)
}
