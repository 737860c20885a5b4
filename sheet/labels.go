package sheet

import (
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
)

// The words of the workbook: the title of each sheet, the label of each
// column, the word for each code of a vocabulary, in Kazakh, Russian and
// English. Labels are found by the most specific key first:
// "volunteers.free_time.hours_per_week", then "free_time.hours_per_week",
// then "hours_per_week" (see labelOf). Entries for the fields of the
// second version of the format (institution coordinator, visits,
// check_ins, …) are here already, so that their columns read well the
// day the domain has them.

type text = diag.Text

// sheetTitles names each sheet for people, with a line on what it lists.
var sheetTitles = map[string][2]text{
	programmeSheet: {
		{KK: "Бағдарлама", RU: "Программа", EN: "Programme"},
		{KK: "Деректер қай күнге берілгені (as_of) және ұйым; бір жол", RU: "На какую дату данные (as_of) и организация; одна строка", EN: "The date the data describes (as_of) and the organisation; one row"},
	},
	"institutions": {
		{KK: "Мекемелер", RU: "Учреждения", EN: "Institutions"},
		{KK: "Балалар тұратын не келетін мекемелер", RU: "Учреждения, где живут или бывают дети", EN: "Places where the children live or come"},
	},
	"volunteers": {
		{KK: "Волонтерлер", RU: "Волонтёры", EN: "Volunteers"},
		{KK: "Тәлімгерлер мен басқа волонтерлер, іріктеу кезеңдерінің күндері", RU: "Наставники и другие волонтёры, даты этапов отбора", EN: "Mentors and other volunteers, with the dates of their screening"},
	},
	"volunteers.skills": {
		{KK: "Волонтерлердің дағдылары", RU: "Навыки волонтёров", EN: "Volunteers' skills"},
		{KK: "«Менің дағдыларым» кестесі: бір дағдыға бір жол", RU: "Таблица «Мои навыки»: одна строка на навык", EN: "The \"my skills\" table: one row per skill"},
	},
	"children": {
		{KK: "Балалар", RU: "Дети", EN: "Children"},
		{KK: "Балалар, тек бүркеншік идентификатормен", RU: "Дети, только под псевдонимными идентификаторами", EN: "The children, by pseudonymous ids only"},
	},
	"tandems": {
		{KK: "Тандемдер", RU: "Тандемы", EN: "Tandems"},
		{KK: "Тәлімгер мен бала жұптары", RU: "Пары наставник — ребёнок", EN: "Mentor–child pairs"},
	},
	"groups": {
		{KK: "Топтық сабақтар", RU: "Групповые занятия", EN: "Group sessions"},
		{KK: "Тәлімгерлер мен балалардың топтық кездесулері", RU: "Групповые встречи наставников и детей", EN: "Mentors and children meeting together"},
	},
	"agreements": {
		{KK: "Келісімдер", RU: "Соглашения", EN: "Agreements"},
		{KK: "Волонтерлермен жасалған келісімдер (2-қосымша)", RU: "Соглашения с волонтёрами (приложение 2)", EN: "Volunteer agreements (Appendix 2)"},
	},
	"outings": {
		{KK: "Сыртқа шығулар", RU: "Выходы", EN: "Outings"},
		{KK: "Тандемнің мекемеден тыс уақыты", RU: "Время тандема вне учреждения", EN: "A tandem's time outside the institution"},
	},
	"visits": {
		{KK: "Мекемедегі кездесулер", RU: "Встречи в учреждении", EN: "Visits"},
		{KK: "Тәлімгер мен баланың мекеме ішіндегі кездесулері", RU: "Встречи наставника с ребёнком в учреждении", EN: "Mentor–child meetings inside the institution"},
	},
	"check_ins": {
		{KK: "Үйлестірушінің қолдауы", RU: "Поддержка координатора", EN: "Check-ins"},
		{KK: "Үйлестірушінің тандеммен байланысы", RU: "Контакты координатора с тандемом", EN: "A coordinator's support contact with a tandem"},
	},
	"reports": {
		{KK: "Ай сайынғы есептер", RU: "Ежемесячные отчёты", EN: "Monthly reports"},
		{KK: "Волонтерлердің ай сайынғы есептері", RU: "Ежемесячные отчёты волонтёров", EN: "The volunteers' monthly reports"},
	},
	"meetings": {
		{KK: "Кездесулер", RU: "Встречи", EN: "Meetings"},
		{KK: "Жоспарлау кездесулері және тәлімгерлердің жалпы жиналыстары", RU: "Планёрки и общие собрания наставников", EN: "Planning meetings and general meetings of mentors"},
	},
	"diary": {
		{KK: "Игі істер күнделігі", RU: "Дневник добрых дел", EN: "Good-deeds diary"},
		{KK: "Волонтер не істеді, қанша баламен", RU: "Что сделал волонтёр и со сколькими детьми", EN: "What a volunteer did, with how many children"},
	},
}

