import PodShell

/// Why a transcript could not be read, with the line it stopped at.
public struct SessionLogError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Reads the transcript format `SessionLogFormat` writes. Untrusted input: every number is
/// range-checked, lengths must fit the bytes that are there, and the sizes are bounded.
public enum SessionLogParser {
    public struct Limits: Sendable {
        public var maximumBytes: Int
        public var maximumRecords: Int

        public init(maximumBytes: Int = 64 << 20, maximumRecords: Int = 100_000) {
            self.maximumBytes = maximumBytes
            self.maximumRecords = maximumRecords
        }
    }

    /// A parsed log, and whether its last record was cut short (a crash while writing it); such a
    /// record is dropped.
    public struct Result: Sendable {
        public var log: SessionLog
        public var droppedIncompleteRecord: Bool
        /// The last `#= ` note line (a lesson writes where the learner stands); replay ignores notes.
        public var lastNote: String?
        /// Lines of marks whose start is earlier than the previous command's end.
        public var timeGoesBackAt: [Int] = []
    }

    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws(SessionLogError) -> Result {
        guard bytes.count <= limits.maximumBytes else {
            throw SessionLogError(line: 1, "the transcript is larger than \(limits.maximumBytes >> 20) MiB")
        }
        var cursor = Cursor(bytes: bytes)
        guard let first = cursor.nextLine(), first == SessionLogFormat.magic else {
            throw SessionLogError(line: 1, "not a kubelab transcript (the first line must be '\(SessionLogFormat.magic)')")
        }
        var header = SessionHeader(version: "", seed: 0, nodes: 0)
        var seen: Set<String> = []
        while let peek = cursor.peekLine(), peek.hasPrefix("#"), !peek.hasPrefix(SessionLogFormat.markPrefix) {
            _ = cursor.nextLine()
            let body = peek.dropFirst().drop { $0 == " " }
            if body.isEmpty { break }
            guard let colon = body.firstIndex(of: ":") else {
                throw SessionLogError(line: cursor.line - 1, "a header line must read '# key: value'")
            }
            let key = String(body[..<colon])
            let value = String(body[body.index(after: colon)...].drop { $0 == " " })
            guard seen.insert(key).inserted else { throw SessionLogError(line: cursor.line - 1, "header '\(key)' appears twice") }
            switch key {
            case "version": header.version = value
            case "lesson": header.lesson = value
            case "seed":
                guard let seed = UInt64(value) else { throw SessionLogError(line: cursor.line - 1, "seed '\(value)' is not a number") }
                header.seed = seed
            case "nodes":
                guard let nodes = Int(value), LabOptions.nodeRange.contains(nodes) else {
                    throw SessionLogError(line: cursor.line - 1, "nodes must be from \(LabOptions.nodeRange.lowerBound) to \(LabOptions.nodeRange.upperBound)")
                }
                header.nodes = nodes
            case "lang":
                guard let language = Language(rawValue: value) else {
                    throw SessionLogError(line: cursor.line - 1, "unknown language '\(value)'")
                }
                header.language = language
            case "mode":
                switch value {
                case "interactive": header.mode = .interactive
                case "script": header.mode = .script
                default: throw SessionLogError(line: cursor.line - 1, "mode must be interactive or script")
                }
            case "started": header.started = value
            case "node-names":
                let names = value.split(separator: ",").map(String.init)
                if let problem = LabOptions.problem(withNodeNames: names) { throw SessionLogError(line: cursor.line - 1, problem) }
                header.nodeNames = names
            default: break  // later versions may add headers; they do not change replay
            }
        }
        for required in ["version", "seed", "nodes", "lang", "mode"] where !seen.contains(required) {
            throw SessionLogError(line: cursor.line, "the header lacks '\(required)'")
        }
        var records: [CommandRecord] = []
        var dropped = false
        var lastNote: String?
        var backwards: [Int] = []
        var previousEnd: Int64 = 0
        while !cursor.atEnd {
            let markLine = cursor.line
            guard let mark = cursor.nextLine() else { break }
            if mark.isEmpty && cursor.atEnd { break }
            if mark.hasPrefix(SessionLogFormat.notePrefix) {
                lastNote = String(mark.dropFirst(SessionLogFormat.notePrefix.count))
                continue
            }
            guard mark.hasPrefix(SessionLogFormat.markPrefix) else {
                throw SessionLogError(line: markLine, "expected a '#>' mark line, found text no mark accounts for")
            }
            let fields = mark.dropFirst(SessionLogFormat.markPrefix.count).split(separator: " ")
            guard fields.count == 7, let kind = fields.first, ["L", "C", "D"].contains(kind),
                let start = Int64(fields[1]), let end = Int64(fields[2]), let status = Int32(fields[3]),
                let depth = Int(fields[4]), let promptBytes = Int(fields[5]), let outputBytes = Int(fields[6]),
                start >= 0, end >= start, end <= SessionLogFormat.maximumMillis, promptBytes >= 0, outputBytes >= 0, (0...255).contains(status),
                (1...1000).contains(depth)
            else {
                throw SessionLogError(line: markLine, "a mark reads '#> KIND START END STATUS DEPTH PROMPT-BYTES OUTPUT-BYTES'")
            }
            // A mark earlier than the last one's end cannot come from a recording: kept, and reported.
            if start < previousEnd { backwards.append(markLine) }
            guard records.count < limits.maximumRecords else {
                throw SessionLogError(line: markLine, "more than \(limits.maximumRecords) commands")
            }
            guard let typedLine = cursor.nextLineBytes() else { dropped = true; break }
            guard promptBytes <= typedLine.count else {
                throw SessionLogError(line: markLine + 1, "the prompt is longer than its line")
            }
            let promptEnd = typedLine.startIndex + promptBytes
            let prompt = String(decoding: typedLine[..<promptEnd], as: UTF8.self)
            let typed = String(decoding: typedLine[promptEnd...], as: UTF8.self)
            guard let output = cursor.take(outputBytes) else { dropped = true; break }
            let outputText = String(decoding: output, as: UTF8.self)
            if !output.isEmpty && output.last != UInt8(ascii: "\n") { cursor.skipNewline() }
            let input: CommandRecord.Input
            switch kind {
            case "C": input = .interrupt
            case "D": input = .endOfInput
            default: input = .line(typed)
            }
            records.append(CommandRecord(
                input: input, prompt: prompt, depth: depth, output: outputText, exitStatus: status,
                startMillis: start, endMillis: end))
            previousEnd = end
        }
        return Result(log: SessionLog(header: header, records: records), droppedIncompleteRecord: dropped, lastNote: lastNote, timeGoesBackAt: backwards)
    }

    /// Reads lines and byte runs off the input, counting lines for messages.
    struct Cursor {
        let bytes: [UInt8]
        var offset = 0
        var line = 1

        var atEnd: Bool { offset >= bytes.count }

        func peekLine() -> String? {
            guard offset < bytes.count else { return nil }
            let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }

        mutating func nextLine() -> String? {
            nextLineBytes().map { String(decoding: $0, as: UTF8.self) }
        }

        /// The next line without its newline; nil at the end or when the line has no newline yet
        /// (an unfinished write).
        mutating func nextLineBytes() -> ArraySlice<UInt8>? {
            guard offset < bytes.count, let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let slice = bytes[offset..<end]
            offset = end + 1
            line += 1
            return slice
        }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count <= bytes.count - offset else { return nil }
            let slice = bytes[offset..<offset + count]
            offset += count
            line += slice.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return slice
        }

        mutating func skipNewline() {
            if offset < bytes.count && bytes[offset] == UInt8(ascii: "\n") {
                offset += 1
                line += 1
            }
        }
    }
}
