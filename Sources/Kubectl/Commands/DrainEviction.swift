import KubeAPI
import KubeSim

/// kubectl drain's eviction (or, with `--disable-eviction`, deletion) of a node's pods: every pod
/// is evicted at once, a budget's 429 is retried every 5 s, and each pod is polled every second
/// until it is gone or replaced under its name (a new uid), which prints `pod/NAME evicted`. Time
/// is the cluster's: the loop advances the virtual clock to the next retry or poll.
struct DrainEviction {
    var useEviction = true
    var gracePeriodSeconds: Int?
    var dryRun = DryRun.none
    /// `--timeout`; 0 waits for ever (bounded here as `DeletionWait` bounds kubectl delete).
    var timeout: Millis = 0
    /// `--skip-wait-for-delete-timeout`: the wait lets go of a pod that long past its deletion time.
    var skipDeletedAfterSeconds = 0

    static let retryAfter: Millis = 5_000
    static let pollInterval: Millis = 1_000
    static let pods = ResourceRegistry.forKind("Pod")!

    private struct Pending {
        let pod: JSONValue
        var nextAttempt: Millis?
        var nextPoll: Millis?
    }

    enum Outcome: Equatable {
        /// Every pod went.
        case done
        /// kubectl's errors, to aggregate.
        case failed([String])
        /// kubelab stopped a wait kubectl would go on with (its note is printed).
        case stopped
    }

    func run(_ podsToGo: [JSONValue], call: Invocation) -> Outcome {
        if dryRun == .client {
            for pod in podsToGo { call.out("evicting pod \(pod.namespace ?? "default")/\(pod.name) (dry run)\n") }
            return .done
        }
        let start = call.cluster.now
        let limit = WaitLimit.bounded(DeletionWait.week)
        let scripted = call.io.terminal?.mode != .interactive
        var lastChange = call.cluster.now
        let token = call.store.watch({ $0.kind != "Event" }) { event in if !event.isHeartbeat { lastChange = call.cluster.now } }
        defer { call.store.unwatch(token) }
        var errors: [String] = []
        var pending: [Pending] = []
        if useEviction {
            pending = podsToGo.map { Pending(pod: $0, nextAttempt: start, nextPoll: nil) }
        } else {
            for pod in podsToGo {
                do {
                    try call.cluster.api.delete(ref(pod), gracePeriodSeconds: gracePeriodSeconds)
                } catch where error.reason == .notFound {
                } catch {
                    return .failed([error.message])
                }
                pending.append(Pending(pod: pod, nextAttempt: nil, nextPoll: start))
            }
        }
        let globalTimeout = GoDuration.format(timeout)
        while !pending.isEmpty {
            let now = call.cluster.now
            let timedOut = timeout > 0 && now - start >= timeout
            var still: [Pending] = []
            for var p in pending {
                let name = p.pod.name, ns = p.pod.namespace ?? "default"
                if let at = p.nextAttempt, at <= now {
                    call.out("evicting pod \(ns)/\(name)\(dryRun == .server ? " (server dry run)" : "")\n")
                    if timedOut {
                        errors.append("error when evicting pods/\"\(name)\" -n \"\(ns)\": global timeout reached: \(globalTimeout)")
                        continue
                    }
                    do {
                        try call.cluster.api.evict(ref(p.pod), gracePeriodSeconds: gracePeriodSeconds, dryRun: dryRun == .server)
                        if dryRun == .server { continue }
                        p.nextAttempt = nil
                        p.nextPoll = now
                    } catch where error.reason == .notFound {
                        continue
                    } catch where error.reason == .tooManyRequests {
                        call.err("error when evicting pods/\"\(name)\" -n \"\(ns)\" (will retry after 5s): \(error.message)\n")
                        p.nextAttempt = now + Self.retryAfter
                    } catch {
                        errors.append("error when evicting pods/\"\(name)\" -n \"\(ns)\": \(error.message)")
                        continue
                    }
                }
                if let at = p.nextPoll, at <= now {
                    let current = call.store.get(ref(p.pod))
                    if current == nil || current?.uid != p.pod.uid {
                        call.out("pod/\(name) \(useEviction ? "evicted" : "deleted")\n")
                        continue
                    }
                    if let current, DrainFilters.longInDeletion(current, moreThan: skipDeletedAfterSeconds, now: now) {
                        call.out("pod \"\(name)\" has DeletionTimestamp older than \(skipDeletedAfterSeconds) seconds, skipping\n")
                        continue
                    }
                    if timedOut {
                        // Since kubectl 1.32 the wait for deletion polls until its context times out
                        // (`PollUntilContextTimeout`), whose error is the context's.
                        errors.append(useEviction
                            ? "error when waiting for pod \"\(name)\" in namespace \"\(ns)\" to terminate: context deadline exceeded"
                            : "context deadline exceeded")
                        continue
                    }
                    p.nextPoll = now + Self.pollInterval
                }
                still.append(p)
            }
            pending = still
            if pending.isEmpty { break }
            if timeout == 0 && call.cluster.now - start >= limit {
                call.err(WaitLimit.message(verb: "drain"))
                return .stopped
            }
            if timeout == 0 && scripted && call.cluster.now - lastChange >= DeletionWait.scriptQuietPeriod {
                call.err(pending.map { DeletionWait.stillWaitingNote(ref($0.pod), call: call) }.joined())
                return .stopped
            }
            let next = pending.compactMap { $0.nextAttempt ?? $0.nextPoll }.min() ?? now + Self.pollInterval
            var step = max(1, next - now)
            if timeout > 0 { step = min(step, max(1, start + timeout - now)) }
            guard call.kubectl.wait(step) else { return .stopped }
        }
        if errors.isEmpty { return .done }
        // Deletion reports every error as one; a single wait timeout stands for all of them.
        return .failed(useEviction ? errors : Array(Set(errors)).sorted())
    }

    private func ref(_ pod: JSONValue) -> ObjectRef { ObjectRef(Self.pods, namespace: pod.namespace ?? "default", name: pod.name) }
}
