import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import Testing

/// OpenAPI's style examples (OpenAPI 3.1.1 §4.8.12.4, "Style Examples"), for `color` = "blue",
/// ["blue","black","brown"] and {"R":100,"G":200,"B":150}, in every location, style and explode.
@Suite("Parameter styles")
struct ParameterStyleTests {
    enum Shape: String, Sendable { case primitive, array, object }

    struct Row: Sendable, CustomTestStringConvertible {
        let location: ParameterLocation
        let style: ParameterStyle
        let explode: Bool
        let shape: Shape
        let raw: String
        var testDescription: String { "\(location) \(style) explode=\(explode) \(shape): \(raw)" }

        init(_ location: ParameterLocation, _ style: ParameterStyle, _ explode: Bool, _ shape: Shape, _ raw: String) {
            self.location = location
            self.style = style
            self.explode = explode
            self.shape = shape
            self.raw = raw
        }
    }

    static let rows: [Row] = [
        Row(.path, .simple, false, .primitive, "blue"),
        Row(.path, .simple, false, .array, "blue,black,brown"),
        Row(.path, .simple, false, .object, "R,100,G,200,B,150"),
        Row(.path, .simple, true, .primitive, "blue"),
        Row(.path, .simple, true, .array, "blue,black,brown"),
        Row(.path, .simple, true, .object, "R=100,G=200,B=150"),
        Row(.path, .label, false, .primitive, ".blue"),
        Row(.path, .label, false, .array, ".blue,black,brown"),
        Row(.path, .label, false, .object, ".R,100,G,200,B,150"),
        Row(.path, .label, true, .primitive, ".blue"),
        Row(.path, .label, true, .array, ".blue.black.brown"),
        Row(.path, .label, true, .object, ".R=100.G=200.B=150"),
        Row(.path, .matrix, false, .primitive, ";color=blue"),
        Row(.path, .matrix, false, .array, ";color=blue,black,brown"),
        Row(.path, .matrix, false, .object, ";color=R,100,G,200,B,150"),
        Row(.path, .matrix, true, .primitive, ";color=blue"),
        Row(.path, .matrix, true, .array, ";color=blue;color=black;color=brown"),
        Row(.path, .matrix, true, .object, ";R=100;G=200;B=150"),
        Row(.query, .form, false, .primitive, "color=blue"),
        Row(.query, .form, false, .array, "color=blue,black,brown"),
        Row(.query, .form, false, .object, "color=R,100,G,200,B,150"),
        Row(.query, .form, true, .primitive, "color=blue"),
        Row(.query, .form, true, .array, "color=blue&color=black&color=brown"),
        Row(.query, .form, true, .object, "R=100&G=200&B=150"),
        Row(.query, .spaceDelimited, false, .array, "color=blue%20black%20brown"),
        Row(.query, .spaceDelimited, false, .object, "color=R%20100%20G%20200%20B%20150"),
        Row(.query, .spaceDelimited, true, .array, "color=blue&color=black&color=brown"),
        Row(.query, .pipeDelimited, false, .array, "color=blue|black|brown"),
        Row(.query, .pipeDelimited, false, .object, "color=R|100|G|200|B|150"),
        Row(.query, .pipeDelimited, false, .array, "color=blue%7Cblack%7Cbrown"),
        Row(.query, .pipeDelimited, true, .array, "color=blue&color=black&color=brown"),
        Row(.query, .deepObject, true, .object, "color[R]=100&color[G]=200&color[B]=150"),
        Row(.query, .deepObject, true, .object, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        Row(.header, .simple, false, .primitive, "blue"),
        Row(.header, .simple, false, .array, "blue,black,brown"),
        Row(.header, .simple, false, .array, "blue, black ,brown"),
        Row(.header, .simple, false, .object, "R,100,G,200,B,150"),
        Row(.header, .simple, true, .primitive, "blue"),
        Row(.header, .simple, true, .array, "blue,black,brown"),
        Row(.header, .simple, true, .object, "R=100,G=200,B=150"),
        Row(.header, .simple, true, .object, "R=100, G=200, B=150"),
        Row(.cookie, .form, false, .primitive, "color=blue"),
        Row(.cookie, .form, false, .array, "color=blue,black,brown"),
        Row(.cookie, .form, false, .object, "color=R,100,G,200,B,150"),
        Row(.cookie, .form, true, .primitive, "color=blue"),
        Row(.cookie, .form, true, .array, "color=blue; color=black; color=brown"),
        Row(.cookie, .form, true, .object, "R=100; G=200; B=150"),
    ]

    static func shape(_ shape: Shape) -> ParameterShape {
        switch shape {
        case .primitive: return .primitive(.string)
        case .array: return .array(items: .string)
        case .object:
            return .object(properties: ["R": .integer, "G": .integer, "B": .integer], additionalProperties: nil)
        }
    }

    static func expected(_ shape: Shape) -> JSONValue {
        switch shape {
        case .primitive: return .string("blue")
        case .array: return .array([.string("blue"), .string("black"), .string("brown")])
        case .object: return .object(["R": number("100"), "G": number("200"), "B": number("150")])
        }
    }

    @Test(arguments: rows)
    func decodesOpenAPIExample(_ row: Row) throws {
        let definition = ParameterDefinition(
            name: "color", location: row.location, style: row.style, explode: row.explode, shape: Self.shape(row.shape))
        let decoder = try ParameterDecoder(definition)
        let value = try decoder.decode(from: parameterSources(row.location, name: "color", raw: row.raw))
        #expect(value == Self.expected(row.shape))
        if case .object(let object)? = value {
            #expect(object.keys == ["R", "G", "B"])
        }
    }

    struct EmptyRow: Sendable, CustomTestStringConvertible {
        let location: ParameterLocation
        let style: ParameterStyle
        let explode: Bool
        let raw: String
        var testDescription: String { "\(location) \(style) explode=\(explode): \(raw)" }
        init(_ location: ParameterLocation, _ style: ParameterStyle, _ explode: Bool, _ raw: String) {
            self.location = location
            self.style = style
            self.explode = explode
            self.raw = raw
        }
    }

    /// The table's "empty" column: the empty string, the empty array and the empty object.
    @Test(arguments: [
        EmptyRow(.path, .label, false, "."),
        EmptyRow(.path, .label, true, "."),
        EmptyRow(.path, .matrix, false, ";color"),
        EmptyRow(.path, .matrix, true, ";color"),
        EmptyRow(.query, .form, false, "color="),
        EmptyRow(.query, .form, false, "color"),
    ])
    func emptyValues(_ row: EmptyRow) throws {
        for (shape, expected) in [
            (ParameterShape.primitive(.string), JSONValue.string("")),
            (.array(items: .string), .array([])),
            (.anyObject, .object([:])),
        ] {
            let definition = ParameterDefinition(
                name: "color", location: row.location, style: row.style, explode: row.explode,
                allowEmptyValue: true, shape: shape)
            let value = try ParameterDecoder(definition).decode(
                from: parameterSources(row.location, name: "color", raw: row.raw))
            #expect(value == expected, "\(shape)")
        }
    }
}
