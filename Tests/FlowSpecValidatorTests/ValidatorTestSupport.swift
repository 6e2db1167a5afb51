import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import Foundation
import HTTPTypes
import Testing

/// The repository root, from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The flows spec and its validator, built once for every test.
enum Flows {
    static let specPath = repositoryRoot + "/specs/pingone-flows.yaml"
    static let miniPath = repositoryRoot + "/../shared/bench/flows-mini.yaml"
    /// Whether the benchmark spec beside the repository is there (tests that read it skip without it).
    static let hasMini = FileManager.default.fileExists(atPath: miniPath)
    static let envID = "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73"
    static let flowID = "4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36"
    static let path = "/\(envID)/flows/\(flowID)"
    static let prefix = "application/vnd.pingidentity."

    static let validator: Validator = makeValidator()
    static let strictValidator: Validator = makeValidator(ValidatorOptions(strict: true))

    static func makeValidator(_ options: ValidatorOptions = ValidatorOptions()) -> Validator {
        do {
            return try Validator(contentsOf: specPath, options: options)
        } catch {
            fatalError("the flows spec does not build a validator: \(error)")
        }
    }

    /// A POST of an action.
    static func post(_ contentType: String?, _ body: String?, path: String = Flows.path, headers: HTTPFields = [:])
        -> (HTTPRequest, [UInt8]?)
    {
        var request = HTTPRequest(method: .post, scheme: "https", authority: "auth.pingone.com", path: path)
        request.headerFields = headers
        if let contentType { request.headerFields[.contentType] = contentType }
        return (request, body.map { Array($0.utf8) })
    }

    static func get(_ path: String = Flows.path, headers: HTTPFields = [:]) -> HTTPRequest {
        var request = HTTPRequest(method: .get, scheme: "https", authority: "auth.pingone.com", path: path)
        request.headerFields = headers
        return request
    }

    /// A valid flow body.
    static let flowBody = """
        {"id": "\(flowID)", "status": "USERNAME_PASSWORD_REQUIRED",
         "_links": {"self": {"href": "https://auth.pingone.com/\(envID)/flows/\(flowID)"},
                    "usernamePassword.check": {"href": "https://auth.pingone.com/\(envID)/flows/\(flowID)"}}}
        """
}

extension Validator {
    func check(_ request: (HTTPRequest, [UInt8]?)) -> RequestValidation {
        validate(request: request.0, body: request.1)
    }
}

/// A validator for an inline spec.
func inlineValidator(_ yaml: String, options: ValidatorOptions = ValidatorOptions()) throws(ValidatorError) -> Validator
{
    let loaded = SpecLoader().load(bytes: Array(yaml.utf8), path: "/virtual/inline.yaml", displayPath: "inline.yaml")
    return try Validator(loaded, options: options)
}

/// The codes of a verdict's violations.
func codes(_ violations: [Diagnostic]) -> [String] { violations.map(\.code.rawValue) }

func request(_ method: HTTPRequest.Method, _ path: String, _ headers: HTTPFields = [:]) -> HTTPRequest {
    var request = HTTPRequest(method: method, scheme: "https", authority: "example.com", path: path)
    request.headerFields = headers
    return request
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// JSON text for a value (test bodies built from the spec's examples).
func jsonText(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number): return number.text
    case .string(let text):
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + String(scalar.value, radix: 16).leftPadded(2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    case .array(let items): return "[" + items.map(jsonText).joined(separator: ",") + "]"
    case .object(let object):
        return "{" + object.map { jsonText(.string($0.key)) + ":" + jsonText($0.value) }.joined(separator: ",") + "}"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The flows spec's request examples, by action media type: the first named example of each.
enum FlowsExamples {
    static let loaded = SpecLoader().load(path: Flows.specPath)

    static let actionBodies: [String: String] = {
        var result: [String: String] = [:]
        guard let document = loaded.document, let item = document.paths?.items.first?.value,
            let pathItem = loaded.references.resolve(item), let post = pathItem.operation(.post),
            let body = post.requestBody.flatMap({ loaded.references.resolve($0) })
        else { return result }
        for (key, media) in body.content {
            guard let first = media.examples.first?.value, let example = loaded.references.resolve(first),
                let node = example.value
            else { continue }
            result[key] = jsonText(JSONValue(tree: loaded.files[node.file].tree, node: node.node))
        }
        return result
    }()

    static var actionKeys: [String] {
        Flows.validator.coverageCatalog.operations.first { $0.id == "submitFlowAction" }?.requestMediaTypeKeys ?? []
    }
}

/// A header field name known to be valid.
func fieldName(_ name: String) -> HTTPField.Name {
    guard let field = HTTPField.Name(name) else { preconditionFailure("`\(name)` is not a field name") }
    return field
}
