//! Localized messages from Fluent files (`#[api_error(locales = "..")]`): translations
//! with and without selectors, titles and resolutions, partial locales, locale selection
//! and `Accept-Language` negotiation.

mod orders;

use error_catalog::ApiError;
use orders::OrderError;

fn not_found() -> OrderError {
    OrderError::NotFound { id: "ord_1".into() }
}

#[test]
fn plain_translations_fill_in_the_fields() {
    let err = not_found();
    assert_eq!(
        err.message().locale("fr").to_string(),
        "Commande ord_1 introuvable"
    );
    assert_eq!(
        err.message().locale("DE").to_string(),
        "Bestellung ord_1 nicht gefunden"
    );
    assert_eq!(err.message().to_string(), "Order ord_1 not found");
    assert_eq!(err.message().locale("fr").language(), Some("fr"));
    assert_eq!(err.message().language(), Some("en"));
}

#[test]
fn a_translation_may_show_a_field_the_default_message_does_not() {
    let err = OrderError::Declined {
        reason: "carte expirée".into(),
    };
    assert_eq!(err.to_string(), "The payment was declined");
    assert_eq!(
        err.message().locale("fr").to_string(),
        "Le paiement a été refusé : carte expirée"
    );
    assert_eq!(
        err.message().locale("de").to_string(),
        "Die Zahlung wurde abgelehnt"
    );
}

#[test]
fn an_unknown_tag_keeps_the_default_locale() {
    let err = not_found();
    for tag in ["it", "fr-CA", "", "fr;q=1", "*"] {
        assert_eq!(
            err.message().locale(tag).to_string(),
            "Order ord_1 not found",
            "{tag}"
        );
        assert_eq!(err.message().locale(tag).language(), Some("en"), "{tag}");
    }
}

#[test]
fn a_partial_locale_falls_back_to_the_default_locale() {
    assert_eq!(
        not_found().message().locale("pt").to_string(),
        "Pedido ord_1 não encontrado"
    );
    let declined = OrderError::Declined { reason: "x".into() };
    assert_eq!(
        declined.message().locale("pt").to_string(),
        "The payment was declined"
    );
    assert_eq!(declined.message().locale("pt").language(), Some("en"));
    let pt = OrderError::CATALOG[0]
        .category()
        .locales()
        .unwrap()
        .get("pt")
        .unwrap();
    assert!(pt.is_partial());
    assert!(pt.translation(&OrderError::CATALOG[2]).is_none());
}

#[test]
fn titles_resolutions_and_ids() {
    let spec = &OrderError::CATALOG[0];
    let fr = spec.translation("fr").unwrap();
    assert_eq!(fr.id(), "order_not_found");
    assert_eq!(fr.title(), Some("Commande introuvable"));
    assert_eq!(
        fr.resolution(),
        Some("Vérifiez l'identifiant de la commande.")
    );
    assert_eq!(fr.source(), "Commande { $id } introuvable");
    assert!(!fr.has_selectors());
    // `pt` translates the message only.
    assert_eq!(spec.translation("pt").unwrap().title(), None);
    let too_many = OrderError::CATALOG[1].translation("fr").unwrap();
    assert_eq!(too_many.id(), "cart-too_many");
    assert!(too_many.has_selectors());
    assert!(OrderError::CATALOG[1].translation("pt").is_none());
}

#[test]
fn the_table_lists_every_locale() {
    let locales = OrderError::CATALOG[0].category().locales().unwrap();
    assert_eq!(locales.default_locale(), "en");
    assert_eq!(locales.tags().collect::<Vec<_>>(), ["en", "de", "fr", "pt"]);
    let fr = locales.get("fr").unwrap();
    assert_eq!(fr.sources().len(), 2);
    assert!(fr.sources()[0].contains("order_not_found ="));
    assert!(!fr.is_partial());
}

#[cfg(feature = "i18n")]
mod i18n {
    use super::{OrderError, not_found};
    use error_catalog::ApiError;

    fn too_many(count: u32) -> OrderError {
        OrderError::TooMany { count, max: 10 }
    }

    #[test]
    fn plurals_follow_the_locale_rules() {
        let fr = |count| too_many(count).message().locale("fr").to_string();
        assert_eq!(fr(1), "Le panier contient 1 article ; la limite est 10");
        // French counts 0 as singular (CLDR `one`: i = 0,1); English and German do not.
        assert_eq!(fr(0), "Le panier contient 0 article ; la limite est 10");
        assert_eq!(fr(12), "Le panier contient 12 articles ; la limite est 10");
        let de = |count| too_many(count).message().locale("de").to_string();
        assert_eq!(
            de(1),
            "Der Warenkorb enthält einen Artikel; das Limit ist 10"
        );
        assert_eq!(de(0), "Der Warenkorb enthält 0 Artikel; das Limit ist 10");
        assert_eq!(too_many(0).message().locale("de").language(), Some("de"));
    }

