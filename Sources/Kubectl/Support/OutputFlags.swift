/// The `-o` format a verb was asked for, with `--template` (which implies `-o go-template`).
extension OutputFormat {
    static func parse(_ call: Invocation, allowed: Allowed) throws(JSONPathError) -> OutputFormat {
        try parse(call.flags.string("output"), allowed: allowed, templateFlag: call.flags.string("template"))
    }
}
