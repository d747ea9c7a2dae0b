<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept as it is</source>
        <translation>照現況接受</translation>
    </message>
    <message>
        <source>Why is {name}&apos;s record right as it stands?</source>
        <translation>為什麼 {name} 的這筆紀錄照現況就是對的？</translation>
    </message>
    <message>
        <source>Why are these {n} records right as they stand? The one reason is kept with each of them.</source>
        <translation>為什麼這 {n} 筆紀錄照現況就是對的？同一個原因會分別保存在每一筆紀錄。</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>⋯⋯另有 {n} 筆</translation>
    </message>
    <message>
        <source>e.g. signed the paper sheet; forgot to sign out</source>
        <translation>例如：簽了紙本；忘記簽退</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please give the reason: it is kept with the record.</source>
        <translation>請填寫原因，原因會和紀錄一起保存。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Supervisor accounts</source>
        <translation>督導帳號</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新增帳號…</translation>
    </message>
    <message>
        <source>Set a new password…</source>
        <translation>設定新密碼…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除鎖定</translation>
    </message>
    <message>
        <source>Lift the lock after wrong passwords, so the account may log in again</source>
        <translation>解除因密碼輸入錯誤造成的鎖定，讓這個帳號可以再登入</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用／啟用</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>變更我的密碼</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>目前的密碼</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再輸入一次新密碼</translation>
    </message>
    <message>
        <source>Account {name} created.</source>
        <translation>已建立帳號 {name}。</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>請先選擇一個帳號。</translation>
    </message>
    <message>
        <source>The password of {name} was set; tell them in person.</source>
        <translation>已設定 {name} 的密碼，請當面告知本人。</translation>
    </message>
    <message>
        <source>{name} is unlocked and may log in again.</source>
        <translation>已解除 {name} 的鎖定，可以再登入了。</translation>
    </message>
    <message>
        <source>{name} was not locked.</source>
        <translation>{name} 沒有被鎖定。</translation>
    </message>
    <message>
        <source>The last active account cannot be disabled.</source>
        <translation>最後一個啟用中的帳號不能停用。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>兩次輸入的新密碼不一樣。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密碼已變更。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Front desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>The database file {path} is damaged ({problem}). The app will not use it.</source>
        <translation>資料庫檔案 {path} 已損壞（{problem}），程式不會使用它。</translation>
    </message>
    <message>
        <source>The newest good backup is from {when} ({file}). Restore it? The damaged file is kept aside; duties signed after the backup must be entered again from the paper sheet.</source>
        <translation>最近一份完好的備份是 {when} 的（{file}）。要還原嗎？損壞的檔案會另外保留；備份之後的簽到、簽退須依紙本簽到表重新登錄。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <source>No sound backup was found. Keep the file as it is and ask for help.</source>
        <translation>找不到完好的備份。請保留檔案現狀，並請資訊人員協助。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be written: {why} The desk works, but please tell the supervisor.</source>
        <translation>今天的備份無法寫入：{why}服務台仍可使用，但請告知志工督導。</translation>
    </message>
    <message>
        <source>The front desk app is already running; its window was brought forward.</source>
        <translation>服務台程式已經在執行，已把它的視窗帶到最前面。</translation>
    </message>
    <message>
        <source>The database {path} is being restored or used by another frontdesk program; try again when it has finished.</source>
        <translation>資料庫 {path} 正在還原，或正被另一個 frontdesk 程式使用；請等它完成後再試。</translation>
    </message>
    <message>
        <source>The front desk app is already running with this data folder ({folder}). Use the window that is open, or close it first.</source>
        <translation>服務台程式已經在使用這個資料夾（{folder}），不能再開一個。請使用已經開著的視窗，或先把它關掉。</translation>
    </message>
</context>
<context>
    <name>ArrangeDialog</name>
    <message>
        <source>Arrange a swap</source>
        <translation>安排換班</translation>
    </message>
    <message>
        <source>Move: someone else serves the duty</source>
        <translation>代班：由另一位志工值這個班</translation>
    </message>
    <message>
        <source>Swap: two volunteers exchange duties</source>
        <translation>交換：兩位志工互換班</translation>
    </message>
    <message>
        <source>Duty: day</source>
        <translation>班：日期</translation>
    </message>
    <message>
        <source>Duty: slot</source>
        <translation>班：班別</translation>
    </message>
    <message>
        <source>Now served by</source>
        <translation>目前值班志工</translation>
    </message>
    <message>
        <source>To be served by</source>
        <translation>改由</translation>
    </message>
    <message>
        <source>In return: day</source>
        <translation>換回的班：日期</translation>
    </message>
    <message>
        <source>In return: slot</source>
        <translation>換回的班：班別</translation>
    </message>
    <message>
        <source>In return: now served by</source>
        <translation>換回的班：目前值班志工</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>距值班</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>nobody on it</source>
        <translation>沒有人值這個班</translation>
    </message>
    <message>
        <source>nobody is free for this duty</source>
        <translation>這個班沒有人有空</translation>
    </message>
    <message>
        <source>This duty has already started; it can no longer be arranged.</source>
        <translation>這一班已經開始，不能再安排換班。</translation>
    </message>
    <message>
        <source>less than {days} days: please give a reason (it is kept in the history).</source>
        <translation>不到 {days} 天：請填寫原因（會保留在紀錄中）。</translation>
    </message>
    <message>
        <source>Nobody is on that duty; choose another day or slot.</source>
        <translation>那個班沒有人值班，請選擇其他日期或班別。</translation>
    </message>
    <message>
        <source>Nobody is on the duty in return; choose another.</source>
        <translation>換回的班沒有人值班，請另選一個。</translation>
    </message>
    <message>
        <source>Choose who serves the duty.</source>
        <translation>請選擇由誰值這個班。</translation>
    </message>
    <message>
        <source>Arrange anyway?</source>
        <translation>仍要安排嗎？</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Absent: did not sign in</source>
        <translation>缺勤：未簽到</translation>
    </message>
    <message>
        <source>Sign-out closed automatically</source>
        <translation>系統自動簽退</translation>
    </message>
    <message>
        <source>Walk-in: not on the roster</source>
        <translation>臨時支援：不在班表上</translation>
    </message>
    <message>
        <source>Late by {n} min</source>
        <translation>遲到 {n} 分</translation>
    </message>
    <message>
        <source>Left {n} min early</source>
        <translation>早退 {n} 分</translation>
    </message>
    <message>
        <source>Late by {late} min, left {early} min early</source>
        <translation>遲到 {late} 分、早退 {early} 分</translation>
    </message>
    <message>
        <source>Needs a look (clock or entry)</source>
        <translation>需要確認（時鐘或登錄）</translation>
    </message>
    <message>
        <source>Came back: a second sign-in within the same duty</source>
        <translation>返回值勤：同一時段再次簽到</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>班別</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>簽到時間</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>簽退時間</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>認列時數</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正紀錄</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Accept as it is…</source>
        <translation>照現況接受…</translation>
    </message>
    <message>
        <source>Correct the times…</source>
        <translation>更正時間…</translation>
    </message>
    <message>
        <source>Enter a duty by hand…</source>
        <translation>手動登錄值班…</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待確認</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>History of the selected record</source>
        <translation>所選紀錄的歷程</translation>
    </message>
    <message>
        <source>To review ({n})</source>
        <translation>待確認（{n}）</translation>
    </message>
    <message>
        <source>History of {name}, {day} {slot}</source>
        <translation>{name} {day} {slot} 的歷程</translation>
    </message>
    <message>
        <source>Select a record first.</source>
        <translation>請先選擇一筆紀錄。</translation>
    </message>
    <message>
        <source>Accepted {n} record(s); the reason is kept in each record&apos;s history.</source>
        <translation>已接受 {n} 筆紀錄，原因已記在每一筆紀錄的歷程中。</translation>
    </message>
    <message>
        <source>Correct the times</source>
        <translation>更正時間</translation>
    </message>
    <message>
        <source>Enter a duty by hand</source>
        <translation>手動登錄值班</translation>
    </message>
    <message>
        <source>Select one record to correct its times.</source>
        <translation>修正時間請只選一筆紀錄。</translation>
    </message>
    <message>
        <source>Corrected; the old times stay in the record&apos;s history.</source>
        <translation>已更正，原本的時間保留在紀錄的歷程中。</translation>
    </message>
    <message>
        <source>The duty was entered.</source>
        <translation>已登錄這次值班。</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>No.</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>About</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新檢查</translation>
    </message>
    <message>
        <source>Every change is written here and chained by a fingerprint (SHA-256): an entry altered or removed afterwards breaks the chain. Read-only.</source>
        <translation>每一項變更都記在這裡，並以指紋（SHA-256）串連：事後被修改或刪除的紀錄會讓鏈結斷開。僅供查看。</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部動作</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>匯出 Excel⋯</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>✓ The chain verifies: {n} entries, none altered.</source>
        <translation>✓ 鏈結驗證無誤：共 {n} 筆，沒有被修改。</translation>
    </message>
    <message>
        <source>× The chain is broken at entry {id}: the log was changed outside the app. Keep this database as it is and tell the IT staff.</source>
        <translation>× 鏈結在第 {id} 筆斷開：紀錄曾在程式之外被修改。請保留資料庫現狀並通知資訊人員。</translation>
    </message>
    <message>
        <source>Showing the newest {n} entries; choose fewer days to see the older ones.</source>
        <translation>只列出最新的 {n} 筆；要看更早的紀錄，請縮短日期範圍。</translation>
    </message>
    <message>
        <source>{n} entries.</source>
        <translation>共 {n} 筆。</translation>
    </message>
    <message>
        <source>Select an entry to read it in full.</source>
        <translation>點選一筆紀錄，可在這裡看完整內容。</translation>
    </message>
    <message>
        <source>Saved {n} entries to {path}.</source>
        <translation>已將 {n} 筆紀錄存到 {path}。</translation>
    </message>
</context>
<context>
    <name>BandChoice</name>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar and settings</source>
        <translation>行事曆與設定</translation>
    </message>
    <message>
        <source>Official calendar (行政機關辦公日曆表)</source>
        <translation>行政機關辦公日曆表</translation>
    </message>
    <message>
        <source>Import the DGPA&apos;s CSV for a year (from data.gov.tw) so bridge days off and make-up working Saturdays are exact. A wrong file is refused and changes nothing.</source>
        <translation>匯入人事行政總處當年度的 CSV（政府資料開放平臺），讓彈性放假與補行上班日正確。錯誤的檔案會被拒絕，不會改變任何資料。</translation>
    </message>
    <message>
        <source>Import the DGPA calendar CSV…</source>
        <translation>匯入辦公日曆表 CSV…</translation>
    </message>
    <message>
        <source>Typhoon or disaster closure (停止上班)</source>
        <translation>颱風或災害停止上班</translation>
    </message>
    <message>
        <source>The whole day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Typhoon: offices closed</source>
        <translation>颱風停止上班</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>停止上班</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>恢復上班</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Which part</source>
        <translation>時段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Closed duties are cancelled: nobody is counted absent, and the roster shows why.</source>
        <translation>停止上班的班會取消：不會有人被記缺勤，班表上會顯示原因。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>機關名稱</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>服務台名稱</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>位志工</translation>
    </message>
    <message>
        <source>{slot} duty</source>
        <translation>{slot}班</translation>
    </message>
    <message>
        <source>Swap notice (days)</source>
        <translation>換班須提前（天）</translation>
    </message>
    <message>
        <source>Sign-in opens before the duty (minutes)</source>
        <translation>值班前幾分鐘開放簽到</translation>
    </message>
    <message>
        <source>Late after (minutes of grace)</source>
        <translation>遲到寬限（分鐘）</translation>
    </message>
    <message>
        <source>Early leave before (minutes of grace)</source>
        <translation>早退寬限（分鐘）</translation>
    </message>
    <message>
        <source>Close a forgotten sign-out after (minutes)</source>
        <translation>忘記簽退時，幾分鐘後自動結束</translation>
    </message>
    <message>
        <source>Default weekly maximum of duties</source>
        <translation>預設每週最多值班數</translation>
    </message>
    <message>
        <source>Desk screen back to start after (seconds)</source>
        <translation>服務台畫面閒置幾秒後回到首頁</translation>
    </message>
    <message>
        <source>The answer to a scan stays on screen for (seconds)</source>
        <translation>簽到、簽退結果顯示幾秒後回到首頁</translation>
    </message>
    <message>
        <source>Desk sound volume (0 = no sound)</source>
        <translation>服務台提示音量（0 為靜音）</translation>
    </message>
    <message>
        <source>Supervisor screen locks after (minutes)</source>
        <translation>督導畫面閒置幾分鐘後鎖定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Make-up working Saturdays (補行上班) are desk duty days</source>
        <translation>補行上班的星期六也要值班</translation>
    </message>
    <message>
        <source>Ask for the volunteer&apos;s PIN when signing in without the card (tapping a name or typing the number)</source>
        <translation>不刷卡簽到（點名字或輸入號碼）時，要輸入志工的 PIN 碼</translation>
    </message>
    <message>
        <source>Phone courtesy test: a follow-up is needed under (points)</source>
        <translation>電話禮貌測試：低於幾分須有改善措施（分）</translation>
    </message>
    <message>
        <source>Show the desk&apos;s latest phone courtesy test score on the desk screen</source>
        <translation>在服務台畫面顯示最近一次電話禮貌測試分數</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{setting}: {old} → {new}</source>
        <translation>{setting}：{old} → {new}</translation>
    </message>
    <message>
        <source>{slot} times</source>
        <translation>{slot} 時間</translation>
    </message>
    <message>
        <source>{slot} at least</source>
        <translation>{slot} 至少</translation>
    </message>
    <message>
        <source>{slot} at most</source>
        <translation>{slot} 最多</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <source>Duty times and staffing</source>
        <translation>值班時間與人數</translation>
    </message>
    <message>
        <source>Duty points on the desk screen (one a line)</source>
        <translation>服務台畫面的值班要點（一行一項）</translation>
    </message>
    <message>
        <source>Phone script on the desk screen</source>
        <translation>服務台畫面的電話禮貌用語</translation>
    </message>
    <message>
        <source>Make-up Saturdays</source>
        <translation>補行上班日</translation>
    </message>
    <message>
        <source>One line each: a heading, a full-width colon (：) and the words. {agency} is replaced by the agency name. Add the extensions of the main counters, e.g. 分機：掛號 101、預防注射 102.</source>
        <translation>每行一項：標題、全形冒號（：）和內容。{agency} 會換成機關名稱。請加上主要櫃台的分機，例如「分機：掛號 101、預防注射 102」。</translation>
    </message>
    <message>
        <source>DGPA calendar CSV</source>
        <translation>辦公日曆表 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The file was not imported; nothing changed. {why}</source>
        <translation>檔案沒有匯入，資料沒有變更。{why}</translation>
    </message>
    <message>
        <source>The calendar of {year} is already imported as in this file.</source>
        <translation>{year} 年的行事曆已經照這個檔案匯入過了，沒有任何變更。</translation>
    </message>
    <message>
        <source>Calendar of {year} imported: {days} days, {off} days off.</source>
        <translation>已匯入 {year} 年行事曆：共 {days} 天，放假 {off} 天。</translation>
    </message>
    <message>
        <source>the whole day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>{day}: {what} closed. Its duties are cancelled; nobody is absent.</source>
        <translation>{day}：{what}停止上班。這些班已取消，不會有人被記缺勤。</translation>
    </message>
    <message>
        <source>On duty right now: {names}. They are not signed out; the time they serve is kept and put up for review. Tell them the desk is closing.</source>
        <translation>現在正在值班：{names}。系統不會替他們簽退；他們服務的時間會保留並列入待確認。請告訴他們服務台要停止上班。</translation>
    </message>
    <message>
        <source>{day} is open again.</source>
        <translation>{day} 已恢復上班。</translation>
    </message>
    <message>
        <source>{day} was not closed.</source>
        <translation>{day} 原本就沒有停止上班。</translation>
    </message>
    <message>
        <source>Ordinary working day</source>
        <translation>一般上班日</translation>
    </message>
    <message>
        <source>closed: {slots}</source>
        <translation>停止上班：{slots}</translation>
    </message>
    <message>
        <source>Closures in the next two months: {list}</source>
        <translation>未來兩個月停止上班的日子：{list}</translation>
    </message>
    <message>
        <source>must be between {lo} and {hi}.</source>
        <translation>必須介於 {lo} 到 {hi} 之間。</translation>
    </message>
    <message>
        <source>a duty must end after it starts.</source>
        <translation>班的結束時間必須晚於開始時間。</translation>
    </message>
    <message>
        <source>the morning and afternoon duties overlap.</source>
        <translation>上午班和下午班的時間重疊。</translation>
    </message>
    <message>
        <source>the minimum must not be more than the maximum.</source>
        <translation>最少人數不能多於最多人數。</translation>
    </message>
    <message>
        <source>must be {lo} to {hi} characters.</source>
        <translation>必須是 {lo} 到 {hi} 個字。</translation>
    </message>
    <message>
        <source>must be at most {count} lines.</source>
        <translation>最多 {count} 行。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>沒有任何變更。</translation>
    </message>
    <message>
        <source>{field}: {why} Nothing was saved.</source>
        <translation>{field}：{why}沒有儲存任何設定。</translation>
    </message>
    <message>
        <source>Save the settings?</source>
        <translation>儲存設定？</translation>
    </message>
    <message>
        <source>These settings change:
{changes}

Save them?</source>
        <translation>以下設定將會變更：
{changes}

確定要儲存嗎？</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>沒有儲存任何變更。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>設定已儲存。</translation>
    </message>
    <message>
        <source>Shared server out of reach after no answer for (seconds)</source>
        <translation>共用資料庫多久沒回應即改為離線作業（秒）</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>沒有做任何變更。</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>請確認</translation>
    </message>
    <message>
        <source>Close {day} ({what})? Its {n} rostered duties are cancelled and nobody is counted absent, until the day is opened again.</source>
        <translation>要讓 {day}（{what}）停止上班嗎？當天班表上的 {n} 個班會取消，不會有人被記缺勤，直到恢復上班為止。</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} 小時</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} 分鐘</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is about {amount} ahead of the time it last trusted (noticed at {when} on its clock).</source>
        <translation>這台電腦的時鐘比上次確認的時間快了約 {amount}（依它的時鐘，於 {when} 發現）。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is about {amount} behind the time it last trusted (noticed at {when} on its clock).</source>
        <translation>這台電腦的時鐘比上次確認的時間慢了約 {amount}（依它的時鐘，於 {when} 發現）。</translation>
    </message>
    <message>
        <source>Until it is settled no forgotten sign-out is closed and no absence recorded, and every scan is marked for review. Set the clock right, or confirm that it is right.</source>
        <translation>處理好之前，不會自動結束忘記簽退的值勤，也不會記缺席，每次刷卡都會標示待檢查。請把時鐘調正確，或確認時鐘是正確的。</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>不是</translation>
    </message>
    <message>
        <source>Is it {name}?</source>
        <translation>是 {name} 嗎？</translation>
    </message>
</context>
<context>
    <name>CorrectionHistoryModel</name>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>By</source>
        <translation>更正者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>變更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>變更後</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>in {in_} · out {out} · {status}</source>
        <translation>簽到 {in_} · 簽退 {out} · {status}</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>班別</translation>
    </message>
    <message>
        <source>On duty / minimum</source>
        <translation>值班人數／最少人數</translation>
    </message>
    <message>
        <source>Could take it</source>
        <translation>可以支援的志工</translation>
    </message>
    <message>
        <source>nobody free</source>
        <translation>沒有人有空</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{weekday} {roc}/{month}/{day}</source>
        <translation>{roc}年{month}月{day}日（{weekday}）</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{days} days {hours} hours</source>
        <translation>{days} 天 {hours} 小時</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} 分鐘</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小時</translation>
    </message>
    <message>
        <source>{hours} hours {minutes} minutes</source>
        <translation>{hours} 小時 {minutes} 分鐘</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up the desk</source>
        <translation>設定服務台</translation>
    </message>
    <message>
        <source>Welcome! Let&apos;s set up this desk</source>
        <translation>歡迎！先來設定這個服務台</translation>
    </message>
    <message>
        <source>Name the agency and the desk as volunteers should see them, and create the first supervisor (志工督導) account.</source>
        <translation>請輸入志工會看到的機關與服務台名稱，並建立第一個志工督導帳號。</translation>
    </message>
    <message>
        <source>e.g. 高雄市○○區衛生所</source>
        <translation>例如：高雄市○○區衛生所</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>機關名稱</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>服務台名稱</translation>
    </message>
    <message>
        <source>Supervisor user name</source>
        <translation>督導帳號</translation>
    </message>
    <message>
        <source>Supervisor&apos;s name</source>
        <translation>督導姓名</translation>
    </message>
    <message>
        <source>Password (at least {n} characters)</source>
        <translation>密碼（至少 {n} 個字元）</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密碼至少需要 {n} 個字元。</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再輸入一次密碼</translation>
    </message>
    <message>
        <source>Start using the desk</source>
        <translation>開始使用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter the agency name.</source>
        <translation>請輸入機關名稱。</translation>
    </message>
    <message>
        <source>Please enter a user name for the supervisor.</source>
        <translation>請輸入督導帳號。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不一樣。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{person}, {when}: {total} points</source>
        <translation>{person}，{when}：{total} 分</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>改善措施內容</translation>
    </message>
    <message>
        <source>On</source>
        <translation>改善日期</translation>
    </message>
</context>
<context>
    <name>GrantForm</name>
    <message>
        <source>Record a recognition received</source>
        <translation>登錄已獲表揚</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Kind of recognition</source>
        <translation>表揚項目</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>核定日期</translation>
    </message>
    <message>
        <source>Valid until (honor card)</source>
        <translation>有效期限（榮譽卡）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>字號</translation>
    </message>
