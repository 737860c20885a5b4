package rules

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/guide"
	"github.com/birgemiz/sabaqtastyq/rules/internal/library"
	"github.com/birgemiz/sabaqtastyq/rules/internal/native"
)

// compiledRule is a rule ready to run: its cel-go programs (plain, and
// metered for subjects past the declared limits) and, when it has one, its
// native form.
type compiledRule struct {
	Rule
	env              *kindEnv
	when, expr       cel.Program // without metering
	whenM, exprM     cel.Program // with a runtime cost limit
	whenAst, exprAst *cel.Ast
	messages         [3]template // kk, ru, en
	metered          bool        // no static bound: always metered
	builds           bool        // builds strings or lists
	nWhen, nExpr     native.Fn   // the native form; nExpr nil: cel-go only
}

type template struct {
	parts []templatePart
}

// templatePart is literal text, or a placeholder with its cel-go program
// and, when it has one, its native form.
type templatePart struct {
	lit  string
	prog cel.Program
	fn   native.Fn
}

type compiledScore struct {
	Score
	env            *kindEnv
	expr, weight   cel.Program
	nExpr, nWeight native.Fn
}

func (c *compiler) compileRules() []*compiledRule {
	var out []*compiledRule
	index := map[string]int{}
	from := map[string]string{} // rule id → the policy that last defined it
	for _, f := range c.files {
		ids := map[string]bool{}
		for i, d := range f.Rules {
			path := diag.Index("rules", i)
			if d.ID == "" {
				c.errAt(d.Pos, path+".id", CodeRequiredRuleField, "id")
				continue
			}
			if ids[d.ID] {
				c.errAt(d.Pos, path+".id", CodeDuplicateRule, d.ID)
				continue
			}
			ids[d.ID] = true
			c.checkOverride(d, path, from)
			r := c.compileRule(f, d, path)
			if r == nil {
				continue
			}
			if j, ok := index[d.ID]; ok { // a profile replaces or disables a base rule
				out[j] = r
				continue
			}
			index[d.ID] = len(out)
			out = append(out, r)
		}
	}
	// Disabled rules keep their place while files are merged, then go.
	return slices.DeleteFunc(out, func(r *compiledRule) bool { return r.env == nil })
}

// checkOverride reports a rule that reuses a base rule's id without
// override: true (a replaced rule is a decision, never a slip), and an
// override: true with no base rule of that id to replace, with the
// nearest base id. A rule that disables a base rule needs no override:
// disabled: true says what it does. from maps the ids of the files
// before d's to the policy that last defined each; d's own id is added.
func (c *compiler) checkOverride(d RuleDecl, path string, from map[string]string) {
	base, inBase := from[d.ID]
	defer func() { from[d.ID] = c.fileOf(d.Pos.File) }()
	switch {
	case inBase && !d.Override && !d.Disabled:
		c.errAt(d.Pos, path+".id", CodeOverrideNeeded, d.ID, base)
	case !inBase && d.Override:
		c.nothingThere(d, path, "override", from, CodeOverrideNothing, CodeOverrideNothingHint)
	case !inBase && d.Disabled && len(from) > 0:
		// A profile switching off a rule its bases do not have: a
		// misspelt id, which would leave the rule meant running.
		c.nothingThere(d, path, "disabled", from, CodeDisableNothing, CodeDisableNothingHint)
	}
}

// nothingThere reports key (override or disabled) on a rule whose id no
// base policy has, with the nearest base id when one is near.
func (c *compiler) nothingThere(d RuleDecl, path, key string, from map[string]string, code, hintCode diag.Code) {
	at := d.fieldPos[key]
	if hint, ok := diag.Closest(d.ID, slices.Sorted(maps.Keys(from))); ok {
		c.errAt(at, path+"."+key, hintCode, d.ID, hint)
		return
	}
	c.errAt(at, path+"."+key, code, d.ID)
}

// fileOf names the policy of a file of the chain by its path.
func (c *compiler) fileOf(path string) string {
	for _, f := range c.files {
		if f.Path == path {
			return f.Name
		}
	}
	return path
}

