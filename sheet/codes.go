package sheet

import (
	"errors"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// Codes of the problems only tables have. A wrong value in a cell uses the
// codes JSON input uses (diag.CodeBadDate, diag.CodeWrongType…), with a
// message that never repeats the cell: it may hold a name or a birth date.
const (
	CodeUnknownSheet diag.Code = "sheet.unknown_sheet" // a sheet or CSV file that is no list of the format; {0} its name, {1} the closest list
	CodeNoHeader     diag.Code = "sheet.no_header"     // a value in a column without a heading
	CodeNoHeadings   diag.Code = "sheet.no_headings"   // a first row in which no cell names a column
	CodeTooWide      diag.Code = "sheet.too_wide"      // too many rows with values past column {0}; the rest of the sheet is not read
	CodeBadChoice    diag.Code = "sheet.bad_choice"    // a word not in the column's drop-down list
	CodeExtraRow     diag.Code = "sheet.extra_row"     // a second row of data on the programme sheet
	CodeTwice        diag.Code = "sheet.twice"         // a list given by two files (volunteers.csv and Volunteers.csv); {0} the other
	CodeNoLists      diag.Code = "sheet.no_lists"      // a folder without a single list file
	CodeUnreadable   diag.Code = "sheet.unreadable"    // not a workbook (damaged, encrypted, another format)
	CodeUnsupported  diag.Code = "sheet.unsupported"   // a file form that is not read; {0} its extension
	CodeUnpacked     diag.Code = "sheet.unpacked"      // a workbook that unpacks to more than the cap; {0} the cap
	CodeNotUTF8      diag.Code = "sheet.not_utf8"      // a CSV file in another encoding
	CodeCSV          diag.Code = "sheet.csv"           // a CSV file that does not parse: a stray quote
	CodeOneList      diag.Code = "sheet.one_list"      // a single CSV file given where its folder is the programme
)

// ErrForm is wrapped by the error for a path whose form [Load] does not
// read (an .xls or .ods file) or [Save] does not write.
var ErrForm = errors.New("sheet: unsupported file form")

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeUnknownSheet: {
			KK: "«{0}» — бағдарлама пішімінің тізімі емес (мүмкін «{1}»?)",
			RU: "«{0}» — не список формата программы (может быть, «{1}»?)",
			EN: "\"{0}\" is not a list of the programme format (did you mean \"{1}\"?)",
		},
		CodeNoHeader: {
			KK: "бұл бағанның тақырыбы жоқ: оның мәндері оқылмайды",
			RU: "у этого столбца нет заголовка: его значения не читаются",
			EN: "this column has no heading, so its values cannot be read",
		},
		CodeNoHeadings: {
			KK: "бірінші жолда бірде-бір өріс атауы жоқ: парақтың бірінші жолы бағандарды атайды (id, full_name, …)",
			RU: "в первой строке нет ни одного имени поля: первая строка листа называет столбцы (id, full_name, …)",
			EN: "the first row names no field: a sheet's first row names its columns (id, full_name, …)",
		},
		CodeTooWide: {
			KK: "тым көп жолда {0}-бағаннан әрі мән бар: парақтың қалғаны оқылмады",
			RU: "слишком во многих строках есть значения правее столбца {0}: остаток листа не прочитан",
			EN: "too many rows hold values past column {0}: the rest of the sheet was not read",
		},
		CodeBadChoice: {
			KK: "мән тізімде жоқ: {0}",
			RU: "значения нет в списке: {0}",
			EN: "not one of the list: {0}",
		},
		CodeExtraRow: {
			KK: "бағдарлама парағында деректердің бір ғана жолы болады",
			RU: "на листе программы только одна строка данных",
			EN: "the programme sheet holds one row of data",
		},
		CodeTwice: {
			KK: "бұл тізім екі рет берілген (тағы {0})",
			RU: "этот список дан дважды (ещё {0})",
			EN: "this list is given twice (also {0})",
		},
		CodeNoLists: {
			KK: "бумада тізім файлы жоқ (programme.csv, volunteers.csv, …)",
			RU: "в папке нет ни одного файла списка (programme.csv, volunteers.csv, …)",
			EN: "the folder holds no list file (programme.csv, volunteers.csv, …)",
		},
		CodeUnreadable: {
			KK: "файл .xlsx кітабы ретінде оқылмады: бүлінген, шифрланған не басқа пішімде",
			RU: "файл не читается как книга .xlsx: повреждён, зашифрован или в другом формате",
			EN: "the file cannot be read as an .xlsx workbook: it is damaged, encrypted or in another format",
		},
		CodeUnsupported: {
			KK: "«{0}» файлдары оқылмайды: кітапты .xlsx не CSV ретінде сақтаңыз",
			RU: "файлы «{0}» не читаются: сохраните книгу как .xlsx или CSV",
			EN: "\"{0}\" files are not read: save the workbook as .xlsx or as CSV",
		},
		CodeUnpacked: {
			KK: "кітап ашылғанда тым үлкен болады: шегі {0}",
			RU: "книга в распакованном виде слишком велика: предел {0}",
			EN: "the workbook unpacks to more than the limit of {0}",
		},
		CodeNotUTF8: {
			KK: "файл UTF-8 мәтіні емес: оны «CSV UTF-8» ретінде сақтаңыз",
			RU: "файл не в кодировке UTF-8: сохраните его как «CSV UTF-8»",
			EN: "the file is not UTF-8 text: save it as \"CSV UTF-8\"",
		},
		CodeOneList: {
			KK: "бір CSV файлы — бағдарламаның бір тізімі ғана: ол жатқан буманы беріңіз (мысалы, roster/)",
			RU: "один CSV-файл — лишь один список программы: укажите папку, в которой он лежит (например, roster/)",
			EN: "one CSV file is only one list of a programme: give the folder that holds it (roster/, say)",
		},
		CodeCSV: {
			KK: "CSV жолы оқылмады: тырнақша дұрыс жабылмаған",
			RU: "строка CSV не читается: кавычка не на месте или не закрыта",
			EN: "the CSV row cannot be read: a quote is out of place or not closed",
		},
	})
}

