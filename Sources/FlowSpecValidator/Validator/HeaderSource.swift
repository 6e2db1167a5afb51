import HTTPTypes

/// A message's header fields as the checks read them: swift-http-types fields, or the (name, value)
/// pairs of a capture read in place.
///
/// Building `HTTPFields` from pairs validates every name and value, which costs more than the few
/// lookups a validation makes (`Content-Type`, `Accept`, the declared headers), so pairs are kept
/// as they are and `HTTPFields` are built only when something needs them all (strict mode, a header
/// parameter, a caller reading ``RequestValidation/headerFields``). Lookups answer exactly what the
/// built fields would: names compared case-insensitively, pairs with invalid names ignored, values
/// legalized as `HTTPField` does, several fields of a name joined.
struct HeaderSource: Sendable {
    enum Storage: Sendable {
        case fields(HTTPFields)
        case pairs([(String, String)])
    }

    var storage: Storage

    init(_ fields: HTTPFields) { storage = .fields(fields) }

    init(pairs: [(String, String)]) { storage = .pairs(pairs) }

    /// The fields, built from the pairs when that is what this holds.
    var httpFields: HTTPFields {
        switch storage {
        case .fields(let fields): return fields
        case .pairs(let pairs): return Validator.fields(pairs)
        }
    }

    /// The value of `name` as `HTTPFields.value(of:)` gives it.
    func value(of name: HTTPField.Name) -> String? {
        switch storage {
        case .fields(let fields):
            return fields.value(of: name)
        case .pairs(let pairs):
            var found: String?
            for (field, value) in pairs where HTTPSyntax.equalsIgnoringCase(field, name.canonicalName) {
                // Several fields of the name are joined; leave that to the fields themselves.
                if found != nil { return httpFields.value(of: name) }
                found = value
            }
            guard let found else { return nil }
            return HTTPField.isValidValue(found) ? found : HTTPField(name: name, value: found).value
        }
    }

    /// Every value of `name`, as `HTTPFields[values:]` gives them.
    func values(of name: HTTPField.Name) -> [String] {
        switch storage {
        case .fields(let fields):
            return fields[values: name]
        case .pairs(let pairs):
            var values: [String] = []
            for (field, value) in pairs where HTTPSyntax.equalsIgnoringCase(field, name.canonicalName) {
                values.append(HTTPField.isValidValue(value) ? value : HTTPField(name: name, value: value).value)
            }
            return values
        }
    }
}
