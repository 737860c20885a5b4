package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/server"
)

// browsers are the names a Chromium-based browser goes by.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// findBrowser returns the path of a Chromium-based browser, or skips the
// test saying how to get one.
func findBrowser(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("the browser tests run without -short")
	}
	if p := os.Getenv("SABAQ_BROWSER"); p != "" {
		return p
	}
	for _, name := range browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	tb.Skipf("no browser to drive: none of %s is on PATH (nor SABAQ_BROWSER set). "+
		"Install Chromium to run the browser tests: apt-get install chromium", strings.Join(browsers, ", "))
	return ""
}

// tab is a page of the console open in headless Chromium.
type tab struct {
	tb  testing.TB
	ctx context.Context
	url string // the console's address
}

// openConsole serves the console on loopback and opens it in a new
// headless Chromium whose Accept-Language is acceptLang, at width×height.
func openConsole(tb testing.TB, opts server.Options, acceptLang string, width, height int) *tab {
	tb.Helper()
	exe := findBrowser(tb)
	s, _ := newServer(tb, opts)
	ts := httptest.NewServer(s)
	tb.Cleanup(ts.Close)

	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(width, height),
		chromedp.Flag("accept-lang", acceptLang),
		chromedp.Flag("lang", acceptLang),
		chromedp.Flag("hide-scrollbars", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	tb.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	t := &tab{tb: tb, ctx: ctx, url: ts.URL + "/"}
	t.do(chromedp.EmulateViewport(int64(width), int64(height)))
	return t
}

func (t *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	t.tb.Helper()
	require.NoError(t.tb, chromedp.Do(t.ctx, actions...))
}

// open loads the console (path may add a query or a fragment) and waits
// until it has started.
func (t *tab) open(path string) {
	t.tb.Helper()
	t.do(chromedp.Navigate(t.url + path))
	t.wait(`document.body.dataset.ready === "true"`)
}

// wait polls a JavaScript expression until it is truthy and returns its
// value as JSON; it fails the test with what the page shows after 20 s.
func (t *tab) wait(expr string) string {
	t.tb.Helper()
	v, err := chromedp.Run(t.ctx, chromedp.Poll[json.RawMessage](expr,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		text, _ := chromedp.Run(t.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.tb.Fatalf("waiting for %s: %v\nthe page shows:\n%.3000s", expr, err, text)
	}
	return string(v)
}

// text returns the value of a JavaScript expression that gives a string.
func (t *tab) text(expr string) string {
	t.tb.Helper()
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[string](expr))
	require.NoError(t.tb, err, expr)
	return v
}

// clickAt clicks with the mouse at the middle of the element an expression
// gives, scrolled into view first — inside the report's frame too.
func (t *tab) clickAt(element string) {
	t.tb.Helper()
	raw := t.wait(`(() => {
		const e = ` + element + `;
		if (!e) return null;
		e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect();
		let x = r.left + r.width / 2, y = r.top + r.height / 2;
		const win = e.ownerDocument.defaultView;
		if (win.frameElement) {
			const f = win.frameElement.getBoundingClientRect();
			x += f.left; y += f.top;
		}
		return {x, y};
	})()`)
	var at struct{ X, Y float64 }
	require.NoError(t.tb, json.Unmarshal([]byte(raw), &at))
	t.do(chromedp.MouseClickXY(at.X, at.Y))
}

// choose selects a value of a <select> as a person would, and tells the
// page it changed.
func (t *tab) choose(id, value string) {
	t.tb.Helper()
	t.text(fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.focus(); s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, id, value))
}

// frameText is the report frame's text, empty while the frame is between
// two pages (its document has no body yet).
const frameText = `(document.getElementById("report-frame").contentDocument?.body?.innerText ?? "")`

// A coordinator opens the console, drops a programme, reads the report,
// clicks a finding to see why, and switches language.
func TestBrowserReport(t *testing.T) {
	tab := openConsole(t, server.Options{}, "kk-KZ,kk", 1280, 800)
	tab.open("")
	// The language of Accept-Language, as the service matched it.
	assert.Equal(t, "kk", tab.text(`document.documentElement.lang`))
	assert.Equal(t, "Сәйкестікті тексеру", tab.text(`document.querySelector("h1").textContent`))

	// Drop (choose) the example with problems: the report shows its findings.
	tab.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs(t, examples, "problems.json")}))
	tab.wait(frameText + `.includes("Барлық ескертпелер")`)
	assert.Contains(t, tab.text(frameText), "v-21 волонтері 24 жаста")
	assert.Contains(t, tab.text(`document.getElementById("report-status").textContent`), "problems.json")
	// Its charts are there.
	tab.wait(`document.getElementById("report-frame").contentDocument.querySelectorAll("svg rect").length > 3`)

	// Click a finding: its explanation, every sub-expression with its value.
	tab.clickAt(`document.getElementById("report-frame").contentDocument.querySelector('.finding[data-rule="mentor.min_age"][data-subject="volunteer/v-21"]')`)
	tab.wait(`!document.getElementById("report-explain").hidden && document.querySelector("#report-explain .steps")`)
	explained := tab.text(`document.getElementById("report-explain").innerText`)
	assert.Contains(t, explained, "mentor.min_age")
	assert.Contains(t, explained, "volunteer/v-21")
	assert.Contains(t, explained, "Ереже бұзылды")
	assert.Contains(t, explained, "age >= params.mentor_min_age = false")
	assert.Contains(t, explained, "age = 24")

	// Switch to Russian: the page and the report follow.
	tab.choose("lang", "ru")
	tab.wait(`document.querySelector("h1").textContent === "Проверка соответствия"`)
	tab.wait(frameText + `.includes("Все замечания")`)
	assert.Contains(t, tab.text(frameText), "Волонтёру v-21 — 24 года")
	assert.Equal(t, "ru", tab.text(`document.documentElement.lang`))
	tab.wait(`document.querySelector("#report-policy option[value=guide]").textContent.includes("Правила")`)
	// The choice is kept: the next visit opens in Russian whatever the
	// browser asks for.
	tab.open("")
	assert.Equal(t, "ru", tab.text(`document.documentElement.lang`))

	// A workbook works the same way; its problems are shown at their cells.
	book := filepath.Join(t.TempDir(), "roster.xlsx")
	require.NoError(t, os.WriteFile(book, workbook(t, diag.RU, nil), 0o644))
	tab.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{book}))
	tab.wait(frameText + `.includes("Волонтёру v-21 — 24 года")`)
	assert.Contains(t, tab.text(`document.getElementById("report-status").textContent`), "roster.xlsx")
}

