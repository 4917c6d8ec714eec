// A stand-in for the Tauri backend, for looking at the UI in a plain browser (screenshots,
// manual checks). NOT part of the app: scripts/screenshots.mjs injects it into dist/index.html
// as it serves it. It keeps demo data in memory and mimics the core's errors.
//
// URL parameters:
//   scenario=main (default) | setup | open-error | empty
//   click=SEL1|SEL2|…   CSS selectors clicked one after another once they appear;
//                       "scroll:SEL" scrolls that element to the top of its page instead;
//                       "type:SEL::text" types text into a field (as the input event);
//                       "key:SEL::Enter" or "key:SEL::Ctrl+Enter" presses a key in it;
//                       "select:SEL::value" chooses an option of a select
(() => {
  const params = new URLSearchParams(location.search);
  const scenario = params.get('scenario') || 'main';

  const now = () => new Date().toISOString();
  const id = () => '0190' + Math.random().toString(16).slice(2, 14);
  const clone = (x) => (x === undefined ? null : JSON.parse(JSON.stringify(x)));
  const fold = (s) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  const clean = (s) => (s || '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const invalid = (field, message) => ({ kind: 'validation', field, message });
  const conflict = (message) => ({ kind: 'conflict', message });

  // The core's clock, set while the demo cases are made so that each gets its own dates.
  let clock = null;
  const nowDate = () => (clock ? new Date(clock) : new Date());
  const pad = (n) => String(n).padStart(2, '0');
  const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const stamp = (d) => `${ymd(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const parseLocal = (s) => {
    const t = (s || '').trim();
    let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(t);
    if (!m) {
      const v = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(t);
      if (v) m = [v[0], v[3], v[2], v[1], v[4], v[5]];
    }
    if (!m) return null;
    const d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    return d.getDate() === +m[3] && d.getMonth() === +m[2] - 1 ? d : null;
  };
  const parseYmd = (field, label, s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((s || '').trim());
    const d = m && new Date(+m[1], +m[2] - 1, +m[3]);
    if (!d || d.getDate() !== +m[3]) {
      throw invalid(field, `${label} «${s}» không phải ngày có thật (dạng 2026-03-02 hoặc 02/03/2026).`);
    }
    return ymd(d);
  };
  const addDays = (day, n) => {
    const [y, m, d] = day.split('-').map(Number);
    return ymd(new Date(y, m - 1, d + n));
  };
  const isWorking = (day) => {
    const [y, m, d] = day.split('-').map(Number);
    const wd = new Date(y, m - 1, d).getDay();
    return wd !== 0 && wd !== 6 && !db.holidays.some((h) => h.day === day);
  };
  // The last day of a period of `days` after `start`, as the core counts it.
  const dueAfter = (start, days) => {
    if (db.settings.count_working_days) {
      let d = start;
      for (let left = days; left > 0; ) {
        d = addDays(d, 1);
        if (isWorking(d)) left -= 1;
      }
      return d;
    }
    let d = addDays(start, days);
    while (!isWorking(d)) d = addDays(d, 1);
    return d;
  };
  const daysFrom = (a, b) => {
    const [y1, m1, d1] = a.split('-').map(Number);
    const [y2, m2, d2] = b.split('-').map(Number);
    return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86400000);
  };

  const office = {
    name: 'Sở Công Thương tỉnh Đắk Lắk',
    parent_agency: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    place_name: 'Đắk Lắk',
    address: 'Số 47 Nguyễn Tất Thành, phường Buôn Ma Thuột, tỉnh Đắk Lắk',
    phone: '0262 3852 xxx',
    email: 'sct@daklak.gov.vn',
    ledger_form_code: 'BM.QT.SCT.05-01',
    survey_form_code: 'BM.QT.SCT.05-02',
  };
  const UNITS = [
    ['Văn phòng Sở', 'VP'],
    ['Thanh tra Sở', 'TTr'],
    ['Phòng Kế hoạch - Tài chính', 'KHTC'],
    ['Phòng Quản lý công nghiệp', 'QLCN'],
    ['Phòng Quản lý thương mại', 'QLTM'],
    ['Phòng Quản lý năng lượng', 'QLNL'],
    ['Phòng Kỹ thuật an toàn - Môi trường', 'KTAT'],
    ['Bộ phận Tiếp nhận và Trả kết quả', 'MC'],
    ['Ban ISO', 'ISO'],
  ];
  const STAFF = [
    ['Trần Văn Hùng', 'Giám đốc Sở', 'VP', 'leadership'],
    ['Lê Thị Thu Hà', 'Phó Giám đốc Sở', 'VP', 'leadership'],
    ['Nguyễn Văn An', 'Chánh Văn phòng', 'VP', 'unit_head'],
    ['Phạm Thị Lan', 'Chuyên viên', 'VP', 'administrator'],
    ['Đỗ Trường Giang', 'Chánh Thanh tra', 'TTr', 'unit_head'],
    ['Hoàng Thị Mai', 'Thanh tra viên', 'TTr', 'reception'],
    ['Vũ Đức Thắng', 'Trưởng phòng', 'KHTC', 'unit_head'],
    ['Bùi Thị Ngọc Ánh', 'Kế toán viên', 'KHTC', 'reception'],
    ['Y Moan Êban', 'Trưởng phòng', 'QLTM', 'unit_head'],
    ["H'Linh Niê", 'Chuyên viên', 'QLTM', 'reception'],
    ['Nguyễn Thị Thanh Hương', 'Chuyên viên một cửa', 'MC', 'reception'],
    ['Cao Thị Diệu Linh', 'Thư ký ISO (QMR)', 'ISO', 'quality_officer'],
  ];

  const db = {
    office: null,
    units: [],
    staff: [],
    settings: null,
    audit: [],
    cases: [],
    actions: [],
    holidays: [],
    receipts: {},
  };
  const audit = (entity, entityId, before, after) =>
    db.audit.push({
      seq: db.audit.length + 1,
      at: now(),
      actor: 'hệ thống',
      action: before ? (after ? 'update' : 'delete') : 'create',
      entity,
      entity_id: entityId,
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
    });
  const unitName = (unitId) => db.units.find((u) => u.id === unitId)?.name ?? null;

  // ---- The vocabulary, workflow and deadlines of the core, as far as the screens need ----

  const terms = (pairs) => pairs.map(([value, label]) => ({ value, label }));
  const VOCABULARY = {
    channels: terms([
      ['hotline', 'Điện thoại, đường dây nóng'],
      ['chat', 'Tin nhắn, trò chuyện trực tuyến'],
      ['email', 'Thư điện tử'],
      ['official_letter', 'Công văn'],
      ['in_person', 'Trực tiếp tại cơ quan'],
      ['social_media', 'Mạng xã hội'],
      ['suggestion_box', 'Hòm thư góp ý'],
      ['feedback_letter', 'Thư góp ý (TGY)'],
      ['survey', 'Phiếu khảo sát'],
    ]),
    kinds: terms([
      ['praise', 'Khen ngợi'],
      ['suggestion', 'Góp ý, kiến nghị'],
      ['reflection', 'Phản ánh'],
      ['request', 'Yêu cầu'],
      ['complaint', 'Khiếu nại'],
      ['grievance', 'Phàn nàn'],
      ['appeal', 'Kháng nghị'],
    ]),
    subjects: terms([
      ['attitude', 'Thái độ phục vụ của cán bộ'],
      ['confidentiality', 'Bảo mật thông tin'],
      ['service_result', 'Kết quả giải quyết, chứng nhận'],
      ['processing_time', 'Thời gian giải quyết'],
      ['procedure', 'Thủ tục, quy trình'],
      ['other', 'Khác'],
    ]),
    customer_groups: terms([
      ['unknown', 'Chưa xác định'],
      ['long_term', 'Quan hệ lâu dài'],
      ['referred', 'Quen qua giới thiệu'],
      ['first_time', 'Quan hệ lần đầu'],
    ]),
    books: terms([
      ['feedback', 'Sổ ghi nhận ý kiến của khách hàng'],
      ['complaints', 'Sổ tiếp nhận và giải quyết khiếu nại, phàn nàn, kháng nghị'],
      ['citizen_reception', 'Sổ tiếp dân'],
    ]),
    statuses: terms([
      ['received', 'Đã tiếp nhận (bước 2)'],
      ['front_desk', 'Đang xử lý tại bộ phận tiếp nhận (bước 3)'],
      ['awaiting_customer', 'Chờ khách hàng đồng ý (bước 4)'],
      ['specialist', 'Phòng chuyên môn xử lý (bước 6)'],
      ['solution_feedback', 'Phản hồi giải pháp bổ sung (bước 7)'],
      ['leadership', 'Xin ý kiến chỉ đạo của lãnh đạo (bước 8)'],
      ['closed', 'Đã đóng, lưu hồ sơ (bước 5)'],
    ]),
    steps: terms([
      ['attitude_talk', 'Trao đổi rút kinh nghiệm với cán bộ bị phản ánh'],
      ['investigation', 'Điều tra nguyên nhân rò rỉ thông tin'],
      ['reported_to_qmr', 'Trưởng đơn vị xem xét, báo cáo QMR và lãnh đạo'],
    ]),
    letter_statuses: terms([
      ['draft', 'Dự thảo'],
      ['signed', 'Đã ký'],
      ['sent', 'Đã gửi'],
    ]),
    action_kinds: terms([
      ['corrective', 'Hành động khắc phục'],
      ['preventive', 'Hành động phòng ngừa'],
      ['improvement', 'Hành động cải tiến'],
    ]),
    action_statuses: terms([
      ['open', 'Mới đề ra'],
      ['in_progress', 'Đang thực hiện'],
      ['done', 'Đã thực hiện, chờ đánh giá hiệu lực'],
      ['verified', 'Đã đánh giá: có hiệu lực'],
    ]),
    roles: terms([
      ['reception', 'Cán bộ tiếp nhận'],
      ['unit_head', 'Trưởng đơn vị'],
      ['quality_officer', 'Cán bộ chất lượng (QMR/Ban ISO)'],
      ['leadership', 'Lãnh đạo'],
      ['administrator', 'Quản trị hệ thống'],
    ]),
  };
  const labelOf = (list, v) => VOCABULARY[list].find((t) => t.value === v)?.label ?? v;
  const statusLabel = (v) => labelOf('statuses', v);
  const stepLabel = (v) => labelOf('steps', v);

  const mv = (from, to, label, note_required) => ({ from, to, label, note_required });
  const MOVES = [
    mv('received', 'front_desk', 'Xử lý tại bộ phận tiếp nhận', false),
    mv('received', 'specialist', 'Chuyển phòng chuyên môn (ngoài thẩm quyền)', true),
    mv('front_desk', 'awaiting_customer', 'Đã trả lời, chờ khách hàng đồng ý', true),
    mv('front_desk', 'specialist', 'Chuyển phòng chuyên môn (ngoài thẩm quyền)', true),
    mv('awaiting_customer', 'closed', 'Khách hàng đồng ý — đóng hồ sơ', false),
    mv('awaiting_customer', 'specialist', 'Khách hàng không đồng ý — chuyển phòng chuyên môn', true),
    mv('specialist', 'solution_feedback', 'Phòng chuyên môn có giải pháp bổ sung', true),
    mv('specialist', 'leadership', 'Không có giải pháp — xin ý kiến chỉ đạo', true),
    mv('leadership', 'solution_feedback', 'Lãnh đạo chỉ đạo giải pháp', true),
    mv('solution_feedback', 'awaiting_customer', 'Đã phản hồi giải pháp cho khách hàng', false),
  ];

  const isComplaint = (kind) => kind === 'complaint' || kind === 'grievance' || kind === 'appeal';
  // seed 001: what a complaint of this kind must go through before closing.
  const requirements = (kind, subject, written) => {
    const r = [];
    if (!isComplaint(kind)) return r;
    if (subject === 'attitude') r.push({ kind: 'step', step: 'attitude_talk' });
    if (subject === 'confidentiality') r.push({ kind: 'step', step: 'investigation' }, { kind: 'corrective_action' });
    if (subject === 'service_result' && kind === 'appeal') {
      r.push({ kind: 'step', step: 'reported_to_qmr' }, { kind: 'corrective_action' });
    }
    if (written) r.push({ kind: 'reply_sent' });
    return r;
  };
  const reqLabel = (r) =>
    r.kind === 'step'
      ? stepLabel(r.step)
      : r.kind === 'corrective_action'
        ? 'Hành động khắc phục (QT-07-HTCL) gắn với hồ sơ'
        : 'Công văn trả lời đã ký và gửi';
  const requirementStates = (c) =>
    requirements(c.kind, c.subject, c.written).map((r) => ({
      requirement: r,
      label: reqLabel(r),
      done:
        r.kind === 'step'
          ? c.steps.some((s) => s.step === r.step)
          : r.kind === 'corrective_action'
            ? db.actions.some((a) => a.case_ids.includes(c.id))
            : c.letters.some((l) => l.status === 'sent'),
    }));

  const receiptNo = (c) => `${c.receipt_year}/${String(c.receipt_seq).padStart(6, '0')}`;
  const dueOf = (c) => c.exception_due || c.reply_due;
  const staffName = (staffId) => db.staff.find((x) => x.id === staffId)?.full_name ?? null;
  const findCase = (caseId) => {
    const c = db.cases.find((x) => x.id === caseId);
    if (!c) throw { kind: 'not_found', entity: 'hồ sơ', id: caseId, message: 'Không tìm thấy hồ sơ.' };
    return c;
  };
  const findLetter = (letterId) => {
    for (const c of db.cases) {
      const l = c.letters.find((x) => x.id === letterId);
      if (l) return [c, l];
    }
    throw { kind: 'not_found', entity: 'công văn trả lời', id: letterId, message: 'Không tìm thấy công văn.' };
  };
  const actionView = (a) => ({
    id: a.id,
    kind: a.kind,
    cause: a.cause,
    action: a.action,
    owner_id: a.owner_id,
    owner_name: staffName(a.owner_id),
    due_date: a.due_date,
    status: a.status,
    effectiveness_note: a.effectiveness_note,
    effective: a.effective,
    checked_on: a.checked_on,
    cases: db.cases.filter((c) => a.case_ids.includes(c.id)).map(receiptNo),
  });
  const rowView = (c) => ({
    id: c.id,
    receipt_no: receiptNo(c),
    received_at: c.received_at,
    customer_name: c.customer_name,
    customer_org: c.customer_org,
    kind: c.kind,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    unit_name: unitName(c.unit_id),
    receiver_name: staffName(c.receiver_id),
    due_date: dueOf(c),
    closed_at: c.closed_at,
    content: c.content,
    confirmed_by_name: staffName(c.confirmed_by),
    confirmed_at: c.confirmed_at,
  });
  const caseView = (c) => {
    const today = ymd(nowDate());
    const due = dueOf(c);
    const open = c.status !== 'closed';
    return {
      ...rowView(c),
      book: c.book,
      customer_address: c.customer_address,
      customer_phone: c.customer_phone,
      customer_email: c.customer_email,
      customer_group: c.customer_group,
      receiver_id: c.receiver_id,
      unit_id: c.unit_id,
      written: c.written,
      formal: c.formal,
      complex: c.complex,
      resolution: c.resolution,
      deadlines: {
        reply_due: c.reply_due,
        exception_due: c.exception_due,
        exception_reason: c.exception_reason,
        exception_by_name: staffName(c.exception_by),
        due,
        formal_accept_due: c.formal_accept_due,
        accepted_on: c.accepted_on,
        formal_decide_due: c.formal_decide_due,
        overdue: open ? today > due : c.closed_at.slice(0, 10) > due,
        days_left: open ? daysFrom(today, due) : null,
      },
      history: c.history.map((e) => ({
        at: e.at,
        actor: 'hệ thống',
        staff_name: staffName(e.staff_id),
        from_status: e.from,
        to_status: e.to,
        channel: e.channel,
        note: e.note,
      })),
      steps: c.steps.map((s) => ({ id: s.id, step: s.step, on_date: s.on_date, staff_name: staffName(s.staff_id), note: s.note })),
      letters: c.letters.map((l) => ({ ...l })),
      actions: db.actions.filter((a) => a.case_ids.includes(c.id)).map(actionView),
      next_moves: MOVES.filter((m) => m.from === c.status),
      requirements: requirementStates(c),
    };
  };

  const thisYear = new Date().getFullYear();
  const HOLIDAYS = [
    [`${thisYear}-01-01`, 'Tết Dương lịch'],
    ['2026-02-16', 'Tết Nguyên đán'],
    ['2026-02-17', 'Tết Nguyên đán'],
    ['2026-02-18', 'Tết Nguyên đán'],
    ['2026-02-19', 'Tết Nguyên đán'],
    ['2026-02-20', 'Tết Nguyên đán'],
    ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
    [`${thisYear}-04-30`, 'Ngày Giải phóng miền Nam'],
    [`${thisYear}-05-01`, 'Ngày Quốc tế Lao động'],
    [`${thisYear}-09-01`, 'Quốc khánh'],
    [`${thisYear}-09-02`, 'Quốc khánh'],
    [`${thisYear + 1}-01-01`, 'Tết Dương lịch'],
  ];

  const handlers = {
    app_info: () => ({
      version: '0.1.0',
      db_path: 'C:\\Users\\van.thu\\AppData\\Roaming\\vn.ykien.desktop\\ykien.db',
      open_error:
        scenario === 'open-error'
          ? {
              kind: 'network_drive',
              path: '\\\\MAYCHU\\DuLieu\\ykien.db',
              message: 'Không mở được tệp dữ liệu trên ổ mạng.',
            }
          : null,
      office_configured: db.office !== null,
      today: ymd(nowDate()),
    }),
    office_get: () => db.office,
    office_save: ({ profile }) => {
      const p = Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, clean(v)]));
      if (!p.name) throw invalid('name', 'Tên cơ quan không được để trống.');
      if (!p.place_name) throw invalid('place_name', 'Địa danh không được để trống.');
      if (!p.ledger_form_code) throw invalid('ledger_form_code', 'Mã hiệu sổ ghi nhận không được để trống.');
      if (!p.survey_form_code) throw invalid('survey_form_code', 'Mã hiệu phiếu khảo sát không được để trống.');
      audit('office', 'office-1', db.office, p);
      db.office = p;
      return p;
    },
    units_list: () => [...db.units].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    unit_save: ({ unit }) => {
      const u = { id: unit.id || id(), name: clean(unit.name), code: clean(unit.code) };
      if (!u.name) throw invalid('name', 'Tên đơn vị không được để trống.');
      if (db.units.some((x) => x.name === u.name && x.id !== u.id)) {
        throw invalid('name', `Đã có đơn vị tên «${u.name}».`);
      }
      const i = db.units.findIndex((x) => x.id === u.id);
      if (i >= 0) {
        audit('unit', u.id, db.units[i], u);
        db.units[i] = u;
      } else {
        audit('unit', u.id, null, u);
        db.units.push(u);
      }
      return u;
    },
    unit_delete: ({ id: unitId }) => {
      const u = db.units.find((x) => x.id === unitId);
      if (!u) throw { kind: 'not_found', entity: 'đơn vị', id: unitId, message: 'Không tìm thấy đơn vị.' };
      const n = db.staff.filter((s) => s.unit_id === unitId).length;
      if (n > 0) {
        throw {
          kind: 'conflict',
          message: `Không xoá được đơn vị «${u.name}» vì còn ${n} cán bộ thuộc đơn vị này. Hãy chuyển họ sang đơn vị khác trước.`,
        };
      }
      db.units = db.units.filter((x) => x !== u);
      audit('unit', u.id, u, null);
      return null;
    },
    staff_list: ({ query }) => {
      const q = query ? fold(query) : '';
      return db.staff
        .map((s) => ({ ...s, unit_name: unitName(s.unit_id) }))
        .filter((s) => !q || fold(`${s.full_name} ${s.title}`).includes(q));
    },
    staff_save: ({ staff }) => {
      const s = {
        id: staff.id || id(),
        full_name: clean(staff.full_name),
        title: clean(staff.title),
        unit_id: staff.unit_id || null,
        role: staff.role,
        phone: clean(staff.phone),
        email: clean(staff.email),
      };
      if (!s.full_name) throw invalid('full_name', 'Họ và tên không được để trống.');
      if (s.unit_id && !unitName(s.unit_id)) throw invalid('unit_id', 'Đơn vị đã chọn không còn tồn tại.');
      const full = { ...s, unit_name: unitName(s.unit_id) };
      const i = db.staff.findIndex((x) => x.id === s.id);
      if (i >= 0) {
        audit('staff', s.id, { ...db.staff[i], unit_name: unitName(db.staff[i].unit_id) }, full);
        db.staff[i] = s;
      } else {
        audit('staff', s.id, null, full);
        db.staff.push(s);
      }
      return full;
    },
    staff_delete: ({ id: staffId }) => {
      const s = db.staff.find((x) => x.id === staffId);
      db.staff = db.staff.filter((x) => x !== s);
      audit('staff', staffId, { ...s, unit_name: unitName(s.unit_id) }, null);
      return null;
    },
    settings_get: () => db.settings,
    settings_save: ({ settings }) => {
      const check = (field, label, v, max) => {
        if (!Number.isInteger(v)) throw `invalid args \`settings\` for command \`settings_save\`: ${field}`;
        if (v < 1 || v > max) throw invalid(field, `${label} phải từ 1 đến ${max}, không phải ${v}.`);
      };
      check('reply_deadline_days', 'Thời hạn trả lời (ngày)', settings.reply_deadline_days, 365);
      if (!Number.isInteger(settings.due_soon_days) || settings.due_soon_days > 60) {
        throw invalid('due_soon_days', `Báo sắp đến hạn trước (ngày) phải từ 0 đến 60, không phải ${settings.due_soon_days}.`);
      }
      check('formal_accept_days', 'Thời hạn thụ lý khiếu nại (ngày)', settings.formal_accept_days, 90);
      check('formal_decide_days', 'Thời hạn giải quyết khiếu nại (ngày)', settings.formal_decide_days, 180);
      check('formal_decide_days_complex', 'Thời hạn giải quyết khiếu nại phức tạp (ngày)', settings.formal_decide_days_complex, 365);
      if (settings.formal_decide_days_complex < settings.formal_decide_days) {
        throw invalid(
          'formal_decide_days_complex',
          `Thời hạn giải quyết khiếu nại phức tạp (ngày) phải từ ${settings.formal_decide_days} đến 365, không phải ${settings.formal_decide_days_complex}.`,
        );
      }
      check('ledger_retention_years', 'Thời gian lưu sổ ghi nhận (năm)', settings.ledger_retention_years, 50);
      check('survey_retention_years', 'Thời gian lưu phiếu khảo sát (năm)', settings.survey_retention_years, 50);
      audit('settings', 'settings', db.settings, settings);
      db.settings = { ...settings };
      return db.settings;
    },
    audit_log: ({ limit }) => [...db.audit].reverse().slice(0, limit),

    vocabulary: () => VOCABULARY,

    feedback_add: ({ input }) => {
      const received = parseLocal(input.received_at);
      if (!received) {
        throw invalid(
          'received_at',
          `Ngày giờ tiếp nhận «${input.received_at}» không phải ngày giờ có thật (dạng 2026-03-02T09:30 hoặc 02/03/2026 09:30).`,
        );
      }
      const content = clean(input.content);
      if (!content) throw invalid('content', 'Nội dung ý kiến không được để trống.');
      let settled = null;
      if (input.settled_on_spot !== null && input.settled_on_spot !== undefined) {
        settled = clean(input.settled_on_spot);
        if (!settled) throw invalid('settled_on_spot', 'Hãy ghi nội dung đã giải thích, giải quyết ngay cho khách hàng.');
      }
      const name = clean(input.customer_name);
      if (!name) throw invalid('customer_name', 'Tên khách hàng không được để trống.');
      if (received.getTime() > nowDate().getTime() + 5 * 60000) {
        throw invalid('received_at', 'Ngày giờ tiếp nhận ở tương lai: hãy kiểm tra lại.');
      }
      if (input.receiver_id && !db.staff.some((x) => x.id === input.receiver_id)) {
        throw invalid('receiver_id', 'Cán bộ đã chọn không còn trong danh sách.');
      }
      if (input.unit_id && !unitName(input.unit_id)) throw invalid('unit_id', 'Đơn vị đã chọn không còn tồn tại.');
      if (settled) {
        const req = requirements(input.kind, input.subject, input.written);
        if (req.length) {
          throw invalid(
            'settled_on_spot',
            `Ý kiến loại này không thể giải quyết ngay tại chỗ vì còn phải: ${req.map(reqLabel).join('; ')}.`,
          );
        }
      }
      const year = received.getFullYear();
      db.receipts[year] = (db.receipts[year] || 0) + 1;
      const day = ymd(received);
      const at = stamp(received);
      const c = {
        id: input.demo_id || id(),
        receipt_year: year,
        receipt_seq: db.receipts[year],
        received_at: at,
        channel: input.channel,
        kind: input.kind,
        subject: input.subject,
        book: input.book,
        customer_name: name,
        customer_org: clean(input.customer_org),
        customer_address: clean(input.customer_address),
        customer_phone: clean(input.customer_phone),
        customer_email: clean(input.customer_email),
        customer_group: input.customer_group,
        content,
        receiver_id: input.receiver_id || null,
        unit_id: input.unit_id || null,
        written: !!input.written,
        formal: !!input.formal,
        complex: false,
        status: 'received',
        resolution: '',
        closed_at: null,
        confirmed_by: null,
        confirmed_at: null,
        reply_due: dueAfter(day, db.settings.reply_deadline_days),
        exception_due: null,
        exception_reason: null,
        exception_by: null,
        formal_accept_due: input.formal ? dueAfter(day, db.settings.formal_accept_days) : null,
        accepted_on: null,
        formal_decide_due: null,
        history: [],
        steps: [],
        letters: [],
      };
      c.history.push({ at, staff_id: c.receiver_id, from: null, to: 'received', channel: c.channel, note: '' });
      if (settled) {
        c.status = 'closed';
        c.closed_at = at;
        c.resolution = settled;
        c.history.push({
          at,
          staff_id: c.receiver_id,
          from: 'received',
          to: 'closed',
          channel: c.channel,
          note: `Giải quyết ngay tại chỗ: ${settled}`,
        });
      }
      db.cases.push(c);
      audit('feedback', c.id, null, { receipt_no: receiptNo(c), input });
      return caseView(c);
    },

    feedback_list: ({ filter }) => {
      const f = filter || {};
      const q = f.search ? fold(f.search) : '';
      let rows = db.cases.filter((c) => {
        if (q && !fold(`${receiptNo(c)} ${c.customer_name} ${c.customer_org} ${c.content}`).includes(q)) return false;
        if (f.status && c.status !== f.status) return false;
        if (f.kind && c.kind !== f.kind) return false;
        if (f.subject && c.subject !== f.subject) return false;
        if (f.book && c.book !== f.book) return false;
        if (f.unit_id && c.unit_id !== f.unit_id) return false;
        if (f.from && c.received_at < parseYmd('from', 'Từ ngày', f.from)) return false;
        if (f.to && c.received_at >= addDays(parseYmd('to', 'Đến ngày', f.to), 1)) return false;
        if (f.overdue_on) {
          const d = f.overdue_on;
          const next = addDays(d, 1);
          if (!(dueOf(c) < d && c.received_at < next && (!c.closed_at || c.closed_at >= next))) return false;
        }
        if (f.due_soon_on) {
          const d = f.due_soon_on;
          const until = addDays(d, db.settings.due_soon_days);
          if (!(c.status !== 'closed' && dueOf(c) >= d && dueOf(c) <= until)) return false;
        }
        return true;
      });
      rows.sort((a, b) => b.received_at.localeCompare(a.received_at) || b.receipt_seq - a.receipt_seq);
      const total = rows.length;
      const limit = Math.min(f.limit ?? 100, 1000);
      rows = rows.slice(f.offset ?? 0, (f.offset ?? 0) + limit);
      return { total, rows: rows.map(rowView) };
    },

    case_counts: () => {
      const today = ymd(nowDate());
      return {
        open: db.cases.filter((c) => c.status !== 'closed').length,
        overdue: handlers.feedback_list({ filter: { overdue_on: today, limit: 0 } }).total,
        due_soon: handlers.feedback_list({ filter: { due_soon_on: today, limit: 0 } }).total,
      };
    },

    case_get: ({ id: caseId }) => caseView(findCase(caseId)),

    case_move: ({ id: caseId, step }) => {
      const c = findCase(caseId);
      const mv = MOVES.find((m) => m.from === c.status && m.to === step.to);
      if (!mv) {
        const open = MOVES.filter((m) => m.from === c.status).map((m) => `«${statusLabel(m.to)}» (${m.to})`);
        const what = open.length ? `từ đây chỉ có thể chuyển sang ${open.join(', ')}` : 'hồ sơ đã đóng, không chuyển tiếp được nữa';
        throw conflict(`Không thể chuyển hồ sơ từ «${statusLabel(c.status)}» sang «${statusLabel(step.to)}»: ${what}.`);
      }
      const note = clean(step.note);
      if (mv.note_required && !note) {
        throw invalid('note', `Bước «${mv.label}» cần ghi rõ nội dung (giải pháp, ý kiến, lý do).`);
      }
      if (step.to === 'closed') {
        const missing = requirementStates(c).filter((r) => !r.done);
        if (missing.length) throw conflict(`Chưa thể đóng hồ sơ, còn thiếu: ${missing.map((r) => r.label).join('; ')}.`);
      }
      const at = stamp(nowDate());
      const from = c.status;
      c.status = step.to;
      if (step.to === 'closed') {
        const last = [...c.history].reverse().find((e) => e.note);
        c.closed_at = at;
        c.resolution = note || (last ? last.note : '');
      }
      if (c.formal && from === 'received' && !c.accepted_on) {
        c.accepted_on = ymd(nowDate());
        c.formal_decide_due = dueAfter(c.accepted_on, c.complex ? db.settings.formal_decide_days_complex : db.settings.formal_decide_days);
      }
      c.history.push({ at, staff_id: step.staff_id || null, from, to: step.to, channel: step.channel || null, note });
      audit('feedback', c.id, { status: from }, { status: step.to, note });
      return caseView(c);
    },

    case_record_step: ({ id: caseId, step }) => {
      const c = findCase(caseId);
      const on = parseYmd('on_date', 'Ngày thực hiện', step.on_date);
      if (c.status === 'closed') throw conflict('Hồ sơ đã đóng, không ghi thêm bước xử lý được.');
      const note = clean(step.note);
      if (!note) throw invalid('note', `Hãy ghi nội dung của bước «${stepLabel(step.step)}».`);
      const s = { id: id(), step: step.step, on_date: on, staff_id: step.staff_id || null, note };
      c.steps.push(s);
      audit('case_step', s.id, null, { feedback_id: c.id, step: s.step, on, note });
      return caseView(c);
    },

    case_set_exception: ({ id: caseId, exception }) => {
      const c = findCase(caseId);
      const due = parseYmd('due', 'Hạn giải quyết mới', exception.due);
      const reason = clean(exception.reason);
      if (!reason) throw invalid('reason', 'Hãy ghi lý do gia hạn theo ý kiến của Giám đốc.');
      if (due < c.received_at.slice(0, 10)) throw invalid('due', 'Hạn mới không thể trước ngày tiếp nhận.');
      const before = c.exception_due;
      c.exception_due = due;
      c.exception_reason = reason;
      c.exception_by = exception.by || null;
      audit('feedback', c.id, { exception_due: before }, { exception_due: due, reason });
      return caseView(c);
    },

    case_confirm: ({ id: caseId, staffId }) => {
      const c = findCase(caseId);
      const head = db.staff.find((x) => x.id === staffId);
      if (!head) throw invalid('staff_id', 'Người xác nhận không có trong danh sách cán bộ.');
      const before = c.confirmed_at;
      c.confirmed_by = staffId;
      c.confirmed_at = stamp(nowDate());
      audit('feedback', c.id, { confirmed_at: before }, { confirmed_by: head.full_name, confirmed_at: c.confirmed_at });
      return caseView(c);
    },

    reply_draft: ({ caseId, letterId, number, body }) => {
      const c = findCase(caseId);
      if (!c.written) throw conflict('Chỉ ý kiến gửi bằng văn bản mới cần công văn trả lời.');
      const text = clean(body);
      if (!text) throw invalid('body', 'Nội dung công văn trả lời không được để trống.');
      if (letterId) {
        const l = c.letters.find((x) => x.id === letterId);
        if (l.status !== 'draft') throw conflict('Công văn đã ký thì không sửa được nữa; hãy lập dự thảo mới.');
        l.number = clean(number);
        l.body = text;
      } else {
        c.letters.push({
          id: id(),
          number: clean(number),
          body: text,
          status: 'draft',
          signer_name: '',
          signer_title: '',
          drafted_at: stamp(nowDate()),
          signed_on: null,
          sent_on: null,
          sent_via: null,
        });
      }
      return caseView(c);
    },

    reply_sign: ({ letterId, signerName, signerTitle, on }) => {
      const day = parseYmd('signed_on', 'Ngày ký', on);
      const [c, l] = findLetter(letterId);
      if (l.status !== 'draft') throw conflict(`Công văn đang ở tình trạng «${l.status}», không ký được.`);
      if (!clean(signerName)) throw invalid('signer_name', 'Người ký không được để trống.');
      if (!clean(signerTitle)) throw invalid('signer_title', 'Chức vụ người ký không được để trống.');
      Object.assign(l, { status: 'signed', signer_name: clean(signerName), signer_title: clean(signerTitle), signed_on: day });
      return caseView(c);
    },

    reply_send: ({ letterId, on, via }) => {
      const day = parseYmd('sent_on', 'Ngày gửi', on);
      const [c, l] = findLetter(letterId);
      if (l.status !== 'signed') throw conflict('Công văn phải được ký trước khi gửi.');
      if (!clean(via)) throw invalid('sent_via', 'Hình thức gửi không được để trống.');
      Object.assign(l, { status: 'sent', sent_on: day, sent_via: clean(via) });
      return caseView(c);
    },

    actions_list: () => db.actions.map(actionView).sort((a, b) => a.due_date.localeCompare(b.due_date)),

    action_save: ({ action }) => {
      const cause = clean(action.cause);
      const measure = clean(action.action);
      if (!cause) throw invalid('cause', 'Hãy ghi nguyên nhân.');
      if (!measure) throw invalid('action', 'Hãy ghi biện pháp khắc phục.');
      const due = parseYmd('due_date', 'Hạn hoàn thành', action.due_date);
      const fields = { kind: action.kind, cause, action: measure, owner_id: action.owner_id || null, due_date: due };
      let a = action.id && db.actions.find((x) => x.id === action.id);
      if (a) Object.assign(a, fields, { case_ids: [...action.case_ids] });
      else {
        a = { id: id(), ...fields, status: 'open', effectiveness_note: '', effective: null, checked_on: null, case_ids: [...action.case_ids] };
        db.actions.push(a);
      }
      audit('corrective_action', a.id, null, actionView(a));
      return actionView(a);
    },

    action_set_status: ({ id: actionId, status: next }) => {
      const a = db.actions.find((x) => x.id === actionId);
      const legal = (a.status === 'open' && next !== 'verified' && next !== 'open') || (a.status === 'in_progress' && next === 'done');
      if (!legal) throw conflict(`Không chuyển được hành động từ «${a.status}» sang «${next}».`);
      a.status = next;
      return actionView(a);
    },

    action_check: ({ id: actionId, effective, note, on }) => {
      const day = parseYmd('checked_on', 'Ngày đánh giá', on);
      const a = db.actions.find((x) => x.id === actionId);
      if (a.status !== 'done') throw conflict('Chỉ đánh giá hiệu lực hành động đã thực hiện xong.');
      if (!clean(note)) throw invalid('effectiveness_note', 'Hãy ghi kết quả đánh giá hiệu lực.');
      Object.assign(a, { status: effective ? 'verified' : 'in_progress', effective, effectiveness_note: clean(note), checked_on: day });
      return actionView(a);
    },

    holidays_list: () => [...db.holidays].sort((a, b) => a.day.localeCompare(b.day)),
    holiday_add: ({ day, name }) => {
      const d = parseYmd('day', 'Ngày nghỉ', day);
      const n = clean(name);
      if (!n) throw invalid('name', 'Tên ngày nghỉ không được để trống.');
      db.holidays = db.holidays.filter((h) => h.day !== d).concat({ day: d, name: n });
      audit('holiday', d, null, { day: d, name: n });
      return null;
    },
    holiday_remove: ({ day }) => {
      const d = parseYmd('day', 'Ngày nghỉ', day);
      const h = db.holidays.find((x) => x.day === d);
      if (h) {
        db.holidays = db.holidays.filter((x) => x !== h);
        audit('holiday', d, h, null);
      }
      return null;
    },
  };

  // ---- Demo cases: half a year of a Department's book, handled as offices handle them ----

  function fillCases() {
    const staffId = (name) => db.staff.find((x) => x.full_name === name)?.id ?? null;
    const unitId = (code) => db.units.find((u) => u.code === code || u.code.startsWith(`${code}-`))?.id ?? null;
    const today = new Date();
    today.setSeconds(0, 0);
    const at = (daysAgo, hour, minute) => {
      const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hour, minute);
      // Offices do not receive on weekends: move to the Friday before.
      while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() - 1);
      return d;
    };
    const later = (d, days, hour, minute) => {
      const x = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour, minute);
      while (x.getDay() === 0 || x.getDay() === 6) x.setDate(x.getDate() + 1);
      return x > today ? new Date(today.getTime() - 60000) : x;
    };
    const add = (when, input) => {
      clock = when.getTime();
      return handlers.feedback_add({
        input: {
          received_at: stamp(when),
          channel: 'in_person',
          kind: 'reflection',
          subject: 'other',
          book: 'feedback',
          customer_org: '',
          customer_address: '',
          customer_phone: '',
          customer_email: '',
          customer_group: 'first_time',
          receiver_id: staffId('Nguyễn Thị Thanh Hương'),
          unit_id: null,
          written: false,
          formal: false,
          settled_on_spot: null,
          ...input,
        },
      });
    };
    const move = (c, when, to, note = '', extra = {}) => {
      clock = when.getTime();
      handlers.case_move({ id: c.id, step: { to, note, ...extra } });
    };
    const confirm = (c, when, head) => {
      clock = when.getTime();
      handlers.case_confirm({ id: c.id, staffId: staffId(head) });
    };

    // A steady stream of ordinary entries, most settled long ago.
    let seed = 0x2545f491;
    const rnd = (n) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const pick = (list) => list[rnd(list.length)];
    const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'];
    const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Xuân'];
    const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Sơn', 'Tâm', 'Thảo', 'Tuấn', 'Yến', 'Đông'];
    const ORGS = [
      'Công ty TNHH Cà phê Ea Kmat',
      'Hợp tác xã Nông nghiệp Krông Pắc',
      'Công ty Cổ phần Xăng dầu Tây Nguyên',
      'Công ty TNHH Điện mặt trời Ea Súp',
      'Doanh nghiệp tư nhân Gas Hưng Thịnh',
      'Hộ kinh doanh tạp hoá Thanh Tâm',
    ];
    const PLACES = ['phường Buôn Ma Thuột', 'phường Tân Lập', 'xã Ea Tu', 'xã Hòa Phú', 'xã Krông Pắc', 'xã Ea Kar'];
    const TOPICS = [
      ['reflection', 'processing_time', 'Hồ sơ cấp Giấy phép bán lẻ rượu nộp đã hơn 15 ngày nhưng chưa có kết quả, quá thời hạn ghi trên giấy hẹn.'],
      ['suggestion', 'procedure', 'Đề nghị công khai rõ thành phần hồ sơ cấp Giấy phép sản xuất rượu thủ công tại bộ phận một cửa.'],
      ['suggestion', 'procedure', 'Kiến nghị cho nộp hồ sơ trực tuyến toàn trình đối với thủ tục cấp Giấy phép hoạt động điện lực.'],
      ['reflection', 'procedure', 'Biểu mẫu trên Cổng dịch vụ công khác với biểu mẫu được phát tại bộ phận một cửa.'],
      ['request', 'procedure', 'Đề nghị hướng dẫn thủ tục gia hạn Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu.'],
      ['request', 'other', 'Đề nghị cung cấp thông tin về chương trình khuyến công địa phương năm nay.'],
      ['praise', 'attitude', 'Khen công chức bộ phận một cửa hướng dẫn tận tình, chu đáo, giải quyết hồ sơ sớm hơn hẹn.'],
      ['praise', 'processing_time', 'Cảm ơn Sở đã trả kết quả cấp phép trước hạn, giúp doanh nghiệp kịp khai trương.'],
      ['suggestion', 'other', 'Đề nghị bố trí thêm ghế chờ và nước uống tại khu vực tiếp nhận hồ sơ.'],
      ['reflection', 'other', 'Bãi giữ xe của cơ quan chật, người dân phải để xe ngoài đường.'],
    ];
    const ANSWERS = [
      'Đã giải thích quy định về thời hạn giải quyết và hẹn ngày trả kết quả mới.',
      'Đã hướng dẫn khách hàng bổ sung hồ sơ theo đúng thành phần đã niêm yết.',
      'Đã kiểm tra tiến độ hồ sơ và thông báo kết quả cho khách hàng qua điện thoại.',
      'Đã tiếp thu ý kiến, báo cáo lãnh đạo văn phòng để bố trí khắc phục.',
    ];
    const RECEPTION = ['Nguyễn Thị Thanh Hương', 'Hoàng Thị Mai', "H'Linh Niê", 'Bùi Thị Ngọc Ánh'];
    const HEADS = [
      ['VP', 'Nguyễn Văn An'],
      ['TTr', 'Đỗ Trường Giang'],
      ['KHTC', 'Vũ Đức Thắng'],
      ['QLTM', 'Y Moan Êban'],
    ];
    for (let daysAgo = 200; daysAgo >= 12; daysAgo -= 1 + rnd(2)) {
      const [kind, subject, content] = pick(TOPICS);
      const [code, head] = pick(HEADS);
      const when = at(daysAgo, 7 + rnd(9), rnd(60));
      const settle = rnd(100) < 40;
      const c = add(when, {
        kind,
        subject,
        content,
        channel: pick(['in_person', 'in_person', 'hotline', 'email', 'suggestion_box', 'feedback_letter']),
        customer_name: `${pick(SURNAMES)} ${pick(MIDDLES)} ${pick(GIVEN)}`,
        customer_org: rnd(100) < 40 ? pick(ORGS) : '',
        customer_address: `${pick(PLACES)}, tỉnh Đắk Lắk`,
        customer_phone: `09${rnd(10)}${rnd(10)} ${100 + rnd(900)} ${100 + rnd(900)}`,
        customer_group: pick(['first_time', 'first_time', 'long_term', 'referred', 'unknown']),
        receiver_id: staffId(pick(RECEPTION)),
        unit_id: unitId(code),
        settled_on_spot: settle ? pick(ANSWERS) : null,
      });
      if (rnd(100) < 85) confirm(c, later(when, 1 + rnd(2), 16, 30), head);
      if (!settle) {
        move(c, later(when, 1, 8, 15), 'front_desk');
        move(c, later(when, 3 + rnd(5), 10, 0), 'awaiting_customer', pick(ANSWERS), { channel: 'hotline' });
        move(c, later(when, 6 + rnd(6), 14, 20), 'closed', '', { channel: 'hotline' });
      }
    }

    // Late cases, as in any real office.
    const late1 = add(at(47, 9, 12), {
      kind: 'reflection',
      subject: 'processing_time',
      customer_name: 'Trần Văn Quang',
      customer_org: 'Công ty Cổ phần Thương mại Ban Mê',
      customer_phone: '0905 214 338',
      content: 'Hồ sơ đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh khí dầu mỏ hoá lỏng nộp từ tháng trước, đến nay chưa có kết quả.',
      unit_id: unitId('QLNL'),
    });
    move(late1, later(at(47, 9, 12), 1, 8, 30), 'specialist', 'Hồ sơ thuộc thẩm quyền thẩm định của Phòng Quản lý năng lượng.', {
      staff_id: staffId('Nguyễn Thị Thanh Hương'),
    });
    const late2 = add(at(38, 14, 5), {
      kind: 'grievance',
      subject: 'procedure',
      book: 'complaints',
      channel: 'hotline',
      customer_name: 'Lê Thị Hạnh',
      customer_phone: '0914 552 017',
      content: 'Phải đi lại nhiều lần để bổ sung hồ sơ cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG.',
      unit_id: unitId('QLTM'),
    });
    move(late2, later(at(38, 14, 5), 1, 9, 0), 'specialist', 'Chuyển Phòng Quản lý thương mại rà soát hồ sơ.');
    move(late2, later(at(38, 14, 5), 8, 15, 10), 'leadership', 'Phòng chuyên môn đề nghị lãnh đạo Sở cho ý kiến về việc miễn bổ sung giấy tờ.');
    const late3 = add(at(33, 10, 40), {
      kind: 'request',
      subject: 'procedure',
      channel: 'email',
      customer_name: 'Phạm Minh Tuấn',
      customer_email: 'tuanpm.daklak@gmail.com',
      content: 'Đề nghị hướng dẫn thủ tục cấp lại Giấy phép bán buôn rượu do thay đổi địa chỉ trụ sở.',
      unit_id: unitId('QLTM'),
    });
    move(late3, later(at(33, 10, 40), 1, 8, 5), 'front_desk');

    // Extended by the director: not late.
    const extended = add(at(41, 8, 50), {
      kind: 'complaint',
      subject: 'service_result',
      book: 'complaints',
      channel: 'official_letter',
      written: true,
      customer_name: 'Võ Thị Kim Yến',
      customer_org: 'Công ty TNHH Rượu cần Buôn Đôn',
      customer_address: 'xã Buôn Đôn, tỉnh Đắk Lắk',
      content: 'Không đồng ý với kết luận kiểm tra an toàn thực phẩm tại cơ sở sản xuất ngày 12 tháng trước.',
      unit_id: unitId('KTAT'),
    });
    move(extended, later(at(41, 8, 50), 1, 9, 30), 'specialist', 'Đề nghị Phòng Kỹ thuật an toàn - Môi trường kiểm tra lại.');
    clock = later(at(41, 8, 50), 20, 10, 0).getTime();
    handlers.case_set_exception({
      id: extended.id,
      exception: {
        due: addDays(ymd(today), 14),
        reason: 'Chờ kết quả kiểm nghiệm mẫu của đơn vị kiểm nghiệm độc lập',
        by: staffId('Trần Văn Hùng'),
      },
    });

    // The showcase: a written complaint about leaked information, well under way.
    const leakAt = at(26, 9, 35);
    const leak = add(leakAt, {
      demo_id: 'demo-leak',
      kind: 'complaint',
      subject: 'confidentiality',
      book: 'complaints',
      channel: 'official_letter',
      written: true,
      customer_name: 'Nguyễn Hữu Phong',
      customer_org: 'Công ty TNHH Cà phê Ea Kmat',
      customer_address: 'Số 12 Y Jút, phường Buôn Ma Thuột, tỉnh Đắk Lắk',
      customer_phone: '0262 3955 118',
      customer_email: 'phong.nh@eakmatcoffee.vn',
      customer_group: 'long_term',
      content:
        'Ngay sau khi nộp hồ sơ đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh, công ty nhận được nhiều cuộc gọi chào mời dịch vụ tư vấn nêu đúng nội dung hồ sơ. Đề nghị Sở làm rõ việc lộ thông tin của doanh nghiệp.',
      unit_id: unitId('TTr'),
    });
    move(leak, later(leakAt, 0, 14, 10), 'front_desk', '', { staff_id: staffId('Nguyễn Thị Thanh Hương') });
    move(leak, later(leakAt, 1, 8, 40), 'specialist', 'Ngoài thẩm quyền của bộ phận một cửa: chuyển Thanh tra Sở xác minh nguồn rò rỉ thông tin.', {
      channel: 'official_letter',
      staff_id: staffId('Nguyễn Thị Thanh Hương'),
    });
    confirm(leak, later(leakAt, 1, 16, 0), 'Đỗ Trường Giang');
    clock = later(leakAt, 9, 15, 0).getTime();
    handlers.case_record_step({
      id: leak.id,
      step: {
        step: 'investigation',
        on_date: ymd(later(leakAt, 9, 15, 0)),
        staff_id: staffId('Hoàng Thị Mai'),
        note: 'Đã rà soát nhật ký truy cập phần mềm một cửa: tài khoản dùng chung tại quầy bị đăng nhập ngoài giờ.',
      },
    });
    handlers.reply_draft({
      caseId: leak.id,
      letterId: null,
      number: '',
      body: 'Kính gửi Công ty TNHH Cà phê Ea Kmat. Sở Công Thương đã tiếp nhận và xác minh nội dung phản ánh của Công ty về việc lộ thông tin hồ sơ…',
    });

    // An attitude complaint waiting for the customer's answer: the talk is still missing.
    const rudeAt = at(5, 10, 20);
    const rude = add(rudeAt, {
      demo_id: 'demo-attitude',
      kind: 'complaint',
      subject: 'attitude',
      book: 'complaints',
      channel: 'hotline',
      customer_name: 'Đặng Thị Thu',
      customer_phone: '0978 334 902',
      content: 'Công chức tiếp nhận trả lời điện thoại thiếu nhiệt tình, không hướng dẫn rõ ràng.',
      receiver_id: staffId('Hoàng Thị Mai'),
      unit_id: unitId('MC'),
    });
    move(rude, later(rudeAt, 0, 11, 0), 'front_desk');
    move(rude, later(rudeAt, 1, 9, 15), 'awaiting_customer', 'Đã xin lỗi khách hàng và hướng dẫn lại đầy đủ thủ tục qua điện thoại.', {
      channel: 'hotline',
    });

    // A formal complaint under the Law on Complaints, accepted.
    const formalAt = at(8, 15, 0);
    const formal = add(formalAt, {
      kind: 'complaint',
      subject: 'service_result',
      book: 'complaints',
      channel: 'official_letter',
      written: true,
      formal: true,
      customer_name: 'Hồ Quốc Cường',
      customer_org: 'Doanh nghiệp tư nhân Gas Hưng Thịnh',
      content: 'Khiếu nại Quyết định xử phạt vi phạm hành chính về kinh doanh khí đối với doanh nghiệp.',
      unit_id: unitId('TTr'),
    });
    move(formal, later(formalAt, 1, 8, 30), 'front_desk');

    // This morning at the desk.
    add(at(0, 8, 5), {
      kind: 'request',
      subject: 'procedure',
      customer_name: 'Y Bhăm Mlô',
      customer_address: 'xã Ea Tu, tỉnh Đắk Lắk',
      content: 'Hỏi thủ tục cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh.',
      settled_on_spot: 'Đã hướng dẫn thành phần hồ sơ và phát mẫu đơn theo quy định.',
      unit_id: unitId('MC'),
    });
    add(at(0, 9, 20), {
      kind: 'suggestion',
      subject: 'procedure',
      channel: 'suggestion_box',
      customer_name: 'Người dân không ghi tên',
      content: 'Đề nghị niêm yết số điện thoại đường dây nóng của Sở tại khu vực chờ.',
      unit_id: unitId('VP'),
    });
    add(at(0, 10, 45), {
      kind: 'reflection',
      subject: 'processing_time',
      channel: 'hotline',
      customer_name: 'Lý Thị Ngọc',
      customer_org: 'Hợp tác xã Nông nghiệp Krông Pắc',
      customer_phone: '0935 880 461',
      content: 'Phản ánh chậm trả kết quả cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.',
      unit_id: unitId('KTAT'),
    });
    // An action already open for an earlier case, to link new complaints to.
    clock = at(60, 9, 0).getTime();
    handlers.action_save({
      action: {
        kind: 'preventive',
        cause: 'Tài khoản phần mềm một cửa dùng chung giữa nhiều cán bộ.',
        action: 'Cấp tài khoản riêng cho từng cán bộ tiếp nhận và đổi mật khẩu định kỳ.',
        owner_id: staffId('Phạm Thị Lan'),
        due_date: addDays(ymd(today), 10),
        case_ids: [],
      },
    });
  }

  // Demo data goes in through the handlers, so the audit log fills as the real one would.
  db.settings = {
    reply_deadline_days: 30,
    count_working_days: false,
    due_soon_days: 3,
    formal_accept_days: 10,
    formal_decide_days: 30,
    formal_decide_days_complex: 45,
    ledger_retention_years: 3,
    survey_retention_years: 3,
  };
  if (scenario !== 'setup' && scenario !== 'open-error') {
    handlers.office_save({ profile: office });
    if (scenario !== 'empty') {
      const byCode = {};
      for (const [name, code] of UNITS) byCode[code] = handlers.unit_save({ unit: { name, code } }).id;
      for (const [full_name, title, code, role] of STAFF) {
        handlers.staff_save({ staff: { full_name, title, unit_id: byCode[code], role, phone: '', email: '' } });
      }
      handlers.settings_save({ settings: { ...db.settings, due_soon_days: 5 } });
      handlers.unit_save({ unit: { ...db.units[4], code: 'QLTM-TM' } });
      for (const [day, name] of HOLIDAYS) handlers.holiday_add({ day, name });
      fillCases();
      clock = null;
    }
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  let callbackId = 0;
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    transformCallback: (callback) => {
      const n = ++callbackId;
      window[`_${n}`] = callback;
      return n;
    },
    invoke: async (cmd, args) => {
      await sleep(20);
      const handler = handlers[cmd];
      if (!handler) throw `command ${cmd} not found`;
      return clone(handler(args || {}));
    },
  };

  const clicks = (params.get('click') || '').split('|').filter(Boolean);
  window.addEventListener('load', async () => {
    for (const step of clicks) {
      const verb = /^(scroll|type|key|select):/.exec(step)?.[1] ?? 'click';
      const [selector, text = ''] = (verb === 'click' ? step : step.slice(verb.length + 1)).split('::');
      let el = null;
      for (let i = 0; i < 100 && !(el = document.querySelector(selector)); i++) await sleep(20);
      if (!el) throw new Error(`mock: nothing matches ${selector}`);
      if (verb === 'select') {
        // "__first__": the first option that is a real choice.
        el.value = text === '__first__' ? [...el.options].find((o) => o.value && o.value !== 'null')?.value : text;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (verb === 'type') {
        el.focus();
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (verb === 'key') {
        const ctrl = text.startsWith('Ctrl+');
        el.focus();
        el.dispatchEvent(
          new KeyboardEvent('keydown', { key: ctrl ? text.slice(5) : text, ctrlKey: ctrl, bubbles: true, cancelable: true }),
        );
      } else if (verb === 'scroll') {
        // Only the page's own scrolling area moves, as when a clerk scrolls down.
        const box = el.closest('main') ?? document.scrollingElement;
        box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      } else el.click();
      await sleep(150);
    }
  });
})();
