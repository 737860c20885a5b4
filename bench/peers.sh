#!/usr/bin/env bash
# The peer engines side by side (issue 11): ours, expr and OPA on the
# guide's rules, one subject of each kind and a whole generated programme,
# in ROUNDS rounds (default 5) of one pass over everything, so that a noisy
# neighbour on a shared machine hits every engine alike; then the table of
# medians and ratios.
#
#   bench/peers.sh                      # 5 rounds, programme of 10,000 volunteers
#   ROUNDS=9 PROGRAMME=100000 bench/peers.sh
#
# The raw benchmark output is kept in bench/peers.txt (ignored by git) for
# benchstat or peertable.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-5}
programme=${PROGRAMME:-10000}
out=${OUT:-$here/peers.txt}

bin=$(mktemp -d "${TMPDIR:-/tmp}/sabaq-peers.XXXXXX")
trap 'rm -rf "$bin"' EXIT
(cd "$here" && go test -c -o "$bin/peers.test" ./peers)

: >"$out"
for i in $(seq "$rounds"); do
	echo "peers.sh: round $i of $rounds" >&2
	(cd "$here/peers" && "$bin/peers.test" -test.run '^$' -test.bench . -test.benchmem \
		-programme "$programme") | tee -a "$out" | grep -E '^Benchmark' >&2
done
(cd "$here" && go run ./cmd/peertable "$out")