// columnLabels are the column headings, by the keys labelOf tries.
var columnLabels = map[string]text{
	// Shared names.
	"id":             {KK: "Идентификатор", RU: "Идентификатор", EN: "ID"},
	"name":           {KK: "Атауы", RU: "Название", EN: "Name"},
	"full_name":      {KK: "Аты-жөні", RU: "ФИО", EN: "Full name"},
	"city":           {KK: "Қала", RU: "Город", EN: "City"},
	"district":       {KK: "Аудан", RU: "Район", EN: "District"},
	"birth_date":     {KK: "Туған күні", RU: "Дата рождения", EN: "Birth date"},
	"gender":         {KK: "Жынысы", RU: "Пол", EN: "Gender"},
	"languages":      {KK: "Тілдері", RU: "Языки", EN: "Languages"},
	"phone":          {KK: "Телефон", RU: "Телефон", EN: "Phone"},
	"email":          {KK: "Электрондық пошта", RU: "Электронная почта", EN: "E-mail"},
	"address":        {KK: "Мекенжайы", RU: "Адрес", EN: "Address"},
	"date":           {KK: "Күні", RU: "Дата", EN: "Date"},
	"note":           {KK: "Ескертпе", RU: "Примечание", EN: "Note"},
	"institution":    {KK: "Мекеме (ID)", RU: "Учреждение (ID)", EN: "Institution (ID)"},
	"volunteer":      {KK: "Волонтер (ID)", RU: "Волонтёр (ID)", EN: "Volunteer (ID)"},
	"tandem":         {KK: "Тандем (ID)", RU: "Тандем (ID)", EN: "Tandem (ID)"},
	"hours_per_week": {KK: "Аптасына сағат", RU: "Часов в неделю", EN: "Hours a week"},
	"weekdays":       {KK: "Апта күндері", RU: "Дни недели", EN: "Weekdays"},

	"programme.as_of":        {KK: "Деректер күні", RU: "Данные на дату", EN: "As of"},
	"programme.organisation": {KK: "Ұйым", RU: "Организация", EN: "Organisation"},

	"institutions.kind":                  {KK: "Мекеме түрі", RU: "Тип учреждения", EN: "Kind"},
	"institutions.coordinator":           {KK: "Тәлімгерлермен жұмыс үйлестірушісі", RU: "Координатор работы с наставниками", EN: "Coordinator for mentors"},
	"institutions.partnership_signed_on": {KK: "Серіктестік келісімінің күні", RU: "Дата соглашения о партнёрстве", EN: "Partnership signed on"},
	"institutions.interaction_rules_on":  {KK: "Өзара әрекет ережелерінің күні", RU: "Дата правил взаимодействия", EN: "Interaction rules adopted on"},

	"volunteers.education":         {KK: "Білімі", RU: "Образование", EN: "Education"},
	"volunteers.education_other":   {KK: "Білімі (басқа)", RU: "Образование (другое)", EN: "Education (other)"},
	"free_time.bucket":             {KK: "Бос уақыты", RU: "Свободное время", EN: "Free time"},
	"free_time.other":              {KK: "Бос уақыты (басқа)", RU: "Свободное время (другое)", EN: "Free time (other)"},
	"free_time.hours_per_week":     {KK: "Аптасына бос сағат", RU: "Свободных часов в неделю", EN: "Free hours a week"},
	"free_time.weekdays":           {KK: "Бос күндері", RU: "Свободные дни", EN: "Free weekdays"},
	"health.limitations":           {KK: "Денсаулық бойынша шектеулер", RU: "Ограничения по здоровью", EN: "Health limitations"},
	"health.details":               {KK: "Шектеулер туралы", RU: "Подробно об ограничениях", EN: "Health details"},
	"volunteers.role":              {KK: "Рөлі", RU: "Роль", EN: "Role"},
	"commitment_months":            {KK: "Міндеттеме (ай)", RU: "Обязательство (мес.)", EN: "Commitment (months)"},
	"parental_consent":             {KK: "Ата-ана келісімі", RU: "Согласие родителей", EN: "Parental consent"},
	"accompanied_by_guardian":      {KK: "Заңды өкілмен бірге", RU: "С законным представителем", EN: "Accompanied by a guardian"},
	"screening.interview":          {KK: "Іріктеу: сұхбат", RU: "Отбор: собеседование", EN: "Screening: interview"},
	"screening.psychological_test": {KK: "Іріктеу: психологиялық тест", RU: "Отбор: психологический тест", EN: "Screening: psychological test"},
	"screening.training":           {KK: "Іріктеу: оқыту", RU: "Отбор: обучение", EN: "Screening: training"},
	"screening.documents":          {KK: "Іріктеу: құжаттар", RU: "Отбор: документы", EN: "Screening: documents"},
	"screening.safety_briefing":    {KK: "Қауіпсіздік техникасы жөніндегі нұсқаулық", RU: "Инструктаж по технике безопасности", EN: "Safety briefing"},
	"volunteers.level":             {KK: "Деңгейі", RU: "Уровень", EN: "Level"},
	"volunteers.completed_cycles":  {KK: "Аяқталған циклдер", RU: "Завершённых циклов", EN: "Completed cycles"},
	"volunteers.status":            {KK: "Мәртебесі", RU: "Статус", EN: "Status"},

	"volunteers.skills.name":          {KK: "Дағды", RU: "Навык", EN: "Skill"},
	"volunteers.skills.like":          {KK: "Ұнайды", RU: "Нравится", EN: "I like it"},
	"volunteers.skills.do_well":       {KK: "Жақсы істеймін", RU: "Хорошо получается", EN: "I do it well"},
	"volunteers.skills.can_teach":     {KK: "Үйрете аламын", RU: "Могу научить", EN: "Can teach others"},
	"volunteers.skills.want_to_learn": {KK: "Үйренгім келеді", RU: "Хочу научиться", EN: "Want to learn"},

	"children.admitted_on":   {KK: "Қабылданған күні", RU: "Дата поступления", EN: "Admitted on"},
	"children.programme":     {KK: "Тәлімгерлік түрі", RU: "Формат наставничества", EN: "Mentoring format"},
	"children.interests":     {KK: "Қызығушылықтары", RU: "Интересы", EN: "Interests"},
	"children.mentor_gender": {KK: "Тәлімгердің қалаулы жынысы", RU: "Желаемый пол наставника", EN: "Preferred mentor gender"},

	"tandems.mentor":       {KK: "Тәлімгер (ID)", RU: "Наставник (ID)", EN: "Mentor (ID)"},
	"tandems.child":        {KK: "Бала (ID)", RU: "Ребёнок (ID)", EN: "Child (ID)"},
	"tandems.started_on":   {KK: "Басталған күні", RU: "Дата начала", EN: "Started on"},
	"tandems.phase":        {KK: "Кезеңі", RU: "Этап", EN: "Phase"},
	"tandems.closed_on":    {KK: "Жабылған күні", RU: "Дата закрытия", EN: "Closed on"},
	"tandems.close_reason": {KK: "Жабылу себебі", RU: "Причина закрытия", EN: "Reason for closing"},
	"tandems.close_note":   {KK: "Жабылу туралы ескертпе", RU: "Комментарий к закрытию", EN: "Note on closing"},

	"groups.date":     {KK: "Сабақ күні", RU: "Дата занятия", EN: "Session date"},
	"groups.mentors":  {KK: "Тәлімгерлер (ID)", RU: "Наставники (ID)", EN: "Mentors (IDs)"},
	"groups.children": {KK: "Балалар (ID)", RU: "Дети (ID)", EN: "Children (IDs)"},
	"groups.topic":    {KK: "Тақырыбы", RU: "Тема", EN: "Topic"},

	"agreements.organisation.name":           {KK: "Ұйым атауы", RU: "Название организации", EN: "Organisation"},
	"agreements.organisation.representative": {KK: "Ұйым өкілі", RU: "Представитель организации", EN: "Representative"},
	"agreements.organisation.basis":          {KK: "Өкілдің өкілеттік негізі", RU: "Действует на основании", EN: "Acting on the basis of"},
	"agreements.party.full_name":             {KK: "Волонтердің аты-жөні", RU: "ФИО волонтёра", EN: "Volunteer's full name"},
	"party.id_document.number":               {KK: "Жеке куәлік нөмірі", RU: "Номер удостоверения", EN: "ID document number"},
	"party.id_document.issued_on":            {KK: "Куәлік берілген күні", RU: "Дата выдачи", EN: "ID document issued on"},
	"party.id_document.issuer":               {KK: "Куәлікті берген орган", RU: "Кем выдано", EN: "ID document issued by"},
	"party.contacts.phone":                   {KK: "Волонтердің телефоны", RU: "Телефон волонтёра", EN: "Volunteer's phone"},
	"party.contacts.email":                   {KK: "Волонтердің электрондық поштасы", RU: "Эл. почта волонтёра", EN: "Volunteer's e-mail"},
	"party.contacts.address":                 {KK: "Волонтердің мекенжайы", RU: "Адрес волонтёра", EN: "Volunteer's address"},
	"agreements.city":                        {KK: "Жасалған қаласы", RU: "Город заключения", EN: "City of signing"},
	"agreements.weekdays":                    {KK: "Жұмыс күндері", RU: "Дни работы", EN: "Working weekdays"},
	"agreements.reimbursed_costs":            {KK: "Өтелетін шығындар", RU: "Возмещаемые расходы", EN: "Reimbursed costs"},
	"agreements.signed_on":                   {KK: "Қол қойылған күні", RU: "Дата подписания", EN: "Signed on"},
	"agreements.notice_given_on":             {KK: "Хабарлама берілген күні", RU: "Дата уведомления", EN: "Notice given on"},
	"agreements.ends_on":                     {KK: "Аяқталу күні", RU: "Дата окончания", EN: "Ends on"},
	"agreements.ended_by":                    {KK: "Кім тоқтатты", RU: "Кем прекращено", EN: "Ended by"},
	"agreements.notice_days":                 {KK: "Хабарлама мерзімі (күн)", RU: "Срок уведомления (дней)", EN: "Notice period (days)"},

	"outings.date":   {KK: "Шығу күні", RU: "Дата выхода", EN: "Outing date"},
	"visits.date":    {KK: "Кездесу күні", RU: "Дата встречи", EN: "Visit date"},
	"check_ins.date": {KK: "Байланыс күні", RU: "Дата контакта", EN: "Check-in date"},

	"reports.month":        {KK: "Есеп айы", RU: "Месяц отчёта", EN: "Month"},
	"reports.submitted_on": {KK: "Тапсырылған күні", RU: "Дата сдачи", EN: "Submitted on"},
	"reports.hours":        {KK: "Сағат саны", RU: "Часов", EN: "Hours"},
	"reports.summary":      {KK: "Қысқаша мазмұны", RU: "Краткое содержание", EN: "Summary"},

	"meetings.kind":      {KK: "Кездесу түрі", RU: "Вид встречи", EN: "Kind"},
	"meetings.attendees": {KK: "Қатысушылар (ID)", RU: "Участники (ID)", EN: "Attendees (IDs)"},

	"diary.activity":     {KK: "Іс-әрекет түрі", RU: "Вид деятельности", EN: "Activity"},
	"diary.children":     {KK: "Балалар саны", RU: "Число детей", EN: "Children"},
	"diary.achievements": {KK: "Жетістіктер", RU: "Достижения", EN: "Achievements"},
}

