import KubeAPI

/// Prints objects in the structured `-o` formats (yaml, json, name, jsonpath, custom-columns).
enum ObjectOutput {
    /// - Parameter singleItem: one named object prints bare; otherwise objects print as a `List`.
    static func print(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation, singleItem: Bool = true) throws {
        let subject = OutputObject.forGet(objects.map(\.1), singleItemImplied: singleItem)
        do {
            switch format {
            case .yaml:
                call.out(YAMLEmitter.document(subject))
            case .json:
                call.out(JSONPrinter.render(subject))
            case .name:
                call.out(objects.map { "\($0.0.qualifiedKind)/\($0.1.name)\n" }.joined())
            case .jsonpath(let template):
                call.out(try JSONPathPrinter.render(JSONPathPrinter.parse(template), subject))
            case .jsonpathAsJSON(let template):
                call.out(try JSONPathPrinter.render(JSONPathPrinter.parse(template), subject, asJSON: true))
            case .customColumns(let spec):
                call.out(try CustomColumns(spec: spec).render(objects.map(\.1), noHeaders: call.flags.bool("no-headers")))
            case .customColumnsFile(let path):
                guard case .file(let bytes) = call.kubectl.files.read(path) else {
                    throw KubectlFailure.error("open \(path): no such file or directory")
                }
                let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
                guard lines.count >= 2 else { throw KubectlFailure.error("custom-columns file \(path) needs a header line and a path line") }
                let headers = lines[0].split(whereSeparator: { $0 == " " || $0 == "\t" })
                let paths = lines[1].split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard headers.count == paths.count else {
                    throw KubectlFailure.error("number of headers (\(headers.count)) does not match number of templates (\(paths.count))")
                }
                let spec = zip(headers, paths).map { "\($0):\($1)" }.joined(separator: ",")
                call.out(try CustomColumns(spec: spec).render(objects.map(\.1), noHeaders: call.flags.bool("no-headers")))
            case .goTemplate:
                throw KubectlFailure.error("go-template output is not available in kubelab; use -o jsonpath=...")
            case .wide:
                call.out(try GetCommand.table(objects, call: call, wide: true))
            }
        } catch let e as JSONPathError {
            throw KubectlFailure.error(e.message)
        }
    }
}
