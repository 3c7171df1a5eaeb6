import KubeAPI
import Testing
@testable import Kubectl

/// `--sort-by` for every printer, and `get -w` with `--watch-only`, `--output-watch-events` and `-o`.
@Suite struct SortAndWatchOutputTests {
    static func harness() -> CommandHarness {
        let h = CommandHarness()
        _ = h.run("create configmap b --from-literal=k=20")
        _ = h.run("create configmap a --from-literal=k=3")
        return h
    }

    @Test func sortByOrdersEveryPrinter() {
        let h = Self.harness()
        #expect(h.run("get cm --sort-by=.metadata.name -o name").out == "configmap/a\nconfigmap/b\nconfigmap/kube-root-ca.crt\n")
        // "3" and "20" read as quantities, so they sort by value.
        #expect(h.run("get cm --sort-by={.data.k} -o name").out == "configmap/kube-root-ca.crt\nconfigmap/a\nconfigmap/b\n")
        #expect(h.run(args: ["get", "cm", "--sort-by=.metadata.name", "-o", "go-template={{range .items}}{{.metadata.name}} {{end}}"]).out
            == "a b kube-root-ca.crt ")
        #expect(h.run("get cm --sort-by=.metadata.name -o jsonpath={.items[*].metadata.name}").out == "a b kube-root-ca.crt")
        #expect(h.run("get cm --sort-by=.metadata.name --no-headers").out.split(separator: "\n").map { $0.prefix(1) } == ["a", "b", "k"])
    }

    @Test func sortByErrorsAsKubectl() {
        let h = Self.harness()
        #expect(h.run("get cm --sort-by={.metadata.name")
            == .init(out: "", err: "error: sorting error: unclosed action\n", code: 1))
        #expect(h.run("get cm --sort-by={.metadata.name -o yaml")
            == .init(out: "", err: "error: unclosed action\n", code: 1))
        #expect(h.run("get cm --sort-by=.nope -o name")
            == .init(out: "", err: "error: couldn't find any field with path \"{.nope}\" in the list of objects\n", code: 1))
    }

    @Test func watchPrintsEachObjectInTheRequestedFormat() {
        let h = CommandHarness()
        _ = h.run("run p --image=nginx")
        let phases = h.run(args: ["get", "pod", "p", "-w", "-o", "go-template={{.status.phase}}{{\"\\n\"}}"])
        #expect(phases.out == "Pending\nPending\nRunning\n")
        #expect(phases.code == 0)
        _ = h.run("run q --image=nginx")
        let events = h.run("get pod q --watch-only --output-watch-events -o json")
        #expect(events.out.hasPrefix("{\n    \"type\": \"MODIFIED\",\n    \"object\": {\n        \"apiVersion\": \"v1\",\n        \"kind\": \"Pod\",\n"))
        #expect(events.out.components(separatedBy: "\n}\n{\n    \"type\": \"MODIFIED\"").count == 2)
        #expect(events.out.hasSuffix("    }\n}\n"))
        _ = h.run("run r --image=nginx")
        let yaml = h.run("get pod r -w --output-watch-events -o yaml").out
        #expect(yaml.hasPrefix("object:\n  apiVersion: v1\n"))
        #expect(yaml.components(separatedBy: "\n---\n").count == 3)
        #expect(yaml.contains("\ntype: ADDED\n---\nobject:\n"))
        #expect(yaml.hasSuffix("\ntype: MODIFIED\n"))
        _ = h.run("run s --image=nginx")
        #expect(h.run("get pod s -w -o name").out == "pod/s\npod/s\npod/s\n")
    }

    @Test func watchTablesWithEventsAndSortWarnings() {
        let h = CommandHarness()
        _ = h.run("run s --image=nginx")
        let r = h.run("get pod s -w --output-watch-events --sort-by=.metadata.name")
        #expect(r.err == "warning: --watch requested, --sort-by will be ignored for watch events received\n")
        let lines = r.out.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
        #expect(lines == ["EVENT", "ADDED", "MODIFIED", "MODIFIED"])
        _ = h.run("run t --image=nginx")
        let only = h.run("get pod t --watch-only --sort-by=.metadata.name")
        #expect(only.err == "warning: --watch-only requested, --sort-by will be ignored\n")
        #expect(only.out.hasPrefix("NAME   READY   STATUS              RESTARTS   AGE\nt      0/1     ContainerCreating   0          0s\n"))
    }

    /// The name printer unwraps a watch event (cli-runtime's name.go) and names the object in it.
    @Test func watchEventsPrintedByNameNameTheObject() {
        let h = CommandHarness()
        _ = h.run("run p --image=nginx")
        #expect(h.run("get pod p -w --output-watch-events -o name") == .init(out: "pod/p\npod/p\npod/p\n", err: "", code: 0))
    }

    /// get.go's Validate: watch events need a watch; it is checked after the missing type, before `-o`.
    @Test func outputWatchEventsNeedsAWatch() {
        let h = CommandHarness()
        let refusal = CommandHarness.Result(out: "", err: "error: --output-watch-events option can only be used with --watch or --watch-only\n", code: 1)
        #expect(h.run("get pods --output-watch-events") == refusal)
        #expect(h.run("get pods --output-watch-events -o bogus") == refusal)
        #expect(h.run("get --output-watch-events").err.hasPrefix("You must specify the type of resource to get."))
    }

    /// sorter.go's isLess has no order for maps, lists, booleans or mixed types: the sorter ends
    /// kubectl with klog.Exitf, a fatal log line (TableSorter's for tables, RuntimeSort's for -o).
    @Test func anUnsortableFieldEndsKubectlWithAFatalLogLine() {
        let h = CommandHarness()
        let table = h.run("get pods -n kube-system --sort-by=.metadata.labels")
        #expect(table.out.isEmpty && table.code == 1)
        #expect(table.err.hasPrefix("F"))
        #expect(table.err.hasSuffix("    4242 sorter.go:375] Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: "
            + "interface, err: unsortable type: map[string]interface {}\n"))
        #expect(h.run("get pods -n kube-system --sort-by=.spec.hostNetwork -o name").err.hasSuffix(
            "sorter.go:329] Field {.spec.hostNetwork} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool\n"))
        #expect(h.run("get pods -n kube-system --sort-by=.metadata.name -o name").code == 0)
    }

    /// get.go's Validate: labels are a column, so only the table printers take `--show-labels`;
    /// the refusal names `-o` as written (outputs checked with /usr/bin/kubectl).
    @Test func showLabelsNeedsATablePrinter() {
        let h = CommandHarness()
        #expect(h.run("get pods -o name --show-labels")
            == .init(out: "", err: "error: --show-labels option cannot be used with name printer\n", code: 1))
        #expect(h.run("get pods -o custom-columns=A:.a --show-labels")
            == .init(out: "", err: "error: --show-labels option cannot be used with custom-columns=A:.a printer\n", code: 1))
        #expect(h.run("get pods -o wide --show-labels").code == 0)
        #expect(h.run("get --show-labels -o name").err.hasPrefix("You must specify the type of resource to get."))
    }

    /// `--allow-missing-template-keys=false` makes a missing field a jsonpath error, ending, as
    /// printers/jsonpath.go's Errorf does, in three newlines.
    @Test func jsonpathMissingKeyIsAnErrorWhenNotAllowed() {
        let h = CommandHarness()
        #expect(h.run("create deployment x --image=nginx --dry-run=client -o jsonpath={.spec.nope}").out == "")
        #expect(h.run("create deployment x --image=nginx --dry-run=client -o jsonpath={.spec.nope} --allow-missing-template-keys=false") == .init(
            out: "",
            err: """
                error: error executing jsonpath "{.spec.nope}": Error executing template: nope is not found. Printing more information for debugging the template:
                \ttemplate was:
                \t\t{.spec.nope}
                \tobject given to jsonpath engine was:
                \t\tmap[string]interface {}{"apiVersion":"apps/v1", "kind":"Deployment", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"x"}, "name":"x"}, "spec":map[string]interface {}{"replicas":1, "selector":map[string]interface {}{"matchLabels":map[string]interface {}{"app":"x"}}, "strategy":map[string]interface {}{}, "template":map[string]interface {}{"metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"x"}}, "spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"nginx", "name":"nginx", "resources":map[string]interface {}{}}}}}}, "status":map[string]interface {}{}}



                """,
            code: 1))
    }

    /// `-o custom-columns-file`: the file read as NewCustomColumnsPrinterFromTemplate reads it, with its errors.
    @Test func customColumnsFileErrorsAsKubectl() {
        let h = CommandHarness(files: [
            "cc.txt": "NAME  DATA\n.metadata.name .data.k\n", "head.txt": "NAME\n", "empty.txt": "", "mismatch.txt": "NAME IMG\n.metadata.name\n",
        ])
        _ = h.run("create configmap a --from-literal=k=3")
        #expect(h.run("get cm a -o custom-columns-file=cc.txt") == .init(out: "NAME   DATA\na      3\n", err: "", code: 0))
        let expected = "Expected format is one line of space separated headers, one line of space separated column specs."
        #expect(h.run("get cm a -o custom-columns-file=nofile")
            == .init(out: "", err: "error: error reading template nofile, open nofile: no such file or directory\n", code: 1))
        #expect(h.run("get cm a -o custom-columns-file=empty.txt")
            == .init(out: "", err: "error: invalid template, missing header line. \(expected)\n", code: 1))
        #expect(h.run("get cm a -o custom-columns-file=head.txt")
            == .init(out: "", err: "error: invalid template, missing spec line. \(expected)\n", code: 1))
        #expect(h.run("get cm a -o custom-columns-file=mismatch.txt")
            == .init(out: "", err: "error: number of headers (2) and field specifications (1) don't match\n", code: 1))
    }
}
