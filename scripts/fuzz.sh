#!/usr/bin/env bash
# Seeded fuzzing of kubelab's input surfaces against the release binary (issue 8).
#
#   scripts/fuzz.sh [--seconds N] [--seed S] [--surface host|container|kubectl|manifest|transcript|all] [--save-every K]
#
# Each input is a small `kubelab run` script built from a seeded generator: shell lines for the
# host (bash) and container (busybox sh, debian bash) dialects, kubectl argument vectors, and
# manifests (fixture YAML with numbers, anchors and keys mutated) applied with kubectl. The
# transcript surface mutates the example transcripts (record marks, header values, control and
# non-UTF-8 bytes, lines doubled or dropped) and has `kubelab grade --lesson 01` and
# `kubelab replay` read them, as an instructor would a student's file.
# An input that kills the process (exit status >= 128) or runs past the per-input timeout is
# saved under Tests/WalkthroughTests/Fixtures/fuzz/crashes/; with --save-every K every K-th input
# is added to Tests/WalkthroughTests/Fixtures/fuzz/corpus/. The test suite replays both folders
# (FuzzCorpusReplayTests). The same seed always generates the same inputs (bash's seeded $RANDOM).
set -u
cd "$(dirname "$0")/.."

seconds=60
seed=1
surface=all
save_every=0
timeout_s=${FUZZ_TIMEOUT:-10}
bin=${KUBELAB:-.build/release/kubelab}
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --surface) surface=$2; shift 2 ;;
        --save-every) save_every=$2; shift 2 ;;
        *) echo "usage: scripts/fuzz.sh [--seconds N] [--seed S] [--surface host|container|kubectl|manifest|transcript|all] [--save-every K]" >&2; exit 2 ;;
    esac
done
[ -x "$bin" ] || { echo "fuzz: $bin not built (swift build -c release --product kubelab)" >&2; exit 2; }
# Inputs run in a scratch directory, so the binary is named by its absolute path (KUBELAB may be either).
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

fixtures=Tests/WalkthroughTests/Fixtures
out=$fixtures/fuzz
mkdir -p "$out/corpus" "$out/crashes"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RANDOM=$seed

# Values are returned in REPLY, never through $(...): a subshell reseeds $RANDOM, which would
# make the inputs differ from run to run.
pick() { local -n list=$1; REPLY=${list[RANDOM % ${#list[@]}]}; }

numbers=(0 1 -1 2 7 255 256 65535 65536 2147483647 2147483648 -2147483648 -2147483649 4294967296
         9223372036854775807 9223372036854775808 -9223372036854775808 -9223372036854775809
         18446744073709551616 1e19 -1e19 1e308 1e-300 inf -inf nan 0.5 -0 007 0x7fffffffffffffff 99999999999999999999)
durations=(0 0s 1s 30s 1m 2562047h 2562048h 9223372036854775807s 100000h -1s 1.5s 1e19s abc)
words=(x web-0 "a b" '$x' '\e[31mred' "''" '"' '*' '?' '{a,b}' '{1..3}' '~' '-' '--')

host_line() {
    local n m k w
    pick numbers; n=$REPLY; pick numbers; m=$REPLY; pick numbers; k=$REPLY; pick words; w=$REPLY
    case $((RANDOM % 30)) in
        0) echo "awk 'BEGIN{printf \"%d %x %o %c %e %5.2f|\\n\", $n, $n, $m, $n, $n, $m}'" ;;
        1) echo "awk 'BEGIN{s=\"hello\"; print substr(s, $n) substr(s, $m, $n) length(s), 2^$n, $n % $m}'" ;;
        2) echo "echo 'a b c' | awk '{print \$($n); NF=$m; print NF}'" ;;
        3) echo "seq $n $m | head -n 3" ;;
        4) echo "seq $n | tail -n 2" ;;
        5) echo "expr $n + $m; expr $n / $m; expr $n \\* $m; expr substr abcdef $n $m" ;;
        6) echo "x=$n; ((x++)); ((x*=$m)); echo \$x \$((x / $m)) \$((x % $m)) \$((x ** 3)) \$((1 << $m))" ;;
        7) echo "x=abcdef; echo \${x:$n:$m} \${x: -$n} \${#x}" ;;
        8) echo "echo {1..$n..$m} | wc -w" ;;
        9) echo "echo {a..z..$n}" ;;
        10) echo "printf '%*d|%.${n}s|%d\\n' $m 1 abc $n" ;;
        11) echo "head -c $n /dev/zero | wc -c" ;;
        12) echo "tail -n $n /etc/hosts; head -n $m /etc/hosts" ;;
        13) echo "yes | head -n $n | wc -l" ;;
        14) echo "yes > /dev/null" ;;
        15) echo "x=a; for i in \$(seq 30); do x=\$x\$x; done; echo \${#x}" ;;
        16) echo "for i in \$(seq $n); do :; done; echo done" ;;
        17) echo "cut -c $n- /etc/hosts | head -n 1; cut -f $m /etc/hosts | head -n 1" ;;
        18) echo "sleep $n; echo slept" ;;
        19) echo "test $n -gt $m; echo \$?; [ $n -eq $n ]; echo \$?" ;;
        20) echo "sed -n '${n}p' /etc/hosts; sed 's/a/b/$m' /etc/hosts | head -n 1" ;;
        21) echo "grep -m $n -A $m localhost /etc/hosts" ;;
        22) echo "printf '%s\\n' $w | sort -k $n | uniq -c" ;;
        23) echo "mkdir -p \$(printf 'd/%.0s' \$(seq ${n#-})); echo \$?" ;;
        24) echo "cat <<EOF | wc -l"; for ((j = RANDOM % 20; j > 0; j--)); do pick numbers; echo "line $REPLY"; done; echo "EOF" ;;
        25) echo "f() { echo \$#; shift $n; echo \${@:$m}; }; f a b c" ;;
        26) echo "exit $n" ;;
        27) echo "xargs -n $n echo < /etc/hosts | head -n 2" ;;
        28) echo "base64 -w $n /etc/hostname; date -d @$n" ;;
        *) echo "echo $w | tr a-z A-Z | rev" ;;
    esac
}

