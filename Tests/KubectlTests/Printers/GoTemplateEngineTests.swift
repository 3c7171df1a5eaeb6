import KubeAPI
import Testing
@testable import Kubectl

/// The template engine on its own: Go's behaviour where kubectl cannot show it offline (objects from
/// the server, floats in the data), and kubelab's limits.
@Suite struct GoTemplateEngineTests {
    static func run(_ text: String, _ data: JSONValue) throws -> (String, GoTemplateFailure?) {
        try GoTemplate(text).execute(data)
    }

    @Test func jsonNumbersPrintAsKubectlDecodesThem() throws {
        // Whole numbers decode to int64, others to float64 (%v: shortest, e-notation from 1e21 or 6 digits of exponent).
        let data: JSONValue = ["a": 3, "b": 0.5, "c": .double(1e21), "d": .double(1234567.5), "e": .double(0.00001)]
        #expect(try Self.run("{{.a}} {{.b}} {{.c}} {{.d}} {{.e}}", data).0 == "3 0.5 1e+21 1.2345675e+06 1e-05")
        #expect(try Self.run("{{printf \"%T %T\" .a .b}}", data).0 == "int64 float64")
        #expect(try Self.run("{{eq .a 3}} {{lt .b 1.0}}", data).0 == "true true")
    }

    @Test func listsAreRangedThroughItems() throws {
        let list = OutputObject.forGet([["metadata": ["name": "web-0"]], ["metadata": ["name": "web-1"]]], singleItemImplied: false)
        #expect(try Self.run("{{range .items}}{{.metadata.name}};{{end}}{{.kind}}", list).0 == "web-0;web-1;List")
        #expect(try Self.run("{{len .items}} {{(index .items 1).metadata.name}}", list).0 == "2 web-1")
    }

    @Test func mapKeysIterateInByteOrder() throws {
        let data: JSONValue = ["m": ["b": 1, "a": 2, "B": 3, "é": 4, "_": 5]]
        #expect(try Self.run("{{range $k, $v := .m}}{{$k}}{{$v}} {{end}}", data).0 == "B3 _5 a2 b1 é4 ")
        #expect(try Self.run("{{.m}}", data).0 == "map[B:3 _:5 a:2 b:1 é:4]")
    }

    @Test func partialOutputStaysWhenExecutionFails() throws {
        let (out, failure) = try Self.run("a{{.x}}b{{.x.y.z}}c", ["x": "s"])
        #expect(out == "asb")
        guard case .execution(let message)? = failure else { Issue.record("expected an execution error"); return }
        #expect(message == "template: output:1:12: executing \"output\" at <.x.y.z>: can't evaluate field y in type interface {}")
    }

    @Test func recursionStopsAtTheNestingLimit() throws {
        let (_, failure) = try Self.run("{{define \"r\"}}x{{template \"r\" .}}{{end}}{{template \"r\" .}}", [:])
        guard case .limit(let message)? = failure else { Issue.record("expected the nesting limit"); return }
        #expect(message == "go-template stopped at the nesting limit (200 templates calling templates)")
    }

    @Test func nestedRangesStopAtTheStepLimit() throws {
        var t = try GoTemplate("{{range $a := .items}}{{range $b := $.items}}.{{end}}{{end}}")
        t.stepLimit = 10_000
        let (out, failure) = t.execute(["items": .array(Array(repeating: 1, count: 200))])
        guard case .limit(let message)? = failure else { Issue.record("expected the step limit"); return }
        #expect(message == "go-template stopped at the step limit (10000 actions and range iterations per template)")
        #expect(out.count < 10_000)
    }

    @Test func hugeOutputStopsAtTheOutputLimit() {
        let h = CommandHarness()
        let r = h.run(args: ["create", "configmap", "c", "--dry-run=client", "-o", "go-template={{printf \"%9000000d\" 1}}"])
        #expect(r == .init(out: "", err: "kubelab: kubectl: go-template stopped at the output limit (8 MiB per template)\n", code: 1))
        let twice = h.run(args: ["create", "configmap", "c", "--dry-run=client", "-o",
                                 "go-template={{printf \"%5000000d\" 1}}{{printf \"%5000000d\" 1}}"])
        #expect(twice.err == "kubelab: kubectl: go-template stopped at the output limit (8 MiB per template)\n")
        #expect(twice.out.count == 5_000_000)
        #expect(twice.code == 1)
    }

    @Test func templateFilesAreReadBelowTheWorkingDirectory() {
        let h = CommandHarness(files: ["t/name.tmpl": "{{.metadata.name}}\n"])
        #expect(h.run("create namespace team --dry-run=client -o go-template-file=t/name.tmpl").out == "team\n")
        #expect(h.run("create namespace team --dry-run=client -o templatefile --template=t/name.tmpl").out == "team\n")
        #expect(h.run("create namespace team --dry-run=client -o go-template-file=nope.tmpl")
            == .init(out: "", err: "error: error reading --template nope.tmpl, open nope.tmpl: no such file or directory\n", code: 1))
        #expect(h.run("create namespace team --dry-run=client -o go-template-file=t")
            == .init(out: "", err: "error: error reading --template t, read t: is a directory\n", code: 1))
    }

    @Test func getPrintsServerObjectsAndLists() {
        let h = CommandHarness()
        _ = h.run("create namespace team")
        _ = h.run("create configmap b --from-literal=k=v")
        _ = h.run("create configmap a --from-literal=k=v")
        #expect(h.run(args: ["get", "cm", "-o", "go-template={{range .items}}{{.metadata.name}} {{end}}"]).out == "a b kube-root-ca.crt ")
        #expect(h.run(args: ["get", "cm", "a", "--template={{.data.k}}"]).out == "v")
        #expect(h.run(args: ["get", "ns", "team", "-o", "go-template={{.status.phase}}"]).out == "Active")
        #expect(h.run(args: ["get", "cm", "-l", "x=y", "-o", "go-template={{len .items}}"]) == .init(out: "0", err: "", code: 0))
        let failed = h.run(args: ["get", "cm", "a", "-o", "go-template={{.data.k.x}}"])
        #expect(failed.err == "error: error executing template \"{{.data.k.x}}\": template: output:1:7: executing \"output\" at <.data.k.x>: can't evaluate field x in type interface {}\n")
        #expect(failed.out.hasPrefix("Error executing template: template: output:1:7"))
        #expect(failed.out.contains("\traw data was:\n\t\t{\"apiVersion\":\"v1\",\"data\":{\"k\":\"v\"},\"kind\":\"ConfigMap\",\"metadata\":{"))
        #expect(failed.code == 1)
    }

    @Test func verbsThatPrintObjectsTakeTemplates() {
        let h = CommandHarness()
        _ = h.run("create deployment web --image=nginx")
        #expect(h.run(args: ["scale", "deploy", "web", "--replicas=2", "-o", "go-template={{.spec.replicas}}"]).out == "2")
        #expect(h.run(args: ["run", "p", "--image=nginx", "--dry-run=client", "--template={{.kind}}/{{.metadata.name}}"]).out == "Pod/p")
        #expect(h.run(args: ["create", "service", "clusterip", "s", "--tcp=80", "-o", "go-template={{.spec.type}}"]).out == "ClusterIP")
    }
}
