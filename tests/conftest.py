"""Shared pytest configuration."""


def pytest_configure(config):
    # slow tests run by default; `-m "not slow"` leaves them out for a quick local loop
    config.addinivalue_line("markers", "slow: takes several seconds (big pages, hang detectors); runs by default")
