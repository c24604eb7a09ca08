//! WebAssembly exports: `analyze(text, options?)` and `version()`.
//!
//! Only translation happens here: JS values in, the `lede/1` object out (via
//! serde-wasm-bindgen, JSON-compatible: objects, numbers, `null`). Every
//! failure is a thrown JS `Error` with a message; nothing panics.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::Options;

/// Analyze one article. `options` may be `undefined`, `null` or
/// `{ date?: "YYYY-MM-DD", tokens?: boolean }`.
#[wasm_bindgen]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (text, options) = arguments("analyze", text, options)?;
    let analysis =
        crate::analyze_owned(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

/// Analyze one article and return the result as JSON text (the same bytes
/// as the CLI writes).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: JsValue, options: JsValue) -> Result<js_sys::JsString, JsError> {
    let (text, options) = arguments("analyzeJson", text, options)?;
    // the document takes the text, and is gone before the JSON is written
    let analysis =
        crate::analyze_owned(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // written out to JavaScript a megabyte at a time: the whole JSON (about
    // nine times the text) never sits in wasm memory beside the analysis
    let mut out = Chunks {
        js: js_sys::JsString::from(""),
        buf: Vec::with_capacity(CHUNK + 4),
    };
    serde_json::to_writer(&mut out, &analysis).expect("the output schema always serializes");
    out.send();
    Ok(out.js)
}

/// Analyze one article and return its events as CSV (a header, then one
/// row per event: the CLI's `--format csv`); `doc` fills the first column.
#[wasm_bindgen(js_name = analyzeCsv)]
pub fn analyze_csv(
    text: JsValue,
    options: JsValue,
    doc: Option<String>,
) -> Result<String, JsError> {
    let analysis = analyzed("analyzeCsv", text, options)?;
    Ok(crate::csv::events(doc.as_deref().unwrap_or(""), &analysis))
}

/// Analyze one article and return its entities as CSV: a header, then one
/// row per actor (its mentions merged; the CLI's `--format entities-csv`);
/// `doc` fills the first column.
#[wasm_bindgen(js_name = analyzeEntitiesCsv)]
pub fn analyze_entities_csv(
    text: JsValue,
    options: JsValue,
    doc: Option<String>,
) -> Result<String, JsError> {
    let analysis = analyzed("analyzeEntitiesCsv", text, options)?;
    Ok(crate::csv::entities(
        doc.as_deref().unwrap_or(""),
        &analysis,
    ))
}

/// Analyze one article and return its places and events with coordinates
/// as a GeoJSON FeatureCollection (text); `doc` names it in each feature.
#[wasm_bindgen(js_name = analyzeGeoJson)]
pub fn analyze_geojson(
    text: JsValue,
    options: JsValue,
    doc: Option<String>,
) -> Result<String, JsError> {
    let analysis = analyzed("analyzeGeoJson", text, options)?;
    Ok(crate::geojson::features(doc.as_deref().unwrap_or(""), &analysis).to_string())
}

/// The analysis for an export that writes it out another way.
fn analyzed(
    function: &str,
    text: JsValue,
    options: JsValue,
) -> Result<crate::output::Analysis, JsError> {
    let (text, options) = arguments(function, text, options)?;
    crate::analyze_owned(text, &options).map_err(|e| JsError::new(&e.to_string()))
}

/// Bytes of JSON handed to JavaScript at a time.
const CHUNK: usize = 1 << 20;

/// A writer that hands its UTF-8 to a JavaScript string in chunks.
struct Chunks {
    js: js_sys::JsString,
    buf: Vec<u8>,
}

impl Chunks {
    /// Append the buffer's whole characters to the string; the bytes of a
    /// character cut at the end stay for the next chunk.
    fn send(&mut self) {
        let text = match std::str::from_utf8(&self.buf) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&self.buf[..e.valid_up_to()]).unwrap_or_default(),
        };
        if text.is_empty() {
            return;
        }
        self.js = self.js.concat(&js_sys::JsString::from(text));
        let whole = text.len();
        self.buf.drain(..whole);
    }
}

impl std::io::Write for Chunks {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.send();
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// lede's version.
/// Decode the models and lexicons now rather than in the first `analyze`:
/// the one named `part` (one of `parts()`), or all when it is undefined.
/// The package's `init` calls it with none.
#[wasm_bindgen]
pub fn load(part: Option<String>) -> Result<(), JsError> {
    match part {
        None => {
            for p in crate::PARTS {
                crate::load(p);
            }
            Ok(())
        }
        Some(p) if crate::load(&p) => Ok(()),
        Some(p) => Err(JsError::new(&format!(
            "no part {p:?} to load: one of {}",
            crate::PARTS.join(", ")
        ))),
    }
}

/// The names `load` takes, in the order `load()` decodes them.
#[wasm_bindgen]
pub fn parts() -> Vec<String> {
    crate::PARTS.iter().map(|p| p.to_string()).collect()
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// Check the arguments of `analyze` / `analyzeJson`.
fn arguments(
    function: &str,
    text: JsValue,
    options: JsValue,
) -> Result<(String, Options), JsError> {
    let Some(js) = text.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new(&format!(
            "{function}(text, options): text must be a string, got {}",
            js_type(&text)
        )));
    };
    let options = parse_options(options)?;
    options
        .validate()
        .map_err(|e| JsError::new(&e.to_string()))?;
    // a UTF-16 code unit is at least one byte of UTF-8: a string with more
    // units than the cap is refused before it is copied into wasm memory
    let units = js.length() as usize;
    if units > options.limit() {
        let limit = options.limit();
        return Err(JsError::new(&format!(
            "text is {units} UTF-16 code units, over {limit} bytes; lede analyzes at most {limit} bytes at a time: split it into articles (or raise options.maxBytes, up to {})",
            crate::MAX_INPUT_CEILING
        )));
    }
    let text = String::from(js);
    // the copy turns a lone surrogate into U+FFFD: look for one only then
    if text.contains('\u{FFFD}') {
        if let Some(index) = lone_surrogate(js) {
            return Err(JsError::new(
                &crate::Error::LoneSurrogate { index }.to_string(),
            ));
        }
    }
    Ok((text, options))
}

/// The code unit of the first lone surrogate of a JS string.
fn lone_surrogate(js: &js_sys::JsString) -> Option<usize> {
    let n = js.length();
    let unit = |i: u32| js.char_code_at(i) as u32;
    let mut i = 0;
    while i < n {
        let u = unit(i);
        if (0xD800..0xDC00).contains(&u) && i + 1 < n && (0xDC00..0xE000).contains(&unit(i + 1)) {
            i += 2;
            continue;
        }
        if (0xD800..0xE000).contains(&u) {
            return Some(i as usize);
        }
        i += 1;
    }
    None
}

fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || options.is_array() {
        return Err(JsError::new(&format!(
            "invalid options: expected an object like {{ date: \"2020-02-27\" }}, got {}",
            js_type(&options)
        )));
    }
    // Read the object as a map first so unknown keys are reported, not ignored.
    let map: serde_json::Map<String, serde_json::Value> =
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    Options::from_object(map).map_err(|e| JsError::new(&e.to_string()))
}

fn js_type(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if v.is_array() {
        "an array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}
