//! Conformance tests of the upload rules (R-MD-01 … R-MD-12): one test per rule id, each with a
//! file description that breaks exactly that rule (path, rule id, message) and a boundary one
//! that passes; plus the declaration (multipart body) and the engine's query for an upload.

mod common;

use serde_json::{json, Value};
use wecom_core::client::{Client, ClientConfig};
use wecom_core::endpoints::{self, Body};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::schema::Secret;
use wecom_core::upload;
use wecom_core::validate::Options;
use wecom_core::Report;

const UPLOAD: &str = "media/upload";
const IMG: &str = "media/uploadimg";
const ATTACH: &str = "media/upload_attachment";
const MB: i64 = 1024 * 1024;

fn report(endpoint: &str, payload: &Value) -> Report {
    upload::check(endpoint, &payload.to_string(), Options::default()).expect("an upload endpoint")
}

/// Exactly these errors (path, rule), in order, and no warning.
fn refused(endpoint: &str, payload: &Value, expected: &[(&str, &str)]) -> Report {
    let r = report(endpoint, payload);
    let got: Vec<(&str, &str)> = r.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, expected, "{endpoint} {payload}");
    assert!(r.warnings.is_empty(), "{endpoint} {payload}: {:?}", r.warnings);
    r
}

fn passes(endpoint: &str, payload: &Value) {
    let r = report(endpoint, payload);
    assert!(r.errors.is_empty() && r.warnings.is_empty(), "{endpoint} {payload}: {r:?}");
}

fn size_msg(min: i64, max: i64, actual: i64) -> Msg {
    Msg::Range { min, max, actual }
}

/// The size bounds of one limit: the boundaries pass, one past them is refused with `rule`.
fn sizes(endpoint: &str, base: Value, max: i64, rule: &str) {
    for ok in [6, max] {
        let mut p = base.clone();
        p["size"] = json!(ok);
        passes(endpoint, &p);
    }
    for bad in [5, max + 1] {
        let mut p = base.clone();
        p["size"] = json!(bad);
        let r = refused(endpoint, &p, &[("/size", rule)]);
        assert_eq!(r.errors[0].msg, size_msg(6, max, bad));
    }
}

/// Refused names (with `rule` and the formats text) and accepted ones (any letter case).
fn names(endpoint: &str, base: Value, good: &[&str], bad: &[&str], rule: &str) {
    for name in good {
        let mut p = base.clone();
        p["filename"] = json!(name);
        passes(endpoint, &p);
    }
    for name in bad {
        let mut p = base.clone();
        p["filename"] = json!(name);
        let r = refused(endpoint, &p, &[("/filename", rule)]);
        assert!(matches!(r.errors[0].msg, Msg::Text(_)), "{name}");
    }
}

#[test]
fn r_md_01_media_type_is_required_and_one_of_four() {
    refused(UPLOAD, &json!({ "filename": "a.png", "size": 10 }), &[("/type", "R-MD-01")]);
    let r = refused(UPLOAD, &json!({ "type": "thumb", "filename": "a.jpg", "size": 10 }), &[("/type", "R-MD-01")]);
    assert!(matches!(r.errors[0].msg, Msg::Text(t) if t.en.contains("image, voice, video, file")));
    refused(UPLOAD, &json!({ "type": "IMAGE", "filename": "a.jpg", "size": 10 }), &[("/type", "R-MD-01")]);
    for t in ["image", "voice", "video", "file"] {
        let name = match t {
            "voice" => "a.amr",
            "video" => "a.mp4",
            _ => "a.png",
        };
        passes(UPLOAD, &json!({ "type": t, "filename": name, "size": 6 }));
    }
}

#[test]
fn r_md_02_image_is_10_mb_jpg_or_png() {
    let base = json!({ "type": "image", "filename": "card.png", "size": 100 });
    sizes(UPLOAD, base.clone(), 10 * MB, "R-MD-02");
    names(UPLOAD, base, &["a.jpg", "a.JPEG", "卡片.Png"], &["a.gif", "a", "png", "a.png.exe"], "R-MD-02");
}

