//! Two years of demo cases, handled the way an office handles them: most settled at the front
//! desk, some sent to a specialist unit, a few escalated to leadership, a few late. Every
//! case goes through the ledger's own API, so the demo obeys the same rules as real work.

use crate::domain::law::{Acceptance, AcceptanceInput};
use crate::domain::workflow::Requirement;
use crate::{
    ActionInput, ActionKind, ActionStatus, Book, Case, Channel, CustomerGroup, FeedbackInput, Kind, Ledger, MoveInput,
    Result, Role, Status, StepInput, StepKind, Subject,
};
use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A small deterministic generator (xorshift64*): the demo is the same on every run.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLES: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân", "Thị Kim", "Văn Quang"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam",
    "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến", "Đông", "Ánh", "Ngọc",
];
const HIGHLAND_NAMES: &[&str] = &["Y Bhăm Mlô", "H'Yến Niê", "Y Khoa Êban", "H'Nga Byă", "Y Thuận Ksơr"];
const ORGS: &[&str] = &[
    "Công ty TNHH Cà phê Ea Kmat",
    "Hợp tác xã Nông nghiệp Krông Pắc",
    "Công ty Cổ phần Xăng dầu Tây Nguyên",
    "Công ty TNHH Điện mặt trời Ea Súp",
    "Công ty TNHH Rượu cần Buôn Đôn",
    "Doanh nghiệp tư nhân Gas Hưng Thịnh",
    "Công ty Cổ phần Thương mại Ban Mê",
    "Hộ kinh doanh tạp hoá Thanh Tâm",
];
const PLACES: &[&str] = &[
    "phường Buôn Ma Thuột", "phường Tân Lập", "xã Ea Tu", "xã Hòa Phú", "xã Krông Pắc", "xã Ea Kar", "xã Buôn Đôn", "phường Ea Kao",
];

/// (kind, subject, content) — what citizens and businesses actually write to a Department
/// of Industry and Trade.
const TOPICS: &[(Kind, Subject, &str)] = &[
    (Kind::Reflection, Subject::ProcessingTime, "Hồ sơ cấp Giấy phép bán lẻ rượu nộp đã hơn 15 ngày nhưng chưa có kết quả, quá thời hạn ghi trên giấy hẹn."),
    (Kind::Reflection, Subject::ProcessingTime, "Chậm trả kết quả cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm."),
    (Kind::Grievance, Subject::ProcessingTime, "Phải đi lại nhiều lần để bổ sung hồ sơ cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG."),
    (Kind::Suggestion, Subject::Procedure, "Đề nghị công khai rõ thành phần hồ sơ cấp Giấy phép sản xuất rượu thủ công tại bộ phận một cửa."),
    (Kind::Suggestion, Subject::Procedure, "Kiến nghị cho nộp hồ sơ trực tuyến toàn trình đối với thủ tục cấp Giấy phép hoạt động điện lực."),
    (Kind::Reflection, Subject::Procedure, "Biểu mẫu trên Cổng dịch vụ công khác với biểu mẫu được phát tại bộ phận một cửa."),
    (Kind::Request, Subject::Procedure, "Đề nghị hướng dẫn thủ tục gia hạn Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu."),
    (Kind::Request, Subject::Other, "Đề nghị cung cấp thông tin về chương trình khuyến công địa phương năm nay."),
    (Kind::Request, Subject::ServiceResult, "Đề nghị cấp lại Giấy phép do bị mất bản chính."),
    (Kind::Complaint, Subject::Attitude, "Công chức tiếp nhận trả lời điện thoại thiếu nhiệt tình, không hướng dẫn rõ ràng."),
    (Kind::Grievance, Subject::Attitude, "Cán bộ một cửa yêu cầu bổ sung giấy tờ không có trong thành phần hồ sơ đã niêm yết."),
    (Kind::Praise, Subject::Attitude, "Khen công chức bộ phận một cửa hướng dẫn tận tình, chu đáo, giải quyết hồ sơ sớm hơn hẹn."),
    (Kind::Praise, Subject::ProcessingTime, "Cảm ơn Sở đã trả kết quả cấp phép trước hạn, giúp doanh nghiệp kịp khai trương."),
    (Kind::Complaint, Subject::ServiceResult, "Không đồng ý với kết luận kiểm tra an toàn thực phẩm tại cơ sở sản xuất."),
    (Kind::Appeal, Subject::ServiceResult, "Đề nghị xem xét lại quyết định từ chối cấp Giấy chứng nhận đủ điều kiện thương nhân kinh doanh xăng dầu."),
    (Kind::Reflection, Subject::ServiceResult, "Giấy chứng nhận đã cấp ghi sai địa chỉ trụ sở doanh nghiệp."),
    (Kind::Complaint, Subject::Confidentiality, "Thông tin trong hồ sơ của doanh nghiệp bị lộ: nhận được cuộc gọi chào mời từ đơn vị khác ngay sau khi nộp hồ sơ."),
    (Kind::Suggestion, Subject::Other, "Đề nghị bố trí thêm ghế chờ và nước uống tại khu vực tiếp nhận hồ sơ."),
    (Kind::Reflection, Subject::Other, "Bãi giữ xe của cơ quan chật, người dân phải để xe ngoài đường."),
];