</context>
<context>
    <name>HoursForm</name>
    <message>
        <source>Enter service hours by hand</source>
        <translation>補登服務時數</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>desk duty unless told</source>
        <translation>未填則為服務台值勤</translation>
    </message>
    <message>
        <source>e.g. health talk in the community</source>
        <translation>例：社區健康講座支援</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>{weekday} {roc}/{month:02d}/{day:02d} (ROC)</source>
        <translation>民國{roc}年{month}月{day}日 {weekday}</translation>
    </message>
    <message>
        <source>Morning duty</source>
        <translation>上午班</translation>
    </message>
    <message>
        <source>Afternoon duty</source>
        <translation>下午班</translation>
    </message>
    <message>
        <source>Duty {code}</source>
        <translation>{code} 班</translation>
    </message>
    <message>
        <source>No desk duty today: it is the weekend.</source>
        <translation>今天是週末，不用值班。</translation>
    </message>
    <message>
        <source>No desk duty today: it is a holiday.</source>
        <translation>今天放假，不用值班。</translation>
    </message>
    <message>
        <source>The office is closed today.</source>
        <translation>今天停止上班。</translation>
    </message>
    <message>
        <source>Today is a make-up working day without desk duty.</source>
        <translation>今天是補行上班日，志工不用值班。</translation>
    </message>
    <message>
        <source>No desk duty today.</source>
        <translation>今天不用值班。</translation>
    </message>
    <message>
        <source>Volunteers do not need to sign in today.</source>
        <translation>今天志工不需要簽到。</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>did not sign in</source>
        <translation>未簽到</translation>
    </message>
    <message>
        <source>not signed in yet</source>
        <translation>尚未簽到</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time} 簽到</translation>
    </message>
    <message>
        <source>late {duration}</source>
        <translation>遲到 {duration}</translation>
    </message>
    <message>
        <source>out {time}</source>
        <translation>{time} 簽退</translation>
    </message>
    <message>
        <source>no sign-out: closed automatically</source>
        <translation>未簽退，已自動結束</translation>
    </message>
    <message>
        <source>not signed out yet: please scan to sign out</source>
        <translation>還沒簽退，請刷卡簽退</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>臨時支援</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>停止值班</translation>
    </message>
    <message>
        <source>Nobody on duty: please tell the supervisor</source>
        <translation>沒有人值班：請告知志工督導</translation>
    </message>
    <message>
        <source>Short of volunteers ({have} of {need})</source>
        <translation>人手不足（{have}／{need} 人）</translation>
    </message>
    <message>
        <source>{name} {time}</source>
        <translation>{name} {time} 簽到</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 等 {count} 位</translation>
    </message>
    <message>
        <source>{slot} · on duty: {who}</source>
        <translation>{slot} · 值班中：{who}</translation>
    </message>
    <message>
        <source>{slot} · sign-in is open</source>
        <translation>{slot} · 已開放簽到</translation>
    </message>
    <message>
        <source>{slot} · nobody is on duty now</source>
        <translation>{slot} · 目前沒有人值班</translation>
    </message>
    <message>
        <source>Next: {slot}</source>
        <translation>下一班：{slot}</translation>
    </message>
    <message>
        <source>Today&apos;s desk duties are over. Thank you!</source>
        <translation>今天的值班已經結束，謝謝您！</translation>
    </message>
    <message>
        <source>Never give out anyone&apos;s phone number, address or personal data.</source>
        <translation>有人詢問他人手機、電話、地址或個資時，請婉轉回絕。</translation>
    </message>
    <message>
        <source>That PIN is not right. You can try {left} more times today.</source>
        <translation>PIN 碼不對。今天還可以再試 {left} 次。</translation>
    </message>
    <message>
        <source>Too many wrong PINs</source>
        <translation>PIN 錯誤太多次</translation>
    </message>
    <message>
        <source>Signing in without the card is locked for today. Please scan your card, or ask the supervisor.</source>
        <translation>今天不能再用名字或號碼簽到了。請刷卡，或請督導協助。</translation>
    </message>
    <message>
        <source>No PIN set yet</source>
        <translation>尚未設定 PIN</translation>
    </message>
    <message>
        <source>This desk asks for a PIN without the card. Please scan your card, or ask the supervisor to set your PIN.</source>
        <translation>不刷卡簽到要輸入 PIN 碼，您還沒有設定。請刷卡，或請督導為您設定 PIN 碼。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>沒有簽到</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>這次沒有記錄任何資料。</translation>
    </message>
    <message>
        <source>This card could not be read.</source>
        <translation>無法辨識這張卡。</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>簽到成功</translation>
    </message>
    <message>
        <source>{slot} · extra help (walk-in); the supervisor will be told.</source>
        <translation>{slot} · 臨時支援（不在今天的班表），會通知志工督導。</translation>
    </message>
    <message>
        <source>{slot} · on time. Thank you!</source>
        <translation>{slot} · 準時，謝謝您！</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>簽退成功</translation>
    </message>
    <message>
        <source>Already recorded</source>
        <translation>已經記錄過了</translation>
    </message>
    <message>
        <source>You already scanned at {time}; nothing more to do.</source>
        <translation>您在 {time} 已經刷過卡，不用再刷。</translation>
    </message>
    <message>
        <source>Already signed in</source>
        <translation>已經簽到了</translation>
    </message>
    <message>
        <source>You signed in at {time}; your duty starts at {start}.</source>
        <translation>您 {time} 已簽到，{start} 開始值班。</translation>
    </message>
    <message>
        <source>You have already signed out</source>
        <translation>您已經簽退了</translation>
    </message>
    <message>
        <source>You signed out of {slot} at {time}. Thank you for your help today!</source>
        <translation>{slot}：您 {time} 已經簽退了，今天不用再刷卡。謝謝您今天的幫忙！</translation>
    </message>
    <message>
        <source>Too early to sign in</source>
        <translation>還沒到簽到時間</translation>
    </message>
    <message>
        <source>Your duty today ({slot}) is over. Thank you!</source>
        <translation>您今天的值班（{slot}）已經結束，謝謝您！</translation>
    </message>
    <message>
        <source>This card could not be read. Please try again or ask the desk staff.</source>
        <translation>無法辨識這張卡，請再試一次，或請洽所內人員。</translation>
    </message>
    <message>
        <source>Sign-in for {slot} opens at {time}.</source>
        <translation>{slot}，{time} 開始簽到。</translation>
    </message>
    <message>
        <source>Sign out now? It is not {end} yet.</source>
        <translation>現在簽退嗎？還沒到 {end}</translation>
    </message>
    <message>
        <source>{name}: {slot}, signed in at {time}.</source>
        <translation>{name}：{slot}，{time} 簽到。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>簽退</translation>
    </message>
    <message>
        <source>No, I am still on duty</source>
        <translation>不是，我還在值班</translation>
    </message>
    <message>
        <source>Still on duty</source>
        <translation>好的，您還在值班</translation>
    </message>
    <message>
        <source>Nothing was recorded: {slot}, signed in at {time}.</source>
        <translation>沒有簽退。{slot}，{time} 簽到。</translation>
    </message>
    <message>
        <source>Pressed by mistake?</source>
        <translation>按錯了？</translation>
    </message>
    <message>
        <source>Yes, I am still on duty</source>
        <translation>是，我還在值班</translation>
    </message>
    <message>
        <source>No, keep the sign-out</source>
        <translation>不是，維持簽退</translation>
    </message>
    <message>
        <source>{name}, take back the sign-out of {time}? You will be on duty again ({slot}).</source>
        <translation>{name}，要取消 {time} 的簽退嗎？取消後您會回到值班中（{slot}）。</translation>
    </message>
    <message>
        <source>The duty has ended, so the sign-out stands. If you are still helping, please tell the volunteer supervisor.</source>
        <translation>這個班已經結束，簽退不能取消。如果您還在幫忙，請洽志工督導。</translation>
    </message>
    <message>
        <source>Cannot take the sign-out back</source>
        <translation>無法取消簽退</translation>
    </message>
    <message>
        <source>It is too late to take this sign-out back. Please tell the supervisor.</source>
        <translation>已經來不及取消這次簽退，請告訴志工督導。</translation>
    </message>
    <message>
        <source>No more duty today</source>
        <translation>今天沒有班了</translation>
    </message>
    <message>
        <source>Sign-out taken back</source>
        <translation>已取消簽退</translation>
    </message>
    <message>
        <source>You are still on duty: {slot}.</source>
        <translation>您還在值班：{slot}。</translation>
    </message>
    <message>
        <source>{slot} has ended: please scan again to sign out, or tell the supervisor.</source>
        <translation>{slot} 已經結束，請再刷一次卡簽退，或告知志工督導。</translation>
    </message>
    <message>
        <source>{slot} · late by {duration}</source>
        <translation>{slot} · 遲到 {duration}</translation>
    </message>
    <message>
        <source>Left {early} early · {served} served</source>
        <translation>提早 {early}離開 · 服務 {served}</translation>
    </message>
    <message>
        <source>{served} served. Thank you for your help!</source>
        <translation>服務 {served}，謝謝您的協助！</translation>
    </message>
    <message>
        <source>No desk duty today</source>
        <translation>今天不用值班</translation>
    </message>
    <message>
        <source>Card not recognised</source>
        <translation>找不到這個編號</translation>
    </message>
    <message>
        <source>The number {code} is not known. Please ask the desk staff.</source>
        <translation>查無編號 {code}，請洽所內人員。</translation>
    </message>
    <message>
        <source>Cannot sign in</source>
        <translation>無法簽到</translation>
    </message>
    <message>
        <source>You are not an active volunteer at the moment. Please see the supervisor.</source>
        <translation>您目前不是在職志工，請洽志工督導。</translation>
    </message>
    <message>
        <source>The number {code} is not known. Volunteer numbers look like {example} (typing just the digits is fine). Please try again or ask the volunteer supervisor.</source>
        <translation>查無編號 {code}。志工編號像 {example}（只輸入數字也可以）。請再試一次，或請洽志工督導。</translation>
    </message>
    <message>
        <source>The number {code} is not known. Volunteer numbers look like {example}: please type the letters too. Please try again or ask the volunteer supervisor.</source>
        <translation>查無編號 {code}。志工編號像 {example}，請連同前面的字母一起輸入。請再試一次，或請洽志工督導。</translation>
    </message>
    <message>
        <source>Your duty today is {slot}; sign-in opens at {time}.</source>
        <translation>您今天是{slot}，{time} 開始簽到。</translation>
    </message>
    <message>
        <source>Your duty today ({own}) is over. Sign-in for {slot} opens at {time}.</source>
        <translation>您今天的值班（{own}）已經結束。{slot}，{time} 開始簽到。</translation>
    </message>
    <message>
        <source>{name}, your duty today ({own}) is over; you are not on the roster for {slot}.
Sign in as extra help (walk-in)? The supervisor will be told.</source>
        <translation>{name}，您今天的值班（{own}）已經結束；這一班（{slot}）的班表上沒有您。
要以臨時支援簽到嗎？會通知志工督導。</translation>
    </message>
    <message>
        <source>{name}, you are not on today&apos;s roster for {slot}.
Sign in as extra help (walk-in)? The supervisor will be told.</source>
        <translation>{name}，今天的班表上沒有您（{slot}）。
要以臨時支援簽到嗎？會通知志工督導。</translation>
    </message>
    <message>
        <source>The number {code} is not known.</source>
        <translation>查無編號 {code}。</translation>
    </message>
    <message>
        <source>This month {month} h · in all {total} h</source>
        <translation>本月服務 {month} 小時・累計 {total} 小時</translation>
    </message>
    <message>
        <source>You may now apply for the volunteer honor card; please see the supervisor.</source>
        <translation>您已符合志願服務榮譽卡的申請資格，請洽志工督導</translation>
    </message>
    <message>
        <source>You may now apply for the volunteer performance certificate; please see the supervisor.</source>
        <translation>您已符合志願服務績效證明書的申請資格，請洽志工督導</translation>
    </message>
    <message>
        <source>Your hours have reached the {award}; please see the supervisor.</source>
        <translation>您的服務時數已達{award}標準，請洽志工督導</translation>
    </message>
    <message>
        <source>Scan your volunteer card, or type your number and press Enter.</source>
        <translation>請刷志工證，或輸入志工編號後按鍵盤上的 Enter（確認）鍵。</translation>
    </message>
    <message>
        <source>The handover note you were writing has been kept: it comes back when you write a note again today.</source>
        <translation>您剛才寫的交班事項已先保留，今天再寫交班事項時會再出現。</translation>
    </message>
    <message>
        <source>Who is writing the note? Please scan your volunteer card, or tap &apos;Type my number&apos; below (only to name the writer: nothing is signed in).</source>
        <translation>請問是哪一位要寫交班事項？請刷志工證，或按右下角「輸入志工編號」輸入編號（只用來具名，不會簽到）。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Front desk – volunteer sign-in</source>
        <translation>服務台志工簽到</translation>
    </message>
    <message>
        <source>Scan your volunteer card, or type your number and press Enter, or tap your name.</source>
        <translation>請刷志工證，或輸入志工編號後按鍵盤上的 Enter（確認）鍵，或點選自己的名字。</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督導</translation>
    </message>
    <message>
        <source>Duty points</source>
        <translation>值班要點</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話禮貌</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交班事項</translation>
    </message>
    <message>
        <source>▼ More names below: scroll down</source>
        <translation>▼ 下面還有人，請往下滑動</translation>
    </message>
    <message>
        <source>Write a handover note</source>
        <translation>寫交班事項</translation>
    </message>
    <message>
        <source>{name} (supervisor)</source>
        <translation>{name}（督導）</translation>
    </message>
    <message>
        <source>{name} (volunteer)</source>
        <translation>{name}（志工）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>{slot} (now)</source>
        <translation>{slot}（目前）</translation>
    </message>
    <message>
        <source>No handover notes today.</source>
        <translation>今天還沒有交班事項。</translation>
    </message>
    <message>
        <source>Handover ({count})</source>
        <translation>交班事項（{count}）</translation>
    </message>
    <message>
        <source>Number: {code}</source>
        <translation>編號：{code}</translation>
    </message>
    <message>
        <source>Could not record this scan</source>
        <translation>這次刷卡沒有記錄成功</translation>
    </message>
    <message>
        <source>Please try again, or use the paper sign-in sheet.</source>
        <translation>請再試一次，或使用紙本簽到表。</translation>
    </message>
    <message>
        <source>The supervisor area opens here after the supervisor signs in.
It is not available in this version yet.</source>
        <translation>督導登入後會在這裡開啟督導專區。
這個版本還沒有提供。</translation>
    </message>
    <message>
        <source>Type my number</source>
        <translation>輸入志工編號</translation>
    </message>
    <message>
        <source>Unnamed (desk)</source>
        <translation>未具名（服務台）</translation>
    </message>
</context>
<context>
    <name>LineTab</name>
    <message>
        <source>◀ Week before</source>
        <translation>◀ 前一週</translation>
    </message>
    <message>
        <source>Week after ▶</source>
        <translation>後一週 ▶</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>複製訊息</translation>
    </message>
    <message>
        <source>Short slots in the next two weeks</source>
        <translation>未來兩週缺人的班</translation>
    </message>
    <message>
        <source>Copy the call for this slot</source>
        <translation>複製這一班的徵求訊息</translation>
    </message>
    <message>
        <source>Copied: paste it into the volunteers&apos; LINE group.</source>
        <translation>已複製，請貼到志工 LINE 群組。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Supervisor login</source>
        <translation>督導登入</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Back to the desk</source>
        <translation>回到服務台</translation>
    </message>
</context>
<context>
    <name>MailTab</name>
    <message>
        <source>Volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>電子郵件地址</translation>
    </message>
    <message>
        <source>Agrees to e-mail (record today)</source>
        <translation>同意以電子郵件通知（記錄今天）</translation>
    </message>
    <message>
        <source>No more e-mail</source>
        <translation>不再寄電子郵件</translation>
    </message>
    <message>
        <source>Mail server password…</source>
        <translation>郵件伺服器密碼…</translation>
    </message>
    <message>
        <source>Agreed to e-mail</source>
        <translation>已同意電子郵件通知</translation>
    </message>
    <message>
        <source>Mail server and reminders</source>
        <translation>郵件伺服器與提醒</translation>
    </message>
    <message>
        <source>STARTTLS (recommended)</source>
        <translation>STARTTLS（建議）</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>寄件人地址</translation>
    </message>
    <message>
        <source>Reminder, days before a duty</source>
        <translation>值班前幾天寄提醒</translation>
    </message>
    <message>
        <source>Private CA certificate (PEM file)</source>
        <translation>私有憑證授權檔（PEM）</translation>
    </message>
    <message>
        <source>empty: this PC&apos;s trusted ones</source>
        <translation>空白：使用本機信任的憑證</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已記錄。</translation>
    </message>
    <message>
        <source>Set the mail server in the settings first.</source>
        <translation>請先在設定中填寫郵件伺服器。</translation>
    </message>
    <message>
        <source>The password is kept in this PC&apos;s credential store.</source>
        <translation>密碼已存入這台電腦的憑證庫。</translation>
    </message>
    <message>
        <source>E-mail: {sent} sent, {queued} waiting, {failed} failed</source>
        <translation>電子郵件：已寄出 {sent} 封，待寄 {queued} 封，失敗 {failed} 封</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>next try {at}</source>
        <translation>下次重試 {at}</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ 上個月</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>下個月 ▶</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New supervisor account</source>
        <translation>新增督導帳號</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password (at least {n} characters)</source>
        <translation>密碼（至少 {n} 個字元）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再輸入一次密碼</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不一樣。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Handover note</source>
        <translation>交班事項</translation>
    </message>
    <message>
        <source>What should the next volunteer know?</source>
        <translation>有什麼事要告訴下一班的志工？</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please write something first.</source>
        <translation>請先寫下內容。</translation>
    </message>
    <message>
        <source>A note can be at most {max} characters.</source>
        <translation>交班事項最多 {max} 個字。</translation>
    </message>
    <message>
        <source>{name}, what should the next volunteer know?</source>
        <translation>{name}，有什麼事要告訴下一班的志工？</translation>
    </message>
    <message>
        <source>Your unfinished note was kept; here it is again.</source>
        <translation>您剛才沒寫完的內容還在，請接著寫。</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>LINE message</source>
        <translation>LINE 訊息</translation>
    </message>
    <message>
        <source>Slips and calendar files</source>
        <translation>值班單與行事曆檔</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>{count} short</source>
        <translation>缺人 {count}</translation>
    </message>
    <message>
        <source>{count} e-mails failed</source>
        <translation>郵件失敗 {count}</translation>
    </message>
    <message>
        <source>Notices ({parts})</source>
        <translation>通知（{parts}）</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>Type your volunteer number</source>
        <translation>請輸入您的志工編號</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message>
        <source>Recorded; sent automatically when the network is back</source>
        <translation>已記錄，網路恢復後自動上傳</translation>
    </message>
    <message>
        <source>No connection to the shared database since {time}. Scanning works as usual: every scan is kept on this PC and sent when the network is back ({count} waiting).</source>
        <translation>{time} 起連不上共用資料庫。刷卡照常使用：每筆刷卡都先存在這台電腦，網路恢復後自動上傳（{count} 筆待上傳）。</translation>
    </message>
    <message>
        <source>The network is back: sending the scans kept on this PC ({count} left).</source>
        <translation>網路已恢復，正在上傳這台電腦保存的刷卡（還有 {count} 筆）。</translation>
    </message>
    <message>
        <source>This needs the shared database, which cannot be reached now; scanning in and out still works, and this can be done once the network is back.</source>
        <translation>這項功能需要連上共用資料庫，目前連不上；刷卡簽到退照常可用，請等網路恢復後再辦理。</translation>
    </message>
    <message>
        <source>the server answered otherwise than this desk did offline</source>
        <translation>伺服器的判定與本服務台離線時的判定不同</translation>
    </message>
    <message>
        <source>the server recorded nothing (signed in at another desk meanwhile, a repeat, or a closed day)</source>
        <translation>伺服器沒有記錄這次刷卡（期間已在其他服務台簽到、重複刷卡或當日停止上班）</translation>
    </message>
    <message>
        <source>the roster or the calendar changed meanwhile: another slot or status</source>
        <translation>期間班表或行事曆已變更，時段或狀態與離線時不同</translation>
    </message>
    <message>
        <source>the daily check had marked this duty absent; the sign-in corrects it</source>
        <translation>每日檢查曾將這次值勤記為缺席，已依這筆簽到更正</translation>
    </message>
    <message>
        <source>the server held a later time for this volunteer: recorded at that time</source>
        <translation>伺服器已有這位志工較晚的紀錄，以該較晚時間記錄</translation>
    </message>
    <message>
        <source>the sign-out taken back at this desk could not be taken back on the server</source>
        <translation>在本服務台撤回的簽退，無法在伺服器上撤回</translation>
    </message>
    <message>
        <source>not heard from since {time}</source>
        <translation>{time} 後沒有回報</translation>
    </message>
    <message>
        <source>online</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>{time} 起離線</translation>
    </message>
    <message>
        <source>{count} scans waiting to be sent</source>
        <translation>{count} 筆刷卡待上傳</translation>
    </message>
    <message>
        <source>last sent {time}</source>
        <translation>最後上傳 {time}</translation>
    </message>
    <message>
        <source>{count} flagged for review</source>
        <translation>{count} 筆待督導確認</translation>
    </message>
    <message>
        <source>no desk has reported yet</source>
        <translation>還沒有服務台回報狀態</translation>
    </message>
    <message>
        <source>The desks keep taking scans offline meanwhile and upload them when the server is back.</source>
        <translation>這段期間各服務台照常離線刷卡，伺服器恢復後自動上傳。</translation>
    </message>
</context>
<context>
    <name>PaperTab</name>
    <message>
        <source>Select volunteers for theirs only; none selected means everyone.</source>
        <translation>選取志工只做他們的；都不選就是全部。</translation>
    </message>
    <message>
        <source>Print slips…</source>
        <translation>列印值班單…</translation>
    </message>
    <message>
        <source>Save slips as PDF…</source>
        <translation>值班單存成 PDF…</translation>
    </message>
    <message>
        <source>Save calendar files…</source>
        <translation>儲存行事曆檔…</translation>
    </message>
    <message>
        <source>Nobody is on the roster that month.</source>
        <translation>那個月沒有人排班。</translation>
    </message>
    <message>
        <source>Duty slips</source>
        <translation>值班單</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已儲存到 {path}。</translation>
    </message>
    <message>
        <source>Calendar files</source>
        <translation>行事曆檔</translation>
    </message>
    <message>
        <source>{count} calendar files saved to {folder}.</source>
        <translation>已將 {count} 個行事曆檔存到 {folder}。</translation>
    </message>
