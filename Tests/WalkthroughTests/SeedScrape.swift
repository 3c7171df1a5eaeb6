import Foundation

/// A row as a seed's scrape of a terminal shows it: single spaces, and the values each cluster
/// picks for itself masked (ages, pod IPs, volume UIDs, node names, the `<unset>` column kubectl
/// v1.32 adds that the seeds' older kubectl did not print), so a kubelab row and the seed's row
/// compare equal exactly when they say the same thing.
enum SeedScrape {
    static func masked(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true)
            .filter { $0 != "<unset>" }
            .map { word -> String in
                let w = String(word)
                if w.range(of: #"^(\d+[smhd])+$"#, options: .regularExpression) != nil { return "AGE" }
                if w.range(of: #"^(k8s-)?node\d+$"#, options: .regularExpression) != nil { return "NODE" }
                return w.replacingOccurrences(of: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#,
                                              with: "UID", options: .regularExpression)
                    .replacingOccurrences(of: #"\b\d{1,3}(\.\d{1,3}){3}\b"#, with: "IP", options: .regularExpression)
            }
            .joined(separator: " ")
    }

    /// Masked rows, with the runs named by a random UID sorted (the seed lists volumes by their UID).
    static func masked(_ lines: [String]) -> [String] {
        let rows = lines.map(masked)
        return rows.filter { !$0.contains("UID") } + rows.filter { $0.contains("UID") }.sorted()
    }
}
