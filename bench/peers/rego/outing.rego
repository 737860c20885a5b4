package guide.outing

import data.guide.lib

deny contains "tandem.outing_agreement" if not allowed

allowed if {
	input.outing.date >= input.tandem.started_on
	input.tandem.phase in {"active", "closing", "closed"}
	some a in input.agreements
	lib.in_force(a, input.outing.date)
}
