package guide.outing

import data.guide.lib

deny contains "tandem.outing_agreement" if not allowed

allowed if {
	input.outing.date >= input.tandem.started_on
	not after_closing
	input.tandem.phase in {"active", "closing", "closed"}
	some a in input.agreements
	lib.in_force(a, input.outing.date)
}

after_closing if {
	is_string(input.tandem.closed_on)
	input.outing.date > input.tandem.closed_on
}

warn contains "institution.interaction_rules" if not rules_adopted

rules_adopted if {
	is_string(input.institution.interaction_rules_on)
	input.institution.interaction_rules_on <= input.outing.date
}
