package volunteer

// Cascade sets how many completed project cycles move a volunteer up the
// cascade (R15): a trainee becomes a mentor after MentorAfter cycles and a
// master after MasterAfter. The guide leaves the numbers to the project
// (L1158–L1170: "the names can be invented and, for example, fixed by the
// number of project cycles"). A zero field takes its default.
type Cascade struct {
	// MentorAfter is the number of completed cycles that makes a trainee a
	// mentor. Default 1 ([DefaultMentorCycles]).
	MentorAfter int
	// MasterAfter is the number of completed cycles that makes a mentor a
	// master. Default 3 ([DefaultMasterCycles]).
	MasterAfter int
}

// Default cascade thresholds. One full cycle means the volunteer has been
// through every stage of a project once and can guide a newcomer through
// it; three cycles mean they have seen the project repeat and can teach
// mentors as well, as the guide's masters do.
const (
	DefaultMentorCycles = 1
	DefaultMasterCycles = 3
)

// Level returns the cascade level reached after cycles completed project
// cycles. A negative count counts as none. A master threshold below the
// mentor one is read as equal to it: nobody skips the mentor step.
func (c Cascade) Level(cycles int) Level {
	mentor, master := c.MentorAfter, c.MasterAfter
	if mentor <= 0 {
		mentor = DefaultMentorCycles
	}
	if master <= 0 {
		master = DefaultMasterCycles
	}
	switch {
	case cycles >= max(master, mentor):
		return Master
	case cycles >= mentor:
		return Mentor
	}
	return Trainee
}

// LevelFor returns the level reached after cycles completed project cycles
// with the default thresholds: 0 trainee, 1–2 mentor, 3 and more master.
func LevelFor(cycles int) Level { return Cascade{}.Level(cycles) }
