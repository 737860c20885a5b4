package form

import "github.com/birgemiz/sabaqtastyq/diag"

// Words exposes the words the templates add, for the tests.
func Words() map[string]diag.Text { return words }
