package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

func newTemplate(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "template",
		Short: e.l(diag.Text{KK: "толтыруға арналған бос бағдарлама жұмыс кітабы (.xlsx)", RU: "пустая книга программы для заполнения (.xlsx)", EN: "an empty programme workbook to fill in (.xlsx)"}),
		Long: e.l(diag.Text{
			KK: `Бос бағдарлама жұмыс кітабын жазады: әр тізімге бір парақ, тақырыптар --lang
тілінде, әр сөздікке ашылмалы тізім, күн ұяшықтары күн ретінде, алдында
толтыру нұсқауы. "-" — стандартты шығыс.`,
			RU: `Создаёт пустую книгу программы: по листу на каждый список, заголовки на языке
--lang, выпадающие списки для каждого словаря, ячейки дат как даты, первым
листом — как заполнять. "-" — стандартный вывод.`,
			EN: `Writes an empty programme workbook: a sheet per list, headings in the
--lang language, a drop-down list for every vocabulary, date cells as dates,
and a first sheet that explains how to fill it in. "-" writes standard output.`,
		}),
		Annotations: map[string]string{"args": e.l(diag.Text{KK: "ФАЙЛ.xlsx", RU: "ФАЙЛ.xlsx", EN: "FILE.xlsx"})},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_output"); err != nil {
				return err
			}
			out := args[0]
			if out == "-" {
				return sheet.WriteTemplate(e.stdout, e.lang)
			}
			if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
				return e.usage("template.ext", out)
			}
			if err := e.write(out, func(w io.Writer) error { return sheet.WriteTemplate(w, e.lang) }); err != nil {
				return err
			}
			fmt.Fprintln(e.stderr, e.t("written", out))
			return nil
		},
	}
}

func newConvert(e *env) *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "convert",
		Short: e.l(diag.Text{KK: "бағдарламаны JSON, YAML, .xlsx және CSV бумасы арасында түрлендіру", RU: "перевести программу между JSON, YAML, .xlsx и папкой CSV", EN: "convert a programme between JSON, YAML, .xlsx and a CSV folder"}),
		Long: e.l(diag.Text{
			KK: `КІРІС бағдарламасын (JSON, YAML, .xlsx, CSV бумасы; "-" — стандартты кіріс)
оқып, -o көрсеткен түрде жазады: -o json не -o yaml — стандартты шығысқа,
-o ФАЙЛ.json|.yaml|.xlsx — файлға, -o БУМА/ — CSV файлдарының бумасына.
Ешнәрсе жоғалмайды: қайта оқылған бағдарлама сол бағдарлама.`,
			RU: `Читает программу ВХОД (JSON, YAML, .xlsx, папка CSV; "-" — стандартный ввод)
и пишет её в виде, указанном -o: -o json или -o yaml — на стандартный вывод,
-o ФАЙЛ.json|.yaml|.xlsx — в файл, -o ПАПКА/ — в папку файлов CSV. Ничего не
теряется: прочитанная снова программа — та же.`,
			EN: `Reads the programme IN (JSON, YAML, .xlsx, a CSV folder; "-" reads standard
input) and writes it in the form -o names: -o json or -o yaml to standard
output, -o FILE.json|.yaml|.xlsx to that file, -o DIR/ to a folder of CSV
files. Nothing is lost: reading the result gives back the same programme.`,
		}),
		Annotations: map[string]string{"args": e.l(diag.Text{KK: "КІРІС -o ШЫҒЫС", RU: "ВХОД -o ВЫХОД", EN: "IN -o OUT"})},
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 1, "args.one_file"); err != nil {
				return err
			}
			if output == "" {
				return e.usage("convert.needs_output")
			}
			format, out, err := e.output(c, output, "json", "yaml", "xlsx", "csv")
			if err != nil {
				return err
			}
			if out != "" && filepath.Clean(out) == filepath.Clean(args[0]) {
				return e.usage("convert.same")
			}
			prog, err := e.loadProgramme(args[0])
			if err != nil {
				return err
			}
			switch {
			case out == "" && format == "json":
				return sheet.WriteJSON(e.stdout, prog)
			case out == "" && format == "yaml":
				return sheet.WriteYAML(e.stdout, prog)
			case out == "" && format == "xlsx":
				return sheet.WriteXLSX(e.stdout, prog, e.lang)
			case out == "":
				return e.usage("convert.needs_output")
			}
			if err := sheet.Save(out, prog, e.lang); err != nil {
				return err
			}
			fmt.Fprintln(e.stderr, e.t("written", out))
			return nil
		},
	}
	c.Flags().StringVarP(&output, "format", "o", "", e.l(diag.Text{
		KK: "шығыс: json не yaml (стандартты шығысқа), не ФАЙЛ.json|.yaml|.xlsx, не БУМА/ (CSV)",
		RU: "вывод: json или yaml (на стандартный вывод), или ФАЙЛ.json|.yaml|.xlsx, или ПАПКА/ (CSV)",
		EN: "output: json or yaml (standard output), or FILE.json|.yaml|.xlsx, or DIR/ (CSV)"}))
	e.placeholder(c.Flags().Lookup("format"), textFormatPH)
	e.sizeFlag(c, e.programmeCap())
	return c
}
