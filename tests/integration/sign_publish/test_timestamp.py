"""PAdES B-T: with a timestamp server set, the signature carries a timestamp token from it
(asked over HTTP by our client), and `verify` reports the server's time; a server that does not
answer refuses the signature with a reason and signs nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from nongbon_ita.cli import main
from tests.conftest import PASSWORD
from tests.signing.certs import P12_PASSWORD, make_ca, make_p12, make_tsa


@pytest.fixture
def tsa_url() -> Iterator[tuple[str, Path]]:
    """A local RFC 3161 server (pyHanko's test timestamper behind HTTP) and its CA's PEM."""
    ca = make_ca()
    cert, key = make_tsa(ca)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        certs_to_embed=[asn1_x509.Certificate.load(ca.cert.public_bytes(
            serialization.Encoding.DER))],
    )  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pem = ca.pem(Path(__import__("tempfile").mkdtemp()) / "tsa-ca.pem")
    yield f"http://127.0.0.1:{server.server_port}/tsa", pem
    server.shutdown()


def test_signature_with_a_timestamp_server(
    demo_db: Path, tmp_path: Path, tsa_url: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url, tsa_pem = tsa_url
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_SIGN_PASSWORD", P12_PASSWORD)
    db = ["--db", str(demo_db)]
    ca = make_ca()
    p12 = make_p12(ca, "นายสมศักดิ์ โปร่งใส", tmp_path / "c.p12")
    assert main([*db, "certificate", "set", "--official", "ita_coordinator", "--cert", str(p12),
                 "--user", "admin"]) == 0  # fmt: skip
    assert main([*db, "certificate", "timestamp", url, "--user", "admin"]) == 0
    out = tmp_path / "o43.pdf"
    assert main([*db, "print", "o43", "--year", "2566", "--out", str(out), "--sign",
                 "--user", "ita_coordinator"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main([*db, "verify", str(out), "--trust", str(ca.pem(tmp_path / "ca.pem")),
                 "--trust", str(tsa_pem)]) == 0  # fmt: skip
    assert "ประทับเวลาโดยเซิร์ฟเวอร์" in capsys.readouterr().out
    # a server that does not answer: refused with the reason, nothing written
    assert main([*db, "certificate", "timestamp", "http://127.0.0.1:9/tsa", "--user",
                 "admin"]) == 0  # fmt: skip
    late = tmp_path / "late.pdf"
    assert main([*db, "print", "o43", "--year", "2566", "--out", str(late), "--sign",
                 "--user", "ita_coordinator"]) == 2  # fmt: skip
    assert not late.exists() and "ประทับเวลา" in capsys.readouterr().err
