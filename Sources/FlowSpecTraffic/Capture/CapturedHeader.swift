/// One header field as captured: name and value as written (names keep their case).
public struct CapturedHeader: Hashable, Sendable {
    /// The field name as written; compare with ``Swift/Array/first(named:)``, which ignores case.
    public var name: String
    /// The field value as written (HAR does not say whether exporters trim it; we do not).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One cookie: its name and value (attributes such as `Path` are not kept).
public struct CapturedCookie: Hashable, Sendable {
    /// The cookie's name.
    public var name: String
    /// The cookie's value, as written (not percent-decoded).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One field of a form post, from HAR `postData.params`.
public struct CapturedFormParam: Hashable, Sendable {
    /// The field's name.
    public var name: String
    /// The field's value; `nil` for a file upload whose content was not captured.
    public var value: String?
    /// The uploaded file's name, for a file field.
    public var fileName: String?
    /// The uploaded file's media type, for a file field.
    public var contentType: String?

    public init(name: String, value: String?, fileName: String? = nil, contentType: String? = nil) {
        self.name = name
        self.value = value
        self.fileName = fileName
        self.contentType = contentType
    }
}

extension Array where Element == CapturedHeader {
    /// The values of every field named `name`, compared case-insensitively (ASCII), in order.
    public func values(named name: String) -> [String] {
        filter { CapturedHeader.namesMatch($0.name, name) }.map(\.value)
    }

    /// The value of the first field named `name`, compared case-insensitively (ASCII).
    public func first(named name: String) -> String? {
        first { CapturedHeader.namesMatch($0.name, name) }?.value
    }
}

extension CapturedHeader {
    /// Field names are case-insensitive (RFC 9110 section 5.1); only ASCII letters fold.
    static func namesMatch(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { x, y in asciiLower(x) == asciiLower(y) }
    }

    static func asciiLower(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }
}
