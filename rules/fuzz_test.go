package rules_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// FuzzLoad feeds arbitrary bytes to the policy loader as a profile of the
// guide and as a standalone policy. Loading must never panic; a policy that
// compiles must evaluate the fixture without panicking either.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"guide.yaml", "nastavniki.yaml", "pairs.yaml", "questionnaire.yaml"} {
		src, err := fs.ReadFile(rules.Policies(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("name: x\nextends: guide\nparams:\n  mentor_min_age: {default: 23}\n"))
	f.Add([]byte("name: x\nrules:\n  - {id: a, subject: group, expr: 'size > 1', severity: warn, message: {kk: a, ru: b, en: '{{size}}'}}\n"))
	f.Add([]byte("name: [\n"))
	prog := fixture()
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"p.yaml": &fstest.MapFile{Data: src}}
		p, err := rules.Load(fsys, "p.yaml", rules.WithFallback(rules.Policies()))
		if err != nil {
			return
		}
		_, _ = p.Evaluate(context.Background(), prog)
	})
}
