import KubeAPI
import Testing
@testable import Kubectl

/// Expected files were produced by real kubectl v1.32 (`--dry-run=client -o json` / `-o yaml`).
@Suite struct YAMLEmitterTests {
    @Test(arguments: ["deployment", "job", "cronjob", "service", "tricky", "seed0", "seed1", "seed2", "seed3", "seed4"])
    func matchesKubectl(name: String) throws {
        let input = try #require(GoldenFiles.kubectlJSON("yaml/\(name).json"))
        let expected = try #require(GoldenFiles.kubectl("yaml/\(name).yaml"))
        let actual = YAMLEmitter.document(input)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "<eof>") != (i < e.count ? e[i] : "<eof>") {
                Issue.record("line \(i + 1): got [\(i < a.count ? a[i] : "<eof>")] want [\(i < e.count ? e[i] : "<eof>")]")
                break
            }
        }
        #expect(actual == expected)
    }

    @Test func quotingCases() {
        let v: JSONValue = [
            "status": "True", "num": "123", "ts": "2024-01-01T00:00:00Z", "empty": "", "cron": "*/2 * * * *",
            "plain": "nginx:1.25", "n": 3, "f": 1.5, "b": true, "nothing": nil, "list": [], "map": [:],
        ]
        #expect(YAMLEmitter.document(v) == """
            b: true
            cron: '*/2 * * * *'
            empty: ""
            f: 1.5
            list: []
            map: {}
            "n": 3
            nothing: null
            num: "123"
            plain: nginx:1.25
            status: "True"
            ts: "2024-01-01T00:00:00Z"

            """)
    }

    @Test func nestedSequencesAndDocuments() {
        let v: JSONValue = ["a": [["x", "y"], ["k": "v", "j": [1, 2]], [:], []]]
        #expect(YAMLEmitter.document(v) == """
            a:
            - - x
              - "y"
            - j:
              - 1
              - 2
              k: v
            - {}
            - []

            """)
        #expect(YAMLEmitter.documents([["a": 1], ["b": 2]]) == "a: 1\n---\nb: 2\n")
    }
}
