"""`skm-bot qr` writes a printable poster or prints the deep link; `skm-bot run` checks first."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from bot.cli import main
from service.config import PLACEHOLDER_SECRET, Settings, Webhook
from service.poster import render_poster

USERNAME = "SkmPolresBot"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory without .env, a bot username, and no token in the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("BOT_TOKEN", "SKM_SECRET", "SKM_BOT_USERNAME", "SKM_UNITS_FILE",
                 "BOT_API_BASE_URL", "SKM_WEBHOOK_URL", "SKM_WEBHOOK_SECRET"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SKM_BOT_USERNAME", f"@{USERNAME}")
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    return tmp_path


def test_qr_link_prints_the_deep_link(workdir: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["qr", "skck", "--office", "ps_kota", "--link"]) == 0
    assert capsys.readouterr().out.strip() == f"https://t.me/{USERNAME}?start=SKCK-PS_KOTA"
    assert list(workdir.glob("*.png")) == []


def test_qr_without_an_office_uses_the_first_office_serving_the_unit(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["qr", "SIM", "--link"]) == 0
    assert capsys.readouterr().out.strip().endswith("?start=SIM-POLRES")


def test_qr_writes_a_printable_png(workdir: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["qr", "SKCK", "--office", "POLRES"]) == 0
    poster = workdir / "qr-SKCK-POLRES.png"
    out = capsys.readouterr().out
    assert poster.name in out and "start=SKCK-POLRES" in out
    image = Image.open(poster)
    assert image.format == "PNG"
    assert image.width == 1240 and image.height > image.width
    colours = {c for _, c in image.convert("L").getcolors(maxcolors=256) or []}
    assert 0 in colours and 255 in colours


def test_qr_out_names_the_file(workdir: Path):
    assert main(["qr", "SPKT", "--office", "PS_UTARA", "--out", "desk.png"]) == 0
    assert (workdir / "desk.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["qr", "NOPE"], "no office serves a unit NOPE; the units are: SIM, SKCK"),
        (["qr", "SIM", "--office", "PS_KOTA"], "office PS_KOTA does not serve SIM"),
        (["qr", "SKCK", "--out", "no/such/dir/x.png"], "cannot write no/such/dir/x.png"),
    ],
)
def test_qr_mistakes_are_one_sentence(
    workdir: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert said in err
    assert err.count("\n") == 1


def test_qr_needs_the_bot_username(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.delenv("SKM_BOT_USERNAME")
    assert main(["qr", "SKCK", "--link"]) == 2
    assert "SKM_BOT_USERNAME is not set" in capsys.readouterr().err


def test_a_malformed_bot_username_stops_at_once(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("SKM_BOT_USERNAME", "not a name!")
    assert main(["qr", "SKCK", "--link"]) == 2
    assert "SKM_BOT_USERNAME is not valid" in capsys.readouterr().err


def test_run_without_a_token_is_one_sentence_and_exit_code_2(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("skm-bot: BOT_TOKEN is not set") and "@BotFather" in err
    assert err.count("\n") == 1


def test_run_with_a_short_secret_says_so(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("BOT_TOKEN", "123456:" + "A" * 35)
    monkeypatch.setenv("SKM_SECRET", "short")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "SKM_SECRET must be at least 16 characters" in err
    assert "A" * 35 not in err


@pytest.mark.parametrize(
    "secret", [PLACEHOLDER_SECRET, f"  {PLACEHOLDER_SECRET} ", "s" * 32, "0" * 64]
)
def test_run_refuses_a_guessable_secret(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], secret: str
):
    monkeypatch.setenv("BOT_TOKEN", "123456:" + "A" * 35)
    monkeypatch.setenv("SKM_SECRET", secret)
    assert main(["run"]) == 2  # had it started, it would have tried to reach Telegram
    err = capsys.readouterr().err
    assert err.startswith("skm-bot: SKM_SECRET is the example value") and err.count("\n") == 1
    assert "secrets.token_hex(32)" in err
    assert secret.strip() not in err  # a secret is never echoed


def test_the_refused_placeholder_is_the_one_env_example_ships():
    example = (Path(__file__).parents[2] / ".env.example").read_text(encoding="utf-8")
    assert f"\nSKM_SECRET={PLACEHOLDER_SECRET}\n" in example


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"SKM_WEBHOOK_URL": "skm.example.go.id/telegram"}, "is not a full web address"),
        ({"SKM_WEBHOOK_URL": "https://skm.example.go.id:99999/x"}, "is not a full web address"),
        ({"SKM_WEBHOOK_URL": "http://skm.example.go.id/telegram"}, "must start with https://"),
        ({"SKM_WEBHOOK_URL": "https://skm.example.go.id:8080/t"}, "uses port 8080"),
        ({"SKM_WEBHOOK_URL": "https://skm.example.go.id/telegram"}, "SKM_WEBHOOK_SECRET must"),
        (
            {"SKM_WEBHOOK_URL": "https://skm.example.go.id/t", "SKM_WEBHOOK_SECRET": "a b!"},
            "SKM_WEBHOOK_SECRET must",
        ),
    ],
)
def test_run_refuses_a_webhook_telegram_would_refuse_before_starting(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    says: str,
):
    monkeypatch.setenv("BOT_TOKEN", "123456:" + "A" * 35)
    monkeypatch.setenv("SKM_SECRET", "a-secret-for-the-webhook-checks-0123")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 2  # had it started, it would have tried to reach Telegram
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert "a b!" not in err  # a secret is never echoed


def test_a_webhook_with_a_self_hosted_bot_api_may_be_plain_http_on_any_port():
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_api_base_url="http://127.0.0.1:8081/bot",
        skm_webhook_url="http://10.0.0.5:8080/hook/skm/",
        skm_webhook_secret="Only_letters-digits_42",
    )
    assert settings.require_webhook() == Webhook(
        "http://10.0.0.5:8080/hook/skm/", "hook/skm", "Only_letters-digits_42"
    )
    assert Settings(_env_file=None).require_webhook() is None  # type: ignore[call-arg]


def test_posters_differ_by_link_and_wrap_long_names():
    one = render_poster("https://t.me/b?start=SKCK-POLRES", "Pelayanan SKCK", "Polres Contoh")
    other = render_poster("https://t.me/b?start=SIM-POLRES", "Pelayanan SKCK", "Polres Contoh")
    assert one != other
    long_name = "Sentra Pelayanan Kepolisian Terpadu dan Satuan Reserse Kriminal Polres"
    tall = Image.open(io.BytesIO(render_poster("https://t.me/b", long_name, "Polsek Kota")))
    short = Image.open(io.BytesIO(one))
    assert tall.width == short.width and tall.height > short.height