// labelOf returns the heading of a column of a sheet: the most specific
// key of columnLabels that names it.
func labelOf(sheet, col string) (text, bool) { return lookup(columnLabels, sheet, col) }

// lookup finds the entry of m for a column of a sheet: "sheet.column"
// first, then the column's path, then the path without its first parts
// ("free_time.hours_per_week", then "hours_per_week").
func lookup[T any](m map[string]T, sheet, col string) (T, bool) {
	if t, ok := m[sheet+"."+col]; ok {
		return t, true
	}
	for k := col; k != ""; {
		if t, ok := m[k]; ok {
			return t, true
		}
		_, rest, found := strings.Cut(k, ".")
		if !found {
			break
		}
		k = rest
	}
	var zero T
	return zero, false
}

var (
	genders = map[string]text{
		"female": {KK: "Әйел", RU: "Женский", EN: "Female"},
		"male":   {KK: "Ер", RU: "Мужской", EN: "Male"},
	}
	weekdays = map[string]text{
		"mon": {KK: "дүйсенбі", RU: "понедельник", EN: "Monday"},
		"tue": {KK: "сейсенбі", RU: "вторник", EN: "Tuesday"},
		"wed": {KK: "сәрсенбі", RU: "среда", EN: "Wednesday"},
		"thu": {KK: "бейсенбі", RU: "четверг", EN: "Thursday"},
		"fri": {KK: "жұма", RU: "пятница", EN: "Friday"},
		"sat": {KK: "сенбі", RU: "суббота", EN: "Saturday"},
		"sun": {KK: "жексенбі", RU: "воскресенье", EN: "Sunday"},
	}
)

