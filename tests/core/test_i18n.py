"""Core messages: the process language, and a language used for a while in one thread."""

from __future__ import annotations

import threading

import pytest

from custdesk.core import i18n

i18n.register({"test.hello": ("你好，{name}", "Hello, {name}")})


def test_using_speaks_another_language_in_this_thread_only():
    assert i18n.tr("test.hello", name="张三") == "你好，张三"
    seen = {}
    inside = threading.Event()
    leave = threading.Event()

    def worker():
        with i18n.using("en"):
            seen["worker"] = i18n.tr("test.hello", name="Zhang")
            inside.set()
            leave.wait(5)
        seen["after"] = i18n.language()

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    seen["main"] = i18n.tr("test.hello", name="张三")      # while the worker speaks English
    leave.set()
    thread.join(5)
    assert seen == {"worker": "Hello, Zhang", "main": "你好，张三", "after": "zh"}


def test_using_nests_and_none_keeps_the_current_language():
    with i18n.using("en"):
        with i18n.using(None):
            assert i18n.language() == "en"
        with i18n.using("zh"):
            assert i18n.language() == "zh"
        assert i18n.language() == "en"
    assert i18n.language() == "zh"
    with pytest.raises(ValueError):
        with i18n.using("fr"):
            pass


def test_an_english_message_shown_alone_begins_a_sentence():
    """English messages are written in lower case so one can quote another; an error's own
    text begins with a capital, but never a quoted name or anything in Chinese."""
    from custdesk.core.errors import CustdeskError
    with i18n.using("en"):
        assert str(CustdeskError("the file lacks the column 违约")) == \
            "The file lacks the column 违约"
        assert str(CustdeskError("firm-x has no approved version")) == \
            "firm-x has no approved version"
        assert str(CustdeskError("cannot: read")) == "Cannot: read"
        assert str(CustdeskError("")) == ""
    with i18n.using("zh"):
        assert str(CustdeskError("probe 没有已批准的版本")) == "probe 没有已批准的版本"
