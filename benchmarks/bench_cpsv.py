"""CPSV-AP export and SHACL validation: what the test gate pays, per office and in one graph.

Run: python benchmarks/bench_cpsv.py [--runs 3]

Prints, per built-in office and the example plugin (at 23 March 2020), the median time to
build the graph, to write it as Turtle, and to validate it with pyshacl against the official
CPSV-AP 3.2 shapes; then the time to validate all six graphs merged into one, which is how
``tests/export/test_cpsv.py`` validates them (pyshacl's fixed cost is paid once per call).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from bench_advise import timed
from pyshacl import validate
from rdflib import Graph

import adminduk
from adminduk.export import CPSV_BASE, _cpsv_graph
from adminduk.export._offer import offer

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "tests" / "data" / "cpsv-ap" / "cpsv-ap-SHACL.ttl"
EXAMPLE = (
    ROOT / "examples" / "adminduk-kantor-contoh" / "src" / "adminduk_kantor_contoh"
    / "kabupaten-contoh.toml"
)  # fmt: skip
AT = dt.date(2020, 3, 23)


def median_ms(job: Callable[[], object], runs: int) -> float:
    return timed(job, runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    shapes = Graph().parse(SHAPES, format="turtle")
    codes = ["35.04", "35.13", "35.14", "52.06", "52.71"]
    offices = [*map(adminduk.get_office, codes), adminduk.load_office(EXAMPLE)]
    print(f"{'office':<8} {'triples':>8} {'build ms':>9} {'turtle ms':>10} {'pyshacl ms':>11}")
    merged = Graph()
    for office in offices:
        graph = _cpsv_graph.build(offer(office, AT), CPSV_BASE)
        merged += graph
        build = median_ms(lambda o=office: _cpsv_graph.build(offer(o, AT), CPSV_BASE), args.runs)
        turtle = median_ms(lambda g=graph: g.serialize(format="turtle"), args.runs)
        shacl = median_ms(lambda g=graph: validate(g, shacl_graph=shapes), args.runs)
        print(f"{office.code:<8} {len(graph):>8} {build:>9.0f} {turtle:>10.0f} {shacl:>11.0f}")
    together = median_ms(lambda: validate(merged, shacl_graph=shapes), args.runs)
    print(f"{'all six':<8} {len(merged):>8} {'':>9} {'':>10} {together:>11.0f}")


if __name__ == "__main__":
    main()