</context>
<context>
    <name>PhoneTestDialog</name>
    <message>
        <source>Phone courtesy test</source>
        <translation>電話禮貌測試</translation>
    </message>
    <message>
        <source>Record the test</source>
        <translation>登錄測試</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>A staff member (type the name)</source>
        <translation>所內人員（請輸入姓名）</translation>
    </message>
    <message>
        <source>Staff member&apos;s name</source>
        <translation>所內人員姓名</translation>
    </message>
    <message>
        <source>Unit tested</source>
        <translation>受測單位</translation>
    </message>
    <message>
        <source>Phone (extension)</source>
        <translation>電話（分機）號碼</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>測試日期時間</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>測試主題</translation>
    </message>
    <message>
        <source>Tester</source>
        <translation>測試人員</translation>
    </message>
    <message>
        <source>Person tested</source>
        <translation>受測人員</translation>
    </message>
    <message>
        <source>I. Answer speed (30)</source>
        <translation>壹、接聽速度（30 分）</translation>
    </message>
    <message>
        <source>Voice system or switchboard answered</source>
        <translation>語音系統及總機接聽</translation>
    </message>
    <message>
        <source>The person tested answered</source>
        <translation>受測人員接聽電話</translation>
    </message>
    <message>
        <source>Rang for</source>
        <translation>鈴響</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Not answered, cut off or out of order</source>
        <translation>無人接聽、斷線或電話故障</translation>
    </message>
    <message>
        <source>Internal transfers</source>
        <translation>內線轉接次數</translation>
    </message>
    <message>
        <source>The call dropped while being transferred</source>
        <translation>電話轉接過程斷掉</translation>
    </message>
    <message>
        <source>Within 10 s: 30; 5 off for every further 3 s; 25 s: 0.</source>
        <translation>10 秒內 30 分；每增加鈴響 3 秒減 5 分；25 秒以上 0 分。</translation>
    </message>
    <message>
        <source>II. Courtesy (40)</source>
        <translation>貳、電話禮貌（40 分）</translation>
    </message>
    <message>
        <source>States the unit or surname (10)</source>
        <translation>報明「單位名稱」或「姓氏」（10 分）</translation>
    </message>
    <message>
        <source>Says hello or a greeting (10)</source>
        <translation>說「您好」或族群問候語（10 分）</translation>
    </message>
    <message>
        <source>Tone:</source>
        <translation>接話態度：</translation>
    </message>
    <message>
        <source>A polite closing (10)</source>
        <translation>結束時有禮貌性回應（10 分）</translation>
    </message>
    <message>
        <source>III. Content (30)</source>
        <translation>參、答話內容（30 分）</translation>
    </message>
    <message>
        <source>The case officer answered</source>
        <translation>業務承辦人答話</translation>
    </message>
    <message>
        <source>A stand-in answered</source>
        <translation>電話代接人員答話</translation>
    </message>
    <message>
        <source>Gave a reasonable reason why the officer cannot (10)</source>
        <translation>能說明承辦人員無法接聽之合理情形（10 分）</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>總分：—</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>分項得分：{points}</translation>
    </message>
    <message>
        <source>Total: {total} points</source>
        <translation>總分：{total} 分</translation>
    </message>
</context>
<context>
    <name>PhoneTests</name>
    <message>
        <source>answer speed</source>
        <translation>接聽速度</translation>
    </message>
    <message>
        <source>states the unit or surname</source>
        <translation>報明單位名稱或姓氏</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>禮貌問候語</translation>
    </message>
    <message>
        <source>tone</source>
        <translation>接話態度</translation>
    </message>
    <message>
        <source>polite closing</source>
        <translation>結束時禮貌性回應</translation>
    </message>
    <message>
        <source>content of the answer</source>
        <translation>答話內容</translation>
    </message>
    <message>
        <source>ring seconds</source>
        <translation>鈴響秒數</translation>
    </message>
    <message>
        <source>transfers</source>
        <translation>轉接次數</translation>
    </message>
    <message>
        <source>warm and courteous</source>
        <translation>語調謙和、熱誠</translation>
    </message>
    <message>
        <source>plain, acceptable</source>
        <translation>語調平淡、態度尚可</translation>
    </message>
    <message>
        <source>hurried, impatient</source>
        <translation>語調急躁、不耐煩</translation>
    </message>
    <message>
        <source>rude</source>
        <translation>語調粗暴</translation>
    </message>
    <message>
        <source>explained in detail</source>
        <translation>解說詳盡</translation>
    </message>
    <message>
        <source>explained adequately</source>
        <translation>解說尚可</translation>
    </message>
    <message>
        <source>mostly unclear</source>
        <translation>解說不清楚</translation>
    </message>
    <message>
        <source>could not explain</source>
        <translation>無法解說</translation>
    </message>
    <message>
        <source>a full, satisfying answer</source>
        <translation>能給予詳盡滿意的回答</translation>
    </message>
    <message>
        <source>asked others, a simple answer or took the caller&apos;s contact</source>
        <translation>洽詢他人給予簡易回答，或留下民眾聯絡方式</translation>
    </message>
    <message>
        <source>not our business: took a number or gave a contact</source>
        <translation>非承辦或本機關業務，請其留下電話或提供其他聯絡方式</translation>
    </message>
    <message>
        <source>asked the caller to call again</source>
        <translation>無法即時回答，請其稍後再撥</translation>
    </message>
    <message>
        <source>no answer and no contact taken</source>
        <translation>無法即時回答，亦未留下聯絡方式</translation>
    </message>
    <message>
        <source>{band} ({span})</source>
        <translation>{band}（{span}）</translation>
    </message>
    <message>
        <source>{item}: {value} points is outside the band ticked, {band} ({lo}–{hi}); nothing was recorded.</source>
        <translation>{item}：{value} 分不在勾選的「{band}」（{lo}–{hi} 分）範圍內；未儲存任何資料。</translation>
    </message>
    <message>
        <source>{item}: {value} is not possible on the form (from {lo} to {hi}); nothing was recorded.</source>
        <translation>{item}：{value} 不符合紀錄表（應為 {lo} 至 {hi}）；未儲存任何資料。</translation>
    </message>
    <message>
        <source>Latest phone courtesy test: {total} points</source>
        <translation>最近一次電話禮貌測試：{total} 分</translation>
    </message>
    <message>
        <source>Answer within {seconds} s</source>
        <translation>{seconds} 秒內接聽</translation>
    </message>
    <message>
        <source>Transfer with the extension</source>
        <translation>轉接報分機</translation>
    </message>
    <message>
        <source>Caller hangs up first</source>
        <translation>來電者先掛</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>要點</translation>
    </message>
</context>
<context>
    <name>PhoneTestsPage</name>
    <message>
        <source>Phone courtesy tests</source>
        <translation>電話禮貌測試</translation>
    </message>
    <message>
        <source>New test…</source>
        <translation>新增測試…</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>改善措施…</translation>
    </message>
    <message>
        <source>Print the form…</source>
        <translation>列印紀錄表…</translation>
    </message>
    <message>
        <source>Save the form as PDF…</source>
        <translation>紀錄表存成 PDF…</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>受測人員：</translation>
    </message>
    <message>
        <source>Tested at</source>
        <translation>測試時間</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>受測人員</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>接聽速度</translation>
    </message>
    <message>
        <source>Courtesy</source>
        <translation>電話禮貌</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>答話內容</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總分</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>改善日期</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <source>The whole desk</source>
        <translation>全服務台</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待改善</translation>
    </message>
    <message>
        <source>No phone courtesy test recorded yet.</source>
        <translation>尚無電話禮貌測試紀錄。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>{count} tests, average {average} points; weakest item: {weakest}; follow-ups due (under {threshold}): {due}, done: {done}.</source>
        <translation>共 {count} 次測試，平均 {average} 分；最弱項目：{weakest}；待改善（低於 {threshold} 分）：{due} 件，已改善：{done} 件。</translation>
    </message>
    <message>
        <source>Average by item: {items}</source>
        <translation>各項平均：{items}</translation>
    </message>
    <message>
        <source>The test is recorded.</source>
        <translation>測試已登錄。</translation>
    </message>
    <message>
        <source>The follow-up is recorded.</source>
        <translation>改善措施已登錄。</translation>
    </message>
    <message>
        <source>The form is sent to the printer.</source>
        <translation>紀錄表已送至印表機。</translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation>儲存紀錄表</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已儲存至 {path}。</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{name}, please enter your {digits}-digit PIN</source>
        <translation>{name}，請輸入您的 {digits} 位數密碼</translation>
    </message>
</context>
<context>
    <name>PriorForm</name>
    <message>
        <source>Enter prior hours</source>
        <translation>登錄既有服務時數</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>the agency where they were served</source>
        <translation>原服務單位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <source>Served at</source>
        <translation>服務單位</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>磁碟</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 檔案</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Yes, sign me in</source>
        <translation>是，我要簽到</translation>
    </message>
    <message>
        <source>No, cancel</source>
        <translation>不用，取消</translation>
    </message>
    <message>
        <source>My duties (next 4 weeks)</source>
        <translation>我的班表（未來 4 週）</translation>
    </message>
    <message>
        <source>Ask for a swap</source>
        <translation>申請換班</translation>
    </message>
</context>
<context>
    <name>RecognitionPage</name>
    <message>
        <source>Recognition</source>
        <translation>表揚資格</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Qualifies now</source>
        <translation>目前符合</translation>
    </message>
    <message>
        <source>Qualifies within 3 months at the current pace</source>
        <translation>依目前進度三個月內可符合</translation>
    </message>
    <message>
        <source>Lacks a training or the record book</source>
        <translation>缺訓練或紀錄冊</translation>
    </message>
    <message>
        <source>Honor card expires within 60 days</source>
        <translation>榮譽卡 60 天內到期</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>匯出 Excel…</translation>
    </message>
    <message>
        <source>{n} volunteers</source>
        <translation>共 {n} 位志工</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>performance certificate</source>
        <translation>志願服務績效證明書</translation>
    </message>
    <message>
        <source>honor card</source>
        <translation>志願服務榮譽卡</translation>
    </message>
    <message>
        <source>health and welfare award, bronze</source>
        <translation>衛生福利志願服務獎勵銅牌</translation>
    </message>
    <message>
        <source>health and welfare award, silver</source>
        <translation>衛生福利志願服務獎勵銀牌</translation>
    </message>
    <message>
        <source>health and welfare award, gold</source>
        <translation>衛生福利志願服務獎勵金牌</translation>
    </message>
    <message>
        <source>volunteer service award, bronze</source>
        <translation>志願服務獎勵銅牌</translation>
    </message>
    <message>
        <source>volunteer service award, silver</source>
        <translation>志願服務獎勵銀牌</translation>
    </message>
    <message>
        <source>volunteer service award, gold</source>
        <translation>志願服務獎勵金牌</translation>
    </message>
    <message>
        <source>basic training</source>
        <translation>基礎訓練</translation>
    </message>
    <message>
        <source>special training</source>
        <translation>特殊訓練</translation>
    </message>
    <message>
        <source>record book</source>
        <translation>志願服務紀錄冊</translation>
    </message>
    <message>
        <source>book</source>
        <translation>紀錄冊</translation>
    </message>
    <message>
        <source>Lacks: {what}</source>
        <translation>缺：{what}</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>績效證明書</translation>
    </message>
    <message>
        <source>card</source>
        <translation>榮譽卡</translation>
    </message>
    <message>
        <source>H&amp;W bronze</source>
        <translation>衛福銅牌</translation>
    </message>
    <message>
        <source>H&amp;W silver</source>
        <translation>衛福銀牌</translation>
    </message>
    <message>
        <source>H&amp;W gold</source>
        <translation>衛福金牌</translation>
    </message>
    <message>
        <source>VS bronze</source>
        <translation>志服銅牌</translation>
    </message>
    <message>
        <source>VS silver</source>
        <translation>志服銀牌</translation>
    </message>
    <message>
        <source>VS gold</source>
        <translation>志服金牌</translation>
    </message>
    <message>
        <source>Volunteer code</source>
        <translation>志工編號</translation>
    </message>
    <message>
        <source>Volunteer name</source>
        <translation>志工姓名</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>服務日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服務時數</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服務類別</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Serving since</source>
        <translation>年資起算日</translation>
    </message>
    <message>
        <source>Hours here</source>
        <translation>本單位時數</translation>
    </message>
    <message>
        <source>Prior hours</source>
        <translation>既有時數</translation>
    </message>
    <message>
        <source>Qualifies now</source>
        <translation>目前符合</translation>
    </message>
    <message>
        <source>Within 3 months</source>
        <translation>三個月內可符合</translation>
    </message>
    <message>
        <source>Honor card</source>
        <translation>榮譽卡</translation>
    </message>
    <message>
        <source>Lacks</source>
        <translation>缺漏</translation>
    </message>
    <message>
        <source>{hours} / {need} h</source>
        <translation>{hours} / {need} 小時</translation>
    </message>
    <message>
        <source>expires {day}</source>
        <translation>{day} 到期</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly report</source>
        <translation>月報表</translation>
    </message>
    <message>
        <source>The month in one Excel workbook: attendance, service hours per volunteer and day (for the national volunteer system), the roster and the swaps.</source>
        <translation>把一個月的資料存成一個 Excel 活頁簿：出勤、每位志工每天的服務時數（供登錄全國志工系統）、班表與換班。</translation>
    </message>
    <message>
        <source>Export {month} to Excel…</source>
        <translation>匯出{month}到 Excel…</translation>
    </message>
    <message>
        <source>Review them first, or export the month as it is now?</source>
        <translation>要先確認這些紀錄，還是照現在的資料匯出本月？</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>照樣匯出</translation>
    </message>
    <message>
        <source>Open the review queue</source>
        <translation>開啟待確認紀錄</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已儲存到 {path}。</translation>
    </message>
    <message>
        <source>Fill the county&apos;s template…</source>
        <translation>填寫縣市範本…</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Answer the swap request</source>
        <translation>回覆換班請求</translation>
    </message>
    <message>
        <source>My duties (next 4 weeks)</source>
        <translation>我的班表（未來 4 週）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Answer the swap request ({count})</source>
        <translation>回覆換班請求（{count}）</translation>
    </message>
</context>
<context>
    <name>RocDateEdit</name>
    <message>
        <source>e.g. 115/12/16, 115.12.16 or 1151216</source>
        <translation>例如 115/12/16、115.12.16 或 1151216</translation>
    </message>
    <message>
        <source>{typed} is not a date, so {kept} is kept. Write it as 115/12/16, 115.12.16 or 1151216.</source>
        <translation>「{typed}」不是日期，所以仍是 {kept}。請寫成 115/12/16、115.12.16 或 1151216。</translation>
    </message>
</context>
<context>
    <name>RosterMonthModel</name>
    <message>
        <source> ⇄</source>
        <translation> ⇄</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>停止上班</translation>
    </message>
    <message>
        <source>Closed: {reason}</source>
        <translation>停止上班：{reason}</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（尚無人）</translation>
    </message>
    <message>
        <source>{slot} {hours}: {count} on duty (minimum {min}, maximum {max})</source>
        <translation>{slot} {hours}：{count} 人值班（最少 {min} 人，最多 {max} 人）</translation>
    </message>
    <message>
        <source>⇄ came from a swap</source>
        <translation>⇄ 來自換班</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>班表</translation>
    </message>
    <message>
        <source>Generate the month from weekly duties</source>
        <translation>依固定班產生本月班表</translation>
    </message>
    <message>
        <source>Under the minimum</source>
        <translation>低於最少人數</translation>
    </message>
    <message>
        <source>At the minimum</source>
        <translation>剛好最少人數</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已滿</translation>
    </message>
    <message>
        <source>No duty (weekend, holiday, closed)</source>
        <translation>不值班（週末、放假、停止上班）</translation>
    </message>
    <message>
        <source>⇄ = from a swap</source>
        <translation>⇄ = 來自換班</translation>
    </message>
    <message>
        <source>Click a cell of the month</source>
        <translation>請點選月曆中的一格</translation>
    </message>
    <message>
        <source>Remove the selected volunteer</source>
        <translation>移除所選的志工</translation>
    </message>
    <message>
        <source>Put a volunteer on this duty:</source>
        <translation>安排志工到這個班：</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Next four weeks: duties under the minimum</source>
        <translation>未來四週：人數不足的班</translation>
    </message>
    <message>
        <source>— choose a volunteer —</source>
        <translation>— 選擇志工 —</translation>
    </message>
    <message>
        <source>Every duty of the next four weeks has its minimum.</source>
        <translation>未來四週每個班的人數都足夠。</translation>
    </message>
    <message>
        <source>Click a line to open that duty; suggested volunteers are free that day.</source>
        <translation>點選一行可開啟該班；建議的志工當天都有空。</translation>
    </message>
    <message>
        <source>Click a morning or afternoon cell</source>
        <translation>請點選上午或下午的格子</translation>
    </message>
    <message>
        <source>✓ Can take this duty.</source>
        <translation>✓ 可以排這個班。</translation>
    </message>
    <message>
        <source>× Not possible: </source>
        <translation>× 不行：</translation>
    </message>
    <message>
        <source>⚠ Possible, but: </source>
        <translation>⚠ 可以，但是：</translation>
    </message>
    <message>
        <source>Assign anyway?</source>
        <translation>仍要排班嗎？</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>請確認</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>沒有做任何變更。</translation>
    </message>
    <message>
        <source>{name} is on the {slot} duty of {day}.</source>
        <translation>{name} 已排入 {day} 的{slot}。</translation>
    </message>
    <message>
        <source>Select a volunteer of this duty first.</source>
        <translation>請先選擇這個班的志工。</translation>
    </message>
    <message>
        <source>{name} was taken off this duty.</source>
        <translation>已將 {name} 從這個班移除。</translation>
    </message>
    <message>
        <source>Take {name} off the {slot} duty of {day}?</source>
        <translation>要把 {name} 從 {day} {slot}的班移除嗎？</translation>
    </message>
    <message>
        <source>Nothing to add: the month already has every weekly duty.</source>
        <translation>沒有要新增的：本月已包含所有固定班。</translation>
    </message>
    <message>
        <source>Added {n} duties from the weekly duties.</source>
        <translation>已依固定班新增 {n} 個班。</translation>
    </message>
    <message>
        <source>  … and {n} more</source>
        <translation>  … 還有 {n} 個</translation>
    </message>
    <message>
        <source>Skipped {n} (the rules refuse them):</source>
        <translation>略過 {n} 個（不符規則）：</translation>
    </message>
    <message>
        <source>Add {n} duties to {month} from the weekly duties? The duties already on the roster are kept as they are (those changed by hand, swapped or removed too).</source>
        <translation>要依固定班在{month}加入 {n} 個班嗎？班表上已有的班都會照原樣保留（包括手動調整、換班或移除過的）。</translation>
    </message>
    <message>
        <source>{n} weekly duties will be skipped: the rules refuse them.</source>
        <translation>有 {n} 個固定班會略過：不符合排班規則。</translation>
    </message>
</context>
<context>
    <name>Sentences</name>
    <message>
        <source>{sentence}.</source>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Print the hours statement…</source>
        <translation>列印服務時數證明…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Enter hours by hand…</source>
        <translation>補登時數…</translation>
    </message>
    <message>
        <source>Take back the chosen hours…</source>
        <translation>撤銷所選的補登時數…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務紀錄</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Served at</source>
        <translation>服務單位</translation>
    </message>
    <message>
        <source>Enter prior hours…</source>
        <translation>登錄既有時數…</translation>
    </message>
    <message>
        <source>Take back the chosen prior hours…</source>
        <translation>撤銷所選的既有時數…</translation>
    </message>
    <message>
        <source>Prior hours count for recognition only, never as this desk&apos;s.</source>
        <translation>既有時數只用於表揚資格的計算，不列為本單位的服務時數。</translation>
    </message>
    <message>
        <source>Prior hours</source>
        <translation>既有時數</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>辦理單位</translation>
    </message>
    <message>
        <source>Who gave the chosen training…</source>
        <translation>所選訓練的辦理單位…</translation>
    </message>
    <message>
        <source>Save the record book</source>
        <translation>儲存紀錄冊</translation>
    </message>
    <message>
        <source>Record book number</source>
        <translation>志願服務紀錄冊字號</translation>
    </message>
    <message>
        <source>issued on</source>
        <translation>發給日期</translation>
    </message>
    <message>
        <source>Trainings and record book</source>
        <translation>訓練與紀錄冊</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>表揚資格</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>核定日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>字號</translation>
    </message>
    <message>
        <source>Record a recognition received…</source>
        <translation>登錄已獲表揚…</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服務紀錄</translation>
    </message>
    <message>
        <source>Service record: {name} ({code})</source>
        <translation>服務紀錄：{name}（{code}）</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>補登</translation>
    </message>
    <message>
        <source>Total: {hours} h</source>
        <translation>合計：{hours} 小時</translation>
    </message>
    <message>
        <source>Hours here {here} h, prior hours {prior} h, in all {total} h</source>
        <translation>本單位 {here} 小時、既有 {prior} 小時，合計 {total} 小時</translation>
    </message>
    <message>
        <source>Honor card: {hours} of {need} h since {start}</source>
        <translation>榮譽卡：自 {start} 起已累計 {hours} / {need} 小時</translation>
    </message>
    <message>
        <source>Qualifies now: {goals}</source>
        <translation>目前符合：{goals}</translation>
    </message>
    <message>
        <source>Within 3 months: {goals}</source>
        <translation>三個月內可符合：{goals}</translation>
    </message>
    <message>
        <source>Choose hours entered by hand or prior hours first.</source>
        <translation>請先選擇一筆補登時數或既有時數。</translation>
    </message>
    <message>
        <source>Take back hours</source>
        <translation>撤銷時數</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>原因？</translation>
    </message>
    <message>
        <source>Record book saved.</source>
        <translation>紀錄冊已儲存。</translation>
    </message>
    <message>
        <source>Choose a training first.</source>
        <translation>請先選擇一筆訓練。</translation>
    </message>
    <message>
        <source>Who gave the training?</source>
        <translation>這項訓練的辦理單位？</translation>
    </message>
    <message>
        <source>Print the hours statement</source>
        <translation>列印服務時數證明</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Set a new password</source>
        <translation>設定新密碼</translation>
    </message>
    <message>
        <source>New password for {name} (at least {n} characters)</source>
        <translation>{name} 的新密碼（至少 {n} 個字元）</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再輸入一次密碼</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>設定密碼</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不一樣。</translation>
    </message>
</context>
<context>
    <name>ShiftsPage</name>
    <message>
        <source>Ask for a swap</source>
        <translation>申請換班</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{name}: my duties in the next 4 weeks</source>
        <translation>{name}：未來 4 週的班表</translation>
    </message>
    <message>
        <source>No duties in the next 4 weeks.</source>
        <translation>未來 4 週沒有排班。</translation>
    </message>
    <message>
        <source>(closed)</source>
        <translation>（停止上班）</translation>
    </message>
    <message>
        <source>{day} {slot}</source>
        <translation>{day}{slot}</translation>
    </message>
