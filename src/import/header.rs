//! Finding the header row of an old ledger and what each column holds. Headers are matched
//! by their words, ignoring accents, case and punctuation: those of BM.QT.SCT.05-01 and the
//! variants offices wrote by hand. The header row is the row, among the first rows, whose
//! cells name the most known columns; titles and merged cells above it are skipped.

use super::read::Cell;
use crate::domain::text::fold;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Number,
    ReceiptNo,
    ReceivedAt,
    Time,
    Customer,
    Organisation,
    Address,
    Phone,
    Email,
    Content,
    Receiver,
    Confirmation,
    Kind,
    Subject,
    Channel,
    Unit,
    Status,
    Result,
    ClosedOn,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Number => "Số thứ tự",
            Field::ReceiptNo => "Số phiếu",
            Field::ReceivedAt => "Ngày tháng tiếp nhận",
            Field::Time => "Giờ tiếp nhận",
            Field::Customer => "Tên khách hàng",
            Field::Organisation => "Tổ chức",
            Field::Address => "Địa chỉ",
            Field::Phone => "Điện thoại",
            Field::Email => "Thư điện tử",
            Field::Content => "Nội dung ý kiến",
            Field::Receiver => "Người tiếp nhận",
            Field::Confirmation => "Xác nhận của trưởng phòng/đơn vị",
            Field::Kind => "Loại ý kiến",
            Field::Subject => "Nội dung liên quan",
            Field::Channel => "Kênh tiếp nhận",
            Field::Unit => "Đơn vị xử lý",
            Field::Status => "Trạng thái",
            Field::Result => "Kết quả xử lý",
            Field::ClosedOn => "Ngày đóng hồ sơ",
        }
    }
}

/// The header texts understood, folded (no accents, lower case, words only). docs/records.md
/// lists them for offices preparing their files.
pub const ALIASES: &[(Field, &[&str])] = &[
    (Field::Number, &["stt", "so tt", "tt", "so thu tu"]),
    (Field::ReceiptNo, &["so phieu", "so phieu tiep nhan", "so tiep nhan", "ma ho so", "so ho so"]),
    (Field::ReceivedAt, &[
        "ngay thang", "ngay", "ngay tiep nhan", "ngay thang tiep nhan", "ngay nhan", "thoi gian tiep nhan",
        "ngay gio tiep nhan", "thoi gian", "ngay thang nam",
    ]),
    (Field::Time, &["gio", "gio tiep nhan"]),
    (Field::Customer, &[
        "ten khach hang", "khach hang", "ho va ten", "ho ten", "ho ten khach hang", "ho va ten khach hang",
        "nguoi phan anh", "nguoi gop y", "ten to chuc ca nhan", "to chuc ca nhan", "cong dan",
    ]),
    (Field::Organisation, &["to chuc", "co quan", "don vi cong tac", "ten to chuc", "co quan to chuc"]),
    (Field::Address, &["dia chi", "dia chi khach hang"]),
    (Field::Phone, &["dien thoai", "so dien thoai", "sdt", "dt"]),
    (Field::Email, &["email", "e mail", "thu dien tu"]),
    (Field::Content, &[
        "noi dung y kien phan anh cua khach hang", "noi dung y kien", "noi dung phan anh", "noi dung",
        "y kien", "noi dung y kien khach hang", "noi dung gop y", "noi dung phan anh kien nghi",
    ]),
    (Field::Receiver, &["nguoi tiep nhan", "can bo tiep nhan", "nguoi nhan"]),
    (Field::Confirmation, &["xac nhan cua truong phong don vi", "xac nhan", "xac nhan cua truong phong", "xac nhan cua lanh dao"]),
    (Field::Kind, &["loai y kien", "loai", "phan loai"]),
    (Field::Subject, &["noi dung lien quan", "linh vuc", "van de lien quan"]),
    (Field::Channel, &["kenh tiep nhan", "hinh thuc tiep nhan", "kenh", "hinh thuc"]),
    (Field::Unit, &["don vi xu ly", "phong xu ly", "don vi giai quyet", "phong ban xu ly", "don vi chu tri"]),
    (Field::Status, &["trang thai", "tinh trang"]),
    (Field::Result, &["ket qua xu ly", "ket qua giai quyet", "ket qua", "bien phap xu ly", "huong giai quyet"]),
    (Field::ClosedOn, &["ngay dong", "ngay hoan thanh", "ngay tra loi", "ngay giai quyet", "ngay dong ho so"]),
];

