package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// constructors build the commands, in the order help lists them: the
// main job first, then spreadsheets, the rule-author tools, planning,
// documents, the service and the shell.
var constructors = []func(*env) *cobra.Command{
	newCheck, newDue, newExplain, newTemplate, newConvert,
	newLint, newTest, newFmt, newPolicy, newInit, newSchema,
	newPlan, newMatch, newAgreement, newQuestionnaire, newReport, newRights, newCall,
	newServe, newVersion, newCompletion,
}

// newRoot builds the command tree for one run, every word in e.lang.
func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           "sabaq",
		Short:         e.l(textRootShort),
		Long:          e.l(textRootLong),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          e.commandArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if v, _ := c.Flags().GetBool("version"); v {
				return e.printVersion("text")
			}
			return e.usage("root.needs_command")
		},
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.Flags().Bool("version", false, e.l(diag.Text{
		KK: "нұсқасын және ревизиясын көрсету", RU: "показать версию и ревизию", EN: "print the version and revision"}))
	pf := root.PersistentFlags()
	pf.Var(&langValue{e: e}, "lang", e.l(diag.Text{
		KK: "хабарлар тілі: kk, ru не en (BCP 47 тегтері де, мыс. kk-KZ); әдепкісі SABAQ_LANG, LC_ALL, LC_MESSAGES, LANG бойынша",
		RU: "язык сообщений: kk, ru или en (и теги BCP 47, напр. kk-KZ); по умолчанию из SABAQ_LANG, LC_ALL, LC_MESSAGES, LANG",
		EN: "language of messages: kk, ru or en (BCP 47 tags such as kk-KZ too); default from SABAQ_LANG, LC_ALL, LC_MESSAGES, LANG"}))
	pf.Var(&choiceValue{e: e, flag: "color", p: &e.color, allowed: []string{"auto", "always", "never"}}, "color", e.l(diag.Text{
		KK: "түстер: auto (терминалда, NO_COLOR мен TERM=dumb болмаса), always не never",
		RU: "цвет: auto (в терминале, если нет NO_COLOR и TERM=dumb), always или never",
		EN: "colour: auto (on a terminal, unless NO_COLOR or TERM=dumb), always or never"}))
	e.placeholder(pf.Lookup("lang"), textLangPH)
	e.placeholder(pf.Lookup("color"), textWhenPH)
	_ = root.RegisterFlagCompletionFunc("lang", fixed("kk", "ru", "en"))
	_ = root.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return e.flagError(c.Flags(), err) })
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { e.writeHelp(c.OutOrStdout(), c) })
	root.SetUsageFunc(func(c *cobra.Command) error { e.writeHelp(c.OutOrStderr(), c); return nil })
	root.SetHelpCommand(e.helpCommand(root))
	for _, mk := range constructors {
		root.AddCommand(mk(e))
	}
	e.finishTree(root)
	return root
}

// finishTree gives every command a --help flag in the run's language and
// the flag error function, and makes a command that only groups others
// refuse an unknown subcommand with the nearest one.
func (e *env) finishTree(c *cobra.Command) {
	c.Flags().BoolP("help", "h", false, e.l(diag.Text{KK: "осы анықтаманы көрсету", RU: "показать эту справку", EN: "show this help"}))
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return e.flagError(c.Flags(), err) })
	if c.HasSubCommands() && c.Parent() != nil {
		c.Args = e.commandArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			return e.usage("group.needs_command", c.CommandPath(), strings.Join(names(c), ", "))
		}
	}
	for _, sub := range c.Commands() {
		e.finishTree(sub)
	}
}

// commandArgs refuses a word that is no subcommand of c, with the nearest
// one ("sabaq chek": did you mean check?).
func (e *env) commandArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return e.notFound(wire.CodeBadRequest, "command.unknown", args[0], names(c), c.CommandPath())
}

// names lists the subcommands a person may type.
func names(c *cobra.Command) []string {
	var out []string
	for _, s := range c.Commands() {
		if s.IsAvailableCommand() || s.Name() == "help" {
			out = append(out, s.Name())
		}
	}
	return out
}

