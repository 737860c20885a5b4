package main

import (
	"fmt"
	"strings"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/grammar"
)

// The command line's words live in the diag catalog under "cli.", each in
// Kazakh, Russian and English; TestEveryWordInThreeLanguages holds them
// to it. Keys name a place (summary.*, test.*) and templates take {0},
// {1}…; a template with "|" holds plural forms ("one|few|many" in
// Russian, "one|other" in English, one form in Kazakh), picked by count.

// t returns the catalog's text for key in the run's language, filled.
func (e *env) t(key string, args ...any) string {
	tmpl, ok := diag.Template(diag.Code("cli."+key), e.lang)
	if !ok {
		panic("sabaq: no words for " + key) // a missing key is a bug of this file, caught by the tests
	}
	strs := make([]string, len(args))
	for i, a := range args {
		strs[i] = fmt.Sprint(a)
	}
	return diag.Fill(tmpl, strs)
}

// count returns n with key's noun in the form n takes: "13 findings",
// "13 замечаний", "13 ескертпе".
func (e *env) count(n int, key string) string {
	forms := e.t(key)
	return grammar.Count(e.lang, int64(n), forms)
}

// form returns key's noun in the form n takes, without n.
func (e *env) form(n int, key string) string { return grammar.Pick(e.lang, int64(n), e.t(key)) }

// l returns t in the run's language.
func (e *env) l(t diag.Text) string { return t.In(e.lang) }

// list joins words as running text: "a, b or c".
func (e *env) list(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + e.t("or") + " " + words[len(words)-1]
}

// Placeholders of values in help.
var (
	textLangPH   = diag.Text{KK: "ТІЛ", RU: "ЯЗЫК", EN: "LANG"}
	textWhenPH   = diag.Text{KK: "ҚАШАН", RU: "КОГДА", EN: "WHEN"}
	textFilePH   = diag.Text{KK: "ФАЙЛ", RU: "ФАЙЛ", EN: "FILE"}
	textFilesPH  = diag.Text{KK: "ФАЙЛ|БУМА…", RU: "ФАЙЛ|ПАПКА…", EN: "FILE|DIR…"}
	textPathsPH  = diag.Text{KK: "[ЖОЛ…]", RU: "[ПУТЬ…]", EN: "[PATH…]"}
	textDatePH   = diag.Text{KK: "КҮН", RU: "ДАТА", EN: "DATE"}
	textMonthPH  = diag.Text{KK: "АЙ", RU: "МЕСЯЦ", EN: "MONTH"}
	textFormatPH = diag.Text{KK: "ПІШІМ|ФАЙЛ", RU: "ФОРМАТ|ФАЙЛ", EN: "FORMAT|FILE"}
	textPolicyPH = diag.Text{KK: "САЯСАТ", RU: "ПОЛИТИКА", EN: "POLICY"}
	textSizePH   = diag.Text{KK: "ӨЛШЕМ", RU: "РАЗМЕР", EN: "SIZE"}
	textIDPH     = diag.Text{KK: "ID", RU: "ID", EN: "ID"}
	textDirPH    = diag.Text{KK: "БУМА", RU: "ПАПКА", EN: "DIR"}
	textNPH      = diag.Text{KK: "САН", RU: "ЧИСЛО", EN: "N"}
	textRegexpPH = diag.Text{KK: "ӨРНЕК", RU: "ШАБЛОН", EN: "REGEXP"}
)

var textRootShort = diag.Text{
	KK: "тәлімгерлік бағдарламаны нұсқаулық ережелерімен тексеру",
	RU: "проверка программы наставничества по правилам руководства",
	EN: "check a mentoring programme against the guide's rules",
}

var textRootLong = diag.Text{
	KK: `sabaq тәлімгерлік бағдарламаны «Салалық волонтерлік бойынша нұсқаулықтың»
BIRGEMIZ SABAQTASTYQ бағыты бойынша ережелерімен (CEL саясаттары) тексереді,
кестелерді оқиды және жазады, құжаттар мен есептер дайындайды.`,
	RU: `sabaq проверяет программу наставничества по правилам «Отраслевого
руководства по волонтёрству», направление BIRGEMIZ SABAQTASTYQ (политики на
CEL), читает и пишет таблицы, готовит документы и отчёты.`,
	EN: `sabaq checks a volunteer mentoring programme against the rules of the
Sectoral volunteering guide, direction BIRGEMIZ SABAQTASTYQ, written as CEL
policies; reads and writes spreadsheets; prepares documents and reports.`,
}

