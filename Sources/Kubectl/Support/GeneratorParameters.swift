import KubeAPI

/// How kubectl's object generators (`pkg/generate`, used by run, expose and create) read their
/// string parameters: one parser per parameter, so every command refuses a bad one in the same words.
enum GeneratorParameters {
    /// generate.ParseLabels (expose.go's parseLabels is the same): `k=v` pairs separated by commas,
    /// exactly one `=` in each, the key not empty. Values and keys are validated by the API server.
    static func labels(_ text: String) throws -> [String: String] {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw KubectlFailure.error("unexpected label spec: \(pair)") }
            guard !parts[0].isEmpty else { throw KubectlFailure.error("unexpected empty label key") }
            labels[String(parts[0])] = String(parts[1])
        }
        return labels
    }

    /// run.go's parseEnvs: `NAME=value`, split at the first `=`, the name a C identifier with
    /// `-` and `.` allowed (validation.IsEnvVarName; kubectl checks it even where the API
    /// server's relaxed rule would take more).
    static func env(_ pairs: [String]) throws -> [JSONValue] {
        try pairs.map { pair in
            guard let equals = pair.firstIndex(of: "="), isEnvVarName(pair[..<equals]) else {
                throw KubectlFailure.error("invalid env: \(pair)")
            }
            return ["name": .string(String(pair[..<equals])), "value": .string(String(pair[pair.index(after: equals)...]))]
        }
    }

    /// `[-._a-zA-Z][-._a-zA-Z0-9]*`.
    private static func isEnvVarName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first else { return false }
        func allowed(_ b: UInt8, digits: Bool) -> Bool {
            b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
                || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (digits && b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
        }
        return allowed(first, digits: false) && name.utf8.dropFirst().allSatisfy { allowed($0, digits: true) }
    }

    /// A port typed as text (run's updatePodPorts, expose's generate): strconv.Atoi, then Go's
    /// `int32(port)`, which wraps a number past 32 bits instead of refusing it; the API server
    /// then judges the range.
    static func port(_ text: String) throws -> Int {
        switch GoAtoi.parse(text) {
        case .success(let n): return Int(Int32(truncatingIfNeeded: n))
        case .failure(let failure): throw KubectlFailure.error(GoAtoi.message(text, failure))
        }
    }
}
