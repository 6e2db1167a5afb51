public import FlowSpecModel
public import FlowSpecSchema

/// Decodes an `application/x-www-form-urlencoded` body into a JSON object for schema validation.
///
/// ```swift
/// let body = try FormURLEncodedDecoder(properties: ["age": .primitive(.integer), "tag": .array(items: .string)])
///     .decode("name=Ada+Lovelace&age=36&tag=a")
/// // {"name": "Ada Lovelace", "age": 36, "tag": ["a"]}
/// ```
///
/// Here `+` is a space (the WHATWG URL standard's form encoding), unlike in query parameters. Members
/// are in first-appearance order. A name given several times becomes an array; a property declared as an
/// array is always one. Values are coerced with the property's ``PrimitiveType`` hint. An object-shaped
/// property keeps its text (form bodies describe nesting through the `encoding` object, which is not
/// interpreted here).
public struct FormURLEncodedDecoder: Sendable {
    /// The shapes of the properties the schema declares.
    public let properties: [String: ParameterShape]

    public init(properties: [String: ParameterShape] = [:]) {
        self.properties = properties
    }

    /// Decodes `body`; the error names the field whose encoding is malformed.
    public func decode(_ body: String) throws(FormDecodingError) -> JSONObject {
        let query = QueryString(body, plusAsSpace: true)
        var names: [String] = []
        var values: [String: [String]] = [:]
        for item in query.items {
            guard item.nameIsDecoded else {
                throw FormDecodingError(field: String(item.rawName), text: String(item.rawName))
            }
            let value: String
            do {
                value = try item.decodedValue()
            } catch {
                throw FormDecodingError(field: item.name, text: error.text)
            }
            if values[item.name] == nil { names.append(item.name) }
            values[item.name, default: []].append(value)
        }
        var object = JSONObject()
        for name in names {
            let texts = values[name] ?? []
            switch properties[name] {
            case .array(let type):
                object.append(name, .array(texts.map(type.coerce)))
            case .primitive(let type):
                object.append(name, texts.count == 1 ? type.coerce(texts[0]) : .array(texts.map(type.coerce)))
            case .object, .none:
                object.append(name, texts.count == 1 ? .string(texts[0]) : .array(texts.map(JSONValue.string)))
            }
        }
        return object
    }
}

/// A form body field whose percent-encoding is malformed or not UTF-8.
public struct FormDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's name (as written when the name itself is the problem).
    public let field: String
    /// The text that does not decode.
    public let text: String

    /// The stable code: `invalid_percent_encoding`.
    public var code: DiagnosticCode { .invalidPercentEncoding }

    /// The full message.
    public var message: String {
        "form field \"\(field)\" has malformed percent-encoding in \"\(text)\" (each '%' needs two hexadecimal "
            + "digits, and the decoded bytes must be UTF-8)"
    }

    public var description: String { message }
}
