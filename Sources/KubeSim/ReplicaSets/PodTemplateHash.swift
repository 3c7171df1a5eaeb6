import KubeAPI

/// Short, stable hashes of pod templates, written with the apimachinery "safe" alphabet
/// (no vowels, no look-alike characters) as Deployments and StatefulSets name their children.
public enum PodTemplateHash {
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// FNV-32a over the template's canonical JSON, rendered in the safe alphabet.
    public static func of(_ template: JSONValue, collisionCount: Int = 0) -> String {
        var h: UInt32 = 2_166_136_261
        for b in JSONText.compact(template).utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        if collisionCount > 0 { for b in String(collisionCount).utf8 { h = (h ^ UInt32(b)) &* 16_777_619 } }
        return safeEncode(String(h))
    }

    /// `rand.SafeEncodeString`: each character of the decimal text mapped into the alphabet.
    static func safeEncode(_ s: String) -> String {
        String(s.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }
}
