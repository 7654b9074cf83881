//! Release builds of the `resdiff` binary for Linux place the functions
//! that typical runs execute together at the start of the code, listed in
//! `link/hot-text.ld` (made by `tools/hot-text.sh`). The kernel maps code
//! into memory in windows of 64 KB around each page a run touches, so code
//! a run needs, scattered among code it does not, makes the whole binary
//! resident; grouped, a diff of two editions maps about half as much
//! (README, Performance). Only the layout changes: a stale or missing list
//! costs memory, never correctness. `RESDIFF_NO_HOT_TEXT=1` links without
//! it (for linkers without GNU linker-script support).

use std::env;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=link/hot-text.ld");
    println!("cargo:rerun-if-env-changed=RESDIFF_NO_HOT_TEXT");
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let release = env::var("PROFILE").is_ok_and(|p| p == "release");
    let wanted = env::var_os("RESDIFF_NO_HOT_TEXT").is_none_or(|v| v.is_empty() || v == "0");
    let Ok(dir) = env::var("CARGO_MANIFEST_DIR") else {
        return;
    };
    let script = Path::new(&dir).join("link").join("hot-text.ld");
    // `-Wl,` splits its argument at commas.
    let path = script.to_string_lossy();
    if linux && release && wanted && script.is_file() && !path.contains(',') {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{path}");
    }
}
