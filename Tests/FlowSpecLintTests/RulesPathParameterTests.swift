import FlowSpecLint
import Testing

/// The path and parameter rules: one failing and one passing inline spec each, with places.
@Suite struct RulesPathParameterTests {
    static let flows = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /{envID}/flows/{flowID}:
            parameters:
              - name: envID
                in: path
                required: true
                description: The environment.
                schema: {type: string}
              - name: flowID
                in: path
                required: true
                description: The flow.
                schema: {type: string}
            get:
              responses:
                '200':
                  description: ok
          /{envID}/flows:
            post:
              parameters:
                - $ref: '#/components/parameters/EnvID'
              responses:
                '200':
                  description: ok
        components:
          parameters:
            EnvID:
              name: envID
              in: path
              required: true
              description: The environment.
              schema: {type: string}

        """

    static let cases: [RuleCase] = [
        RuleCase(
            "path-declarations-must-exist", "empty braces",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /pets/{}:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(4, 3)]),
        RuleCase("path-declarations-must-exist", "named", flows, []),
        RuleCase(
            "path-keys-no-trailing-slash", "trailing slash",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /:
                get:
                  responses:
                    '200':
                      description: ok
              /pets/:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(9, 3)]),
        RuleCase("path-keys-no-trailing-slash", "no slash", flows, []),
        RuleCase(
            "path-not-include-query", "query in the key",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /responses?beta=true:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(4, 3)]),
        RuleCase("path-not-include-query", "no query", flows, []),
        RuleCase(
            "path-params", "undeclared, unused and repeated",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /users/{id}/pets/{petId}:
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema: {type: string}
                get:
                  parameters:
                    - name: ownerId
                      in: path
                      required: true
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok
              /a/{x}/b/{x}:
                parameters:
                  - name: x
                    in: path
                    required: true
                    schema: {type: string}

            """, [(10, 5), (12, 17), (19, 3)]),
        RuleCase("path-params", "declared on the path item and by reference", flows, []),
        RuleCase(
            "path-identical", "same template, other names",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  responses:
                    '200':
                      description: ok
              /pets/{name}:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(9, 3)]),
        RuleCase("path-identical", "different templates", flows, []),
        RuleCase(
            "path-ambiguous", "neither more specific",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /{kind}/mine:
                get:
                  responses:
                    '200':
                      description: ok
              /pets/{id}:
                get:
                  responses:
                    '200':
                      description: ok
              /files/{name}.json:
                get:
                  responses:
                    '200':
                      description: ok
              /files/report.{ext}:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(9, 3), (19, 3)]),
        RuleCase(
            "path-ambiguous", "concrete beats templated",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  responses:
                    '200':
                      description: ok
              /pets/mine:
                get:
                  responses:
                    '200':
                      description: ok
              /pets/{id}/toys:
                get:
                  responses:
                    '200':
                      description: ok
              /users/{id}/toys/{toyId}:
                get:
                  responses:
                    '200':
                      description: ok

            """, []),

        RuleCase(
            "oas3-parameter-description", "undescribed, inline and in components",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: limit
                      in: query
                      schema: {type: integer}
                    - $ref: '#/components/parameters/Cursor'
                  responses:
                    '200':
                      description: ok
            components:
              parameters:
                Cursor:
                  name: cursor
                  in: query
                  schema: {type: string}

            """, [(7, 11), (16, 5)]),
        RuleCase("oas3-parameter-description", "described", flows, []),
        RuleCase(
            "header-parameter-ignored", "Content-Type, accept, Authorization and Cookie",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  parameters:
                    - name: Content-Type
                      in: header
                      schema: {type: string}
                    - name: accept
                      in: header
                      schema: {type: string}
                    - name: Authorization
                      in: header
                      schema: {type: string}
                    - name: Cookie
                      in: header
                      schema: {type: string}
                    - name: Content-Type
                      in: query
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok

            """, [(7, 17), (10, 17), (13, 17), (16, 17)]),
        RuleCase(
            "header-parameter-ignored", "ordinary headers and a cookie parameter",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: X-Request-Id
                      in: header
                      schema: {type: string}
                    - name: ST
                      in: cookie
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok

            """, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }
}
