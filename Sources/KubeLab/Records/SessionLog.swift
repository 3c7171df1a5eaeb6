import Foundation
import PodShell

/// A session's header and its records: what a transcript file holds, what a lesson's progress is,
/// and what replay, resume, undo and grading re-run.
public struct SessionLog: Equatable, Sendable {
    public var header: SessionHeader
    public var records: [CommandRecord]

    public init(header: SessionHeader, records: [CommandRecord] = []) {
        self.header = header
        self.records = records
    }
}

/// The transcript text format (see transcripts/README.md): a `#`-comment header, then per input a
/// mark line, the prompt with what was typed, and exactly the output's bytes.
///
///     # kubelab transcript 1
///     # version: 0.2.0
///     # seed: 1
///     ...
///     #> L 1520 4520 0 1 2 87
///     $ kubectl apply -f visit-cnt-stfs.yaml
///     service/visit-cnt-stfs-svc created
///
/// The mark says the kind of input (L a line, C Ctrl-C, D Ctrl-D), the cluster time before and
/// after (ms since the start), the exit status, how many programs were open (1: the host shell),
/// the prompt's length and the output's length in UTF-8 bytes. The lengths make parsing exact whatever a command printed, and an output edited by
/// hand no longer fits its mark.
public enum SessionLogFormat {
    public static let magic = "# kubelab transcript 1"
    public static let markPrefix = "#> "
    /// Time marks beyond a year are refused: no session lasts that long, and clocks stay far from overflow.
    public static let maximumMillis: Int64 = 366 * 24 * 3_600_000
    /// A note between records, for people and for `kubelab lesson`'s listing; replay skips it.
    public static let notePrefix = "#= "

    public static func encodeNote(_ note: String) -> String {
        notePrefix + note.replacingNewlines + "\n"
    }

    public static func encodeHeader(_ header: SessionHeader) -> String {
        var text = magic + "\n"
        text += "# version: \(header.version)\n"
        if let lesson = header.lesson { text += "# lesson: \(lesson)\n" }
        text += "# seed: \(header.seed)\n"
        text += "# nodes: \(header.nodes)\n"
        if !header.nodeNames.isEmpty { text += "# node-names: \(header.nodeNames.joined(separator: ","))\n" }
        text += "# lang: \(header.language.rawValue)\n"
        text += "# mode: \(header.mode == .interactive ? "interactive" : "script")\n"
        if !header.started.isEmpty { text += "# started: \(header.started)\n" }
        return text + "#\n"
    }

    public static func encodeRecord(_ record: CommandRecord) -> String {
        let kind: String
        let typed: String
        switch record.input {
        case .line(let line): (kind, typed) = ("L", line)
        case .interrupt: (kind, typed) = ("C", "^C")
        case .endOfInput: (kind, typed) = ("D", "^D")
        }
        var text = markPrefix + "\(kind) \(record.startMillis) \(record.endMillis) \(record.exitStatus) \(record.depth) "
        text += "\(record.prompt.utf8.count) \(record.output.utf8.count)\n"
        text += record.prompt + typed.replacingNewlines + "\n" + record.output
        if !record.output.isEmpty && record.output.utf8.last != UInt8(ascii: "\n") { text += "\n" }
        return text
    }

    public static func encode(_ log: SessionLog) -> String {
        log.records.reduce(encodeHeader(log.header)) { $0 + encodeRecord($1) }
    }
}

extension String {
    /// A typed line never holds a newline; one that does (a hostile file) is kept on one line.
    fileprivate var replacingNewlines: String {
        contains("\n") || contains("\r") ? replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") : self
    }
}
