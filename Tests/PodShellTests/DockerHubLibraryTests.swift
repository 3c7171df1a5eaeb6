import KubeSim
import Testing
@testable import PodShell

/// Docker Hub's official images: a misspelt name or tag fails to pull as the registry answers it;
/// other accounts' images cannot be known, so they run.
@Suite struct DockerHubLibraryTests {
    let catalog = ImageCatalog()

    @Test(arguments: ["nginx", "nginx:1.27", "nginx:1.27-alpine3.21", "nginx:stable-perl", "python:3.12-slim-bookworm",
                      "mysql:8.0-oracle", "postgres:11.6-alpine", "busybox:1.28", "eclipse-temurin:17-jdk-jammy",
                      "wordpress:php8.2-fpm", "docker.io/library/redis:7.2", "nginx@sha256:" + String(repeating: "a", count: 64),
                      "someuser/anything:whatever", "registry.k8s.io/nginx-slim:0.21", "gcr.io/google-samples/hello-app:1.0"])
    func pulls(_ reference: String) {
        #expect(catalog.image(reference) != nil)
    }

    @Test(arguments: [
        ("ngnix", ImagePullFailure.accessDenied), ("busbox:1.28", .accessDenied), ("x", .accessDenied),
        ("nginx:lates", .notFound), ("nginx:doesnotexist", .notFound), ("mysql:5.7-", .notFound), ("nginx:alpine-x1", .notFound),
        ("Nginx", .accessDenied),
    ])
    func fails(_ reference: String, _ failure: ImagePullFailure) {
        #expect(catalog.image(reference) == nil)
        #expect(catalog.pullFailure(reference) == failure)
    }
}