// vocabWords gives the word for each code of each vocabulary, by the keys
// labelOf tries.
var vocabWords = map[string]map[string]text{
	"institutions.kind": {
		"orphanage":             {KK: "Балалар үйі", RU: "Детский дом", EN: "Orphanage"},
		"adaptation_centre":     {KK: "Кәмелетке толмағандарды бейімдеу орталығы", RU: "Центр адаптации несовершеннолетних", EN: "Adaptation centre for minors"},
		"inspector_registry":    {KK: "Инспекторлар есебіндегі балалар", RU: "Дети на учёте у инспекторов", EN: "Children registered with inspectors"},
		"social_service_centre": {KK: "Әлеуметтік қызмет көрсету орталығы", RU: "Центр социального обслуживания", EN: "Social-service centre"},
		"school":                {KK: "Мектеп", RU: "Школа", EN: "School"},
		"crisis_centre":         {KK: "Дағдарыс орталығы", RU: "Кризисный центр", EN: "Crisis centre"},
		"yard_club":             {KK: "Аула клубы", RU: "Дворовый клуб", EN: "Yard club"},
		"ngo":                   {KK: "Үкіметтік емес ұйым", RU: "Неправительственная организация", EN: "NGO"},
	},
	"gender":        genders,
	"mentor_gender": genders,
	"volunteers.education": {
		"secondary":  {KK: "Орта", RU: "Среднее", EN: "Secondary"},
		"vocational": {KK: "Арнаулы орта", RU: "Среднее специальное", EN: "Vocational"},
		"higher":     {KK: "Жоғары", RU: "Высшее", EN: "Higher"},
		"other":      {KK: "Басқа", RU: "Другое", EN: "Other"},
	},
	"free_time.bucket": {
		"hours_10_15": {KK: "Аптасына 10–15 сағат", RU: "10–15 часов в неделю", EN: "10–15 hours a week"},
		"evenings":    {KK: "Тек кешкі уақыт", RU: "Только вечера", EN: "Evenings only"},
		"weekends":    {KK: "Тек демалыс күндері", RU: "Только выходные", EN: "Weekends only"},
		"other":       {KK: "Басқа", RU: "Другое", EN: "Other"},
	},
	"weekdays": weekdays,
	"volunteers.role": {
		"individual_mentor": {KK: "Жеке тәлімгер", RU: "Индивидуальный наставник", EN: "Individual mentor"},
		"group_volunteer":   {KK: "Топтық сабақ волонтері", RU: "Волонтёр групповых занятий", EN: "Group volunteer"},
		"event_volunteer":   {KK: "Іс-шара волонтері", RU: "Волонтёр мероприятий", EN: "Event volunteer"},
		"coach":             {KK: "Коуч", RU: "Коуч", EN: "Coach"},
	},
	"volunteers.level": {
		"trainee": {KK: "Тағылымдамашы", RU: "Стажёр", EN: "Trainee"},
		"mentor":  {KK: "Тәлімгер", RU: "Наставник", EN: "Mentor"},
		"master":  {KK: "Шебер тәлімгер", RU: "Мастер-наставник", EN: "Master mentor"},
	},
	"volunteers.status": {
		"applicant": {KK: "Үміткер", RU: "Кандидат", EN: "Applicant"},
		"screening": {KK: "Іріктеуде", RU: "На отборе", EN: "In screening"},
		"approved":  {KK: "Мақұлданған", RU: "Одобрен", EN: "Approved"},
		"active":    {KK: "Белсенді", RU: "Активен", EN: "Active"},
		"on_hold":   {KK: "Уақытша тоқтатылған", RU: "Приостановлен", EN: "On hold"},
		"retired":   {KK: "Шыққан", RU: "Выбыл", EN: "Retired"},
	},
	"children.programme": {
		"individual": {KK: "Жеке тәлімгерлік", RU: "Индивидуальное наставничество", EN: "Individual mentoring"},
		"coaching":   {KK: "Коучинг", RU: "Коучинг", EN: "Coaching"},
		"group":      {KK: "Топтық тәлімгерлік", RU: "Групповое наставничество", EN: "Group mentoring"},
	},
	"tandems.phase": {
		"acquaintance":       {KK: "Танысу", RU: "Знакомство", EN: "Acquaintance"},
		"inside_institution": {KK: "Мекеме ішінде", RU: "Внутри учреждения", EN: "Inside the institution"},
		"active":             {KK: "Белсенді (сыртқа шығуға болады)", RU: "Активный (выходы разрешены)", EN: "Active (outings allowed)"},
		"closing":            {KK: "Аяқталып жатыр", RU: "Завершается", EN: "Closing"},
		"closed":             {KK: "Жабылған", RU: "Закрыт", EN: "Closed"},
	},
	"tandems.close_reason": {
		"completed":              {KK: "Мерзімі аяқталды", RU: "Завершён по сроку", EN: "Completed"},
		"mentor_withdrew":        {KK: "Тәлімгер бас тартты", RU: "Наставник отказался", EN: "Mentor withdrew"},
		"mentor_moved":           {KK: "Тәлімгер көшіп кетті", RU: "Наставник переехал", EN: "Mentor moved away"},
		"child_left":             {KK: "Бала мекемеден кетті", RU: "Ребёнок выбыл из учреждения", EN: "Child left the institution"},
		"child_placed_in_family": {KK: "Бала отбасына орналастырылды", RU: "Ребёнок устроен в семью", EN: "Child placed in a family"},
		"institution_request":    {KK: "Мекеменің өтініші бойынша", RU: "По просьбе учреждения", EN: "At the institution's request"},
		"other":                  {KK: "Басқа себеп", RU: "Другая причина", EN: "Other reason"},
	},
	"agreements.ended_by": {
		"volunteer":    {KK: "Волонтер", RU: "Волонтёр", EN: "The volunteer"},
		"organisation": {KK: "Ұйым", RU: "Организация", EN: "The organisation"},
	},
	"agreements.reimbursed_costs": {
		"transport":     {KK: "Жол ақысы", RU: "Проезд", EN: "Transport"},
		"meals":         {KK: "Тамақ", RU: "Питание", EN: "Meals"},
		"supplies":      {KK: "Материалдар", RU: "Материалы", EN: "Supplies"},
		"communication": {KK: "Байланыс", RU: "Связь", EN: "Communication"},
		"other":         {KK: "Басқа шығындар", RU: "Другие расходы", EN: "Other costs"},
	},
	"meetings.kind": {
		"planning": {KK: "Жоспарлау кездесуі", RU: "Планёрка", EN: "Planning meeting"},
		"general":  {KK: "Жалпы жиналыс", RU: "Общее собрание", EN: "General meeting"},
	},
}

