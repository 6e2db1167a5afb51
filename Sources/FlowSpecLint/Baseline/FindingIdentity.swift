public import FlowSpecModel

/// What identifies a finding across runs without line numbers: the rule, the file, the JSON pointer
/// of the node it is about and a hash of its message with numbers blanked.
///
/// Adding or removing lines above a finding moves its line but not its pointer, so baselines and
/// SARIF fingerprints built on this survive ordinary edits. Two findings of the same rule on the same
/// node with messages that differ only in numbers (`line 12` becoming `line 14`) are the same finding.
public struct FindingIdentity: Hashable, Sendable, Comparable {
    public var rule: String
    /// The file's path, with forward slashes and no leading `./`; empty when the finding has no file.
    public var file: String
    /// The JSON pointer, or empty when the finding has none (the root is also empty: that is fine,
    /// since the message hash still tells such findings apart).
    public var pointer: String
    /// The first 16 hexadecimal digits of the SHA-256 of ``normalizedMessage(_:)``.
    public var messageHash: String

    public init(rule: String, file: String, pointer: String, messageHash: String) {
        self.rule = rule
        self.file = file
        self.pointer = pointer
        self.messageHash = messageHash
    }

    /// The identity of `diagnostic`; `defaultFile` is used when it has no location.
    public init(_ diagnostic: Diagnostic, defaultFile: String = "") {
        self.rule = diagnostic.code.rawValue
        self.file = SARIFReporter.normalizedPath(diagnostic.location?.file ?? defaultFile)
        self.pointer = diagnostic.pointer?.description ?? ""
        self.messageHash = SHA256.hex(Self.normalizedMessage(diagnostic.message), length: 16)
    }

    /// The message with surrounding white space trimmed, inner runs of white space made one space and
    /// every run of ASCII digits replaced by `#`.
    public static func normalizedMessage(_ message: String) -> String {
        var result = ""
        var pendingSpace = false
        var inDigits = false
        for scalar in message.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                inDigits = false
                continue
            }
            if pendingSpace {
                result += " "
                pendingSpace = false
            }
            if ("0"..."9").contains(scalar) {
                if !inDigits { result += "#" }
                inDigits = true
            } else {
                inDigits = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        (lhs.file, lhs.rule, lhs.pointer, lhs.messageHash) < (rhs.file, rhs.rule, rhs.pointer, rhs.messageHash)
    }
}
