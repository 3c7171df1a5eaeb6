import Testing
@testable import KubeAPI

/// Strategic merge patch with the API's merge keys and directives, and RFC 7386 merge patch,
/// through the one `ObjectMerge`.
@Suite struct ObjectMergeTests {
    static func json(_ text: String) -> JSONValue { (try? GoJSONDecoder.decode(text)) ?? .null }

    static let sts = json("""
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web","finalizers":["a"]},
         "spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{
           "containers":[{"name":"nginx","image":"nginx:1","ports":[{"containerPort":80,"name":"web"}],
                          "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
                         {"name":"side","image":"busybox"}],
           "volumes":[{"name":"www","emptyDir":{}}]}}}}
        """)

    func smp(_ patch: String, into original: JSONValue = sts) throws -> JSONValue {
        try ObjectMerge.strategicMerge(Self.json(patch), into: original, kind: "StatefulSet")
    }

    @Test func containersMergeByNameAndKeepTheirOtherFields() throws {
        let out = try smp(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}}}}"#)
        let containers = out["spec"]["template"]["spec"]["containers"]
        #expect(containers.items.count == 2)
        #expect(containers[0]["image"] == "nginx:2")
        #expect(containers[0]["ports"][0]["containerPort"] == 80, "the container's ports stay")
        #expect(containers[1] == ["name": "side", "image": "busybox"])
    }

    @Test func newElementsGoAfterAndEnvMergesByName() throws {
        let out = try smp(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"C","value":"3"},{"name":"A","value":"9"}]}]}}}}"#)
        let env = out["spec"]["template"]["spec"]["containers"][0]["env"]
        #expect(env == Self.json(#"[{"name":"C","value":"3"},{"name":"A","value":"9"},{"name":"B","value":"2"}]"#),
                "patch elements in patch order, woven into the original order (normalizeElementOrder)")
    }

    @Test func patchDeleteRemovesOneElementAndReplaceTheWholeList() throws {
        let deleted = try smp(#"{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}"#)
        #expect(deleted["spec"]["template"]["spec"]["containers"].items.map { $0["name"] } == ["nginx"])
        let replaced = try smp(#"{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"x"}]}}}}"#)
        #expect(replaced["spec"]["template"]["spec"]["containers"] == [["name": "only", "image": "x"]])
    }

    @Test func mapDirectivesReplaceAndDelete() throws {
        let replaced = try smp(#"{"spec":{"template":{"metadata":{"$patch":"replace","labels":{"tier":"web"}}}}}"#)
        #expect(replaced["spec"]["template"]["metadata"] == ["labels": ["tier": "web"]])
        let deleted = try smp(#"{"spec":{"template":{"metadata":{"$patch":"delete"}}}}"#)
        #expect(deleted["spec"]["template"]["metadata"] == .emptyObject)
    }

    @Test func retainKeysDropsTheOthers() throws {
        let out = try smp(#"{"spec":{"template":{"spec":{"volumes":[{"name":"www","$retainKeys":["name","hostPath"],"hostPath":{"path":"/d"}}]}}}}"#)
        #expect(out["spec"]["template"]["spec"]["volumes"] == [["name": "www", "hostPath": ["path": "/d"]]])
    }

    @Test func setElementOrderReordersTheList() throws {
        let out = try smp(#"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"nginx"}],"containers":[{"name":"side","image":"busybox:2"}]}}}}"#)
        #expect(out["spec"]["template"]["spec"]["containers"].items.map { $0["name"] } == ["side", "nginx"])
        #expect(out["spec"]["template"]["spec"]["containers"][0]["image"] == "busybox:2")
    }

    @Test func primitiveMergeListsAreSets() throws {
        let added = try smp(#"{"metadata":{"finalizers":["b","a"]}}"#)
        #expect(added["metadata"]["finalizers"] == ["a", "b"])
        let removed = try smp(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"#)
        #expect(removed["metadata"]["finalizers"] == [])
    }

    @Test func untaggedListsAreReplacedAndNullsDelete() throws {
        let out = try smp(#"{"spec":{"replicas":null,"template":{"spec":{"containers":[{"name":"nginx","args":["x"],"ports":[{"containerPort":8080}]}]}}}}"#)
        #expect(out["spec"]["replicas"] == .null)
        let nginx = out["spec"]["template"]["spec"]["containers"][0]
        // Merged by containerPort; a new element the live list lacks goes before the others (mergeSortedSlice).
        #expect(nginx["ports"].items.map { $0["containerPort"] } == [8080, 80])
        let replaced = try smp(#"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["y"]}]}}}}"#, into: out)
        #expect(replaced["spec"]["template"]["spec"]["containers"][0]["args"] == ["y"], "args has no merge strategy: replaced")
    }

    @Test func anElementWithoutItsMergeKeyIsAnError() {
        #expect(throws: ObjectMerge.Failure(message: "map: map[image:x] does not contain declared merge key: name")) {
            try smp(#"{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"#)
        }
    }

    @Test func unknownPatchTypeIsAnError() {
        #expect(throws: ObjectMerge.Failure(message: "Unknown patch type: bogus in map: map[$patch:bogus]")) {
            try smp(#"{"spec":{"$patch":"bogus"}}"#)
        }
    }

    /// RFC 7386 appendix A, a selection.
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"a":1,"e":null}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        (#"{"a":"foo"}"#, #"{"$patch":"delete"}"#, #"{"$patch":"delete","a":"foo"}"#),
    ])
    func mergePatch(original: String, patch: String, result: String) {
        let merged = ObjectMerge.mergePatch(Self.json(patch), into: Self.json(original))
        #expect(JSONText.compact(merged) == JSONText.compact(Self.json(result)))
    }

    @Test func keysFollowTheStoredOrder() {
        let stored = Self.json(#"{"b":1,"a":{"y":1,"x":2},"l":[{"n":1,"m":2}]}"#)
        let sent = Self.json(#"{"a":{"x":3,"y":1},"b":2,"c":0,"l":[{"m":2,"n":1},{"z":1}]}"#)
        let ordered = sent.keysOrdered(like: stored)
        #expect(ordered.object?.keys.map { $0 } == ["b", "a", "l", "c"])
        #expect(ordered["a"].object?.keys.map { $0 } == ["y", "x"])
        #expect(ordered["l"][0].object?.keys.map { $0 } == ["n", "m"])
        #expect(JSONText.compact(ordered) == JSONText.compact(sent), "the same document")
    }

    @Test func mergePatchReplacesListsEvenWithMergeKeys() {
        let out = ObjectMerge.mergePatch(Self.json(#"{"spec":{"template":{"spec":{"containers":[{"name":"x"}]}}}}"#), into: Self.sts)
        #expect(out["spec"]["template"]["spec"]["containers"] == [["name": "x"]])
    }
}

@Suite struct JSONPatchTests {
    static let doc = ObjectMergeTests.json(#"{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"}],"replicas":3},"m/k":{"t~":1}}"#)

    func apply(_ ops: String) throws(JSONPatch.Failure) -> JSONValue {
        try JSONPatch.decode(ObjectMergeTests.json(ops)).apply(to: Self.doc)
    }

    @Test func replaceAddRemoveMoveCopyTest() throws {
        #expect(try apply(#"[{"op":"replace","path":"/spec/containers/0/image","value":"9"}]"#)["spec"]["containers"][0]["image"] == "9")
        #expect(try apply(#"[{"op":"add","path":"/spec/containers/-","value":{"name":"c"}}]"#)["spec"]["containers"].items.count == 3)
        #expect(try apply(#"[{"op":"add","path":"/spec/containers/0","value":{"name":"z"}}]"#)["spec"]["containers"][0]["name"] == "z")
        #expect(try apply(#"[{"op":"remove","path":"/spec/replicas"}]"#)["spec"]["replicas"] == .null)
        let moved = try apply(#"[{"op":"move","from":"/spec/replicas","path":"/spec/count"}]"#)
        #expect(moved["spec"]["count"] == 3 && moved["spec"]["replicas"] == .null)
        #expect(try apply(#"[{"op":"copy","from":"/spec/containers/1","path":"/spec/first"}]"#)["spec"]["first"]["name"] == "b")
        #expect(try apply(#"[{"op":"test","path":"/spec/replicas","value":3},{"op":"replace","path":"/m~1k/t~0","value":2}]"#)["m/k"]["t~"] == 2)
    }

    @Test func failures() {
        #expect(throws: JSONPatch.Failure(message: "replace operation does not apply: doc is missing path: /spec/nope: missing value")) {
            try apply(#"[{"op":"replace","path":"/spec/nope","value":1}]"#)
        }
        #expect(throws: JSONPatch.Failure(message: "remove operation does not apply: doc is missing path: /spec/containers/5: missing value")) {
            try apply(#"[{"op":"remove","path":"/spec/containers/5"}]"#)
        }
        #expect(throws: JSONPatch.Failure(message: "testing value /spec/replicas failed: test failed")) {
            try apply(#"[{"op":"test","path":"/spec/replicas","value":4}]"#)
        }
        #expect(throws: JSONPatch.Failure(message: "Unexpected kind: bogus")) { try apply(#"[{"op":"bogus","path":"/a"}]"#) }
        #expect(throws: JSONPatch.Failure(message: "json: cannot unmarshal object into Go value of type jsonpatch.Patch")) {
            try JSONPatch.decode(["a": 1])
        }
        #expect(throws: JSONPatch.Failure(message: "json: cannot unmarshal number into Go value of type jsonpatch.Operation")) {
            try JSONPatch.decode([1])
        }
    }
}

@Suite struct GoJSONDecoderTests {
    @Test(arguments: [
        ("", "unexpected end of JSON input"),
        (#"{"spec":"#, "unexpected end of JSON input"),
        ("{spec: 1}", "invalid character 's' looking for beginning of object key string"),
        ("{'a': 1}", "invalid character '\\'' looking for beginning of object key string"),
        (#"{"a" 1}"#, "invalid character '1' after object key"),
        (#"{"a":1 "b":2}"#, "invalid character '\"' after object key:value pair"),
        (#"{"a":}"#, "invalid character '}' looking for beginning of value"),
        (#"{"a":1}}"#, "invalid character '}' after top-level value"),
        ("[1 2]", "invalid character '2' after array element"),
        (#"{"a":tru}"#, "invalid character '}' in literal true (expecting 'e')"),
    ])
    func syntaxErrors(text: String, message: String) {
        #expect(throws: GoJSONDecoder.SyntaxError(message: message)) { try GoJSONDecoder.decode(text) }
    }

    @Test func values() throws {
        #expect(try GoJSONDecoder.decode(#" {"a":[1,2.5,-3e2,true,false,null,"x\n\u00e9"]} "#)
            == ["a": [1, 2.5, -300.0, true, false, .null, "x\né"]])
    }
}