// helpCommand is `sabaq help [COMMAND…]`: the help of a command, on
// standard output.
func (e *env) helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help",
		Short: e.l(diag.Text{KK: "команданың анықтамасы", RU: "справка по команде", EN: "help about a command"}),
		Long: e.l(diag.Text{
			KK: "sabaq help КОМАНДА команданың анықтамасын көрсетеді (sabaq КОМАНДА --help сияқты).",
			RU: "sabaq help КОМАНДА показывает справку по команде (как sabaq КОМАНДА --help).",
			EN: "sabaq help COMMAND prints the help of a command (as sabaq COMMAND --help does)."}),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return names(root), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target := root
			for _, a := range args {
				next, _, err := target.Find([]string{a})
				if err != nil || next == target {
					return e.notFound(wire.CodeBadRequest, "command.unknown", a, names(target), target.CommandPath())
				}
				target = next
			}
			e.writeHelp(e.stdout, target)
			return nil
		},
	}
}

// writeHelp prints a command's help: what it does, how it is called, its
// subcommands and its flags, every word in the run's language.
func (e *env) writeHelp(w io.Writer, c *cobra.Command) {
	about := c.Long
	if about == "" {
		about = c.Short
	}
	fmt.Fprintln(w, strings.TrimRight(about, "\n"))
	fmt.Fprintf(w, "\n%s:\n  %s\n", e.t("help.usage"), e.usageLine(c))
	if subs := c.Commands(); len(subs) > 0 {
		fmt.Fprintf(w, "\n%s:\n", e.t("help.commands"))
		width := 0
		for _, s := range subs {
			if s.IsAvailableCommand() || s.Name() == "help" {
				width = max(width, len(s.Name()))
			}
		}
		for _, s := range subs {
			if s.IsAvailableCommand() || s.Name() == "help" {
				fmt.Fprintf(w, "  %-*s  %s\n", width, s.Name(), s.Short)
			}
		}
	}
	if local := c.LocalNonPersistentFlags(); local.HasAvailableFlags() {
		fmt.Fprintf(w, "\n%s:\n%s", e.t("help.flags"), e.flagUsages(local))
	}
	if global := c.InheritedFlags(); global.HasAvailableFlags() || c.Parent() == nil {
		if c.Parent() == nil {
			global = c.PersistentFlags()
		}
		fmt.Fprintf(w, "\n%s:\n%s", e.t("help.global_flags"), e.flagUsages(global))
	}
	if c.Parent() == nil {
		fmt.Fprintf(w, "\n%s\n%s\n", e.t("help.more"), e.t("help.exit"))
	} else if c.HasSubCommands() {
		fmt.Fprintf(w, "\n%s\n", e.t("help.more_sub", c.CommandPath()))
	}
}

// usageLine is "sabaq check [flags] FILE" in the run's language.
func (e *env) usageLine(c *cobra.Command) string {
	line := c.CommandPath()
	if c.HasSubCommands() {
		line += " " + e.t("help.command_ph")
	}
	if c.HasAvailableLocalFlags() || c.HasAvailableInheritedFlags() {
		line += " [" + e.t("help.flags_ph") + "]"
	}
	if a := c.Annotations["args"]; a != "" {
		line += " " + a
	}
	return line
}

// flagUsages lists flags as "  -o, --format FORMAT   what it does
// (default: text)", with the defaults in the run's language.
func (e *env) flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if ph := f.Annotations["placeholder"]; len(ph) > 0 {
			left += " " + ph[0]
		} else if f.Value.Type() != "bool" {
			left += " " + e.t("help.value_ph")
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && f.Value.Type() != "bool" && d != "0" && d != "[]" {
			usage += " " + e.t("help.default", d)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s   %s\n", width, r.left, r.usage)
	}
	return b.String()
}

// placeholder sets the word help shows for a flag's value (FILE, DATE).
func (e *env) placeholder(f *pflag.Flag, t diag.Text) {
	if f == nil {
		return
	}
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations["placeholder"] = []string{e.l(t)}
}

// fixed completes a flag from a fixed list of values.
func fixed(values ...string) func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// langValue is --lang: a BCP 47 tag of one of the three languages.
type langValue struct {
	e   *env
	set string
}

func (v *langValue) String() string { return v.set }
func (v *langValue) Type() string   { return "lang" }
func (v *langValue) Set(s string) error {
	l, ok := langOf(s)
	if !ok {
		return &usageError{code: wire.CodeBadRequest, msg: v.e.t("lang.unknown", s)}
	}
	v.set, v.e.lang, v.e.chosen = s, l, true
	return nil
}

