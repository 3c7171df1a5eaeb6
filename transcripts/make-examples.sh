#!/usr/bin/env bash
# Regenerates the example transcripts of lesson 01 with the built kubelab (run it after a change
# that alters what a command prints, then check the grades the tests expect still hold).
# Usage: transcripts/make-examples.sh [KUBELAB]
set -euo pipefail
here=$(cd "$(dirname "$0")/examples" && pwd)
root=$(cd "$here/../.." && pwd)
K=${1:-$root/.build/debug/kubelab}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" KUBELAB_LESSONS="$root/lessons"
solution="$root/lessons/01-statefulset-basics/solution.sh"
cd "$work"
record() { # name, lesson, lines on stdin
  "$K" lesson "$2" --restart --record "$here/$1.transcript" >/dev/null 2>&1 || true
}
# Every step, in order.
record complete 01 < "$solution"
# The first four steps, then the student stopped.
head -n 12 "$solution" | record partial 01
# Step 2's work done during step 1 does not count for step 2; the student then goes on.
printf '%s\n' 'kubectl apply -f visit-cnt-stfs.yaml' 'kubectl explain statefulset.spec.podManagementPolicy' \
  'kubectl get pods -w -l app=visit-cnt-stfs' 'kubectl get sts,po,svc -o wide | grep visit' | record out-of-order 01
# Another lesson's transcript handed in for lesson 01.
record other-lesson 02 < "$root/lessons/02-stable-identity/solution.sh"
# The student typed seed 000's typo and then pasted the right output in by hand (same step faked).
printf '%s\n' 'kubectl explain statefulset.spe.podManagementPolicy' | record faked-typo 01
python3 - "$here" <<'PY'
import re, sys
here = sys.argv[1]
def records(text):
    head, _, body = text.partition("\n#\n")
    return head + "\n#\n", body
complete = open(here + "/complete.transcript", encoding="utf-8").read()
# The real explain output from the complete transcript, pasted after the typo's error.
m = re.search(r"#> L (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)\n\$ kubectl explain statefulset\.spec\.podManagementPolicy\n", complete)
start = m.end(); explain = complete.encode()[start:start + int(m.group(6))].decode()
faked = open(here + "/faked-typo.transcript", encoding="utf-8").read()
faked = re.sub(r"#> L (\d+) (\d+) \d+ (\d+) (\d+) \d+\n(\$ kubectl explain statefulset\.spe\.podManagementPolicy)\n[^#]*",
               lambda k: "#> L %s %s 0 %s %s %d\n%s\n%s" % (k.group(1), k.group(2), k.group(3), k.group(4), len(explain.encode()), k.group(5), explain),
               faked, count=1)
open(here + "/faked-typo.transcript", "w", encoding="utf-8").write(faked)
# One age edited in place (same length, so the file still parses): the replay catches it.
edited = complete.replace("visit-cnt-stfs-0   1/1     Running             0          7s", "visit-cnt-stfs-0   1/1     Running             0          5s", 1)
assert edited != complete
open(here + "/edited-output.transcript", "w", encoding="utf-8").write(edited)
# A command inserted by hand without the output it prints: the scale the student never ran.
lines = complete.split("\n#> ")
inserted = complete.replace("$ kubectl scale sts visit-cnt-stfs --replicas 4\nstatefulset.apps/visit-cnt-stfs scaled\n", "$ kubectl scale sts visit-cnt-stfs --replicas 4\n", 1)
inserted = re.sub(r"(#> L \d+ \d+ \d+ \d+ \d+ )\d+(\n\$ kubectl scale sts visit-cnt-stfs --replicas 4\n)", r"\g<1>0\2", inserted, count=1)
open(here + "/inserted-command.transcript", "w", encoding="utf-8").write(inserted)
# Time marks that go backwards.
marks = [m for m in re.finditer(r"#> L (\d+) (\d+) ", complete)]
tm = marks[5]
backwards = complete[:tm.start()] + "#> L 1 1 " + complete[tm.end():]
open(here + "/time-backwards.transcript", "w", encoding="utf-8").write(backwards)
PY
# Not a transcript at all.
printf 'this is not a transcript\n\x00\xff\xfe binary \x1b[31m red\n' > "$here/garbage.transcript"
echo "examples written to $here"
