/// `pg_dump` of the postgres image: the database as SQL (plain, to stdout or `-f`), or wrapped in
/// a tar archive (`-F tar`, as the backup CronJob of seed 002 writes it), read over a connection
/// like psql's.
public enum PgDump {
    public static func run(_ io: DatabaseCommandIO, connector: PostgresConnector, now: Int64 = 0) -> Int32 {
        let options: PostgresClientOptions
        do { options = try PostgresClientOptions.parse(io.arguments, program: "pg_dump") } catch {
            io.writeError(PostgresClientOptions.message(error, program: "pg_dump"))
            return 1
        }
        if options.flags.contains("version") { io.write("pg_dump (PostgreSQL) 11.6\n"); return 0 }
        let format: String
        switch (options.values["format"] ?? "p").lowercased() {
        case "p", "plain": format = "plain"
        case "t", "tar": format = "tar"
        case "c", "custom": format = "custom"
        case let other:
            io.writeError("pg_dump: invalid output format \"\(other)\" specified\n")
            return 1
        }
        let user = options.values["username"] ?? io.environment["PGUSER"] ?? io.environment["USER"] ?? "root"
        let database = options.values["dbname"] ?? options.positional.first ?? io.environment["PGDATABASE"] ?? user
        let host = options.values["host"] ?? io.environment["PGHOST"]
        let password = io.environment["PGPASSWORD"]
        let server: PostgresServer
        switch connector.connect(host: host, user: user, database: database, password: { password }) {
        case .failure(let failure):
            io.writeError("pg_dump: [archiver (db)] connection to database \"\(database)\" failed: \(failure.text)\n")
            return 1
        case .success(let found):
            server = found
        }
        let plain = dump(server: server, database: database, only: options.values["table"])
        guard let file = options.values["file"] else {
            if format == "plain" { io.write(plain) } else { io.write(String(decoding: encode(plain, format: format, server: server, database: database, now: now), as: UTF8.self)) }
            return 0
        }
        let path = io.absolutePath(file)
        let bytes = format == "plain" ? Array(plain.utf8) : encode(plain, format: format, server: server, database: database, now: now)
        do {
            guard let files = io.files else { throw DatabaseStorageError("No such file or directory") }
            try files.storeFile(path, text: String(decoding: bytes, as: UTF8.self))
        } catch {
            let reason = (error as? DatabaseStorageError)?.message ?? "No such file or directory"
            if format == "tar" {
                io.writeError("pg_dump: [tar archiver] could not open TOC file \"\(file)\" for output: \(reason)\n")
            } else {
                io.writeError("pg_dump: [archiver] could not open output file \"\(file)\": \(reason)\n")
            }
            return 1
        }
        return 0
    }

    /// The tar format holds the table of contents, one data file per table, and restore.sql.
    static func encode(_ plain: String, format: String, server: PostgresServer, database: String, now: Int64) -> [UInt8] {
        let header = Array("PGDMP".utf8) + [1, 13, 0, 4, 8, 1, 1] + Array("\(database)\n".utf8)
        guard format == "tar" else { return header + Array(plain.utf8) }
        var entries = [TarArchive.Entry(name: "toc.dat", bytes: header)]
        for (index, name) in server.catalog.tableNames(database).enumerated() {
            guard let table = server.catalog.loadTable(database, name) else { continue }
            entries.append(TarArchive.Entry(name: "\(3000 + index).dat", bytes: Array((copyRows(table) + "\\.\n\n").utf8)))
        }
        entries.append(TarArchive.Entry(name: "restore.sql", bytes: Array(plain.utf8)))
        return TarArchive.archive(entries, modifiedSeconds: now / 1000)
    }

    static func dump(server: PostgresServer, database: String, only: String?) -> String {
        var text = """
            --
            -- PostgreSQL database dump
            --

            -- Dumped from database version 11.6
            -- Dumped by pg_dump version 11.6

            SET statement_timeout = 0;
            SET lock_timeout = 0;
            SET idle_in_transaction_session_timeout = 0;
            SET client_encoding = 'UTF8';
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET check_function_bodies = false;
            SET xmloption = content;
            SET client_min_messages = warning;
            SET row_security = off;

            SET default_tablespace = '';

            SET default_with_oids = false;


            """
        let names = server.catalog.tableNames(database).filter { only == nil || $0 == only }
        for name in names {
            guard let table = server.catalog.loadTable(database, name) else { continue }
            let columns = table.columns.map { column in
                "    \(column.name) \(column.type.postgresName)\(column.notNull ? " NOT NULL" : "")"
            }
            text += """
                --
                -- Name: \(name); Type: TABLE; Schema: public; Owner: postgres
                --

                CREATE TABLE public.\(name) (
                \(columns.joined(separator: ",\n"))
                );


                ALTER TABLE public.\(name) OWNER TO postgres;


                """
        }
        for name in names {
            guard let table = server.catalog.loadTable(database, name) else { continue }
            text += """
                --
                -- Data for Name: \(name); Type: TABLE DATA; Schema: public; Owner: postgres
                --

                COPY public.\(name) (\(table.columns.map(\.name).joined(separator: ", "))) FROM stdin;
                \(copyRows(table))\\.


                """
        }
        return text + "--\n-- PostgreSQL database dump complete\n--\n\n"
    }

    /// COPY text format: tab-separated, `\N` for NULL.
    static func copyRows(_ table: SQLTable) -> String {
        table.rows.map { row in
            row.map { value -> String in
                if value == .null { return "\\N" }
                var out = ""
                for c in value.displayText {
                    switch c {
                    case "\\": out += "\\\\"
                    case "\t": out += "\\t"
                    case "\n": out += "\\n"
                    default: out.append(c)
                    }
                }
                return out
            }.joined(separator: "\t") + "\n"
        }.joined()
    }
}
