import KubeAPI

/// `gcr.io/google-samples/xtrabackup:1.0`: Percona XtraBackup 2.4 and nmap's `ncat` on Debian,
/// which the replicated-MySQL tutorial uses to clone a replica's data directory from the pod one
/// ordinal lower: that pod's sidecar serves `xtrabackup --backup --stream=xbstream` with
/// `ncat --listen ... 3307 -c "..."`, the new pod's init container receives it with
/// `ncat --recv-only mysql-N.mysql 3307 | xbstream -x -C /var/lib/mysql` and prepares it.
///
/// No socket is opened: a listening `ncat` records its command on the container; a connecting
/// `ncat` asks the runtime to run that command in the listening container and reads its output.
/// The stream is a text form of xbstream: one chunk per file, `XBSTCK01 <path> <bytes>` then the bytes.
enum XtraBackupImage {
    static let version = "2.4.20"
    static let chunkMagic = "XBSTCK01"

    /// What a connection to a listening port gives the client.
    enum Connection {
        case data(String)
        case refused
        case unknownHost
    }

    /// The image's programs. `connect(host, port)` reaches another pod's listener; `mysqld` is the
    /// pod's MySQL server (`--host=127.0.0.1` from the sidecar).
    static func commands(instance: ContainerInstance, connect: @escaping (String, Int) -> Connection,
                         mysqld: @escaping () -> MySQLServer?) -> [String: ShellCommand]
    {
        [
            "ncat": { [weak instance] ctx in ncat(ctx, instance: instance, connect: connect) },
            "nc": { [weak instance] ctx in ncat(ctx, instance: instance, connect: connect) },
            "xbstream": xbstream,
            "xtrabackup": { ctx in xtrabackup(ctx, mysqld: mysqld) },
        ]
    }

    // MARK: ncat

