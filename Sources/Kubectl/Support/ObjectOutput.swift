import KubeAPI

/// Prints objects in any `-o` format through the printers' one `GetOutput.render`, after
/// resolving what needs the working directory (`custom-columns-file`).
enum ObjectOutput {
    /// - Parameters:
    ///   - singleItem: one named object prints bare; otherwise objects print as a `List`.
    ///   - withKind: table names get their kind prefix even when only one type has rows.
    static func print(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation, singleItem: Bool = true,
                      withKind: Bool = false) throws {
        var groups: [ResourceGroup] = []
        for (r, o) in objects {
            if let last = groups.last, last.type == r { groups[groups.count - 1].objects.append(o) }
            else { groups.append(ResourceGroup(r, [o])) }
        }
        var format = format
        switch format {
        case .customColumnsFile(let path):
            format = .customColumns(try columnsSpec(fromFile: path, call: call))
        case .goTemplate:
            throw KubectlFailure.error("go-template output is not available in kubelab; use -o jsonpath=...")
        default:
            break
        }
        var options = GetCommand.tableOptions(call)
        if withKind { options.withKind = true }
        do {
            call.out(try GetOutput.render(groups, format: format, options: options,
                                          singleItemImplied: singleItem, now: call.cluster.now))
        } catch {
            throw KubectlFailure.error(error.message)
        }
    }

    /// Verbs that change objects (apply, create, scale) print each one as it is done: bare objects,
    /// YAML documents separated by `---` (the YAML printer's count), never a List.
    static func printEach(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation) throws {
        for (i, object) in objects.enumerated() {
            if i > 0 && format == .yaml { call.out("---\n") }
            try print([object], format: format, call: call, singleItem: true)
        }
    }

    /// A custom-columns file: a line of headers over a line of paths.
    static func columnsSpec(fromFile path: String, call: Invocation) throws -> String {
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
        return zip(headers, paths).map { "\($0):\($1)" }.joined(separator: ",")
    }
}
