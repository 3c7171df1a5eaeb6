import KubeAPI
import Testing
@testable import Kubectl

/// READY/STATUS/RESTARTS cells for the pod shapes of reference §1.7.
@Suite struct PodStatusTests {
    typealias F = Fixtures

    static func pod(phase: String, containers: [JSONValue], initContainers: [JSONValue] = [], initSpecs: Int = 0,
                    conditions: JSONValue = [], deleting: Bool = false, reason: String? = nil) -> JSONValue
    {
        var spec: JSONValue = ["containers": .array(containers.map { _ in ["name": "c"] })]
        if initSpecs > 0 { spec["initContainers"] = .array((0..<initSpecs).map { _ in ["name": "i"] }) }
        var p: JSONValue = [
            "metadata": F.meta("p", ago: 60), "spec": spec,
            "status": ["phase": .string(phase), "containerStatuses": .array(containers), "conditions": conditions],
        ]
        if !initContainers.isEmpty { p["status"]["initContainerStatuses"] = .array(initContainers) }
        if deleting { p["metadata"]["deletionTimestamp"] = F.ts(-30) }
        if let reason { p["status"]["reason"] = .string(reason) }
        return p
    }

    static func cells(_ p: JSONValue) -> [String] {
        let s = PodTable.summary(p, now: F.now)
        return [s.ready, s.status, s.restarts]
    }

    static let running: JSONValue = ["name": "c", "ready": true, "restartCount": 0, "state": ["running": [:]]]

    @Test func states() {
        let waiting: (String) -> JSONValue = { ["name": "c", "ready": false, "restartCount": 0, "state": ["waiting": ["reason": .string($0)]]] }
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [])) == ["0/0", "Pending", "0"])
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [waiting("ContainerCreating")])) == ["0/1", "ContainerCreating", "0"])
        #expect(Self.cells(Self.pod(phase: "Running", containers: [Self.running])) == ["1/1", "Running", "0"])
        let notReady: JSONValue = ["name": "c", "ready": false, "restartCount": 0, "state": ["running": [:]]]
        #expect(Self.cells(Self.pod(phase: "Running", containers: [notReady])) == ["0/1", "Running", "0"])
        let completed: JSONValue = ["name": "c", "ready": false, "restartCount": 0,
                                    "state": ["terminated": ["reason": "Completed", "exitCode": 0]]]
        #expect(Self.cells(Self.pod(phase: "Succeeded", containers: [completed])) == ["0/1", "Completed", "0"])
        let error: JSONValue = ["name": "c", "ready": false, "restartCount": 0,
                                "state": ["terminated": ["reason": "Error", "exitCode": 1]]]
        #expect(Self.cells(Self.pod(phase: "Failed", containers: [error])) == ["0/1", "Error", "0"])
        let noReason: JSONValue = ["name": "c", "ready": false, "restartCount": 0, "state": ["terminated": ["exitCode": 137, "signal": 9]]]
        #expect(Self.cells(Self.pod(phase: "Failed", containers: [noReason])) == ["0/1", "Signal:9", "0"])
    }

    @Test func crashLoopRestartsAgo() {
        let c: JSONValue = [
            "name": "c", "ready": false, "restartCount": 3,
            "state": ["waiting": ["reason": "CrashLoopBackOff"]],
            "lastState": ["terminated": ["reason": "Error", "exitCode": 1, "finishedAt": F.ts(25)]],
        ]
        #expect(Self.cells(Self.pod(phase: "Running", containers: [c])) == ["0/1", "CrashLoopBackOff", "3 (25s ago)"])
    }

    @Test func initContainers() {
        let initRunning: JSONValue = ["name": "i", "ready": false, "restartCount": 0, "state": ["running": [:]]]
        let mainWaiting: JSONValue = ["name": "c", "ready": false, "restartCount": 0, "state": ["waiting": ["reason": "PodInitializing"]]]
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [mainWaiting], initContainers: [initRunning], initSpecs: 1))
            == ["0/1", "Init:0/1", "0"])
        let initDone: JSONValue = ["name": "i", "ready": false, "restartCount": 0, "state": ["terminated": ["exitCode": 0, "reason": "Completed"]]]
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [mainWaiting], initContainers: [initDone, initRunning], initSpecs: 2))
            == ["0/1", "Init:1/2", "0"])
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [mainWaiting], initContainers: [initDone], initSpecs: 1))
            == ["0/1", "PodInitializing", "0"])
        let initCrash: JSONValue = ["name": "i", "ready": false, "restartCount": 2, "state": ["waiting": ["reason": "CrashLoopBackOff"]]]
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [mainWaiting], initContainers: [initCrash], initSpecs: 1))
            == ["0/1", "Init:CrashLoopBackOff", "2"])
        let initFailed: JSONValue = ["name": "i", "ready": false, "restartCount": 0, "state": ["terminated": ["exitCode": 2, "reason": "Error"]]]
        #expect(Self.cells(Self.pod(phase: "Pending", containers: [mainWaiting], initContainers: [initFailed], initSpecs: 1))
            == ["0/1", "Init:Error", "0"])
    }

    @Test func terminatingAndUnknown() {
        #expect(Self.cells(Self.pod(phase: "Running", containers: [Self.running], deleting: true)) == ["1/1", "Terminating", "0"])
        #expect(Self.cells(Self.pod(phase: "Running", containers: [Self.running], deleting: true, reason: "NodeLost"))
            == ["1/1", "Unknown", "0"])
        let completed: JSONValue = ["name": "c", "ready": false, "restartCount": 0, "state": ["terminated": ["reason": "Completed", "exitCode": 0]]]
        #expect(Self.cells(Self.pod(phase: "Succeeded", containers: [completed], deleting: true)) == ["0/1", "Completed", "0"])
        #expect(Self.cells(Self.pod(phase: "Failed", containers: [], reason: "Evicted")) == ["0/0", "Evicted", "0"])
    }

    @Test func completedWithRunningSidecarShowsRunningOrNotReady() {
        let done: JSONValue = ["name": "a", "ready": false, "restartCount": 0, "state": ["terminated": ["reason": "Completed", "exitCode": 0]]]
        #expect(Self.cells(Self.pod(phase: "Running", containers: [done, Self.running],
                                    conditions: [["type": "Ready", "status": "True"]])) == ["1/2", "Running", "0"])
        #expect(Self.cells(Self.pod(phase: "Running", containers: [done, Self.running])) == ["1/2", "NotReady", "0"])
    }
}
