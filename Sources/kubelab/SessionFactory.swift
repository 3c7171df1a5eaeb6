import KubeLab
import KubeLabCLI

/// The one place that decides which session the executable runs: a sandbox `Lab` over the
/// current working directory.
func makeSession(_ options: LabOptions) -> LabSession {
    Lab(options: options, workingDirectory: WorkingDirectoryFiles.current())
}
