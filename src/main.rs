//! The `resdiff` command line: parses arguments and calls the library.

fn main() {
    println!("resdiff");
}
