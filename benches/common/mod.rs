//! What the benchmarks share: the table line of timings, and realistic survey answers.
#![allow(dead_code)] // each benchmark uses part of it

use std::time::Duration;
use ykien::domain::survey_entry::{applies, Answer, EntrySlot};

/// "p50 … ms   p95 … ms   max … ms" of the samples.
pub fn stats(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let q = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    format!("p50 {:>8.2} ms   p95 {:>8.2} ms   max {:>8.2} ms", ms(q(0.5)), ms(q(0.95)), ms(q(1.0)))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A realistic form: mostly "Tốt", some "Đạt yêu cầu", a few blanks and spoiled rows, "Có"
/// on the harassment question now and then (which asks its follow-up). Reproducible from `i`.
pub fn answers(slots: &[EntrySlot], i: usize) -> Vec<Answer> {
    let mut out: Vec<Answer> = Vec::new();
    for (k, s) in slots.iter().enumerate() {
        if s.options.is_empty() || !applies(s, &out) {
            continue;
        }
        let h = (i.wrapping_mul(2_654_435_761) >> (k % 13)) % 100;
        let a = match (s.options.len(), h) {
            (1, h) if h < 55 => Answer::chosen(&s.code, 1),
            (1, _) => Answer::blank(&s.code),
            (2, h) if h < 4 => Answer::chosen(&s.code, 1),
            (2, _) => Answer::chosen(&s.code, 2),
            (_, h) if h < 60 => Answer::chosen(&s.code, 1),
            (_, h) if h < 92 => Answer::chosen(&s.code, 2),
            (_, h) if h < 97 => Answer::chosen(&s.code, 3),
            (_, h) if h < 99 => Answer::blank(&s.code),
            _ => Answer::spoiled(&s.code),
        };
        out.push(a);
    }
    out
}
