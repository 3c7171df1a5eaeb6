import KubeAPI

/// `-o json` documents: kubectl prints each object as its own indented JSON value.
public enum JSONPrinter {
    public static func render(_ object: JSONValue) -> String { JSONText.pretty(object) }
}
