#!/usr/bin/env bash
# Instructions per CronJob Job, counted by callgrind: wall time on a shared 2-core machine varies
# by a third between runs, an instruction count by about half a percent (Swift seeds its hashing
# per run). Judge engine changes of a few percent by this, and state wall times from bench.sh.
# Needs valgrind (installed with apt-get when missing, as setup.sh installs libedit).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/kubelab}
[ -x "$BIN" ] || swift build -c release --product kubelab >/dev/null
if ! command -v valgrind >/dev/null; then
  if command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y valgrind >/dev/null
  else
    echo "bench-instructions: valgrind is needed" >&2; exit 1
  fi
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Without debug sections the binary loads faster under valgrind; the count is the same.
objcopy --strip-debug "$BIN" "$WORK/kubelab"
cp Benchmarks/scripts/cronjobs-20x1h.sh Benchmarks/scripts/cronjobs-20.yaml "$WORK"/
count() { # script → instructions
  ( cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" ./kubelab run "$1" >/dev/null 2>"$WORK/cg.err" )
  grep -E '^(summary|totals):' "$WORK/cg.out" | head -1 | awk '{print $2}'
}
# The same cluster with no CronJobs, so start-up and the sandbox drop out of the per-Job figure.
printf 'sleep 3600\n' > "$WORK/idle.sh"
idle=$(count idle.sh)
busy=$(count cronjobs-20x1h.sh)
jobs=1200
awk -v b="$busy" -v i="$idle" -v j="$jobs" 'BEGIN {
  printf "one virtual hour, 20 CronJobs every minute: %.0f M instructions (idle cluster %.0f M)\n", b / 1e6, i / 1e6
  printf "per Job: %.2f M instructions\n", (b - i) / j / 1e6
}'
