# The guide's function library in Rego. Dates are the programme file's
# "YYYY-MM-DD" strings, which order as the dates do; months are compared as
# indexes, year*12 + month - 1.
package guide.lib

# age is the whole years completed from birth to on (civil.Date.YearsUntil):
# someone born on 29 February completes a year on 28 February of a common
# year.
age(birth, on) := (year(on) - year(birth)) - behind(birth, on)

behind(birth, on) := 1 if {
	anniversary(birth, year(on)) > substring(on, 5, 5)
} else := 0

anniversary(birth, y) := "02-28" if {
	substring(birth, 5, 5) == "02-29"
	not leap(y)
} else := substring(birth, 5, 5)

leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

leap(y) if y % 400 == 0

year(d) := to_number(substring(d, 0, 4))

# month_index of a date or a "YYYY-MM" month.
month_index(d) := ((year(d) * 12) + to_number(substring(d, 5, 2))) - 1

# months_open lists the month indexes strictly between a and b.
months_open(a, b) := numbers.range(a + 1, b - 1) if {
	b - a >= 2
} else := []

days_between(a, b) := (time.parse_ns("2006-01-02", b) - time.parse_ns("2006-01-02", a)) / 86400000000000

# add_months moves d by n calendar months, clamped to the month's last day.
add_months(d, n) := sprintf("%04d-%02d-%02d", [y, m, day]) if {
	t := month_index(d) + n
	y := (t - (t % 12)) / 12
	m := (t % 12) + 1
	day := min([to_number(substring(d, 8, 2)), days_in(y, m)])
}

days_in(y, m) := 29 if {
	m == 2
	leap(y)
} else := 28 if {
	m == 2
} else := 30 if {
	m in {4, 6, 9, 11}
} else := 31

# in_force: the agreement a is signed on or before d and not ended before d.
in_force(a, d) if {
	is_string(a.signed_on)
	a.signed_on <= d
	not ended_before(a, d)
}

ended_before(a, d) if {
	is_string(a.ends_on)
	a.ends_on < d
}

# size counts a list that may be null.
size(x) := count(x) if {
	is_array(x)
} else := 0
