import KubeAPI
import KubeSim
import PodShell

/// `vagrant` on the learner's machine, as the tutorials' Vagrant + VirtualBox clusters answer it:
/// every node is a machine. `halt` powers machines off, `up` boots them (their kubelets register
/// and report Ready again), `status` lists them, and `ssh NODE -c 'sudo systemctl stop|start kubelet'`
/// stops or starts only the kubelet, leaving the node's containers running. Booting and shutting
/// down take cluster time, as the real machines do.
struct VagrantCommand {
    let cluster: Cluster
    /// Lets cluster time pass (the session's clock: virtual in scripts, the wall clock at the keyboard).
    let wait: (Millis) -> Bool
    /// Folder shared into the machines at /vagrant (the learner's working directory).
    let sharedFolder: String

    static let shutdownTime: Millis = 4_000
    static let bootTime: Millis = 38_000
    static let box = "ubuntu/jammy64"
    static let boxVersion = "20241002.0.0"

    func run(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments
        guard let verb = args.first, !verb.hasPrefix("-") else {
            ctx.write("Usage: vagrant [options] <command> [<args>]\n\nCommon commands: halt, ssh, status, up (kubelab simulates these)\n")
            return args.isEmpty ? 1 : 0
        }
        args.removeFirst()
        let names = args.filter { !$0.hasPrefix("-") }
        switch verb {
        case "status": return status(names, ctx)
        case "halt": return halt(names, ctx)
        case "up": return up(names, ctx)
        case "ssh": return ssh(args, ctx)
        default:
            ctx.writeError("error: kubelab does not simulate \"vagrant \(verb)\" yet\n")
            return 1
        }
    }

    /// The named machines in Vagrantfile order (all when none is named), or vagrant's error.
    private func machines(_ names: [String], _ ctx: CommandContext) -> [(name: String, poweredOn: Bool)]? {
        let all = cluster.machines
        if names.isEmpty { return all }
        var picked: [(name: String, poweredOn: Bool)] = []
        for name in names {
            guard let machine = all.first(where: { $0.name == name }) else {
                ctx.writeError("The machine with the name '\(name)' was not found configured for\nthis Vagrant environment.\n")
                return nil
            }
            picked.append(machine)
        }
        return picked
    }

    private func status(_ names: [String], _ ctx: CommandContext) -> Int32 {
        guard let list = machines(names, ctx) else { return 1 }
        var text = "Current machine states:\n\n"
        for m in list {
            let state = m.poweredOn ? "running" : "poweroff"
            text += m.name.padding(toLength: max(25, m.name.count), withPad: " ", startingAt: 0) + " \(state) (virtualbox)\n"
        }
        if list.count == 1 {
            text += list[0].poweredOn
                ? "\nThe VM is running. To stop this VM, you can run `vagrant halt` to\nshut it down forcefully, or you can run `vagrant suspend` to simply\nsuspend the virtual machine. In either case, to restart it again,\nsimply run `vagrant up`.\n"
                : "\nThe VM is powered off. To restart the VM, simply run `vagrant up`\n"
        } else {
            text += "\nThis environment represents multiple VMs. The VMs are all listed\nabove with their current state. For more information about a specific\nVM, run `vagrant status NAME`.\n"
        }
        ctx.write(text)
        return 0
    }

    private func halt(_ names: [String], _ ctx: CommandContext) -> Int32 {
        guard let list = machines(names, ctx) else { return 1 }
        for m in list.reversed() where m.poweredOn {
            if isControlPlane(m.name) {
                ctx.writeError("kubelab: the control plane's machine \(m.name) stays up: the API server kubectl talks to runs on it\n")
                continue
            }
            ctx.write("==> \(m.name): Attempting graceful shutdown of VM...\n")
            guard wait(Self.shutdownTime) else { return 130 }
            cluster.powerOff(m.name)
        }
        return 0
    }

