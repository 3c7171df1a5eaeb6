import Foundation

/// The databases and tables under one data directory: a database is a directory, a table is
/// `<name>.frm` (its definition, JSON) beside `<name>.ibd` (its rows, one JSON array per line).
///
/// Nothing is cached: every statement reads what it needs, so a server started over the same
/// volume (the pod recreated by its StatefulSet) sees exactly what the previous one wrote.
struct SQLCatalog {
    let storage: DatabaseStorage
    /// The directory holding one subdirectory per database.
    let root: String

    private struct Definition: Codable {
        var name: String
        var columns: [SQLColumn]
        var nextAutoIncrement: Int64
    }

    func path(_ database: String) -> String { root + "/" + database }

    func databaseNames() -> [String] {
        (storage.directoryEntries(root) ?? []).filter { name in
            !name.hasPrefix(".") && !name.hasPrefix("#") && name != "lost+found" && storage.isDirectory(path(name))
        }
    }

    func databaseExists(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && storage.isDirectory(path(name))
    }

    func createDatabase(_ name: String, options: String?) throws(SQLError) {
        do {
            try storage.makeDirectory(path(name))
            if let options { try storage.storeFile(path(name) + "/db.opt", text: options) }
        } catch { throw .storage(Self.describe(error)) }
    }

    /// Removes the database; returns how many tables it held.
    func dropDatabase(_ name: String) throws(SQLError) -> Int {
        let count = tableNames(name).count
        do { try storage.removeItem(path(name)) } catch { throw .storage(Self.describe(error)) }
        return count
    }

    func tableNames(_ database: String) -> [String] {
        (storage.directoryEntries(path(database)) ?? [])
            .filter { $0.hasSuffix(".frm") && $0.count > 4 }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    func tableExists(_ database: String, _ table: String) -> Bool {
        storage.fileText(path(database) + "/" + table + ".frm") != nil
    }

    func loadTable(_ database: String, _ table: String) -> SQLTable? {
        let base = path(database) + "/" + table
        guard let definitionText = storage.fileText(base + ".frm"),
              let definition = try? JSONDecoder().decode(Definition.self, from: Data(definitionText.utf8)) else { return nil }
        var rows: [[SQLValue]] = []
        for line in (storage.fileText(base + ".ibd") ?? "").split(separator: "\n") {
            if let row = try? JSONDecoder().decode([SQLValue].self, from: Data(line.utf8)) {
                // A damaged line never breaks the table: pad or cut it to the column count.
                rows.append(Array((row + Array(repeating: .null, count: max(0, definition.columns.count - row.count))).prefix(definition.columns.count)))
            }
        }
        return SQLTable(name: definition.name, columns: definition.columns, rows: rows, nextAutoIncrement: definition.nextAutoIncrement)
    }

    func saveTable(_ database: String, _ table: SQLTable) throws(SQLError) {
        let base = path(database) + "/" + table.name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let definition = Definition(name: table.name, columns: table.columns, nextAutoIncrement: table.nextAutoIncrement)
            let definitionText = String(decoding: try encoder.encode(definition), as: UTF8.self) + "\n"
            var rowsText = ""
            for row in table.rows { rowsText += String(decoding: try encoder.encode(row), as: UTF8.self) + "\n" }
            try storage.storeFile(base + ".frm", text: definitionText)
            try storage.storeFile(base + ".ibd", text: rowsText)
        } catch { throw .storage(Self.describe(error)) }
    }

    func dropTable(_ database: String, _ table: String) throws(SQLError) {
        let base = path(database) + "/" + table
        do {
            try storage.removeItem(base + ".frm")
            try storage.removeItem(base + ".ibd")
        } catch { throw .storage(Self.describe(error)) }
    }

    static func describe(_ error: Error) -> String {
        if let storageError = error as? DatabaseStorageError { return storageError.message }
        return String(describing: error)
    }
}
