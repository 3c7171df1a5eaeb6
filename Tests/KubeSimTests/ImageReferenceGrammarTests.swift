import Testing
@testable import KubeSim

/// docker/distribution's grammar as the kubelet applies it before a pull.
@Suite struct ImageReferenceGrammarTests {
    @Test(arguments: ["nginx", "nginx:1.27", "library/nginx:1.27-alpine", "registry.k8s.io/nginx-slim:0.21", "localhost:5000/my/app:v1",
                      "gcr.io/google-samples/hello-app:1.0", "a__b/c-d.e_f", "x--y", "nginx@sha256:" + String(repeating: "ab", count: 32),
                      "[::1]:5000/app", "MyRegistry.io/app", "ubuntu:24.04"])
    func wellFormed(_ reference: String) {
        #expect(ImageReferenceGrammar.kubeletError(reference) == nil)
    }

    @Test(arguments: [
        ("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase"),
        ("nginx/App:1", "invalid reference format: repository name (nginx/App) must be lowercase"),
        ("nginx:\\xff", "invalid reference format"), ("nginx:", "invalid reference format"), ("-nginx", "invalid reference format"),
        ("nginx..x", "invalid reference format"), ("nginx___x", "invalid reference format"), ("nginx@sha256:abc", "invalid reference format"),
        ("nginx:" + String(repeating: "t", count: 129), "invalid reference format"),
        (String(repeating: "ab", count: 32), "invalid repository name (\(String(repeating: "ab", count: 32))), cannot specify 64-byte hexadecimal strings"),
        (String(repeating: "n", count: 250), "repository name must not be more than 255 characters"),
    ])
    func refused(_ reference: String, _ problem: String) {
        #expect(ImageReferenceGrammar.kubeletError(reference)
            == "Failed to apply default image tag \"\(reference)\": couldn't parse image name \"\(reference)\": \(problem)")
    }
}
