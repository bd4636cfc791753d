"""`make serve` and `manage.py` for the benchmark and audit scripts, cleaned up after.

Each server runs in its own process group, so that stopping it stops make, gunicorn
and its workers together, whether the script ends, fails or is interrupted.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

running: list[subprocess.Popen] = []


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def free_port(first: int) -> int:
    for port in range(first, first + 50):
        if port_is_free(port):
            return port
    raise SystemExit(f"No free port between {first} and {first + 49}.")


def fetch(url: str) -> tuple[int, dict, bytes]:
    """GET a URL: status, headers and body, for error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def stop(process: subprocess.Popen, port: int | None = None) -> None:
    """Stop `make serve` and everything it started (its own process group).

    make exits at once on SIGTERM while gunicorn finishes its requests: wait until
    gunicorn has let go of the port too, so that the next server can take it.
    """
    for sig, seconds in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None and (port is None or port_is_free(port)):
                break
            time.sleep(0.2)
        else:
            continue
        break
    process.wait()
    if process in running:
        running.remove(process)


def stop_all() -> None:
    for process in list(running):
        stop(process)


def exit_on_signals() -> None:
    """SIGTERM and SIGHUP end the script as Ctrl-C does, through every `finally`."""

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)


class Server:
    """`make serve` on one port for the length of a `with` block."""

    def __init__(self, env: dict, port: int, log_path: Path):
        self.env = {**env, "PORT": str(port)}
        self.base = f"http://127.0.0.1:{port}"
        self.port = port
        self.log_path = log_path

    def __enter__(self) -> "Server":
        if not port_is_free(self.port):
            raise SystemExit(f"Port {self.port} is taken: choose another.")
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],  # noqa: S607
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        running.append(self.process)
        started = time.monotonic()
        while time.monotonic() - started < 300:
            if self.process.poll() is not None:
                raise SystemExit(f"make serve stopped:\n{self.log_tail()}")
            try:
                if fetch(self.base + "/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"make serve did not answer in 300 s:\n{self.log_tail()}")

    def __exit__(self, *exc_info) -> None:
        stop(self.process, self.port)
        self.log.close()
        # Keep the start and the end: under load the access log runs to a million
        # lines.
        lines = self.log_path.read_text(errors="replace").splitlines()
        if len(lines) > 400:
            lines = [*lines[:200], f"[... {len(lines) - 400} lines ...]", *lines[-200:]]
        self.log_path.write_text("\n".join(lines) + "\n")

    def log_tail(self) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])


def manage(env: dict, args: list[str], log_path: Path) -> None:
    """Run a management command, or a script (a path ending in .py), with the
    development settings (as `make demo` does: the demo content needs them), its
    output in a log file."""
    started = time.monotonic()
    script = args[0] if args[0].endswith(".py") else "manage.py"
    args = args[1:] if script != "manage.py" else args
    print(f"  {script} {' '.join(args)} ...", end=" ", flush=True)
    with log_path.open("w") as output:
        result = subprocess.run(  # noqa: S603
            [sys.executable, script, *args],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    if result.returncode:
        print("failed")
        raise SystemExit(f"{script} {' '.join(args)} failed: see {log_path}")
    print(f"{time.monotonic() - started:.0f} s")


def apt_install(package: str) -> None:
    print(f"Installing Debian's {package} (apt-get install {package}) ...")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    command = [*sudo, "apt-get", "install", "-y", "-q", package]
    if subprocess.run(command).returncode:  # noqa: S603
        subprocess.run([*sudo, "apt-get", "update", "-q"], check=True)  # noqa: S603
        subprocess.run(command, check=True)  # noqa: S603
