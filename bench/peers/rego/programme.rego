package guide.programme

import data.guide.lib

warn contains "programme.general_meeting" if {
	open_tandem
	not met
}

open_tandem if {
	some t in input.tandems
	t.phase != "closed"
}

met if {
	some m in input.meetings
	m.kind == "general"
	lib.month_index(m.date) == lib.month_index(input.as_of) - 1
}
