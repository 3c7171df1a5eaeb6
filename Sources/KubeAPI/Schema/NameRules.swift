/// apimachinery's name and label checks, returning its exact messages.
public enum NameRules {
    public static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    public static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    public static let dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let qualifiedNameMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }

    static func isLabelShape(_ s: ArraySlice<UInt8>) -> Bool {
        guard let first = s.first, let last = s.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return s.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    // MARK: Allocation-free checks for the common, valid case

    /// The shape a valid name has, in the terms of `scan`.
    private struct Shape {
        var maxLength: Int
        var allowDot: Bool
        var upper: Bool
        var underscore: Bool
        var dotSegmentsAreLabels: Bool

        static let label = Shape(maxLength: 63, allowDot: false, upper: false, underscore: false, dotSegmentsAreLabels: false)
        static let subdomain = Shape(maxLength: 253, allowDot: true, upper: false, underscore: false, dotSegmentsAreLabels: true)
        /// A label value, and the name part of a qualified name.
        static let value = Shape(maxLength: 63, allowDot: true, upper: true, underscore: true, dotSegmentsAreLabels: false)
    }

    /// True when the bytes are a valid name of `shape`; the slow paths below only run on failure.
    /// It reads the string's own UTF-8 storage: label keys and values are checked on every object
    /// written, and stepping through a Substring's view cost more than the check.
    private static func scan(_ s: UnsafeBufferPointer<UInt8>, _ shape: Shape) -> Bool {
        guard !s.isEmpty, s.count <= shape.maxLength else { return false }
        var previous: UInt8 = 0
        for (i, c) in s.enumerated() {
            let lowerAlnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
            let alnum = lowerAlnum || (shape.upper && c >= 65 && c <= 90)
            if alnum {
            } else if c == UInt8(ascii: "-") || (shape.underscore && c == UInt8(ascii: "_")) {
                if i == 0 { return false }
            } else if shape.allowDot && c == UInt8(ascii: ".") {
                if i == 0 { return false }
                if shape.dotSegmentsAreLabels && previous == UInt8(ascii: "-") { return false }
            } else {
                return false
            }
            if shape.dotSegmentsAreLabels && previous == UInt8(ascii: ".") && !alnum { return false }
            previous = c
        }
        return (previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57) || (shape.upper && previous >= 65 && previous <= 90)
    }

    /// `body` over the string's UTF-8 bytes, copied only for a string without contiguous storage.
    private static func withBytes(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var s = s
        return s.withUTF8(body)
    }

    static func isDNS1123Label(_ s: String) -> Bool { withBytes(s) { scan($0, .label) } }
    static func isDNS1123Subdomain(_ s: String) -> Bool { withBytes(s) { scan($0, .subdomain) } }
    static func isLabelValue(_ s: String) -> Bool { s.isEmpty || withBytes(s) { scan($0, .value) } }
    static func isQualifiedName(_ s: String) -> Bool {
        withBytes(s) { bytes in
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return scan(bytes, .value) }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<slash])
            let name = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
            return scan(prefix, .subdomain) && !name.contains(UInt8(ascii: "/")) && scan(name, .value)
        }
    }

    /// Messages for an RFC 1123 label (namespaces, StatefulSets, container and volume names).
    public static func dns1123Label(_ name: String) -> [String] {
        if isDNS1123Label(name) { return [] }
        var errors: [String] = []
        let bytes = Array(name.utf8)
        if bytes.count > 63 { errors.append("must be no more than 63 characters") }
        if !isLabelShape(bytes[...]) { errors.append(dns1123LabelMessage) }
        return errors
    }

    /// Messages for an RFC 1123 subdomain (most object names).
    public static func dns1123Subdomain(_ name: String) -> [String] {
        if isDNS1123Subdomain(name) { return [] }
        var errors: [String] = []
        let bytes = Array(name.utf8)
        if bytes.count > 253 { errors.append("must be no more than 253 characters") }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if !parts.allSatisfy(isLabelShape) { errors.append(dns1123SubdomainMessage) }
        return errors
    }

    /// Messages for a DNS-1035 label (Service names).
    public static func dns1035Label(_ name: String) -> [String] {
        var errors: [String] = []
        let bytes = Array(name.utf8)
        if bytes.count > 63 { errors.append("must be no more than 63 characters") }
        if !(isLabelShape(bytes[...]) && bytes.first.map { $0 >= 97 && $0 <= 122 } == true) { errors.append(dns1035LabelMessage) }
        return errors
    }

    /// Messages for a label value.
    public static func labelValue(_ value: String) -> [String] {
        if isLabelValue(value) { return [] }
        var errors: [String] = []
        let bytes = Array(value.utf8)
        if bytes.count > 63 { errors.append("must be no more than 63 characters") }
        if !bytes.isEmpty && !isQualifiedPart(bytes[...]) { errors.append(labelValueMessage) }
        return errors
    }

    static func isQualifiedPart(_ s: ArraySlice<UInt8>) -> Bool {
        guard let first = s.first, let last = s.last, isAlnum(first), isAlnum(last) else { return false }
        return s.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// Messages for a label or annotation key (`prefix/name`); an empty name fails the pattern too,
    /// so it gets both messages, as `validation.IsQualifiedName` gives them.
    public static func qualifiedName(_ key: String) -> [String] {
        if isQualifiedName(key) { return [] }
        let bytes = Array(key.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        var name = bytes[...]
        var errors: [String] = []
        if parts.count == 2 {
            let prefix = String(decoding: parts[0], as: UTF8.self)
            if prefix.isEmpty { errors.append("prefix part must be non-empty") }
            else { errors += dns1123Subdomain(prefix).map { "prefix part " + $0 } }
            name = parts[1]
        } else if parts.count > 2 {
            return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty { errors.append("name part must be non-empty") }
        else if name.count > 63 { errors.append("name part must be no more than 63 characters") }
        if !isQualifiedPart(name) { errors.append(qualifiedNameMessage) }
        return errors
    }
}

/// Go's `%q` / `%#v` renderings used inside field error values.
public enum GoFormat {
    /// Go's `%q` (strconv.Quote): what the API server and kubectl put around names, so a typed
    /// `$'\e[31mred'` comes back as `"\x1b[31mred"` and never reaches a terminal as an escape.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { out += "\\x" + hex(scalar.value, 2) }
                else if !isPrintable(scalar) { out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, 8) : "\\u" + hex(scalar.value, 4) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    /// Everything else (C1 controls, zero-width and bidirectional marks, other spaces) is escaped.
    private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s == " " { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `map[string]string{"app":"x", "tier":"db"}` with keys sorted, as `%#v` prints it.
    static func stringMap(_ m: [String: String]) -> String {
        "map[string]string{" + m.keys.sorted().map { "\(quoted($0)):\(quoted(m[$0] ?? ""))" }.joined(separator: ", ") + "}"
    }

    /// `[]string{"a", "b"}`
    static func stringSlice(_ a: [String]) -> String {
        "[]string{" + a.map(quoted).joined(separator: ", ") + "}"
    }

    /// A JSON scalar the way field errors print it: strings quoted, numbers and booleans bare.
    static func value(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return quoted(s)
        case .null: return "null"
        default: return v.scalarText ?? "null"
        }
    }
}
