import FlowSpecModel
public import FlowSpecSchema
import HTTPTypes

/// Decodes one parameter from a request into the `JSONValue` its schema validates, following OpenAPI's
/// `style` and `explode` (OpenAPI 3.1 §4.8.12.4, §4.8.12.5).
///
/// Build it once per parameter (this checks the definition), then call ``decode(from:)`` per request.
/// With the OpenAPI example `color` (`blue`, `["blue","black","brown"]`, `{"R":100,"G":200,"B":150}`):
///
/// | style | explode | primitive | array | object |
/// |---|---|---|---|---|
/// | simple | false | `blue` | `blue,black,brown` | `R,100,G,200,B,150` |
/// | simple | true | `blue` | `blue,black,brown` | `R=100,G=200,B=150` |
/// | label | false | `.blue` | `.blue,black,brown` | `.R,100,G,200,B,150` |
/// | label | true | `.blue` | `.blue.black.brown` | `.R=100.G=200.B=150` |
/// | matrix | false | `;color=blue` | `;color=blue,black,brown` | `;color=R,100,G,200,B,150` |
/// | matrix | true | `;color=blue` | `;color=blue;color=black;color=brown` | `;R=100;G=200;B=150` |
/// | form | false | `color=blue` | `color=blue,black,brown` | `color=R,100,G,200,B,150` |
/// | form | true | `color=blue` | `color=blue&color=black&color=brown` | `R=100&G=200&B=150` |
/// | spaceDelimited | false | – | `color=blue%20black%20brown` | `color=R%20100%20G%20200%20B%20150` |
/// | pipeDelimited | false | – | `color=blue|black|brown` | `color=R|100|G|200|B|150` |
/// | deepObject | true | – | – | `color[R]=100&color[G]=200&color[B]=150` |
///
/// Choices where the specification leaves room:
/// - `label` with `explode: false` separates items with `,`, as RFC 6570 and the corrected tables of
///   OpenAPI 3.0.4 and 3.1.1 do (3.0.3's table showed `.blue.black.brown`).
/// - `spaceDelimited` and `pipeDelimited` with `explode: true` behave as `form` with `explode: true`.
/// - Path and query values are split on their raw delimiters first and each piece is percent-decoded
///   afterwards, so `%2C` is a comma inside an item. `spaceDelimited` and `pipeDelimited` values are
///   decoded first and then split (their delimiter is usually sent encoded, as `%20`).
/// - `+` in a query is a literal plus (RFC 3986), not a space; see ``QueryString``.
/// - Header and cookie values are not percent-decoded. Header items are trimmed of whitespace and empty
///   list items are dropped (RFC 9110 §5.6.1); several fields of a header form one list, and a primitive
///   header given in several fields is their values joined with `, ` (RFC 9110 §5.3).
/// - A single-valued parameter (a primitive, or any non-exploded value) given more than once is
///   `parameter_repeated`: the server could not know which one is meant. This holds for cookies too.
/// - Empty values: a query value that is empty (`?flag=` or `?flag`) is `empty_parameter_value` unless
///   `allowEmptyValue` is set; then a primitive is `""`, a non-exploded array `[]` and object `{}`. A
///   matrix value without `=` (`;color`) is the empty value too; the empty label value is `.`.
/// - Values become JSON through ``PrimitiveType/coerce(_:)``: only valid literals are converted.
/// - `form` objects with `explode: true` collect the names described by ``ParameterShape/object(properties:additionalProperties:)``.
/// - `deepObject` keys are one level deep (`color[R]`); `color[a][b]` is `invalid_parameter_syntax`, as
///   OpenAPI defines no nesting.
/// - A `content` parameter (``ParameterDefinition/contentMediaType``) is returned as one string: the
///   decoded value for path and query, the raw value for headers and cookies. Parse it with the media
///   type's parser.
public struct ParameterDecoder: Sendable {
    /// The definition, as given.
    public let definition: ParameterDefinition
    let style: ParameterStyle
    let explode: Bool
    let headerName: HTTPField.Name?
    let otherNames: Set<String>

    /// Checks the definition and prepares the decoder.
    ///
    /// `otherNames` are the names of the operation's other parameters in the same location; an
    /// exploded `form` object does not collect them as properties.
    public init(_ definition: ParameterDefinition, otherNames: Set<String> = []) throws(ParameterError) {
        self.definition = definition
        self.style = definition.effectiveStyle
        self.explode = definition.effectiveExplode
        self.otherNames = otherNames
        if definition.location == .header {
            guard let name = HTTPField.Name(definition.name) else {
                throw ParameterError(.invalidHeaderName, definition)
            }
            self.headerName = name
        } else {
            self.headerName = nil
        }
        guard definition.contentMediaType == nil else { return }
        let known: [ParameterStyle] = [.matrix, .label, .simple, .form, .spaceDelimited, .pipeDelimited, .deepObject]
        guard known.contains(style) else { throw ParameterError(.unknownStyle(style), definition) }
        guard definition.location.allowedStyles.contains(style) else {
            throw ParameterError(.styleNotAllowed(style), definition)
        }
        switch (style, definition.shape) {
        case (.deepObject, .primitive), (.deepObject, .array):
            throw ParameterError(.styleNeedsObject(style), definition)
        case (.spaceDelimited, .primitive), (.pipeDelimited, .primitive):
            throw ParameterError(.styleNeedsArrayOrObject(style), definition)
        default:
            break
        }
    }

