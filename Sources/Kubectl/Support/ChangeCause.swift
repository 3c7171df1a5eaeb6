import KubeAPI
import KubeSim

/// The deprecated `--record` flag (genericclioptions.RecordFlags): the command line, written into
/// the `kubernetes.io/change-cause` annotation that `rollout history` shows as CHANGE-CAUSE.
///
/// As upstream, a command with the flag records in one of three ways: `--record` always; without
/// the flag only where the object already has the annotation (so after one recorded change, a
/// later `kubectl scale` or `set image` overwrites the cause); `--record=false` never.
struct ChangeCause {
    static let annotation = "kubernetes.io/change-cause"
    static let flag = FlagSet.Spec("record", nil, .bool, deprecated: "--record will be removed in the future")

    enum Mode { case always, ifPresent, never }

    let mode: Mode
    /// parseCommandArguments: `kubectl`, the positional arguments as typed (the verb and its
    /// subcommand first, then what followed `--`), then each flag given, in order, as ` --NAME=VALUE`.
    let text: String

    init(command: String, flags: ParsedFlags) {
        if flags.isSet("record") {
            mode = flags.bool("record") ? .always : .never
        } else {
            mode = .ifPresent
        }
        let words = [command] + flags.positional + (flags.afterDash ?? [])
        text = "kubectl " + words.joined(separator: " ") + flags.occurrences.map { " --\($0.name)=\($0.value)" }.joined()
    }

    /// Whether recording changes `object`'s cause.
    private func changes(_ object: JSONValue) -> Bool {
        let current = object["metadata"]["annotations"][Self.annotation].string
        return (mode == .always || (mode == .ifPresent && current != nil)) && current != text
    }

    /// ChangeCauseRecorder.Record on an object about to be written.
    func record(_ object: inout JSONValue) {
        if changes(object) { object["metadata"]["annotations"][Self.annotation] = .string(text) }
    }

    /// MakeRecordMergePatch: the merge patch a command sends after its own write (scale, patch),
    /// or nil when nothing is to be recorded.
    func mergePatch(for object: JSONValue) -> JSONValue? {
        changes(object) ? ["metadata": ["annotations": [Self.annotation: .string(text)]]] : nil
    }

    /// What scale and patch do after their own write: the recording merge patch, whose failure
    /// kubectl only logs at -v=4. Gives the object the server answered, when one was sent.
    @discardableResult
    func sendMergePatch(after object: JSONValue, as resource: ResourceType, call: Invocation, dryRun: Bool = false) -> JSONValue? {
        guard let patch = mergePatch(for: object) else { return nil }
        let ref = ObjectRef(resource, namespace: object.namespace ?? call.namespace, name: object.name)
        return try? call.api.patch(ref, type: .merge, body: JSONText.compact(patch), dryRun: dryRun).object
    }
}
