package guide.tandem

import data.guide.lib
import data.guide.params

start := input.tandem.started_on

deny contains "mentor.screening" if not screened

screened if {
	s := input.mentor.screening
	done(s.interview)
	done(s.psychological_test)
	done(s.training)
	done(s.documents)
}

done(d) if {
	is_string(d)
	d <= start
}

deny contains "mentor.agreement" if not agreed

agreed if {
	some a in input.agreements
	lib.in_force(a, start)
}

deny contains "child.min_age" if {
	input.institution.kind == "orphanage"
	lib.age(input.child.birth_date, start) < params.orphanage_child_min_age
}

# Regular contact: visits, outings and group sessions of both, between
# the start and the earlier of as_of and the closing; the longest stretch.
warn contains "tandem.regular_contact" if {
	input.tandem.phase in {"inside_institution", "active", "closing"}
	longest_stretch > params.contact_max_gap_days
}

contact_end := input.tandem.closed_on if {
	is_string(input.tandem.closed_on)
	input.tandem.closed_on < input.as_of
} else := input.as_of

contact_dates := array.concat(
	array.concat([v.date | some v in input.visits], [o.date | some o in input.outings]),
	[g.date | some g in input.child_groups; input.tandem.mentor in g.mentors],
)

points := array.concat(array.concat([start], sort([d | some d in contact_dates; d >= start; d <= contact_end])), [contact_end])

longest_stretch := max([lib.days_between(points[i - 1], points[i]) | some i in numbers.range(1, count(points) - 1)])

warn contains "tandem.first_week_support" if {
	lib.days_between(start, input.as_of) >= params.first_week_days
	not supported_in_first_week
}

supported_in_first_week if {
	some c in input.check_ins
	c.date >= start
	lib.days_between(start, c.date) <= params.first_week_days
}

warn contains "tandem.early_closure" if {
	is_string(input.tandem.closed_on)
	mentor_side
	input.tandem.closed_on < lib.add_months(start, params.mentor_min_commitment_months)
}

# No reason given (a call on an absent field is undefined, not false: hence
# object.get rather than not is_string).
mentor_side if object.get(input.tandem, "close_reason", "") == ""

mentor_side if input.tandem.close_reason in {r | some r in params.early_closure_reasons}

warn contains "mentor.safety_briefing" if not briefed

briefed if {
	is_string(input.mentor.screening.safety_briefing)
	input.mentor.screening.safety_briefing <= start
}

warn contains "institution.partnership_agreement" if not partnered

partnered if {
	is_string(input.institution.partnership_signed_on)
	input.institution.partnership_signed_on <= start
}

warn contains "tandem.group_first" if {
	input.tandem.phase != "acquaintance"
	not met_in_group
}

met_in_group if {
	some g in input.child_groups
	g.date <= start
	input.tandem.mentor in g.mentors
}

# The mentor's agreement ended while the tandem is open, and no other is in
# force on as_of.
warn contains "tandem.agreement_in_force" if {
	not is_string(object.get(input.tandem, "closed_on", null))
	input.tandem.phase != "closed"
	some a in input.agreements
	is_string(object.get(a, "ends_on", null))
	a.ends_on < input.as_of
	not in_force_now
}

in_force_now if {
	some a in input.agreements
	lib.in_force(a, input.as_of)
}
