//! What the integration tests share: the seed article and its analysis.

use lede::{analyze, Analysis, Options};

/// The seed article (`../shared/examples/idlib-2020.txt`, read, never
/// copied) and lede's analysis of it on its date, 2020-02-27, with the
/// frames when `frames` is true.
pub fn seed(frames: bool) -> (String, Analysis) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/idlib-2020.txt"
    );
    let text = std::fs::read_to_string(path).expect("the seed article beside the repository");
    let opts = Options {
        date: Some("2020-02-27".into()),
        frames,
        ..Default::default()
    };
    let analysis = analyze(&text, &opts).unwrap();
    (text, analysis)
}
