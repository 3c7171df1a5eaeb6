import KubeAPI
import Testing
@testable import KubeSim

/// The CronJob controller (cronjob_controllerv2) on the virtual clock. The sandbox starts at
/// 2025-06-02T09:00:00Z; minute 09:01 is 29,147,581 minutes after the epoch.
@Suite struct CronJobControllerTests {
    @Test func firesAtTheScheduledMinuteWithAJobNamedAfterIt() throws {
        let cluster = JobSim.cluster()
        let cj = try Sim.create(cluster, JobSim.cronJob("tick", schedule: "*/1 * * * *"))
        cluster.advance(to: JobSim.at("2025-06-02T09:01:00Z"))
        #expect(JobSim.jobs(cluster).isEmpty)
        cluster.advance(by: 1_000)
        #expect(JobSim.jobs(cluster) == ["tick-29147581"])
        let job = try #require(JobSim.get(cluster, "Job", "tick-29147581"))
        #expect(job.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] == "2025-06-02T09:01:00Z")
        #expect(job.controllerRef?["uid"].string == cj.uid)
        let status = try #require(JobSim.get(cluster, "CronJob", "tick"))["status"]
        #expect(status["lastScheduleTime"].string == "2025-06-02T09:01:00Z")
        #expect(status["active"].items.map { $0["name"].string ?? "" } == ["tick-29147581"])
        #expect(status["active"][0]["kind"].string == "Job" && status["active"][0]["uid"].string == job.uid)
        cluster.advance(by: 30_000)
        let after = try #require(JobSim.get(cluster, "CronJob", "tick"))["status"]
        #expect(after["active"].isNull)
        #expect(after["lastSuccessfulTime"].string == JobSim.get(cluster, "Job", "tick-29147581")?["status"]["completionTime"].string)
        #expect(Sim.events(cluster, about: "tick") == [
            "SuccessfulCreate Created job tick-29147581", "SawCompletedJob Saw completed job: tick-29147581, condition: Complete",
        ])
    }

    /// The controller sleeps on the event queue until the schedule is due, instead of polling.
    @Test func waitsOnTheEventQueue() throws {
        let cluster = JobSim.cluster()
        cluster.advance(by: 60_000)
        let quiet = cluster.nextEventTime
        try Sim.create(cluster, JobSim.cronJob("yearly", schedule: "@yearly"))
        cluster.settle()
        let wake = JobSim.at("2026-01-01T00:00:00Z") + 100
        #expect(cluster.nextEventTime == min(quiet ?? wake, wake))
        cluster.advance(to: wake - 1)
        #expect(JobSim.jobs(cluster).isEmpty)
        cluster.advance(to: wake)
        #expect(JobSim.jobs(cluster) == ["yearly-\(JobSim.at("2026-01-01T00:00:00Z") / 60_000)"])
    }

    @Test func forbidNeverRunsTwoAtOnce() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("once", schedule: "*/1 * * * *", spec: "concurrencyPolicy: Forbid", command: "[run, '150000', '0']"))
        var most = 0
        for _ in 0..<600 {
            cluster.advance(by: 1_000)
            let active = JobSim.get(cluster, "CronJob", "once")?["status"]["active"].items.count ?? 0
            most = max(most, active)
        }
        #expect(most == 1)
        let events = Sim.events(cluster, about: "once")
        #expect(events.contains("JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid"))
        // 09:01 runs until 09:03:3x; the skipped 09:03 run starts as soon as it ends.
        #expect(events.filter { $0.hasPrefix("SuccessfulCreate") }.prefix(2) == [
            "SuccessfulCreate Created job once-29147581", "SuccessfulCreate Created job once-29147583",
        ])
    }

    @Test func replaceDeletesTheRunningJob() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("swap", schedule: "*/1 * * * *", spec: "concurrencyPolicy: Replace", command: "[sleep, infinity]"))
        cluster.advance(to: JobSim.at("2025-06-02T09:02:01Z"))
        #expect(Sim.events(cluster, about: "swap") == [
            "SuccessfulCreate Created job swap-29147581", "SuccessfulDelete Deleted job swap-29147581",
            "SuccessfulCreate Created job swap-29147582",
        ])
        cluster.advance(by: 5_000)
        #expect(JobSim.jobs(cluster) == ["swap-29147582"])
    }

    @Test func allowLetsRunsOverlap() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("many", schedule: "*/1 * * * *", command: "[sleep, infinity]"))
        cluster.advance(to: JobSim.at("2025-06-02T09:03:01Z"))
        #expect(JobSim.get(cluster, "CronJob", "many")?["status"]["active"].items.count == 3)
    }

    @Test func suspendStopsNewRunsAndTooManyMissedStartsWarn() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("paused", schedule: "*/1 * * * *", spec: "suspend: true"))
        cluster.advance(by: 3 * 3_600_000)
        #expect(JobSim.jobs(cluster).isEmpty)
        try JobSim.update(cluster, "CronJob", "paused") { $0["spec"]["suspend"] = false }
        cluster.settle()
        // 180 start times went by; the most recent one runs, with a warning.
        #expect(JobSim.jobs(cluster) == ["paused-\(JobSim.at("2025-06-02T12:00:00Z") / 60_000)"])
        #expect(Sim.events(cluster, about: "paused").first
            == "TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew")
    }

    @Test func aStartingDeadlineSkipsRunsTooLateToStart() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("late", schedule: "*/10 * * * *", spec: "suspend: true\nstartingDeadlineSeconds: 30"))
        cluster.advance(to: JobSim.at("2025-06-02T09:10:45Z"))
        try JobSim.update(cluster, "CronJob", "late") { $0["spec"]["suspend"] = false }
        cluster.settle()
        #expect(JobSim.jobs(cluster).isEmpty)
        cluster.advance(to: JobSim.at("2025-06-02T09:20:01Z"))
        #expect(JobSim.jobs(cluster) == ["late-29147600"])
    }

    @Test func historyLimitsKeepTheNewestFinishedJobs() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("hist", schedule: "*/1 * * * *", spec: "successfulJobsHistoryLimit: 2\nfailedJobsHistoryLimit: 1"))
        cluster.advance(to: JobSim.at("2025-06-02T09:06:30Z"))
        #expect(JobSim.jobs(cluster) == ["hist-29147585", "hist-29147586"])
        #expect(Sim.events(cluster, about: "hist").contains("SuccessfulDelete Deleted job hist-29147581"))
        cluster.advance(by: 10_000)
        let pods = cluster.store.list(Sim.type("Pod"), namespace: "default").map(\.name).filter { $0.hasPrefix("hist-") }
        #expect(pods.count == 2 && pods.allSatisfy { $0.hasPrefix("hist-29147585-") || $0.hasPrefix("hist-29147586-") })
    }

    @Test func aTimeZoneReadsTheScheduleInItsWallTime() throws {
        let cluster = JobSim.cluster()
        try Sim.create(cluster, JobSim.cronJob("kst", schedule: "0 18 * * *", spec: "timeZone: Asia/Seoul"))
        cluster.advance(by: 24 * 3_600_000 + 1_000)
        let run = JobSim.at("2025-06-03T09:00:00Z")
        let job = try #require(JobSim.get(cluster, "Job", "kst-\(run / 60_000)"))
        #expect(job.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] == "2025-06-03T18:00:00+09:00")
    }
}
