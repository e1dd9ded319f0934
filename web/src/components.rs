//! One yew function component per file, each with its `<Name>Props`.

pub mod build;
pub mod compose;
pub mod containers;
pub mod editor;
pub mod events;
pub mod file_tree;
pub mod header;
pub mod images;
pub mod lesson;
pub mod networks;
pub mod notices;
pub mod session_bar;
pub mod tabs;
pub mod terminal;
pub mod volumes;
