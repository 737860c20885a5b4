package volunteer_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/birgemiz/sabaqtastyq/volunteer"
)

func TestLevelFor(t *testing.T) {
	for cycles, want := range map[int]volunteer.Level{
		-1: volunteer.Trainee, 0: volunteer.Trainee, 1: volunteer.Mentor, 2: volunteer.Mentor,
		3: volunteer.Master, 4: volunteer.Master, 1000: volunteer.Master,
	} {
		t.Run(strconv.Itoa(cycles), func(t *testing.T) {
			assert.Equal(t, want, volunteer.LevelFor(cycles))
		})
	}
}

func TestCascadeLevel(t *testing.T) {
	cases := []struct {
		name   string
		c      volunteer.Cascade
		cycles int
		want   volunteer.Level
	}{
		{"custom mentor below", volunteer.Cascade{MentorAfter: 2, MasterAfter: 5}, 1, volunteer.Trainee},
		{"custom mentor at", volunteer.Cascade{MentorAfter: 2, MasterAfter: 5}, 2, volunteer.Mentor},
		{"custom master below", volunteer.Cascade{MentorAfter: 2, MasterAfter: 5}, 4, volunteer.Mentor},
		{"custom master at", volunteer.Cascade{MentorAfter: 2, MasterAfter: 5}, 5, volunteer.Master},
		{"zero master takes default", volunteer.Cascade{MentorAfter: 2}, 3, volunteer.Master},
		{"master below mentor: not before mentor", volunteer.Cascade{MentorAfter: 4, MasterAfter: 2}, 3, volunteer.Trainee},
		{"master below mentor: at mentor", volunteer.Cascade{MentorAfter: 4, MasterAfter: 2}, 4, volunteer.Master},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.c.Level(tc.cycles))
		})
	}
}
