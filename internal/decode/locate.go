package decode

import (
	"strconv"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Positions maps JSON paths to where their values start in a file.
type Positions map[string]diag.Pos

// Of returns the position of path, or of its nearest ancestor present in
// the file (a missing field is placed at the object that lacks it), and
// whether any was found.
func (ps Positions) Of(path string) (diag.Pos, bool) {
	for {
		if p, ok := ps[path]; ok {
			return p, true
		}
		if path == "" {
			return diag.Pos{}, false
		}
		path = parent(path)
	}
}

// parent drops the last step of a JSON path: "a[1].b" → "a[1]" → "a" → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Locate finds where the values at paths (and at each of their ancestors)
// start in data. It is a second pass over the input meant for problems
// found after decoding, such as a dangling reference: it keeps nothing but
// the positions asked for, so its memory is bounded by len(paths), and it
// builds path strings only inside the wanted subtrees. It returns what it
// found before any syntax error.
func Locate(data []byte, o Options, paths []string) Positions {
	if len(paths) == 0 {
		return Positions{}
	}
	src, err := o.source(data)
	if err != nil {
		return Positions{}
	}
	return locate(src, o, paths)
}

func locate(src source, o Options, paths []string) Positions {
	out := Positions{}
	want := map[string]bool{"": true}
	for _, p := range paths {
		for ; p != "" && !want[p]; p = parent(p) {
			want[p] = true
		}
	}
	t, err := src.value()
	if err != nil {
		return out
	}
	out[""] = src.place(t.pos)
	type frame struct {
		path    string
		object  bool
		idx     int
		tracked bool
	}
	if t.kind != kindObject && t.kind != kindArray {
		return out
	}
	stack := []frame{{object: t.kind == kindObject, tracked: true}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		more, err := src.more()
		if err != nil {
			return out
		}
		if !more {
			if src.close() != nil {
				return out
			}
			stack = stack[:len(stack)-1]
			continue
		}
		var child string
		var kp pos
		if f.object {
			k, at, err := src.key()
			if err != nil {
				return out
			}
			kp = at
			if f.tracked {
				child = diag.JoinPath(f.path, string(k))
			}
		} else if f.tracked {
			child = f.path + "[" + strconv.Itoa(f.idx) + "]"
		}
		f.idx++
		tracked := f.tracked && want[child]
		v, err := src.value()
		if err != nil {
			return out
		}
		if tracked {
			if f.object && o.AtKeys {
				out[child] = src.place(kp)
			} else {
				out[child] = src.place(v.pos)
			}
		}
		if v.kind == kindObject || v.kind == kindArray {
			if len(stack) >= o.maxDepth() {
				return out
			}
			stack = append(stack, frame{path: child, object: v.kind == kindObject, tracked: tracked})
		}
	}
	return out
}

// Place gives a position to every problem in errs that has none, by
// locating its path in data (or its nearest ancestor), then calls
// [Finish] with mask. Use it for problems found after decoding, by
// validation.
func Place(data []byte, o Options, errs diag.List, mask Mask) diag.List {
	var paths []string
	for _, e := range errs {
		if !e.IsValid() {
			paths = append(paths, e.Path)
		}
	}
	if len(paths) > 0 {
		ps := Locate(data, o, paths)
		for _, e := range errs {
			if e.IsValid() {
				continue
			}
			if p, ok := ps.Of(e.Path); ok {
				e.Pos = p
			}
			e.File = o.File
		}
	}
	return Finish(data, errs, mask)
}