</context>
<context>
    <name>StartingWindow</name>
    <message>
        <source>Front desk – volunteer sign-in</source>
        <translation>服務台志工簽到</translation>
    </message>
    <message>
        <source>The front desk is opening, please wait a moment…</source>
        <translation>服務台正在開啟，請稍候……</translation>
    </message>
    <message>
        <source>You may scan your card already: it is recorded as soon as the desk is open.</source>
        <translation>現在就可以刷卡，服務台開好後會立刻登記。</translation>
    </message>
    <message>
        <source>Number: {code}</source>
        <translation>編號：{code}</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) waiting for the desk to open</source>
        <translation>
            <numerusform>有 %n 筆刷卡等服務台開好後處理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorModel</name>
    <message>
        <source>User name</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Locked until {t}</source>
        <translation>鎖定到 {t}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>{agency} – supervisor</source>
        <translation>{agency} – 督導專區</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>已登入：{name}</translation>
    </message>
    <message>
        <source>Handover note…</source>
        <translation>寫交班事項…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>關於</translation>
    </message>
    <message>
        <source>Lock and back to the desk</source>
        <translation>鎖定並回到服務台</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>班表</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Calendar &amp; settings</source>
        <translation>行事曆與設定</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Swaps</source>
        <translation>換班</translation>
    </message>
    <message>
        <source>The clock is right now</source>
        <translation>時鐘現在是正確的</translation>
    </message>
    <message>
        <source>Attendance ({count} to review)</source>
        <translation>出勤（待確認 {count}）</translation>
    </message>
    <message>
        <source>Swaps ({count})</source>
        <translation>換班（{count}）</translation>
    </message>
    <message>
        <source>Volunteers ({count} PIN locked)</source>
        <translation>志工（PIN 鎖定 {count}）</translation>
    </message>
    <message>
        <source>Waiting for you: {total}
{swaps} swaps · {reviews} to review · {pins} PIN lockouts</source>
        <translation>督導待辦 {total} 件
換班 {swaps}・待確認 {reviews}
PIN 鎖定 {pins}</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>交班事項</translation>
    </message>
    <message>
        <source>For the next duty at the desk; shown there with your name.</source>
        <translation>留給服務台下一班的交班事項，會和您的名字一起顯示。</translation>
    </message>
    <message>
        <source>The note is left for {slot} at the desk.</source>
        <translation>已留下交班事項給服務台的{slot}。</translation>
    </message>
    <message>
        <source>About frontdesk</source>
        <translation>關於 frontdesk</translation>
    </message>
    <message>
        <source>Front-desk volunteer duty manager, version {version}.
Database: {database}
Data folder: {folder}
Backups folder: {backups}</source>
        <translation>服務台志工值勤管理，版本 {version}。
