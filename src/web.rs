//! The only code that sees JS (wasm32 only): the exported API and the error shape. The core
//! stays host-agnostic; this layer turns JS values into bytes and options, and reports into
//! plain objects (the same JSON as the CLI's `--json`).

pub mod exports;
mod js_error;
