//! The default project (the seed conference: `data/`, `templates/`, `fonts/`, `assets/` of the
//! workspace root) as bytes in the binary, so `vinhdanh build` works on a machine with nothing
//! but the executable. A crate of its own so that only it reads those folders at build time.

/// Files of the default project.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Every template any version shipped, to tell a clerk's unchanged copy from an edit.
pub mod shipped {
    include!(concat!(env!("OUT_DIR"), "/shipped.rs"));
}
