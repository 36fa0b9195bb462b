<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+96"/>
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
    <name>AuditPage</name>
    <message>
        <location filename="../../custdesk/gui/audit_page.py" line="+19"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
</context>
<context>
    <name>BasicForm</name>
    <message>
        <location filename="../../custdesk/gui/editor/form.py" line="+34"/>
        <source>Loading…</source>
        <extracomment>the Reveal button of a masked field was pressed: its key</extracomment>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the full value (you give a reason; it is logged)</source>
        <translation>显示完整内容（需填写理由，并记入审计日志）</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+23"/>
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
        <location line="+47"/>
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
    <name>CustomerEditor</name>
    <message>
        <location filename="../../custdesk/gui/editor/window.py" line="+72"/>
        <source>Basic information</source>
        <extracomment>a save succeeded (and the form shows what was stored): the file&apos;s code the title (&quot;*&quot; first when there are unsaved changes) changed the file&apos;s values arrived from the database</extracomment>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents</source>
        <translation>文件资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+77"/>
        <source>New individual</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New enterprise</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was saved: please correct the fields marked in red.</source>
        <translation>未保存任何内容：请更正标红的字段。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep this value?</source>
        <translation>保留此值？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problems}

If the original document really reads like this, give a reason to keep it (recorded with the file and in the audit log):</source>
        <translation>{problems}

如果原始证件确实如此填写，请说明保留理由（将随客户档案一并记录，并记入审计日志）：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} has unsaved changes. Save them before closing?</source>
        <translation>“{title}”有未保存的更改。关闭前是否保存？</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <location filename="../../custdesk/gui/customers/list_page.py" line="+145"/>
        <source>Name, pinyin initials, code or phone tail  (Ctrl+F)</source>
        <extracomment>the most rows one query puts on screen; beyond it the count says &quot;first N of M&quot; how long typing must pause before the query runs the newest query&apos;s rows are on screen</extracomment>
        <translation>名称、拼音首字母、客户编号或电话尾号（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message numerus="yes">
        <location line="+67"/>
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
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../custdesk/gui/customers/model.py" line="+54"/>
        <source>Code</source>
        <extracomment>the model&apos;s columns, left to right</extracomment>
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
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/documents_tab.py" line="+83"/>
        <source>Add file…</source>
        <extracomment>a document was written out for viewing: its temporary path</extracomment>
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
        <location line="+36"/>
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
        <location line="+21"/>
        <source>Add a document</source>
        <translation>添加文件资料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add {name}</source>
        <translation>添加“{name}”</translation>
    </message>
    <message>
        <location line="+50"/>
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
    <name>FinancialsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/financials_tab.py" line="+72"/>
        <source>Add period…</source>
        <extracomment>a save finished: whether everything was stored</extracomment>
        <translation>添加期间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save statements</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+123"/>
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
    <name>HistoryTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/history_tab.py" line="+74"/>
        <source>Created the file</source>
        <translation>建立档案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revealed</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added a record</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited a record</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted a record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revealed records</source>
        <translation>显示记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added a document</source>
        <translation>添加文件资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened a document</source>
        <translation>打开文件资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted a document</source>
        <translation>删除文件资料</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>LicencesTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/documents_tab.py" line="-163"/>
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
    <name>LockOverlay</name>
    <message>
        <location filename="../../custdesk/gui/idle_lock.py" line="+158"/>
        <source>Locked</source>
        <extracomment>events that mean a person is at the keyboard or mouse</extracomment>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window was locked because it was not used for a while. Enter your password to continue.</source>
        <translation>窗口因一段时间未使用已自动锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+41"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location filename="../../custdesk/gui/login.py" line="+91"/>
        <location line="+27"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+13"/>
        <source>Demo database — users and passwords:</source>
        <translation>演示数据库——用户名和密码：</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+29"/>
        <source>The database could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You may try again now.</source>
        <translation>现在可以重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../custdesk/gui/main_window.py" line="+31"/>
        <source>custdesk — Customer credit files</source>
        <extracomment>the user asked to lock the window now</extracomment>
        <translation>custdesk — 客户资信档案台</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>About custdesk</source>
        <translation>关于 custdesk</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+12"/>
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
        <location line="+50"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>New individual</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New enterprise</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer credit files for small firms.</source>
        <translation>面向小微企业的客户资信档案管理程序。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../custdesk/gui/editor/record_dialog.py" line="+47"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../custdesk/gui/editor/records_tab.py" line="+41"/>
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
        <location line="+92"/>
        <source>Reveal the records before editing them</source>
        <translation>请先显示记录，再进行编辑</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New record: {kind}</source>
        <translation>新建记录：{kind}</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location filename="../../custdesk/gui/setup_wizard.py" line="+19"/>
        <location line="+52"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>If every administrator password is lost, this key is the only way back into the database. It is shown only now. Print it or save it, and keep it locked away from this computer: whoever holds it can open the database.</source>
        <translation>如果所有管理员密码都已丢失，此密钥是重新进入数据库的唯一途径。它只在此刻显示一次。请将其打印或保存，并与这台电脑分开锁存：任何持有此密钥的人都能打开数据库。</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+28"/>
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
        <location line="+5"/>
        <source>With this key, a new password can be set for a user of this database when the password is lost (command: custdesk recover --user NAME). Whoever holds the key can open the database: keep it locked away, apart from the computer.</source>
        <translation>用户忘记密码时，可凭此密钥为该数据库的用户设置新密码（命令：custdesk recover --user 用户名）。任何持有此密钥的人都能打开数据库：请将其锁存，并与电脑分开存放。</translation>
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
        <location line="+3"/>
        <source>custdesk-recovery-key.txt</source>
        <translation>custdesk-恢复密钥.txt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+10"/>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../../custdesk/gui/settings_page.py" line="+28"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after idle</source>
        <translation>闲置后自动锁定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new language applies the next time custdesk starts.</source>
        <translation>新的界面语言将在下次启动 custdesk 时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sensitive fields: clearance needed to reveal</source>
        <translation>敏感字段：显示所需的密级权限</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+47"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <location line="+13"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+64"/>
        <location line="+16"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role…</source>
        <translation>角色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearance…</source>
        <translation>密级权限…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a user first.</source>
        <translation>请先选择一位用户。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable %1? Their key is destroyed; they can no longer log in.</source>
        <translation>要停用 %1 吗？其密钥将被销毁，此后无法再登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="+18"/>
        <source>Set up custdesk</source>
        <translation>初始设置 custdesk</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finish</source>
        <translation>完成</translation>
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
        <location line="+5"/>
        <source>Unapplied payments: {amount}</source>
        <translation>未核销收款：{amount}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../custdesk/gui/setup_wizard.py" line="-310"/>
        <source>Welcome</source>
        <extracomment>print_document(parent, document) -&gt; whether it was printed (tests inject their own)</extracomment>
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
        <location filename="../../custdesk/gui/app.py" line="+51"/>
        <source>This database is already open in another custdesk window.</source>
        <translation>此数据库已在另一个 custdesk 窗口中打开。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Creating the demo database with sample customers…</source>
        <translation>正在创建含示例客户的演示数据库…</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location line="-52"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. Your saved data is safe; the last action may not have been completed. Please send the report below to your administrator.</source>
        <translation>程序出现错误。已保存的数据是安全的，但最后一步操作可能未完成。请将下面的报告发送给管理员。</translation>
    </message>
</context>
</TS>
