"""Drives the kubelab binary through a pseudo-terminal like a person at a keyboard.

Usage: pty_session.py KUBELAB WORKDIR
Prints everything the terminal showed, then a last line "EXIT <status>".
Exits 3 (with a message on stderr) when a pseudo-terminal cannot be opened.
"""
import sys
import time

from pty_support import Terminal

binary, workdir = sys.argv[1], sys.argv[2]
env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": workdir}
t = Terminal([binary], workdir, env)

t.expect(b"$ ", 0)
t.send(b"echo dropped", then=b"dropped")
t.send(b"\x03", then=b"$ ")
t.send("echo 안녕하세요\r".encode(), then="안녕하세요\r\n$ ".encode())
t.send(b"sleep 30\r", then=b"sleep 30\r\n")
t.pump(0.3)
started = time.time()
t.send(b"\x03", then=b"$ ")
if time.time() - started > 5:
    t.failures.append("Ctrl-C did not stop sleep 30")
t.send(b"kubectl ge\t", then=b"t ")
t.send(b"\r", then=b"$ ")
t.send(b"kubectl de\t\t", then=b"describe")
t.send(b"\x03", then=b"$ ")
t.send(b"\x04", then=None)
t.finish(seconds=10)
