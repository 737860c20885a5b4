package volunteer_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func TestValidateValid(t *testing.T) {
	v := valid()
	require.NoError(t, v.Validate())
	minimal := volunteer.Volunteer{ID: "v", FullName: "A", BirthDate: civil.D(2000, 1, 1), Role: volunteer.Coach}
	require.NoError(t, minimal.Validate())
}

// email returns a valid address exactly n bytes long.
func email(n int) string {
	const domain = "@example.kz"
	local := n - len(domain)
	parts := []string{}
	for local > 0 {
		k := min(local, 60)
		if local-k == 1 { // keep every part non-empty after the dot
			k--
		}
		parts = append(parts, long(k))
		local -= k
		if local > 0 {
			local-- // the dot
		}
	}
	return strings.Join(parts, ".") + domain
}

func TestValidateBoundaries(t *testing.T) {
	cases := []struct {
		name string
		edit func(*volunteer.Volunteer)
		path string // "" means valid
		code diag.Code
	}{
		{"id 64", func(v *volunteer.Volunteer) { v.ID = long(64) }, "", ""},
		{"id 65", func(v *volunteer.Volunteer) { v.ID = long(65) }, "id", "validate.max"},
		{"id missing", func(v *volunteer.Volunteer) { v.ID = "" }, "id", "validate.required"},
		{"full_name 200", func(v *volunteer.Volunteer) { v.FullName = long(200) }, "", ""},
		{"full_name 201", func(v *volunteer.Volunteer) { v.FullName = long(201) }, "full_name", "validate.max"},
		{"full_name missing", func(v *volunteer.Volunteer) { v.FullName = "" }, "full_name", "validate.required"},
		{"birth_date missing", func(v *volunteer.Volunteer) { v.BirthDate = civil.Date{} }, "birth_date", "validate.required"},
		{"gender male", func(v *volunteer.Volunteer) { v.Gender = volunteer.Male }, "", ""},
		{"gender absent", func(v *volunteer.Volunteer) { v.Gender = "" }, "", ""},
		{"gender other", func(v *volunteer.Volunteer) { v.Gender = "f" }, "gender", "validate.oneof"},
		{"city 100", func(v *volunteer.Volunteer) { v.City = long(100) }, "", ""},
		{"city 101", func(v *volunteer.Volunteer) { v.City = long(101) }, "city", "validate.max"},
		{"languages 20", func(v *volunteer.Volunteer) { v.Languages = make([]string, 20); fill(v.Languages, "kk") }, "", ""},
		{"languages 21", func(v *volunteer.Volunteer) { v.Languages = make([]string, 21); fill(v.Languages, "kk") }, "languages", "validate.max"},
		{"language tag kk-KZ", func(v *volunteer.Volunteer) { v.Languages = []string{"kk-KZ"} }, "", ""},
		{"language tag bad", func(v *volunteer.Volunteer) { v.Languages = []string{"kk", "kazakh!"} }, "languages[1]", "validate.bcp47_language_tag"},
		{"phone 32", func(v *volunteer.Volunteer) { v.Contacts.Phone = long(32) }, "", ""},
		{"phone 33", func(v *volunteer.Volunteer) { v.Contacts.Phone = long(33) }, "contacts.phone", "validate.max"},
		{"email 254", func(v *volunteer.Volunteer) { v.Contacts.Email = email(254) }, "", ""},
		{"email 255", func(v *volunteer.Volunteer) { v.Contacts.Email = email(255) }, "contacts.email", "validate.max"},
		{"email bad", func(v *volunteer.Volunteer) { v.Contacts.Email = "aigerim.example.kz" }, "contacts.email", "validate.email"},
		{"address 300", func(v *volunteer.Volunteer) { v.Contacts.Address = long(300) }, "", ""},
		{"address 301", func(v *volunteer.Volunteer) { v.Contacts.Address = long(301) }, "contacts.address", "validate.max"},
		{"education other with text", func(v *volunteer.Volunteer) { v.Education, v.EducationOther = volunteer.OtherEdu, "courses" }, "", ""},
		{"education other without text", func(v *volunteer.Volunteer) { v.Education = volunteer.OtherEdu }, "education_other", diag.CodeRequired},
		{"education other blank text", func(v *volunteer.Volunteer) { v.Education, v.EducationOther = volunteer.OtherEdu, "  " }, "education_other", diag.CodeRequired},
		{"education unknown", func(v *volunteer.Volunteer) { v.Education = "phd" }, "education", "validate.oneof"},
		{"education_other 200", func(v *volunteer.Volunteer) { v.EducationOther = long(200) }, "", ""},
		{"education_other 201", func(v *volunteer.Volunteer) { v.EducationOther = long(201) }, "education_other", "validate.max"},
		{"free time other with text", func(v *volunteer.Volunteer) { v.FreeTime.Bucket, v.FreeTime.Other = volunteer.OtherTime, "mornings" }, "", ""},
		{"free time other without text", func(v *volunteer.Volunteer) { v.FreeTime.Bucket = volunteer.OtherTime }, "free_time.other", diag.CodeRequired},
		{"free time bucket unknown", func(v *volunteer.Volunteer) { v.FreeTime.Bucket = "nights" }, "free_time.bucket", "validate.oneof"},
		{"free_time.other 200", func(v *volunteer.Volunteer) { v.FreeTime.Other = long(200) }, "", ""},
		{"free_time.other 201", func(v *volunteer.Volunteer) { v.FreeTime.Other = long(201) }, "free_time.other", "validate.max"},
		{"hours_per_week 168", func(v *volunteer.Volunteer) { v.FreeTime.HoursPerWeek = 168 }, "", ""},
		{"hours_per_week 169", func(v *volunteer.Volunteer) { v.FreeTime.HoursPerWeek = 169 }, "free_time.hours_per_week", "validate.max"},
		{"hours_per_week 0", func(v *volunteer.Volunteer) { v.FreeTime.HoursPerWeek = 0 }, "", ""},
		{"hours_per_week -1", func(v *volunteer.Volunteer) { v.FreeTime.HoursPerWeek = -1 }, "free_time.hours_per_week", "validate.min"},
		{"weekdays 7", func(v *volunteer.Volunteer) {
			v.FreeTime.Weekdays = []volunteer.Weekday{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
		}, "", ""},
		{"weekdays 8", func(v *volunteer.Volunteer) {
			v.FreeTime.Weekdays = []volunteer.Weekday{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon"}
		}, "free_time.weekdays", "validate.max"},
		{"weekdays repeated", func(v *volunteer.Volunteer) { v.FreeTime.Weekdays = []volunteer.Weekday{"mon", "mon"} }, "free_time.weekdays", "validate.unique"},
		{"weekday unknown", func(v *volunteer.Volunteer) { v.FreeTime.Weekdays = []volunteer.Weekday{"mon", "monday"} }, "free_time.weekdays[1]", "validate.oneof"},
		{"health limitations explained", func(v *volunteer.Volunteer) { v.Health = &volunteer.Health{Limitations: true, Details: "asthma"} }, "", ""},
		{"health limitations unexplained", func(v *volunteer.Volunteer) { v.Health = &volunteer.Health{Limitations: true} }, "health.details", diag.CodeRequired},
		{"health details 1000", func(v *volunteer.Volunteer) { v.Health = &volunteer.Health{Limitations: true, Details: long(1000)} }, "", ""},
		{"health details 1001", func(v *volunteer.Volunteer) { v.Health = &volunteer.Health{Limitations: true, Details: long(1001)} }, "health.details", "validate.max"},
		{"skills 100", func(v *volunteer.Volunteer) { v.Skills = skills(100) }, "", ""},
		{"skills 101", func(v *volunteer.Volunteer) { v.Skills = skills(101) }, "skills", "validate.max"},
		{"skill name 200", func(v *volunteer.Volunteer) { v.Skills[1].Name = long(200) }, "", ""},
		{"skill name 201", func(v *volunteer.Volunteer) { v.Skills[1].Name = long(201) }, "skills[1].name", "validate.max"},
		{"skill name missing", func(v *volunteer.Volunteer) { v.Skills[1].Name = "" }, "skills[1].name", "validate.required"},
		{"skill repeated", func(v *volunteer.Volunteer) { v.Skills[1].Name = " Chess " }, "skills[1].name", volunteer.CodeDuplicateSkill},
		{"role coach", func(v *volunteer.Volunteer) { v.Role = volunteer.Coach }, "", ""},
		{"role missing", func(v *volunteer.Volunteer) { v.Role = "" }, "role", "validate.required"},
		{"role unknown", func(v *volunteer.Volunteer) { v.Role = "mentor" }, "role", "validate.oneof"},
		{"commitment 600", func(v *volunteer.Volunteer) { v.CommitmentMonths = 600 }, "", ""},
		{"commitment 601", func(v *volunteer.Volunteer) { v.CommitmentMonths = 601 }, "commitment_months", "validate.max"},
		{"commitment -1", func(v *volunteer.Volunteer) { v.CommitmentMonths = -1 }, "commitment_months", "validate.min"},
		{"level master", func(v *volunteer.Volunteer) { v.Level = volunteer.Master }, "", ""},
		{"level unknown", func(v *volunteer.Volunteer) { v.Level = "guru" }, "level", "validate.oneof"},
		{"cycles 1000", func(v *volunteer.Volunteer) { v.CompletedCycles = 1000 }, "", ""},
		{"cycles 1001", func(v *volunteer.Volunteer) { v.CompletedCycles = 1001 }, "completed_cycles", "validate.max"},
		{"cycles -1", func(v *volunteer.Volunteer) { v.CompletedCycles = -1 }, "completed_cycles", "validate.min"},
		{"status on_hold", func(v *volunteer.Volunteer) { v.Status = volunteer.OnHold }, "", ""},
		{"status unknown", func(v *volunteer.Volunteer) { v.Status = "paused" }, "status", "validate.oneof"},
		{"screening on the birthday", func(v *volunteer.Volunteer) { v.Screening.Training = v.BirthDate }, "", ""},
		{"screening before birth", func(v *volunteer.Volunteer) { v.Screening.Training = v.BirthDate.AddDays(-1) }, "screening.training", diag.CodeImpossible},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := valid()
			tc.edit(&v)
			err := v.Validate()
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			c := v.Contacts
			assertOne(t, err, tc.path, tc.code, v.FullName, c.Phone, c.Email, c.Address, v.BirthDate.String())
		})
	}
}

func TestValidateEveryProblemAtOnce(t *testing.T) {
	v := valid()
	v.ID = ""
	v.Education = volunteer.OtherEdu
	v.Skills = append(v.Skills, volunteer.Skill{Name: "CHESS"}, volunteer.Skill{Name: "chess"})
	v.FreeTime.HoursPerWeek = 200
	l := problems(t, v.Validate())
	var paths []string
	for _, e := range l {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"education_other", "free_time.hours_per_week", "id", "skills[2].name", "skills[3].name"}, paths)
	assert.Equal(t, []string{"skills[0]"}, l[3].Args, "the repeat points at the first row")
	assert.Contains(t, l[3].Localize(diag.KK), "skills[0]")
}

func fill(s []string, v string) {
	for i := range s {
		s[i] = v
	}
}

func skills(n int) []volunteer.Skill {
	out := make([]volunteer.Skill, n)
	for i := range out {
		out[i].Name = "skill " + strings.Repeat("x", i+1)
	}
	return out
}
