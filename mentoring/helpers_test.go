package mentoring_test

import (
	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

type (
	agreementT      = agreement.Agreement
	agreementReport = agreement.Report
)

func volunteers() []volunteer.Volunteer {
	return []volunteer.Volunteer{{ID: "v-1", FullName: "A B", BirthDate: civil.D(1990, 1, 1), Role: volunteer.IndividualMentor}}
}