// Messages for a wrong value in a cell, with the codes JSON input uses.
// They name what the cell should hold and never repeat what it holds.
var (
	badDateText = diag.Text{
		KK: "күн емес: нақты күн керек — күн ұяшығы не ЖЖЖЖ-АА-КК мәтіні",
		RU: "не дата: нужен существующий день — ячейка-дата или текст ГГГГ-ММ-ДД",
		EN: "not a date: want an existing day, as a date cell or the text YYYY-MM-DD",
	}
	badCSVDateText = diag.Text{
		KK: "күн емес: ЖЖЖЖ-АА-КК пішімінде нақты күн керек",
		RU: "не дата: нужен существующий день в формате ГГГГ-ММ-ДД",
		EN: "not a date: want an existing day as YYYY-MM-DD",
	}
	badMonthText = diag.Text{
		KK: "ай емес: ЖЖЖЖ-АА керек",
		RU: "не месяц: нужен формат ГГГГ-ММ",
		EN: "not a month: want YYYY-MM",
	}
	badIntText = diag.Text{
		KK: "бүтін сан емес",
		RU: "не целое число",
		EN: "not a whole number",
	}
	badNumberText = diag.Text{
		KK: "сан емес",
		RU: "не число",
		EN: "not a number",
	}
	rangeText = diag.Text{
		KK: "сан бұл өріс үшін тым үлкен не тым кіші",
		RU: "число слишком велико или мало для этого поля",
		EN: "the number is out of range for this field",
	}
	badBoolText = diag.Text{
		KK: "иә не жоқ керек",
		RU: "нужно да или нет",
		EN: "want yes or no",
	}
	badTextText = diag.Text{
		KK: "мән бұл өріс үшін жарамсыз",
		RU: "значение не подходит для этого поля",
		EN: "the value does not fit this field",
	}
)
