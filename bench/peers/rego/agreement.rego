package guide.agreement

import data.guide.lib
import data.guide.params

deny contains "agreement.notice" if {
	is_string(input.agreement.ends_on)
	object.get(input.agreement, "ended_by", "volunteer") == "volunteer"
	not notice_given
}

notice_given if {
	is_string(input.agreement.notice_given_on)
	lib.days_between(input.agreement.notice_given_on, input.agreement.ends_on) >= notice_period
}

# The agreement's own period when it sets one, else the policy's.
notice_period := input.agreement.notice_days if {
	object.get(input.agreement, "notice_days", 0) > 0
} else := params.notice_days

deny contains "agreement.monthly_report" if {
	is_string(input.agreement.signed_on)
	some m in lib.months_open(lib.month_index(input.agreement.signed_on), lib.month_index(input.as_of))
	in_term(m)
	not m in reported
}

in_term(_) if not is_string(input.agreement.ends_on)

in_term(m) if m <= lib.month_index(input.agreement.ends_on)

reported := {lib.month_index(r.month) | some r in input.reports}