kubectl_line() {
    local n m k d w
    pick numbers; n=$REPLY; pick numbers; m=$REPLY; pick numbers; k=$REPLY; pick durations; d=$REPLY; pick words; w=${REPLY//[\' ]/}
    case $((RANDOM % 16)) in
        0) echo "kubectl get pods -o jsonpath='{.items[$n]}'" ;;
        1) echo "kubectl get ns -o jsonpath='{.items[$n:$m:$k].metadata.name}'" ;;
        2) echo "kubectl get ns -o custom-columns='N:.metadata.name[$n],M:.items[$m]'" ;;
        3) echo "kubectl delete pod x --timeout=$d" ;;
        4) echo "kubectl delete pod x --grace-period=$n --wait=false" ;;
        5) echo "kubectl scale sts web --replicas=$n --timeout=$d" ;;
        6) echo "kubectl create deployment d$((RANDOM % 3)) --image=nginx --replicas=$n" ;;
        7) echo "kubectl logs x --tail=$n --since=$d --limit-bytes=$m" ;;
        8) echo "kubectl run p$((RANDOM % 3)) --image=busybox --port=$n --pod-running-timeout=$d -- sleep $m" ;;
        9) echo "kubectl get pods --chunk-size=$n --request-timeout=$d" ;;
        10) echo "kubectl create configmap $w --from-literal=k=$n" ;;
        11) echo "kubectl get $w $w-$m" ;;
        12) echo "kubectl create job j$((RANDOM % 3)) --image=busybox -- sh -c 'seq $n | tail -n 1'" ;;
        13) echo "kubectl expose pod p0 --port=$n --target-port=$m" ;;
        14) echo "kubectl get pods -l 'a in ($n)' --sort-by='.metadata.name'" ;;
        *) echo "kubectl explain pod.spec.$w" ;;
    esac
}