func init() {
	texts := map[string]diag.Text{
		"or":     {KK: "не", RU: "или", EN: "or"},
		"and":    {KK: "және", RU: "и", EN: "and"},
		"hint":   {KK: " («{0}» болуы мүмкін бе?)", RU: " (может быть, «{0}»?)", EN: " (did you mean \"{0}\"?)"},
		"failed": {KK: "орындалмады ({0} — жүйе хабары)", RU: "не удалось (сообщение системы: {0})", EN: "failed (the system says: {0})"},

		// Help.
		"help.usage":        {KK: "Қолданылуы", RU: "Использование", EN: "Usage"},
		"help.commands":     {KK: "Командалар", RU: "Команды", EN: "Commands"},
		"help.flags":        {KK: "Жалаушалар", RU: "Флаги", EN: "Flags"},
		"help.global_flags": {KK: "Барлық командаларға ортақ жалаушалар", RU: "Флаги всех команд", EN: "Flags of every command"},
		"help.command_ph":   {KK: "КОМАНДА", RU: "КОМАНДА", EN: "COMMAND"},
		"help.flags_ph":     {KK: "жалаушалар", RU: "флаги", EN: "flags"},
		"help.value_ph":     {KK: "МӘН", RU: "ЗНАЧЕНИЕ", EN: "VALUE"},
		"help.default":      {KK: "(әдепкісі: {0})", RU: "(по умолчанию: {0})", EN: "(default: {0})"},
		"help.more": {
			KK: "Команда туралы толығырақ: sabaq help КОМАНДА (не sabaq КОМАНДА --help).",
			RU: "Подробнее о команде: sabaq help КОМАНДА (или sabaq КОМАНДА --help).",
			EN: "More about a command: sabaq help COMMAND (or sabaq COMMAND --help).",
		},
		"help.more_sub": {
			KK: "Толығырақ: {0} КОМАНДА --help.",
			RU: "Подробнее: {0} КОМАНДА --help.",
			EN: "More: {0} COMMAND --help.",
		},
		"help.exit": {
			KK: "Шығу коды: 0 — бәрі дұрыс, 1 — бұзушылық не өтпеген тест, 2 — команда не кіріс қатесі, 3 — саясат қатесі.",
			RU: "Код выхода: 0 — всё в порядке, 1 — нарушения или проваленные тесты, 2 — ошибка команды или входных данных, 3 — ошибка политики.",
			EN: "Exit status: 0 fine, 1 findings or failed tests, 2 usage or input error, 3 policy error.",
		},

		// Command-line mistakes.
		"root.needs_command": {
			KK: "команда керек: тізімі — sabaq help",
			RU: "нужна команда: список — sabaq help",
			EN: "a command is needed: sabaq help lists them",
		},
		"group.needs_command": {
			KK: "{0} командасынан кейін мыналардың бірі керек: {1}",
			RU: "после {0} нужна одна из команд: {1}",
			EN: "{0} needs one of: {1}",
		},
		"command.unknown": {
			KK: "{1} командасында «{0}» деген команда жоқ",
			RU: "у {1} нет команды «{0}»",
			EN: "{1} has no command \"{0}\"",
		},
		"flag.unknown": {
			KK: "«{0}» деген жалауша жоқ",
			RU: "флага «{0}» нет",
			EN: "there is no flag \"{0}\"",
		},
		"flag.unknown_short": {
			KK: "«-{0}» деген қысқа жалауша жоқ",
			RU: "короткого флага «-{0}» нет",
			EN: "there is no short flag \"-{0}\"",
		},
		"flag.needs_value": {
			KK: "{0} жалаушасына мән керек",
			RU: "флагу {0} нужно значение",
			EN: "flag {0} needs a value",
		},
		"flag.invalid": {
			KK: "«{0}» мәні {1} үшін жарамсыз: {2}",
			RU: "значение «{0}» не подходит для {1}: {2}",
			EN: "\"{0}\" is not a value for {1}: {2}",
		},
		"flag.syntax": {
			KK: "«{0}» жалаушасы дұрыс жазылмаған",
			RU: "флаг «{0}» записан неверно",
			EN: "flag \"{0}\" is not written correctly",
		},
		"flag.not_number": {KK: "сан болуы керек", RU: "нужно число", EN: "a number is needed"},
		"flag.not_duration": {
			KK: "ұзақтық болуы керек, мыс. 30s, 5m, 1h",
			RU: "нужна длительность, напр. 30s, 5m, 1h",
			EN: "a duration is needed, such as 30s, 5m or 1h",
		},
		"flag.choice": {
			KK: "{1} мәні «{0}» бола алмайды: {2} болуы керек",
			RU: "{1} не может быть «{0}»: нужно {2}",
			EN: "{1} cannot be \"{0}\": use {2}",
		},
		"lang.unknown": {
			KK: "«{0}» — sabaq сөйлемейтін тіл: kk (қазақша), ru (орысша) не en (ағылшынша)",
			RU: "«{0}» — язык, на котором sabaq не говорит: kk (казахский), ru (русский) или en (английский)",
			EN: "sabaq does not speak \"{0}\": use kk (Kazakh), ru (Russian) or en (English)",
		},
		"args.exactly": {
			KK: "{0} командасына {1} керек (sabaq help {0})",
			RU: "команде {0} нужно: {1} (sabaq help {0})",
			EN: "{0} needs {1} (see sabaq help {0})",
		},
		"args.one_file":     {KK: "бір бағдарлама файлы", RU: "один файл программы", EN: "one programme file"},
		"args.some_files":   {KK: "кемінде бір саясат файлы не бумасы", RU: "хотя бы один файл или папка политик", EN: "at least one policy file or folder"},
		"args.one_dir":      {KK: "бір бума", RU: "одна папка", EN: "one folder"},
		"args.one_policy":   {KK: "бір саясат атауы не файлы", RU: "одно имя или файл политики", EN: "one policy name or file"},
		"args.none":         {KK: "аргумент берілмеуі", RU: "вызов без аргументов", EN: "no arguments"},
		"args.one_output":   {KK: "бір шығыс файлы (.xlsx)", RU: "один выходной файл (.xlsx)", EN: "one output file (.xlsx)"},
		"args.one_shell":    {KK: "қабықтың атауы: bash, zsh, fish не powershell", RU: "имя оболочки: bash, zsh, fish или powershell", EN: "a shell: bash, zsh, fish or powershell"},
		"args.one_response": {KK: "бір жауап файлы", RU: "один файл ответов", EN: "one response file"},
		"date.bad": {
			KK: "{0} мәні ЖЖЖЖ-АА-КК пішіміндегі нақты күн болуы керек, «{1}» емес",
			RU: "{0} должен быть существующей датой в формате ГГГГ-ММ-ДД, а не «{1}»",
			EN: "{0} must be an existing day as YYYY-MM-DD, not \"{1}\"",
		},
		"month.bad": {
			KK: "{0} мәні ЖЖЖЖ-АА пішіміндегі ай болуы керек, «{1}» емес",
			RU: "{0} должен быть месяцем в формате ГГГГ-ММ, а не «{1}»",
			EN: "{0} must be a month as YYYY-MM, not \"{1}\"",
		},
		"required.flag": {
			KK: "{0} жалаушасы міндетті (sabaq help {1})",
			RU: "флаг {0} обязателен (sabaq help {1})",
			EN: "{0} is required (see sabaq help {1})",
		},
		"size.bad": {
			KK: "«{0}» — өлшем емес: мысалы 512KiB, 64MiB не 3GiB",
			RU: "«{0}» — не размер: например, 512KiB, 64MiB или 3GiB",
			EN: "\"{0}\" is not a size such as 512KiB, 64MiB or 3GiB",
		},
		"size.huge": {
			KK: "«{0}» — ешбір файл мұндай үлкен болмайды",
			RU: "«{0}» — больше, чем может быть любой файл",
			EN: "\"{0}\" is more than any file can be",
		},
		"format.unknown": {
			KK: "{1} үшін «{0}» пішімі жоқ: {2} не кеңейтімі осылардың бірін атайтын файл",
			RU: "формата «{0}» для {1} нет: {2} или файл с расширением одного из них",
			EN: "{1} has no format \"{0}\": use {2}, or a file name whose extension names one",
		},
		"format.file_only": {
			KK: "{0} пішімі екілік: оны файлға жазыңыз (мыс. -o findings.{0})",
			RU: "формат {0} двоичный: запишите его в файл (напр. -o findings.{0})",
			EN: "format {0} is binary: write it to a file (e.g. -o findings.{0})",
		},
		"policy.not_found": {
			KK: "«{0}» деген саясат жоқ: кірістірілген саясаттардың ({1}) арасында да, осы бумада {0}.yaml файлы ретінде де табылмады",
			RU: "политики «{0}» нет: ни среди встроенных ({1}), ни файла {0}.yaml в этой папке",
			EN: "there is no policy \"{0}\": it is not embedded ({1}) and there is no {0}.yaml in this folder",
		},
		"policy.no_file": {
			KK: "«{0}» саясат файлы жоқ",
			RU: "файла политики «{0}» нет",
			EN: "there is no policy file \"{0}\"",
		},
		"rule.not_found": {
			KK: "{1} саясатында «{0}» ережесі жоқ (тізімі — sabaq policy show {1})",
			RU: "в политике {1} нет правила «{0}» (список — sabaq policy show {1})",
			EN: "policy {1} has no rule \"{0}\" (sabaq policy show {1} lists them)",
		},
		"subject.bad": {
			KK: "«{0}» — субъект емес: ТҮР/ID түрінде жазыңыз, мыс. volunteer/v-1; түрлері: {1}",
			RU: "«{0}» — не субъект: пишите ВИД/ID, напр. volunteer/v-1; виды: {1}",
			EN: "\"{0}\" is not a subject: write KIND/ID, such as volunteer/v-1; kinds: {1}",
		},
		"subject.not_found": {
			KK: "бағдарламада «{0}» субъектісі жоқ",
			RU: "в программе нет субъекта «{0}»",
			EN: "the programme has no subject \"{0}\"",
		},
		"volunteer.not_found": {
			KK: "бағдарламада «{0}» волонтері жоқ",
			RU: "в программе нет волонтёра «{0}»",
			EN: "the programme has no volunteer \"{0}\"",
		},
		"volunteer.no_agreement": {
			KK: "бағдарламада «{0}» волонтерінің келісімі жоқ",
			RU: "в программе нет соглашения волонтёра «{0}»",
			EN: "volunteer \"{0}\" has no agreement in the programme",
		},
		"exclusive": {
			KK: "{0} бірге қолданылмайды",
			RU: "{0} нельзя использовать вместе",
			EN: "{0} cannot be used together",
		},
		"percent.bad": {
			KK: "{0} — пайыз, 0-ден 100-ге дейін",
			RU: "{0} — процент, от 0 до 100",
			EN: "{0} is a percentage, 0 to 100",
		},
		"regexp.bad": {
			KK: "--run мәні дұрыс тұрақты өрнек емес (Go хабары: {0})",
			RU: "--run — неверное регулярное выражение (сообщение Go: {0})",
			EN: "--run is not a valid regular expression (Go says: {0})",
		},
		"init.exists": {
			KK: "{0} бар: init ешқашан файлды қайта жазбайды",
			RU: "{0} уже есть: init никогда не перезаписывает файлы",
			EN: "{0} exists; init never overwrites a file",
		},
		"serve.tls_pair": {
			KK: "--tls-cert пен --tls-key бірге беріледі",
			RU: "--tls-cert и --tls-key задаются вместе",
			EN: "--tls-cert and --tls-key go together",
		},
		"serve.token_twice": {
			KK: "--token не --token-file: біреуін беріңіз",
			RU: "--token или --token-file: укажите что-то одно",
			EN: "--token and --token-file: give one",
		},
		"serve.exposed": {
			KK: "{0}: басқа компьютерлер қол жеткізетін мекенжайға --token не TLS (--tls-cert пен --tls-key) керек",
			RU: "{0}: для адреса, доступного другим компьютерам, нужен --token или TLS (--tls-cert и --tls-key)",
			EN: "{0}: an address other machines can reach needs --token or TLS (--tls-cert and --tls-key)",
		},
		"serve.slow": {
			KK: "ескерту: --write-timeout {0} мәні --read-timeout пен --timeout қосындысынан қысқа; баяу сұраныстар үзіледі",
			RU: "предупреждение: --write-timeout {0} короче суммы --read-timeout и --timeout; медленные запросы будут прерваны",
			EN: "warning: --write-timeout {0} is shorter than --read-timeout + --timeout; slow requests will be cut off",
		},
		"serve.token_empty": {
			KK: "{0} файлындағы токен бос",
			RU: "токен в файле {0} пуст",
			EN: "the token in {0} is empty",
		},
		"convert.same": {
			KK: "шығыс кірістің өзі: басқа файл атауын беріңіз",
			RU: "выход совпадает со входом: укажите другой файл",
			EN: "the output is the input: name another file",
		},
		"convert.needs_output": {
			KK: "convert командасына -o ФАЙЛ керек (.json, .yaml, .xlsx не / деп аяқталатын бума)",
			RU: "команде convert нужен -o ФАЙЛ (.json, .yaml, .xlsx или папка, оканчивающаяся на /)",
			EN: "convert needs -o FILE (.json, .yaml, .xlsx, or a folder ending in /)",
		},
		"template.ext": {
			KK: "үлгі .xlsx жұмыс кітабы ретінде жазылады: «{0}» атауы .xlsx деп аяқталуы керек",
			RU: "шаблон пишется как книга .xlsx: имя «{0}» должно оканчиваться на .xlsx",
			EN: "the template is an .xlsx workbook: \"{0}\" must end in .xlsx",
		},
		"written": {KK: "жазылды: {0}", RU: "записано: {0}", EN: "wrote {0}"},
	}
	m := make(map[diag.Code]diag.Text, len(texts))
	for k, t := range texts {
		m[diag.Code("cli."+k)] = t
	}
	diag.Register(m)
}

