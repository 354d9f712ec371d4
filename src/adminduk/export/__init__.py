"""Exports of an office's services for search engines and national service catalogues.

* :func:`office_jsonld`: schema.org JSON-LD (``GovernmentOffice``, ``GovernmentService``,
  ``ServiceChannel``), for search engines and web pages;
* :func:`office_cpsv`: CPSV-AP 3.2 (the Core Public Service Vocabulary Application Profile of
  SEMIC) as Turtle or JSON-LD, for catalogues that harvest public-service descriptions and
  validate them against the profile's SHACL shapes. It needs the optional extra
  ``adminduk[rdf]`` (rdflib).

Examples:
    >>> from adminduk.export import office_jsonld
    >>> office_jsonld("35.14")["@context"]
    'https://schema.org'
"""

from adminduk.export._cpsv import CPSV_BASE, CPSV_FORMATS, office_cpsv
from adminduk.export._schemaorg import SCHEMA_ORG_CONTEXT, office_jsonld

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "CPSV_BASE",
    "CPSV_FORMATS",
    "SCHEMA_ORG_CONTEXT",
    "office_cpsv",
    "office_jsonld",
]
# -- end of the public names --
