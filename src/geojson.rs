//! Places and events with coordinates as GeoJSON (RFC 7946): one `Point`
//! feature per place actor that has coordinates (a city of the gazetteer),
//! and one per event whose place has them. Coordinates are `[lon, lat]`;
//! offsets in the properties are UTF-16 code units, as in the JSON output.

use serde_json::{json, Value};

use crate::output::{integral, one_decimal, Analysis};

/// The FeatureCollection of `analysis`; `doc` names the document (a file
/// name, a JSON-lines id) in every feature's properties.
pub fn features(doc: &str, analysis: &Analysis) -> Value {
    let mut features = Vec::new();
    for (i, a) in analysis.actors.iter().enumerate() {
        let (Some(lat), Some(lon)) = (a.lat, a.lon) else {
            continue;
        };
        let mentions: Vec<Value> = a
            .mentions
            .iter()
            .filter_map(|&m| analysis.entities.get(m))
            .map(|e| json!([e.start, e.end]))
            .collect();
        features.push(json!({
            "type": "Feature",
            "geometry": point(lat, lon),
            "properties": {
                "doc": doc,
                "feature": "place",
                "actor": i,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "code": a.code,
                "mentions": mentions,
            },
        }));
    }
    for (i, e) in analysis.events.iter().enumerate() {
        let Some(place) = &e.place else {
            continue;
        };
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            continue;
        };
        let cameo = e.cameo.as_ref();
        // a whole count as an integer, as in the JSON output
        let killed = e
            .casualties
            .as_ref()
            .and_then(|c| c.killed)
            .map(|k| integral(k).map_or(json!(k), |n| json!(n)));
        features.push(json!({
            "type": "Feature",
            "geometry": point(lat, lon),
            "properties": {
                "doc": doc,
                "feature": "event",
                "event": i,
                "type": e.kind,
                "trigger": e.text,
                "start": e.start,
                "end": e.end,
                "date": e.time.as_ref().map(|t| t.value.as_str()).or(analysis.date.as_deref()),
                "place": place.name,
                "place_country": place.country,
                "place_stated": place.stated,
                "cameo_code": cameo.map(|c| c.code.as_str()),
                "actor1_code": cameo.and_then(|c| c.source.as_deref()),
                "actor2_code": cameo.and_then(|c| c.target.as_deref()),
                "fatalities": killed,
                "status": e.status,
                "sentence": analysis.sentences.get(e.sentence).map(|s| s.text.as_str()),
            },
        }));
    }
    json!({ "type": "FeatureCollection", "features": features })
}

/// A GeoJSON point, `[lon, lat]`, to one decimal as the gazetteer gives them.
fn point(lat: f32, lon: f32) -> Value {
    json!({ "type": "Point", "coordinates": [one_decimal(lon), one_decimal(lat)] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn places_and_events_with_coordinates_are_points() {
        let text = "Three Turkish soldiers were killed in Idlib on Wednesday.";
        let options = Options {
            date: Some("2020-02-27".into()),
            ..Options::default()
        };
        let a = analyze(text, &options).unwrap();
        let g = features("idlib.txt", &a);
        assert_eq!(g["type"], "FeatureCollection");
        let fs = g["features"].as_array().unwrap();
        let place = fs
            .iter()
            .find(|f| f["properties"]["name"] == "Idlib")
            .expect("Idlib placed");
        let [lon, lat] = [
            place["geometry"]["coordinates"][0].as_f64().unwrap(),
            place["geometry"]["coordinates"][1].as_f64().unwrap(),
        ];
        assert!(
            (36.0..37.5).contains(&lon) && (35.0..36.5).contains(&lat),
            "{lon} {lat}"
        );
        let event = fs
            .iter()
            .find(|f| f["properties"]["feature"] == "event")
            .expect("the killing placed");
        assert_eq!(event["properties"]["type"], "Life.Die.Unspecified");
        assert_eq!(event["properties"]["date"], "2020-02-26");
        assert_eq!(event["properties"]["fatalities"], 3);
        // one decimal, not the f32's digits
        assert_eq!(place["geometry"]["coordinates"][0].to_string().len(), 4);
        assert_eq!(event["properties"]["doc"], "idlib.txt");
    }
}
