import Testing
@testable import PodShell

@Suite struct FileSystemTests {
    @Test func pathsNormalize() {
        #expect(VirtualFileSystem.normalize("../a/./b//c/..", cwd: "/x/y") == "/x/a/b")
        #expect(VirtualFileSystem.normalize("/..") == "/")
        #expect(VirtualFileSystem.basename("/a/b/") == "b")
        #expect(VirtualFileSystem.dirname("/a/b") == "/a")
        #expect(VirtualFileSystem.dirname("b") == ".")
    }

    @Test func filesAndDirectories() throws {
        let fs = VirtualFileSystem()
        try fs.createDirectory("/a/b", withIntermediates: true)
        try fs.writeFile("/a/b/f.txt", text: "hi\n")
        try fs.writeFile("/a/b/f.txt", text: "more\n", append: true)
        #expect(try fs.readText("/a/b/f.txt") == "hi\nmore\n")
        #expect(try fs.list("/a") == ["b"])
        #expect(throws: FileSystemError.notFound) { try fs.readText("/nope") }
        #expect(throws: FileSystemError.isADirectory) { try fs.readText("/a") }
        #expect(throws: FileSystemError.notADirectory) { try fs.readText("/a/b/f.txt/x") }
        #expect(throws: FileSystemError.alreadyExists) { try fs.createDirectory("/a") }
        #expect(throws: FileSystemError.directoryNotEmpty) { try fs.remove("/a") }
        try fs.move(from: "/a/b/f.txt", to: "/a")
        #expect(fs.isFile("/a/f.txt"))
        try fs.copy(from: "/a", to: "/c", recursive: true)
        #expect(try fs.readText("/c/f.txt") == "hi\nmore\n")
        try fs.remove("/a", recursive: true)
        #expect(!fs.exists("/a"))
        try fs.createSymlink(at: "/link", target: "/c/f.txt")
        #expect(try fs.readText("/link") == "hi\nmore\n")
        #expect(try fs.lstat("/link").kind == .symlink)
    }

    @Test func mountsShareOneVolume() throws {
        let pv = VirtualVolume(name: "pvc-1", capacityBytes: 1024)
        let pod0 = VirtualFileSystem(), pod1 = VirtualFileSystem()
        try pod0.mount(pv, at: "/var/data")
        try pod0.writeFile("/var/data/sample001.txt", text: "x")
        // The pod goes away; a new pod mounts the same volume and sees the file.
        try pod1.mount(pv, at: "/data")
        #expect(try pod1.list("/data") == ["sample001.txt"])
        #expect(throws: FileSystemError.noSpace) { try pod1.writeFile("/data/big", bytes: [UInt8](repeating: 0, count: 2000)) }
    }

    @Test func subPathAndReadOnly() throws {
        let volume = VirtualVolume(name: "data")
        let fs = VirtualFileSystem()
        try fs.mount(volume, at: "/var/lib/mysql", subPath: "mysql")
        try fs.writeFile("/var/lib/mysql/ibdata1", text: "db")
        #expect(volume.root.isDirectory)
        let viewer = VirtualFileSystem()
        try viewer.mount(volume, at: "/ro", readOnly: true)
        #expect(try viewer.readText("/ro/mysql/ibdata1") == "db")
        #expect(throws: FileSystemError.readOnly) { try viewer.writeFile("/ro/x", text: "") }
        #expect(throws: FileSystemError.readOnly) { try viewer.touch("/ro/mysql/ibdata1") }
        #expect(fs.mounts.map(\.mountPath) == ["/", "/var/lib/mysql"])
    }

    @Test func fileErrorsAreWordedLikeCoreutils() throws {
        let sh = makeShell()
        let ro = VirtualVolume(name: "cfg")
        try sh.fileSystem.mount(ro, at: "/ro", readOnly: true)
        #expect(sh.combined("cat /x") == "cat: /x: No such file or directory\n")
        #expect(sh.combined("ls /x") == "ls: cannot access '/x': No such file or directory\n")
        #expect(sh.combined("mkdir /a/b") == "mkdir: cannot create directory '/a/b': No such file or directory\n")
        #expect(sh.combined("touch /ro/x") == "touch: cannot touch '/ro/x': Read-only file system\n")
        #expect(sh.combined("rm /x") == "rm: cannot remove '/x': No such file or directory\n")
        #expect(sh.combined("cd /x") == "bash: cd: /x: No such file or directory\n")
        #expect(sh.combined("echo hi > /ro/f") == "bash: /ro/f: Read-only file system\n")
    }

    @Test func fileErrorsAreWordedLikeBusybox() {
        let sh = makeShell(.busyboxSh)
        #expect(sh.combined("ls /x") == "ls: /x: No such file or directory\n")
        #expect(sh.combined("mkdir /a/b") == "mkdir: can't create directory '/a/b': No such file or directory\n")
        #expect(sh.combined("rm /x") == "rm: can't remove '/x': No such file or directory\n")
        #expect(sh.combined("cd /x") == "sh: cd: can't cd to /x: No such file or directory\n")
    }
}

@Suite struct ModeStringTests {
    @Test func specialBits() throws {
        let fs = VirtualFileSystem()
        fs.installBaseLayout()
        #expect(try fs.stat("/tmp").modeString == "drwxrwxrwt")
        try fs.writeFile("/x", text: "", mode: 0o4755)
        #expect(try fs.stat("/x").modeString == "-rwsr-xr-x")
        try fs.setMode("/x", mode: 0o2644)
        #expect(try fs.stat("/x").modeString == "-rw-r-Sr--")
        #expect(try fs.stat("/dev/null").modeString == "crw-rw-rw-")
    }
}
