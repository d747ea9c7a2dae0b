"""Personal data masked for lists and the audit log."""

from frontdesk.core.privacy import mask_phone


def test_mask_phone() -> None:
    assert mask_phone("0912-345-678") == "0912-***-678"
    assert mask_phone(None) == ""
    assert "345" not in mask_phone("0912345678")
