"""Per-address rate limits, in memory only: addresses are never stored or logged."""

from __future__ import annotations

import ipaddress
from collections import OrderedDict
from dataclasses import dataclass

# One home, phone or server is given a whole IPv6 /64: each of its addresses is the same client.
_IPV6_NETWORK = 64


@dataclass(frozen=True)
class Rate:
    """At most `burst` at once, then one more every `per_s` seconds."""

    burst: int
    per_s: float


class RateLimiter:
    """A token bucket per key (a client address), forgetting the least recent keys past `keep`."""

    def __init__(self, rate: Rate, keep: int = 10_000) -> None:
        self.rate = rate
        self.keep = keep
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str, now: float) -> bool:
        """Take one from the key's bucket at `now` (seconds, monotonic); False if it is empty."""
        tokens, then = self._buckets.pop(key, (float(self.rate.burst), now))
        tokens = min(float(self.rate.burst), tokens + max(0.0, now - then) / self.rate.per_s)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self.keep:
            self._buckets.popitem(last=False)
        return allowed


def client_key(address: str) -> str:
    """The key a client address is limited by: an IPv4 address as it is, an IPv6 one's /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a test client, a Unix socket): as it is
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, _IPV6_NETWORK), strict=False))
    return str(ip)
