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

warn contains "tandem.group_first" if {
	input.tandem.phase != "acquaintance"
	not met_in_group
}

met_in_group if {
	some g in input.child_groups
	g.date <= start
	input.tandem.mentor in g.mentors
}
