package agreement

import "github.com/birgemiz/sabaqtastyq/diag"

// Codes of the problems this package reports besides the validate tags and
// the shared codes of package diag.
const (
	// CodeNoNotice: the volunteer stops without having given notice (R10).
	// Args: the days of notice the agreement asks.
	CodeNoNotice diag.Code = "agreement.no_notice"
	// CodeShortNotice: notice was given, but fewer days ahead than the
	// agreement asks. Args: the days given, the days required.
	CodeShortNotice diag.Code = "agreement.short_notice"
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeNoNotice: {
			KK: "волонтер қызметін тоқтату туралы алдын ала хабардар етпеген (келісім бойынша кемінде {0} күн бұрын хабарлау керек)",
			RU: "волонтёр не предупредил о прекращении деятельности (по соглашению нужно предупредить не менее чем за {0} дн.)",
			EN: "the volunteer gave no notice before stopping (the agreement asks for notice at least {0} days ahead)",
		},
		CodeShortNotice: {
			KK: "хабарлама аяқталуға {0} күн қалғанда берілген, ал кемінде {1} күн бұрын берілуі керек",
			RU: "уведомление подано за {0} дн. до окончания, а нужно не менее чем за {1} дн.",
			EN: "notice was given {0} days before the end; at least {1} days are required",
		},
	})
	diag.Register(map[diag.Code]diag.Text{
		"@agreement.draft":        {KK: "жоба (қол қойылмаған)", RU: "проект (не подписано)", EN: "draft"},
		"@agreement.signed":       {KK: "қол қойылған", RU: "подписано", EN: "signed"},
		"@agreement.notice_given": {KK: "тоқтату туралы хабарланған", RU: "подано уведомление", EN: "notice given"},
		"@agreement.ended":        {KK: "тоқтатылған", RU: "прекращено", EN: "ended"},
	})
}
