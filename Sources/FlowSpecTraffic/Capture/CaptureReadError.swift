/// A capture that cannot be read at all: the file cannot be opened, or its first bytes cannot be read.
///
/// Everything else that can go wrong with a capture (broken JSON, a truncated file, a read error
/// part-way) is reported as a ``CaptureEntry`` with a ``CaptureProblem``, so this is the only error
/// ``CaptureReader`` throws.
public struct CaptureReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The capture's name as given (`-` for standard input).
    public var file: String
    /// What went wrong, such as `No such file or directory`.
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "cannot read the capture \(file): \(reason)" }
}
