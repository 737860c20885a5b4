package main

import (
	"strings"

	"github.com/birgemiz/sabaqtastyq/planning"
)

func init() {
	register(command{name: "plan", summary: "propose group sessions (plan groups FILE)", run: runPlan})
}

func runPlan(e *env, args []string) error {
	fs := newFlags(e, "plan", "groups [flags] FILE",
		`plan groups proposes how to split each institution's mentors and children
into group sessions of 12–18 people (the guide's R4), keeping every tandem
together. It is a proposal: the coordinator decides.`)
	langFlag(fs, e)
	institutions := fs.String("institution", "", "plan only these institutions (comma-separated ids)")
	minSize := fs.Int("min", 0, "smallest group (default 12, the guide's)")
	maxSize := fs.Int("max", 0, "largest group (default 18, the guide's)")
	format := fs.String("format", "text", "output: text or json")
	sizeFlag(fs, e, programmeCap)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "groups" {
		return usagef("plan needs: groups FILE (see sabaq plan --help)")
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	prog, err := loadProgramme(e, rest[1])
	if err != nil {
		return err
	}
	opts := planning.GroupOptions{Min: *minSize, Max: *maxSize, Lang: e.lang}
	if *institutions != "" {
		opts.Institutions = strings.Split(*institutions, ",")
	}
	plan, err := planning.PlanGroups(prog, opts)
	if err != nil {
		return err
	}
	if *format == "json" {
		return plan.WriteJSON(e.stdout)
	}
	return plan.WriteText(e.stdout, e.lang)
}
