/// The command tables callers merge into `ShellEnvironment.commands`.
public enum StandardUtilities {
    /// Everything a container shell has: coreutils-like tools over the virtual filesystem plus
    /// `sh`/`bash`. Output wording follows GNU coreutils for `.bash`/`.hostBash` and busybox for `.busyboxSh`.
    public static func commands(for dialect: ShellDialect) -> [String: ShellCommand] {
        var table: [String: ShellCommand] = [
            "echo": Utilities.echo, "printf": Utilities.printf, "test": Utilities.test, "[": Utilities.test,
            "true": { _ in 0 }, "false": { _ in 1 },
            "sh": Utilities.shell, "bash": Utilities.shell,
        ]
        if dialect == .busyboxSh { table["bash"] = nil }
        return table
    }
}
