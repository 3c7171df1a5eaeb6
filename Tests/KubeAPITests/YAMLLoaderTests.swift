import Testing
@testable import KubeAPI

@Suite struct YAMLLoaderTests {
    @Test func yaml11Scalars() throws {
        let v = try YAMLLoader.parse("mode: 0400\nflag: yes\noff: no\nquoted: \"yes\"\nport: 8080\nratio: 1.5\nempty:\nhex: 0x1F") ?? .null
        #expect(v["mode"] == 256)
        #expect(v["flag"] == true)
        #expect(v["false"] == false, "a plain `off` key is a YAML 1.1 boolean too")
        #expect(v["quoted"] == "yes")
        #expect(v["port"] == 8080)
        #expect(v["ratio"] == 1.5)
        #expect(v.object?["empty"] == .null)
        #expect(v["hex"] == 31)
    }

    @Test func multipleDocuments() throws {
        let docs = try YAMLLoader.documents("a: 1\n---\n# only a comment\n---\nb: 2\n--- # trailing\nc: 3\n")
        #expect(docs == [["a": 1], ["b": 2], ["c": 3]])
    }

    @Test func keyOrderIsKept() throws {
        let v = try YAMLLoader.parse("z: 1\na: 2\nm: 3") ?? .null
        #expect(v.object.map { Array($0.keys) } == ["z", "a", "m"])
    }

    @Test func syntaxErrorsUseGoWording() {
        #expect(throws: YAMLLoader.LoadError.self) { try YAMLLoader.parse("a: b: c") }
        do {
            _ = try YAMLLoader.parse("a: 1\nb: [1, 2\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("yaml: line "))
        }
        #expect(throws: YAMLLoader.LoadError(message: "yaml: line 2: found character that cannot start any token")) {
            try YAMLLoader.parse("a:\n\tb: 1")
        }
    }

    @Test func manifestsRoundTripThroughAdmission() throws {
        let docs = try YAMLLoader.documents(webStatefulSet + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n")
        #expect(docs.count == 2)
        for doc in docs {
            let type = ResourceRegistry.forKind(doc.kind, apiVersion: doc.apiVersion)
            #expect(type != nil)
            if let type { #expect(throws: Never.self) { try Admission.admit(doc, as: type, operation: .create) } }
        }
    }
}

@Suite struct LabelSelectorTests {
    @Test func parsesKubectlSyntax() throws {
        let s = try LabelSelector.parse("app=web,tier!=db,env in (prod, staging),!legacy,release")
        #expect(s.matches(["app": "web", "tier": "fe", "env": "prod", "release": "1"]))
        #expect(!s.matches(["app": "web", "tier": "db", "env": "prod", "release": "1"]))
        #expect(!s.matches(["app": "web", "env": "dev", "release": "1"]))
        #expect(!s.matches(["app": "web", "env": "prod", "release": "1", "legacy": "true"]))
        #expect(!s.matches(["app": "web", "env": "prod"]))
    }

    @Test func fromObject() {
        let s = LabelSelector(object: ["matchLabels": ["app": "nginx"],
                                       "matchExpressions": [["key": "tier", "operator": "NotIn", "values": ["db"]]]])
        #expect(s.matches(["app": "nginx"]))
        #expect(!s.matches(["app": "nginx", "tier": "db"]))
        #expect(!s.matches(["app": "other"]))
        #expect(LabelSelector(object: .emptyObject).matches(["any": "thing"]))
    }

    @Test func errors() {
        #expect(throws: LabelSelector.ParseError.self) { try LabelSelector.parse("app in web") }
        #expect(throws: LabelSelector.ParseError.self) { try LabelSelector.parse("bad key=1") }
    }
}
