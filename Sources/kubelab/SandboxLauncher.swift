import KubeLab
import KubeLabCLI
import Lessons

/// `kubelab` with no subcommand: the interactive sandbox, recorded as it runs.
enum SandboxLauncher {
    static func run(options: LabOptions, record: String?) -> Int32 {
        let front = TerminalFrontEnd()
        let session = makeSession(options)
        let driver = SessionDriver(session: session, out: front.output.out, err: front.output.err)
        var header = SessionHeader(
            seed: options.seed, nodes: options.nodes, language: options.language, mode: options.mode,
            started: SessionRecorder.startStamp())
        header.nodeNames = options.nodeNames
        let path = record ?? SessionRecorder.defaultPath(name: "sandbox", dataDirectory: ProgressStore.dataDirectory())
        let recorder = SessionRecorder(path: path, header: header, warn: front.output.err)
        return front.run(driver, banner: UsageText.banner(nodes: options.nodes), didHandle: recorder.record)
    }
}