// wordsOf returns the words of the vocabulary of a column.
func wordsOf(sheet, col string) map[string]text {
	w, _ := lookup(vocabWords, sheet, col)
	return w
}

// formerWords are words of a vocabulary that earlier templates wrote and a
// reader corrected: still read, never written, so that a workbook filled
// in from an older template reads as it did.
var formerWords = map[string]map[string][]string{
	"institutions.kind": {"ngo": {"Некоммерческая организация"}},
}

// formerLabels are column headings earlier templates wrote, read as the
// column they named.
var formerLabels = map[string][]string{
	"screening.safety_briefing":  {"Қауіпсіздік нұсқамасы", "Инструктаж по безопасности"},
	"agreements.notice_given_on": {"Ескерту берілген күні"},
	"agreements.notice_days":     {"Ескерту мерзімі (күн)"},
}

// yesNo are the words of a yes-or-no column.
var yesNo = [2]text{
	{KK: "жоқ", RU: "нет", EN: "no"},
	{KK: "иә", RU: "да", EN: "yes"},
}

// ui holds the other words of the workbook.
var ui = struct {
	instructions, sheet, lists, listsNote, required, dateInput, listInput, yesNoInput, intInput, badChoice, badDate, badInt text
}{
	instructions: text{KK: "Нұсқаулық", RU: "Инструкция", EN: "Instructions"},
	sheet:        text{KK: "Парақ", RU: "Лист", EN: "Sheet"},
	lists:        text{KK: "Не жазылады", RU: "Что заносится", EN: "What it lists"},
	listsNote:    text{KK: "Ашылмалы тізімдердің сөздері (өзгертпеңіз)", RU: "Слова выпадающих списков (не меняйте)", EN: "Words of the drop-down lists (do not change)"},
	required:     text{KK: "* — міндетті баған", RU: "* — обязательный столбец", EN: "* — a column that must be filled in"},
	dateInput:    text{KK: "Күнді енгізіңіз, мысалы 02.04.1990, не 1990-04-02 мәтінін", RU: "Введите дату, например 02.04.1990, или текст 1990-04-02", EN: "Enter a date, e.g. 02.04.1990, or the text 1990-04-02"},
	listInput:    text{KK: "Бірнеше мәнді «;» арқылы жазыңыз", RU: "Несколько значений пишите через «;»", EN: "Separate several values with \";\""},
	yesNoInput:   text{KK: "иә не жоқ", RU: "да или нет", EN: "yes or no"},
	intInput:     text{KK: "Бүтін сан", RU: "Целое число", EN: "A whole number"},
	badChoice:    text{KK: "Тізімнен таңдаңыз", RU: "Выберите из списка", EN: "Choose from the list"},
	badDate:      text{KK: "Бұл күн емес", RU: "Это не дата", EN: "This is not a date"},
	badInt:       text{KK: "Бұл рұқсат етілген бүтін сан емес", RU: "Это не допустимое целое число", EN: "This is not an allowed whole number"},
}

