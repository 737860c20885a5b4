#!/usr/bin/env bash
# Whole-process load timing (issue 12): builds sabaq and the bench tools,
# generates programmes of N volunteers (default 100,000 and 1,000,000), and
# times `sabaq check --format json FILE` against the standard library's
# json.Unmarshal of the same file into any, in the same run: RUNS runs of
# each (default 5), alternating, medians, peak RSS.
#
#   bench/load.sh                 # 100k and 1M volunteers
#   bench/load.sh 100000          # only 100k
#   RUNS=3 bench/load.sh 1000000
#
# The programmes (about 1.6 KB per volunteer: 160 MB at 100k, 1.6 GB at 1M)
# go to a fresh directory under $TMPDIR (or /tmp), removed on exit; set
# KEEP=1 to keep them. The script stops before generating if the disk
# lacks room for them with a margin.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-5}
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
	sizes=(100000 1000000)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sabaq-load.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "load.sh: files kept in $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi

# Room for every file, 1.7 KB per volunteer, and 1 GB to spare.
need_kb=1048576
for n in "${sizes[@]}"; do
	need_kb=$((need_kb + n * 17 / 10))
done
avail_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
if [ "$avail_kb" -lt "$need_kb" ]; then
	echo "load.sh: $work has $((avail_kb / 1024)) MB free, the programmes need $((need_kb / 1024)) MB" >&2
	exit 1
fi

echo "load.sh: building sabaq and the bench tools" >&2
(cd "$root" && go build -o "$work/sabaq" ./cmd/sabaq)
(cd "$here" && go build -o "$work/genprog" ./cmd/genprog &&
	go build -o "$work/jsonany" ./cmd/jsonany &&
	go build -o "$work/loadtime" ./cmd/loadtime)

files=()
for n in "${sizes[@]}"; do
	f="$work/programme-$n.json"
	echo "load.sh: generating $n volunteers" >&2
	"$work/genprog" -n "$n" -o "$f"
	files+=("$f")
done

echo "load.sh: $(nproc) cores, Go $(go env GOVERSION), sabaq $(git -C "$root" rev-parse --short HEAD)" >&2
"$work/loadtime" -runs "$runs" -sabaq "$work/sabaq" -stdlib "$work/jsonany" "${files[@]}"
