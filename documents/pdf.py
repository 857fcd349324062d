"""A PDF beside the DOCX, through LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# A 30-page report converts in a few seconds; a first start of LibreOffice takes longer.
TIMEOUT_S = 180


class PdfError(RuntimeError):
    """LibreOffice ran but wrote no PDF; the message says why."""


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, command: str, timeout: float = TIMEOUT_S) -> Path:
    """Convert a DOCX to a PDF in the same folder; PdfError when it cannot."""
    out_dir = docx.resolve().parent
    # A profile of its own, so a LibreOffice the user has open does not swallow the job.
    profile = out_dir / f".{docx.stem}-lo-profile"
    pdf = out_dir / (docx.stem + ".pdf")
    pdf.unlink(missing_ok=True)  # an old PDF must not pass for a new one
    try:
        done = subprocess.run(
            [
                command,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx.resolve()),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfError(f"no answer within {int(timeout)} s") from None
    except OSError as exc:
        raise PdfError(exc.strerror or str(exc)) from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0 or not pdf.exists():
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise PdfError(reason[-1] if reason else f"exit code {done.returncode}")
    return pdf
