//! Reading the boxes of a located form and deciding each question.
//!
//! A box is measured inside its printed outline, refitted within ±1 mm of where the mapping
//! puts it (the outline is the darkest square there). Three measures tell empty, ticked and
//! filled apart, as SDAPS does: the share of dark pixels inside the outline, that share above
//! the page's empty boxes (the paper, the scanner's grey and its noise), and the share that
//! survives a morphological opening by a square wider than a pen's stroke: a tick or a cross
//! does not survive it, a box filled in does, and a filled box cancels its tick (the legend
//! printed on the form says so).

use super::grey::{parts, Grey};
use super::locate::Mapping;
use crate::domain::survey_entry::{applies, Answer, AnswerState, EntrySlot};
use crate::domain::survey_round::AnswerBox;
use crate::domain::survey_scan::ReadAnswer;

/// A question read blank whose box (not filled in) has this share of faint pixels above the
/// page's empty boxes goes to a person: a light mark is there that left too little ink to
/// count as a tick (a pencil line through a copier's blur and grey). Set at three times what
/// the tuning (ballpoint) set's blanks on grey pages reach above their page's empty boxes
/// (0.03 at 960 pages, BENCHMARKS.md); the held-out set's light marks that were read blank
/// had 0.28–0.40.
pub const FAINT_FROM: f32 = 0.10;
/// A tick whose largest part holds less than this share of its dark pixels is broken up: on
/// a black-and-white page, the mark of a pen light enough for the threshold to cut it into
/// specks. Every tick of the tuning (ballpoint) set on 1-bit pages was whole (1.0).
pub const WHOLE_FROM: f32 = 0.9;
/// The whole ticks a black-and-white form must show, none broken and no box doubtful, before
/// its empty boxes are taken for blanks: evidence that its pen leaves ink the copier keeps.
pub const DARK_PEN_TICKS: usize = 3;
/// The scan's resolution (pixels a millimetre; 200 dpi is 7.9, at a 97 % scale 7.6) from
/// which a black-and-white form's ticks can vouch for its blanks. At 150 dpi a 0.3 mm
/// ballpoint line is under two pixels, and a copier's blur and threshold drop it even when
/// its other ticks are whole (BENCHMARKS.md: the two forms, of 80 at 150 dpi, whose blanks were
/// so accepted wrongly).
pub const FINE_FROM: f32 = 7.5;
/// Below this share of dark pixels (above the page's empty boxes) a box is empty.
pub const EMPTY_BELOW: f32 = 0.035;
/// The same on a black-and-white page.
pub const BILEVEL_EMPTY_BELOW: f32 = 0.006;
/// From this share on a box is ticked; between the two it is doubtful.
pub const TICKED_FROM: f32 = 0.09;
/// A box whose opened (solid) share reaches this is filled in: cancelled.
pub const FILLED_FROM: f32 = 0.60;
/// Doubtful around the filled threshold: a box half filled. A heavy tick's corner survives
/// the opening in part (up to 0.3 of the inside at 150 dpi), well below.
const FILLED_DOUBT: f32 = 0.42;

/// Inset from the outline's centre line to the measured inside (mm): the line's half width,
/// blur and the refit's last step.
const INSET: f32 = 0.45;
/// The opening's square (mm): wider than a ballpoint's or a pencil's stroke, blur included.
const OPENING: f32 = 0.85;

/// What was measured in one box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// Share of dark pixels inside the outline.
    pub share: f32,
    /// Share left after the opening: solid ink.
    pub solid: f32,
    /// Share of faintly dark pixels (`Tones::faint`): what a light mark leaves when it is
    /// too light to count as dark.
    pub faint: f32,
    /// Share of the dark pixels in their largest 8-connected part: a stroke of ink is one
    /// or two parts, a light line cut up by a black-and-white threshold is specks.
    pub whole: f32,
    /// Refitted top-left corner (mm).
    pub at: (f32, f32),
}

