/// A captured request or response body: its bytes, its media type and whether it is complete.
///
/// The bytes are the body as sent after any `Content-Encoding` was undone (what HAR's `text` holds),
/// with base64 decoded. When ``isTruncated`` is `true` the bytes are only part of the body (or none
/// of it): the capture tool cut it or did not record it, so a validator should not judge its content.
public struct CapturedBody: Hashable, Sendable {
    /// The body's bytes.
    public var bytes: [UInt8]
    /// The media type the capture gives (HAR `mimeType`), else the `Content-Type` header's value.
    public var mimeType: String?
    /// Whether the bytes are incomplete; the entry then has a `capture_truncated_body` problem.
    public var isTruncated: Bool
    /// The body's full size in bytes when the capture says (HAR `content.size`), else `nil`.
    public var declaredSize: Int?

    public init(bytes: [UInt8], mimeType: String? = nil, isTruncated: Bool = false, declaredSize: Int? = nil) {
        self.bytes = bytes
        self.mimeType = mimeType
        self.isTruncated = isTruncated
        self.declaredSize = declaredSize
    }

    /// The bytes as a string, or `nil` when they are not valid UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }
}
