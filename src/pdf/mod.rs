//! Printing: the office's paper forms as PDF/A-2b files, laid out the way Vietnamese
//! administrative documents are (Decree 30/2020/NĐ-CP): A4, its margins, Times-compatible
//! type, the national header, page numbers in the top margin from page 2 on.
//!
//! A small layout layer over printpdf: [`document::Document`] flows text and tables down
//! pages, [`blocks`] draws the fixed parts of official documents, [`forms`] draws each form
//! from data. Every file is PDF/A-2b ([`pdfa`]), with its fonts embedded as subsets
//! ([`font`]), so it stays readable and searchable in an archive.

pub mod blocks;
pub mod chart;
pub mod document;
pub mod font;
pub mod forms;
pub mod page;
pub mod pdfa;
pub mod table;
pub mod text;

pub use document::{Document, Metadata};
pub use font::Face;
pub use text::{Align, Style};
