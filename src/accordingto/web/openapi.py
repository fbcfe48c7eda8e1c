"""What the OpenAPI schema says beyond the routes' signatures: the service's description, the error
answers of each route, and the request body /api/analyze and /api/predict accept (four media types)."""

from __future__ import annotations

from .models import FIELDS, AnalyzeRequest, ErrorDetail

DESCRIPTION = (
    "According to whom? Every attribution in a news article: who said what, and who they are. "
    "POST an article to /api/analyze for its sourcing report; with a corpus store (serve --store), "
    "browse its articles, speakers and findings. The server never fetches a URL."
)
NO_STORE = "no store: start the server with --store FILE"


def error(status: int, description: str) -> dict:
    """One error answer in a route's ``responses``: an :class:`~.models.ErrorDetail` body."""
    return {"model": ErrorDetail, "description": description}


ANALYSIS_ERRORS = {
    400: error(400, "malformed body (JSON that does not parse, a broken multipart body)"),
    413: error(413, "body over the size limit (or text over the reader's 5 MB)"),
    415: error(415, "unsupported Content-Type"),
    422: error(422, "wrong fields, or input that is not an English news article (empty, binary, not English, no article in the page)"),
    503: error(503, "the analysis took longer than the timeout and was cut off, or the server is busy"),
}
NO_STORE_ERROR = {404: error(404, NO_STORE)}
BAD_QUERY = {422: error(422, "a query parameter out of range")}


def body_schema() -> dict:
    """The ``requestBody`` of /api/analyze and /api/predict: JSON, plain text, HTML or a file upload."""
    schema = AnalyzeRequest.model_json_schema()
    schema.pop("title", None)
    return {
        "required": True,
        "description": "JSON ({text} or {html}, with metadata), a raw text/plain or text/html body, or a file upload.",
        "content": {
            "application/json": {"schema": schema},
            "text/plain": {"schema": {"type": "string", "description": "the article as plain text"}},
            "text/html": {"schema": {"type": "string", "description": "the article's web page"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "a .txt or .html file"},
                        **{
                            name: {"type": "boolean" if name == "fast" else "string"}
                            for name in FIELDS
                            if name not in ("text", "html")
                        },
                    },
                }
            },
        },
    }
