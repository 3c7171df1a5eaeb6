import Foundation

/// The `kubelab` executable that `swift build`/`swift test` put next to the test bundle.
enum BuiltBinary {
    static var kubelab: String? {
        guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        let candidate = URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("kubelab").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    static var python3: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs `executable` to completion in `directory` with `input` on stdin; stdout and stderr
    /// come back merged when `mergeErrors`, as `2>&1` would.
    static func run(
        _ executable: String, _ arguments: [String], in directory: String, input: String = "",
        environment: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], mergeErrors: Bool = false
    ) throws -> (out: String, err: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Sessions are recorded under XDG_DATA_HOME: keep the tests' recordings in their own folder.
        var environment = environment
        if environment["XDG_DATA_HOME"] == nil { environment["XDG_DATA_HOME"] = directory + "/.data" }
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = mergeErrors ? stdout : Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = mergeErrors ? Data() : stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), process.terminationStatus)
    }

    /// A fresh empty directory to run kubelab in (it writes its history file there).
    static func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubelab-e2e-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
