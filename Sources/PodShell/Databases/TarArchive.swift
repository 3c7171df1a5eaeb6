/// A minimal ustar writer, so `pg_dump -F tar` leaves a file `tar tf` could list.
enum TarArchive {
    struct Entry {
        var name: String
        var bytes: [UInt8]
    }

    static func archive(_ entries: [Entry], modifiedSeconds: Int64) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int, width: Int) {
                for (i, byte) in text.utf8.prefix(width).enumerated() { header[offset + i] = byte }
            }
            func octal(_ value: Int64, digits: Int) -> String {
                let text = String(max(0, value), radix: 8)
                return String(repeating: "0", count: max(0, digits - text.count)) + text
            }
            put(entry.name, at: 0, width: 100)
            put(octal(0o600, digits: 7), at: 100, width: 8)
            put(octal(0, digits: 7), at: 108, width: 8)
            put(octal(0, digits: 7), at: 116, width: 8)
            put(octal(Int64(entry.bytes.count), digits: 11), at: 124, width: 12)
            put(octal(modifiedSeconds, digits: 11), at: 136, width: 12)
            put("        ", at: 148, width: 8)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257, width: 6)
            put("00", at: 263, width: 2)
            put("postgres", at: 265, width: 32)
            put("postgres", at: 297, width: 32)
            let checksum = header.reduce(0) { $0 + Int64($1) }
            put(octal(checksum, digits: 6), at: 148, width: 6)
            header[154] = 0
            header[155] = UInt8(ascii: " ")
            out += header
            out += entry.bytes
            let padding = (512 - entry.bytes.count % 512) % 512
            out += [UInt8](repeating: 0, count: padding)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }
}
