<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>AcceptDialog</name>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="46" />
            <source>Accept and classify</source>
            <translation>Tiếp nhận, phân loại</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="51" />
            <source>%1 selected reports</source>
            <translation>%1 phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="62" />
            <source>(keep each report's category)</source>
            <translation>(giữ lĩnh vực của từng phản ánh)</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="63" />
            <source>(keep each report's urgency)</source>
            <translation>(giữ mức độ của từng phản ánh)</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="73" />
            <source>&amp;Category</source>
            <translation>&amp;Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="74" />
            <source>&amp;Urgency</source>
            <translation>&amp;Mức độ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="82" />
            <source>Click where the problem really is, or move the pin with the arrow keys</source>
            <translation>Bấm vào đúng vị trí sự việc, hoặc dùng phím mũi tên để dời ghim</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="85" />
            <source>Reset &amp;pin</source>
            <translation>Đặt lại &amp;ghim</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="91" />
            <source>Location</source>
            <translation>Vị trí</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="95" />
            <source>Continue to &amp;assignment</source>
            <translation>Tiếp tục &amp;chuyển xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="102" />
            <source>Accept</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/accept_dialog.py" line="120" />
            <source>(corrected)</source>
            <translation>(đã sửa)</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="71" />
            <source>Reassign</source>
            <translation>Chuyển lại</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="71" />
            <source>Assign to a unit</source>
            <translation>Chuyển đơn vị xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="85" />
            <source>Each report to its own &amp;suggested unit</source>
            <translation>Mỗi phản ánh chuyển đến đơn vị được &amp;gợi ý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="90" />
            <source>Search units (name or code)…</source>
            <translation>Tìm đơn vị (tên hoặc mã)…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="106" />
            <source>Why the deadline differs from the SLA</source>
            <translation>Lý do hạn xử lý khác quy định</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="113" />
            <source>&amp;Unit</source>
            <translation>&amp;Đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="115" />
            <source>&amp;Deadline</source>
            <translation>&amp;Hạn xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="117" />
            <source>Reason for the change</source>
            <translation>Lý do thay đổi</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="118" />
            <source>&amp;Message to the unit</source>
            <translation>&amp;Lời nhắn cho đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="124" />
            <source>Assign</source>
            <translation>Chuyển xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="157" />
            <source>Currently: %1</source>
            <translation>Hiện tại: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="161" />
            <source>%1 selected reports</source>
            <translation>%1 phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="190" />
            <source>Suggested: %1</source>
            <translation>Gợi ý: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="202" />
            <source>Suggested units: %1</source>
            <translation>Đơn vị gợi ý: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="204" />
            <source>%1 reports have no suggestion</source>
            <translation>%1 phản ánh chưa có gợi ý</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="223" />
            <source>Computed for each report by the SLA clock</source>
            <translation>Tính cho từng phản ánh theo quy định thời hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="295" />
            <source>Time it gives: %1 (urgent: the clock never stops)</source>
            <translation>Thời gian xử lý: %1 (khẩn cấp: tính liên tục)</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="297" />
            <source>Working time it gives: %1</source>
            <translation>Thời gian làm việc: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/assign_dialog.py" line="300" />
            <source>SLA deadline: %1</source>
            <translation>Hạn theo quy định: %1</translation>
        </message>
        <message>
            <source>No suggested unit.</source>
            <translation>Không có đơn vị gợi ý.</translation>
        </message>
        <message>
            <source>No unit chosen.</source>
            <translation>Chưa chọn đơn vị.</translation>
        </message>
    </context>
    <context>
        <name>BriefingWizard</name>
        <message>
            <location filename="../../widgets/briefing/wizard.py" line="86" />
            <source>Press briefing</source>
            <translation>Tài liệu báo chí</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/wizard.py" line="202" />
            <source>{0} cases, {1} photos</source>
            <translation>{0} vụ việc, {1} ảnh</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp &gt;</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>no source of photos</source>
            <translation>không có nguồn ảnh</translation>
        </message>
        <message>
            <source>before</source>
            <translation>trước</translation>
        </message>
        <message>
            <source>after</source>
            <translation>sau</translation>
        </message>
        <message>
            <source>photo {0}</source>
            <translation>ảnh {0}</translation>
        </message>
        <message>
            <source>Could not compute the figures: {0}</source>
            <translation>Không tính được số liệu: {0}</translation>
        </message>
        <message>
            <source>Could not build the document: {0}</source>
            <translation>Không dựng được tài liệu: {0}</translation>
        </message>
        <message>
            <source>Could not export the document: {0}</source>
            <translation>Không xuất được tài liệu: {0}</translation>
        </message>
    </context>
    <context>
        <name>CasePickerPage</name>
        <message>
            <source>Show on the video &amp;wall</source>
            <translation>Chiếu lên màn hình &amp;tường</translation>
        </message>
        <message>
            <source>Puts the highlighted case in the video wall's spotlight (press mode)</source>
            <translation>Đưa vụ việc đang chọn lên màn hình tường, ở mục vụ việc tiêu biểu (chế độ báo chí)</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="31" />
            <source>Choose cases</source>
            <translation>Chọn vụ việc</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="33" />
            <source>Tick the cases to include in the document (at most {0}).</source>
            <translation>Đánh dấu các vụ việc đưa vào tài liệu (tối đa {0}).</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="38" />
            <source>Community impact</source>
            <translation>Tác động cộng đồng</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="39" />
            <source>Good result</source>
            <translation>Kết quả tốt</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="40" />
            <source>Slow or not thorough</source>
            <translation>Chậm, chưa triệt để</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/cases_page.py" line="113" />
            <source>{0} cases chosen</source>
            <translation>Đã chọn {0} vụ việc</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="101" />
            <source>Another operator acted first</source>
            <translation>Người khác đã thao tác trước</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="106" />
            <source>Your action «%1» on %2 (queued at %3) was not applied: the report changed on the server before it arrived.</source>
            <translation>Thao tác «%1» của bạn trên %2 (đưa vào hàng đợi lúc %3) chưa được áp dụng: phản ánh đã thay đổi trên máy chủ trước khi thao tác đến.</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="124" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="124" />
            <source>Your change</source>
            <translation>Thay đổi của bạn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="124" />
            <source>Now on the server</source>
            <translation>Hiện trên máy chủ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="151" />
            <source>Re-apply on the new state</source>
            <translation>Áp dụng lại trên trạng thái mới</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="153" />
            <source>Drop the action</source>
            <translation>Bỏ thao tác</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="155" />
            <source>Decide later</source>
            <translation>Để sau</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="167" />
            <source>Who changed it:</source>
            <translation>Người thay đổi:</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/conflict_dialog.py" line="175" />
            <source>(the server's history is not available offline)</source>
            <translation>(không xem được lịch sử trên máy chủ khi mất kết nối)</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
    <message>
        <source>↻ %1 (waiting to be sent)</source>
        <translation>↻ %1 (chờ gửi)</translation>
    </message>
        <message>
            <source>Merged into report %1</source>
            <translation>Đã gộp vào phản ánh %1</translation>
        </message>
        <message>
            <source>into report %1</source>
            <translation>vào phản ánh %1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="112" />
            <source>Select a report in the queue.</source>
            <translation>Chọn một phản ánh trong danh sách.</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="118" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="119" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="120" />
            <source>Urgency</source>
            <translation>Mức độ</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="121" />
            <source>Ward/commune</source>
            <translation>Phường/xã</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="122" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="123" />
            <source>Channel</source>
            <translation>Kênh tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="124" />
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="125" />
            <source>Updated</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="126" />
            <source>Handling unit</source>
            <translation>Đơn vị xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="127" />
            <source>Deadline</source>
            <translation>Hạn xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="128" />
            <source>Escalation</source>
            <translation>Đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="129" />
            <source>Extension</source>
            <translation>Gia hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="130" />
            <source>Duplicates</source>
            <translation>Trùng lặp</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="131" />
            <source>Not accepted because</source>
            <translation>Lý do không tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="132" />
            <source>Citizen's rating</source>
            <translation>Đánh giá của người dân</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="133" />
            <source>Reporter</source>
            <translation>Người phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="144" />
            <source>Result posted by the unit</source>
            <translation>Kết quả đơn vị báo cáo</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="151" />
            <source>Photos</source>
            <translation>Hình ảnh</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="168" />
            <source>When, who</source>
            <translation>Thời gian, người thực hiện</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="168" />
            <source>Action, status</source>
            <translation>Thao tác, trạng thái</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="168" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="176" />
            <source>Description</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="179" />
            <source>Location</source>
            <translation>Vị trí</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="180" />
            <source>History</source>
            <translation>Lịch sử xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="266" />
            <location filename="../../widgets/detail_panel.py" line="357" />
            <source>Level %1</source>
            <translation>Cấp %1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="271" />
            <source>Asked until %1</source>
            <translation>Xin gia hạn đến %1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="273" />
            <source>Extended</source>
            <translation>Đã gia hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="278" />
            <source>Merged into report #%1</source>
            <translation>Đã gộp vào phản ánh #%1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="281" />
            <source>%1 duplicate(s) merged here</source>
            <translation>Đã gộp %1 phản ánh trùng vào đây</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="296" />
            <source>Hidden for your role</source>
            <translation>Không hiển thị với vai trò của bạn</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="299" />
            <location filename="../../widgets/detail_panel.py" line="301" />
            <source>Not given</source>
            <translation>Không cung cấp</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="319" />
            <source>No coordinates; the ward's centre is shown.</source>
            <translation>Không có tọa độ; hiển thị trung tâm phường/xã.</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="323" />
            <source>outside the city: check the location</source>
            <translation>ngoài địa bàn thành phố: cần kiểm tra vị trí</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="355" />
            <source>deadline %1</source>
            <translation>hạn %1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="359" />
            <source>approved</source>
            <translation>đồng ý</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="359" />
            <source>denied</source>
            <translation>không đồng ý</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="365" />
            <source>into report #%1</source>
            <translation>vào phản ánh #%1</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="386" />
            <source>Result photo</source>
            <translation>Ảnh kết quả</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="386" />
            <source>Photo</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="397" />
            <source>Photos are not available offline</source>
            <translation>Không xem được ảnh khi mất kết nối</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="417" />
            <source>Could not load the photo: %1</source>
            <translation>Không tải được ảnh: %1</translation>
        </message>
        <message>
            <source>Not loaded: the photo is not on the central server</source>
            <translation>Không tải: ảnh không nằm trên máy chủ trung tâm</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="64" />
            <location filename="../../widgets/briefing/preview_page.py" line="72" />
            <source>Export the document</source>
            <translation>Xuất tài liệu</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="65" />
            <source>PDF to print, DOCX to edit, PPTX to present, with a list of contents.</source>
            <translation>PDF để in, DOCX để chỉnh sửa, PPTX để trình chiếu, kèm bảng kê.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="94" />
            <source>Exporting...</source>
            <translation>Đang xuất...</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="100" />
            <source>Exported and logged:
{0}</source>
            <translation>Đã xuất và ghi nhật ký:
{0}</translation>
        </message>
        <message>
            <source>Save the documents…</source>
            <translation>Lưu tài liệu…</translation>
        </message>
        <message>
            <source>Save the press documents</source>
            <translation>Lưu tài liệu báo chí</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Tài liệu PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>FiguresPage</name>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="169" />
            <source>Key figures and charts</source>
            <translation>Số liệu chính và biểu đồ</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="170" />
            <source>Computing the figures...</source>
            <translation>Đang tính số liệu...</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="204" />
            <source>Period {0}</source>
            <translation>Kỳ {0}</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>Kỳ này</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Kỳ trước</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Received by category</source>
            <translation>Tiếp nhận theo lĩnh vực</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Handled by unit</source>
            <translation>Đã xử lý theo đơn vị</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Week by week</source>
            <translation>Diễn biến theo tuần</translation>
        </message>
        <message>
            <source>By week</source>
            <translation>Theo tuần</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../widgets/filter_bar.py" line="62" />
            <source>Search code, title, address (accents optional)</source>
            <extracomment>Typing pauses this long before the queue filters (keeps every keystroke cheap).</extracomment>
            <translation>Tìm mã, tiêu đề, địa chỉ (gõ có dấu hoặc không dấu)</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="64" />
            <source>All categories</source>
            <translation>Tất cả lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="66" />
            <source>All units</source>
            <translation>Tất cả đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="68" />
            <source>All wards/communes</source>
            <translation>Tất cả phường/xã</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="71" />
            <source>All statuses</source>
            <translation>Tất cả trạng thái</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="74" />
            <source>All urgencies</source>
            <translation>Mọi mức độ</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="76" />
            <source>Received from (inclusive)</source>
            <translation>Nhận từ ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="77" />
            <source>Received until (inclusive)</source>
            <translation>Nhận đến ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="78" />
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="79" />
            <source>Escalated</source>
            <translation>Đã đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="80" />
            <source>Clear</source>
            <translation>Xóa lọc</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="81" />
            <source>Save view…</source>
            <translation>Lưu bộ lọc…</translation>
        </message>
        <message>
            <location filename="../../widgets/filter_bar.py" line="82" />
            <source>Save the current filter as your own tab</source>
            <translation>Lưu bộ lọc hiện tại thành một thẻ riêng</translation>
        </message>
    </context>
    <context>
        <name>Launcher</name>
        <message>
            <location filename="../../widgets/app.py" line="148" />
            <source>No system keyring on this computer: the sign-in token is kept in %1, readable only by your user account.</source>
            <extracomment>Longest wait for the first sync and the map before a screenshot is taken anyway. Time for the detail panel's photos and the map's highlight to paint.</extracomment>
            <translation>Máy này không có kho khóa hệ thống: mã đăng nhập được lưu trong tệp %1, chỉ tài khoản của bạn đọc được.</translation>
        </message>
        <message>
            <location filename="../../widgets/app.py" line="247" />
            <source>PAHT Console cannot start: %1</source>
            <translation>Không khởi động được PAHT Console: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/app.py" line="252" />
            <source>PAHT Console</source>
            <translation>PAHT Console</translation>
        </message>
    </context>
    <context>
        <name>LocationMap</name>
        <message>
            <location filename="../../widgets/location_map.py" line="83" />
            <source>No location given</source>
            <extracomment>Huế's extent (DOMAIN.md); a pin outside it is suspicious, not fatal.</extracomment>
            <translation>Không có vị trí</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>(offline: kept on this computer, sent once connected)</source>
            <translation>(đang mất kết nối: đã lưu trên máy này, sẽ gửi khi có mạng)</translation>
        </message>
        <message>
            <source>Opening the local store…</source>
            <translation>Đang mở dữ liệu trên máy…</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="91" />
            <source>Report queue</source>
            <extracomment>A report's details are on screen (report id). The operator closed the window (everything is stopped by then).</extracomment>
            <translation>Danh sách phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="92" />
            <source>Report details</source>
            <translation>Chi tiết phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="93" />
            <source>Map</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="102" />
            <source>PAHT Console – %1 (%2)</source>
            <translation>PAHT Console – %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="107" />
            <source>Sign-in kept in a file</source>
            <translation>Mã đăng nhập lưu trong tệp</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="265" />
            <source>unknown reason</source>
            <translation>không rõ lý do</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="273" />
            <source>Sync failed</source>
            <translation>Đồng bộ không thành công</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="274" />
            <source>Could not sync with the central API.</source>
            <translation>Không đồng bộ được với máy chủ trung tâm.</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="277" />
            <source>Reason: %1
Your work is kept on this computer and will be sent later.</source>
            <translation>Lý do: %1
Các thao tác của bạn vẫn được lưu trên máy này và sẽ được gửi sau.</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="368" />
            <source>The language changes at the next start.</source>
            <translation>Ngôn ngữ sẽ đổi ở lần khởi động sau.</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="373" />
            <source>About PAHT Console</source>
            <translation>Giới thiệu PAHT Console</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="375" />
            <source>PAHT Console – the desktop console of the Huế Smart City IOC for field reports.</source>
            <translation>PAHT Console – bàn điều hành phản ánh hiện trường của Trung tâm Giám sát, điều hành đô thị thông minh Huế.</translation>
        </message>
        <message>
        <source>Offline: read-only until the server confirms your role</source>
        <translation>Ngoại tuyến: chỉ xem, chờ máy chủ xác nhận vai trò</translation>
    </message>
</context>
    <context>
        <name>MapPage</name>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="218" />
            <source>Map of reports</source>
            <translation>Bản đồ phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="220" />
            <source>Places are moved to their ward or commune centre; the map image goes into the document.</source>
            <translation>Vị trí quy về trung tâm phường, xã; ảnh bản đồ được đưa vào tài liệu.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="224" />
            <source>Drawing the map...</source>
            <translation>Đang vẽ bản đồ...</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="45" />
            <source>Merge as duplicate</source>
            <translation>Gộp trùng</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="52" />
            <source>Same or related category, within %1 m and %2 days, nearest first</source>
            <translation>Cùng lĩnh vực hoặc liên quan, trong %1 m và %2 ngày, gần nhất trước</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="63" />
            <source>Report</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="64" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="65" />
            <source>Distance</source>
            <translation>Khoảng cách</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="66" />
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="67" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="68" />
            <source>Merged</source>
            <translation>Đã gộp</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="88" />
            <source>No possible duplicate nearby.</source>
            <translation>Không có phản ánh trùng gần đó.</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/merge_dialog.py" line="108" />
            <source>Merge into the selected report</source>
            <translation>Gộp vào phản ánh đã chọn</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <location filename="../../widgets/triage/note_dialog.py" line="31" />
            <source>Internal note</source>
            <translation>Ghi chú nội bộ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/note_dialog.py" line="36" />
            <source>%1 selected reports</source>
            <translation>%1 phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/note_dialog.py" line="43" />
            <source>Visible to IOC staff only. Ctrl+Enter saves.</source>
            <translation>Chỉ cán bộ IOC xem được. Ctrl+Enter để lưu.</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/note_dialog.py" line="48" />
            <source>Add note</source>
            <translation>Thêm ghi chú</translation>
        </message>
    </context>
    <context>
        <name>PendingActionsDialog</name>
        <message>
            <source>Report</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Queued at</source>
            <translation>Thời điểm xếp hàng</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Số lần gửi</translation>
        </message>
        <message>
            <source>Server's answer</source>
            <translation>Trả lời của máy chủ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="68" />
            <source>Pending actions</source>
            <translation>Thao tác chờ gửi</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="80" />
            <source>&amp;Retry</source>
            <translation>&amp;Thử lại</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="82" />
            <source>&amp;Drop</source>
            <translation>&amp;Bỏ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="84" />
            <source>Re&amp;fresh</source>
            <translation>Làm &amp;mới</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="85" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="135" />
            <source>Queued: %1 · failed: %2 · conflicts: %3 · refused: %4</source>
            <translation>Chờ gửi: %1 · lỗi: %2 · xung đột: %3 · bị từ chối: %4</translation>
        </message>
    </context>
    <context>
        <name>PeriodPage</name>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="71" />
            <source>Period and audience</source>
            <extracomment>Wait after the map says its markers are shown, for the clusters' animation to settle. The operator's controls (zoom, heat button, status legend) mean nothing on paper; the scale and the tiles' attribution stay.</extracomment>
            <translation>Kỳ và đối tượng</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="73" />
            <source>Choose the period of the figures and the press outlet receiving the document.</source>
            <translation>Chọn khoảng thời gian của số liệu và đơn vị báo chí nhận tài liệu.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="88" />
            <source>From</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="89" />
            <source>To</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/pages.py" line="90" />
            <source>For</source>
            <translation>Dành cho</translation>
        </message>
        <message>
            <source>Press and TV outlets of the city</source>
            <translation>Các cơ quan báo chí, truyền hình trên địa bàn thành phố</translation>
        </message>
        <message>
            <source>Huế Radio and Television (TRT)</source>
            <translation>Đài Phát thanh và Truyền hình Huế (TRT)</translation>
        </message>
        <message>
            <source>Thừa Thiên Huế Newspaper</source>
            <translation>Báo Thừa Thiên Huế</translation>
        </message>
        <message>
            <source>Visitors to the Center</source>
            <translation>Đoàn tham quan Trung tâm</translation>
        </message>
    </context>
    <context>
        <name>PhotoReviewPage</name>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="134" />
            <source>Review photos</source>
            <translation>Rà soát ảnh</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="137" />
            <source>Red areas will be blurred. Drag with the left button to add an area; right-click an area to remove it.</source>
            <translation>Vùng đỏ sẽ được làm mờ. Kéo chuột trái để thêm vùng; bấm chuột phải vào vùng để bỏ.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="144" />
            <source>Licence plates may not be detected automatically: check every photo and mark them by hand.</source>
            <translation>Biển số xe có thể không được nhận diện tự động: hãy kiểm tra từng ảnh và khoanh vùng thủ công.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="143" />
            <source>Loading photos...</source>
            <translation>Đang tải ảnh...</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="169" />
            <source>{0} photos; {1} areas detected automatically</source>
            <translation>{0} ảnh; {1} vùng nhận diện tự động</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/photo_review.py" line="173" />
            <source>could not load: {0}</source>
            <translation>không tải được: {0}</translation>
        </message>
        <message>
            <source>{0} · {1} blurred areas</source>
            <translation>{0} · {1} vùng mờ</translation>
        </message>
    </context>
    <context>
        <name>PhotoViewer</name>
        <message>
            <location filename="../../widgets/photo_viewer.py" line="75" />
            <source>Photo</source>
            <translation>Ảnh</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="29" />
            <source>Document preview</source>
            <translation>Xem trước tài liệu</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="31" />
            <source>The whole document as printed; photos blurred, personal data hidden.</source>
            <translation>Toàn bộ tài liệu như khi in; ảnh đã làm mờ, thông tin cá nhân đã ẩn.</translation>
        </message>
        <message>
            <location filename="../../widgets/briefing/preview_page.py" line="38" />
            <location filename="../../widgets/briefing/preview_page.py" line="45" />
            <source>Building the document...</source>
            <translation>Đang dựng tài liệu...</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../widgets/queue_model.py" line="92" />
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="93" />
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="94" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="95" />
            <source>Ward/commune</source>
            <translation>Phường/xã</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="96" />
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="97" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="98" />
            <source>Handling unit</source>
            <translation>Đơn vị xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="99" />
            <source>Deadline</source>
            <translation>Hạn xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="100" />
            <source>Urgency</source>
            <translation>Mức độ</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="101" />
            <source>Escalation</source>
            <translation>Đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="291" />
            <source>Level %1</source>
            <translation>Cấp %1</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_model.py" line="309" />
            <source>Action waiting to be sent to the central API</source>
            <translation>Thao tác đang chờ gửi lên máy chủ trung tâm</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>Opening the local store…</source>
            <translation>Đang mở dữ liệu trên máy…</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="258" />
            <source>Loading reports…</source>
            <extracomment>A load or merge has been shown (tests and the status bar wait on it).</extracomment>
            <translation>Đang tải phản ánh…</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="395" />
            <source>%1 reports in this view; loading the others…</source>
            <translation>%1 phản ánh trong mục này; đang tải các phản ánh khác…</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="282" />
            <source>Could not read the local cache: %1</source>
            <translation>Không đọc được bộ nhớ đệm trên máy: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="341" />
            <source>%1 of %2 reports</source>
            <translation>%1 / %2 phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="386" />
            <source>Delete this view</source>
            <translation>Xóa thẻ này</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="392" />
            <source>Save view</source>
            <translation>Lưu bộ lọc</translation>
        </message>
        <message>
            <location filename="../../widgets/queue_view.py" line="392" />
            <source>Name of the new tab:</source>
            <translation>Tên thẻ mới:</translation>
        </message>
        <message>
            <source>● %1 urgent</source>
            <translation>● %1 khẩn</translation>
        </message>
    </context>
    <context>
        <name>RejectDialog</name>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="39" />
            <location filename="../../widgets/triage/reject_dialog.py" line="69" />
            <source>Reject</source>
            <extracomment>A duplicate is merged, not rejected by hand: it has its own action.</extracomment>
            <translation>Không tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="45" />
            <source>%1 selected reports</source>
            <translation>%1 phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="56" />
            <source>Internal note (not sent to the citizen)</source>
            <translation>Ghi chú nội bộ (không gửi người dân)</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="63" />
            <source>&amp;Reason</source>
            <translation>&amp;Lý do</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="64" />
            <source>&amp;Note</source>
            <translation>&amp;Ghi chú</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/reject_dialog.py" line="65" />
            <source>Reply to the &amp;citizen</source>
            <translation>Trả lời &amp;người dân</translation>
        </message>
    </context>
    <context>
        <name>RoleTools</name>
        <message>
            <location filename="../../widgets/role_tools.py" line="59" />
            <source>Press-tour &amp;briefing…</source>
            <extracomment>Reports whose state changed locally (an action was queued): reload them. A message for the status bar.</extracomment>
            <translation>Tài liệu đón &amp;báo chí…</translation>
        </message>
        <message>
            <location filename="../../widgets/role_tools.py" line="120" />
            <source>&amp;Actions</source>
            <translation>&amp;Thao tác</translation>
        </message>
        <message>
            <location filename="../../widgets/role_tools.py" line="127" />
            <source>&amp;Supervision</source>
            <translation>&amp;Giám sát</translation>
        </message>
        <message>
            <location filename="../../widgets/role_tools.py" line="134" />
            <source>&amp;Press</source>
            <translation>&amp;Báo chí</translation>
        </message>
        <message>
            <source>&amp;Accounts…</source>
            <translation>&amp;Tài khoản…</translation>
        </message>
        <message>
            <source>A&amp;dministration</source>
            <translation>&amp;Quản trị</translation>
        </message>
            <message>
            <source>&amp;Relay results…</source>
            <translation>&amp;Chuyển tiếp kết quả…</translation>
        </message>
</context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../widgets/signin.py" line="48" />
            <source>Sign in – PAHT Console</source>
            <translation>Đăng nhập – PAHT Console</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="56" />
            <source>Field report console of the Huế IOC</source>
            <translation>Bàn điều hành phản ánh hiện trường – Trung tâm IOC Huế</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="64" />
            <source>Server:</source>
            <translation>Máy chủ:</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="65" />
            <source>User:</source>
            <translation>Tài khoản:</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="66" />
            <source>Password:</source>
            <translation>Mật khẩu:</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="77" />
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="97" />
            <source>Demo accounts:</source>
            <translation>Tài khoản dùng thử:</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="99" />
            <source>Operator</source>
            <translation>Điều hành viên</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="100" />
            <source>Supervisor</source>
            <translation>Giám sát viên</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="101" />
            <source>Media staff</source>
            <translation>Truyền thông</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="106" />
            <source>Sign in as the demo account “%1”</source>
            <translation>Đăng nhập bằng tài khoản dùng thử “%1”</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="125" />
            <source>The server address must start with http:// or https://.</source>
            <translation>Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://.</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="128" />
            <source>Enter a user name and a password.</source>
            <translation>Hãy nhập tên tài khoản và mật khẩu.</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="156" />
            <source>Wrong user name or password.</source>
            <translation>Sai tên tài khoản hoặc mật khẩu.</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="158" />
            <source>Cannot reach the server: %1</source>
            <translation>Không kết nối được máy chủ: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="160" />
            <source>The server refused the sign-in: %1</source>
            <translation>Máy chủ từ chối đăng nhập: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="161" />
            <source>Sign-in failed: %1</source>
            <translation>Đăng nhập không thành công: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/signin.py" line="173" />
            <source>Signing in…</source>
            <translation>Đang đăng nhập…</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusBar</name>
        <message>
            <source>Video wall</source>
            <translation>Màn hình tường</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="74" />
            <source>Operator</source>
            <translation>Điều hành viên</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="75" />
            <source>Supervisor</source>
            <translation>Giám sát viên</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="76" />
            <source>Media staff</source>
            <translation>Truyền thông</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="77" />
            <source>Administrator</source>
            <translation>Quản trị</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="78" />
            <source>Handling unit</source>
            <translation>Đơn vị xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="79" />
            <source>Citizen</source>
            <translation>Người dân</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="85" />
            <source>Signed in: %1 (%2)</source>
            <translation>Đăng nhập: %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="102" />
            <source>Not synced yet</source>
            <translation>Chưa đồng bộ</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="103" />
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="104" />
            <source>Online</source>
            <translation>Trực tuyến</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="105" />
            <source>Offline</source>
            <translation>Mất kết nối</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="114" />
            <source>Last sync: never</source>
            <translation>Đồng bộ lần cuối: chưa có</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="120" />
            <source>Last sync: %1</source>
            <translation>Đồng bộ lần cuối: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="123" />
            <source>Pending: %1</source>
            <translation>Chờ gửi: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="124" />
            <source>Actions waiting to be sent to the central API</source>
            <translation>Thao tác đang chờ gửi lên máy chủ trung tâm</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="125" />
            <source>Quarantined: %1</source>
            <translation>Cách ly: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="126" />
            <source>Records from the server that failed validation</source>
            <translation>Bản ghi từ máy chủ không hợp lệ, đã được cách ly</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="128" />
            <source>Conflicts: %1</source>
            <translation>Xung đột: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/status_bar.py" line="130" />
            <source>Actions the server refused or that clashed with someone else's change</source>
            <translation>Thao tác bị máy chủ từ chối hoặc xung đột với thay đổi của người khác</translation>
        </message>
        <message>
            <source>Polling (every %1 s)</source>
            <translation>Cập nhật định kỳ (%1 giây)</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Cập nhật trực tiếp</translation>
        </message>
        <message>
            <source>Live · %1</source>
            <translation>Cập nhật trực tiếp · %1</translation>
        </message>
        <message>
            <source>%1 s ago</source>
            <translation>%1 giây trước</translation>
        </message>
        <message>
            <source>%1 min ago</source>
            <translation>%1 phút trước</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>lúc %1</translation>
        </message>
    </context>
    <context>
        <name>Thumbnail</name>
        <message>
            <location filename="../../widgets/photo_viewer.py" line="50" />
            <source>Loading…</source>
            <translation>Đang tải…</translation>
        </message>
        <message>
            <location filename="../../widgets/photo_viewer.py" line="61" />
            <source>No photo</source>
            <translation>Không có ảnh</translation>
        </message>
    </context>
    <context>
        <name>TriageController</name>
        <message>
            <location filename="../../widgets/triage/controller.py" line="127" />
            <source>&amp;Accept and classify…</source>
            <extracomment>Reports whose status decides whether an action is enabled (the rest are checked on use). Every message shown to the operator (refusals, server reasons), for the status bar.</extracomment>
            <translation>&amp;Tiếp nhận, phân loại…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="128" />
            <source>Assi&amp;gn to a unit…</source>
            <translation>&amp;Chuyển xử lý…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="129" />
            <source>&amp;Reject…</source>
            <translation>&amp;Không tiếp nhận…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="130" />
            <source>&amp;Merge as duplicate…</source>
            <translation>&amp;Gộp trùng…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="131" />
            <source>Internal &amp;note…</source>
            <translation>Ghi chú &amp;nội bộ…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="132" />
            <source>&amp;Pending actions…</source>
            <translation>Thao tác &amp;chờ gửi…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="193" />
            <source>PAHT Console</source>
            <translation>PAHT Console</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="219" />
            <source>Not possible</source>
            <translation>Không thực hiện được</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="247" />
            <location filename="../../widgets/triage/controller.py" line="312" />
            <source>Not queued</source>
            <translation>Chưa đưa vào hàng đợi</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="280" />
            <source>Accepting reports…</source>
            <translation>Đang tiếp nhận…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="314" />
            <source>Assigning reports…</source>
            <translation>Đang chuyển xử lý…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="332" />
            <source>Rejecting reports…</source>
            <translation>Đang từ chối tiếp nhận…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="377" />
            <source>Merging…</source>
            <translation>Đang gộp…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/controller.py" line="393" />
            <source>Adding notes…</source>
            <translation>Đang thêm ghi chú…</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/outbox_review.py" line="47" />
            <source>The server refused these actions:</source>
            <translation>Máy chủ từ chối các thao tác sau:</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/outbox_review.py" line="48" />
            <source>Action refused</source>
            <translation>Thao tác bị từ chối</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/outbox_review.py" line="116" />
            <source>The report is not in the local cache; sync first.</source>
            <translation>Phản ánh chưa có trong bộ nhớ đệm; hãy đồng bộ trước.</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/outbox_review.py" line="129" />
            <source>This action cannot be applied on the new state:</source>
            <translation>Không thể áp dụng thao tác trên trạng thái mới:</translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>Video &amp;wall</source>
            <translation>Màn hình &amp;tường</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Phím tắt</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="30" />
            <source>&amp;Sync now</source>
            <translation>&amp;Đồng bộ ngay</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="33" />
            <source>Sync with the central API now (F5)</source>
            <translation>Đồng bộ với máy chủ trung tâm ngay (F5)</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="35" />
            <source>&amp;Search the queue</source>
            <translation>&amp;Tìm kiếm</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="40" />
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="41" />
            <source>&amp;Heat map</source>
            <translation>Bản đồ &amp;nhiệt</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="43" />
            <source>Show &amp;all markers</source>
            <translation>Xem &amp;toàn bộ điểm</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="44" />
            <source>&amp;Reset layout</source>
            <translation>&amp;Khôi phục bố cục</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="45" />
            <source>&amp;About PAHT Console</source>
            <translation>&amp;Giới thiệu PAHT Console</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="48" />
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="53" />
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="67" />
            <source>Main toolbar</source>
            <translation>Thanh công cụ chính</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="74" />
            <source>&amp;Language</source>
            <translation>&amp;Ngôn ngữ</translation>
        </message>
        <message>
            <location filename="../../widgets/window_menus.py" line="86" />
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
    </context>
    <context>
        <name>Supervisor</name>
        <message>
            <source>The commendation rules cannot be read: %1</source>
            <translation>Không đọc được tiêu chí khen thưởng: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="1" />
            <source>%1 overdue now</source>
            <translation>%1 phản ánh đang quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="1" />
            <source>Already escalated to the highest level (%1): nothing more to send.</source>
            <translation>Đã đôn đốc ở cấp cao nhất (%1): không còn cấp nào để gửi.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="1" />
            <source>The next level (%1) needs the supervisor role.</source>
            <translation>Cấp tiếp theo (%1) cần vai trò giám sát viên.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="1" />
            <source>None of these reports can be escalated further.</source>
            <translation>Không phản ánh nào trong số này có thể đôn đốc thêm.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="116" />
            <source>&amp;Escalate…</source>
            <extracomment>Reports whose status decides whether an action is enabled (the rest are checked on use).</extracomment>
            <translation>Đôn đố&amp;c…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="117" />
            <source>Decide e&amp;xtension request…</source>
            <translation>Quyết định &amp;gia hạn…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="118" />
            <source>Review and &amp;publish result…</source>
            <translation>Duyệt và &amp;công khai kết quả…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="119" />
            <source>&amp;Overdue board</source>
            <translation>Bảng &amp;quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="120" />
            <source>&amp;Dashboard</source>
            <translation>&amp;Bảng số liệu</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="121" />
            <source>&amp;Weekly report…</source>
            <translation>Báo cáo &amp;tuần…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="141" />
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="92" />
            <location filename="../../widgets/supervisor/review_dialog.py" line="80" />
            <location filename="../../widgets/supervisor/review_dialog.py" line="93" />
            <source>Needs the supervisor role.</source>
            <translation>Cần vai trò giám sát viên.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="187" />
            <source>PAHT Console</source>
            <translation>PAHT Console</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="208" />
            <source>Not queued</source>
            <translation>Chưa đưa vào hàng đợi</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="225" />
            <source>None of the selected reports is in a status for this action.</source>
            <translation>Không phản ánh nào được chọn ở trạng thái cho phép thao tác này.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="246" />
            <source>Escalating reports…</source>
            <translation>Đang đôn đốc…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="264" />
            <source>Deciding the extension…</source>
            <translation>Đang quyết định gia hạn…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/controller.py" line="283" />
            <source>Reviewing the result…</source>
            <translation>Đang duyệt kết quả…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="196" />
            <source>Dashboard</source>
            <translation>Bảng số liệu</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="209" />
            <location filename="../../widgets/supervisor/overdue_board.py" line="107" />
            <source>Last %1 days</source>
            <translation>%1 ngày gần nhất</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="216" />
            <source>Show</source>
            <translation>Xem</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="221" />
            <source>Reports received per day</source>
            <translation>Phản ánh tiếp nhận theo ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="222" />
            <source>Received by category</source>
            <translation>Tiếp nhận theo lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="223" />
            <source>Received by ward/commune (top 15)</source>
            <translation>Tiếp nhận theo phường/xã (15 nơi nhiều nhất)</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="225" />
            <source>On-time rate and satisfaction per unit (%)</source>
            <translation>Tỷ lệ đúng hạn và hài lòng theo đơn vị (%)</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="227" />
            <source>Backlog at the end of each day</source>
            <translation>Tồn đọng cuối mỗi ngày</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="231" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="233" />
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="284" />
            <source>Could not compute the figures: %1</source>
            <translation>Không tính được số liệu: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="300" />
            <location filename="../../widgets/supervisor/dashboard.py" line="307" />
            <location filename="../../widgets/supervisor/dashboard.py" line="318" />
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="327" />
            <location filename="../../widgets/supervisor/overdue_board.py" line="126" />
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="328" />
            <source>Satisfied (4-5 stars)</source>
            <translation>Hài lòng (4-5 sao)</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/dashboard.py" line="337" />
            <source>%1 reports received from %2 to %3</source>
            <translation>%1 phản ánh tiếp nhận từ %2 đến %3</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="67" />
            <source>Escalate overdue reports</source>
            <translation>Đôn đốc phản ánh quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="76" />
            <source>%1 selected reports</source>
            <translation>%1 phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="78" />
            <source>Level</source>
            <translation>Cấp</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="83" />
            <source>Level %1: %2 (to: %3)</source>
            <translation>Cấp %1: %2 (gửi: %3)</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="90" />
            <source>Next level possible %1 h after this one.</source>
            <translation>Có thể đôn đốc cấp tiếp theo sau %1 giờ.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="113" />
            <source>Escalate</source>
            <translation>Đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="122" />
            <source>Message (from the level's template):</source>
            <translation>Nội dung (theo mẫu của cấp):</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="178" />
            <source>Your role may not send any escalation level.</source>
            <translation>Vai trò của bạn không được gửi đôn đốc ở cấp nào.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/escalation_dialog.py" line="189" />
            <source>%1 of %2 reports will be escalated to level %3; the others are skipped.</source>
            <translation>%1/%2 phản ánh sẽ được đôn đốc cấp %3; các phản ánh khác được bỏ qua.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="53" />
            <source>Extension request</source>
            <translation>Đề nghị gia hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="57" />
            <location filename="../../widgets/supervisor/review_dialog.py" line="56" />
            <source>Report</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="58" />
            <location filename="../../widgets/supervisor/review_dialog.py" line="57" />
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="59" />
            <source>Current deadline</source>
            <translation>Hạn hiện tại</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="60" />
            <source>Requested deadline</source>
            <translation>Hạn đề nghị</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="63" />
            <source>Unit's reason</source>
            <translation>Lý do của đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="65" />
            <source>Approve, new deadline:</source>
            <translation>Đồng ý, hạn mới:</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="67" />
            <source>Deny, reason for the unit:</source>
            <translation>Không đồng ý, lý do gửi đơn vị:</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="81" />
            <source>Why the extension is refused (sent to the unit).</source>
            <translation>Lý do không đồng ý gia hạn (gửi đơn vị).</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="89" />
            <source>Decide</source>
            <translation>Quyết định</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="124" />
            <source>The new deadline must be after the current one.</source>
            <translation>Hạn mới phải sau hạn hiện tại.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/extension_dialog.py" line="126" />
            <source>A denial needs a reason.</source>
            <translation>Không đồng ý thì cần nêu lý do.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="93" />
            <source>Overdue board</source>
            <translation>Bảng quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="109" />
            <source>Period of the on-time rate and satisfaction</source>
            <translation>Khoảng thời gian tính tỷ lệ đúng hạn và hài lòng</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="110" />
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="120" />
            <source>Unit / report</source>
            <translation>Đơn vị / phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="121" />
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="122" />
            <source>Soon overdue</source>
            <translation>Sắp quá hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="123" />
            <source>Oldest deadline</source>
            <translation>Hạn cũ nhất</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="124" />
            <source>Days late</source>
            <translation>Số ngày trễ</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="125" />
            <source>Escalation level</source>
            <translation>Cấp đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="127" />
            <source>Satisfaction</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="140" />
            <source>Escalate selected…</source>
            <translation>Đôn đốc mục đã chọn…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="142" />
            <source>Escalate all overdue of the unit…</source>
            <translation>Đôn đốc mọi phản ánh quá hạn của đơn vị…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="144" />
            <source>Show in queue and map</source>
            <translation>Xem trong danh sách và bản đồ</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="191" />
            <source>Could not load the board: %1</source>
            <translation>Không tải được bảng: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="215" />
            <source>%1 overdue and %2 soon overdue reports in %3 units</source>
            <translation>%1 phản ánh quá hạn và %2 sắp quá hạn tại %3 đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="245" />
            <source>%1 on time, %2 with an extension, %3 late</source>
            <translation>%1 đúng hạn, %2 có gia hạn, %3 trễ hạn</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="250" />
            <source>%1 ratings</source>
            <translation>%1 lượt đánh giá</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/overdue_board.py" line="264" />
            <source>soon</source>
            <translation>sắp</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="32" />
            <source>the handling unit</source>
            <translation>đơn vị xử lý</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="51" />
            <source>Review the unit's result</source>
            <translation>Duyệt kết quả của đơn vị</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="58" />
            <source>Result posted</source>
            <translation>Kết quả đã báo</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="74" />
            <source>What is not resolved thoroughly (sent to the unit with the report).</source>
            <translation>Nội dung chưa xử lý triệt để (gửi đơn vị kèm phản ánh).</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="76" />
            <source>Reply to the citizen</source>
            <translation>Trả lời người dân</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="77" />
            <source>Reason for sending back</source>
            <translation>Lý do trả lại</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="84" />
            <source>Publish to the citizen</source>
            <translation>Công khai cho người dân</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="88" />
            <source>Send back to the unit</source>
            <translation>Trả lại đơn vị xử lý lại</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/review_dialog.py" line="104" />
            <source>The unit's result:</source>
            <translation>Kết quả của đơn vị:</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="58" />
            <source>The week is not over: figures run to %1.</source>
            <translation>Tuần chưa kết thúc: số liệu tính đến %1.</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="93" />
            <source>Weekly report</source>
            <translation>Báo cáo tuần</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="117" />
            <source>Export DOCX and XLSX</source>
            <translation>Xuất DOCX và XLSX</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="119" />
            <source>Open folder</source>
            <translation>Mở thư mục</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="122" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="125" />
            <source>Week</source>
            <translation>Tuần</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="147" />
            <source>Computing the figures…</source>
            <translation>Đang tính số liệu…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="160" />
            <source>Could not prepare the weekly report: %1</source>
            <translation>Không lập được báo cáo tuần: %1</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="168" />
            <source>Exporting…</source>
            <translation>Đang xuất…</translation>
        </message>
        <message>
            <location filename="../../widgets/supervisor/weekly_dialog.py" line="186" />
            <source>Written: %1 and %2</source>
            <translation>Đã ghi: %1 và %2</translation>
        </message>
        <message>
            <source>%1, not over yet</source>
            <translation>%1, chưa hết tuần</translation>
        </message>
        <message>
            <source>Save the weekly report</source>
            <translation>Lưu báo cáo tuần</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Tài liệu Word (*.docx)</translation>
        </message>
        <message>
            <source>status «%1», no longer escalated</source>
            <translation>đang ở trạng thái «%1», không còn đôn đốc</translation>
        </message>
        <message>
            <source>already escalated to level %1</source>
            <translation>đã đôn đốc cấp %1</translation>
        </message>
        <message>
            <source>too soon after the last escalation; possible from %1</source>
            <translation>chưa đủ thời gian giữa hai lần đôn đốc, có thể từ %1</translation>
        </message>
        <message>
        <source>Period reports</source>
        <translation>Báo cáo tháng, quý, năm</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>With the conference slides (PPTX)</source>
        <translation>Kèm bản trình chiếu hội nghị (PPTX)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <source>Report for</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Could not prepare the report: %1</source>
        <translation>Không lập được báo cáo: %1</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
    <message>
        <source>Proposed for commendation: units with %1. Wards with %2.</source>
        <translation>Đề xuất khen thưởng: đơn vị xử lý có %1. Phường, xã có %2.</translation>
    </message>
    <message>
        <source>Month, quarter, year &amp;reports…</source>
        <translation>Báo cáo &amp;tháng, quý, năm…</translation>
    </message>
    <message>
        <source>%1, under way</source>
        <translation>%1, chưa hết kỳ</translation>
    </message>
</context>
    <context>
        <name>Triage</name>
        <message>
            <source>%1 and %2 more</source>
            <translation>%1 và %2 phản ánh khác</translation>
        </message>
        <message>
            <source>several units</source>
            <translation>nhiều đơn vị</translation>
        </message>
        <message>
            <source>Accepted %1 and assigned it to %2</source>
            <translation>Đã tiếp nhận và giao %1 cho %2</translation>
        </message>
        <message>
            <source>Assigned %1 to %2</source>
            <translation>Đã giao %1 cho %2</translation>
        </message>
        <message>
            <source>Merged %1 into %2</source>
            <translation>Đã gộp %1 vào %2</translation>
        </message>
        <message>
            <source>Escalated %1 (level %2)</source>
            <translation>Đã đôn đốc %1 (cấp %2)</translation>
        </message>
        <message>
            <source>Approved the extension of %1</source>
            <translation>Đã duyệt gia hạn cho %1</translation>
        </message>
        <message>
            <source>Denied the extension of %1</source>
            <translation>Đã từ chối gia hạn cho %1</translation>
        </message>
        <message>
            <source>Accepted %1</source>
            <translation>Đã tiếp nhận %1</translation>
        </message>
        <message>
            <source>Rejected %1</source>
            <translation>Đã từ chối %1</translation>
        </message>
        <message>
            <source>Added a note to %1</source>
            <translation>Đã ghi chú %1</translation>
        </message>
        <message>
            <source>Published the result of %1</source>
            <translation>Đã công khai kết quả %1</translation>
        </message>
        <message>
            <source>Sent %1 back to the unit to handle again</source>
            <translation>Đã yêu cầu đơn vị xử lý lại %1</translation>
        </message>
        <message>
            <source>Closed %1</source>
            <translation>Đã đóng %1</translation>
        </message>
        <message>
            <source>%1 report(s) not queued</source>
            <translation>%1 phản ánh không thực hiện được</translation>
        </message>
        <message>
            <source>%1: select a report first.</source>
            <translation>%1: hãy chọn một phản ánh trước.</translation>
        </message>
        <message>
            <source>%1: not part of your role.</source>
            <translation>%1: vai trò của bạn không có thao tác này.</translation>
        </message>
        <message>
            <source>%1: select a single report.</source>
            <translation>%1: chỉ chọn một phản ánh.</translation>
        </message>
        <message>
            <source>%1: wait for the current batch to finish.</source>
            <translation>%1: chờ đợt thao tác đang chạy xong.</translation>
        </message>
        <message>
            <source>Press A to accept and assign.</source>
            <translation>Nhấn A để tiếp nhận và giao.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>Mức độ khẩn</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Hạn xử lý</translation>
        </message>
        <message>
            <source>Merged into</source>
            <translation>Đã gộp vào</translation>
        </message>
        <message>
            <source>Reject reason</source>
            <translation>Lý do không tiếp nhận</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Vị trí</translation>
        </message>
        <message>
            <source>Escalation level</source>
            <translation>Cấp đôn đốc</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/batch.py" line="114" />
            <source>Stop</source>
            <extracomment>Up to this many reports are queued at once on the GUI thread (a few milliseconds). (report id, the reason in Vietnamese) for each report the domain or the store refused.</extracomment>
            <translation>Dừng</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/batch.py" line="116" />
            <source>Working on the selected reports</source>
            <translation>Đang xử lý các phản ánh được chọn</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="36" />
            <source>Departments</source>
            <extracomment>Unit kinds in the order the assignment dialog lists them.</extracomment>
            <translation>Sở, ban, ngành</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="37" />
            <source>Ward and commune committees</source>
            <translation>UBND phường, xã</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="38" />
            <source>Public-service companies</source>
            <translation>Doanh nghiệp dịch vụ công</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="39" />
            <source>Central agencies</source>
            <translation>Cơ quan Trung ương</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="69" />
            <source>%1 working days</source>
            <translation>%1 ngày làm việc</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="72" />
            <source>%1 h</source>
            <translation>%1 giờ</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/common.py" line="74" />
            <source>%1 min</source>
            <translation>%1 phút</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="37" />
            <source>Queued</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="38" />
            <source>Not sent yet (will retry)</source>
            <translation>Chưa gửi được (sẽ thử lại)</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="39" />
            <source>Conflict</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="40" />
            <source>Refused by the server</source>
            <translation>Máy chủ từ chối</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="41" />
            <source>Applied</source>
            <translation>Đã áp dụng</translation>
        </message>
        <message>
            <location filename="../../widgets/triage/pending_actions.py" line="42" />
            <source>Dropped</source>
            <translation>Đã bỏ</translation>
        </message>
        <message>
            <source>Could not write the queue of actions: %1</source>
            <translation>Lỗi khi ghi hàng đợi thao tác: %1</translation>
        </message>
    </context>
    <context>
        <name>OutboxReview</name>
        <message>
            <source>Action refused</source>
            <translation>Thao tác bị từ chối</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>Không thực hiện được</translation>
        </message>
        <message>
            <source>The report is not in the local cache; sync first.</source>
            <translation>Phản ánh chưa có trong bộ nhớ đệm; hãy đồng bộ trước.</translation>
        </message>
        <message>
            <source>The server refused these actions:</source>
            <translation>Máy chủ từ chối các thao tác sau:</translation>
        </message>
        <message>
            <source>This action cannot be applied on the new state:</source>
            <translation>Không thể áp dụng thao tác này trên trạng thái mới:</translation>
        </message>
    </context>
<context>
        <name>MapPane</name>
        <message>
            <source>Opening the map…</source>
            <translation>Đang mở bản đồ…</translation>
        </message>
</context>
    <context>
        <name>ExportPlace</name>
        <message>
            <source>Open folder</source>
            <translation>Mở thư mục</translation>
        </message>
        <message>
            <source>This computer has no program to open the folder. The files are in:</source>
            <translation>Máy này không có chương trình mở thư mục. Các tệp nằm tại:</translation>
        </message>
    </context>
    <context>
        <name>ShortcutSheet</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Phím</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Khác</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../widgets/notifications.py" line="1" />
            <source>Urgent field report</source>
            <translation>Phản ánh khẩn cấp mới</translation>
        </message>
        <message>
            <location filename="../../widgets/notifications.py" line="1" />
            <source>%1 urgent field reports</source>
            <translation>%1 phản ánh khẩn cấp mới</translation>
        </message>
        <message>
            <location filename="../../widgets/notifications.py" line="1" />
            <source>… and %1 more</source>
            <translation>… và %1 phản ánh khác</translation>
        </message>
        <message>
            <source>Report just became overdue</source>
            <translation>Phản ánh vừa quá hạn</translation>
        </message>
        <message>
            <source>%1 reports just became overdue</source>
            <translation>%1 phản ánh vừa quá hạn</translation>
        </message>
    </context>
    <context>
        <name>UrgentAlert</name>
        <message>
            <location filename="../../widgets/notifications.py" line="1" />
            <source>Open report</source>
            <translation>Xem phản ánh</translation>
        </message>
        <message>
            <location filename="../../widgets/notifications.py" line="1" />
            <source>Dismiss</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>TileNote</name>
        <message>
            <location filename="../../widgets/map_tile_note.py" line="1" />
            <source>The map background could not be loaded — showing positions on a blank background. Set PAHT_TILES_URL to use an in-house map server.</source>
            <translation>Không tải được nền bản đồ — đang hiển thị vị trí trên nền trống. Đặt PAHT_TILES_URL để dùng máy chủ bản đồ nội bộ.</translation>
        </message>
    </context>
<context>
    <name>WindowSync</name>
    <message>
        <source>Opening the local store…</source>
        <translation>Đang mở dữ liệu trên máy…</translation>
    </message>
    <message>
        <source>(offline: kept on this computer, sent once connected)</source>
        <translation>(đang mất kết nối: đã lưu trên máy này, sẽ gửi khi có mạng)</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>không rõ lý do</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Đồng bộ không thành công</translation>
    </message>
    <message>
        <source>Could not sync with the central API.</source>
        <translation>Không đồng bộ được với máy chủ trung tâm.</translation>
    </message>
    <message>
        <source>Reason: %1
Your work is kept on this computer and will be sent later.</source>
        <translation>Lý do: %1
Các thao tác của bạn vẫn được lưu trên máy này và sẽ được gửi sau.</translation>
    </message>
    <message>
        <source>The central's data was restored from a backup: the cache on this computer was rebuilt from it.</source>
        <translation>Dữ liệu của máy chủ trung tâm đã được khôi phục từ bản sao lưu: bộ nhớ đệm trên máy này đã được xây dựng lại theo dữ liệu đó.</translation>
    </message>
</context>
    <context>
        <name>MapTexts</name>
        <message>
            <source>Waiting for the IOC</source>
            <translation>Chờ IOC xử lý</translation>
        </message>
        <message>
            <source>Unit handling</source>
            <translation>Đơn vị đang xử lý</translation>
        </message>
        <message>
            <source>Resolved / published</source>
            <translation>Đã xử lý / công khai</translation>
        </message>
        <message>
            <source>Closed / not accepted</source>
            <translation>Đã đóng / không tiếp nhận</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Escalation level </source>
            <translation>Đôn đốc mức </translation>
        </message>
        <message>
            <source>Purple ring: escalation level</source>
            <translation>Vòng tím: mức đôn đốc</translation>
        </message>
        <message>
            <source>Heat map</source>
            <translation>Bản đồ nhiệt</translation>
        </message>
        <message>
            <source>Heat map on/off</source>
            <translation>Bật/tắt bản đồ nhiệt</translation>
        </message>
        <message>
            <source> other report(s) at the same place</source>
            <translation> phản ánh khác tại cùng vị trí</translation>
        </message>
        <message>
            <source> reports, </source>
            <translation> phản ánh, </translation>
        </message>
        <message>
            <source> overdue — click to zoom in</source>
            <translation> quá hạn — bấm để phóng to</translation>
        </message>
    </context>
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>%1 accounts</source>
            <translation>%1 tài khoản</translation>
        </message>
        <message>
            <source>%1 of %2 accounts</source>
            <translation>%1 / %2 tài khoản</translation>
        </message>
        <message>
            <source>&amp;Deactivate…</source>
            <translation>Vô &amp;hiệu hóa…</translation>
        </message>
        <message>
            <source>&amp;New account…</source>
            <translation>Tài khoản &amp;mới…</translation>
        </message>
        <message>
            <source>&amp;Unit's staff:</source>
            <translation>&amp;Nhân sự đơn vị:</translation>
        </message>
        <message>
            <source>Account %1 changed.</source>
            <translation>Đã cập nhật tài khoản %1.</translation>
        </message>
        <message>
            <source>Account %1 created.</source>
            <translation>Đã tạo tài khoản %1.</translation>
        </message>
        <message>
            <source>Account %1 deactivated.</source>
            <translation>Đã vô hiệu hóa tài khoản %1: tài khoản bị đăng xuất trên mọi máy.</translation>
        </message>
        <message>
            <source>Account %1 reactivated.</source>
            <translation>Đã kích hoạt lại tài khoản %1.</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>All accounts</source>
            <translation>Tất cả tài khoản</translation>
        </message>
        <message>
            <source>Change &amp;role or unit…</source>
            <translation>Đổi &amp;vai trò hoặc đơn vị…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Loading the accounts…</source>
            <translation>Đang tải danh sách tài khoản…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Đang tải…</translation>
        </message>
        <message>
            <source>New password set for %1.</source>
            <translation>Đã đặt mật khẩu mới cho %1: các phiên đăng nhập cũ đã kết thúc.</translation>
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation>&amp;Tải lại</translation>
        </message>
        <message>
            <source>Reac&amp;tivate</source>
            <translation>&amp;Kích hoạt lại</translation>
        </message>
        <message>
            <source>Reset &amp;password…</source>
            <translation>Đặt &amp;lại mật khẩu…</translation>
        </message>
        <message>
            <source>Search account or name…</source>
            <translation>Tìm tài khoản hoặc họ tên…</translation>
        </message>
        <message>
            <source>The server did not answer: %1</source>
            <translation>Máy chủ không trả lời: %1</translation>
        </message>
    </context>
    <context>
        <name>AccountsModel</name>
        <message>
            <source>Account</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Đang hoạt động</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Ngày tạo</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Đã vô hiệu hóa</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
    </context>
    <context>
        <name>ChangeAccountForm</name>
        <message>
            <source>Change account %1</source>
            <translation>Sửa tài khoản %1</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
    </context>
    <context>
        <name>NewAccountForm</name>
        <message>
            <source>Account name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Tạo</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Give the account a name.</source>
            <translation>Hãy nhập tên đăng nhập.</translation>
        </message>
        <message>
            <source>New account</source>
            <translation>Tài khoản mới</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
    </context>
    <context>
        <name>PasswordForm</name>
        <message>
            <source>New password for %1</source>
            <translation>Mật khẩu mới cho %1</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Set password</source>
            <translation>Đặt mật khẩu</translation>
        </message>
    </context>
    <context>
        <name>_Passwords</name>
        <message>
            <source>Copy</source>
            <translation>Sao chép</translation>
        </message>
        <message>
            <source>Copy this password now and give it to its owner: it is not shown again.</source>
            <translation>Hãy sao chép mật khẩu này ngay và trao cho người dùng: mật khẩu không hiện lại lần nữa.</translation>
        </message>
        <message>
            <source>Generate a random password</source>
            <translation>Tạo mật khẩu ngẫu nhiên</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Hai mật khẩu không khớp nhau.</translation>
        </message>
        <message>
            <source>Type a password or generate one.</source>
            <translation>Hãy nhập mật khẩu hoặc tạo mật khẩu ngẫu nhiên.</translation>
        </message>
    </context>
    <context>
        <name>DeactivateConfirm</name>
        <message>
            <source>Deactivate account</source>
            <translation>Vô hiệu hóa tài khoản</translation>
        </message>
        <message>
            <source>Deactivate %1? It is signed out everywhere at once and can no longer sign in.</source>
            <translation>Vô hiệu hóa tài khoản %1? Tài khoản sẽ bị đăng xuất ngay trên mọi máy và không đăng nhập được nữa.</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>Vô hiệu hóa</translation>
        </message>
    </context>
    <context>
        <name>VersionNotice</name>
        <message>
            <source>The central needs PAHT Console %1 or newer; this console is %2. Until it is updated it is read-only: syncing, reading, searching, the map and exports work, but no new action is accepted. Actions already waiting stay on this computer, unsent, until a newer console sends them.</source>
            <translation>Máy chủ trung tâm cần PAHT Console phiên bản %1 trở lên; máy này đang chạy phiên bản %2. Trong khi chờ cập nhật, bàn điều hành chỉ xem: đồng bộ, xem, tìm kiếm, bản đồ và xuất báo cáo vẫn dùng được, nhưng không nhận thao tác mới. Các thao tác đang chờ vẫn được giữ trên máy này, chưa gửi, cho tới khi bản mới gửi chúng.</translation>
        </message>
        <message>
            <source>Get the new console here: %1</source>
            <translation>Tải bản mới tại: %1</translation>
        </message>
        <message>
            <source>Ask the Center's technical staff to install the new console.</source>
            <translation>Hãy liên hệ bộ phận kỹ thuật của Trung tâm để cài bản mới.</translation>
        </message>
        <message>
            <source>Console out of date: read-only</source>
            <translation>Phiên bản cũ: chỉ xem</translation>
        </message>
        <message>
            <source>The central needs PAHT Console %1 or newer (this one is %2): read-only.</source>
            <translation>Máy chủ trung tâm cần PAHT Console %1 trở lên (máy này: %2): chỉ xem.</translation>
        </message>
        <message>
            <source>Newer console needed</source>
            <translation>Cần cập nhật PAHT Console</translation>
        </message>
        <message>
            <source>Open the download page</source>
            <translation>Mở trang tải về</translation>
        </message>
    </context>
<context>
    <name>WallController</name>
        <message>
            <source>Signing in again</source>
            <translation>Đang đăng nhập lại</translation>
        </message>
        <message>
            <source> · data from %1</source>
            <translation> · dữ liệu lúc %1</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Đã kết nối</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Trực tiếp</translation>
        </message>
        <message>
            <source>Server refused</source>
            <translation>Máy chủ từ chối</translation>
        </message>
        <message>
            <source>Server unreachable, retrying</source>
            <translation>Mất kết nối máy chủ, đang thử lại</translation>
        </message>
        <message>
            <source>The local data could not be read: %1</source>
            <translation>Không đọc được dữ liệu cục bộ: %1</translation>
        </message>
</context>
<context>
    <name>WallFigures</name>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <source>Overdue now</source>
            <translation>Đang quá hạn</translation>
        </message>
        <message>
            <source>TODAY</source>
            <translation>HÔM NAY</translation>
        </message>
        <message>
            <source>THIS WEEK</source>
            <translation>TUẦN NÀY</translation>
        </message>
        <message>
            <source>OVERDUE BY UNIT</source>
            <translation>QUÁ HẠN THEO ĐƠN VỊ</translation>
        </message>
        <message>
            <source>No unit is late</source>
            <translation>Không đơn vị nào quá hạn</translation>
        </message>
</context>
<context>
    <name>WallHeader</name>
        <message>
            <source>CITIZEN FIELD REPORTS · HUẾ IOC</source>
            <translation>PHẢN ÁNH HIỆN TRƯỜNG · TRUNG TÂM IOC HUẾ</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Đang kết nối…</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>Thứ Hai</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Thứ Ba</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Thứ Tư</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Thứ Năm</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Thứ Sáu</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Thứ Bảy</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Chủ Nhật</translation>
        </message>
        <message>
            <source>Press visit: live handling, nothing personal shown</source>
            <translation>Đón đoàn báo chí: quy trình xử lý trực tiếp, không hiển thị thông tin cá nhân</translation>
        </message>
        <message>
            <source>Smart City Monitoring and Operations Center: live</source>
            <translation>Trung tâm Giám sát, điều hành đô thị thông minh: trực tiếp</translation>
        </message>
</context>
<context>
    <name>WallTicker</name>
        <message>
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Chuyển xử lý</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Công khai</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Trả lại</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Waiting for the first reports of the day</source>
            <translation>Đang chờ những phản ánh đầu tiên trong ngày</translation>
        </message>
</context>
<context>
    <name>WallPanels</name>
        <message>
            <source>Nothing to show yet</source>
            <translation>Chưa có số liệu</translation>
        </message>
        <message>
            <source>CASE IN FOCUS · %1</source>
            <translation>VỤ VIỆC TIÊU BIỂU · %1</translation>
        </message>
        <message>
            <source>THIS MONTH IN FIGURES</source>
            <translation>THÁNG NÀY QUA CÁC CON SỐ</translation>
        </message>
</context>
<context>
    <name>WallLauncher</name>
        <message>
            <source>Not connected: %1; trying again</source>
            <translation>Chưa kết nối: %1; sẽ thử lại</translation>
        </message>
</context>
<context>
    <name>WallWindow</name>
        <message>
            <source>PAHT video wall</source>
            <translation>Màn hình tường PAHT</translation>
        </message>
</context>
<context>
    <name>WallInside</name>
        <message>
            <source>The video wall opens once the cache is open</source>
            <translation>Màn hình tường mở được khi dữ liệu cục bộ đã mở</translation>
        </message>
</context>
<context>
    <name>ComposePage</name>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Xem trước</translation>
        </message>
        <message>
            <source>&amp;Send</source>
            <translation>&amp;Gửi</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <source>Could not load: {0}</source>
            <translation>Không tải được: {0}</translation>
        </message>
        <message>
            <source>No published result in this computer's data yet.</source>
            <translation>Dữ liệu trên máy này chưa có kết quả nào đã công khai.</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <source>Published results</source>
            <translation>Kết quả đã công khai</translation>
        </message>
        <message>
            <source>Red areas will be blurred. Drag to add an area, right-click to remove one. A photo nobody reviewed is not sent.</source>
            <translation>Vùng màu đỏ sẽ được làm mờ. Kéo chuột để thêm vùng, nhấp chuột phải để bỏ vùng. Ảnh chưa ai duyệt sẽ không được gửi.</translation>
        </message>
        <message>
            <source>Reviewed: send this photo, blurred as marked</source>
            <translation>Đã duyệt: gửi ảnh này, làm mờ như đã đánh dấu</translation>
        </message>
        <message>
            <source>not reviewed</source>
            <translation>chưa duyệt</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>có ảnh</translation>
        </message>
        <message>
            <source>reviewed</source>
            <translation>đã duyệt</translation>
        </message>
        <message>
            <source>text only</source>
            <translation>chỉ văn bản</translation>
        </message>
        <message>
            <source>{0} characters of at most {1}; {2} photos</source>
            <translation>{0} ký tự (tối đa {1}); {2} ảnh</translation>
        </message>
        <message>
            <source>{0} · {1} blurred areas · {2}</source>
            <translation>{0} · {1} vùng làm mờ · {2}</translation>
        </message>
</context>
<context>
    <name>FailedPage</name>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Làm mới</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Số lần thử</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <source>Channel's error</source>
            <translation>Lỗi của kênh</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Tạo lúc</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Thất bại</translation>
        </message>
        <message>
            <source>No failed or uncertain message.</source>
            <translation>Không có tin nào thất bại hoặc chưa rõ kết quả.</translation>
        </message>
        <message>
            <source>Re&amp;try</source>
            <translation>&amp;Thử lại</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Uncertain</source>
            <translation>Chưa rõ</translation>
        </message>
        <message>
            <source>{0} messages failed or uncertain</source>
            <translation>{0} tin thất bại hoặc chưa rõ kết quả</translation>
        </message>
</context>
<context>
    <name>RelayDialog</name>
        <message>
            <source>Choose a published result and at least one channel.</source>
            <translation>Hãy chọn một kết quả đã công khai và ít nhất một kênh.</translation>
        </message>
        <message>
            <source>Compose and send</source>
            <translation>Soạn và gửi</translation>
        </message>
        <message>
            <source>Composing the preview...</source>
            <translation>Đang soạn bản xem trước...</translation>
        </message>
        <message>
            <source>Could not send: {0} The message is kept; press Send to try again.</source>
            <translation>Không gửi được: {0} Tin đã soạn vẫn được giữ; bấm Gửi để thử lại.</translation>
        </message>
        <message>
            <source>Error: {0}</source>
            <translation>Lỗi: {0}</translation>
        </message>
        <message>
            <source>Failed and uncertain messages</source>
            <translation>Tin thất bại và chưa rõ kết quả</translation>
        </message>
        <message>
            <source>Loading photos...</source>
            <translation>Đang tải ảnh...</translation>
        </message>
        <message>
            <source>Loading...</source>
            <translation>Đang tải...</translation>
        </message>
        <message>
            <source>No channel is configured on the central server.</source>
            <translation>Máy chủ trung tâm chưa cấu hình kênh nào.</translation>
        </message>
        <message>
            <source>Queued for sending: {0} messages ({1}).</source>
            <translation>Đã đưa vào hàng đợi gửi: {0} tin ({1}).</translation>
        </message>
        <message>
            <source>Relay results</source>
            <translation>Chuyển tiếp kết quả</translation>
        </message>
        <message>
            <source>Sending...</source>
            <translation>Đang gửi...</translation>
        </message>
        <message>
            <source>The report is not in this computer's data.</source>
            <translation>Phản ánh không có trong dữ liệu trên máy này.</translation>
        </message>
        <message>
            <source>This is exactly what each channel will receive.</source>
            <translation>Đây đúng là nội dung mỗi kênh sẽ nhận.</translation>
        </message>
        <message>
            <source>photo {0}</source>
            <translation>ảnh {0}</translation>
        </message>
        <message>
            <source>{0} photos to review; none is sent until reviewed.</source>
            <translation>{0} ảnh cần duyệt; ảnh chưa duyệt sẽ không được gửi.</translation>
        </message>
</context>
</TS>