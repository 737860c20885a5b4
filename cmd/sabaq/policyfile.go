package main

import (
	"path/filepath"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/files"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// codeNoPolicies names a path given to lint or fmt that holds no policy.
const codeNoPolicies diag.Code = "cli.no_policies"

func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeNoPolicies: {
			KK: "{0} ішінде саясат файлдары (*.yaml, *_test.yaml-дан басқа) жоқ",
			RU: "в {0} нет файлов политик (*.yaml, кроме *_test.yaml)",
			EN: "there are no policy files (*.yaml other than *_test.yaml) in {0}",
		},
	})
}

// policyFiles expands directories into the policy files in them, sorted,
// leaving out test suites. A directory without any is an error naming it:
// checking nothing must not look like checking passed.
func policyFiles(paths []string) ([]string, error) {
	var out []string
	var missing diag.List
	for _, p := range paths {
		found, err := files.Expand([]string{p}, isPolicyFile)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			missing = append(missing, diag.New(codeNoPolicies, "", p))
		}
		out = append(out, found...)
	}
	return out, missing.Err()
}

// resolvePolicy is rules.Resolve, a file within the policy cap; problems
// name files by the path typed.
func resolvePolicy(e *env, nameOrFile string) (*rules.Policy, error) {
	if isFileName(nameOrFile) {
		if err := checkPolicyFile(e, nameOrFile); err != nil {
			return nil, err
		}
	}
	return rules.Resolve(nameOrFile)
}

// loadPolicyFile is rules.LoadFile, within the policy cap.
func loadPolicyFile(e *env, file string) (*rules.Policy, error) {
	if err := checkPolicyFile(e, file); err != nil {
		return nil, err
	}
	return rules.LoadFile(file)
}

// isFileName says whether --policy names a file rather than an embedded
// policy, the way rules.Resolve decides.
func isFileName(s string) bool {
	ext := filepath.Ext(s)
	return strings.ContainsAny(s, `/\`) || ext == ".yaml" || ext == ".yml"
}

// policyWarnings returns a compiled policy's warnings placed like its
// problems would be.
func policyWarnings(pol *rules.Policy, file string) diag.List { return pol.Warnings() }
