import FlowSpecModel
import Foundation
import Testing

/// The flows spec and its generated multi-file twin load into the same model.
@Suite struct FlowsSpecTwinTests {
    static let single = packageRoot.appendingPathComponent("specs/pingone-flows.yaml").path
    static let multi = packageRoot.appendingPathComponent("specs/pingone-flows/openapi.yaml").path

    /// What the model says, one fact a line, with every reference followed.
    static func summary(_ result: LoadResult) -> [String] {
        var lines: [String] = []
        let refs = result.references
        guard let document = result.document else { return ["no document"] }
        lines.append("openapi \(document.openapi), \(document.info.title) \(document.info.version)")
        lines.append("servers \(document.servers.map(\.url))")
        lines.append("tags \(document.tags.map(\.name))")
        for (path, item) in document.paths?.items ?? OrderedMap() {
            guard let item = refs.resolve(item) else {
                lines.append("\(path): unresolved")
                continue
            }
            lines.append("\(path) parameters \(item.parameters.compactMap { refs.resolve($0)?.name })")
            for (method, operation) in item.operations {
                let name = "\(method.wireName) \(path) \(operation.operationId ?? "-")"
                lines.append("\(name) tags \(operation.tags)")
                let parameters = operation.parameters.compactMap { refs.resolve($0) }
                lines.append("\(name) parameters \(parameters.map { "\($0.location.rawValue) \($0.name)" })")
                if let body = operation.requestBody.flatMap({ refs.resolve($0) }) {
                    lines.append("\(name) body required=\(body.required) \(body.content.keys)")
                }
                lines.append("\(name) x- \(operation.extensions.keys)")
                for entry in operation.responses?.entries ?? [] {
                    guard let response = refs.resolve(entry.response) else {
                        lines.append("\(name) \(entry.status): unresolved")
                        continue
                    }
                    lines.append(
                        "\(name) \(entry.status) content \(response.content.keys) headers \(response.headers.keys)")
                }
            }
        }
        if let components = document.components {
            lines.append("schemas \(components.schemas.keys)")
            lines.append("responses \(components.responses.keys)")
            lines.append("parameters \(components.parameters.keys)")
            lines.append("headers \(components.headers.keys)")
            lines.append("securitySchemes \(components.securitySchemes.keys)")
            lines.append("examples \(components.examples.keys)")
            for (name, schema) in components.schemas {
                let object = refs.resolve(schema).object
                lines.append("schema \(name) type \(object?.type ?? []) properties \(object?.properties.keys ?? [])")
                lines.append("schema \(name) required \(object?.required ?? [])")
            }
        }
        return lines
    }

    @Test func multiFileTwinLoadsIntoTheSameModel() throws {
        let single = SpecLoader().load(path: Self.single)
        let multi = SpecLoader().load(path: Self.multi)
        expectNoDiagnostics(single, atLeast: .warning, "single-file spec")
        expectNoDiagnostics(multi, atLeast: .warning, "multi-file spec")
        #expect(multi.files.files.count > 10, "the twin is split into many files")
        let a = Self.summary(single)
        let b = Self.summary(multi)
        #expect(a.count > 40)
        let onlySingle = a.filter { !b.contains($0) }
        let onlyMulti = b.filter { !a.contains($0) }
        #expect(onlySingle.isEmpty && onlyMulti.isEmpty, "single only:\n\(onlySingle)\nmulti only:\n\(onlyMulti)")
        #expect(a == b)
    }

    @Test func flowSchemaPropertiesMatch() throws {
        let single = SpecLoader().load(path: Self.single)
        let multi = SpecLoader().load(path: Self.multi)
        let flow = try #require(single.componentSchema("Flow")?.object)
        let twin = try #require(multi.componentSchema("Flow")?.object)
        #expect(flow.properties.keys.contains("_links"))
        #expect(flow.properties.keys == twin.properties.keys)
        #expect(flow.required == ["id", "status", "_links"])
        #expect(twin.required == flow.required)
        // In the twin, the schema lives in its own file.
        #expect(multi.files[twin.node.file].displayPath == "schemas/Flow.yaml")
    }

    @Test func flowActionsMediaTypesMatch() throws {
        let single = SpecLoader().load(path: Self.single)
        let multi = SpecLoader().load(path: Self.multi)
        let mediaTypes = { (result: LoadResult) -> [String] in
            let post = result.pathItem("/{envID}/flows/{flowID}")?.operation(.post)
            return post?.requestBody.flatMap { result.references.resolve($0) }?.content.keys ?? []
        }
        #expect(mediaTypes(single).contains("application/vnd.pingidentity.usernamePassword.check+json"))
        #expect(mediaTypes(single) == mediaTypes(multi))
    }
}