    private func up(_ names: [String], _ ctx: CommandContext) -> Int32 {
        guard let list = machines(names, ctx) else { return 1 }
        for m in list { ctx.write("Bringing machine '\(m.name)' up with 'virtualbox' provider...\n") }
        for m in list {
            let p = "==> \(m.name): ", d = "    \(m.name): "
            if m.poweredOn {
                ctx.write(p + "Checking if box '\(Self.box)' version '\(Self.boxVersion)' is up to date...\n")
                ctx.write(p + "Machine already provisioned. Run `vagrant provision` or use the `--provision`\n")
                ctx.write(p + "flag to force provisioning. Provisioners marked to run always will still run.\n")
                continue
            }
            let port = sshPort(m.name)
            ctx.write(p + "Checking if box '\(Self.box)' version '\(Self.boxVersion)' is up to date...\n"
                + p + "Clearing any previously set forwarded ports...\n"
                + p + "Clearing any previously set network interfaces...\n"
                + p + "Preparing network interfaces based on configuration...\n"
                + d + "Adapter 1: nat\n" + d + "Adapter 2: hostonly\n"
                + p + "Forwarding ports...\n" + d + "22 (guest) => \(port) (host) (adapter 1)\n"
                + p + "Running 'pre-boot' VM customizations...\n"
                + p + "Booting VM...\n"
                + p + "Waiting for machine to boot. This may take a few minutes...\n"
                + d + "SSH address: 127.0.0.1:\(port)\n" + d + "SSH username: vagrant\n" + d + "SSH auth method: private key\n")
            guard wait(Self.bootTime) else { return 130 }
            cluster.powerOn(m.name)
            ctx.write(p + "Machine booted and ready!\n"
                + p + "Checking for guest additions in VM...\n"
                + p + "Setting hostname...\n"
                + p + "Configuring and enabling network interfaces...\n"
                + p + "Mounting shared folders...\n" + d + "/vagrant => \(sharedFolder)\n"
                + p + "Machine already provisioned. Run `vagrant provision` or use the `--provision`\n"
                + p + "flag to force provisioning. Provisioners marked to run always will still run.\n")
        }
        return 0
    }

    /// `vagrant ssh NODE -c 'sudo systemctl stop|start|restart kubelet'`.
    private func ssh(_ args: [String], _ ctx: CommandContext) -> Int32 {
        var name: String?
        var command: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-c" || a == "--command" {
                command = i + 1 < args.count ? args[i + 1] : nil
                i += 2
                continue
            }
            if a.hasPrefix("--command=") { command = String(a.dropFirst("--command=".count)) } else if !a.hasPrefix("-") && name == nil { name = a }
            i += 1
        }
        guard let name else {
            ctx.writeError("This command requires a specific VM name to target in a multi-VM environment.\n")
            return 1
        }
        guard let machine = machines([name], ctx)?.first else { return 1 }
        guard machine.poweredOn else {
            ctx.writeError("VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.\n")
            return 1
        }
        guard let command else {
            ctx.writeError("error: kubelab does not simulate an interactive \"vagrant ssh\" login; run one command with -c, e.g. vagrant ssh \(name) -c 'sudo systemctl stop kubelet'\n")
            return 1
        }
        var words = command.split(separator: " ").map(String.init)
        if words.first == "sudo" { words.removeFirst() }
        guard words.count == 3, words[0] == "systemctl", ["kubelet", "kubelet.service"].contains(words[2]) else {
            ctx.writeError("error: kubelab runs only \"sudo systemctl stop|start|restart|status kubelet\" through vagrant ssh, not \"\(command)\"\n")
            return 1
        }
        switch words[1] {
        case "stop": cluster.stopNode(name)
        case "start": cluster.startNode(name)
        case "restart":
            cluster.stopNode(name)
            cluster.startNode(name)
        case "status":
            let running = cluster.isNodeRunning(name)
            ctx.write("\(running ? "●" : "○") kubelet.service - kubelet: The Kubernetes Node Agent\n"
                + "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)\n"
                + "     Active: \(running ? "active (running)" : "inactive (dead)")\n")
            return running ? 0 : 3
        default:
            ctx.writeError("error: kubelab runs only \"sudo systemctl stop|start|restart|status kubelet\" through vagrant ssh, not \"\(command)\"\n")
            return 1
        }
        ctx.writeError("Connection to 127.0.0.1 closed.\n")
        return 0
    }

    private func isControlPlane(_ name: String) -> Bool { cluster.machines.first?.name == name }

    /// Vagrant forwards 2222 for the first machine and 2200, 2201, ... for the next ones.
    private func sshPort(_ name: String) -> Int {
        let index = cluster.machines.firstIndex { $0.name == name } ?? 0
        return index == 0 ? 2222 : 2199 + index
    }
}
