//! Text at the edge: NFD input is stored as NFC, and accent-free queries find it.

use unicode_normalization::UnicodeNormalization;
use ykien::{Ledger, Role, StaffInput, UnitInput};

#[test]
fn nfd_input_is_stored_nfc_and_found_without_accents() {
    let mut l = Ledger::open_in_memory().unwrap();
    let nfd_name: String = "Nguyễn Văn An".nfd().collect();
    assert_ne!(nfd_name, "Nguyễn Văn An");
    let unit: String = "Phòng Đồng bào dân tộc".nfd().collect();
    let u = l.save_unit(&UnitInput { id: None, name: unit, code: String::new() }).unwrap();
    assert_eq!(u.name, "Phòng Đồng bào dân tộc");
    l.save_staff(&StaffInput {
        id: None,
        full_name: format!("  {nfd_name} "),
        title: "Chuyên viên".into(),
        unit_id: Some(u.id),
        role: Role::Reception,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap();
    l.save_staff(&StaffInput {
        id: None,
        full_name: "Đỗ Thị Đồng".into(),
        title: "Trưởng phòng".into(),
        unit_id: None,
        role: Role::UnitHead,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap();

    let stored = l.staff(Some("nguyen van an")).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].full_name, "Nguyễn Văn An");
    assert!(stored[0].full_name.chars().eq("Nguyễn Văn An".nfc()));

    for q in ["NGUYEN", "văn an", "Nguye\u{0302}\u{0303}n", "chuyen vien"] {
        assert_eq!(l.staff(Some(q)).unwrap().len(), 1, "query {q:?}");
    }
    let dong = l.staff(Some("dong")).unwrap();
    assert_eq!(dong.len(), 1, "dong finds Đồng");
    assert_eq!(dong[0].full_name, "Đỗ Thị Đồng");
    assert_eq!(l.staff(Some("")).unwrap().len(), 2);
    assert!(l.staff(Some("trần")).unwrap().is_empty());
    // LIKE wildcards typed by a user are literal text, not patterns.
    assert!(l.staff(Some("%")).unwrap().is_empty());
}

/// The book's search answered from the word index gives exactly the cases it gave before
/// the index: those whose accent-free key holds the query, as SQLite's own `instr` finds
/// them, in the book's order. Over generated cases (seeded), and cases written to trip the
/// words' edges (punctuation between syllables, digits against letters, quotes), for
/// queries of every kind: whole names, syllables, parts of syllables, prefixes, phrases
/// from the content, with and without accents, decomposed (NFD) input.
#[test]
fn search_finds_the_same_cases_with_the_word_index_as_instr_does() {
    use ykien::domain::text::fold;
    use ykien::{FeedbackFilter, Kind, Subject};
    let dir = crate::temp_dir();
    let db = dir.path().join("so.db");
    let mut l = Ledger::open(&db).unwrap();
    l.set_clock(Some(chrono::NaiveDateTime::parse_from_str("2027-01-15T09:00", "%Y-%m-%dT%H:%M").unwrap()));
    ykien::demo::scale::fill_sized(&mut l, 2, 600, 0, 23, &|_, _, _| {}).unwrap();
    let odd = [
        ("Nguyễn-Văn An", "Ông \"Trần Văn Bình\" (tổ 12a) phản ánh: thủ tục…chậm; cán bộ'không hướng dẫn"),
        ("TRẦN THỊ BÌNH", "Xin cấp lại giấy phép kinh doanh số 123/GP-UBND, hẹn 3lần chưa trả"),
        ("Lê Văn Anh", "Hồ sơ đất đai: văn bản «trả lại» — lý do không rõ\\ghi chú"),
    ];
    for (i, (name, content)) in odd.iter().enumerate() {
        let mut input = crate::cases::input(&format!("2026-12-{:02}T08:30", 10 + i), Kind::Complaint, Subject::ServiceResult);
        input.customer_name = name.nfd().collect();
        input.content = (*content).into();
        l.add_feedback(&input).unwrap();
    }
    let raw = rusqlite::Connection::open(&db).unwrap();
    let expected = |q: &str| -> Vec<String> {
        let mut st = raw
            .prepare(
                "SELECT printf('%d/%06d', receipt_year, receipt_seq) FROM feedback WHERE instr(search_key, ?1) > 0
                 ORDER BY received_at DESC, receipt_year DESC, receipt_seq DESC",
            )
            .unwrap();
        st.query_map([q], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };

    // Queries from the data itself: names, their syllables and parts, phrases of content.
    let rows = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap().rows;
    let mut queries: Vec<String> = ["Nguyễn Văn", "nguyen van an", "văn", "an", "anh", "uyen", "guyen van", "thủ tục", "thu tuc cham",
        "tran van binh", "ban trả", "cán bộ", "bo khong", "3lan", "lần chưa", "gp ubnd", "giấy phép", "đất đai văn bản", "xa ea",
        "nguyen-van an", "hẹn 3", "qqqzz", "van ban tra lai", "tra lai ly do", "phan anh thu", "ghi chu"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut k = 7usize;
    for r in rows.iter().step_by(13).take(40) {
        k = k.wrapping_mul(2654435761) % 1_000_003;
        let name: Vec<&str> = r.customer_name.split(' ').collect();
        let words: Vec<&str> = r.content.split_whitespace().collect();
        queries.push(r.customer_name.clone());
        queries.push(r.customer_name.nfd().collect());
        queries.push(fold(&r.customer_name));
        if let Some(last) = name.last() {
            queries.push(last.to_string());
            queries.push(last.chars().take(3).collect());
        }
        if name.len() > 2 {
            queries.push(name[1..].join(" "));
            let first: String = name[0].chars().skip(1).collect();
            queries.push(format!("{first} {}", name[1]));
        }
        if words.len() > 4 {
            let at = k % (words.len() - 3);
            queries.push(words[at..at + 2 + k % 2].join(" "));
            queries.push(words[at].to_string());
            let cut: String = words[at + 2].chars().take(2).collect();
            queries.push(format!("{} {cut}", words[at + 1]));
        }
    }

    let mut by_words = 0;
    for q in &queries {
        let folded = fold(q);
        let all = expected(&folded);
        if folded.chars().count() >= 3 && ykien::store::words::lookup(&raw, &folded).unwrap().is_some() {
            by_words += 1;
        }
        let mut got = Vec::new();
        let mut offset = 0;
        loop {
            let filter = FeedbackFilter { search: Some(q.clone()), limit: Some(1000), offset: Some(offset), ..Default::default() };
            let page = l.feedback(&filter).unwrap();
            assert_eq!(page.total as usize, all.len(), "{q:?}: the count");
            if page.rows.is_empty() {
                break;
            }
            got.extend(page.rows.into_iter().map(|r| r.receipt_no));
            offset += 1000;
        }
        assert_eq!(got, all, "{q:?}");
        // A page of 37 further on, with another condition, and the window's count that stops.
        let filter = FeedbackFilter { search: Some(q.clone()), limit: Some(37), offset: Some(37), ..Default::default() };
        let page = l.feedback(&FeedbackFilter { count_limit: Some(50), ..filter.clone() }).unwrap();
        assert_eq!(page.total as usize, all.len().min(75), "{q:?}: the count that stops past 74");
        assert_eq!(page.rows.iter().map(|r| r.receipt_no.clone()).collect::<Vec<_>>(), all.iter().skip(37).take(37).cloned().collect::<Vec<_>>(), "{q:?}: a later page");
        let complaints = FeedbackFilter { complaints: Some(true), limit: Some(1000), offset: Some(0), ..filter };
        let page = l.feedback(&complaints).unwrap();
        assert_eq!(page.total as usize, page.rows.len(), "{q:?}: complaints");
        assert!(page.rows.iter().all(|r| all.contains(&r.receipt_no)), "{q:?}: complaints");
    }
    assert!(by_words * 2 > queries.len(), "most queries go through the word index: {by_words} of {}", queries.len());
}
