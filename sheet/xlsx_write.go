package sheet

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// Rows of a list sheet: the labels, the field names, then the data.
const (
	labelRow = 1
	nameRow  = 2
	firstRow = 3
	lastRow  = excelize.TotalRows
)

// listsSheet holds the words of the drop-down lists; it is hidden.
const listsSheet = "_lists"

// WriteTemplate writes an empty programme workbook in lang (doc.go,
// "Workbooks"): a first sheet that explains how to fill it in, a sheet
// per list with headings in lang and the field names under them,
// drop-down lists of words for every vocabulary and for yes-or-no
// columns, date columns formatted as dates.
func WriteTemplate(w io.Writer, lang diag.Lang) error { return WriteXLSX(w, nil, lang) }

// WriteXLSX writes p as a workbook laid out like [WriteTemplate], with
// words for codes and date cells for dates; [ReadXLSX] gives back the
// same programme. A nil p writes the empty template.
func WriteXLSX(w io.Writer, p *mentoring.Programme, lang diag.Lang) error {
	lay, err := programmeLayout()
	if err != nil {
		return err
	}
	if p != nil {
		if err := checkKeys(lay, p); err != nil {
			return err
		}
	}
	if _, ok := diag.ParseLang(string(lang)); !ok {
		lang = diag.EN
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, lang: lang, lists: map[string]string{}}
	if err := b.build(lay, p); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// book writes one workbook.
type book struct {
	f     *excelize.File
	lang  diag.Lang
	st    styles
	lists map[string]string // a vocabulary's key → its range on the lists sheet
	nlist int
}

type styles struct {
	label, labelReq, name, text, date, month, number, title, para, tableHead, tableCell int
}

func (b *book) build(lay *layout, p *mentoring.Programme) error {
	f := b.f
	if err := b.newStyles(); err != nil {
		return err
	}
	guideSheet := ui.instructions.In(b.lang)
	if err := f.SetSheetName("Sheet1", guideSheet); err != nil {
		return err
	}
	for _, s := range lay.sheets {
		if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(listsSheet); err != nil {
		return err
	}
	// Both read every sheet back into memory: done before any is
	// streamed, they cost nothing.
	f.SetActiveSheet(0)
	if err := f.SetSheetVisible(listsSheet, false); err != nil {
		return err
	}
	var root reflect.Value
	if p != nil {
		root = reflect.ValueOf(p).Elem()
	}
	for _, s := range lay.sheets {
		if err := b.sheet(s, root); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := b.instructions(lay, guideSheet); err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:    guide[0].In(b.lang),
		Creator:  "sabaqtastyq",
		Language: string(b.lang),
	})
}

func (b *book) newStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	dateFmt := "dd.mm.yyyy"
	if b.lang == diag.EN {
		dateFmt = "yyyy-mm-dd"
	}
	monthFmt := "yyyy-mm"
	text := 49 // "@"
	number := 1
	all := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.label, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
			Border:    border, NumFmt: text,
		}},
		{&b.st.labelReq, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
			Border:    border, NumFmt: text,
		}},
		{&b.st.name, excelize.Style{
			Font:   &excelize.Font{Italic: true, Size: 9, Color: "7F7F7F"},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
			Border: border, NumFmt: text,
		}},
		{&b.st.text, excelize.Style{NumFmt: text, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.date, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.month, excelize.Style{CustomNumFmt: &monthFmt, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.number, excelize.Style{NumFmt: number, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.st.para, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.st.tableHead, excelize.Style{
			Font:   &excelize.Font{Bold: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		}},
		{&b.st.tableCell, excelize.Style{Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, x := range all {
		id, err := b.f.NewStyle(&x.s)
		if err != nil {
			return err
		}
		*x.id = id
	}
	return nil
}

// sheet writes the headings, checks and rows of one list.
func (b *book) sheet(s *sheetDef, root reflect.Value) error {
	f := b.f
	for i, c := range s.cols {
		if err := b.validation(s, c, i+1); err != nil {
			return err
		}
	}
	if err := b.print(s.name, true, "$1:$2"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	widths := make([]float64, len(s.cols))
	for i, c := range s.cols {
		widths[i] = b.width(s, c)
	}
	if root.IsValid() {
		// Room for the longest value too, up to a point.
		err := eachRow(s, root, func(key string, elem reflect.Value) error {
			for i, c := range s.cols {
				n := utf8.RuneCountInString(key)
				if v, ok := c.get(elem); ok && !c.key {
					out, _ := c.format(v, b.lang, true)
					n = utf8.RuneCountInString(out.text)
				}
				widths[i] = max(widths[i], min(float64(n)*1.1+2, maxWidth))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	for i, c := range s.cols {
		if err := sw.SetColStyle(i+1, i+1, b.colStyle(c)); err != nil {
			return err
		}
	}
	pane := &excelize.Panes{Freeze: true, YSplit: nameRow, TopLeftCell: "A3", ActivePane: "bottomLeft"}
	if !s.isProgramme() && len(s.cols) > 1 {
		pane = &excelize.Panes{Freeze: true, XSplit: 1, YSplit: nameRow, TopLeftCell: "B3", ActivePane: "bottomRight"}
	}
	if err := sw.SetPanes(pane); err != nil {
		return err
	}
	labels := make([]any, len(s.cols))
	names := make([]any, len(s.cols))
	for i, c := range s.cols {
		style := b.st.label
		if c.required {
			style = b.st.labelReq
		}
		labels[i] = excelize.Cell{StyleID: style, Value: b.labelText(s, c)}
		names[i] = excelize.Cell{StyleID: b.st.name, Value: c.name}
	}
	if err := sw.SetRow("A1", labels, excelize.RowOpts{Height: b.labelHeight(s)}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", names); err != nil {
		return err
	}
	if root.IsValid() {
		row := firstRow
		vals := make([]any, len(s.cols))
		err := eachRow(s, root, func(key string, elem reflect.Value) error {
			for i, c := range s.cols {
				vals[i] = b.cell(c, key, elem)
			}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			row++
			return sw.SetRow(cell, vals)
		})
		if err != nil {
			return err
		}
	}
	return sw.Flush()
}

// print sets a sheet to print on A4 pages as wide as the sheet, the
// heading rows repeated on every page.
func (b *book) print(sheet string, landscape bool, titles string) error {
	return printSetup(b.f, sheet, landscape, titles)
}

func printSetup(f *excelize.File, sheet string, landscape bool, titles string) error {
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, wide, tall, orient := 9, 1, 0, "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if titles == "" {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + titles, Scope: sheet})
}

// cell is what one column of a row holds in the workbook.
func (b *book) cell(c *column, key string, elem reflect.Value) any {
	if c.key {
		return excelize.Cell{StyleID: b.st.text, Value: key}
	}
	v, ok := c.get(elem)
	if !ok {
		return nil
	}
	out, ok := c.format(v, b.lang, true)
	if !ok {
		return nil
	}
	switch {
	case c.kind == kDate || c.kind == kMonth:
		n, ok := serial(out.date)
		if !ok {
			return excelize.Cell{StyleID: b.st.text, Value: out.text}
		}
		style := b.st.date
		if out.month {
			style = b.st.month
		}
		return excelize.Cell{StyleID: style, Value: n}
	case out.isNum && (c.kind == kInt || c.kind == kUint || c.kind == kFloat):
		return excelize.Cell{StyleID: b.st.number, Value: out.num}
	}
	return excelize.Cell{StyleID: b.st.text, Value: out.text}
}

// colStyle is the format of a column's empty cells, for what people type.
func (b *book) colStyle(c *column) int {
	switch c.kind {
	case kDate:
		return b.st.date
	case kMonth:
		return b.st.month
	case kInt, kUint, kFloat:
		return b.st.number
	case kBool, kVocab:
		return 0
	}
	return b.st.text
}

// Text widths, in the workbook's units (the width of a digit of the
// default font): a bold label's letter takes about boldChar of them.
const (
	boldChar  = 1.2
	plainChar = 1.1
	lineHigh  = 15.0 // points per line of the default font
)

// labelText is a column's heading in the book's language.
func (b *book) labelText(s *sheetDef, c *column) string {
	label := c.name
	if t, ok := labelOf(s.name, c.name); ok {
		label = t.In(b.lang)
	}
	if c.required {
		label += " *"
	}
	return label
}

// width is a column's width: room for its values, for its label on at
// most two lines without breaking a word, and for its field name.
func (b *book) width(s *sheetDef, c *column) float64 {
	label := b.labelText(s, c)
	longest := 0
	for _, w := range strings.Fields(label) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	w := max(float64(utf8.RuneCountInString(label))/2*boldChar+2, float64(longest)*boldChar+2,
		float64(len(c.name))*0.9+2)
	switch c.kind {
	case kDate:
		w = max(w, 12)
	case kMonth, kBool:
		w = max(w, 9)
	case kInt, kUint, kFloat:
		w = max(w, 8)
	case kVocab:
		for _, t := range c.vocabOut {
			w = max(w, float64(utf8.RuneCountInString(t.In(b.lang)))+4)
		}
	case kList:
		w = max(w, 18)
	default:
		w = max(w, 16)
	}
	return min(w, maxWidth)
}

// maxWidth is the widest a column gets; longer values overflow or wrap.
const maxWidth = 45

// labelHeight fits the longest label of s in its column, in points.
func (b *book) labelHeight(s *sheetDef) float64 {
	lines := 1
	for _, c := range s.cols {
		fit := int((b.width(s, c) - 1) / boldChar)
		lines = max(lines, wrapLines(b.labelText(s, c), fit))
	}
	return float64(lines)*lineHigh + 4
}

// wrapLines counts the lines text takes wrapped at width characters,
// breaking between words (and inside a word longer than a line).
func wrapLines(text string, width int) int {
	width = max(width, 1)
	lines, used := 1, 0
	for _, w := range strings.Fields(text) {
		n := utf8.RuneCountInString(w)
		switch {
		case used == 0:
			used = n
		case used+1+n <= width:
			used += 1 + n
		default:
			lines++
			used = n
		}
		for used > width {
			lines++
			used -= width
		}
	}
	return lines
}

// validation adds the checks of one column: a drop-down list of words, a
// date, a whole number in its bounds.
func (b *book) validation(s *sheetDef, c *column, col int) error {
	name, _ := excelize.ColumnNumberToName(col)
	sqref := name + strconv.Itoa(firstRow) + ":" + name + strconv.Itoa(lastRow)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	warn := func(msg text) { dv.SetError(excelize.DataValidationErrorStyleWarning, "", msg.In(b.lang)) }
	switch {
	case c.kind == kVocab:
		ref, err := b.list(s.name+"."+c.name, c.vocab, c.vocabOut)
		if err != nil {
			return err
		}
		dv.SetSqrefDropList(ref)
		warn(ui.badChoice)
	case c.kind == kBool:
		ref, err := b.list("yes/no", []string{"true", "false"}, map[string]text{"true": yesNo[1], "false": yesNo[0]})
		if err != nil {
			return err
		}
		dv.SetSqrefDropList(ref)
		warn(ui.badChoice)
	case c.kind == kDate || c.kind == kMonth:
		if err := dv.SetRange(61, maxSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetInput("", ui.dateInput.In(b.lang))
		warn(ui.badDate)
	case (c.kind == kInt || c.kind == kUint) && (c.min != nil || c.max != nil):
		lo, hi := int64(-1<<31), int64(1<<31-1)
		if c.min != nil {
			lo = *c.min
		}
		if c.max != nil {
			hi = *c.max
		}
		if err := dv.SetRange(int(lo), int(hi), excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetInput("", ui.intInput.In(b.lang)+": "+strconv.FormatInt(lo, 10)+"–"+strconv.FormatInt(hi, 10))
		warn(ui.badInt)
	case c.kind == kList && c.elem == kVocab:
		words := ""
		for i, code := range c.vocab {
			if i > 0 {
				words += "; "
			}
			words += c.vocabOut[code].In(b.lang)
		}
		dv.SetInput("", ui.listInput.In(b.lang)+": "+words)
	case c.kind == kList:
		dv.SetInput("", ui.listInput.In(b.lang))
	default:
		return nil
	}
	return b.f.AddDataValidation(s.name, dv)
}

// list writes the words of a vocabulary on the lists sheet once and
// returns their range.
func (b *book) list(key string, codes []string, words map[string]text) (string, error) {
	if ref, ok := b.lists[key]; ok {
		return ref, nil
	}
	b.nlist++
	col, _ := excelize.ColumnNumberToName(b.nlist)
	if err := b.f.SetCellStr(listsSheet, col+"1", key); err != nil {
		return "", err
	}
	for i, code := range codes {
		if err := b.f.SetCellStr(listsSheet, col+strconv.Itoa(i+2), words[code].In(b.lang)); err != nil {
			return "", err
		}
	}
	ref := fmt.Sprintf("'%s'!$%s$2:$%s$%d", listsSheet, col, col, len(codes)+1)
	b.lists[key] = ref
	return ref, nil
}

// instructions writes the first sheet: how to fill the workbook in, and
// what each sheet lists.
func (b *book) instructions(lay *layout, sheet string) error {
	f := b.f
	const width = 100
	if err := b.print(sheet, false, ""); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 24); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", width-24); err != nil {
		return err
	}
	row := 1
	put := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	if err := put("A1", guide[0].In(b.lang), b.st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 22); err != nil {
		return err
	}
	row = 3
	for _, t := range guide[1:] {
		a, bcell := "A"+strconv.Itoa(row), "B"+strconv.Itoa(row)
		if err := f.MergeCell(sheet, a, bcell); err != nil {
			return err
		}
		if err := put(a, t.In(b.lang), b.st.para); err != nil {
			return err
		}
		lines := (utf8.RuneCountInString(t.In(b.lang)) + width - 8) / (width - 6)
		if err := f.SetRowHeight(sheet, row, float64(lines)*15+3); err != nil {
			return err
		}
		row++
	}
	row++
	if err := put("A"+strconv.Itoa(row), ui.sheet.In(b.lang), b.st.tableHead); err != nil {
		return err
	}
	if err := put("B"+strconv.Itoa(row), ui.lists.In(b.lang), b.st.tableHead); err != nil {
		return err
	}
	row++
	for _, s := range lay.sheets {
		title := sheetTitles[s.name]
		desc := title[0].In(b.lang)
		if d := title[1].In(b.lang); d != "" {
			desc += " — " + d
		}
		if err := f.SetCellHyperLink(sheet, "A"+strconv.Itoa(row), "'"+s.name+"'!A1", "Location"); err != nil {
			return err
		}
		if err := put("A"+strconv.Itoa(row), s.name, b.st.tableCell); err != nil {
			return err
		}
		if err := put("B"+strconv.Itoa(row), desc, b.st.tableCell); err != nil {
			return err
		}
		row++
	}
	row++
	return put("A"+strconv.Itoa(row), ui.required.In(b.lang), b.st.para)
}
