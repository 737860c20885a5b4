package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
)

// Check a programme over HTTP: a 24-year-old individual mentor breaks the
// guide's mentor.min_age; the answer says so in the body, with status 200.
func Example() {
	s, err := server.New(server.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()

	programme := `
as_of: 2026-11-24
institutions:
  - {id: inst-1, name: Children's home No. 1, kind: orphanage, city: Almaty}
volunteers:
  - {id: v-1, full_name: Dana Ospanova, birth_date: 2002-06-01, role: individual_mentor, commitment_months: 12}
`
	resp, err := http.Post(ts.URL+"/v1/check?lang=en", "application/yaml", strings.NewReader(programme))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var c wire.Check
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, "compliant:", c.Compliant)
	for _, f := range c.Findings {
		fmt.Println(f.Severity, f.Rule, f.Subject)
	}
	// Output:
	// 200 compliant: false
	// deny mentor.min_age volunteer/v-1
}

// Try an edited policy on a programme, as the console's playground does: a
// profile that lowers the mentors' minimum age to 23 lets a 24-year-old
// mentor, whom the guide refuses.
func Example_playground() {
	s, err := server.New(server.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()

	programme := `
as_of: 2026-11-24
institutions:
  - {id: inst-1, name: Children's home No. 1, kind: orphanage, city: Almaty}
volunteers:
  - {id: v-1, full_name: Dana Ospanova, birth_date: 2002-06-01, role: individual_mentor, commitment_months: 12}
`
	for _, age := range []string{"25", "23"} {
		var body bytes.Buffer
		form := multipart.NewWriter(&body)
		pol, _ := form.CreateFormFile("policy", "ours.yaml")
		fmt.Fprintf(pol, "name: ours\nextends: guide\nparams:\n  mentor_min_age: {default: %s}\n", age)
		prog, _ := form.CreateFormFile("programme", "programme.yaml")
		io.WriteString(prog, programme)
		form.Close()
		resp, err := http.Post(ts.URL+"/v1/playground?lang=en", form.FormDataContentType(), &body)
		if err != nil {
			fmt.Println(err)
			return
		}
		var answer server.Playground
		err = json.NewDecoder(resp.Body).Decode(&answer)
		resp.Body.Close()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("minimum age %s: policy valid %v, findings:", age, answer.Lint.Valid)
		for _, f := range answer.Check.Findings {
			fmt.Print(" ", f.Rule)
		}
		fmt.Println()
	}
	// Output:
	// minimum age 25: policy valid true, findings: mentor.min_age
	// minimum age 23: policy valid true, findings:
}
