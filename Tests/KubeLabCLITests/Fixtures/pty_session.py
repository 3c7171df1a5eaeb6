"""Drives the kubelab binary through a pseudo-terminal like a person at a keyboard.

Usage: pty_session.py KUBELAB WORKDIR
Prints everything the terminal showed, then a last line "EXIT <status>".
Exits 3 (with a message on stderr) when a pseudo-terminal cannot be opened.
"""
import os
import select
import sys
import time

binary, workdir = sys.argv[1], sys.argv[2]
try:
    import pty
    pid, fd = pty.fork()
except (ImportError, OSError) as problem:
    sys.stderr.write("no pseudo-terminal: %s\n" % problem)
    sys.exit(3)

if pid == 0:
    os.chdir(workdir)
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": workdir}
    os.execve(binary, [binary], env)

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


def expect(pattern, after, seconds=10.0):
    """Waits until `pattern` shows up in what the terminal printed after offset `after`."""
    end = time.time() + seconds
    while time.time() < end:
        if seen.find(pattern, after) >= 0:
            return True
        if not pump(0.05):
            break
    failures.append("timed out waiting for %r" % pattern)
    return False


def send(data, then=b"$ "):
    mark = len(seen)
    os.write(fd, data)
    if then is not None:
        expect(then, mark)


expect(b"$ ", 0)
send(b"echo dropped", then=b"dropped")
send(b"\x03")
send("echo 안녕하세요\r".encode(), then="안녕하세요\r\n$ ".encode())
send(b"sleep 30\r", then=b"sleep 30\r\n")
pump(0.3)
started = time.time()
send(b"\x03")
if time.time() - started > 5:
    failures.append("Ctrl-C did not stop sleep 30")
send(b"kubectl ge\t", then=b"t ")
send(b"\r")
send(b"kubectl de\t\t", then=b"describe")
send(b"\x03")
send(b"\x04", then=None)

status = None
deadline = time.time() + 10
while time.time() < deadline:
    pump(0.05)
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.WEXITSTATUS(code) if os.WIFEXITED(code) else 128 + os.WTERMSIG(code)
        break
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    failures.append("kubelab did not exit after Ctrl-D")
    status = -1
pump(0.1)

sys.stdout.write(seen.decode("utf-8", "replace"))
for failure in failures:
    sys.stdout.write("\nFAILURE %s" % failure)
sys.stdout.write("\nEXIT %d\n" % status)
