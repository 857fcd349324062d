"""A real headless Chromium (Debian's package) driven by Selenium, at a phone's size."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTH, HEIGHT = 360, 740
WAIT_S = 20


def require_chromium() -> None:
    """Skip, saying why, when Chromium, its driver or Selenium is not installed."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).is_file()]
    if missing:
        pytest.skip(
            f"no {' or '.join(missing)}: install Debian's chromium and chromium-driver "
            "(.ci/run does) to run the browser tests"
        )
    pytest.importorskip("selenium", reason="selenium is a dev dependency: pip install -e .[dev]")


class Browser:
    """One browser window: open pages, press buttons by their visible label, take screenshots."""

    def __init__(self, driver: object, shots: Path) -> None:
        from selenium.webdriver.remote.webdriver import WebDriver

        assert isinstance(driver, WebDriver)
        self.driver = driver
        self.shots = shots
        self.count = 0

    def open(self, url: str) -> None:
        self.driver.get(url)

    def text(self) -> str:
        from selenium.webdriver.common.by import By

        return str(self.driver.find_element(By.TAG_NAME, "main").text)

    def labels(self) -> list[str]:
        from selenium.webdriver.common.by import By

        found = self.driver.find_elements(By.CSS_SELECTOR, "button, a.button")
        return [str(e.text) for e in found]

    def press(self, label: str) -> None:
        """Click the button or link showing exactly this label, and wait for the next page."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.wait import WebDriverWait

        matches = [
            e
            for e in self.driver.find_elements(By.CSS_SELECTOR, "button, a.button")
            if e.text == label
        ]
        assert matches, f"no button {label!r} on the page; it shows {self.labels()}"
        old = self.driver.find_element(By.TAG_NAME, "html")
        matches[0].click()

        def replaced(driver: object) -> bool:
            # The old page's root is gone once the next page is in. Chromium says so as a
            # stale element, or, caught mid-swap, as a node that left the document.
            try:
                old.is_enabled()
            except WebDriverException:
                return True
            return False

        WebDriverWait(self.driver, WAIT_S).until(replaced)

    def press_through(self, labels: list[str]) -> None:
        for label in labels:
            self.press(label)

    def type(self, text: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.TAG_NAME, "textarea").send_keys(text)

    def wait_for_text(self, text: str, timeout: float = WAIT_S) -> None:
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.wait import WebDriverWait

        # The page may be replaced while it is read (a refresh): read it again then.
        wait = WebDriverWait(self.driver, timeout, ignored_exceptions=(WebDriverException,))
        wait.until(lambda d: text in self.text())

    def shot(self, name: str) -> Path:
        """A screenshot of the page as the phone shows it."""
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def page_bytes(self) -> int:
        return len(str(self.driver.page_source).encode())


@contextmanager
def chromium(shots: Path, lang: str = "id-ID", javascript: bool = True) -> Iterator[Browser]:
    """A headless Chromium at 360×740 whose language is `lang`, its screenshots under `shots`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--lang={lang}",
    ):
        options.add_argument(argument)
    prefs: dict[str, object] = {"intl.accept_languages": lang}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    shots.mkdir(parents=True, exist_ok=True)
    # The driver is Debian's: Selenium never looks for one on the internet.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        # A phone's viewport, whatever the headless window's frame takes.
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
        )
        yield Browser(driver, shots)
    finally:
        driver.quit()
