/// Why a lesson could not be loaded: the file, the line (when known) and the problem, as a
/// compiler names them (`lessons/01-basics/lesson.yaml:12: unknown key 'chek' in step 'apply'`).
public struct LessonLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