manifest() {
    # A fixture manifest with every number swapped for an edge value and, sometimes, aliases.
    local files=() f
    mapfile -t files < <(find "$fixtures" -name '*.yaml' -not -path '*/fuzz/*' | sort)
    f=${files[RANDOM % ${#files[@]}]}
    echo "kubectl apply -f - <<'MANIFEST'"
    awk -v seed=$RANDOM -v edges="${numbers[*]}" '
        BEGIN { srand(seed); n = split(edges, e, " ") }
        { line = $0
          if (match(line, /: [0-9]+$/) && rand() < 0.7) { line = substr(line, 1, RSTART + 1) e[int(rand() * n) + 1] }
          if (rand() < 0.03) { line = line "\n  x-anchor: &a [1, 2, 3]\n  x-alias: [*a, *a, *a]" }
          if (rand() < 0.02) next
          print line }' "$f"
    echo "MANIFEST"
    echo "sleep 30; kubectl get all -o wide; kubectl describe all > /dev/null"
}

transcript() {
    # An example transcript mutated in one of three ways: record marks' times and exit statuses
    # swapped for edge values (the file still parses, so replay and grading run), header values
    # swapped, or bytes damaged (control and non-UTF-8 bytes, lines doubled or dropped).
    local files=() f
    mapfile -t files < <(find transcripts/examples -name '*.transcript' | sort)
    f=${files[RANDOM % ${#files[@]}]}
    LC_ALL=C awk -v seed=$RANDOM -v mode=$((RANDOM % 3)) -v edges="${numbers[*]}" '
        BEGIN { srand(seed); n = split(edges, e, " ") }
        { line = $0
          if (mode == 0 && line ~ /^#> / && rand() < 0.2) {
              k = split(line, f, " "); f[3 + int(rand() * 3)] = e[int(rand() * n) + 1]
              line = f[1]; for (j = 2; j <= k; j++) line = line " " f[j] }
          if (mode == 1 && line ~ /^# [a-z]+: / && rand() < 0.3) sub(/: .*/, ": " e[int(rand() * n) + 1], line)
          if (mode == 2) {
              if (rand() < 0.01) line = line sprintf("%c%c[31m%c%c", 255, 27, 0, 128 + int(rand() * 64))
              if (rand() < 0.01) next
              if (rand() < 0.01) print line }
          print line }' "$f"
}

script_for() {
    case $1 in
        host) for _ in 1 2 3; do host_line; done ;;
        container)
            echo "kubectl run b --image=busybox --restart=Never -- sleep 36000"
            echo "kubectl run d --image=debian --restart=Never -- sleep 36000"
            echo "sleep 15"
            for _ in 1 2; do
                host_line > "$work/line"
                line=$(head -n 1 "$work/line")
                printf 'kubectl exec b -- sh -c %q\n' "$line"
                printf 'kubectl exec d -- bash -c %q\n' "$line"
            done ;;
        kubectl) for _ in 1 2 3 4; do kubectl_line; done ;;
        manifest) manifest ;;
        transcript) transcript ;;
    esac
}

surfaces=(host container kubectl manifest transcript)
[ "$surface" = all ] || surfaces=("$surface")
declare -A tried crashed hung
end=$((SECONDS + seconds))
i=0
while [ $SECONDS -lt $end ]; do
    i=$((i + 1))
    s=${surfaces[i % ${#surfaces[@]}]}
    if [ "$s" = transcript ]; then
        file="$work/in.transcript"; name="$s-seed$seed-$i.transcript"
        script_for "$s" > "$file"
        (cd "$work" && KUBELAB_LESSONS="$OLDPWD/lessons" timeout "$timeout_s" "$bin" grade --lesson 01 --format json in.transcript < /dev/null > out.txt 2>&1)
        rc=$?
        if [ $rc -lt 124 ]; then
            (cd "$work" && KUBELAB_LESSONS="$OLDPWD/lessons" timeout "$timeout_s" "$bin" replay in.transcript < /dev/null > out.txt 2>&1)
            rc=$?
        fi
    else
        file="$work/in.sh"; name="$s-seed$seed-$i.sh"
        script_for "$s" > "$file"
        (cd "$work" && timeout "$timeout_s" "$bin" run in.sh < /dev/null > out.txt 2>&1)
        rc=$?
    fi
    tried[$s]=$((${tried[$s]:-0} + 1))
    if [ $rc -ge 124 ]; then
        if [ $rc -eq 124 ]; then hung[$s]=$((${hung[$s]:-0} + 1)); kind=hang; else crashed[$s]=$((${crashed[$s]:-0} + 1)); kind="crash (status $rc)"; fi
        cp "$file" "$out/crashes/$name"
        echo "fuzz: $kind: $out/crashes/$name" >&2
    elif [ "$save_every" -gt 0 ] && [ $((i % save_every)) -eq 0 ]; then
        cp "$file" "$out/corpus/$name"
    fi
done
for s in "${surfaces[@]}"; do
    echo "fuzz: $s: ${tried[$s]:-0} inputs, ${crashed[$s]:-0} crashes, ${hung[$s]:-0} hangs (timeout ${timeout_s}s)"
done
total_bad=0
for s in "${surfaces[@]}"; do total_bad=$((total_bad + ${crashed[$s]:-0} + ${hung[$s]:-0})); done
[ $total_bad -eq 0 ]
