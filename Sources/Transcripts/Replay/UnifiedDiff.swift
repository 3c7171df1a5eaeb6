import Kubectl

extension UnifiedDiff {
    /// A replay's difference from its recording: `diff -u`'s labels and hunks, and diff's marker
    /// when one side's last line ends without a newline.
    public static func make(old: String, new: String, oldName: String = "recorded", newName: String = "replayed") -> String {
        guard old != new else { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n" + hunks(old, new)
        if old.last != new.last && (old.last == "\n" || new.last == "\n") {
            text += "\\ No newline at end of file\n"
        }
        return text
    }
}
