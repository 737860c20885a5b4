package volunteer

import "github.com/birgemiz/sabaqtastyq/civil"

type stage struct {
	name string
	on   civil.Date
}

// stages lists the four stages in the order the guide names them, by their
// JSON names.
func (s Screening) stages() [4]stage {
	return [4]stage{
		{"interview", s.Interview},
		{"psychological_test", s.PsychologicalTest},
		{"training", s.Training},
		{"documents", s.Documents},
	}
}

// dated lists the four stages and the safety briefing: every date of the
// screening, none of which can come before the volunteer's birth.
func (s Screening) dated() [5]stage {
	st := s.stages()
	return [5]stage{st[0], st[1], st[2], st[3], {"safety_briefing", s.SafetyBriefing}}
}

// Complete reports whether all four selection stages are done (R6).
func (s Screening) Complete() bool { return len(s.Missing()) == 0 }

// CompletedOn returns the day the last of the four stages was done, and
// whether all four are done. Stages may be passed in any order; the
// selection is complete on the latest of the four dates.
func (s Screening) CompletedOn() (civil.Date, bool) {
	var last civil.Date
	for _, st := range s.stages() {
		if st.on.IsZero() {
			return civil.Date{}, false
		}
		if st.on.After(last) {
			last = st.on
		}
	}
	return last, true
}

// Missing returns the JSON names of the stages not yet done, in the order
// interview, psychological_test, training, documents; nil when none is.
func (s Screening) Missing() []string {
	var out []string
	for _, st := range s.stages() {
		if st.on.IsZero() {
			out = append(out, st.name)
		}
	}
	return out
}