const FRONT_DESK_ANSWERS: &[&str] = &[
    "Đã giải thích quy định về thời hạn giải quyết và hẹn ngày trả kết quả mới.",
    "Đã hướng dẫn khách hàng bổ sung hồ sơ theo đúng thành phần đã niêm yết.",
    "Đã kiểm tra tiến độ hồ sơ và thông báo kết quả cho khách hàng qua điện thoại.",
    "Đã tiếp thu ý kiến, báo cáo lãnh đạo văn phòng để bố trí khắc phục.",
];
const SPECIALIST_ANSWERS: &[&str] = &[
    "Phòng chuyên môn đã thẩm định lại hồ sơ và hướng dẫn cụ thể phần cần bổ sung.",
    "Phòng chuyên môn phối hợp kiểm tra lại tại cơ sở, thống nhất phương án xử lý với khách hàng.",
    "Đã đính chính thông tin trên giấy chứng nhận và cấp lại cho doanh nghiệp.",
];

/// A sentence that tells one case from another of the same topic.
fn detail(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("Hồ sơ nộp tại Bộ phận Một cửa ngày thứ {} của tuần.", 2 + rng.below(5)),
        1 => format!("Liên quan đến {}.", rng.pick(ORGS)),
        2 => format!("Địa điểm: {}, tỉnh Đắk Lắk.", rng.pick(PLACES)),
        _ => format!("Mã hồ sơ trên Cổng dịch vụ công: H15.{:02}-{:06}.", rng.below(100), rng.below(1_000_000)),
    }
}

/// The channel a topic most likely arrived through.
fn channel_for(rng: &mut Rng, kind: Kind) -> Channel {
    if kind.is_complaint() && rng.chance(40) {
        return Channel::OfficialLetter;
    }
    *rng.pick(&[
        Channel::InPerson, Channel::InPerson, Channel::InPerson, Channel::Hotline, Channel::Hotline, Channel::Email,
        Channel::SuggestionBox, Channel::SocialMedia, Channel::FeedbackLetter, Channel::Chat,
    ])
}

/// The next moment in office hours at least `days` working days after `t`.
pub(super) fn later(rng: &mut Rng, t: NaiveDateTime, days: u64) -> NaiveDateTime {
    let mut d = t.date() + Days::new(days);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = d + Days::new(1);
    }
    let minutes = 7 * 60 + 30 + rng.below(9 * 60) as i64;
    let moment = d.and_time(NaiveTime::MIN) + Duration::minutes(minutes);
    if moment <= t { t + Duration::minutes(30) } else { moment }
}

pub(super) struct People {
    units: Vec<(String, String)>,
    reception: Vec<String>,
    heads: Vec<(String, Option<String>)>,
    qmr: Option<String>,
    director: String,
}

pub(super) fn people(l: &Ledger) -> Result<People> {
    let staff = l.staff(None)?;
    Ok(People {
        units: l.units()?.into_iter().map(|u| (u.id, u.name)).collect(),
        reception: staff.iter().filter(|s| s.role == Role::Reception).map(|s| s.id.clone()).collect(),
        heads: staff.iter().filter(|s| s.role == Role::UnitHead).map(|s| (s.id.clone(), s.unit_id.clone())).collect(),
        qmr: staff.iter().find(|s| s.role == Role::QualityOfficer).map(|s| s.id.clone()),
        director: staff.iter().find(|s| s.role == Role::Leadership).map(|s| s.full_name.clone()).unwrap_or_default(),
    })
}

