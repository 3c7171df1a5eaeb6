import CLibEdit
import KubeLabCLI
#if canImport(Glibc)
import Glibc
#endif

/// Line editing on a terminal through libedit's wide-character API: UTF-8 input (Korean,
/// Japanese) edits by character, history persists in the working directory, Tab completes
/// through the session, and Ctrl-C abandons the line instead of being swallowed.
final class EditLineReader: LineReader {
    /// Enough for a long session; libedit drops the oldest entries beyond it.
    static let historySize: Int32 = 1000

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private let complete: (String, Int) -> [String]
    private var promptBuffer: UnsafeMutablePointer<wchar_t>
    /// The line and cursor at the last Tab that did not finish a word: a Tab on the same state lists.
    private var lastTabState: (line: String, cursor: Int)?
    private var isClosed = false

    /// `historyFile` is a plain name in the working directory; nil when it is unusable.
    /// Returns nil when libedit cannot start on this terminal.
    init?(historyFile: String, complete: @escaping (String, Int) -> [String]) {
        guard let editor = cel_init_stdio("kubelab") else { return nil }
        guard let history = history_winit() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.complete = complete
        historyPath = Self.usableHistoryPath(historyFile)
        promptBuffer = Self.wideCopy("")

        _ = cel_set_editor(editor, "emacs")
        _ = cel_set_signal(editor, 1)  // libedit restores the tty on signals and follows SIGWINCH
        _ = cel_hist_setsize(history, Self.historySize)
        _ = cel_hist_setunique(history, 1)
        if let historyPath { _ = cel_hist_load(history, historyPath) }
        _ = cel_set_history(editor, history)
        _ = cel_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = cel_set_prompt(editor) { editor in
            guard let editor, let reader = EditLineReader.owner(of: editor) else { return nil }
            return reader.promptBuffer
        }
        _ = cel_add_fn(editor, "kubelab-complete", "Complete the word before the cursor") { editor, _ in
            guard let editor, let reader = EditLineReader.owner(of: editor) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor(editor)
        }
        _ = cel_bind(editor, "\t", "kubelab-complete")
    }

    deinit { close() }

    /// Restores the terminal and frees libedit; safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        el_end(editor)
        history_wend(history)
        promptBuffer.deallocate()
    }

    var isTerminal: Bool { true }

    func readLine(prompt: String) -> LineInput {
        promptBuffer.deallocate()
        promptBuffer = Self.wideCopy(prompt)
        lastTabState = nil
        var count: Int32 = 0
        errno = 0
        guard let wide = el_wgets(editor, &count) else {
            if count == -1 && errno == EINTR {
                // Drop what was typed so the next prompt starts empty, and leave this line.
                el_reset(editor)
                FileDescriptorWriter.standardOutput.write("\n")
                return .interrupted
            }
            return .endOfInput
        }
        var line = Self.string(from: wide, count: Int(max(0, count)))
        if line.unicodeScalars.last == "\n" { line.unicodeScalars.removeLast() }
        return .line(line)
    }

    func remember(_ line: String) {
        let wide = Self.wideCopy(line)
        defer { wide.deallocate() }
        _ = cel_hist_enter(history, wide)
        if let historyPath { _ = cel_hist_save(history, historyPath) }
    }

    /// Tab: ask the session for candidates of the word before the cursor and act as bash does.
    private func completeAtCursor(_ editor: OpaquePointer) -> UInt8 {
        guard let info = el_wline(editor)?.pointee, let start = info.buffer, let cursor = info.cursor,
            let end = info.lastchar
        else { return UInt8(CC_ERROR) }
        let line = Self.string(from: start, count: end - start)
        let cursorCharacters = Self.string(from: start, count: cursor - start).count
        let word = CompletionPlanner.currentWord(line: line, cursor: cursorCharacters)
        let repeated = lastTabState.map { $0.line == line && $0.cursor == cursorCharacters } ?? false
        let action = CompletionPlanner.plan(
            word: word, candidates: complete(line, cursorCharacters), repeatedTab: repeated)
        switch action {
        case .complete(let text):
            lastTabState = nil
            insert(text)
            return UInt8(CC_REFRESH)
        case .extend(let text):
            insert(text)
            lastTabState = (line + text, cursorCharacters + text.count)
            return UInt8(CC_REFRESH_BEEP)
        case .list(let candidates):
            lastTabState = (line, cursorCharacters)
            cel_flush_stdout()
            let listing = CompletionPlanner.layout(candidates, width: Int(cel_terminal_columns()))
            FileDescriptorWriter.standardOutput.write("\n" + listing)
            return UInt8(CC_REDISPLAY)
        case .beep:
            lastTabState = (line, cursorCharacters)
            return UInt8(CC_REFRESH_BEEP)
        }
    }

    private func insert(_ text: String) {
        let wide = Self.wideCopy(text)
        defer { wide.deallocate() }
        _ = cel_insert(editor, wide)
    }

    private static func owner(of editor: OpaquePointer) -> EditLineReader? {
        guard let raw = cel_get_clientdata(editor) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue()
    }

    /// wchar_t is a UTF-32 code unit on Linux; anything that is not a scalar becomes U+FFFD.
    private static func string(from wide: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for index in 0..<max(0, count) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: wide[index])) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// A NUL-terminated wide copy the caller deallocates.
    private static func wideCopy(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let scalars = Array(text.unicodeScalars)
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { buffer[index] = wchar_t(bitPattern: scalar.value) }
        buffer[scalars.count] = 0
        return buffer
    }

    /// History stays in the working directory: a plain file name, and never through a symbolic link.
    private static func usableHistoryPath(_ name: String) -> String? {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return nil }
        var info = stat()
        if lstat(name, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { return nil }
        return name
    }
}
