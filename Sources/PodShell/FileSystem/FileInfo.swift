/// What `stat` reports about a path: enough for `ls -l`, `test -f`, `du` and `find`.
public struct FileInfo: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case directory, file, symlink, device }
    public let path: String
    public let kind: Kind
    public let size: Int
    public let mode: UInt16
    public let uid: Int
    public let gid: Int
    public let mtime: Int64
    /// Target text of a symlink (only from `lstat`).
    public let linkTarget: String?

    /// `drwxr-xr-x`, `-rw-r--r--`, `lrwxrwxrwx`, `crw-rw-rw-`.
    public var modeString: String {
        let type: Character
        switch kind {
        case .directory: type = "d"
        case .file: type = "-"
        case .symlink: type = "l"
        case .device: type = "c"
        }
        var s = String(type)
        let letters: [Character] = ["r", "w", "x"]
        // setuid, setgid and sticky replace the x of owner, group and others (`s`/`S`, `t`/`T`).
        let special: [(bit: UInt16, set: Character, unset: Character)] = [(0o4000, "s", "S"), (0o2000, "s", "S"), (0o1000, "t", "T")]
        for (index, shift) in stride(from: 6, through: 0, by: -3).enumerated() {
            let bits = Int(mode >> UInt16(shift)) & 7
            for (i, letter) in letters.enumerated() {
                let on = bits & (4 >> i) != 0
                if i == 2, mode & special[index].bit != 0 {
                    s.append(on ? special[index].set : special[index].unset)
                } else {
                    s.append(on ? letter : "-")
                }
            }
        }
        return s
    }
}

/// A mounted volume as `df` and `mount` see it.
public struct MountInfo: Sendable, Equatable {
    public let mountPath: String
    public let volumeName: String
    public let subPath: String?
    public let readOnly: Bool
    public let capacityBytes: Int?
    public let usedBytes: Int
}
