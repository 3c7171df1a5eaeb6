"""Drives `kubelab lesson 01` through a pseudo-terminal like a learner at a keyboard, in phases.

Usage: pty_lesson.py KUBELAB WORKDIR LESSONS PHASE
  first   types, uses Tab on a live pod name, asks for a hint, passes steps, shows progress, Ctrl-D
  second  restarts (resumes), writes a file into a pod's volume, creates a pod, then is killed with SIGKILL
  third   restarts again and shows what survived
Prints everything the terminal showed, then "EXIT <status>" (137 when killed).
Exits 3 (with a message on stderr) when a pseudo-terminal cannot be opened.
"""
import os
import select
import signal
import sys
import time

binary, workdir, lessons, phase = sys.argv[1:5]
try:
    import pty
    pid, fd = pty.fork()
except (ImportError, OSError) as problem:
    sys.stderr.write("no pseudo-terminal: %s\n" % problem)
    sys.exit(3)

if pid == 0:
    os.chdir(workdir)
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": workdir,
           "XDG_DATA_HOME": workdir + "/data", "KUBELAB_LESSONS": lessons}
    os.execve(binary, [binary, "lesson", "01"], env)

seen = b""
failures = []


def pump(seconds):
    global seen
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if not ready:
            continue
        try:
            data = os.read(fd, 4096)
        except OSError:
            return False
        if not data:
            return False
        seen += data
    return True


def expect(pattern, after, seconds=20.0):
    end = time.time() + seconds
    while time.time() < end:
        if seen.find(pattern, after) >= 0:
            return True
        if not pump(0.05):
            break
    failures.append("timed out waiting for %r" % pattern)
    return False


def send(data, then):
    mark = len(seen)
    os.write(fd, data)
    if then is not None:
        expect(then, mark)


if phase == "first":
    expect(b"[01 1/12] $ ", 0)
    send(b"hint\r", b"Hint 1/2")
    send(b"kubectl explain statefulset.spec.podManagementPolicy\r", b"[01 2/12] $ ")
    send(b"kubectl apply -f visit-cnt-stfs.yaml\r", b"[01 3/12] $ ")
    # Tab completes the name of a pod that exists now.
    # Tab completes the name of a pod that exists now (the history file shows the whole line).
    send(b"kubectl get pod visit-cnt-stfs-\t", b"0 ")
    send(b"-o name\r", b"pod/visit-cnt-stfs-0\r\n")
    send(b"prog\t", b"ress ")
    send(b"\r", b"3. ordered")
    expect(b"[01 3/12] $ ", len(seen) - 20)
    send(b"\x04", None)
elif phase == "second":
    expect(b"Resumed where you left off", 0)
    expect(b"[01 3/12] $ ", 0)
    send(b"sleep 9\r", b"[01 3/12] $ ")
    send(b"kubectl exec visit-cnt-stfs-0 -- sh -c 'echo kept > /var/data/note'\r", b"[01 3/12] $ ")
    send(b"kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600\r", b"pod/c created")
    expect(b"[01 3/12] $ ", 0)
    pump(0.2)
    os.kill(pid, signal.SIGKILL)
elif phase == "third":
    expect(b"Resumed where you left off", 0)
    expect(b"[01 3/12] $ ", 0)
    send(b"kubectl exec visit-cnt-stfs-0 -- cat /var/data/note\r", b"kept\r\n")
    send(b"kubectl get pod c -o name\r", b"pod/c\r\n")
    send(b"kubectl get pvc -o name\r", b"[01 3/12] $ ")
    send(b"\x04", None)

status = None
deadline = time.time() + 20
while time.time() < deadline:
    pump(0.05)
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.WEXITSTATUS(code) if os.WIFEXITED(code) else 128 + os.WTERMSIG(code)
        break
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    failures.append("kubelab did not exit")
    status = -1
pump(0.1)

sys.stdout.write(seen.decode("utf-8", "replace"))
for failure in failures:
    sys.stdout.write("\nFAILURE %s" % failure)
sys.stdout.write("\nEXIT %d\n" % status)
