package volunteer

import "github.com/birgemiz/sabaqtastyq/diag"

// Codes of the problems this package reports besides the validate tags.
const (
	// CodeDuplicateSkill: a skill named twice in the "my skills" table. Its
	// argument is the path of the first row with that name; the name itself
	// is free text and is not repeated.
	CodeDuplicateSkill diag.Code = "volunteer.duplicate_skill"
)

func init() {
	diag.Register(map[diag.Code]diag.Text{
		CodeDuplicateSkill: {
			KK: "бұл дағды тізімде екі рет берілген (алғаш {0} жолында)",
			RU: "этот навык указан дважды (впервые в строке {0})",
			EN: "this skill is listed twice (first at {0})",
		},
	})
	// Status names as terms, so that a lifecycle error reads in the
	// reader's language: "@status.on_hold".
	diag.Register(map[diag.Code]diag.Text{
		"@status.applicant": {KK: "үміткер", RU: "кандидат", EN: "applicant"},
		"@status.screening": {KK: "іріктеуде", RU: "на отборе", EN: "in screening"},
		"@status.approved":  {KK: "іріктеуден өтті", RU: "прошёл отбор", EN: "approved"},
		"@status.active":    {KK: "белсенді", RU: "активен", EN: "active"},
		"@status.on_hold":   {KK: "уақытша тоқтатқан", RU: "на паузе", EN: "on hold"},
		"@status.retired":   {KK: "қызметін аяқтаған", RU: "завершил участие", EN: "retired"},
	})
}
