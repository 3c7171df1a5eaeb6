import Testing
@testable import KubeAPI

/// A few hundred bytes of nested YAML aliases would expand to hundreds of millions of values;
/// go-yaml refuses such documents and so does the loader, in the same words.
@Suite struct AliasBombTests {
    static let bomb = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: bomb}
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test func billionLaughsIsExcessiveAliasing() {
        #expect(throws: YAMLLoader.LoadError(message: "yaml: document contains excessive aliasing")) {
            _ = try YAMLLoader.parse(Self.bomb)
        }
    }

    @Test func ordinaryAliasesStillResolve() throws {
        let v = try YAMLLoader.parse("base: &b {image: nginx}\nuse: [*b, *b]\n")
        #expect(v?["use"][1]["image"].string == "nginx")
        let wide = "items: [" + Array(repeating: "1", count: 50_000).joined(separator: ",") + "]\n"
        #expect(try YAMLLoader.parse(wide)?["items"].items.count == 50_000)
    }
}
