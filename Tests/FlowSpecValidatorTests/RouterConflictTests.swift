import FlowSpecModel
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Path template conflicts")
struct RouterConflictTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let first: String
        let second: String
        /// nil: no conflict.
        let kind: PathTemplateConflict.Kind?
        let example: String?
        var testDescription: String { "\(first) vs \(second)" }
        init(_ first: String, _ second: String, _ kind: PathTemplateConflict.Kind?, _ example: String? = nil) {
            self.first = first
            self.second = second
            self.kind = kind
            self.example = example
        }
    }

    @Test(arguments: [
        Case("/{a}/x", "/{b}/x", .identical, "/x/x"),
        Case("/{envID}/flows/{flowID}", "/{env}/flows/{id}", .identical, "/x/flows/x"),
        Case("/files/{a}.{b}", "/files/{c}.{d}", .identical, "/files/x.x"),
        Case("/a", "/a", .identical, "/a"),
        Case("/{a}/x", "/y/{b}", .ambiguous, "/y/x"),
        Case("/{a}.json", "/{b}.{c}", .ambiguous, "/x.json"),
        Case("/{a}.json", "/report.{b}", .ambiguous, "/report.json"),
        Case("/{a}-{b}.txt", "/x{c}.{d}", .ambiguous, "/x-y.txt"),
        Case("/{a}.{b}", "/{c}:{d}", .ambiguous, nil),
        Case("/{id}:archive", "/{a}:{b}", .ambiguous, "/x:archive"),
        // Concrete counterparts: not conflicts.
        Case("/pets/mine", "/pets/{id}", nil),
        Case("/pets/{id}.json", "/pets/{id}", nil),
        Case("/{a}/{b}", "/x/{c}", nil),
        // Disjoint.
        Case("/a", "/b", nil),
        Case("/a/{x}", "/a/{x}/b", nil),
        Case("/files/{a}.json", "/files/{b}.xml", nil),
        Case("/{a}:x", "/{b}:y", nil),
        Case("/{id}:archive", "/{id}.json", nil),
        Case("/", "/{a}", nil),
        Case("/a/", "/a/{b}", nil),
    ])
    func pairs(_ example: Case) throws {
        let templates = [try PathTemplate(parsing: example.first), try PathTemplate(parsing: example.second)]
        let conflicts = PathTemplate.conflicts(among: templates)
        guard let kind = example.kind else {
            #expect(conflicts.isEmpty)
            return
        }
        #expect(conflicts.count == 1)
        guard let conflict = conflicts.first else { return }
        #expect(conflict.kind == kind)
        #expect(conflict.firstIndex == 0 && conflict.secondIndex == 1)
        if let expected = example.example {
            #expect(conflict.example == expected)
        }
        // The example really matches both templates.
        let router = Router<Int>(routes: [
            .init(template: templates[0], methods: [.get], operationID: 0),
            .init(template: templates[1], methods: [.get], operationID: 1),
        ])
        let single0 = Router<Int>(routes: [.init(template: templates[0], methods: [.get], operationID: 0)])
        let single1 = Router<Int>(routes: [.init(template: templates[1], methods: [.get], operationID: 1)])
        #expect(single0.route(method: .get, path: conflict.example) != .notFound)
        #expect(single1.route(method: .get, path: conflict.example) != .notFound)
        #expect(router.conflicts() == conflicts)
    }

    @Test func ambiguousExampleContainsBothSeparators() throws {
        let conflicts = PathTemplate.conflicts(among: [
            try PathTemplate(parsing: "/{a}.{b}"), try PathTemplate(parsing: "/{c}:{d}"),
        ])
        let example = try #require(conflicts.first?.example)
        #expect(example == "/x.:x")
        #expect(example.contains(".") && example.contains(":"))
    }

    @Test func messages() throws {
        let conflicts = PathTemplate.conflicts(among: [
            try PathTemplate(parsing: "/{a}/x"), try PathTemplate(parsing: "/{b}/x"),
            try PathTemplate(parsing: "/y/{c}"),
        ])
        #expect(
            conflicts.map(\.description) == [
                #""/{a}/x" and "/{b}/x" match the same paths (for example /x/x)"#,
                #""/{a}/x" and "/y/{c}" both match /y/x, and neither is more specific"#,
                #""/{b}/x" and "/y/{c}" both match /y/x, and neither is more specific"#,
            ])
    }
}
