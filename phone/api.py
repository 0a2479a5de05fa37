"""The phone's HTTP side, mounted beside the Streamlit app by ``serve.py`` (``st.App(routes=…)``).

- ``/?join=CODE`` and ``/?p=<token>`` (the links printed in QR codes) get the light page
  (:class:`PhoneLinks`, an ASGI middleware); so does ``/phone``.
- ``/phone/api/…``: JSON to read a workshop by its code, join, read one's state, save an
  answer, read the room's result once revealed. A refusal is a 4xx JSON answer with a
  catalogue key and the message in the participant's language, and saves nothing.
- ``/phone/api/events?p=<token>``: server-sent events carrying the facilitator's moves. One
  watcher per workshop reads the workshop's row every ``POLL_SECONDS`` and sends what changed
  to every phone of the room: the database is read once per tick, never once per phone.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import json
import logging
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from assessment.i18n import say
from assessment.throttle import Backoff
from phone.service import LANGS, PhoneService, Refusal, database_down, language, page_texts

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
POLL_SECONDS = 0.3  # the watcher's tick: a move reaches the phones within about this
ROOM_SECONDS = 3.0  # once revealed, the room's result is pushed again this often if it changed
IDLE_SECONDS = 60  # a watcher with no phone listening stops after this
PING_SECONDS = 15  # a comment line keeps proxies and phones from closing a quiet stream
QUEUE_SIZE = 16  # moves kept for a phone that reads slowly (older ones are dropped)
MAX_BODY = 4096  # bytes: an answer or a join is a few dozen
DEVICE_HEADER = "X-Phone-Device"  # a random id the page draws once per tab
MAX_DEVICES = 10_000  # back-off states kept; the oldest go first
# Wrong codes accepted from one address a minute: a venue's 200 phones share one address and
# mistype now and then; a guesser sweeping 729 million codes at this pace needs years.
WRONG_CODES_PER_ADDRESS = 120
NO_STORE = {"Cache-Control": "no-store"}
PHONE_PARAMS = ("join", "p")
# The page's two files, by suffix (/phone/static/phone.css, /phone/static/phone.js).
ASSETS = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}
SECURITY = {
    # Everything the page needs comes from this server; nothing it shows is run as code.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the participant's token never leaves in a Referer
}


# --- the page and its two files ----------------------------------------------------------------


def _asset(suffix: str) -> Path:
    return (STATIC / "phone").with_suffix("." + suffix)


def _asset_version() -> str:
    digest = hashlib.sha256()
    for suffix in sorted(ASSETS):
        digest.update(_asset(suffix).read_bytes())
    return digest.hexdigest()[:12]


_page_lock = threading.Lock()
_page: bytes | None = None


def both_languages(key: str) -> str:
    return html.escape(" · ".join(say(key, lang) for lang in LANGS))


def page_bytes() -> bytes:
    """The page, with every word it may need in both languages (so that a notice can still be
    said when the server has gone), built once per process."""
    global _page
    with _page_lock:
        if _page is None:
            texts = json.dumps(page_texts(), ensure_ascii=False)
            for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
                texts = texts.replace(raw, escaped)
            template = _asset("html").read_text(encoding="utf-8")
            title, noscript = both_languages("phone.page_title"), both_languages("phone.noscript")
            shown = (
                template.replace("__TEXTS__", texts)
                .replace("__VERSION__", _asset_version())
                .replace("__TITLE__", title)
                .replace("__NOSCRIPT__", noscript)
            )
            _page = shown.encode("utf-8")
        return _page


def page_response() -> Response:
    return Response(
        page_bytes(), media_type="text/html; charset=utf-8", headers={**NO_STORE, **SECURITY}
    )


async def page(request: Request) -> Response:
    return page_response()


async def asset(request: Request) -> Response:
    suffix = request.path_params["suffix"]
    if suffix not in ASSETS:
        return Response(status_code=404)
    # The page names them with a version (?v=…): a phone keeps them for a day.
    headers = {"Cache-Control": "public, max-age=86400", **SECURITY}
    return Response(_asset(suffix).read_bytes(), media_type=ASSETS[suffix], headers=headers)


class PhoneLinks:
    """ASGI middleware: a phone link on ``/`` gets the light page; anything else goes on to
    Streamlit. A room screen link (``?screen=``) stays Streamlit's."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/" and scope["method"] in ("GET", "HEAD"):
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"), True)
            if any(name in query for name in PHONE_PARAMS) and "screen" not in query:
                await page_response()(scope, receive, send)
                return
        await self.app(scope, receive, send)


# --- wrong join codes, slowed down -------------------------------------------------------------


