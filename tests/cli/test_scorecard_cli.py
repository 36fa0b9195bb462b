"""The command-line contract of scorecards against outcomes: build, validate, approve."""

from __future__ import annotations

import json

import pytest

from tests import histories
from tests.cli.test_cli import cli  # noqa: F401  (the fixture)

pytest.importorskip("sklearn")


@pytest.fixture
def files(tmp_path):
    return {"train": histories.write(tmp_path / "train.csv", 3000, seed=1),
            "held": histories.write(tmp_path / "held.csv", 1500, seed=2),
            "later": histories.write(tmp_path / "later.csv", 1500, seed=3, shift=0.8)}


def test_build_then_validate_on_held_out_rows(cli, files):
    status, out, err = cli("scorecard", "build", "--history", str(files["train"]),
                           "--outcome", "违约", "--kind", "individual", "--name", "retail",
                           "--json")
    assert status == 0, err
    built = json.loads(out)
    assert (built["name"], built["version"], built["status"]) == ("retail", 1, "pending")
    assert 0.6 < built["cross_validation"]["auc"] < 0.9 and built["later_period"]["rows"] == 600
    assert {c["key"] for c in built["characteristics"]} >= {"monthly_income", "渠道"}
    assert "申请编号" in built["left_out"]

    status, out, err = cli("scorecard", "validate", "retail@1", "--history", str(files["held"]),
                           "--outcome", "违约", "--json")
    assert status == 0, err
    result = json.loads(out)
    assert result["n"] == 1500 and result["bad"] == sum(
        1 for row in histories.rows(1500, seed=2) if row[-1] == "是")
    assert 0.6 < result["auc"] < 0.9 and 0 < result["ks"] < 1
    for grade, item in result["bad_rate_by_grade"].items():
        assert {"rate", "count"} <= set(item) and item["count"] > 0
    assert "psi" not in result

    status, out, err = cli("scorecard", "validate", "retail", "--history", str(files["held"]),
                           "--outcome", "违约", "--compare", str(files["later"]), "--json")
    assert status == 0, err
    assert json.loads(out)["psi"] > 0.1                # incomes moved: a shifted population
    status, out, err = cli("scorecard", "validate", "retail", "--history", str(files["held"]),
                           "--outcome", "违约", "--compare", str(files["held"]), "--json")
    assert json.loads(out)["psi"] == 0


def test_the_text_output_and_the_errors_speak_the_users_language(cli, files):
    status, out, err = cli("scorecard", "build", "--history", str(files["train"]),
                           "--outcome", "违约", "--kind", "individual", "--name", "retail")
    assert status == 0, err
    assert "待另一位经理审批" in out and "交叉验证" in out and "未采用：申请编号" in out
    status, out, err = cli("scorecard", "validate", "retail@1", "--history", str(files["held"]),
                           "--outcome", "结果")
    assert status == 1 and "没有结果列 结果" in err
    status, out, err = cli("scorecard", "validate", "retail@1", "--history", str(files["held"]),
                           "--outcome", "违约", "--bad", "坏")
    assert status == 1 and "没有取值 坏" in err
    status, _out, err = cli("scorecard", "build", "--outcome", "违约", "--kind", "individual",
                            "--name", "x")
    assert status == 2 and "--history" in err


def test_a_built_version_needs_a_second_manager(cli, files):
    assert cli("scorecard", "build", "--history", str(files["train"]), "--outcome", "违约",
               "--kind", "individual", "--name", "retail")[0] == 0
    status, _out, err = cli("scorecard", "approve", "retail@1")
    assert status == 1 and "另一位经理" in err
    status, _out, err = cli("scorecard", "build", "--history", str(files["train"]),
                            "--outcome", "违约", "--kind", "individual", "--name", "mine",
                            user="clerk")
    assert status == 1                                  # a clerk builds no scorecard
    status, _out, err = cli("scorecard", "reject", "retail@1", user="manager")
    assert status == 2                                  # a rejection needs a reason
    status, out, err = cli("scorecard", "approve", "retail@1", user="manager")
    assert status == 0 and "已批准" in out, err
    status, out, _err = cli("scorecard", "list", "--json")
    listed = {c["name"]: c for c in json.loads(out)}
    assert listed["retail"]["status"] == "approved" and listed["retail"]["method"] == "fitted"


def test_a_recent_population_without_outcomes_is_compared(cli, files, tmp_path):
    assert cli("scorecard", "build", "--history", str(files["train"]), "--outcome", "违约",
               "--kind", "individual", "--name", "retail")[0] == 0
    recent = tmp_path / "recent.csv"
    lines = files["later"].read_text("utf-8").splitlines()
    recent.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", "utf-8")
    status, out, err = cli("scorecard", "validate", "retail@1", "--history", str(files["held"]),
                           "--outcome", "违约", "--compare", str(recent), "--json")
    assert status == 0, err
    assert json.loads(out)["psi"] > 0.1 and json.loads(out)["compare_n"] == 1500
