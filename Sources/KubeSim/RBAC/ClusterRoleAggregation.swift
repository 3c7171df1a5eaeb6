import KubeAPI

/// The clusterrole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
/// with an `aggregationRule` holds the rules of every ClusterRole its selectors match, each rule
/// once, roles taken in name order. Any ClusterRole change re-syncs every aggregated role (upstream
/// enqueues each of them; one key for all of them does the same work once per settle, which keeps
/// the boot's sixty-odd role creations from each listing every role).
public final class ClusterRoleAggregationController: Controller {
    public let name = "clusterrole-aggregation-controller"
    public let watchedKinds = WatchedKinds.only(["ClusterRole"])
    static let clusterRoles = ResourceRegistry.forKind("ClusterRole")!
    static let everyAggregatedRole = "*"

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        event.resource.kind == "ClusterRole" ? [Self.everyAggregatedRole] : []
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let roles = cluster.store.list(Self.clusterRoles)
        for role in roles where !role["aggregationRule"].isNull {
            let rules = ClusterRoleAggregation.rules(for: role, among: roles)
            if rules == role["rules"].items { continue }
            var updated = role
            updated["rules"] = .array(rules)
            // The update is a ClusterRole change: the next sync sees it (edit's new rules reach admin).
            _ = try? cluster.store.update(Self.clusterRoles, updated)
        }
    }
}

/// The pure part of aggregation, shared by the controller and the boot-time policy.
enum ClusterRoleAggregation {
    /// The rules `role`'s selectors collect from `roles` (itself excluded), without repeats.
    static func rules(for role: JSONValue, among roles: [JSONValue]) -> [JSONValue] {
        let sorted = roles.sorted { $0.name < $1.name }
        var rules: [JSONValue] = []
        for selector in role["aggregationRule"]["clusterRoleSelectors"].items {
            let s = LabelSelector(object: selector)
            for other in sorted where other.name != role.name && s.matches(other.labels) {
                for rule in other["rules"].items where !rules.contains(rule) { rules.append(rule) }
            }
        }
        return rules
    }

    /// `roles` with every aggregated role filled in, repeated until nothing changes (edit collects
    /// view, admin collects edit); bounded by the number of roles.
    static func aggregateAll(_ roles: [JSONValue]) -> [JSONValue] {
        var roles = roles
        for _ in 0...roles.count {
            var changed = false
            for i in roles.indices where !roles[i]["aggregationRule"].isNull {
                let rules = rules(for: roles[i], among: roles)
                if rules != roles[i]["rules"].items {
                    roles[i]["rules"] = .array(rules)
                    changed = true
                }
            }
            if !changed { break }
        }
        return roles
    }
}
