//! The only code that sees JS (wasm32 only): the exported API, the error shape, and the
//! widget's rendering. The core stays host-agnostic; this layer turns JS values into bytes and
//! options, reports into plain objects (the same JSON as the CLI's `--json`), and cards into DOM.

pub mod exports;
mod js_error;
mod options;
#[cfg(feature = "presentations")]
pub mod portfolio;
mod render;
pub mod verification;
pub mod verified_report;
pub mod widget;
