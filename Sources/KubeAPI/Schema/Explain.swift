/// A `kubectl explain` failure, already in kubectl's words (`error: field "bogus" does not exist`).
public struct ExplainError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// `kubectl explain`, rendered like kubectl's OpenAPI v3 plaintext template.
public enum Explain {
    /// Renders the explanation of `path` as the user typed it (`sts.spec.podManagementPolicy`, `pods`).
    ///
    /// The text is complete, including its final blank line; print it without adding a newline.
    public static func render(path: String, apiVersion: String? = nil, recursive: Bool = false) throws(ExplainError) -> String {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let resourceName = parts.first ?? ""
        guard let resource = ResourceRegistry.lookup(resourceName) else {
            if let unserved = UnservedResources.lookup(resourceName) { throw ExplainError("error: " + unserved.notSimulatedMessage) }
            throw ExplainError("error: the server doesn't have a resource type \"\(resourceName)\"")
        }
        if let apiVersion, !apiVersion.isEmpty, apiVersion != resource.apiVersion {
            let (group, version) = splitAPIVersion(apiVersion)
            throw ExplainError("error: GVR (\(group)/\(version), Resource=\(resource.plural)) not found in OpenAPI schema")
        }
        guard let schema = KindRegistry.descriptor(forKind: resource.kind)?.schema else {
            throw ExplainError("error: GVR (\(resource.group)/\(resource.version), Resource=\(resource.plural)) not found in OpenAPI schema")
        }
        let fieldPath = Array(parts.dropFirst())

        var out = ""
        if !resource.group.isEmpty { out += "GROUP:      \(resource.group)\n" }
        out += "KIND:       \(resource.kind)\n"
        out += "VERSION:    \(resource.version)\n"
        out += "\n"

        if fieldPath.isEmpty {
            out += body(description: schema.description + "\n", object: schema, recursive: recursive)
        } else {
            var current = schema
            var field: FieldSchema?
            for (i, name) in fieldPath.enumerated() {
                guard let f = current.field(name) else { throw doesNotExist(fieldPath) }
                field = f
                if i < fieldPath.count - 1 {
                    guard let next = f.type.innerObject else { throw doesNotExist(fieldPath) }
                    current = next
                }
            }
            guard let field else { throw doesNotExist(fieldPath) }
            out += "FIELD: \(field.name) <\(field.type.explainName)>\n"
            if !field.enumValues.isEmpty {
                out += "ENUM:"
                for value in field.enumValues { out += "\n    " + enumText(value) }
            }
            out += "\n\n"
            var description = field.fullDescription.isEmpty ? "" : field.fullDescription + "\n"
            if let typeText = field.type.typeDescription { description += typeText + "\n" }
            out += body(description: description, object: field.type.innerObject, recursive: recursive)
        }
        out += "\n"
        return out
    }

    private static func doesNotExist(_ fieldPath: [String]) -> ExplainError {
        ExplainError("error: field \"\(fieldPath.last ?? "")\" does not exist")
    }

    private static func splitAPIVersion(_ text: String) -> (String, String) {
        guard let slash = text.firstIndex(of: "/") else { return ("", text) }
        return (String(text[..<slash]), String(text[text.index(after: slash)...]))
    }

    private static func enumText(_ value: String) -> String { value.isEmpty ? "\"\"" : value }

    /// `DESCRIPTION:` and, for objects, `FIELDS:`.
    private static func body(description: String, object: ObjectSchema?, recursive: Bool) -> String {
        var out = "DESCRIPTION:\n"
        out += indent(wrap(description.isEmpty ? "<empty>" : description, 76), 4) + "\n"
        if let object {
            var list = ""
            var ancestors: Set<ObjectIdentifier> = [ObjectIdentifier(object)]
            fieldList(object, level: 1, recursive: recursive, ancestors: &ancestors, into: &list)
            if !list.isEmpty { out += "FIELDS:\n" + list }
        }
        return out
    }

    private static func fieldList(_ object: ObjectSchema, level: Int, recursive: Bool,
                                  ancestors: inout Set<ObjectIdentifier>, into out: inout String)
    {
        let indentAmount = level * 2
        let pad = String(repeating: " ", count: indentAmount)
        for field in object.fields.sorted(by: { $0.name < $1.name }) {
            out += pad + field.name + "\t<" + field.type.explainName + ">"
            if field.required { out += " -required-" }
            if !field.enumValues.isEmpty {
                out += "\n" + pad + "enum: "
                for (i, value) in field.enumValues.enumerated() {
                    if i >= 4 { out += ", ...."; break }
                    if i > 0 { out += ", " }
                    out += enumText(value)
                }
            }
            out += "\n"
            if recursive {
                // Depth is bounded by the acyclic catalogue; the ancestor set guards against cycles anyway.
                if let child = field.type.innerObject, !ancestors.contains(ObjectIdentifier(child)) {
                    ancestors.insert(ObjectIdentifier(child))
                    fieldList(child, level: level + 1, recursive: true, ancestors: &ancestors, into: &out)
                    ancestors.remove(ObjectIdentifier(child))
                }
            } else {
                let text = field.fullDescription.isEmpty ? "<no description>" : field.fullDescription
                out += indent(wrap(text, 78 - indentAmount), indentAmount + 2) + "\n\n"
            }
        }
    }

    /// sprig's `indent`: pad the first line and every line after a newline.
    static func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return pad + text.replacingNewlines(with: "\n" + pad)
    }

    /// Word wrapping as github.com/mitchellh/go-wordwrap does it (kubectl's explain `wrap`).
    static func wrap(_ text: String, _ limit: Int) -> String {
        var out = ""
        var current = 0
        var word = "", space = ""
        var wordLen = 0, spaceLen = 0
        for ch in text {
            if ch == "\n" {
                if wordLen == 0 {
                    if current + spaceLen <= limit { out += space }
                } else {
                    out += space + word
                }
                space = ""; spaceLen = 0; word = ""; wordLen = 0
                out += "\n"
                current = 0
            } else if ch.isWhitespace && ch != "\u{A0}" {
                if spaceLen == 0 || wordLen > 0 {
                    current += spaceLen + wordLen
                    out += space + word
                    space = ""; spaceLen = 0; word = ""; wordLen = 0
                }
                space.append(ch); spaceLen += 1
            } else {
                word.append(ch); wordLen += 1
                if current + spaceLen + wordLen > limit && wordLen < limit {
                    out += "\n"
                    current = 0
                    space = ""; spaceLen = 0
                }
            }
        }
        if wordLen == 0 {
            if current + spaceLen <= limit { out += space }
        } else {
            out += space + word
        }
        return out
    }
}

extension String {
    fileprivate func replacingNewlines(with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in self { if ch == "\n" { out += replacement } else { out.append(ch) } }
        return out
    }
}
