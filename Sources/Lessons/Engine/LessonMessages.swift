import KubeLab

/// The engine's own sentences in English, Korean and Japanese: each `LessonEvent` worded for the
/// learner. The shell adds colour by `Tone`; the words themselves carry none.
public enum LessonMessages {
    public enum Tone: Sendable { case plain, step, success, hint, warning }

    public struct Message: Equatable, Sendable {
        public var text: String
        public var tone: Tone
    }

    public static func render(
        _ event: LessonEvent, lesson: Lesson, progress: LessonProgress, language lang: Language
    ) -> Message {
        let n = lesson.steps.count
        func pick(_ en: String, _ ko: String, _ ja: String) -> String {
            switch lang {
            case .english: en
            case .korean: ko
            case .japanese: ja
            }
        }
        switch event {
        case .introduced(let resumed):
            let head = pick("Lesson", "레슨", "レッスン") + " \(lesson.id): \(lesson.title(lang))\n"
            if let resumed {
                let at = min(resumed + 1, n)
                return Message(text: head + pick(
                    "Resumed where you left off: step \(at) of \(n).",
                    "중단한 곳에서 이어갑니다: \(n)단계 중 \(at)단계.",
                    "中断したところから再開します: 全\(n)ステップ中ステップ\(at)。") + "\n", tone: .step)
            }
            var text = head + lesson.summary(lang).trimmedTrailingNewlines + "\n"
            if let coverage = lesson.coverage { text += coverage(lang).trimmedTrailingNewlines + "\n" }
            text += pick(
                "Lesson words: lesson, hint, check, progress, skip, solution, answer TEXT, undo, reset, lang en|ko|ja.",
                "레슨 명령: lesson, hint, check, progress, skip, solution, answer 답, undo, reset, lang en|ko|ja.",
                "レッスン用コマンド: lesson, hint, check, progress, skip, solution, answer 答え, undo, reset, lang en|ko|ja。") + "\n"
            return Message(text: text, tone: .step)
        case .stepStarted(let index):
            let step = lesson.steps[index]
            var text = "\n" + pick("Step", "단계", "ステップ") + " \(index + 1)/\(n) "
            text += pick("(\(step.points) points)", "(\(step.points)점)", "(\(step.points)点)") + ": "
            text += step.text(lang).trimmedTrailingNewlines + "\n"
            if let question = step.question {
                text += pick("Question: ", "질문: ", "質問: ") + question(lang).trimmedTrailingNewlines + "\n"
                text += pick("Reply with: answer TEXT", "답하려면: answer 답", "答えるには: answer 答え") + "\n"
            }
            return Message(text: text, tone: .step)
        case .stepPassed(let index, let points):
            let step = lesson.steps[index]
            let shown = progress.steps[index].status == .shown
            var text = "✓ " + pick("Step \(index + 1) passed", "\(index + 1)단계 통과", "ステップ\(index + 1)クリア")
            text += pick(" (+\(points) points)", " (+\(points)점)", " (+\(points)点)")
            if shown { text += pick(", solution shown", ", 풀이를 본 단계", "、解答を表示済み") }
            return Message(text: text + ": " + step.confirmation(lang).trimmedTrailingNewlines + "\n", tone: .success)
        case .lessonComplete(let points, let maximum):
            return Message(text: "\n" + pick(
                "Lesson \(lesson.id) complete: \(points) of \(maximum) points.",
                "레슨 \(lesson.id) 완료: \(maximum)점 중 \(points)점.",
                "レッスン\(lesson.id)完了: \(maximum)点中\(points)点。") + "\n", tone: .success)
        case .hint(let index, let number, let total):
            let hint = lesson.steps[index].hints[number - 1](lang).trimmedTrailingNewlines
            return Message(text: pick("Hint", "힌트", "ヒント") + " \(number)/\(total): \(hint)\n", tone: .hint)
        case .noMoreHints:
            return Message(text: pick(
                "No more hints for this step; `solution` shows the commands (the step then counts as shown).",
                "이 단계의 힌트는 더 없습니다. `solution`으로 명령을 볼 수 있습니다(그 단계는 '풀이를 본 단계'가 됩니다).",
                "このステップのヒントはもうありません。`solution` でコマンドを表示できます(そのステップは「解答表示済み」になります)。") + "\n", tone: .hint)
        case .clusterWaits(let reasons):
            let heading = pick("The cluster is still working:", "클러스터가 아직 진행 중입니다:", "クラスターはまだ処理中です:")
            return Message(text: heading + "\n" + reasons.map { "  " + $0 + "\n" }.joined(), tone: .hint)
        case .progress:
            var text = pick("Lesson", "레슨", "レッスン") + " \(lesson.id): "
            let at = progress.isComplete ? pick("finished", "완료", "完了") : pick("step", "단계", "ステップ") + " \(progress.current + 1)/\(n)"
            text += at + ", " + pick(
                "\(progress.finishedCount)/\(n) steps done, \(progress.points(in: lesson)) of \(lesson.maximumPoints) points",
                "\(n)단계 중 \(progress.finishedCount)단계 완료, \(lesson.maximumPoints)점 중 \(progress.points(in: lesson))점",
                "全\(n)ステップ中\(progress.finishedCount)完了、\(lesson.maximumPoints)点中\(progress.points(in: lesson))点") + "\n"
            for (index, step) in lesson.steps.enumerated() {
                let state = progress.steps[index]
                let mark = switch state.status {
                case .passed: "✓"
                case .shown: "◐"
                case .skipped: "–"
                case .pending: index == progress.current ? "▸" : " "
                }
                text += "  \(mark) \(index + 1). \(step.id)\n"
            }
            return Message(text: text, tone: .plain)
        case .notYet(_, let reason):
            return Message(text: pick("Not yet: ", "아직 통과하지 못했습니다: ", "まだクリアしていません: ") + reason + "\n", tone: .warning)
        case .skipped(let index):
            return Message(text: pick("Step \(index + 1) skipped.", "\(index + 1)단계를 건너뛰었습니다.", "ステップ\(index + 1)をスキップしました。") + "\n", tone: .warning)
        case .solution(let index, let lines):
            var text = pick(
                "Solution for step \(index + 1) (it now counts as shown, not solved):",
                "\(index + 1)단계 풀이(이 단계는 이제 '풀이를 본 단계'로 셉니다):",
                "ステップ\(index + 1)の解答(このステップは「解答表示済み」として数えます):") + "\n"
            for line in lines { text += "  " + line + "\n" }
            return Message(text: text, tone: .hint)
        case .reset:
            return Message(text: pick(
                "The lesson starts again on a fresh cluster.",
                "새 클러스터에서 레슨을 처음부터 다시 시작합니다.",
                "新しいクラスターでレッスンを最初からやり直します。") + "\n", tone: .warning)
        case .undone(let line):
            return Message(text: pick(
                "Took back `\(line.terminalSafe)`: every other command was replayed on a fresh cluster.",
                "`\(line.terminalSafe)`을(를) 취소했습니다. 나머지 명령은 새 클러스터에서 다시 실행했습니다.",
                "`\(line.terminalSafe)` を取り消しました。ほかのコマンドは新しいクラスターで再実行しました。") + "\n", tone: .warning)
        case .nothingToUndo:
            return Message(text: pick("Nothing to undo.", "취소할 명령이 없습니다.", "取り消すコマンドがありません。") + "\n", tone: .warning)
        case .languageChanged(let chosen):
            let name = switch chosen {
            case .english: "English"
            case .korean: "한국어"
            case .japanese: "日本語"
            }
            return Message(text: "lang: \(name)\n", tone: .plain)
        case .unknownLanguage(let given):
            let shown = given.isEmpty ? "" : " '\(given.terminalSafe)'"
            return Message(text: pick(
                "lang: unknown language\(shown); choose one of: en, ko, ja",
                "lang: 알 수 없는 언어\(shown). en, ko, ja 중에서 고르세요",
                "lang: 不明な言語\(shown)。en, ko, ja から選んでください") + "\n", tone: .warning)
        case .answerWithoutQuestion:
            return Message(text: pick(
                "answer: this step asks no question.",
                "answer: 이 단계에는 질문이 없습니다.",
                "answer: このステップには質問がありません。") + "\n", tone: .warning)
        case .answerNeedsText:
            return Message(text: pick("usage: answer TEXT", "사용법: answer 답", "使い方: answer 答え") + "\n", tone: .warning)
        case .wrongAnswer(let given):
            return Message(text: pick(
                "'\(given.terminalSafe)' is not the answer; try again, or ask for a `hint`.",
                "'\(given.terminalSafe)'은(는) 정답이 아닙니다. 다시 해 보거나 `hint`를 입력하세요.",
                "'\(given.terminalSafe)' は正解ではありません。もう一度試すか `hint` を入力してください。") + "\n", tone: .warning)
        case .lessonFinished:
            return Message(text: pick(
                "The lesson is finished; `progress` shows your points and `reset` starts it again.",
                "레슨을 마쳤습니다. `progress`로 점수를 보고 `reset`으로 다시 시작할 수 있습니다.",
                "レッスンは終了しました。`progress` で点数を確認し、`reset` で最初からやり直せます。") + "\n", tone: .plain)
        case .usage(let word):
            return Message(text: pick(
                "usage: \(word) (it takes no arguments)",
                "사용법: \(word) (인자를 받지 않습니다)",
                "使い方: \(word) (引数は取りません)") + "\n", tone: .warning)
        }
    }
}

extension String {
    var trimmedTrailingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }

    /// What a learner typed, shown back without any control character reaching the terminal.
    var terminalSafe: String { TerminalSafeText.make(self) }
}
