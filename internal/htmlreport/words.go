package htmlreport

import "github.com/birgemiz/sabaqtastyq/diag"

// words are every label the page shows, in the three languages.
var words = map[string]diag.Text{
	"title":            {KK: "Сәйкестік туралы есеп", RU: "Отчёт о соответствии", EN: "Compliance report"},
	"guide":            {KK: "Салалық волонтерлік бойынша нұсқаулық, BIRGEMIZ SABAQTASTYQ бағыты", RU: "Отраслевое руководство по волонтёрству, направление BIRGEMIZ SABAQTASTYQ", EN: "Sectoral volunteering guide, direction BIRGEMIZ SABAQTASTYQ"},
	"policy":           {KK: "Саясат", RU: "Политика", EN: "Policy"},
	"as_of":            {KK: "Күні", RU: "На дату", EN: "As of"},
	"count_rules":      {KK: "ереже", RU: "правило|правила|правил", EN: "rule|rules"},
	"compliant":        {KK: "Бағдарлама ережелерге сәйкес келеді", RU: "Программа соответствует правилам", EN: "The programme complies with the rules"},
	"not_compliant":    {KK: "Бағдарлама ережелерге сәйкес келмейді", RU: "Программа не соответствует правилам", EN: "The programme does not comply with the rules"},
	"deny":             {KK: "Бұзушылық", RU: "Нарушение", EN: "Violation"},
	"warn":             {KK: "Ескерту", RU: "Предупреждение", EN: "Warning"},
	"error":            {KK: "Тексерілмеді", RU: "Не проверено", EN: "Not checked"},
	"count_deny":       {KK: "бұзушылық", RU: "нарушение|нарушения|нарушений", EN: "violation|violations"},
	"count_warn":       {KK: "ескерту", RU: "предупреждение|предупреждения|предупреждений", EN: "warning|warnings"},
	"count_error":      {KK: "тексерілмеген ереже", RU: "непроверенное правило|непроверенных правила|непроверенных правил", EN: "rule not checked|rules not checked"},
	"count_subjects":   {KK: "нысан", RU: "объект|объекта|объектов", EN: "subject|subjects"},
	"no_findings":      {KK: "Ешқандай ескертпе жоқ.", RU: "Замечаний нет.", EN: "No findings."},
	"by_rule":          {KK: "Ережелер бойынша", RU: "По правилам", EN: "By rule"},
	"by_institution":   {KK: "Мекемелер бойынша", RU: "По учреждениям", EN: "By institution"},
	"by_kind":          {KK: "Нысан түрлері бойынша", RU: "По видам объектов", EN: "By kind of subject"},
	"reports_by_month": {KK: "Айлық есептер (тапсырылғаны / күтілгені)", RU: "Ежемесячные отчёты (сдано / ожидалось)", EN: "Monthly reports (filed / due)"},
	"filed":            {KK: "тапсырылды", RU: "сдано", EN: "filed"},
	"missing":          {KK: "жоқ", RU: "нет", EN: "missing"},
	"no_reports_due":   {KK: "Соңғы 12 айда есеп күтілмеген.", RU: "За последние 12 месяцев отчёты не ожидались.", EN: "No reports were due in the last 12 months."},
	"findings":         {KK: "Барлық ескертпелер", RU: "Все замечания", EN: "All findings"},
	"source":           {KK: "Дереккөз", RU: "Источник", EN: "Source"},
	"lines":            {KK: "нұсқаулық мәтінінің жолдары: {0}", RU: "строки текста руководства: {0}", EN: "lines of the guide's text: {0}"},
	"organisation":     {KK: "Ұйым деңгейінде", RU: "На уровне организации", EN: "Organisation-wide"},
	"due":              {KK: "Алдағы {0} күнде туындайтындар", RU: "Сроки на ближайшие {0} дн.", EN: "Coming in the next {0} days"},
	"due_none":         {KK: "Алдағы күндерде жаңа ескертпе күтілмейді.", RU: "В ближайшие дни новых замечаний не ожидается.", EN: "Nothing new is coming in these days."},
	"generated":        {KK: "sabaq жасады", RU: "Сформировано sabaq", EN: "Made by sabaq"},
	"charts":           {KK: "Шолу", RU: "Обзор", EN: "Overview"},

	"kind_volunteer":   {KK: "Волонтерлер", RU: "Волонтёры", EN: "Volunteers"},
	"kind_child":       {KK: "Балалар", RU: "Дети", EN: "Children"},
	"kind_tandem":      {KK: "Тандемдер", RU: "Тандемы", EN: "Tandems"},
	"kind_group":       {KK: "Топтық сабақтар", RU: "Групповые занятия", EN: "Group sessions"},
	"kind_agreement":   {KK: "Келісімдер", RU: "Соглашения", EN: "Agreements"},
	"kind_outing":      {KK: "Сыртқа шығулар", RU: "Выходы за пределы учреждения", EN: "Outings"},
	"kind_institution": {KK: "Мекемелер", RU: "Учреждения", EN: "Institutions"},
	"kind_programme":   {KK: "Бағдарлама", RU: "Программа", EN: "Programme"},

	"one_volunteer":   {KK: "Волонтер", RU: "Волонтёр", EN: "Volunteer"},
	"one_child":       {KK: "Бала", RU: "Ребёнок", EN: "Child"},
	"one_tandem":      {KK: "Тандем", RU: "Тандем", EN: "Tandem"},
	"one_group":       {KK: "Топтық сабақ", RU: "Групповое занятие", EN: "Group session"},
	"one_agreement":   {KK: "Келісім", RU: "Соглашение", EN: "Agreement"},
	"one_outing":      {KK: "Сыртқа шығу", RU: "Выход", EN: "Outing"},
	"one_institution": {KK: "Мекеме", RU: "Учреждение", EN: "Institution"},
	"one_programme":   {KK: "Бағдарлама", RU: "Программа", EN: "Programme"},
}

// monthsShort are the months as chart labels.
var monthsShort = map[diag.Lang][12]string{
	diag.KK: {"қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"},
	diag.RU: {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
	diag.EN: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

func word(lang diag.Lang, key string) string { return words[key].In(lang) }
