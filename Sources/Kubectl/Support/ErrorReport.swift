import Foundation
import KubeAPI

/// One failure of a verb that keeps going after errors (cli-runtime's ContinueOnError).
enum VerbError {
    /// The API server said no.
    case api(APIError)
    /// A client-side message, without the `error: ` prefix.
    case message(String)
}

/// How kubectl prints what went wrong (cmdutil.CheckErr): one error alone in its usual form, several
/// one a line without the `error: ` prefix (MultipleErrors); server errors always as
/// `Error from server (Reason): ...`.
enum ErrorReport {
    static func text(_ errors: [VerbError]) -> String {
        if errors.count == 1 {
            switch errors[0] {
            case .api(let e): return e.kubectlText + "\n"
            case .message(let m): return (m.hasPrefix("error: ") ? m : "error: " + m) + "\n"
            }
        }
        return errors.map { e -> String in
            switch e {
            case .api(let a): return serverText(a) + "\n"
            case .message(let m): return m + "\n"
            }
        }.joined()
    }

    /// StandardErrorMessage: `Error from server (Invalid): StatefulSet.apps "web" is invalid: ...` even
    /// for Invalid errors, whose causes only get their own lines when the error is alone.
    static func serverText(_ e: APIError) -> String {
        guard e.reason == .invalid, e.invalidKind != nil else { return e.kubectlText }
        return "Error from server (Invalid): \(e.statusMessage)"
    }

    /// Prints the errors (if any) and gives the exit code.
    static func finish(_ errors: [VerbError], call: Invocation) -> Int32 {
        guard !errors.isEmpty else { return 0 }
        call.err(text(errors))
        return 1
    }

    /// Prints errors already in their final words, one a line (a message that ends in a newline of
    /// its own, as `set image`'s does, leaves a blank line as kubectl's does), and gives the exit code.
    static func finish(lines errors: [String], call: Invocation) -> Int32 {
        guard !errors.isEmpty else { return 0 }
        call.err(errors.map { $0 + "\n" }.joined())
        return 1
    }
}
