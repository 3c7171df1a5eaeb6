import Foundation

/// Where lessons are found and which are there: `$KUBELAB_LESSONS`, else `./lessons`, else the
/// `lessons` folder of the checkout the binary was built in (`.build/debug/kubelab` → `lessons/`).
public struct LessonCatalog: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonCatalog? {
        var candidates: [String] = []
        if let configured = environment["KUBELAB_LESSONS"], !configured.isEmpty { candidates.append(configured) }
        candidates.append(FileManager.default.currentDirectoryPath + "/lessons")
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<4 {
                url = url.deletingLastPathComponent()
                candidates.append(url.appendingPathComponent("lessons").path)
            }
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue,
                FileManager.default.fileExists(atPath: candidate + "/README.md")
                    || !(LessonCatalog(root: candidate).folders.isEmpty)
            {
                return LessonCatalog(root: candidate)
            }
        }
        return nil
    }

    /// Names of the lesson folders (`NN-slug` holding a lesson.yaml), in order of their number.
    public var folderNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            guard let first = name.first, first.isNumber, name.contains("-") else { return false }
            return FileManager.default.fileExists(atPath: root + "/" + name + "/lesson.yaml")
        }.sorted()
    }

    /// Paths of the lesson folders.
    public var folders: [String] { folderNames.map { root + "/" + $0 } }

    /// The IDs (`01`, `02`, ...) of the lessons here.
    public var ids: [String] { folderNames.map { String($0.prefix { $0.isNumber }) } }

    /// The folder of lesson `id` (`01`, `1`, or the folder's full name).
    public func folder(for id: String) -> String? {
        let wanted = id.allSatisfy(\.isNumber) ? String(repeating: "0", count: max(0, 2 - id.count)) + id : id
        guard let name = folderNames.first(where: { $0 == wanted || $0.prefix { $0.isNumber } == wanted }) else { return nil }
        return root + "/" + name
    }
}
