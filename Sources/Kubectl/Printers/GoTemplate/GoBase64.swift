import KubeAPI

/// `base64.StdEncoding.DecodeString` for kubectl's `base64decode`: the bytes, or the input offset Go's
/// `CorruptInputError` names (`illegal base64 data at input byte 4`).
enum GoBase64 {
    enum Result {
        case success([UInt8])
        case failure(Int)
    }

    static func decode(_ s: String) -> Result {
        let src = Array(s.utf8)
        if let offset = corruptOffset(src) { return .failure(offset) }
        return .success(Base64.decode(String(decoding: src.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)) ?? [])
    }

    private static func isAlphabet(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
    }

    /// Go's `decodeQuantum` walk: where decoding fails, or nil when the text is valid.
    static func corruptOffset(_ src: [UInt8]) -> Int? {
        var si = 0
        while si < src.count {
            var j = 0
            while j < 4 {
                if si == src.count {
                    if j == 0 { return nil }
                    return si - j
                }
                let c = src[si]
                si += 1
                if c == 0x0A || c == 0x0D { continue }
                if isAlphabet(c) { j += 1; continue }
                guard c == UInt8(ascii: "=") else { return si - 1 }
                switch j {
                case 0, 1: return si - 1
                case 2:
                    while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
                    if si == src.count { return src.count }
                    if src[si] != UInt8(ascii: "=") { return si - 1 }
                    si += 1
                default: break
                }
                while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
                return si < src.count ? si : nil
            }
        }
        return nil
    }
}