// words registers more of the command line's words: each command's file
// adds its own.
func words(texts map[string]diag.Text) {
	m := make(map[diag.Code]diag.Text, len(texts))
	for k, t := range texts {
		m[diag.Code("cli."+k)] = t
	}
	diag.Register(m)
}

// Operating-system errors, in the catalog's words.
func init() {
	diag.Register(map[diag.Code]diag.Text{
		codeNotExist: {KK: "мұндай файл не бума жоқ", RU: "такого файла или папки нет", EN: "no such file or folder"},
		codePermission: {
			KK: "бұл файлды оқуға (не жазуға) рұқсат жоқ",
			RU: "нет прав на чтение (или запись) этого файла",
			EN: "permission denied: this file cannot be read (or written) by you",
		},
		codeIsDir: {KK: "бұл файл емес, бума", RU: "это папка, а не файл", EN: "this is a folder, not a file"},
		codeOS: {
			KK: "файлды оқу не жазу мүмкін болмады (жүйе хабары: {0})",
			RU: "файл не удалось прочитать или записать (сообщение системы: {0})",
			EN: "the file could not be read or written (the system says: {0})",
		},
		codeDevice: {KK: "бұл файл емес, құрылғы", RU: "это устройство, а не файл", EN: "this is a device, not a file"},
		codeNoPolicies: {
			KK: "{0} ішінде саясат файлдары (*.yaml, *_test.yaml-дан басқа) жоқ",
			RU: "в {0} нет файлов политик (*.yaml, кроме *_test.yaml)",
			EN: "there are no policy files (*.yaml other than *_test.yaml) in {0}",
		},
	})
}
