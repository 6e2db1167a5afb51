import FlowSpecModel
import FlowSpecValidator
import Testing

@Suite("PathTemplate parsing")
struct RouterPathTemplateTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let template: String
        /// Segments, written back (`{name}.{ext}`).
        let segments: [String]
        let variables: [String]
        let literalSegments: Int
        var testDescription: String { template }
    }

    @Test(arguments: [
        ValidCase(
            template: "/{envID}/flows/{flowID}", segments: ["{envID}", "flows", "{flowID}"],
            variables: ["envID", "flowID"], literalSegments: 1),
        ValidCase(template: "/", segments: [""], variables: [], literalSegments: 1),
        ValidCase(template: "/a/", segments: ["a", ""], variables: [], literalSegments: 2),
        ValidCase(template: "/a//b", segments: ["a", "", "b"], variables: [], literalSegments: 3),
        ValidCase(
            template: "/files/{name}.{ext}", segments: ["files", "{name}.{ext}"], variables: ["name", "ext"],
            literalSegments: 1),
        ValidCase(
            template: "/items/{id}:archive", segments: ["items", "{id}:archive"], variables: ["id"], literalSegments: 1),
        ValidCase(
            template: "/v{version}/x", segments: ["v{version}", "x"], variables: ["version"], literalSegments: 1),
        ValidCase(template: "/{a b}", segments: ["{a b}"], variables: ["a b"], literalSegments: 0),
    ])
    func parsesValid(_ example: ValidCase) throws {
        let template = try PathTemplate(parsing: example.template)
        #expect(template.segments.map(\.description) == example.segments)
        #expect(template.variableNames == example.variables)
        #expect(template.literalSegmentCount == example.literalSegments)
        #expect(template.description == example.template)
    }

    @Test func segmentParts() throws {
        let template = try PathTemplate(parsing: "/files/{name}.{ext}")
        #expect(template.segments[0].isLiteral)
        #expect(!template.segments[1].isLiteral && !template.segments[1].isVariable)
        #expect(template.segments[1].parts == [.variable("name"), .literal("."), .variable("ext")])
        #expect(try PathTemplate(parsing: "/{id}").segments[0].isVariable)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let template: String
        let offset: Int
        let reason: String
        var testDescription: String { template }
    }

    @Test(arguments: [
        InvalidCase(template: "", offset: 0, reason: "it is empty; a path starts with '/'"),
        InvalidCase(template: "flows/{id}", offset: 0, reason: "it must start with '/'"),
        InvalidCase(
            template: "/flows/{id", offset: 7, reason: "'{' at offset 7 has no closing '}' in the same segment"),
        InvalidCase(
            template: "/flows/{id/x}", offset: 7, reason: "'{' at offset 7 has no closing '}' in the same segment"),
        InvalidCase(template: "/flows/id}", offset: 9, reason: "'}' at offset 9 has no opening '{'"),
        InvalidCase(
            template: "/flows/{a{b}}", offset: 9,
            reason: "'{' at offset 9 is inside another variable; variables do not nest"),
        InvalidCase(template: "/flows/{}", offset: 7, reason: "the variable at offset 7 has an empty name"),
        InvalidCase(
            template: "/{id}/flows/{id}", offset: 12,
            reason: "variable {id} appears more than once; each path parameter has one value"),
        InvalidCase(
            template: "/files/{name}{ext}", offset: 13,
            reason: "{name}{ext} has no literal between the variables, so a value cannot be split between them; "
                + "put a separator such as '.' or '-' between them"),
        InvalidCase(
            template: "/flows?x=1", offset: 6,
            reason: "'?' at offset 6 starts a query or fragment, which a path template must not contain; "
                + "declare query parameters instead"),
        InvalidCase(
            template: "/flows#x", offset: 6,
            reason: "'#' at offset 6 starts a query or fragment, which a path template must not contain; "
                + "declare query parameters instead"),
    ])
    func rejectsInvalid(_ example: InvalidCase) {
        #expect {
            _ = try PathTemplate(parsing: example.template)
        } throws: { error in
            guard let error = error as? PathTemplateError else { return false }
            #expect(error.offset == example.offset)
            #expect(error.reason == example.reason)
            #expect(error.message == "invalid path template \"\(example.template)\": \(example.reason)")
            #expect(error.code.rawValue == "invalid_path_template")
            return true
        }
    }
}
