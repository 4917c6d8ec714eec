// A stand-in for the Tauri backend, for looking at the UI in a plain browser (screenshots,
// manual checks). NOT part of the app: scripts/screenshots.mjs injects it into dist/index.html
// as it serves it. It keeps demo data in memory and mimics the core's errors.
//
// URL parameters:
//   scenario=main (default) | setup | open-error | empty
//   click=SEL1|SEL2|…   CSS selectors clicked one after another once they appear
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

  const db = { office: null, units: [], staff: [], settings: null, audit: [] };
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
      check('ledger_retention_years', 'Thời gian lưu sổ ghi nhận (năm)', settings.ledger_retention_years, 50);
      check('survey_retention_years', 'Thời gian lưu phiếu khảo sát (năm)', settings.survey_retention_years, 50);
      audit('settings', 'settings', db.settings, settings);
      db.settings = { ...settings };
      return db.settings;
    },
    audit_log: ({ limit }) => [...db.audit].reverse().slice(0, limit),
  };

  // Demo data goes in through the handlers, so the audit log fills as the real one would.
  db.settings = { reply_deadline_days: 30, ledger_retention_years: 3, survey_retention_years: 3 };
  if (scenario !== 'setup' && scenario !== 'open-error') {
    handlers.office_save({ profile: office });
    if (scenario !== 'empty') {
      const byCode = {};
      for (const [name, code] of UNITS) byCode[code] = handlers.unit_save({ unit: { name, code } }).id;
      for (const [full_name, title, code, role] of STAFF) {
        handlers.staff_save({ staff: { full_name, title, unit_id: byCode[code], role, phone: '', email: '' } });
      }
      handlers.settings_save({ settings: { ...db.settings, reply_deadline_days: 15 } });
      handlers.unit_save({ unit: { ...db.units[4], code: 'QLTM-TM' } });
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
    for (const selector of clicks) {
      let el = null;
      for (let i = 0; i < 100 && !(el = document.querySelector(selector)); i++) await sleep(20);
      if (!el) throw new Error(`mock: nothing matches ${selector}`);
      el.click();
      await sleep(150);
    }
  });
})();
