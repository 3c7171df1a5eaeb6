import Foundation
import KubeAPI
import Testing

@testable import KubeSim

/// Many sets at once: correctness always, timing only when `KUBELAB_PERF=1` (run it in release:
/// `KUBELAB_PERF=1 swift test -c release --filter StatefulSetPerformanceTests`).
@Suite struct StatefulSetPerformanceTests {
    static func createSets(_ bed: WLTestBed, sets: Int, replicas: Int, claims: Bool) {
        for i in 0..<sets {
            let yaml = WLTestBed.statefulSet(
                name: "s\(i)", replicas: replicas, claimClass: claims ? "nfs" : nil, extraSpec: "  podManagementPolicy: Parallel")
            _ = try! bed.cluster.api.create(try! YAMLLoader.parse(yaml)!, as: WLTestBed.sts)
        }
    }

    static func run(sets: Int, replicas: Int, claims: Bool) -> (cpu: Double, bed: WLTestBed) {
        let bed = WLTestBed(startDelay: 2_000)
        let before = clock()
        createSets(bed, sets: sets, replicas: replicas, claims: claims)
        bed.advance(seconds: 30)
        let cpu = Double(clock() - before) / Double(CLOCKS_PER_SEC)
        return (cpu, bed)
    }

    static func check(_ bed: WLTestBed, sets: Int, replicas: Int) {
        for i in 0..<sets {
            let set = bed.get(WLTestBed.sts, "s\(i)")!
            #expect(set.status["readyReplicas"].int == replicas)
            #expect(set.status["replicas"].int == replicas)
        }
        #expect(bed.store.count(WLTestBed.pod) == sets * replicas)
    }

    @Test func manyParallelSetsAllBecomeReady() {
        let (_, bed) = Self.run(sets: 10, replicas: 20, claims: true)
        Self.check(bed, sets: 10, replicas: 20)
        #expect(bed.store.count(WLTestBed.pv) == 200)
        #expect(bed.cluster.faults.isEmpty)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["KUBELAB_PERF"] == "1"))
    func hundredSetsOfHundredReplicas() {
        let env = ProcessInfo.processInfo.environment
        let sets = Int(env["KUBELAB_PERF_SETS"] ?? "") ?? 100
        for claims in env["KUBELAB_PERF_CLAIMS"].map({ [$0 == "1"] }) ?? [false, true] {
            let (cpu, bed) = Self.run(sets: sets, replicas: 100, claims: claims)
            print("\(sets) x 100 Parallel, claims: \(claims): \(cpu) s CPU")
            Self.check(bed, sets: sets, replicas: 100)
            // Whole simulation (store, fakes, events) in release; claims add 10,000 PVCs, 10,000
            // PVs and their binding writes and events.
            #expect(cpu < (claims ? 5.0 : 1.0))
        }
    }
}