// choiceValue is a flag that takes one of a few words.
type choiceValue struct {
	e       *env
	flag    string
	p       *string
	allowed []string
}

func (v *choiceValue) String() string { return *v.p }
func (v *choiceValue) Type() string   { return "choice" }
func (v *choiceValue) Set(s string) error {
	if !slices.Contains(v.allowed, s) {
		return v.e.notFound(wire.CodeBadRequest, "flag.choice", s, v.allowed, "--"+v.flag, v.e.list(v.allowed))
	}
	*v.p = s
	return nil
}

// langOf reads a language tag as people and locales write it — "kk",
// "kk-KZ", "ru_RU.UTF-8", "en_GB@euro" — and reports whether it is one of
// the three languages sabaq speaks.
func langOf(s string) (diag.Lang, bool) {
	s, _, _ = strings.Cut(s, ".")
	s, _, _ = strings.Cut(s, "@")
	s = strings.ReplaceAll(s, "_", "-")
	tag, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	switch base.String() {
	case "kk":
		return diag.KK, true
	case "ru":
		return diag.RU, true
	case "en":
		return diag.EN, true
	}
	return "", false
}

// chooseLang picks the run's language before the flags are parsed, so
// that help and errors about the flags speak it: --lang, else SABAQ_LANG,
// else the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
// them). A locale of no language (C, POSIX) or of one sabaq does not speak
// leaves the choice to the command: English, or Kazakh for documents.
func chooseLang(args []string, getenv func(string) string) (diag.Lang, bool) {
	if v, ok := flagValue(args, "lang", ""); ok {
		if l, ok := langOf(v); ok {
			return l, true
		}
	}
	for _, k := range []string{"SABAQ_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if l, ok := langOf(v); ok {
			return l, true
		}
		break
	}
	return diag.EN, false
}

// wantsJSON reports whether the command line asks for JSON on standard
// output (--format json, -o json).
func wantsJSON(args []string) bool {
	v, ok := flagValue(args, "format", "o")
	return ok && v == "json"
}

// flagValue finds the last value given to a flag among args, before "--".
func flagValue(args []string, long, short string) (string, bool) {
	value, found := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		var name, rest string
		switch {
		case strings.HasPrefix(a, "--"):
			name, rest = a[2:], ""
			if n, v, ok := strings.Cut(name, "="); ok {
				name, rest = n, "="+v
			}
			if name != long {
				continue
			}
		case short != "" && strings.HasPrefix(a, "-"+short):
			rest = a[1+len(short):]
		default:
			continue
		}
		switch {
		case strings.HasPrefix(rest, "="):
			value, found = rest[1:], true
		case rest != "":
			value, found = rest, true
		case i+1 < len(args):
			value, found = args[i+1], true
			i++
		}
	}
	return value, found
}

// colours paints text for a terminal, and leaves it alone anywhere else.
type colours struct{ on bool }

// colours decides for w by --color: always, never, or (auto) when w is a
// terminal, NO_COLOR (https://no-color.org) is not set and TERM is not
// dumb.
func (e *env) colours(w io.Writer) colours {
	switch e.color {
	case "always":
		return colours{on: true}
	case "never":
		return colours{}
	}
	return colours{on: e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb" && isTerminal(w)}
}

func (c colours) paint(code, s string) string {
	if !c.on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (c colours) red(s string) string    { return c.paint("31;1", s) }
func (c colours) yellow(s string) string { return c.paint("33", s) }
func (c colours) green(s string) string  { return c.paint("32", s) }
func (c colours) bold(s string) string   { return c.paint("1", s) }
func (c colours) dim(s string) string    { return c.paint("2", s) }

// isTerminal reports whether w is a character device (a terminal): a
// pipe, a file or a test buffer is not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress shows what a long run is doing on stderr, one line rewritten
// in place, only when stderr is a terminal that takes colour codes;
// elsewhere it says nothing, so logs and golden files stay clean.
type progress struct {
	w  io.Writer
	on bool
}

func (e *env) progress() *progress {
	return &progress{w: e.stderr, on: isTerminal(e.stderr) && e.getenv("TERM") != "dumb"}
}

func (p *progress) show(s string) {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K"+s)
	}
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
