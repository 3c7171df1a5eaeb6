/// One self-contained page for the instructor: the class table, each step's pass rate as a bar,
/// and each student's failed steps with the replay's diff. No scripts, fonts or images from
/// anywhere; every text from a transcript is escaped.
enum HTMLReport {
    static func render(_ report: ClassReport) -> String {
        let e = XMLText.escape
        let total = max(1, report.results.count)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>kubelab lesson \(e(report.lesson)): \(e(report.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
            table { border-collapse: collapse; margin-bottom: 2rem; }
            th, td { padding: .3rem .8rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .pass { color: #1a7f37; font-weight: 600; } .fail { color: #cf222e; font-weight: 600; }
            .bar { background: #eee; width: 16rem; height: .9rem; }
            .bar span { display: block; height: 100%; background: #2da44e; }
            .flag { background: #fff8c5; padding: 0 .3rem; border-radius: .2rem; margin-right: .3rem; }
            pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; font-size: .85rem; }
            .add { color: #1a7f37; } .del { color: #cf222e; }
            </style>
            </head>
            <body>
            <h1>Lesson \(e(report.lesson)): \(e(report.title))</h1>
            <p>\(report.results.count) transcript\(report.results.count == 1 ? "" : "s"), \(report.results.filter(\.passed).count) passed. Graded by kubelab \(e(report.kubelabVersion)).</p>
            <h2>Class</h2>
            <table>
            <tr><th>Transcript</th><th>Score</th><th>Result</th><th>Flags</th></tr>

            """
        for result in report.results {
            let flags = result.flags.map { "<span class=\"flag\" title=\"\(e($0.message))\">\(e($0.kind.rawValue))</span>" }.joined()
            html += "<tr><td><a href=\"#\(anchor(result.file))\">\(e(result.file))</a></td><td class=\"num\">\(result.score)/\(result.maximum)</td>"
            html += "<td class=\"\(result.passed ? "pass" : "fail")\">\(result.passed ? "pass" : "fail")</td><td>\(flags)</td></tr>\n"
        }
        html += "</table>\n<h2>Steps</h2>\n<table>\n<tr><th>Step</th><th>Points</th><th>Passed</th><th></th></tr>\n"
        for (index, step) in report.steps.enumerated() {
            let rate = Double(step.passed + step.shown) / Double(total)
            let percent = Int((rate * 100).rounded())
            html += "<tr><td>\(index + 1). \(e(step.id))</td><td class=\"num\">\(step.maximum)</td><td class=\"num\">\(step.passed + step.shown)/\(report.results.count)</td>"
            html += "<td><div class=\"bar\" title=\"\(percent)%\"><span style=\"width: \(percent)%\"></span></div></td></tr>\n"
        }
        html += "</table>\n<h2>Students</h2>\n"
        for result in report.results {
            html += "<h3 id=\"\(anchor(result.file))\">\(e(result.file)) — \(result.score)/\(result.maximum)</h3>\n"
            for flag in result.flags { html += "<p><span class=\"flag\">\(e(flag.kind.rawValue))</span>\(e(flag.message))</p>\n" }
            let failed = result.steps.enumerated().filter { $0.element.status == .failed || $0.element.status == .skipped }
            if failed.isEmpty && result.differences.isEmpty { html += "<p>Every step passed.</p>\n" }
            if !failed.isEmpty {
                html += "<ul>\n"
                for (index, step) in failed { html += "<li>\(index + 1). \(e(step.id)): \(e(step.reason))</li>\n" }
                html += "</ul>\n"
            }
            for difference in result.differences {
                html += "<p>Command \(difference.command): <code>\(e(difference.typed))</code></p>\n<pre>"
                for line in difference.diff.split(separator: "\n", omittingEmptySubsequences: false) {
                    let text = e(String(line))
                    if line.hasPrefix("+") && !line.hasPrefix("+++") { html += "<span class=\"add\">\(text)</span>\n" }
                    else if line.hasPrefix("-") && !line.hasPrefix("---") { html += "<span class=\"del\">\(text)</span>\n" }
                    else { html += text + "\n" }
                }
                html += "</pre>\n"
            }
        }
        return html + "</body>\n</html>\n"
    }

    /// An id from a file name: letters and digits kept, the rest `-`.
    static func anchor(_ name: String) -> String {
        "t-" + String(name.unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && scalar.isASCII ? Character(scalar) : "-"
        })
    }
}
