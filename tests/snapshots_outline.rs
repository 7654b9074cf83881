//! Snapshots of the outlines of selected resolutions, each reviewed by eye
//! against the source text before it was accepted.

mod common;

use common::*;

fn outline(path: &std::path::Path, id: &str) -> String {
    let doc = load(path);
    let r = resolution(&doc, id);
    let mut out = Vec::new();
    resdiff::render::outline::write_resolution(&mut out, r).expect("write");
    String::from_utf8(out).expect("utf-8")
}

macro_rules! snap {
    ($name:ident, $id:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(outline(&wtsa24_texts(), $id));
        }
    };
}

snap!(res_2_with_annexes, "2");
snap!(res_7, "7");
snap!(res_18, "18");
snap!(res_22, "22");
snap!(res_44, "44");
snap!(res_73, "73");
snap!(com4_ai, "COM4/AI");
snap!(com4_cli_cl, "COM4/CLI-CL");
snap!(rec_a25, "A.25");

#[test]
fn published_101() {
    insta::assert_snapshot!(outline(&res101_published(), "101"));
}
