import KubeAPI

/// Prints objects in the structured `-o` formats (yaml, json, name, jsonpath, custom-columns).
enum ObjectOutput {
    static func print(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation, singleItem: Bool = true) throws {
        let single = singleItem && objects.count == 1
        let subject: JSONValue = single ? objects[0].1 : listWrapper(objects.map(\.1))
        switch format {
        case .yaml:
            call.out(YAMLPrinter.render(subject))
        case .json:
            call.out(JSONText.indented(subject) + "\n")
        case .name:
            call.out(objects.map { "\($0.0.qualifiedKind)/\($0.1.name)\n" }.joined())
        case .jsonpath(let template):
            call.out(try evaluateJSONPath(template, on: subject))
        case .jsonpathAsJSON(let template):
            call.out(try evaluateJSONPath(template, on: subject, asJSON: true))
        case .customColumns(let spec):
            call.out(try customColumns(spec, objects: objects.map(\.1), call: call))
        case .customColumnsFile(let path):
            guard case .file(let bytes) = call.kubectl.files.read(path) else {
                throw KubectlFailure.error("open \(path): no such file or directory")
            }
            let text = String(decoding: bytes, as: UTF8.self)
            call.out(try customColumnsFromFile(text, objects: objects.map(\.1), call: call))
        case .goTemplate:
            throw KubectlFailure.error("go-template output is not available in kubelab; use -o jsonpath=...")
        case .wide:
            call.out(try GetCommand.table(objects, call: call, wide: true))
        }
    }

    /// `kind: List` wrapper kubectl prints for several objects.
    static func listWrapper(_ items: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
    }
}
