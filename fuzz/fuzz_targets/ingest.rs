//! Fuzz target: arbitrary bytes through `resdiff::ingest::decode`, with the
//! encoding detected and with a few encodings forced. Decoding must return
//! text or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::ingest::{self, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let _ = ingest::decode("fuzz.txt", data, &IngestOptions::default());
    // The first byte picks a forced encoding, so that the forced paths (BOM
    // of another encoding, NULs in UTF-8) are reached as well.
    if let Some((&pick, rest)) = data.split_first() {
        let label = ["utf-8", "utf-16le", "utf-16be", "gb18030", "big5"][usize::from(pick % 5)];
        if let Ok(encoding) = ingest::encoding_for_label(label) {
            let opts = IngestOptions {
                encoding: Some(encoding),
                ..Default::default()
            };
            let _ = ingest::decode("fuzz.txt", rest, &opts);
        }
    }
});