    #[test]
    fn negotiation_falls_back_by_lookup() {
        let err = not_found();
        let language = |list: &str| err.message().negotiate(list).language();
        assert_eq!(language("fr-CA"), Some("fr"));
        assert_eq!(language("it, de;q=0.5, fr;q=0.4"), Some("de"));
        assert_eq!(language("de;q=0.5, fr;q=0.9"), Some("fr"));
        assert_eq!(language("pt-BR"), Some("pt"));
        assert_eq!(language("en-US, fr"), Some("en"));
        assert_eq!(language("fr;q=0, *"), Some("en"));
        assert_eq!(
            err.message().negotiate("fr-CA, en;q=0.5").to_string(),
            "Commande ord_1 introuvable"
        );
    }

    #[test]
    fn garbage_lists_give_the_default_locale() {
        let err = not_found();
        let huge = "x-".repeat(5000);
        // Only the first 64 tags are read.
        let many = "zz, ".repeat(3000) + "fr";
        for list in [
            "*;q=x",
            ";;;",
            ",,,",
            "fr;q=2",
            "fr;q=-1",
            "\u{0}\u{ffff}",
            &huge,
            &many,
        ] {
            assert_eq!(
                err.message().negotiate(list).language(),
                Some("en"),
                "{list:.40}"
            );
            assert_eq!(
                err.message().negotiate(list).to_string(),
                "Order ord_1 not found"
            );
        }
        // A tag that cannot be read is skipped, not the list.
        assert_eq!(
            err.message().negotiate(&(huge + ", fr")).language(),
            Some("fr")
        );
    }

    /// An `Accept-Language` list made of tags near the type's locales (exact, other
    /// case, with a region, a wildcard, unknown, malformed), each with or without a
    /// `q` weight, good or bad.
    fn header() -> impl proptest::strategy::Strategy<Value = String> {
        const TAGS: &[&str] = &[
            "fr", "FR", "fr-CA", "de", "de-CH", "de-de", "pt", "pt-BR", "en", "en-US", "it", "*",
            "zz", "", "x-", "fr_FR", "1234",
        ];
        const WEIGHTS: &[&str] = &[
            "", ";q=0", ";q=0.5", ";q=1", ";q=x", ";q=0.9", " ; q=0.8", ";q=0.001",
        ];
        let item = (0..TAGS.len(), 0..WEIGHTS.len())
            .prop_map(|(tag, weight)| format!("{}{}", TAGS[tag], WEIGHTS[weight]));
        let separator = proptest::sample::select(vec![",", ", ", " ,"]);
        (proptest::collection::vec(item, 0..6), separator)
            .prop_map(|(items, separator)| items.join(separator))
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The choice each thread remembers is the one `fluent-langneg` makes: asked
        /// twice, the second answer comes from memory.
        #[test]
        fn remembered_choices_are_fluent_langneg_s(list in header()) {
            let err = not_found();
            let locales = OrderError::CATALOG[0].category().locales().unwrap();
            let decided = error_catalog::__private::negotiate_uncached(locales, &list);
            for _ in 0..2 {
                proptest::prop_assert_eq!(err.message().negotiate(&list).language(), Some(decided));
                proptest::prop_assert_eq!(err.envelope().negotiate(&list).content_language(), Some(decided));
            }
        }

        /// Over any sequence of headers, for two types, asked in turn (more distinct
        /// headers than a thread remembers, so that choices are replaced; some near the
        /// longest remembered length), every answer is `fluent-langneg`'s.
        #[test]
        fn remembered_choices_hold_over_any_sequence(
            pool in proptest::collection::vec(header(), 1..14),
            padding in proptest::collection::vec(118usize..136, 0..3),
            order in proptest::collection::vec((0usize..20, proptest::bool::ANY), 1..48),
        ) {
            // The same list, padded with spaces to about the remembered length.
            let mut pool = pool;
            for (at, &len) in padding.iter().enumerate() {
                let mut list = pool[at % pool.len()].clone();
                while list.len() < len {
                    list.push(' ');
                }
                pool.push(list);
            }
            let err = not_found();
            let billing = crate::shared::BillingError::Overdue { days: 2 };
            for (pick, other_type) in order {
                let list = &pool[pick % pool.len()];
                let error: &dyn ApiError = if other_type { &billing } else { &err };
                let locales = error.spec().category().locales().unwrap();
                let decided = error_catalog::__private::negotiate_uncached(locales, list);
                proptest::prop_assert_eq!(error.message().negotiate(list).language(), Some(decided));
                proptest::prop_assert_eq!(error.envelope().negotiate(list).content_language(), Some(decided));
            }
        }

        #[test]
        fn any_list_negotiates_without_panicking(list in ".{0,200}") {
            let err = not_found();
            let message = err.message().negotiate(&list);
            let language = message.language().unwrap();
            proptest::prop_assert!(["en", "de", "fr", "pt"].contains(&language));
            proptest::prop_assert!(!message.to_string().is_empty());
        }
    }
}