    static func ncat(_ ctx: CommandContext, instance: ContainerInstance?, connect: (String, Int) -> Connection) -> Int32 {
        var listen = false
        var command: String? = nil
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            switch arg {
            case "-l", "--listen": listen = true
            case "-k", "--keep-open", "--send-only", "--recv-only", "-v", "--verbose", "-n", "--nodns": break
            case "-c", "--sh-exec", "-e", "--exec": command = args.popFirst()
            case "-m", "--max-conns", "-p", "--source-port", "-w", "--wait", "-i", "--idle-timeout": _ = args.popFirst()
            default:
                if arg.hasPrefix("--max-conns=") || arg.hasPrefix("--wait=") || arg.hasPrefix("--idle-timeout=") { continue }
                if arg.hasPrefix("--sh-exec=") { command = String(arg.dropFirst("--sh-exec=".count)); continue }
                if arg.hasPrefix("-"), arg.count > 1 {
                    ctx.writeError("ncat: unrecognized option '\(arg)'\nNcat: Try `--help' or man(1) ncat for more information, usage options and help. QUITTING.\n")
                    return 2
                }
                operands.append(arg)
            }
        }
        if listen {
            guard let portText = operands.last, let port = Int(portText), (1...65535).contains(port) else {
                ctx.writeError("Ncat: Invalid port number \"\(operands.last ?? "")\". QUITTING.\n")
                return 2
            }
            instance?.listeners[port] = command ?? ""
            // Serves until stopped. A container's main process is run ahead when the container
            // starts, so its listener stays for the container's life; one in a terminal ends at Ctrl-C.
            while ctx.sleep(milliseconds: 3_600_000) {}
            if ctx.environment.terminal != nil { instance?.listeners[port] = nil }
            return 130
        }
        guard operands.count == 2, let port = Int(operands[1]), (1...65535).contains(port) else {
            ctx.writeError(operands.count < 2
                ? "Ncat: You must specify a host to connect to. QUITTING.\n"
                : "Ncat: Invalid port number \"\(operands.last ?? "")\". QUITTING.\n")
            return 2
        }
        switch connect(operands[0], port) {
        case .data(let text):
            ctx.write(text)
            return 0
        case .refused:
            ctx.writeError("Ncat: Connection refused.\n")
            return 1
        case .unknownHost:
            ctx.writeError("Ncat: Could not resolve hostname \"\(operands[0])\": Name or service not known. QUITTING.\n")
            return 2
        }
    }

    // MARK: xbstream

    /// `xbstream -x [-C DIR]`: writes the stream's files under DIR (the current directory by default).
    static func xbstream(_ ctx: CommandContext) -> Int32 {
        var extract = false
        var directory = "."
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            switch arg {
            case "-x", "--extract": extract = true
            case "-C", "--directory": directory = args.popFirst() ?? "."
            default:
                if arg.hasPrefix("--directory=") { directory = String(arg.dropFirst("--directory=".count)) }
                else if arg.hasPrefix("-") { ctx.writeError("xbstream: unknown option \(arg)\n"); return 1 }
            }
        }
        guard extract else {
            ctx.writeError("You must specify exactly one of -c (--create) or -x (--extract)\n")
            return 1
        }
        let root = ctx.absolutePath(directory)
        let fs = ctx.environment.fileSystem
        guard fs.isDirectory(root) else {
            ctx.writeError("xbstream: Can't change dir to '\(directory)' (OS errno 2 - No such file or directory)\n")
            return 1
        }
        let stream = ctx.readStdin()
        guard let files = decode(stream) else {
            ctx.writeError("xbstream: incorrect chunk magic\n")
            return 1
        }
        for (path, text) in files {
            let target = root + "/" + path
            do {
                try fs.makeDirectory(VirtualFileSystem.dirname(target))
                try fs.storeFile(target, text: text)
            } catch {
                ctx.writeError("xbstream: failed to create file '\(path)'\n")
                return 1
            }
        }
        return 0
    }

    static func encode(_ files: [(path: String, text: String)]) -> String {
        files.map { "\(chunkMagic) \($0.path) \($0.text.utf8.count)\n\($0.text)" }.joined()
    }

    /// The files of a stream; nil when it is not one (an empty stream has none).
    static func decode(_ stream: String) -> [(path: String, text: String)]? {
        var bytes = Array(stream.utf8)[...]
        var files: [(path: String, text: String)] = []
        while !bytes.isEmpty {
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == chunkMagic, let size = Int(header[2]), size >= 0,
                  size <= bytes.endIndex - newline - 1 else { return nil }
            let body = bytes[(newline + 1)..<(newline + 1 + size)]
            files.append((String(header[1]), String(decoding: body, as: UTF8.self)))
            bytes = bytes[(newline + 1 + size)...]
        }
        return files
    }

    // MARK: xtrabackup

    /// Files a backup leaves out: mysqld's own identity and logs, and replication state.
    static func isServerLocal(_ name: String, hostname: String) -> Bool {
        name == "auto.cnf" || name == "master.info" || name == "relay-log.info" || name.hasPrefix(hostname + "-bin.")
            || name.hasPrefix(hostname + "-relay-bin.") || name == "ib_logfile0" || name == "ib_logfile1"
            || name.hasPrefix("xtrabackup_") || name == "backup-my.cnf" || name.hasSuffix(".sql.in") || name.hasSuffix(".sql.orig")
            || name.hasSuffix(".pid") || name.hasSuffix(".sock")
    }

    static func xtrabackup(_ ctx: CommandContext, mysqld: () -> MySQLServer?) -> Int32 {
        var backup = false, prepare = false, slaveInfo = false, stream: String? = nil
        var target: String? = nil, datadir = MySQLServer.defaultDataDirectory
        for arg in ctx.arguments {
            let (name, value) = arg.firstIndex(of: "=").map { (String(arg[..<$0]), String(arg[arg.index(after: $0)...])) } ?? (arg, "")
            switch name {
            case "--backup": backup = true
            case "--prepare": prepare = true
            case "--slave-info": slaveInfo = true
            case "--stream": stream = value
            case "--target-dir": target = value
            case "--datadir": datadir = value
            case "--host", "--user", "--password", "--port", "--socket": break
            case "--version", "-v":
                ctx.writeError("xtrabackup version \(version) based on MySQL server 5.7.26 Linux (x86_64) (revision id: c8b4056)\n")
                return 0
            default:
                ctx.writeError("xtrabackup: Error: unknown argument: '\(arg)'\n")
                return 1
            }
        }
        let stamp = { () -> String in
            let t = Timestamp.rfc3339(ctx.environment.now())
            let c = Array(t)
            guard c.count >= 19 else { return t }
            return String(c[2..<4]) + String(c[5..<7]) + String(c[8..<10]) + " " + String(c[11..<19])
        }
        if prepare {
            let dir = ctx.absolutePath(target ?? ".")
            let fs = ctx.environment.fileSystem
            guard fs.isFile(dir + "/xtrabackup_checkpoints") else {
                ctx.writeError("xtrabackup: recognized server arguments: --innodb_checksum_algorithm=crc32 --innodb_log_checksum_algorithm=strict_crc32\n")
                ctx.writeError("xtrabackup: Error: cannot open \(dir)/xtrabackup_checkpoints\n")
                ctx.writeError("xtrabackup: error: xtrabackup_read_metadata()\n")
                return 1
            }
            ctx.writeError("xtrabackup: recognized server arguments: --innodb_checksum_algorithm=crc32 --innodb_log_checksum_algorithm=strict_crc32 --innodb_data_file_path=ibdata1:12M:autoextend --innodb_log_files_in_group=2 --innodb_log_file_size=50331648\n")
            ctx.writeError("xtrabackup: recognized client arguments: --prepare=1 --target-dir=\(target ?? ".")\n")
            ctx.writeError("xtrabackup version \(version) based on MySQL server 5.7.26 Linux (x86_64) (revision id: c8b4056)\n")
            ctx.writeError("xtrabackup: cd to \(dir)/\n")
            ctx.writeError("xtrabackup: This target seems to be not prepared yet.\n")
            ctx.writeError("InnoDB: Starting crash recovery.\n")
            ctx.writeError("xtrabackup: starting shutdown with innodb_fast_shutdown = 1\n")
            for log in ["ib_logfile0", "ib_logfile1"] { try? fs.storeFile(dir + "/" + log, text: "") }
            let checkpoints = fs.fileText(dir + "/xtrabackup_checkpoints") ?? ""
            try? fs.storeFile(dir + "/xtrabackup_checkpoints", text: checkpoints.replacingAll("backup_type = full-backuped", with: "backup_type = full-prepared"))
            ctx.writeError("\(stamp()) completed OK!\n")
            return 0
        }
        guard backup else {
            ctx.writeError("xtrabackup: Error: Please set parameter 'datadir'\n")
            return 1
        }
        guard let server = mysqld(), server.isAcceptingConnections(at: ctx.environment.now()) else {
            ctx.writeError("Failed to connect to MySQL server: Can't connect to MySQL server on '127.0.0.1' (111).\n")
            return 1
        }
        guard stream == "xbstream" else {
            ctx.writeError("xtrabackup: Error: target directory not specified\n")
            return 1
        }
        ctx.writeError("xtrabackup: recognized server arguments: --datadir=\(datadir) --server-id=\(server.options.serverID)\(server.options.logBin ? " --log_bin" : "")\n")
        ctx.writeError("xtrabackup: recognized client arguments: --backup=1 --slave-info=\(slaveInfo ? 1 : 0) --stream=xbstream --host=127.0.0.1 --user=root\n")
        ctx.writeError("\(stamp()) version_check Connecting to MySQL server with DSN 'dbi:mysql:;mysql_read_default_group=xtrabackup;host=127.0.0.1' as 'root'  (using password: NO).\n")
        ctx.writeError("\(stamp()) version_check Connected to MySQL server\n")
        ctx.writeError("xtrabackup version \(version) based on MySQL server 5.7.26 Linux (x86_64) (revision id: c8b4056)\n")
        // A replica applies what it has been sent before the copy, so the clone and its position agree.
        server.catchUp()
        let fs = ctx.environment.fileSystem
        var files: [(path: String, text: String)] = []
        func walk(_ relative: String) {
            let dir = relative.isEmpty ? datadir : datadir + "/" + relative
            for name in fs.directoryEntries(dir) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                if fs.isDirectory(datadir + "/" + path) {
                    walk(path)
                } else if !(relative.isEmpty && isServerLocal(name, hostname: server.hostname)), let text = fs.fileText(datadir + "/" + path) {
                    if relative.isEmpty || !name.hasSuffix(".sock") { files.append((path, text)) }
                }
            }
        }
        walk("")
        for (path, _) in files where path.hasSuffix(".ibd") || path == "ibdata1" {
            ctx.writeError("\(stamp()) [01] Streaming ./\(path)\n")
        }
        let lsn = 2_554_939 + files.reduce(0) { $0 + $1.text.utf8.count }
        files.append(("backup-my.cnf", "# This MySQL options file was generated by innobackupex.\n\n# The MySQL server\n[mysqld]\ninnodb_checksum_algorithm=crc32\ninnodb_log_checksum_algorithm=strict_crc32\ninnodb_data_file_path=ibdata1:12M:autoextend\ninnodb_log_files_in_group=2\ninnodb_log_file_size=50331648\nserver_id=\(server.options.serverID)\n"))
        if let status = server.masterStatus {
            ctx.writeError("\(stamp()) Executing FLUSH NO_WRITE_TO_BINLOG TABLES...\n")
            ctx.writeError("MySQL binlog position: filename '\(status.file)', position '\(status.position)'\n")
            files.append(("xtrabackup_binlog_info", "\(status.file)\t\(status.position)\n"))
        }
        if slaveInfo {
            let line = server.slaveInfo.map { $0 + ";\n" } ?? ""
            if !line.isEmpty { ctx.writeError("MySQL slave binlog position: master host '\(server.replicationSource?.host ?? "")', filename '\(server.replicationSource?.coordinates.file ?? "")', position '\(server.replicationSource?.coordinates.position ?? 0)'\n") }
            files.append(("xtrabackup_slave_info", line))
        }
        files.append(("xtrabackup_checkpoints", "backup_type = full-backuped\nfrom_lsn = 0\nto_lsn = \(lsn)\nlast_lsn = \(lsn + 9)\ncompact = 0\nrecover_binlog_info = 0\nflushed_lsn = \(lsn)\n"))
        files.append(("xtrabackup_info", "tool_name = xtrabackup\ntool_version = \(version)\nserver_version = \(MySQLServer.version)-log\nbinlog_pos = \(server.masterStatus.map { "filename '\($0.file)', position '\($0.position)'" } ?? "")\n"))
        files.append(("xtrabackup_logfile", ""))
        ctx.write(encode(files))
        ctx.writeError("xtrabackup: Transaction log of lsn (\(lsn)) to (\(lsn + 9)) was copied.\n")
        ctx.writeError("\(stamp()) completed OK!\n")
        return 0
    }
}
