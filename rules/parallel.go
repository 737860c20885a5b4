package rules

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/birgemiz/sabaqtastyq/rules/internal/subject"
)

// A whole-programme evaluation of at least parallelFrom subjects is spread
// over GOMAXPROCS goroutines, in spans of consecutive subjects of one kind.
// Below it the goroutines cost more than they save: the example programme
// (some eighty subjects) evaluates in tens of microseconds.
const parallelFrom = 4096

// span is a run of consecutive subjects of one kind, and what evaluating
// them found.
type span struct {
	kind     *subject.Kind
	from, to int
	found    Report
}

// all evaluates every subject of the programme, kind after kind in the
// order of [subject.Kinds], subject after subject in the file's order. A
// large programme is cut into spans evaluated side by side; their findings
// are joined in span order, so that the report is the same, finding for
// finding, as one goroutine's.
func (e *evaluation) all(ctx context.Context) error {
	total := 0
	for _, k := range subject.Kinds {
		if len(e.p.perKind[k.Index].rules) > 0 && !k.OnRequest {
			total += k.Count(e.prog)
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || total < parallelFrom {
		return e.kinds(ctx)
	}
	// Spans small enough for the goroutines to end together, large enough
	// that handing one out is nothing beside evaluating it.
	size := max(512, total/(workers*16))
	var spans []span
	for _, k := range subject.Kinds {
		if len(e.p.perKind[k.Index].rules) == 0 || k.OnRequest {
			continue
		}
		for from, n := 0, k.Count(e.prog); from < n; from += size {
			spans = append(spans, span{kind: k, from: from, to: min(from+size, n)})
		}
	}
	var (
		next atomic.Int64
		wg   sync.WaitGroup
		base = *e // copied, so that e stays on its caller's stack
	)
	for range min(workers, len(spans)) {
		wg.Go(func() {
			st := states.Get().(*state)
			defer st.release()
			st.o = *base.o
			st.fr = &st.frame
			if st.o.celOnly {
				st.fr = nil
			}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(spans) || ctx.Err() != nil {
					return
				}
				s := &spans[i]
				w := base
				w.o, w.rep, w.st = &st.o, &s.found, st
				w.span(ctx, s.kind, s.from, s.to)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range spans {
		e.rep.Findings = append(e.rep.Findings, spans[i].found.Findings...)
		e.rep.Outcomes = append(e.rep.Outcomes, spans[i].found.Outcomes...)
	}
	return nil
}

// kinds evaluates every subject on the calling goroutine.
func (e *evaluation) kinds(ctx context.Context) error {
	for _, k := range subject.Kinds {
		if len(e.p.perKind[k.Index].rules) == 0 || k.OnRequest {
			continue
		}
		if err := e.span(ctx, k, 0, k.Count(e.prog)); err != nil {
			return err
		}
	}
	return nil
}

// span evaluates subjects from to to (excluded) of kind k.
func (e *evaluation) span(ctx context.Context, k *subject.Kind, from, to int) error {
	kr := e.p.perKind[k.Index]
	for i := from; i < to; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		e.st.bind(kr.env, e.prog, e.at, i, 0, e.asOf)
		e.run(ctx, kr.rules)
	}
	return nil
}
