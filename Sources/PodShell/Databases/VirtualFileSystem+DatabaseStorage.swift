/// A container's filesystem holds the database files, so they land on whatever volume is mounted
/// at the data directory (a PVC's subPath in seed 003) and follow it.
extension VirtualFileSystem: DatabaseStorage {
    public func directoryEntries(_ path: String) -> [String]? {
        guard isDirectory(path) else { return nil }
        return try? list(path)
    }

    public func fileText(_ path: String) -> String? {
        guard isFile(path) else { return nil }
        return try? readText(path)
    }

    public func storeFile(_ path: String, text: String) throws {
        do { try writeFile(path, text: text) } catch let error as FileSystemError { throw DatabaseStorageError(error.message) }
    }

    public func makeDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        do { try createDirectory(path, withIntermediates: true) } catch let error as FileSystemError { throw DatabaseStorageError(error.message) }
    }

    public func removeItem(_ path: String) throws {
        guard exists(path) else { return }
        do { try remove(path, recursive: true) } catch let error as FileSystemError { throw DatabaseStorageError(error.message) }
    }
}
