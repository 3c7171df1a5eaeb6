import Foundation
import Testing

/// The StatefulSet Basics tutorial's `--template` commands, typed verbatim into `kubelab run`.
@Suite struct GoTemplateTutorialTests {
    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built .build/debug/kubelab is missing"))
    func containerImagesPrintThroughTheTutorialsTemplate() throws {
        let kubelab = try #require(BuiltBinary.kubelab)
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = """
            kubectl apply -f https://k8s.io/examples/application/web/web.yaml
            kubectl scale sts web --replicas=3
            sleep 120
            kubectl get pod web-0 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'
            for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done
            kubectl get pods -l app=nginx -o go-template='{{range .items}}{{.metadata.name}}{{"\\t"}}{{.status.phase}}{{"\\n"}}{{end}}'
            kubectl get pod web-0 --template '{{.spec.containers'

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: directory + "/tutorial.sh"))
        let result = try BuiltBinary.run(kubelab, ["run", "tutorial.sh"], in: directory, mergeErrors: true)
        let image = "registry.k8s.io/nginx-slim:0.21"
        #expect(result.out == """
            $ kubectl apply -f https://k8s.io/examples/application/web/web.yaml
            service/nginx created
            statefulset.apps/web created
            $ kubectl scale sts web --replicas=3
            statefulset.apps/web scaled
            $ sleep 120
            $ kubectl get pod web-0 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'
            \(image)$ for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done
            \(image)
            \(image)
            \(image)
            $ kubectl get pods -l app=nginx -o go-template='{{range .items}}{{.metadata.name}}{{"\\t"}}{{.status.phase}}{{"\\n"}}{{end}}'
            web-0\tRunning
            web-1\tRunning
            web-2\tRunning
            $ kubectl get pod web-0 --template '{{.spec.containers'
            error: error parsing template {{.spec.containers, template: output:1: unclosed action

            """)
        #expect(result.status == 0)
    }
}
