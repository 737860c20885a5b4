package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// versionInfo is what `sabaq version -o json` prints, from the build
// information Go stamps into the binary: the module's version (a tag, or a
// pseudo-version from the commit when built from a clone), the VCS
// revision and its time, and whether the tree had uncommitted changes.
type versionInfo struct {
	Version      string `json:"version"`
	Revision     string `json:"revision,omitempty"`
	Time         string `json:"time,omitempty"`
	Modified     bool   `json:"modified,omitempty"`
	Go           string `json:"go,omitempty"`
	RulesLibrary int    `json:"rules_library"`
}

func readVersion() versionInfo {
	v := versionInfo{Version: "(devel)", RulesLibrary: rules.LibraryVersion}
	bi, ok := buildInfo()
	if !ok {
		return v
	}
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	v.Go = bi.GoVersion
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// moduleVersion is the version alone, for SARIF's tool.
func moduleVersion() string { return readVersion().Version }

func (e *env) printVersion(format string) error {
	v := readVersion()
	if format == "json" {
		return wire.Encode(e.stdout, v)
	}
	line := "sabaq " + v.Version
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if v.Modified {
			rev += "+" + e.t("version.modified")
		}
		line += " (" + e.t("version.revision", rev, v.Time) + ")"
	}
	fmt.Fprintln(e.stdout, line)
	return nil
}

func newVersion(e *env) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "version",
		Short: e.l(diag.Text{KK: "нұсқасы мен ревизиясы (жинақ ақпаратынан)", RU: "версия и ревизия (из сведений о сборке)", EN: "the version and revision (from the build information)"}),
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			f, _, err := e.output(c, format, "text", "json")
			if err != nil {
				return err
			}
			return e.printVersion(f)
		},
	}
	e.formatFlag(c, &format, "text", "json")
	return c
}

var _ = debug.ReadBuildInfo

func init() {
	words(map[string]diag.Text{
		"version.revision": {KK: "ревизия {0}, {1}", RU: "ревизия {0}, {1}", EN: "revision {0}, {1}"},
		"version.modified": {KK: "өзгертілген", RU: "изменена", EN: "modified"},
	})
}
