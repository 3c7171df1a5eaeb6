import Testing
@testable import KubeAPI

/// CronJob schedules as robfig/cron's standard parser reads them: activations in a zone's wall
/// time, and its error texts, which the API server repeats after `spec.schedule: Invalid value:`.
@Suite struct CronExpressionTests {
    static func at(_ text: String) -> Millis { Timestamp.parse(text)! }

    static func next(_ spec: String, after: String, zone: String = "UTC") -> String? {
        guard case .success(let e) = CronExpression.parse(spec), case .success(let z) = CronTimeZone.named(zone) else { return "unparsed" }
        return e.next(after: at(after), in: z).map(Timestamp.rfc3339)
    }

    static let activations: [(spec: String, after: String, zone: String, next: String?)] = [
        ("*/15 * * * *", "2025-06-02T09:07:30Z", "UTC", "2025-06-02T09:15:00Z"),
        ("*/1 * * * *", "2025-06-02T09:00:00Z", "UTC", "2025-06-02T09:01:00Z"),
        ("0 9 * * mon-fri", "2025-06-07T10:00:00Z", "UTC", "2025-06-09T09:00:00Z"),
        ("30 2 1,15 * *", "2025-06-02T00:00:00Z", "UTC", "2025-06-15T02:30:00Z"),
        ("@hourly", "2025-06-02T09:00:00Z", "UTC", "2025-06-02T10:00:00Z"),
        ("@weekly", "2025-06-02T09:00:00Z", "UTC", "2025-06-08T00:00:00Z"),
        ("0 0 1 JAN *", "2025-06-02T09:00:00Z", "UTC", "2026-01-01T00:00:00Z"),
        // Both day fields restricted: either may match (the 13th, or a Friday).
        ("0 0 13 * 5", "2025-06-02T09:00:00Z", "UTC", "2025-06-06T00:00:00Z"),
        // `5/20` is 5, 25, 45.
        ("5/20 * * * *", "2025-06-02T09:30:00Z", "UTC", "2025-06-02T09:45:00Z"),
        ("0 9 * * *", "2025-06-02T09:00:00Z", "Asia/Seoul", "2025-06-03T00:00:00Z"),
        ("0 9 * * *", "2025-06-02T09:00:00Z", "Asia/Tokyo", "2025-06-03T00:00:00Z"),
        ("0 9 * * *", "2025-03-08T12:00:00Z", "America/New_York", "2025-03-08T14:00:00Z"),
        ("0 9 * * *", "2025-03-08T14:00:00Z", "America/New_York", "2025-03-09T13:00:00Z"),
        ("0 9 * * *", "2025-10-25T12:00:00Z", "Europe/Berlin", "2025-10-26T08:00:00Z"),
        ("0 0 30 2 *", "2025-06-02T09:00:00Z", "UTC", nil),
        ("@every 90s", "2025-06-02T09:00:05Z", "UTC", "2025-06-02T09:01:35Z"),
    ]

    @Test(arguments: activations)
    func nextActivation(_ c: (spec: String, after: String, zone: String, next: String?)) {
        #expect(Self.next(c.spec, after: c.after, zone: c.zone) == c.next)
    }