/// What a box is taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Empty,
    Ticked,
    Filled,
    Doubtful,
}

/// What is kept of a box once read, for the review's crop to outline it: which box, where its
/// printed outline was found (top-left corner, mm) and what it was taken to be.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BoxSeen {
    pub code: String,
    pub value: i32,
    pub at: (f32, f32),
    pub mark: Mark,
}

impl From<&ReadBox> for BoxSeen {
    fn from(b: &ReadBox) -> BoxSeen {
        BoxSeen { code: b.code.clone(), value: b.value, at: b.measure.at, mark: b.mark }
    }
}

/// A box measured and judged, with how sure the judgement is (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBox {
    pub code: String,
    pub value: i32,
    pub measure: Measure,
    pub mark: Mark,
    pub confidence: f32,
}

/// The page's paper and ink greys, and the threshold of a dark pixel between them (light
/// pencil counts as dark).
#[derive(Debug, Clone, Copy)]
pub struct Tones {
    pub paper: f32,
    pub ink: f32,
    /// Black and white only (a fax or a copier's text mode): there is no scanner noise in an
    /// empty box, and a light pencil mark survives only as a few specks, so a few dark
    /// pixels are already a doubt.
    pub bilevel: bool,
}

impl Tones {
    pub fn of(page: &Grey) -> Tones {
        let (paper, ink) = page.paper_and_ink();
        let bilevel = page.px.iter().step_by(97).all(|v| *v == 0 || *v == 255);
        Tones { paper, ink, bilevel }
    }
    fn dark(&self) -> f32 {
        self.paper - 0.35 * (self.paper - self.ink)
    }
    /// A pixel hardly darker than the paper: a sixth of the way to the ink, above the
    /// scanner's noise and a JPEG's ringing in an empty box, below what a light pencil line
    /// leaves after a copier's blur and greying.
    fn faint(&self) -> f32 {
        self.paper - 0.15 * (self.paper - self.ink)
    }
}

/// The box's outline refitted, then its inside measured.
pub fn measure(page: &Grey, map: &Mapping, b: &AnswerBox, tones: Tones) -> Measure {
    let at = refit(page, map, b, tones);
    let ppm = map.scale_at(b.x, b.y).max(1.0);
    let inner = (b.size - 2.0 * INSET).max(0.5);
    let n = ((inner * ppm).round() as usize).max(6);
    let step = inner / n as f32;
    let dark = tones.dark();
    let faint_below = tones.faint();
    let mut grid = vec![false; n * n];
    let mut faint = 0usize;
    for j in 0..n {
        for i in 0..n {
            let (x, y) = map.map(at.0 + INSET + (i as f32 + 0.5) * step, at.1 + INSET + (j as f32 + 0.5) * step);
            let v = page.sample(x, y);
            grid[j * n + i] = v < dark;
            faint += usize::from(v < faint_below);
        }
    }
    let total = (n * n) as f32;
    let share = grid.iter().filter(|d| **d).count() as f32 / total;
    let k = ((OPENING * ppm).round() as usize).clamp(2, n / 2 + 1);
    let solid = opened(&grid, n, k).iter().filter(|d| **d).count() as f32 / total;
    Measure { share, solid, faint: faint as f32 / total, whole: largest_part(&grid, n), at }
}

/// The share of the dark cells of `grid` (n×n) in its largest 8-connected part; 1 when none
/// is dark.
fn largest_part(grid: &[bool], n: usize) -> f32 {
    let (mut all, mut best) = (0usize, 0usize);
    parts(n, n, true, |x, y| grid[y * n + x], |p| {
        all += p.cells;
        best = best.max(p.cells);
    });
    if all == 0 {
        1.0
    } else {
        best as f32 / all as f32
    }
}

