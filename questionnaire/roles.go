package questionnaire

import _ "embed"

//go:embed roles.yaml
var rolesPolicy []byte

// RolesPolicy returns the CEL policy file that suggests roles from a
// response (roles.yaml, in the format of package rules; subject respondent,
// variable response). Each rule "role." + [Role] is true when the role fits;
// the warn rule "role.individual_mentor.health" notes health limitations
// of an applicant who otherwise fits individual mentoring. Package rules
// compiles and runs it; this package only carries it. The slice is a copy.
func RolesPolicy() []byte { return append([]byte(nil), rolesPolicy...) }
