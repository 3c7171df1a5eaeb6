/// Takes a terminal's inputs one at a time: the plain session (`SessionDriver`) or a lesson that
/// checks its steps around one. The REPL and `kubelab run` drive either the same way.
public protocol SessionInputHandler: AnyObject {
    var driver: SessionDriver { get }
    /// The prompt to show before the next input; a lesson adds where the learner is (`[01 3/9] $ `).
    var displayPrompt: String { get }
    func handle(_ input: CommandRecord.Input) -> CommandRecord
    /// Tab completion (see `LabSession.complete`).
    func complete(line: String, cursor: Int) -> [String]
}

extension SessionDriver: SessionInputHandler {
    public var driver: SessionDriver { self }
    public var displayPrompt: String { prompt }
    public func complete(line: String, cursor: Int) -> [String] { session.complete(line: line, cursor: cursor) }
}