// With a token, the console's files are open and the console asks for the
// token once, then works as without one.
func TestBrowserToken(t *testing.T) {
	tab := openConsole(t, server.Options{Token: "s3cret-token"}, "en", 1280, 800)
	tab.open("?lang=en")
	tab.wait(`!document.getElementById("token-form").hidden`)
	assert.Equal(t, "0", tab.text(`String(document.querySelectorAll("#report-policy option").length)`))
	tab.do(chromedp.SendKeys(chromedp.ID("token"), "s3cret-token\n"))
	tab.wait(`document.getElementById("token-form").hidden && document.querySelectorAll("#report-policy option").length > 1`)
	tab.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs(t, examples, "problems.json")}))
	tab.wait(frameText + `.includes("All findings")`)
}

// A workbook with a mistake is answered with the mistake at its cell.
func TestBrowserWorkbookProblems(t *testing.T) {
	tab := openConsole(t, server.Options{}, "en", 1280, 800)
	tab.open("?lang=en")
	book := filepath.Join(t.TempDir(), "roster.xlsx")
	var cell string
	require.NoError(t, os.WriteFile(book, workbook(t, diag.EN, func(f *excelize.File) {
		cell = cellOf(t, f, "volunteers", "birth_date", 0)
		require.NoError(t, f.SetCellStr("volunteers", cell, "not a date"))
	}), 0o644))
	tab.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{book}))
	tab.wait(`!document.getElementById("report-problems").hidden`)
	problems := tab.text(`document.getElementById("report-problems").innerText`)
	assert.Contains(t, problems, "roster.xlsx!volunteers!"+cell)
	assert.True(t, tab.text(`String(document.getElementById("report-view").hidden)`) == "true")
}

