import FlowSpecValidator
import FlowsService
import Foundation
import Hummingbird

// Usage: flows-service [path/to/pingone-flows.yaml] [port]
let arguments = CommandLine.arguments
let specPath = arguments.count > 1 ? arguments[1] : "../../specs/pingone-flows.yaml"
let port = arguments.count > 2 ? Int(arguments[2]) ?? 8080 : 8080
do {
    let validator = try Validator(contentsOf: specPath)
    let app = FlowsApp.make(validator: validator, port: port) { request, response in
        let violations = request.violations + (response?.violations ?? [])
        for violation in violations {
            FileHandle.standardError.write(Data("\(request.operation?.id ?? "-"): \(violation)\n".utf8))
        }
    }
    try await app.runService()
} catch {
    FileHandle.standardError.write(Data("flows-service: \(error)\n".utf8))
    exit(1)
}
