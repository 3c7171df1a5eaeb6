import Testing

/// `kubectl cp POD:/dir ./dir` copies the folder's contents into the working directory as kubectl's
/// untarAll does (issue 9, defect 16): the destination is created, a file onto a folder fails in
/// Go's words, symlinks are skipped with kubectl's warning, and an empty path is refused first.
@Suite struct CopyDirectoryFromPodTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run web --image=nginx
        sleep 20
        kubectl cp web:/usr/share/nginx/html ./html
        ls html
        cat html/index.html | head -1
        kubectl exec web -- sh -c 'mkdir -p /tmp/d/e/empty; echo hi > /tmp/d/e/f; echo top > /tmp/d/t; ln -s /etc/hosts /tmp/d/hosts; ln -s t /tmp/d/e/tt'
        kubectl cp web:/tmp/d/ d
        find d | sort
        cat d/e/f d/t
        kubectl cp web:/etc/hostname ./html
        kubectl cp web: here
        kubectl cp : :
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func aFolderIsCopiedIntoTheDestination() {
        #expect(out("kubectl cp web:/usr/share/nginx/html ./html") == ["tar: Removing leading `/' from member names"])
        #expect(out("ls html") == ["index.html"])
        #expect(out("cat html/index.html | head -1") == ["<!DOCTYPE html>"])
    }

    @Test func nestedFoldersAndSymlinks() {
        #expect(out("kubectl cp web:/tmp/d/ d") == [
            "tar: Removing leading `/' from member names",
            "warning: skipping symlink: \"d/e/tt\" -> \"t\" (consider using \"kubectl exec -n \"default\" \"web\" -- tar cf - \"/tmp/d/\" | tar xf -\")",
            "warning: skipping symlink: \"d/hosts\" -> \"/etc/hosts\"",
        ])
        #expect(out("find d | sort") == ["d", "d/e", "d/e/empty", "d/e/f", "d/t"])
        #expect(out("cat d/e/f d/t") == ["hi", "top"])
    }

    @Test func refusalsInKubectlsWords() {
        #expect(out("kubectl cp web:/etc/hostname ./html") == ["tar: Removing leading `/' from member names", "error: open html: is a directory"])
        #expect(out("kubectl cp web: here") == ["error: filepath can not be empty"])
        #expect(out("kubectl cp : :") == ["error: filespec must match the canonical format: [[namespace/]pod:]file/path"])
    }
}
