"""Customer lists as Chinese ERPs and CRMs export them; the one write call every import makes."""

from __future__ import annotations

import datetime

from custdesk.core import clock
from custdesk.core.importing import import_file
from tests.core.test_importing import a_code, an_id, write_csv

# The 27-column customer layout of a RuoYi-based finance system's customer import.
ERP_HEADER = ["序号", "客户区域", "客户类别", "客户名称", "客户代号", "初次备案日期", "行业划分",
              "客户来源", "客户所属商务公司代码", "隶属部门", "业务负责人", "分配日期", "分配次数",
              "档案编号", "备案类别", "项目备案号", "项目名称", "品牌", "主要产品", "客户联系人",
              "座机电话", "联系传真", "QQ/E-mail", "手机", "公司地址", "开票资料上传", "备注"]
ERP_ROWS = [
    ["1", "华东", "A", "杭州恒达机械制造有限公司", "KH0001", "2023-03-15", "制造业", "展会", "SW01",
     "销售一部", "李明", "2023-04-01", "1", "DA2023001", "普通", "XM-001", "恒达二期", "恒达",
     "数控机床", "赵磊", "0571-88886666", "0571-88886667", "zhaolei@hengda.example.cn",
     "13812345678", "杭州市西湖区文三路90号", "已上传", "老客户"],
    ["2", "华南", "B", "深圳市华信供应链管理有限公司", "KH0002", "2022-11-02", "物流", "转介绍", "SW02",
     "销售二部", "陈静", "2022-11-10", "2", "DA2022017", "重点", "", "", "", "仓储配送", "孙丽",
     "0755-26668888", "", "1234567890", "13987654321", "深圳市南山区科技园南区", "", ""],
    ["3", "华北", "C", "王建国", "KH0003", "2024-01-08", "个体经营", "网络", "SW01", "销售一部", "李明",
     "2024-01-09", "1", "DA2024002", "普通", "", "", "", "", "", "", "", "", "13611112222",
     "北京市朝阳区建国路88号", "", "个人客户"],
    ["4", "西南", "A", "成都蜀香食品厂", "KH0004", "2021-06-30", "食品加工", "展会", "SW03", "销售三部",
     "周强", "2021-07-01", "3", "DA2021009", "普通", "XM-017", "", "蜀香", "调味品", "钱伟",
     "028-85551234", "028-85551235", "qianwei@shuxiang.example.cn", "15808081234",
     "成都市武侯区武侯大道1号", "已上传", ""],
    ["5", "华中", "B", "武汉长江电子科技股份有限公司", "KH0005", "2020-09-18", "电子", "招标", "SW02",
     "销售二部", "陈静", "2020-09-20", "1", "DA2020031", "重点", "XM-022", "光谷项目", "长江",
     "传感器", "吴芳", "027-87654321", "", "wufang@cjdz.example.cn", "18627001234",
     "武汉市东湖高新区光谷大道77号", "已上传", "需年审"],
]


def test_a_27_column_erp_export_imports_every_row(desk, tmp_path):
    assert len(ERP_HEADER) == 27
    result = import_file(desk, "customers", write_csv(tmp_path / "客户.csv", [ERP_HEADER, *ERP_ROWS]))
    assert (result.total, result.imported, result.rejected) == (5, 5, 0), \
        [p.as_dict() for p in result.problems]
    # 客户类别 is the ERP's A/B/C class, not the kind; the sales people are not users here.
    assert "客户类别" not in result.columns and "业务负责人" not in result.columns
    assert {"column": "业务负责人", "field": "owner", "fit": 0, "checked": 5} in result.suggestions
    assert result.columns["行业划分"] == "industry" and result.columns["公司地址"] == "address"
    assert result.columns["客户联系人"] == "contact_name" and result.columns["座机电话"] == "contact_phone"
    assert "序号" not in result.unknown_columns            # the export's own row numbers
    files = {desk.customers.get(code)["name"]: code for code in result.codes}
    firm = desk.customers._raw(files["杭州恒达机械制造有限公司"])
    person = desk.customers._raw(files["王建国"])
    assert firm["kind"] == "enterprise" and person["kind"] == "individual"
    assert firm["industry"] == "制造业" and firm["address"] == "杭州市西湖区文三路90号"
    assert firm["phone"] == "13812345678"
    # Every column no field takes is kept, in the notes, header by header.
    for line in ("客户区域：华东", "客户类别：A", "客户代号：KH0001", "业务负责人：李明", "联系传真：0571-88886667",
                 "初次备案日期：2023-03-15", "老客户"):
        assert line in firm["notes"], line
    assert "行业划分：个体经营" in person["notes"]         # a firm's field beside a person's name
    contact = desk.records.raw(files["杭州恒达机械制造有限公司"], "contacts")
    assert [(c["name"], c["phone"], c["email"]) for c in contact] == \
        [("赵磊", "0571-88886666", "zhaolei@hengda.example.cn")]
    qq = desk.records.raw(files["深圳市华信供应链管理有限公司"], "contacts")[0]
    assert qq["email"] is None and "QQ/E-mail：1234567890" in qq["notes"]
    assert desk.records.raw(files["王建国"], "contacts") == []
    assert "records" in result.changes and "customers" in result.changes


