import FlowSpecModel
import FlowSpecValidator
import Foundation
import FuzzSupport
import HTTPTypes

// The request validator against the flows spec: the input is a raw HTTP/1.1 request (request line,
// header lines, a blank line, the body), optionally followed by a `\n%%\n` line and a raw response
// (status line, header lines, body) that is checked against the request's verdict. Nothing needs
// to be well formed: a line that does not parse is passed on as it is, so the validator sees
// hostile methods, targets, header names and values.

/// specs/pingone-flows.yaml, from FLOWSPEC_FUZZ_SPEC or next to this package.
private let specPath: String =
    ProcessInfo.processInfo.environment["FLOWSPEC_FUZZ_SPEC"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs/pingone-flows.yaml").path

private let validators: [Validator] = {
    do {
        let loaded = SpecLoader().load(path: specPath)
        var strict = ValidatorOptions()
        strict.strict = true
        strict.enforceReadWriteOnly = true
        strict.undeclaredMethods = .allowOptionsAndHead
        strict.maxBodyBytes = 4096
        return [try Validator(loaded), try Validator(loaded, options: strict)]
    } catch {
        fatalError("the flows spec at \(specPath) does not build a validator: \(error)")
    }
}()

/// A raw message: its first line split at spaces, its header lines and its body.
private struct RawMessage {
    var start: [String] = []
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    init(_ bytes: [UInt8]) {
        // The head ends at the first empty line (`\n\n` or `\n\r\n`); the rest is the body.
        var headEnd = bytes.count
        var bodyStart = bytes.count
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                    (headEnd, bodyStart) = (i, i + 2)
                    break
                }
                if i + 2 < bytes.count && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A {
                    (headEnd, bodyStart) = (i, i + 3)
                    break
                }
            }
            i += 1
        }
        body = Array(bytes[bodyStart...])
        // Split as bytes: as Characters, `\r\n` is one grapheme and would never equal `\n`.
        let lines = bytes[..<headEnd].split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        guard let first = lines.first else { return }
        start = first.split(separator: " ", maxSplits: 2).map(String.init)
        for text in lines.dropFirst() {
            if let colon = text.firstIndex(of: ":") {
                let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                headers.append((String(text[..<colon]), value))
            } else {
                headers.append((text, ""))
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let pieces = input.pieces(limit: 2)
    let request = RawMessage(pieces[0])
    let validator = validators[input.choice(validators.count, salt: 1)]
    let method = request.start.first ?? "GET"
    let target = request.start.count > 1 ? request.start[1] : "/"
    let body: [UInt8]? = request.body.isEmpty && input.oneIn(2, salt: 2) ? nil : request.body
    let verdict = validator.validate(method: method, path: target, headers: request.headers, body: body)
    var checksum = verdict.violations.count
    for violation in verdict.violations { checksum &+= violation.message.utf8.count }

    // The typed entry point too, when the pieces make an HTTPRequest.
    if let typedMethod = HTTPRequest.Method(method) {
        var fields = HTTPFields()
        for header in request.headers {
            if let name = HTTPField.Name(header.0) { fields.append(HTTPField(name: name, value: header.1)) }
        }
        let typed = HTTPRequest(
            method: typedMethod, scheme: "https", authority: "auth.pingone.com", path: target,
            headerFields: fields)
        checksum &+= validator.validate(request: typed, body: body).violations.count
    }

    if pieces.count > 1 {
        let response = RawMessage(pieces[1])
        let status = response.start.count > 1 ? Int(response.start[1]) ?? 200 : 200
        let answer = validator.validate(
            status: status, headers: response.headers, body: response.body.isEmpty ? nil : response.body, for: verdict)
        checksum &+= answer.violations.count
    }
    precondition(checksum != Int.min)
    return 0
}