/// The top-left corner (mm) within ±1 mm at which the outline is darkest: a coarse search
/// by quarter millimetres, then a fine one by twentieths around the best.
fn refit(page: &Grey, map: &Mapping, b: &AnswerBox, tones: Tones) -> (f32, f32) {
    let score = |x: f32, y: f32| -> f32 {
        let s = b.size;
        let mut sum = 0.0;
        const N: usize = 12;
        for i in 0..N {
            let t = (i as f32 + 0.5) / N as f32 * s;
            for (px, py) in [(x + t, y), (x + t, y + s), (x, y + t), (x + s, y + t)] {
                let (u, v) = map.map(px, py);
                sum += (tones.paper - page.sample(u, v)).max(0.0);
            }
        }
        sum
    };
    let mut best = ((b.x, b.y), f32::MIN);
    for j in -4..=4 {
        for i in -4..=4 {
            let (x, y) = (b.x + i as f32 * 0.25, b.y + j as f32 * 0.25);
            let s = score(x, y);
            if s > best.1 {
                best = ((x, y), s);
            }
        }
    }
    let (cx, cy) = best.0;
    for j in -5..=5 {
        for i in -5..=5 {
            let (x, y) = (cx + i as f32 * 0.05, cy + j as f32 * 0.05);
            let s = score(x, y);
            if s > best.1 {
                best = ((x, y), s);
            }
        }
    }
    best.0
}

/// Erosion then dilation by a k×k square.
fn opened(grid: &[bool], n: usize, k: usize) -> Vec<bool> {
    let mut eroded = vec![false; n * n];
    for y in 0..n.saturating_sub(k - 1) {
        for x in 0..n.saturating_sub(k - 1) {
            eroded[y * n + x] = (0..k).all(|dy| (0..k).all(|dx| grid[(y + dy) * n + x + dx]));
        }
    }
    let mut out = vec![false; n * n];
    for y in 0..n {
        for x in 0..n {
            if eroded[y * n + x] {
                for dy in 0..k {
                    for dx in 0..k {
                        out[(y + dy) * n + x + dx] = true;
                    }
                }
            }
        }
    }
    out
}

/// The share of the page's empty boxes: the lower third of all its boxes' shares (most boxes
/// of a form are left empty: one level of three or five is ticked). On a black-and-white page
/// an empty box has no scanner grey or noise to discount, and the level is at most the share
/// below which a box there is empty (`BILEVEL_EMPTY_BELOW`): a page of few boxes, all ticked
/// (Section II's two options alone on a page), would otherwise take its lighter tick for the
/// paper.
pub fn empty_level(measures: &[Measure], tones: Tones) -> f32 {
    let level = lower_third(measures.iter().map(|m| m.share));
    if tones.bilevel {
        level.min(BILEVEL_EMPTY_BELOW)
    } else {
        level
    }
}

/// The lower third of a page's values, at most 0.05 (a page ticked all over does not raise
/// its empty boxes' level much).
fn lower_third(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 3].min(0.05)
}

/// A box judged from its measure, the page's empty level subtracted.
pub fn judge(m: &Measure, empty: f32, tones: Tones) -> (Mark, f32) {
    let share = (m.share - empty).max(0.0);
    let empty_below = if tones.bilevel { BILEVEL_EMPTY_BELOW } else { EMPTY_BELOW };
    if m.solid >= FILLED_FROM {
        return (Mark::Filled, (0.5 + (m.solid - FILLED_FROM) / 0.2).min(1.0));
    }
    if m.solid >= FILLED_DOUBT {
        return (Mark::Doubtful, 0.3);
    }
    if share >= TICKED_FROM {
        return (Mark::Ticked, (0.5 + (share - TICKED_FROM) / 0.15).min(1.0));
    }
    if share < empty_below {
        return (Mark::Empty, (0.5 + (empty_below - share) / empty_below * 0.5).min(1.0));
    }
    // The nearer the middle of the doubtful band, the less sure.
    let mid = (empty_below + TICKED_FROM) / 2.0;
    (Mark::Doubtful, (share - mid).abs() / (TICKED_FROM - mid) * 0.45)
}

