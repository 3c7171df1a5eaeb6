/// Why a filesystem operation failed, worded as `strerror` does so utilities can print
/// `cat: /x: No such file or directory` exactly as coreutils and busybox do.
public enum FileSystemError: Error, Equatable, Sendable {
    case notFound
    case notADirectory
    case isADirectory
    case alreadyExists
    case readOnly
    case noSpace
    case fileTooLarge
    case directoryNotEmpty
    case permissionDenied
    case invalidArgument
    case tooManySymlinks
    /// A path of PATH_MAX (4096) bytes or more, or a component over NAME_MAX (255): ENAMETOOLONG.
    case nameTooLong

    /// The C library's message for the matching errno.
    public var message: String {
        switch self {
        case .notFound: return "No such file or directory"
        case .notADirectory: return "Not a directory"
        case .isADirectory: return "Is a directory"
        case .alreadyExists: return "File exists"
        case .readOnly: return "Read-only file system"
        case .noSpace: return "No space left on device"
        case .fileTooLarge: return "File too large"
        case .directoryNotEmpty: return "Directory not empty"
        case .permissionDenied: return "Permission denied"
        case .invalidArgument: return "Invalid argument"
        case .tooManySymlinks: return "Too many levels of symbolic links"
        case .nameTooLong: return "File name too long"
        }
    }
}
