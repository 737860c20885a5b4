package main

import (
	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// shells are the shells completion writes scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

func newCompletion(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "completion",
		Short: e.l(diag.Text{KK: "қабыққа арналған толықтыру сценарийі (bash, zsh, fish, powershell)", RU: "скрипт автодополнения для оболочки (bash, zsh, fish, powershell)", EN: "the completion script of a shell (bash, zsh, fish, powershell)"}),
		Long: e.l(diag.Text{
			KK: `Қабықтың толықтыру сценарийін шығарады: командалар, жалаушалар, пішімдер,
тілдер және саясат атаулары. Мысалы:
  source <(sabaq completion bash)
  sabaq completion zsh > "${fpath[1]}/_sabaq"
  sabaq completion fish > ~/.config/fish/completions/sabaq.fish
  sabaq completion powershell | Out-String | Invoke-Expression`,
			RU: `Выводит скрипт автодополнения для оболочки: команды, флаги, форматы, языки и
имена политик. Например:
  source <(sabaq completion bash)
  sabaq completion zsh > "${fpath[1]}/_sabaq"
  sabaq completion fish > ~/.config/fish/completions/sabaq.fish
  sabaq completion powershell | Out-String | Invoke-Expression`,
			EN: `Prints the completion script of a shell: commands, flags, formats, languages
and policy names. For example:
  source <(sabaq completion bash)
  sabaq completion zsh > "${fpath[1]}/_sabaq"
  sabaq completion fish > ~/.config/fish/completions/sabaq.fish
  sabaq completion powershell | Out-String | Invoke-Expression`,
		}),
		Annotations: map[string]string{"args": "bash|zsh|fish|powershell"},
		ValidArgs:   shells,
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_shell"); err != nil {
				return err
			}
			root := c.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(e.stdout, true)
			case "zsh":
				return root.GenZshCompletion(e.stdout)
			case "fish":
				return root.GenFishCompletion(e.stdout, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(e.stdout)
			}
			return e.notFound(wire.CodeBadRequest, "completion.shell", args[0], shells, e.list(shells))
		},
	}
}

func init() {
	words(map[string]diag.Text{
		"completion.shell": {
			KK: "«{0}» қабығына сценарий жоқ: {1}",
			RU: "для оболочки «{0}» скрипта нет: {1}",
			EN: "there is no script for the shell \"{0}\": use {1}",
		},
	})
}
