// swift-tools-version: 6.1
import PackageDescription

/// The simulation's modules in release builds skip the run-time exclusivity checks: every store
/// write and controller queue touch pays for them (about a tenth of a long simulation), and debug
/// builds, which the test suite runs, still check every access.
let simulationSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "kubelab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubelab", targets: ["kubelab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Thin module map over the system libedit; no logic lives here.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Objects, schema, validation, store: what the API server knows.
        .target(name: "KubeAPI", dependencies: [
            "Yams",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], swiftSettings: simulationSettings),
        // The virtual clock, controllers, kubelet and cluster DNS.
        .target(name: "KubeSim", dependencies: ["KubeAPI"], swiftSettings: simulationSettings),
        // The shell language and the commands that run inside containers.
        .target(name: "PodShell", dependencies: ["KubeAPI", "KubeSim"], swiftSettings: simulationSettings),
        // kubectl: flags, verbs, printers, messages.
        .target(name: "Kubectl", dependencies: ["KubeAPI", "KubeSim", "PodShell"]),
        // The session core: one session (sandbox, working-directory files) and the driver that turns
        // each typed line into a record; the REPL, `run`, lessons and transcripts all build on it.
        .target(name: "KubeLab", dependencies: ["KubeAPI", "KubeSim", "PodShell", "Kubectl", "Yams"]),
        // Lessons: loading, step checks against the live cluster, progress. Prints nothing itself.
        .target(name: "Lessons", dependencies: ["KubeLab", "KubeAPI", "Kubectl", "Yams"]),
        // Transcripts: replay with per-command diffs, asciinema casts, grading and its reports.
        .target(name: "Transcripts", dependencies: ["KubeLab", "Lessons", "Kubectl"]),
        // The REPL, kubelab's own command line, colours and wiring.
        .target(name: "KubeLabCLI", dependencies: [
            "KubeAPI", "KubeSim", "PodShell", "Kubectl", "KubeLab", "Lessons", "Transcripts",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kubelab", dependencies: ["KubeLabCLI", "KubeLab", "Lessons", "Transcripts", "CLibEdit"]),

        // The golden-file rule every test target shares (record mode fails the test).
        .target(name: "GoldenTesting", path: "Tests/GoldenTesting"),
        .testTarget(name: "KubeAPITests", dependencies: ["KubeAPI"]),
        .testTarget(name: "KubeSimTests", dependencies: ["KubeSim"]),
        .testTarget(name: "PodShellTests", dependencies: ["PodShell"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "GoldenTesting"], resources: [.copy("Golden")]),
        .testTarget(name: "KubeLabCLITests", dependencies: ["KubeLabCLI", "KubeLab", "Transcripts"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts", "Lessons", "KubeLab", "Kubectl"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "KubeLab", "KubeAPI", "Kubectl"]),
        // Seed walkthroughs run end to end through the `kubelab run` driver.
        .testTarget(name: "WalkthroughTests", dependencies: ["KubeLabCLI", "KubeLab", "PodShell", "GoldenTesting"], resources: [.copy("Fixtures")]),
    ]
)