/// What the ticks of a black-and-white form say of the pen that made them: how many are
/// whole, and whether any mark is broken (a tick in specks, a doubtful box, or an empty box
/// holding a few dark pixels: on a black-and-white page an empty box has none). A copier's
/// threshold drops a light pencil line whole, leaving an empty box where a respondent ticked;
/// the same pencil leaves its other marks broken or doubtful. A form filled in with one pen
/// whose every mark is whole, scanned fine enough (`fine`: `FINE_FROM`), was filled with ink
/// the threshold keeps, and its empty boxes are blanks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ink {
    pub whole: usize,
    pub broken: bool,
    pub fine: bool,
}

impl Ink {
    /// The ink of one page's boxes, scanned at `px_per_mm`.
    pub fn of(boxes: &[ReadBox], px_per_mm: f32) -> Ink {
        let ticks = boxes.iter().filter(|b| b.mark == Mark::Ticked);
        let whole = ticks.clone().filter(|b| b.measure.whole >= WHOLE_FROM).count();
        let broken = ticks.clone().any(|b| b.measure.whole < WHOLE_FROM)
            || boxes.iter().any(|b| b.mark == Mark::Doubtful || (b.mark == Mark::Empty && b.measure.share > 0.0));
        Ink { whole, broken, fine: px_per_mm >= FINE_FROM }
    }
    /// The ink of two pages of one form.
    pub fn and(self, other: Ink) -> Ink {
        Ink { whole: self.whole + other.whole, broken: self.broken || other.broken, fine: self.fine && other.fine }
    }
    /// Whether the form's pen is shown dark enough that an empty box is a blank.
    pub fn dark(self) -> bool {
        self.fine && !self.broken && self.whole >= DARK_PEN_TICKS
    }
}

/// Each slot of the page decided from its boxes: one clear tick is the answer; no tick and
/// every box clearly empty (or filled: cancelled) is blank; two ticks, a doubtful box, or a
/// tick hardly darker than the others is proposed and sent to a person («cần xem lại»).
///
/// `empty_is_blank` says whether a question whose every box is empty was left blank: on a
/// grey page it was, and on a black-and-white one only when the form's ink (`Ink::dark`) says
/// so. Otherwise a blank is proposed, not accepted: the copier's threshold may have dropped a
/// light pencil tick whole (BENCHMARKS.md: every answer accepted wrongly from careless marks
/// was such a blank, most of them on 1-bit pages). Except a follow-up not asked
/// (`not_asked`): the form expects it blank, as keyboard entry keys it.
///
/// On any page a blank with a faint mark in a box (`FAINT_FROM` above the page's empty boxes,
/// `boxes` being all the page's) is proposed, not accepted: a light pencil tick on a grey
/// copy can leave too few dark pixels to be doubtful, but not too few faint ones.
///
/// The slots are decided in the form's order, so a follow-up's question is decided before it.
pub fn decide(slots: &[EntrySlot], boxes: &[ReadBox], empty_is_blank: bool) -> Vec<ReadAnswer> {
    let faint_empty = faint_level(boxes);
    let mut out: Vec<ReadAnswer> = Vec::new();
    for slot in slots {
        let mine: Vec<&ReadBox> = boxes.iter().filter(|b| b.code == slot.code).collect();
        if mine.is_empty() {
            continue;
        }
        let ticked: Vec<&&ReadBox> = mine.iter().filter(|b| b.mark == Mark::Ticked).collect();
        let doubtful: Vec<&&ReadBox> = mine.iter().filter(|b| b.mark == Mark::Doubtful).collect();
        let least = mine.iter().map(|b| b.confidence).fold(1.0, f32::min);
        let answer = |state: AnswerState, value: Option<i32>, confidence: f32, review: bool| ReadAnswer {
            code: slot.code.clone(),
            state,
            value,
            confidence: (confidence * 100.0).round() / 100.0,
            review,
        };
        out.push(match (ticked.len(), doubtful.len()) {
            (1, 0) => {
                // A weak winner: the tick is not clearly darker than the next box (a box filled
                // to cancel is out of the running).
                let winner = ticked[0].measure.share;
                let runner = mine
                    .iter()
                    .filter(|b| b.value != ticked[0].value && b.mark != Mark::Filled)
                    .map(|b| b.measure.share)
                    .fold(0.0, f32::max);
                let weak = runner > EMPTY_BELOW && winner < 2.0 * runner;
                answer(AnswerState::Chosen, Some(ticked[0].value), if weak { least.min(0.4) } else { least }, weak)
            }
            (0, 0) if faint(&mine, faint_empty) => answer(AnswerState::Blank, None, least.min(0.3), true),
            (0, 0) if !empty_is_blank && !not_asked(slot, &out) => answer(AnswerState::Blank, None, least.min(0.5), true),
            (0, 0) => answer(AnswerState::Blank, None, least, false),
            (n, _) if n >= 2 => answer(AnswerState::Spoiled, None, least.min(0.4), true),
            (1, _) => answer(AnswerState::Chosen, Some(ticked[0].value), least, true),
            _ => {
                // Only doubtful boxes: the darkest is proposed.
                let best = doubtful.iter().max_by(|a, b| a.measure.share.total_cmp(&b.measure.share)).expect("one at least");
                answer(AnswerState::Chosen, Some(best.value), least, true)
            }
        });
    }
    out
}

