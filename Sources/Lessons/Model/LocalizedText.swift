import KubeLab

/// A text a lesson shows, in each language it was written in (`en`, `ko`, `ja`).
public struct LocalizedText: Equatable, Sendable {
    public var texts: [Language: String]

    public init(_ texts: [Language: String]) { self.texts = texts }

    /// The text in `language`, or English when that language is missing (the validator reports it).
    public func callAsFunction(_ language: Language) -> String {
        texts[language] ?? texts[.english] ?? texts.values.sorted().first ?? ""
    }

    /// Languages kubelab supports that this text lacks (empty texts count as missing).
    public var missingLanguages: [Language] {
        Language.allCases.filter { (texts[$0] ?? "").allSatisfy(\.isWhitespace) }
    }
}
