<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../custdesk/gui/about_dialog.py" line="+30"/>
        <source>About custdesk</source>
        <translation>关于 custdesk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Customer credit files for small firms.</source>
        <translation>面向小微企业的客户资信档案管理程序。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The firm&apos;s root key, which every user&apos;s account trusts. It should match the fingerprint written beside the recovery key.</source>
        <translation>本单位的根密钥，每个用户的账户都信任它。它应与抄写在恢复密钥旁的指纹一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema version:</source>
        <translation>数据库结构版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root key fingerprint:</source>
        <translation>根密钥指纹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built with:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (this program writes %2)</source>
        <translation>%1（本程序为 %2）</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+164"/>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The administrator adds the other users and sets what each may see. Choose a password you will remember: it cannot be read back.</source>
        <translation>管理员负责添加其他用户，并设定每位用户可查看的内容。请设置一个您记得住的密码：密码一经设置便无法再读取查看。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create database</source>
        <translation>创建数据库</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../custdesk/gui/grading/approvals_page.py" line="+119"/>
        <source>Approvals</source>
        <extracomment>a file should be opened (double-click, or the Open file button) how many items this user may decide (the navigation shows it) the queue on screen is the newest read (tests wait on it)</extracomment>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grade · score</source>
        <translation>等级 · 得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>额度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>This is your own request: another reviewer or manager must decide it (four-eyes rule).</source>
        <translation>这是您本人发起的申请：须由其他审核员或经理审批（四眼原则）。</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Nothing waits for a decision.</source>
        <translation>没有待审批的事项。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Approved limit (yuan):</source>
        <translation>批准额度（元）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Defaults to the recommended limit; type another amount to approve a different one.</source>
        <translation>默认为建议额度；如需批准其他额度，请输入金额。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+373"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return it to the assessor with a reason; they may assess the file again.</source>
        <translation>连同理由退回评估人；评估人可重新评估该档案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+145"/>
        <source>Open file</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Waiting for your decision: %1</source>
        <translation>待您审批：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; your own, waiting for someone else: %1</source>
        <translation>；本人发起、待他人审批：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Assessment</source>
        <translation>资信评估</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Limit change</source>
        <translation>额度变更</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Scorecard version</source>
        <translation>评分卡版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, version %2</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your own request: you cannot decide it yourself (four-eyes rule).</source>
        <translation>本人发起的申请：不能由本人审批（四眼原则）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommended limit</source>
        <translation>建议额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current limit → requested limit</source>
        <translation>当前额度 → 申请额度</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>You saved this scorecard version: another manager or administrator must approve it (four-eyes rule).</source>
        <translation>此评分卡版本由您本人保存：须由另一位经理或管理员审批（四眼原则）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>View text…</source>
        <translation>查看全文…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scorecard&apos;s whole text, read-only</source>
        <translation>评分卡全文（只读）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scorecard %1, version %2</source>
        <translation>评分卡 %1（第 %2 版）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Assessment #%1</source>
        <translation>资信评估 #%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limit change #%1</source>
        <translation>额度变更 #%1</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+13"/>
        <location line="+4"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 version %2 (read-only)</source>
        <translation>%1 第 %2 版（只读）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A reason is optional when approving and required when rejecting; it is kept with the decision.</source>
        <translation>批准时理由选填，驳回时必填；理由随审批决定一并保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Above the recommended limit of %1: a reason is required. It is kept with the decision in the audit log.</source>
        <translation>高于建议额度 %1：必须填写理由，理由随审批决定记入审计日志。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommended limit: %1. A limit above it needs a reason.</source>
        <translation>建议额度：%1。批准额度高于建议额度时须填写理由。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Required: why approve above the recommendation</source>
        <translation>必填：为何高于建议额度批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>scorecard %1 version %2</source>
        <translation>评分卡 %1 第 %2 版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assessment #%1 of %2 %3</source>
        <translation>%2 %3 的资信评估 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limit change #%1 of %2 %3</source>
        <translation>%2 %3 的额度变更 #%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Approve %1 with grade %2 and a credit limit of %3 yuan? An approved assessment cannot be changed.</source>
        <translation>批准 %1，等级 %2，授信额度 %3 元？评估批准后不能再修改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approve %1?</source>
        <translation>批准 %1？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve %1? From then on it grades %2 customers; assessments already made keep the version they were made with.</source>
        <translation>批准%1？批准后它将用于%2客户的评级；已做的评估仍保留当时所用的版本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approve %1: a new credit limit of %2?</source>
        <translation>批准 %1：新授信额度 %2？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved: %1.</source>
        <translation>已批准：%1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rejected: %1.</source>
        <translation>已驳回：%1。</translation>
    </message>
