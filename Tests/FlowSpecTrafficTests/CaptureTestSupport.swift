import FlowSpecModel
import Foundation
import Testing

@testable import FlowSpecTraffic

/// Reads a capture held in a string, to the end.
func readCapture(
    _ text: String, name: String = "test.har", format: CaptureFormat? = .har,
    options: CaptureReader.Options = CaptureReader.Options()
) -> [CaptureEntry] {
    readCapture(bytes: Array(text.utf8), name: name, format: format, options: options)
}

func readCapture(
    bytes: [UInt8], name: String = "test.har", format: CaptureFormat? = .har,
    options: CaptureReader.Options = CaptureReader.Options()
) -> [CaptureEntry] {
    var options = options
    options.format = format
    return Array(CaptureReader(bytes: bytes, name: name, options: options))
}

/// Reads a capture fed to the reader `chunkSize` bytes at a time, to exercise every chunk boundary.
func readCaptureInChunks(
    _ bytes: [UInt8], chunkSize: Int, format: CaptureFormat? = .har, maxEntryBytes: Int = 256 << 20
) -> [CaptureEntry] {
    var offset = 0
    let reader = CaptureReader(
        name: "chunks",
        options: CaptureReader.Options(format: format, chunkSize: chunkSize, maxEntryBytes: maxEntryBytes)
    ) {
        guard offset < bytes.count else { return nil }
        let end = min(offset + chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
    return Array(reader)
}

/// A HAR document around `entries` (each a JSON text), with `creator` and `pages` before them.
func harDocument(_ entries: [String]) -> String {
    """
    {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"pages":[],"entries":[
    \(entries.joined(separator: ",\n"))
    ]}}
    """
}

/// One HAR entry as JSON text; `response` is the response object's JSON text (or `nil` to leave it out).
func harEntry(
    method: String = "GET", url: String = "https://api.example.test/v1/users?limit=2",
    requestHeaders: String = #"[{"name":"Accept","value":"application/json"}]"#, postData: String? = nil,
    response: String? = harResponse(), extra: String = ""
) -> String {
    let post = postData.map { #","postData":\#($0)"# } ?? ""
    let resp = response.map { #","response":\#($0)"# } ?? ""
    return #"""
        {"startedDateTime":"2025-01-01T00:00:00.000Z","time":12.5,"request":{"method":"\#(method)","url":"\#(url)","httpVersion":"HTTP/1.1","cookies":[],"headers":\#(requestHeaders),"queryString":[],"headersSize":-1,"bodySize":0\#(post)}\#(resp),"cache":{},"timings":{"send":0,"wait":1,"receive":0}\#(extra)}
        """#
}

func harResponse(
    status: String = "200", headers: String = #"[{"name":"Content-Type","value":"application/json"}]"#,
    content: String = #"{"size":11,"mimeType":"application/json","text":"{\"ok\":true}"}"#
) -> String {
    #"""
    {"status":\#(status),"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],"headers":\#(headers),"content":\#(content),"redirectURL":"","headersSize":-1,"bodySize":11}
    """#
}

/// Writes `bytes` to a new temporary file and returns its path; the caller removes it.
func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("flowspec-capture-\(UUID().uuidString)\(suffix)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

extension CaptureEntry {
    var codes: [String] { problems.map(\.code.rawValue) }
}

extension CapturedBody {
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

func removeFile(_ path: String) throws {
    try FileManager.default.removeItem(atPath: path)
}
