import KubeAPI

/// `kubectl events`: the namespace's events (or every namespace's, or one object's with `--for`),
/// oldest first, in the events command's own table (events.go and event_printer.go): LAST SEEN
/// counts `(xN over AGE)` for repeated events, OBJECT is `Kind/name`. `-o` prints an EventList;
/// `--watch` goes on printing events as they come.
struct EventsCommand: KubectlCommand {
    static let name = "events"
    static let help = HelpText.usage("""
        Display events: a table of the most important information about the events of a
        namespace, of all namespaces, or of one resource.

        Examples:
          kubectl events
          kubectl events --all-namespaces
          kubectl events --for pod/web-0
          kubectl events --types=Warning

        Options:
          -A, --all-namespaces=false  list events across all namespaces
          --for=''                    only events about this resource (TYPE/NAME)
          --types=[]                  only events of these types: Normal, Warning
          --no-headers=false          print no header line
          -o, --output=''             json, yaml, name, jsonpath=...

        Usage:
          kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]
        """)

    let flags = FlagSet([
        .init("watch", "w", .bool), .init("all-namespaces", "A", .bool), .init("for"), .init("types", nil, .stringArray),
        .init("no-headers", nil, .bool), .init("chunk-size", nil, .int, default: "500"), .init("output", "o"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ])

    static let events = ResourceRegistry.forKind("Event")!

    func run(_ call: Invocation) throws -> Int32 {
        let allNamespaces = call.flags.bool("all-namespaces")
        var forKind: (kind: String, apiVersion: String, name: String)?
        let forObject = call.flags.string("for")
        if !forObject.isEmpty {
            guard forObject.contains("/") else { throw KubectlFailure.error("--for must be in resource/name form") }
            let parts = forObject.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw KubectlFailure.error("arguments in resource/name form may not have more than one slash") }
            let typeWord = parts[0].lowercased()
            guard let r = ResourceRegistry.lookup(String(typeWord.prefix { $0 != "." })) else {
                throw KubectlFailure.error("the server doesn't have a resource type \(KubeAPI.GoFormat.quoted(typeWord))")
            }
            forKind = (r.kind, r.apiVersion, parts[1])
        }
        let types = call.flags.strings("types")
        for t in types where t.lowercased() != "normal" && t.lowercased() != "warning" {
            throw KubectlFailure.error("valid --types are Normal or Warning")
        }
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        func wanted(_ e: JSONValue) -> Bool {
            if !types.isEmpty && !types.contains(where: { $0.lowercased() == (e["type"].string ?? "").lowercased() }) { return false }
            guard let forKind else { return true }
            let o = e["involvedObject"]
            return o["kind"].string == forKind.kind && o["apiVersion"].string == forKind.apiVersion && o["name"].string == forKind.name
        }
        if call.flags.bool("watch") {
            guard output == .table else { throw KubectlFailure.error("kubelab does not simulate \"kubectl events --watch -o\" yet") }
            return watch(call, allNamespaces: allNamespaces, wanted: wanted)
        }
        var items = call.store.list(Self.events, namespace: allNamespaces ? nil : call.namespace).filter(wanted)
        guard !items.isEmpty else {
            call.err(allNamespaces ? "No events found.\n" : "No events found in \(call.namespace) namespace.\n")
            return 0
        }
        // SortableEvents: by the series' last observation, else lastTimestamp, else eventTime.
        items = items.enumerated().sorted { a, b in
            let ta = Self.time(of: a.element), tb = Self.time(of: b.element)
            return ta != tb ? ta < tb : a.offset < b.offset
        }.map(\.element)
        if output != .table {
            let list: JSONValue = ["apiVersion": "v1", "items": .array(items.map { e in
                var e = e
                if e["kind"].isNull { e["kind"] = "Event"; e["apiVersion"] = "v1" }
                return e
            }), "kind": "EventList", "metadata": .emptyObject]
            try ObjectOutput.print([(Self.events, list)], format: output, call: call)
            return 0
        }
        var tab = TabWriter.table()
        if !call.flags.bool("no-headers") { tab.write(Self.header(allNamespaces: allNamespaces)) }
        for e in items { tab.write(Self.row(e, allNamespaces: allNamespaces, now: call.cluster.now)) }
        call.out(tab.flush())
        return 0
    }

    static func header(allNamespaces: Bool) -> String {
        (allNamespaces ? "NAMESPACE\t" : "") + "LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n"
    }

    /// printOneEvent.
    static func row(_ e: JSONValue, allNamespaces: Bool, now: Millis) -> String {
        let o = e["involvedObject"]
        var cells = allNamespaces ? [e.namespace ?? ""] : []
        cells += [EventTimes.interval(of: e, now: now), e["type"].string ?? "", e["reason"].string ?? "",
                  (o["kind"].string ?? "") + "/" + (o["name"].string ?? ""),
                  (e["message"].string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)]
        return cells.map(CellFormat.escapeTerminal).joined(separator: "\t") + "\n"
    }

    /// runWatch: a watch from no resourceVersion, so the events there are come first as ADDED (in
    /// the store's order, unsorted), then each new or repeated one; deletions (the hour's expiry)
    /// print nothing. The header comes with the first row. It ends as `get -w` ends (`GetWatch`).
    private func watch(_ call: Invocation, allNamespaces: Bool, wanted: @escaping (JSONValue) -> Bool) -> Int32 {
        var tab = TabWriter.table()
        var headerDue = !call.flags.bool("no-headers")
        func print(_ e: JSONValue) {
            guard wanted(e) else { return }
            if headerDue { tab.write(Self.header(allNamespaces: allNamespaces)); headerDue = false }
            tab.write(Self.row(e, allNamespaces: allNamespaces, now: call.cluster.now))
            call.out(tab.flush())
        }
        let namespace = call.namespace
        for e in call.store.list(Self.events, namespace: allNamespaces ? nil : namespace) { print(e) }
        var lastChange = call.cluster.now
        let token = call.store.watch({ $0 == Self.events }) { event in
            guard event.kind != .deleted, allNamespaces || event.object.namespace == namespace else { return }
            lastChange = call.cluster.now
            print(event.object)
        }
        defer { call.store.unwatch(token) }
        GetWatch.waitForChanges(call, lastChange: { lastChange })
        return 0
    }

    static func time(of e: JSONValue) -> Millis {
        let text = e["series"]["lastObservedTime"].string ?? e["lastTimestamp"].string ?? e["eventTime"].string
        return text.flatMap(Timestamp.parse) ?? .min
    }
}
