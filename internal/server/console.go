package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"sync"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/internal/htmlreport"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

//go:embed console
var consoleFiles embed.FS

// Console returns the web console's files, embedded in the binary: plain
// HTML, CSS and JavaScript modules, the words of its three languages
// (words.json) and the example programme. Nothing in them is fetched from
// elsewhere; the console works offline.
func Console() fs.FS {
	sub, err := fs.Sub(consoleFiles, "console")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}

// consoleCSP is the Content-Security-Policy of the console's files: its
// own scripts, styles and requests, nothing from anywhere else, no plugin,
// no form posted, no framing by another site. The report the console shows
// in a frame (srcdoc) inherits the policy; its inline styles are allowed
// by their hash, and it has no script to allow.
var consoleCSP = sync.OnceValue(func() string {
	styles := "'self'"
	for _, h := range reportStyleHashes() {
		styles += " '" + h + "'"
	}
	return "default-src 'none'; script-src 'self'; style-src " + styles +
		"; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
})

var styleElement = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// reportStyleHashes are the CSP hashes of the report page's <style>
// elements, taken from a page rendered once: the styles are the
// template's, the same on every page.
func reportStyleHashes() []string {
	prog := &mentoring.Programme{AsOf: civil.D(2026, 1, 1)}
	var page bytes.Buffer
	err := htmlreport.Render(&page, htmlreport.Input{Report: &rules.Report{AsOf: prog.AsOf, Compliant: true}, Programme: prog}, htmlreport.Options{})
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range styleElement.FindAllSubmatch(page.Bytes(), -1) {
		sum := sha256.Sum256(m[1])
		out = append(out, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]))
	}
	return out
}

// console serves the web console's files at "/", unless Options.NoConsole.
func (s *Server) console(w http.ResponseWriter, r *http.Request) {
	if s.consoleFS == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		s.nowhere(w, r)
		return
	}
	if r.URL.Path != "/" && strings.HasSuffix(r.URL.Path, "/") {
		s.fail(w, r, wire.CodeNotFound, nil) // no folder listings
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", consoleCSP())
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	// The files change with the binary: a browser asks again each time.
	h.Set("Cache-Control", "no-cache")
	if strings.HasSuffix(r.URL.Path, ".js") {
		// Modules are fetched by type; say it whatever the system's
		// MIME table says.
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	}
	http.FileServerFS(s.consoleFS).ServeHTTP(w, r)
}