</context>
<context>
    <name>AssessControls</name>
    <message>
        <location filename="../../custdesk/gui/grading/controls.py" line="+44"/>
        <source>Move the computed grade up (+) or down (−) by at most two notches; a reason is then required.</source>
        <extracomment>the assessor changed a choice (the tab re-checks its buttons)</extracomment>
        <translation>将计算等级上调（+）或下调（−），最多两级；调整时须填写理由。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason for the adjustment (required)</source>
        <translation>调整理由（必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scorecard:</source>
        <translation>评分卡：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustment (notches):</source>
        <translation>定性调整（级）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualitative factors</source>
        <translation>定性因子</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{title} (v{version})</source>
        <translation>{title}（第 {version} 版）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(not answered)</source>
        <translation>（未回答）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Up to {points} points</source>
        <translation>最高 {points} 分</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listed</source>
        <translation>非上市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listed</source>
        <translation>上市</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yuan, at the statement date</source>
        <translation>元，报表日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A listed manufacturer is scored with Altman&apos;s Z on the market value of its equity; without it the Altman factor scores its worst answer.</source>
        <translation>上市制造业企业按股权市值计算 Altman Z；未填市值时 Altman 因子按最低档计分。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listing:</source>
        <translation>上市情况：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market value of equity:</source>
        <translation>股权市值：</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../custdesk/gui/grading/breakdown.py" line="+142"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Points by dimension (earned / weight)</source>
        <translation>各维度得分（得分 / 权重）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No assessment to show.</source>
        <translation>没有可显示的评估。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recommended limit: {trace}</source>
        <translation>建议额度：{trace}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Score {score} · computed grade {computed} → final grade {grade} (adjusted {notches:+d} notches: {reason})</source>
        <translation>评分 {score} · 计算等级 {computed} → 最终等级 {grade}（调整 {notches:+d} 级：{reason}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Score {score} · grade {grade}</source>
        <translation>评分 {score} · 等级 {grade}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risk: {risk} · recommended limit {recommended} · approved limit {approved}</source>
        <translation>风险：{risk} · 建议额度 {recommended} · 批准额度 {approved}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{scorecard} v{version} · as of {as_of}, statements {period}</source>
        <translation>{scorecard} 第 {version} 版 · 评估日 {as_of}，报表期间 {period}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#{id} {status} · assessor {assessor}</source>
        <translation>#{id} {status} · 评估人 {assessor}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>decided by {user} on {date}</source>
        <translation>{user} 于 {date} 审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, valid until {date}</source>
        <translation>，有效期至 {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>: {reason}</source>
        <translation>：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The points add up to {total}; a score is kept within 0–100.</source>
        <translation>各项得分合计 {total}；评分限定在 0–100 之间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ Missing: {factor}: {why} ({scored})</source>
        <translation>⚠ 数据缺失：{factor}：{why}（{scored}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessor&apos;s reason for the missing inputs: {reason}</source>
        <translation>评估人对缺失数据的说明：{reason}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Altman model: {text}</source>
        <translation>Altman 模型：{text}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Inputs read from the file are masked (your clearance is below the file&apos;s statements or records).</source>
        <translation>取自档案的数据已遮蔽（您的保密级别低于该档案财务报表或信用记录的级别）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Statements: {problem}</source>
        <translation>⚠ 财务报表：{problem}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../custdesk/gui/audit_page.py" line="+109"/>
        <source>Audit log</source>
        <extracomment>entries fetched at a time (the table asks for the next page at its end) how long typing in the customer box must pause before the query runs a date box at this date means &quot;no bound&quot; (shown as the box&apos;s special text) a query&apos;s first page is on screen an export finished: its result ({&quot;entries&quot;, &quot;path&quot;})</extracomment>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write every entry matching the filters to an Excel or CSV file (the export is logged)</source>
        <translation>把符合筛选条件的全部记录写入 Excel 或 CSV 文件（导出会记入审计日志）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All operations</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Customer code or name</source>
        <translation>客户编号或名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+11"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>%1 entries</source>
        <extracomment>the widest a column grows to fit its texts (the details column takes the rest)</extracomment>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 entries (scroll for more)</source>
        <translation>已显示 %1 条，共 %2 条（向下滚动显示更多）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>audit-log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 entries written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../custdesk/gui/backup_settings.py" line="+41"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Back up now…</source>
        <extracomment>what the last restore did (``RestoreResult``) the backup folder, retention and the backup on exit: for those who manage settings</extracomment>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backups made by hand are kept until someone deletes them; automatic ones follow the rule above.</source>
        <translation>手动备份一直保留，直到有人删除；自动备份按上面的规则保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backups made by hand are kept until someone deletes them; automatic ones are thinned out by the rule a manager sets.</source>
        <translation>手动备份一直保留，直到有人删除；自动备份按经理设定的规则保留。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by</source>
        <translation>备份人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only backups made by hand can be deleted: your own, or anyone&apos;s for a manager.</source>
        <translation>只能删除手动备份：自己做的；经理和管理员可删除任何人的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back up when custdesk closes</source>
        <translation>退出程序时自动备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily backups kept</source>
        <translation>保留每日备份（份）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly backups kept</source>
        <translation>保留每周备份（份）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s automatic backups kept</source>
        <translation>保留今日自动备份（份）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Its kind, maker or label was changed outside custdesk</source>
        <translation>类型、备份人或备注在 custdesk 以外被改动过</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A note on this backup, to find it again (optional), e.g. “before trying the new import”:</source>
        <translation>为这份备份写个备注，便于以后找到（可不填），例如“试用新的导入之前”：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>OK</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a backup first.</source>
        <translation>请先选择一份备份。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete backup</source>
        <translation>删除备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the backup made by hand %1 by %2? It cannot be undone.</source>
        <translation>删除 %2 于 %1 手动做的备份？删除后无法恢复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted %1.</source>
        <translation>已删除 %1 的备份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is intact: checksum, pages, structure and audit chain.</source>
        <translation>%1 完好：校验和、加密页、结构与审计链均通过检查。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Replace the database with the backup made %1? The current database is kept beside it under another name. Everyone else must close custdesk first.</source>
        <translation>用 %1 的备份替换当前数据库？当前数据库会改名保存在旁边。请先让其他人关闭 custdesk。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your current password:</source>
        <translation>您当前的密码：</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Nothing was restored.</source>
        <translation>未恢复任何内容。</translation>
    </message>
</context>
<context>
    <name>BadRateChart</name>
    <message>
        <location filename="../../custdesk/gui/grading/validation_charts.py" line="+50"/>
        <source>Observed bad rate</source>
        <translation>实际不良率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected</source>
        <translation>预计不良率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of order</source>
        <translation>排序异常</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No figures yet.</source>
        <translation>尚无数据。</translation>
    </message>
</context>
<context>
    <name>BasicForm</name>
    <message>
        <location filename="../../custdesk/gui/editor/form.py" line="+44"/>
        <source>Loading…</source>
        <extracomment>the Reveal button of a masked field was pressed: its key masked fields above the user&apos;s clearance: never revealed, may be replaced locked fields the user chose to type a new value into</extracomment>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a new value without seeing the stored one (it is kept at its level; afterwards you see its mask)</source>
        <translation>输入新值以替换原值，原值不会显示（新值按其密级加密保存，保存后您只能看到掩码）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Above your clearance</source>
        <translation>高于您的密级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the full value (you give a reason; it is logged)</source>
        <translation>显示完整内容（需填写理由，并记入审计日志）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Above your clearance: shown by its mask only</source>
        <translation>高于您的密级：仅显示掩码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new value replaces the stored one when you save</source>
        <translation>保存时以新值替换原值</translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <location filename="../../custdesk/gui/reports/batch.py" line="+71"/>
        <location line="+28"/>
        <location line="+79"/>
        <source>Export customer reports</source>
        <extracomment>failures listed one by one in the summary; the rest are counted (done, total, code): emitted on the database thread, delivered on the UI thread the batch ended (a BatchResult), or could not start (None; ``error`` says why)</extracomment>
        <translation>导出客户报告</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Folder for the reports</source>
        <translation>选择保存报告的文件夹</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preparing the reports…</source>
        <translation>正在准备报告…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelling after the current file…</source>
        <translation>当前文件完成后取消…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporting %1 (%2 of %3)…</source>
        <translation>正在导出 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n report(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 份报告写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled: the remaining files were not exported.</source>
        <translation>已取消：其余客户未导出。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) could not be exported:</source>
        <translation>
            <numerusform>%n 个客户无法导出：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>… and %1 more.</source>
        <translation>……另有 %1 个。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../custdesk/gui/passwords.py" line="+161"/>
        <source>Choose your own password</source>
        <translation>设定您自己的密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You logged in with a one-time password that an administrator gave you. Choose your own password now: only you will know it. custdesk opens once it is saved.</source>
        <translation>您使用的是管理员给您的一次性密码。请现在设定您自己的密码，只有您本人知道。保存后即进入 custdesk。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save password</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="-132"/>
        <source>Where are the customer files kept?</source>
        <extracomment>print_document(parent, document) -&gt; whether it was printed (tests inject their own)</extracomment>
        <translation>客户档案存放在哪里？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PC</source>
        <translation>本机数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new encrypted database on this computer, for one PC. You create it now and become its administrator.</source>
        <translation>在这台电脑上新建一个加密数据库，供一台电脑使用。现在创建，您将成为它的管理员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office database</source>
        <translation>办公室数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The firm&apos;s database on the office&apos;s PostgreSQL server, shared by several PCs. Nothing is created here: you give its address and log in with the user name and password your administrator gave you.</source>
        <translation>公司放在办公室 PostgreSQL 服务器上的数据库，多台电脑共用。这里不新建任何东西：填写它的地址，然后用管理员给您的用户名和密码登录。</translation>
    </message>
</context>
<context>
    <name>ConversionReportDialog</name>
    <message>
        <location filename="../../custdesk/gui/conversion_report.py" line="+52"/>
        <source>Database converted: new passwords and recovery key</source>
        <translation>数据库已转换：新密码与恢复密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database was made by an older custdesk and has just been converted: each confidentiality level now has keys of its own. Nobody&apos;s old password works any more. Give each user below their one-time password in person (not by e-mail or chat); they choose their own at their first login. This is shown only now.</source>
        <translation>此数据库由旧版 custdesk 建立，现已完成转换：每个保密级别都有了各自的密钥。所有人的旧密码均已失效。请将下列一次性密码当面交给各用户（不要通过邮件或聊天工具发送），他们首次登录时设定自己的密码。以下内容仅显示这一次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No other user needs a one-time password.</source>
        <translation>没有其他用户需要一次性密码。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The old recovery key no longer works. Keep this one locked away from the computer, with the root key fingerprint written beside it.</source>
        <translation>旧的恢复密钥已失效。请将新的恢复密钥与根密钥指纹一并抄写，锁存于远离电脑的地方。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New recovery key:</source>
        <translation>新的恢复密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root key fingerprint:</source>
        <translation>根密钥指纹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled, because they were cleared to “public” only and a key to this database opens everything at “internal”: %1. Add them again with at least “internal” clearance if they still need custdesk.</source>
        <translation>以下用户仅有“公开”密级，而本数据库的密钥可读取全部“内部”资料，因此已被停用：%1。如仍需使用 custdesk，请以至少“内部”密级重新添加。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database as it was before the conversion is kept at: %1</source>
        <translation>转换前的数据库副本保存在：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as text file…</source>
        <translation>另存为文本文件…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I have written these down (or printed them) and will hand them out</source>
        <translation>我已抄写（或打印）以上内容，并将交给各用户</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>custdesk — database converted: one-time passwords and recovery key</source>
        <translation>custdesk — 数据库已转换：一次性密码与恢复密钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Converted on: %1</source>
        <translation>转换日期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One-time passwords (each user chooses their own at first login):</source>
        <translation>一次性密码（各用户首次登录时设定自己的密码）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New recovery key: %1</source>
        <translation>新的恢复密钥：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root key fingerprint: %1</source>
        <translation>根密钥指纹：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled (cleared to “public” only): %1</source>
        <translation>已停用（仅有“公开”密级）：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy made before the conversion: %1</source>
        <translation>转换前的副本：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copied. Paste it only where nobody else can read it.</source>
        <translation>已复制。请只粘贴到他人无法读取的地方。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custdesk-new-passwords.txt</source>
        <translation>custdesk-新密码.txt</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the one-time passwords and recovery key</source>
        <translation>保存一次性密码与恢复密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1. Delete the file once the passwords are handed out and the recovery key is locked away.</source>
        <translation>已保存到 %1。密码交付、恢复密钥锁存之后，请删除此文件。</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+147"/>
        <source>Creating the database</source>
        <translation>正在创建数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating the encrypted database…</source>
        <translation>正在创建加密数据库…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The database has been created.</source>
        <translation>数据库已创建。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database could not be created:</source>
        <translation>无法创建数据库：</translation>
    </message>
</context>
<context>
    <name>CreditStrip</name>
    <message>
        <location filename="../../custdesk/gui/grading/standing.py" line="+52"/>
        <source>Grade</source>
        <translation>资信等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secured</source>
        <translation>已担保部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure</source>
        <translation>敞口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsecured</source>
        <translation>未担保部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation</source>
        <translation>额度使用率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The effective cover of the guarantees and collateral in force (each item&apos;s value less its haircut), counted against the credit limit and at most the limit</source>
        <translation>在押担保与抵押物的有效担保额（各项价值扣除折扣率后），计入授信额度，以授信额度为限</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Request limit change…</source>
        <translation>申请调整额度…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not graded</source>
        <translation>未评级</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <location filename="../../custdesk/gui/grading/validation_charts.py" line="+92"/>
        <source>ROC curve · AUC %1</source>
        <translation>ROC 曲线 · AUC %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KS curve · KS %1</source>
        <translation>KS 曲线 · KS %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No figures yet.</source>
        <translation>尚无数据。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Across: share of goods; up: share of bads (lowest scores first)</source>
        <translation>横轴：好客户累计占比；纵轴：不良客户累计占比（从最低分起）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>score %1</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bads below the score</source>
        <translation>该分数以下的不良客户占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods below the score</source>
        <translation>该分数以下的好客户占比</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <location filename="../../custdesk/gui/editor/window.py" line="+100"/>
        <source>Basic information</source>
        <extracomment>a save succeeded (and the form shows what was stored): the file&apos;s code the title (&quot;*&quot; first when there are unsaved changes) changed the file&apos;s values arrived from the database</extracomment>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credit, litigation, outcomes</source>
        <translation>信用 / 涉诉 / 不良结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collateral</source>
        <translation>担保与抵押</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit grading</source>
        <translation>资信评级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews and warnings</source>
        <translation>复审与预警</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents</source>
        <translation>文件资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Revert</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Undo every unsaved change (Esc)</source>
        <translation>撤销所有未保存的更改（Esc）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make this file&apos;s credit audit report to preview, save or print (Ctrl+Shift+R)</source>
        <translation>生成本档案的客户资信审核报告，可预览、保存或打印（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>New individual</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New enterprise</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>未保存任何内容：请更正标红的字段。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message}

Reload the file now? What you typed here is not kept: note it first if you need it.</source>
        <translation>{message}

现在重新载入这份档案吗？您在这里输入的内容不会保留：如有需要，请先记下。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keep this value?</source>
        <translation>保留此值？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problems}

If you have checked it and it is right (the original document or the customer says so), give a reason to keep it (recorded with the file and in the audit log):</source>
        <translation>{problems}

