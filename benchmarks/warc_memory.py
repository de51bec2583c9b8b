"""Peak memory of reading a large WARC: `graphbuild read --format jsonl` streams it
record by record, so its memory stays flat whatever the file's size.

Writes (with warcio, in a temporary folder) a WARC of news-like HTML pages of our own
words (each ~100 kB: an article of a few paragraphs inside navigation, a large inline
script and a footer), with a request record before each response and a few images;
then runs `graphbuild read FILE --format jsonl > /dev/null` in a child process and
prints its peak RSS (getrusage of the child), its RSS sampled during the run, and the
time. Target: a peak under 1 GiB for a 1 GB file. A figure, never a test.

    .venv/bin/python benchmarks/warc_memory.py [--size-mb 1024] [--gzip] [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("minister council trade border talks summit delegation agreement railway energy pipeline harbour "
         "province capital election parliament ministry treaty grain export import tariff bank currency "
         "investment bridge airport festival report analyst official spokesman forum cooperation security "
         "region coast river valley highway factory steel wheat cotton market budget reform").split()
NAMES = ("Arlen Voss", "Mira Talbek", "Oskar Lindqvist", "Nadia Ferreira", "Tomas Okafor", "Lena Haraldsen",
         "Karim Dasari", "Ines Morrow")
PLACES = ("Velmora", "Port Ostrand", "Kessling", "Dunmore Bay", "Tarrow", "Aldwick", "Sorrento Vale")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return (f"{rng.choice(NAMES)} said in {rng.choice(PLACES)} that the " + " ".join(words) + ".")


def page(rng: random.Random, number: int) -> bytes:
    """One news-like page of about 100 kB, of which a few kB are the article."""
    paragraphs = "".join(f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(3, 6)))}</p>\n"
                         for _ in range(rng.randint(5, 12)))
    nav = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(40))
    script = "var data = [" + ",".join(str(rng.randint(0, 10**9)) for _ in range(8000)) + "];"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report {number} from "
            f"{rng.choice(PLACES)}</title><script>{script}</script></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>Report {number}: {rng.choice(NAMES)} visits {rng.choice(PLACES)}</h1>\n{paragraphs}"
            f"</article><footer>Copyright Example Wire. All rights reserved.</footer></body></html>").encode()


def write_warc(path: Path, size: int, gzip: bool) -> int:
    """A WARC of about ``size`` bytes; returns the number of HTML responses."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(24)
    pages = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        while fh.tell() < size:
            uri = f"https://news.example.org/{pages}"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            body, kind = (page(rng, pages), "text/html; charset=utf-8") if pages % 50 else (rng.randbytes(30_000),
                                                                                           "image/jpeg")
            response = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=response))
            pages += 1
    return pages


def measure(warc: Path) -> dict:
    """Run `graphbuild read` on ``warc`` in a child; its peak RSS, RSS samples, time."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "graphbuild", "read", str(warc), "--format", "jsonl"],
                                 stdout=sink, stderr=subprocess.PIPE)
        samples = []
        while child.poll() is None:
            try:
                status = Path(f"/proc/{child.pid}/status").read_text()
                samples.append(int(next(ln for ln in status.splitlines() if ln.startswith("VmRSS")).split()[1]))
            except (OSError, StopIteration, ValueError):
                pass
            time.sleep(1.0)
        summary = child.stderr.read().decode().strip().splitlines()
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kb / 1024, "samples_mb": [s / 1024 for s in samples],
            "summary": summary[-1] if summary else "", "status": child.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1024, help="size of the WARC in MiB [1024]")
    parser.add_argument("--gzip", action="store_true", help="write .warc.gz (the size is then compressed)")
    parser.add_argument("--keep", type=Path, default=None, help="write the WARC into this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warc-memory-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        warc = folder / ("bench.warc.gz" if args.gzip else "bench.warc")
        t0 = time.perf_counter()
        pages = write_warc(warc, int(args.size_mb * 1024 * 1024), args.gzip)
        written = time.perf_counter() - t0
        size = warc.stat().st_size
        result = measure(warc)
    samples = sorted(s for s in result["samples_mb"] if s > 0) or [0.0]
    print(f"graphbuild read --format jsonl on a WARC of {size / 1e6:,.0f} MB ({size / 2**30:.2f} GiB), "
          f"{pages:,} responses ({pages - (pages + 49) // 50:,} HTML pages of ~100 kB, the rest images), "
          f"a request before each (written in {written:.0f} s)")
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores (shared)")
    print(f"exit status {result['status']}; {result['summary']}")
    print(f"time: {result['seconds']:.0f} s ({size / 1e6 / result['seconds']:.1f} MB/s, "
          f"{pages / result['seconds']:.0f} records/s)")
    print(f"peak RSS (getrusage of the child): {result['peak_mb']:.0f} MB; target < 1024 MiB: "
          f"{'met' if result['peak_mb'] < 1024 else 'NOT met'}")
    print(f"RSS sampled each second ({len(samples)} samples): min {samples[0]:.0f} MB, median "
          f"{samples[len(samples) // 2]:.0f} MB, max {samples[-1]:.0f} MB")


if __name__ == "__main__":
    main()