#[test]
fn r_md_03_voice_is_2_mb_amr() {
    let base = json!({ "type": "voice", "filename": "v.amr", "size": 100 });
    sizes(UPLOAD, base.clone(), 2 * MB, "R-MD-03");
    names(UPLOAD, base, &["v.AMR"], &["v.mp3", "v.wav"], "R-MD-03");
}

#[test]
fn r_md_04_video_is_10_mb_mp4() {
    let base = json!({ "type": "video", "filename": "v.mp4", "size": 100 });
    sizes(UPLOAD, base.clone(), 10 * MB, "R-MD-04");
    names(UPLOAD, base, &["v.MP4"], &["v.mov", "v.avi"], "R-MD-04");
}

#[test]
fn r_md_05_file_is_20_mb_of_any_format() {
    let base = json!({ "type": "file", "filename": "report.pdf", "size": 100 });
    sizes(UPLOAD, base.clone(), 20 * MB, "R-MD-05");
    names(UPLOAD, base, &["a.pdf", "noext", "a.exe"], &[], "R-MD-05");
}

#[test]
fn r_md_06_the_file_name_and_size_are_required() {
    refused(UPLOAD, &json!({ "type": "file" }), &[("/filename", "R-MD-06"), ("/size", "R-MD-06")]);
    refused(IMG, &json!({ "filename": "", "size": 10 }), &[("/filename", "R-MD-06")]);
    refused(
        ATTACH,
        &json!({ "media_type": "image", "attachment_type": 1, "filename": "a.png" }),
        &[("/size", "R-MD-06")],
    );
    passes(IMG, &json!({ "filename": "a.png", "size": 10 }));
    // The size is a byte count: a negative or fractional size is a type/range error, not a file.
    let r = report(UPLOAD, &json!({ "type": "file", "filename": "a", "size": -1 }));
    assert!(!r.errors.is_empty());
}

#[test]
fn r_md_07_uploadimg_is_2_mb_jpg_or_png() {
    let base = json!({ "filename": "banner.jpg", "size": 100 });
    sizes(IMG, base.clone(), 2 * MB, "R-MD-07");
    names(IMG, base, &["b.png", "b.JPG"], &["b.gif", "b.webp"], "R-MD-07");
}

#[test]
fn r_md_08_attachment_media_type_is_image_video_or_file() {
    let r = refused(
        ATTACH,
        &json!({ "media_type": "voice", "attachment_type": 1, "filename": "a.amr", "size": 10 }),
        &[("/media_type", "R-MD-08")],
    );
    assert!(matches!(r.errors[0].msg, Msg::Text(t) if t.en.contains("image, video, file")));
    refused(ATTACH, &json!({ "attachment_type": 1, "filename": "a.png", "size": 10 }), &[("/media_type", "R-MD-08")]);
    passes(ATTACH, &json!({ "media_type": "file", "attachment_type": 2, "filename": "a.txt", "size": 10 }));
}

#[test]
fn r_md_09_attachment_type_is_1_or_2() {
    for bad in [0, 3] {
        let p = json!({ "media_type": "image", "attachment_type": bad, "filename": "a.png", "size": 10 });
        let r = refused(ATTACH, &p, &[("/attachment_type", "R-MD-09")]);
        assert!(matches!(r.errors[0].msg, Msg::OneOf { .. }));
    }
    refused(
        ATTACH,
        &json!({ "media_type": "image", "filename": "a.png", "size": 10 }),
        &[("/attachment_type", "R-MD-09")],
    );
    for ok in [1, 2] {
        passes(ATTACH, &json!({ "media_type": "image", "attachment_type": ok, "filename": "a.png", "size": 10 }));
    }
}

#[test]
fn r_md_10_attachment_image_is_10_mb_jpg_or_png() {
    let base = json!({ "media_type": "image", "attachment_type": 1, "filename": "a.png", "size": 100 });
    sizes(ATTACH, base.clone(), 10 * MB, "R-MD-10");
    names(ATTACH, base, &["a.jpeg"], &["a.bmp"], "R-MD-10");
}

#[test]
fn r_md_11_attachment_video_is_10_mb_mp4() {
    let base = json!({ "media_type": "video", "attachment_type": 1, "filename": "a.mp4", "size": 100 });
    sizes(ATTACH, base.clone(), 10 * MB, "R-MD-11");
    names(ATTACH, base, &["a.Mp4"], &["a.mkv"], "R-MD-11");
}

