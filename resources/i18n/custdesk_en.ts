<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../custdesk/gui/about_dialog.py" line="+30" />
            <source>About custdesk</source>
            <translation>About custdesk</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Customer credit files for small firms.</source>
            <translation>Customer credit files for small firms.</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+1" />
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The firm's root key, which every user's account trusts. It should match the fingerprint written beside the recovery key.</source>
            <translation>The firm's root key, which every user's account trusts. It should match the fingerprint written beside the recovery key.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database:</source>
            <translation>Database:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schema version:</source>
            <translation>Schema version:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Root key fingerprint:</source>
            <translation>Root key fingerprint:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Built with:</source>
            <translation>Built with:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copy details</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <location line="+25" />
            <source>%1 (this program writes %2)</source>
            <translation>%1 (this program writes %2)</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="+164" />
            <source>Administrator account</source>
            <translation>Administrator account</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The administrator adds the other users and sets what each may see. Choose a password you will remember: it cannot be read back.</source>
            <translation>The administrator adds the other users and sets what each may see. Choose a password you will remember: it cannot be read back.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Full name:</source>
            <translation>Full name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Password again:</source>
            <translation>Password again:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Create database</source>
            <translation>Create database</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The two passwords differ.</source>
            <translation>The two passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <location filename="../../custdesk/gui/grading/approvals_page.py" line="+119" />
            <source>Approvals</source>
            <extracomment>a file should be opened (double-click, or the Open file button) how many items this user may decide (the navigation shows it) the queue on screen is the newest read (tests wait on it)</extracomment>
            <translation>Approvals</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Grade · score</source>
            <translation>Grade · score</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requested by</source>
            <translation>Requested by</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requested on</source>
            <translation>Requested on</translation>
        </message>
        <message>
            <location line="+253" />
            <source>This is your own request: another reviewer or manager must decide it (four-eyes rule).</source>
            <translation>This is your own request: another reviewer or manager must decide it (four-eyes rule).</translation>
        </message>
        <message>
            <location line="-206" />
            <source>Nothing waits for a decision.</source>
            <translation>Nothing waits for a decision.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Approved limit (yuan):</source>
            <translation>Approved limit (yuan):</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Defaults to the recommended limit; type another amount to approve a different one.</source>
            <translation>Defaults to the recommended limit; type another amount to approve a different one.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+373" />
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location line="-370" />
            <source>Reject…</source>
            <translation>Reject…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Return it to the assessor with a reason; they may assess the file again.</source>
            <translation>Return it to the assessor with a reason; they may assess the file again.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+145" />
            <source>Open file</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location line="-101" />
            <source>Waiting for your decision: %1</source>
            <translation>Waiting for your decision: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>; your own, waiting for someone else: %1</source>
            <translation>; your own, waiting for someone else: %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Assessment</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+4" />
            <source>Limit change</source>
            <translation>Limit change</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Scorecard version</source>
            <translation>Scorecard version</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1, version %2</source>
            <translation>%1, version %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Your own request: you cannot decide it yourself (four-eyes rule).</source>
            <translation>Your own request: you cannot decide it yourself (four-eyes rule).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Recommended limit</source>
            <translation>Recommended limit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current limit → requested limit</source>
            <translation>Current limit → requested limit</translation>
        </message>
        <message>
            <location line="+50" />
            <source>You saved this scorecard version: another manager or administrator must approve it (four-eyes rule).</source>
            <translation>You saved this scorecard version: another manager or administrator must approve it (four-eyes rule).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>View text…</source>
            <translation>View text…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The scorecard's whole text, read-only</source>
            <translation>The scorecard's whole text, read-only</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Scorecard %1, version %2</source>
            <translation>Scorecard %1, version %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Assessment #%1</source>
            <translation>Assessment #%1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Limit change #%1</source>
            <translation>Limit change #%1</translation>
        </message>
        <message>
            <location line="-7" />
            <location line="+13" />
            <location line="+4" />
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location line="+39" />
            <source>%1 version %2 (read-only)</source>
            <translation>%1 version %2 (read-only)</translation>
        </message>
        <message>
            <location line="+48" />
            <source>A reason is optional when approving and required when rejecting; it is kept with the decision.</source>
            <translation>A reason is optional when approving and required when rejecting; it is kept with the decision.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Above the recommended limit of %1: a reason is required. It is kept with the decision in the audit log.</source>
            <translation>Above the recommended limit of %1: a reason is required. It is kept with the decision in the audit log.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Recommended limit: %1. A limit above it needs a reason.</source>
            <translation>Recommended limit: %1. A limit above it needs a reason.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Required: why approve above the recommendation</source>
            <translation>Required: why approve above the recommendation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location line="+37" />
            <source>scorecard %1 version %2</source>
            <translation>scorecard %1 version %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>assessment #%1 of %2 %3</source>
            <translation>assessment #%1 of %2 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>limit change #%1 of %2 %3</source>
            <translation>limit change #%1 of %2 %3</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Approve %1 with grade %2 and a credit limit of %3 yuan? An approved assessment cannot be changed.</source>
            <translation>Approve %1 with grade %2 and a credit limit of %3 yuan? An approved assessment cannot be changed.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Approve %1?</source>
            <translation>Approve %1?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approve %1? From then on it grades %2 customers; assessments already made keep the version they were made with.</source>
            <translation>Approve %1? From then on it grades %2 customers; assessments already made keep the version they were made with.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Approve %1: a new credit limit of %2?</source>
            <translation>Approve %1: a new credit limit of %2?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reason: %1</source>
            <translation>Reason: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved: %1.</source>
            <translation>Approved: %1.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Rejected: %1.</source>
            <translation>Rejected: %1.</translation>
        </message>
    </context>
    <context>
        <name>AssessControls</name>
        <message>
            <location filename="../../custdesk/gui/grading/controls.py" line="+44" />
            <source>Move the computed grade up (+) or down (−) by at most two notches; a reason is then required.</source>
            <extracomment>the assessor changed a choice (the tab re-checks its buttons)</extracomment>
            <translation>Move the computed grade up (+) or down (−) by at most two notches; a reason is then required.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reason for the adjustment (required)</source>
            <translation>Reason for the adjustment (required)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Scorecard:</source>
            <translation>Scorecard:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adjustment (notches):</source>
            <translation>Adjustment (notches):</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Qualitative factors</source>
            <translation>Qualitative factors</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{title} (v{version})</source>
            <translation>{title} (v{version})</translation>
        </message>
        <message>
            <location line="+33" />
            <source>(not answered)</source>
            <translation>(not answered)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Up to {points} points</source>
            <translation>Up to {points} points</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not listed</source>
            <translation>Not listed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Listed</source>
            <translation>Listed</translation>
        </message>
        <message>
            <location line="+5" />
            <source>yuan, at the statement date</source>
            <translation>yuan, at the statement date</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A listed manufacturer is scored with Altman's Z on the market value of its equity; without it the Altman factor scores its worst answer.</source>
            <translation>A listed manufacturer is scored with Altman's Z on the market value of its equity; without it the Altman factor scores its worst answer.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Listing:</source>
            <translation>Listing:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Market value of equity:</source>
            <translation>Market value of equity:</translation>
        </message>
    </context>
    <context>
        <name>AssessmentView</name>
        <message>
            <location filename="../../custdesk/gui/grading/breakdown.py" line="+142" />
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Factor</source>
            <translation>Factor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Points by dimension (earned / weight)</source>
            <translation>Points by dimension (earned / weight)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No assessment to show.</source>
            <translation>No assessment to show.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Recommended limit: {trace}</source>
            <translation>Recommended limit: {trace}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Score {score} · computed grade {computed} → final grade {grade} (adjusted {notches:+d} notches: {reason})</source>
            <translation>Score {score} · computed grade {computed} → final grade {grade} (adjusted {notches:+d} notches: {reason})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Score {score} · grade {grade}</source>
            <translation>Score {score} · grade {grade}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Risk: {risk} · recommended limit {recommended} · approved limit {approved}</source>
            <translation>Risk: {risk} · recommended limit {recommended} · approved limit {approved}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{scorecard} v{version} · as of {as_of}, statements {period}</source>
            <translation>{scorecard} v{version} · as of {as_of}, statements {period}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>#{id} {status} · assessor {assessor}</source>
            <translation>#{id} {status} · assessor {assessor}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>decided by {user} on {date}</source>
            <translation>decided by {user} on {date}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>, valid until {date}</source>
            <translation>, valid until {date}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>: {reason}</source>
            <translation>: {reason}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The points add up to {total}; a score is kept within 0–100.</source>
            <translation>The points add up to {total}; a score is kept within 0–100.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>⚠ Missing: {factor}: {why} ({scored})</source>
            <translation>⚠ Missing: {factor}: {why} ({scored})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Assessor's reason for the missing inputs: {reason}</source>
            <translation>Assessor's reason for the missing inputs: {reason}</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Altman model: {text}</source>
            <translation>Altman model: {text}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Inputs read from the file are masked (your clearance is below the file's statements or records).</source>
            <translation>Inputs read from the file are masked (your clearance is below the file's statements or records).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>⚠ Statements: {problem}</source>
            <translation>⚠ Statements: {problem}</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <location filename="../../custdesk/gui/audit_page.py" line="+109" />
            <source>Audit log</source>
            <extracomment>entries fetched at a time (the table asks for the next page at its end) how long typing in the customer box must pause before the query runs a date box at this date means "no bound" (shown as the box's special text) a query's first page is on screen an export finished: its result ({"entries", "path"})</extracomment>
            <translation>Audit log</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Verify chain</source>
            <translation>Verify chain</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Write every entry matching the filters to an Excel or CSV file (the export is logged)</source>
            <translation>Write every entry matching the filters to an Excel or CSV file (the export is logged)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+13" />
            <source>All users</source>
            <translation>All users</translation>
        </message>
        <message>
            <location line="+4" />
            <source>All operations</source>
            <translation>All operations</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Customer code or name</source>
            <translation>Customer code or name</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Clear filters</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+11" />
            <source>Operation</source>
            <translation>Operation</translation>
        </message>
        <message>
            <location line="-10" />
            <location line="+10" />
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <location line="-9" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+11" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location line="+47" />
            <source>any day</source>
            <translation>any day</translation>
        </message>
        <message>
            <location line="+117" />
            <source>%1 entries</source>
            <extracomment>the widest a column grows to fit its texts (the details column takes the rest)</extracomment>
            <translation>%1 entries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 of %2 entries (scroll for more)</source>
            <translation>%1 of %2 entries (scroll for more)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>audit-log</source>
            <translation>audit-log</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export the audit log</source>
            <translation>Export the audit log</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 entries written to %2</source>
            <translation>%1 entries written to %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
    </context>
    <context>
        <name>BackupBox</name>
        <message>
            <location filename="../../custdesk/gui/backup_settings.py" line="+41" />
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Back up now…</source>
            <extracomment>what the last restore did (``RestoreResult``) the backup folder, retention and the backup on exit: for those who manage settings</extracomment>
            <translation>Back up now…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Backups made by hand are kept until someone deletes them; automatic ones follow the rule above.</source>
            <translation>Backups made by hand are kept until someone deletes them; automatic ones follow the rule above.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Backups made by hand are kept until someone deletes them; automatic ones are thinned out by the rule a manager sets.</source>
            <translation>Backups made by hand are kept until someone deletes them; automatic ones are thinned out by the rule a manager sets.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Made by</source>
            <translation>Made by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only backups made by hand can be deleted: your own, or anyone's for a manager.</source>
            <translation>Only backups made by hand can be deleted: your own, or anyone's for a manager.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open folder</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Back up when custdesk closes</source>
            <translation>Back up when custdesk closes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Daily backups kept</source>
            <translation>Daily backups kept</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Weekly backups kept</source>
            <translation>Weekly backups kept</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today's automatic backups kept</source>
            <translation>Today's automatic backups kept</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Back up now</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Its kind, maker or label was changed outside custdesk</source>
            <translation>Its kind, maker or label was changed outside custdesk</translation>
        </message>
        <message>
            <location line="-145" />
            <source>Made</source>
            <translation>Made</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Verify</source>
            <translation>Verify</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restore…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Backup folder</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>A note on this backup, to find it again (optional), e.g. “before trying the new import”:</source>
            <translation>A note on this backup, to find it again (optional), e.g. “before trying the new import”:</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Backed up to %1</source>
            <translation>Backed up to %1</translation>
        </message>
        <message>
            <location line="+23" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Select a backup first.</source>
            <translation>Select a backup first.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Delete backup</source>
            <translation>Delete backup</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the backup made by hand %1 by %2? It cannot be undone.</source>
            <translation>Delete the backup made by hand %1 by %2? It cannot be undone.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Deleted %1.</source>
            <translation>Deleted %1.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 is intact: checksum, pages, structure and audit chain.</source>
            <translation>%1 is intact: checksum, pages, structure and audit chain.</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+7" />
            <source>Restore backup</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Replace the database with the backup made %1? The current database is kept beside it under another name. Everyone else must close custdesk first.</source>
            <translation>Replace the database with the backup made %1? The current database is kept beside it under another name. Everyone else must close custdesk first.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Your current password:</source>
            <translation>Your current password:</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Nothing was restored.</source>
            <translation>Nothing was restored.</translation>
        </message>
    </context>
    <context>
        <name>BadRateChart</name>
        <message>
            <location filename="../../custdesk/gui/grading/validation_charts.py" line="+50" />
            <source>Observed bad rate</source>
            <translation>Observed bad rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>95% interval</source>
            <translation>95% interval</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Out of order</source>
            <translation>Out of order</translation>
        </message>
        <message>
            <location line="+34" />
            <source>No figures yet.</source>
            <translation>No figures yet.</translation>
        </message>
    </context>
    <context>
        <name>BasicForm</name>
        <message>
            <location filename="../../custdesk/gui/editor/form.py" line="+44" />
            <source>Loading…</source>
            <extracomment>the Reveal button of a masked field was pressed: its key masked fields above the user's clearance: never revealed, may be replaced locked fields the user chose to type a new value into</extracomment>
            <translation>Loading…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Reveal</source>
            <translation>Reveal</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Replace</source>
            <translation>Replace</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type a new value without seeing the stored one (it is kept at its level; afterwards you see its mask)</source>
            <translation>Type a new value without seeing the stored one (it is kept at its level; afterwards you see its mask)</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Above your clearance</source>
            <translation>Above your clearance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show the full value (you give a reason; it is logged)</source>
            <translation>Show the full value (you give a reason; it is logged)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Above your clearance: shown by its mask only</source>
            <translation>Above your clearance: shown by its mask only</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The new value replaces the stored one when you save</source>
            <translation>The new value replaces the stored one when you save</translation>
        </message>
    </context>
    <context>
        <name>BatchExport</name>
        <message>
            <location filename="../../custdesk/gui/reports/batch.py" line="+71" />
            <location line="+28" />
            <location line="+79" />
            <source>Export customer reports</source>
            <extracomment>failures listed one by one in the summary; the rest are counted (done, total, code): emitted on the database thread, delivered on the UI thread the batch ended (a BatchResult), or could not start (None; ``error`` says why)</extracomment>
            <translation>Export customer reports</translation>
        </message>
        <message>
            <location line="-96" />
            <source>Folder for the reports</source>
            <translation>Folder for the reports</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Preparing the reports…</source>
            <translation>Preparing the reports…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Cancelling after the current file…</source>
            <translation>Cancelling after the current file…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Exporting %1 (%2 of %3)…</source>
            <translation>Exporting %1 (%2 of %3)…</translation>
        </message>
        <message numerus="yes">
            <location line="+28" />
            <source>%n report(s) written to %1.</source>
            <translation>
                <numerusform>%n report(s) written to %1.</numerusform>
                <numerusform>%n report(s) written to %1.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancelled: the remaining files were not exported.</source>
            <translation>Cancelled: the remaining files were not exported.</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n file(s) could not be exported:</source>
            <translation>
                <numerusform>%n file(s) could not be exported:</numerusform>
                <numerusform>%n file(s) could not be exported:</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>… and %1 more.</source>
            <translation>… and %1 more.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../custdesk/gui/passwords.py" line="+161" />
            <source>Choose your own password</source>
            <translation>Choose your own password</translation>
        </message>
        <message>
            <location line="+3" />
            <source>You logged in with a one-time password that an administrator gave you. Choose your own password now: only you will know it. custdesk opens once it is saved.</source>
            <translation>You logged in with a one-time password that an administrator gave you. Choose your own password now: only you will know it. custdesk opens once it is saved.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Save password</source>
            <translation>Save password</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Log out</source>
            <translation>Log out</translation>
        </message>
    </context>
    <context>
        <name>ChoicePage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="-132" />
            <source>Where are the customer files kept?</source>
            <extracomment>print_document(parent, document) -&gt; whether it was printed (tests inject their own)</extracomment>
            <translation>Where are the customer files kept?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This PC</source>
            <translation>This PC</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A new encrypted database on this computer, for one PC. You create it now and become its administrator.</source>
            <translation>A new encrypted database on this computer, for one PC. You create it now and become its administrator.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The office database</source>
            <translation>The office database</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The firm's database on the office's PostgreSQL server, shared by several PCs. Nothing is created here: you give its address and log in with the user name and password your administrator gave you.</source>
            <translation>The firm's database on the office's PostgreSQL server, shared by several PCs. Nothing is created here: you give its address and log in with the user name and password your administrator gave you.</translation>
        </message>
    </context>
    <context>
        <name>ConversionReportDialog</name>
        <message>
            <location filename="../../custdesk/gui/conversion_report.py" line="+52" />
            <source>Database converted: new passwords and recovery key</source>
            <translation>Database converted: new passwords and recovery key</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This database was made by an older custdesk and has just been converted: each confidentiality level now has keys of its own. Nobody's old password works any more. Give each user below their one-time password in person (not by e-mail or chat); they choose their own at their first login. This is shown only now.</source>
            <translation>This database was made by an older custdesk and has just been converted: each confidentiality level now has keys of its own. Nobody's old password works any more. Give each user below their one-time password in person (not by e-mail or chat); they choose their own at their first login. This is shown only now.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One-time password</source>
            <translation>One-time password</translation>
        </message>
        <message>
            <location line="+20" />
            <source>No other user needs a one-time password.</source>
            <translation>No other user needs a one-time password.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The old recovery key no longer works. Keep this one locked away from the computer, with the root key fingerprint written beside it.</source>
            <translation>The old recovery key no longer works. Keep this one locked away from the computer, with the root key fingerprint written beside it.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New recovery key:</source>
            <translation>New recovery key:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Root key fingerprint:</source>
            <translation>Root key fingerprint:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Disabled, because they were cleared to “public” only and a key to this database opens everything at “internal”: %1. Add them again with at least “internal” clearance if they still need custdesk.</source>
            <translation>Disabled, because they were cleared to “public” only and a key to this database opens everything at “internal”: %1. Add them again with at least “internal” clearance if they still need custdesk.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The database as it was before the conversion is kept at: %1</source>
            <translation>The database as it was before the conversion is kept at: %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copy all</source>
            <translation>Copy all</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as text file…</source>
            <translation>Save as text file…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>I have written these down (or printed them) and will hand them out</source>
            <translation>I have written these down (or printed them) and will hand them out</translation>
        </message>
        <message>
            <location line="+36" />
            <source>custdesk — database converted: one-time passwords and recovery key</source>
            <translation>custdesk — database converted: one-time passwords and recovery key</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Converted on: %1</source>
            <translation>Converted on: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>One-time passwords (each user chooses their own at first login):</source>
            <translation>One-time passwords (each user chooses their own at first login):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New recovery key: %1</source>
            <translation>New recovery key: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Root key fingerprint: %1</source>
            <translation>Root key fingerprint: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disabled (cleared to “public” only): %1</source>
            <translation>Disabled (cleared to “public” only): %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy made before the conversion: %1</source>
            <translation>Copy made before the conversion: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Copied. Paste it only where nobody else can read it.</source>
            <translation>Copied. Paste it only where nobody else can read it.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Printing failed: %1</source>
            <translation>Printing failed: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sent to the printer.</source>
            <translation>Sent to the printer.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>custdesk-new-passwords.txt</source>
            <translation>custdesk-new-passwords.txt</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Save the one-time passwords and recovery key</source>
            <translation>Save the one-time passwords and recovery key</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Text files (*.txt)</source>
            <translation>Text files (*.txt)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not save the file: %1</source>
            <translation>Could not save the file: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved to %1. Delete the file once the passwords are handed out and the recovery key is locked away.</source>
            <translation>Saved to %1. Delete the file once the passwords are handed out and the recovery key is locked away.</translation>
        </message>
    </context>
    <context>
        <name>CreatingPage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="+147" />
            <source>Creating the database</source>
            <translation>Creating the database</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Creating the encrypted database…</source>
            <translation>Creating the encrypted database…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
        <message>
            <location line="+48" />
            <source>The database has been created.</source>
            <translation>The database has been created.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The database could not be created:</source>
            <translation>The database could not be created:</translation>
        </message>
    </context>
    <context>
        <name>CreditStrip</name>
        <message>
            <location filename="../../custdesk/gui/grading/standing.py" line="+52" />
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Risk</source>
            <translation>Risk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit limit</source>
            <translation>Credit limit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Secured</source>
            <translation>Secured</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exposure</source>
            <translation>Exposure</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unsecured</source>
            <translation>Unsecured</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Utilisation</source>
            <translation>Utilisation</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The effective cover of the guarantees and collateral in force (each item's value less its haircut), counted against the credit limit and at most the limit</source>
            <translation>The effective cover of the guarantees and collateral in force (each item's value less its haircut), counted against the credit limit and at most the limit</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Request limit change…</source>
            <translation>Request limit change…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Not graded</source>
            <translation>Not graded</translation>
        </message>
    </context>
    <context>
        <name>CurveChart</name>
        <message>
            <location filename="../../custdesk/gui/grading/validation_charts.py" line="+92" />
            <source>ROC curve · AUC %1</source>
            <translation>ROC curve · AUC %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>KS curve · KS %1</source>
            <translation>KS curve · KS %1</translation>
        </message>
        <message>
            <location line="+31" />
            <source>No figures yet.</source>
            <translation>No figures yet.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Across: share of goods; up: share of bads (lowest scores first)</source>
            <translation>Across: share of goods; up: share of bads (lowest scores first)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>score %1</source>
            <translation>score %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Bads below the score</source>
            <translation>Bads below the score</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Goods below the score</source>
            <translation>Goods below the score</translation>
        </message>
    </context>
    <context>
        <name>CustomerEditor</name>
        <message>
            <location filename="../../custdesk/gui/editor/window.py" line="+100" />
            <source>Basic information</source>
            <extracomment>a save succeeded (and the form shows what was stored): the file's code the title ("*" first when there are unsaved changes) changed the file's values arrived from the database</extracomment>
            <translation>Basic information</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Credit, litigation, outcomes</source>
            <translation>Credit, litigation, outcomes</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Collateral</source>
            <translation>Collateral</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Credit grading</source>
            <translation>Credit grading</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviews and warnings</source>
            <translation>Reviews and warnings</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+6" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Save (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+5" />
            <source>Revert</source>
            <translation>Revert</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Undo every unsaved change (Esc)</source>
            <translation>Undo every unsaved change (Esc)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Report…</source>
            <translation>Report…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Make this file's credit audit report to preview, save or print (Ctrl+Shift+R)</source>
            <translation>Make this file's credit audit report to preview, save or print (Ctrl+Shift+R)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <location line="+108" />
            <source>New individual</source>
            <translation>New individual</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New enterprise</source>
            <translation>New enterprise</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Nothing was saved: please correct the fields marked in red.</source>
            <translation>Nothing was saved: please correct the fields marked in red.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Changed by someone else</source>
            <translation>Changed by someone else</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{message}

Reload the file now? What you typed here is not kept: note it first if you need it.</source>
            <translation>{message}

Reload the file now? What you typed here is not kept: note it first if you need it.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Keep this value?</source>
            <translation>Keep this value?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{problems}

If you have checked it and it is right (the original document or the customer says so), give a reason to keep it (recorded with the file and in the audit log):</source>
            <translation>{problems}

If you have checked it and it is right (the original document or the customer says so), give a reason to keep it (recorded with the file and in the audit log):</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{title} has unsaved changes. Save them before closing?</source>
            <translation>{title} has unsaved changes. Save them before closing?</translation>
        </message>
        <message>
            <location line="+61" />
            <source>The report shows the file as saved: unsaved changes are not in it.</source>
            <translation>The report shows the file as saved: unsaved changes are not in it.</translation>
        </message>
    </context>
    <context>
        <name>CustomerListPage</name>
        <message>
            <location filename="../../custdesk/gui/customers/list_page.py" line="+197" />
            <source>Name, pinyin initials, code or phone tail  (Ctrl+F)</source>
            <extracomment>the most rows one query puts on screen; beyond it the count says "first N of M" how long typing must pause before the query runs the newest query's rows are on screen</extracomment>
            <translation>Name, pinyin initials, code or phone tail  (Ctrl+F)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Type any part of a name, its pinyin initials (zw) or full pinyin, a customer code or number, or the last digits of a phone number</source>
            <translation>Type any part of a name, its pinyin initials (zw) or full pinyin, a customer code or number, or the last digits of a phone number</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All tiers</source>
            <translation>All tiers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All levels</source>
            <translation>All levels</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All grades</source>
            <translation>All grades</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not graded</source>
            <translation>Not graded</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Any credit standing</source>
            <translation>Any credit standing</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confidentiality level</source>
            <translation>Confidentiality level</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit grade</source>
            <translation>Credit grade</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show only files whose credit is on hold (over the limit, grade expired or review long overdue)</source>
            <translation>Show only files whose credit is on hold (over the limit, grade expired or review long overdue)</translation>
        </message>
        <message numerus="yes">
            <location line="+73" />
            <source>First %1 of %Ln customers: type more to narrow the list</source>
            <translation>
                <numerusform>First %1 of %Ln customers: type more to narrow the list</numerusform>
                <numerusform>First %1 of %Ln customers: type more to narrow the list</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>1 customer</source>
            <translation>1 customer</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%Ln customers</source>
            <translation>
                <numerusform>%Ln customer</numerusform>
                <numerusform>%Ln customers</numerusform>
            </translation>
        </message>
        <message>
            <location line="+35" />
            <source>Open file</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export reports of the selected customers…</source>
            <translation>Export reports of the selected customers…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export data of the selected customers…</source>
            <translation>Export data of the selected customers…</translation>
        </message>
    </context>
    <context>
        <name>CustomerTableModel</name>
        <message>
            <location filename="../../custdesk/gui/customers/model.py" line="+70" />
            <source>Code</source>
            <extracomment>the model's columns, left to right ("used": exposure as a share of the limit; "hold": the credit-hold marker)</extracomment>
            <translation>Code</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Risk</source>
            <translation>Risk</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit limit</source>
            <translation>Credit limit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Used</source>
            <translation>Used</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit hold</source>
            <translation>Credit hold</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Exposure (open invoices) as a share of the credit limit</source>
            <translation>Exposure (open invoices) as a share of the credit limit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit on hold: over the limit, grade expired or review long overdue</source>
            <translation>Credit on hold: over the limit, grade expired or review long overdue</translation>
        </message>
    </context>
    <context>
        <name>CycleDialog</name>
        <message>
            <location filename="../../custdesk/gui/editor/review_dialogs.py" line="+132" />
            <source>Review cycle</source>
            <translation>Review cycle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review this file on a cycle of its own instead of its risk level's; the reason is kept with the file.</source>
            <translation>Review this file on a cycle of its own instead of its risk level's; the reason is kept with the file.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set cycle</source>
            <translation>Set cycle</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Follow the risk level (%1)</source>
            <translation>Follow the risk level (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 months</source>
            <translation>%1 months</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not graded yet</source>
            <translation>not graded yet</translation>
        </message>
        <message>
            <location line="+5" />
            <source> months</source>
            <translation> months</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Own cycle:</source>
            <translation>Own cycle:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <location filename="../../custdesk/gui/grading/scorecard_decision.py" line="+77" />
            <source>%1 version %2</source>
            <translation>%1 version %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved by %1 on %2.</source>
            <translation>Saved by %1 on %2.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Approve scorecard</source>
            <translation>Approve scorecard</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approve %1?</source>
            <translation>Approve %1?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approve %1? Once approved it grades %2 customers; assessments already made keep the version they were made with.</source>
            <translation>Approve %1? Once approved it grades %2 customers; assessments already made keep the version they were made with.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reason (optional):</source>
            <translation>Reason (optional):</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reject scorecard</source>
            <translation>Reject scorecard</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject %1? A rejected version never grades anyone; the author may save a new version.</source>
            <translation>Reject %1? A rejected version never grades anyone; the author may save a new version.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason (required):</source>
            <translation>Reason (required):</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Kept with the decision in the audit log</source>
            <translation>Kept with the decision in the audit log</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Or press Ctrl+Enter in the reason</source>
            <translation>Or press Ctrl+Enter in the reason</translation>
        </message>
    </context>
    <context>
        <name>DecisionFacts</name>
        <message>
            <location filename="../../custdesk/gui/grading/approval_context.py" line="+102" />
            <source>Credit standing and open warnings</source>
            <translation>Credit standing and open warnings</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Current limit:</source>
            <translation>Current limit:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Exposure:</source>
            <translation>Exposure:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Utilisation (current limit):</source>
            <translation>Utilisation (current limit):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Utilisation (proposed limit):</source>
            <translation>Utilisation (proposed limit):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit hold:</source>
            <translation>Credit hold:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What was found</source>
            <translation>What was found</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised on</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Open warnings:</source>
            <translation>Open warnings:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>none (not yet granted)</source>
            <translation>none (not yet granted)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open warnings: %1</source>
            <translation>Open warnings: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open warnings: none</source>
            <translation>Open warnings: none</translation>
        </message>
    </context>
    <context>
        <name>DocumentViewer</name>
        <message>
            <location filename="../../custdesk/gui/editor/document_viewer.py" line="+51" />
            <source>Open in another program…</source>
            <translation>Open in another program…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Write a copy into custdesk's private folder and open it with the system's program (to print it, say). The copy is deleted when custdesk closes.</source>
            <translation>Write a copy into custdesk's private folder and open it with the system's program (to print it, say). The copy is deleted when custdesk closes.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>DocumentsTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/documents_tab.py" line="+91" />
            <source>Add file…</source>
            <extracomment>a document was written out for viewing: its temporary path a document is shown from memory: the viewer files written for viewing by this tab: deleted when it closes</extracomment>
            <translation>Add file…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+8" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Added by</source>
            <translation>Added by</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expires within 30 days</source>
            <translation>Expires within 30 days</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{kb:,.1f} KB</source>
            <translation>{kb:,.1f} KB</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Add a document</source>
            <translation>Add a document</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Add {name}</source>
            <translation>Add {name}</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Cannot write the file for viewing: {error}</source>
            <translation>Cannot write the file for viewing: {error}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Delete document</source>
            <translation>Delete document</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete {name} from this file?</source>
            <translation>Delete {name} from this file?</translation>
        </message>
    </context>
    <context>
        <name>DoneDialog</name>
        <message>
            <location filename="../../custdesk/gui/editor/review_dialogs.py" line="-61" />
            <location line="+3" />
            <source>Review done</source>
            <extracomment>the user pressed OK with everything required filled in: the values</extracomment>
            <translation>Review done</translation>
        </message>
        <message>
            <location line="-2" />
            <source>The review due on %1 is done without a new assessment: the next cycle starts today. What did you check?</source>
            <translation>The review due on %1 is done without a new assessment: the next cycle starts today. What did you check?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Review note:</source>
            <translation>Review note:</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../custdesk/gui/export_dialog.py" line="+54" />
            <source>Export customer data</source>
            <extracomment>which files an export writes</extracomment>
            <translation>Export customer data</translation>
        </message>
        <message>
            <location line="+2" />
            <source>customers</source>
            <translation>customers</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Files to export</source>
            <translation>Files to export</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The list has no search or filter: it shows every file.</source>
            <translation>The list has no search or filter: it shows every file.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No row is selected in the list.</source>
            <translation>No row is selected in the list.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Show in full (masked otherwise)</source>
            <translation>Show in full (masked otherwise)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Why the full values must leave the program</source>
            <translation>Why the full values must leave the program</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <location line="+7" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only the files your clearance allows are exported. The export is recorded in the audit log.</source>
            <translation>Only the files your clearance allows are exported. The export is recorded in the audit log.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>All the files you may see (%1)</source>
            <translation>All the files you may see (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All the files you may see</source>
            <translation>All the files you may see</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The files the list shows (%1)</source>
            <translation>The files the list shows (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The files the list shows</source>
            <translation>The files the list shows</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The selected rows (%1)</source>
            <translation>The selected rows (%1)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Above your clearance</source>
            <translation>Above your clearance</translation>
        </message>
        <message>
            <location line="+8" />
            <source>CSV: one row per customer file.</source>
            <translation>CSV: one row per customer file.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel: the customer files and one sheet per kind of record (statements, transactions, credit records…).</source>
            <translation>Excel: the customer files and one sheet per kind of record (statements, transactions, credit records…).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The file name must end in .csv or .xlsx.</source>
            <translation>The file name must end in .csv or .xlsx.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export to</source>
            <translation>Export to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1 customer files and %2 records written to %3.</source>
            <translation>%1 customer files and %2 records written to %3.</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../custdesk/gui/importing/wizard.py" line="+76" />
            <location line="+29" />
            <source>File</source>
            <extracomment>QSettings key of the folder last imported from rows of the file read for the preview problems listed in the wizard (the report file has them all) what each target changes, so the window refreshes those areas</extracomment>
            <translation>File</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Choose what to import and the CSV or Excel (.xlsx) file. CSV files in UTF-8 or GBK/GB18030 are recognised.</source>
            <translation>Choose what to import and the CSV or Excel (.xlsx) file. CSV files in UTF-8 or GBK/GB18030 are recognised.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Customer files (individuals and enterprises)</source>
            <translation>Customer files (individuals and enterprises)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Financial statements</source>
            <translation>Financial statements</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transactions (invoices and payments)</source>
            <translation>Transactions (invoices and payments)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Path of the file</source>
            <translation>Path of the file</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Import from</source>
            <translation>Import from</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
            <translation>Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>FinancialsTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/financials_tab.py" line="+76" />
            <source>Add period…</source>
            <extracomment>a save finished: whether everything was stored</extracomment>
            <translation>Add period…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reveal…</source>
            <translation>Reveal…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Current ratio</source>
            <translation>Current ratio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Debt ratio</source>
            <translation>Debt ratio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Net margin</source>
            <translation>Net margin</translation>
        </message>
        <message>
            <location line="+82" />
            <location line="+9" />
            <source>Above your clearance</source>
            <translation>Above your clearance</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Add period</source>
            <translation>Add period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period (YYYY, YYYY-MM or YYYY-Q1…Q4):</source>
            <translation>Period (YYYY, YYYY-MM or YYYY-Q1…Q4):</translation>
        </message>
        <message>
            <location line="+6" />
            <source>There is already a column for {period}.</source>
            <translation>There is already a column for {period}.</translation>
        </message>
    </context>
    <context>
        <name>GradeHistoryChart</name>
        <message>
            <location filename="../../custdesk/gui/grading/history_chart.py" line="+47" />
            <source>No approved grade yet.</source>
            <translation>No approved grade yet.</translation>
        </message>
    </context>
    <context>
        <name>GradingTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/grading_tab.py" line="+101" />
            <location line="+10" />
            <source>Assess</source>
            <extracomment>everything arrived from the database (tests and the editor wait on it) the file's credit standing (``desk.grading.credit``): the editor shows the hold marker</extracomment>
            <translation>Assess</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Score the file now and keep the result as your draft (Ctrl+Enter)</source>
            <translation>Score the file now and keep the result as your draft (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+8" />
            <source>Submit for approval</source>
            <translation>Submit for approval</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Send your draft to a reviewer (Ctrl+Shift+Enter)</source>
            <translation>Send your draft to a reviewer (Ctrl+Shift+Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+267" />
            <source>Discard draft</source>
            <translation>Discard draft</translation>
        </message>
        <message>
            <location line="-253" />
            <source>Why are inputs missing? (required to submit this draft)</source>
            <translation>Why are inputs missing? (required to submit this draft)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>New assessment</source>
            <translation>New assessment</translation>
        </message>
        <message>
            <location line="-9" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Assessments</source>
            <translation>Assessments</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grade history</source>
            <translation>Grade history</translation>
        </message>
        <message>
            <location line="+56" />
            <source>No assessment yet.</source>
            <translation>No assessment yet.</translation>
        </message>
        <message>
            <location line="+85" />
            <source>Your role may view assessments but not make them.</source>
            <translation>Your role may view assessments but not make them.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your draft #{id} was scored without: {missing}. Each scores its worst bin; give the reason above to submit it.</source>
            <translation>Your draft #{id} was scored without: {missing}. Each scores its worst bin; give the reason above to submit it.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your draft #{id}: Assess scores it again with these choices; submit it when it is right.</source>
            <translation>Your draft #{id}: Assess scores it again with these choices; submit it when it is right.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Assessment #{id} by {user} is {status}: a new one can be made once it is decided or discarded.</source>
            <translation>Assessment #{id} by {user} is {status}: a new one can be made once it is decided or discarded.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>There is no scorecard for this kind of customer.</source>
            <translation>There is no scorecard for this kind of customer.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assess scores the file as it is now and keeps the result as a draft.</source>
            <translation>Assess scores the file as it is now and keeps the result as a draft.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Draft #{id} scored again.</source>
            <translation>Draft #{id} scored again.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Assessed: the result is kept as your draft.</source>
            <translation>Assessed: the result is kept as your draft.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Assessment #{id} submitted for approval.</source>
            <translation>Assessment #{id} submitted for approval.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Discard draft assessment #{id}? This cannot be undone.</source>
            <translation>Discard draft assessment #{id}? This cannot be undone.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Draft #{id} discarded.</source>
            <translation>Draft #{id} discarded.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Limit change requested: a reviewer decides it.</source>
            <translation>Limit change requested: a reviewer decides it.</translation>
        </message>
    </context>
    <context>
        <name>HistoryFileBox</name>
        <message>
            <location filename="../../custdesk/gui/grading/history_file.py" line="+48" />
            <source>Tables (%1);;All files (*)</source>
            <extracomment>column names that usually hold the outcome (chosen first when the file has one)</extracomment>
            <translation>Tables (%1);;All files (*)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>A CSV or XLSX file, one row per past customer</source>
            <extracomment>the file was read (or could not be): the choice changed a file could not be read: the message</extracomment>
            <translation>A CSV or XLSX file, one row per past customer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Which value of the outcome column means bad. Read by itself when the column holds 1/0, 是/否, 违约/正常 or bad/good.</source>
            <translation>Which value of the outcome column means bad. Read by itself when the column holds 1/0, 是/否, 违约/正常 or bad/good.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The column dating each row: the latest fifth is held out to measure the new version on a later period.</source>
            <translation>The column dating each row: the latest fifth is held out to measure the new version on a later period.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Outcome column</source>
            <translation>Outcome column</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bad when</source>
            <translation>Bad when</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date column</source>
            <translation>Date column</translation>
        </message>
        <message>
            <location line="+12" />
            <source>History of outcomes</source>
            <translation>History of outcomes</translation>
        </message>
        <message>
            <location line="+30" />
            <source>(choose)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(found by itself)</source>
            <translation>(found by itself)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(read by itself)</source>
            <translation>(read by itself)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 (%2 rows)</source>
            <translation>%1 (%2 rows)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Which value of the column %1 means bad? Choose it under Bad when.</source>
            <translation>Which value of the column %1 means bad? Choose it under Bad when.</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/history_tab.py" line="+28" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Operation</source>
            <translation>Operation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <location filename="../../custdesk/gui/home_page.py" line="+93" />
            <source>Today</source>
            <extracomment>a file should be opened (double-click, Enter, Open file) on the part that brought the user: (code, "reviews" or "warning", the warning's id or None) overdue reviews plus red warnings (the navigation shows it) the counts of the newest read: overdue, due_soon, hold, red, orange, yellow the sections show the newest read (tests wait on it)</extracomment>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+245" />
            <source>Handle warning…</source>
            <translation>Handle warning…</translation>
        </message>
        <message>
            <location line="-242" />
            <location line="+243" />
            <source>Open file</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location line="-241" />
            <source>Export calendar…</source>
            <translation>Export calendar…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the reviews due within %1 days as an iCalendar file (code and grade only)</source>
            <translation>Save the reviews due within %1 days as an iCalendar file (code and grade only)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+3" />
            <location line="+3" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+3" />
            <location line="+3" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+3" />
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="-3" />
            <location line="+3" />
            <source>Due on</source>
            <translation>Due on</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+3" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Credit</source>
            <translation>Credit</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Due in</source>
            <translation>Due in</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Facts</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Raised on</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Overdue reviews (%1)</source>
            <translation>Overdue reviews (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reviews due within %1 days (%2)</source>
            <translation>Reviews due within %1 days (%2)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open warnings (%1): red %2 · orange %3 · yellow %4</source>
            <translation>Open warnings (%1): red %2 · orange %3 · yellow %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No review is overdue.</source>
            <translation>No review is overdue.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No review falls due in the next %1 days.</source>
            <translation>No review falls due in the next %1 days.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No open warnings.</source>
            <translation>No open warnings.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Showing the first %1 of %2.</source>
            <translation>Showing the first %1 of %2.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unrated</source>
            <translation>Unrated</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 days</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <location line="+4" />
            <source>today</source>
            <translation>today</translation>
        </message>
        <message>
            <location line="+0" />
            <source>in %1 days</source>
            <translation>in %1 days</translation>
        </message>
        <message>
            <location line="+99" />
            <source>Export review calendar</source>
            <translation>Export review calendar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>iCalendar files (*.ics)</source>
            <translation>iCalendar files (*.ics)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Could not save %1: %2</source>
            <translation>Could not save %1: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved %1 reviews due within %2 days to %3.</source>
            <translation>Saved %1 reviews due within %2 days to %3.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saved %1 reviews due within %2 days to %3; the %4 overdue ones are on today, marked overdue.</source>
            <translation>Saved %1 reviews due within %2 days to %3; the %4 overdue ones are on today, marked overdue.</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../custdesk/gui/importing/wizard.py" line="+138" />
            <location line="+103" />
            <source>Import</source>
            <extracomment>(phase, done, total): sent from the database thread, shown on the UI thread</extracomment>
            <translation>Import</translation>
        </message>
        <message>
            <location line="-95" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Checking the file…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Writing %1 of %2 rows…</source>
            <translation>Writing %1 of %2 rows…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 rows checked…</source>
            <translation>%1 rows checked…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <location line="+37" />
            <source>%1 rows: %2 new, %3 updated, %4 invalid, %5 duplicates.</source>
            <translation>%1 rows: %2 new, %3 updated, %4 invalid, %5 duplicates.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Check only: nothing was imported.</source>
            <translation>Check only: nothing was imported.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>As the file stands, it would not be imported: correct the rows below, or choose to skip invalid rows.</source>
            <translation>As the file stands, it would not be imported: correct the rows below, or choose to skip invalid rows.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing was imported:</source>
            <translation>Nothing was imported:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 rows are invalid or duplicates. Correct them in the file, or choose to skip invalid rows.</source>
            <translation>%1 rows are invalid or duplicates. Correct them in the file, or choose to skip invalid rows.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Imported.</source>
            <translation>Imported.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New customer codes %1 to %2.</source>
            <translation>New customer codes %1 to %2.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 of these rows draw warnings only (a doubtful ID region or check digit, a phone number outside the numbering plan; shown in orange): once checked, type a reason in the field above to keep those values.</source>
            <translation>%1 of these rows draw warnings only (a doubtful ID region or check digit, a phone number outside the numbering plan; shown in orange): once checked, type a reason in the field above to keep those values.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Columns kept in each file's notes: %1</source>
            <translation>Columns kept in each file's notes: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Columns left out: %1</source>
            <translation>Columns left out: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The first %1 problems are listed; the error report has all %2.</source>
            <translation>The first %1 problems are listed; the error report has all %2.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save error report</source>
            <translation>Save error report</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>LicencesTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/documents_tab.py" line="-182" />
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expires within 30 days</source>
            <translation>Expires within 30 days</translation>
        </message>
    </context>
    <context>
        <name>LimitChangeView</name>
        <message>
            <location filename="../../custdesk/gui/grading/approval_detail.py" line="+68" />
            <source>Grade:</source>
            <translation>Grade:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requested limit:</source>
            <translation>Requested limit:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requested by:</source>
            <translation>Requested by:</translation>
        </message>
    </context>
    <context>
        <name>LimitDialog</name>
        <message>
            <location filename="../../custdesk/gui/grading/standing.py" line="+43" />
            <source>Request a limit change</source>
            <translation>Request a limit change</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current limit: {limit}. A reviewer or manager other than you decides the request.</source>
            <translation>Current limit: {limit}. A reviewer or manager other than you decides the request.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. 150,000</source>
            <translation>e.g. 150,000</translation>
        </message>
        <message>
            <location line="+10" />
            <source>New limit (yuan):</source>
            <translation>New limit (yuan):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Request</source>
            <translation>Request</translation>
        </message>
    </context>
    <context>
        <name>LockOverlay</name>
        <message>
            <location filename="../../custdesk/gui/idle_lock.py" line="+163" />
            <source>Locked</source>
            <extracomment>events that mean a person is at the keyboard or mouse someone else wants to log in ("Switch user…"): the session ends, the login shows</extracomment>
            <translation>Locked</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Switch user…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location line="+59" />
            <source>The window was locked because it was not used for a while. Enter your password to continue.</source>
            <translation>The window was locked because it was not used for a while. Enter your password to continue.</translation>
        </message>
        <message>
            <location line="-63" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Log this user out and log in as someone else, without quitting custdesk</source>
            <translation>Log this user out and log in as someone else, without quitting custdesk</translation>
        </message>
        <message>
            <location line="+45" />
            <source>User: %1</source>
            <translation>User: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>You locked the window. Enter your password to continue.</source>
            <translation>You locked the window. Enter your password to continue.</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Wrong password.</source>
            <translation>Wrong password.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The password could not be checked: %1</source>
            <translation>The password could not be checked: %1</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../custdesk/gui/login.py" line="+171" />
            <location line="+35" />
            <source>Log in</source>
            <extracomment>QSettings group of the user last logged in, one entry per database prints the conversion report (the system print dialog; tests put their own) the dialogs shown after the password was accepted, while they are open</extracomment>
            <translation>Log in</translation>
        </message>
        <message>
            <location line="-27" />
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Restore the newest good backup…</source>
            <translation>Restore the newest good backup…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+9" />
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Demo database — users and passwords:</source>
            <translation>Demo database — users and passwords:</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Enter your user name.</source>
            <translation>Enter your user name.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Logging in…</source>
            <translation>Logging in…</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Read only</source>
            <translation>Read only</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Logged out. Log in again with the one-time password when you are ready to choose your own.</source>
            <translation>Logged out. Log in again with the one-time password when you are ready to choose your own.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>The database could not be opened: %1</source>
            <translation>The database could not be opened: %1</translation>
        </message>
        <message>
            <location filename="../../custdesk/gui/app.py" line="+181" />
            <location filename="../../custdesk/gui/login.py" line="+7" />
            <source>The database file is damaged and cannot be used as it is.</source>
            <extracomment>what ``_main_window`` returns when the background check found the file damaged</extracomment>
            <translation>The database file is damaged and cannot be used as it is.</translation>
        </message>
        <message>
            <location filename="../../custdesk/gui/login.py" line="-84" />
            <location line="+98" />
            <source>Restore backup</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Enter your user name and your current password (an administrator's).</source>
            <translation>Enter your user name and your current password (an administrator's).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Replace the damaged database with the backup %1? The damaged files are kept beside it under another name.</source>
            <translation>Replace the damaged database with the backup %1? The damaged files are kept beside it under another name.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Restoring…</source>
            <translation>Restoring…</translation>
        </message>
        <message>
            <location line="+42" />
            <source>You may try again now.</source>
            <translation>You may try again now.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../custdesk/gui/main_window.py" line="+58" />
            <source>custdesk — Customer credit files</source>
            <extracomment>the user asked to lock the window now the user asked to log out and let someone else log in (session.Sessions) the user gave an office database's address to log in to instead (session.Sessions)</extracomment>
            <translation>custdesk — Customer credit files</translation>
        </message>
        <message>
            <location filename="../../custdesk/gui/app.py" line="+96" />
            <location filename="../../custdesk/gui/main_window.py" line="+13" />
            <location line="+64" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../custdesk/gui/main_window.py" line="-56" />
            <source>All customers</source>
            <translation>All customers</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Customer files</source>
            <translation>Customer files</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+41" />
            <source>Approvals</source>
            <translation>Approvals</translation>
        </message>
        <message>
            <location line="-38" />
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Validation</source>
            <translation>Validation</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Approvals (%1)</source>
            <translation>Approvals (%1)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Today (%1)</source>
            <translation>Today (%1)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>New individual customer</source>
            <translation>New individual customer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New enterprise customer</source>
            <translation>New enterprise customer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find customer</source>
            <translation>Find customer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export customer data…</source>
            <translation>Export customer data…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Back up now…</source>
            <translation>Back up now…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lock</source>
            <translation>Lock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switch user…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Connect to office database…</source>
            <translation>Connect to office database…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About custdesk</source>
            <translation>About custdesk</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Main</source>
            <translation>Main</translation>
        </message>
        <message>
            <location line="+13" />
            <source>User: %1</source>
            <translation>User: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role: %1</source>
            <translation>Role: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance: %1</source>
            <translation>Clearance: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+59" />
            <source>New individual</source>
            <translation>New individual</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New enterprise</source>
            <translation>New enterprise</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../custdesk/gui/importing/mapping_page.py" line="+34" />
            <source>Columns</source>
            <translation>Columns</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check which field each column of the file gives. Columns set to “not imported” are left out.</source>
            <translation>Check which field each column of the file gives. Columns set to “not imported” are left out.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Save mapping…</source>
            <translation>Save mapping…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+2" />
            <source>From headers</source>
            <translation>From headers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the columns by their headers again</source>
            <translation>Read the columns by their headers again</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved mappings:</source>
            <translation>Saved mappings:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Column in the file</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sample values</source>
            <translation>Sample values</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Preview of the first rows:</source>
            <translation>Preview of the first rows:</translation>
        </message>
        <message>
            <location line="+19" />
            <source>(no header)</source>
            <translation>(no header)</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+90" />
            <source>(not imported)</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <location line="-43" />
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The saved mapping “%1” was made for files like this one and has been applied.</source>
            <translation>The saved mapping “%1” was made for files like this one and has been applied.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Mapping “%1” applied.</source>
            <translation>Mapping “%1” applied.</translation>
        </message>
        <message>
            <location line="+47" />
            <location line="+6" />
            <source>Save mapping</source>
            <translation>Save mapping</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Name of the mapping (e.g. the bank or program the file comes from):</source>
            <translation>Name of the mapping (e.g. the bank or program the file comes from):</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A mapping named “%1” exists. Replace it?</source>
            <translation>A mapping named “%1” exists. Replace it?</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Delete mapping</source>
            <translation>Delete mapping</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the saved mapping “%1”?</source>
            <translation>Delete the saved mapping “%1”?</translation>
        </message>
    </context>
    <context>
        <name>OfficeAddressDialog</name>
        <message>
            <location filename="../../custdesk/gui/office_address.py" line="+249" />
            <source>Connect to office database</source>
            <translation>Connect to office database</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The firm's files on the office's PostgreSQL server. Ask your administrator for its address; you then log in with your own user name and password.</source>
            <translation>The firm's files on the office's PostgreSQL server. Ask your administrator for its address; you then log in with your own user name and password.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Connect</source>
            <translation>Connect</translation>
        </message>
    </context>
    <context>
        <name>OfficeAddressForm</name>
        <message>
            <location line="-141" />
            <source>e.g. 192.168.1.20 or server.firm.local</source>
            <extracomment>QSettings key of the office database chosen last (an address without a password)</extracomment>
            <translation>e.g. 192.168.1.20 or server.firm.local</translation>
        </message>
        <message>
            <location line="+7" />
            <source>as the administrator named it, e.g. firm</source>
            <translation>as the administrator named it, e.g. firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify the server's certificate (verify-full)</source>
            <translation>Verify the server's certificate (verify-full)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>CA certificate file (.crt, .pem)</source>
            <translation>CA certificate file (.crt, .pem)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Port:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database name:</source>
            <translation>Database name:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>CA certificate:</source>
            <translation>CA certificate:</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Enter the server's name or IP address.</source>
            <translation>Enter the server's name or IP address.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A server name has no spaces and none of / ? # @ [ ] \.</source>
            <translation>A server name has no spaces and none of / ? # @ [ ] \.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The port is a number from 1 to 65535 (usually 5432).</source>
            <translation>The port is a number from 1 to 65535 (usually 5432).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the database's name.</source>
            <translation>Enter the database's name.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Choose the CA certificate that signed the server's certificate.</source>
            <translation>Choose the CA certificate that signed the server's certificate.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>There is no file at %1.</source>
            <translation>There is no file at %1.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Address: %1</source>
            <translation>Address: %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>CA certificate</source>
            <translation>CA certificate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
            <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>OfficePage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="-182" />
            <source>The office database</source>
            <translation>The office database</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ask your administrator for the server's address. After this you log in with your own user name and password.</source>
            <translation>Ask your administrator for the server's address. After this you log in with your own user name and password.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Go to login</source>
            <translation>Go to login</translation>
        </message>
    </context>
    <context>
        <name>OutcomeSettingsBox</name>
        <message>
            <location filename="../../custdesk/gui/outcome_settings.py" line="+50" />
            <source>Bad outcomes</source>
            <translation>Bad outcomes</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Outcome window after a grade</source>
            <translation>Outcome window after a grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source> months</source>
            <translation> months</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bad when past due by at least</source>
            <translation>Bad when past due by at least</translation>
        </message>
        <message>
            <location line="+0" />
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <location line="+19" />
            <source>A graded customer counts as bad when a bad outcome comes within this many months after the grade, and as good when the whole window has passed without one.</source>
            <translation>A graded customer counts as bad when a bad outcome comes within this many months after the grade, and as good when the whole window has passed without one.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Managers and administrators change these.</source>
            <translation>Managers and administrators change these.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Saved: the firm's outcomes are counted by these from now on.</source>
            <translation>Saved: the firm's outcomes are counted by these from now on.</translation>
        </message>
    </context>
    <context>
        <name>PasswordFields</name>
        <message>
            <location filename="../../custdesk/gui/passwords.py" line="-130" />
            <source>New password:</source>
            <translation>New password:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again:</source>
            <translation>Password again:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Choose a password of your own, not the one you were given.</source>
            <translation>Choose a password of your own, not the one you were given.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+14" />
            <source>The two passwords differ.</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <location line="-5" />
            <source>At least 8 characters. Several unrelated words are easy to remember and hard to guess.</source>
            <translation>At least 8 characters. Several unrelated words are easy to remember and hard to guess.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Strong enough. Type it again below.</source>
            <translation>Strong enough. Type it again below.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Strong enough.</source>
            <translation>Strong enough.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyButton</name>
        <message>
            <location filename="../../custdesk/gui/editor/privacy_actions.py" line="+86" />
            <source>Personal information</source>
            <extracomment>a message for the editor's message line: (text, is_error)</extracomment>
            <translation>Personal information</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Requests under the personal information law: a copy of what is held, or erasure</source>
            <translation>Requests under the personal information law: a copy of what is held, or erasure</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export everything held (ZIP)…</source>
            <translation>Export everything held (ZIP)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Erase personal information…</source>
            <translation>Erase personal information…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Everything held about %1 — the file unmasked, its records, documents and credit report — is written to one ZIP file for the person who asked. Why?</source>
            <translation>Everything held about %1 — the file unmasked, its records, documents and credit report — is written to one ZIP file for the person who asked. Why?</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Save as</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ZIP files (*.zip)</source>
            <translation>ZIP files (*.zip)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Written to %1: the data, %2 documents and report %3.</source>
            <translation>Written to %1: the data, %2 documents and report %3.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&lt;b&gt;This cannot be undone.&lt;/b&gt; The name of %1 is replaced; identity numbers, contacts, documents and notes are removed. Grades, limits, statements and transactions are kept. The erasure is recorded in the audit log.</source>
            <translation>&lt;b&gt;This cannot be undone.&lt;/b&gt; The name of %1 is replaced; identity numbers, contacts, documents and notes are removed. Grades, limits, statements and transactions are kept. The erasure is recorded in the audit log.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Erase</source>
            <translation>Erase</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The personal information of %1 was erased.</source>
            <translation>The personal information of %1 was erased.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyDialog</name>
        <message>
            <location line="-121" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type the code %1 to confirm</source>
            <translation>Type the code %1 to confirm</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <location filename="../../custdesk/gui/translation.py" line="+36" />
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>Folder</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location line="-2" />
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../custdesk/gui/grading/approval_detail.py" line="-37" />
            <location line="+11" />
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Why is %1 rejected? The reason is kept with the decision.</source>
            <translation>Why is %1 rejected? The reason is kept with the decision.</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <location filename="../../custdesk/gui/editor/record_dialog.py" line="+51" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>RecordsTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/records_tab.py" line="+43" />
            <source>Add…</source>
            <extracomment>rows arrived from the database (tests and the editor wait on it)</extracomment>
            <translation>Add…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reveal…</source>
            <translation>Reveal…</translation>
        </message>
        <message>
            <location line="+70" />
            <location line="+37" />
            <location line="+2" />
            <source>Above your clearance</source>
            <translation>Above your clearance</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reveal the records before editing them</source>
            <translation>Reveal the records before editing them</translation>
        </message>
        <message>
            <location line="+16" />
            <source>New record: {kind}</source>
            <translation>New record: {kind}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Edit record: {kind}</source>
            <translation>Edit record: {kind}</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Delete record</source>
            <translation>Delete record</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete this record from {kind}? This cannot be undone (the audit log keeps what it was).</source>
            <translation>Delete this record from {kind}? This cannot be undone (the audit log keeps what it was).</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="+192" />
            <location line="+64" />
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <location line="-62" />
            <source>If every administrator password is lost, this key is the only way back into the database. It is shown only now. Print it or save it, and keep it locked away from this computer: whoever holds it can open the database.</source>
            <translation>If every administrator password is lost, this key is the only way back into the database. It is shown only now. Print it or save it, and keep it locked away from this computer: whoever holds it can open the database.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as text file…</source>
            <translation>Save as text file…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>I have printed or saved the recovery key and will keep it safe</source>
            <translation>I have printed or saved the recovery key and will keep it safe</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Root key fingerprint (write it beside the recovery key): %1</source>
            <translation>Root key fingerprint (write it beside the recovery key): %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Firm</source>
            <translation>Firm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created on</source>
            <translation>Created on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Root key fingerprint</source>
            <translation>Root key fingerprint</translation>
        </message>
        <message>
            <location line="+5" />
            <source>With this key, a new password can be set for a user of this database when the password is lost (command: custdesk recover --user NAME). Whoever holds the key can open the database: keep it locked away, apart from the computer.</source>
            <translation>With this key, a new password can be set for a user of this database when the password is lost (command: custdesk recover --user NAME). Whoever holds the key can open the database: keep it locked away, apart from the computer.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The root key fingerprint names the firm's key that every user's account trusts; custdesk shows it under Help › About custdesk. If it ever shows another, the keys were replaced: ask for help.</source>
            <translation>The root key fingerprint names the firm's key that every user's account trusts; custdesk shows it under Help › About custdesk. If it ever shows another, the keys were replaced: ask for help.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+9" />
            <source>custdesk — database recovery key</source>
            <translation>custdesk — database recovery key</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Printing failed: %1</source>
            <translation>Printing failed: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The recovery key was sent to the printer.</source>
            <translation>The recovery key was sent to the printer.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>custdesk-recovery-key.txt</source>
            <translation>custdesk-recovery-key.txt</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Save the recovery key</source>
            <translation>Save the recovery key</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text files (*.txt)</source>
            <translation>Text files (*.txt)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not save the file: %1</source>
            <translation>Could not save the file: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved to %1</source>
            <translation>Saved to %1</translation>
        </message>
    </context>
    <context>
        <name>RefitDialog</name>
        <message>
            <location filename="../../custdesk/gui/grading/refit_dialog.py" line="+52" />
            <source>Re-fit scorecard</source>
            <extracomment>a version was saved: its ``name@version`` a fit ended, saved or refused (tests wait on it)</extracomment>
            <translation>Re-fit scorecard</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The firm's grades and outcomes</source>
            <translation>The firm's grades and outcomes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>History file</source>
            <translation>History file</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Each graded file whose outcome is known, with the inputs it was graded on.</source>
            <translation>Each graded file whose outcome is known, with the inputs it was graded on.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>A new name, or the name of your own scorecard</source>
            <translation>A new name, or the name of your own scorecard</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Fit and save</source>
            <translation>Fit and save</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The new version is saved at once and grades no one until a second manager approves it.</source>
            <translation>The new version is saved at once and grades no one until a second manager approves it.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fit on</source>
            <translation>Fit on</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Outcomes</source>
            <translation>Outcomes</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Customer kind</source>
            <translation>Customer kind</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Characteristic · bin</source>
            <translation>Characteristic · bin</translation>
        </message>
        <message>
            <location line="+0" />
            <source>IV</source>
            <translation>IV</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bad</source>
            <translation>Bad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bad rate</source>
            <translation>Bad rate</translation>
        </message>
        <message>
            <location line="+0" />
            <source>WoE</source>
            <translation>WoE</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Why it was left out</source>
            <translation>Why it was left out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The new version beside the version in use</source>
            <translation>The new version beside the version in use</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Characteristics, strongest first</source>
            <translation>Characteristics, strongest first</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Left out</source>
            <translation>Left out</translation>
        </message>
        <message>
            <location line="+92" />
            <source>The firm's own outcomes are too few to fit on yet: choose History file and a file of past customers.</source>
            <translation>The firm's own outcomes are too few to fit on yet: choose History file and a file of past customers.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It waits for a second manager's approval on the Approvals page or in Settings › Scorecards.</source>
            <translation>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It waits for a second manager's approval on the Approvals page or in Settings › Scorecards.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It now waits for a second manager: it grades no one until another manager approves it on the Approvals page or in Settings › Scorecards.</source>
            <translation>Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It now waits for a second manager: it grades no one until another manager approves it on the Approvals page or in Settings › Scorecards.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>New %1: cross-validation (%2 folds)</source>
            <translation>New %1: cross-validation (%2 folds)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New: later period</source>
            <translation>New: later period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New: later period %1 – %2</source>
            <translation>New: later period %1 – %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use: %1 (same rows)</source>
            <translation>In use: %1 (same rows)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Gini</source>
            <translation>Gini</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No later period: the rows are not dated, or the latest fifth holds too few bads.</source>
            <translation>No later period: the rows are not dated, or the latest fifth holds too few bads.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Later period: fitted on the earlier rows, measured on the latest %1 rows (%2 bad).</source>
            <translation>Later period: fitted on the earlier rows, measured on the latest %1 rows (%2 bad).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The version in use could not score these rows: %1</source>
            <translation>The version in use could not score these rows: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The version in use reads %1, which these rows lack: scored as missing, its figures understate it.</source>
            <translation>The version in use reads %1, which these rows lack: scored as missing, its figures understate it.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The version in use was fitted on outcomes: if on these same rows, its figures are in-sample and flatter it.</source>
            <translation>The version in use was fitted on outcomes: if on these same rows, its figures are in-sample and flatter it.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>(missing)</source>
            <translation>(missing)</translation>
        </message>
    </context>
    <context>
        <name>ReportOptionsDialog</name>
        <message>
            <location filename="../../custdesk/gui/reports/options.py" line="+34" />
            <source>Language</source>
            <extracomment>file levels whose reports carry the reader's name as a watermark and may be encrypted</extracomment>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Leave empty for no password</source>
            <translation>Leave empty for no password</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reports of confidential and secret files carry a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</source>
            <translation>Reports of confidential and secret files carry a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This file is %1: the report carries a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</source>
            <translation>This file is %1: the report carries a watermark with your name on every page. With a password, the PDF opens only with it: keep it apart from the file.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Make report</source>
            <translation>Make report</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The password needs at least %1 characters.</source>
            <translation>The password needs at least %1 characters.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The two passwords differ.</source>
            <translation>The two passwords differ.</translation>
        </message>
    </context>
    <context>
        <name>ReportPreview</name>
        <message>
            <location filename="../../custdesk/gui/reports/preview.py" line="+64" />
            <source>SHA-256 of the PDF: %1</source>
            <extracomment>pages are printed at the printer's resolution, but not finer than this (memory: an A4 page at 1200 dpi would be a 550 MB image) the report was written to this path</extracomment>
            <translation>SHA-256 of the PDF: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save As…</source>
            <translation>Save As…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the report as a PDF file (Ctrl+S)</source>
            <translation>Save the report as a PDF file (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the report (Ctrl+P)</source>
            <translation>Print the report (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Zoom out (Ctrl+-)</source>
            <translation>Zoom out (Ctrl+-)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Zoom in (Ctrl++)</source>
            <translation>Zoom in (Ctrl++)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Fit width</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fit the page to the window's width (Ctrl+0)</source>
            <translation>Fit the page to the window's width (Ctrl+0)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The preview is not available on this computer (Qt's PDF module is missing). Save the report and open it with a PDF reader.</source>
            <translation>The preview is not available on this computer (Qt's PDF module is missing). Save the report and open it with a PDF reader.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Printing needs the preview: save the report and print it from a PDF reader.</source>
            <translation>Printing needs the preview: save the report and print it from a PDF reader.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Report No. %1</source>
            <translation>Report No. %1</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page(s)</numerusform>
                <numerusform>%n page(s)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>SHA-256 %1…</source>
            <translation>SHA-256 %1…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>encrypted</source>
            <translation>encrypted</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The preview cannot open this PDF (it is encrypted: open the saved file with its password).</source>
            <translation>The preview cannot open this PDF (it is encrypted: open the saved file with its password).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The preview cannot open this PDF. Save it and open it with a PDF reader.</source>
            <translation>The preview cannot open this PDF. Save it and open it with a PDF reader.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>of %1</source>
            <translation>of %1</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Save report</source>
            <translation>Save report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Saved to %1</source>
            <translation>Saved to %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Print report</source>
            <translation>Print report</translation>
        </message>
        <message>
            <location line="+33" />
            <source>The chosen pages are not in this report.</source>
            <translation>The chosen pages are not in this report.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The printer could not be started.</source>
            <translation>The printer could not be started.</translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>Sent %n page(s) to the printer.</source>
            <translation>
                <numerusform>Sent %n page(s) to the printer.</numerusform>
                <numerusform>Sent %n page(s) to the printer.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../custdesk/gui/reports/reports_page.py" line="+66" />
            <source>Reports</source>
            <extracomment>exports listed in the register a preview was opened (tests wait on it): the ReportPreview the register shows the newest read a verification finished: its result dict</extracomment>
            <translation>Reports</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Make a report</source>
            <translation>Make a report</translation>
        </message>
        <message>
            <location line="+11" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+57" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Counts and exposure by grade and risk, the largest exposures, open warnings</source>
            <translation>Counts and exposure by grade and risk, the largest exposures, open warnings</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Whole log</source>
            <translation>Whole log</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+115" />
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <location line="-108" />
            <source>Code, e.g. C000001</source>
            <translation>Code, e.g. C000001</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reading the whole audit log needs the audit permission (managers, administrators, auditors)</source>
            <translation>Reading the whole audit log needs the audit permission (managers, administrators, auditors)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Preview…</source>
            <translation>Preview…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Make the report (it is numbered and registered) and open its preview, to save or print it</source>
            <translation>Make the report (it is numbered and registered) and open its preview, to save or print it</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Customer reports in a batch</source>
            <translation>Customer reports in a batch</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Customer codes, e.g. C000001, C000002</source>
            <translation>Customer codes, e.g. C000001, C000002</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files I can see</source>
            <translation>All files I can see</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export to a folder…</source>
            <translation>Export to a folder…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>One customer credit audit report per file, named by report number and code. Select files in the customer list and use its context menu to export those.</source>
            <translation>One customer credit audit report per file, named by report number and code. Select files in the customer list and use its context menu to export those.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Registered exports</source>
            <translation>Registered exports</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify a file…</source>
            <translation>Verify a file…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check whether a PDF is an unaltered report exported from this database</source>
            <translation>Check whether a PDF is an unaltered report exported from this database</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Report No.</source>
            <translation>Report No.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Encrypted</source>
            <translation>Encrypted</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+7" />
            <source>SHA-256 of the PDF: %1</source>
            <translation>SHA-256 of the PDF: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The newest %1 exports</source>
            <translation>The newest %1 exports</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n export(s)</source>
            <translation>
                <numerusform>%n export(s)</numerusform>
                <numerusform>%n export(s)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+49" />
            <source>Type the code of the customer whose audit trail you want.</source>
            <translation>Type the code of the customer whose audit trail you want.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Verify a report file</source>
            <translation>Verify a report file</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF files (*.pdf);;All files (*)</source>
            <translation>PDF files (*.pdf);;All files (*)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>SHA-256 of the file: %1</source>
            <translation>SHA-256 of the file: %1</translation>
        </message>
    </context>
    <context>
        <name>RetentionBox</name>
        <message>
            <location filename="../../custdesk/gui/retention_settings.py" line="+25" />
            <source>Personal information retention</source>
            <translation>Personal information retention</translation>
        </message>
        <message>
            <location line="+10" />
            <source> years</source>
            <translation> years</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Closed files kept after closing</source>
            <translation>Closed files kept after closing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative records kept after they ended</source>
            <translation>Negative records kept after they ended</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Purge…</source>
            <translation>Purge…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Closed individuals' files are erased (the aggregates stay); closed enterprises lose their contact persons; negative credit records and litigation are deleted.</source>
            <translation>Closed individuals' files are erased (the aggregates stay); closed enterprises lose their contact persons; negative credit records and litigation are deleted.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed or ended</source>
            <translation>Closed or ended</translation>
        </message>
        <message>
            <location line="+23" />
            <source>File: personal information erased</source>
            <translation>File: personal information erased</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File: contact persons removed</source>
            <translation>File: contact persons removed</translation>
        </message>
        <message>
            <location line="+8" />
            <source>On %1: %2 files and %3 records would be purged (closed before %4; ended before %5).</source>
            <translation>On %1: %2 files and %3 records would be purged (closed before %4; ended before %5).</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Credit record</source>
            <translation>Credit record</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Litigation</source>
            <translation>Litigation</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Purge</source>
            <translation>Purge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purge %1 files and %2 records as listed? This cannot be undone.</source>
            <translation>Purge %1 files and %2 records as listed? This cannot be undone.</translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message>
            <location filename="../../custdesk/gui/editor/reveal.py" line="+18" />
            <source>Reveal sensitive data</source>
            <translation>Reveal sensitive data</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Why do you need to see {what}? Your reason is recorded in the audit log.</source>
            <translation>Why do you need to see {what}? Your reason is recorded in the audit log.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. verifying identity for a loan application</source>
            <translation>e.g. verifying identity for a loan application</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reveal</source>
            <translation>Reveal</translation>
        </message>
    </context>
    <context>
        <name>ReviewSettingsBox</name>
        <message>
            <location filename="../../custdesk/gui/review_settings.py" line="+41" />
            <source>Reviews and warnings</source>
            <extracomment>the stored values are on screen (tests wait on it)</extracomment>
            <translation>Reviews and warnings</translation>
        </message>
        <message>
            <location line="+3" />
            <source> months</source>
            <translation> months</translation>
        </message>
        <message>
            <location line="+0" />
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <location line="+0" />
            <source> times</source>
            <translation> times</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Review cycle, high risk</source>
            <translation>Review cycle, high risk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review cycle, medium risk</source>
            <translation>Review cycle, medium risk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review cycle, low risk</source>
            <translation>Review cycle, low risk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First grading of a new file within</source>
            <translation>First grading of a new file within</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review after a red warning within</source>
            <translation>Review after a red warning within</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put off by at most</source>
            <translation>Put off by at most</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put off at most (then managers only)</source>
            <translation>Put off at most (then managers only)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hold credit when a review is overdue by more than</source>
            <translation>Hold credit when a review is overdue by more than</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Warning rules in use:</source>
            <translation>Warning rules in use:</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Saved: every file's next review follows the new cycles.</source>
            <translation>Saved: every file's next review follows the new cycles.</translation>
        </message>
    </context>
    <context>
        <name>ReviewsTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/reviews_tab.py" line="+66" />
            <source>Review</source>
            <extracomment>everything arrived from the database (tests wait on it)</extracomment>
            <translation>Review</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Next review:</source>
            <translation>Next review:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cycle:</source>
            <translation>Cycle:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put off:</source>
            <translation>Put off:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Review done…</source>
            <translation>Review done…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed, no change: write what you checked; the next cycle starts today</source>
            <translation>Reviewed, no change: write what you checked; the next cycle starts today</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put off…</source>
            <translation>Put off…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the due date later, with a reason</source>
            <translation>Move the due date later, with a reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set own cycle…</source>
            <translation>Set own cycle…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give this file a review cycle of its own (managers)</source>
            <translation>Give this file a review cycle of its own (managers)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due before</source>
            <translation>Due before</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due after</source>
            <translation>Due after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review history</source>
            <translation>Review history</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Facts</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised on</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Closing note</source>
            <translation>Closing note</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Handle warning…</source>
            <translation>Handle warning…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location line="+67" />
            <source>%1 days overdue</source>
            <translation>%1 days overdue</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 months</source>
            <translation>%1 months</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not graded yet: first grading within %1 days of opening the file</source>
            <translation>Not graded yet: first grading within %1 days of opening the file</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1, this file's own (%2)</source>
            <translation>%1, this file's own (%2)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1, by risk level (%2)</source>
            <translation>%1, by risk level (%2)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 of %2 times</source>
            <translation>%1 of %2 times</translation>
        </message>
        <message>
            <location line="+3" />
            <source> (until %1)</source>
            <translation> (until %1)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Review done</source>
            <translation>Review done</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Assessment approved</source>
            <translation>Assessment approved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put off</source>
            <translation>Put off</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Brought forward by a warning</source>
            <translation>Brought forward by a warning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cycle changed</source>
            <translation>Cycle changed</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Warnings (open: %1, all: %2)</source>
            <translation>Warnings (open: %1, all: %2)</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Your role may view reviews but not complete or put them off.</source>
            <translation>Your role may view reviews but not complete or put them off.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Put off %1 times already: only a manager may put it off again.</source>
            <translation>Put off %1 times already: only a manager may put it off again.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A reviewer or manager marks a review done; you may put it off with a reason.</source>
            <translation>A reviewer or manager marks a review done; you may put it off with a reason.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Review recorded: the next cycle starts today.</source>
            <translation>Review recorded: the next cycle starts today.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Review put off.</source>
            <translation>Review put off.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Review cycle changed.</source>
            <translation>Review cycle changed.</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../custdesk/gui/importing/wizard.py" line="-270" />
            <source>Check and import</source>
            <translation>Check and import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every row is checked as if it had been typed in. By default a file with any invalid row is not imported at all.</source>
            <translation>Every row is checked as if it had been typed in. By default a file with any invalid row is not imported at all.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import only if every row is valid</source>
            <translation>Import only if every row is valid</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import the valid rows and skip the others</source>
            <translation>Import the valid rows and skip the others</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Update existing files and records instead of reporting them as duplicates</source>
            <translation>Update existing files and records instead of reporting them as duplicates</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reason for keeping values that only draw a warning (leave empty to refuse them)</source>
            <translation>Reason for keeping values that only draw a warning (leave empty to refuse them)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An ID number whose region or check digit is doubtful, a phone number outside the numbering plan: with a reason here they are kept, and the reason is recorded in each file and in the log.</source>
            <translation>An ID number whose region or check digit is doubtful, a phone number outside the numbering plan: with a reason here they are kept, and the reason is recorded in each file and in the log.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Check</source>
            <translation>&amp;Check</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the whole file without importing anything</source>
            <translation>Check the whole file without importing anything</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save error report…</source>
            <translation>Save error report…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
    </context>
    <context>
        <name>ScorecardDialog</name>
        <message>
            <location filename="../../custdesk/gui/grading/scorecard_dialog.py" line="+42" />
            <source>Read-only: copy a scorecard to change it.</source>
            <translation>Read-only: copy a scorecard to change it.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit the copy, then Check and Save. The comments in the text explain each part; name and version at the top say what is saved: a new name starts at version 1, a new version of your own scorecard takes the next number.</source>
            <translation>Edit the copy, then Check and Save. The comments in the text explain each part; name and version at the top say what is saved: a new name starts at version 1, a new version of your own scorecard takes the next number.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No problems found in %1 version %2.</source>
            <translation>No problems found in %1 version %2.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>%1 problem(s): the scorecard was not saved.</source>
            <translation>%1 problem(s): the scorecard was not saved.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Discard changes</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The scorecard text has changes that are not saved. Discard them?</source>
            <translation>The scorecard text has changes that are not saved. Discard them?</translation>
        </message>
    </context>
    <context>
        <name>ScorecardVersionView</name>
        <message>
            <location filename="../../custdesk/gui/grading/scorecard_decision.py" line="+37" />
            <source>Title:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Customer kind:</source>
            <translation>Customer kind:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Saved by:</source>
            <translation>Saved by:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grading until decided:</source>
            <translation>Grading until decided:</translation>
        </message>
        <message>
            <location line="+42" />
            <source>version %1</source>
            <translation>version %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>none: no version of this scorecard may grade yet</source>
            <translation>none: no version of this scorecard may grade yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The whole text (a new scorecard):</source>
            <translation>The whole text (a new scorecard):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Changes from version %1 (- removed, + added):</source>
            <translation>Changes from version %1 (- removed, + added):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The text is the same as the version before.</source>
            <translation>The text is the same as the version before.</translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <location filename="../../custdesk/gui/session.py" line="+151" />
            <source>Switch user</source>
            <extracomment>the database: a file's Path or an office database's address the login shown after a switch, while it is open</extracomment>
            <translation>Switch user</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has unsaved changes in %2 open file(s). Switching user discards them. Switch anyway?</source>
            <translation>%1 has unsaved changes in %2 open file(s). Switching user discards them. Switch anyway?</translation>
        </message>
        <message>
            <location line="+36" />
            <source>%1 has logged out. Log in to %2 with your user name and password for it.</source>
            <translation>%1 has logged out. Log in to %2 with your user name and password for it.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 has logged out. The next user logs in here.</source>
            <translation>%1 has logged out. The next user logs in here.</translation>
        </message>
    </context>
    <context>
        <name>SetPasswordDialog</name>
        <message>
            <location filename="../../custdesk/gui/passwords.py" line="+19" />
            <source>Change your password</source>
            <translation>Change your password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set a password for %1</source>
            <translation>Set a password for %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a new password for your account.</source>
            <translation>Choose a new password for your account.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is a one-time password: give it to %1 in person. They must choose their own password when they next log in, and %1 gets new keys: anything they could read before stays readable to them.</source>
            <translation>This is a one-time password: give it to %1 in person. They must choose their own password when they next log in, and %1 gets new keys: anything they could read before stays readable to them.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Set password</source>
            <translation>Set password</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../custdesk/gui/settings_page.py" line="+63" />
            <source>Settings</source>
            <extracomment>a sentence (or a clause leading into what follows) ends with one of these</extracomment>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+47" />
            <source>This computer</source>
            <translation>This computer</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+9" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lock after idle</source>
            <translation>Lock after idle</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The new language applies the next time custdesk starts.</source>
            <translation>The new language applies the next time custdesk starts.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Sensitive fields: clearance needed to reveal</source>
            <translation>Sensitive fields: clearance needed to reveal</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Scorecards</source>
            <translation>Scorecards</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer kind</source>
            <translation>Customer kind</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Default</source>
            <translation>Default</translation>
        </message>
        <message>
            <location line="+13" />
            <source>View</source>
            <translation>View</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy and edit…</source>
            <translation>Copy and edit…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New version…</source>
            <translation>New version…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set as default</source>
            <translation>Set as default</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve…</source>
            <translation>Approve…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject…</source>
            <translation>Reject…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Built-in scorecards are not changed: copy one to make your own.</source>
            <translation>Built-in scorecards are not changed: copy one to make your own.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Four eyes: a version waiting for approval is decided by a manager or administrator other than the one who saved it.</source>
            <translation>Four eyes: a version waiting for approval is decided by a manager or administrator other than the one who saved it.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is shipped with the program.</source>
            <translation>%1 is shipped with the program.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 was saved by %2 on %3 and waits for a second manager's approval.</source>
            <translation>%1 was saved by %2 on %3 and waits for a second manager's approval.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 was rejected by %2 on %3: %4</source>
            <translation>%1 was rejected by %2 on %3: %4</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 was approved by %2 on %3.</source>
            <translation>%1 was approved by %2 on %3.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is approved.</source>
            <translation>%1 is approved.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Until then version %1 grades.</source>
            <translation>Until then version %1 grades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No version of it grades anyone yet.</source>
            <translation>No version of it grades anyone yet.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Version %1 grades.</source>
            <translation>Version %1 grades.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No version of it grades anyone.</source>
            <translation>No version of it grades anyone.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Select a scorecard first.</source>
            <translation>Select a scorecard first.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>You saved it: another manager or administrator must approve or reject it.</source>
            <translation>You saved it: another manager or administrator must approve or reject it.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 version %2 (read-only)</source>
            <translation>%1 version %2 (read-only)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Copy of %1</source>
            <translation>Copy of %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1, new version %2</source>
            <translation>%1, new version %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saved %1 version %2.</source>
            <translation>Saved %1 version %2.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is now the default scorecard for %2 customers.</source>
            <translation>%1 is now the default scorecard for %2 customers.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1 version %2</source>
            <translation>%1 version %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Approved %1.</source>
            <translation>Approved %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved %1: it grades from now on.</source>
            <translation>Approved %1: it grades from now on.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rejected %1.</source>
            <translation>Rejected %1.</translation>
        </message>
        <message>
            <location line="-167" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="-68" />
            <source>Latest version</source>
            <translation>Latest version</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use</source>
            <translation>In use</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The latest version's status: a manager's new version grades no one until a second manager or administrator approves it.</source>
            <translation>The latest version's status: a manager's new version grades no one until a second manager or administrator approves it.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The version that grades: the latest built-in or approved one.</source>
            <translation>The version that grades: the latest built-in or approved one.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="+40" />
            <source>Set up custdesk</source>
            <translation>Set up custdesk</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Finish</source>
            <translation>Finish</translation>
        </message>
    </context>
    <context>
        <name>SnoozeDialog</name>
        <message>
            <location filename="../../custdesk/gui/editor/review_dialogs.py" line="+10" />
            <source>Put off the review</source>
            <translation>Put off the review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due on %1. It can be put off until %2 at the latest; put off %3 of %4 times so far (after that only a manager may).</source>
            <translation>Due on %1. It can be put off until %2 at the latest; put off %3 of %4 times so far (after that only a manager may).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Put off</source>
            <translation>Put off</translation>
        </message>
        <message>
            <location line="+9" />
            <source>New due date:</source>
            <translation>New due date:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
    </context>
    <context>
        <name>StartupNotice</name>
        <message>
            <location filename="../../custdesk/gui/startup_notice.py" line="+68" />
            <source>Overdue reviews: %1; open red warnings: %2. Click to open Today.</source>
            <extracomment>the notice was given: (text, "tray" or "bar") — tests wait on it</extracomment>
            <translation>Overdue reviews: %1; open red warnings: %2. Click to open Today.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Overdue reviews: %1; open red warnings: %2.</source>
            <translation>Overdue reviews: %1; open red warnings: %2.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>custdesk — needs attention today</source>
            <translation>custdesk — needs attention today</translation>
        </message>
    </context>
    <context>
        <name>TransactionsTab</name>
        <message>
            <location filename="../../custdesk/gui/editor/transactions_tab.py" line="+54" />
            <source>Exposure: {amount}</source>
            <translation>Exposure: {amount}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>not yet due or up to 30 days</source>
            <translation>not yet due or up to 30 days</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{range} days past due</source>
            <translation>{range} days past due</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unapplied payments: {amount}</source>
            <translation>Unapplied payments: {amount}</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../../custdesk/gui/users_settings.py" line="+56" />
            <source>Change user %1</source>
            <translation>Change user %1</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+62" />
            <source>Add user</source>
            <translation>Add user</translation>
        </message>
        <message>
            <location line="-59" />
            <source>e.g. zhaolei (for logging in)</source>
            <translation>e.g. zhaolei (for logging in)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. Zhao Lei (shown in the window and on reports)</source>
            <translation>e.g. Zhao Lei (shown in the window and on reports)</translation>
        </message>
        <message>
            <location line="+29" />
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Display name:</source>
            <translation>Display name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role:</source>
            <translation>Role:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance:</source>
            <translation>Clearance:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>They choose their own password at first login</source>
            <translation>They choose their own password at first login</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recommended: the password you set here is then a one-time password, and only they will know the one they choose.</source>
            <translation>Recommended: the password you set here is then a one-time password, and only they will know the one they choose.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Lowering a clearance gives the levels above it new keys, which this user will not receive.</source>
            <translation>Lowering a clearance gives the levels above it new keys, which this user will not receive.</translation>
        </message>
        <message>
            <location line="+115" />
            <source>Keeps customer files, grades customers and submits assessments; cannot approve them.</source>
            <translation>Keeps customer files, grades customers and submits assessments; cannot approve them.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Approves or rejects submitted assessments and completes reviews; cannot change files.</source>
            <translation>Approves or rejects submitted assessments and completes reviews; cannot change files.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Keeps files, grades and approves (never their own grading), changes settings and reads the audit log.</source>
            <translation>Keeps files, grades and approves (never their own grading), changes settings and reads the audit log.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Everything a manager does, and manages users.</source>
            <translation>Everything a manager does, and manages users.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reads files and the audit log; changes nothing.</source>
            <translation>Reads files and the audit log; changes nothing.</translation>
        </message>
    </context>
    <context>
        <name>UsersBox</name>
        <message>
            <location line="+42" />
            <source>Users</source>
            <extracomment>older backups were re-encrypted (the backups list may show them anew)</extracomment>
            <translation>Users</translation>
        </message>
        <message>
            <location line="+11" />
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Clearance</source>
            <translation>Clearance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add user…</source>
            <translation>Add user…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set password…</source>
            <translation>Set password…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Select a user first.</source>
            <translation>Select a user first.</translation>
        </message>
        <message>
            <location line="-59" />
            <source>Display name</source>
            <translation>Display name</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Change…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <location line="+72" />
            <source>%1 was added. Give them the password in person: it is a one-time password, and they choose their own at their first login.</source>
            <translation>%1 was added. Give them the password in person: it is a one-time password, and they choose their own at their first login.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 was added.</source>
            <translation>%1 was added.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is disabled.</source>
            <translation>%1 is disabled.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 was changed.</source>
            <translation>%1 was changed.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Your password was changed.</source>
            <translation>Your password was changed.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 has a one-time password now. Give it to them in person: they must choose their own at their next login.</source>
            <translation>%1 has a one-time password now. Give it to them in person: they must choose their own at their next login.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Disable user</source>
            <translation>Disable user</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disable %1? Their keys are taken away; they can no longer log in. The database gets a new key.</source>
            <translation>Disable %1? Their keys are taken away; they can no longer log in. The database gets a new key.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 was disabled.</source>
            <translation>%1 was disabled.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re-encrypt older backups?</source>
            <translation>Re-encrypt older backups?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backups made before now still open with %1's old password. Re-encrypt them with the database's new key, so that old passwords no longer open them? This may take a while with many backups.</source>
            <translation>Backups made before now still open with %1's old password. Re-encrypt them with the database's new key, so that old passwords no longer open them? This may take a while with many backups.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 was disabled. Older backups were not re-encrypted: they still open with the old passwords.</source>
            <translation>%1 was disabled. Older backups were not re-encrypted: they still open with the old passwords.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Re-encrypting older backups…</source>
            <translation>Re-encrypting older backups…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Re-encrypting older backups… (%1 of %2)</source>
            <translation>Re-encrypting older backups… (%1 of %2)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Re-encrypted %1 older backups; %2 already used the current key.</source>
            <translation>Re-encrypted %1 older backups; %2 already used the current key.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 could not be opened with the keys known here and still open with old passwords; delete them once you are sure you do not need them (or re-encrypt them on the command line with custdesk backup rekey): %2</source>
            <translation>%1 could not be opened with the keys known here and still open with old passwords; delete them once you are sure you do not need them (or re-encrypt them on the command line with custdesk backup rekey): %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The older backups were not re-encrypted: %1</source>
            <translation>The older backups were not re-encrypted: %1</translation>
        </message>
    </context>
    <context>
        <name>ValidationPage</name>
        <message>
            <location filename="../../custdesk/gui/grading/validation_page.py" line="+86" />
            <source>Scorecard validation</source>
            <extracomment>the versions on offer were read (tests wait on it) a validation ended: shown, or its error shown the PDF was written: its path</extracomment>
            <translation>Scorecard validation</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How well a scorecard version ranked what happened: on the firm's own outcomes or on a history file of past customers.</source>
            <translation>How well a scorecard version ranked what happened: on the firm's own outcomes or on a history file of past customers.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Re-fit scorecard…</source>
            <translation>Re-fit scorecard…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The firm's outcomes</source>
            <translation>The firm's outcomes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>History file</source>
            <translation>History file</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Optional: a second file of the same columns, for the population stability (PSI)</source>
            <translation>Optional: a second file of the same columns, for the population stability (PSI)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Compare with</source>
            <translation>Compare with</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Validate</source>
            <translation>Validate</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>What to validate</source>
            <translation>What to validate</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Scorecard version</source>
            <translation>Scorecard version</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Outcomes</source>
            <translation>Outcomes</translation>
        </message>
        <message>
            <location line="+45" />
            <source>%1 (in use)</source>
            <translation>%1 (in use)</translation>
        </message>
        <message>
            <location line="-58" />
            <source>Report language</source>
            <translation>Report language</translation>
        </message>
        <message>
            <location line="+62" />
            <source>The firm's outcomes are not available in this database.</source>
            <translation>The firm's outcomes are not available in this database.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Population to compare with</source>
            <translation>Population to compare with</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Choose the file and its outcome column.</source>
            <translation>Choose the file and its outcome column.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Scorecard validation %1.pdf</source>
            <translation>Scorecard validation %1.pdf</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
    </context>
    <context>
        <name>ValidationView</name>
        <message>
            <location filename="../../custdesk/gui/grading/validation_results.py" line="+74" />
            <location line="+20" />
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <location line="-19" />
            <location line="+19" />
            <source>Bad</source>
            <translation>Bad</translation>
        </message>
        <message>
            <location line="-17" />
            <source>Gini</source>
            <translation>Gini</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bad rate</source>
            <translation>Bad rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>95% interval</source>
            <translation>95% interval</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Remark</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Bad rate by grade</source>
            <translation>Bad rate by grade</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Ranking curve</source>
            <translation>Ranking curve</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Grade migration over 12 months</source>
            <translation>Grade migration over 12 months</translation>
        </message>
        <message>
            <location line="+11" />
            <source>What the figures mean</source>
            <translation>What the figures mean</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Choose a scorecard version and the outcomes to validate it on, then Validate.</source>
            <translation>Choose a scorecard version and the outcomes to validate it on, then Validate.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 not scored</source>
            <translation>%1 not scored</translation>
        </message>
        <message>
            <location line="+2" />
            <source>bad rate %1</source>
            <translation>bad rate %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The chance that a good customer scores above a bad one: 0.5 is chance, 1 a perfect split.</source>
            <translation>The chance that a good customer scores above a bad one: 0.5 is chance, 1 a perfect split.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The widest gap between the score distributions of goods and bads.</source>
            <translation>The widest gap between the score distributions of goods and bads.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>not measured</source>
            <translation>not measured</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose a comparison file to measure how far the population moved.</source>
            <translation>Choose a comparison file to measure how far the population moved.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The grades of the last 24 months do not cover both periods.</source>
            <translation>The grades of the last 24 months do not cover both periods.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Out of order</source>
            <translation>Out of order</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Out of order: below %1 (%2)</source>
            <translation>Out of order: below %1 (%2)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A better grade has a higher bad rate: the scorecard does not order risk here.</source>
            <translation>A better grade has a higher bad rate: the scorecard does not order risk here.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Highlighted: grades whose bad rate is below that of a better grade (grades with at least %1 rows are compared). There the scorecard does not order risk; check those grades' cut-offs and the characteristics behind them.</source>
            <translation>Highlighted: grades whose bad rate is below that of a better grade (grades with at least %1 rows are compared). There the scorecard does not order risk; check those grades' cut-offs and the characteristics behind them.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Then \ now</source>
            <translation>Then \ now</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Each customer holding a grade on %1, by the grade held on %2: %3 customers. Left out: %4 already bad, %5 closed before the start.</source>
            <translation>Each customer holding a grade on %1, by the grade held on %2: %3 customers. Left out: %4 already bad, %5 closed before the start.</translation>
        </message>
    </context>
    <context>
        <name>WarningDialog</name>
        <message>
            <location filename="../../custdesk/gui/warning_dialog.py" line="+76" />
            <source>Warning #%1</source>
            <extracomment>a handling was stored: (code, action) the user asked to open the customer's file the warning on view is the newest read (tests wait on it)</extracomment>
            <translation>Warning #%1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Severity:</source>
            <translation>Severity:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised:</source>
            <translation>Raised:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Facts:</source>
            <translation>Facts:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed:</source>
            <translation>Closed:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Handling</source>
            <translation>Handling</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+41" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="-36" />
            <source>What was found or done. Optional to acknowledge; required to record an action or to close.</source>
            <translation>What was found or done. Optional to acknowledge; required to record an action or to close.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Mark the warning as seen; it stays open.</source>
            <translation>Mark the warning as seen; it stays open.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record action</source>
            <translation>Record action</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write down what was done (a note is required); the warning stays open.</source>
            <translation>Write down what was done (a note is required); the warning stays open.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The matter is settled (a note is required). The same episode is not raised again.</source>
            <translation>The matter is settled (a note is required). The same episode is not raised again.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Open file</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Mark as seen</source>
            <translation>Mark as seen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close the warning</source>
            <translation>Close the warning</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close this window; the warning stays as it is.</source>
            <translation>Close this window; the warning stays as it is.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Handle this warning</source>
            <translation>Handle this warning</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Handling history</source>
            <translation>Handling history</translation>
        </message>
        <message>
            <location line="+18" />
            <source>This warning is no longer in your view.</source>
            <translation>This warning is no longer in your view.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>%1 (today)</source>
            <translation>%1 (today)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (yesterday)</source>
            <translation>%1 (yesterday)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2 days ago)</source>
            <translation>%1 (%2 days ago)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 by %2: %3</source>
            <translation>%1 by %2: %3</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Acknowledged</source>
            <translation>Acknowledged</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action taken</source>
            <translation>Action taken</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Escalated</source>
            <translation>Escalated</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Your role may view warnings but not handle them.</source>
            <translation>Your role may view warnings but not handle them.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Acknowledged.</source>
            <translation>Acknowledged.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action recorded.</source>
            <translation>Action recorded.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warning closed.</source>
            <translation>Warning closed.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../custdesk/gui/setup_wizard.py" line="-347" />
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This assistant creates the encrypted database for your customer credit files and its first user, the administrator. It takes a minute.</source>
            <translation>This assistant creates the encrypted database for your customer credit files and its first user, the administrator. It takes a minute.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. the name on the business licence</source>
            <translation>e.g. the name on the business licence</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The database will be created at:</source>
            <translation>The database will be created at:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Firm name:</source>
            <translation>Firm name:</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../custdesk/gui/app.py" line="-210" />
            <source>This database is already open in another custdesk window.</source>
            <translation>This database is already open in another custdesk window.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Creating the demo database with sample customers…</source>
            <translation>Creating the demo database with sample customers…</translation>
        </message>
        <message>
            <location line="+173" />
            <source>The automatic backup failed: %1</source>
            <translation>The automatic backup failed: %1</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <location line="-271" />
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong. Your saved data is safe; the last action may not have been completed. Please send the report below to your administrator.</source>
            <translation>Something went wrong. Your saved data is safe; the last action may not have been completed. Please send the report below to your administrator.</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <location filename="../../custdesk/gui/reports/common.py" line="+31" />
            <source>Chinese</source>
            <extracomment>report languages as core names them QSettings keys of the folders last used</extracomment>
            <translation>Chinese</translation>
        </message>
        <message>
            <location line="+1" />
            <source>English</source>
            <translation>English</translation>
        </message>
    </context>
    <context>
        <name>restore</name>
        <message>
            <location filename="../../custdesk/gui/backup_settings.py" line="-25" />
            <source>That password does not open this backup either.</source>
            <translation>That password does not open this backup either.</translation>
        </message>
        <message>
            <location filename="../../custdesk/gui/restoring.py" line="+33" />
            <source>Restore backup</source>
            <extracomment>what a restore job returns when the backup needs the password as it was then</extracomment>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your current password does not open this backup: it was changed after the backup was made. Enter your password as it was then:</source>
            <translation>Your current password does not open this backup: it was changed after the backup was made. Enter your password as it was then:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The backup was restored.</source>
            <translation>The backup was restored.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These users were active in the backup but had been disabled before the restore; they were disabled again (with new keys): %1</source>
            <translation>These users were active in the backup but had been disabled before the restore; they were disabled again (with new keys): %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Passwords are as they were when the backup was made: yours is the one you gave for the backup.</source>
            <translation>Passwords are as they were when the backup was made: yours is the one you gave for the backup.</translation>
        </message>
    </context>
</TS>