func (c *compiler) compileRule(f *File, d RuleDecl, path string) *compiledRule {
	if d.Disabled {
		return &compiledRule{Rule: Rule{ID: d.ID}}
	}
	ok := true
	for _, field := range []struct {
		name string
		set  bool
	}{{"subject", d.Subject != ""}, {"expr", !d.Expr.IsZero()}, {"severity", d.Severity != ""}, {"message", d.Message != nil}} {
		if !field.set {
			c.errAt(d.Pos, path+"."+field.name, CodeRequiredRuleField, field.name)
			ok = false
		}
	}
	if d.Severity != "" && d.Severity != string(Deny) && d.Severity != string(Warn) {
		c.errAt(d.fieldPos["severity"], path+".severity", CodeBadSeverity, d.Severity)
		ok = false
	}
	if d.Message != nil {
		for _, l := range diag.Langs {
			if _, has := d.Message[l]; !has {
				c.errAt(d.fieldPos["message"], path+".message."+string(l), CodeMissingMessage, string(l))
				ok = false
			}
		}
	}
	if d.Subject == "" {
		return nil
	}
	ke := c.kindEnv(d.Subject, d.fieldPos["subject"], path+".subject")
	if ke == nil {
		return nil
	}
	// A rule missing a field or a language is still checked to the end, so
	// that one lint names every problem of the rule: the CEL errors of its
	// expressions and messages too, in file order.
	r := &compiledRule{Rule: Rule{
		ID: d.ID, Kind: Kind(ke.kind.Name), Severity: Severity(d.Severity), Source: d.Source, Citations: guide.Resolve(d.Source),
		Description: c.renderText(f, d.Description, path+".description"), When: d.When.Text, Expr: d.Expr.Text, Pos: d.Pos,
		Message: diag.Text{KK: d.Message[diag.KK].Text, RU: d.Message[diag.RU].Text, EN: d.Message[diag.EN].Text},
	}, env: ke}
	reads := map[string]bool{}
	boolProgram := func(e Expr, field string) (*cel.Ast, cel.Program) {
		a := c.check(ke.env, e, path+"."+field)
		if a == nil {
			return nil, nil
		}
		if !a.OutputType().IsExactType(cel.BoolType) {
			c.errAt(e.Pos, path+"."+field, CodeNotBool, typeName(a.OutputType()))
			return nil, nil
		}
		for n := range c.collectRefs(a) {
			reads[n] = true
		}
		prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize))
		if err != nil {
			c.errAt(e.Pos, path+"."+field, CodeCEL, err.Error())
			return nil, nil
		}
		return a, prg
	}
	if !d.When.IsZero() {
		r.whenAst, r.when = boolProgram(d.When, "when")
		ok = ok && r.when != nil
	}
	if !d.Expr.IsZero() {
		r.exprAst, r.expr = boolProgram(d.Expr, "expr")
	}
	ok = ok && r.expr != nil
	var msgWhy []string
	for li, l := range diag.Langs {
		t, tok, why := c.compileTemplate(ke, l, d.Message[l], path+".message."+string(l))
		r.messages[li] = t
		ok = ok && tok
		if why != "" && !slices.Contains(msgWhy, why) {
			msgWhy = append(msgWhy, why)
		}
	}
	if !ok {
		return nil
	}
	asts := []*cel.Ast{r.exprAst}
	if r.whenAst != nil {
		asts = append(asts, r.whenAst)
	}
	if !c.prove(ke, r, asts, reads, d, path) {
		return nil
	}
	c.compileNativeRule(r, msgWhy)
	// The metered twins: used always for unbounded rules, and for bounded
	// ones on subjects whose lists exceed the declared limits.
	var err error
	r.exprM, err = ke.env.Program(r.exprAst, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	if err == nil && r.whenAst != nil {
		r.whenM, err = ke.env.Program(r.whenAst, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	}
	if err != nil {
		c.errAt(d.Expr.Pos, path+".expr", CodeCEL, err.Error())
		return nil
	}
	return r
}

// prove estimates the rule's worst-case cost (its when, its expr and the
// variables they read) and checks what it may build; false after
// reporting a rule that fails either proof.
func (c *compiler) prove(ke *kindEnv, r *compiledRule, asts []*cel.Ast, reads map[string]bool, d RuleDecl, path string) bool {
	vars := ke.varsRead(reads)
	total, bounded := uint64(0), true
	for _, a := range asts {
		est, ok := c.estimate(ke, a)
		bounded = bounded && ok
		total = satAdd(total, est)
	}
	for _, v := range vars { // each variable runs at most once per subject
		est, ok := c.estimate(ke, v.ast)
		bounded = bounded && ok
		total = satAdd(total, est)
	}
	if bounded && total > c.costLimit {
		c.errAt(d.fieldPos["expr"], path+".expr", CodeTooCostly, strconv.FormatUint(total, 10), strconv.FormatUint(c.costLimit, 10), r.ID)
		return false
	}
	if bounded {
		r.Cost = total
	}
	r.metered = !bounded
	fine := true
	at := []struct {
		a    *cel.Ast
		expr Expr
		path string
	}{{r.exprAst, d.Expr, path + ".expr"}, {r.whenAst, d.When, path + ".when"}}
	for _, x := range at {
		if x.a == nil {
			continue
		}
		builds, err := c.bounds(ke, x.a)
		r.builds = r.builds || builds
		if err != nil {
			c.reportBound(x.expr, x.path, r.ID, err)
			fine = false
		}
	}
	for _, v := range vars {
		builds, err := c.bounds(ke, v.ast)
		r.builds = r.builds || builds
		if err != nil {
			c.reportBound(v.expr, v.path, "variable "+v.name, err)
			fine = false
		}
	}
	return fine
}

func (c *compiler) compileNativeRule(r *compiledRule, msgWhy []string) {
	r.Evaluator, r.Reason = EvaluatorCEL, ""
	var err error
	if r.whenAst != nil {
		r.nWhen, err = native.Compile(r.whenAst.NativeRep(), r.env.scope)
	}
	if err == nil {
		r.nExpr, err = native.Compile(r.exprAst.NativeRep(), r.env.scope)
	}
	if err != nil {
		r.nWhen, r.nExpr = nil, nil
		r.Reason = reason(err)
		return
	}
	r.Evaluator = EvaluatorNative
	if len(msgWhy) > 0 {
		r.Reason = "message on cel-go: " + strings.Join(msgWhy, "; ")
	}
}

// reason is the compiler's why, for people.
func reason(err error) string {
	return strings.ReplaceAll(err.Error(), native.ErrUnsupported.Error()+": ", "")
}

func satAdd(a, b uint64) uint64 {
	if a > ^uint64(0)-b {
		return ^uint64(0)
	}
	return a + b
}

// compileTemplate splits a message at {{ }} placeholders and compiles each
// for both evaluators; why says why a placeholder is not native.
func (c *compiler) compileTemplate(ke *kindEnv, lang diag.Lang, e Expr, path string) (t template, ok bool, why string) {
	ok = c.eachPlaceholder(e, path, func(lit string) {
		t.parts = append(t.parts, templatePart{lit: lit})
	}, func(sub Expr) bool {
		part, pok, pwhy := c.compilePlaceholder(ke, lang, sub, path)
		if why == "" {
			why = pwhy
		}
		t.parts = append(t.parts, part)
		return pok
	})
	return t, ok, why
}

// eachPlaceholder walks a template: its literal text to lit, each {{ }}
// placeholder, trimmed and placed, to ph; false when a placeholder is
// unclosed or ph says one is wrong.
func (c *compiler) eachPlaceholder(e Expr, path string, lit func(string), ph func(Expr) bool) bool {
	text := e.Text
	off := 0
	ok := true
	for {
		i := strings.Index(text[off:], "{{")
		if i < 0 {
			if off < len(text) {
				lit(text[off:])
			}
			return ok
		}
		start := off + i
		j := strings.Index(text[start+2:], "}}")
		if j < 0 {
			c.errAt(e.PosAt(start), path, CodeUnclosed)
			return false
		}
		if start > off {
			lit(text[off:start])
		}
		inner := text[start+2 : start+2+j]
		lead := len(inner) - len(strings.TrimLeft(inner, " "))
		sub := Expr{Text: strings.TrimSpace(inner), Pos: e.PosAt(start + 2 + lead), block: e.block, indent: e.indent}
		ok = ph(sub) && ok
		off = start + 2 + j + 2
	}
}

// renderText renders a description, a template over params, with the
// policy's params: "at least {{params.mentor_min_age}}" reads the value
// the policy (or the profile that extends it) sets. f is the file the
// text is from, path where (e.g. "rules[2].description"). A placeholder
// may read params and call the library's functions, the message
// functions of the text's language among them; nothing of a subject.
func (c *compiler) renderText(f *File, t diag.Text, path string) diag.Text {
	out := t
	for _, l := range diag.Langs {
		e, ok := f.texts[path+"."+string(l)]
		if !ok || !strings.Contains(e.Text, "{{") {
			continue
		}
		var b strings.Builder
		c.eachPlaceholder(e, path+"."+string(l), func(lit string) { b.WriteString(lit) }, func(sub Expr) bool {
			v, ok := c.constant(l, sub, path+"."+string(l))
			b.WriteString(v)
			return ok
		})
		switch l {
		case diag.KK:
			out.KK = b.String()
		case diag.RU:
			out.RU = b.String()
		default:
			out.EN = b.String()
		}
	}
	return out
}

// constant evaluates a description's placeholder, which reads only
// constants, in lang.
func (c *compiler) constant(lang diag.Lang, sub Expr, path string) (string, bool) {
	i := langIndex(lang)
	if c.textEnvs[i] == nil {
		env, err := c.base.Extend(c.lib.MessageOptions(lang)...)
		if err != nil {
			panic(fmt.Sprintf("rules: the message functions of %s do not declare: %v", lang, err)) // the table is ours
		}
		c.textEnvs[i] = env
	}
	a := c.check(c.textEnvs[i], sub, path)
	if a == nil || !c.checkLiterals(a, sub, path) {
		return "", false
	}
	c.collectRefs(a)
	if t := a.OutputType(); !scalar(t) {
		c.errAt(sub.Pos, path, CodeObject, "{{"+sub.Text+"}}", typeName(t), "{{params.NAME}}")
		return "", false
	}
	prg, err := c.textEnvs[i].Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	if err == nil {
		var v ref.Val
		if v, _, err = prg.Eval(cel.NoVars()); err == nil {
			return format(v), true
		}
	}
	c.errAt(sub.Pos, path, CodeCEL, err.Error())
	return "", false
}

func (c *compiler) compilePlaceholder(ke *kindEnv, lang diag.Lang, sub Expr, path string) (templatePart, bool, string) {
	env := ke.messageEnv(c.lib, lang)
	a := c.check(env, sub, path)
	if a == nil || !c.checkLiterals(a, sub, path) {
		return templatePart{}, false, ""
	}
	c.collectRefs(a)
	if t := a.OutputType(); !scalar(t) {
		hint := "{{" + sub.Text + ".id}}"
		if t.Kind() == types.ListKind {
			hint = "{{" + sub.Text + ".map(x, x.id)}}"
		}
		c.errAt(sub.Pos, path, CodeObject, "{{"+sub.Text+"}}", typeName(t), hint)
		return templatePart{}, false, ""
	}
	if _, err := c.bounds(ke, a); err != nil {
		c.reportBound(sub, path, "{{"+sub.Text+"}}", err)
		return templatePart{}, false, ""
	}
	prg, err := env.Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
	if err != nil {
		c.errAt(sub.Pos, path, CodeCEL, err.Error())
		return templatePart{}, false, ""
	}
	part := templatePart{prog: prg}
	var why string
	if part.fn, err = native.Compile(a.NativeRep(), ke.scope); err != nil {
		why = "{{" + sub.Text + "}}: " + reason(err)
	}
	return part, true, why
}

// scalar reports whether a message may show a value of type t: a string,
// a number, a bool, a date or a month, or a list of them. An object could
// carry personal data (a volunteer's full name) into a message; a dyn
// value could be one.
func scalar(t *cel.Type) bool {
	switch t.Kind() {
	case types.StringKind, types.IntKind, types.UintKind, types.DoubleKind, types.BoolKind:
		return true
	case types.ListKind:
		return len(t.Parameters()) == 1 && scalar(t.Parameters()[0])
	case types.StructKind, types.OpaqueKind:
		return t.TypeName() == "civil.Date" || t.TypeName() == "civil.Month"
	}
	return false
}

func (c *compiler) compileScores() []*compiledScore {
	var out []*compiledScore
	for _, f := range c.files {
		for i, d := range f.Scores {
			path := diag.Index("scores", i)
			if d.ID == "" || d.Expr.IsZero() || d.Subject == "" {
				c.errAt(d.Pos, path, CodeRequiredRuleField, "id, subject, expr")
				continue
			}
			ke := c.kindEnv(d.Subject, d.Pos, path+".subject")
			if ke == nil {
				continue
			}
			s := &compiledScore{Score: Score{ID: d.ID, Kind: Kind(ke.kind.Name), Description: c.renderText(f, d.Description, path+".description"),
				Expr: d.Expr.Text, Weight: d.Weight.Text, Evaluator: EvaluatorNative}, env: ke}
			var whys []error
			num := func(e Expr, field string) (cel.Program, native.Fn) {
				a := c.check(ke.env, e, path+"."+field)
				if a == nil {
					return nil, nil
				}
				t := a.OutputType()
				if !t.IsExactType(cel.DoubleType) && !t.IsExactType(cel.IntType) {
					c.errAt(e.Pos, path+"."+field, CodeNotNumber, typeName(t))
					return nil, nil
				}
				c.collectRefs(a)
				if _, err := c.bounds(ke, a); err != nil {
					c.reportBound(e, path+"."+field, d.ID, err)
					return nil, nil
				}
				prg, err := ke.env.Program(a, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(c.costLimit))
				if err != nil {
					c.errAt(e.Pos, path+"."+field, CodeCEL, err.Error())
					return nil, nil
				}
				fn, err := native.Compile(a.NativeRep(), ke.scope)
				if err != nil {
					whys = append(whys, err)
				}
				return prg, fn
			}
			s.expr, s.nExpr = num(d.Expr, "expr")
			if !d.Weight.IsZero() {
				s.weight, s.nWeight = num(d.Weight, "weight")
				if s.weight == nil {
					continue
				}
			}
			if s.expr == nil {
				continue
			}
			if err := errors.Join(whys...); err != nil {
				s.nExpr, s.nWeight, s.Evaluator, s.Reason = nil, nil, EvaluatorCEL, reason(err)
			}
			if j := slices.IndexFunc(out, func(o *compiledScore) bool { return o.ID == d.ID }); j >= 0 {
				out[j] = s
				continue
			}
			out = append(out, s)
		}
	}
	return out
}

// messageEnv is the kind's environment with the message functions of lang
// (say, quantity, words), for its message templates; built on first use,
// once the kind's variables are declared.
func (ke *kindEnv) messageEnv(lib *library.Lib, lang diag.Lang) *cel.Env {
	i := langIndex(lang)
	if ke.messages[i] == nil {
		env, err := ke.env.Extend(lib.MessageOptions(lang)...)
		if err != nil {
			panic(fmt.Sprintf("rules: the message functions of %s do not declare: %v", lang, err)) // the table is ours
		}
		ke.messages[i] = env
	}
	return ke.messages[i]
}

// checkLiterals checks the arguments of message functions that must be
// string literals naming a case or a vocabulary, reporting each wrong one
// at its position; false when one is wrong.
func (c *compiler) checkLiterals(a *cel.Ast, sub Expr, path string) bool {
	ok := true
	na := a.NativeRep()
	ast.PostOrderVisit(na.Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.CallKind {
			return
		}
		ids := na.GetOverloadIDs(e.ID())
		if len(ids) != 1 {
			return
		}
		o, found := c.lib.Overload(ids[0])
		if !found || len(o.Literal) == 0 {
			return
		}
		args := e.AsCall().Args()
		for i, kind := range o.Literal {
			if kind == "" || i >= len(args) {
				continue
			}
			arg := args[i]
			loc := na.SourceInfo().GetStartLocation(arg.ID())
			pos := sub.PosAt(offsetOf(sub.Text, loc.Line(), loc.Column()))
			s, isLit := "", arg.Kind() == ast.LiteralKind
			if isLit {
				v, isStr := arg.AsLiteral().(types.String)
				s, isLit = string(v), isStr
			}
			known, names := library.CheckLiteral(kind, s)
			if !isLit || !known {
				shown := "'" + s + "'"
				if !isLit {
					shown = e.AsCall().FunctionName() + "()"
				}
				code := CodeBadCase
				if kind == library.LiteralVocabulary {
					code = CodeBadVocabulary
				}
				c.errAt(pos, path, code, shown, strings.Join(names, ", "))
				ok = false
			}
		}
	}))
	return ok
}
