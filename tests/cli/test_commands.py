"""Every subcommand in-process, through ``adminduk.cli.main(argv, out=..., err=...)``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import adminduk
from adminduk.cli import main
from adminduk.offices import BUILTIN_OFFICES, PluginFailure
from tests.builders import registered

from .conftest import EXAMPLE_OFFICE, ROOT, Run, run_main


def one_error_line(run: Run) -> str:
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("adminduk: error: ")
    assert "Traceback" not in run.err
    return lines[0]


# ------------------------------------------------------------------------------------- offices
def test_offices_lists_the_five_built_ins_with_their_zones():
    run = run_main("offices")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["code", "slug", "zone", "origin", "name"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "kabupaten-pasuruan" in rows["35.14"]
    assert "Asia/Makassar (WITA)" in rows["52.06"]
    assert "Asia/Jakarta (WIB)" in rows["35.04"]
    for code in ("35.04", "35.13", "35.14", "52.06", "52.71"):
        assert "built-in" in rows[code]


def test_offices_json_is_one_object_per_office():
    run = run_main("offices", "--json")
    data = json.loads(run.out)
    mataram = next(o for o in data if o["code"] == "52.71")
    assert mataram == {
        "code": "52.71",
        "slug": "kota-mataram",
        "name": "Dinas Kependudukan dan Catatan Sipil Kota Mataram",
        "region": "Kota Mataram",
        "province": "Nusa Tenggara Barat",
        "timezone": "Asia/Makassar",
        "origin": "built-in",
        "provider": "built-in",
    }


def test_an_office_registered_by_the_application_is_not_called_built_in(uji_office):
    data = json.loads(run_main("offices", "--json").out)
    assert next(o for o in data if o["code"] == "99.27")["origin"] == "plugin"


def test_a_replacement_of_a_built_in_is_a_plugin(monkeypatch):
    from adminduk import cli

    replacement = adminduk.get_office("35.13").model_copy(update={"replaces": "35.13"})
    assert cli._origin(replacement) == "plugin"
    assert cli._origin(adminduk.get_office("35.13")) == "built-in"


class BrokenEntryPoint:
    name = "kabupaten-rusak"
    value = "rusak:OFFICE"
    dist = None

    def load(self):
        raise ModuleNotFoundError("No module named 'rusak'")


@pytest.mark.parametrize(
    "argv", [["offices"], ["advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00"]]
)
def test_a_plugin_that_fails_to_load_is_one_warning_line(monkeypatch, argv):
    monkeypatch.setattr("adminduk.offices._registry._entry_points", lambda: [BrokenEntryPoint()])
    with registered():
        run = run_main(*argv)
    assert run.code == 0
    assert run.err.splitlines() == [
        "adminduk: warning: office plugin 'kabupaten-rusak' (rusak:OFFICE): "
        "ModuleNotFoundError: No module named 'rusak'"
    ]


def test_a_plugin_replacing_a_built_in_is_named_with_its_package(monkeypatch):
    class Replacing:
        name, value = "35.13", "probolinggo_baru:OFFICE"

        class dist:  # noqa: N801 - quacks like importlib.metadata.Distribution
            name, version = "adminduk-probolinggo", "2.0"

        def load(self):
            base = adminduk.get_office("35.13")
            return base.model_copy(update={"replaces": "35.13"})

    monkeypatch.setattr("adminduk.offices._registry._entry_points", lambda: [Replacing()])
    monkeypatch.setenv("ADMINDUK_REPLACE_BUILTIN", "35.13")
    with registered():
        table = run_main("offices").out
        listed = json.loads(run_main("offices", "--json").out)
        advice = adminduk.advise("35.13", "kk/baru", dt.datetime(2020, 3, 24, 10))
    named = "plugin '35.13' (probolinggo_baru:OFFICE, from adminduk-probolinggo 2.0)"
    assert f"35.13: {named}, replacing the built-in office" in table.splitlines()
    entry = next(o for o in listed if o["code"] == "35.13")
    assert entry["origin"] == "plugin"
    assert "adminduk-probolinggo 2.0" in entry["provider"]
    (reason,) = [r for r in advice.reasons if r.rule_id == "office-replaced"]
    assert "adminduk-probolinggo 2.0" in reason.text_id
    assert "adminduk-probolinggo 2.0" in reason.source_text
    assert reason.source.startswith(named)


def test_offices_warns_about_broken_plugins_on_stderr(monkeypatch):
    failure = PluginFailure("kabupaten-x", "x:OFFICE", "x 1.0", "ConfigError: 2 problems\n  - a")
    monkeypatch.setattr("adminduk.offices.registry_errors", lambda: (failure,))
    run = run_main("offices")
    assert run.code == 0
    assert run.err.splitlines() == [
        "adminduk: warning: office plugin 'kabupaten-x' (x:OFFICE, from x 1.0): ConfigError: 2 "
        "problems - a"
    ]


# ------------------------------------------------------------------------------------ services
def test_services_in_indonesian_and_english():
    indonesian = run_main("services").out.splitlines()
    english = run_main("services", "--lang", "en").out.splitlines()
    assert len(indonesian) == len(adminduk.catalogue()) + 1
    kk = next(line for line in english if line.startswith("kk/perubahan "))
    assert kk.endswith("Family card (KK) reissued after a change of data")
    assert indonesian[0].split()[:2] == ["kode", "biometrik"]
    assert english[0].split() == ["code", "biometric", "deadline", "name"]
    birth = next(line for line in indonesian if line.startswith("akta-kelahiran/baru "))
    assert " tidak " in birth and " 60 hari " in birth
    birth_en = next(line for line in english if line.startswith("akta-kelahiran/baru "))
    assert " no " in birth_en and " 60 d " in birth_en


def test_services_json_carries_the_catalogue_entries():
    data = json.loads(run_main("services", "--json").out)
    entry = next(e for e in data if e["service"] == "kk/perubahan")
    assert [r["code"] for r in entry["requirements"]] == ["kk-lama", "bukti-perubahan"]
    assert entry["name_en"] == "Family card (KK) reissued after a change of data"


# -------------------------------------------------------------------------------------- advise
def test_advise_prints_the_whatsapp_reply():
    run = run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00")
    assert run.code == 0, run.err
    assert run.out.startswith("Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.")
    assert "- WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692" in run.out
    assert run.err == ""


def test_advise_reads_the_forms_a_person_types():
    iso = run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-24T10:00", "--json")
    typed = run_main("advise", "kabupaten-pasuruan", "kk/perubahan", "--at", "24/3/2020 10.00")
    words = run_main(
        "advise", "35.14", "kk/perubahan", "--at", "Selasa, 24 Maret 2020 pukul 10.00"
    )
    assert json.loads(iso.out)["at"] == "2020-03-24T10:00:00+07:00"
    assert (
        typed.out
        == words.out
        == run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00").out
    )


def test_advise_in_english_with_a_reason():
    run = run_main(
        "advise", "35.04", "kk/perubahan", "--at", "2020-03-20 09:00",
        "--reason", "rumah-sakit", "--lang", "en",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.out.startswith("Please come to the counter")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_advise_short_prints_the_short_reply_of_the_same_answer(lang):
    at = dt.datetime(2020, 3, 24, 10, 0)
    run = run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00", "--short",
                   "--lang", lang)  # fmt: skip
    assert run.code == 0, run.err
    advice = adminduk.advise("35.14", "kk/perubahan", at=at)
    assert run.out == advice.to_message(lang, detail="short") + "\n"
    assert run.out != advice.to_message(lang) + "\n"


def test_advise_without_whatsapp_at_mataram_is_a_walk_in():
    run = run_main(
        "advise", "52.71", "kia/baru", "--at", "2020-03-26 09:00", "--no-whatsapp", "--json"
    )
    data = json.loads(run.out)
    assert (data["outcome"], data["rule_id"]) == ("in-person", "walk-in-no-whatsapp")


def test_advise_json_round_trips_into_the_advice_model():
    run = run_main("advise", "52.06", "ktp-el/baru", "--at", "2020-05-04 09:00", "--json")
    advice = adminduk.Advice.model_validate(json.loads(run.out))
    assert advice.outcome is adminduk.Outcome.UNAVAILABLE
    assert advice.at.utcoffset().total_seconds() == 8 * 3600


def test_advise_with_a_zone_name_converts_to_the_office_zone():
    run = run_main("advise", "52.71", "kia/baru", "--at", "26 Maret 2020 08.00 WIB", "--json")
    assert json.loads(run.out)["at"] == "2020-03-26T09:00:00+08:00"


def test_advise_without_at_answers_for_now():
    run = run_main("advise", "35.14", "kk/perubahan", "--json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["office_code"] == "35.14"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["advise", "probolinggo", "kk/baru"],
            "did you mean kota-probolinggo (35.74) or kabupaten-probolinggo (35.13)?",
        ),
        (["advise", "35.14", "kk/ubah"], "unknown service 'kk/ubah'"),
        (["advise", "35.14", "kk/baru", "--reason", "bpj"], "did you mean 'bpjs'?"),
        (
            ["advise", "35.14", "kk/baru", "--at", "kemarin"],
            "argument --at: cannot read 'kemarin'",
        ),
        (["advise", "35.14", "kk/baru", "--at", "1850-01-01 10:00"], "out of range"),
        (
            ["advise", "35.14", "kk/baru", "--lang", "jv"],
            "argument --lang: lang='jv' is out of range",
        ),
        (["advise", "35.14"], "the following arguments are required: SERVICE"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
        (["services", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(argv, expected):
    run = run_main(*argv)
    assert run.code == 2
    assert expected in one_error_line(run)
    assert run.out == ""


# --------------------------------------------------------------------------------------- hours
def test_hours_of_probolinggo_in_the_nyepi_week():
    run = run_main("hours", "35.13", "--week", "2020-03-25", "--lang", "en")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Kabupaten Probolinggo (35.13), week of 2020-03-23, Asia/Jakarta (WIB)"
    assert lines[2].split() == ["day", "date", "hours", "notes"]
    table = {line.split()[1]: line for line in lines[3:10]}
    assert table["2020-03-23"].split()[2] == "08:00-15:00"
    assert "closed" in table["2020-03-25"]
    assert "Day of Silence (national holiday)" in table["2020-03-25"]
    assert table["2020-03-27"].split()[2] == "08:00-11:00"
    assert "*" not in run.out  # Probolinggo's policy hours are its own (A0)
    # The policy's title in the language asked for; its source is a citation.
    assert "Hours from: Online service during Covid-19 prevention [A0: " in run.out
    assert "Layanan online selama pencegahan" not in run.out


def test_hours_mark_the_national_default_hours():
    run = run_main("hours", "kota-mataram", "--week", "2020-03-26")
    assert "Senin   2020-03-23  07:30-12:00, 13:00-16:00 *" in run.out
    assert "* jam kerja nasional instansi pemerintah" in run.out
    assert (
        "Jam dari: Keppres 68/1995 [Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996] — jam kerja "
        "nasional instansi pemerintah: lima hari kerja, 37,5 jam efektif per minggu" in run.out
    )
    assert "Rabu    2020-03-25  tutup" in run.out


def test_hours_mark_provisional_days_and_say_why():
    run = run_main("hours", "35.13", "--week", "2035-02-19", "--lang", "en")
    assert "2035-02-19  closed ?" in run.out
    assert "? provisional, because:" in run.out
    assert "  - Eid al-Adha (estimated) on 2035-02-19 is an estimate" in run.out


def test_hours_show_closures_overrides_extra_openings_and_midnight(uji_office):
    run = run_main("hours", "99.27", "--week", "2030-06-05")
    rows = {line.split()[1]: line for line in run.out.splitlines()[3:10]}
    assert (
        "tutup" in rows["2030-06-04"]
        and "Hari jadi kabupaten (penutupan kantor)" in rows["2030-06-04"]
    )
    assert "08:00-12:00, 20:00-24:00" in rows["2030-06-05"]
    assert "09:00-12:00" in rows["2030-06-06"] and "Jam Ramadan" in rows["2030-06-06"]
    assert "08:00-12:00" in rows["2030-06-08"] and "Pelayanan Sabtu" in rows["2030-06-08"]
    assert "tutup" in rows["2030-06-09"]
    assert "Jam dari: Jam layanan Kabupaten Uji CLI [S: Sumber uji (fiktif)]" in run.out
    english = run_main("hours", "99.27", "--week", "2030-06-05", "--lang", "en")
    assert "Hours from: Kabupaten Uji CLI office hours [S: Sumber uji (fiktif)]" in english.out


def test_hours_json():
    data = json.loads(run_main("hours", "35.13", "--week", "2020-03-25", "--json").out)
    assert data["week_start"] == "2020-03-23"
    assert [d["weekday"] for d in data["days"]][:2] == ["Monday", "Tuesday"]
    nyepi = data["days"][2]
    assert nyepi["open"] is False
    assert nyepi["closed_by"][0]["kind"] == "libur-nasional"
    assert nyepi["closed_by"][0]["name_id"] == "Hari Suci Nyepi"
    friday = data["days"][4]
    assert friday["intervals"] == [
        {"opens": "2020-03-27T08:00:00+07:00", "closes": "2020-03-27T11:00:00+07:00"}
    ]
    assert friday["policy"] == "covid-19-layanan-online"
    assert friday["default_hours"] is False


@pytest.mark.parametrize("week", ["1999-12-31", "2099-12-31", "1850-06-01"])
def test_hours_outside_the_calendar(week):
    run = run_main("hours", "35.13", "--week", week)
    assert run.code == 2
    assert f"argument --week: {week} is outside the calendar" in one_error_line(run)


def test_hours_of_the_first_and_last_full_weeks():
    first = json.loads(run_main("hours", "35.13", "--week", "2000-01-03", "--json").out)
    last = json.loads(run_main("hours", "35.13", "--week", "2099-12-27", "--json").out)
    assert (first["week_start"], last["week_start"]) == ("2000-01-03", "2099-12-21")


def test_hours_without_week_is_this_week():
    data = json.loads(run_main("hours", "52.06", "--json").out)
    assert len(data["days"]) == 7


def test_hours_of_an_unknown_office():
    run = run_main("hours", "kota-atlantis")  # every real kota has at least a baseline office
    assert run.code == 2
    assert "no office with code or slug 'kota-atlantis'" in one_error_line(run)


# -------------------------------------------------------------------------------- requirements
def test_requirements_table_marks_the_office_items():
    run = run_main("requirements", "52.71", "kia/baru", "--at", "2020-03-25", "--lang", "en")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert (
        lines[0] == "Kota Mataram (52.71) kia/baru on 2020-03-25 (policy covid-19-layanan-daring)"
    )
    assert lines[2].split()[:3] == ["#", "code", "origin"]
    assert lines[-1].split()[:3] == ["5", "berkas-asli-saat-pengambilan", "office"]
    assert "The original documents, handed over at pick-up" in lines[-1]


def test_requirements_json():
    data = json.loads(
        run_main("requirements", "52.71", "kia/baru", "--at", "2020-03-25", "--json").out
    )
    assert data["policy"] == "covid-19-layanan-daring"
    assert [r["origin"] for r in data["requirements"]][-1] == "office"
    assert data["requirements_note"] is None


def test_requirements_without_a_checklist_say_why():
    empty = [e for e in adminduk.catalogue() if not e.requirements]
    if not empty:
        pytest.skip("every catalogue service has a national checklist")
    run = run_main("requirements", "35.14", empty[0].code, "--at", "2020-03-24")
    assert run.out.splitlines()[-1] == empty[0].requirements_note_text("id")
    english = run_main("requirements", "35.14", empty[0].code, "--lang", "en")
    assert english.out.splitlines()[-1] == empty[0].requirements_note_text("en")
    data = json.loads(run_main("requirements", "35.14", empty[0].code, "--json").out)
    assert data["requirements"] == []
    assert data["requirements_note"] == empty[0].requirements_note_text("id")


def test_requirements_diff_shows_the_office_changes():
    run = run_main("requirements", "35.13", "akta-kematian/baru", "--at", "2020-03-23", "--diff")
    assert run.out.splitlines()[:2] == [
        "35.13 akta-kematian/baru pada 2020-03-23 (kebijakan covid-19-layanan-online):",
        "Ditambahkan oleh kantor:",
    ]
    assert run.out.splitlines()[2].startswith("  + berkas-foto-pdf: Semua berkas ")
    assert run.out.splitlines()[2].endswith(" [A0]")
    baseline = run_main(
        "requirements", "35.13", "akta-kematian/baru", "--at", "2020-03-01", "--diff"
    )
    assert "daftar persyaratan nasional, tanpa perubahan" in baseline.out
    baseline_en = run_main(
        "requirements",
        "35.13",
        "akta-kematian/baru",
        "--at",
        "2020-03-01",
        "--diff",
        "--lang",
        "en",
    )
    assert "the national checklist, unchanged" in baseline_en.out


def test_requirements_diff_json(uji_office):
    contoh = adminduk.load_office(EXAMPLE_OFFICE)
    adminduk.register(contoh.model_copy(update={"code": "99.28", "slug": "kabupaten-contoh-2"}))
    data = json.loads(
        run_main(
            "requirements", "99.28", "kk/cetak-ulang", "--at", "2031-01-10", "--diff", "--json"
        ).out
    )
    assert data["is_baseline"] is False
    assert data["policy"] == "renovasi-gedung-2031"
    assert data["replaced"][0]["national"]["code"] == "surat-kehilangan-atau-kk-rusak"
    assert data["replaced"][0]["office"]["code"] == "surat-pernyataan-kehilangan"
    assert data["added"] == data["removed"] == []


def test_requirements_of_an_unknown_service():
    run = run_main("requirements", "35.13", "ktp/baru")
    assert run.code == 2
    assert "unknown service 'ktp/baru'" in one_error_line(run)


# -------------------------------------------------------------------------------------- schema
def test_schema_is_the_office_json_schema():
    run = run_main("schema")
    assert json.loads(run.out) == adminduk.office_schema()


# -------------------------------------------------------------------------------------- export
def test_export_prints_json_ld():
    run = run_main("export", "35.14", "--format", "jsonld")
    doc = json.loads(run.out)
    assert doc == adminduk.office_jsonld("35.14")
    with_defaults = json.loads(run_main("export", "35.14", "--default-hours").out)
    assert "openingHoursSpecification" in with_defaults["@graph"][0]
    assert "openingHoursSpecification" not in doc["@graph"][0]


def test_export_cpsv_ap_prints_turtle_at_an_instant():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    run = run_main("export", "35.14", "--format", "cpsv-ap", "--at", "2020-03-23")
    assert run.code == 0, run.err
    assert run.out == adminduk.office_cpsv("35.14", at=dt.datetime(2020, 3, 23))
    graph = Graph().parse(data=run.out, format="turtle")
    rule = URIRef("https://adminduk.github.io/id/office/35.14/policy/covid-19-layanan-whatsapp")
    assert (rule, RDF.type, URIRef("http://purl.org/vocab/cpsv#Rule")) in graph


def test_export_at_an_instant_as_json_ld():
    doc = json.loads(run_main("export", "35.04", "--at", "2020-03-20").out)
    assert doc == adminduk.office_jsonld("35.04", at=dt.datetime(2020, 3, 20))
    assert [n["@type"] for n in doc["@graph"]].count("SpecialAnnouncement") == 1


def test_export_cpsv_ap_has_no_default_hours():
    run = run_main("export", "35.14", "--format", "cpsv-ap", "--default-hours")
    assert run.code == 2
    assert "--default-hours: only with --format jsonld" in one_error_line(run)


def test_export_an_unreadable_instant():
    run = run_main("export", "35.14", "--at", "kemarin lusa")
    assert run.code == 2
    assert "argument --at" in one_error_line(run)


def test_export_only_knows_jsonld():
    run = run_main("export", "35.14", "--format", "csv")
    assert run.code == 2
    assert "invalid choice: 'csv'" in one_error_line(run)


# ------------------------------------------------------------------------------- help, version
def test_help_goes_to_the_output_and_exits_0():
    run = run_main("--help")
    assert run.code == 0
    assert run.out.startswith("usage: adminduk")
    for command in (
        "offices",
        "services",
        "advise",
        "hours",
        "requirements",
        "check",
        "schema",
        "export",
    ):
        assert command in run.out
    advise_help = run_main("advise", "--help")
    assert "--no-whatsapp" in advise_help.out and advise_help.code == 0


def test_version():
    run = run_main("--version")
    assert (run.code, run.out.strip()) == (0, f"adminduk {adminduk.__version__}")


# ------------------------------------------------------------------------ errors never escape
def test_an_internal_error_is_one_line_unless_debugging(monkeypatch):
    from adminduk import cli

    def broken(args, out):
        raise RuntimeError("boom")

    original = cli._parser
    monkeypatch.setattr(cli, "_parser", lambda out: _with_handler(original(out), broken))
    monkeypatch.delenv("ADMINDUK_DEBUG", raising=False)
    run = run_main("offices")
    assert run.code == 70
    assert "internal error: RuntimeError: boom" in one_error_line(run)
    monkeypatch.setenv("ADMINDUK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        run_main("offices")


def _with_handler(parser, handler):
    parser.set_defaults(handler=handler)
    for action in parser._subparsers._group_actions:
        for sub in action.choices.values():
            sub.set_defaults(handler=handler)
    return parser


@pytest.mark.parametrize(
    ("error", "code", "expected"),
    [
        (KeyboardInterrupt(), 130, "adminduk: interrupted"),
        (FileNotFoundError(2, "No such file or directory", "x.toml"), 1,
         "adminduk: error: x.toml: No such file or directory"),
        (OSError("disk on fire"), 1, "adminduk: error: disk on fire"),
        (UnicodeEncodeError("ascii", "Senin×", 5, 6, "ordinal not in range"), 1,
         "adminduk: error: cannot write '×' in the output encoding ascii; "
         "set PYTHONIOENCODING=utf-8"),
        (adminduk.ConfigError([adminduk.ConfigProblem("code", "bad", "'x'"),
                               adminduk.ConfigProblem("slug", "bad")], source="f.toml"), 2,
         "adminduk: error: f.toml: code: bad (got 'x') "
         "(and 1 more; run 'adminduk check' on the file)"),
        (adminduk.ConfigError([adminduk.ConfigProblem("code", "bad")]), 2,
         "adminduk: error: code: bad"),
    ],
)  # fmt: skip
def test_failures_are_one_line_with_their_exit_code(monkeypatch, error, code, expected):
    from adminduk import cli

    def raising(args, out):
        raise error

    original = cli._parser
    monkeypatch.setattr(cli, "_parser", lambda out: _with_handler(original(out), raising))
    run = run_main("schema")
    assert run.code == code
    assert run.err.splitlines() == [expected]


def test_a_broken_pipe_is_quiet():
    from adminduk import cli

    class Closed:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    import io

    err = io.StringIO()
    assert cli.main(["schema"], out=Closed(), err=err) == 1
    assert err.getvalue() == ""


# --------------------------------------------------------------------------------------- check
BUILT_IN_FILES = sorted(
    str(p) for p in (ROOT / "src" / "adminduk" / "offices" / "data").glob("*.toml")
)


def test_check_the_built_in_files_has_no_errors():
    run = run_main("check", *BUILT_IN_FILES)
    assert run.code == 0, run.out
    verdicts = [line for line in run.out.splitlines() if not line.startswith(" ")]
    assert len(verdicts) == len(BUILT_IN_FILES)
    assert all(": ok" in line for line in verdicts)
    # Bima's officers' numbers are unknown: a warning, never an error.
    assert "warning  policies[0].channels[0].address" in run.out


def test_check_reports_every_problem_of_a_broken_file_and_exits_1(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('code = "35.13"\nslug = "probolinggo"\n', encoding="utf-8")
    run = run_main("check", str(EXAMPLE_OFFICE), str(bad))
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].startswith(f"{EXAMPLE_OFFICE}: ok (")
    failed = next(line for line in lines if line.startswith(str(bad)))
    assert failed == f"{bad}: FAIL (6 errors)"
    assert "  error    name: required, but missing" in lines
    assert any(line.strip().startswith("hint: ") for line in lines)


def test_check_json(tmp_path):
    missing = tmp_path / "missing.toml"
    run = run_main("check", "--json", str(missing), BUILT_IN_FILES[0])
    assert run.code == 1
    data = json.loads(run.out)
    assert [entry["file"] for entry in data] == [str(missing), BUILT_IN_FILES[0]]
    (finding,) = data[0]["findings"]
    assert finding["severity"] == "error" and finding["check"] == "loads"
    assert finding["message"].startswith("cannot read the file")
    assert set(finding) == {"severity", "path", "message", "hint", "check"}
    assert not any(f["severity"] == "error" for f in data[1]["findings"])
    assert run_main("check", "--json", BUILT_IN_FILES[0]).code == 0


def test_check_needs_a_file():
    run = run_main("check")
    assert run.code == 2
    assert "name at least one office FILE, or --national" in one_error_line(run)


def test_check_national_runs_the_office_checks_on_the_national_law_file():
    run = run_main("check", "--national", BUILT_IN_FILES[0])
    assert run.code == 0, run.out
    verdicts = [line for line in run.out.splitlines() if not line.startswith(" ")]
    assert verdicts[-1].startswith("national.toml: ok")
    data = json.loads(run_main("check", "--national", "--json").out)
    assert [entry["file"] for entry in data] == ["national.toml"]
    assert not any(f["severity"] == "error" for f in data[0]["findings"])


def test_version_of_a_source_tree_that_was_never_installed(monkeypatch):
    from importlib import metadata

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    run = run_main("--version")
    assert (run.code, run.out.strip()) == (0, "adminduk (not installed)")


def test_hours_of_a_week_closed_throughout_have_no_legend(uji_office):
    run = run_main("hours", "99.27", "--week", "2025-07-09", "--lang", "en")
    lines = run.out.splitlines()
    assert len(lines) == 10  # title, blank, header, seven days: nothing to explain
    assert all("closed" in line for line in lines[3:])
    assert "Moving building (office closure)" in lines[3]


def test_a_finding_without_hint(monkeypatch):
    from adminduk.testing import Finding, Severity

    monkeypatch.setattr(
        "adminduk.testing.check_office",
        lambda path: [Finding(Severity.INFO, "", "just so you know")],
    )
    run = run_main("check", "anything.toml")
    assert run.out.splitlines() == [
        "anything.toml: ok (1 info)",
        "  info     <file>: just so you know",
    ]


def test_argparse_exit_with_a_message_is_a_usage_error():
    import io

    from adminduk import cli

    parser = cli._parser(io.StringIO())
    with pytest.raises(cli._UsageError, match=r"^boom$"):
        parser.exit(3, "boom\n")


def test_a_broken_pipe_on_stdout_points_it_at_devnull(monkeypatch, tmp_path):
    import io

    target = (tmp_path / "out").open("w")

    class Pipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return target.fileno()

    monkeypatch.setattr("sys.stdout", Pipe())
    err = io.StringIO()
    assert main(["schema"], err=err) == 1
    assert err.getvalue() == ""
    target.close()


# ------------------------------------------------------------------------------------- name
def test_name_explains_the_abbreviation_rule_and_fails_on_an_error():
    run = run_main("name", "M. Rizky")
    assert run.code == 1, run.err
    assert run.out.startswith("Akta kelahiran: 2 kesalahan, 0 peringatan.")
    assert "singkatan" in run.out and "Pasal 5 ayat (3) huruf a" in run.out
    assert "Rizky" not in run.out  # the name is never printed back


def test_name_passes_with_a_title_on_a_ktp_el_in_english():
    run = run_main("name", "Dr. Rina Sari, S.H.", "--document", "ktp-el", "--lang", "en-GB")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        "Electronic identity card (KTP-el): no findings under the rules that can be checked."
    )


def test_name_a_warning_alone_does_not_fail_and_json_has_every_field():
    run = run_main("name", "Budi", "--document", "kk", "--json", "--lang", "en")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["document"] == "kk" and data["ok"] is True
    (finding,) = data["findings"]
    assert finding == {
        "rule": "pasal-4-ayat-2-c",
        "article": "Permendagri 73/2022 Pasal 4 ayat (2) huruf c",
        "severity": "warning",
        "position": None,
        "message": "The name has 1 word(s); at least 2 are asked for (no sanction under Pasal 7).",
        "interpreted": True,
    }


def test_name_with_an_error_in_json_exits_1():
    run = run_main("name", "Hj. Siti Aminah", "--document", "akta-kelahiran", "--json")
    assert run.code == 1
    assert json.loads(run.out)["ok"] is False


def test_name_refuses_an_unknown_document_and_a_blank_name_as_usage():
    line = one_error_line(run_main("name", "Rina Sari", "--document", "paspor"))
    assert "document='paspor'" in line and "akta-kelahiran" in line
    run = run_main("name", "  ")
    assert run.code == 2
    assert "<a name of 2 characters>" in one_error_line(run)


def _example_with(tmp_path, change, name: str = "office.json") -> str:
    """The example office as a JSON file, changed by ``change`` (a function of its data)."""
    import copy
    import tomllib

    data = tomllib.loads(EXAMPLE_OFFICE.read_text(encoding="utf-8"))
    change(data := copy.deepcopy(data))
    path = tmp_path / name
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    return str(path)


def test_check_refuses_a_channel_listed_twice_and_so_does_the_kit(tmp_path):
    # Issue 23: it passed both, and the reply then listed the channel twice.
    def twice(data):
        channels = data["ordinary"]["channels"]
        channels.append(dict(channels[0]))

    path = _example_with(tmp_path, twice)
    assert run_main("check", _example_with(tmp_path, lambda data: None, "as-is.json")).code == 0
    run = run_main("check", path)
    assert run.code == 1
    assert "error    ordinary.channels[" in run.out and "lists the same" in run.out
    from adminduk.testing import check_office

    assert any(f.severity == "error" and "lists the same" in f.message for f in check_office(path))


def test_check_refuses_an_english_day_key_with_the_indonesian_one(tmp_path):
    def english(data):
        data["hours"]["monday"] = data["hours"].pop("senin")

    run = run_main("check", _example_with(tmp_path, english))
    assert run.code == 1
    assert "hours.monday: unknown key: an office file names the days in Indonesian" in run.out
    assert "did you mean 'senin'?" in run.out


# ------------------------------------------------------------------ issue 23: a new user's view
def test_help_points_to_installed_help_and_a_url_never_to_a_source_path():
    run = run_main("--help")
    assert run.code == 0
    text = " ".join(run.out.split())
    assert "docs/cli.md." not in text and "Documentation: docs/" not in text
    assert "Run 'adminduk COMMAND --help'" in text
    assert "Documentation: https://" in text
    assert "docs/cli.md" not in run_main("check", "--help").out


def test_offices_lists_every_office_that_answers_marked_by_origin():
    run = run_main("offices")
    assert run.code == 0, run.err
    rows = {line.split()[0]: line.split() for line in run.out.splitlines()[1:] if "  " in line}
    real = [code for code in rows if not code.startswith("99.")]
    assert len(real) == 514  # every kabupaten/kota, as the README says
    assert rows["35.13"][4] == "built-in" and rows["35.74"][4] == "built-in"
    assert rows["31.71"][4] == "baseline" and "Suku" in rows["31.71"]
    data = json.loads(run_main("offices", "--json").out)
    assert {o["code"] for o in data} >= set(real)
    assert next(o for o in data if o["code"] == "35.73")["origin"] == "baseline"


def test_offices_registered_and_province_filters():
    registered = json.loads(run_main("offices", "--registered", "--json").out)
    assert [o["code"] for o in registered if not o["code"].startswith("99.")] == sorted(
        BUILTIN_OFFICES
    )
    assert all(o["origin"] != "baseline" for o in registered)
    ntb = json.loads(run_main("offices", "--province", "52", "--json").out)
    assert {o["code"][:2] for o in ntb} == {"52"} and len(ntb) == 10
    jakarta = json.loads(run_main("offices", "--province", "DKI Jakarta", "--json").out)
    assert [o["code"] for o in jakarta] == ["31.01", "31.71", "31.72", "31.73", "31.74", "31.75"]
    run = run_main("offices", "--province", "Jawa Timor")
    assert run.code == 2 and "--province='Jawa Timor' is out of range" in one_error_line(run)


def test_region_command_gives_name_history_and_office():
    run = run_main("region", "91.01")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "91.01  Kabupaten Merauke"
    assert "province: 91 Papua" in lines
    assert "now: 93.01 Kabupaten Merauke" in lines
    assert "on the lists: 2016 to 2022 (valid from 2016, until 2022-11-08)" in lines
    assert "time zone: Asia/Jayapura (WIT)" in lines
    assert any(line.startswith("office: Dinas Dukcapil Kabupaten Merauke") for line in lines)
    district = run_main("region", "35.13.19").out
    assert "kabupaten/kota: 35.13 Kabupaten Probolinggo" in district
    data = json.loads(run_main("region", "3404", "--json").out)
    assert data["province"] == {"code": "34", "name": "Daerah Istimewa Yogyakarta"}
    assert data["current"]["code"] == "34.04" and data["valid_until"] is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["region", "35.69"], "no region with code '35.69'; did you mean"),
        (["region", "91.01", "--on", "2024-01-01"], "is not valid on 2024-01-01"),
        (["region", "91.01", "--on", "kemarin"], "argument --on: cannot read 'kemarin'"),
        (["region"], "the following arguments are required: CODE"),
    ],
)
def test_region_command_refuses_bad_input_in_one_line(argv, expected):
    run = run_main(*argv)
    assert run.code == 2
    assert expected in one_error_line(run)


@pytest.mark.parametrize("name", ["I Wayan Sudirta", "I Gusti Ngurah Rai", "Ni Luh Putu Ayu"])
def test_name_accepts_the_balinese_particles_and_still_refuses_abbreviations(name):
    assert run_main("name", name).code == 0
    refused = run_main("name", "I. Wayan Sudirta")
    assert refused.code == 1 and "singkatan" in refused.out
