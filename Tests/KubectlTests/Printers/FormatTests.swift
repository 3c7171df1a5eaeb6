import KubeAPI
import Testing
@testable import Kubectl

@Suite struct FormatTests {
    @Test func customColumns() throws {
        let dep = try #require(GoldenFiles.kubectlJSON("jsonpath/deployment.json"))
        var other = dep
        other["metadata"]["name"] = "a-much-longer-name"
        other["metadata"]["labels"] = nil
        let cc = try CustomColumns(spec: "NAME:.metadata.name,REPLICAS:{.spec.replicas},IMAGES:spec.template.spec.containers[*].image,LABELS:{metadata.labels},NONE:.status.x,PORTS:.spec.template.spec.containers[0].ports")
        #expect(try cc.render([dep, other]) == """
            NAME                 REPLICAS   IMAGES       LABELS         NONE     PORTS
            web                  2          nginx:1.25   map[app:web]   <none>   [map[containerPort:80]]
            a-much-longer-name   2          nginx:1.25   <none>         <none>   [map[containerPort:80]]

            """)
        #expect(try cc.render([dep], noHeaders: true).hasPrefix("web   2"))
    }

    @Test func customColumnErrors() {
        #expect(throws: JSONPathError("custom-columns format specified but no custom columns given")) {
            try CustomColumns(spec: "")
        }
        #expect(throws: JSONPathError("unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>")) {
            try CustomColumns(spec: "NAME")
        }
        #expect(throws: JSONPathError("unexpected custom-columns spec: , expected <header>:<json-path-expr>")) {
            try CustomColumns(spec: "A:.metadata.name,")
        }
        #expect(throws: JSONPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")) {
            try CustomColumns(spec: "A:{.a}}")
        }
        #expect(throws: JSONPathError("unterminated array")) { try CustomColumns(spec: "A:.x[") }
    }

    @Test func jsonEscapingAndLayout() {
        let v: JSONValue = [
            "z": "<a&b>", "a": ["x": 1, "list": [1, 2.5, true, nil], "empty": [:], "none": []],
            "ctl": "a\u{01}\u{08}\u{0C}\t\n\r\"\\b", "u": "\u{2028}é한", "big": 1e21, "small": 1e-7, "f": 0.5,
        ]
        #expect(JSONText.pretty(v) == """
            {
                "a": {
                    "empty": {},
                    "list": [
                        1,
                        2.5,
                        true,
                        null
                    ],
                    "none": [],
                    "x": 1
                },
                "big": 1e+21,
                "ctl": "a\\u0001\\b\\f\\t\\n\\r\\"\\\\b",
                "f": 0.5,
                "small": 1e-7,
                "u": "\\u2028é한",
                "z": "\\u003ca\\u0026b\\u003e"
            }

            """)
        #expect(JSONText.compact(["b": [1], "a": "x"]) == #"{"a":"x","b":[1]}"#)
    }

    @Test func names() {
        let sts: JSONValue = ["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "web"]]
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web-0"]]
        #expect(NamePrinter.render([sts, pod]) == "statefulset.apps/web\npod/web-0\n")
        #expect(NamePrinter.render([OutputObject.list([pod])]) == "pod/web-0\n")
        #expect(NamePrinter.operation(sts, "scaled") == "statefulset.apps/web scaled\n")
        #expect(NamePrinter.operation(pod, "created", dryRun: "dry run") == "pod/web-0 created (dry run)\n")
    }

    @Test func listYAML() {
        let list = OutputObject.list([["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "a"]]])
        #expect(YAMLEmitter.document(list) == """
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Pod
              metadata:
                name: a
            kind: List
            metadata:
              resourceVersion: ""

            """)
        #expect(YAMLEmitter.document(OutputObject.list([])).hasPrefix("apiVersion: v1\nitems: []\nkind: List\n"))
    }
}

@Suite struct GetOutputTests {
    typealias F = Fixtures

    @Test func formats() throws {
        #expect(try OutputFormat.parse("") == .table)
        #expect(try OutputFormat.parse("wide") == .wide)
        #expect(try OutputFormat.parse("jsonpath={.a}") == .jsonpath("{.a}"))
        #expect(try OutputFormat.parse("custom-columns=A:.b") == .customColumns("A:.b"))
        #expect(throws: JSONPathError("template format specified but no template given")) { try OutputFormat.parse("jsonpath=") }
        #expect(throws: JSONPathError("unable to match a printer suitable for the output format \"xml\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml")) {
            try OutputFormat.parse("xml")
        }
    }

    @Test func getAcrossFormats() throws {
        let sts = F.statefulSet("web", replicas: 2, ready: 2, ago: 60)
        let pod = F.runningPod("web-0", ago: 50)
        let groups = [ResourceGroup(F.type("sts"), [sts]), ResourceGroup(F.type("po"), [pod])]
        #expect(try GetOutput.render(groups, format: .name, now: F.now) == "statefulset.apps/web\npod/web-0\n")
        #expect(try GetOutput.render(groups, format: .jsonpath("{.items[*].metadata.name}"), now: F.now) == "web web-0")
        #expect(try GetOutput.render([groups[1]], format: .jsonpath("{.metadata.name}"), singleItemImplied: true, now: F.now) == "web-0")
        let yaml = try GetOutput.render([groups[1]], format: .yaml, now: F.now)
        #expect(yaml.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"))
        #expect(yaml.hasSuffix("kind: List\nmetadata:\n  resourceVersion: \"\"\n"))
        let json = try GetOutput.render([groups[1]], format: .json, singleItemImplied: true, now: F.now)
        #expect(json.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n"))
        #expect(try GetOutput.render(groups, format: .customColumns("NAME:.metadata.name,KIND:.kind"), now: F.now)
            == "NAME    KIND\nweb     StatefulSet\nweb-0   Pod\n")
        #expect(try GetOutput.render(groups, format: .wide, now: F.now).hasPrefix("NAME                   READY   AGE   CONTAINERS   IMAGES\n"))
    }
}