    static let errors: [(spec: String, message: String)] = [
        ("", "empty spec string"),
        ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
        ("every minute", "expected exactly 5 fields, found 2: [every minute]"),
        ("60 * * * *", "end of range (60) above maximum (59): 60"),
        ("* * 0 * *", "beginning of range (0) below minimum (1): 0"),
        ("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
        ("*/0 * * * *", "step of range should be a positive number: */0"),
        ("a * * * *", "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax"),
        ("-1 * * * *", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax"),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        ("*/2/3 * * * *", "too many slashes: */2/3"),
        ("* * * * 7", "end of range (7) above maximum (6): 7"),
        ("* * * foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax"),
        ("@fortnightly", "unrecognized descriptor: @fortnightly"),
        ("@every x", "failed to parse duration @every x: time: invalid duration \"x\""),
        ("TZ=Mars/Base * * * * *", "provided bad location Mars/Base: unknown time zone Mars/Base"),
    ]

    @Test(arguments: errors)
    func parserErrors(_ c: (spec: String, message: String)) {
        #expect(CronExpression.parse(c.spec) == .failure(CronExpression.ParseError(message: c.message)))
    }

    @Test func zonesWriteGoRFC3339() throws {
        let seoul = try CronTimeZone.named("Asia/Seoul").get()
        #expect(seoul.rfc3339(Self.at("2025-06-02T09:02:00Z")) == "2025-06-02T18:02:00+09:00")
        #expect(CronTimeZone.utc.rfc3339(Self.at("2025-06-02T09:02:00Z")) == "2025-06-02T09:02:00Z")
        let kolkata = try CronTimeZone.named("Asia/Kolkata").get()
        #expect(kolkata.rfc3339(Self.at("2025-06-02T09:02:00Z")) == "2025-06-02T14:32:00+05:30")
        let behind = try CronTimeZone.named("Etc/GMT+5").get()
        #expect(behind.rfc3339(Self.at("2025-06-02T09:02:00Z")) == "2025-06-02T04:02:00-05:00")
        #expect(CronTimeZone.named("Asia/Seol") == .failure(CronTimeZone.ZoneError(message: "unknown time zone Asia/Seol")))
    }

    static let cronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: hello}
        spec:
          schedule: "*/1 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, image: busybox}]
                  restartPolicy: OnFailure
        """

    @Test func theAPIServerReportsScheduleAndZoneErrors() {
        let zoned = { (zone: String) in Self.cronJob.replacingOccurrences(of: "schedule:", with: "timeZone: \"\(zone)\"\n  schedule:") }
        #expect(admissionError(zoned("Asia/Seoul"), kind: "CronJob") == nil)
        #expect(admissionError(zoned("Asia/Seol"), kind: "CronJob")?.message
            == "The CronJob \"hello\" is invalid: spec.timeZone: Invalid value: \"Asia/Seol\": unknown time zone Asia/Seol")
        #expect(admissionError(zoned("Local"), kind: "CronJob")?.message
            == "The CronJob \"hello\" is invalid: spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")
        #expect(admissionError(Self.cronJob.replacingOccurrences(of: "*/1 * * * *", with: "TZ=UTC */1 * * * *"), kind: "CronJob")?.message
            == "The CronJob \"hello\" is invalid: spec.schedule: Invalid value: \"TZ=UTC */1 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead")
        #expect(admissionError(Self.cronJob.replacingOccurrences(of: "*/1 * * * *", with: "0 25 * * *"), kind: "CronJob")?.message
            == "The CronJob \"hello\" is invalid: spec.schedule: Invalid value: \"0 25 * * *\": end of range (25) above maximum (23): 25")
    }

    /// validateScheduleFormat reports the parser's error and the TZ rule's both, and
    /// validateCronJobSpec checks startingDeadlineSeconds before the zone and the history limits last.
    @Test func errorsComeAsValidateCronJobSpecOrdersThem() {
        let badZone = Self.cronJob.replacingOccurrences(of: "*/1 * * * *", with: "TZ=Bogus/Zone 0 9 * * *")
        #expect(admissionError(badZone, kind: "CronJob")?.message == "The CronJob \"hello\" is invalid: ["
            + "spec.schedule: Invalid value: \"TZ=Bogus/Zone 0 9 * * *\": provided bad location Bogus/Zone: unknown time zone Bogus/Zone, "
            + "spec.schedule: Invalid value: \"TZ=Bogus/Zone 0 9 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead]")
        let many = Self.cronJob.replacingOccurrences(
            of: "schedule:", with: "successfulJobsHistoryLimit: -1\n  timeZone: \"Asia/Seol\"\n  startingDeadlineSeconds: -5\n  schedule:")
        #expect(admissionError(many, kind: "CronJob")?.message == "The CronJob \"hello\" is invalid: ["
            + "spec.startingDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0, "
            + "spec.timeZone: Invalid value: \"Asia/Seol\": unknown time zone Asia/Seol, "
            + "spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0]")
    }
}
