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

    /// Cells cut at tab and newline bytes, whatever surrounds them and however the text is split
    /// across writes: "\r\n" (one Character), a combining mark before a tab, Hangul, an emoji.
    @Test func cellsSurviveAnyTextAndAnySplitIntoWrites() {
        let text = "A\tB\r\nc\u{301}\tx\n\u{C774}\u{B984}\t\u{1F600}\tz\n\t\tend\r\n\u{301}\tq\npartial\tcell"
        var whole = TabWriter.describe()
        whole.write(text)
        // As the scalar-by-scalar writer gave it (Go counts runes: "c\u{301}" is two wide).
        let expected = "A        B\r\nc\u{301}       x\n\u{C774}\u{B984}       \u{1F600}  z\n            end\r\n\u{301}        q\npartial  cell"
        #expect(whole.flush() == expected)
        let scalars = Array(text.unicodeScalars)
        for cut in 0...scalars.count {
            var split = TabWriter.describe()
            var first = "", second = ""
            first.unicodeScalars.append(contentsOf: scalars[..<cut])
            second.unicodeScalars.append(contentsOf: scalars[cut...])
            split.write(first)
            split.write(second)
            #expect(split.flush() == expected, "cut at \(cut)")
        }
    }
}
