import KubeLab
/// The text of `kubelab --help` and `kubelab --version`.
public enum UsageText {
    public static let version = "kubelab 0.1.0 (simulating Kubernetes v1.32)\n"

    /// Greets the learner in the sandbox: where to start and how to leave.
    public static func banner(nodes: Int) -> String {
        let workers = nodes == 1 ? "1 worker node" : "\(nodes) worker nodes"
        return "kubelab: a simulated Kubernetes v1.32 cluster with \(workers). "
            + "Try `kubectl get nodes`.\nType `exit` or press Ctrl-D to leave.\n"
    }

    public static let help = """
        kubelab: a Kubernetes StatefulSet learning shell with an offline, simulated cluster.

        Usage:
          kubelab [--seed N] [--nodes N]            start the interactive sandbox
          kubelab lesson [ID] [--lang en|ko|ja]     list the lessons, or start one
          kubelab run SCRIPT|- [--strict]           run the lines of a file (- reads standard input)
                                                    and print the transcript
          kubelab grade --lesson ID [--format F] FILE...
                                                    grade transcripts; F is text, json, junit, csv
                                                    or gradescope
          kubelab replay FILE                       re-run a transcript and show where it differs

        Options for every command:
          --seed N      seed of the simulated cluster (default \(LabOptions.defaultSeed)); the same seed
                        and the same input print the same output
          --nodes N     worker nodes in the cluster, \(LabOptions.nodeRange.lowerBound) to \
        \(LabOptions.nodeRange.upperBound) (default \(LabOptions.defaultNodes))
          --lang L      language of lesson texts: en, ko or ja (default en)
          -h, --help    show this help
          --version     show the version

        Exit codes: 0 success, 1 a command failed in 'run --strict' or a transcript failed grading,
        2 a usage error.

        """
}
