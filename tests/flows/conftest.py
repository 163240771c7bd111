from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session", autouse=True)
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server and database for all flow tests (a cold start is ~25 s)."""
    with prefect_test_harness(server_startup_timeout=120):
        yield
