"""Office files by size: where loading a large file spends its time and memory.

Run: python benchmarks/bench_office_size.py [--sizes 64,256,1024,4096]

For each size (in KiB of TOML text), a valid office file of that size is generated: the identity
of the example office and as many dated policies as fit, each with a channel. The table shows
the time to parse the TOML (``tomllib``), to validate the office (pydantic and the checks of
``adminduk.offices._checks``), and the peak memory of the whole load (``tracemalloc``).

The figures are the reason for ``MAX_OFFICE_FILE_BYTES`` (``adminduk.offices._loading``): the
largest real office file is under 8 KiB, and the cost grows linearly with the number of policies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import tomllib
import tracemalloc

from adminduk.offices import validate_office

_HEAD = """code = "99.02"
slug = "kabupaten-uji"
name = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji"
region = "Kabupaten Uji"
province = "Provinsi Uji"
timezone = "Asia/Jakarta"
source = "S"

[sources.S]
title = "Sumber uji (fiktif)"
"""

_POLICY = """
[[policies]]
id = "p{index}"
valid_from = {start}
valid_until = {start}
source = "S"

[[policies.channels]]
kind = "app"
address = "https://uji.example/{index}"
label = "Aplikasi uji {index}"
services = ["kk/*"]
source = "S"
"""


def office_text(kib: int) -> str:
    """A valid office file of about ``kib`` KiB: the identity, then one-day policies."""
    parts = [_HEAD]
    size = len(_HEAD)
    day = dt.date(2030, 1, 1)
    index = 0
    while size < kib * 1024:
        part = _POLICY.format(index=index, start=day + dt.timedelta(days=index))
        parts.append(part)
        size += len(part)
        index += 1
    return "".join(parts)


def measure(kib: int) -> tuple[int, float, float, float]:
    text = office_text(kib)
    started = time.perf_counter()
    data = tomllib.loads(text)
    parsed = time.perf_counter()
    validate_office(data)
    validated = time.perf_counter()
    # Memory in a second, traced run: tracing slows the first one down several times.
    tracemalloc.start()
    validate_office(tomllib.loads(text))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return len(data.get("policies", ())), parsed - started, validated - parsed, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,256,1024,4096", help="KiB, comma-separated")
    args = parser.parse_args()
    print(f"{'size':>9} {'policies':>9} {'parse':>9} {'validate':>9} {'peak MiB':>9}")
    for kib in (int(size) for size in args.sizes.split(",")):
        count, parse, validate, peak = measure(kib)
        print(f"{kib:>6} KiB {count:>9} {parse:>8.3f}s {validate:>8.3f}s {peak:>9.1f}")


if __name__ == "__main__":
    main()