#[cfg(not(feature = "i18n"))]
#[test]
fn without_i18n_selectors_use_the_default_locale() {
    let err = OrderError::TooMany { count: 2, max: 3 };
    assert_eq!(
        err.message().locale("fr").to_string(),
        "The cart holds 2 items; the limit is 3"
    );
    assert_eq!(err.message().locale("fr").language(), Some("en"));
}

mod envelopes {
    use super::{OrderError, not_found};
    use error_catalog::{ApiError, Format};

    const FORMATS: [Format; 5] = [
        Format::Nested,
        Format::Flat,
        Format::Compact,
        Format::Problem,
        Format::Google,
    ];

    #[test]
    fn every_format_writes_the_translation() {
        let err = not_found();
        let bodies: Vec<String> = FORMATS
            .iter()
            .map(|&format| err.envelope().format(format).locale("fr").to_json())
            .collect();
        assert_eq!(
            bodies[0],
            r#"{"error":{"code":"order_not_found","message":"Commande ord_1 introuvable","details":{"id":"ord_1"}}}"#
        );
        assert_eq!(
            bodies[2],
            r#"{"error":"order_not_found","message":"Commande ord_1 introuvable","status":404}"#
        );
        assert_eq!(
            bodies[3],
            r#"{"type":"about:blank","title":"Commande introuvable","status":404,"detail":"Commande ord_1 introuvable","code":"order_not_found","id":"ord_1"}"#
        );
        // Google: `message` stays the default text, the translation is a detail.
        let google: serde_json::Value = serde_json::from_str(&bodies[4]).unwrap();
        assert_eq!(google["error"]["message"], "Order ord_1 not found");
        let details = google["error"]["details"].as_array().unwrap();
        let localized = details.last().unwrap();
        assert_eq!(
            localized["@type"],
            "type.googleapis.com/google.rpc.LocalizedMessage"
        );
        assert_eq!(localized["locale"], "fr");
        assert_eq!(localized["message"], "Commande ord_1 introuvable");
    }

    #[test]
    fn the_fast_writer_and_serde_agree() {
        let errors = [
            not_found(),
            OrderError::TooMany { count: 1, max: 2 },
            OrderError::Declined {
                reason: "say \"no\"\n".into(),
            },
        ];
        for error in &errors {
            for format in FORMATS {
                for tag in ["fr", "de", "pt", "it"] {
                    let envelope = error.envelope().format(format).locale(tag).request_id("r1");
                    assert_eq!(
                        envelope.to_vec(),
                        serde_json::to_vec(&envelope).unwrap(),
                        "{} {format} {tag}",
                        error.code()
                    );
                }
            }
        }
    }

    #[test]
    fn content_language_follows_what_is_written() {
        let err = not_found();
        assert_eq!(
            err.envelope().locale("de").headers()["content-language"],
            "de"
        );
        assert_eq!(
            err.envelope().locale("it").headers()["content-language"],
            "en"
        );
        // No locale asked for: no `Content-Language`.
        assert!(!err.envelope().headers().contains_key("content-language"));
        let declined = OrderError::Declined { reason: "x".into() };
        let envelope = declined.envelope().format(Format::Google).locale("pt");
        assert_eq!(envelope.content_language(), Some("en"));
        assert!(!envelope.to_json().contains("LocalizedMessage"));
        assert_eq!(envelope.title(), "Payment declined");
    }
}

mod exports {
    use super::OrderError;
    use error_catalog::catalog;

