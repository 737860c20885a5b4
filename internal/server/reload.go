package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
)

// reloadStatus is what the last reload did, for /readyz.
type reloadStatus struct {
	LastAttempt time.Time
	LastSuccess time.Time
	// Err is the last attempt's error; nil when it succeeded.
	Err error
}

// Reload compiles the policies again (the folder's over the embedded ones)
// and, when every one compiles, serves them. On failure the last good set
// keeps serving, /readyz reports the problems and the error is returned.
// Requests in flight finish on the set they started with.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	prev := s.status.Load()
	now := time.Now()
	st := &reloadStatus{LastAttempt: now, LastSuccess: prev.LastSuccess}
	snap, err := s.snapshot()
	if err == nil {
		err = s.store.Reload(snap)
	}
	if err != nil {
		st.Err = err
		s.status.Store(st)
		s.metrics.reloaded(len(s.store.Set().Names()), err, now)
		s.log.Error("policy reload failed; the last good policies keep serving", problemAttrs(err)...)
		return err
	}
	set := s.store.Set()
	s.loaded.Store(loadedOf(set, snap))
	st.LastSuccess = now
	s.status.Store(st)
	s.metrics.reloaded(len(set.Names()), nil, now)
	s.log.Info("policies reloaded", "policies", strings.Join(set.Names(), ","))
	return nil
}

// snapshot reads every policy file of the served folder (and the embedded
// ones it does not replace) into memory, each within limits.PolicyBytes,
// so that one compilation sees one state of the folder, and the text of
// each compiled policy is kept.
func (s *Server) snapshot() (fstest.MapFS, error) {
	entries, err := fs.ReadDir(s.fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("policies folder: %w", err)
	}
	snap := fstest.MapFS{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isPolicyFile(name) {
			continue
		}
		data, err := limits.ReadFS(s.fsys, name, limits.PolicyBytes)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
				continue // removed since the listing
			}
			return nil, err
		}
		snap[name] = &fstest.MapFile{Data: data, Mode: 0o444}
	}
	return snap, nil
}

// isPolicyFile tells a policy file (*.yaml, *.yml) from a test suite
// (*_test.yaml) and anything else.
func isPolicyFile(name string) bool {
	ext := path.Ext(name)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	return !strings.HasSuffix(strings.TrimSuffix(name, ext), "_test")
}

// Watch starts watching the policies' folder and returns once the watch is
// in place; until ctx is done, changes are picked up, a quiet interval of
// Options.Debounce after the last one, by Reload. Without a folder it does
// nothing. Close waits for the watch to end.
func (s *Server) Watch(ctx context.Context) error {
	if s.opts.Policies == "" {
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching policies: %w", err)
	}
	if err := w.Add(s.opts.Policies); err != nil {
		w.Close()
		return fmt.Errorf("watching policies: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	s.reloadMu.Lock()
	s.stopWatch = append(s.stopWatch, cancel)
	s.reloadMu.Unlock()
	s.watching.Add(1)
	go func() {
		defer s.watching.Done()
		defer w.Close()
		s.watch(ctx, w)
	}()
	return nil
}

func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	timer := time.NewTimer(0)
	if !timer.Stop() {
		<-timer.C
	}
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if relevant(ev) {
				timer.Reset(s.opts.Debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.log.Warn("watching policies", "error", err.Error())
		case <-timer.C:
			_ = s.Reload() // logged, counted and shown in /readyz
		}
	}
}

// relevant says whether a change in the folder may change the policies: a
// policy file written, created, removed or renamed, or the "..data" link
// through which Kubernetes swaps a mounted ConfigMap.
func relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := path.Base(strings.ReplaceAll(ev.Name, `\`, "/"))
	return isPolicyFile(name) || strings.HasPrefix(name, "..")
}

// policyProblems are the problems of a failed reload: a policy's, at their
// lines and columns, or one saying why the folder could not be read.
func policyProblems(err error) diag.List {
	if problems := diag.Errors(err); len(problems) > 0 {
		return problems
	}
	return diag.List{diag.New(codeUnreadable, "", err.Error())}
}

// problemAttrs are the log attributes of an error: each positioned problem
// on its own, or the error's text.
func problemAttrs(err error) []any {
	problems := diag.Errors(err)
	if len(problems) == 0 {
		return []any{"error", err.Error()}
	}
	attrs := make([]any, 0, 2*len(problems))
	for _, p := range problems {
		attrs = append(attrs, "problem", p.Localize(diag.EN))
	}
	return attrs
}

// overlay is the policies' folder over the embedded policies: a file of
// the folder hides the embedded file of the same name.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, err := fs.ReadDir(o.top, name)
	if err != nil {
		return nil, err
	}
	base, err := fs.ReadDir(o.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	out := slices.Clone(top)
	for _, b := range base {
		if !slices.ContainsFunc(top, func(t fs.DirEntry) bool { return t.Name() == b.Name() }) {
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