// A rule author edits a policy in the playground: a finding disappears
// and comes back as a threshold moves, a mistake is marked at its line,
// and a finding clicked is explained by the edited policy.
func TestBrowserPlayground(t *testing.T) {
	tab := openConsole(t, server.Options{}, "ru", 1280, 800)
	tab.open("#playground")
	tab.wait(`document.getElementById("policy-text").value.includes("name: guide")`)
	hasV21 := `document.querySelector('#pg-findings li[data-rule="mentor.min_age"][data-subject="volunteer/v-21"]')`
	tab.wait(hasV21)
	tab.wait(`document.getElementById("lint-status").className.includes("ok")`)

	// Lower the minimum age from 25 to 24 by typing: v-21, who is 24, may
	// mentor now.
	tab.selectText("mentor_min_age:\n    type: int\n    default: ", "25")
	tab.do(chromedp.KeyEvent("24"))
	tab.wait(`!` + hasV21 + ` && document.querySelectorAll("#pg-findings li").length > 0`)
	// And back: the finding is there again.
	tab.selectText("mentor_min_age:\n    type: int\n    default: ", "24")
	tab.do(chromedp.KeyEvent("25"))
	tab.wait(hasV21)

	// A misspelt parameter: the policy does not compile, and the line of
	// the mistake is marked in the gutter and listed.
	line := tab.selectText("age >= params.mentor_min_age", "")
	tab.do(chromedp.KeyEvent("e"))
	tab.wait(fmt.Sprintf(`document.querySelector('#gutter div.bad[data-line="%d"]')`, line))
	tab.wait(fmt.Sprintf(`document.querySelector('#marks .mark.bad[data-line="%d"]')`, line))
	assert.Contains(t, tab.text(`document.getElementById("lint-problems").innerText`), fmt.Sprintf("%d:", line))
	assert.Contains(t, tab.text(`document.getElementById("lint-status").textContent`), "Ошибок в политике")
	assert.Equal(t, "true", tab.text(`document.getElementById("policy-text").getAttribute("aria-invalid")`))
	assert.Equal(t, "0", tab.text(`String(document.querySelectorAll("#pg-findings li").length)`))
	// Clicking the problem puts the caret on its line.
	tab.clickAt(`document.querySelector("#lint-problems button")`)
	assert.Equal(t, fmt.Sprint(line), tab.text(`(() => { const t = document.getElementById("policy-text");
		return String(t.value.slice(0, t.selectionStart).split("\n").length); })()`))
	// Mend it: the mark goes.
	tab.selectText("params.mentor_min_age", "e")
	tab.do(chromedp.KeyEvent("\b"))
	tab.wait(`!document.querySelector("#gutter div.bad") && document.getElementById("lint-status").className.includes("ok")`)
	tab.wait(hasV21)

	// Click the finding: the edited policy explains it.
	tab.clickAt(hasV21 + `.querySelector("button")`)
	tab.wait(`!document.getElementById("pg-explain").hidden && document.querySelector("#pg-explain .steps")`)
	explained := tab.text(`document.getElementById("pg-explain").innerText`)
	assert.Contains(t, explained, "Правило нарушено")
	assert.Contains(t, explained, "params.mentor_min_age = 25")

	// Start from another served policy.
	tab.choose("start-from", "nastavniki")
	tab.clickAt(`document.getElementById("load-policy")`)
	tab.wait(`document.getElementById("policy-text").value.startsWith("name: nastavniki") ||
		document.getElementById("policy-text").value.includes("\nname: nastavniki")`)
	tab.wait(`document.getElementById("lint-status").textContent.includes("nastavniki")`)
}

