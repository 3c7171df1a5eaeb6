/// The CronJob checks of spec.schedule and spec.timeZone: robfig/cron's parser (`CronExpression`)
/// and Go's zone lookup (`CronTimeZone`), whose errors the API server reports; the controller
/// runs the schedule with the same parser.
enum CronSchedule {
    /// Every refusal of `spec.schedule` on create, as validateScheduleFormat gives them: the
    /// parser's, then the TZ rule's (both for `TZ=Bogus/Zone 0 9 * * *`).
    static func errorDetails(_ text: String) -> [String] {
        var details: [String] = []
        if case .failure(let e) = CronExpression.parse(text) { details.append(e.message) }
        if text.contains("TZ") { details.append("cannot use TZ or CRON_TZ in schedule, use timeZone field instead") }
        return details
    }

    /// `spec.timeZone`: nil, or a zone Go's time.LoadLocation knows.
    static func timeZoneDetail(_ zone: String) -> String? {
        if zone.isEmpty { return "timeZone must be nil or non-empty string" }
        if zone.lowercased() == "local" { return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones" }
        if case .failure(let e) = CronTimeZone.named(zone) { return e.message }
        return nil
    }
}
