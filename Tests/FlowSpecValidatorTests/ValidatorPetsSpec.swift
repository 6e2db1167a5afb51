import FlowSpecValidator

/// An inline spec that exercises routing, every parameter location and style, bodies of several
/// media types, and responses matched exactly, by range and by default.
enum Pets {
    static let yaml = """
        openapi: 3.0.3
        info: {title: pets, version: '1'}
        servers:
          - url: https://api.example.com/{version}
            variables:
              version: {default: v1, enum: [v1, v2]}
        paths:
          /pets/mine:
            get:
              operationId: mine
              responses: {'200': {description: ok}}
          /pets/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
            get:
              operationId: getPet
              parameters:
                - {name: limit, in: query, schema: {type: integer, maximum: 10}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                - {name: ids, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: integer}}}
                - {name: color, in: query, style: deepObject, schema: {type: object, properties: {R: {type: integer}}}}
                - {name: flag, in: query, allowEmptyValue: true, schema: {type: string}}
                - {name: X-Request-Count, in: header, required: true, schema: {type: integer}}
                - {name: session, in: cookie, schema: {type: string, pattern: '^[a-z]+$'}}
                - name: filter
                  in: query
                  content:
                    application/json:
                      schema: {type: object, required: [q], properties: {q: {type: string}}}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {required: true, schema: {type: integer}}
                    X-Note: {schema: {type: string, maxLength: 3}}
                  content:
                    application/json:
                      schema: {type: object, required: [id], properties: {id: {type: integer}}}
                '2XX': {description: other success}
                '4XX':
                  description: client error
                  content:
                    application/problem+json:
                      schema: {type: object, required: [title], properties: {title: {type: string}}}
                default:
                  description: anything else
                  content:
                    text/plain: {schema: {type: string, maxLength: 5}}
            post:
              operationId: updatePet
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [name], properties: {name: {type: string}}}
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [name]
                      properties: {name: {type: string}, age: {type: integer}, tag: {type: array, items: {type: string}}}
                  text/plain:
                    schema: {type: string, minLength: 2}
                  application/octet-stream: {}
              responses:
                '204': {description: done}
          /files/{name}:
            get:
              operationId: getFile
              parameters:
                - {name: name, in: path, required: true, schema: {type: string}}
              responses: {'200': {description: ok}}
          /m/{coords}:
            get:
              operationId: matrix
              parameters:
                - {name: coords, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}}
              responses: {'200': {description: ok}}
          /l/{point}:
            get:
              operationId: label
              parameters:
                - name: point
                  in: path
                  required: true
                  style: label
                  schema: {type: object, properties: {x: {type: integer}, y: {type: integer}}}
              responses: {'200': {description: ok}}
        """

    static func validator(_ options: ValidatorOptions = ValidatorOptions()) -> Validator {
        do {
            return try inlineValidator(yaml, options: options)
        } catch {
            fatalError("the pets spec does not build: \(error)")
        }
    }

    static let standard = validator()
    static let strict = validator(ValidatorOptions(strict: true))
}
