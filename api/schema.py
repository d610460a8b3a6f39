"""The OpenAPI document: every operation lists the error answers it can give, with the one
error body, so clients (and the schema tests) can rely on both."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from api.params import schema_parameters

ERROR = {
    "type": "object",
    "required": ["error", "detail", "fields"],
    "properties": {
        "error": {"type": "string", "description": "A stable code: invalid, not_found, …"},
        "detail": {"type": "string", "description": "What went wrong, for people."},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "current": {"type": "object", "description": "On 409: the object as it is now."},
    },
}
# For operations that document an error status of their own (409/410 on a GET).
ERROR_RESPONSE = OpenApiResponse(
    response={"type": "object", "properties": ERROR["properties"], "required": ERROR["required"]},
    description="Not available now; see detail.",
)
ALWAYS = {
    "400": "Unknown or invalid parameters or body.",
    "401": "No credentials, or an unknown, revoked or expired token.",
    "403": "Your role or the token's scope does not allow this.",
    "404": "No such object in your workspaces.",
    "406": "Ask for application/json.",
    "429": "Too many requests for this token; see Retry-After.",
}
WRITES = {
    "405": "Method not allowed.",
    "409": "Someone changed it since you read it.",
    "415": "Send JSON (or multipart for files).",
}


class ApiAutoSchema(AutoSchema):
    """Adds each view's allow-listed filters to its documented parameters."""

    def get_override_parameters(self):
        handler = getattr(self.view, self.method.lower(), None)  # a function view's own
        filters = getattr(self.view, "filters", None) or getattr(handler, "filters", ())
        return [*super().get_override_parameters(), *schema_parameters(filters)]


def add_error_responses(result, generator, request, public):
    """spectacular post-processing hook."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    ref = {"$ref": "#/components/schemas/Error"}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            codes = dict(ALWAYS)
            if method != "get":
                codes.update(WRITES)
            else:
                responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
            for code, text in codes.items():
                responses.setdefault(
                    code, {"description": text, "content": {"application/json": {"schema": ref}}}
                )
    return result
