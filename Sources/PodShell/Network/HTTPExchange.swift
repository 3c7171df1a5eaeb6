import KubeAPI

/// What a pod's server answers; nil means no process listens on the port (connection refused).
/// The image catalog supplies one for every image that serves HTTP (nginx's index page,
/// hello-app's greeting, the visit counter).
public typealias HTTPHandler = (HTTPRequest) -> HTTPResponse?

/// One HTTP request as it reaches a pod, after DNS and Service load balancing.
public struct HTTPRequest: Sendable {
    public var method: String
    /// Path with query, starting with `/`.
    public var path: String
    /// The `Host` header the client sent (`web:80`, `hello`).
    public var host: String
    public var headers: [(name: String, value: String)]
    public var body: String
    /// The pod that receives the request and the container port it arrived on.
    public var podNamespace: String
    public var podName: String
    public var port: Int
    /// The address the server sees the request come from (`$remote_addr`): 127.0.0.1 over
    /// localhost, else the client pod's IP (kube-proxy keeps the source inside the cluster).
    public var clientIP: String

    public init(method: String, path: String, host: String, headers: [(name: String, value: String)] = [], body: String = "",
                podNamespace: String, podName: String, port: Int, clientIP: String = "127.0.0.1") {
        self.clientIP = clientIP
        self.method = method
        self.path = path
        self.host = host
        self.headers = headers
        self.body = body
        self.podNamespace = podNamespace
        self.podName = podName
        self.port = port
    }
}

/// A server's answer.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var reason: String
    /// Headers in the order the server sends them (Content-Length is added when missing).
    public var headers: [Header]
    public var body: String

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(status: Int = 200, reason: String? = nil, headers: [Header] = [], body: String) {
        self.status = status
        self.reason = reason ?? HTTPResponse.standardReason(status)
        self.headers = headers
        self.body = body
    }

    /// Headers as sent on the wire, with Content-Length.
    public var wireHeaders: [Header] {
        var h = headers
        if !h.contains(where: { $0.name.lowercased() == "content-length" }) {
            h.append(Header("Content-Length", String(body.utf8.count)))
        }
        return h
    }

    static func standardReason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return ""
        }
    }
}
