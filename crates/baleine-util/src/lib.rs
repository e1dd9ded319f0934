//! Small behaviours shared by the baleine crates, with no I/O.
//!
//! - [`sort`]: stable sorting whose code exists once in the wasm bundle.
//!   The standard library's sorts are generic over the element *and* the
//!   comparator, so every `sort_by` call site compiled ~4 KB of sort code
//!   (≈280 KB for the web app's 70-odd sites). Here only a thin wrapper is
//!   generic; the merge sort itself runs on indices through a `dyn`
//!   comparator.
//! - [`go`]: Go's `strconv.Quote`/`QuoteRune`/`IsPrint` (what `%q` prints),
//!   with Go's Unicode 15.0 printable tables, for every crate's messages.

pub mod go;
pub mod nat;
pub mod sort;

pub use sort::{sort, sort_by, sort_by_key, sort_keys};
