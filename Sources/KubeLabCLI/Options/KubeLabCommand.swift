import KubeLab
import Transcripts

/// What one invocation of `kubelab` asks for, after its arguments were checked.
public enum KubeLabCommand: Equatable, Sendable {
    /// `kubelab`: the interactive sandbox.
    case sandbox(LabOptions, record: String?)
    /// `kubelab lesson`: the list of lessons with progress.
    case listLessons(LabOptions)
    /// `kubelab lesson ID`: start or resume one (`restart` forgets saved progress first).
    case lesson(id: String, restart: Bool, record: String?, options: LabOptions)
    /// `kubelab lesson check ID|DIR`: validate a lesson by running its solution.
    case checkLesson(target: String, languages: [Language])
    /// `kubelab run SCRIPT|-`: a transcript of the script's lines; `strict` turns a failed host command into exit 1.
    case run(script: String, strict: Bool, options: LabOptions)
    /// `kubelab grade --lesson ID FILE|DIR...` (one shard of them), or `grade --merge RESULT.json...`.
    case grade(lesson: String?, format: ReportRenderer.Format, files: [String], shard: ClassGrader.Shard?, merge: Bool)
    /// `kubelab replay FILE`.
    case replay(file: String, cast: String?)
}
