package report

import "github.com/birgemiz/sabaqtastyq/diag"

// Labels exposes the catalog of labels to the tests.
func Labels() map[string]diag.Text { return labels }
