package guide.group

import data.guide.lib
import data.guide.params

size := lib.size(input.group.mentors) + lib.size(input.group.children)

deny contains "group.max_size" if size > params.group_max_size

warn contains "group.min_size" if size < params.group_min_size
