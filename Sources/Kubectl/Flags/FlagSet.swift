/// Flags as spf13/pflag parses them for kubectl: `--name=value`, `--name value`, `-n value`,
/// `-nvalue`, grouped booleans (`-it`), flags anywhere among the arguments, `--` ending them.
public struct FlagSet: Sendable {
    /// `int` is pflag's IntVar where kubectl declares an int32 field; `int64` where it takes Go's
    /// 64-bit `int`/`int64` (`--grace-period`, `--tail`).
    public enum Kind: Sendable { case bool, string, int, int64, stringArray, duration }

    public struct Spec: Sendable {
        public let name: String
        public let shorthand: Character?
        public let kind: Kind
        /// Value used when the flag is absent (shown by help, read by `string(_:)`).
        public let defaultValue: String
        /// pflag's MarkDeprecated text: `Flag --NAME has been deprecated, TEXT` goes to stderr each
        /// time the flag is given.
        public let deprecated: String?
        /// For bool flags: `--flag` without a value means this (pflag's NoOptDefVal).
        public init(_ name: String, _ shorthand: Character? = nil, _ kind: Kind = .string, default d: String = "",
                    deprecated: String? = nil) {
            self.name = name
            self.shorthand = shorthand
            self.kind = kind
            self.defaultValue = kind == .bool && d.isEmpty ? "false" : d
            self.deprecated = deprecated
        }
    }

    public var specs: [Spec]

    public init(_ specs: [Spec]) { self.specs = specs }

    public func adding(_ more: [Spec]) -> FlagSet { FlagSet(specs + more) }

    func spec(named name: String) -> Spec? { specs.first { $0.name == name } }
    func spec(short c: Character) -> Spec? { specs.first { $0.shorthand == c } }
}

/// The outcome of parsing: flag values, positional arguments, and what followed `--`.
public struct ParsedFlags: Sendable {
    public var values: [String: [String]] = [:]
    public var positional: [String] = []
    /// Arguments after `--` (nil when there was no `--`).
    public var afterDash: [String]? = nil
    /// Each flag as it was given, in order, with the value pflag hands its ParseAll callback (a
    /// bool typed bare counts as `true`): what `--record` writes into the change-cause.
    public var occurrences: [(name: String, value: String)] = []
    let set: FlagSet

    public func isSet(_ name: String) -> Bool { values[name] != nil }

    public func string(_ name: String) -> String {
        values[name]?.last ?? set.spec(named: name)?.defaultValue ?? ""
    }

    public func strings(_ name: String) -> [String] {
        guard let vs = values[name] else { return [] }
        // stringArray/stringSlice flags also accept comma lists (`-f a.yaml,b.yaml`).
        return vs.flatMap { v in v.split(separator: ",", omittingEmptySubsequences: true).map(String.init) }
    }

    public func bool(_ name: String) -> Bool { string(name) == "true" }

    public func int(_ name: String) -> Int? { Int(string(name)) }
}

/// A flag error, worded like pflag; kubectl prints `error: <message>` plus a usage hint.
public struct FlagError: Error, Equatable, Sendable {
    public let message: String
}