class CodeGuard:
    """The join-code back-off of ``assessment.throttle``, per phone (the page's device id, as the
    Streamlit pages keep one per session), never per address: a venue's phones share one. An
    address has a ceiling of wrong codes a minute, so that dropping the id gains a guesser little.
    Runs on the event loop only, so it needs no lock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.devices: OrderedDict[str, Backoff] = OrderedDict()
        self.addresses: OrderedDict[str, deque[float]] = OrderedDict()

    @staticmethod
    def _keep(table: OrderedDict, key: str, make):
        value = table.pop(key, None) or make()
        table[key] = value  # the newest last
        while len(table) > MAX_DEVICES:
            table.popitem(last=False)
        return value

    def wait(self, device: str, address: str) -> int:
        """Whole seconds before a code from this phone is looked at (0: at once)."""
        now = self.clock()
        wrong = self.addresses.get(address, ())
        recent = [t for t in wrong if now - t < 60]
        if len(recent) >= WRONG_CODES_PER_ADDRESS:
            return max(1, math.ceil(60 - (now - recent[0])))
        backoff = self.devices.get(device)
        return backoff.wait(now) if backoff else 0

    def tried(self, device: str, address: str, right: bool) -> None:
        backoff = self._keep(self.devices, device, Backoff)
        if right:
            backoff.succeeded()
            return
        now = self.clock()
        backoff.failed(now)
        self._keep(self.addresses, address, lambda: deque(maxlen=WRONG_CODES_PER_ADDRESS)).append(
            now
        )


def phone_of(request: Request) -> tuple[str, str]:
    """(device id, address) of the phone asking; a page without an id counts by its address."""
    address = request.client.host if request.client else "-"
    device = request.headers.get(DEVICE_HEADER, "")[:64] or f"address:{address}"
    return device, address


# --- the facilitator's moves, pushed -----------------------------------------------------------


class Hub:
    """One watcher per workshop with phones listening; each phone gets a queue of events."""

    def __init__(self, service: Callable[[], PhoneService]):
        self.service = service
        self.listeners: dict[int, set[asyncio.Queue]] = {}
        self.latest: dict[int, dict[str, str]] = {}  # workshop → event kind → last message
        self.watchers: dict[int, asyncio.Task] = {}
        # The watchers' reads run on threads of their own: a burst of phones' requests
        # waiting on the server's thread pool never delays a move.
        self.reader = ThreadPoolExecutor(max_workers=2, thread_name_prefix="phone-watcher")

    def subscribe(self, workshop_id: int) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.listeners.setdefault(workshop_id, set()).add(queue)
        watcher = self.watchers.get(workshop_id)
        if watcher is None or watcher.done():
            self.watchers[workshop_id] = asyncio.get_running_loop().create_task(
                self._watch(workshop_id)
            )
        return queue

    def unsubscribe(self, workshop_id: int, queue: asyncio.Queue) -> None:
        self.listeners.get(workshop_id, set()).discard(queue)

    def broadcast(self, workshop_id: int, kind: str, message: str) -> None:
        self.latest.setdefault(workshop_id, {})[kind] = message
        for queue in list(self.listeners.get(workshop_id, ())):
            if queue.full():  # a phone that reads slowly only needs the latest
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
            queue.put_nowait(message)

    async def _read(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.reader, function, *args)

    async def _watch(self, workshop_id: int) -> None:
        idle_since = None
        last = None
        last_room, room_at = None, 0.0
        while True:
            if self.listeners.get(workshop_id):
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since > IDLE_SECONDS:
                self.latest.pop(workshop_id, None)
                return
            moves = None
            try:
                moves = await self._read(self.service().moves_of, workshop_id)
                event = ("moves", moves) if moves is not None else ("gone", {})
            except Exception as error:  # the database is down: say so, and keep trying
                if not database_down(error):
                    log.exception("watching workshop %s", workshop_id)
                event = ("outage", {})
            message = f"event: {event[0]}\ndata: {json.dumps(event[1])}\n\n"
            if message != last:
                self.broadcast(workshop_id, event[0], message)
                last = message
                room_at = 0.0  # a move: the room's result now, if it is revealed
            if moves and moves["revealed"] and time.monotonic() - room_at > ROOM_SECONDS:
                # Pushed to every phone at once: no phone asks for it on a reveal.
                room_at = time.monotonic()
                with contextlib.suppress(Exception):
                    room = await self._read(self.service().room_by_language, workshop_id)
                    text = json.dumps(room, ensure_ascii=False)
                    if text != last_room:
                        self.broadcast(workshop_id, "room", f"event: room\ndata: {text}\n\n")
                        last_room = text
            elif moves and not moves["revealed"]:
                last_room = None
            await asyncio.sleep(POLL_SECONDS)


# --- the API -----------------------------------------------------------------------------------


async def read_json(request: Request, lang: str | None) -> dict:
    """The request's JSON object, refused when too large or malformed."""
    lang = language(lang)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise Refusal(413, "phone.too_large", lang)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise Refusal(413, "phone.too_large", lang)
    try:
        data = json.loads(body)
    except ValueError:
        raise Refusal(400, "phone.bad_request", lang) from None
    if not isinstance(data, dict):
        raise Refusal(400, "phone.bad_request", lang)
    return data


