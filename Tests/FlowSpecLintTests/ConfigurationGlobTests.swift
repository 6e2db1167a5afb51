import FlowSpecLint
import FlowSpecModel
import Testing

@Suite struct ConfigurationGlobTests {
    @Test(arguments: [
        ("*.yaml", "api.yaml", true),
        ("*.yaml", "specs/api.yaml", false),
        ("specs/*.yaml", "specs/api.yaml", true),
        ("specs/*.yaml", "specs/v1/api.yaml", false),
        ("specs/**/*.yaml", "specs/api.yaml", true),
        ("specs/**/*.yaml", "specs/v1/deep/api.yaml", true),
        ("specs/**/*.yaml", "other/api.yaml", false),
        ("**/internal.yaml", "internal.yaml", true),
        ("**/internal.yaml", "a/b/internal.yaml", true),
        ("**", "anything/at/all.json", true),
        ("specs/", "specs/a/b.yaml", true),
        ("specs/", "specsx/b.yaml", false),
        ("api-v?.yaml", "api-v2.yaml", true),
        ("api-v?.yaml", "api-v10.yaml", false),
        ("a?b", "a/b", false),
        ("*", ".flowspec.yaml", true),
        ("./specs/*.json", "specs/x.json", true),
        ("specs/*.json", "./specs/x.json", true),
        ("sp*c*/**/*.y*ml", "specs/a/b/c.yaml", true),
        ("legacy**.yaml", "legacy-old.yaml", true),
        ("a/**/**/b", "a/b", true),
        ("Café/*.yaml", "Café/x.yaml", true),
        ("*.YAML", "api.yaml", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }

    @Test(arguments: [
        ("", "the pattern is empty"),
        (
            "/etc/*.yaml",
            "the pattern `/etc/*.yaml` is absolute; patterns are relative to the configuration file's folder"
        ),
        (
            "../other/*.yaml",
            "the pattern `../other/*.yaml` has a `..` segment; only files below the configuration's folder match"
        ),
    ])
    func refusesPatternsThatCannotMatch(pattern: String, message: String) {
        #expect(throws: Glob.Error(message: message)) { try Glob(pattern) }
    }

    @Test func manyStarsDoNotBacktrackExponentially() throws {
        let glob = try Glob(String(repeating: "*a", count: 30) + "b")
        #expect(!glob.matches(String(repeating: "a", count: 200)))
        let deep = try Glob(String(repeating: "**/", count: 30) + "x")
        #expect(!deep.matches(Array(repeating: "d", count: 200).joined(separator: "/")))
    }
}

@Suite struct ConfigurationPointerPatternTests {
    @Test(arguments: [
        ("/paths/~1admin", "/paths/~1admin", true),
        ("/paths/~1admin", "/paths/~1admin/get/responses", true),
        ("/paths/~1admin", "/paths/~1admins", false),
        ("/paths/~1admin", "/paths", false),
        ("/paths/*/delete", "/paths/~1a/delete/responses", true),
        ("/paths/*/delete", "/paths/~1a/get", false),
        ("#/paths/~1users~1%7Bid%7D", "/paths/~1users~1{id}/get", true),
        ("", "/anything", true),
    ])
    func matches(pattern: String, pointer: String, expected: Bool) throws {
        let parsed = try #require(PointerPattern(pattern))
        let target = try #require(JSONPointerParsing.parse(pointer))
        #expect(parsed.matches(target) == expected)
    }

    @Test func refusesTextThatIsNotAPointer() {
        #expect(PointerPattern("paths/~1admin") == nil)
        #expect(PointerPattern("#paths") == nil)
    }
}

enum JSONPointerParsing {
    static func parse(_ text: String) -> JSONPointer? { JSONPointer(parsing: text) }
}
