import KubeAPI

/// `kubectl get -w -o json|yaml|name|jsonpath|go-template`: each object (or, with
/// `--output-watch-events`, each `{"type": ..., "object": ...}` watch event) printed on its own as it
/// arrives, YAML documents separated by `---`; `-o name` names the object even inside an event.
struct WatchObjectOutput {
    let type: ResourceType
    let format: OutputFormat
    let outputWatchEvents: Bool
    let call: Invocation
    private var printed = 0

    init(type: ResourceType, format: OutputFormat, outputWatchEvents: Bool, call: Invocation) {
        self.type = type
        self.format = format
        self.outputWatchEvents = outputWatchEvents
        self.call = call
    }

    mutating func print(_ object: JSONValue, event: String) throws {
        defer { printed += 1 }
        guard outputWatchEvents else {
            if printed > 0 && format == .yaml { call.out("---\n") }
            try ObjectOutput.print([(type, object)], format: format, call: call, singleItem: true)
            return
        }
        switch format {
        case .json:
            // metav1.WatchEvent: `type` before `object`; the object's own keys sorted.
            let inner = JSONText.pretty(object).dropLast().replacingOccurrences(of: "\n", with: "\n    ")
            call.out("{\n    \"type\": \(JSONText.quote(event)),\n    \"object\": \(inner)\n}\n")
        case .yaml:
            if printed > 0 { call.out("---\n") }
            call.out(YAMLEmitter.document(["object": object, "type": .string(event)]))
        case .name:
            // The name printer unwraps a watch event and names the object inside it.
            try ObjectOutput.print([(type, object)], format: format, call: call, singleItem: true)
        default:
            try ObjectOutput.print([(type, ["type": .string(event), "object": object])], format: format, call: call, singleItem: true)
        }
    }
}
