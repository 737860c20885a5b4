package rules_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// FuzzLoad feeds arbitrary bytes to the policy parser and compiler, as a
// standalone policy and as a profile of the guide. Loading must never
// panic and must end quickly, whatever the file asks for (aliases,
// nesting, string bombs, extends out of the folder); a policy that
// compiles must evaluate the fixture without panicking, bounded.
// testdata/fuzz/FuzzLoad holds the attacks as seeds.
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
		start := time.Now()
		p, err := rules.Load(fsys, "p.yaml", rules.WithFallback(rules.Policies()))
		if took := time.Since(start); took > 10*time.Second {
			t.Fatalf("loading took %v", took)
		}
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, _ = p.Evaluate(ctx, prog)
		if ctx.Err() != nil {
			t.Fatal("evaluation ran past 10 s")
		}
	})
}