資料庫：{database}
資料夾：{folder}
備份資料夾：{backups}</translation>
    </message>
    <message>
        <source>kept by the database server (ask IT)</source>
        <translation>由資料庫伺服器保管（請洽資訊人員）</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>開啟備份資料夾</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>表揚資格</translation>
    </message>
    <message>
        <source>Phone tests</source>
        <translation>電話測試</translation>
    </message>
    <message>
        <source>Phone tests ({count} follow-ups)</source>
        <translation>電話測試（{count}）</translation>
    </message>
    <message>
        <source> · {count} phone test follow-ups</source>
        <translation> · 電話待改善 {count}</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>Swaps</name>
    <message>
        <source>{duration} left</source>
        <translation>還有 {duration}</translation>
    </message>
    <message>
        <source>{requester} asks you to serve their duty on {given}, and will serve your duty on {taken} in return.</source>
        <translation>{requester} 想請您幫忙值 {given}，並幫您值 {taken} 作為交換。</translation>
    </message>
    <message>
        <source>{requester} asks you to serve their duty on {given} (cover).</source>
        <translation>{requester} 想請您幫忙代班：{given}。</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交換</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>代班</translation>
    </message>
    <message>
        <source>Please arrange</source>
        <translation>請督導安排</translation>
    </message>
    <message>
        <source>Waiting for the colleague</source>
        <translation>待同事同意</translation>
    </message>
    <message>
        <source>Waiting for the supervisor</source>
        <translation>待督導核定</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未核准</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>逾期未決</translation>
    </message>
    <message>
        <source>No longer possible</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Another approved swap (#{id}) changed this duty first.</source>
        <translation>另一件已核准的換班（#{id}）先變更了這個班。</translation>
    </message>
    <message>
        <source>The roster changed and this swap is no longer possible.</source>
        <translation>班表已經變動，這次換班無法進行。</translation>
    </message>
    <message>
        <source>{colleague} said no.</source>
        <translation>{colleague} 婉拒了。</translation>
    </message>
    <message>
        <source>The colleague</source>
        <translation>對方</translation>
    </message>
    <message>
        <source>It was not decided before the duty started.</source>
        <translation>值班開始前沒有完成審核。</translation>
    </message>
    <message>
        <source>Withdrawn by {requester}.</source>
        <translation>{requester} 已撤回。</translation>
    </message>
    <message>
        <source>Swap approved: you now serve {taken} instead of {given}.</source>
        <translation>換班已核准：您改值 {taken}，不用值 {given}。</translation>
    </message>
    <message>
        <source>Swap approved: you now serve {given} instead of {taken}.</source>
        <translation>換班已核准：您改值 {given}，不用值 {taken}。</translation>
    </message>
    <message>
        <source>Swap approved: {colleague} serves your duty on {given}.</source>
        <translation>換班已核准：{colleague} 會幫您值 {given}。</translation>
    </message>
    <message>
        <source>Swap approved: you now serve {given} in place of {requester}.</source>
        <translation>換班已核准：您代 {requester} 值 {given}。</translation>
    </message>
    <message>
        <source>{colleague} cannot take your duty on {given}.</source>
        <translation>{colleague} 沒辦法幫您值 {given}。</translation>
    </message>
    <message>
        <source>The supervisor did not approve the swap of {given}.</source>
        <translation>志工督導沒有核准 {given} 的換班。</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>{requester} withdrew the swap of {given}.</source>
        <translation>{requester} 撤回了 {given} 的換班。</translation>
    </message>
    <message>
        <source>The swap of {given} did not happen.</source>
        <translation>{given} 的換班沒有成立。</translation>
    </message>
    <message>
        <source>The duty stays yours.</source>
        <translation>這個班還是由您值。</translation>
    </message>
    <message>
        <source>A few words for the supervisor</source>
        <translation>給督導的話</translation>
    </message>
    <message>
        <source>Write a few words for the supervisor (you may skip this).</source>
        <translation>寫幾句話給督導（也可以不寫）。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>A duty under way can no longer be swapped here: please ask the supervisor.</source>
        <translation>已經開始的班不能在這裡換班，請直接找督導。</translation>
    </message>
    <message>
        <source>This swap cannot be asked</source>
        <translation>無法申請這次換班</translation>
    </message>
    <message>
        <source>Choose again</source>
        <translation>重新選擇</translation>
    </message>
    <message>
        <source>the supervisor</source>
        <translation>志工督導</translation>
    </message>
    <message>
        <source>You already asked for a swap of {shift}</source>
        <translation>{shift} 您已經申請過換班了</translation>
    </message>
    <message>
        <source>The request is waiting for {who}. Do you want to take it back?</source>
        <translation>這件申請正在等 {who} 回覆。您要撤回嗎？</translation>
    </message>
    <message>
        <source>Take the request back</source>
        <translation>撤回申請</translation>
    </message>
    <message>
        <source>The request was taken back</source>
        <translation>申請已撤回</translation>
    </message>
    <message>
        <source>You are still on this duty.</source>
        <translation>這個班還是由您值。</translation>
    </message>
    <message>
        <source>{name}, you have no duties in the next 4 weeks to swap.</source>
        <translation>{name}，您未來 4 週沒有可以換的班。</translation>
    </message>
    <message>
        <source>{name}, which duty can you not serve?</source>
        <translation>{name}，您哪一個班不能來？</translation>
    </message>
    <message>
        <source>How do you want to swap {shift}?</source>
        <translation>{shift} 要怎麼換？</translation>
    </message>
    <message>
        <source>Cover (代班)
a colleague serves it for me</source>
        <translation>代班
請其他志工幫我值</translation>
    </message>
    <message>
        <source>Exchange (交換)
I serve one of their duties in return</source>
        <translation>交換
我幫對方值一個班作為交換</translation>
    </message>
    <message>
        <source>I cannot find anyone:
please ask the supervisor to arrange it</source>
        <translation>我找不到人：
請督導幫忙安排</translation>
    </message>
    <message>
        <source>Nobody can take this duty right now.</source>
        <translation>目前沒有人可以接這個班。</translation>
    </message>
    <message>
        <source>The supervisor can help: tap the button below.</source>
        <translation>督導可以幫忙：請按下面的按鈕。</translation>
    </message>
    <message>
        <source>Ask the supervisor to arrange it</source>
        <translation>請督導幫忙安排</translation>
    </message>
    <message>
        <source>More names ▶ (page {page} of {pages})</source>
        <translation>更多名字 ▶（第 {page}／{pages} 頁）</translation>
    </message>
    <message>
        <source>Exchange {shift} with whom?</source>
        <translation>{shift} 要和誰交換？</translation>
    </message>
    <message>
        <source>Only colleagues who may take it and have a duty you can serve in return.</source>
        <translation>這裡只列出可以接這個班、而且有班可以換給您的志工。</translation>
    </message>
    <message>
        <source>Who may serve {shift} for you?</source>
        <translation>誰可以幫您值 {shift}？</translation>
    </message>
    <message>
        <source>Only colleagues who are free then and may take it; fewest duties first.</source>
        <translation>這裡只列出當時有空、可以接班的志工；班比較少的排在前面。</translation>
    </message>
    <message>
        <source>Which duty of {colleague} will you serve in return?</source>
        <translation>您要幫 {colleague} 值哪一個班作為交換？</translation>
    </message>
    <message>
        <source>{colleague} serves your duty on {given}; you serve their duty on {taken}.</source>
        <translation>{colleague} 幫您值 {given}；您幫對方值 {taken}。</translation>
    </message>
    <message>
        <source>{colleague} serves your duty on {given}.</source>
        <translation>{colleague} 幫您值 {given}。</translation>
    </message>
    <message>
        <source>{colleague}, do you agree? Please scan your card or type your number now.</source>
        <translation>{colleague}，您同意嗎？同意的話，請現在刷志工證或輸入志工編號。</translation>
    </message>
    <message>
        <source>{colleague} is not here: ask them later</source>
        <translation>{colleague} 不在現場：之後再問</translation>
    </message>
    <message>
        <source>That is not {colleague}&apos;s card or number. Please try again.</source>
        <translation>這不是 {colleague} 的志工證或編號，請再試一次。</translation>
    </message>
    <message>
        <source>{colleague} agreed. The supervisor will now decide.</source>
        <translation>{colleague} 已同意，接下來由志工督導審核。</translation>
    </message>
    <message>
        <source>{colleague} will be asked the next time they sign in at the desk; then the supervisor decides.</source>
        <translation>{colleague} 下次在服務台簽到時會看到這個請求，之後由志工督導審核。</translation>
    </message>
    <message>
        <source>Your swap request was sent</source>
        <translation>您的換班申請已送出</translation>
    </message>
    <message>
        <source>Until it is approved, the duty stays yours.</source>
        <translation>核准之前，這個班還是由您值。</translation>
    </message>
    <message>
        <source>This duty is too close to swap by yourself</source>
        <translation>離值班太近，不能自己換班</translation>
    </message>
    <message>
        <source>Ask the supervisor to arrange {shift}</source>
        <translation>請督導安排 {shift}</translation>
    </message>
    <message>
        <source>Why? Tap one if you like (you may skip this):</source>
        <translation>原因是什麼？可以點選一個（也可以不選）：</translation>
    </message>
    <message>
        <source>Ill</source>
        <translation>生病</translation>
    </message>
    <message>
        <source>Family matters</source>
        <translation>家裡有事</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Type a reason…</source>
        <translation>自己寫原因…</translation>
    </message>
    <message>
        <source>Cannot serve</source>
        <translation>無法值班</translation>
    </message>
    <message>
        <source>The supervisor has been asked</source>
        <translation>已請督導幫忙</translation>
    </message>
    <message>
        <source>The supervisor will find someone for {shift}. You will see the answer the next time you sign in here.
Until then, the duty stays yours.</source>
        <translation>督導會幫您找人值 {shift}。下次您在這裡簽到時，就會看到結果。
在那之前，這個班還是由您值。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>謝謝您</translation>
    </message>
    <message>
        <source>{name}, a colleague asks you for a swap</source>
        <translation>{name}，有志工想跟您換班</translation>
    </message>
    <message>
        <source>{count} more request(s) after this one.</source>
        <translation>這件之後還有 {count} 件請求。</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation>好，我同意</translation>
    </message>
    <message>
        <source>No, I cannot</source>
        <translation>不行，我沒辦法</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>晚點再決定</translation>
    </message>
    <message>
        <source>Thank you! The supervisor will now decide; {requester} will be told.</source>
        <translation>謝謝您！接下來由志工督導審核，也會通知 {requester}。</translation>
    </message>
    <message>
        <source>All right. {requester} will be told you cannot.</source>
        <translation>好的，會告訴 {requester} 您沒辦法。</translation>
    </message>
    <message>
        <source>{day} {slot}</source>
        <translation>{day}{slot}</translation>
    </message>
    <message>
        <source>Swap: {state}</source>
        <translation>換班：{state}</translation>
    </message>
    <message>
        <source>Swap: {colleague} asked · {state}</source>
        <translation>換班：已請 {colleague} 幫忙・{state}</translation>
    </message>
</context>
<context>
    <name>SwapsPage</name>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小時</translation>
    </message>
    <message>
        <source>Swap requests waiting</source>
        <translation>待審核的換班申請</translation>
    </message>
    <message>
        <source>Arrange a swap…</source>
        <translation>安排換班…</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>Duty given</source>
        <translation>讓出的班</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Colleague / in return</source>
        <translation>對方／換回的班</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>距值班</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Colleague agreed</source>
        <translation>對方已同意</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>申請時間</translation>
    </message>
    <message>
        <source>No swap request is waiting.</source>
        <translation>目前沒有待審核的換班申請。</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>審核</translation>
    </message>
    <message>
        <source>Choose a request above.</source>
        <translation>請在上方選擇一件申請。</translation>
    </message>
    <message>
        <source>Who covers:</source>
        <translation>由誰代班：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不核准…</translation>
    </message>
    <message>
        <source>History of all swap requests (newest first)</source>
        <translation>所有換班申請紀錄（最新的在前）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Reason / why</source>
        <translation>原因／說明</translation>
    </message>
    <message>
        <source>Notice when asked</source>
        <translation>提出時距值班</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>審核時間</translation>
    </message>
    <message>
        <source>Swap requests waiting ({count})</source>
        <translation>待審核的換班申請（{count}）</translation>
    </message>
    <message>
        <source>please arrange</source>
        <translation>請督導安排</translation>
    </message>
    <message>
        <source>{colleague}, who gives {taken}</source>
        <translation>{colleague}（讓出 {taken}）</translation>
    </message>
    <message>
        <source> (by supervisor)</source>
        <translation>（督導安排）</translation>
    </message>
    <message>
        <source>nobody is free for this duty</source>
        <translation>這個班沒有人有空</translation>
    </message>
    <message>
        <source>{requester} cannot serve {given} and asks you to arrange it.</source>
        <translation>{requester} 無法值 {given}，請您安排。</translation>
    </message>
    <message>
        <source>Suggested: free and trained, fewest duties first.</source>
        <translation>建議人選：當時有空且已受基礎訓練，班數少的在前。</translation>
    </message>
    <message>
        <source>{requester} gives {given} to {colleague} and takes {taken}.</source>
        <translation>{requester} 把 {given} 讓給 {colleague}，並改值 {taken}。</translation>
    </message>
    <message>
        <source>{colleague} covers {given} for {requester}.</source>
        <translation>{colleague} 代 {requester} 值 {given}。</translation>
    </message>
    <message>
        <source>Duty starts: {left}.</source>
        <translation>距值班開始：{left}。</translation>
    </message>
    <message>
        <source>— choose who covers —</source>
        <translation>— 請選擇代班志工 —</translation>
    </message>
    <message>
        <source>Approved: {requester} gives {given} to {colleague} and takes {taken}.</source>
        <translation>已核准：{requester} 把 {given} 換給 {colleague}，改值 {taken}。</translation>
    </message>
    <message>
        <source>Approved: {colleague} serves {given} in place of {requester}.</source>
        <translation>已核准：{colleague} 代替 {requester} 值 {given}。</translation>
    </message>
    <message>
        <source>The roster shows the change with ⇄.</source>
        <translation>班表上以 ⇄ 標示這項異動。</translation>
    </message>
    <message>
        <source>Choose who covers the duty first.</source>
        <translation>請先選擇由誰代班。</translation>
    </message>
    <message>
        <source>Approve anyway?</source>
        <translation>仍要核准嗎？</translation>
    </message>
    <message>
        <source>Request #{id} cannot be approved now: {why} Nothing was changed.</source>
        <translation>申請 #{id} 目前無法核准：{why}沒有做任何變更。</translation>
    </message>
    <message>
        <source>Why? {requester} will see this at the desk.</source>
        <translation>原因是什麼？{requester} 會在服務台看到。</translation>
    </message>
    <message>
        <source>Why? {requester} and {colleague} will both see this at the desk.</source>
        <translation>原因是什麼？{requester} 和 {colleague} 都會在服務台看到。</translation>
    </message>
    <message>
        <source>Arranged: swap #{id}: {colleague} serves {given} in place of {requester}. The roster shows the change with ⇄.</source>
        <translation>已安排換班 #{id}：{colleague} 代替 {requester} 值 {given}。班表上以 ⇄ 標示這項變更。</translation>
    </message>
    <message>
        <source>Reject the swap</source>
        <translation>不核准換班</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>不核准時須填寫原因。</translation>
    </message>
    <message>
        <source>Rejected: request #{id}.</source>
        <translation>已不核准申請 #{id}。</translation>
    </message>
    <message>
        <source>Arranged: swap #{id}. The roster shows the change with ⇄.</source>
        <translation>已安排換班 #{id}。班表上以 ⇄ 標示這項變更。</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>County template for the national system</source>
        <translation>志願服務資訊系統的縣市範本</translation>
    </message>
    <message>
        <source>Choose the blank template…</source>
        <translation>選擇空白範本…</translation>
    </message>
    <message>
        <source>Which of our fields goes into each column of the template:</source>
        <translation>範本的每一欄要填入哪一項資料：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <source>Template&apos;s header</source>
        <translation>範本欄位名稱</translation>
    </message>
    <message>
        <source>Our field</source>
        <translation>填入的資料</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be filled</source>
        <translation>預覽：填寫後的前幾列</translation>
    </message>
    <message>
        <source>Save the matching</source>
        <translation>儲存欄位對應</translation>
    </message>
    <message>
        <source>Fill the template for {month}…</source>
        <translation>填寫{month}的範本…</translation>
    </message>
    <message>
        <source>Blank template</source>
        <translation>空白範本</translation>
    </message>
    <message>
        <source>The template matches the saved columns.</source>
        <translation>範本與已儲存的欄位對應相符。</translation>
    </message>
    <message>
        <source>The template&apos;s header has changed; please match its columns again.</source>
        <translation>範本的標題列已變更，請重新對應欄位。</translation>
    </message>
    <message>
        <source>The columns {columns} are left empty: the desk keeps no ID numbers and exports no personal data.</source>
        <translation>「{columns}」欄位留空：本系統不保存身分證字號，也不匯出個人資料。</translation>
    </message>
    <message>
        <source>(leave empty)</source>
        <translation>（不填）</translation>
    </message>
    <message>
        <source>The matching is saved.</source>
        <translation>欄位對應已儲存。</translation>
    </message>
    <message>
        <source>Filled template</source>
        <translation>填好的範本</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
</context>
<context>
    <name>TimesDialog</name>
    <message>
        <source>Volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>班別</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation>簽到時間</translation>
    </message>
    <message>
        <source>Signed out at</source>
        <translation>簽退時間</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>簽到</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>簽退</translation>
    </message>
    <message>
        <source>e.g. signed the paper sheet; forgot to sign out</source>
        <translation>例如：簽了紙本；忘記簽退</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please give the reason: it is kept with the record.</source>
        <translation>請填寫原因，原因會和紀錄一起保存。</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志工</translation>
    </message>
    <message>
        <source>printed on the badge, e.g. V001</source>
        <translation>印在志工證上，例如 V001</translation>
    </message>
    <message>
        <source>e.g. 台語 English</source>
        <translation>例如：台語 English</translation>
    </message>
    <message>
        <source>site default</source>
        <translation>預設值</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Weekly maximum of duties</source>
        <translation>每週最多值班數</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Desk PIN</source>
        <translation>服務台 PIN 碼</translation>
    </message>
    <message>
        <source>No PIN set.</source>
        <translation>尚未設定 PIN 碼。</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>刪除 PIN 碼</translation>
    </message>
    <message>
        <source>Trainings (basic training is needed for duty)</source>
        <translation>訓練紀錄（值班需有基礎訓練）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <source>Add a training</source>
        <translation>新增訓練</translation>
    </message>
    <message>
        <source>Remove the selected training</source>
        <translation>刪除所選的訓練</translation>
    </message>
    <message>
        <source>Basic training</source>
        <translation>基礎訓練</translation>
    </message>
    <message>
        <source>Weekly duties (used to generate the roster)</source>
        <translation>固定班（用來產生班表）</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每週</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>班別</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期間</translation>
    </message>
    <message>
        <source>Add weekly duty</source>
        <translation>新增固定班</translation>
    </message>
    <message>
        <source>End the selected one today</source>
        <translation>所選的固定班今天結束</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>A PIN is exactly {digits} digits.</source>
        <translation>PIN 碼必須是 {digits} 位數字。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{digits} digits, to sign in without the card</source>
        <translation>{digits} 位數字，不刷卡簽到時使用</translation>
    </message>
    <message>
        <source>A PIN is set; type a new one to change it.</source>
        <translation>已設定 PIN 碼；輸入新的即可更換。</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>無結束日</translation>
    </message>
    <message>
        <source>Basic (基礎)</source>
        <translation>基礎訓練</translation>
    </message>
    <message>
        <source>Special (特殊)</source>
        <translation>特殊訓練</translation>
    </message>
    <message>
        <source>Weekly duty added. Generate the month on the roster page to use it.</source>
        <translation>已新增固定班。請到班表頁產生當月班表來套用。</translation>
    </message>
    <message>
        <source>Select a weekly duty first.</source>
        <translation>請先選擇一個固定班。</translation>
    </message>
    <message>
        <source>The weekly duty ends today; the roster already made is kept.</source>
        <translation>固定班今天結束；已排好的班表不變。</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Weekly max</source>
        <translation>每週上限</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Duties this month</source>
        <translation>本月班數</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Basic ✓ {hours} h</source>
        <translation>基礎 ✓ {hours} 小時</translation>
    </message>
    <message>
        <source>No basic training</source>
        <translation>無基礎訓練</translation>
    </message>
    <message>
        <source>site default</source>
        <translation>預設值</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Volunteers</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>Search code, name or language…</source>
        <translation>搜尋編號、姓名或語言…</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>顯示已停用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>從 Excel 匯入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>匯出到 Excel…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>儲存空白範本…</translation>
    </message>
    <message>
        <source>Badge sheet (PDF)…</source>
        <translation>志工證（PDF）…</translation>
    </message>
    <message>
        <source>{shown} of {total} volunteers shown</source>
        <translation>顯示 {shown}／{total} 位志工</translation>
    </message>
    <message>
        <source>Volunteer {name} added.</source>
        <translation>已新增志工 {name}。</translation>
    </message>
    <message>
        <source>Select a volunteer first.</source>
        <translation>請先選擇一位志工。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Deactivate {name}? Their history and hours are kept; they can no longer be put on duty.</source>
        <translation>要停用 {name} 嗎？歷史紀錄與時數會保留，但不能再排班。</translation>
    </message>
    <message>
        <source>{name} is now inactive.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <source>Import volunteers</source>
        <translation>匯入志工</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>匯入完成：新增 {added} 位，更新 {updated} 位，{unchanged} 位沒有變更。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在匯入 {file}…</translation>
    </message>
    <message>
        <source>Export volunteers</source>
        <translation>匯出志工</translation>
    </message>
    <message>
        <source>volunteers.xlsx</source>
        <translation>志工名冊.xlsx</translation>
    </message>
    <message>
        <source>{n} volunteers written to {path} (phone numbers masked).</source>
        <translation>已將 {n} 位志工寫入 {path}（電話已遮蔽）。</translation>
    </message>
    <message>
        <source>Empty template</source>
        <translation>空白範本</translation>
    </message>
    <message>
        <source>volunteer-template.xlsx</source>
        <translation>志工範本.xlsx</translation>
    </message>
    <message>
        <source>Template saved to {path}.</source>
        <translation>範本已儲存到 {path}。</translation>
    </message>
    <message>
        <source>Selected volunteers ({n})</source>
        <translation>所選的志工（{n} 位）</translation>
    </message>
    <message>
        <source>New volunteers, added in the last {days} days ({n})</source>
        <translation>新志工：最近 {days} 天加入（{n} 位）</translation>
    </message>
    <message>
        <source>All volunteers on duty lists ({n})</source>
        <translation>全部在職與見習志工（{n} 位）</translation>
    </message>
    <message>
        <source>No volunteer to print a badge for: select some first.</source>
        <translation>沒有要列印志工證的志工，請先選擇志工。</translation>
    </message>
    <message>
        <source>Badge sheet</source>
        <translation>志工證</translation>
    </message>
    <message>
        <source>badges.pdf</source>
        <translation>志工證.pdf</translation>
    </message>
    <message>
        <source>{n} badges saved to {path}.</source>
        <translation>已將 {n} 張志工證儲存到 {path}。</translation>
    </message>
    <message>
        <source>Service record and hours statement…</source>
        <translation>服務紀錄與時數證明…</translation>
    </message>
    <message>
        <source>Choose a volunteer first.</source>
        <translation>請先選擇一位志工。</translation>
    </message>
</context>
<context>
    <name>YearReportBox</name>
    <message>
        <source>Year report</source>
        <translation>年度報告</translation>
    </message>
    <message>
        <source>The year for the January service report in one Excel workbook: coverage, volunteers, hours, punctuality, swaps and closures month by month, the phone courtesy tests, trainings and recognition, with a summary and two charts.</source>
        <translation>一月份年度提升服務成果報告用的全年 Excel 活頁簿：每月值勤涵蓋率、志工人數、服務時數、出勤、換班與停止上班，電話禮貌測試、訓練與表揚，並附摘要與兩張圖表。</translation>
    </message>
    <message>
        <source>ROC year </source>
        <translation>民國 </translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Write the year report to Excel…</source>
        <translation>匯出年度報告 Excel…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已儲存至 {path}。</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Signed in at the desk</source>
        <translation>志工簽到</translation>
    </message>
    <message>
        <source>Signed out at the desk</source>
        <translation>志工簽退</translation>
    </message>
    <message>
        <source>Sign-out undone at the desk</source>
        <translation>志工取消簽退</translation>
    </message>
    <message>
        <source>Duty flagged: recorded while the PC&apos;s clock was in doubt</source>
        <translation>電腦時間有疑慮時的紀錄，待確認</translation>
    </message>
    <message>
        <source>Sign-out closed automatically</source>
        <translation>系統自動簽退</translation>
    </message>
    <message>
        <source>Daily check for absences and forgotten sign-outs</source>
        <translation>每日檢查缺勤與未簽退</translation>
    </message>
    <message>
        <source>Duty entered by hand</source>
        <translation>人工登錄值班</translation>
    </message>
    <message>
        <source>Duty times corrected</source>
        <translation>更正簽到退時間</translation>
    </message>
    <message>
        <source>Duty accepted as it is</source>
        <translation>出勤照現況接受</translation>
    </message>
    <message>
        <source>Duty judged again by the calendar</source>
        <translation>依行事曆重新判定出勤</translation>
    </message>
    <message>
        <source>Daily check held back: the PC&apos;s clock jumped</source>
        <translation>每日檢查暫停：電腦時間跳動</translation>
    </message>
    <message>
        <source>Put on the roster</source>
        <translation>排入班表</translation>
    </message>
    <message>
        <source>Taken off the roster</source>
        <translation>移出班表</translation>
    </message>
    <message>
        <source>Month&apos;s roster made from the weekly duties</source>
        <translation>依固定班產生月班表</translation>
    </message>
    <message>
        <source>Weekly duty added</source>
        <translation>新增固定班</translation>
    </message>
    <message>
        <source>Weekly duty ended</source>
        <translation>結束固定班</translation>
    </message>
    <message>
        <source>Swap requested</source>
        <translation>申請換班</translation>
    </message>
    <message>
        <source>Supervisor asked to arrange a swap</source>
        <translation>請督導安排換班</translation>
    </message>
    <message>
        <source>Swap arranged by the supervisor</source>
        <translation>督導安排換班</translation>
    </message>
    <message>
        <source>Colleague agreed to the swap</source>
        <translation>同事同意換班</translation>
    </message>
    <message>
        <source>Colleague declined the swap</source>
        <translation>同事婉拒換班</translation>
    </message>
    <message>
        <source>Swap approved</source>
        <translation>核准換班</translation>
    </message>
    <message>
        <source>Swap not approved</source>
        <translation>不核准換班</translation>
    </message>
    <message>
        <source>Swap request withdrawn</source>
        <translation>撤回換班申請</translation>
    </message>
    <message>
        <source>Swap request expired</source>
        <translation>換班申請逾期未決</translation>
    </message>
    <message>
        <source>Swap request void</source>
        <translation>換班申請失效</translation>
    </message>
    <message>
        <source>Volunteer added</source>
        <translation>新增志工</translation>
    </message>
    <message>
        <source>Volunteer details changed</source>
        <translation>修改志工資料</translation>
    </message>
    <message>
        <source>Volunteer made inactive</source>
        <translation>停用志工</translation>
    </message>
    <message>
        <source>Training recorded</source>
        <translation>登錄志工訓練</translation>
    </message>
    <message>
        <source>Service hours entered by hand</source>
        <translation>補登服務時數</translation>
    </message>
    <message>
        <source>Prior service hours entered</source>
        <translation>登錄既有服務時數</translation>
    </message>
    <message>
        <source>Service hours taken back</source>
        <translation>撤銷服務時數</translation>
    </message>
    <message>
        <source>Recognition received recorded</source>
        <translation>登錄已獲表揚</translation>
    </message>
    <message>
        <source>Record book recorded</source>
        <translation>登錄志願服務紀錄冊</translation>
    </message>
    <message>
        <source>Volunteer&apos;s PIN set</source>
        <translation>設定志工密碼</translation>
    </message>
    <message>
        <source>Volunteer&apos;s PIN removed</source>
        <translation>清除志工密碼</translation>
    </message>
    <message>
        <source>Wrong PIN at the desk</source>
        <translation>服務台簽到密碼輸入錯誤</translation>
    </message>
    <message>
        <source>Signing in by name locked for the day after wrong PINs</source>
        <translation>簽到密碼錯誤太多次，當天停用不刷卡簽到</translation>
    </message>
    <message>
        <source>Volunteer list imported</source>
        <translation>匯入志工名冊</translation>
    </message>
    <message>
        <source>Volunteer list exported</source>
        <translation>匯出志工名冊</translation>
    </message>
    <message>
        <source>Volunteer&apos;s personal data removed</source>
        <translation>清除志工個資</translation>
    </message>
    <message>
        <source>Handover note left</source>
        <translation>留下交班事項</translation>
    </message>
    <message>
        <source>Office calendar imported</source>
        <translation>匯入辦公日曆</translation>
    </message>
    <message>
        <source>Office closed (no duty)</source>
        <translation>停止上班（不值班）</translation>
    </message>
    <message>
        <source>Closure lifted</source>
        <translation>取消停止上班</translation>
    </message>
    <message>
        <source>Day set by hand</source>
        <translation>手動設定日子</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改設定</translation>
    </message>
    <message>
        <source>Agency set up</source>
        <translation>建立機構</translation>
    </message>
    <message>
        <source>Agency renamed</source>
        <translation>修改機構名稱</translation>
    </message>
    <message>
        <source>Supervisor account created</source>
        <translation>新增督導帳號</translation>
    </message>
    <message>
        <source>Supervisor logged in</source>
        <translation>督導登入</translation>
    </message>
    <message>
        <source>Wrong supervisor password</source>
        <translation>督導密碼錯誤</translation>
    </message>
    <message>
        <source>Supervisor password changed</source>
        <translation>變更督導密碼</translation>
    </message>
    <message>
        <source>Supervisor account unlocked</source>
        <translation>解除督導帳號鎖定</translation>
    </message>
    <message>
        <source>Supervisor account enabled</source>
        <translation>啟用督導帳號</translation>
    </message>
    <message>
        <source>Supervisor account disabled</source>
        <translation>停用督導帳號</translation>
    </message>
    <message>
        <source>PC clock confirmed by the supervisor</source>
        <translation>督導確認電腦時間正確</translation>
    </message>
    <message>
        <source>Month exported with personal data</source>
        <translation>匯出含個資的月報</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <source>Phone courtesy test recorded</source>
        <translation>登錄電話禮貌測試</translation>
    </message>
    <message>
        <source>Follow-up of a phone courtesy test recorded</source>
        <translation>登錄電話禮貌測試改善措施</translation>
    </message>
    <message>
        <source>Swap request {id}</source>
        <translation>換班申請 {id}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>{field} was {value}</source>
        <translation>{field}原為 {value}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Supervisor {name}</source>
        <translation>督導 {name}</translation>
    </message>
    <message>
        <source>Volunteer {name}</source>
        <translation>志工 {name}</translation>
    </message>
    <message>
        <source>Command line ({user})</source>
        <translation>命令列（{user}）</translation>
    </message>
    <message>
        <source>Desk PC</source>
        <translation>服務台電腦</translation>
    </message>
    <message>
        <source>The app (automatic)</source>
        <translation>系統自動</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>安裝設定</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>示範資料</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自我檢查</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>{h:.2f} h</source>
        <translation>{h:.2f} 小時</translation>
    </message>
    <message>
        <source>{d} days {h} h</source>
        <translation>{d} 天 {h} 小時</translation>
    </message>
    <message>
        <source>weekly duty</source>
        <translation>固定班</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>換班</translation>
    </message>
    <message>
        <source>imported list</source>
        <translation>匯入名冊</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>互換</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>代班</translation>
    </message>
    <message>
        <source>arranged</source>
        <translation>請督導安排</translation>
    </message>
    <message>
        <source>basic training</source>
        <translation>基礎訓練</translation>
    </message>
    <message>
        <source>special training</source>
        <translation>特殊訓練</translation>
    </message>
    <message>
        <source>extra duty day</source>
        <translation>加開值班</translation>
    </message>
    <message>
        <source>no duty</source>
        <translation>不排班</translation>
    </message>
    <message>
        <source>office closed</source>
        <translation>停止上班</translation>
    </message>
    <message>
        <source>swap request {id}</source>
        <translation>換班申請 {id}</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>整天</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>e-mail reminder before a duty (days)</source>
        <translation>值班前幾天寄電子郵件提醒（天）</translation>
    </message>
    <message>
        <source>desk phone</source>
        <translation>服務台電話</translation>
    </message>
    <message>
        <source>mail server</source>
        <translation>郵件伺服器</translation>
    </message>
    <message>
        <source>mail server port</source>
        <translation>郵件伺服器連接埠</translation>
    </message>
    <message>
        <source>mail encryption</source>
        <translation>郵件加密方式</translation>
    </message>
    <message>
        <source>mail account</source>
        <translation>郵件帳號</translation>
    </message>
    <message>
        <source>mail sender</source>
        <translation>寄件人地址</translation>
    </message>
    <message>
        <source>mail server&apos;s certificate authority</source>
        <translation>郵件伺服器的憑證授權</translation>
    </message>
    <message>
        <source>code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>most duties a week</source>
        <translation>每週最多班數</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <source>asked by</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>written by</source>
        <translation>留言者</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起日</translation>
    </message>
    <message>
        <source>until</source>
        <translation>迄日</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>班別</translation>
    </message>
    <message>
        <source>weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>簽到</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>簽退</translation>
    </message>
    <message>
        <source>hours credited</source>
        <translation>認列時數</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待確認</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>state</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>duty given</source>
        <translation>讓出的班</translation>
    </message>
    <message>
        <source>duty taken</source>
        <translation>接下的班</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>距值班多久前申請</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>督導決定的理由</translation>
    </message>
    <message>
        <source>colleague declined</source>
        <translation>同事婉拒</translation>
    </message>
    <message>
        <source>replaced by swap no.</source>
        <translation>被換班申請取代</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>鎖定到</translation>
    </message>
    <message>
        <source>wrong PINs today</source>
        <translation>當天簽到密碼錯誤次數</translation>
    </message>
    <message>
        <source>wrong passwords in a row</source>
        <translation>連續輸錯密碼次數</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>匯出筆數</translation>
    </message>
    <message>
        <source>with personal data</source>
        <translation>含個資</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>略過</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>personal data</source>
        <translation>個資</translation>
    </message>
    <message>
        <source>sign-outs closed</source>
        <translation>自動簽退筆數</translation>
    </message>
    <message>
        <source>absences</source>
        <translation>缺勤筆數</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天數</translation>
    </message>
    <message>
        <source>days off</source>
        <translation>放假天數</translation>
    </message>
    <message>
        <source>replaced the earlier one</source>
        <translation>取代先前的日曆</translation>
    </message>
    <message>
        <source>closures lifted</source>
        <translation>取消的停班</translation>
    </message>
    <message>
        <source>note</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>source</source>
        <translation>排班方式</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>排入時已確認的提醒（件）</translation>
    </message>
    <message>
        <source>course</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>service item</source>
        <translation>服務項目</translation>
    </message>
    <message>
        <source>served at</source>
        <translation>服務單位</translation>
    </message>
    <message>
        <source>recognition</source>
        <translation>表揚項目</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>有效期限至</translation>
    </message>
    <message>
        <source>number</source>
        <translation>字號</translation>
    </message>
    <message>
        <source>given by</source>
        <translation>辦理單位</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <source>personal data removed</source>
        <translation>個資已清除</translation>
    </message>
    <message>
        <source>daily backups still holding the data</source>
        <translation>仍留有資料的每日備份（份）</translation>
    </message>
    <message>
        <source>the last of them deleted on</source>
        <translation>最後一份刪除日</translation>
    </message>
    <message>
        <source>backups kept until deleted by hand</source>
        <translation>須手動刪除的備份</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>duties judged again</source>
        <translation>重新判定的出勤（筆）</translation>
    </message>
    <message>
        <source>because of</source>
        <translation>起因</translation>
    </message>
    <message>
        <source>clock jump (seconds)</source>
        <translation>電腦時間跳動（秒）</translation>
    </message>
    <message>
        <source>staff member tested</source>
        <translation>受測所內人員</translation>
    </message>
    <message>
        <source>tested at</source>
        <translation>測試時間</translation>
    </message>
    <message>
        <source>tester</source>
        <translation>測試人員</translation>
    </message>
    <message>
        <source>total score</source>
        <translation>總分</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>改善日期</translation>
    </message>
    <message>
        <source>who</source>
        <translation>執行者</translation>
    </message>
    <message>
        <source>what</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>agency name</source>
        <translation>機構名稱</translation>
    </message>
    <message>
        <source>desk name</source>
        <translation>服務台名稱</translation>
    </message>
    <message>
        <source>duty times and staffing</source>
        <translation>值班時段與人數</translation>
    </message>
    <message>
        <source>swap notice (days)</source>
        <translation>換班提前天數</translation>
    </message>
    <message>
        <source>sign-in opens before the duty (minutes)</source>
        <translation>開放簽到提前（分）</translation>
    </message>
    <message>
        <source>late after (minutes)</source>
        <translation>遲到寬限（分）</translation>
    </message>
    <message>
        <source>early leave before (minutes)</source>
        <translation>早退寬限（分）</translation>
    </message>
    <message>
        <source>forgotten sign-out closed after (minutes)</source>
        <translation>未簽退自動結束（分）</translation>
    </message>
    <message>
        <source>default most duties a week</source>
        <translation>預設每週最多班數</translation>
    </message>
    <message>
        <source>desk screen back to start (seconds)</source>
        <translation>服務台畫面回首頁（秒）</translation>
    </message>
    <message>
        <source>answer to a scan shown (seconds)</source>
        <translation>簽到結果顯示秒數</translation>
    </message>
    <message>
        <source>desk sound volume</source>
        <translation>服務台提示音量</translation>
    </message>
    <message>
        <source>supervisor screen locks after (minutes)</source>
        <translation>督導畫面自動鎖定（分）</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>make-up Saturdays are duty days</source>
        <translation>補行上班的星期六要值班</translation>
    </message>
    <message>
        <source>duty points</source>
        <translation>值勤要點</translation>
    </message>
    <message>
        <source>phone script</source>
        <translation>電話用語</translation>
    </message>
    <message>
        <source>repeated scan ignored (seconds)</source>
        <translation>重複刷卡忽略（秒）</translation>
    </message>
    <message>
        <source>PIN required</source>
        <translation>需要密碼</translation>
    </message>
    <message>
        <source>kept for (days)</source>
        <translation>資料保存天數</translation>
    </message>
    <message>
        <source>phone test follow-up under (points)</source>
        <translation>電話禮貌測試改善門檻（分）</translation>
    </message>
    <message>
        <source>phone test score on the desk screen</source>
        <translation>服務台顯示電話禮貌測試分數</translation>
    </message>
    <message>
        <source>service category</source>
        <translation>服務類別</translation>
    </message>
    <message>
        <source>service item of a desk duty</source>
        <translation>服務台值勤的服務項目</translation>
    </message>
    <message>
        <source>service hours recorded in steps of (minutes)</source>
        <translation>服務時數登錄單位（分鐘）</translation>
    </message>
    <message>
        <source>national system template columns</source>
        <translation>志願服務資訊系統範本欄位</translation>
    </message>
    <message>
        <source>Duty flagged: a scan sent after the network was back was answered otherwise</source>
        <translation>值勤標記待確認：網路恢復後上傳的刷卡判定不同</translation>
    </message>
    <message>
        <source>why it was flagged</source>
        <translation>標記原因</translation>
    </message>
    <message>
        <source>shared server out of reach after (seconds)</source>
        <translation>共用資料庫逾時改離線（秒）</translation>
    </message>
    <message>
        <source>details came from</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <source>Phone test {id}</source>
        <translation>電話禮貌測試 {id}</translation>
    </message>
    <message>
        <source>Volunteer agreed to e-mail notices</source>
        <translation>志工同意以電子郵件通知</translation>
    </message>
    <message>
        <source>Volunteer stopped e-mail notices</source>
        <translation>志工停止電子郵件通知</translation>
    </message>
    <message>
        <source>e-mail (masked)</source>
        <translation>電子郵件（遮蔽）</translation>
    </message>
    <message>
        <source>agreed to e-mail on</source>
        <translation>同意電子郵件通知的時間</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置參數</translation>
    </message>
    <message>
        <source>options</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>顯示這份說明後結束</translation>
    </message>
    <message>
        <source>The following arguments are required: {what}.</source>
        <translation>缺少必要的參數：{what}。</translation>
    </message>
    <message>
        <source>Argument {arg}: invalid choice: {value} (choose from {choices}).</source>
        <translation>{arg} 不能是 {value}；請從 {choices} 中選一個。</translation>
    </message>
    <message>
        <source>Argument {arg}: expected one argument.</source>
        <translation>{arg} 後面要接一個值。</translation>
    </message>
    <message>
        <source>Argument {arg}: invalid {type} value: {value}.</source>
        <translation>{arg} 的值 {value} 不是有效的 {type}。</translation>
    </message>
    <message>
        <source>Unrecognized arguments: {what}.</source>
        <translation>無法辨識的參數：{what}。</translation>
    </message>
    <message>
        <source>The database at {url} is ready for {agency}.</source>
        <translation>{url} 的資料庫已為 {agency} 準備好。</translation>
    </message>
    <message>
        <source>Supervisor account {user} created.</source>
        <translation>已建立督導帳號 {user}。</translation>
    </message>
    <message>
        <source>Password for the supervisor: </source>
        <translation>督導的密碼：</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再輸入一次密碼：</translation>
    </message>
    <message>
        <source>Demo desk built in {seconds:.1f} s: {volunteers} volunteers, {assignments} duties, {attendance} attendance records and {swaps} swap requests from {first} to {today}. Supervisor login: supervisor / demo-password.</source>
        <translation>示範服務台已建立（{seconds:.1f} 秒）：{volunteers} 位志工、{assignments} 個班、{attendance} 筆出勤紀錄、{swaps} 件換班申請，期間 {first} 至 {today}。督導登入：supervisor / demo-password。</translation>
    </message>
    <message>
        <source>Updated codes: {codes}</source>
        <translation>已更新的編號：{codes}</translation>
    </message>
    <message>
        <source>Wrote {n} volunteers to {file} WITH phone numbers; the export is logged.</source>
        <translation>已將 {n} 位志工寫入 {file}，含完整電話；這次匯出已記錄。</translation>
    </message>
    <message>
        <source>Wrote {n} volunteers to {file} (phone numbers masked).</source>
        <translation>已將 {n} 位志工寫入 {file}（電話已遮蔽）。</translation>
    </message>
    <message>
        <source>Wrote an empty volunteer sheet to {file}.</source>
        <translation>已將空白志工表寫入 {file}。</translation>
    </message>
    <message>
        <source>Roster {month}: {added} duties added from the weekly patterns, {skipped} skipped.</source>
        <translation>{month} 班表：依固定班新增 {added} 個班，略過 {skipped} 個。</translation>
    </message>
    <message>
        <source>The {year} office calendar is already imported as in this file: nothing changed.</source>
        <translation>{year} 年的辦公日曆表已經照這個檔案匯入過了，沒有任何變更。</translation>
    </message>
    <message>
        <source>Imported the {year} office calendar: {days} days, {off} days off ({replaced} earlier official days replaced).</source>
        <translation>已匯入 {year} 年辦公日曆：共 {days} 天，放假 {off} 天（取代先前 {replaced} 筆官方資料）。</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Closed {day} ({what}): {reason}.</source>
        <translation>{day}（{what}）停止上班：{reason}。</translation>
    </message>
    <message>
        <source>Reopened {day}: {n} closures removed.</source>
        <translation>{day} 恢復上班：移除 {n} 筆停班。</translation>
    </message>
    <message>
        <source>{day} had no closure; nothing changed.</source>
        <translation>{day} 沒有停班紀錄，沒有變更。</translation>
    </message>
    <message>
        <source>workday</source>
        <translation>上班日</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>週末</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>make-up workday</source>
        <translation>補行上班日</translation>
    </message>
    <message>
        <source>closure</source>
        <translation>停止上班</translation>
    </message>
    <message>
        <source>opened by hand</source>
        <translation>手動設為上班</translation>
    </message>
    <message>
        <source>closed by hand</source>
        <translation>手動設為不上班</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>不值班</translation>
    </message>
    <message>
        <source>[{slot} closed]</source>
        <translation>[{slot}停班]</translation>
    </message>
    <message>
        <source>(makes up for {day}, {state})</source>
        <translation>（補行 {day} 的上班，該日{state}）</translation>
    </message>
    <message>
        <source>Recorded the {slot} duty of {day} for {code} {name}.</source>
        <translation>已登錄 {code} {name} 於 {day} 的{slot}。</translation>
    </message>
    <message>
        <source>also verify this audit anchor, copied from a workbook or from paper</source>
        <translation>一併核對這個稽核錨點（從月報表或紙本抄來）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>有問題</translation>
    </message>
    <message>
        <source>DESK</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>schema is current ({rev})</source>
        <translation>資料庫結構是最新的（{rev}）</translation>
    </message>
    <message>
        <source>schema is {current}, this version uses {head}; open the app to upgrade</source>
        <translation>資料庫結構為 {current}，本版本使用 {head}；請開啟程式進行升級</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空的</translation>
    </message>
    <message>
        <source>integrity check: {first}</source>
        <translation>完整性檢查：{first}</translation>
    </message>
    <message>
        <source>integrity check passed</source>
        <translation>完整性檢查通過</translation>
    </message>
    <message>
        <source>{n} broken references, first: {first}</source>
        <translation>有 {n} 個斷裂的參照，第一個：{first}</translation>
    </message>
    <message>
        <source>no broken references</source>
        <translation>沒有斷裂的參照</translation>
    </message>
    <message>
        <source>audit log triggers in place and enabled</source>
        <translation>稽核紀錄的防改觸發器都在且已啟用</translation>
    </message>
    <message>
        <source>audit log: {n} entries, chain intact</source>
        <translation>稽核紀錄：共 {n} 筆，鏈結完整</translation>
    </message>
    <message>
        <source>audit log broken at entry {id}: {problem}</source>
        <translation>稽核紀錄在第 {id} 筆斷開：{problem}</translation>
    </message>
    <message>
        <source>audit anchor now (copy it to check later with --anchor): {pair}</source>
        <translation>目前的稽核錨點（請抄下，日後用 --anchor 核對）：{pair}</translation>
    </message>
    <message>
        <source>audit log trigger {name} is missing: the log can be changed unnoticed</source>
        <translation>稽核紀錄的觸發器 {name} 不見了：紀錄可能被改而無人察覺</translation>
    </message>
    <message>
        <source>audit log trigger {name} is disabled: the log can be changed unnoticed</source>
        <translation>稽核紀錄的觸發器 {name} 被停用了：紀錄可能被改而無人察覺</translation>
    </message>
    <message>
        <source>audit log trigger {name} was altered: the log can be changed unnoticed</source>
        <translation>稽核紀錄的觸發器 {name} 被改過了：紀錄可能被改而無人察覺</translation>
    </message>
    <message>
        <source>{n} more audit anchors fail</source>
        <translation>另有 {n} 個稽核錨點核對不符</translation>
    </message>
    <message>
        <source>{n} audit anchors (anchor file, backups, workbooks) lie on the chain</source>
        <translation>{n} 個稽核錨點（錨點檔、備份、月報表）都在鏈上</translation>
    </message>
    <message>
        <source>{n} older audit anchors were superseded by a restore</source>
        <translation>{n} 個較舊的稽核錨點因還原備份而不再適用</translation>
    </message>
    <message>
        <source>the anchor {pair} lies on the chain</source>
        <translation>錨點 {pair} 在鏈上，核對相符</translation>
    </message>
    <message>
        <source>audit anchor {pair} ({where}) counted {count} entries, the log now has {n}: entries were removed</source>
        <translation>稽核錨點 {pair}（{where}）記有 {count} 筆，紀錄現在只有 {n} 筆：有紀錄被刪除</translation>
    </message>
    <message>
        <source>audit anchor {pair} ({where}) does not match entry {count}: entries were altered, replaced or re-hashed</source>
        <translation>稽核錨點 {pair}（{where}）與第 {count} 筆不符：有紀錄被修改、替換或重新計算雜湊</translation>
    </message>
    <message>
        <source>audit anchor {pair} ({where}) cannot be verified: the chain breaks first</source>
        <translation>稽核錨點 {pair}（{where}）無法核對：鏈結在此之前就斷了</translation>
    </message>
    <message>
        <source>The database check found problems.</source>
        <translation>資料庫檢查發現問題。</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>備份已寫入 {path}。</translation>
    </message>
    <message>
        <source>Restored the database from {file}.</source>
        <translation>已從 {file} 還原資料庫。</translation>
    </message>
    <message>
        <source>The replaced database was kept as {aside}.</source>
        <translation>被取代的資料庫保留為 {aside}。</translation>
    </message>
    <message>
        <source>Closed {closed} forgotten sign-outs and recorded {absent} absences.</source>
        <translation>已結束 {closed} 筆忘記簽退的紀錄，並記錄 {absent} 筆缺勤。</translation>
    </message>
    <message>
        <source>{n} swap requests not decided before their duty expired.</source>
        <translation>{n} 筆換班申請在值班開始前未審核，已逾期。</translation>
    </message>
    <message>
        <source>Daily backup written to {path}.</source>
        <translation>每日備份已寫入 {path}。</translation>
    </message>
    <message>
        <source>set a volunteer&apos;s {digits}-digit PIN for signing in at the desk without the card</source>
        <translation>設定志工不刷卡簽到用的 {digits} 位數 PIN 碼</translation>
    </message>
    <message>
        <source>Deleted the personal data of {code}; the volunteer is now {pseudonym}, with duties and hours kept.</source>
        <translation>已刪除 {code} 的個人資料；這位志工現在記為 {pseudonym}，值班與服務時數紀錄保留。</translation>
    </message>
    <message>
        <source>{n} daily backups made before today still hold this data; retention deletes the last of them on {date}.</source>
        <translation>今天以前的 {n} 份每日備份仍留有這些資料；保存期滿會自動刪除，最後一份在 {date} 刪除。</translation>
    </message>
    <message>
        <source>These backups were made by hand or before an upgrade and are kept until someone deletes them; they still hold this data: {files}</source>
        <translation>下列備份是手動或升級前製作的，不會自動刪除，仍留有這些資料，請自行刪除：{files}</translation>
    </message>
    <message>
        <source>Another desk was reading the database: its -wal file may hold an old copy until every desk app on it is closed.</source>
        <translation>另一台服務台正在讀取資料庫：在所有使用它的服務台程式關閉前，-wal 檔可能還留有舊資料。</translation>
    </message>
    <message>
        <source>No departed volunteer&apos;s data is due for deletion.</source>
        <translation>目前沒有已離隊志工的個人資料到期需要刪除。</translation>
    </message>
    <message>
        <source>{code}  left {left}, may be deleted since {since}</source>
        <translation>{code}  {left} 離隊，自 {since} 起可刪除</translation>
    </message>
    <message>
        <source>the audit log: export it (or part of it) to Excel</source>
        <translation>稽核紀錄：匯出（全部或部分）到 Excel</translation>
    </message>
    <message>
        <source>reminders and notices: calendar files, the LINE message, slips, e-mail</source>
        <translation>值勤提醒與通知：行事曆檔、LINE 訊息、值班單、電子郵件</translation>
    </message>
    <message>
        <source>this desk&apos;s own name, kept on this PC (desks sharing a server)</source>
        <translation>這台服務台自己的名稱，存在這台電腦（多台共用一個伺服器時）</translation>
    </message>
    <message>
        <source>supervisor accounts: list, unlock, set a new password</source>
        <translation>督導帳號：列出、解除鎖定、設定新密碼</translation>
    </message>
    <message>
        <source>close forgotten sign-outs, record absences, expire swap requests not decided before their duty, and keep the daily backup (SQLite; on PostgreSQL use pg_dump)</source>
        <translation>補上忘記的簽退、記錄缺勤、讓值勤前未決定的換班申請失效，並保留每日備份（SQLite；PostgreSQL 請用 pg_dump）</translation>
    </message>
    <message>
        <source>Front-desk volunteer duty manager. Without a command, opens the desk app.</source>
        <translation>服務台志工值勤管理。不加指令時開啟服務台程式。</translation>
    </message>
    <message>
        <source>Language: Traditional Chinese; English when the first of LC_ALL, LC_MESSAGES and LANG that is set starts with en (e.g. LANG=en_US.UTF-8). The desk app follows its own language setting.</source>
        <translation>語言：繁體中文；LC_ALL、LC_MESSAGES、LANG 中第一個有設定的值若以 en 開頭（例如 LANG=en_US.UTF-8），則改用英文。服務台程式依它自己的語言設定。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>顯示版本後結束</translation>
    </message>
    <message>
        <source>check this installation (database, translations, kiosk, export) and exit</source>
        <translation>檢查這套安裝（資料庫、翻譯、服務台畫面、匯出）後結束</translation>
    </message>
    <message>
        <source>the database: a SQLite file or postgresql://user@host/name (default: $FRONTDESK_DB, else the file in the data folder)</source>
        <translation>資料庫：SQLite 檔案或 postgresql://user@host/name（預設：$FRONTDESK_DB，否則為資料夾中的檔案）</translation>
    </message>
    <message>
        <source>the data folder for the database, backups and logs (sets FRONTDESK_HOME)</source>
        <translation>存放資料庫、備份與記錄檔的資料夾（設定 FRONTDESK_HOME）</translation>
    </message>
    <message>
        <source>open the kiosk full screen (the desk PC&apos;s start-up shortcut)</source>
        <translation>以全螢幕開啟服務台畫面（服務台電腦開機時的捷徑）</translation>
    </message>
    <message>
        <source>open straight to the supervisor login instead of the kiosk (may run beside it)</source>
        <translation>直接開啟督導登入，而不是服務台畫面（可與服務台畫面同時執行）</translation>
    </message>
    <message>
        <source>create or upgrade the database and name the agency</source>
        <translation>建立或升級資料庫並設定機關名稱</translation>
    </message>
    <message>
        <source>e.g. 高雄市苓雅區衛生所</source>
        <translation>例如：高雄市苓雅區衛生所</translation>
    </message>
    <message>
        <source>also create this supervisor account</source>
        <translation>同時建立這個督導帳號</translation>
    </message>
    <message>
        <source>read the supervisor&apos;s password from the first line of standard input</source>
        <translation>從標準輸入的第一行讀取督導密碼</translation>
    </message>
    <message>
        <source>build a realistic demo database</source>
        <translation>建立逼真的示範資料庫</translation>
    </message>
    <message>
        <source>show this desk&apos;s id and name</source>
        <translation>顯示這台服務台的代號與名稱</translation>
    </message>
    <message>
        <source>name this desk (kept on this PC; the kiosk shows it after a restart)</source>
        <translation>為這台服務台命名（存在這台電腦；簽到畫面重新開啟後顯示）</translation>
    </message>
    <message>
        <source>This desk: {name} (id {id})</source>
        <translation>這台服務台：{name}（代號 {id}）</translation>
    </message>
    <message>
        <source>This desk is now named {name}.</source>
        <translation>這台服務台現在名為 {name}。</translation>
    </message>
    <message>
        <source>the desk&apos;s name (default 服務台); on a shared PostgreSQL server it names this PC&apos;s desk only, as `desk name` does</source>
        <translation>服務台名稱（預設「服務台」）；在共用的 PostgreSQL 伺服器上只為這台電腦的服務台命名，與 `desk name` 相同</translation>
    </message>
    <message>
        <source>agency name (default 高雄市苓雅區衛生所)</source>
        <translation>機關名稱（預設：高雄市苓雅區衛生所）</translation>
    </message>
    <message>
        <source>random seed; same seed, same data</source>
        <translation>亂數種子；相同種子產生相同資料</translation>
    </message>
    <message>
        <source>the day the history runs up to</source>
        <translation>歷史資料截止日</translation>
    </message>
    <message>
        <source>import or export the volunteer list (Excel)</source>
        <translation>匯入或匯出志工名冊（Excel）</translation>
    </message>
    <message>
        <source>add or update volunteers from an .xlsx sheet</source>
        <translation>從 .xlsx 工作表新增或更新志工</translation>
    </message>
    <message>
        <source>write the volunteer list to an .xlsx file</source>
        <translation>把志工名冊寫入 .xlsx 檔案</translation>
    </message>
    <message>
        <source>include full phone numbers (the export is logged)</source>
        <translation>包含完整電話（這次匯出會被記錄）</translation>
    </message>
    <message>
        <source>write an empty volunteer sheet to fill in</source>
        <translation>寫出空白志工表供填寫</translation>
    </message>
    <message>
        <source>delete a departed volunteer&apos;s personal data after the retention period (duties and hours are kept)</source>
        <translation>保存期限過後，刪除已離隊志工的個人資料（值班與服務時數保留）</translation>
    </message>
    <message>
        <source>confirm deleting the personal data</source>
        <translation>確認刪除個人資料</translation>
    </message>
    <message>
        <source>read the PIN from the first line of standard input</source>
        <translation>從標準輸入的第一行讀取 PIN 碼</translation>
    </message>
    <message>
        <source>remove the volunteer&apos;s PIN</source>
        <translation>刪除志工的 PIN 碼</translation>
    </message>
    <message>
        <source>list departed volunteers whose personal data may now be deleted</source>
        <translation>列出個人資料已可刪除的離隊志工</translation>
    </message>
    <message>
        <source>Imported {file}: {added} volunteers added, {updated} updated, {unchanged} unchanged.</source>
        <translation>已匯入 {file}：新增 {added} 位志工，更新 {updated} 位，{unchanged} 位沒有變更。</translation>
    </message>
    <message>
        <source>The PIN of {code} {name} was removed.</source>
        <translation>已刪除 {code} {name} 的 PIN 碼。</translation>
    </message>
    <message>
        <source>The PIN of {code} {name} was set.</source>
        <translation>已設定 {code} {name} 的 PIN 碼。</translation>
    </message>
    <message>
        <source>the monthly roster</source>
        <translation>每月班表</translation>
    </message>
    <message>
        <source>fill a month from the weekly patterns</source>
        <translation>依固定班產生一個月的班表</translation>
    </message>
    <message>
        <source>working days, holidays and closures</source>
        <translation>上班日、假日與停班</translation>
    </message>
    <message>
        <source>import the DGPA office calendar CSV (政府行政機關辦公日曆表)</source>
        <translation>匯入政府行政機關辦公日曆表 CSV</translation>
    </message>
    <message>
        <source>close a day or one slot (typhoon 停止上班)</source>
        <translation>某天或某班停止上班（颱風）</translation>
    </message>
    <message>
        <source>only this slot (default: the whole day)</source>
        <translation>只停這一班（預設：全天）</translation>
    </message>
    <message>
        <source>remove the closure of a day or slot</source>
        <translation>取消某天或某班的停班</translation>
    </message>
    <message>
        <source>list a month&apos;s days: duty or closed, and why</source>
        <translation>列出一個月的每一天：是否值班及原因</translation>
    </message>
    <message>
        <source>attendance records</source>
        <translation>出勤紀錄</translation>
    </message>
    <message>
        <source>enter a duty by hand from the paper sheet (times in Asia/Taipei)</source>
        <translation>依紙本手動登錄值班（台北時間）</translation>
    </message>
    <message>
        <source>the volunteer&apos;s code</source>
        <translation>志工編號</translation>
    </message>
    <message>
        <source>sign-in time</source>
        <translation>簽到時間</translation>
    </message>
    <message>
        <source>sign-out time</source>
        <translation>簽退時間</translation>
    </message>
    <message>
        <source>check the schema, integrity, references and audit chain (exit 1 on a problem)</source>
        <translation>檢查資料庫結構、完整性、參照與稽核鏈結（有問題時結束代碼為 1）</translation>
    </message>
    <message>
        <source>write a backup copy of the SQLite database</source>
        <translation>備份 SQLite 資料庫</translation>
    </message>
    <message>
        <source>where to write it (default: backups folder)</source>
        <translation>備份位置（預設：backups 資料夾）</translation>
    </message>
    <message>
        <source>replace the database by a backup (the current file is kept aside)</source>
        <translation>用備份取代資料庫（目前的檔案會另外保留）</translation>
    </message>
    <message>
        <source>confirm replacing the database</source>
        <translation>確認取代資料庫</translation>
    </message>
    <message>
        <source>PIN ({digits} digits): </source>
        <translation>PIN 碼（{digits} 位數字）：</translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>再輸入一次 PIN 碼：</translation>
    </message>
    <message>
        <source>Please name an action; see --help.</source>
        <translation>請指定要做的動作；請參考 --help。</translation>
    </message>
    <message>
        <source>Interrupted; nothing was changed by the unfinished step.</source>
        <translation>已中斷；未完成的步驟沒有改變任何資料。</translation>
    </message>
    <message>
        <source>(This looks like a bug in frontdesk; please report it with the command you ran.)</source>
        <translation>（這看起來是程式的錯誤；請連同執行的指令一起回報。）</translation>
    </message>
    <message>
        <source>write a month&apos;s workbook (roster, attendance, hours, swaps)</source>
        <translation>匯出一個月的活頁簿（班表、出勤、服務時數、換班）</translation>
    </message>
    <message>
        <source>Write the monthly Excel workbook for the agency&apos;s records and the national volunteer system.</source>
        <translation>匯出每月的 Excel 活頁簿，供機關存檔及登錄全國志工系統。</translation>
    </message>
    <message>
        <source>the month, e.g. 2026-12</source>
        <translation>月份，例如 2026-12</translation>
    </message>
    <message>
        <source>the .xlsx file to write, or a folder for it (default: the month&apos;s workbook name in the current folder)</source>
        <translation>要寫入的 .xlsx 檔案，或存放它的資料夾（預設：目前資料夾中以該月命名的活頁簿）</translation>
    </message>
    <message>
        <source>replace the file if it already exists</source>
        <translation>檔案已存在時取代它</translation>
    </message>
    <message>
        <source>write the audit log (or part of it) to an Excel file</source>
        <translation>把稽核紀錄（全部或部分）寫成 Excel 檔</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要寫入的 .xlsx 檔案</translation>
    </message>
    <message>
        <source>the first day (Taipei time); default: the start</source>
        <translation>起始日（台北時間）；預設：最早的紀錄</translation>
    </message>
    <message>
        <source>the last day, included; default: today</source>
        <translation>結束日（含當天）；預設：今天</translation>
    </message>
    <message>
        <source>only what this person did: a supervisor&apos;s user name, or e.g. volunteer:V001</source>
        <translation>只列這個人做的事：督導的帳號，或例如 volunteer:V001</translation>
    </message>
    <message>
        <source>only this kind of action, e.g. settings.update or attendance.correct</source>
        <translation>只列這種動作，例如 settings.update 或 attendance.correct</translation>
    </message>
    <message>
        <source>{n} entries.</source>
        <translation>共 {n} 筆。</translation>
    </message>
    <message>
        <source>write phone numbers unmasked (recorded in the audit log)</source>
        <translation>寫入完整電話（會記在稽核紀錄）</translation>
    </message>
    <message>
        <source>The desk app needs a screen, and this session has none (neither DISPLAY nor WAYLAND_DISPLAY is set); without a screen use the commands {commands} and --self-test (frontdesk --help explains them).</source>
        <translation>服務台程式需要螢幕，但這個工作階段沒有螢幕（DISPLAY 與 WAYLAND_DISPLAY 都沒有設定）；沒有螢幕時請使用這些指令：{commands} 與 --self-test（說明請見 frontdesk --help）。</translation>
    </message>
    <message>
        <source>list the supervisor accounts and their state</source>
        <translation>列出督導帳號及其狀態</translation>
    </message>
    <message>
        <source>lift the lock of an account after wrong passwords</source>
        <translation>解除帳號因密碼輸入錯誤造成的鎖定</translation>
    </message>
    <message>
        <source>give an account a new password (at least {n} characters); lifts its lock</source>
        <translation>為帳號設定新密碼（至少 {n} 個字元），並解除鎖定</translation>
    </message>
    <message>
        <source>read the new password from the first line of standard input</source>
        <translation>從標準輸入的第一行讀取新密碼</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until {when}</source>
        <translation>鎖定至 {when}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>可使用</translation>
    </message>
    <message>
        <source>No supervisor accounts yet; create one with frontdesk init --supervisor.</source>
        <translation>還沒有督導帳號；請用 frontdesk init --supervisor 建立。</translation>
    </message>
    <message>
        <source>The account {name} is unlocked; it may log in again.</source>
        <translation>已解除帳號 {name} 的鎖定，可以再登入了。</translation>
    </message>
    <message>
        <source>The account {name} was not locked.</source>
        <translation>帳號 {name} 沒有被鎖定。</translation>
    </message>
    <message>
        <source>The password of {name} was set; the account may log in with it now.</source>
        <translation>已設定 {name} 的新密碼，現在可以用它登入。</translation>
    </message>
    <message>
        <source>write each volunteer&apos;s calendar file</source>
        <translation>寫出每位志工的行事曆檔</translation>
    </message>
    <message>
        <source>the folder for the .ics files (made if missing)</source>
        <translation>.ics 檔要放的資料夾（沒有就建立）</translation>
    </message>
    <message>
        <source>only this volunteer (may be given again)</source>
        <translation>只做這位志工（可寫多次）</translation>
    </message>
    <message>
        <source>print the LINE group message of a week</source>
        <translation>印出一週的 LINE 群組訊息</translation>
    </message>
    <message>
        <source>the week&apos;s first day (default: next Monday)</source>
        <translation>這一週的第一天（預設：下週一）</translation>
    </message>
    <message>
        <source>{count} calendar files written to {folder}</source>
        <translation>已寫出 {count} 個行事曆檔到 {folder}</translation>
    </message>
    <message>
        <source>print service-hours statements</source>
        <translation>列印志工服務時數證明</translation>
    </message>
    <message>
        <source>print a volunteer&apos;s service-hours statement for a date range (PDF)</source>
        <translation>列印志工在一段期間的服務時數證明（PDF）</translation>
    </message>
    <message>
        <source>the .pdf file to write, or a folder for it (default: the current folder)</source>
        <translation>要寫入的 .pdf 檔，或存放它的資料夾（預設：目前的資料夾）</translation>
    </message>
    <message>
        <source>the year&apos;s service report workbook (report year --year 115)</source>
        <translation>年度服務成果報告活頁簿（report year --year 115）</translation>
    </message>
    <message>
        <source>write the year&apos;s service report workbook (for the January report)</source>
        <translation>匯出年度服務成果報告活頁簿（一月份年度報告用）</translation>
    </message>
    <message>
        <source>the year, in ROC years (115) or as 2026</source>
        <translation>年度，民國年（115）或西元年（2026）</translation>
    </message>
    <message>
        <source>the .xlsx file to write, or a folder for it (default: the year&apos;s report name in the current folder)</source>
        <translation>要寫入的 .xlsx 檔案或其資料夾（預設：目前資料夾中以年度報告命名的檔案）</translation>
    </message>
    <message>
        <source>record a volunteer&apos;s e-mail consent</source>
        <translation>記錄志工是否同意以電子郵件通知</translation>
    </message>
    <message>
        <source>the volunteer agrees to e-mail notices</source>
        <translation>志工同意以電子郵件通知</translation>
    </message>
    <message>
        <source>the volunteer wants no more e-mail</source>
        <translation>志工不再接收電子郵件</translation>
    </message>
    <message>
        <source>keep the mail server&apos;s password in the system&apos;s store</source>
        <translation>把郵件伺服器密碼存入作業系統的憑證庫</translation>
    </message>
    <message>
        <source>send the e-mails that are due now</source>
        <translation>立即寄出已到時間的電子郵件</translation>
    </message>
    <message>
        <source>list e-mails that failed</source>
        <translation>列出寄送失敗的電子郵件</translation>
    </message>
    <message>
        <source>Mail server password: </source>
        <translation>郵件伺服器密碼：</translation>
    </message>
    <message>
        <source>E-mail: {sent} sent, {retrying} to try again, {failed} failed, {dropped} dropped.</source>
        <translation>電子郵件：已寄出 {sent} 封，稍後重試 {retrying} 封，失敗 {failed} 封，不再寄送 {dropped} 封。</translation>
    </message>
    <message>
        <source>Volunteer numbers to try at the kiosk: {first}–{last}.</source>
        <translation>可以在服務台試用的志工編號：{first}–{last}。</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>Yes, go ahead</source>
        <translation>是，繼續</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Trainee</source>
        <translation>見習</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>值班中</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>遲到</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Late and left early</source>
        <translation>遲到且早退</translation>
    </message>
    <message>
        <source>No sign-out</source>
        <translation>未簽退</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>臨時支援</translation>
    </message>
    <message>
        <source>Cancelled (closed)</source>
        <translation>取消（停止上班）</translation>
    </message>
    <message>
        <source>AM</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>週末</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up workday (補行上班)</source>
        <translation>補行上班</translation>
    </message>
    <message>
        <source>, no desk duty</source>
        <translation>，不值班</translation>
    </message>
    <message>
        <source>Closed: {reason}</source>
        <translation>停止上班：{reason}</translation>
    </message>
    <message>
        <source>office closed</source>
        <translation>停止上班</translation>
    </message>
    <message>
        <source>Opened by hand</source>
        <translation>手動設為上班</translation>
    </message>
    <message>
        <source>Closed by hand</source>
        <translation>手動設為不上班</translation>
    </message>
</context>
<context>
    <name>leaving</name>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
    <message>
        <source>This page has changes that are not saved yet. Save them before leaving?</source>
        <translation>這一頁有尚未儲存的變更。離開前要先儲存嗎？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不儲存</translation>
    </message>
    <message>
        <source>Stay on this page</source>
        <translation>留在這一頁</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>morning (AM)</source>
        <translation>上午班</translation>
    </message>
    <message>
        <source>afternoon (PM)</source>
        <translation>下午班</translation>
    </message>
    <message>
        <source>the volunteer</source>
        <translation>該志工</translation>
    </message>
    <message>
        <source>volunteer #{id}</source>
        <translation>志工 #{id}</translation>
    </message>
    <message>
        <source>{day} is not a duty day{label}.</source>
        <translation>{day} 不是值班日{label}。</translation>
    </message>
    <message>
        <source>The {slot} duty on {day} is closed{label}.</source>
        <translation>{day} 的{slot}已停止值班{label}。</translation>
    </message>
    <message>
        <source>There is no duty slot called {slot}.</source>
        <translation>沒有名為 {slot} 的班別。</translation>
    </message>
    <message>
        <source>{who} is already on the {slot} duty of {day}.</source>
        <translation>{who} 已經排在 {day} 的{slot}。</translation>
    </message>
    <message>
        <source>The {slot} duty of {day} already has {count} volunteers (at most {maximum}).</source>
        <translation>{day} 的{slot}已有 {count} 位志工（最多 {maximum} 位）。</translation>
    </message>
    <message>
        <source>The {slot} duty of {day} would have {count} volunteers (at least {minimum}).</source>
        <translation>{day} 的{slot}將只剩 {count} 位志工（至少需要 {minimum} 位）。</translation>
    </message>
    <message>
        <source>{who} is no longer active and cannot be put on duty.</source>
        <translation>{who} 已停用，不能排班。</translation>
    </message>
    <message>
        <source>{who} has no basic training (基礎訓練) recorded yet.</source>
        <translation>{who} 還沒有基礎訓練紀錄。</translation>
    </message>
    <message>
        <source>{who} already has {weekly_count} duties that week; the weekly maximum is {weekly_max}.</source>
        <translation>{who} 那一週已有 {weekly_count} 個班，每週上限是 {weekly_max} 個。</translation>
    </message>
    <message>
        <source>{who} is not on the {slot} duty of {day}.</source>
        <translation>{who} 沒有排在 {day} 的{slot}。</translation>
    </message>
    <message>
        <source>A swap must be asked at least {required_days} days before the duty; the {slot} duty of {day} starts in {notice}, so please ask the supervisor.</source>
        <translation>換班須在值班日 {required_days} 天前提出；{day} 的{slot}在 {notice}後就開始，請洽志工督導協助換班。</translation>
    </message>
    <message>
        <source>The {slot} duty of {day} has already started.</source>
        <translation>{day} 的{slot}已經開始了。</translation>
    </message>
    <message>
        <source>A volunteer cannot swap with themselves.</source>
        <translation>志工不能和自己換班。</translation>
    </message>
    <message>
        <source>Both duties are the {slot} duty of {day}: exchanging them would change nothing.</source>
        <translation>兩個班都是 {day} 的{slot}：互換之後什麼都不會改變。</translation>
    </message>
    <message>
        <source>The {slot} duty of {day} is less than {required_days} days away; please give a reason for this short-notice change.</source>
        <translation>{day} 的{slot}已不到 {required_days} 天，請填寫臨時調整的原因。</translation>
    </message>
    <message>
        <source>Rule check: {code}.</source>
        <translation>規則檢查：{code}。</translation>
    </message>
    <message>
        <source>The volunteer code must be 1 to 32 letters, digits or dashes{value}.</source>
        <translation>志工編號須為 1 到 32 個英文字母、數字或連字號{value}。</translation>
    </message>
    <message>
        <source>The name must be 1 to 60 characters.</source>
        <translation>姓名須為 1 到 60 個字。</translation>
    </message>
    <message>
        <source>The phone number may hold only digits, spaces, dashes and a leading +{value}.</source>
        <translation>電話只能有數字、空格、連字號及開頭的 +{value}。</translation>
    </message>
    <message>
        <source>The status must be trainee (見習), active (在職) or inactive (停用){value}.</source>
        <translation>狀態須為見習、在職或停用{value}。</translation>
    </message>
    <message>
        <source>The weekly maximum must be a whole number from 1 to 14{value}.</source>
        <translation>每週上限須為 1 到 14 的整數{value}。</translation>
    </message>
    <message>
        <source>The training needs a date and 0 to 500 hours{value}.</source>
        <translation>訓練須有日期及 0 到 500 小時的時數{value}。</translation>
    </message>
    <message>
        <source>The basic training date must be a date such as 114/03/01{value}.</source>
        <translation>基礎訓練日期須為日期，例如 114/03/01{value}。</translation>
    </message>
    <message>
        <source>The basic training hours must be a number from 0 to 500{value}.</source>
        <translation>基礎訓練時數須為 0 到 500 的數字{value}。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>請填寫原因。</translation>
    </message>
    <message>
        <source>The sign-in time is missing or not on that day.</source>
        <translation>簽到時間沒有填，或不在當天。</translation>
    </message>
    <message>
        <source>The sign-out time must be after the sign-in time, on the same day.</source>
        <translation>簽退時間須在簽到時間之後，且在同一天。</translation>
    </message>
    <message>
        <source>The user name must be 1 to 60 characters.</source>
        <translation>帳號須為 1 到 60 個字。</translation>
    </message>
    <message>
        <source>The password needs at least {min_password} characters.</source>
        <translation>密碼至少需要 {min_password} 個字元。</translation>
    </message>
    <message>
        <source>The agency name must be 1 to 60 characters.</source>
        <translation>機關名稱須為 1 到 60 個字。</translation>
    </message>
    <message>
        <source>Please choose who covers the duty.</source>
        <translation>請選擇由誰代班。</translation>
    </message>
    <message>
        <source>That kind of swap cannot be asked this way.</source>
        <translation>這種換班不能用這個方式申請。</translation>
    </message>
    <message>
        <source>There is no duty slot called {raw}; use AM or PM.</source>
        <translation>沒有名為 {raw} 的班別；請用 AM 或 PM。</translation>
    </message>
    <message>
        <source>The weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation>星期須為 0（星期一）到 6（星期日）。</translation>
    </message>
    <message>
        <source>A weekly pattern cannot end before it starts.</source>
        <translation>固定班的結束日不能早於開始日。</translation>
    </message>
    <message>
        <source>{raw} is not a month; write it as YYYY-MM, e.g. 2025-02.</source>
        <translation>{raw} 不是月份；請寫成 YYYY-MM，例如 2025-02。</translation>
    </message>
    <message>
        <source>{raw} is not a date; write it as YYYY-MM-DD, e.g. 2025-02-08.</source>
        <translation>{raw} 不是日期；請寫成 YYYY-MM-DD，例如 2025-02-08。</translation>
    </message>
    <message>
        <source>{raw} is not a time; write it as HH:MM, e.g. 08:30.</source>
        <translation>{raw} 不是時間；請寫成 HH:MM，例如 08:30。</translation>
    </message>
    <message>
        <source>The seed must be a whole number.</source>
        <translation>種子值須為整數。</translation>
    </message>
    <message>
        <source>The database already holds data; build the demo into a new file (--db demo.sqlite3).</source>
        <translation>資料庫已經有資料；請把示範資料建在新檔案（--db demo.sqlite3）。</translation>
    </message>
    <message>
        <source>{raw} already exists; choose another file name.</source>
        <translation>{raw} 已經存在，請換一個檔名。</translation>
    </message>
    <message>
        <source>The hours must be more than 0 and at most 24 for one day{value}.</source>
        <translation>時數須大於 0，且一天最多 24 小時{value}。</translation>
    </message>
    <message>
        <source>Please say where the prior hours were served (at most 120 characters).</source>
        <translation>請填寫既有時數的服務單位（最多 120 字）。</translation>
    </message>
    <message>
        <source>Please choose the certificate, the honor card or an award{value}.</source>
        <translation>請選擇績效證明書、榮譽卡或獎勵項目{value}。</translation>
    </message>
    <message>
        <source>The number must be 1 to 40 characters.</source>
        <translation>字號須為 1 至 40 字。</translation>
    </message>
    <message>
        <source>Who gave the training may be at most 120 characters.</source>
        <translation>辦理單位最多 120 字。</translation>
    </message>
    <message>
        <source>The service item may be at most 120 characters.</source>
        <translation>服務項目最多 120 字。</translation>
    </message>
    <message>
        <source>The last day is before the first day; choose the days again.</source>
        <translation>結束日早於起始日，請重新選擇日期。</translation>
    </message>
    <message>
        <source>{raw} is not an action of the audit log; write it as the log does, e.g. settings.update or attendance.correct.</source>
        <translation>{raw} 不是稽核紀錄的動作；請照紀錄的寫法，例如 settings.update 或 attendance.correct。</translation>
    </message>
    <message>
        <source>Restore works on a SQLite file; a PostgreSQL database is restored by its server admin with pg_restore.</source>
        <translation>還原只適用於 SQLite 檔案；PostgreSQL 資料庫請由伺服器管理員用 pg_restore 還原。</translation>
    </message>
    <message>
        <source>A PIN is exactly {digits} digits.</source>
        <translation>PIN 碼必須是 {digits} 位數字。</translation>
    </message>
    <message>
        <source>Reminder, days before a duty: a whole number from 0 to 14 (2 when left empty).</source>
        <translation>值班前幾天寄提醒：請填 0 到 14 的整數（空白即 2 天）。</translation>
    </message>
    <message>
        <source>The mail server&apos;s encryption is STARTTLS, SSL/TLS or no encryption.</source>
        <translation>郵件伺服器的加密方式只能選 STARTTLS、SSL/TLS 或不加密。</translation>
    </message>
    <message>
        <source>No PIN was given: with --pin-stdin put it on the first line of standard input, or run the command in a terminal to type it.</source>
        <translation>沒有提供 PIN 碼：使用 --pin-stdin 時請放在標準輸入的第一行，或在終端機執行指令後輸入。</translation>
    </message>
    <message>
        <source>The two PINs are not the same; nothing was changed.</source>
        <translation>兩次輸入的 PIN 碼不一樣，沒有變更任何資料。</translation>
    </message>
    <message>
        <source>No password was given: with --password-stdin put it on the first line of standard input, or run the command in a terminal to type it (at least {min_password} characters).</source>
        <translation>沒有收到密碼：使用 --password-stdin 時請把密碼放在標準輸入的第一行，或在終端機中執行這個指令再輸入密碼（至少 {min_password} 個字元）。</translation>
    </message>
    <message>
        <source>Neither time was changed, so there is nothing to correct. Tick and set the time that is wrong, or accept the record as it is.</source>
        <translation>兩個時間都沒有改，沒有可更正的內容。請勾選並填入有誤的時間，或改用「照現況接受」。</translation>
    </message>
    <message>
        <source>A time entered by hand cannot be later than now ({now}): only a sign-in or sign-out that happened is recorded. Check the times, or enter it after the duty.</source>
        <translation>手動登錄的時間不能晚於現在（{now}）：只登錄已經發生的簽到、簽退。請檢查時間，或等這班結束後再登錄。</translation>
    </message>
    <message>
        <source>The times do not fit this duty ({hours}): a sign-in or sign-out entered by hand must lie between {bounds}. Check the slot and the times (1330 is 13:30).</source>
        <translation>這些時間不在這一班（{hours}）內：手動登錄的簽到、簽退須在 {bounds} 之間。請檢查班別與時間（1330 即 13:30）。</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>兩次輸入的密碼不同，沒有做任何變更。</translation>
    </message>
    <message>
        <source>Deleting the personal data of {raw} cannot be undone; run again with --yes to confirm.</source>
        <translation>刪除 {raw} 的個人資料後無法復原；確定的話請加上 --yes 再執行一次。</translation>
    </message>
    <message>
        <source>{raw} is not an audit anchor; copy it as COUNT:HASH, the number of entries, a colon and the 64 letters and digits of the hash.</source>
        <translation>{raw} 不是稽核錨點；請照「筆數:雜湊」抄寫，即筆數、一個冒號，再接雜湊的 64 個英數字。</translation>
    </message>
    <message>
        <source>Choose the volunteer tested, or type the staff member&apos;s name.</source>
        <translation>請選擇受測的志工，或輸入受測所內人員姓名。</translation>
    </message>
    <message>
        <source>Restoring replaces the whole database; run again with --yes to confirm.</source>
        <translation>還原會取代整個資料庫；確定的話請加上 --yes 再執行一次。</translation>
    </message>
    <message>
        <source>The calendar file is empty.</source>
        <translation>行事曆檔案是空的。</translation>
    </message>
    <message>
        <source>The calendar file is not UTF-8 or Big5 text (line {row}).</source>
        <translation>行事曆檔案不是 UTF-8 或 Big5 文字（第 {row} 行）。</translation>
    </message>
    <message>
        <source>The calendar file does not start with the columns 西元日期,星期,是否放假,備註 (line {row}).</source>
        <translation>行事曆檔案開頭不是「西元日期,星期,是否放假,備註」欄位（第 {row} 行）。</translation>
    </message>
    <message>
        <source>Line {row} of the calendar file has too few columns.</source>
        <translation>行事曆檔案第 {row} 行的欄位不足。</translation>
    </message>
    <message>
        <source>Line {row} of the calendar file has a date that is not YYYYMMDD.</source>
        <translation>行事曆檔案第 {row} 行的日期不是 YYYYMMDD 格式。</translation>
    </message>
    <message>
        <source>Line {row} of the calendar file names the wrong weekday for its date.</source>
        <translation>行事曆檔案第 {row} 行的星期與日期不符。</translation>
    </message>
    <message>
        <source>Line {row} of the calendar file has 是否放假 other than 0 or 2.</source>
        <translation>行事曆檔案第 {row} 行的「是否放假」不是 0 或 2。</translation>
    </message>
    <message>
        <source>Line {row} of the calendar file repeats a date.</source>
        <translation>行事曆檔案第 {row} 行的日期重複。</translation>
    </message>
    <message>
        <source>The calendar file mixes two years (line {row}); import one year per file.</source>
        <translation>行事曆檔案混了兩個年度（第 {row} 行）；每個檔案請只放一年。</translation>
    </message>
    <message>
        <source>The calendar file does not cover the whole year.</source>
        <translation>行事曆檔案沒有涵蓋整年。</translation>
    </message>
    <message>
        <source>{path} is not an Excel workbook (.xlsx).</source>
        <translation>{path} 不是 Excel 活頁簿（.xlsx）。</translation>
    </message>
    <message>
        <source>{path} has no header row with the columns 編號 and 姓名; start from the template.</source>
        <translation>{path} 沒有含「編號」和「姓名」欄位的標題列；請從範本開始填寫。</translation>
    </message>
    <message>
        <source>{path} has no volunteer rows.</source>
        <translation>{path} 沒有任何志工資料列。</translation>
    </message>
    <message>
        <source>{path} is not a sound frontdesk database backup.</source>
        <translation>{path} 不是完整的服務台資料庫備份。</translation>
    </message>
    <message>
        <source>{path} cannot be read as text.</source>
        <translation>{path} 無法當作文字讀取。</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} 是空的檔案。</translation>
    </message>
    <message>
        <source>{path} is {size} MB, more than such a file can be ({limit} MB); nothing was read.</source>
        <translation>{path} 有 {size} MB，超過這類檔案的上限（{limit} MB）；未讀取任何內容。</translation>
    </message>
    <message>
        <source>{path} would unpack to {size} MB, more than a workbook to import can be ({limit} MB); nothing was read.</source>
        <translation>{path} 解壓後會有 {size} MB，超過可匯入活頁簿的上限（{limit} MB）；未讀取任何內容。</translation>
    </message>
    <message>
        <source>{path} is packed {ratio} to 1, far tighter than a real workbook (at most {limit} to 1); nothing was read.</source>
        <translation>{path} 的壓縮比為 {ratio} 比 1，遠高於一般活頁簿（最多 {limit} 比 1）；未讀取任何內容。</translation>
    </message>
    <message>
        <source>{path} has more than {limit} rows; split it into smaller files.</source>
        <translation>{path} 超過 {limit} 列；請分成幾個較小的檔案。</translation>
    </message>
    <message>
        <source>{path} has a column {column} for national ID numbers; frontdesk does not keep them. Delete that column and import again.</source>
        <translation>{path} 有身分證字號欄位「{column}」；本程式不保存身分證字號。請刪除該欄後重新匯入。</translation>
    </message>
    <message>
        <source>the code appears more than once in the file</source>
        <translation>這個編號在檔案中出現不只一次</translation>
    </message>
    <message>
        <source>the {field} column is empty</source>
        <translation>{field}欄是空的</translation>
    </message>
    <message>
        <source>the {field} cell holds a formula; type the value itself</source>
        <translation>{field}儲存格是公式；請直接輸入數值</translation>
    </message>
    <message>
        <source>the phone number is masked (***); type the full number or leave it empty</source>
        <translation>電話被遮蔽（***）；請輸入完整號碼或留空</translation>
    </message>
    <message>
        <source>this volunteer&apos;s personal data was deleted; the code cannot be reused</source>
        <translation>這位志工的個人資料已刪除，編號不能再使用</translation>
    </message>
    <message>
        <source>code (編號)</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>name (姓名)</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone (電話)</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>languages (語言)</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>status (狀態)</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>weekly maximum (每週上限)</source>
        <translation>每週上限</translation>
    </message>
    <message>
        <source>basic training date (基礎訓練日期)</source>
        <translation>基礎訓練日期</translation>
    </message>
    <message>
        <source>basic training hours (基礎訓練時數)</source>
        <translation>基礎訓練時數</translation>
    </message>
    <message>
        <source>basic training</source>
        <translation>基礎訓練</translation>
    </message>
    <message>
        <source>notes (備註)</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>training title</source>
        <translation>訓練名稱</translation>
    </message>
    <message>
        <source>handover note</source>
        <translation>交班事項</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>label</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <source>agency name</source>
        <translation>機關名稱</translation>
    </message>
    <message>
        <source>desk name</source>
        <translation>服務台名稱</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <source>The {what} is longer than {max} characters; please shorten it.</source>
        <translation>{what}超過 {max} 個字，請縮短。</translation>
    </message>
    <message>
        <source>The {what} cannot be empty.</source>
        <translation>{what}不可空白。</translation>
    </message>
    <message>
        <source> (got {value})</source>
        <translation>（收到的是 {value}）</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>第 {row} 列：{problem}</translation>
    </message>
    <message>
        <source>{n} more rows need fixing too.</source>
        <translation>另有 {n} 列也需要修正。</translation>
    </message>
    <message>
        <source>Nothing was imported, {n} rows need fixing:</source>
        <translation>沒有匯入任何資料，有 {n} 列需要修正：</translation>
    </message>
    <message>
        <source>The folder for {raw} does not exist; create it or choose another folder.</source>
        <translation>{raw} 所在的資料夾不存在；請先建立資料夾，或選擇其他資料夾。</translation>
    </message>
    <message>
        <source>{raw} already exists and was left as it is; to replace it, add {option}.</source>
        <translation>{raw} 已經存在，沒有覆寫；要取代它，請加上 {option}。</translation>
    </message>
    <message>
        <source>{raw} is a folder; give the name of the file to write.</source>
        <translation>{raw} 是資料夾；請指定要寫入的檔案名稱。</translation>
    </message>
    <message>
        <source>There is no setting named {key}; the settings are: {known}.</source>
        <translation>沒有名為 {key} 的設定；可用的設定有：{known}。</translation>
    </message>
    <message>
        <source>The value of {field} is not valid: {why}.</source>
        <translation>{field} 的值不正確：{why}。</translation>
    </message>
    <message>
        <source>The input is not valid: {why}.</source>
        <translation>輸入的資料不正確：{why}。</translation>
    </message>
    <message>
        <source>There is no volunteer with the code {code}.</source>
        <translation>沒有編號為 {code} 的志工。</translation>
    </message>
    <message>
        <source>This database has no agency yet; run `frontdesk init --agency NAME` first.</source>
        <translation>這個資料庫還沒有設定機關；請先執行 `frontdesk init --agency 機關名稱`。</translation>
    </message>
    <message>
        <source>There is no supervisor account with that user name.</source>
        <translation>沒有這個督導帳號。</translation>
    </message>
    <message>
        <source>There is no swap request number {id}.</source>
        <translation>沒有編號 {id} 的換班申請。</translation>
    </message>
    <message>
        <source>There is no weekly pattern number {id}.</source>
        <translation>沒有編號 {id} 的固定班。</translation>
    </message>
    <message>
        <source>There is no attendance record number {id}.</source>
        <translation>沒有編號 {id} 的出勤紀錄。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>檔案 {path} 不存在。</translation>
    </message>
    <message>
        <source>There is no database at {path}; run `frontdesk init --agency NAME` first.</source>
        <translation>{path} 沒有資料庫；請先執行 `frontdesk init --agency 機關名稱`。</translation>
    </message>
    <message>
        <source>Not found: {what}.</source>
        <translation>找不到：{what}。</translation>
    </message>
    <message>
        <source>There is no volunteer number {id}.</source>
        <translation>沒有編號 {id} 的志工。</translation>
    </message>
    <message>
        <source>The volunteer code {code} is already used.</source>
        <translation>志工編號 {code} 已經有人使用。</translation>
    </message>
    <message>
        <source>That user name is already taken.</source>
        <translation>這個帳號已經有人使用。</translation>
    </message>
    <message>
        <source>Swap request {id} was already decided ({state}).</source>
        <translation>換班申請 {id} 已經處理過了（{state}）。</translation>
    </message>
    <message>
        <source>There is already an open swap request for this duty.</source>
        <translation>這個班已經有一件尚未處理的換班申請。</translation>
    </message>
    <message>
        <source>Only the volunteer who asked can withdraw the request.</source>
        <translation>只有提出申請的志工可以撤回。</translation>
    </message>
    <message>
        <source>This swap request is addressed to another volunteer.</source>
        <translation>這件換班申請是給另一位志工的。</translation>
    </message>
    <message>
        <source>Nothing was imported: someone changed volunteer {codes} while the sheet was being imported. The import can simply be run again.</source>
        <translation>沒有匯入任何資料：匯入期間有人修改了志工 {codes} 的資料。直接再匯入一次即可。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The data changed in the meantime; please look again and retry.</source>
        <translation>資料剛剛有變動，請重新查看後再試一次。</translation>
    </message>
    <message>
        <source>Swap request {id} can no longer be approved: request #{other} was approved first and took the duty.</source>
        <translation>換班申請 #{id} 已經不能核准：申請 #{other} 先獲核准，已經換走了這個班。</translation>
    </message>
    <message>
        <source>The account is locked after too many wrong passwords, until {until}.</source>
        <translation>密碼錯誤太多次，帳號已鎖定到 {until}。</translation>
    </message>
    <message>
        <source>The personal data of {code} was deleted; the record cannot be changed.</source>
        <translation>{code} 的個人資料已刪除，這筆資料不能再修改。</translation>
    </message>
    <message>
        <source>{code} is still a volunteer; personal data is deleted only after deactivation and the retention period.</source>
        <translation>{code} 仍是志工；個人資料須在停用並超過保存期限後才能刪除。</translation>
    </message>
    <message>
        <source>The personal data of {code} is kept for {days} days after leaving; it can be deleted from {day}.</source>
        <translation>{code} 的個人資料在離隊後保存 {days} 天；自 {day} 起可以刪除。</translation>
    </message>
    <message>
        <source>This is not allowed: {why}.</source>
        <translation>不允許這個操作：{why}。</translation>
    </message>
    <message>
        <source>{path} is on a network share; keep the SQLite file on this PC&apos;s disk, or use a PostgreSQL server for several PCs.</source>
        <translation>{path} 在網路磁碟上；請把 SQLite 檔案放在這台電腦的硬碟，多台電腦共用請改用 PostgreSQL 伺服器。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of frontdesk (schema {found}); install that version or newer to open it.</source>
        <translation>這個資料庫是較新版本的程式寫入的（結構版本 {found}）；請安裝該版本或更新的版本再開啟。</translation>
    </message>
    <message>
        <source>Cannot open the database {url}; check the address and that it is reachable.</source>
        <translation>無法開啟資料庫 {url}；請確認位址正確且連得上。</translation>
    </message>
    <message>
        <source>The database stayed busy with other work for {seconds} seconds, so nothing was saved; please try again in a moment.</source>
        <translation>資料庫被其他工作佔用超過 {seconds} 秒，這次沒有儲存任何資料；請稍候再試一次。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged; restore it from a backup.</source>
        <translation>資料庫檔案 {path} 已損壞；請從備份還原。</translation>
    </message>
    <message>
        <source>{path} is not a frontdesk database (it was left as it is); check the file named by --db or FRONTDESK_DB. The database&apos;s backup copies are in {backups}.</source>
        <translation>{path} 不是 frontdesk 的資料庫（檔案沒有被更動）；請確認 --db 或 FRONTDESK_DB 指定的檔案。資料庫的備份在 {backups}。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used; check that it exists and is writable.</source>
        <translation>無法使用資料夾 {path}；請確認它存在且可以寫入。</translation>
    </message>
    <message>
        <source>The desk app ({role}) is running on {path}; close it on this PC first, then restore. Nothing was changed.</source>
        <translation>櫃台程式（{role}）正在使用 {path}；請先在這台電腦上關閉它，再進行還原。沒有任何變更。</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up on its server with pg_dump, not by frontdesk.</source>
        <translation>PostgreSQL 資料庫請在伺服器上用 pg_dump 備份，不是由本程式備份。</translation>
    </message>
    <message>
        <source>Database problem: {why}.</source>
        <translation>資料庫發生問題：{why}。</translation>
    </message>
    <message>
        <source>The disk holding the database is full; free some space and try again. The database itself is not damaged.</source>
        <translation>存放資料庫的磁碟已滿；請騰出一些空間後再試。資料庫本身並未損壞。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full; free some space there (or move old files away) and try again. The database itself is not damaged.</source>
        <translation>存放 {folder} 的磁碟已滿；請在該處騰出空間（或把舊檔案移走）後再試。資料庫本身並未損壞。</translation>
    </message>
    <message>
        <source>{path} is the database itself; name a backup file to restore from. Nothing was changed.</source>
        <translation>{path} 就是資料庫本身；請指定要用來還原的備份檔。沒有任何變更。</translation>
    </message>
    <message>
        <source>{path} is in the desk&apos;s backups folder; choose a file elsewhere. Nothing was written.</source>
        <translation>{path} 位於櫃台的備份資料夾內；請選擇其他位置的檔案。沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>{path} is the desk&apos;s own database file; choose another file name. Nothing was written.</source>
        <translation>{path} 是櫃台自己的資料庫檔案；請換一個檔名。沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged ({problem}) and was not opened; the newest good backup is {backup}: restore it with `frontdesk restore &quot;{backup}&quot; --yes` (the damaged file is kept aside).</source>
        <translation>資料庫檔案 {path} 已損壞（{problem}），沒有開啟；最近一份完好的備份是 {backup}：請用 `frontdesk restore &quot;{backup}&quot; --yes` 還原（損壞的檔案會另外保留）。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged ({problem}) and was not opened, and no sound backup was found; keep the file as it is and ask for help.</source>
        <translation>資料庫檔案 {path} 已損壞（{problem}），沒有開啟，也找不到完好的備份；請保留檔案現狀，並請資訊人員協助。</translation>
    </message>
    <message>
        <source>The workbook {path} could not be written ({why}); close it if it is open in Excel and check that the folder may be written.</source>
        <translation>無法寫入活頁簿 {path}（{why}）；如果檔案正在 Excel 中開啟，請先關閉，並確認資料夾可以寫入。</translation>
    </message>
    <message>
        <source>This cannot be done: {why}.</source>
        <translation>無法執行：{why}。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是資料夾，不是檔案。</translation>
    </message>
    <message>
        <source>No permission to use {path}; check who may read and write it.</source>
        <translation>沒有權限使用 {path}；請確認讀寫權限。</translation>
    </message>
    <message>
        <source>Cannot use {path}: {why}.</source>
        <translation>無法使用 {path}：{why}。</translation>
    </message>
    <message>
        <source>The database refused the request ({why}); please try again.</source>
        <translation>資料庫拒絕了這個要求（{why}）；請再試一次。</translation>
    </message>
    <message>
        <source>The database file is damaged or not a frontdesk database: {why}.</source>
        <translation>資料庫檔案已損壞或不是本程式的資料庫：{why}。</translation>
    </message>
    <message>
        <source>Wrong user name or password. After {n} wrong passwords in a row an account is locked for a while; another supervisor can unlock it on the accounts page.</source>
        <translation>帳號或密碼錯誤。連續 {n} 次密碼錯誤後，帳號會暫時鎖定；其他督導可在「帳號」頁解除鎖定。</translation>
    </message>
    <message>
        <source>Sorry, something went wrong inside frontdesk ({why}). It is not your doing and was written to the log.</source>
        <translation>抱歉，frontdesk 程式內部出了錯（{why}）。這不是您造成的，問題已寫入紀錄檔。</translation>
    </message>
    <message>
        <source>Your {slot} duty of {day} had no sign-out; it was closed automatically and the supervisor will check it.</source>
        <translation>您 {day} 的{slot}沒有簽退，系統已自動結束，將由志工督導確認。</translation>
    </message>
    <message>
        <source>{count} attendance record(s) of {roc}/{month:02d} (ROC) still wait for review; the hours in the workbook may change once they are decided.</source>
        <translation>民國{roc}年{month}月還有 {count} 筆出勤紀錄等待確認；確認之後，活頁簿中的時數可能還會改變。</translation>
    </message>
    <message>
        <source>The template must be an Excel workbook with a header row at the top{value}.</source>
        <translation>範本須為 Excel 活頁簿，且前幾列要有標題列{value}。</translation>
    </message>
    <message>
        <source>The template&apos;s header has changed; please match its columns again.</source>
        <translation>範本的標題列已變更，請重新對應欄位。</translation>
    </message>
    <message>
        <source>{raw} is not a year; write the ROC year, e.g. 115, or 2026.</source>
        <translation>{raw} 不是年度；請寫民國年（如 115）或西元年（如 2026）。</translation>
    </message>
    <message>
        <source>Please give an e-mail address such as name@example.com.</source>
        <translation>請填寫電子郵件地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>Set the mail server (smtp_host) in the settings first.</source>
        <translation>請先在設定中填寫郵件伺服器（smtp_host）。</translation>
    </message>
    <message>
        <source>The mail server&apos;s port is a number from 1 to 65535.</source>
        <translation>郵件伺服器的連接埠是 1 到 65535 的數字。</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Swaps: arrange with a colleague at least {days} days ahead and tell the supervisor, or ask the supervisor to arrange it.</source>
        <translation>換班：請至少提前 {days} 天與其他志工更換並告知督導，或請督導協助換班。</translation>
    </message>
    <message>
        <source>For a swap call the desk: {phone}</source>
        <translation>換班請洽服務台：{phone}</translation>
    </message>
    <message>
        <source>{day} {slot}: {count} more needed. If you can help, reply or sign in at the desk.</source>
        <translation>{day}{slot}缺 {count} 位，可以支援的請回覆或刷卡登記</translation>
    </message>
    <message>
        <source>【{agency} {desk}】Duties {first} – {last}</source>
        <translation>【{agency}{desk}】值班表 {first}～{last}</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（尚無人）</translation>
    </message>
    <message>
        <source>No duties this week.</source>
        <translation>本週沒有排班。</translation>
    </message>
    <message>
        <source>⚠ Still short</source>
        <translation>⚠ 尚缺人手</translation>
    </message>
    <message>
        <source>Approved swaps</source>
        <translation>已核准換班</translation>
    </message>
    <message>
        <source>Duty reminder: {when}</source>
        <translation>值班提醒：{when}</translation>
    </message>
    <message>
        <source>Dear {name},</source>
        <translation>{name} 您好：</translation>
    </message>
    <message>
        <source>You are on duty at the {desk} on {when}.</source>
        <translation>提醒您 {when} 在{desk}值班。</translation>
    </message>
    <message>
        <source>Swap approved: {when}</source>
        <translation>換班已核准：{when}</translation>
    </message>
    <message>
        <source>The swap of the duty on {when} was approved. The roster is changed.</source>
        <translation>{when} 的換班已核准，班表已更新。</translation>
    </message>
    <message>
        <source>Swap not approved: {when}</source>
        <translation>換班未核准：{when}</translation>
    </message>
    <message>
        <source>The swap of the duty on {when} was not approved. The duty stays as it was.</source>
        <translation>{when} 的換班未核准，仍依原班表值班。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s note: {why}</source>
        <translation>督導說明：{why}</translation>
    </message>
    <message>
        <source>Help needed: {when}</source>
        <translation>徵求支援：{when}</translation>
    </message>
    <message>
        <source>Tomorrow: {slot} at the desk</source>
        <translation>明天{slot}服務台值班</translation>
    </message>
    <message>
        <source>No duties this month.</source>
        <translation>本月沒有排班。</translation>
    </message>
    <message>
        <source>{month} duties</source>
        <translation>{month}值班</translation>
    </message>
    <message>
        <source>Select a volunteer first.</source>
        <translation>請先選取志工。</translation>
    </message>
    <message>
        <source>Calendar files</source>
        <translation>行事曆檔</translation>
    </message>
    <message>
        <source>{count} calendar files saved to {folder}.</source>
        <translation>已將 {count} 個行事曆檔存到 {folder}。</translation>
    </message>
    <message>
        <source>Calendar file…</source>
        <translation>行事曆檔…</translation>
    </message>
    <message>
        <source>Mail server password</source>
        <translation>郵件伺服器密碼</translation>
    </message>
    <message>
        <source>Password (kept in this PC&apos;s credential store, not in the database):</source>
        <translation>密碼（存在這台電腦的憑證庫，不存進資料庫）：</translation>
    </message>
    <message>
        <source>The desk phone is not set: the slips and the LINE message will have no number to call for a swap. Set it under Notices basics.</source>
        <translation>尚未設定服務台電話：值班單和 LINE 訊息不會有換班聯絡電話。請在「通知基本資料」填寫。</translation>
    </message>
    <message>
        <source>The desk phone is not set: slips and LINE messages go out without it.</source>
        <translation>尚未設定服務台電話：值班單和 LINE 訊息會沒有電話。</translation>
    </message>
    <message>
        <source>Notices basics</source>
        <translation>通知基本資料</translation>
    </message>
    <message>
        <source>Desk phone</source>
        <translation>服務台電話</translation>
    </message>
    <message>
        <source>(on slips, LINE messages, e-mail)</source>
        <translation>（印在值班單、LINE 訊息、電子郵件）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已記錄。</translation>
    </message>
    <message>
        <source>Copy the call for help</source>
        <translation>複製徵求支援訊息</translation>
    </message>
    <message>
        <source>Copied: paste it into the volunteers&apos; LINE group.</source>
        <translation>已複製，請貼到志工 LINE 群組。</translation>
    </message>
