package main

import (
	"context"
	"strings"

	"github.com/birgemiz/sabaqtastyq/planning"
	"github.com/birgemiz/sabaqtastyq/planning/policyjudge"
)

func init() {
	register(command{name: "match", summary: "propose mentor–child tandems with the pair policy", run: runMatch})
}

func runMatch(e *env, args []string) error {
	fs := newFlags(e, "match", "[flags] FILE",
		`Proposes mentor–child tandems: as many allowed pairs as possible, then the
best total score, each with its score parts, and a reason for everyone left
unmatched. Pairs are judged by a policy with pair rules and scores (default:
the embedded pairs policy). It is a proposal: the coordinator decides.`)
	policy := fs.String("policy", "pairs", "pair policy: an embedded name or a YAML file")
	langFlag(fs, e)
	institutions := fs.String("institution", "", "match only children of these institutions (comma-separated ids)")
	maxChildren := fs.Int("max-children", 0, "children a mentor may have in open tandems (default 1)")
	format := fs.String("format", "text", "output: text or json")
	sizeFlag(fs, e, programmeCap+", "+policyCap)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("match needs one programme file (see sabaq match --help)")
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	prog, err := loadProgramme(e, rest[0])
	if err != nil {
		return err
	}
	pol, err := resolvePolicy(e, *policy)
	if err != nil {
		return err
	}
	ctx := context.Background()
	judge, err := policyjudge.New(ctx, pol, prog, e.lang)
	if err != nil {
		return err
	}
	opts := planning.MatchOptions{MaxChildren: *maxChildren, Lang: e.lang}
	if *institutions != "" {
		opts.Institutions = strings.Split(*institutions, ",")
	}
	m, err := planning.Match(ctx, prog, judge, opts)
	if err != nil {
		return err
	}
	if *format == "json" {
		return m.WriteJSON(e.stdout)
	}
	return m.WriteText(e.stdout, e.lang)
}