/// The share of faint pixels of the page's empty boxes (`boxes` being all the page's).
pub fn faint_level(boxes: &[ReadBox]) -> f32 {
    lower_third(boxes.iter().map(|b| b.measure.faint))
}

/// Whether a box of a question read blank (a box filled in to cancel aside) holds a faint
/// mark: `FAINT_FROM` of faint pixels above the page's empty boxes.
fn faint(mine: &[&ReadBox], faint_empty: f32) -> bool {
    mine.iter().filter(|b| b.mark != Mark::Filled).any(|b| b.measure.faint - faint_empty >= FAINT_FROM)
}

/// Whether `slot` is a follow-up that the answers already decided on this page say was not
/// asked: its question was read and accepted, and not with the box that asks it. A question
/// sent to a person, or not on this page (a follow-up printed on the next page), says
/// nothing: the follow-up's blank is then judged as any blank, and on a black-and-white page
/// waits for a person with its question.
fn not_asked(slot: &EntrySlot, decided: &[ReadAnswer]) -> bool {
    let Some(cond) = &slot.when else {
        return false;
    };
    let Some(parent) = decided.iter().find(|a| a.code == cond.code) else {
        return false;
    };
    let answer = Answer { code: parent.code.clone(), state: parent.state, value: parent.value, text: None };
    !parent.review && !applies(slot, std::slice::from_ref(&answer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_entry::SlotCondition;

    /// A question whose boxes are all clearly empty is a blank answer: accepted from a grey
    /// page, proposed for a person to confirm from a black-and-white one, where a light tick
    /// can vanish whole; a clear tick is accepted from either.
    #[test]
    fn a_blank_is_confirmed_by_a_person_on_a_black_and_white_page() {
        let slot = EntrySlot {
            code: "cau_1".into(),
            question: "Câu hỏi 1".into(),
            label: "Mức độ hài lòng".into(),
            options: vec!["Tốt".into(), "Đạt yêu cầu".into(), "Chưa đạt yêu cầu".into()],
            required: true,
            when: None,
        };
        let read = |ticked: Option<i32>| -> Vec<ReadBox> {
            (1..=3)
                .map(|v| {
                    let share = if Some(v) == ticked { 0.4 } else { 0.0 };
                    let mark = if Some(v) == ticked { Mark::Ticked } else { Mark::Empty };
                    ReadBox { code: "cau_1".into(), value: v, measure: Measure { share, solid: 0.0, faint: share, whole: 1.0, at: (0.0, 0.0) }, mark, confidence: 1.0 }
                })
                .collect()
        };
        let one = |boxes: &[ReadBox], bilevel: bool| decide(std::slice::from_ref(&slot), boxes, !bilevel).remove(0);
        let grey = one(&read(None), false);
        assert_eq!((grey.state, grey.review), (AnswerState::Blank, false));
        let bw = one(&read(None), true);
        assert_eq!((bw.state, bw.review), (AnswerState::Blank, true));
        assert!(bw.confidence <= 0.5);
        for bilevel in [false, true] {
            let t = one(&read(Some(2)), bilevel);
            assert_eq!((t.state, t.value, t.review), (AnswerState::Chosen, Some(2), false));
        }
    }

    /// A follow-up («Nếu có, …» of Câu hỏi 2) left blank on a black-and-white page is accepted
    /// when its question was read and accepted as «Không»: the form expects it blank. After
    /// «Có», or when the question itself is doubtful or not on the page, its blank waits for
    /// a person as any blank there does.
    #[test]
    fn a_follow_up_not_asked_is_a_blank_accepted_even_on_a_black_and_white_page() {
        let slot = |code: &str, n: usize, when: Option<SlotCondition>| EntrySlot {
            code: code.into(),
            question: "Câu hỏi 2".into(),
            label: String::new(),
            options: (1..=n).map(|v| v.to_string()).collect(),
            required: true,
            when,
        };
        let question = slot("cau_2", 2, None);
        let follow_up = slot("cau_2.follow_up", 4, Some(SlotCondition { code: "cau_2".into(), value: 1 }));
        let boxes = |code: &str, n: i32, marks: &[(i32, Mark, f32)]| -> Vec<ReadBox> {
            (1..=n)
                .map(|v| {
                    let (mark, share) = marks.iter().find(|m| m.0 == v).map_or((Mark::Empty, 0.0), |m| (m.1, m.2));
                    let confidence = if mark == Mark::Doubtful { 0.2 } else { 1.0 };
                    ReadBox { code: code.into(), value: v, measure: Measure { share, solid: 0.0, faint: share, whole: 1.0, at: (0.0, 0.0) }, mark, confidence }
                })
                .collect()
        };
        let empty_follow_up = boxes("cau_2.follow_up", 4, &[]);
        let read = |parent: &[(i32, Mark, f32)], bilevel: bool| -> ReadAnswer {
            let mut all = boxes("cau_2", 2, parent);
            all.extend(empty_follow_up.clone());
            let got = decide(&[question.clone(), follow_up.clone()], &all, !bilevel);
            assert_eq!(got.len(), 2);
            assert_eq!((got[1].code.as_str(), got[1].state), ("cau_2.follow_up", AnswerState::Blank));
            got[1].clone()
        };
        // «Không» ticked and accepted: the follow-up is not asked, its blank accepted.
        let no = read(&[(2, Mark::Ticked, 0.4)], true);
        assert!(!no.review);
        assert!(no.confidence > 0.5);
        // «Có»: asked, and a blank on a black-and-white page is a person's to confirm.
        assert!(read(&[(1, Mark::Ticked, 0.4)], true).review);
        // «Không» doubtful (a weak winner, or a doubtful box): the follow-up goes with it.
        assert!(read(&[(2, Mark::Ticked, 0.12), (1, Mark::Empty, 0.08)], true).review);
        assert!(read(&[(2, Mark::Doubtful, 0.06)], true).review);
        // The question left blank on a black-and-white page waits, so does its follow-up.
        assert!(read(&[], true).review);
        // On a grey page a clear blank is accepted whatever the question's answer.
        assert!(!read(&[(1, Mark::Ticked, 0.4)], false).review);
        assert!(!read(&[(2, Mark::Doubtful, 0.06)], false).review);
        // The question on another page: nothing on this one says the follow-up was not asked.
        let alone = decide(std::slice::from_ref(&follow_up), &empty_follow_up, false);
        assert_eq!((alone[0].state, alone[0].review), (AnswerState::Blank, true));
    }

    /// A stroke is one part however it bends; a line cut into specks by a black-and-white
    /// threshold is many, its largest a small share.
    #[test]
    fn a_whole_stroke_is_one_part_and_specks_are_many() {
        let n = 10;
        let grid = |cells: &[(usize, usize)]| -> Vec<bool> {
            let mut g = vec![false; n * n];
            cells.iter().for_each(|&(x, y)| g[y * n + x] = true);
            g
        };
        // A tick: down to the right, then up, touching only at corners.
        let tick: Vec<(usize, usize)> = vec![(1, 5), (2, 6), (3, 7), (4, 6), (5, 5), (6, 4), (7, 3), (8, 2)];
        assert_eq!(largest_part(&grid(&tick), n), 1.0);
        // The same tick with every other cell gone: four specks, each alone.
        let specks: Vec<(usize, usize)> = tick.iter().copied().step_by(2).collect();
        assert_eq!(largest_part(&grid(&specks), n), 0.25);
        // Two parts, three cells and one: three quarters.
        assert_eq!(largest_part(&grid(&[(0, 0), (1, 0), (2, 1), (9, 9)]), n), 0.75);
        assert_eq!(largest_part(&grid(&[]), n), 1.0, "an empty box is not broken");
    }

    /// A black-and-white form's ink is dark when it shows `DARK_PEN_TICKS` whole ticks and
    /// nothing broken or doubtful, counted over its pages; then, and only then, a question
    /// whose boxes are all empty is a blank accepted there.
    #[test]
    fn a_black_and_white_forms_empty_boxes_are_blanks_when_its_ticks_show_a_dark_pen() {
        let b = |code: &str, mark: Mark, whole: f32| ReadBox {
            code: code.into(),
            value: 1,
            measure: Measure { share: if mark == Mark::Empty { 0.0 } else { 0.3 }, solid: 0.0, faint: 0.0, whole, at: (0.0, 0.0) },
            mark,
            confidence: 1.0,
        };
        let ticks = |k: usize| (0..k).map(|i| b(&format!("cau_{i}"), Mark::Ticked, 1.0)).collect::<Vec<_>>();
        let ink = |boxes: &[ReadBox]| Ink::of(boxes, 8.0);
        assert!(ink(&ticks(DARK_PEN_TICKS)).dark());
        assert!(!Ink::of(&ticks(DARK_PEN_TICKS), 6.0).dark(), "at 150 dpi a whole tick does not vouch for an empty box");
        assert!(!ink(&ticks(DARK_PEN_TICKS - 1)).dark(), "too few ticks to tell the pen");
        // One tick broken into specks, one box doubtful, or an empty box holding a few dark
        // pixels: a light pen, its blanks doubtful.
        let mut broken = ticks(5);
        broken.push(b("cau_9", Mark::Ticked, WHOLE_FROM - 0.05));
        assert!(!ink(&broken).dark());
        let mut doubtful = ticks(5);
        doubtful.push(b("cau_9", Mark::Doubtful, 1.0));
        assert!(!ink(&doubtful).dark());
        let mut specks = ticks(5);
        let mut remains = b("cau_9", Mark::Empty, 0.25);
        remains.measure.share = 0.005;
        specks.push(remains);
        assert!(!ink(&specks).dark());
        // Empty boxes and boxes filled in to cancel say nothing of the pen.
        let mut quiet = ticks(DARK_PEN_TICKS);
        quiet.push(b("cau_8", Mark::Empty, 1.0));
        quiet.push(b("cau_9", Mark::Filled, 1.0));
        assert!(ink(&quiet).dark());
        // A form's pages together: a page of one tick beside a page of two.
        let (one, two) = (ink(&ticks(1)), ink(&ticks(2)));
        assert!(!one.dark() && !two.dark() && one.and(two).dark());
        assert!(!one.and(two).and(ink(&broken)).dark(), "a broken tick anywhere on the form");
        assert!(!one.and(Ink::of(&ticks(2), 6.0)).dark(), "a page of the form scanned at 150 dpi");
        // What it decides: a question whose boxes are all empty.
        let slot = EntrySlot { code: "cau_8".into(), question: "Câu hỏi 8".into(), label: String::new(), options: vec!["Có".into()], required: false, when: None };
        let empty = [b("cau_8", Mark::Empty, 1.0)];
        let blank = |dark: bool| decide(std::slice::from_ref(&slot), &empty, dark).remove(0);
        assert_eq!((blank(true).state, blank(true).review), (AnswerState::Blank, false));
        assert_eq!((blank(false).state, blank(false).review), (AnswerState::Blank, true));
    }

    /// A question read blank on a grey page goes to a person when a box holds a faint mark
    /// (a light pencil tick gone pale on a copy), measured against the page's empty boxes:
    /// a page whose every box is a little grey is not faint all over. A box filled in to
    /// cancel does not count.
    #[test]
    fn a_blank_with_a_faint_mark_in_a_box_goes_to_a_person() {
        let slot = |code: &str| EntrySlot {
            code: code.into(),
            question: code.into(),
            label: String::new(),
            options: vec!["Tốt".into(), "Đạt yêu cầu".into(), "Chưa đạt yêu cầu".into()],
            required: true,
            when: None,
        };
        let slots: Vec<EntrySlot> = ["cau_1.1", "cau_1.2", "cau_1.3", "cau_3"].iter().map(|c| slot(c)).collect();
        // Every box of the page empty, with `paper` faint pixels (a grey copy's noise);
        // `cau_3` gets `third` as its boxes' (value, mark, faint).
        let page = |paper: f32, third: &[(i32, Mark, f32)]| -> Vec<ReadBox> {
            let mut all = Vec::new();
            for s in &slots {
                for v in 1..=3 {
                    let (mark, faint) = third.iter().find(|t| s.code == "cau_3" && t.0 == v).map_or((Mark::Empty, paper), |t| (t.1, t.2));
                    let solid = if mark == Mark::Filled { 0.8 } else { 0.0 };
                    let measure = Measure { share: 0.0, solid, faint, whole: 1.0, at: (0.0, 0.0) };
                    all.push(ReadBox { code: s.code.clone(), value: v, measure, mark, confidence: 1.0 });
                }
            }
            all
        };
        let cau_3 = |boxes: &[ReadBox]| decide(&slots, boxes, true).pop().unwrap();
        let clean = cau_3(&page(0.0, &[]));
        assert_eq!((clean.state, clean.review), (AnswerState::Blank, false));
        let pale = cau_3(&page(0.0, &[(2, Mark::Empty, 0.3)]));
        assert_eq!((pale.state, pale.review), (AnswerState::Blank, true));
        assert!(pale.confidence <= 0.3);
        // Just under the margin above the page's empty boxes: still a blank accepted.
        assert!(!cau_3(&page(0.04, &[(2, Mark::Empty, 0.04 + FAINT_FROM - 0.01)])).review);
        assert!(cau_3(&page(0.04, &[(2, Mark::Empty, 0.04 + FAINT_FROM + 0.01)])).review);
        // A box filled in to cancel is dark all over, faint too: not a mark left pale.
        assert!(!cau_3(&page(0.0, &[(1, Mark::Filled, 0.9)])).review);
        // The other questions of the page, clean, are accepted beside it.
        assert!(decide(&slots, &page(0.0, &[(2, Mark::Empty, 0.3)]), true)[..3].iter().all(|a| !a.review));
    }
}
