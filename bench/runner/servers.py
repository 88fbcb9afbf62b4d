"""Servers on loopback for the HTTP benchmarks: searchd, nginx (the
static-file ceiling) and omega as a CGI behind nginx and fcgiwrap."""
import os
import pathlib
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

from .common import free_port, log

STARTUP_TIMEOUT_S = 60


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def _wait_until(ready, process, what):
    """Polls ready() until it holds, the process exits or the start-up time is over."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited {process.returncode} before {what}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {what} within {STARTUP_TIMEOUT_S} s")
        time.sleep(0.05)


def _wait_until_up(url, process):
    _wait_until(lambda: http_status(url) is not None, process, f"an answer from {url}")


def _wait_for_socket(path, process):
    _wait_until(path.exists, process, f"socket {path}")


class Searchd:
    """searchd on 127.0.0.1 with a free port; cache_size None = its default."""

    def __init__(self, tools, stub, web_dir, cache_size=None):
        self.port = free_port()
        cmd = [str(tools.searchd), "--db", str(stub), "--listen", f"127.0.0.1:{self.port}", "--web", str(web_dir),
               "--quiet"]
        if cache_size is not None:
            cmd += ["--cache-size", str(cache_size)]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        _wait_until_up(self.base + "/api/health", self.process)

    def status_kb(self, key):
        """A /proc/PID/status figure in kB (VmHWM: peak resident set)."""
        for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        return 0

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _run_nginx(root, server_block):
    """Starts nginx in the foreground with everything it writes under
    `root` and `server_block` as its site."""
    conf = root / "nginx.conf"
    conf.write_text(f"""
worker_processes {os.cpu_count()};
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path {root}/tmp;
  proxy_temp_path {root}/tmp;
  fastcgi_temp_path {root}/tmp;
  uwsgi_temp_path {root}/tmp;
  scgi_temp_path {root}/tmp;
  {server_block}
}}
""")
    return subprocess.Popen(["nginx", "-p", str(root), "-c", str(conf), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Nginx:
    """nginx serving one small static file: what HTTP on this machine can do."""

    def __init__(self, work, body_bytes):
        self.root = pathlib.Path(work) / "nginx"
        shutil.rmtree(self.root, ignore_errors=True)
        (self.root / "html").mkdir(parents=True)
        (self.root / "html" / "static.txt").write_text("x" * body_bytes)
        self.port = free_port()
        self.process = _run_nginx(self.root, f"server {{ listen 127.0.0.1:{self.port}; root {self.root}/html; }}")
        self.base = f"http://127.0.0.1:{self.port}"
        _wait_until_up(self.base + "/static.txt", self.process)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(timeout=20)


class OmegaCgi:
    """omega (Debian's xapian-omega) as a CGI, one process per request as a
    CGI deployment runs it, behind nginx and fcgiwrap: nginx keeps the
    client connections alive (chunked answers), and fcgiwrap's workers fork
    omega for each request, several at a time. omega finds omega.conf
    through OMEGA_CONFIG_FILE."""

    # fcgiwrap workers, each forking one omega at a time: more than the
    # cores, so that a core never waits for a fork or a disk read.
    WORKERS_PER_CPU = 4

    def __init__(self, work, omindex_db):
        self.root = pathlib.Path(work) / "omega-httpd"
        shutil.rmtree(self.root, ignore_errors=True)
        (self.root / "tmp").mkdir(parents=True)
        db = pathlib.Path(omindex_db).resolve()
        config = self.root / "omega.conf"
        config.write_text(f"database_dir {db.parent}\ntemplate_dir /usr/share/xapian-omega/templates\n"
                          f"log_dir {self.root}\ncdb_dir /var/lib/xapian-omega/cdb\n")
        self.db_name = db.name
        socket = self.root / "fcgiwrap.sock"
        workers = self.WORKERS_PER_CPU * (os.cpu_count() or 1)
        # fcgiwrap -c forks its workers and leaves them running when it is
        # stopped: a group of its own lets them all be stopped together.
        self.fcgiwrap = subprocess.Popen(["fcgiwrap", "-c", str(workers), "-s", f"unix:{socket}"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
        self.nginx = None
        try:
            self._start_nginx(config, socket)
        except (RuntimeError, OSError):
            self.__exit__()
            raise
        log(f"omega CGI up at {self.base} (nginx, fcgiwrap with {workers} workers)")

    def _start_nginx(self, config, socket):
        _wait_for_socket(socket, self.fcgiwrap)
        socket.chmod(0o777)  # nginx's workers run as another user
        self.port = free_port()
        self.nginx = _run_nginx(self.root, f"""server {{
    listen 127.0.0.1:{self.port} backlog=4096;
    location = /cgi-bin/omega {{
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME /usr/lib/cgi-bin/omega/omega;
      fastcgi_param OMEGA_CONFIG_FILE {config};
      fastcgi_pass unix:{socket};
    }}
  }}""")
        self.base = f"http://127.0.0.1:{self.port}"
        _wait_until_up(self.base + "/", self.nginx)
        # omega answers 200 with its error template too: a real result page
        # says how many documents matched.
        probe = self.base + f"/cgi-bin/omega?DB={self.db_name}&P=human"
        try:
            with urllib.request.urlopen(probe, timeout=10) as response:
                page = response.read().decode("utf-8", "replace")
        except OSError as error:
            raise RuntimeError(f"omega CGI did not answer at {probe}: {error}") from error
        if " matches" not in page:
            raise RuntimeError(f"omega CGI answered without results at {probe}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.nginx:
            self.nginx.send_signal(signal.SIGQUIT)
            self.nginx.wait(timeout=20)
        try:
            os.killpg(self.fcgiwrap.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.fcgiwrap.wait(timeout=20)
