"""Saved column mappings (named, per target, in the database) and cancelling an import."""

from __future__ import annotations

import pytest

from custdesk.core.errors import AccessDenied, NotFound, ValidationError
from custdesk.core.importing import (ImportCancelled, ImportFileError, delete_mapping, import_file,
                                     matching_mapping, save_mapping, saved_mapping, saved_mappings)
from tests.core.test_importing import customer_count, people, write_csv

BANK_HEADER = ["账户持有人", "类别", "证件", "移动号码", "密级"]
BANK_MAPPING = {"账户持有人": "name", "类别": "kind", "证件": "id_number", "移动号码": "phone",
                "密级": "level"}


def test_a_saved_mapping_is_offered_for_the_same_layout_and_used(desk, tmp_path):
    path = write_csv(tmp_path / "bank.csv", [BANK_HEADER] + people(3))
    with pytest.raises(ImportFileError):    # the aliases alone cannot read this layout
        import_file(desk, "customers", path, dry_run=True)
    save_mapping(desk, "customers", "  银行  导出 ", BANK_MAPPING)
    assert saved_mappings(desk, "customers") == {"银行 导出": BANK_MAPPING}
    assert saved_mappings(desk, "financials") == {}
    # The same headers in another order, another width and case: the same layout.
    assert matching_mapping(desk, "customers", ["证件", "账户持有人", "类别", "移动号码", "密 级"]) == "银行 导出"
    assert matching_mapping(desk, "customers", BANK_HEADER[:4]) is None
    result = import_file(desk, "customers", path, mapping=saved_mapping(desk, "customers", "银行 导出"))
    assert (result.imported, result.rejected) == (3, 0)
    actions = [e["action"] for e in desk.audit.entries()]
    assert actions.count("import.mapping_saved") == 1


def test_saving_checks_names_and_fields_and_replaces(desk):
    with pytest.raises(ValidationError):
        save_mapping(desk, "customers", "", BANK_MAPPING)
    with pytest.raises(ValidationError):
        save_mapping(desk, "customers", "x" * 41, BANK_MAPPING)
    with pytest.raises(ValidationError):
        save_mapping(desk, "customers", "bad", {"账户持有人": "no_such_field"})
    with pytest.raises(ValidationError):
        save_mapping(desk, "customers", "empty", {"账户持有人": None})
    with pytest.raises(ValidationError):     # a field of another target
        save_mapping(desk, "financials", "bad", {"账户持有人": "name"})
    save_mapping(desk, "customers", "a", BANK_MAPPING)
    save_mapping(desk, "customers", "a", {**BANK_MAPPING, "密级": None})
    assert saved_mapping(desk, "customers", "a")["密级"] is None
    delete_mapping(desk, "customers", "a")
    assert saved_mappings(desk, "customers") == {}
    with pytest.raises(NotFound):
        delete_mapping(desk, "customers", "a")


def test_saving_a_mapping_needs_the_right_to_import(open_as):
    auditor = open_as("auditor")
    with pytest.raises(AccessDenied):
        save_mapping(auditor, "customers", "a", BANK_MAPPING)


@pytest.mark.parametrize("phase", ["checking", "writing"])
def test_cancelling_leaves_nothing(desk, tmp_path, phase):
    path = write_csv(tmp_path / "many.csv", [["客户名称", "客户类型", "身份证号", "手机", "保密级别"]]
                     + people(5000))
    before, entries = customer_count(desk), len(desk.audit.entries())
    seen = []

    def progress(at, done, total):
        seen.append((at, done))
        return not (at == phase and done >= 2000)

    with pytest.raises(ImportCancelled):
        import_file(desk, "customers", path, progress=progress)
    assert any(at == phase for at, _ in seen)
    assert customer_count(desk) == before
    assert len(desk.audit.entries()) == entries
    assert desk.audit.verify().ok
    # Nothing is left half-open: the next import runs.
    assert import_file(desk, "customers", path).imported == 5000
