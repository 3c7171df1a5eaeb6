/// Record types the cluster DNS answers; everything else gets an empty NOERROR answer, as
/// CoreDNS's kubernetes plugin gives for a known name and an unsupported type.
public enum DNSRecordType: String, Sendable, CaseIterable {
    case a = "A"
    case aaaa = "AAAA"
    case srv = "SRV"
    case ptr = "PTR"
    case cname = "CNAME"
    case mx = "MX"
    case txt = "TXT"
    case soa = "SOA"
    case ns = "NS"
    case any = "ANY"

    /// The type a tool names on its command line (`dig x srv`, `nslookup -type=SRV`).
    public init?(name: String) { self.init(rawValue: name.uppercased()) }
}

/// The response codes the simulated resolver can give, with the numbers `host` prints.
public enum DNSResponseCode: Int, Sendable {
    case noError = 0
    case serverFailure = 2
    case nameError = 3

    /// The mnemonic the tools print (`NXDOMAIN`, `SERVFAIL`).
    public var text: String {
        switch self {
        case .noError: return "NOERROR"
        case .serverFailure: return "SERVFAIL"
        case .nameError: return "NXDOMAIN"
        }
    }
}

/// One resource record of an answer. `name` and name-valued data are fully qualified without
/// the trailing dot; printers add it where the tool does.
public struct DNSRecord: Equatable, Sendable {
    public enum Data: Equatable, Sendable {
        case address(String)
        case service(priority: Int, weight: Int, port: Int, target: String)
        case pointer(String)
    }

    public var name: String
    public var ttl: Int
    public var data: Data

    public init(name: String, ttl: Int, data: Data) {
        self.name = name
        self.ttl = ttl
        self.data = data
    }

    public var type: DNSRecordType {
        switch data {
        case .address: return .a
        case .service: return .srv
        case .pointer: return .ptr
        }
    }

    /// The address of an A record.
    public var address: String? { if case .address(let ip) = data { return ip } else { return nil } }
}

/// What the cluster DNS server says to one question.
public struct DNSResponse: Equatable, Sendable {
    public var code: DNSResponseCode
    public var answers: [DNSRecord]
    /// Address records for SRV targets (dig's ADDITIONAL SECTION).
    public var additional: [DNSRecord]
    /// CoreDNS is authoritative for `cluster.local` and the reverse zones it serves.
    public var authoritative: Bool

    public init(code: DNSResponseCode, answers: [DNSRecord] = [], additional: [DNSRecord] = [], authoritative: Bool = true) {
        self.code = code
        self.answers = answers
        self.additional = additional
        self.authoritative = authoritative
    }

    public static let nameError = DNSResponse(code: .nameError)
    /// An out-of-cluster name: there is no upstream resolver offline (see `ClusterDNS`).
    public static let serverFailure = DNSResponse(code: .serverFailure, authoritative: false)

    /// A found name with records of the asked type.
    public var hasAnswers: Bool { code == .noError && !answers.isEmpty }
}

/// One question a stub resolver sent while walking the search path, with its answer.
public struct DNSAttempt: Equatable, Sendable {
    public var name: String
    public var response: DNSResponse
}

/// The outcome of resolving a name as typed in a pod: every question asked, in order, and the
/// one that answered (if any).
public struct DNSResolution: Equatable, Sendable {
    public var attempts: [DNSAttempt]

    /// The first attempt that returned records.
    public var answered: DNSAttempt? { attempts.first { $0.response.hasAnswers } }
    /// The FQDN that answered (no trailing dot).
    public var fqdn: String? { answered?.name }
    public var records: [DNSRecord] { answered?.response.answers ?? [] }
    /// A-record addresses of the answer, in the order the server gave them.
    public var addresses: [String] { records.compactMap(\.address) }

    /// What a stub resolver reports when nothing answered: SERVFAIL wins over NXDOMAIN the way
    /// glibc keeps the last hard error; a name that exists without records is NOERROR.
    public var failureCode: DNSResponseCode {
        if answered != nil { return .noError }
        if attempts.contains(where: { $0.response.code == .serverFailure }) { return .serverFailure }
        if attempts.contains(where: { $0.response.code == .noError }) { return .noError }
        return .nameError
    }
}
