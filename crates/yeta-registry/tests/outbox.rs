//! The shells' registry client and outbox (`yeta_service::registry`) against the real server: a
//! budget officer's submissions wait while the registry cannot be reached, go in order when it
//! can, a refused one is kept aside with the registry's reason, and a resubmission whose
//! acknowledgement was lost does not double the revision.

mod common;

use yeta_service::registry::{Client, Login, Outbox, RegistryError};

#[test]
fn offline_submissions_wait_then_go_in_order_and_are_not_doubled() {
    let Some(env) = common::start("reg_outbox", 16 << 20) else { return };
    let a = env.user("officer-q", "officer", Some("국토교통부"));
    let dir = std::env::temp_dir().join(format!("yeta-outbox-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let ob = Outbox::new(&dir);
    let rail = common::fixture("rail-wide-area");
    let ict = common::fixture("ict-e-procurement");
    ob.enqueue("rail-q", &rail, false).expect("the outbox or the registry answers");
    ob.enqueue("bad key;--", &ict, false).expect("the outbox or the registry answers");
    ob.enqueue("ict-q", &ict, true).expect("the outbox or the registry answers");
    // The outbox's last submission repeats the first: as after an acknowledgement that was lost.
    ob.enqueue("rail-q", &rail, false).expect("the outbox or the registry answers");

    // Offline: nothing listens on the port; everything waits, in order, and nothing reached the
    // database.
    let before = env.counts();
    let offline = Client::new(&Login { url: "http://127.0.0.1:9".into(), token: a.clone(), ca: None })
        .expect("the outbox or the registry answers");
    let f = ob.flush(&offline).expect("the outbox or the registry answers");
    assert_eq!((f.sent.len(), f.refused.len(), f.waiting), (0, 0, 4), "{f:?}");
    assert!(f.stopped.is_some());
    assert_eq!(
        ob.list().expect("the outbox or the registry answers").iter().map(|q| q.key.as_str()).collect::<Vec<_>>(),
        ["rail-q", "bad key;--", "ict-q", "rail-q"]
    );
    assert_eq!(env.counts(), before);

    // A removed user's token is refused (401): the queue waits for a new login, untouched.
    let gone = env.user("officer-gone", "officer", Some("국토교통부"));
    assert_eq!(env.call("DELETE", "/v1/users/officer-gone", Some(&env.admin), None).0, 200);
    // (Adding and removing the user wrote the users table and the audit log; nothing else since.)
    let before = env.counts();
    let refused = Client::new(&Login { url: env.base.clone(), token: gone, ca: None })
        .expect("the outbox or the registry answers");
    let f = ob.flush(&refused).expect("the outbox or the registry answers");
    assert_eq!((f.sent.len(), f.waiting), (0, 4), "{f:?}");
    assert_eq!(env.counts(), before);

    // Connected: sent in order; the bad key refused with the registry's field and kept aside; the
    // repeat acknowledged as the same revision.
    let online = Client::new(&Login { url: env.base.clone(), token: a.clone(), ca: None })
        .expect("the outbox or the registry answers");
    assert_eq!(online.me().expect("the outbox or the registry answers")["name"].as_str(), Some("officer-q"));
    let f = ob.flush(&online).expect("the outbox or the registry answers");
    assert_eq!(f.waiting, 0, "{f:?}");
    let sent: Vec<(&str, i64, bool)> = f.sent.iter().map(|s| (s.key.as_str(), s.revision, s.unchanged)).collect();
    assert_eq!(sent, [("rail-q", 1, false), ("ict-q", 1, false), ("rail-q", 1, true)]);
    assert_eq!(f.sent[1].status, "draft");
    assert_eq!(f.refused.len(), 1);
    assert_eq!((f.refused[0].0.as_str(), f.refused[0].1.as_str()), ("bad key;--", "registry-bad-field"));
    assert!(f.refused[0].2.contains("key"), "{}", f.refused[0].2);
    assert!(ob.list().expect("the outbox or the registry answers").is_empty());
    let kept = ob.refused().expect("the outbox or the registry answers");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].study, ict, "the refused study is kept whole");
    assert_eq!(env.count("revisions"), 2, "the repeat made a second revision of rail-q");

    // The client's own refusals carry the registry's code, path and both sentences.
    match online.submit("ict-q", "{ not json", false) {
        Err(RegistryError::Refused { status, code, message_ko, .. }) => {
            assert_eq!(status / 100, 4);
            assert!(code.starts_with("registry-"), "{code}");
            assert!(!message_ko.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // A changed text is a new revision again.
    let changed = rail.replacen("\"name\": \"", "\"name\": \"v2 ", 1);
    let s = online.submit("rail-q", &changed, false).expect("the outbox or the registry answers");
    assert_eq!((s.revision, s.unchanged), (2, false));
    assert!(ob.remove(&kept[0].id).expect("the outbox or the registry answers"));
    assert!(ob.refused().expect("the outbox or the registry answers").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
