package guide.volunteer

import data.guide.lib
import data.guide.params

age := lib.age(input.volunteer.birth_date, input.as_of)

mentors if input.volunteer.role == "individual_mentor"

mentors if count(input.tandems) > 0

deny contains "mentor.min_age" if {
	mentors
	age < params.mentor_min_age
}

# The age at the start of every tandem the volunteer mentors.
deny contains "mentor.min_age" if {
	mentors
	some t in input.tandems
	lib.age(input.volunteer.birth_date, t.started_on) < params.mentor_min_age
}

deny contains "mentor.commitment" if {
	mentors
	object.get(input.volunteer, "commitment_months", 0) < params.mentor_min_commitment_months
}

deny contains "volunteer.minor_consent" if {
	age < params.consent_min_age
	not input.volunteer.parental_consent
	not input.volunteer.accompanied_by_guardian
}

warn contains "mentor.single_tandem" if {
	count([t | some t in input.tandems; t.phase != "closed"]) > params.mentor_max_open_tandems
}

warn contains "volunteer.event_min_age" if {
	input.volunteer.role == "event_volunteer"
	age < params.event_volunteer_min_age
}

warn contains "volunteer.cascade_level" if {
	is_string(input.volunteer.level)
	not cascade_ok
}

cycles := object.get(input.volunteer, "completed_cycles", 0)

cascade_ok if input.volunteer.level == "trainee"

cascade_ok if {
	input.volunteer.level == "mentor"
	cycles >= params.cascade_mentor_cycles
}

cascade_ok if {
	input.volunteer.level == "master"
	cycles >= params.cascade_master_cycles
}
