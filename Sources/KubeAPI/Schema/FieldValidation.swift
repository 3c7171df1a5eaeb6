/// How the API server treats fields its schema does not know (the request's `fieldValidation`).
///
/// kubectl asks for `Strict` (its `--validate=strict` default) and hears a BadRequest. The
/// controllers' typed clients send nothing, so the server's default `Warn` applies: it drops the
/// fields and returns warnings that client-go only logs. Those clients also build their objects
/// from already admitted templates and cannot carry unknown fields, so for them the decode check
/// is skipped outright; that is most of the cost of admitting the pods and Jobs controllers make.
public enum FieldValidation: Sendable {
    case strict
    /// A typed client's request: nothing to report, nothing checked.
    case typedClient
}