</context>
<context>
    <name>selftest</name>
    <message>
        <source>logged an error: {text}</source>
        <translation>記錄了錯誤：{text}</translation>
    </message>
    <message>
        <source>{version}, source tree</source>
        <translation>{version}，原始碼目錄</translation>
    </message>
    <message>
        <source>{libraries} libraries, {own} frontdesk modules</source>
        <translation>{libraries} 個函式庫、{own} 個 frontdesk 模組</translation>
    </message>
    <message>
        <source> (psycopg would need a system libpq)</source>
        <translation>（psycopg 將需要系統的 libpq）</translation>
    </message>
    <message>
        <source>{revision}, scripts: {count}</source>
        <translation>{revision}，遷移腳本 {count} 個</translation>
    </message>
    <message>
        <source>{makeup} duty, {new_year} and {later} holidays</source>
        <translation>{makeup} 要值勤，{new_year} 與 {later} 放假</translation>
    </message>
    <message>
        <source>{entries} entries chained</source>
        <translation>{entries} 筆紀錄串接完整</translation>
    </message>
    <message>
        <source>none with CJK glyphs on this machine</source>
        <translation>這台電腦沒有中文字型</translation>
    </message>
    <message>
        <source>stylesheet, icon, font {font}</source>
        <translation>樣式表、圖示、字型 {font}</translation>
    </message>
    <message>
        <source>{window} {width}x{height}, {colours} colours</source>
        <translation>{window} {width}x{height}，{colours} 種顏色</translation>
    </message>
    <message>
        <source>{name}, {sheets} sheets, {size} bytes</source>
        <translation>{name}，{sheets} 個工作表，{size} 位元組</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>postgresql driver</source>
        <translation>PostgreSQL 驅動程式</translation>
    </message>
    <message>
        <source>timezone data</source>
        <translation>時區資料</translation>
    </message>
    <message>
        <source>migrations</source>
        <translation>資料庫遷移</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>行事曆</translation>
    </message>
    <message>
        <source>passwords</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>audit chain</source>
        <translation>稽核紀錄鏈</translation>
    </message>
    <message>
        <source>qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>translations</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <source>stylesheet and icon</source>
        <translation>樣式表與圖示</translation>
    </message>
    <message>
        <source>kiosk render</source>
        <translation>服務台畫面</translation>
    </message>
    <message>
        <source>export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>missing file {path}</source>
        <translation>缺少檔案 {path}</translation>
    </message>
    <message>
        <source>missing module {name}</source>
        <translation>缺少模組 {name}</translation>
    </message>
    <message>
        <source>import failed: {why}</source>
        <translation>載入失敗：{why}</translation>
    </message>
    <message>
        <source>frozen bundle</source>
        <translation>安裝版</translation>
    </message>
    <message>
        <source>source tree</source>
        <translation>原始碼目錄</translation>
    </message>
    <message>
        <source>frontdesk {version} self-test ({mode}, Python {python}, {platform})</source>
        <translation>frontdesk {version} 自我檢查（{mode}，Python {python}，{platform}）</translation>
    </message>
    <message>
        <source>FAIL {name}: not run, needs {needs}</source>
        <translation>失敗 {name}：沒有執行，需要先通過 {needs}</translation>
    </message>
    <message>
        <source>FAIL {name}: {reason}</source>
        <translation>失敗 {name}：{reason}</translation>
    </message>
    <message>
        <source>ok   {name} ({detail})</source>
        <translation>通過 {name}（{detail}）</translation>
    </message>
    <message>
        <source>ok   {name}</source>
        <translation>通過 {name}</translation>
    </message>
    <message>
        <source>self-test FAILED: {failed} of {total} checks ({seconds} s)</source>
        <translation>自我檢查失敗：{total} 項中有 {failed} 項沒通過（{seconds} 秒）</translation>
    </message>
    <message>
        <source>self-test passed: {total} checks ({seconds} s)</source>
        <translation>自我檢查通過：共 {total} 項（{seconds} 秒）</translation>
    </message>
</context>
</TS>