如果已核对无误（证件原件或客户确认如此），请说明保留理由（将随客户档案一并记录，并记入审计日志）：</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} has unsaved changes. Save them before closing?</source>
        <translation>“{title}”有未保存的更改。关闭前是否保存？</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The report shows the file as saved: unsaved changes are not in it.</source>
        <translation>报告按已保存的档案生成：未保存的更改不在其中。</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <location filename="../../custdesk/gui/customers/list_page.py" line="+197"/>
        <source>Name, pinyin initials, code or phone tail  (Ctrl+F)</source>
        <extracomment>the most rows one query puts on screen; beyond it the count says &quot;first N of M&quot; how long typing must pause before the query runs the newest query&apos;s rows are on screen</extracomment>
        <translation>名称、拼音首字母、客户编号或电话尾号（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type any part of a name, its pinyin initials (zw) or full pinyin, a customer code or number, or the last digits of a phone number</source>
        <translation>可输入名称的任意部分、拼音首字母（如 zw）或全拼、客户编号或号码，或电话号码的最后几位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All tiers</source>
        <translation>全部客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>全部保密级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any credit standing</source>
        <translation>全部授信状态</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidentiality level</source>
        <translation>保密级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit grade</source>
        <translation>资信等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only files whose credit is on hold (over the limit, grade expired or review long overdue)</source>
        <translation>只显示授信冻结的客户（超出额度、评级过期或复审逾期过久）</translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>First %1 of %Ln customers: type more to narrow the list</source>
        <translation>
            <numerusform>共 %Ln 位客户，仅显示前 %1 位：请继续输入以缩小范围</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 customer</source>
        <translation>1 位客户</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open file</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export reports of the selected customers…</source>
        <translation>导出所选客户报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export data of the selected customers…</source>
        <translation>导出所选客户的资料…</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../custdesk/gui/customers/model.py" line="+70"/>
        <source>Code</source>
        <extracomment>the model&apos;s columns, left to right (&quot;used&quot;: exposure as a share of the limit; &quot;hold&quot;: the credit-hold marker)</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>保密级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>负责专员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit hold</source>
        <translation>授信冻结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exposure (open invoices) as a share of the credit limit</source>
        <translation>应收余额（未结发票）占授信额度的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit on hold: over the limit, grade expired or review long overdue</source>
        <translation>授信冻结：超出授信额度、评级已过期或复审逾期过久</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/review_dialogs.py" line="+132"/>
        <source>Review cycle</source>
        <translation>复审周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review this file on a cycle of its own instead of its risk level&apos;s; the reason is kept with the file.</source>
        <translation>本档案按单独设定的周期复审，不再按风险等级；理由随档案保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set cycle</source>
        <translation>设定周期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the risk level (%1)</source>
        <translation>按风险等级（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not graded yet</source>
        <translation>尚未评级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Own cycle:</source>
        <translation>单独周期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../custdesk/gui/grading/scorecard_decision.py" line="+77"/>
        <source>%1 version %2</source>
        <translation>%1 第 %2 版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved by %1 on %2.</source>
        <translation>由 %1 于 %2 保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approve scorecard</source>
        <translation>批准评分卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve %1?</source>
        <translation>批准 %1？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve %1? Once approved it grades %2 customers; assessments already made keep the version they were made with.</source>
        <translation>批准 %1？批准后它将用于%2客户的评级；已做的评估仍保留当时所用的版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason (optional):</source>
        <translation>理由（可选）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject scorecard</source>
        <translation>否决评分卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject %1? A rejected version never grades anyone; the author may save a new version.</source>
        <translation>否决 %1？被否决的版本不会用于任何评级；保存者可另存新版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kept with the decision in the audit log</source>
        <translation>与决定一并记入审计日志</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or press Ctrl+Enter in the reason</source>
        <translation>也可在理由框中按 Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>DecisionFacts</name>
    <message>
        <location filename="../../custdesk/gui/grading/approval_context.py" line="+102"/>
        <source>Credit standing and open warnings</source>
        <translation>授信状况与未关闭预警</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current limit:</source>
        <translation>当前额度：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exposure:</source>
        <translation>应收余额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation (current limit):</source>
        <translation>使用率（当前额度）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation (proposed limit):</source>
        <translation>使用率（拟批额度）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit hold:</source>
        <translation>授信冻结：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was found</source>
        <translation>预警内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised on</source>
        <translation>触发日期</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Open warnings:</source>
        <translation>未关闭预警：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>none (not yet granted)</source>
        <translation>无（尚未授信）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 of %2</source>
        <translation>%1（拟批额度 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open warnings: %1</source>
        <translation>未关闭预警：%1 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open warnings: none</source>
        <translation>未关闭预警：无</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../custdesk/gui/editor/document_viewer.py" line="+51"/>
        <source>Open in another program…</source>
        <translation>用其他程序打开…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a copy into custdesk&apos;s private folder and open it with the system&apos;s program (to print it, say). The copy is deleted when custdesk closes.</source>
        <translation>将副本写入 custdesk 的私有文件夹，并用系统程序打开（例如用于打印）。custdesk 关闭时删除该副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/documents_tab.py" line="+91"/>
        <source>Add file…</source>
        <extracomment>a document was written out for viewing: its temporary path a document is shown from memory: the viewer files written for viewing by this tab: deleted when it closes</extracomment>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{kb:,.1f} KB</source>
        <translation>{kb:,.1f} KB</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add a document</source>
        <translation>添加文件资料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add {name}</source>
        <translation>添加“{name}”</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot write the file for viewing: {error}</source>
        <translation>无法写出文件以供查看：{error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete document</source>
        <translation>删除文件资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {name} from this file?</source>
        <translation>要从本客户档案中删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/review_dialogs.py" line="-61"/>
        <location line="+3"/>
        <source>Review done</source>
        <extracomment>the user pressed OK with everything required filled in: the values</extracomment>
        <translation>复审完成</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The review due on %1 is done without a new assessment: the next cycle starts today. What did you check?</source>
        <translation>%1 到期的复审已完成，无需重新评级：下一个复审周期从今天开始。请说明复审了哪些内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review note:</source>
        <translation>复审意见：</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../custdesk/gui/export_dialog.py" line="+54"/>
        <source>Export customer data</source>
        <extracomment>which files an export writes</extracomment>
        <translation>导出客户资料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>customers</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Files to export</source>
        <translation>导出哪些档案</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list has no search or filter: it shows every file.</source>
        <translation>列表未设搜索或筛选条件：显示的就是全部档案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No row is selected in the list.</source>
        <translation>列表中未选中任何行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show in full (masked otherwise)</source>
        <translation>完整显示（否则脱敏）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Why the full values must leave the program</source>
        <translation>说明为何需要导出完整信息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the files your clearance allows are exported. The export is recorded in the audit log.</source>
        <translation>只导出您的密级权限可见的档案。本次导出将记入审计日志。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All the files you may see (%1)</source>
        <translation>您可查看的全部档案（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All the files you may see</source>
        <translation>您可查看的全部档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files the list shows (%1)</source>
        <translation>列表当前显示的档案（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The files the list shows</source>
        <translation>列表当前显示的档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected rows (%1)</source>
        <translation>列表中选中的行（%1）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Above your clearance</source>
        <translation>超出您的密级权限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CSV: one row per customer file.</source>
        <translation>CSV：每个客户档案一行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel: the customer files and one sheet per kind of record (statements, transactions, credit records…).</source>
        <translation>Excel：客户档案，以及每类记录一个工作表（财务报表、交易、信用记录…）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file name must end in .csv or .xlsx.</source>
        <translation>文件名须以 .csv 或 .xlsx 结尾。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 customer files and %2 records written to %3.</source>
        <translation>已将 %1 个客户档案和 %2 条记录写入 %3。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../custdesk/gui/importing/wizard.py" line="+76"/>
        <location line="+29"/>
        <source>File</source>
        <extracomment>QSettings key of the folder last imported from rows of the file read for the preview problems listed in the wizard (the report file has them all) what each target changes, so the window refreshes those areas</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Choose what to import and the CSV or Excel (.xlsx) file. CSV files in UTF-8 or GBK/GB18030 are recognised.</source>
        <translation>选择导入内容和 CSV 或 Excel（.xlsx）文件。可识别 UTF-8 或 GBK/GB18030 编码的 CSV 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer files (individuals and enterprises)</source>
        <translation>客户档案（个人和企业）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Financial statements</source>
        <translation>财务报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions (invoices and payments)</source>
        <translation>交易记录（发票和收款）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Path of the file</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>表格文件 (*.csv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FinancialsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/financials_tab.py" line="+76"/>
        <source>Add period…</source>
        <extracomment>a save finished: whether everything was stored</extracomment>
        <translation>添加期间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Current ratio</source>
        <translation>流动比率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Debt ratio</source>
        <translation>资产负债率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net margin</source>
        <translation>净利率</translation>
    </message>
    <message>
        <location line="+82"/>
        <location line="+9"/>
        <source>Above your clearance</source>
        <translation>高于您的密级</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Add period</source>
        <translation>添加期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period (YYYY, YYYY-MM or YYYY-Q1…Q4):</source>
        <translation>期间（YYYY、YYYY-MM 或 YYYY-Q1…Q4）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is already a column for {period}.</source>
        <translation>已有 {period} 期间的数据列。</translation>
    </message>
</context>
<context>
    <name>GradeHistoryChart</name>
    <message>
        <location filename="../../custdesk/gui/grading/history_chart.py" line="+47"/>
        <source>No approved grade yet.</source>
        <translation>尚无已批准的评级。</translation>
    </message>
</context>
<context>
    <name>GradingTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/grading_tab.py" line="+101"/>
        <location line="+10"/>
        <source>Assess</source>
        <extracomment>everything arrived from the database (tests and the editor wait on it) the file&apos;s credit standing (``desk.grading.credit``): the editor shows the hold marker</extracomment>
        <translation>评估</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Score the file now and keep the result as your draft (Ctrl+Enter)</source>
        <translation>按档案现状评分，结果保存为您的草稿（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Send your draft to a reviewer (Ctrl+Shift+Enter)</source>
        <translation>将草稿提交审核员审批（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+267"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Why are inputs missing? (required to submit this draft)</source>
        <translation>为何缺少数据？（提交此草稿前必填）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>New assessment</source>
        <translation>资信评估</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assessments</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade history</source>
        <translation>评级历史</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No assessment yet.</source>
        <translation>尚无评估。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Your role may view assessments but not make them.</source>
        <translation>您的角色可以查看评估，但不能发起评估。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your draft #{id} was scored without: {missing}. Each scores its worst bin; give the reason above to submit it.</source>
        <translation>您的草稿 #{id} 缺少：{missing}。缺失项均按最低档计分；请在上方填写原因后提交。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your draft #{id}: Assess scores it again with these choices; submit it when it is right.</source>
        <translation>您的草稿 #{id}：点“评估”将按当前选项重新评分；确认无误后提交审批。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessment #{id} by {user} is {status}: a new one can be made once it is decided or discarded.</source>
        <translation>{user} 发起的评估 #{id} {status}：审批完成或放弃后才能发起新评估。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no scorecard for this kind of customer.</source>
        <translation>没有适用于此类客户的评分卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assess scores the file as it is now and keeps the result as a draft.</source>
        <translation>点“评估”将按档案现状评分，结果保存为草稿。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Draft #{id} scored again.</source>
        <translation>草稿 #{id} 已重新评分。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assessed: the result is kept as your draft.</source>
        <translation>评估完成：结果已保存为您的草稿。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assessment #{id} submitted for approval.</source>
        <translation>评估 #{id} 已提交审批。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Discard draft assessment #{id}? This cannot be undone.</source>
        <translation>放弃评估草稿 #{id}？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft #{id} discarded.</source>
        <translation>草稿 #{id} 已放弃。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Limit change requested: a reviewer decides it.</source>
        <translation>已申请调整额度，待审核员审批。</translation>
    </message>
</context>
<context>
    <name>HistoryFileBox</name>
    <message>
        <location filename="../../custdesk/gui/grading/history_file.py" line="+48"/>
        <source>Tables (%1);;All files (*)</source>
        <extracomment>column names that usually hold the outcome (chosen first when the file has one)</extracomment>
        <translation>表格 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A CSV or XLSX file, one row per past customer</source>
        <extracomment>the file was read (or could not be): the choice changed a file could not be read: the message</extracomment>
        <translation>CSV 或 XLSX 文件，每行一个以往的客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Which value of the outcome column means bad. Read by itself when the column holds 1/0, 是/否, 违约/正常 or bad/good.</source>
        <translation>结果列中哪个取值表示不良。结果列为 1/0、是/否、违约/正常 等常见写法时可自动识别。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The column dating each row: the latest fifth is held out to measure the new version on a later period.</source>
        <translation>标明每行日期的列：最近的五分之一留作时间外样本，检验新版本在较晚时期的表现。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outcome column</source>
        <translation>结果列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad when</source>
        <translation>不良取值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date column</source>
        <translation>日期列</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>History of outcomes</source>
        <translation>历史结果文件</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(found by itself)</source>
        <translation>（自动识别）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(read by itself)</source>
        <translation>（自动识别）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2 行）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Which value of the column %1 means bad? Choose it under Bad when.</source>
        <translation>结果列 %1 中哪个取值表示不良？请在“不良取值”中选择。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/history_tab.py" line="+28"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../custdesk/gui/home_page.py" line="+93"/>
        <source>Today</source>
        <extracomment>a file should be opened (double-click, Enter, Open file) on the part that brought the user: (code, &quot;reviews&quot; or &quot;warning&quot;, the warning&apos;s id or None) overdue reviews plus red warnings (the navigation shows it) the counts of the newest read: overdue, due_soon, hold, red, orange, yellow the sections show the newest read (tests wait on it)</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+245"/>
        <source>Handle warning…</source>
        <translation>处置预警…</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+243"/>
        <source>Open file</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Export calendar…</source>
        <translation>导出日历…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the reviews due within %1 days as an iCalendar file (code and grade only)</source>
        <translation>将 %1 天内到期的复审保存为 iCalendar 日历文件（仅含编号和资信等级）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+3"/>
        <source>Grade</source>
        <translation>资信等级</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Credit</source>
        <translation>授信</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due in</source>
        <translation>距到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised on</source>
        <translation>触发日期</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Overdue reviews (%1)</source>
        <translation>逾期复审（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviews due within %1 days (%2)</source>
        <translation>%1 天内到期的复审（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open warnings (%1): red %2 · orange %3 · yellow %4</source>
        <translation>待处理预警（%1）：红色 %2 · 橙色 %3 · 黄色 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No review is overdue.</source>
        <translation>没有逾期的复审。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No review falls due in the next %1 days.</source>
        <translation>未来 %1 天内没有到期的复审。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No open warnings.</source>
        <translation>没有待处理的预警。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Showing the first %1 of %2.</source>
        <translation>共 %2 条，仅显示前 %1 条。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unrated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Export review calendar</source>
        <translation>导出复审日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1 reviews due within %2 days to %3.</source>
        <translation>已将 %2 天内到期的 %1 项复审保存到 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 reviews due within %2 days to %3; the %4 overdue ones are on today, marked overdue.</source>
        <translation>已将 %2 天内到期的 %1 项复审保存到 %3；其中已逾期的 %4 项放在今天，并标为逾期。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../custdesk/gui/importing/wizard.py" line="+138"/>
        <location line="+103"/>
        <source>Import</source>
        <extracomment>(phase, done, total): sent from the database thread, shown on the UI thread</extracomment>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing %1 of %2 rows…</source>
        <translation>正在写入第 %1 行，共 %2 行…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows checked…</source>
        <translation>已检查 %1 行…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 rows: %2 new, %3 updated, %4 invalid, %5 duplicates.</source>
        <translation>共 %1 行：新增 %2，更新 %3，无效 %4，重复 %5。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check only: nothing was imported.</source>
        <translation>仅检查：未导入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the file stands, it would not be imported: correct the rows below, or choose to skip invalid rows.</source>
        <translation>按文件现状将不会导入：请更正下列各行，或选择跳过无效行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was imported:</source>
        <translation>未导入任何内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rows are invalid or duplicates. Correct them in the file, or choose to skip invalid rows.</source>
        <translation>有 %1 行无效或重复。请在文件中更正，或选择跳过无效行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New customer codes %1 to %2.</source>
        <translation>新客户编号 %1 至 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of these rows draw warnings only (a doubtful ID region or check digit, a phone number outside the numbering plan; shown in orange): once checked, type a reason in the field above to keep those values.</source>
        <translation>其中 %1 行只有提醒（身份证地区码或校验码存疑、号码不在已分配号段内，以橙色显示）：核实无误后，在上方填写理由即可保留这些值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns kept in each file&apos;s notes: %1</source>
        <translation>各档案备注中保存的列：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns left out: %1</source>
        <translation>未导入的列：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 problems are listed; the error report has all %2.</source>
        <translation>此处列出前 %1 个问题；错误报告包含全部 %2 个。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>LicencesTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/documents_tab.py" line="-182"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
</context>
<context>
    <name>LimitChangeView</name>
    <message>
        <location filename="../../custdesk/gui/grading/approval_detail.py" line="+68"/>
        <source>Grade:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested limit:</source>
        <translation>申请额度：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested by:</source>
        <translation>申请人：</translation>
    </message>
</context>
<context>
    <name>LimitDialog</name>
    <message>
        <location filename="../../custdesk/gui/grading/standing.py" line="+43"/>
        <source>Request a limit change</source>
        <translation>申请调整授信额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current limit: {limit}. A reviewer or manager other than you decides the request.</source>
        <translation>当前额度：{limit}。申请须由您以外的审核员或经理审批。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 150,000</source>
        <translation>例如 150,000</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New limit (yuan):</source>
        <translation>新额度（元）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../custdesk/gui/idle_lock.py" line="+163"/>
        <source>Locked</source>
        <extracomment>events that mean a person is at the keyboard or mouse someone else wants to log in (&quot;Switch user…&quot;): the session ends, the login shows</extracomment>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The window was locked because it was not used for a while. Enter your password to continue.</source>
        <translation>窗口因一段时间未使用已自动锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log this user out and log in as someone else, without quitting custdesk</source>
        <translation>注销当前用户并以其他用户登录，无需退出 custdesk</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You locked the window. Enter your password to continue.</source>
        <translation>窗口已由您手动锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The password could not be checked: %1</source>
        <translation>无法验证密码：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../custdesk/gui/login.py" line="+171"/>
        <location line="+35"/>
        <source>Log in</source>
        <extracomment>QSettings group of the user last logged in, one entry per database prints the conversion report (the system print dialog; tests put their own) the dialogs shown after the password was accepted, while they are open</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore the newest good backup…</source>
        <translation>恢复最新的完好备份…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Demo database — users and passwords:</source>
        <translation>演示数据库——用户名和密码：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Read only</source>
        <translation>只能查看</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Logged out. Log in again with the one-time password when you are ready to choose your own.</source>
        <translation>已退出登录。准备好设定自己的密码时，请再次用一次性密码登录。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The database could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <location filename="../../custdesk/gui/app.py" line="+181"/>
        <location filename="../../custdesk/gui/login.py" line="+7"/>
        <source>The database file is damaged and cannot be used as it is.</source>
        <extracomment>what ``_main_window`` returns when the background check found the file damaged</extracomment>
        <translation>数据库文件已损坏，无法照常使用。</translation>
    </message>
    <message>
        <location filename="../../custdesk/gui/login.py" line="-84"/>
        <location line="+98"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Enter your user name and your current password (an administrator&apos;s).</source>
        <translation>请输入用户名及您当前的密码（须为管理员）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace the damaged database with the backup %1? The damaged files are kept beside it under another name.</source>
        <translation>用备份 %1 替换已损坏的数据库？损坏的文件会改名保存在旁边。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>You may try again now.</source>
        <translation>现在可以重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../custdesk/gui/main_window.py" line="+58"/>
        <source>custdesk — Customer credit files</source>
        <extracomment>the user asked to lock the window now the user asked to log out and let someone else log in (session.Sessions) the user gave an office database&apos;s address to log in to instead (session.Sessions)</extracomment>
        <translation>custdesk — 客户资信档案台</translation>
    </message>
    <message>
        <location filename="../../custdesk/gui/app.py" line="+96"/>
        <location filename="../../custdesk/gui/main_window.py" line="+13"/>
        <location line="+64"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../custdesk/gui/main_window.py" line="-56"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+41"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Validation</source>
        <translation>模型验证</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Approvals (%1)</source>
        <translation>审批（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today (%1)</source>
        <translation>今日（%1）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New individual customer</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New enterprise customer</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export customer data…</source>
        <translation>导出客户资料…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to office database…</source>
        <translation>连接办公室数据库…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About custdesk</source>
        <translation>关于 custdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearance: %1</source>
        <translation>密级权限：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>New individual</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New enterprise</source>
        <translation>新建企业客户</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../custdesk/gui/importing/mapping_page.py" line="+34"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check which field each column of the file gives. Columns set to “not imported” are left out.</source>
        <translation>核对文件中每一列对应的字段。设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From headers</source>
        <translation>按表头识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the columns by their headers again</source>
        <translation>重新按表头识别各列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved mappings:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sample values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Preview of the first rows:</source>
        <translation>前几行预览：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+90"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The saved mapping “%1” was made for files like this one and has been applied.</source>
        <translation>已保存的映射“%1”适用于此类文件，已自动套用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mapping “%1” applied.</source>
        <translation>已套用映射“%1”。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+6"/>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Name of the mapping (e.g. the bank or program the file comes from):</source>
        <translation>映射名称（例如文件来自的银行或软件）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A mapping named “%1” exists. Replace it?</source>
        <translation>已有名为“%1”的映射。要替换吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete mapping</source>
        <translation>删除映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the saved mapping “%1”?</source>
        <translation>删除已保存的映射“%1”？</translation>
    </message>
</context>
<context>
    <name>OfficeAddressDialog</name>
    <message>
        <location filename="../../custdesk/gui/office_address.py" line="+249"/>
        <source>Connect to office database</source>
        <translation>连接办公室数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The firm&apos;s files on the office&apos;s PostgreSQL server. Ask your administrator for its address; you then log in with your own user name and password.</source>
        <translation>公司的档案在办公室的 PostgreSQL 服务器上。请向管理员询问它的地址；之后用您自己的用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>OfficeAddressForm</name>
    <message>
        <location line="-141"/>
        <source>e.g. 192.168.1.20 or server.firm.local</source>
        <extracomment>QSettings key of the office database chosen last (an address without a password)</extracomment>
        <translation>例如 192.168.1.20 或 server.firm.local</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>as the administrator named it, e.g. firm</source>
        <translation>管理员所起的名称，例如 firm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the server&apos;s certificate (verify-full)</source>
        <translation>验证服务器证书 (verify-full)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA certificate file (.crt, .pem)</source>
        <translation>CA 证书文件（.crt、.pem）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database name:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter the server&apos;s name or IP address.</source>
        <translation>请输入服务器的名称或 IP 地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A server name has no spaces and none of / ? # @ [ ] \.</source>
        <translation>服务器名称不能含空格，也不能含 / ? # @ [ ] \。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port is a number from 1 to 65535 (usually 5432).</source>
        <translation>端口是 1 到 65535 之间的数字（通常为 5432）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the database&apos;s name.</source>
        <translation>请输入数据库名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the CA certificate that signed the server&apos;s certificate.</source>
        <translation>请选择签发服务器证书的 CA 证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no file at %1.</source>
        <translation>%1 处没有文件。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="-182"/>
        <source>The office database</source>
        <translation>办公室数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask your administrator for the server&apos;s address. After this you log in with your own user name and password.</source>
        <translation>请向管理员询问服务器的地址。之后用您自己的用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to login</source>
        <translation>去登录</translation>
    </message>
</context>
<context>
    <name>OutcomeSettingsBox</name>
    <message>
        <location filename="../../custdesk/gui/outcome_settings.py" line="+50"/>
        <source>Bad outcomes</source>
        <translation>不良结果认定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Outcome window after a grade</source>
        <translation>评级后观察期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad when past due by at least</source>
        <translation>逾期认定天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A graded customer counts as bad when a bad outcome comes within this many months after the grade, and as good when the whole window has passed without one.</source>
        <translation>评级后在观察期内发生不良结果的客户计为不良；整个观察期内未发生不良结果的计为正常。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Managers and administrators change these.</source>
        <translation>由经理或管理员修改。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Saved: the firm&apos;s outcomes are counted by these from now on.</source>
        <translation>已保存：此后本公司的不良结果按此认定统计。</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../custdesk/gui/passwords.py" line="-130"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a password of your own, not the one you were given.</source>
        <translation>请设定您自己的密码，不能沿用发给您的一次性密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>At least 8 characters. Several unrelated words are easy to remember and hard to guess.</source>
        <translation>至少 8 个字符。几个互不相关的词既好记又难猜。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Strong enough. Type it again below.</source>
        <translation>强度足够。请在下方再输入一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strong enough.</source>
        <translation>强度足够。</translation>
    </message>
</context>
<context>
    <name>PrivacyButton</name>
    <message>
        <location filename="../../custdesk/gui/editor/privacy_actions.py" line="+86"/>
        <source>Personal information</source>
        <extracomment>a message for the editor&apos;s message line: (text, is_error)</extracomment>
        <translation>个人信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests under the personal information law: a copy of what is held, or erasure</source>
        <translation>个人信息保护法下的请求：提供所持信息副本，或删除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export everything held (ZIP)…</source>
        <translation>导出所持全部信息（ZIP）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase personal information…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everything held about %1 — the file unmasked, its records, documents and credit report — is written to one ZIP file for the person who asked. Why?</source>
        <translation>将 %1 的全部信息（未脱敏的档案、各项记录、文件和资信报告）写入一个 ZIP 文件，交给提出请求的本人。理由是？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP 文件 (*.zip)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written to %1: the data, %2 documents and report %3.</source>
        <translation>已写入 %1：数据、%2 个文件和报告 %3。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;This cannot be undone.&lt;/b&gt; The name of %1 is replaced; identity numbers, contacts, documents and notes are removed. Grades, limits, statements and transactions are kept. The erasure is recorded in the audit log.</source>
        <translation>&lt;b&gt;此操作无法撤销。&lt;/b&gt;%1 的姓名将被替换，证件号码、联系人、文件和备注将被删除；等级、额度、财务报表和交易记录保留。删除操作将记入审计日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The personal information of %1 was erased.</source>
        <translation>%1 的个人信息已删除。</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location line="-121"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the code %1 to confirm</source>
        <translation>输入编号 %1 以确认</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../custdesk/gui/translation.py" line="+36"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-2"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../custdesk/gui/grading/approval_detail.py" line="-37"/>
        <location line="+11"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Why is %1 rejected? The reason is kept with the decision.</source>
        <translation>为何驳回 %1？理由将随审批结果一并保存。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/record_dialog.py" line="+51"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/records_tab.py" line="+43"/>
        <source>Add…</source>
        <extracomment>rows arrived from the database (tests and the editor wait on it)</extracomment>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+37"/>
        <location line="+2"/>
        <source>Above your clearance</source>
        <translation>高于您的密级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reveal the records before editing them</source>
        <translation>请先显示记录，再进行编辑</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New record: {kind}</source>
        <translation>新建记录：{kind}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit record: {kind}</source>
        <translation>编辑记录：{kind}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this record from {kind}? This cannot be undone (the audit log keeps what it was).</source>
        <translation>要从{kind}中删除这条记录吗？此操作无法撤销（审计日志会保留其原有内容）。</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+192"/>
        <location line="+64"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>If every administrator password is lost, this key is the only way back into the database. It is shown only now. Print it or save it, and keep it locked away from this computer: whoever holds it can open the database.</source>
        <translation>如果所有管理员密码都已丢失，此密钥是重新进入数据库的唯一途径。它只在此刻显示一次。请将其打印或保存，并与这台电脑分开锁存：任何持有此密钥的人都能打开数据库。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as text file…</source>
        <translation>另存为文本文件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I have printed or saved the recovery key and will keep it safe</source>
        <translation>我已打印或保存恢复密钥，并会妥善保管</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Root key fingerprint (write it beside the recovery key): %1</source>
        <translation>根密钥指纹（请抄写在恢复密钥旁）：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Firm</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root key fingerprint</source>
        <translation>根密钥指纹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With this key, a new password can be set for a user of this database when the password is lost (command: custdesk recover --user NAME). Whoever holds the key can open the database: keep it locked away, apart from the computer.</source>
        <translation>用户忘记密码时，可凭此密钥为该数据库的用户设置新密码（命令：custdesk recover --user 用户名）。任何持有此密钥的人都能打开数据库：请将其锁存，并与电脑分开存放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The root key fingerprint names the firm&apos;s key that every user&apos;s account trusts; custdesk shows it under Help › About custdesk. If it ever shows another, the keys were replaced: ask for help.</source>
        <translation>根密钥指纹标识本单位的根密钥，每个用户的账户都信任它；custdesk 在“帮助 › 关于 custdesk”中显示它。如果哪天显示的指纹不同，说明密钥已被替换，请寻求帮助。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+9"/>
        <source>custdesk — database recovery key</source>
        <translation>custdesk — 数据库恢复密钥</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recovery key was sent to the printer.</source>
        <translation>恢复密钥已发送到打印机。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custdesk-recovery-key.txt</source>
        <translation>custdesk-恢复密钥.txt</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>RefitDialog</name>
    <message>
        <location filename="../../custdesk/gui/grading/refit_dialog.py" line="+52"/>
        <source>Re-fit scorecard</source>
        <extracomment>a version was saved: its ``name@version`` a fit ended, saved or refused (tests wait on it)</extracomment>
        <translation>重建评分卡</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The firm&apos;s grades and outcomes</source>
        <translation>本公司的评级与结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History file</source>
        <translation>历史文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Each graded file whose outcome is known, with the inputs it was graded on.</source>
        <translation>每个结果已知的已评级档案，连同评级时所用的输入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new name, or the name of your own scorecard</source>
        <translation>新名称，或您自己的评分卡的名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit and save</source>
        <translation>拟合并保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new version is saved at once and grades no one until a second manager approves it.</source>
        <translation>新版本立即保存，在另一位经理批准之前不用于任何评级。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit on</source>
        <translation>拟合数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcomes</source>
        <translation>结果来源</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Characteristic · bin</source>
        <translation>特征 · 分箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IV</source>
        <translation>IV 值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bad</source>
        <translation>不良数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad rate</source>
        <translation>不良率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WoE</source>
        <translation>WoE 值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was left out</source>
        <translation>未采用的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new version beside the version in use</source>
        <translation>新版本与现用版本对比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Characteristics, strongest first</source>
        <translation>特征（按区分力从强到弱）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out</source>
        <translation>未采用的列</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>The firm&apos;s own outcomes are too few to fit on yet: choose History file and a file of past customers.</source>
        <translation>本公司已知的结果还太少，暂不能据此拟合：请选择“历史文件”，用以往客户的文件拟合。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It waits for a second manager&apos;s approval on the Approvals page or in Settings › Scorecards.</source>
        <translation>已保存 %1 第 %2 版，用 %5 的 %3 行（不良 %4 行）拟合。它等待另一位经理于“审批”页或“设置 › 评分卡”中审批。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It now waits for a second manager: it grades no one until another manager approves it on the Approvals page or in Settings › Scorecards.</source>
        <translation>已保存 %1 第 %2 版，用 %5 的 %3 行（不良 %4 行）拟合。它现在等待另一位经理审批：在另一位经理于“审批”页或“设置 › 评分卡”中批准之前，不用于任何评级。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New %1: cross-validation (%2 folds)</source>
        <translation>新版本 %1：交叉验证（%2 折）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New: later period</source>
        <translation>新版本：时间外样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New: later period %1 – %2</source>
        <translation>新版本：时间外样本 %1 至 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use: %1 (same rows)</source>
        <translation>现用版本 %1（同一批数据）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gini</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No later period: the rows are not dated, or the latest fifth holds too few bads.</source>
        <translation>没有时间外样本：数据没有日期列，或最近五分之一的数据中不良太少。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Later period: fitted on the earlier rows, measured on the latest %1 rows (%2 bad).</source>
        <translation>时间外样本：用较早的数据拟合，在最近的 %1 行（不良 %2 行）上检验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The version in use could not score these rows: %1</source>
        <translation>现用版本无法为这些数据评分：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The version in use reads %1, which these rows lack: scored as missing, its figures understate it.</source>
        <translation>现用版本读取的 %1 在这些数据中没有：按缺失计分，其指标偏低。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The version in use was fitted on outcomes: if on these same rows, its figures are in-sample and flatter it.</source>
        <translation>现用版本本身由结果数据拟合：如果用的正是这批数据，其指标属于样本内，会偏高。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <location filename="../../custdesk/gui/reports/options.py" line="+34"/>
        <source>Language</source>
        <extracomment>file levels whose reports carry the reader&apos;s name as a watermark and may be encrypted</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave empty for no password</source>
        <translation>留空则不设密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports of confidential and secret files carry a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</source>
        <translation>秘密和机密档案的报告每页都印有带您姓名的水印。设置密码后，须输入密码才能打开 PDF：请将密码与文件分开保管。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is %1: the report carries a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</source>
        <translation>本档案为%1级：报告每页都印有带您姓名的水印。设置密码后，须输入密码才能打开 PDF：请将密码与文件分开保管。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Make report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../custdesk/gui/reports/preview.py" line="+64"/>
        <source>SHA-256 of the PDF: %1</source>
        <extracomment>pages are printed at the printer&apos;s resolution, but not finer than this (memory: an A4 page at 1200 dpi would be a 550 MB image) the report was written to this path</extracomment>
        <translation>PDF 的 SHA-256：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the report as a PDF file (Ctrl+S)</source>
        <translation>将报告保存为 PDF 文件（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the report (Ctrl+P)</source>
        <translation>打印报告（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>页面宽度适合窗口（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The preview is not available on this computer (Qt&apos;s PDF module is missing). Save the report and open it with a PDF reader.</source>
        <translation>本机无法预览（缺少 Qt 的 PDF 模块）。请保存报告后用 PDF 阅读器打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing needs the preview: save the report and print it from a PDF reader.</source>
        <translation>打印需要预览功能：请保存报告后在 PDF 阅读器中打印。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Report No. %1</source>
        <translation>报告编号 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 %1…</source>
        <translation>SHA-256 值 %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The preview cannot open this PDF (it is encrypted: open the saved file with its password).</source>
        <translation>预览无法打开此 PDF（文件已加密：请保存后用密码打开）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The preview cannot open this PDF. Save it and open it with a PDF reader.</source>
        <translation>预览无法打开此 PDF。请保存后用 PDF 阅读器打开。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The chosen pages are not in this report.</source>
        <translation>所选页码不在本报告中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../custdesk/gui/reports/reports_page.py" line="+66"/>
        <source>Reports</source>
        <extracomment>exports listed in the register a preview was opened (tests wait on it): the ReportPreview the register shows the newest read a verification finished: its result dict</extracomment>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Make a report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Counts and exposure by grade and risk, the largest exposures, open warnings</source>
        <translation>按评级和风险统计户数与敞口、最大敞口客户、未关闭的预警</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Whole log</source>
        <translation>全部日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+115"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Code, e.g. C000001</source>
        <translation>编号，如 C000001</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the whole audit log needs the audit permission (managers, administrators, auditors)</source>
        <translation>查看全部审计日志需要审计权限（经理、管理员、审计员）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Preview…</source>
        <translation>生成并预览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the report (it is numbered and registered) and open its preview, to save or print it</source>
        <translation>生成报告（编号并登记）并打开预览，可保存或打印</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer reports in a batch</source>
        <translation>批量导出客户报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer codes, e.g. C000001, C000002</source>
        <translation>客户编号，如 C000001, C000002</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files I can see</source>
        <translation>我可见的全部档案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to a folder…</source>
        <translation>导出到文件夹…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One customer credit audit report per file, named by report number and code. Select files in the customer list and use its context menu to export those.</source>
        <translation>每个档案一份客户资信审核报告，以报告编号和客户编号命名。也可在客户列表中选择档案，用右键菜单导出。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Registered exports</source>
        <translation>已登记的导出报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify a file…</source>
        <translation>验证文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check whether a PDF is an unaltered report exported from this database</source>
        <translation>检查一个 PDF 是否为本数据库导出且未被改动的报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Report No.</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SHA-256 of the PDF: %1</source>
        <translation>PDF 的 SHA-256：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The newest %1 exports</source>
        <translation>最近 %1 份导出</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n 份导出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Type the code of the customer whose audit trail you want.</source>
        <translation>请输入要查看审计记录的客户编号。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Verify a report file</source>
        <translation>验证报告文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>SHA-256 of the file: %1</source>
        <translation>文件的 SHA-256：%1</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <location filename="../../custdesk/gui/retention_settings.py" line="+25"/>
        <source>Personal information retention</source>
        <translation>个人信息保存期限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed files kept after closing</source>
        <translation>已结清档案在结清后保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative records kept after they ended</source>
        <translation>不良记录在结束后保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purge…</source>
        <translation>清除…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Closed individuals&apos; files are erased (the aggregates stay); closed enterprises lose their contact persons; negative credit records and litigation are deleted.</source>
        <translation>已结清的个人档案将删除个人信息（汇总数据保留）；已结清的企业档案将删除联系人；不良信用记录和涉诉记录将被删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed or ended</source>
        <translation>结清或结束日期</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>File: personal information erased</source>
        <translation>档案：删除个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: contact persons removed</source>
        <translation>档案：删除联系人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>On %1: %2 files and %3 records would be purged (closed before %4; ended before %5).</source>
        <translation>截至 %1：将清除 %2 个档案和 %3 条记录（%4 之前结清；%5 之前结束）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credit record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Litigation</source>
        <translation>涉诉记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purge</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purge %1 files and %2 records as listed? This cannot be undone.</source>
        <translation>按所列清除 %1 个档案和 %2 条记录？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/reveal.py" line="+18"/>
        <source>Reveal sensitive data</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why do you need to see {what}? Your reason is recorded in the audit log.</source>
        <translation>为什么需要查看{what}？您填写的理由将记入审计日志。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. verifying identity for a loan application</source>
        <translation>例如：授信审查时核实申请人身份</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>ReviewSettingsBox</name>
    <message>
        <location filename="../../custdesk/gui/review_settings.py" line="+41"/>
        <source>Reviews and warnings</source>
        <extracomment>the stored values are on screen (tests wait on it)</extracomment>
        <translation>复审与预警</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review cycle, high risk</source>
        <translation>复审周期（高风险）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review cycle, medium risk</source>
        <translation>复审周期（中风险）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review cycle, low risk</source>
        <translation>复审周期（低风险）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First grading of a new file within</source>
        <translation>新建档案首次评级期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review after a red warning within</source>
        <translation>红色预警后复审期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put off by at most</source>
        <translation>每次最多推迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put off at most (then managers only)</source>
        <translation>最多推迟次数（超出须经理操作）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold credit when a review is overdue by more than</source>
        <translation>复审逾期超过此天数即冻结授信</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Warning rules in use:</source>
        <translation>启用的预警规则：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Saved: every file&apos;s next review follows the new cycles.</source>
        <translation>已保存：所有档案的下次复审日期已按新周期重新计算。</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/reviews_tab.py" line="+66"/>
        <source>Review</source>
        <extracomment>everything arrived from the database (tests wait on it)</extracomment>
        <translation>复审</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Next review:</source>
        <translation>下次复审：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle:</source>
        <translation>复审周期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put off:</source>
        <translation>已推迟：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review done…</source>
        <translation>复审完成…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed, no change: write what you checked; the next cycle starts today</source>
        <translation>已复审、无变化：写明复审内容；下一个周期从今天开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put off…</source>
        <translation>推迟…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the due date later, with a reason</source>
        <translation>推迟到期日（须说明理由）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set own cycle…</source>
        <translation>设定单独周期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give this file a review cycle of its own (managers)</source>
        <translation>为本档案单独设定复审周期（经理）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due before</source>
        <translation>原到期日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due after</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review history</source>
        <translation>复审记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facts</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised on</source>
        <translation>触发日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closing note</source>
        <translation>关闭说明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Handle warning…</source>
        <translation>处置预警…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not graded yet: first grading within %1 days of opening the file</source>
        <translation>尚未评级：建档后 %1 天内完成首次评级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, this file&apos;s own (%2)</source>
        <translation>%1，本档案单独设定（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, by risk level (%2)</source>
        <translation>%1，按风险等级（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 times</source>
        <translation>%1 / %2 次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (until %1)</source>
        <translation> （至 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review done</source>
        <translation>复审完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assessment approved</source>
        <translation>评级获批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put off</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brought forward by a warning</source>
        <translation>预警触发提前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle changed</source>
        <translation>调整周期</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Warnings (open: %1, all: %2)</source>
        <translation>预警（待处理 %1，共 %2）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Your role may view reviews but not complete or put them off.</source>
        <translation>您的角色可以查看复审，但不能完成或推迟复审。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put off %1 times already: only a manager may put it off again.</source>
        <translation>本周期已推迟 %1 次：再次推迟须由经理操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A reviewer or manager marks a review done; you may put it off with a reason.</source>
        <translation>复审完成须由审核员或经理确认；您可以说明理由后推迟。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Review recorded: the next cycle starts today.</source>
        <translation>已记录复审：下一个周期从今天开始。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Review put off.</source>
        <translation>复审已推迟。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Review cycle changed.</source>
        <translation>复审周期已调整。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../custdesk/gui/importing/wizard.py" line="-270"/>
        <source>Check and import</source>
        <translation>检查与导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every row is checked as if it had been typed in. By default a file with any invalid row is not imported at all.</source>
        <translation>每一行都按手工录入的规则检查。默认情况下，只要有一行无效，整个文件都不会导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import only if every row is valid</source>
        <translation>全部有效才导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the valid rows and skip the others</source>
        <translation>导入有效行，跳过其余各行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update existing files and records instead of reporting them as duplicates</source>
        <translation>更新已有的档案和记录，而不是作为重复报告</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason for keeping values that only draw a warning (leave empty to refuse them)</source>
        <translation>保留只有警告的值的理由（留空则不导入这些行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ID number whose region or check digit is doubtful, a phone number outside the numbering plan: with a reason here they are kept, and the reason is recorded in each file and in the log.</source>
        <translation>身份证号的地区码或校验位存疑、电话号码不在号段内：在此填写理由即保留这些值，理由记入每份档案和审计日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the whole file without importing anything</source>
        <translation>检查整个文件，不导入任何内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message>
        <location filename="../../custdesk/gui/grading/scorecard_dialog.py" line="+42"/>
        <source>Read-only: copy a scorecard to change it.</source>
        <translation>只读：如需修改，请复制评分卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the copy, then Check and Save. The comments in the text explain each part; name and version at the top say what is saved: a new name starts at version 1, a new version of your own scorecard takes the next number.</source>
        <translation>修改副本后，先检查再保存。文本中的注释说明了各部分的含义；开头的 name 和 version 决定保存为哪张评分卡：新名称从版本 1 开始，自建评分卡的新版本取下一个版本号。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No problems found in %1 version %2.</source>
        <translation>%1 版本 %2 未发现问题。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 problem(s): the scorecard was not saved.</source>
        <translation>发现 %1 个问题：评分卡未保存。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scorecard text has changes that are not saved. Discard them?</source>
        <translation>评分卡文本有尚未保存的更改。要放弃这些更改吗？</translation>
    </message>
</context>
<context>
    <name>ScorecardVersionView</name>
    <message>
        <location filename="../../custdesk/gui/grading/scorecard_decision.py" line="+37"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer kind:</source>
        <translation>客户类型：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved by:</source>
        <translation>保存人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grading until decided:</source>
        <translation>审批前用于评级：</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: no version of this scorecard may grade yet</source>
        <translation>无：此评分卡尚无可用于评级的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole text (a new scorecard):</source>
        <translation>全文（新评分卡）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes from version %1 (- removed, + added):</source>
        <translation>与第 %1 版相比的改动（- 删除，+ 新增）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is the same as the version before.</source>
        <translation>内容与上一版本相同。</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <location filename="../../custdesk/gui/session.py" line="+151"/>
        <source>Switch user</source>
        <extracomment>the database: a file&apos;s Path or an office database&apos;s address the login shown after a switch, while it is open</extracomment>
        <translation>切换用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes in %2 open file(s). Switching user discards them. Switch anyway?</source>
        <translation>%1 有 %2 个打开的档案尚未保存。切换用户将放弃这些更改。仍要切换吗？</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 has logged out. Log in to %2 with your user name and password for it.</source>
        <translation>%1 已退出。请用您在 %2 的用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has logged out. The next user logs in here.</source>
        <translation>%1 已注销。请下一位用户在此登录。</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../custdesk/gui/passwords.py" line="+19"/>
        <source>Change your password</source>
        <translation>修改您的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a password for %1</source>
        <translation>为 %1 设定密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password for your account.</source>
        <translation>请为您的账户设定新密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a one-time password: give it to %1 in person. They must choose their own password when they next log in, and %1 gets new keys: anything they could read before stays readable to them.</source>
        <translation>这是一次性密码：请当面交给 %1。其下次登录时必须设定自己的密码；%1 将获得新的密钥，原来能读取的资料仍可读取。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set password</source>
        <translation>设定密码</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../custdesk/gui/settings_page.py" line="+63"/>
        <source>Settings</source>
        <extracomment>a sentence (or a clause leading into what follows) ends with one of these</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after idle</source>
        <translation>闲置后自动锁定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The new language applies the next time custdesk starts.</source>
        <translation>新的界面语言将在下次启动 custdesk 时生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sensitive fields: clearance needed to reveal</source>
        <translation>敏感字段：显示所需的密级权限</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scorecards</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy and edit…</source>
        <translation>复制并编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New version…</source>
        <translation>新版本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>否决…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built-in scorecards are not changed: copy one to make your own.</source>
        <translation>内置评分卡不能修改：请复制一份，作为本公司自己的评分卡。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Four eyes: a version waiting for approval is decided by a manager or administrator other than the one who saved it.</source>
        <translation>四眼原则：待审批的版本须由保存者以外的经理或管理员审批。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is shipped with the program.</source>
        <translation>%1随程序发布。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was saved by %2 on %3 and waits for a second manager&apos;s approval.</source>
        <translation>%1由 %2 于 %3 保存，等待另一位经理审批。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was rejected by %2 on %3: %4</source>
        <translation>%1已由 %2 于 %3 否决：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was approved by %2 on %3.</source>
        <translation>%1已由 %2 于 %3 批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is approved.</source>
        <translation>%1已批准。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Until then version %1 grades.</source>
        <translation>在此之前由第 %1 版评级。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No version of it grades anyone yet.</source>
        <translation>目前没有可用于评级的版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1 grades.</source>
        <translation>由第 %1 版评级。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No version of it grades anyone.</source>
        <translation>没有可用于评级的版本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a scorecard first.</source>
        <translation>请先选择一张评分卡。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>You saved it: another manager or administrator must approve or reject it.</source>
        <translation>此版本由您保存：须由另一位经理或管理员批准或否决。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 version %2 (read-only)</source>
        <translation>%1 版本 %2（只读）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy of %1</source>
        <translation>%1 的副本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, new version %2</source>
        <translation>%1 的新版本 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1 version %2.</source>
        <translation>已保存 %1 版本 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is now the default scorecard for %2 customers.</source>
        <translation>%1 现为%2客户的默认评分卡。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 version %2</source>
        <translation>%1 第 %2 版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved %1.</source>
        <translation>已批准 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved %1: it grades from now on.</source>
        <translation>已批准 %1：自现在起用于评级。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected %1.</source>
        <translation>已否决 %1。</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Latest version</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The latest version&apos;s status: a manager&apos;s new version grades no one until a second manager or administrator approves it.</source>
        <translation>最新版本的状态：经理保存的新版本须经另一位经理或管理员批准后才用于评级。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The version that grades: the latest built-in or approved one.</source>
        <translation>用于评级的版本：最新的内置或已批准版本。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+40"/>
        <source>Set up custdesk</source>
        <translation>初始设置 custdesk</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/review_dialogs.py" line="+10"/>
        <source>Put off the review</source>
        <translation>推迟复审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on %1. It can be put off until %2 at the latest; put off %3 of %4 times so far (after that only a manager may).</source>
        <translation>到期日 %1，最晚可推迟至 %2；本周期已推迟 %3 次，共可推迟 %4 次（超出后须由经理操作）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put off</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New due date:</source>
        <translation>新到期日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>StartupNotice</name>
    <message>
        <location filename="../../custdesk/gui/startup_notice.py" line="+68"/>
        <source>Overdue reviews: %1; open red warnings: %2. Click to open Today.</source>
        <extracomment>the notice was given: (text, &quot;tray&quot; or &quot;bar&quot;) — tests wait on it</extracomment>
        <translation>逾期复审 %1 项，待处理红色预警 %2 条。点击打开“今日”页面。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue reviews: %1; open red warnings: %2.</source>
        <translation>逾期复审 %1 项，待处理红色预警 %2 条。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>custdesk — needs attention today</source>
        <translation>custdesk — 今日待办提醒</translation>
    </message>
</context>
<context>
    <name>TransactionsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/transactions_tab.py" line="+54"/>
        <source>Exposure: {amount}</source>
        <translation>风险敞口：{amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not yet due or up to 30 days</source>
        <translation>未到期或逾期 30 天以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{range} days past due</source>
        <translation>逾期 {range} 天</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unapplied payments: {amount}</source>
        <translation>未核销收款：{amount}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../custdesk/gui/users_settings.py" line="+56"/>
        <source>Change user %1</source>
        <translation>修改用户 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+62"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>e.g. zhaolei (for logging in)</source>
        <translation>例如 zhaolei（登录时使用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Zhao Lei (shown in the window and on reports)</source>
        <translation>例如 赵磊（显示在窗口和报告中）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearance:</source>
        <translation>密级权限：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>They choose their own password at first login</source>
        <translation>首次登录时由本人设定自己的密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recommended: the password you set here is then a one-time password, and only they will know the one they choose.</source>
        <translation>建议勾选：此处设定的密码即为一次性密码，本人设定的新密码只有本人知道。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Lowering a clearance gives the levels above it new keys, which this user will not receive.</source>
        <translation>降低密级后，更高各级将换用新密钥，该用户不会获得。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Keeps customer files, grades customers and submits assessments; cannot approve them.</source>
        <translation>维护客户档案、进行资信评级并提交评估；不能审批。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approves or rejects submitted assessments and completes reviews; cannot change files.</source>
        <translation>审批或退回已提交的评估，完成复审；不能修改档案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keeps files, grades and approves (never their own grading), changes settings and reads the audit log.</source>
        <translation>维护档案、评级和审批（不能审批自己的评级），修改设置，查看审计日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything a manager does, and manages users.</source>
        <translation>拥有经理的全部权限，并管理用户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads files and the audit log; changes nothing.</source>
        <translation>查看档案和审计日志；不能做任何修改。</translation>
    </message>
</context>
<context>
    <name>UsersBox</name>
    <message>
        <location line="+42"/>
        <source>Users</source>
        <extracomment>older backups were re-encrypted (the backups list may show them anew)</extracomment>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set password…</source>
        <translation>设定密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a user first.</source>
        <translation>请先选择一位用户。</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 was added. Give them the password in person: it is a one-time password, and they choose their own at their first login.</source>
        <translation>已添加 %1。请当面交给其密码：这是一次性密码，首次登录时由本人设定自己的密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is disabled.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was changed.</source>
        <translation>已修改 %1。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has a one-time password now. Give it to them in person: they must choose their own at their next login.</source>
        <translation>%1 现在使用一次性密码。请当面交给本人：其下次登录时必须设定自己的密码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable %1? Their keys are taken away; they can no longer log in. The database gets a new key.</source>
        <translation>停用 %1？其密钥将被收回，无法再登录。数据库将换用新的密钥。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-encrypt older backups?</source>
        <translation>重新加密以前的备份？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups made before now still open with %1&apos;s old password. Re-encrypt them with the database&apos;s new key, so that old passwords no longer open them? This may take a while with many backups.</source>
        <translation>此前的备份仍可用 %1 的旧密码打开。是否用数据库的新密钥重新加密，使旧密码无法再打开它们？备份较多时可能需要一些时间。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was disabled. Older backups were not re-encrypted: they still open with the old passwords.</source>
        <translation>已停用 %1。以前的备份未重新加密，仍可用旧密码打开。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-encrypting older backups…</source>
        <translation>正在重新加密以前的备份…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Re-encrypting older backups… (%1 of %2)</source>
        <translation>正在重新加密以前的备份…（第 %1 份，共 %2 份）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Re-encrypted %1 older backups; %2 already used the current key.</source>
        <translation>已重新加密 %1 份以前的备份；%2 份本已使用当前密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be opened with the keys known here and still open with old passwords; delete them once you are sure you do not need them (or re-encrypt them on the command line with custdesk backup rekey): %2</source>
        <translation>有 %1 份备份无法用此处已知的密钥打开，仍可被旧密码读取；确认不再需要后请删除（或在命令行用 custdesk backup rekey 重新加密）：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The older backups were not re-encrypted: %1</source>
        <translation>以前的备份未能重新加密：%1</translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <location filename="../../custdesk/gui/grading/validation_page.py" line="+86"/>
        <source>Scorecard validation</source>
        <extracomment>the versions on offer were read (tests wait on it) a validation ended: shown, or its error shown the PDF was written: its path</extracomment>
        <translation>模型验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How well a scorecard version ranked what happened: on the firm&apos;s own outcomes or on a history file of past customers.</source>
        <translation>回测评分卡版本对实际结果的排序能力：使用本公司的结果，或以往客户的历史文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-fit scorecard…</source>
        <translation>重建评分卡…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The firm&apos;s outcomes</source>
        <translation>本公司结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History file</source>
        <translation>历史文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Optional: a second file of the same columns, for the population stability (PSI)</source>
        <translation>可选：列相同的另一个文件，用于计算人群稳定性（PSI）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare with</source>
        <translation>对比文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Validate</source>
        <translation>开始回测</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to validate</source>
        <translation>回测对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scorecard version</source>
        <translation>评分卡版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcomes</source>
        <translation>结果来源</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 (in use)</source>
        <translation>%1（现用）</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The firm&apos;s outcomes are not available in this database.</source>
        <translation>此数据库中没有本公司的结果数据。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Population to compare with</source>
        <translation>对比人群文件</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose the file and its outcome column.</source>
        <translation>请选择文件及其结果列。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Scorecard validation %1.pdf</source>
        <translation>评分卡验证报告 %1.pdf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ValidationView</name>
    <message>
        <location filename="../../custdesk/gui/grading/validation_results.py" line="+74"/>
        <location line="+20"/>
        <source>Rows</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+19"/>
        <source>Bad</source>
        <translation>不良数</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Gini</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bad rate</source>
        <translation>不良率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remark</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad rate by grade</source>
        <translation>各等级不良率</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ranking curve</source>
        <translation>排序曲线</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Grade migration over 12 months</source>
        <translation>12 个月等级迁移矩阵</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the figures mean</source>
        <translation>指标说明</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a scorecard version and the outcomes to validate it on, then Validate.</source>
        <translation>选择评分卡版本和用于回测的结果，然后点击“开始回测”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 not scored</source>
        <translation>%1 行无法评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad rate %1</source>
        <translation>不良率 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chance that a good customer scores above a bad one: 0.5 is chance, 1 a perfect split.</source>
        <translation>好客户得分高于不良客户的概率：0.5 为随机，1 为完全分开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The widest gap between the score distributions of goods and bads.</source>
        <translation>好客户与不良客户分数累计分布之间的最大差距。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not measured</source>
        <translation>未计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a comparison file to measure how far the population moved.</source>
        <translation>选择对比文件，以衡量人群的变化程度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The grades of the last 24 months do not cover both periods.</source>
        <translation>近 24 个月的评级不足以比较前后两期。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Out of order</source>
        <translation>排序异常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of order: below %1 (%2)</source>
        <translation>排序异常：低于 %1（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A better grade has a higher bad rate: the scorecard does not order risk here.</source>
        <translation>更好的等级反而有更高的不良率：评分卡在这里没有把风险排好序。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Highlighted: grades whose bad rate is below that of a better grade (grades with at least %1 rows are compared). There the scorecard does not order risk; check those grades&apos; cut-offs and the characteristics behind them.</source>
        <translation>标色的等级：不良率低于某个更好的等级（只比较至少 %1 行的等级）。评分卡在这些等级上没有把风险排好序，应检查这些等级的分数线及其背后的特征。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Then \ now</source>
        <translation>期初 \ 期末</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Each customer holding a grade on %1, by the grade held on %2: %3 customers. Left out: %4 already bad, %5 closed before the start.</source>
        <translation>%1 持有等级的每个客户在 %2 的等级：共 %3 户。未计入：期初已为不良 %4 户，期初前已关闭 %5 户。</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <location filename="../../custdesk/gui/warning_dialog.py" line="+76"/>
        <source>Warning #%1</source>
        <extracomment>a handling was stored: (code, action) the user asked to open the customer&apos;s file the warning on view is the newest read (tests wait on it)</extracomment>
        <translation>预警 #%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Severity:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised:</source>
        <translation>触发日期：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facts:</source>
        <translation>情况：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed:</source>
        <translation>关闭：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>What was found or done. Optional to acknowledge; required to record an action or to close.</source>
        <translation>核实情况或采取的措施。确认时可不填；记录措施或关闭预警时必须填写。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark the warning as seen; it stays open.</source>
        <translation>标记为已知悉；预警保持未关闭。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record action</source>
        <translation>记录措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write down what was done (a note is required); the warning stays open.</source>
        <translation>记录已采取的措施（须填写说明）；预警保持未关闭。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The matter is settled (a note is required). The same episode is not raised again.</source>
        <translation>事项已了结（须填写说明）。同一事项不会再次触发预警。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open file</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Mark as seen</source>
        <translation>确认已阅</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the warning</source>
        <translation>关闭预警</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close this window; the warning stays as it is.</source>
        <translation>关闭此窗口，预警保持原状。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handle this warning</source>
        <translation>处置此预警</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Handling history</source>
        <translation>处置记录</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This warning is no longer in your view.</source>
        <translation>您已无法查看此预警。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (yesterday)</source>
        <translation>%1（昨天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 days ago)</source>
        <translation>%1（%2 天前）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 by %2: %3</source>
        <translation>%1 由 %2 关闭：%3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action taken</source>
        <translation>采取措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your role may view warnings but not handle them.</source>
        <translation>您的角色可以查看预警，但不能处置。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action recorded.</source>
        <translation>已记录措施。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning closed.</source>
        <translation>预警已关闭。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="-347"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This assistant creates the encrypted database for your customer credit files and its first user, the administrator. It takes a minute.</source>
        <translation>本向导将为您的客户资信档案创建加密数据库及其第一位用户——管理员。只需一分钟。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. the name on the business licence</source>
        <translation>例如：营业执照上的名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database will be created at:</source>
        <translation>数据库将创建在：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Firm name:</source>
        <translation>单位名称：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../custdesk/gui/app.py" line="-210"/>
        <source>This database is already open in another custdesk window.</source>
        <translation>此数据库已在另一个 custdesk 窗口中打开。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Creating the demo database with sample customers…</source>
        <translation>正在创建含示例客户的演示数据库…</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location line="-271"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. Your saved data is safe; the last action may not have been completed. Please send the report below to your administrator.</source>
        <translation>程序出现错误。已保存的数据是安全的，但最后一步操作可能未完成。请将下面的报告发送给管理员。</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../custdesk/gui/reports/common.py" line="+31"/>
        <source>Chinese</source>
        <extracomment>report languages as core names them QSettings keys of the folders last used</extracomment>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <location filename="../../custdesk/gui/backup_settings.py" line="-25"/>
        <source>That password does not open this backup either.</source>
        <translation>该密码也无法打开此备份。</translation>
    </message>
    <message>
        <location filename="../../custdesk/gui/restoring.py" line="+33"/>
        <source>Restore backup</source>
        <extracomment>what a restore job returns when the backup needs the password as it was then</extracomment>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your current password does not open this backup: it was changed after the backup was made. Enter your password as it was then:</source>
        <translation>您当前的密码无法打开此备份：密码在备份之后修改过。请输入备份当时的密码：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These users were active in the backup but had been disabled before the restore; they were disabled again (with new keys): %1</source>
        <translation>以下用户在备份中仍在用，但恢复前已被停用，现已再次停用（并换用新密钥）：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passwords are as they were when the backup was made: yours is the one you gave for the backup.</source>
        <translation>各用户的密码恢复为备份当时的密码：您的密码即您为此备份输入的那个。</translation>
    </message>
</context>
</TS>
