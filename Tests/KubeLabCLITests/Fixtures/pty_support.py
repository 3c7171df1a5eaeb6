"""Shared by the pty drivers: start kubelab on a pseudo-terminal and talk to it like a person.

A driver calls spawn(), then expect()/send(), then finish(); finish() prints everything the
terminal showed, the failures, and a last line "EXIT <status>".
"""
import os
import select
import sys
import time


class Terminal:
    def __init__(self, argv, workdir, env):
        try:
            import pty
            self.pid, self.fd = pty.fork()
        except (ImportError, OSError) as problem:
            sys.stderr.write("no pseudo-terminal: %s\n" % problem)
            sys.exit(3)
        if self.pid == 0:
            os.chdir(workdir)
            os.execve(argv[0], argv, env)
        self.seen = b""
        self.failures = []

    def pump(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            self.seen += data
        return True

    def expect(self, pattern, after, seconds=20.0):
        """Waits until `pattern` shows up in what the terminal printed after offset `after`."""
        end = time.time() + seconds
        while time.time() < end:
            if self.seen.find(pattern, after) >= 0:
                return True
            if not self.pump(0.05):
                break
        self.failures.append("timed out waiting for %r" % pattern)
        return False

    def send(self, data, then):
        mark = len(self.seen)
        os.write(self.fd, data)
        if then is not None:
            self.expect(then, mark)

    def finish(self, seconds=20):
        status = None
        deadline = time.time() + seconds
        while time.time() < deadline:
            self.pump(0.05)
            done, code = os.waitpid(self.pid, os.WNOHANG)
            if done:
                status = os.WEXITSTATUS(code) if os.WIFEXITED(code) else 128 + os.WTERMSIG(code)
                break
        if status is None:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            self.failures.append("kubelab did not exit")
            status = -1
        self.pump(0.1)
        sys.stdout.write(self.seen.decode("utf-8", "replace"))
        for failure in self.failures:
            sys.stdout.write("\nFAILURE %s" % failure)
        sys.stdout.write("\nEXIT %d\n" % status)
