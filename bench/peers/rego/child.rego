package guide.child

import data.guide.lib
import data.guide.params

age := lib.age(input.child.birth_date, input.as_of)

adaptation_centre if input.institution.kind == "adaptation_centre"

deny contains "child.adaptation_centre_age" if {
	adaptation_centre
	not within(age, params.adaptation_centre_min_age, params.adaptation_centre_max_age)
}

warn contains "child.adaptation_centre_stay" if {
	adaptation_centre
	is_string(input.child.admitted_on)
	input.as_of > lib.add_months(input.child.admitted_on, params.adaptation_centre_max_stay_months)
}

deny contains "coaching.age_range" if {
	input.child.programme == "coaching"
	not within(age, params.coaching_min_age, params.coaching_max_age)
}

# within: from lo to under hi ("3 жастан 18 жасқа дейінгі").
within(x, lo, hi) if {
	x >= lo
	x < hi
}
