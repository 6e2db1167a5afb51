import FlowSpecYAML
import Foundation
import Testing

/// Parses `text`, recording a test failure (at the caller's line) when it throws.
func parse(
    _ text: String, format: YAMLParser.Format = .yaml, options: YAMLParseOptions = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> YAMLTree {
    do {
        return try YAMLParser.parse(Array(text.utf8), format: format, options: options)
    } catch {
        Issue.record(
            "expected \(format) to parse, got \(error.code) at \(error): \(text)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Parses `bytes` and returns the error it must raise; records a failure when it parses.
func parseError(
    _ bytes: [UInt8], format: YAMLParser.Format = .yaml, options: YAMLParseOptions = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, format: format, options: options)
        Issue.record("expected a YAMLError, but the input parsed", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// ``parseError(_:format:options:sourceLocation:)`` for text.
func parseError(
    _ text: String, format: YAMLParser.Format = .yaml, options: YAMLParseOptions = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    parseError(Array(text.utf8), format: format, options: options, sourceLocation: sourceLocation)
}

/// Checks an error's kind and place, golden style.
func expectError(
    _ error: YAMLError?, _ kind: YAMLError.Kind, line: Int, column: Int, offset: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error else { return }
    #expect(error.kind == kind, "\(error.code): \(error.message)", sourceLocation: sourceLocation)
    #expect(error.code == kind.rawValue, sourceLocation: sourceLocation)
    #expect(error.mark.line == line, "line of \(error)", sourceLocation: sourceLocation)
    #expect(error.mark.column == column, "column of \(error)", sourceLocation: sourceLocation)
    if let offset {
        #expect(error.mark.offset == offset, "offset of \(error)", sourceLocation: sourceLocation)
    }
}

extension YAMLTree {
    /// The node at a path of mapping keys and sequence indexes, such as `["paths", "/pets", 0]`.
    func node(_ path: [any PathComponent], sourceLocation: SourceLocation = #_sourceLocation) throws -> NodeID {
        var current = root
        for component in path {
            if let key = component as? String {
                current = try #require(
                    value(forKey: key, in: current), "no key `\(key)`", sourceLocation: sourceLocation)
            } else if let index = component as? Int {
                let list = items(current)
                try #require(index < list.count, "no item \(index)", sourceLocation: sourceLocation)
                current = list[list.startIndex + index]
            }
        }
        return current
    }

    /// The key node of `key` in `mapping`.
    func keyNode(_ key: String, in mapping: NodeID) -> NodeID? {
        entries(mapping).first { scalar($0.key) == key }?.key
    }

    /// The tree as plain data, aliases expanded (only for small test inputs).
    func plain(_ id: NodeID? = nil) -> Plain {
        let id = id ?? root
        switch kind(id) {
        case .scalar: return Plain(scalar: scalar(id) ?? "", type: scalarType(id))
        case .sequence: return .array(items(id).map { plain($0) })
        case .mapping:
            var object: [String: Plain] = [:]
            for entry in entries(id) { object[scalar(entry.key) ?? ""] = plain(entry.value) }
            return .object(object)
        }
    }
}

/// A key or an index in ``YAMLTree/node(_:sourceLocation:)``.
protocol PathComponent {}
extension String: PathComponent {}
extension Int: PathComponent {}

/// JSON-like data, to compare a tree with what a file should mean.
///
/// Numbers compare by value (`1.10` and `1.1`, `0x1F` and `31` are equal), so YAML's notations and
/// JSON's compare as data, the way yaml-test-suite's `in.json` files mean them.
enum Plain: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Plain])
    case object([String: Plain])

    init(scalar text: String, type: YAMLScalarType) {
        switch type {
        case .null: self = .null
        case .bool: self = .bool(text.lowercased() == "true")
        case .int: self = .number(Plain.integer(text))
        case .float: self = .number(Plain.float(text))
        case .string: self = .string(text)
        }
    }

    private static func integer(_ text: String) -> Double {
        if text.hasPrefix("0x") { return Double(UInt64(text.dropFirst(2), radix: 16) ?? 0) }
        if text.hasPrefix("0o") { return Double(UInt64(text.dropFirst(2), radix: 8) ?? 0) }
        return Double(text) ?? .nan
    }

    private static func float(_ text: String) -> Double {
        let lower = text.lowercased()
        switch lower {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text) ?? .nan
        }
    }

    static func == (lhs: Plain, rhs: Plain) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let n): return "\(n)"
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[\(a.map(\.description).joined(separator: ", "))]"
        case .object(let o):
            return "{\(o.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))}"
        }
    }
}

/// The folder `shared/` beside the package root (the worktree or checkout), found from this file.
let sharedFolder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // FlowSpecYAMLTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .deletingLastPathComponent()
    .appendingPathComponent("shared")
