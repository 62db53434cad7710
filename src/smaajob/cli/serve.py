# SPDX-License-Identifier: MPL-2.0
"""``smaajob serve``: the web application, with static files from whitenoise.

On Linux and other POSIX systems the server is gunicorn with several worker processes:
Python runs one thread at a time per process, so one process can use only one core, and
a page costs tens of milliseconds of CPU. By default there is one process per core and one
more (for the moments a process waits on the database), each taking one request at a time
(gunicorn's sync worker): measured with 20 users on the country database, fewer requests
sharing the cores at once answer sooner than more (docs/performance.md, 2026-12-07; the
sync worker wants a buffering proxy in front, docs/operations.md). ``--threads`` above 1
runs the threaded worker. On Windows, where gunicorn does not run, waitress (one process,
several threads) serves instead.
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

# One request at a time per process (gunicorn's sync worker); more threads: the threaded worker.
DEFAULT_THREADS = 1


def default_workers() -> int:
    """One process per core and one more, at least two and at most eight: pages are CPU-bound,
    with short database waits, and more requests at once only share the same cores."""
    return max(2, min(8, (os.cpu_count() or 1) + 1))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help="start webapplikationen")
    parser.add_argument("--port", type=int, default=8000, help="port (standard 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1, kun denne maskine)")
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help=f"antal serverprocesser (standard {default_workers()}: én pr. processorkerne og én til, højst 8)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=DEFAULT_THREADS,
        help=f"tråde pr. proces (standard {DEFAULT_THREADS}: én forespørgsel ad gangen pr. proces; flere giver "
        "gunicorns trådede worker)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from smaajob.errors import InvalidInput

    if not 1 <= args.port <= 65535:
        raise InvalidInput("Porten skal være et tal fra 1 til 65535, fx 8000.", field="port")
    if not 1 <= args.workers <= 64:
        raise InvalidInput("Antal serverprocesser skal være fra 1 til 64, fx 4.", field="workers")
    if not 1 <= args.threads <= 64:
        raise InvalidInput(f"Antal tråde skal være fra 1 til 64, fx {DEFAULT_THREADS}.", field="threads")
    check_port_free(args.host, args.port)
    from django.db import connections

    from smaajob.cli.database import migrate_if_needed, pending_migrations

    if pending_migrations():
        print("Databasen er ikke opdateret; kører migreringer først …")
    migrate_if_needed()
    # Worker processes are forked from this one: none may inherit an open connection.
    connections.close_all()
    share_metrics_between_workers(args.port)

    from smaajob.wsgi import application

    print(f"Småjob kører på http://{args.host}:{args.port}/  (stop med Ctrl+C)", flush=True)
    if os.name == "posix":
        _serve_gunicorn(application, args)
    else:  # pragma: no cover - gunicorn needs fork(); waitress serves on Windows
        from waitress import serve

        serve(application, host=args.host, port=args.port, threads=args.threads * args.workers, ident="smaajob")
    return 0


def share_metrics_between_workers(port: int) -> None:
    """Every worker process writes its metrics to one folder, which the scrape adds up.

    prometheus_client's multiprocess mode (``smaajob.ops.metrics``): the folder must be set before
    the first metric exists, so before the application is imported, and must start empty. An
    operator's own ``PROMETHEUS_MULTIPROC_DIR`` is used as it is; otherwise each server (by port)
    gets a fresh folder under ``var/metrics``.
    """
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    if "prometheus_client.values" in sys.modules:  # pragma: no cover - a programming error
        raise RuntimeError("prometheus_client was imported before the metrics folder was set")
    from django.conf import settings

    folder = Path(settings.VAR_DIR) / "metrics" / f"serve-{port}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def check_port_free(host: str, port: int) -> None:
    """Refuse, in Danish and before the banner, a port another program already listens on.

    The server binds the port itself moments later; this check only turns the common mistake
    (a demo still running in another terminal) into a clear message instead of server errors.
    """
    from smaajob.errors import InvalidInput

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InvalidInput(
                    f"Port {port} på {host} er optaget – kører Småjob (eller et andet program) allerede? "
                    f"Stop det, eller vælg en anden port: smaajob serve --port {port + 1} "
                    f"(med scripts/demo: PORT={port + 1} scripts/demo).",
                    field="port",
                ) from None
            raise InvalidInput(f"Kan ikke lytte på {host}:{port}: {exc.strerror}.", field="host") from None


def gunicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """gunicorn's settings for ``smaajob serve``'s arguments."""
    from smaajob.logfilters import gunicorn_logger_class
    from smaajob.ops.log_format import log_format_from_environment

    return {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "threads": args.threads,
        # One thread: gunicorn's sync worker, which takes a connection only when it is free, so a
        # request never waits behind another in a busy process while a sibling process is idle
        # (the threaded worker accepts connections beyond its threads and queues them).
        "worker_class": "gthread" if args.threads > 1 else "sync",
        "proc_name": "smaajob",
        # No access log: request lines are not needed, and error logs stay free of data.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 120,
        "graceful_timeout": 10,
        # The error log carries tracebacks: CPR numbers in them are redacted; its lines are JSON
        # like the application's when SMAAJOB_LOG_FORMAT=json.
        "logger_class": gunicorn_logger_class(json_lines=log_format_from_environment(os.environ) == "json"),
    }


def _serve_gunicorn(application: Any, args: argparse.Namespace) -> None:
    from gunicorn.app.base import BaseApplication

    options = gunicorn_options(args)

    class SmaajobServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    SmaajobServer().run()
