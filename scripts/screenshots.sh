#!/bin/sh
# Screenshots of every HTML page sabaq writes, in kk and ru, with headless
# Chromium (Debian's chromium): the check report, the monthly summary, the
# agreement, the questionnaire form, the calls, the rights, the workbook
# template (with LibreOffice) and the web console. Usage: scripts/screenshots.sh [OUT_DIR] (default /tmp/sabaq-shots).
set -eu
out=${1:-/tmp/sabaq-shots}
mkdir -p "$out"
cd "$(dirname "$0")/.."
go build -o "$out/sabaq" ./cmd/sabaq
s="$out/sabaq"
shot() { # shot NAME FILE.html [HEIGHT]
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--window-size=1100,"${3:-1800}" --screenshot="$out/$1.png" "file://$2" >/dev/null 2>&1
}
for l in kk ru; do
	$s check --lang $l -o html examples/data/problems.json >"$out/check-$l.html" || true
	$s report --lang $l -o html --month 2026-10 examples/data/programme.json >"$out/summary-$l.html"
	$s agreement render --lang $l -o html --volunteer v-1 examples/data/programme.json >"$out/agreement-$l.html"
	$s questionnaire form --lang $l -o html >"$out/form-$l.html"
	$s call mentor --lang $l -o html >"$out/call-mentor-$l.html"
	$s call event --lang $l -o html >"$out/call-event-$l.html"
	$s rights --lang $l -o html >"$out/rights-$l.html"
	for p in check summary agreement form call-mentor call-event rights; do
		shot "$p-$l" "$out/$p-$l.html" 2400
	done
done
# The workbook template as a spreadsheet program shows it: LibreOffice
# (Debian's libreoffice-calc), when installed, renders every sheet to HTML.
if command -v soffice >/dev/null 2>&1; then
	for l in kk ru; do
		$s template --lang $l "$out/template-$l.xlsx" 2>/dev/null
		soffice --headless --convert-to html --outdir "$out" "$out/template-$l.xlsx" >/dev/null 2>&1 || true
		[ -f "$out/template-$l.html" ] && shot "template-$l" "$out/template-$l.html" 3000
	done
fi
# The console, served on a free loopback port.
port=18765
$s serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
sleep 1
for l in kk ru; do
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --lang=$l --virtual-time-budget=5000 \
		--window-size=1300,1000 --screenshot="$out/console-$l.png" "http://127.0.0.1:$port/?lang=$l" >/dev/null 2>&1
done
ls "$out"/*.png
