package volunteer_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/validation/validationtest"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The plain checks that confirm a well-formed volunteer agree with the
// tag validator and the custom rules on random volunteers built from
// boundary values: a plain check that let one problem through would hide
// it from every load.
func TestPlainChecksAgreeWithTags(t *testing.T) {
	s := func(set func(*volunteer.Volunteer, string)) func(*rand.Rand, *volunteer.Volunteer) {
		return func(r *rand.Rand, v *volunteer.Volunteer) { set(v, validationtest.Pick(r, validationtest.Strings)) }
	}
	n := func(set func(*volunteer.Volunteer, int)) func(*rand.Rand, *volunteer.Volunteer) {
		return func(r *rand.Rand, v *volunteer.Volunteer) { set(v, validationtest.Pick(r, validationtest.Ints)) }
	}
	pick := func(set func(*volunteer.Volunteer, string), values ...string) func(*rand.Rand, *volunteer.Volunteer) {
		return func(r *rand.Rand, v *volunteer.Volunteer) { set(v, validationtest.Pick(r, values)) }
	}
	edits := []func(*rand.Rand, *volunteer.Volunteer){
		s(func(v *volunteer.Volunteer, x string) { v.ID = x }),
		s(func(v *volunteer.Volunteer, x string) { v.FullName = x }),
		s(func(v *volunteer.Volunteer, x string) { v.City = x }),
		s(func(v *volunteer.Volunteer, x string) { v.EducationOther = x }),
		func(_ *rand.Rand, v *volunteer.Volunteer) { v.BirthDate = civil.Date{} },
		func(_ *rand.Rand, v *volunteer.Volunteer) { v.Screening.SafetyBriefing = civil.D(1989, 12, 31) },
		func(_ *rand.Rand, v *volunteer.Volunteer) { v.Screening.Training = civil.D(1990, 1, 1) },
		pick(func(v *volunteer.Volunteer, x string) { v.Gender = volunteer.Gender(x) }, "", "female", "male", "f"),
		pick(func(v *volunteer.Volunteer, x string) { v.Role = volunteer.Role(x) }, "", "individual_mentor", "coach", "boss"),
		pick(func(v *volunteer.Volunteer, x string) { v.Education = volunteer.Education(x) }, "", "higher", "other", "phd"),
		pick(func(v *volunteer.Volunteer, x string) { v.Level = volunteer.Level(x) }, "", "master", "guru"),
		pick(func(v *volunteer.Volunteer, x string) { v.Status = volunteer.Status(x) }, "", "active", "asleep"),
		pick(func(v *volunteer.Volunteer, x string) { v.Languages = append(v.Languages, x) }, "kk", "ru-KZ", "kazakh!", ""),
		func(_ *rand.Rand, v *volunteer.Volunteer) { v.Languages = make([]string, 21); fill(v.Languages, "en") },
		n(func(v *volunteer.Volunteer, x int) { v.CommitmentMonths = x }),
		n(func(v *volunteer.Volunteer, x int) { v.CompletedCycles = x }),
		s(func(v *volunteer.Volunteer, x string) { v.Contacts = &volunteer.Contacts{Phone: x} }),
		s(func(v *volunteer.Volunteer, x string) { v.Contacts = &volunteer.Contacts{Address: x} }),
		pick(func(v *volunteer.Volunteer, x string) { v.Contacts = &volunteer.Contacts{Email: x} },
			"", "a@b.kz", "not an address", email(254), email(255)),
		pick(func(v *volunteer.Volunteer, x string) {
			v.FreeTime = &volunteer.FreeTime{Bucket: volunteer.FreeTimeBucket(x)}
		}, "", "other", "weekends", "nights"),
		s(func(v *volunteer.Volunteer, x string) {
			if v.FreeTime == nil {
				v.FreeTime = &volunteer.FreeTime{}
			}
			v.FreeTime.Other = x
		}),
		n(func(v *volunteer.Volunteer, x int) { v.FreeTime = &volunteer.FreeTime{HoursPerWeek: x} }),
		pick(func(v *volunteer.Volunteer, x string) {
			v.FreeTime = &volunteer.FreeTime{Weekdays: []volunteer.Weekday{"mon", volunteer.Weekday(x)}}
		}, "tue", "mon", "someday"),
		s(func(v *volunteer.Volunteer, x string) {
			v.Health = &volunteer.Health{Limitations: len(x)%2 == 0, Details: x}
		}),
		s(func(v *volunteer.Volunteer, x string) { v.Skills = append(v.Skills, volunteer.Skill{Name: x}) }),
		func(_ *rand.Rand, v *volunteer.Volunteer) {
			v.Skills = []volunteer.Skill{{Name: "Chess"}, {Name: " chess "}}
		},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20_000 {
		v := valid()
		validationtest.Mutate(r, &v, edits)
		wellFormed := volunteer.WellFormed(&v)
		problems := volunteer.Problems(&v)
		require.Equal(t, len(problems) == 0, wellFormed, "case %d: %+v\nproblems: %v", i, v, problems)
	}
}
