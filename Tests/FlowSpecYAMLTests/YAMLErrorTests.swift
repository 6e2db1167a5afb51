import FlowSpecYAML
import Testing

/// Every error the YAML layer raises has a stable code and the line and column to fix.
@Suite struct YAMLErrorTests {
    @Test func syntaxErrorFromLibyaml() throws {
        let error = try #require(parseError("openapi: 3.1.0\ninfo: title: Pets\n"))
        expectError(error, .syntax, line: 2, column: 12)
        #expect(error.message.contains("mapping values are not allowed"))
    }

    @Test func unclosedFlowSequenceNamesWhereItStarted() throws {
        let error = try #require(parseError("tags: [a, b\nnext: 1\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark.line == 2)
        #expect(error.relatedMark?.line == 1, "the context mark points at the opening bracket's line")
        #expect(error.relatedMark?.column == 7)
    }

    @Test func badIndentation() throws {
        let text = """
            paths:
              /pets:
                get: 1
               post: 2

            """
        let error = try #require(parseError(text))
        expectError(error, .syntax, line: 4, column: 4)
    }

    @Test func invalidUTF8NamesItsByteOffset() throws {
        // Line 2, after `b: ` and `é`: the lone 0xFF byte is at offset 10.
        var bytes = Array("a: 1\nb: é".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\n".utf8))
        let error = try #require(parseError(bytes))
        expectError(error, .invalidUTF8, line: 2, column: 5, offset: 10)
        #expect(error.message.contains("byte offset 10"), "\(error.message)")
        #expect(error.hint != nil)
    }

    @Test func truncatedMultiByteSequence() throws {
        let bytes: [UInt8] = Array("a: ".utf8) + [0xE2, 0x82]
        let error = try #require(parseError(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.message.contains("byte offset 3"), "\(error.message)")
        #expect(error.mark.line == 1 && error.mark.column == 4)
    }

    @Test func duplicateKeysNameBothPlaces() throws {
        let text = """
            responses:
              200:
                description: first
              "200":
                description: second

            """
        let tree = try parse(text)
        let problem = try #require(tree.problems.first)
        #expect(tree.problems.count == 1)
        expectError(problem, .duplicateKey, line: 4, column: 3, offset: 43)
        #expect(problem.relatedMark == YAMLMark(line: 2, column: 3, offset: 13))
        #expect(problem.message == "duplicate key `200`; it was first defined at line 2, column 3")
        #expect(problem.hint != nil)
        // The first occurrence wins, and the second is dropped from the tree.
        let responses = try tree.node(["responses"])
        #expect(tree.childCount(responses) == 1)
        #expect(tree.scalar(try tree.node(["responses", "200", "description"])) == "first")
    }

    @Test func duplicateKeysInLargeMappings() throws {
        // More than 12 keys takes the hashed path.
        var text = ""
        for i in 0..<20 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let tree = try parse(text)
        #expect(tree.problems.count == 1)
        expectError(tree.problems.first, .duplicateKey, line: 21, column: 1)
        #expect(tree.problems.first?.relatedMark?.line == 8)
        #expect(tree.scalar(try tree.node(["k7"])) == "7")
    }

    static let unsupportedTags: [(text: String, tag: String, column: Int)] = [
        ("run: !!python/object:os.system ls\n", "!!python/object:os.system", 6),
        ("schema: !include foo.yaml\n", "!include", 9),
        ("data: !!binary aGVsbG8=\n", "!!binary", 7),
        ("when: !!timestamp 2001-12-14\n", "!!timestamp", 7),
        ("set: !!set {a, b}\n", "!!set", 6),
        ("list: !custom [1]\n", "!custom", 7),
    ]

    @Test(arguments: unsupportedTags) func tagsOutsideTheJSONSchemaAreRefused(text: String, tag: String, column: Int)
        throws
    {
        let error = try #require(parseError(text))
        expectError(error, .unsupportedTag, line: 1, column: column)
        #expect(error.message.contains("`\(tag)`"), "\(error.message)")
        #expect(error.hint != nil)
    }

    @Test func severalDocumentsAreRefused() throws {
        let error = try #require(parseError("a: 1\n---\nb: 2\n"))
        expectError(error, .multipleDocuments, line: 2, column: 1, offset: 5)
        #expect(error.hint != nil)
    }

    @Test func oneExplicitDocumentIsFine() throws {
        let tree = try parse("---\na: 1\n...\n")
        #expect(tree.scalar(try tree.node(["a"])) == "1")
    }

    @Test func emptyFile() throws {
        expectError(parseError(""), .emptyDocument, line: 1, column: 1, offset: 0)
        expectError(parseError("", format: .json), .emptyDocument, line: 1, column: 1, offset: 0)
        expectError(parseError("  \n\n", format: .auto), .emptyDocument, line: 3, column: 1)
    }

    @Test func commentOnlyFile() throws {
        let error = try #require(parseError("# nothing here\n# still nothing\n"))
        expectError(error, .emptyDocument, line: 3, column: 1, offset: 31)
    }

    static let nonMappingRoots: [(String, column: Int)] = [
        ("- a\n- b\n", 1), ("just text\n", 1), ("  [1, 2]\n", 3), ("null\n", 1),
    ]

    @Test(arguments: nonMappingRoots) func rootMustBeAMapping(text: String, column: Int) throws {
        let error = try #require(parseError(text))
        expectError(error, .rootNotMapping, line: 1, column: column)
        // Without the OpenAPI requirement, the same text parses.
        let tree = try parse(text, options: YAMLParseOptions(requireMappingRoot: false))
        #expect(tree.kind(tree.root) != .mapping)
    }

    @Test func complexKeysAreRefused() throws {
        expectError(parseError("? [a, b]\n: value\n"), .complexKey, line: 1, column: 3)
        expectError(parseError("{a: 1}: value\n"), .complexKey, line: 1, column: 1)
    }

    @Test func unknownAnchor() throws {
        // libyaml's event parser does not check aliases; the tree builder does.
        let error = try #require(parseError("a: 1\nb: *nowhere\n"))
        expectError(error, .unknownAnchor, line: 2, column: 4, offset: 8)
        #expect(error.message.contains("`*nowhere`"))
        // An anchor defined after its alias does not count.
        expectError(parseError("a: *later\nb: &later 1\n"), .unknownAnchor, line: 1, column: 4)
    }

    @Test func descriptionIsLineColumnAndMessage() {
        let error = YAMLError(.syntax, "boom", at: YAMLMark(line: 3, column: 7, offset: 20))
        #expect(error.description == "3:7: boom")
        #expect(error.code == "yaml_syntax")
    }

    @Test func everyKindHasAStableSnakeCaseCode() {
        for kind in YAMLError.Kind.allCases {
            #expect(kind.rawValue.hasPrefix("yaml_"))
            #expect(kind.rawValue == kind.rawValue.lowercased())
        }
        #expect(Set(YAMLError.Kind.allCases.map(\.rawValue)).count == YAMLError.Kind.allCases.count)
    }
}
