/// Standard base64 decoding without Foundation (Secret data is stored encoded).
enum Base64 {
    static func decode(_ s: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var table = [UInt8: UInt32]()
        for (i, c) in alphabet.enumerated() { table[c] = UInt32(i) }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in s.utf8 {
            guard let v = table[c] else { continue }
            buffer = (buffer << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
