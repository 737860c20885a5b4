package library

import (
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
)

// Version is the newest version of the library. It grows when a function
// is added; functions are never removed or changed.
//
//	1  the date and month functions
//	2  lower(): Unicode lower case, for Kazakh and Russian text
//	3  longest_gap(): the longest stretch between dates, for regular contact
//	4  say(), quantity(), words(): dates, numbers, counts and codes in a
//	   message's language, in message templates only
const Version = 4

// Lib is the library at one version, as a cel.Library.
type Lib struct {
	version   uint32
	funcs     []Func
	withTypes bool
}

// Option configures [New].
type Option func(*Lib)

// AtVersion makes the library declare only the functions of version v and
// earlier. Default: [Version].
func AtVersion(v uint32) Option { return func(l *Lib) { l.version = v } }

// WithTypes makes the library declare the civil.Date and civil.Month types
// and install the adapter that turns them into CEL values, for an
// environment that has not declared them with its own native types.
func WithTypes() Option { return func(l *Lib) { l.withTypes = true } }

// New returns the library for a policy's configuration.
func New(cfg Config, opts ...Option) *Lib {
	l := &Lib{version: Version, funcs: Table(cfg)}
	for _, opt := range opts {
		opt(l)
	}
	return l
}

// LibraryName implements cel.Library.
func (l *Lib) LibraryName() string { return "sabaqtastyq.rules" }

// CompileOptions implements cel.Library: the declarations and bindings of
// the library's own functions up to its version.
func (l *Lib) CompileOptions() []cel.EnvOption {
	var opts []cel.EnvOption
	if l.withTypes {
		opts = append(opts, ext.NativeTypes(reflect.TypeFor[civil.Date](), reflect.TypeFor[civil.Month]()),
			func(e *cel.Env) (*cel.Env, error) {
				return cel.CustomTypeAdapter(Adapter{e.CELTypeAdapter()})(e)
			})
	}
	return append(opts, l.declare(func(f Func, _ Overload) bool { return !f.Message })...)
}

// MessageOptions declares the message functions of lang (say, quantity,
// words), for the environment of a message template in that language.
func (l *Lib) MessageOptions(lang diag.Lang) []cel.EnvOption {
	return l.declare(func(f Func, o Overload) bool { return f.Message && o.Lang == lang })
}

// declare declares the library's own functions, up to its version, and
// of them the overloads keep accepts.
func (l *Lib) declare(keep func(Func, Overload) bool) []cel.EnvOption {
	var opts []cel.EnvOption
	for _, f := range l.funcs {
		if f.From != "" || f.Since > l.version {
			continue
		}
		byName := map[string][]cel.FunctionOpt{}
		var order []string
		for _, o := range f.Overloads {
			if !keep(f, o) {
				continue
			}
			name := f.Name
			if o.operator != "" {
				name = o.operator
			}
			if _, seen := byName[name]; !seen {
				order = append(order, name)
			}
			byName[name] = append(byName[name], o.decl())
		}
		for _, name := range order {
			opts = append(opts, cel.Function(name, byName[name]...))
		}
	}
	return opts
}

// ProgramOptions implements cel.Library.
func (l *Lib) ProgramOptions() []cel.ProgramOption { return nil }

func (o Overload) decl() cel.FunctionOpt {
	var extra []cel.OverloadOpt
	if o.cel != nil {
		extra = append(extra, o.cel)
	}
	if o.Member {
		return cel.MemberOverload(o.ID, o.Args, o.Result, extra...)
	}
	return cel.Overload(o.ID, o.Args, o.Result, extra...)
}

// Funcs returns the table the library was built from.
func (l *Lib) Funcs() []Func { return l.funcs }

// Native returns the native implementation of an overload, if any.
func (l *Lib) Native(overloadID string) (Native, bool) {
	o, ok := l.Overload(overloadID)
	if !ok || o.Native.Arity() == 0 {
		return Native{}, false
	}
	return o.Native, true
}

// Overload looks an overload up by id.
func (l *Lib) Overload(id string) (Overload, bool) {
	for _, f := range l.funcs {
		for _, o := range f.Overloads {
			if o.ID == id {
				return o, true
			}
		}
	}
	return Overload{}, false
}
