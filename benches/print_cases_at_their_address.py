#!/usr/bin/env python3
"""Prints the evaluation's saved pages to PDF as if from their own address.

A user prints a page from the browser while it shows the page's address,
and the browser's footer prints that address (which often carries the
date: /2020/04/24/...). benches/print_cases_to_pdf.sh prints the saved
files, whose footer reads file:///…/source.html instead. This script
serves each saved page at the address recorded in its expected.json
(a local server; every host name is resolved to it, over http or over
https with a throwaway certificate) and prints it with headless Chromium,
so the footer is the one the user would get. Pages without a recorded
address are left as the other script printed them.

Nothing leaves the machine: Chromium resolves every name to 127.0.0.1,
scripts are off, and the server answers only the page's own path (its
pictures and styles get 404, as the saved page's missing files do).

Usage: benches/print_cases_at_their_address.py [OUT_DIR] [CASE_PREFIX]
  then: python3 ../shared/eval/score.py --cases OUT_DIR -- target/release/folio extract --json
Needs Chromium and openssl (Debian packages `chromium`, `openssl`).
"""
import http.server
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import urllib.parse

CASES = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "cases")


class OnePage(http.server.BaseHTTPRequestHandler):
    """Answers the current page's path with its saved HTML, anything else 404."""

    page = {"path": None, "body": b""}

    def do_GET(self):  # noqa: N802 (the standard library's name)
        wanted = OnePage.page["path"]
        if wanted is not None and urllib.parse.unquote(self.path) == wanted:
            body = OnePage.page["body"]
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


def serve(port, context=None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), OnePage)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def throwaway_certificate(folder):
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def print_one(case, url, out, ports, profile):
    parsed = urllib.parse.urlsplit(url)
    path = parsed.path or "/"
    if parsed.query:
        path += "?" + parsed.query
    with open(os.path.join(CASES, case, "source.html"), "rb") as f:
        OnePage.page = {"path": urllib.parse.unquote(path), "body": f.read()}
    port = ports[parsed.scheme]
    dest = os.path.join(out, case)
    os.makedirs(dest, exist_ok=True)
    pdf = os.path.join(dest, "source.pdf")
    printing = pdf + ".part"
    try:
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
             f"--user-data-dir={profile}/{case}", "--disable-javascript",
             "--ignore-certificate-errors",
             f"--host-resolver-rules=MAP * 127.0.0.1:{port}",
             f"--print-to-pdf={printing}", url],
            timeout=60, capture_output=True)
    except subprocess.TimeoutExpired:
        pass
    shutil.rmtree(os.path.join(profile, case), ignore_errors=True)
    if not os.path.exists(printing) or os.path.getsize(printing) == 0:
        print(f"not printed: {case}", file=sys.stderr)
        return False
    os.replace(printing, pdf)
    shutil.copy(os.path.join(CASES, case, "expected.json"), os.path.join(dest, "expected.json"))
    link = os.path.join(dest, "source.html")
    if not os.path.lexists(link):
        os.symlink("source.pdf", link)
    return True


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pdf-cases"
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    if shutil.which("chromium") is None or shutil.which("openssl") is None:
        sys.exit("needs chromium and openssl (apt-get install chromium openssl)")
    with tempfile.TemporaryDirectory() as scratch:
        ports = {"http": 18080, "https": 18443}
        serve(ports["http"])
        serve(ports["https"], throwaway_certificate(scratch))
        printed = 0
        for case in sorted(os.listdir(CASES)):
            if not case.startswith(prefix):
                continue
            page = os.path.join(CASES, case)
            if not os.path.exists(os.path.join(page, "source.html")):
                continue
            with open(os.path.join(page, "expected.json"), encoding="utf-8") as f:
                url = json.load(f).get("url") or ""
            if urllib.parse.urlsplit(url).scheme not in ports:
                continue
            printed += print_one(case, url, out, ports, scratch)
        print(f"printed {printed} pages from their own address into {out}")


if __name__ == "__main__":
    main()