pub fn fill(l: &mut Ledger) -> Result<()> {
    // Each case is replayed at its own time; the caller's clock (fixed in tests) comes back
    // afterwards, so that the survey data made next is of the same "today".
    let clock = l.clock;
    let today = l.now();
    let start = NaiveDate::from_ymd_opt(today.year() - 2, 1, 2).expect("a real date").and_time(NaiveTime::MIN);
    let p = people(l)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut t = later(&mut rng, start, 0);
    while t < today - Duration::hours(2) {
        one_case(l, &mut rng, &p, t, today, false)?;
        // About 300 cases a year: one every working day or so.
        let gap = rng.below(2) as u64;
        t = later(&mut rng, t, gap);
    }
    l.set_clock(clock);
    Ok(())
}

/// One case received at `received` and handled up to `today`. `varied` adds a detail to the
/// content (where it happened, which business), so that years of cases are not a handful of
/// sentences repeated; the two-year demo keeps its plain sentences.
pub(super) fn one_case(
    l: &mut Ledger,
    rng: &mut Rng,
    p: &People,
    received: NaiveDateTime,
    today: NaiveDateTime,
    varied: bool,
) -> Result<()> {
    let &(kind, subject, content) = rng.pick(TOPICS);
    let channel = channel_for(rng, kind);
    let org = if rng.chance(45) { rng.pick(ORGS).to_string() } else { String::new() };
    let customer_name = if rng.chance(8) {
        rng.pick(HIGHLAND_NAMES).to_string()
    } else {
        format!("{} {} {}", rng.pick(SURNAMES), rng.pick(MIDDLES), rng.pick(GIVEN))
    };
    let (unit_id, _) = rng.pick(&p.units).clone();
    let written = kind.is_complaint() && channel == Channel::OfficialLetter;
    let settle = !kind.is_complaint() && matches!(channel, Channel::InPerson | Channel::Hotline) && rng.chance(35);
    let input = FeedbackInput {
        received_at: received.format("%Y-%m-%dT%H:%M").to_string(),
        channel,
        kind,
        subject,
        book: if kind.is_complaint() { Book::Complaints } else { Book::Feedback },
        customer_name,
        customer_org: org,
        customer_address: format!("{}, tỉnh Đắk Lắk", rng.pick(PLACES)),
        customer_phone: format!("09{:02} {:03} {:03}", rng.below(100), rng.below(1000), rng.below(1000)),
        customer_email: String::new(),
        customer_group: *rng.pick(&[CustomerGroup::FirstTime, CustomerGroup::FirstTime, CustomerGroup::LongTerm, CustomerGroup::Referred, CustomerGroup::Unknown]),
        content: if varied { format!("{content} {}", detail(rng)) } else { content.to_owned() },
        receiver_id: (!p.reception.is_empty()).then(|| rng.pick(&p.reception).clone()),
        unit_id: Some(unit_id.clone()),
        written,
        formal: kind == Kind::Complaint && written && rng.chance(30),
        settled_on_spot: settle.then(|| rng.pick(FRONT_DESK_ANSWERS).to_string()),
    };
    l.set_clock(Some(received));
    let case = l.add_feedback(&input)?;

    // The unit head confirms most entries within a few days.
    if let Some((head, _)) = p.heads.iter().find(|(_, u)| u.as_deref() == Some(&unit_id)) {
        let gap = 1 + rng.below(3) as u64;
        let when = later(rng, received, gap);
        if rng.chance(85) && when < today {
            l.set_clock(Some(when));
            l.confirm(&case.id, head)?;
        }
    }
    if settle {
        return Ok(());
    }

    // A few cases are handled slowly and end up late, as in any real office.
    let pace = if rng.chance(6) { 12 } else { 1 };
    // Praise needs no specialist: it is answered and closed at the front desk.
    let route = if kind == Kind::Praise { 0 } else { rng.below(100) };
    let mut plan: Vec<(Status, &'static str)> = vec![(Status::FrontDesk, "")];
    if route < 65 {
        plan.push((Status::AwaitingCustomer, *rng.pick(FRONT_DESK_ANSWERS)));
    } else {
        plan.push((Status::Specialist, "Nội dung ngoài thẩm quyền của bộ phận tiếp nhận, chuyển phòng chuyên môn."));
        if route >= 92 {
            plan.push((Status::Leadership, "Phòng chuyên môn chưa có phương án, xin ý kiến chỉ đạo của Giám đốc Sở."));
            plan.push((Status::SolutionFeedback, "Giám đốc Sở chỉ đạo phòng chuyên môn phối hợp kiểm tra lại và trả lời khách hàng."));
        } else {
            plan.push((Status::SolutionFeedback, *rng.pick(SPECIALIST_ANSWERS)));
        }
        plan.push((Status::AwaitingCustomer, ""));
    }
    plan.push((Status::Closed, "Khách hàng đồng ý với giải pháp."));

    let mut t = received;
    let mut case = case;
    for (to, note) in plan {
        let gap = pace * (1 + rng.below(4) as u64);
        t = later(rng, t, gap);
        if t >= today {
            return Ok(());
        }
        l.set_clock(Some(t));
        if to == Status::Closed {
            meet_requirements(l, rng, p, &case, t)?;
        }
        case = l.move_case(&case.id, &MoveInput { to, note: note.to_owned(), channel: Some(case.channel), staff_id: None, version: None, unit_id: None, at: None })?;
        // A formal complaint is accepted (thụ lý) when its handling starts, as the QMR
        // records it: late for the few cases handled slowly, as in any real office.
        if case.formal && case.deadlines.acceptance.is_none() {
            let reason = "Đơn khiếu nại đủ điều kiện thụ lý theo Điều 27 Luật Khiếu nại năm 2011.".to_owned();
            case = l.decide_acceptance(&case.id, &AcceptanceInput { decision: Acceptance::Accepted, reason, version: None })?;
        }
    }
    Ok(())
}

/// What seed 001 requires before a complaint is closed: the talk, the investigation, the
/// report to the QMR, a corrective action, the signed and sent reply.
fn meet_requirements(l: &mut Ledger, rng: &mut Rng, p: &People, case: &Case, t: NaiveDateTime) -> Result<()> {
    let day = t.date().to_string();
    for r in l.case(&case.id)?.requirements.iter().filter(|r| !r.done) {
        match r.requirement {
            Requirement::Step(step) => {
                let note = match step {
                    StepKind::AttitudeTalk => "QMR trao đổi trực tiếp với công chức bị phản ánh; công chức nhận thiếu sót, rút kinh nghiệm.",
                    StepKind::Investigation => "Xác định nguyên nhân: bản sao hồ sơ gửi qua thư điện tử không được mã hoá.",
                    StepKind::ReportedToQmr => "Trưởng phòng chuyên môn xem xét lại kết quả, báo cáo QMR và lãnh đạo Sở.",
                };
                l.record_step(&case.id, &StepInput { step, on_date: day.clone(), staff_id: p.qmr.clone(), note: note.into(), version: None })?;
            }
            Requirement::CorrectiveAction => {
                let a = l.save_action(&ActionInput {
                    id: None,
                    kind: ActionKind::Corrective,
                    cause: format!("Từ hồ sơ {}: {}", case.receipt_no, case.content),
                    action: "Rà soát quy trình, phổ biến cho công chức liên quan; kiểm tra lại sau 3 tháng.".into(),
                    owner_id: p.qmr.clone(),
                    due_date: (t.date() + Days::new(30)).to_string(),
                    case_ids: vec![case.id.clone()],
                    unit_id: case.unit_id.clone(),
                    sources: Vec::new(),
                })?;
                // Khiếu nại about a result took the appeal's route later than the demo's other
                // cases: decided without a draw, so that the demo office stays what it was.
                let done = if case.kind == Kind::Complaint && case.subject == Subject::ServiceResult {
                    case.receipt_no.ends_with(['0', '2', '4', '6', '8'])
                } else {
                    rng.chance(70)
                };
                if done {
                    l.set_action_status(&a.id, ActionStatus::Done)?;
                }
            }
            Requirement::ReplySent => {
                let c = l.draft_reply(
                    &case.id,
                    None,
                    &format!("{}/SCT-VP", 100 + rng.below(800)),
                    &format!(
                        "Sở Công Thương nhận được đơn của Ông/Bà {} về việc: {} Sau khi xem xét, Sở trả lời như sau: …",
                        case.customer_name, case.content
                    ),
                )?;
                let letter = &c.letters.last().expect("just drafted").id;
                l.sign_reply(letter, &p.director, "Giám đốc", &day)?;
                l.send_reply(letter, &day, "Bưu điện")?;
            }
        }
    }
    Ok(())
}
