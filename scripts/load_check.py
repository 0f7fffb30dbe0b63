#!/usr/bin/env python3
"""Bad input under load, against a built mixtract (scripts/hardening.sh runs it on the sanitized build).

  scripts/load_check.py BINARY WORKDIR

1. A batch of 1,000 files with every kind of bad input mixed among a few good pages (empty, random
   bytes, truncated pages, pixel bombs in PNG, TIFF and WebP, broken PDFs, GBK-encoded names, copies):
   `extract` must finish, and every file must be in the results or in the error list.
2. The server under attack for 20 s: slow-drip connections, chunked and compressed bodies past the
   upload limit, pixel bombs (each kind from a client address of its own, 127.0.0.x, as one address
   may hold only so many connections); meanwhile /healthz, asked from another address, must answer each
   time within 2 s, every attack must get its 4xx/5xx, and the server must stop cleanly (exit 0: under
   the sanitizers, any report would make it fail).
Exits 1 on the first broken promise, saying which.
"""
import csv
import gzip
import json
import os
import random
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib

BATCH = 1000


def fail(message):
    print(f"load_check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def png_bomb(width, height, salt):
    """A valid PNG header declaring width x height, then junk."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk +
            struct.pack(">I", zlib.crc32(chunk)) + salt)


def tiff_bomb(side, salt):
    entries = b"".join(struct.pack("<HHII", tag, 4, 1, side) for tag in (256, 257))
    return b"II*\x00\x08\x00\x00\x00" + struct.pack("<H", 2) + entries + b"\x00" * 4 + salt


def webp_bomb(salt):
    body = b"WEBPVP8X" + struct.pack("<I", 10) + b"\x00" * 4 + b"\xff\x3f\x00\xff\x3f\x00"
    return b"RIFF" + struct.pack("<I", len(body)) + body + salt


def make_batch(binary, folder):
    """Writes the batch; returns the names (as mixtract shows them) of all its files."""
    os.makedirs(folder, exist_ok=True)
    subprocess.run([binary, "synth", "--n", "10", "--seed", "7", "--out", folder + "/good"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    good = sorted(f for f in os.listdir(folder + "/good") if f.endswith(".jpg"))
    page = open(os.path.join(folder, "good", good[0]), "rb").read()
    for extra in os.listdir(folder + "/good"):
        if not extra.endswith(".jpg"):
            os.remove(os.path.join(folder, "good", extra))
    rng = random.Random(7)
    kinds = [
        ("empty.jpg", lambda i: b""),
        ("random.jpg", lambda i: rng.randbytes(rng.randint(1, 4096))),
        ("truncated.jpg", lambda i: page[: rng.randint(20, len(page) // 2)] + str(i).encode()),
        ("bomb.png", lambda i: png_bomb(60000, 60000, str(i).encode())),
        ("bomb.tiff", lambda i: tiff_bomb(20000, str(i).encode())),
        ("bomb.webp", lambda i: webp_bomb(str(i).encode())),
        ("broken.pdf", lambda i: b"%PDF-1.4\n" + rng.randbytes(200)),
        ("notes.pdf", lambda i: b"not a pdf " + str(i).encode()),
        ("copy.jpg", lambda i: page),  # a duplicate of a good page
    ]
    names = [os.path.join(folder, "good", g) for g in good]
    for i in range(BATCH - len(good)):
        kind, make = kinds[i % len(kinds)]
        if i % 10 == 9:  # a name in GBK, as archives from Chinese Windows carry
            raw = os.fsencode(folder) + b"/" + ("证书%04d_" % i).encode("gbk") + kind.encode()
            shown = os.path.join(folder, "证书%04d_" % i + kind)
        else:
            raw = os.fsencode(os.path.join(folder, "%04d_%s" % (i, kind)))
            shown = os.fsdecode(raw)
        with open(raw, "wb") as out:
            out.write(make(i))
        names.append(shown)
    return names


def check_batch(binary, work):
    folder = os.path.join(work, "batch")
    names = make_batch(binary, folder)
    output = os.path.join(work, "out", "results.jsonl")
    started = time.monotonic()
    run = subprocess.run([binary, "extract", folder, "--no-cache", "-j", "2", "-o", output],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800)
    seconds = time.monotonic() - started
    if run.returncode not in (0, 1):
        fail(f"extract of the bad batch ended with exit {run.returncode}: {run.stderr.decode(errors='replace')[-2000:]}")
    seen = set()
    with open(output, encoding="utf-8") as results:
        for line in results:
            seen.add(json.loads(line)["source"])
    said = []  # errors of inputs with no page to name: their message names the file
    with open(output + ".errors.csv", encoding="utf-8", newline="") as errors:
        for row in list(csv.reader(errors))[1:]:
            seen.add(row[0]) if row[0] else said.append(row[2])

    def listed(name):  # a PDF's pages are named FILE.pdf#page=N
        return (name in seen or any(s.startswith(name + "#page=") for s in seen) or
                any(name in message for message in said))

    missing = [n for n in names if not listed(n)]
    if missing:
        fail(f"{len(missing)} of {len(names)} files neither in the results nor in the errors, e.g. {missing[:3]}")
    print(f"load_check: batch of {len(names)} files with bad input mixed in: finished in {seconds:.0f} s "
          f"(exit {run.returncode}), each file in the results or the error list")


class Server:
    def __init__(self, binary, work):
        self.process = subprocess.Popen(
            [binary, "serve", "--no-auth", "--port", "0", "--state", os.path.join(work, "server.sqlite"),
             "--read-timeout", "3", "--max-upload-mb", "1", "--rate-limit", "0", "--workers", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.process.stdout.readline().decode()
        if "127.0.0.1:" not in line:
            fail(f"the server did not start: {line} {self.process.stderr.read().decode(errors='replace')[-2000:]}")
        self.port = int(line.split("127.0.0.1:")[1].split()[0].rstrip(")"))

    def connect(self, source="127.0.0.1"):
        return socket.create_connection(("127.0.0.1", self.port), timeout=10, source_address=(source, 0))

    def request(self, raw, source="127.0.0.1", timeout=10):
        """Sends `raw` as curl does, taking an answer that comes before all is sent (a refused body);
        returns the answer's status (0 when none came within `timeout`)."""
        with self.connect(source) as s:
            s.setblocking(False)
            deadline = time.monotonic() + timeout
            sent, answer = 0, b""
            try:
                while not answer and time.monotonic() < deadline:
                    left = deadline - time.monotonic()
                    readable, writable, _ = select.select([s], [s] if sent < len(raw) else [], [], max(left, 0))
                    if readable:
                        answer = s.recv(256) or b"closed"
                    elif writable:
                        sent += s.send(raw[sent:sent + (64 << 10)])
            except OSError:
                return 0
        return int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def multipart(name, data):
    boundary = b"mxload"
    body = (b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" +
            name.encode() + b"\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + b"\r\n--" +
            boundary + b"--\r\n")
    return (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + boundary +
            b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def check_server(binary, work):
    server = Server(binary, work)
    stop = threading.Event()
    problems = []
    counts = {}
    lock = threading.Lock()

    def expect(what, status, wanted):
        with lock:
            counts[what] = counts.get(what, 0) + 1
            if status not in wanted:
                problems.append(f"{what}: status {status}, wanted {sorted(wanted)}")

    def drip():  # one byte every 0.4 s: cut off at its deadline (408) or refused past the cap (503)
        request = b"GET /v1/schemas HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"p" * 60 + b"\r\n\r\n"
        while not stop.is_set():
            try:
                s = server.connect()
            except OSError:  # the listening queue is full for a moment: try again, as an attacker would
                expect("slow drip connect failed, retried", 0, {0})
                time.sleep(0.5)
                continue
            try:
                for byte in request:
                    if select.select([s], [], [], 0.4)[0] or stop.is_set():
                        break  # answered (or time is up)
                    s.sendall(bytes([byte]))
                s.settimeout(10)
                answer = s.recv(64)
            except OSError as error:
                problems.append(f"slow drip: {error}")
                continue
            finally:
                s.close()
            if not stop.is_set():
                status = int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/1.1 ") else 0
                expect(f"slow drip answered {status}", status, {408, 503})

    def chunked():
        chunk = b"100000\r\n" + b" " * 0x100000 + b"\r\n"
        raw = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n" + chunk * 3 + b"0\r\n\r\n")
        while not stop.is_set():
            expect("chunked 3 MiB body", server.request(raw, source="127.0.0.3"), {411})

    def compressed():
        body = gzip.compress(b"{" + b" " * (3 << 20) + b"}")
        raw = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
               b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        while not stop.is_set():
            expect("gzip body of 3 MiB", server.request(raw, source="127.0.0.4"), {415})

    def bombs():
        uploads = [("bomb.png", png_bomb(60000, 60000, b"")), ("bomb.tiff", tiff_bomb(20000, b"")),
                   ("bomb.webp", webp_bomb(b""))]
        while not stop.is_set():
            for name, data in uploads:
                expect(f"pixel bomb {name}", server.request(multipart(name, data), source="127.0.0.5"), {413})

    health_worst = 0.0

    def health():  # from another client address, as a monitor would be
        nonlocal health_worst
        while not stop.is_set():
            started = time.monotonic()
            status = server.request(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", source="127.0.0.2", timeout=2)
            health_worst = max(health_worst, time.monotonic() - started)
            expect("/healthz", status, {200})
            status = server.request(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", source="127.0.0.2", timeout=2)
            expect("/metrics", status, {200})
            time.sleep(0.2)

    threads = [threading.Thread(target=drip) for _ in range(40)]
    threads += [threading.Thread(target=f) for f in (chunked, chunked, compressed, bombs, bombs, health)]
    for t in threads:
        t.start()
    time.sleep(20)
    stop.set()
    for t in threads:
        t.join()
    with open(f"/proc/{server.process.pid}/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        server.process.kill()
        fail("the server did not stop within 120 s of SIGTERM")
    if problems:
        fail(f"{len(problems)} wrong answers, e.g. {problems[:5]}")
    if code != 0:
        fail(f"the server ended with exit {code}: {server.process.stderr.read().decode(errors='replace')[-3000:]}")
    print("load_check: server under 20 s of attack: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) +
          f" answered as they should; /healthz at worst {health_worst:.2f} s; peak RSS {int(peak) >> 10} MB; "
          "stopped cleanly")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(work, exist_ok=True)
    check_batch(binary, work)
    check_server(binary, work)


if __name__ == "__main__":
    main()
