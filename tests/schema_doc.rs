//! docs/schema.md matches what the code emits: its example is run and compared.

fn fenced_block(doc: &str, info: &str) -> String {
    let open = format!("```{info}\n");
    let start = doc
        .find(&open)
        .unwrap_or_else(|| panic!("docs/schema.md has no ```{info} block"))
        + open.len();
    let len = doc[start..].find("\n```").expect("unclosed block");
    doc[start..start + len].to_string()
}

#[test]
fn schema_doc_example_matches_output() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema.md")).unwrap();
    let input = fenced_block(&doc, "text example-input");
    let options = lede::Options::from_json(&fenced_block(&doc, "json example-options")).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&fenced_block(&doc, "json example-output")).unwrap();
    let actual = serde_json::to_value(lede::analyze(&input, &options).unwrap()).unwrap();
    assert_eq!(actual, expected, "docs/schema.md's example is out of date");
}

#[test]
fn schema_doc_names_every_top_level_field() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema.md")).unwrap();
    let opts = lede::Options {
        tokens: true,
        ..Default::default()
    };
    let out = serde_json::to_value(lede::analyze("Hi.", &opts).unwrap()).unwrap();
    for key in out.as_object().unwrap().keys() {
        assert!(
            doc.contains(&format!("| `{key}` |")),
            "docs/schema.md does not describe `{key}`"
        );
    }
}
