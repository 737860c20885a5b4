package sheet_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
)

func TestFormOf(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "programme")
	require.NoError(t, os.WriteFile(plain, []byte("{}"), 0o644))
	tests := []struct {
		path string
		want sheet.Form
	}{
		{"p.json", sheet.FormJSON},
		{"p.JSON", sheet.FormJSON},
		{"p.yaml", sheet.FormYAML},
		{"p.yml", sheet.FormYAML},
		{"roster.xlsx", sheet.FormXLSX},
		{"roster.XLSM", sheet.FormXLSX},
		{"roster/", sheet.FormCSV},
		{dir, sheet.FormCSV},
		{plain, sheet.FormJSON},
		{"roster.xls", sheet.FormUnknown},
		{"roster.ods", sheet.FormUnknown},
		{"volunteers.csv", sheet.FormUnknown},
		{filepath.Join(dir, "nothing"), sheet.FormUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, sheet.FormOf(tt.path))
		})
	}
}

// TestLoadForms loads the example in each form through the one entry
// point.
func TestLoadForms(t *testing.T) {
	p, err := mentoring.Load("../examples/data/programme.json")
	require.NoError(t, err)
	dir := t.TempDir()
	for _, name := range []string{"p.json", "p.yaml", "p.yml", "p.xlsx", "csv/"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if name == "csv/" {
				path += string(filepath.Separator)
			}
			require.NoError(t, sheet.Save(path, p, diag.EN))
			q, err := sheet.Load(path)
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			sameProgramme(t, p, q)
		})
	}
	t.Run("folder without separator", func(t *testing.T) {
		q, err := sheet.Load(filepath.Join(dir, "csv"))
		require.NoError(t, err)
		sameProgramme(t, p, q)
	})
}

func TestLoadUnsupported(t *testing.T) {
	dir := t.TempDir()
	for name, want := range map[string]string{
		"old.xls":        `old.xls: ".xls" files are not read: save the workbook as .xlsx or as CSV`,
		"calc.ods":       `calc.ods: ".ods" files are not read: save the workbook as .xlsx or as CSV`,
		"volunteers.csv": `volunteers.csv: one CSV file is only one list of a programme: give the folder that holds it (roster/, say)`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(path, []byte("x"), 0o644))
			_, err := sheet.Load(path)
			require.Error(t, err)
			assert.ErrorIs(t, err, sheet.ErrForm)
			l := diag.Errors(err)
			require.Len(t, l, 1)
			l[0].File = name
			assert.Equal(t, want, l.Error())
		})
	}
	_, err := sheet.Load(filepath.Join(dir, "missing.xlsx"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	err = sheet.Save(filepath.Join(dir, "out.txt"), &mentoring.Programme{}, diag.EN)
	assert.ErrorIs(t, err, sheet.ErrForm)
}

// TestDecode reads a workbook, JSON and YAML from a reader: standard input
// or a request body.
func TestDecode(t *testing.T) {
	p, err := mentoring.Load("../examples/data/programme.json")
	require.NoError(t, err)
	var x, j, y bytes.Buffer
	require.NoError(t, sheet.WriteXLSX(&x, p, diag.RU))
	require.NoError(t, sheet.WriteJSON(&j, p))
	require.NoError(t, sheet.WriteYAML(&y, p))
	for name, data := range map[string][]byte{"-": x.Bytes(), "body.json": j.Bytes(), "stdin": y.Bytes()} {
		q, err := sheet.Decode(bytes.NewReader(data), name)
		require.NoError(t, err, "%s: %s", name, diag.Localize(err, diag.EN))
		sameProgramme(t, p, q)
	}
	_, err = sheet.Decode(bytes.NewReader(x.Bytes()), "-", sheet.WithMaxBytes(100))
	require.Error(t, err)
}

// TestCSVFolderConfined refuses a list file that is a link out of the
// folder.
func TestCSVFolderConfined(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.csv")
	require.NoError(t, os.WriteFile(secret, []byte("as_of\n2026-11-24\n"), 0o644))
	dir := t.TempDir()
	if err := os.Symlink(secret, filepath.Join(dir, "programme.csv")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err := sheet.ReadCSV(dir)
	require.Error(t, err)
	var pe *os.PathError
	assert.True(t, errors.As(err, &pe), "%v", err)
}

// TestCSVHeadings reads the headings a CSV file may have: field names,
// the template's labels in any language (with the * of a required
// column), "Label (name)", and the template's two heading rows.
func TestCSVHeadings(t *testing.T) {
	tests := map[string]string{
		"names":        "id,full_name,birth_date,role\n",
		"kazakh":       "Идентификатор *,Аты-жөні *,Туған күні *,Рөлі *\n",
		"russian":      "Идентификатор,ФИО,Дата рождения,Роль\n",
		"label (name)": "ID (id),Full name (full_name),Birth date (birth_date),Role (role)\n",
		"two rows":     "Идентификатор *;ФИО *;Дата рождения *;Роль *\nid;full_name;birth_date;role\n",
		"title above":  "Волонтёры центра «Бірге» на 2026 год,,,\nИдентификатор,ФИО,Дата рождения,Роль\n",
	}
	for name, head := range tests {
		t.Run(name, func(t *testing.T) {
			sep := ","
			if name == "two rows" {
				sep = ";"
			}
			dir := csvFolder(t, map[string]string{
				"programme.csv":  "as_of\n2026-11-24\n",
				"volunteers.csv": head + "v-1" + sep + "A B" + sep + "1990-04-02" + sep + "Коуч\n",
			})
			p, err := sheet.ReadCSV(dir)
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			require.Len(t, p.Volunteers, 1)
			assert.Equal(t, "v-1", p.Volunteers[0].ID)
			assert.Equal(t, "coach", string(p.Volunteers[0].Role))
			assert.Equal(t, "1990-04-02", p.Volunteers[0].BirthDate.String())
		})
	}
}

// Words and headings that earlier templates wrote, and a reader corrected,
// still read: a workbook filled in from an older template loads as it did.
func TestFormerWordsRead(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"today's words": {
			"institutions.csv": "id,name,kind,city\ninst-1,«Бірге»,Неправительственная организация,Алматы\n",
			"volunteers.csv":   "id,full_name,birth_date,role,Қауіпсіздік техникасы жөніндегі нұсқаулық\nv-1,A B,1990-04-02,Коуч,2026-02-12\n",
			"agreements.csv":   "id,volunteer,signed_on,Хабарлама берілген күні,ends_on\na-1,v-1,2026-02-15,2026-10-01,2026-10-20\n",
		},
		"former words": {
			"institutions.csv": "id,name,kind,city\ninst-1,«Бірге»,Некоммерческая организация,Алматы\n",
			"volunteers.csv":   "id,full_name,birth_date,role,Қауіпсіздік нұсқамасы\nv-1,A B,1990-04-02,Коуч,2026-02-12\n",
			"agreements.csv":   "id,volunteer,signed_on,Ескерту берілген күні,ends_on\na-1,v-1,2026-02-15,2026-10-01,2026-10-20\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			files["programme.csv"] = "as_of\n2026-11-24\n"
			p, err := sheet.ReadCSV(csvFolder(t, files))
			require.NoError(t, err, "%s", diag.Localize(err, diag.EN))
			assert.Equal(t, mentoring.NGO, p.Institutions[0].Kind)
			assert.Equal(t, "2026-02-12", p.Volunteers[0].Screening.SafetyBriefing.String())
			assert.Equal(t, "2026-10-01", p.Agreements[0].NoticeGivenOn.String())
		})
	}
}
