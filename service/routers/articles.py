"""/v1/articles: metadata and extracted facts; load (POST) and retract (DELETE) an article."""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError, field_validator, model_validator

from loaders.errors import ArticleNotFound
from loaders.models import ArticleRecord
from loaders.read import record_from_text
from service.deps import DriverDep, PageDep, SettingsDep, Since, Until, check_date_range, require_write_key
from service.errors import NotFound, PayloadTooLarge, UnsupportedMediaType
from service.queries import articles
from service.schemas import ArticleDetail, ArticleSummary, ErrorResponse, IngestResult, ListResponse, RetractResult

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleIdPath = Annotated[str, Path(min_length=1, max_length=300, description="art:<hash>")]


class ArticleIn(BaseModel):
    """An article record (extra keys ignored): text or html is required."""

    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value.strip())
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise ValueError("url must be an absolute http(s) URL")
        return value

    @field_validator("published")
    @classmethod
    def _plausible_date(cls, value: str | None) -> str | None:
        if value is not None:
            _check_published(value)
        return value

    @model_validator(mode="after")
    def _has_content(self) -> ArticleIn:
        has_text, has_html = bool(self.text and self.text.strip()), bool(self.html and self.html.strip())
        if not has_text and not has_html:
            raise ValueError("the record needs a non-empty text or html")
        if self.text is not None and self.html is not None:
            raise ValueError("send text or html, not both")
        return self


_YEAR = re.compile(r"^\s*([+-]?)(\d+)")


def _check_published(value: str) -> None:
    """ValueError for a year before 1 or a date after tomorrow (an article is not published in the future)."""
    year = _YEAR.match(value)
    if year and (year.group(1) == "-" or int(year.group(2)) < 1):
        raise ValueError("published must be a date after year 0")
    try:
        day = datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return  # not ISO: the loader's date parser reads it (or leaves the date unknown)
    if day > date.today() + timedelta(days=1):
        raise ValueError("published is in the future")


_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/html": {"schema": {"type": "string"}, "example": "<html>…</html>"},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}

_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 404, 409, 413, 415, 422, 503)
}


@router.get("", response_model=ListResponse[ArticleSummary])
def list_articles(
    driver: DriverDep,
    settings: SettingsDep,
    page: PageDep,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(min_length=2, max_length=3, description="ISO 639-1")] = None,
) -> ListResponse[ArticleSummary]:
    """Loaded articles, newest first."""
    check_date_range(since, until)
    rows = articles.list_articles(driver=driver, database=settings.neo4j_database, outlet=outlet,
                                  language=language, since=since, until=until, page=page)
    return ListResponse(data=rows[: page.limit], next_cursor=page.next_cursor(len(rows)))


@router.get("/{article_id}", response_model=ArticleDetail, responses={404: {"model": ErrorResponse}})
def get_article(article_id: ArticleIdPath, driver: DriverDep, settings: SettingsDep) -> ArticleDetail:
    """One article: metadata, the entities it names and the facts (claims) extracted from it."""
    detail = articles.get(driver=driver, database=settings.neo4j_database, article_id=article_id)
    if detail is None:
        raise NotFound(f"No article with id {article_id!r}.", details={"id": article_id})
    return detail


async def _read_body(request: Request, max_bytes: int) -> bytes:
    """The body, refused with 413 as soon as it grows past max_bytes (chunked uploads included)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise PayloadTooLarge(f"The body exceeds {max_bytes} bytes.", details={"max_bytes": max_bytes})
        chunks.append(chunk)
    return b"".join(chunks)


def _validated(**fields: object) -> ArticleIn:
    """`ArticleIn` from fields, or a 422 in the API's error shape that points into the body."""
    try:
        return ArticleIn.model_validate(fields)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        ) from exc


def _charset(header: str) -> str:
    """The charset a Content-Type header declares (utf-8 when none, or when Python does not know it).

    415 for a codec that is not a text encoding (base64, rot13, zlib …: `codecs.lookup` knows them too).
    """
    for param in header.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            name = value.strip().strip('"')
            try:
                info = codecs.lookup(name)
            except LookupError:
                return "utf-8"
            if not getattr(info, "_is_text_encoding", True):
                raise _bad_charset(name)
            return info.name
    return "utf-8"


