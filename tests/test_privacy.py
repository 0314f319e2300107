"""Health data stays on the machine and out of the files' metadata."""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from tests.pdf_tools import reader


def test_the_suite_cannot_reach_the_network() -> None:
    with pytest.raises(RuntimeError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(RuntimeError, match="network"):
        socket.socket().connect(("127.0.0.1", 9))


def test_cli_works_offline_and_metadata_names_only_prepkit(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["example", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    private = {getpass.getuser(), socket.gethostname(), str(tmp_path), str(Path.cwd())}
    for name in ("example-worksheet.pdf", "example-wallet-card.pdf"):
        data = (tmp_path / name).read_bytes()
        info = reader(data).metadata
        assert info is not None
        assert info.author == "prepkit" and str(info.creator).startswith("prepkit")
        values = " ".join(str(v) for v in info.values())
        for secret in private:
            assert secret not in values, f"{name} metadata contains {secret!r}"
            # Short names could match compressed bytes by chance; paths cannot.
            if len(secret) >= 8:
                assert secret.encode() not in data, f"{name} contains {secret!r}"
