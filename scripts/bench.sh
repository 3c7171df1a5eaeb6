#!/usr/bin/env bash
# kubelab benchmarks (not tests): whole-process wall time and peak memory, measured with
# /usr/bin/time over several runs, next to one offline kubectl call for scale.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/kubelab}
RUNS=${RUNS:-5}
[ -x "$BIN" ] || swift build -c release --product kubelab >/dev/null

measure() { # label, command...
  local label=$1; shift
  local best_ms=999999 best_kb=0
  for _ in $(seq "$RUNS"); do
    local out stats
    stats=$(mktemp)
    /usr/bin/time -o "$stats" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$stats"); rm -f "$stats"
    local ms kb
    ms=$(awk -v s="${out% *}" 'BEGIN{printf "%d", s*1000}')
    kb=${out#* }
    if [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; best_kb=$kb; fi
  done
  printf '%-58s %6d ms  %6d MiB  (best of %d)\n' "$label" "$best_ms" "$((best_kb / 1024))" "$RUNS"
}

echo "kubelab benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores)"
if command -v kubectl >/dev/null; then
  measure "kubectl create deployment --dry-run=client -o yaml" \
    kubectl create deployment web --image=nginx --dry-run=client -o yaml
fi
( cd Tests/WalkthroughTests/Fixtures/seed000 && measure "kubelab run seed000 walkthrough" "../../../../$BIN" run walkthrough.sh )
# The replicated-MySQL task page: 5 two-container pods cloned over xtrabackup, 600 s of queries in a loop.
( cd Tests/WalkthroughTests/Fixtures/tutorial-mysql && measure "kubelab run replicated-MySQL tutorial (--nodes 3)" "../../../../$BIN" run walkthrough.sh --nodes 3 )
( cd Benchmarks/scripts && measure "kubelab run 100 sts x 100 replicas, --nodes 100, get pods -A" "../../$BIN" run scale-100x100.sh --nodes 100 )
( cd Benchmarks/scripts && measure "kubelab run the same with a claim per pod (10,000 PVCs/PVs)" "../../$BIN" run claims-100x100.sh --nodes 100 )
( cd Benchmarks/scripts && measure "kubelab run 10,000 nslookups + 10,000 exec cat" "../../$BIN" run dns-exec-10k.sh )
# A rolling update of a 500-replica StatefulSet: the update alone is the second line minus the first.
( cd Benchmarks/scripts && measure "kubelab run 500-replica StatefulSet created (baseline)" "../../$BIN" run rolling-500-create.sh --nodes 5 )
( cd Benchmarks/scripts && measure "kubelab run the same, then rolled to a new image" "../../$BIN" run rolling-500.sh --nodes 5 )
# A DaemonSet over 100 nodes rolled to a new image one node at a time: again the second minus the first.
( cd Benchmarks/scripts && measure "kubelab run a DaemonSet over --nodes 100 created (baseline)" "../../$BIN" run ds-create-100.sh --nodes 100 )
( cd Benchmarks/scripts && measure "kubelab run the same, then rolled to a new image" "../../$BIN" run ds-rolling-100.sh --nodes 100 )
( cd Benchmarks/scripts && measure "kubelab run 20 CronJobs every minute for 24 virtual hours" "../../$BIN" run cronjobs-20x24h.sh )
( cd Benchmarks/scripts && measure "kubelab run drain of a node running 1,000 pods" "../../$BIN" run drain-1000.sh )
# Node loss: the same 5,000 pods without the loss first, so the loss alone is the second minus the first.
( cd Benchmarks/scripts && measure "kubelab run 5,000 pods on --nodes 100, no loss (baseline)" "../../$BIN" run node-loss-baseline.sh --nodes 100 )
( cd Benchmarks/scripts && measure "kubelab run 10 of 100 nodes lost, 5,000 pods evicted/re-created" "../../$BIN" run node-loss-100x5000.sh --nodes 100 )

# Lessons: what lesson 01's checks (and the progress record) add to each command, and resuming the
# lesson at its last step (its log replayed on a fresh cluster).
LESSON=lessons/01-statefulset-basics
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$LESSON"/*.yaml "$WORK"/ && rm -f "$WORK/lesson.yaml"
# The solution up to step scale-up, then 1,000 quick commands checked after each (two state checks).
sed -n '1,/# step: scale-up/p' "$LESSON/solution.sh" > "$WORK/checks.sh"
for _ in $(seq 1000); do echo "kubectl get sts visit-cnt-stfs -o name" >> "$WORK/checks.sh"; done
grep -v '^answer ' "$LESSON/solution.sh" > "$WORK/plain.sh"
( cd "$WORK" && measure "kubelab run: lesson 01's lines + 1,000 commands, no checks" "$OLDPWD/$BIN" run checks.sh )
( cd "$WORK" && XDG_DATA_HOME="$WORK/xdg" measure "kubelab lesson 01: the same lines, checked and recorded" \
    sh -c "'$OLDPWD/$BIN' lesson 01 --restart < checks.sh" )
# Resume at the last step: a saved log of the whole solution but its last line.
head -n -1 "$LESSON/solution.sh" > "$WORK/almost.sh"
( cd "$WORK" && XDG_DATA_HOME="$WORK/xdg2" "$OLDPWD/$BIN" lesson 01 --restart < almost.sh >/dev/null 2>&1 || true )
( cd "$WORK" && XDG_DATA_HOME="$WORK/xdg2" measure "kubelab lesson 01 resumed at its last step (replay)" \
    sh -c "'$OLDPWD/$BIN' lesson 01 < /dev/null" )

# Grading: 1,000 lesson-01 transcripts (copies of the examples) on every core, one replay, and a
# 100 MB hostile transcript (refused by its size before it is read).
CLASS="$WORK/class"
mkdir -p "$CLASS"
i=0
for n in $(seq 1000); do
  for f in transcripts/examples/*.transcript; do
    i=$((i + 1)); [ "$i" -le 1000 ] || break 2
    cp "$f" "$CLASS/student-$(printf %04d "$i")-$(basename "$f")"
  done
done
KUBELAB_LESSONS="$PWD/lessons" measure "kubelab grade 1,000 lesson-01 transcripts ($(nproc) cores)" \
  "$BIN" grade --lesson 01 --format csv "$CLASS"
KUBELAB_LESSONS="$PWD/lessons" measure "kubelab replay one complete lesson-01 transcript" \
  "$BIN" replay transcripts/examples/complete.transcript
head -c 100000000 /dev/zero | tr '\0' 'x' > "$WORK/hostile.transcript"
KUBELAB_LESSONS="$PWD/lessons" measure "kubelab grade a 100 MB hostile transcript" \
  "$BIN" grade --lesson 01 "$WORK/hostile.transcript"
