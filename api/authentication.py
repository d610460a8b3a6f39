"""How API requests say who they are: a personal token (no CSRF: a script holds no cookie a
third-party page could ride on), or the browser's session (CSRF checked, as on every page)."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.access import Grant
from api.models import ApiToken
from api.tokens import token_for_secret, token_touch


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0] != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send the header as: Authorization: Bearer TOKEN")
        token = token_for_secret(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown, revoked or expired API token.")
        token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """Django's session, with CSRF enforced on writes (DRF's own class does that)."""


def grant_of(request: Request) -> Grant | None:
    """The token's narrowing of the user's rights; None for a browser session."""
    return request.auth.grant if isinstance(request.auth, ApiToken) else None


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token."}


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.SessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
