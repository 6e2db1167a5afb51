import FlowSpecYAML
import Testing

/// Scalars written as they read keep their text in the file's bytes, the others (escapes, folding,
/// block scalars) in a copy: whichever holds it, a scalar reads back the same, and keys compare the
/// same across the two.
@Suite struct ScalarTextTests {
    @Test func everyStyleReadsBackItsValue() throws {
        let tree = try parse(
            """
            plain: just text
            single: 'it''s'
            double: "tab\\tend"
            quoted: "as written"
            folded: >
              one
              two
            literal: |
              line 1
              line 2
            multi: first
              second
            empty: ''
            number: 12

            """)
        let expected: [(String, String)] = [
            ("plain", "just text"), ("single", "it's"), ("double", "tab\tend"), ("quoted", "as written"),
            ("folded", "one two\n"), ("literal", "line 1\nline 2\n"), ("multi", "first second"), ("empty", ""),
            ("number", "12"),
        ]
        for (key, value) in expected {
            let node = try #require(tree.value(forKey: key, in: tree.root), "no \(key)")
            #expect(tree.scalar(node) == value, "\(key)")
        }
    }

    @Test func jsonEscapesAndLiteralsReadBack() throws {
        let tree = try parse(
            #"{"a": "x\"y", "b": "\u00e9t\u00e9", "c": -1.5e3, "d": true, "e": "plain"}"#, format: .json)
        let values = tree.entries(tree.root).map { tree.scalar($0.value) }
        #expect(values == [#"x"y"#, "été", "-1.5e3", "true", "plain"])
    }

    /// `"a"` is read from the file's bytes and `"\u0061"` is unescaped into the copy: still the same key.
    @Test func duplicateKeysAreFoundAcrossEscapedAndVerbatimText() throws {
        let tree = try parse("{\"a\": 1, \"\\u0061\": 2}", format: .json)
        #expect(tree.problems.count == 1)
        expectError(tree.problems.first, .duplicateKey, line: 1, column: 10, offset: 9)
        #expect(tree.entries(tree.root).count == 1)
        let yaml = try parse("a: 1\n\"\\x61\": 2\n")
        #expect(yaml.problems.count == 1)
        expectError(yaml.problems.first, .duplicateKey, line: 2, column: 1, offset: 5)
    }

    @Test func mergeKeysStillMerge() throws {
        let tree = try parse(
            """
            base: &b {x: 1}
            child:
              <<: *b
              y: 2

            """)
        let child = try #require(tree.value(forKey: "child", in: tree.root))
        #expect(tree.entries(child).compactMap { tree.scalar($0.key) }.sorted() == ["x", "y"])
    }
}