// selectText selects, in the policy editor, the text target that follows
// after (or places the caret right after after when target is empty), and
// returns its line.
func (t *tab) selectText(after, target string) int {
	t.tb.Helper()
	raw := t.text(fmt.Sprintf(`(() => {
		const t = document.getElementById("policy-text");
		const i = t.value.indexOf(%q + %q);
		if (i < 0) return "-1";
		const at = i + %d;
		t.focus();
		t.setSelectionRange(at, at + %d);
		return String(t.value.slice(0, at).split("\n").length);
	})()`, after, target, len([]rune(after)), len([]rune(target))))
	var line int
	_, err := fmt.Sscan(raw, &line)
	require.NoError(t.tb, err)
	require.Positive(t.tb, line, "no %q in the editor", after+target)
	return line
}

func abs(tb testing.TB, parts ...string) string {
	tb.Helper()
	p, err := filepath.Abs(filepath.Join(parts...))
	require.NoError(tb, err)
	return p
}

// TestBrowserScreenshots saves screenshots of the console — the report
// with a finding explained and the playground with a mistake — in each
// language, at 1280×800 and at a phone's width, into the folder
// SABAQ_SCREENSHOTS names, for a person to look at. Without it, it is
// skipped.
func TestBrowserScreenshots(t *testing.T) {
	dir := os.Getenv("SABAQ_SCREENSHOTS")
	if dir == "" {
		t.Skip("set SABAQ_SCREENSHOTS=DIR to save screenshots of the console")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, size := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 800}, {"phone", 390, 844}} {
		for _, lang := range diag.Langs {
			t.Run(size.name+"/"+string(lang), func(t *testing.T) {
				tab := openConsole(t, server.Options{}, string(lang), size.width, size.height)
				shot := func(name string) {
					png, err := chromedp.Run(tab.ctx, chromedp.CaptureScreenshot())
					require.NoError(t, err)
					require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", name, size.name, lang)), png, 0o644))
				}
				tab.open("?lang=" + string(lang))
				shot("start")
				tab.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs(t, examples, "problems.json")}))
				tab.wait(`document.getElementById("report-frame").contentDocument.querySelector(".finding[data-rule]")`)
				shot("report")
				tab.clickAt(`document.getElementById("report-frame").contentDocument.querySelector('.finding[data-rule="mentor.min_age"]')`)
				tab.wait(`document.querySelector("#report-explain .steps")`)
				if size.width < 600 {
					tab.text(`(() => { document.getElementById("report-explain").scrollIntoView(); return ""; })()`)
				} else {
					tab.text(`(() => { window.scrollTo(0, 0); return ""; })()`)
				}
				shot("explain")
				tab.clickAt(`document.getElementById("tab-playground")`)
				tab.wait(`document.querySelector('#pg-findings li[data-rule]')`)
				line := tab.selectText("age >= params.mentor_min_age", "")
				tab.do(chromedp.KeyEvent("e"))
				tab.wait(fmt.Sprintf(`document.querySelector('#gutter div.bad[data-line="%d"]')`, line))
				tab.clickAt(`document.querySelector("#lint-problems button")`)
				tab.text(`(() => { window.scrollTo(0, 0); return ""; })()`)
				shot("playground-lint")
				tab.selectText("params.mentor_min_age", "e")
				tab.do(chromedp.KeyEvent("\b"))
				tab.wait(`!document.querySelector("#gutter div.bad") && document.querySelector('#pg-findings li[data-rule]')`)
				tab.clickAt(`document.querySelector('#pg-findings li[data-rule="mentor.min_age"] button')`)
				tab.wait(`document.querySelector("#pg-explain .steps")`)
				shot("playground-explain")
			})
		}
	}
}
