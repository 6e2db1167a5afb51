import FlowSpecLint
import Testing

/// The `info` and `servers` rules: one failing and one passing inline spec each, with places.
@Suite struct RulesInfoServerTests {
    static let bare = """
        openapi: 3.1.0
        info:
          title: T
          version: '1'
        paths: {}

        """

    static let fullInfo = """
        openapi: 3.1.0
        info:
          title: T
          version: '1'
          description: What it is for.
          contact:
            name: Team
            url: https://team.example.org
            email: team@example.org
          license:
            name: MIT
            url: https://opensource.org/licenses/MIT
        paths: {}

        """

    static let cases: [RuleCase] = [
        RuleCase("info-contact", "no contact", bare, [(2, 1)]),
        RuleCase("info-contact", "contact", fullInfo, []),
        RuleCase("info-description", "no description", bare, [(2, 1)]),
        RuleCase(
            "info-description", "blank description",
            """
            openapi: 3.1.0
            info:
              title: T
              version: '1'
              description: '  '
            paths: {}

            """, [(5, 16)]),
        RuleCase("info-description", "description", fullInfo, []),
        RuleCase("info-license", "no license", bare, [(2, 1)]),
        RuleCase("info-license", "license", fullInfo, []),
        RuleCase(
            "license-url", "name only",
            """
            openapi: 3.0.3
            info:
              title: T
              version: '1'
              license:
                name: MIT
            paths: {}

            """, [(5, 3)]),
        RuleCase("license-url", "url", fullInfo, []),
        RuleCase(
            "license-url", "SPDX identifier (3.1)",
            """
            openapi: 3.1.0
            info:
              title: T
              version: '1'
              license:
                name: MIT
                identifier: MIT
            paths: {}

            """, []),
        RuleCase(
            "contact-properties", "name only",
            """
            openapi: 3.1.0
            info:
              title: T
              version: '1'
              contact:
                name: Team
            paths: {}

            """, [(5, 3), (5, 3)]),
        RuleCase("contact-properties", "complete", fullInfo, []),

        RuleCase("oas3-api-servers", "no servers", bare, [(1, 1)]),
        RuleCase(
            "oas3-api-servers", "empty list",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers: []
            paths: {}

            """, [(3, 10)]),
        RuleCase(
            "oas3-api-servers", "a server",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://api.acme.test/v1
            paths: {}

            """, []),
        RuleCase(
            "oas3-server-trailing-slash", "root and operation servers",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://api.acme.test/v1/
              - url: /
            paths:
              /a:
                get:
                  servers:
                    - url: https://eu.acme.test/
                  responses:
                    '200':
                      description: ok

            """, [(4, 10), (10, 16)]),
        RuleCase(
            "oas3-server-trailing-slash", "no slash",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://api.acme.test/v1
            paths: {}

            """, []),
        RuleCase(
            "oas3-server-not-example.com", "example.com hosts",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://example.com/v1
              - url: https://staging.EXAMPLE.com
              - url: https://example.org
              - url: https://notexample.com
            paths: {}

            """, [(4, 10), (5, 10)]),
        RuleCase(
            "oas3-server-not-example.com", "real host",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://api.acme.test
            paths: {}

            """, []),
        RuleCase(
            "oas3-server-variables", "undeclared, unused, default outside enum, invalid port",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://{region}.acme.test/{version}
                variables:
                  region:
                    default: mars
                    enum: [eu, us]
                  tenant:
                    default: a
              - url: https://api.acme.test:{port}
                variables:
                  port:
                    default: 8o80
            paths: {}

            """, [(4, 10), (7, 18), (9, 7), (11, 10)]),
        RuleCase(
            "oas3-server-variables", "declared and used",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: https://auth.pingone.{tld}
                variables:
                  tld:
                    default: com
                    enum: [com, eu, com.au]
              - url: http://localhost:{port}/v1
                variables:
                  port:
                    default: '8080'
            paths: {}

            """, []),
        RuleCase(
            "oas3_1-servers-in-webhook", "servers on a webhook and its operation",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              newPet:
                servers:
                  - url: https://hooks.acme.test
                post:
                  servers:
                    - url: https://hooks.acme.test
                  responses:
                    '200':
                      description: ok

            """, [(5, 5), (8, 7)]),
        RuleCase(
            "oas3_1-servers-in-webhook", "webhook without servers",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              newPet:
                post:
                  responses:
                    '200':
                      description: ok

            """, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }
}
