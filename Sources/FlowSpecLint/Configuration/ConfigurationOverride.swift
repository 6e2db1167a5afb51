public import FlowSpecModel

/// An entry of `overrides:`: rule settings that apply only to some files and/or some parts of a spec.
///
/// It applies to a finding when one of ``files`` matches the finding's file (or there are none) and
/// one of ``pointers`` is at or above the finding's JSON pointer (or there are none). Later overrides
/// win over earlier ones, and all win over the top-level `rules`.
public struct ConfigurationOverride: Hashable, Sendable {
    public var files: [Glob]
    public var pointers: [PointerPattern]
    public var rules: [String: RuleSetting]
    /// Where the override is in the configuration file.
    public var location: SourceLocation?

    public init(
        files: [Glob] = [], pointers: [PointerPattern] = [], rules: [String: RuleSetting],
        location: SourceLocation? = nil
    ) {
        self.files = files
        self.pointers = pointers
        self.rules = rules
        self.location = location
    }

    /// Whether the override applies to `relativePath` (relative to the configuration's folder, `nil`
    /// when unknown or outside it) and `pointer`.
    public func applies(toFile relativePath: String?, pointer: JSONPointer?) -> Bool {
        appliesToFile(relativePath) && appliesToPointer(pointer)
    }

    func appliesToFile(_ relativePath: String?) -> Bool {
        guard !files.isEmpty else { return true }
        guard let relativePath else { return false }
        return files.contains { $0.matches(relativePath) }
    }

    func appliesToPointer(_ pointer: JSONPointer?) -> Bool {
        guard !pointers.isEmpty else { return true }
        guard let pointer else { return false }
        return pointers.contains { $0.matches(pointer) }
    }
}
