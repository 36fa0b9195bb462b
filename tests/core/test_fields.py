"""Field definitions: every choice value a form or a table can show has a label in both languages."""

from __future__ import annotations

import pytest

from custdesk.core import i18n
from custdesk.core.fields import (CHOICE_LABELS, CUSTOMER_FIELDS, DOCUMENT_FIELDS, DOCUMENT_KINDS,
                                  RECORD_KINDS, all_choice_values, choice_label)


def every_choice() -> set[str]:
    values = set(DOCUMENT_KINDS)
    for field in CUSTOMER_FIELDS + DOCUMENT_FIELDS:
        values.update(field.choices)
    for kind in RECORD_KINDS.values():
        for field in kind.fields:
            values.update(field.choices)
    return values


def test_the_scan_finds_choices_of_customers_records_and_documents():
    values = every_choice()
    assert {"active", "resident_id", "phone", "plaintiff", "invoice", "id_card"} <= values
    assert all_choice_values() == values


def test_every_choice_value_has_a_label_in_both_languages():
    missing = sorted(every_choice() - set(CHOICE_LABELS))
    assert not missing, f"choice values without a label in CHOICE_LABELS: {missing}"
    for value, (zh, en) in CHOICE_LABELS.items():
        assert zh.strip() and en.strip(), value


def test_no_label_is_left_over_from_a_removed_choice():
    assert not set(CHOICE_LABELS) - every_choice()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_labels_are_distinct_within_each_choice_list(language):
    i18n.set_language(language)
    lists = [f.choices for f in CUSTOMER_FIELDS + DOCUMENT_FIELDS if f.choices]
    lists += [f.choices for k in RECORD_KINDS.values() for f in k.fields if f.choices]
    for choices in lists:
        shown = [choice_label(v) for v in choices]
        assert len(set(shown)) == len(shown), choices


def test_choice_label_follows_the_core_language():
    i18n.set_language("zh")
    assert choice_label("active") == "正常" and choice_label("blacklisted") == "黑名单"
    assert choice_label("vip") == "VIP" and choice_label("key") == "重点"
    assert choice_label("individual") == "个人" and choice_label("enterprise") == "企业"
    i18n.set_language("en")
    assert choice_label("active") == "Active" and choice_label("resident_id") == "Resident ID card"


def test_an_unknown_value_is_shown_as_it_is():
    assert choice_label("no_such_value") == "no_such_value"
    assert choice_label("") == ""
