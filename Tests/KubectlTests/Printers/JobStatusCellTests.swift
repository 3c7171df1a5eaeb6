import KubeAPI
import Testing
@testable import Kubectl

/// The STATUS column of `kubectl get jobs` and the Completed Indexes line of `describe job`, as
/// kubectl 1.32 prints them (printJob, capIndexesListOrNone).
@Suite struct JobStatusCellTests {
    static func job(_ conditions: [String], deleting: Bool = false) -> JSONValue {
        var o: JSONValue = ["metadata": ["name": "j"], "status": ["conditions": .array(conditions.map { ["type": .string($0), "status": "True"] })]]
        if deleting { o["metadata"]["deletionTimestamp"] = "2025-06-02T09:00:00Z" }
        return o
    }

    @Test func theFirstMatchingStateWins() {
        #expect(WorkloadTables.jobStatus(Self.job([])) == "Running")
        #expect(WorkloadTables.jobStatus(Self.job(["SuccessCriteriaMet"])) == "SuccessCriteriaMet")
        #expect(WorkloadTables.jobStatus(Self.job(["FailureTarget"])) == "FailureTarget")
        #expect(WorkloadTables.jobStatus(Self.job(["SuccessCriteriaMet", "Complete"])) == "Complete")
        #expect(WorkloadTables.jobStatus(Self.job(["FailureTarget", "Failed"])) == "Failed")
        #expect(WorkloadTables.jobStatus(Self.job(["SuccessCriteriaMet"], deleting: true)) == "Terminating")
        #expect(WorkloadTables.jobStatus(Self.job(["Suspended", "SuccessCriteriaMet"])) == "Suspended")
    }

    @Test func longIndexListsAreCutAfterTheFirstCommaPastFiftyCharacters() {
        #expect(WorkloadDescriber.cappedIndexes("", softLimit: 50) == "<none>")
        #expect(WorkloadDescriber.cappedIndexes("0-4", softLimit: 50) == "0-4")
        let many = (0..<40).map { String($0 * 3) }.joined(separator: ",")
        let cut = WorkloadDescriber.cappedIndexes(many, softLimit: 50)
        #expect(cut == "0,3,6,9,12,15,18,21,24,27,30,33,36,39,42,45,48,51,54,...")
        #expect(WorkloadDescriber.cappedIndexes("1,2", softLimit: 1) == "1,...")
        #expect(WorkloadDescriber.cappedIndexes("1,2", softLimit: 2) == "1,2")
    }
}
