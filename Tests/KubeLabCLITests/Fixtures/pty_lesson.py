"""Drives `kubelab lesson 01` through a pseudo-terminal like a learner at a keyboard, in phases.

Usage: pty_lesson.py KUBELAB WORKDIR LESSONS PHASE
  first   types, uses Tab on a live pod name, asks for a hint, passes steps, shows progress, Ctrl-D
  second  restarts (resumes), writes a file into a pod's volume, creates a pod, then is killed with SIGKILL
  third   restarts again and shows what survived
Prints everything the terminal showed, then "EXIT <status>" (137 when killed).
Exits 3 (with a message on stderr) when a pseudo-terminal cannot be opened.
"""
import os
import signal
import sys

from pty_support import Terminal

binary, workdir, lessons, phase = sys.argv[1:5]
env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": workdir,
       "XDG_DATA_HOME": workdir + "/data", "KUBELAB_LESSONS": lessons}
t = Terminal([binary, "lesson", "01"], workdir, env)

if phase == "first":
    t.expect(b"[01 1/12] $ ", 0)
    t.send(b"hint\r", b"Hint 1/2")
    t.send(b"kubectl explain statefulset.spec.podManagementPolicy\r", b"[01 2/12] $ ")
    t.send(b"kubectl apply -f visit-cnt-stfs.yaml\r", b"[01 3/12] $ ")
    # Tab completes the name of a pod that exists now (the history file shows the whole line).
    t.send(b"kubectl get pod visit-cnt-stfs-\t", b"0 ")
    t.send(b"-o name\r", b"pod/visit-cnt-stfs-0\r\n")
    t.send(b"prog\t", b"ress ")
    t.send(b"\r", b"3. ordered")
    t.expect(b"[01 3/12] $ ", len(t.seen) - 20)
    t.send(b"\x04", None)
elif phase == "second":
    t.expect(b"Resumed where you left off", 0)
    t.expect(b"[01 3/12] $ ", 0)
    t.send(b"sleep 9\r", b"[01 3/12] $ ")
    t.send(b"kubectl exec visit-cnt-stfs-0 -- sh -c 'echo kept > /var/data/note'\r", b"[01 3/12] $ ")
    t.send(b"kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600\r", b"pod/c created")
    t.expect(b"[01 3/12] $ ", 0)
    t.pump(0.2)
    os.kill(t.pid, signal.SIGKILL)
elif phase == "third":
    t.expect(b"Resumed where you left off", 0)
    t.expect(b"[01 3/12] $ ", 0)
    t.send(b"kubectl exec visit-cnt-stfs-0 -- cat /var/data/note\r", b"kept\r\n")
    t.send(b"kubectl get pod c -o name\r", b"pod/c\r\n")
    t.send(b"kubectl get pvc -o name\r", b"[01 3/12] $ ")
    t.send(b"\x04", None)

t.finish()
