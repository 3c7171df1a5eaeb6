/// The command tables callers merge into `ShellEnvironment.commands`.
public enum StandardUtilities {
    /// Everything a container shell has: coreutils-like tools over the virtual filesystem plus
    /// `sh`/`bash`. Output wording follows GNU coreutils for `.bash`/`.hostBash` and busybox for
    /// `.busyboxSh`; `bash` is absent from busybox images.
    public static func commands(for dialect: ShellDialect) -> [String: ShellCommand] {
        var table = textCommands
        let files: [String: ShellCommand] = [
            "cat": Utilities.cat, "ls": Utilities.ls, "touch": Utilities.touch, "mkdir": Utilities.mkdir,
            "rm": Utilities.rm, "rmdir": Utilities.rmdir, "cp": Utilities.cp, "mv": Utilities.mv, "ln": Utilities.ln,
            "chmod": Utilities.chmod, "chown": Utilities.chown, "find": Utilities.find, "df": Utilities.df, "du": Utilities.du,
            "tee": Utilities.tee, "id": Utilities.id, "whoami": Utilities.whoami, "uname": Utilities.uname,
            "hostname": Utilities.hostname, "env": Utilities.env, "printenv": Utilities.printenv,
            "sh": Utilities.shell, "bash": Utilities.shell, "nproc": Utilities.nproc,
        ]
        table.merge(files) { a, _ in a }
        if dialect == .busyboxSh { table["bash"] = nil }
        return table
    }

    /// The learner's host shell: the text tools plus `sudo CMD` (runs CMD; the seeds type
    /// `sudo kubectl ...`). The caller adds `kubectl`, `vagrant`, ...
    public static var hostCommands: [String: ShellCommand] {
        var table = textCommands
        table["sudo"] = Utilities.sudo
        return table
    }

    /// Commands that only read stdin/arguments and never touch files: safe for the host shell
    /// (`kubectl get po | grep web`, `sleep 15`, `date`, `clear`). File operands still resolve
    /// against the environment's filesystem.
    public static var textCommands: [String: ShellCommand] {
        [
            "echo": Utilities.echo, "printf": Utilities.printf, "test": Utilities.test, "[": Utilities.test,
            "true": { _ in 0 }, "false": { _ in 1 },
            "grep": Utilities.grep, "egrep": { ctx in Utilities.grep(ctx.renamed("grep", prepending: ["-E"])) },
            "fgrep": { ctx in Utilities.grep(ctx.renamed("grep", prepending: ["-F"])) },
            "head": Utilities.head, "tail": Utilities.tail, "wc": Utilities.wc, "sort": Utilities.sort,
            "uniq": Utilities.uniq, "cut": Utilities.cut, "tr": Utilities.tr, "sed": Utilities.sed, "awk": Utilities.awk,
            "xargs": Utilities.xargs, "seq": Utilities.seq, "yes": Utilities.yes, "rev": Utilities.rev,
            "date": Utilities.date, "sleep": Utilities.sleep, "expr": Utilities.expr, "which": Utilities.which,
            "clear": Utilities.clear, "basename": Utilities.basename, "dirname": Utilities.dirname,
            "timeout": Utilities.timeout, "base64": Utilities.base64,
        ]
    }
}

extension CommandContext {
    /// The same invocation under another name with extra leading arguments (`egrep` → `grep -E`).
    func renamed(_ newName: String, prepending: [String]) -> CommandContext {
        CommandContext(name: newName, arguments: prepending + arguments, stdin: stdin, stdout: stdout, stderr: stderr,
                       environment: environment, interpreter: interpreter)
    }
}