def test_kind_from_the_name_and_columns_that_do_not_fit_are_suggested(desk, tmp_path):
    rows = [["客户名称", "客户类型", "手机"],
            ["上海浦江贸易有限公司", "经销商", "13812340001"], ["李娜", "终端", "13812340002"],
            ["广州白云五金店", "经销商", "13812340003"], ["张三丰", "终端", "13812340004"]]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows))
    assert result.imported == 4 and result.suggestions == [
        {"column": "客户类型", "field": "kind", "fit": 0, "checked": 4}]
    kinds = {desk.customers._raw(c)["name"]: desk.customers._raw(c)["kind"] for c in result.codes}
    assert kinds == {"上海浦江贸易有限公司": "enterprise", "李娜": "individual",
                     "广州白云五金店": "enterprise", "张三丰": "individual"}
    # A column the user maps by hand is taken as mapped: its bad cells are reported.
    again = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows), dry_run=True,
                        mapping={"客户类型": "kind"})
    assert again.rejected == 4 and again.suggestions == []


def test_a_file_imported_closed_reaches_the_retention_purge(desk, tmp_path):
    clock.set_fixed(datetime.datetime(2020, 3, 1, 2, tzinfo=datetime.timezone.utc))
    # An enterprise reaches the purge when it holds personal data: its contact person.
    rows = [["客户名称", "客户类型", "身份证号", "信用代码", "联系人", "状态"],
            ["刘洋", "个人", an_id(11), "", "", "已关闭"],
            ["某某科技有限公司", "企业", "", a_code(3), "周经理", "closed"],
            ["王芳", "个人", an_id(12), "", "", "active"]]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows))
    assert result.imported == 3, [p.as_dict() for p in result.problems]
    closed = [desk.customers._raw(c)["closed_on"] for c in result.codes]
    assert closed == ["2020-03-01", "2020-03-01", None]
    clock.set_fixed(datetime.datetime(2025, 3, 2, 2, tzinfo=datetime.timezone.utc))
    due = desk.privacy.retention()
    assert sorted(f["code"] for f in due["files"]) == sorted(result.codes[:2])


def test_the_form_the_import_and_erasure_write_files_alike(desk, tmp_path):
    """Both ways of creating a file store the same derived state (one write call)."""
    typed = desk.customers.add({"kind": "individual", "name": "欧阳娜娜", "id_number": an_id(21),
                                "phone": "13812345678", "status": "closed"}).code
    rows = [["客户名称", "客户类型", "身份证号", "手机", "状态"],
            ["欧阳娜娜", "个人", an_id(22), "13812345678", "closed"]]
    imported = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows)).codes[0]
    columns = ("name_norm", "pinyin_initials", "pinyin_full", "phone_rev", "next_review",
               "closed_on", "tier", "status", "tags", "owner", "exposure", "overrides", "level")
    one, two = (desk.customers._raw(c) for c in (typed, imported))
    assert {k: one[k] for k in columns} == {k: two[k] for k in columns}
    grams = [sorted(g for (g,) in desk.db.execute(
        "SELECT gram FROM name_grams WHERE customer_id = ?", [r["id"]])) for r in (one, two)]
    assert grams[0] == grams[1] and grams[0]
    desk.privacy.erase(imported, "本人申请删除")
    erased = desk.customers._raw(imported)
    assert erased["erased_at"] and erased["id_number"] is None and erased["phone"] is None
    assert erased["name"] != "欧阳娜娜" and erased["name_norm"] != one["name_norm"]


def test_the_helper_process_reads_rows_as_this_process_does(desk, tmp_path, monkeypatch):
    """A file of several chunks (read on the helper when there is a second core) gives the
    same problems, counts and files as read here."""
    from tests.core.test_importing import PERSON_HEADER, bad_check, people
    rows = [PERSON_HEADER, *people(4500)]
    rows[3001][2] = bad_check(rows[3001][2])                    # a bad check digit, chunk 2
    rows[4200][2] = rows[10][2]                                 # a duplicate, chunk 3
    rows[4300][1] = "经销商"                                    # a kind that is no kind
    path = write_csv(tmp_path / "in.csv", rows)
    outcomes = []
    for helper in ("1", "0"):
        monkeypatch.setenv("CUSTDESK_IMPORT_HELPER", helper)
        result = import_file(desk, "customers", path, dry_run=True)
        outcomes.append((result.total, result.valid, result.rejected, result.duplicates,
                         [(p.row, p.field, p.error.key, p.value) for p in result.problems]))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][:4] == (4500, 4497, 2, 1)
    assert [p[:3] for p in outcomes[0][4]] == [(3002, "id_number", "valid.id.checksum"),
                                               (4201, "id_number", "import.dup_in_file"),
                                               (4301, "kind", "valid.choice")]
