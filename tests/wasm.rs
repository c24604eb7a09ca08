//! The wasm exports, run under wasm-bindgen-test in Node:
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm`
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn analyze_returns_a_plain_object_with_the_schema() {
    let out = lede_wasm_analyze("Turkish troops entered Idlib.", JsValue::UNDEFINED).unwrap();
    let schema = js_get(&out, "schema");
    assert_eq!(schema.as_string().as_deref(), Some("lede/1"));
    let entities = js_get(&out, "entities");
    assert!(js_sys_array_len(&entities) >= 2);
}

#[wasm_bindgen_test]
fn analyze_json_matches_native_json() {
    let text = "“We will stay,” said Hulusi Akar in Ankara 😀. More than 2,000 soldiers.";
    let native = lede::analyze_to_json(text, &lede::Options::default()).unwrap();
    assert_eq!(
        lede::wasm_exports::analyze_json(JsValue::from_str(text), JsValue::NULL)
            .ok()
            .map(String::from),
        Some(native)
    );
}

#[wasm_bindgen_test]
fn long_json_comes_out_in_chunks_with_every_character_whole() {
    // more than a megabyte of JSON, full of characters of two, three and
    // four bytes, so that chunks end inside some of them
    let text = "Zoë Müller met Ōkubo in Ankara 😀 on “Thursday”, said Le Monde.\n".repeat(1100);
    let options = lede::Options {
        events: false,
        ..Default::default()
    };
    let native = lede::analyze_to_json(&text, &options).unwrap();
    assert!(native.len() > 1 << 20, "{} bytes of JSON", native.len());
    let events = js_object(&[("events", JsValue::FALSE)]);
    let wasm = lede::wasm_exports::analyze_json(JsValue::from_str(&text), events)
        .ok()
        .map(String::from);
    assert!(wasm.as_deref() == Some(native.as_str()));
}

#[wasm_bindgen_test]
fn bad_text_and_options_are_errors_not_traps() {
    assert!(lede_wasm_analyze_value(JsValue::from_f64(3.0), JsValue::NULL).is_err());
    let bad_date = js_object(&[("date", JsValue::from_str("2020-02-30"))]);
    assert!(lede_wasm_analyze("x", bad_date).is_err());
    let unknown = js_object(&[("foo", JsValue::TRUE)]);
    assert!(lede_wasm_analyze("x", unknown).is_err());
    assert!(lede_wasm_analyze("x", JsValue::from_str("2020-02-27")).is_err());
}

#[wasm_bindgen_test]
fn frames_come_when_asked_for_and_match_native() {
    let text = "Turkish forces retook the key town of Saraqib on Thursday.";
    let opts = js_object(&[("frames", JsValue::TRUE)]);
    let out = lede_wasm_analyze(text, opts).unwrap();
    let frames = js_get(&out, "frames");
    assert!(js_sys_array_len(&frames) >= 1);
    let none = lede_wasm_analyze(text, JsValue::UNDEFINED).unwrap();
    assert!(js_get(&none, "frames").is_undefined());
    let native = lede::analyze_to_json(
        text,
        &lede::Options {
            frames: true,
            ..Default::default()
        },
    )
    .unwrap();
    let opts = js_object(&[("frames", JsValue::TRUE)]);
    assert_eq!(
        lede::wasm_exports::analyze_json(JsValue::from_str(text), opts)
            .ok()
            .map(String::from),
        Some(native)
    );
}

#[wasm_bindgen_test]
fn a_lone_surrogate_is_an_error_up_front_a_pair_is_analyzed() {
    let lone = js_sys::JsString::from_char_code(&[0x61, 0x20, 0xD800, 0x62]);
    let err = lede_wasm_analyze_value(lone.into(), JsValue::NULL).unwrap_err();
    let message = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(
        message.contains("lone UTF-16 surrogate at index 2"),
        "{message}"
    );
    let trailing = js_sys::JsString::from_char_code(&[0xDC00]);
    assert!(lede_wasm_analyze_value(trailing.into(), JsValue::NULL).is_err());
    // a real U+FFFD and a surrogate pair (an emoji) are fine
    let pair = js_sys::JsString::from_char_code(&[0xFFFD, 0x20, 0xD83D, 0xDE00, 0x20, 0x61]);
    let out = lede_wasm_analyze_value(pair.into(), JsValue::NULL).unwrap();
    assert_eq!(js_get(&out, "length").as_f64(), Some(6.0));
}

#[wasm_bindgen_test]
fn an_oversized_string_is_refused_before_it_is_copied() {
    let opts = js_object(&[("maxBytes", JsValue::from_f64(100.0))]);
    let long = "é".repeat(60); // 60 code units, 120 bytes: copied, then refused
    let err = lede_wasm_analyze(&long, opts.clone()).unwrap_err();
    let message = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(message.contains("text is 120 bytes"), "{message}");
    let longer = "a".repeat(101); // refused on its length alone
    let err = lede_wasm_analyze(&longer, opts).unwrap_err();
    let message = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(message.contains("101 UTF-16 code units"), "{message}");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(lede::wasm_exports::version(), env!("CARGO_PKG_VERSION"));
}

fn lede_wasm_analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    lede_wasm_analyze_value(JsValue::from_str(text), options)
}

fn lede_wasm_analyze_value(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    lede::wasm_exports::analyze(text, options).map_err(JsValue::from)
}

fn js_get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

fn js_sys_array_len(v: &JsValue) -> u32 {
    js_sys::Array::from(v).length()
}

fn js_object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}
