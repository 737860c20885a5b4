package main

import (
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// resolvePolicy is rules.Resolve; problems name files by the path typed.
func resolvePolicy(nameOrFile string) (*rules.Policy, error) { return rules.Resolve(nameOrFile) }

// loadPolicyFile is rules.LoadFile.
func loadPolicyFile(file string) (*rules.Policy, error) { return rules.LoadFile(file) }

// isFileName says whether --policy names a file rather than an embedded
// policy, the way rules.Resolve decides.
func isFileName(s string) bool {
	ext := filepath.Ext(s)
	return strings.ContainsAny(s, `/\`) || ext == ".yaml" || ext == ".yml"
}

// policyWarnings returns a compiled policy's warnings placed like its
// problems would be.
func policyWarnings(pol *rules.Policy, file string) diag.List { return pol.Warnings() }
