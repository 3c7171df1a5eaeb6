import KubeAPI
import KubeSim

/// The images whose entrypoint acts on its own every so often: the kubelet runs their rounds, and
/// each round acts on the cluster through the API server as the pod's service account.
extension ContainerRuntime: PeriodicContainerBehaviour {
    public func roundInterval(of launch: ContainerLaunch) -> Millis? {
        // A command given in the pod spec replaces the image's program.
        guard launch.command.isEmpty, launch.args.isEmpty else { return nil }
        switch catalog.profile(for: launch.image).service {
        case .nodeLiberator?: return NodeLiberator.period
        default: return nil
        }
    }

    public func runRound(of launch: ContainerLaunch) {
        guard let pod = cluster.store.get(Self.pods, namespace: launch.namespace, name: launch.podName),
            let instance = container(pod: pod, name: launch.containerName)
        else { return }
        let client = APIClient(cluster: cluster, user: APIClient.identity(of: pod))
        let now = cluster.now
        switch instance.profile.service {
        case .nodeLiberator?:
            if instance.liberator?.restartCount != launch.restartCount {
                instance.liberator = NodeLiberator(restartCount: launch.restartCount, rng: &cluster.rng)
            }
            instance.liberator?.round(client: client, cluster: cluster) { instance.logs.append($0, at: now) }
        default:
            break
        }
    }
}