    #[test]
    fn the_json_export_lists_each_locale_s_texts() {
        let json: serde_json::Value =
            serde_json::from_str(&catalog!(OrderError).to_json()).unwrap();
        let not_found = &json["errors"][0]["translations"];
        assert_eq!(
            not_found["fr"],
            serde_json::json!({
                "message": "Commande { $id } introuvable",
                "title": "Commande introuvable",
                "resolution": "Vérifiez l'identifiant de la commande.",
            })
        );
        // `pt` translates the message only: the title and resolution are the default ones.
        assert_eq!(not_found["pt"]["title"], "Order not found");
        assert_eq!(not_found["pt"]["resolution"], "Check the order ID.");
        // A partial locale without the code is left out.
        let declined = &json["errors"][2]["translations"];
        assert_eq!(
            declined.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["de", "fr"]
        );
        assert!(
            json["errors"][1]["translations"]["de"]["message"]
                .as_str()
                .unwrap()
                .contains("[one] Der Warenkorb enthält einen Artikel")
        );
    }

    #[test]
    fn the_translator_template_holds_every_code() {
        let template = catalog!(OrderError).fluent_template();
        assert_eq!(
            template,
            "## OrderError: Order errors.\n\n\
             # The order does not exist.\n\
             order_not_found = Order { $id } not found\n    .title = Order not found\n    .resolution = Check the order ID.\n\n\
             cart-too_many = The cart holds { $count } items; the limit is { $max }\n    .title = Cart too many\n\n\
             payment_declined = The payment was declined\n    .title = Payment declined\n"
        );
    }

    #[test]
    fn the_markdown_page_in_a_locale() {
        let errors = catalog!(OrderError);
        let english = errors.markdown().to_string();
        let french = errors.markdown().locale("fr").to_string();
        // Title, example message and resolution translated; the rest as in English.
        assert!(
            french.contains("### `order_not_found`: Commande introuvable\n"),
            "{french}"
        );
        assert!(
            french.contains(r#""detail": "Commande id_abc123 introuvable""#),
            "{french}"
        );
        assert!(french.contains("**Resolution:** Vérifiez l'identifiant de la commande.\n"));
        assert!(english.contains("### `order_not_found`: Order not found\n"));
        assert!(
            english.contains(r#""detail": "Order id_abc123 not found""#),
            "{english}"
        );
        // A message the default one does not show: its field gets a sample too.
        assert!(french.contains(r#""detail": "Le paiement a été refusé : string""#));
        // A plural goes through Fluent (`i18n`); without it, the default locale.
        let plural = if cfg!(feature = "i18n") {
            r#""detail": "Le panier contient 1 article ; la limite est 1""#
        } else {
            r#""detail": "The cart holds 1 items; the limit is 1""#
        };
        assert!(french.contains(plural), "{french}");
        assert!(!french.contains("{ $"), "{french}");
        // A locale that only translates the message keeps the default title.
        let portuguese = errors.markdown().locale("pt").to_string();
        assert!(
            portuguese.contains("### `order_not_found`: Order not found\n"),
            "{portuguese}"
        );
        assert!(portuguese.contains("### `payment_declined`: Payment declined\n"));
        // An unknown locale writes the default page.
        assert_eq!(errors.markdown().locale("it").to_string(), english);
        assert_eq!(french.lines().count(), english.lines().count());
    }

    #[test]
    fn a_type_without_locales_has_no_translations_member() {
        #[derive(Debug, error_catalog::ApiError)]
        #[error(code = "gone", status = 410, message = "Gone")]
        pub struct Gone;
        let json: serde_json::Value = serde_json::from_str(&catalog!(Gone).to_json()).unwrap();
        assert!(json["errors"][0].get("translations").is_none());
    }
}

mod guard {
    use super::OrderError;
    use error_catalog::catalog;
    use error_catalog::guard::Change;

    #[test]
    fn a_locale_that_loses_a_code_is_a_breaking_change() {
        let current = catalog!(OrderError);
        let mut baseline: serde_json::Value = serde_json::from_str(&current.to_json()).unwrap();
        assert!(current.compare(&baseline.to_string()).unwrap().is_empty());
        // The baseline had an Italian text, and a Portuguese one for `payment_declined`.
        baseline["errors"][0]["translations"]["it"] =
            baseline["errors"][0]["translations"]["fr"].clone();
        baseline["errors"][2]["translations"]["pt"] =
            baseline["errors"][2]["translations"]["fr"].clone();
        let report = current.compare(&baseline.to_string()).unwrap();
        assert_eq!(
            report.breaking().cloned().collect::<Vec<_>>(),
            [
                Change::TranslationRemoved {
                    code: "order_not_found".into(),
                    locale: "it".into()
                },
                Change::TranslationRemoved {
                    code: "payment_declined".into(),
                    locale: "pt".into()
                },
            ]
        );
        assert!(
            report
                .to_string()
                .contains("code `order_not_found`: locale `it` no longer translates it")
        );
    }
}

/// tonic: the status message stays the default text, the translation is a
/// `google.rpc.LocalizedMessage` detail; the locale comes from the request's
/// `accept-language` metadata (here, the context the `RequestIdLayer` sets from it).
#[cfg(all(feature = "tonic", feature = "i18n"))]
mod tonic_status {
    use super::not_found;
    use error_catalog::RequestContext;
    use tonic_types::StatusExt;

    #[tokio::test]
    async fn the_status_carries_a_localized_message() {
        let accept = http::HeaderValue::from_static("fr-CA, de;q=0.5");
        let context = RequestContext::new().accept_language(Some(&accept));
        let status: tonic::Status = context.scope(async { not_found().into() }).await;
        assert_eq!(status.message(), "Order ord_1 not found");
        let details = status.check_error_details().unwrap();
        let localized = details.localized_message().unwrap();
        assert_eq!(localized.locale, "fr");
        assert_eq!(localized.message, "Commande ord_1 introuvable");
        // Without a language asked for, no such detail.
        let status: tonic::Status = not_found().into();
        assert!(
            status
                .check_error_details()
                .unwrap()
                .localized_message()
                .is_none()
        );
    }
}

/// Two types whose translations are in one folder (`shared_locales`), checked together
/// by `catalog!`.
mod shared {
    use error_catalog::{ApiError, Catalog, catalog};

    #[derive(Debug, ApiError)]
    #[api_error(locales = "error-catalog/tests/locales/shared", shared_locales)]
    pub enum AccountError {
        #[error(
            code = "account_locked",
            status = 423,
            message = "The account {account} is locked"
        )]
        Locked { account: String },
    }

    #[derive(Debug, ApiError)]
    #[api_error(locales = "error-catalog/tests/locales/shared", shared_locales)]
    pub enum BillingError {
        #[error(
            code = "invoice_overdue",
            status = 402,
            message = "The invoice is {days} days overdue"
        )]
        Overdue { days: u32 },
    }

