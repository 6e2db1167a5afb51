/// The formats this engine asserts, and which JSON type each applies to.
///
/// Unknown formats are annotations: they never fail an instance.
enum FormatKind: UInt8, Sendable {
    case uuid, dateTime, date, time, duration, email, idnEmail, hostname, idnHostname, ipv4, ipv6
    case uri, uriReference, iri, iriReference, uriTemplate, jsonPointer, relativeJSONPointer, regex
    case int32, int64, float, double, byte

    init?(name: String) {
        switch name {
        case "uuid": self = .uuid
        case "date-time": self = .dateTime
        case "date": self = .date
        case "time": self = .time
        case "duration": self = .duration
        case "email": self = .email
        case "idn-email": self = .idnEmail
        case "hostname": self = .hostname
        case "idn-hostname": self = .idnHostname
        case "ipv4": self = .ipv4
        case "ipv6": self = .ipv6
        case "uri": self = .uri
        case "uri-reference": self = .uriReference
        case "iri": self = .iri
        case "iri-reference": self = .iriReference
        case "uri-template": self = .uriTemplate
        case "json-pointer": self = .jsonPointer
        case "relative-json-pointer": self = .relativeJSONPointer
        case "regex": self = .regex
        case "int32": self = .int32
        case "int64": self = .int64
        case "float": self = .float
        case "double": self = .double
        case "byte": self = .byte
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .uuid: return "uuid"
        case .dateTime: return "date-time"
        case .date: return "date"
        case .time: return "time"
        case .duration: return "duration"
        case .email: return "email"
        case .idnEmail: return "idn-email"
        case .hostname: return "hostname"
        case .idnHostname: return "idn-hostname"
        case .ipv4: return "ipv4"
        case .ipv6: return "ipv6"
        case .uri: return "uri"
        case .uriReference: return "uri-reference"
        case .iri: return "iri"
        case .iriReference: return "iri-reference"
        case .uriTemplate: return "uri-template"
        case .jsonPointer: return "json-pointer"
        case .relativeJSONPointer: return "relative-json-pointer"
        case .regex: return "regex"
        case .int32: return "int32"
        case .int64: return "int64"
        case .float: return "float"
        case .double: return "double"
        case .byte: return "byte"
        }
    }

    /// Whether the value at `r` conforms; values of other types than the format's always do.
    func check(_ tape: JSONTape, _ r: Int) -> Bool {
        let tag = tape.tag(r)
        switch self {
        case .int32, .int64, .float, .double:
            guard tag == .int || tag == .number else { return true }
            if tag == .int {
                let v = tape.int(r)
                return self != .int32 || (v >= Int64(Int32.min) && v <= Int64(Int32.max))
            }
            return Formats.checkNumber(self, tape.number(r))
        case .uuid, .dateTime, .date, .time, .hostname, .ipv4, .email, .uri, .uriReference, .iri, .iriReference:
            guard tag == .string else { return true }
            return tape.withString(r) { Formats.checkBytes(self, $0) }
        default:
            guard tag == .string else { return true }
            return Formats.checkString(self, tape.string(r))
        }
    }

    /// Whether `value` conforms; values of other types than the format's always do.
    func check(_ value: JSONValue) -> Bool {
        switch self {
        case .int32, .int64, .float, .double:
            guard case .number(let n) = value else { return true }
            return Formats.checkNumber(self, n)
        default:
            guard case .string(let s) = value else { return true }
            return Formats.checkString(self, s)
        }
    }
}
