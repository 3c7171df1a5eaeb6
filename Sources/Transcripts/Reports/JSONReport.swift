import Foundation

/// The report as JSON (documented in transcripts/README.md): keys sorted, so the same class
/// always gives the same bytes.
enum JSONReport {
    static func render(_ report: ClassReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func decode(_ bytes: [UInt8]) -> ClassReport? {
        try? JSONDecoder().decode(ClassReport.self, from: Data(bytes))
    }
}

extension ClassReport {
    /// Reads a report `--format json` wrote (for `--merge`).
    public static func fromJSON(_ bytes: [UInt8]) -> ClassReport? { JSONReport.decode(bytes) }
}