def _bad_charset(name: str) -> UnsupportedMediaType:
    return UnsupportedMediaType("The declared charset is not a text encoding this server can decode.",
                                details={"charset": name[:64]})


def _decode(body: bytes, charset: str) -> str:
    """The body as text, undecodable bytes replaced; 415 when the codec itself refuses (idna …)."""
    try:
        return body.decode(charset, errors="replace")
    except (LookupError, UnicodeError, TypeError, ValueError) as exc:
        raise _bad_charset(charset) from exc


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_binary(body: bytes, charset: str) -> None:
    """415 for a text/plain body that does not decode in its charset or holds control bytes (an image …),
    as the CLI refuses such a file: replacing its bytes would store noise as an article."""
    try:
        text = body.decode(charset)
    except (UnicodeError, LookupError) as exc:
        raise UnsupportedMediaType(f"The body is not valid {charset} text.", details={"charset": charset}) from exc
    if _CONTROL.search(text):
        raise UnsupportedMediaType("The body holds control characters: binary data is not an article.",
                                   details={"charset": charset})


def _record(body: bytes, content_type: str, *, charset: str = "utf-8", url: str | None, outlet: str | None,
            language: str | None, published: str | None, title: str | None) -> ArticleRecord:
    """An ArticleRecord from a JSON record, or from raw HTML / text plus query parameters."""
    meta = {"url": url, "outlet": outlet, "language": language, "published": published, "title": title}
    if content_type in ("application/json", ""):
        try:
            record = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from exc
        fields = record.model_dump()
        fields.update({k: v for k, v in meta.items() if v is not None and not fields.get(k)})
        _validated(**fields)  # the query's url / published too
        return ArticleRecord(source=fields.get("url") or "api:upload", **fields)
    if content_type == "text/plain":
        _refuse_binary(body, charset)
    text = _decode(body, charset)
    if content_type in ("text/html", "application/xhtml+xml"):
        _validated(html=text, url=url, published=published)  # 422 for an empty page, as for a JSON record
        return ArticleRecord(source=url or "api:upload", html=text, **meta)
    if content_type == "text/plain":
        _validated(text=text, url=url, published=published)
        base = record_from_text(text, url or "api:upload", url=url)
        return base.model_copy(update={k: v for k, v in meta.items() if v is not None})
    raise UnsupportedMediaType(
        "Send an article record as application/json, or a page as text/html (or text/plain).",
        details={"content_type": content_type},
    )


@router.post("", response_model=IngestResult, status_code=201, openapi_extra=_BODY_DOC,
             dependencies=[Depends(require_write_key)], responses={200: {"model": IngestResult},
                                                                   **_WRITE_ERRORS})
async def post_article(
    request: Request,
    response: Response,
    driver: DriverDep,
    settings: SettingsDep,
    url: Annotated[str | None, Query(max_length=2000, description="source URL (for an HTML/text body)")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(min_length=2, max_length=3)] = None,
    published: Annotated[str | None, Query(max_length=40)] = None,
    title: Annotated[str | None, Query(max_length=1000)] = None,
) -> IngestResult:
    """Load one article: 201 when created, 200 when replaced or unchanged (loading is idempotent)."""
    body = await _read_body(request, settings.max_upload_bytes)
    header = request.headers.get("content-type", "")
    content_type = header.split(";")[0].strip().lower()
    record = _record(body, content_type, charset=_charset(header), url=url, outlet=outlet, language=language,
                     published=published, title=title)
    result = await run_in_threadpool(
        articles.ingest, driver=driver, database=settings.neo4j_database, record=record
    )
    if result.status != "created":
        response.status_code = 200
    return result


@router.delete("/{article_id}", response_model=RetractResult, dependencies=[Depends(require_write_key)],
               responses=_WRITE_ERRORS)
def delete_article(article_id: ArticleIdPath, driver: DriverDep, settings: SettingsDep) -> RetractResult:
    """Retract an article: its claims go, and exactly the ties and events only they supported (404 if unknown)."""
    try:
        return articles.retract(driver=driver, database=settings.neo4j_database, article_id=article_id)
    except ArticleNotFound as exc:  # the API's one code for an unknown id
        raise NotFound(f"No article with id {article_id!r}.", details={"id": article_id}) from exc