#[test]
fn r_md_12_attachment_file_is_20_mb() {
    let base = json!({ "media_type": "file", "attachment_type": 2, "filename": "a.pdf", "size": 100 });
    sizes(ATTACH, base.clone(), 20 * MB, "R-MD-12");
    names(ATTACH, base, &["anything.bin"], &[], "R-MD-12");
}

#[test]
fn uploads_are_declared_as_multipart_with_their_kind_member() {
    for (path, kind) in [(UPLOAD, Some("type")), (IMG, None), (ATTACH, Some("media_type"))] {
        let e = endpoints::find(path).expect("declared");
        let Body::Multipart { field, kind: k, .. } = e.body else { panic!("{path} is not multipart") };
        assert_eq!((field, k), ("media", kind), "{path}");
        assert!(e.route().multipart, "{path}");
        assert!(e.request.field("filename").is_some() && e.request.field("size").is_some(), "{path}");
    }
    assert!(endpoints::ALL.iter().filter(|e| !e.route().multipart).all(|e| e.body == Body::Json));
    assert!(upload::check("externalcontact/add_contact_way", "{}", Options::default()).is_err());
    // media/upload may be resent after an unknown outcome (a second upload only makes a second
    // temporary id); uploadimg and upload_attachment are writes (each upload counts).
    assert!(!endpoints::MEDIA_UPLOAD.info.write);
    assert!(endpoints::MEDIA_UPLOADIMG.info.write && endpoints::MEDIA_UPLOAD_ATTACHMENT.info.write);
    assert_eq!(endpoints::MEDIA_UPLOAD.info.request.name, UploadMediaRequest::MODEL.name);
}

#[test]
fn an_upload_sends_its_kind_in_the_query_and_no_json_body() {
    let config = ClientConfig::new("ww1".to_owned(), Secret::new("s".to_owned())).expect("config");
    let client = Client::new(config, common::Fake::default());
    let route = *endpoints::find_route(ATTACH).expect("route");
    let text = r#"{"media_type":"image","attachment_type":1,"filename":"a b.png","size":10}"#;
    let call = client.begin_validated(route, text).expect("begins");
    let request = client.request_for(&call, "TOKEN");
    assert!(request.body.is_none());
    assert!(
        request.url.ends_with("/cgi-bin/media/upload_attachment?access_token=TOKEN&media_type=image&attachment_type=1"),
        "{}",
        request.url
    );
}

#[test]
fn the_upload_errcodes_are_known_parameter_errors() {
    use wecom_core::errcode::{self, ErrorClass};
    for code in [40004, 40005, 40006, 40007, 41005, 44001] {
        let info = errcode::lookup(code).unwrap_or_else(|| panic!("{code} is not in the errcode table"));
        assert_eq!(info.class, ErrorClass::Param, "{code}");
        assert_eq!(errcode::class_of(code), ErrorClass::Param, "{code}: not retried");
    }
}

#[test]
fn the_rust_client_checks_an_upload_in_begin_and_refuses_to_send_it_as_json() {
    let config = ClientConfig::new("ww1".to_owned(), Secret::new("s".to_owned())).expect("config");
    let client = Client::new(config, common::Fake::default());
    let big = r#"{"type":"voice","filename":"v.amr","size":2097153}"#;
    match client.begin(endpoints::MEDIA_UPLOAD.info, big) {
        Err(wecom_core::Error::Validation { report, .. }) => assert_eq!(report.errors[0].rule, "R-MD-03"),
        other => panic!("expected the size error, got {other:?}"),
    }
    let ok = r#"{"type":"voice","filename":"v.amr","size":2097152}"#;
    let call = client.begin(endpoints::MEDIA_UPLOAD.info, ok).expect("within the limit");
    assert!(client.request_for(&call, "T").url.ends_with("media/upload?access_token=T&type=voice"));
    let refused = common::block_on(client.call(endpoints::MEDIA_UPLOAD.info, ok));
    assert!(matches!(refused, Err(wecom_core::Error::Usage(ref m)) if m.contains("multipart")), "{refused:?}");
}
