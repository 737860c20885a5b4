package report

import (
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// labels are every word the reports show, in the three languages; a test
// fails when one lacks a language, and the templates fail on a key that is
// not here. Keys ending in _n are noun forms after a number, for
// [grammar.Count]: "one|few|many" in Russian, "one|other" in English, one
// form in Kazakh.
var labels = map[string]diag.Text{
	"monthly_title":  {KK: "Волонтердің айлық есебі", RU: "Ежемесячный отчёт волонтёра", EN: "Volunteer's monthly report"},
	"summary_title":  {KK: "Үйлестірушінің айлық жиынтығы", RU: "Ежемесячная сводка координатора", EN: "Coordinator's monthly summary"},
	"through":        {KK: "{0} дейінгі деректер бойынша", RU: "по данным на {0}", EN: "data up to {0}"},
	"month":          {KK: "Ай", RU: "Месяц", EN: "Month"},
	"volunteer":      {KK: "Волонтердің ТАӘ", RU: "ФИО волонтёра", EN: "Volunteer"},
	"id":             {KK: "Код", RU: "Код", EN: "Code"},
	"date":           {KK: "Күні", RU: "Дата", EN: "Date"},
	"form":           {KK: "Қызметтің нысаны", RU: "Форма деятельности", EN: "Form of activity"},
	"children":       {KK: "Балалардың саны", RU: "Количество детей", EN: "Children"},
	"achievements":   {KK: "Балалардың жетістігі", RU: "Достижения детей", EN: "Children's achievements"},
	"achievement":    {KK: "Жетістік", RU: "Достижение", EN: "Achievement"},
	"note":           {KK: "Ескерту", RU: "Примечание", EN: "Note"},
	"entries":        {KK: "Жазбалар", RU: "Записи", EN: "Entries"},
	"diary":          {KK: "Игі істер күнделігі", RU: "Дневник добрых дел", EN: "Good-deeds diary"},
	"activities":     {KK: "Қызмет нысандары", RU: "Формы деятельности", EN: "Forms of activity"},
	"totals":         {KK: "Қорытынды", RU: "Итого", EN: "Totals"},
	"hours":          {KK: "Сағат (есеп бойынша)", RU: "Часы (по отчётам)", EN: "Hours (from reports)"},
	"reported":       {KK: "Есеп тапсырылды", RU: "Отчёт сдан", EN: "Report filed"},
	"yes":            {KK: "иә", RU: "да", EN: "yes"},
	"no":             {KK: "жоқ", RU: "нет", EN: "no"},
	"no_entries":     {KK: "Осы айда күнделікте жазба жоқ.", RU: "В этом месяце в дневнике нет записей.", EN: "No diary entries this month."},
	"volunteers":     {KK: "Волонтерлер", RU: "Волонтёры", EN: "Volunteers"},
	"not_reported":   {KK: "Есеп тапсырмағандар", RU: "Не сдали отчёт", EN: "Who has not reported"},
	"agreement":      {KK: "Келісім", RU: "Соглашение", EN: "Agreement"},
	"all_reported":   {KK: "Барлығы есеп тапсырды.", RU: "Все сдали отчёт.", EN: "Everyone has reported."},
	"none":           {KK: "Жоқ.", RU: "Нет.", EN: "None."},
	"signature":      {KK: "Қолы", RU: "Подпись", EN: "Signature"},
	"coordinator":    {KK: "Үйлестіруші", RU: "Координатор", EN: "Coordinator"},
	"children_note":  {KK: "Балалардың саны жазбалар бойынша қосылады.", RU: "Количество детей суммируется по записям.", EN: "Children are added up over entries."},
	"implied":        {KK: "Күнделік: {0}, {1}; {2}", RU: "Дневник: {0}, {1}; {2}", EN: "Diary: {0}, {1}; {2}"},
	"monthly_report": {KK: "есеп", RU: "отчёт", EN: "report"},

	"charts":        {KK: "Шолу", RU: "Обзор", EN: "Overview"},
	"hours_chart":   {KK: "Волонтерлердің сағаттары (есеп бойынша)", RU: "Часы волонтёров (по отчётам)", EN: "Volunteers' hours (from reports)"},
	"no_hours":      {KK: "Осы айға сағаттар көрсетілген есеп жоқ.", RU: "За этот месяц нет отчётов с часами.", EN: "No report gives hours for this month."},
	"reports_chart": {KK: "Айлық есептер (тапсырылғаны / күтілгені)", RU: "Ежемесячные отчёты (сдано / ожидалось)", EN: "Monthly reports (filed / due)"},
	"no_reports":    {KK: "Соңғы 12 айда есеп күтілмеген.", RU: "За последние 12 месяцев отчёты не ожидались.", EN: "No reports were due in the last 12 months."},
	"filed":         {KK: "тапсырылды", RU: "сдано", EN: "filed"},
	"missing":       {KK: "тапсырылмады", RU: "не сдано", EN: "not filed"},
	"contacts_chart": {
		KK: "Тандемдердегі тәлімгер мен баланың кездесулері",
		RU: "Встречи наставника и ребёнка в тандемах",
		EN: "Mentor–child contacts per tandem",
	},
	"no_tandems":  {KK: "Осы айда белсенді тандем жоқ.", RU: "В этом месяце нет действующих тандемов.", EN: "No tandem was under way this month."},
	"visits":      {KK: "мекемедегі кездесулер", RU: "встречи в учреждении", EN: "visits"},
	"visits_col":  {KK: "Мекемедегі кездесулер", RU: "Встречи в учреждении", EN: "Visits"},
	"outings_col": {KK: "Сыртқа шығулар", RU: "Выходы", EN: "Outings"},
	"groups_col":  {KK: "Топтық сабақтар", RU: "Групповые занятия", EN: "Group sessions"},
	"outings":     {KK: "сыртқа шығулар", RU: "выходы", EN: "outings"},
	"groups":      {KK: "топтық сабақтар", RU: "групповые занятия", EN: "group sessions"},

	"tandems":   {KK: "Тандемдер", RU: "Тандемы", EN: "Tandems"},
	"tandem":    {KK: "Тандем", RU: "Тандем", EN: "Tandem"},
	"mentor":    {KK: "Тәлімгер", RU: "Наставник", EN: "Mentor"},
	"child":     {KK: "Бала", RU: "Ребёнок", EN: "Child"},
	"contacts":  {KK: "Кездесулер", RU: "Встречи", EN: "Contacts"},
	"check_ins": {KK: "Үйлестірушінің қолдауы", RU: "Поддержка координатора", EN: "Coordinator's check-ins"},
	"quiet_title": {
		KK: "Тәлімгер мен бала {0} астам кездеспеген тандемдер",
		RU: "Тандемы, где наставник и ребёнок не встречались больше {0}",
		EN: "Tandems whose mentor and child did not meet for more than {0}",
	},
	"quiet_note": {
		KK: "Кездесулер тұрақты болуы тиіс, жасөспірім өзінің тәлімгерін қашан күту керегін алдын ала біледі. Кездесу деп мекемедегі кездесу, сыртқа шығу және екеуі де қатысқан топтық сабақ саналады.",
		RU: "Встречи должны быть регулярными: подросток заранее знает, когда ждать своего наставника. Встречей считаются встреча в учреждении, выход и групповое занятие, где были оба.",
		EN: "Meetings are to be regular: the teenager knows in advance when to expect their mentor. A contact is a visit in the institution, an outing, or a group session both attended.",
	},
	"last_contact": {KK: "Соңғы кездесу", RU: "Последняя встреча", EN: "Last contact"},
	"never_met":    {KK: "тандем басталғалы кездеспеген", RU: "не встречались с начала тандема", EN: "none since the tandem started"},
	"gap":          {KK: "Кездеспеген уақыт", RU: "Без встреч", EN: "Without contact"},
	"gap_to":       {KK: "{0} – {1}", RU: "{0} – {1}", EN: "{0} – {1}"},
	"gap_ongoing":  {KK: "{0} бері, әлі жалғасуда", RU: "с {0} и до сих пор", EN: "since {0}, still going on"},
	"no_quiet":     {KK: "Барлық тандемде кездесулер тұрақты өтті.", RU: "Во всех тандемах встречи шли регулярно.", EN: "Every tandem met regularly."},
	"week_title":   {KK: "Алғашқы {0} үйлестіруші қолдамаған тандемдер", RU: "Тандемы без поддержки координатора {0}", EN: "Tandems without a coordinator's check-in {0}"},
	"week_note": {
		KK: "Алғашқы аптада туындаған мәселелерді жедел шешу, сүйемелдеу, қолдау қажет (3.6-қадам).",
		RU: "В первую неделю нужно оперативно решать возникающие вопросы, сопровождать и поддерживать тандем (шаг 3.6).",
		EN: "In the first week, problems that arise need solving quickly, and the tandem needs accompanying and support (step 3.6).",
	},
	"started":       {KK: "Басталған күні", RU: "Начат", EN: "Started"},
	"week_end":      {KK: "Қолдау мерзімі", RU: "Поддержка нужна до", EN: "Check-in due by"},
	"no_first_week": {KK: "Барлық жаңа тандем алғашқы {0} үйлестірушінің қолдауын алды.", RU: "Все новые тандемы получили поддержку координатора {0}.", EN: "Every new tandem had a coordinator's check-in {0}."},
	"closures":      {KK: "Осы айда жабылған тандемдер", RU: "Тандемы, закрытые в этом месяце", EN: "Tandems closed this month"},
	"closed":        {KK: "Жабылған күні", RU: "Закрыт", EN: "Closed"},
	"lasted":        {KK: "Ұзақтығы", RU: "Длился", EN: "Lasted"},
	"reason":        {KK: "Себебі", RU: "Причина", EN: "Reason"},
	"no_closures":   {KK: "Осы айда тандем жабылған жоқ.", RU: "В этом месяце тандемы не закрывались.", EN: "No tandem closed this month."},

	"reason_completed":              {KK: "мерзімі аяқталды", RU: "завершён по сроку", EN: "completed"},
	"reason_mentor_withdrew":        {KK: "тәлімгер бас тартты", RU: "наставник отказался", EN: "the mentor withdrew"},
	"reason_mentor_moved":           {KK: "тәлімгер көшіп кетті", RU: "наставник переехал", EN: "the mentor moved away"},
	"reason_child_left":             {KK: "бала мекемеден кетті", RU: "ребёнок выбыл из учреждения", EN: "the child left the institution"},
	"reason_child_placed_in_family": {KK: "бала отбасына орналастырылды", RU: "ребёнок устроен в семью", EN: "the child was placed in a family"},
	"reason_institution_request":    {KK: "мекеменің өтініші бойынша", RU: "по просьбе учреждения", EN: "at the institution's request"},
	"reason_other":                  {KK: "басқа себеп", RU: "другая причина", EN: "another reason"},
	"reason_none":                   {KK: "себебі көрсетілмеген", RU: "причина не указана", EN: "no reason given"},

	"days_n":     {KK: "күн", RU: "день|дня|дней", EN: "day|days"},
	"days_gen_n": {KK: "күннен", RU: "дня|дней|дней", EN: "day|days"},
	"months_n":   {KK: "ай", RU: "месяц|месяца|месяцев", EN: "month|months"},
	"entries_n":  {KK: "жазба", RU: "запись|записи|записей", EN: "entry|entries"},
	"children_n": {KK: "бала", RU: "ребёнок|ребёнка|детей", EN: "child|children"},
	"first_week": {KK: "аптада", RU: "в первую неделю", EN: "in the first week"},
	"first_days": {KK: "{0} ішінде", RU: "за первые {0}", EN: "in the first {0}"},
}

func label(key string, lang diag.Lang) string { return labels[key].In(lang) }

// count is n with the noun form of key that goes with it: "18 дней".
func count(lang diag.Lang, n int, key string) string {
	return grammar.Count(lang, int64(n), label(key, lang))
}

// reasonWords names a closure's reason in words.
func reasonWords(r mentoring.CloseReason, lang diag.Lang) string {
	if r == "" {
		return label("reason_none", lang)
	}
	if t, ok := labels["reason_"+string(r)]; ok {
		return t.In(lang)
	}
	return label("reason_other", lang)
}

// quietTitle is the heading over the tandems that went too long without a
// meeting: "… 14 күннен астам …", "… больше 14 дней", "… more than 14
// days".
func quietTitle(lang diag.Lang, days int) string {
	return diag.Fill(label("quiet_title", lang), []string{count(lang, days, "days_gen_n")})
}

// weekTitle is the heading over the tandems without first-week support,
// and weekNone the line when there are none: the first week when the limit
// is seven days, else the first N days.
func weekTitle(lang diag.Lang, days int) string {
	return diag.Fill(label("week_title", lang), []string{firstDays(lang, days)})
}

func weekNone(lang diag.Lang, days int) string {
	return diag.Fill(label("no_first_week", lang), []string{firstDays(lang, days)})
}

func firstDays(lang diag.Lang, days int) string {
	if days == 7 {
		return label("first_week", lang)
	}
	return diag.Fill(label("first_days", lang), []string{count(lang, days, "days_n")})
}
