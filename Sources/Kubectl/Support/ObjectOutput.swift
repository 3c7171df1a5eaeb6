import KubeAPI

/// Prints objects in any `-o` format through the printers' one `GetOutput.render`, after
/// resolving what needs the working directory (`custom-columns-file`).
enum ObjectOutput {
    /// - Parameters:
    ///   - singleItem: one named object prints bare; otherwise objects print as a `List`.
    ///   - withKind: table names get their kind prefix even when only one type has rows.
    ///   - fieldOrder: the objects were built by a generator (client dry run), so go-template's
    ///     debugging text shows their JSON in field order.
    static func print(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation, singleItem: Bool = true,
                      withKind: Bool = false, fieldOrder: Bool = false) throws {
        var groups: [ResourceGroup] = []
        for (r, o) in objects {
            if let last = groups.last, last.type == r { groups[groups.count - 1].objects.append(o) }
            else { groups.append(ResourceGroup(r, [o])) }
        }
        var format = format
        switch format {
        case .customColumnsFile(let path):
            format = .customColumns(try columnsSpec(fromFile: path, call: call))
        case .goTemplateFile(let path):
            format = .goTemplate(try templateText(fromFile: path, call: call))
        case .jsonpathFile(let path):
            format = .jsonpath(try templateText(fromFile: path, call: call))
        default:
            break
        }
        var options = GetCommand.tableOptions(call)
        if withKind { options.withKind = true }
        let template = TemplateOptions(allowMissingKeys: call.flags.string("allow-missing-template-keys") != "false",
                                       rawDataInFieldOrder: fieldOrder)
        do {
            call.out(try GetOutput.render(groups, format: format, options: options,
                                          singleItemImplied: singleItem, template: template, now: call.cluster.now))
        } catch {
            if !error.printed.isEmpty { call.out(error.printed) }
            if error.isLimit { throw KubectlFailure("kubelab: kubectl: \(error.message)") }
            if let location = error.klogLocation { throw KubectlFailure(KlogLine.line("F", location, error.message, at: call.cluster.now)) }
            throw KubectlFailure.error(error.message)
        }
    }

    /// Verbs that change objects (apply, create, scale) print each one as it is done: bare objects,
    /// YAML documents separated by `---` (the YAML printer's count), never a List.
    static func printEach(_ objects: [(ResourceType, JSONValue)], format: OutputFormat, call: Invocation,
                          fieldOrder: Bool = false) throws {
        for (i, object) in objects.enumerated() {
            if i > 0 && format == .yaml { call.out("---\n") }
            try print([object], format: format, call: call, singleItem: true, fieldOrder: fieldOrder)
        }
    }

    /// `-o go-template-file=PATH` or `jsonpath-file=PATH`: the template, read below the working directory.
    static func templateText(fromFile path: String, call: Invocation) throws -> String {
        switch call.kubectl.files.read(path) {
        case .file(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .directory: throw KubectlFailure.error("error reading --template \(path), read \(path): is a directory")
        case .missing: throw KubectlFailure.error("error reading --template \(path), open \(path): no such file or directory")
        case .denied(let why): throw KubectlFailure.error("error reading --template \(path), \(why)")
        }
    }

    /// A custom-columns file: a line of headers over a line of paths, read line by line as
    /// NewCustomColumnsPrinterFromTemplate's scanner does (a directory opens but reads no line).
    static func columnsSpec(fromFile path: String, call: Invocation) throws -> String {
        let text: String
        switch call.kubectl.files.read(path) {
        case .file(let bytes): text = String(decoding: bytes, as: UTF8.self)
        case .directory: text = ""
        // customcolumn_flags.go's Errorf ends in a newline, so checkErr adds none.
        case .missing: throw KubectlFailure.error("error reading template \(path), open \(path): no such file or directory\n")
        case .denied(let why): throw KubectlFailure.error("error reading template \(path), \(why)\n")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if text.isEmpty || text.hasSuffix("\n") { lines.removeLast() }
        let expected = "Expected format is one line of space separated headers, one line of space separated column specs."
        guard lines.count >= 1 else { throw KubectlFailure.error("invalid template, missing header line. \(expected)") }
        guard lines.count >= 2 else { throw KubectlFailure.error("invalid template, missing spec line. \(expected)") }
        let headers = lines[0].split(whereSeparator: \.isWhitespace)
        let paths = lines[1].split(whereSeparator: \.isWhitespace)
        guard headers.count == paths.count else {
            throw KubectlFailure.error("number of headers (\(headers.count)) and field specifications (\(paths.count)) don't match")
        }
        return zip(headers, paths).map { "\($0):\($1)" }.joined(separator: ",")
    }
}
