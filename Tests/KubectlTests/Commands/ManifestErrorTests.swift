import Testing
@testable import Kubectl

/// Bad manifests: every message was taken from real kubectl v1.32 on the same bytes.
@Suite struct ManifestErrorTests {
    /// (file content, expected stderr) — the YAML line numbers are Go yaml's, not the editor's.
    static let malformed: [(String, String)] = [
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {a: b\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or '}'\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n    c: d\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  - a\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n\ta: b\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n\n\n  c: [1, 2\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 9: did not find expected ',' or ']'\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: *foo\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: unknown anchor 'foo' referenced\n"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: \n  name: x\n foo: bar\n",
         "error: error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n"),
        ("- a\n- b\n",
         "error: error validating \"x.yaml\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n"),
        ("hello\n",
         "error: error validating \"x.yaml\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n"),
        ("metadata:\n  name: x\n",
         "error: error validating \"x.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n"),
        ("kind: ConfigMap\nmetadata:\n  name: x\n",
         "error: error validating \"x.yaml\": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n"),
        ("apiVersion: v1\nmetadata:\n  name: x\n",
         "error: error validating \"x.yaml\": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n"),
    ]

    /// One-line and short malformations: Go's yaml leaves out the line when it would be line 0.
    static let short: [(String, String)] = [
        ("a: [1, 2\n", "yaml: line 1: did not find expected ',' or ']'"),
        ("a: 'x\n", "yaml: line 2: found unexpected end of stream"),
        (": x\n", "yaml: did not find expected key"),
        ("a: b: c\n", "yaml: mapping values are not allowed in this context"),
        ("a:\n  - b\n  c: d\n", "yaml: line 2: did not find expected '-' indicator"),
        ("a: |\n  x\n b: 1\n", "yaml: line 2: did not find expected key"),
        ("\"a\n", "yaml: line 2: found unexpected end of stream"),
        ("a: {b: 1]\n", "yaml: did not find expected ',' or '}'"),
        ("a: @x\n", "yaml: found character that cannot start any token"),
        ("a: `x\n", "yaml: found character that cannot start any token"),
    ]

    @Test(arguments: 0..<short.count)
    func shortMalformationsMatchGoLineNumbers(_ index: Int) {
        let (text, message) = Self.short[index]
        let h = CommandHarness(files: ["y.yaml": text])
        #expect(h.run("create -f y.yaml") == .init(out: "", err: "error: error parsing y.yaml: error converting YAML to JSON: \(message)\n", code: 1))
    }

    @Test(arguments: 0..<malformed.count)
    func malformedManifestIsRejectedWithKubectlWords(_ index: Int) {
        let (text, expected) = Self.malformed[index]
        for verb in ["apply", "create"] {
            let h = CommandHarness(files: ["x.yaml": text])
            let before = h.names("configmaps")
            let r = h.run("\(verb) -f x.yaml")
            #expect(r == CommandHarness.Result(out: "", err: expected, code: 1), "\(verb) case \(index)")
            #expect(h.names("configmaps") == before)
        }
    }

    @Test func emptyFilesPassNoObjects() {
        let h = CommandHarness(files: ["empty.yaml": "", "comment.yaml": "# only a comment\n---\n"])
        #expect(h.run("apply -f empty.yaml") == .init(out: "", err: "error: no objects passed to apply\n", code: 1))
        #expect(h.run("create -f comment.yaml") == .init(out: "", err: "error: no objects passed to create\n", code: 1))
    }

    @Test func missingPathsAreNamed() {
        let h = CommandHarness(files: ["empty.yaml": ""])
        #expect(h.run("apply -f missing.yaml") == .init(out: "", err: "error: the path \"missing.yaml\" does not exist\n", code: 1))
        #expect(h.run("apply -f nodir/") == .init(out: "", err: "error: the path \"nodir/\" does not exist\n", code: 1))
        #expect(h.run("create -f empty.yaml -f missing.yaml") == .init(out: "", err: "error: the path \"missing.yaml\" does not exist\n", code: 1))
    }

    /// Each file of a directory is read even when an earlier one fails; several errors print one a line
    /// without the `error: ` prefix (cmdutil.MultipleErrors).
    @Test func errorsFromSeveralFilesAreListedTogether() {
        let h = CommandHarness(files: [
            "d2/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {a: b\n",
            "d2/b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n",
            "d2/c.yaml": "metadata:\n  name: x\n",
            "d2/d.yaml": Manifests.configMap("good"),
        ])
        let r = h.run("apply -f d2")
        #expect(r == .init(out: "", err: """
            error parsing d2/a.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or '}'
            error parsing d2/b.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token
            error validating "d2/c.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false

            """, code: 1))
        #expect(!h.names("configmaps").contains("good"))
    }

    /// A parse error stops its own file only after the documents before it were read.
    @Test func parseErrorInSecondDocumentCountsLinesFromThatDocument() {
        let text = Manifests.configMap("first") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n bad: 1\n"
        let h = CommandHarness(files: ["second.yaml": text])
        let r = h.run("apply -f second.yaml")
        #expect(r == .init(out: "", err: "error: error parsing second.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n", code: 1))
        #expect(!h.names("configmaps").contains("first"))
    }

    /// Known difference: real kubectl keeps the last value of a repeated key; Yams cannot, so kubelab
    /// refuses the file with go-yaml's strict wording.
    @Test func duplicateKeysAreRefused() {
        let h = CommandHarness(files: ["dup.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nmetadata:\n  name: z\n"])
        #expect(h.run("apply -f dup.yaml") == .init(out: "", err: "error: error parsing dup.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key \"metadata\" already set in map\n", code: 1))
        #expect(h.names("configmaps").filter { $0 == "x" || $0 == "z" }.isEmpty)
    }

    /// Go's YAML reader lets invalid UTF-8 through; JSON encoding then turns each bad byte into U+FFFD.
    @Test func invalidUTF8BytesBecomeReplacementCharacters() {
        let h = CommandHarness()
        h.write("bin.yaml", bytes: Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ".utf8) + [0xFF, 0xFE] + [0x0A])
        #expect(h.run("apply -f bin.yaml") == .init(out: "configmap/x created\n", err: "", code: 0))
        #expect(h.run("get cm x -o jsonpath={.data.a}").out == "\u{FFFD}\u{FFFD}")
    }

    @Test func deeplyNestedYAMLFailsCleanly() {
        let depth = 20_000
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let h = CommandHarness(files: ["deep.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  a: " + flow + "\n"])
        let r = h.run("apply -f deep.yaml")
        #expect(r.code == 1)
        #expect(r.err == "error: error parsing deep.yaml: error converting YAML to JSON: yaml: line 5: exceeded max depth of 1000\n")
        #expect(h.names("configmaps").contains("deep") == false)

        var block = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep2\n  labels:\n"
        for i in 0..<3000 { block += String(repeating: " ", count: 4 + i) + "k:\n" }
        h.write("deep2.yaml", block)
        let r2 = h.run("apply -f deep2.yaml")
        #expect(r2.code == 1)
        #expect(r2.err == "error: error parsing deep2.yaml: error converting YAML to JSON: yaml: line 1002: exceeded max depth of 1000\n")
    }

    @Test func tenThousandDocumentsApply() {
        var text = ""
        for i in 0..<10_000 { text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-\(i)\ndata:\n  i: \"\(i)\"\n" }
        let h = CommandHarness(files: ["many.yaml": text])
        let r = h.run("apply -f many.yaml -o name")
        #expect(r.code == 0)
        #expect(r.out.split(separator: "\n").count == 10_000)
        #expect(h.names("configmaps").count >= 10_000)
    }
}
