/// JUnit XML, as CI systems read it: a testsuite per transcript, a testcase per step, a failure
/// with its reason for every step not passed, and an error for flags that void the grade.
enum JUnitReport {
    static func render(_ report: ClassReport) -> String {
        let failures = report.results.reduce(0) { $0 + $1.steps.filter { $0.status != .passed && $0.status != .shown }.count }
        let tests = report.results.reduce(0) { $0 + $1.steps.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"kubelab lesson \(XMLText.escape(report.lesson))\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for result in report.results {
            let failed = result.steps.filter { $0.status != .passed && $0.status != .shown }.count
            let errors = result.flags.filter { !$0.allowsPassing }.count
            xml += "  <testsuite name=\"\(XMLText.escape(result.file))\" tests=\"\(result.steps.count)\" failures=\"\(failed)\" errors=\"\(errors)\">\n"
            xml += "    <properties>\n"
            xml += "      <property name=\"score\" value=\"\(result.score)\"/>\n"
            xml += "      <property name=\"maximum\" value=\"\(result.maximum)\"/>\n"
            for flag in result.flags {
                xml += "      <property name=\"flag.\(flag.kind.rawValue)\" value=\"\(XMLText.escape(flag.message))\"/>\n"
            }
            xml += "    </properties>\n"
            for (index, step) in result.steps.enumerated() {
                let name = "\(index + 1). \(step.id)"
                xml += "    <testcase classname=\"lesson\(XMLText.escape(report.lesson))\" name=\"\(XMLText.escape(name))\""
                switch step.status {
                case .passed, .shown:
                    xml += "/>\n"
                case .skipped, .failed:
                    xml += ">\n      <failure message=\"\(XMLText.escape(step.reason))\" type=\"\(step.status.rawValue)\"/>\n    </testcase>\n"
                }
            }
            for flag in result.flags where !flag.allowsPassing {
                xml += "    <testcase classname=\"lesson\(XMLText.escape(report.lesson))\" name=\"transcript\">\n"
                xml += "      <error message=\"\(XMLText.escape(flag.message))\" type=\"\(flag.kind.rawValue)\"/>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }
}

/// Text inside XML and HTML: markup characters escaped, control characters (which XML 1.0
/// cannot carry and a terminal would obey) replaced.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
