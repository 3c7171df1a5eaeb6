import KubeAPI

/// Periodic writes whose every repetition would change nothing anyone looks at in between (a
/// kubelet renewing its node Lease every 10 s). Instead of a timed event per period, the cluster
/// asks the ticker to catch up when the clock stops for someone to look (the end of an advance,
/// each step of a wait or watch) at or after `nextDue`: the write then carries the time of the
/// latest period, exactly as if every renewal had happened. A long `sleep` thus costs one write
/// per node, not one per 10 s. Controllers that must see renewals in between ask the ticker's
/// owner for the latest one (`NodeHeartbeat.renewTime(of:at:)`).
public protocol Ticker: AnyObject {
    /// The earliest instant at which catching up would write something.
    var nextDue: Millis { get }
    /// Brings the objects up to `cluster.now`.
    func catchUp(in cluster: Cluster)
}