// guide is the instructions sheet, one paragraph a row.
var guide = []text{
	{
		KK: "Тәлімгерлік бағдарламасы — толтыруға арналған кітап",
		RU: "Программа наставничества — рабочая книга для заполнения",
		EN: "Mentoring programme — a workbook to fill in",
	},
	{
		KK: "Бұл кітап бір тәлімгерлік бағдарламасын бір күнге сипаттайды. Толтырыңыз да, «sabaq check ФАЙЛ.xlsx» командасымен тексеріңіз.",
		RU: "Эта книга описывает одну программу наставничества на одну дату. Заполните её и проверьте командой «sabaq check ФАЙЛ.xlsx».",
		EN: "This workbook describes one mentoring programme on one date. Fill it in and check it with \"sabaq check FILE.xlsx\".",
	},
	{
		KK: "Әр парақ — бір тізім: әр мекемеге, волонтерге, балаға, тандемге бір жол. Парақтардың атауын өзгертпеңіз.",
		RU: "Каждый лист — один список: по строке на каждое учреждение, волонтёра, ребёнка, тандем. Не переименовывайте листы.",
		EN: "Each sheet is one list: a row for each institution, volunteer, child, tandem… Keep the sheet names as they are.",
	},
	{
		KK: "1-жолда бағанның атауы, 2-жолда бағдарлама оқитын өріс атауы тұр. 2-жолды өзгертпеңіз. Деректерді 3-жолдан бастап жазыңыз.",
		RU: "В строке 1 — название столбца, в строке 2 — имя поля, которое читает программа. Не меняйте строку 2. Данные пишите с строки 3.",
		EN: "Row 1 names each column in words; row 2 holds the field name the program reads. Leave row 2 as it is and write your data from row 3.",
	},
	{
		KK: "* белгісі бар бағандар міндетті. Мән әлі белгісіз болса (мысалы, іріктеу кезеңі өтпесе), ұяшықты бос қалдырыңыз.",
		RU: "Столбцы со знаком * обязательны. Если значение пока неизвестно (например, этап отбора не пройден), оставьте ячейку пустой.",
		EN: "Columns marked * must be filled in. Leave a cell empty when there is no value yet (a screening stage not done, say).",
	},
	{
		KK: "Күндер: күн ретінде (мысалы 02.04.1990) не 1990-04-02 мәтіні ретінде. Айлар (ай сайынғы есептер): 2026-10.",
		RU: "Даты: как дату (например 02.04.1990) или текстом 1990-04-02. Месяцы (ежемесячные отчёты): 2026-10.",
		EN: "Dates: as dates (02.04.1990) or as the text 1990-04-02. Months (monthly reports): 2026-10.",
	},
	{
		KK: "Түрлерді, рөлдерді, кезеңдерді және басқа таңдауларды ұяшықтың ашылмалы тізімінен алыңыз. Иә/жоқ бағандарында «иә» не «жоқ» таңдаңыз.",
		RU: "Типы, роли, этапы и другие варианты выбирайте из выпадающего списка ячейки. В столбцах да/нет выберите «да» или «нет».",
		EN: "Pick kinds, roles, phases and other choices from the cell's drop-down list. In yes/no columns choose \"yes\" or \"no\".",
	},
	{
		KK: "Бір ұяшықтағы бірнеше мән (тілдер, апта күндері, топтағы тәлімгерлердің идентификаторлары) «;» арқылы жазылады. Мәннің өзінде «;» болса, «\\;» деп жазыңыз.",
		RU: "Несколько значений в одной ячейке (языки, дни недели, идентификаторы наставников группы) пишутся через «;». Если в самом значении есть «;», пишите «\\;».",
		EN: "Several values in one cell (languages, weekdays, the ids of a group's mentors) are separated by \";\". Where a value itself holds \";\", write \"\\;\".",
	},
	{
		KK: "Жолдар бір-біріне идентификатор арқылы сілтейді: тандемнің тәлімгері — volunteers парағындағы волонтердің идентификаторы, баласы — children парағындағы баланың идентификаторы. Идентификатор өз парағында қайталанбауы керек.",
		RU: "Строки ссылаются друг на друга по идентификатору: наставник тандема — идентификатор волонтёра с листа volunteers, ребёнок — идентификатор ребёнка с листа children. Идентификатор не должен повторяться на своём листе.",
		EN: "Rows refer to each other by id: a tandem's mentor is the id of a volunteer on the sheet volunteers, its child the id of a child on children. An id is unique on its sheet.",
	},
	{
		KK: "Волонтердің дағдылары volunteers.skills парағында: бір дағдыға бір жол, бірінші бағанда волонтердің идентификаторы.",
		RU: "Навыки волонтёра — на листе volunteers.skills: по строке на навык, в первом столбце идентификатор волонтёра.",
		EN: "A volunteer's skills go on the sheet volunteers.skills, a row per skill, the volunteer's id in the first column.",
	},
	{
		KK: "Жеке деректер: аты-жөні, туған күні, байланыс деректері, жеке куәлік, денсаулық туралы мәліметтер — жеке деректер. Файлды қорғаңыз, тек қажет адамдарға беріңіз. Қате туралы хабарларда олар ешқашан қайталанбайды.",
		RU: "Персональные данные: ФИО, даты рождения, контакты, удостоверения личности, сведения о здоровье. Храните файл бережно и передавайте только тем, кому он нужен. Сообщения об ошибках никогда их не повторяют.",
		EN: "Names, birth dates, contacts, identity documents and health are personal data. Keep the file safe and share it only with those who need it. Error messages never repeat them.",
	},
	{
		KK: "Атауы «_» белгісінен басталатын парақтар оқылмайды: өз жазбаларыңызды сонда сақтаңыз.",
		RU: "Листы, имя которых начинается с «_», не читаются: храните там свои заметки.",
		EN: "Sheets whose names start with \"_\" are not read: keep your own notes there.",
	},
}
