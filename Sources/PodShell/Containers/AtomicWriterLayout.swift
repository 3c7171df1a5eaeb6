import KubeAPI

/// The layout the kubelet's atomic writer gives Secret, ConfigMap, downward-API and projected volumes:
/// the files live in a hidden `..YYYY_MM_DD_hh_mm_ss.N` directory, `..data` links to it, and every
/// top-level name is a link `name -> ..data/name`. An update swaps `..data` in one rename, which is why
/// `ls -l` inside such a volume shows only symlinks (and `total 0`) while the modes apply to the files.
enum AtomicWriterLayout {
    /// Writes `files` (relative path, bytes, mode) into `fs` at its root in the atomic-writer layout.
    /// - Parameter seed: makes the directory's random suffix (Go's `os.MkdirTemp`) stable per volume.
    static func write(_ files: [(String, [UInt8], UInt16)], into fs: VirtualFileSystem, at now: Millis, seed: String) {
        let dataDirectory = timestampDirectoryName(now, seed: seed)
        try? fs.createDirectory("/" + dataDirectory, mode: 0o755)
        var topLevel: [String] = []
        for (path, bytes, mode) in files where !path.isEmpty {
            let full = "/" + dataDirectory + "/" + path
            try? fs.createDirectory(VirtualFileSystem.dirname(full), withIntermediates: true)
            try? fs.writeFile(full, bytes: bytes, mode: mode)
            if let first = path.split(separator: "/").first.map(String.init), !topLevel.contains(first) { topLevel.append(first) }
        }
        try? fs.createSymlink(at: "/..data", target: dataDirectory)
        for name in topLevel { try? fs.createSymlink(at: "/" + name, target: "..data/" + name) }
    }

    /// `..2025_03_10_09_00_05.3518474113`: the UTC time of the write in Go's `2006_01_02_15_04_05.`
    /// layout followed by the decimal digits `os.MkdirTemp` appends.
    static func timestampDirectoryName(_ now: Millis, seed: String) -> String {
        let stamp = Timestamp.rfc3339(now).dropLast().map { $0 == "-" || $0 == "T" || $0 == ":" ? "_" : $0 }
        var hash: UInt32 = 2_166_136_261
        for byte in seed.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return ".." + String(stamp) + "." + String(hash)
    }
}
