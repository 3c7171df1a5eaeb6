import KubeLab
/// What one invocation of `kubelab` asks for, after its arguments were checked.
public enum KubeLabCommand: Equatable, Sendable {
    /// `kubelab`: the interactive sandbox.
    case sandbox(LabOptions)
    /// `kubelab lesson [ID]`: list lessons (no id) or start one.
    case lesson(id: String?, options: LabOptions)
    /// `kubelab run SCRIPT|-`: a transcript of the script's lines; `strict` turns a failed host command into exit 1.
    case run(script: String, strict: Bool, options: LabOptions)
    /// `kubelab grade --lesson ID FILE...`.
    case grade(lesson: String, format: ReportFormat, files: [String], options: LabOptions)
    /// `kubelab replay FILE`.
    case replay(file: String, options: LabOptions)
    case help
    case version
}
