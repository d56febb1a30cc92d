"""A second launch brings the first copy to the front instead of starting another."""

from __future__ import annotations

import uuid

from nongbon_ita.gui.single_instance import FirstCopy, ask_first_copy, instance_key


def test_a_second_launch_activates_the_first_copy(qtbot) -> None:
    key = f"nongbon-ita-test-{uuid.uuid4().hex[:12]}"
    assert not ask_first_copy(key)  # nobody there yet: this copy starts
    activations: list[int] = []
    first = FirstCopy(key, lambda: activations.append(1))
    try:
        assert ask_first_copy(key)  # the second copy finds the first and exits
        qtbot.waitUntil(lambda: activations == [1], timeout=5_000)
    finally:
        first.close()
    assert not ask_first_copy(key)  # the first copy closed: the next one starts normally


def test_one_copy_per_user_and_database() -> None:
    assert instance_key("sqlite:///a.sqlite3") == instance_key("sqlite:///a.sqlite3")
    assert instance_key("sqlite:///a.sqlite3") != instance_key("sqlite:///b.sqlite3")
