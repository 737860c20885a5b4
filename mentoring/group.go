package mentoring

import "github.com/birgemiz/sabaqtastyq/civil"

// Size returns the number of people in the session, mentors and children
// together, as the guide counts them (R4: groups of 12–18).
func (g *Group) Size() int { return len(g.Mentors) + len(g.Children) }

// IsGeneral reports whether the meeting is a monthly general meeting of all
// mentors (R9).
func (m *Meeting) IsGeneral() bool { return m.Kind == General }

// MeetingsIn returns the meetings held in month, in file order.
func (p *Programme) MeetingsIn(month civil.Month) []*Meeting {
	var out []*Meeting
	for i := range p.Meetings {
		if p.Meetings[i].Date.In() == month {
			out = append(out, &p.Meetings[i])
		}
	}
	return out
}

// GeneralMeetingIn returns the first general meeting held in month, if any.
func (p *Programme) GeneralMeetingIn(month civil.Month) (*Meeting, bool) {
	for _, m := range p.MeetingsIn(month) {
		if m.IsGeneral() {
			return m, true
		}
	}
	return nil, false
}

// MonthsWithoutGeneralMeeting returns the months from `from` to `to`, both
// included, in which no general meeting of mentors was held (R9 asks for
// one a month).
func (p *Programme) MonthsWithoutGeneralMeeting(from, to civil.Month) []civil.Month {
	held := map[civil.Month]bool{}
	for _, m := range p.Meetings {
		if m.IsGeneral() {
			held[m.Date.In()] = true
		}
	}
	var out []civil.Month
	for m := from; !m.After(to); m = m.Add(1) {
		if !held[m] {
			out = append(out, m)
		}
	}
	return out
}

// Attended reports whether the volunteer is listed at the meeting.
func (m *Meeting) Attended(volunteerID string) bool {
	for _, a := range m.Attendees {
		if a == volunteerID {
			return true
		}
	}
	return false
}
