import Testing

/// `apt-get` answers as the image's own distribution does: seed 003's ubuntu dns-test pod fetches
/// from Ubuntu's mirrors, a Debian-based image from Debian's, and dnsutils brings nslookup.
@Suite struct DistributionPackageManagerTests {
    @Test func withoutUpdateNoPackageIsFoundAndTheListsAreFilesInTheContainer() {
        let transcript = WalkthroughHarness.run(folder: "files", script: """
            kubectl run -i --tty --image ubuntu dns-test --restart=Never --rm /bin/sh
            apt-get install dnsutils; echo "status $?"
            apt-get frobnicate; echo "status $?"
            apt-get update > /dev/null
            ls -1 /var/lib/apt/lists
            apt-get install nosuchpackage; echo "status $?"
            exit
            """)
        #expect(transcript.contains("""
            # apt-get install dnsutils; echo "status $?"
            Reading package lists... Done
            Building dependency tree... Done
            Reading state information... Done
            E: Unable to locate package dnsutils
            status 100
            # apt-get frobnicate; echo "status $?"
            E: Invalid operation frobnicate
            status 100
            """))
        #expect(transcript.contains("""
            # ls -1 /var/lib/apt/lists
            archive.ubuntu.com_ubuntu_dists_noble_InRelease
            archive.ubuntu.com_ubuntu_dists_noble_main_binary-amd64_Packages.lz4
            partial
            """))
        #expect(transcript.contains("E: Unable to locate package nosuchpackage\nstatus 100\n"))
    }

    @Test func ubuntuAndDebianFetchFromTheirOwnMirrors() {
        let transcript = WalkthroughHarness.run(folder: "files", script: """
            kubectl run -i --tty --image ubuntu dns-test --restart=Never --rm /bin/sh
            apt-get update
            apt-get install dnsutils
            nslookup kubernetes.default | head -2
            exit
            kubectl run -i --tty --image debian deb --restart=Never --rm /bin/sh
            apt-get update | head -1
            exit
            """)
        #expect(transcript.contains("""
            # apt-get update
            Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]
            Get:2 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]
            """))
        #expect(transcript.contains("Fetched 22.2 MB in 3s (7118 kB/s)\nReading package lists... Done\n"))
        #expect(transcript.contains("Setting up dnsutils ...\n# nslookup kubernetes.default | head -2\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n"))
        #expect(transcript.contains("# apt-get update | head -1\nGet:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n"))
    }
}
