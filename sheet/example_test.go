package sheet_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/rules"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

// Read a folder of CSV files, as a spreadsheet program saves them; the
// path ends in a separator, so Load reads a folder.
func ExampleLoad() {
	dir, _ := os.MkdirTemp("", "roster")
	defer os.RemoveAll(dir)
	files := map[string]string{
		"programme.csv":    "as_of\n2026-11-24\n",
		"institutions.csv": "id,name,kind\ninst-1,Children's home No. 1,Балалар үйі\n",
		"volunteers.csv":   "id,full_name,birth_date,role,languages\nv-1,Aigerim Sadykova,1990-04-02,individual_mentor,kk; ru\n",
	}
	for name, body := range files {
		_ = os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	prog, err := sheet.Load(dir + string(filepath.Separator))
	if err != nil {
		fmt.Println(diag.Localize(err, diag.EN))
		return
	}
	fmt.Println(prog.AsOf, prog.Institutions[0].Kind, prog.Volunteers[0].Role, prog.Volunteers[0].Languages)
	// Output:
	// 2026-11-24 orphanage individual_mentor [kk ru]
}

// Every problem of a CSV folder at once, at its file and line, in the
// reader's language, and never repeating what the cell held.
func ExampleReadCSV_errors() {
	dir, _ := os.MkdirTemp("", "roster")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(filepath.Join(dir, "programme.csv"), []byte("as_of\n2026-11-24\n"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "volunteers.csv"), []byte(
		"id,full_name,brith_date,role\n"+
			"v-1,Aigerim Sadykova,1990-02-30,mentor\n"), 0o644)
	_, err := sheet.ReadCSV(dir)
	for _, e := range diag.Errors(err) {
		e.File = filepath.Base(e.File)
	}
	fmt.Println(diag.Localize(err, diag.RU))
	// Output:
	// volunteers.csv:1: неизвестное поле «brith_date» (может быть, «birth_date»?)
	// volunteers.csv:2: role: значения нет в списке: Индивидуальный наставник; Волонтёр групповых занятий; Волонтёр мероприятий; Коуч
	// volunteers.csv:2: birth_date: birth_date обязательное поле
}

// Write the empty workbook in Russian and look at it as a spreadsheet
// program would.
func ExampleWriteTemplate() {
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, diag.RU); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(strings.Join(f.GetSheetList()[:4], ", "))
	rows, _ := f.GetRows("tandems")
	fmt.Println(strings.Join(rows[0], " | "))
	fmt.Println(strings.Join(rows[1], " | "))
	dvs, _ := f.GetDataValidations("tandems")
	for _, dv := range dvs {
		if dv.Type == "list" {
			fmt.Println(dv.Sqref, "choose from", dv.Formula1)
		}
	}
	// Output:
	// Инструкция, programme, institutions, volunteers
	// Идентификатор * | Наставник (ID) * | Ребёнок (ID) * | Дата начала * | Этап * | Дата закрытия | Причина закрытия | Комментарий к закрытию
	// id | mentor | child | started_on | phase | closed_on | close_reason | close_note
	// E3:E1048576 choose from '_lists'!$L$2:$L$6
	// G3:G1048576 choose from '_lists'!$M$2:$M$8
}

// Write a report's findings as CSV, one row per finding.
func ExampleWriteFindingsCSV() {
	prog, err := sheet.Load("../examples/data/problems.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	pol, err := rules.Resolve("guide")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := pol.Evaluate(context.Background(), prog, rules.WithLang(diag.EN), rules.WithRules("group.max_size"))
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = sheet.WriteFindingsCSV(os.Stdout, rep)
	// Output:
	// rule,severity,subject,message,source
	// group.max_size,deny,group/g-2,"Group g-2 has 19 people (7 mentors, 12 children): a group session has at most 18, children and mentors together. Plan several groups.",R4 (L1718–L1721)
}
