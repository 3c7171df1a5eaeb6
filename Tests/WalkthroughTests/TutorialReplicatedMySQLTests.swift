import Foundation
import KubeLab
import KubeLabCLI
import Testing

/// kubernetes.io's "Run a Replicated Stateful Application", command for command: a primary and
/// replicas cloned with xtrabackup, reads through `mysql-read`, downtime and scaling.
/// Run on three workers, as the page's drain step assumes mysql-2 alone on its node.
@Suite struct TutorialReplicatedMySQLTests {
    static let folder = "tutorial-mysql"
    static let script = WalkthroughHarness.files(in: folder)["walkthrough.sh"] ?? ""
    static let transcript = WalkthroughHarness.run(folder: folder, script: script, nodes: 3)

    /// The output of the command whose first line is `command`, without its continuation lines.
    func out(_ command: String, _ occurrence: Int = 1, in transcript: String = Self.transcript) -> [String] {
        Array(WalkthroughHarness.output(of: command, in: transcript, occurrence: occurrence).drop { $0.hasPrefix("> ") })
    }

    /// Rows' columns, split at runs of spaces.
    func columns(_ row: String) -> [String] { row.split(separator: " ").map(String.init) }

    @Test func manifestsComeFromTheirURLs() {
        #expect(out("kubectl apply -f https://k8s.io/examples/application/mysql/mysql-configmap.yaml") == ["configmap/mysql created"])
        #expect(out("kubectl apply -f https://k8s.io/examples/application/mysql/mysql-services.yaml")
            == ["service/mysql created", "service/mysql-read created"])
        #expect(out("kubectl apply -f https://k8s.io/examples/application/mysql/mysql-statefulset.yaml") == ["statefulset.apps/mysql created"])
    }

    @Test func podsStartInOrderThroughBothInitContainersToTwoOfTwo() {
        let rows = out("kubectl get pods -l app=mysql --watch")
        #expect(rows.first.map(columns) == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
        for name in ["mysql-0", "mysql-1", "mysql-2"] {
            let statuses = rows.filter { $0.hasPrefix(name + " ") }.map { columns($0)[1] + " " + columns($0)[2] }
            // Each pod passes Init:0/2 and Init:1/2, and ends Running with both containers ready.
            #expect(statuses.contains("0/2 Init:0/2") && statuses.contains("0/2 Init:1/2"))
            #expect(statuses.last == "2/2 Running")
        }
        // OrderedReady: mysql-1 appears only once mysql-0 is ready, mysql-2 after mysql-1.
        let firstRow = { (name: String) in rows.firstIndex { $0.hasPrefix(name + " ") } ?? -1 }
        let ready = { (name: String) in rows.firstIndex { $0.hasPrefix(name + " ") && self.columns($0)[1] == "2/2" } ?? -1 }
        #expect(ready("mysql-0") < firstRow("mysql-1") && ready("mysql-1") < firstRow("mysql-2"))
    }

    @Test func rowWrittenOnThePrimaryIsReadBackFromAReplica() {
        let write = out("kubectl run mysql-client --image=mysql:5.7 -i --rm --restart=Never --\\")
        #expect(write == ["If you don't see a command prompt, try pressing enter.", "pod \"mysql-client\" deleted"])
        let table = ["If you don't see a command prompt, try pressing enter.",
                     "+---------+", "| message |", "+---------+", "| hello   |", "+---------+", "pod \"mysql-client\" deleted"]
        // Through mysql-read (any ready server) and, after scaling, from the new mysql-3.
        #expect(out("kubectl run mysql-client --image=mysql:5.7 -i -t --rm --restart=Never --\\") == table)
        #expect(out("kubectl run mysql-client --image=mysql:5.7 -i -t --rm --restart=Never --\\", 2) == table)
    }

    @Test func loopSeesEveryServerThroughTheServiceAndStopsAtTheScriptLimit() {
        let loop = out("kubectl run mysql-client-loop --image=mysql:5.7 -i -t --rm --restart=Never --\\")
        #expect(loop.first == "If you don't see a command prompt, try pressing enter.")
        // The stopped loop fails its process, so the pod ends in Error, as kubectl then says.
        #expect(loop.suffix(3) == ["kubelab: loop stopped after 600 s of cluster time", "pod \"mysql-client-loop\" deleted",
                                   "pod default/mysql-client-loop terminated (Error)"])
        let header = loop.filter { $0 == "| @@server_id | NOW()               |" }
        let ids = loop.compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count == 2 && cells[0] != "@@server_id" ? cells[0] : nil
        }
        // One query a second for the loop's 600 s, each answered by one of the three servers.
        #expect(header.count == ids.count && ids.count >= 590)
        #expect(Set(ids) == ["100", "101", "102"])
        for id in ["100", "101", "102"] { #expect(ids.filter { $0 == id }.count > 150) }
        // NOW() moves with the clock: one second per query.
        let times = loop.compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count == 2 && cells[0] != "@@server_id" ? cells[1] : nil
        }
        #expect(Set(times).count == times.count)
    }

    @Test func brokenReadinessProbeTakesOneContainerOutOfReady() {
        #expect(out("kubectl exec mysql-2 -c mysql -- mv /usr/bin/mysql /usr/bin/mysql.off") == [])
        #expect(out("kubectl get pod mysql-2").map { Array(columns($0).prefix(4)) }
            == [["NAME", "READY", "STATUS", "RESTARTS"], ["mysql-2", "1/2", "Running", "0"]])
        #expect(out("kubectl exec mysql-2 -c mysql -- mv /usr/bin/mysql.off /usr/bin/mysql") == [])
        #expect(out("kubectl get pod mysql-2", 2).last.map { Array(columns($0).prefix(4)) } == ["mysql-2", "2/2", "Running", "0"])
    }

    @Test func deletedAndDrainedPodComesBackWithItsData() {
        #expect(out("kubectl delete pod mysql-2") == ["pod \"mysql-2\" deleted"])
        #expect(out("kubectl get pod mysql-2 -o wide").last.map { Array(columns($0).prefix(3)) } == ["mysql-2", "2/2", "Running"])
        #expect(out("kubectl get pod mysql-2 -o wide").last.map { columns($0)[6] } == "k8s-node3")
        let drain = out("kubectl drain k8s-node3 --force --delete-emptydir-data --ignore-daemonsets")
        #expect(drain.first == "node/k8s-node3 cordoned")
        #expect(drain.contains("evicting pod default/mysql-2") && drain.contains("pod/mysql-2 evicted"))
        #expect(drain.last == "node/k8s-node3 drained")
        let moved = out("kubectl get pod mysql-2 -o wide --watch")
        #expect(moved.last.map { Array(columns($0).prefix(3)) } == ["mysql-2", "2/2", "Running"])
        #expect(moved.dropFirst().allSatisfy { columns($0)[6] != "k8s-node3" })
        #expect(out("kubectl uncordon k8s-node3") == ["node/k8s-node3 uncordoned"])
    }

    @Test func scalingToFiveAddsServersThatClonedTheData() {
        #expect(out("kubectl scale statefulset mysql  --replicas=5") == ["statefulset.apps/mysql scaled"])
        let rows = out("kubectl get pods -l app=mysql --watch", 2)
        for name in ["mysql-3", "mysql-4"] {
            #expect(rows.last { $0.hasPrefix(name + " ") }.map { Array(columns($0).prefix(3)) } == [name, "2/2", "Running"])
        }
        #expect(out("kubectl scale statefulset mysql --replicas=3") == ["statefulset.apps/mysql scaled"])
        let claims = out("kubectl get pvc -l app=mysql")
        #expect(claims.dropFirst().map { columns($0)[0] } == (0...4).map { "data-mysql-\($0)" })
        #expect(claims.dropFirst().allSatisfy { let c = columns($0); return c[1] == "Bound" && c[3] == "10Gi" && c[4] == "RWO" })
        #expect(out("kubectl delete pvc data-mysql-3") == ["persistentvolumeclaim \"data-mysql-3\" deleted"])
        #expect(out("kubectl delete pvc data-mysql-4") == ["persistentvolumeclaim \"data-mysql-4\" deleted"])
    }

    @Test func cleanupRemovesEverythingLabelled() {
        #expect(out("kubectl delete statefulset mysql") == ["statefulset.apps \"mysql\" deleted"])
        #expect(out("kubectl delete configmap,service,pvc -l app=mysql") == [
            "configmap \"mysql\" deleted", "service \"mysql\" deleted", "service \"mysql-read\" deleted",
            "persistentvolumeclaim \"data-mysql-0\" deleted", "persistentvolumeclaim \"data-mysql-1\" deleted",
            "persistentvolumeclaim \"data-mysql-2\" deleted",
        ])
    }

    @Test func sameSeedSameTranscript() {
        #expect(WalkthroughHarness.run(folder: Self.folder, script: Self.script, nodes: 3) == Self.transcript)
    }

    // MARK: Inside the pods

    /// The page's first steps, then a look inside the pods.
    static let inside = WalkthroughHarness.run(folder: folder, script: """
        kubectl apply -f https://k8s.io/examples/application/mysql/mysql-configmap.yaml
        kubectl apply -f https://k8s.io/examples/application/mysql/mysql-services.yaml
        kubectl apply -f https://k8s.io/examples/application/mysql/mysql-statefulset.yaml
        kubectl get pods -l app=mysql --watch
        kubectl logs mysql-1 -c init-mysql
        kubectl logs mysql-1 -c clone-mysql
        kubectl exec mysql-1 -c mysql -- cat /etc/mysql/conf.d/server-id.cnf
        kubectl exec mysql-2 -c mysql -- ls /var/lib/mysql
        kubectl exec mysql-2 -c xtrabackup -- cat /var/lib/mysql/change_master_to.sql.orig
        kubectl exec mysql-0 -c mysql -- mysql -e "CREATE DATABASE later"
        kubectl exec mysql-2 -c mysql -- mysql -e "SHOW DATABASES"
        kubectl exec mysql-2 -c mysql -- mysql -e "CREATE DATABASE refused"
        kubectl exec mysql-2 -c mysql -- mv /usr/bin/mysql /usr/bin/mysql.off
        sleep 10
        kubectl run reader --image=mysql:5.7 -i --rm --restart=Never -- bash -c 'for i in $(seq 1 30); do mysql -h mysql-read -N -e "SELECT @@server_id"; done'
        kubectl describe pod mysql-2
        """, nodes: 3)

    @Test func initContainersLogTheirTrace() {
        #expect(out("kubectl logs mysql-1 -c init-mysql", in: Self.inside) == [
            "+ [[ mysql-1 =~ -([0-9]+)$ ]]", "+ ordinal=1", "+ echo '[mysqld]'", "+ echo server-id=101",
            "+ [[ 1 -eq 0 ]]", "+ cp /mnt/config-map/replica.cnf /mnt/conf.d/",
        ])
        let clone = out("kubectl logs mysql-1 -c clone-mysql", in: Self.inside)
        #expect(Array(clone.prefix(8)) == [
            "+ [[ -d /var/lib/mysql/mysql ]]", "++ hostname", "+ [[ mysql-1 =~ -([0-9]+)$ ]]", "+ ordinal=1",
            "+ [[ 1 -eq 0 ]]", "+ ncat --recv-only mysql-0.mysql 3307", "+ xbstream -x -C /var/lib/mysql",
            "+ xtrabackup --prepare --target-dir=/var/lib/mysql",
        ])
        #expect(clone.last?.hasSuffix(" completed OK!") == true)
        #expect(out("kubectl exec mysql-1 -c mysql -- cat /etc/mysql/conf.d/server-id.cnf", in: Self.inside) == ["[mysqld]", "server-id=101"])
    }

    @Test func replicaVolumeHoldsTheCloneAndItsReplicationPosition() {
        #expect(out("kubectl exec mysql-2 -c mysql -- ls /var/lib/mysql", in: Self.inside) == [
            "backup-my.cnf", "change_master_to.sql.orig", "ib_buffer_pool", "ib_logfile0", "ib_logfile1", "ibdata1",
            "master.info", "mysql", "performance_schema", "sys", "xtrabackup_checkpoints", "xtrabackup_info",
            "xtrabackup_logfile",
        ])
        // mysql-2 cloned mysql-1, a replica: its position came from xtrabackup_slave_info.
        let change = out("kubectl exec mysql-2 -c xtrabackup -- cat /var/lib/mysql/change_master_to.sql.orig", in: Self.inside)
        #expect(change == ["CHANGE MASTER TO MASTER_LOG_FILE='mysql-0-bin.000001', MASTER_LOG_POS=154"])
    }

    @Test func replicasFollowThePrimaryAndRefuseWrites() {
        #expect(out("kubectl exec mysql-2 -c mysql -- mysql -e \"SHOW DATABASES\"", in: Self.inside)
            == ["Database", "information_schema", "later", "mysql", "performance_schema", "sys"])
        #expect(out("kubectl exec mysql-2 -c mysql -- mysql -e \"CREATE DATABASE refused\"", in: Self.inside) == [
            "ERROR 1290 (HY000) at line 1: The MySQL server is running with the --super-read-only option so it cannot execute this statement",
            "command terminated with exit code 1",
        ])
    }

    @Test func unreadyServerGetsNoConnectionsThroughTheService() {
        let ids = out("kubectl run reader --image=mysql:5.7 -i --rm --restart=Never -- bash -c 'for i in $(seq 1 30); do mysql -h mysql-read -N -e \"SELECT @@server_id\"; done'", in: Self.inside)
            .filter { $0.allSatisfy(\.isNumber) && !$0.isEmpty }
        #expect(ids.count == 30)
        #expect(Set(ids) == ["100", "101"])
        let events = out("kubectl describe pod mysql-2", in: Self.inside)
        #expect(events.contains { $0.contains("Unhealthy") && $0.hasSuffix("Readiness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: \"mysql\": executable file not found in $PATH: unknown") })
    }

    // MARK: Capacity

    /// On one worker (2 CPUs), three replicas' requests (600m and 1124Mi each) leave no room for a
    /// fourth: it stays Pending with the scheduler's reasons, as on a real cluster of that size.
    @Test func replicasBeyondTheNodesCapacityStayPending() {
        let transcript = WalkthroughHarness.run(folder: Self.folder, script: """
            kubectl apply -f https://k8s.io/examples/application/mysql/mysql-configmap.yaml
            kubectl apply -f https://k8s.io/examples/application/mysql/mysql-services.yaml
            kubectl apply -f https://k8s.io/examples/application/mysql/mysql-statefulset.yaml
            kubectl scale statefulset mysql  --replicas=5
            sleep 300
            kubectl get pods -l app=mysql
            kubectl get events --field-selector involvedObject.name=mysql-3,reason=FailedScheduling -o jsonpath={.items[-1:].message}
            """, nodes: 1)
        #expect(out("kubectl get pods -l app=mysql", in: transcript).map { Array(columns($0).prefix(3)) } == [
            ["NAME", "READY", "STATUS"], ["mysql-0", "2/2", "Running"], ["mysql-1", "2/2", "Running"],
            ["mysql-2", "2/2", "Running"], ["mysql-3", "0/2", "Pending"],
        ])
        #expect(out("kubectl get events --field-selector involvedObject.name=mysql-3,reason=FailedScheduling -o jsonpath={.items[-1:].message}", in: transcript) == [
            "0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
                + "preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
        ])
    }

    // MARK: At the keyboard

    /// Interactively the loop runs until Ctrl-C, as on a real cluster; the session then goes on.
    @Test func loopRunsUntilCtrlCAtTheKeyboard() {
        let lab = Lab(options: LabOptions(nodes: 3, mode: .interactive), workingDirectory: .inMemory([:]))
        var transcript = ""
        let driver = SessionDriver(session: lab, out: { transcript += $0 }, err: { transcript += $0 })
        var interruptAt: Int64? = nil
        driver.terminal.wait = { ms in
            lab.advanceWallClock(ms: ms)
            return interruptAt.map { lab.clockMillis < $0 } ?? true
        }
        driver.terminal.isInterrupted = { interruptAt.map { lab.clockMillis >= $0 } ?? false }
        for line in ["kubectl apply -f https://k8s.io/examples/application/mysql/mysql-configmap.yaml",
                     "kubectl apply -f https://k8s.io/examples/application/mysql/mysql-services.yaml",
                     "kubectl apply -f https://k8s.io/examples/application/mysql/mysql-statefulset.yaml", "sleep 120"] {
            _ = driver.handle(.line(line))
        }
        transcript = ""
        // Ctrl-C twenty seconds into the loop.
        interruptAt = lab.clockMillis + 20_000
        _ = driver.handle(.line("kubectl run mysql-client-loop --image=mysql:5.7 -i -t --rm --restart=Never --\\"))
        _ = driver.handle(.line("  bash -ic \"while sleep 1; do mysql -h mysql-read -e 'SELECT @@server_id,NOW()'; done\""))
        let queries = transcript.components(separatedBy: "| @@server_id | NOW()               |").count - 1
        #expect(queries >= 15 && queries <= 20)
        #expect(!transcript.contains("loop stopped"))
        #expect(transcript.contains("pod \"mysql-client-loop\" deleted"))
        interruptAt = nil
        transcript = ""
        _ = driver.handle(.line("kubectl get pods -l app=mysql"))
        #expect(transcript.split(separator: "\n").count == 4)
    }
}
