import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// Cases recorded from real kubectl v1.32 (`kubectl create deployment web ... --dry-run=client -o jsonpath=...`).
@Suite struct JSONPathTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let template: String
        let stdout: String
        let stderr: String
        let code: Int
        var testDescription: String { template }
    }

    /// Cases of one recorded file under Golden/kubectl/jsonpath/.
    static func recorded(_ name: String) -> [Case] {
        guard let text = GoldenFiles.kubectl("jsonpath/" + name), let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }

    /// The general cases, then indexes, slices and steps at Int64's limits (they once trapped on
    /// overflow; Go wraps its int arithmetic and answers with a bounds error).
    static let general = recorded("cases.json")
    static let intLimits = recorded("int-limit-cases.json")
    static let cases = general + intLimits

    @Test func casesLoaded() {
        #expect(Self.general.count > 50)
        #expect(Self.intLimits.count == 7)
    }

    @Test(arguments: cases)
    func matchesKubectl(_ c: Case) throws {
        let object = try #require(GoldenFiles.kubectlJSON("jsonpath/deployment.json"))
        var stdout = ""
        var stderr = ""
        do {
            let path = try JSONPathPrinter.parse(c.template)
            stdout = try JSONPathPrinter.render(path, object)
        } catch {
            // checkErr's rule: a newline only when the message has none.
            stderr = "error: \(error.message)" + (error.message.hasSuffix("\n") ? "" : "\n")
        }
        #expect(stdout == c.stdout)
        #expect(stderr == c.stderr)
    }

    @Test func listWrappingAndRange() throws {
        let pods: [JSONValue] = [
            ["kind": "Pod", "metadata": ["name": "web-0"], "status": ["phase": "Running", "podIP": "10.0.0.1"]],
            ["kind": "Pod", "metadata": ["name": "web-1"], "status": ["phase": "Pending"]],
        ]
        let list = OutputObject.forGet(pods, singleItemImplied: false)
        #expect(try JSONPath("{.items[*].metadata.name}").execute(list) == "web-0 web-1")
        #expect(try JSONPath("{.items[?(@.status.phase==\"Running\")].metadata.name}").execute(list) == "web-0")
        #expect(try JSONPath("{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\n\"}{end}").execute(list)
            == "web-0\t10.0.0.1\nweb-1\t\n")
        #expect(try JSONPath("{.items[-1:]}").execute(list) == #"{"kind":"Pod","metadata":{"name":"web-1"},"status":{"phase":"Pending"}}"#)
        #expect(OutputObject.forGet([pods[0]], singleItemImplied: true) == pods[0])
        #expect(try JSONPath("{.spec.hostname}").execute(["spec": ["hostname": "web-0"]]) == "web-0")
    }

    @Test func asJSON() throws {
        let v: JSONValue = ["a": ["b": 1, "c": "<x>"]]
        #expect(try JSONPath("{.a.b}{.a}").executeAsJSON(v) == "[\n    1\n]\n[\n    {\n        \"b\": 1,\n        \"c\": \"\\u003cx\\u003e\"\n    }\n]\n")
    }
}
