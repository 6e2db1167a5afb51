/// The OpenAPI versions FlowSpec reads: 3.0.x and 3.1.x.
public struct OpenAPIVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `3.1.0`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        let patchText = parts[2].prefix { $0.isNumber }
        guard let patch = Int(patchText) else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    public var is30: Bool { major == 3 && minor == 0 }
    public var is31: Bool { major == 3 && minor == 1 }

    public static func < (lhs: OpenAPIVersion, rhs: OpenAPIVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}
