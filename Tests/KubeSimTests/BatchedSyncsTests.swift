import KubeAPI
import Testing
@testable import KubeSim

/// Batched syncs run when upstream's delaying queue would run them (one period after the event that
/// opened the batch), once per batch, and only for batches holding an event that needs one.
@Suite struct BatchedSyncsTests {
    /// Records when it synced which key; watches nothing, so only the batches wake it.
    final class Recorder: Controller {
        let name = "recorder"
        let watchedKinds = WatchedKinds.only([])
        var syncs: [(key: String, at: Millis)] = []
        func keys(for event: WatchEvent, in cluster: Cluster) -> [String] { [] }
        func sync(_ key: String, in cluster: Cluster) { syncs.append((key, cluster.now)) }
    }

    static let start: Millis = 1_000_000

    /// Runs `events` (offset from the start, key, whether it needs a sync) through one batcher and
    /// returns the syncs as offsets.
    static func syncs(_ events: [(at: Millis, key: String, needsSync: Bool)]) -> [String] {
        let cluster = Cluster(seed: 1, start: start)
        let recorder = Recorder()
        cluster.register(recorder)
        let batched = BatchedSyncs(period: 1000)
        for e in events {
            cluster.advance(to: start + e.at)
            batched.note(e.key, needsSync: e.needsSync, for: recorder, in: cluster)
        }
        cluster.advance(by: 10_000)
        return recorder.syncs.map { "\($0.key)@\($0.at - start)" }
    }

    @Test func eventsWithinThePeriodJoinTheFirstOnesSync() {
        #expect(Self.syncs([(0, "a", true), (300, "a", true), (999, "a", true)]) == ["a@1000"])
        #expect(Self.syncs([(0, "a", true), (1000, "a", true)]) == ["a@1000", "a@2000"])
    }

    @Test func aQuietEventOpensTheBatchThatALaterEventSyncsAtTheEndOf() {
        // Upstream's no-op sync would have run at 1000 and seen the event at 600.
        #expect(Self.syncs([(0, "a", false), (600, "a", true)]) == ["a@1000"])
        // Once the quiet batch is over, an event opens a batch of its own.
        #expect(Self.syncs([(0, "a", false), (1500, "a", true)]) == ["a@2500"])
        #expect(Self.syncs([(0, "a", false), (400, "a", false)]).isEmpty)
    }

    @Test func aQuietEventJoinsAScheduledBatchWithoutOpeningAnother() {
        #expect(Self.syncs([(0, "a", true), (500, "a", false), (1200, "a", true)]) == ["a@1000", "a@2200"])
    }

    @Test func keysBatchApartAndAForgottenKeyStartsOver() {
        #expect(Self.syncs([(0, "a", true), (500, "b", true)]) == ["a@1000", "b@1500"])
        let cluster = Cluster(seed: 1, start: Self.start)
        let recorder = Recorder()
        cluster.register(recorder)
        let batched = BatchedSyncs(period: 1000)
        batched.note("a", needsSync: false, for: recorder, in: cluster)
        batched.forget("a")
        cluster.advance(by: 200)
        batched.note("a", needsSync: true, for: recorder, in: cluster)
        cluster.advance(by: 5_000)
        #expect(recorder.syncs.map(\.at) == [Self.start + 1200])
    }
}
