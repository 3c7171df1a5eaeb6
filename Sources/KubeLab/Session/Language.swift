/// The languages lesson texts are written in (`--lang`).
public enum Language: String, CaseIterable, Equatable, Sendable {
    case english = "en"
    case korean = "ko"
    case japanese = "ja"
}
