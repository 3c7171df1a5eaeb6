import KubeSim

/// The network tools a container image can ship, as `ShellCommand`s bound to one pod.
///
/// The image catalog builds a container's table and merges what the image has, e.g.
/// `commands.merge(NetworkCommands.busybox(network)) { $1 }` for busybox/Alpine images, and
/// `NetworkCommands.dnsutils(network)` after `apt-get install dnsutils`.
public enum NetworkCommands {
    /// One tool in one flavour, for tables built piece by piece.
    public static func nslookup(_ flavour: NSLookupFlavour, _ network: PodNetworkContext) -> ShellCommand {
        { NSLookupCommand(flavour: flavour, network: network).run($0) }
    }

    public static func dig(_ network: PodNetworkContext) -> ShellCommand { { DigCommand(network: network).run($0) } }
    public static func host(_ network: PodNetworkContext) -> ShellCommand { { HostCommand(network: network).run($0) } }
    /// `getent hosts|ahosts`; other databases print glibc's "Unknown database".
    public static func getent(_ network: PodNetworkContext) -> ShellCommand { { GetentCommand(network: network).run($0) } }
    public static func ping(_ flavour: PingFlavour, _ network: PodNetworkContext) -> ShellCommand {
        { PingCommand(flavour: flavour, network: network).run($0) }
    }
    public static func curl(_ network: PodNetworkContext) -> ShellCommand { { CurlCommand(network: network).run($0) } }
    public static func wget(_ network: PodNetworkContext) -> ShellCommand { { WgetCommand(network: network).run($0) } }

    /// busybox applets: `nslookup` (1.28 format when `legacyNslookup`, the `busybox:1.28` image;
    /// otherwise the ≥1.30 format of Alpine-based images), `ping`, `wget`.
    public static func busybox(_ network: PodNetworkContext, legacyNslookup: Bool) -> [String: ShellCommand] {
        [
            "nslookup": nslookup(legacyNslookup ? .busyboxLegacy : .busybox, network),
            "ping": ping(.busybox, network),
            "wget": wget(network),
        ]
    }

    /// What `apt-get install dnsutils` adds on Debian/Ubuntu: bind's `nslookup`, `dig`, `host`.
    public static func dnsutils(_ network: PodNetworkContext) -> [String: ShellCommand] {
        ["nslookup": nslookup(.bind, network), "dig": dig(network), "host": host(network)]
    }

    /// glibc images (Debian/Ubuntu) always have `getent`; `iputils-ping` and `curl` when installed.
    public static func glibc(_ network: PodNetworkContext) -> [String: ShellCommand] {
        ["getent": getent(network)]
    }
}
