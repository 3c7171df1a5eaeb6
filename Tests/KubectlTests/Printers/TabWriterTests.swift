import Testing
@testable import Kubectl

/// Go `text/tabwriter` behaviour as kubectl configures it.
@Suite struct TabWriterTests {
    @Test func tableColumns() {
        var w = TabWriter.table()
        w.write("NAME\tAGE\nweb-0\t5s\nx\t10m\n")
        // Width = widest cell + 3, never below 6; the last column is never padded.
        #expect(w.flush() == "NAME    AGE\nweb-0   5s\nx       10m\n")
    }

    @Test func runesNotDisplayWidth() {
        var w = TabWriter.table()
        w.write("이름\tX\nab\tY\n")
        // Go counts runes: the two Hangul syllables count as 2, not 4 display columns.
        #expect(w.flush() == "이름    X\nab    Y\n")
    }

    @Test func linesWithoutTabsEndAColumnBlock() {
        var w = TabWriter.describe()
        w.write("Name:\tweb\nContainers:\n  nginx:\n    Image:\tnginx\n    Port:\t80/TCP\nQoS Class:\tBestEffort\n")
        #expect(w.flush() == """
            Name:  web
            Containers:
              nginx:
                Image:  nginx
                Port:   80/TCP
            QoS Class:  BestEffort

            """)
    }

    @Test func consecutiveLinesShareABlockEvenAtDifferentIndents() {
        var w = TabWriter.describe()
        w.write("IPs:\n  IP:\t10.0.0.1\nControlled By:\tStatefulSet/web\n")
        #expect(w.flush() == "IPs:\n  IP:           10.0.0.1\nControlled By:  StatefulSet/web\n")
    }

    @Test func rememberedWidthsOnlyGrow() {
        var w = TabWriter.table()
        w.write("NAME\tSTATUS\tAGE\n")
        _ = w.flush()
        w.write("a\tContainerCreating\t1s\n")
        #expect(w.flush() == "a      ContainerCreating   1s\n")
        w.write("a\tRunning\t2s\n")
        #expect(w.flush() == "a      Running             2s\n")
        w.resetRememberedWidths()
        w.write("a\tRunning\t2s\n")
        #expect(w.flush() == "a     Running   2s\n")
    }

    @Test func emptyTrailingCellAndPartialLine() {
        var w = TabWriter.describe()
        w.write("StorageClass:\t\nCapacity:\t1Gi\nno newline")
        #expect(w.flush() == "StorageClass:  \nCapacity:      1Gi\nno newline")
    }

    @Test func cellsAreCutAtLineBreaksAndEscaped() {
        #expect(CellFormat.sanitize("first\nsecond") == "first...")
        #expect(CellFormat.sanitize("red \u{1B}[31m") == "red ^[[31m")
        #expect(CellFormat.escapeTerminal("a\rb") == "a\\rb")
    }

    @Test func absurdlyManyColumnsDoNotExhaustTheStack() {
        var w = TabWriter.describe()
        w.write(String(repeating: "x\t", count: 20_000) + "end\n")
        #expect(w.flush().hasSuffix("end\n"))
    }
}
