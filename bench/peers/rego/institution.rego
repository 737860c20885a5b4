package guide.institution

import data.guide.lib

# An institution where mentoring happens: a child in an open tandem, or a
# group session with children held there.
in_use if {
	some t in input.tandems
	t.phase != "closed"
}

in_use if {
	some g in input.groups
	lib.size(g.children) > 0
}

warn contains "institution.coordinator" if {
	in_use
	trim_space(object.get(input.institution, "coordinator", "")) == ""
}
