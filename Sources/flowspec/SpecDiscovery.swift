import Foundation

/// Turns the `SPEC...` arguments into spec files: files as given, folders searched for YAML and JSON
/// files whose root has an `openapi` (or `swagger`) key, `-` kept for standard input.
enum SpecDiscovery {
    struct NotFound: Error, CustomStringConvertible {
        var path: String
        var description: String { "no such file or folder: \(path)" }
    }

    static func expand(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        for argument in arguments {
            if argument == "-" {
                result.append(argument)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw NotFound(path: argument)
            }
            guard isFolder.boolValue else {
                result.append(argument)
                continue
            }
            let base = URL(fileURLWithPath: argument)
            let enumerator = FileManager.default.enumerator(atPath: argument)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let lower = relative.lowercased()
                guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else { continue }
                let path = base.appendingPathComponent(relative).path
                if looksLikeSpec(path) { found.append(argument == "." ? relative : (argument as NSString).appendingPathComponent(relative)) }
            }
            result += found.sorted()
        }
        return result
    }

    /// Whether the file's first few kilobytes have a top-level `openapi:`/`swagger:` key (or JSON member).
    static func looksLikeSpec(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 8192), as: UTF8.self)
        for line in head.split(separator: "\n") {
            if line.hasPrefix("openapi:") || line.hasPrefix("swagger:") { return true }
            if line.contains("\"openapi\"") || line.contains("\"swagger\"") { return true }
        }
        return false
    }
}
