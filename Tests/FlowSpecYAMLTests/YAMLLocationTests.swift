import FlowSpecYAML
import Testing

/// Every key and value carries its line, column (in Unicode scalars) and byte offset.
@Suite struct YAMLLocationTests {
    @Test func keysAndValuesHaveLineColumnAndOffset() throws {
        let text = """
            openapi: 3.1.0
            info:
              title: Pets
            paths:
              /pets:
                get: {operationId: list}
            tags: [a, b]

            """
        let tree = try parse(text)
        #expect(tree.kind(tree.root) == .mapping)
        #expect(tree.start(tree.root) == YAMLMark(line: 1, column: 1, offset: 0))

        let openapiKey = try #require(tree.keyNode("openapi", in: tree.root))
        #expect(tree.start(openapiKey) == YAMLMark(line: 1, column: 1, offset: 0))
        #expect(tree.end(openapiKey) == YAMLMark(line: 1, column: 8, offset: 7))
        let openapi = try tree.node(["openapi"])
        #expect(tree.scalar(openapi) == "3.1.0")
        #expect(tree.start(openapi) == YAMLMark(line: 1, column: 10, offset: 9))
        #expect(tree.end(openapi) == YAMLMark(line: 1, column: 15, offset: 14))

        let title = try tree.node(["info", "title"])
        #expect(tree.start(title) == YAMLMark(line: 3, column: 10, offset: 30))
        let info = try tree.node(["info"])
        #expect(tree.start(info) == YAMLMark(line: 3, column: 3, offset: 23))

        let pets = try #require(tree.keyNode("/pets", in: try tree.node(["paths"])))
        #expect(tree.start(pets) == YAMLMark(line: 5, column: 3, offset: 44))
        let get = try tree.node(["paths", "/pets", "get"])
        #expect(tree.kind(get) == .mapping)
        #expect(tree.start(get) == YAMLMark(line: 6, column: 10, offset: 60))
        #expect(tree.end(get) == YAMLMark(line: 6, column: 29, offset: 79))
        let operationId = try tree.node(["paths", "/pets", "get", "operationId"])
        #expect(tree.start(operationId) == YAMLMark(line: 6, column: 24, offset: 74))

        let b = try tree.node(["tags", 1])
        #expect(tree.scalar(b) == "b")
        #expect(tree.start(b) == YAMLMark(line: 7, column: 11, offset: 90))
    }

    @Test func columnsCountUnicodeScalarsAndOffsetsCountBytes() throws {
        // `é` is 2 bytes, `😀` is 4 bytes; each is one column.
        let text = """
            s: [é, 😀, x]
            title: "héllo wörld"
            next: value

            """
        let tree = try parse(text)
        let items = Array(tree.items(try tree.node(["s"])))
        #expect(items.map { tree.scalar($0) } == ["é", "😀", "x"])
        #expect(tree.start(items[0]) == YAMLMark(line: 1, column: 5, offset: 4))
        #expect(tree.end(items[0]) == YAMLMark(line: 1, column: 6, offset: 6))
        #expect(tree.start(items[1]) == YAMLMark(line: 1, column: 8, offset: 8))
        #expect(tree.start(items[2]) == YAMLMark(line: 1, column: 11, offset: 14))

        let title = try tree.node(["title"])
        #expect(tree.scalar(title) == "héllo wörld")
        #expect(tree.start(title) == YAMLMark(line: 2, column: 8, offset: 24))
        #expect(tree.end(title) == YAMLMark(line: 2, column: 21, offset: 39))

        // After the non-ASCII lines, offsets are bytes (3 more than characters) and columns restart.
        let nextKey = try #require(tree.keyNode("next", in: tree.root))
        #expect(tree.start(nextKey) == YAMLMark(line: 3, column: 1, offset: 40))
        let next = try tree.node(["next"])
        #expect(tree.start(next) == YAMLMark(line: 3, column: 7, offset: 46))
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[46..<51], as: UTF8.self) == "value")
    }

    @Test func offsetsAreBytesInCRLFFiles() throws {
        let text = "a: é\r\nb: c\r\n"
        let tree = try parse(text)
        let b = try tree.node(["b"])
        #expect(tree.start(b) == YAMLMark(line: 2, column: 4, offset: 10))
        #expect(Array(text.utf8)[10] == UInt8(ascii: "c"))
    }

    @Test func offsetsAreBytesWithOtherLineBreaks() throws {
        // A lone `\r` (old Mac) and NEL (U+0085, two bytes) are line breaks for libyaml.
        let cr = try parse("a: é\rb: c\r")
        #expect(cr.start(try cr.node(["b"])) == YAMLMark(line: 2, column: 4, offset: 9))
        let nel = try parse("a: é\u{85}b: c\n")
        #expect(nel.start(try nel.node(["b"])) == YAMLMark(line: 2, column: 4, offset: 10))
    }

    @Test func aByteOrderMarkTakesBytesButNoColumn() throws {
        for text in ["\u{FEFF}a: é\nb: c\n", "\u{FEFF}a: 1\nb: c\n"] {
            let tree = try parse(text)
            let a = try #require(tree.keyNode("a", in: tree.root))
            #expect(tree.start(a) == YAMLMark(line: 1, column: 1, offset: 3))
            #expect(tree.start(try tree.node(["a"])) == YAMLMark(line: 1, column: 4, offset: 6))
            #expect(tree.start(try tree.node(["b"])).line == 2)
        }
        for format in [YAMLParser.Format.json, .auto] {
            let tree = try parse("\u{FEFF}{\"a\": \"\\ud83d\\ude00\"}", format: format)
            let a = try tree.node(["a"])
            #expect(tree.style(a) == .json)
            #expect(tree.scalar(a) == "😀", "\(format) reads it as JSON")
            #expect(tree.start(a) == YAMLMark(line: 1, column: 7, offset: 9))
        }
    }

    @Test func blockScalarsAndCommentsKeepPlaces() throws {
        let text = """
            # a comment with ü
            description: |
              line one
              line two
            after: 1

            """
        let tree = try parse(text)
        let description = try tree.node(["description"])
        #expect(tree.style(description) == .literal)
        #expect(tree.scalar(description) == "line one\nline two\n")
        #expect(tree.start(description) == YAMLMark(line: 2, column: 14, offset: 33))
        let after = try tree.node(["after"])
        #expect(tree.start(after) == YAMLMark(line: 5, column: 8, offset: 64))
    }

    @Test func locateComputesMarksFromOffsets() {
        let bytes = Array("ab\ncé😀d".utf8)
        #expect(YAMLMark.locate(offset: 0, in: bytes) == YAMLMark(line: 1, column: 1, offset: 0))
        #expect(YAMLMark.locate(offset: 3, in: bytes) == YAMLMark(line: 2, column: 1, offset: 3))
        #expect(YAMLMark.locate(offset: 10, in: bytes) == YAMLMark(line: 2, column: 4, offset: 10))
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let text = """
            base: &b {type: string}
            copy: *b

            """
        let tree = try parse(text)
        #expect(try tree.node(["base"]) == tree.node(["copy"]))
        #expect(tree.start(try tree.node(["copy"])) == YAMLMark(line: 1, column: 7, offset: 6))
    }
}
