import KubeLab
import Lessons
import Testing

/// Node names a session or lesson gives its cluster travel in the record's header, so a replay
/// builds the same nodes; names that cannot name nodes are refused with the reason.
@Suite struct NodeNamesTests {
    @Test func theHeaderCarriesTheNodeNames() throws {
        var header = SessionHeader(seed: 4, nodes: 2, language: .english, mode: .script)
        header.nodeNames = ["master", "node1", "node2"]
        let text = SessionLogFormat.encodeHeader(header)
        #expect(text.contains("# node-names: master,node1,node2\n"))
        let parsed = try SessionLogParser.parse(Array(text.utf8))
        #expect(parsed.log.header.nodeNames == ["master", "node1", "node2"])
        #expect(parsed.log.header.options.nodeNames == ["master", "node1", "node2"])
        #expect(parsed.log.header.options.nodes == 2)
    }

    @Test func badNamesAreRefused() {
        #expect(LabOptions.problem(withNodeNames: ["master", "node1"]) == nil)
        #expect(LabOptions.problem(withNodeNames: ["master"]) == "node names must name the control plane and 1 to 100 workers")
        #expect(LabOptions.problem(withNodeNames: ["a", "a"]) == "node names must differ")
        #expect(LabOptions.problem(withNodeNames: ["master", "Node_1"]) == "node name 'Node_1' must be a lowercase DNS label (letters, digits, '-')")
        let header = "# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 2\n# node-names: a\n# lang: en\n# mode: script\n#\n"
        #expect(throws: (any Error).self) { try SessionLogParser.parse(Array(header.utf8)) }
    }

    @Test func aLabNamesItsNodesAsAsked() {
        let lab = Lab(options: LabOptions(mode: .script, nodeNames: ["master", "node1", "node2", "node3"]),
                      workingDirectory: .inMemory([:]))
        #expect(lab.cluster.machines.map(\.name) == ["master", "node1", "node2", "node3"])
    }
}