    /// The parameter's value, or `nil` when the request does not carry it and it is optional.
    public func decode(from sources: ParameterSources) throws(ParameterError) -> JSONValue? {
        let value: JSONValue?
        switch definition.location {
        case .path: value = try decodePath(sources.path)
        case .query: value = try decodeQuery(sources.query)
        case .header: value = try decodeHeader(sources.headers)
        case .cookie: value = try decodeCookie(sources.cookies)
        }
        if value == nil, definition.required { throw fail(.missing) }
        return value
    }

    // MARK: - Helpers

    func fail(_ kind: ParameterError.Kind) -> ParameterError { ParameterError(kind, definition) }

    func syntax(_ detail: String) -> ParameterError { fail(.syntax(detail)) }

    func percentDecode(_ text: Substring, plusAsSpace: Bool = false) throws(ParameterError) -> String {
        do {
            return try PercentDecoding.decode(text, plusAsSpace: plusAsSpace)
        } catch {
            switch error {
            case .malformedEscape: throw fail(.malformedEscape(value: String(text)))
            case .notUTF8: throw fail(.notUTF8(value: String(text)))
            }
        }
    }

    /// `text` split on `separator`, keeping empty pieces.
    static func split(_ text: Substring, _ separator: Character) -> [Substring] {
        text.split(separator: separator, omittingEmptySubsequences: false)
    }

    var itemType: PrimitiveType {
        switch definition.shape {
        case .primitive(let type), .array(let type): return type
        case .object: return .string
        }
    }

    func propertyType(_ key: String) -> PrimitiveType {
        guard case .object(let properties, let additional) = definition.shape else { return .string }
        return properties[key] ?? additional ?? .string
    }

    /// Whether an exploded `form` object collects `name` as a property.
    func collects(_ name: String) -> Bool {
        guard case .object(let properties, let additional) = definition.shape else { return false }
        if properties[name] != nil { return true }
        return additional != nil && !name.isEmpty && !otherNames.contains(name)
    }

    func object(_ pairs: [(key: String, value: String)]) throws(ParameterError) -> JSONValue {
        var object = JSONObject()
        for (key, value) in pairs {
            if object[key] != nil { throw syntax("gives property \"\(key)\" more than once") }
            object.append(key, propertyType(key).coerce(value))
        }
        return .object(object)
    }

    /// Decodes a delimited value: the whole of it for a primitive, items for an array, and for an
    /// object `name,value` pairs or, when `assignments`, `name=value` items. Pieces are split on the raw
    /// `separator`, then percent-decoded when `decodesPieces`; whitespace is trimmed when `trims`.
    func delimited(
        _ body: Substring, separator: Character, assignments: Bool, decodesPieces: Bool, trims: Bool = false
    ) throws(ParameterError) -> JSONValue {
        func piece(_ text: Substring) throws(ParameterError) -> String {
            let text = trims ? text.trimmingWhitespace() : text
            return decodesPieces ? try percentDecode(text) : String(text)
        }
        switch definition.shape {
        case .primitive(let type):
            return type.coerce(try piece(body))
        case .array(let type):
            if body.isEmpty { return .array([]) }
            var items: [JSONValue] = []
            for text in Self.split(body, separator) {
                if trims && text.trimmingWhitespace().isEmpty { continue }
                items.append(type.coerce(try piece(text)))
            }
            return .array(items)
        case .object:
            if body.isEmpty { return .object(JSONObject()) }
            let pieces = Self.split(body, separator)
            var pairs: [(key: String, value: String)] = []
            if assignments {
                for text in pieces {
                    guard let equals = text.firstIndex(of: "=") else {
                        throw syntax("has \"\(text)\" where name=value was expected")
                    }
                    pairs.append((try piece(text[..<equals]), try piece(text[text.index(after: equals)...])))
                }
            } else {
                guard pieces.count.isMultiple(of: 2) else {
                    throw syntax(
                        "must list property names and values in pairs (name\(separator)value\(separator)...), "
                            + "but has \(pieces.count) items")
                }
                var index = 0
                while index < pieces.count {
                    pairs.append((try piece(pieces[index]), try piece(pieces[index + 1])))
                    index += 2
                }
            }
            return try object(pairs)
        }
    }
}
