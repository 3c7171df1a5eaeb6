import KubeAPI

/// When a CronJob's next job is due (upstream's `mostRecentScheduleTime` and
/// `nextScheduleTime` in cronjob/utils.go), computed from its schedule, zone, creation time,
/// last schedule time and starting deadline.
struct CronJobSchedule {
    let expression: CronExpression
    let zone: CronTimeZone

    /// How far past the schedule the controller looks again, so the job lands after the minute turns.
    static let nextScheduleDelta: Millis = 100
    /// More missed start times than this earn the TooManyMissedTimes warning.
    static let manyMissedLimit = 100

    /// The result of looking back from `now`.
    struct Due: Equatable {
        /// The most recent start time not yet run (nil: nothing due).
        var scheduled: Millis?
        /// How many start times were missed since the last one run, roughly (as upstream counts).
        var missed: Int
    }

    /// Parses `cronJob`'s schedule and zone; the error is what the controller's event says.
    static func of(_ cronJob: JSONValue) -> Result<CronJobSchedule, CronJobScheduleError> {
        let text = cronJob.spec["schedule"].string ?? ""
        let expression: CronExpression
        switch CronExpression.parse(text) {
        case .success(let e): expression = e
        case .failure(let e): return .failure(.unparseable("unparseable schedule: \(GoFormat.quoted(text)) : \(e.message)"))
        }
        let zoneName = cronJob.spec["timeZone"].string ?? ""
        switch CronTimeZone.named(zoneName) {
        case .success(let zone): return .success(CronJobSchedule(expression: expression, zone: zone))
        case .failure(let e): return .failure(.unknownZone("invalid timeZone: \(GoFormat.quoted(zoneName)): \(e.message)"))
        }
    }

    func next(after t: Millis) -> Millis? { expression.next(after: t, in: zone) }

    /// The start time to run now, looking from the later of creation, the last scheduled time and
    /// (when `startingDeadlineSeconds` is set) `now` minus the deadline.
    func due(for cronJob: JSONValue, now: Millis, honourDeadline: Bool = true) -> Due {
        var earliest = cronJob.creationTimestamp.flatMap(Timestamp.parse) ?? now
        if let last = cronJob.status["lastScheduleTime"].string.flatMap(Timestamp.parse) { earliest = last }
        if honourDeadline, let deadline = cronJob.spec["startingDeadlineSeconds"].int {
            earliest = max(earliest, now - Millis(max(0, min(deadline, 1 << 40))) * 1000)
        }
        guard let t1 = next(after: earliest), t1 <= now else { return Due(scheduled: nil, missed: 0) }
        guard let t2 = next(after: t1), t2 <= now else { return Due(scheduled: t1, missed: 1) }
        let between = max(1000, t2 - t1)
        let missed = Int(min(Millis(Int.max / 2), (now - t1) / between + 1))
        // Walk to the last start time not after now, from close to now when many were missed.
        var t = missed > 1000 ? max(t1, now - 2 * between) : t1
        var latest = t1
        var steps = 0
        while let n = next(after: t), n <= now, steps < 200_000 {
            latest = n
            t = n
            steps += 1
        }
        return Due(scheduled: latest, missed: missed)
    }

    /// When the controller should look again after `now`.
    func wakeAfter(_ now: Millis) -> Millis? { next(after: now).map { $0 + Self.nextScheduleDelta } }

    /// `<cronjob>-<scheduled time in minutes since the epoch>` (getJobName).
    static func jobName(_ cronJob: String, scheduled: Millis) -> String {
        "\(cronJob)-\(scheduled >= 0 ? scheduled / 60_000 : (scheduled - 59_999) / 60_000)"
    }
}

enum CronJobScheduleError: Error, Equatable {
    case unparseable(String)
    case unknownZone(String)
}