/// A header's words: folded, punctuation and line breaks as spaces.
pub fn words(s: &str) -> String {
    let f: String = fold(s).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score(header: &str, alias: &str) -> u32 {
    if header == alias {
        3
    } else if alias.contains(' ') && (header.starts_with(&format!("{alias} ")) || header.contains(&format!(" {alias} ")) || header.ends_with(&format!(" {alias}"))) {
        2
    } else {
        0
    }
}

/// The field each column holds, by column index.
pub fn match_columns(row: &[Cell]) -> Vec<Option<Field>> {
    let headers: Vec<String> = row.iter().map(|c| words(&c.text())).collect();
    let mut candidates: Vec<(u32, usize, usize, Field)> = Vec::new();
    for (col, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        for (rank, (field, aliases)) in ALIASES.iter().enumerate() {
            let best = aliases.iter().map(|a| score(h, a) * 100 + a.len() as u32).filter(|s| *s >= 100).max();
            if let Some(s) = best {
                candidates.push((s, col, rank, *field));
            }
        }
    }
    // Best matches first; a field goes to one column, a column to one field.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; row.len()];
    let mut taken = std::collections::HashSet::new();
    for (_, col, _, field) in candidates {
        if out[col].is_none() && !taken.contains(&field) {
            out[col] = Some(field);
            taken.insert(field);
        }
    }
    out
}

/// The header row among the first 40: the one naming the most columns, and at least the
/// customer or the content and one other.
pub fn find_header(rows: &[Vec<Cell>]) -> Option<(usize, Vec<Option<Field>>)> {
    let mut best: Option<(usize, usize, Vec<Option<Field>>)> = None;
    for (i, row) in rows.iter().enumerate().take(40) {
        let fields = match_columns(row);
        let n = fields.iter().flatten().count();
        let key = fields.iter().flatten().any(|f| matches!(f, Field::Customer | Field::Content));
        if n >= 2 && key && best.as_ref().is_none_or(|b| n > b.1) {
            best = Some((i, n, fields));
        }
    }
    best.map(|(i, _, f)| (i, f))
}

/// A row of column numbers under the header, as official forms print: "(1) (2) (3)" or "1 2 3".
pub fn is_numbering_row(row: &[Cell]) -> bool {
    let cells: Vec<String> = row.iter().filter(|c| !c.is_empty()).map(|c| c.text().trim().to_owned()).collect();
    cells.len() >= 2
        && cells.iter().all(|t| {
            let t = t.trim_start_matches('(').trim_end_matches(')');
            !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }).collect()
    }

    #[test]
    fn the_form_headers_and_variants_match() {
        let form = row(&["Ngày tháng", "Tên khách hàng", "Nội dung ý kiến phản ánh của khách hàng", "Người tiếp nhận", "Xác nhận của trưởng phòng/đơn vị"]);
        assert_eq!(
            match_columns(&form),
            vec![Some(Field::ReceivedAt), Some(Field::Customer), Some(Field::Content), Some(Field::Receiver), Some(Field::Confirmation)]
        );
        let variant = row(&["STT", "NGÀY THÁNG", "HỌ VÀ TÊN", "NỘI DUNG", "Nội dung liên quan", "Kết quả giải quyết"]);
        assert_eq!(
            match_columns(&variant),
            vec![Some(Field::Number), Some(Field::ReceivedAt), Some(Field::Customer), Some(Field::Content), Some(Field::Subject), Some(Field::Result)]
        );
        assert_eq!(match_columns(&row(&["ngay\nthang", "ten khach\u{a0}hang:"]))[..2], [Some(Field::ReceivedAt), Some(Field::Customer)]);
    }

    #[test]
    fn the_header_is_found_under_a_title_block() {
        let rows = vec![
            row(&["SỞ CÔNG THƯƠNG", "", "", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
            row(&["SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG"]),
            row(&["Năm: 2023"]),
            row(&["Ngày tháng", "Tên khách hàng", "Nội dung ý kiến phản ánh của khách hàng", "Người tiếp nhận"]),
            row(&["(1)", "(2)", "(3)", "(4)"]),
        ];
        assert_eq!(find_header(&rows).unwrap().0, 3);
        assert!(is_numbering_row(&rows[4]));
        assert!(!is_numbering_row(&row(&["02/03/2023", "Nguyễn Văn An"])));
    }
}
