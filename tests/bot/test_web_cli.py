"""`skm-bot qr --web --link`, the web poster, `skm-bot kiosk`, and SKM_WEB_URL's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from service.config import ConfigError, Settings

URL = "https://skm.example.go.id/survei"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("BOT_TOKEN", "SKM_SECRET", "SKM_BOT_USERNAME", "SKM_UNITS_FILE", "SKM_WEB_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SKM_BOT_USERNAME", "SkmPolresBot")
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    monkeypatch.setenv("SKM_WEB_URL", URL + "/")
    return tmp_path


def test_qr_web_link_prints_the_desks_web_address(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", "skck", "--office", "ps_kota", "--web", "--link"]) == 0
    assert capsys.readouterr().out.strip() == f"{URL}/s/SKCK-PS_KOTA"
    assert main(["qr", "SIM", "--link"]) == 0  # without --web: the Telegram link, as before
    assert capsys.readouterr().out.strip() == "https://t.me/SkmPolresBot?start=SIM-POLRES"


def test_the_poster_opens_the_desks_page_offering_both_ways(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", "SIM"]) == 0
    assert f"Tautan: {URL}/d/SIM-POLRES" in capsys.readouterr().out
    assert (workdir / "qr-SIM-POLRES.png").read_bytes().startswith(b"\x89PNG")


def test_qr_web_without_a_web_address_says_what_to_set(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SKM_WEB_URL")
    assert main(["qr", "SIM", "--web", "--link"]) == 2
    assert "--web needs SKM_WEB_URL" in capsys.readouterr().err


def test_kiosk_links_are_made_listed_and_revoked(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kiosk", "add", "SKCK", "--office", "POLRES"]) == 0
    made = capsys.readouterr().out
    assert made.startswith(f"Tautan kiosk nomor 1: {URL}/k/")
    assert main(["kiosk", "list"]) == 0
    assert capsys.readouterr().out.startswith("1. SKCK · POLRES, dibuat ")
    assert main(["kiosk", "revoke", "1"]) == 0
    assert capsys.readouterr().out.strip() == "Tautan kiosk nomor 1 (SKCK · POLRES) dicabut."
    assert main(["kiosk", "revoke", "1"]) == 2
    assert "tidak ada tautan kiosk aktif bernomor 1" in capsys.readouterr().err
    assert main(["kiosk", "list"]) == 0
    assert capsys.readouterr().out.strip() == "Tidak ada tautan kiosk yang aktif."
    assert main(["kiosk", "add", "SKCK", "--office", "NOWHERE"]) == 2


@pytest.mark.parametrize(
    "url, fixed",
    [
        ("https://skm.example.go.id", ("https://skm.example.go.id", "")),
        ("https://skm.example.go.id/survei/", ("https://skm.example.go.id/survei", "/survei")),
        ("http://127.0.0.1:8080/s", ("http://127.0.0.1:8080/s", "/s")),
        ("http://localhost:9000", ("http://localhost:9000", "")),
    ],
)
def test_a_web_address_is_https_or_local(url: str, fixed: tuple[str, str]) -> None:
    address = Settings(_env_file=None, skm_web_url=url).require_web()  # type: ignore[call-arg]
    assert address is not None and (address.url, address.path) == fixed
    assert address.secure == url.startswith("https")


@pytest.mark.parametrize(
    "url, says",
    [
        ("http://skm.example.go.id/survei", "must start with https://"),
        ("skm.example.go.id", "not a full web address"),
        ("https://skm.example.go.id:99999", "not a full web address"),
        ("https://skm.example.go.id/?a=1", "not a full web address"),
    ],
)
def test_an_unusable_web_address_stops_with_one_sentence(url: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        Settings(_env_file=None, skm_web_url=url).require_web()  # type: ignore[call-arg]


def test_skm_bot_web_without_its_address_or_key_stops_with_one_sentence(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SKM_SECRET", "web-cli-secret-0123456789abcdef")
    monkeypatch.delenv("SKM_WEB_URL")
    assert main(["web"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("skm-bot: SKM_WEB_URL is not set") and err.count("\n") == 1, err

    monkeypatch.setenv("SKM_WEB_URL", URL)
    monkeypatch.delenv("SKM_SECRET")
    assert main(["web"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("skm-bot: SKM_SECRET must be") and err.count("\n") == 1, err
    assert not (workdir / "skm.db").exists()  # stopped before the database was opened
