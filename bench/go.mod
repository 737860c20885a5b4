module github.com/birgemiz/sabaqtastyq/bench

go 1.26.0

require github.com/birgemiz/sabaqtastyq v0.0.0

replace github.com/birgemiz/sabaqtastyq => ../
