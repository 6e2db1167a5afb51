#!/usr/bin/env python3
"""Write the hand-authored HAR 1.2 example captures in examples/captures/.

    python3 scripts/make-captures.py           # (re)write the .har files
    python3 scripts/make-captures.py --check   # exit 1 if a committed .har file differs

The captures are *written by hand* from specs/pingone-flows.yaml and the PingOne flows
documentation: nothing here was recorded from a PingOne service. Every ID, code, password,
cookie and timestamp is made up. This script exists only so that the JSON bodies inside the
HAR files (JSON text inside JSON strings) are escaped correctly and the sizes, timings and
cookies stay consistent; the content of each exchange is spelled out below, entry by entry.
examples/README.md explains each entry and what a validator should say about it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "examples", "captures")

HOST = "https://auth.pingone.com"
APPS = "https://apps.pingone.com"
ENV = "a7c3e9f1-4b2d-4e8a-9c6f-1d5b3a7e0f24"
ORIGIN = "https://login.acme-example.com"
VND = "application/vnd.pingidentity."
HAL = "application/hal+json;charset=UTF-8"
JSON_UTF8 = "application/json;charset=UTF-8"

CREATOR = {
    "name": "FlowSpec hand-written example",
    "version": "1.0",
    "comment": "Written by hand (scripts/make-captures.py), not recorded from a real PingOne service. "
    "All identifiers, codes, passwords and cookies are fake.",
}

STATUS_TEXT = {200: "OK", 400: "Bad Request", 404: "Not Found", 415: "Unsupported Media Type", 418: "I'm a teapot"}


def flow_url(flow: str) -> str:
    return f"{HOST}/{ENV}/flows/{flow}"


def links(flow: str, *relations: str) -> dict:
    out = {"self": {"href": flow_url(flow)}}
    for relation in relations:
        out[relation] = {"href": flow_url(flow)}
    return out


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def http_date(moment: dt.datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


class Capture:
    """Builds one HAR log for one flow."""

    def __init__(self, flow: str, session_cookie: str, start: dt.datetime, comment: str):
        self.flow = flow
        self.cookie = session_cookie
        self.clock = start
        self.created = start - dt.timedelta(milliseconds=850)  # the authorize call created the flow
        self.entries: list[dict] = []
        self.comment = comment

    def flow_body(self, status: str, relations: tuple[str, ...], extra_links: dict | None = None, **extra) -> dict:
        body = {
            "id": self.flow,
            "status": status,
            "createdAt": iso(self.created),
            "expiresAt": iso(self.clock + dt.timedelta(minutes=15)),
        }
        body.update(extra)
        body["_links"] = links(self.flow, *relations)
        body["_links"].update(extra_links or {})
        embedded = body.pop("_embedded", None)
        if embedded is not None:
            body["_embedded"] = embedded
        return body

    def add(
        self,
        comment: str,
        method: str,
        status: int,
        response_body: dict | None,
        content_type: str | None = None,
        request_body: object = None,
        response_mime: str = HAL,
        extra_request_headers: list[tuple[str, str]] = (),
        wait_ms: int = 120,
        gap_ms: int = 4000,
    ) -> None:
        """Append one entry. ``request_body``: a JSON value, a raw string, or None (no postData)."""
        self.clock += dt.timedelta(milliseconds=gap_ms)
        url = flow_url(self.flow)
        headers = [("Host", "auth.pingone.com"), ("Accept", "*/*"), ("Origin", ORIGIN)]
        headers += list(extra_request_headers)
        request: dict = {"method": method, "url": url, "httpVersion": "HTTP/1.1"}
        text = None
        if content_type is not None:
            headers.append(("Content-Type", content_type))
        if request_body is not None:
            text = request_body if isinstance(request_body, str) else json.dumps(request_body, separators=(",", ":"))
        if method == "POST":
            headers.append(("Content-Length", str(len((text or "").encode()))))
        headers.append(("Cookie", f"ST={self.cookie}"))
        request["cookies"] = [{"name": "ST", "value": self.cookie}]
        request["headers"] = [{"name": n, "value": v} for n, v in headers]
        request["queryString"] = []
        if text is not None:
            request["postData"] = {"mimeType": content_type or "", "text": text}
        request["headersSize"] = -1
        request["bodySize"] = len(text.encode()) if text is not None else 0

        finished = self.clock + dt.timedelta(milliseconds=wait_ms + 2)
        response_text = json.dumps(response_body, indent=2) if response_body is not None else ""
        response_headers = [("Date", http_date(finished))]
        if response_body is not None:
            response_headers.append(("Content-Type", response_mime))
            response_headers.append(("Content-Length", str(len(response_text.encode()))))
        response = {
            "status": status,
            "statusText": STATUS_TEXT[status],
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": n, "value": v} for n, v in response_headers],
            "content": {
                "size": len(response_text.encode()),
                "mimeType": response_mime if response_body is not None else "",
                "text": response_text,
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(response_text.encode()),
        }
        self.entries.append(
            {
                "startedDateTime": iso(self.clock),
                "time": wait_ms + 2,
                "request": request,
                "response": response,
                "cache": {},
                "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 1, "wait": wait_ms, "receive": 1},
                "comment": comment,
            }
        )
        self.clock = finished

    def har(self) -> dict:
        return {"log": {"version": "1.2", "creator": CREATOR, "comment": self.comment, "entries": self.entries}}


def error_body(error_id: str, code: str, message: str, details: list[dict] | None = None) -> dict:
    body = {"id": error_id, "code": code, "message": message}
    if details:
        body["details"] = details
    return body


VALIDATION = "The request could not be completed. One or more validation errors were in the request."
APPLICATION = {"name": "Acme Web Portal"}


# ------------------------------------------------------------------------------------------
# signon-username-password.har


def signon() -> dict:
    flow = "c0a4e6d2-5b71-4f38-9d2e-7a1f3b6c8e94"
    c = Capture(
        flow,
        "q3Vt9xL0bZ8mR2wN5cY1kE4hA7sD6fG0",
        dt.datetime(2026, 3, 4, 9, 12, 5, 317000),
        "Hand-written, not recorded: a successful username/password sign-on, starting at Read Flow "
        "(the authorize request that created the flow is out of scope).",
    )
    c.add(
        "Read Flow: a new flow asks for username and password. Like Ping's sample, the client "
        "sends Content-Type: application/json on this GET, which has no body.",
        "GET",
        200,
        c.flow_body(
            "USERNAME_PASSWORD_REQUIRED",
            ("session.reset", "usernamePassword.check", "password.forgot", "user.register"),
            # signOnPage points at the hosted sign-on UI, not at the flow URL
            extra_links={"signOnPage": {"href": f"{APPS}/{ENV}/signon/?flowId={flow}"}},
            _embedded={"application": APPLICATION},
        ),
        content_type="application/json",
    )
    c.add(
        "usernamePassword.check, offered by the previous response; the flow is COMPLETED and "
        "the browser goes on to resumeUrl.",
        "POST",
        200,
        c.flow_body(
            "COMPLETED",
            (),
            resumeUrl=f"{HOST}/{ENV}/as/resume?flowId={flow}",
            session={"id": "5e2b8d1f-7a4c-4f93-8b06-2c9e4d7a1f58"},
            _embedded={
                "user": {
                    "id": "b41f7c2e-9d3a-4e68-a5b0-6f1c8e2d7a93",
                    "username": "lisa.park",
                    "name": {"given": "Lisa", "family": "Park"},
                },
                "application": APPLICATION,
            },
        ),
        content_type=VND + "usernamePassword.check+json",
        request_body={"username": "lisa.park", "password": "Examp1e-Passw0rd!"},
    )
    return c.har()


# ------------------------------------------------------------------------------------------
# password-reset.har


def password_reset() -> dict:
    flow = "e5b19d73-0c2a-4e86-b4f1-92d7a3c5e608"
    user = {"id": "b41f7c2e-9d3a-4e68-a5b0-6f1c8e2d7a93", "username": "lisa.park"}
    c = Capture(
        flow,
        "Zr8Qm2Lx5Vw0Tn7Kc4Hb1Jd6Gf9Sa3Pe",
        dt.datetime(2026, 3, 4, 14, 40, 11, 52000),
        "Hand-written, not recorded: the forgot-password branch (password.forgot, a resend of the "
        "recovery code, a wrong code, then password.recover). The status after a successful "
        "password.recover is assumed to be COMPLETED; the sources do not show it.",
    )
    c.add(
        "Read Flow: username and password required; password recovery is offered (password.forgot).",
        "GET",
        200,
        c.flow_body(
            "USERNAME_PASSWORD_REQUIRED",
            ("session.reset", "usernamePassword.check", "password.forgot", "user.register"),
            _embedded={"application": APPLICATION},
        ),
    )
    c.add(
        "password.forgot: PingOne sends a recovery code; the flow now wants it.",
        "POST",
        200,
        c.flow_body(
            "RECOVERY_CODE_REQUIRED", ("password.recover", "password.sendRecoveryCode"), _embedded={"user": user}
        ),
        content_type=VND + "password.forgot+json",
        request_body={"username": "lisa.park"},
        gap_ms=9000,
    )
    c.add(
        "password.sendRecoveryCode: resend the code. Body-less action: no body at all (no postData), "
        "and the media type spelled as Ping's media-type table does, without +json.",
        "POST",
        200,
        c.flow_body(
            "RECOVERY_CODE_REQUIRED", ("password.recover", "password.sendRecoveryCode"), _embedded={"user": user}
        ),
        content_type=VND + "password.sendRecoveryCode",
        gap_ms=30000,
    )
    c.add(
        "password.recover with a wrong code: 400 INVALID_DATA, detail INVALID_VALUE on recoveryCode. "
        "The Content-Type carries a charset parameter, which does not change the action. The "
        "links of entry 2 stay in force.",
        "POST",
        400,
        error_body(
            "3a7e1c9d-5f2b-4d86-9e0a-4b8c2f6d1e73",
            "INVALID_DATA",
            VALIDATION,
            [{"code": "INVALID_VALUE", "target": "recoveryCode", "message": "The recovery code is invalid or has expired."}],
        ),
        content_type=VND + "password.recover+json; charset=UTF-8",
        request_body={"recoveryCode": "7QK2M9XB", "newPassword": "N3w-Examp1e-Passw0rd!"},
        response_mime=JSON_UTF8,
        gap_ms=41000,
    )
    c.add(
        "password.recover with the right code and a new password that meets the policy.",
        "POST",
        200,
        c.flow_body(
            "COMPLETED",
            (),
            resumeUrl=f"{HOST}/{ENV}/as/resume?flowId={flow}",
            session={"id": "0d9c4e7a-2b6f-4a18-8e53-7f1b9c3d6a20"},
            _embedded={"user": user, "application": APPLICATION},
        ),
        content_type=VND + "password.recover+json; charset=UTF-8",
        request_body={"recoveryCode": "7QK2M9XA", "newPassword": "N3w-Examp1e-Passw0rd!"},
        gap_ms=12000,
    )
    return c.har()


# ------------------------------------------------------------------------------------------
# registration-email-verification.har


def registration() -> dict:
    flow = "7d3f2a18-94c6-4b0e-8a5d-1e6c9f2b7a30"
    user = {"id": "2c6a9f3e-8b1d-4e57-a0c4-9d3f7b2e5a18", "username": "marco.rossi"}
    c = Capture(
        flow,
        "Wk4Nf8Rz1Bq6Yt3Lm0Xc7Vh2Dj5Gs9Ua",
        dt.datetime(2026, 3, 5, 8, 3, 47, 610000),
        "Hand-written, not recorded: registration with email verification (user.register, a resend "
        "of the verification code, user.verify).",
    )
    c.add(
        "Read Flow: registration is enabled (user.register is offered).",
        "GET",
        200,
        c.flow_body(
            "USERNAME_PASSWORD_REQUIRED",
            ("session.reset", "usernamePassword.check", "password.forgot", "user.register"),
            _embedded={
                "application": APPLICATION,
                "passwordPolicy": {
                    "length": {"min": 8},
                    "minCharacters": {"ABCDEFGHIJKLMNOPQRSTUVWXYZ": 1, "abcdefghijklmnopqrstuvwxyz": 1, "0123456789": 1},
                    "maxRepeatedCharacters": 2,
                    "minUniqueCharacters": 5,
                    "history": {"count": 6},
                },
            },
        ),
    )
    c.add(
        "user.register: the user is created and must verify the email address.",
        "POST",
        200,
        c.flow_body("VERIFICATION_CODE_REQUIRED", ("user.verify", "user.sendVerificationCode"), _embedded={"user": user}),
        content_type=VND + "user.register+json",
        request_body={
            "username": "marco.rossi",
            "email": "marco.rossi@example.com",
            "password": "Examp1e-Passw0rd!",
            "name": {"given": "Marco"},
        },
        gap_ms=21000,
    )
    c.add(
        "user.sendVerificationCode: resend the email. Body-less action sent with {} as Ping's sample does.",
        "POST",
        200,
        c.flow_body("VERIFICATION_CODE_REQUIRED", ("user.verify", "user.sendVerificationCode"), _embedded={"user": user}),
        content_type=VND + "user.sendVerificationCode+json",
        request_body={},
        gap_ms=60000,
    )
    c.add(
        "user.verify with the emailed code: the flow is COMPLETED.",
        "POST",
        200,
        c.flow_body(
            "COMPLETED",
            (),
            resumeUrl=f"{HOST}/{ENV}/as/resume?flowId={flow}",
            session={"id": "9a1e5c3f-6d2b-4f70-b8e4-1c7a3d9f5b26"},
            _embedded={"user": user, "application": APPLICATION},
        ),
        content_type=VND + "user.verify+json",
        request_body={"verificationCode": "R8T4WZ2N"},
        gap_ms=35000,
    )
    return c.har()


# ------------------------------------------------------------------------------------------
# mistakes.har


def mistakes() -> dict:
    flow = "a92c7e41-6f0b-4d35-8c1a-5e4b2d9f0367"
    user = {"id": "b41f7c2e-9d3a-4e68-a5b0-6f1c8e2d7a93", "username": "lisa.park"}
    sms = {"id": "6d2f8b1a-3c9e-4a75-b0d6-8e4c1f7a2b93", "type": "SMS", "status": "ACTIVE", "phone": "*******01"}
    email = {"id": "e0b7c3f9-1a5d-4c28-9f6e-3b8d2a7c4e15", "type": "EMAIL", "status": "ACTIVE", "email": "l***k@example.com"}
    c = Capture(
        flow,
        "Hs5Ld9Pw2Mx7Qc0Vb4Nk8Ry1Tf6Za3Ge",
        dt.datetime(2026, 3, 6, 11, 20, 2, 905000),
        "Hand-written, not recorded, with DELIBERATE MISTAKES in entries 1, 2, 4 and 6 (see "
        "examples/README.md): a wrong media type, a missing required field, an action the flow did "
        "not offer, and an undeclared response status. The other entries are valid.",
    )
    c.add(
        "Valid. Read Flow: username and password required.",
        "GET",
        200,
        c.flow_body(
            "USERNAME_PASSWORD_REQUIRED",
            ("session.reset", "usernamePassword.check", "password.forgot", "user.register"),
            _embedded={"application": APPLICATION},
        ),
    )
    c.add(
        "MISTAKE (a): the credentials are sent as plain application/json instead of the action's "
        "vendor media type, so no action is selected (415 from the server).",
        "POST",
        415,
        error_body(
            "4f0e7b2c-9a6d-4e31-8c5f-1b4d7a0e3c96",
            "INVALID_REQUEST",
            "The request could not be completed. The Content-Type is not supported for this resource.",
        ),
        content_type="application/json",
        request_body={"username": "lisa.park", "password": "Examp1e-Passw0rd!"},
        response_mime=JSON_UTF8,
    )
    c.add(
        "MISTAKE (b): usernamePassword.check without the required password (400 from the server).",
        "POST",
        400,
        error_body(
            "3c8f1e6a-9b2d-4d07-a4c5-8e1b6f3a9d72",
            "INVALID_DATA",
            VALIDATION,
            [{"code": "REQUIRED_VALUE", "target": "password", "message": "A value is required for this attribute."}],
        ),
        content_type=VND + "usernamePassword.check+json",
        request_body={"username": "lisa.park"},
        response_mime=JSON_UTF8,
    )
    c.add(
        "Valid. usernamePassword.check with both fields; MFA follows: the user must choose a device. "
        "Only device.select is offered now.",
        "POST",
        200,
        c.flow_body(
            "DEVICE_SELECTION_REQUIRED",
            ("device.select",),
            bypassAllowed=False,
            _embedded={"user": user, "devices": [sms, email]},
        ),
        content_type=VND + "usernamePassword.check+json",
        request_body={"username": "lisa.park", "password": "Examp1e-Passw0rd!"},
    )
    c.add(
        "MISTAKE (c): otp.check although the previous flow response (entry 3) offered only self and "
        "device.select. The body itself is valid for otp.check. The server refuses it with a 400.",
        "POST",
        400,
        error_body(
            "7b3e9d2f-1c6a-4f84-a5d0-2e9b6c1f8a47",
            "INVALID_REQUEST",
            "The request could not be completed. The action is not valid for the flow's current status.",
        ),
        content_type=VND + "otp.check+json",
        request_body={"otp": "482913"},
        response_mime=JSON_UTF8,
    )
    c.add(
        "Valid. device.select (still offered: the 400 of entry 4 did not change the flow); an OTP is "
        "sent by SMS.",
        "POST",
        200,
        c.flow_body(
            "OTP_REQUIRED",
            ("otp.check", "device.select"),
            bypassAllowed=False,
            selectedDevice={"id": sms["id"]},
            _embedded={"user": user, "devices": [sms, email]},
        ),
        content_type=VND + "device.select+json",
        request_body={"device": {"id": sms["id"]}},
    )
    c.add(
        "MISTAKE (d): the response status 418 is declared nowhere in the description. The request "
        "itself is valid (otp.check is offered by entry 5).",
        "POST",
        418,
        {"code": "TEAPOT", "message": "I refuse to brew coffee."},
        content_type=VND + "otp.check+json",
        request_body={"otp": "482913"},
        response_mime=JSON_UTF8,
    )
    c.add(
        "Valid. otp.check again (still offered: a non-2xx response does not change the flow); the "
        "flow is COMPLETED.",
        "POST",
        200,
        c.flow_body(
            "COMPLETED",
            (),
            resumeUrl=f"{HOST}/{ENV}/as/resume?flowId={flow}",
            session={"id": "f3a8c1e6-4d9b-4b27-9c05-6e2a8f4d1b39"},
            _embedded={"user": user, "application": APPLICATION},
        ),
        content_type=VND + "otp.check+json",
        request_body={"otp": "482913"},
    )
    return c.har()


CAPTURES = {
    "signon-username-password.har": signon,
    "password-reset.har": password_reset,
    "registration-email-verification.har": registration,
    "mistakes.har": mistakes,
}


def render(builder) -> str:
    return json.dumps(builder(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if a committed capture differs")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    stale = []
    for name, builder in CAPTURES.items():
        path = os.path.join(OUT, name)
        text = render(builder)
        if args.check:
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if current != text:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    if args.check:
        if stale:
            print("captures: stale, run scripts/make-captures.py: " + ", ".join(stale))
            return 1
        print(f"captures: {len(CAPTURES)} files up to date")
        return 0
    print(f"captures: wrote {len(CAPTURES)} files to examples/captures/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