extension FlagSet {
    public func parse(_ args: [String]) throws(FlagError) -> ParsedFlags {
        var out = ParsedFlags(set: self)
        var i = 0
        func need(_ display: String) throws(FlagError) -> String {
            i += 1
            guard i < args.count else { throw FlagError(message: "flag needs an argument: \(display)") }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            if a == "--" {
                out.afterDash = Array(args[(i + 1)...])
                break
            }
            if a.hasPrefix("--") {
                let body = a.dropFirst(2)
                let name: String
                var value: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    value = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let spec = spec(named: name) else { throw FlagError(message: "unknown flag: --\(name)") }
                if spec.kind == .bool {
                    let v = value ?? "true"
                    guard let b = Self.parseBool(v) else {
                        throw FlagError(message: "invalid argument \"\(v)\" for \"\(Self.display(spec))\" flag: strconv.ParseBool: parsing \"\(v)\": invalid syntax")
                    }
                    out.values[name, default: []].append(b ? "true" : "false")
                    out.occurrences.append((name, v))
                } else {
                    let v: String
                    if let value { v = value } else { v = try need("--\(name)") }
                    try Self.check(v, spec, display: Self.display(spec))
                    out.values[name, default: []].append(v)
                    out.occurrences.append((name, v))
                }
            } else if a.hasPrefix("-") && a.count > 1 && !Self.isNegativeNumber(a) {
                var chars = Array(a.dropFirst())
                while !chars.isEmpty {
                    let c = chars.removeFirst()
                    guard let spec = spec(short: c) else {
                        throw FlagError(message: "unknown shorthand flag: '\(c)' in \(a)")
                    }
                    if spec.kind == .bool {
                        if chars.first == "=" {
                            let v = String(chars.dropFirst())
                            guard let b = Self.parseBool(v) else {
                                throw FlagError(message: "invalid argument \"\(v)\" for \"-\(c), --\(spec.name)\" flag: strconv.ParseBool: parsing \"\(v)\": invalid syntax")
                            }
                            out.values[spec.name, default: []].append(b ? "true" : "false")
                            out.occurrences.append((spec.name, v))
                            chars = []
                        } else {
                            out.values[spec.name, default: []].append("true")
                            out.occurrences.append((spec.name, "true"))
                        }
                        continue
                    }
                    var v: String
                    if chars.isEmpty {
                        v = try need("'\(c)' in \(a)")
                    } else {
                        v = String(chars.first == "=" ? chars.dropFirst() : chars[...])
                        chars = []
                    }
                    try Self.check(v, spec, display: "-\(c), --\(spec.name)")
                    out.values[spec.name, default: []].append(v)
                    out.occurrences.append((spec.name, v))
                }
            } else {
                out.positional.append(a)
            }
            i += 1
        }
        return out
    }

    /// pflag names a flag with its shorthand in value errors, however it was typed.
    static func display(_ spec: Spec) -> String {
        spec.shorthand.map { "-\($0), --\(spec.name)" } ?? "--\(spec.name)"
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }

    static func isNegativeNumber(_ s: String) -> Bool { s.count > 1 && Int(s) != nil }

    static func check(_ v: String, _ spec: Spec, display: String) throws(FlagError) {
        switch spec.kind {
        case .int, .int64:
            if spec.kind == .int ? Int32(v) == nil : Int64(v) == nil {
                let reason = Int(v) != nil || (v.allSatisfy { $0.isNumber || $0 == "-" } && !v.isEmpty) ? "value out of range" : "invalid syntax"
                throw FlagError(message: "invalid argument \"\(v)\" for \"\(display)\" flag: strconv.ParseInt: parsing \"\(v)\": \(reason)")
            }
        case .duration:
            if Duration.parseGo(v) == nil {
                throw FlagError(message: "invalid argument \"\(v)\" for \"\(display)\" flag: time: invalid duration \"\(v)\"")
            }
        default: break
        }
    }
}

extension Duration {
    /// Go's time.ParseDuration subset: `30s`, `1m30s`, `2h`, `500ms`, `0`.
    public static func parseGo(_ s: String) -> Int64? {
        if s == "0" { return 0 }
        var total: Double = 0
        var num = ""
        var unit = ""
        var sawAny = false
        func flush() -> Bool {
            guard let n = Double(num) else { return false }
            let mult: Double
            switch unit {
            case "ns": mult = 1e-6
            case "us", "µs": mult = 1e-3
            case "ms": mult = 1
            case "s": mult = 1000
            case "m": mult = 60_000
            case "h": mult = 3_600_000
            default: return false
            }
            total += n * mult
            num = ""; unit = ""; sawAny = true
            return true
        }
        for c in s {
            if c.isNumber || c == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                num.append(c)
            } else {
                unit.append(c)
            }
        }
        guard flush(), sawAny else { return nil }
        // Go durations are int64 nanoseconds: beyond 2562047h47m16.854775807s ParseDuration fails.
        guard total <= Double(Int64.max) / 1e6 else { return nil }
        return Int64(total)
    }
}