    static ERRORS: Catalog = catalog!(AccountError, BillingError);

    #[test]
    fn a_locale_has_no_translation_for_another_types_code() {
        let account_fr = AccountError::CATALOG[0]
            .category()
            .locales()
            .unwrap()
            .get("fr")
            .unwrap();
        assert!(account_fr.translation(&BillingError::CATALOG[0]).is_none());
        // Its own codes still read their own texts.
        let locked = account_fr.translation(&AccountError::CATALOG[0]).unwrap();
        assert_eq!(locked.id(), "account_locked");
        assert_eq!(locked.source(), "Le compte { $account } est verrouillé");
    }

    #[test]
    fn each_type_takes_its_own_messages_from_the_shared_folder() {
        let locked = AccountError::Locked {
            account: "acct_1".into(),
        };
        assert_eq!(
            locked.message().locale("fr").to_string(),
            "Le compte acct_1 est verrouillé"
        );
        assert_eq!(
            locked.message().locale("de").to_string(),
            "Das Konto acct_1 ist gesperrt"
        );
        let overdue = ERRORS.find("invoice_overdue").unwrap();
        assert_eq!(
            overdue.translation("fr").unwrap().title(),
            Some("Facture en retard")
        );
        // Each type's table holds its own codes; the other type's ids are recorded for
        // `catalog!`, per locale, with where they are defined.
        let others = |spec: &error_catalog::ErrorSpec, tag: &str| -> Vec<(&str, &str)> {
            let locale = spec.category().locales().unwrap().get(tag).unwrap();
            locale
                .others
                .iter()
                .map(|other| (other.id, other.at))
                .collect()
        };
        assert_eq!(
            others(ERRORS.find("account_locked").unwrap(), "de"),
            [(
                "invoice_overdue",
                "error-catalog/tests/locales/shared/de/billing.ftl:1"
            )]
        );
        assert_eq!(
            others(overdue, "fr"),
            [(
                "account_locked",
                "error-catalog/tests/locales/shared/fr/errors.ftl:3"
            )]
        );
    }

    #[cfg(feature = "i18n")]
    #[test]
    fn a_plural_of_the_shared_folder() {
        let message = |days| {
            BillingError::Overdue { days }
                .message()
                .locale("fr")
                .to_string()
        };
        assert_eq!(message(1), "La facture est en retard d'un jour");
        assert_eq!(message(3), "La facture est en retard de 3 jours");
    }
}
