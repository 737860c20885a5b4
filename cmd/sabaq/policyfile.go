package main

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// resolvePolicy is rules.Resolve with problems placed at the path the user
// typed: rules.LoadFile names files relative to their own directory
// ("broken.yaml:9:20"), which is not where the user's shell is.
func resolvePolicy(nameOrFile string) (*rules.Policy, error) {
	pol, err := rules.Resolve(nameOrFile)
	if err == nil || !isFileName(nameOrFile) {
		return pol, err
	}
	return nil, relocate(err, filepath.Dir(nameOrFile))
}

// loadPolicyFile is rules.LoadFile with the same placing of problems.
func loadPolicyFile(file string) (*rules.Policy, error) {
	pol, err := rules.LoadFile(file)
	if err != nil {
		return nil, relocate(err, filepath.Dir(file))
	}
	return pol, nil
}

// isFileName says whether --policy names a file rather than an embedded
// policy, the way rules.Resolve decides.
func isFileName(s string) bool {
	ext := filepath.Ext(s)
	return strings.ContainsAny(s, `/\`) || ext == ".yaml" || ext == ".yml"
}

// relocate rewrites the file names of a policy error's problems and
// warnings to be relative to the working directory.
func relocate(err error, dir string) error {
	var pe *rules.PolicyError
	if dir == "." || !errors.As(err, &pe) {
		return err
	}
	return &rules.PolicyError{Problems: relocateList(pe.Problems, dir), Warnings: relocateList(pe.Warnings, dir)}
}

func relocateList(l diag.List, dir string) diag.List {
	if l == nil {
		return nil
	}
	out := make(diag.List, len(l))
	for i, e := range l {
		out[i] = e
		if e.File != "" && !strings.HasPrefix(e.File, "(embedded)") && !filepath.IsAbs(e.File) {
			pos := e.Pos
			pos.File = filepath.Join(dir, e.File)
			out[i] = e.At(pos)
		}
	}
	return out
}

// policyWarnings returns a compiled policy's warnings placed like its
// problems would be.
func policyWarnings(pol *rules.Policy, file string) diag.List {
	w := pol.Warnings()
	if dir := filepath.Dir(file); dir != "." && isFileName(file) {
		return relocateList(w, dir)
	}
	return w
}
