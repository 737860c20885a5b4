package sheet

import "github.com/birgemiz/sabaqtastyq/diag"

// Sheet describes one sheet of the workbook (one file of a CSV folder).
type Sheet struct {
	// Name is the sheet's name and its file's name without ".csv":
	// "programme", "volunteers", "volunteers.skills".
	Name string
	// Title and About name the sheet and say what it lists, for people.
	Title, About diag.Text
	// Parent is, for a nested list (a volunteer's skills), the list whose
	// elements hold its items; its first column is the parent's id.
	Parent string
	// Columns are the sheet's columns, in order.
	Columns []Column
}

// Column describes one column of a sheet.
type Column struct {
	// Name is the field's dotted JSON path in a row: "screening.interview".
	Name string
	// Label is the column's heading for people.
	Label diag.Text
	// Kind says what a cell holds; Item what each value of a list holds.
	Kind, Item Kind
	// Required columns must be filled in on every row. RequiredIn names,
	// for a field required inside an optional object, that object: the
	// column must be filled in when any of the object's columns is
	// (organisation.name when any organisation.* is).
	Required   bool
	RequiredIn string
	// Choices are a vocabulary's codes and their words, for a Choice
	// column or a List of choices.
	Choices []Choice
}

// Choice is one code of a vocabulary and its word.
type Choice struct {
	Code string
	Word diag.Text
}

// Kind is what a cell holds.
type Kind string

// Kinds of cells.
const (
	KindText   Kind = "text"
	KindChoice Kind = "choice" // a code of a vocabulary, written as its word
	KindWhole  Kind = "whole"  // a whole number
	KindNumber Kind = "number"
	KindYesNo  Kind = "yes_no"
	KindDate   Kind = "date"
	KindMonth  Kind = "month"
	KindList   Kind = "list" // values joined by ";"
)

var kindNames = map[kind]Kind{
	kString: KindText, kText: KindText, kVocab: KindChoice, kInt: KindWhole, kUint: KindWhole,
	kFloat: KindNumber, kBool: KindYesNo, kDate: KindDate, kMonth: KindMonth, kList: KindList,
}

// Layout describes every sheet of a programme, in the order a workbook
// has them, derived from the programme's Go types (doc.go, "Layout"). It
// is the same for workbooks and CSV folders.
func Layout() ([]Sheet, error) {
	lay, err := programmeLayout()
	if err != nil {
		return nil, err
	}
	out := make([]Sheet, len(lay.sheets))
	for i, s := range lay.sheets {
		t := sheetTitles[s.name]
		out[i] = Sheet{Name: s.name, Title: t[0], About: t[1]}
		if s.parent != nil {
			out[i].Parent = s.parent.name
		}
		for _, c := range s.cols {
			label, _ := labelOf(s.name, c.name)
			col := Column{Name: c.name, Label: label, Kind: kindNames[c.kind], Required: c.required, RequiredIn: c.requiredIn}
			if c.kind == kList {
				col.Item = kindNames[c.elem]
			}
			for _, code := range c.vocab {
				col.Choices = append(col.Choices, Choice{Code: code, Word: c.vocabOut[code]})
			}
			out[i].Columns = append(out[i].Columns, col)
		}
	}
	return out, nil
}