class PhoneApp:
    """The routes, on a service made at the first request (the server's own database)."""

    def __init__(self, make_service: Callable[[], PhoneService]):
        self._make_service = make_service
        self._service: PhoneService | None = None
        self._lock = threading.Lock()
        self.hub = Hub(self.service)
        self.guard = CodeGuard()

    def service(self) -> PhoneService:
        with self._lock:
            if self._service is None:
                self._service = self._make_service()
            return self._service

    async def _answer(self, request: Request, work) -> Response:
        lang = request.query_params.get("lang")
        try:
            return JSONResponse(await work(lang), headers=NO_STORE)
        except Refusal as refused:
            return JSONResponse(refused.body(), status_code=refused.status, headers=NO_STORE)
        except Exception as error:
            if not database_down(error):
                raise
            refused = Refusal(503, "phone.db_down", language(lang))
            return JSONResponse(refused.body(), status_code=503, headers=NO_STORE)

    async def _guarded(self, request: Request, lang: str | None, look_up):
        """``look_up()`` of a typed code, unless this phone must still wait; its outcome counts."""
        device, address = phone_of(request)
        wait = self.guard.wait(device, address)
        if wait:
            raise Refusal(429, "hardening.wait", language(lang), seconds=wait)
        try:
            found = await look_up()
        except Refusal as refused:
            if refused.key == "workshop.code_unknown":
                self.guard.tried(device, address, right=False)
            raise
        self.guard.tried(device, address, right=True)
        return found

    async def workshop(self, request: Request) -> Response:
        code = request.query_params.get("code", "")

        async def work(lang):
            look_up = self.service().workshop_for_code
            return await self._guarded(
                request, lang, lambda: run_in_threadpool(look_up, code, lang)
            )

        return await self._answer(request, work)

    async def join(self, request: Request) -> Response:
        async def work(lang):
            data = await read_json(request, lang)
            code = data.get("code")
            if not isinstance(code, str):
                raise Refusal(400, "phone.bad_request", language(lang))
            segments = data.get("segments")
            join = self.service().join
            return await self._guarded(
                request, lang, lambda: run_in_threadpool(join, code, segments, lang)
            )

        return await self._answer(request, work)

    async def state(self, request: Request) -> Response:
        token = request.query_params.get("p", "")
        return await self._answer(
            request, lambda lang: run_in_threadpool(self.service().state, token, lang)
        )

    async def room(self, request: Request) -> Response:
        token = request.query_params.get("p", "")

        async def work(lang):
            return {"room": await run_in_threadpool(self.service().room_for, token, lang)}

        return await self._answer(request, work)

    async def answer(self, request: Request) -> Response:
        async def work(lang):
            data = await read_json(request, lang)
            if "level" not in data:
                raise Refusal(422, "phone.invalid_answer", language(lang))
            return await run_in_threadpool(
                self.service().save, data.get("p"), data.get("question"), data["level"], lang
            )

        return await self._answer(request, work)

    async def events(self, request: Request) -> Response:
        token = request.query_params.get("p", "")

        async def check(lang):
            return {"workshop": await run_in_threadpool(self.service().workshop_of, token, lang)}

        found = await self._answer(request, check)
        if found.status_code != 200:
            return found
        workshop_id = json.loads(found.body)["workshop"]
        queue = self.hub.subscribe(workshop_id)
        latest = list(self.hub.latest.get(workshop_id, {}).values())

        async def stream():
            try:
                yield "retry: 1500\n\n"
                for message in latest:
                    yield message
                while True:
                    try:
                        yield await asyncio.wait_for(queue.get(), timeout=PING_SECONDS)
                    except TimeoutError:
                        yield ": ping\n\n"
            finally:
                self.hub.unsubscribe(workshop_id, queue)

        headers = {**NO_STORE, "X-Accel-Buffering": "no"}  # nginx: pass events on at once
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    def routes(self) -> list[Route]:
        return [
            Route("/phone", page),
            Route("/phone/static/phone.{suffix}", asset),
            Route("/phone/api/workshop", self.workshop),
            Route("/phone/api/join", self.join, methods=["POST"]),
            Route("/phone/api/state", self.state),
            Route("/phone/api/answer", self.answer, methods=["POST"]),
            Route("/phone/api/room", self.room),
            Route("/phone/api/events", self.events),
        ]


def default_service() -> PhoneService:
    """The server's database (DATABASE_URL, as the Streamlit pages read it)."""
    from assessment.settings import settings
    from assessment.store import Store
    from assessment.workshop import WorkshopStore

    return PhoneService(WorkshopStore(Store(settings().database())))
