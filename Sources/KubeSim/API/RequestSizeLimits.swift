import KubeAPI

/// The two size limits a write meets on its way to etcd, with the words each layer answers in.
///
/// - The API server reads at most 3 MiB of a request body (`MaxRequestBodyBytes`, k8s.io/apiserver
///   pkg/server/config.go) and answers a longer one with 413 `RequestEntityTooLarge`.
/// - etcd refuses a request over 1.5 MiB (`--max-request-bytes`, default 1572864). The API server
///   passes its error on as it is: a Status with no reason and code 500, which kubectl prints as
///   `Error from server: etcdserver: request is too large`.
///
/// etcd measures the object's protobuf encoding; kubelab measures its compact JSON, which is the
/// same for the large string values that reach these limits and a little longer otherwise.
/// Controllers' own writes (`FieldValidation.typedClient`) are not measured: they are stamped from
/// templates that were measured when they were written.
public enum RequestSizeLimits {
    public static let maxRequestBodyBytes = 3 * 1024 * 1024
    public static let maxStoredObjectBytes = 1024 * 1024 + 512 * 1024

    /// The API server's check of a request body of `bytes` bytes.
    public static func checkBody(bytes: Int) throws(APIError) {
        guard bytes > maxRequestBodyBytes else { return }
        throw APIError(.requestEntityTooLarge, "Request entity too large: limit is \(maxRequestBodyBytes)")
    }

    /// The body kubectl sends to create or replace `object`: the object as JSON.
    public static func checkBody(of object: JSONValue) throws(APIError) {
        try checkBody(bytes: encodedBytes(object))
    }

    /// etcd's check of the object about to be stored.
    static func checkStored(_ object: JSONValue) throws(APIError) {
        guard encodedBytes(object) > maxStoredObjectBytes else { return }
        throw APIError(.unknown, "etcdserver: request is too large")
    }

    static func encodedBytes(_ object: JSONValue) -> Int { JSONText.compactInFieldOrder(object).utf8.count }
}
