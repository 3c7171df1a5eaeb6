/// Re-runs a recorded input on a session so that it does what it did when recorded: it starts at
/// its time mark, and every wait inside it ends by the recorded end at the latest, as the person's
/// Ctrl-C (or the wall clock) ended it then. Scripts' waits end by themselves, within the bound.
public enum RecordReplay {
    @discardableResult
    public static func replay(_ record: CommandRecord, on handler: SessionInputHandler) -> CommandRecord {
        let driver = handler.driver
        let session = driver.session
        let terminal = driver.terminal
        session.advanceClock(toMillis: record.startMillis)
        let savedWait = terminal.wait
        let savedInterrupted = terminal.isInterrupted
        var cut = false
        let bound = record.endMillis
        terminal.wait = { [unowned session] ms in
            let now = session.clockMillis
            if now + max(0, ms) <= bound {
                session.advanceWallClock(ms: max(0, ms))
                return true
            }
            session.advanceClock(toMillis: bound)
            cut = true
            return false
        }
        terminal.isInterrupted = { cut }
        let replayed = handler.handle(record.input)
        terminal.wait = savedWait
        terminal.isInterrupted = savedInterrupted
        session.advanceClock(toMillis: bound)
        var result = replayed
        result.endMillis = session.clockMillis
        return result
    }
}
